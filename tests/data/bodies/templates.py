# ruff: noqa: E501  (page markup reads best one tag run per line, as served)
"""Page shapes for the article-body set, each after a family of real news-site layouts.

Every template returns (page html, charset to encode it with, Content-Type header sent).
Furniture is deliberately varied: where the related list sits, whether captions are
<figcaption> or a bare <p>, whether text is in <p> or <br>-separated, cookie dialogs before
or after the article, comments, share widgets, inline scripts and JSON blobs.
"""

from __future__ import annotations

import html
import json
import random
from typing import Any

e = html.escape
COMMENTS_EN = [
    ("gardenerjoe", "About time. We have been waiting years for this."),
    ("M. Patel", "Does anyone know whether this affects the east side too?"),
    ("skeptic42", "I'll believe it when I see it. Same promises every year."),
]
COMMENTS_ZH = [
    ("网友小王", "支持！希望早日落实。"),
    ("山城老李", "我们这边什么时候也能有？"),
    ("路人甲", "说得好，点赞。"),
]
COOKIE_EN = (
    "We use cookies to improve your experience, analyse traffic and show personalised "
    "advertising. By clicking Accept all you agree to our use of cookies."
)
COOKIE_ZH = "本网站使用 cookie 以提升浏览体验。继续浏览即表示您同意我们的隐私政策和 cookie 政策。"
COOKIE_TW = "本網站使用 Cookie 提供更好的服務。繼續瀏覽即表示您同意本站隱私權政策。"
TRACKER = (
    "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime()"
    "});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
    "j.src='https://www.example.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
    "(window,document,'script','dataLayer','GTM-XXXX');</script>"
)


def slug(a: Any) -> str:
    return f"/news/{a.id}-story.html"


def teaser(a: Any, n: int) -> str:
    first = next(t for k, t in a.blocks if k == "p").strip()
    return first[:n] + ("…" if len(first) > n else "")


def body_html(a: Any, p: str, fig: str, h: str = "<h2>{}</h2>") -> str:
    shapes = {"p": p, "h": h, "cap": fig}
    return "\n".join(shapes[k].format(e(t)) for k, t in a.blocks)


def wp(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    fig = (
        '<figure class="wp-block-image size-large"><img src="/wp-content/uploads/1.jpg" '
        'alt=""><figcaption class="wp-element-caption">{}</figcaption></figure>'
    )
    related = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">'
        f'<a href="{slug(r)}">{e(r.title)}</a></h4><p class="jp-relatedposts-post-excerpt">'
        f"{e(teaser(r, 90))}</p></div>"
        for r in rel
    )
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">{e(n)}</b> says:</footer><div class="comment-content"><p>{e(c)}</p>'
        f"</div></article></li>"
        for n, c in COMMENTS_EN
    )
    page = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8">
<title>{e(a.title)} &#8211; The Riverside Echo</title>
<link rel="stylesheet" href="/wp-content/themes/echo/style.css">{TRACKER}</head>
<body class="post-template-default single single-post">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">The Riverside Echo</a></p>
<p class="site-description">Independent local news since 1887</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/whats-on">What's On</a></li>
<li><a href="/property">Property</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randint(1000, 9999)}" class="post type-post status-publish format-standard">
<header class="entry-header"><h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time datetime="2026-11-03">3 November 2026</time></span>
<span class="byline"> by <span class="author vcard"><a href="/author/staff">Staff Reporter</a></span></span></div></header>
<div class="entry-content">
{body_html(a, "<p>{}</p>", fig, '<h2 class="wp-block-heading">{}</h2>')}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">X</a></li>
<li><a class="share-email" href="#">Email</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
{related}</div></div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/news">News</a></span>
<span class="tags-links">Tagged <a href="/tag/council">council</a>, <a href="/tag/local">local</a></span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on &ldquo;{e(a.title)}&rdquo;</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post"><p class="comment-notes">Your email address will not be published.</p>
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form><input type="search"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
{"".join(f'<li><a href="{slug(r)}">{e(r.title)}</a></li>' for r in rel[:3])}</ul></section>
<section class="widget widget_text"><h2 class="widget-title">Advertise with us</h2>
<div class="textwidget"><p>Reach 40,000 local readers every week. Call our sales team.</p></div></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2026 The Riverside Echo. Proudly powered by WordPress.</div></footer></div>
<div id="cookie-law-info-bar" data-nosnippet="true"><span>{COOKIE_EN}
<a role="button" id="cookie_action_close_header">Accept all</a></span></div>
</body></html>"""
    return page, "utf-8", "text/html; charset=UTF-8"


def bbc(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    fig = (
        '<div data-component="image-block"><figure><div><img src="/i/1.jpg" alt="" '
        'width="976"></div><figcaption><span class="visually-hidden">Image caption, </span>'
        "{}</figcaption></figure></div>"
    )
    p = '<div data-component="text-block"><div class="sc-text"><p>{}</p></div></div>'
    h = '<div data-component="subheadline-block"><h2>{}</h2></div>'
    more = "".join(
        f'<li><div><a href="{slug(r)}"><span>{e(r.title)}</span></a></div></li>' for r in rel
    )
    topics = "".join(f'<li><a href="/topics/{t}">{t.title()}</a></li>' for t in ("uk", "science"))
    state = json.dumps({"page": {"id": a.id, "headline": a.title, "section": "news"}})
    page = f"""<!DOCTYPE html><html lang="en-GB" class="no-js"><head><meta charSet="utf-8"/>
<title>{e(a.title)} - National News</title><meta name="description" content="{e(teaser(a, 140))}"/>
<meta property="og:title" content="{e(a.title)}"/><script>window.__INITIAL_DATA__={json.dumps(state)};</script>
<style>.sc-text p{{font-size:1rem}}</style></head><body>
<div id="consent-banner" class="consent-banner" role="dialog" aria-label="Cookie consent">
<h2>Let us know you agree to cookies</h2><p>{COOKIE_EN}</p><button>Yes, I agree</button><button>No, take me to settings</button></div>
<header role="banner"><a href="/">National News</a><nav aria-label="Main"><ul><li><a href="/">Home</a></li>
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/iplayer">Watch</a></li></ul></nav></header>
<div id="main-wrapper"><main id="main-content" role="main"><article>
<header><h1 id="main-heading" tabindex="-1">{e(a.title)}</h1></header>
<div data-component="byline-block"><div><span>By Imogen Hart</span><span>Science correspondent</span></div></div>
<div data-component="timestamp-block"><time datetime="2026-11-04T06:12:00Z">4 hours ago</time></div>
<div data-component="share-block"><button aria-label="Share">Share</button><button>Save</button></div>
{body_html(a, p, fig, h)}
<div data-component="links-block"><h2>More on this story</h2><ul>{more}</ul></div>
<div data-component="tag-list"><h2>Related Topics</h2><ul>{topics}</ul></div>
</article>
<section aria-labelledby="top-stories" data-component="top-stories"><h2 id="top-stories">Top stories</h2>
<ul>{"".join(f'<li><a href="{slug(r)}">{e(r.title)}</a><span>Live</span></li>' for r in rel[:2])}</ul></section>
<section data-component="most-read"><h2>Most read</h2><ol>
{"".join(f'<li><span>{i}</span><a href="{slug(r)}">{e(r.title)}</a></li>' for i, r in enumerate(rel, 1))}</ol></section>
</main></div>
<footer role="contentinfo"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a></li>
<li><a href="/cookies">Cookies</a></li></ul><p>Copyright 2026 National News. We are not responsible for the content of external sites.</p></footer>
</body></html>"""
    return page, "utf-8", "text/html;charset=utf-8"


def tabloid(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    paras = [t for k, t in a.blocks if k == "p"]
    half = len(paras) // 2
    readmore = rel[0]
    text = "<br><br>\n".join(e(t) for t in paras[:half])
    text += (
        f'<br><br>\n<span class="readmore"><b>READ MORE:</b> <a href="{slug(readmore)}">'
        f"{e(readmore.title)}</a></span><br><br>\n"
        '<div class="ad-slot" id="div-gpt-ad-mpu1"><span>ADVERTISEMENT</span>'
        "<script>googletag.cmd.push(function(){googletag.display('mpu1')});</script></div>\n"
    )
    text += "<br><br>\n".join(e(t) for t in paras[half:])
    trending = "".join(
        f'<tr><td><a href="{slug(r)}"><img src="/t/{i}.jpg" width="60"></a></td>'
        f'<td><a href="{slug(r)}" class="trend">{e(r.title)}</a></td></tr>'
        for i, r in enumerate(rel)
    )
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{e(a.title)} | Daily Clarion</title>
<script type="text/javascript">var adSlots=["mpu1","mpu2"];var pageType="article";</script></head>
<body bgcolor="#ffffff" onload="initAds()"><table width="980" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="2" class="masthead"><a href="/"><img src="/logo.gif" alt="Daily Clarion"></a>
<div class="topnav"><a href="/news">NEWS</a> | <a href="/showbiz">SHOWBIZ</a> | <a href="/sport">SPORT</a> |
<a href="/money">MONEY</a> | <a href="/travel">TRAVEL</a></div></td></tr>
<tr><td width="640" valign="top" class="content"><font face="Arial" size="5"><b>{e(a.title)}</b></font><br>
<span class="byline">By CLARION REPORTER<br>PUBLISHED: 09:14, 5 November 2026 | UPDATED: 11:02, 5 November 2026</span><br>
<div class="social"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Comments (214)</a></div><br>
<img src="/p/main.jpg" width="620"><br><font size="1" color="#666">{e(a.title)}</font><br><br>
<font face="Arial" size="3">{text}</font><br><br>
<table class="newsletter" width="100%" bgcolor="#eeeeee"><tr><td><b>Get the best stories in your inbox</b><br>
Sign up for our free daily newsletter. <input type="email"><input type="submit" value="Sign up"></td></tr></table>
<div id="comments"><h3>Comments (214)</h3><p>Share what you think</p>
{"".join(f'<div class="comment"><b>{e(n)}</b>, Leeds, 2 hours ago<p>{e(c)}</p><a href="#">Reply</a> <a href="#">Rate</a></div>' for n, c in COMMENTS_EN)}
<p>The views expressed in the contents above are those of our users and do not necessarily reflect the views of the Daily Clarion.</p></div></td>
<td width="300" valign="top" class="sidebar"><div class="puff"><b>TRENDING</b><table>{trending}</table></div>
<div class="ad"><iframe src="/ads/mpu.html" width="300" height="250"></iframe></div></td></tr>
<tr><td colspan="2" class="footer"><a href="/about">About us</a> | <a href="/contact">Contact</a> |
<a href="/privacy">Privacy</a> | Published by Clarion Media Ltd. &copy;2026</td></tr></table></body></html>"""
    return page, "cp1252", "text/html"


def wire(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    paras = [t for k, t in a.blocks if k == "p"]
    body = [f'<p data-testid="paragraph-{i}">{e(t)}</p>' for i, t in enumerate(paras)]
    body.insert(
        min(3, len(body)),
        '<div class="article-body__ad" data-testid="ResponsiveAdSlot"><div>Advertisement · '
        "Scroll to continue</div></div>",
    )
    most_read = "".join(f'<li><a href="{slug(r)}">{e(r.title)}</a></li>' for r in rel)
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(a.title)} | Newswire</title>
<meta property="og:title" content="{e(a.title)}"><script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": a.title, "articleBody": " ".join(paras)})}</script></head>
<body><div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner">
<div id="onetrust-policy-text">{COOKIE_EN}</div><button id="onetrust-accept-btn-handler">I Accept</button></div>
<header class="site-header"><nav><a href="/world">World</a><a href="/business">Business</a><a href="/markets">Markets</a>
<a href="/sustainability">Sustainability</a><a href="/legal">Legal</a><a href="/breakingviews">Breakingviews</a></nav>
<a href="/account/sign-in">Sign In</a> <a href="/account/register">Register</a></header>
<main id="main-content"><div class="article-header"><nav aria-label="Tags" class="breadcrumb"><a href="/business">Business</a></nav>
<h1 data-testid="Heading">{e(a.title)}</h1><div class="info-content"><span>By Staff Reporters</span>
<time>November 6, 2026 2:41 PM GMT Updated 3 min ago</time></div></div>
<div class="article-body__content" data-testid="ArticleBody">{"".join(body)}
<p class="sign-off" data-testid="SignOffLine">Reporting by Newswire staff; Editing by Ed Marsh</p>
<p class="trust-principles"><a href="/trust">Our Standards: The Newswire Trust Principles.</a></p></div>
<section class="read-next"><h2>Read Next</h2><ul>{most_read}</ul></section></main>
<aside class="most-popular"><h2>Most Popular</h2><ol>{most_read}</ol></aside>
<footer><p>All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.</p>
<p>&copy; 2026 Newswire. All rights reserved</p></footer></body></html>"""
    return page, "utf-8", "text/html; charset=utf-8"


from templates_more import MORE  # noqa: E402  (the rest of the shapes)

TEMPLATES = {"wp": wp, "bbc": bbc, "tabloid": tabloid, "wire": wire, **MORE}
