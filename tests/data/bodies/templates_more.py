# ruff: noqa: E501  (page markup reads best one tag run per line, as served)
"""More page shapes: magazine long-read, AMP, and the Chinese-language sites."""

from __future__ import annotations

import json
import random
from typing import Any

from templates import (
    COMMENTS_ZH,
    COOKIE_EN,
    COOKIE_TW,
    COOKIE_ZH,
    TRACKER,
    body_html,
    e,
    slug,
    teaser,
)


def magazine(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    paras = [t for k, t in a.blocks if k == "p"]
    quote = paras[2].split(".")[0] if len(paras) > 2 else paras[0].split(".")[0]
    fig = '<figure class="inline-image"><img src="/m/1.jpg" alt=""><figcaption>{}</figcaption></figure>'
    body = body_html(a, '<p class="body-text">{}</p>', fig, '<h2 class="section-head">{}</h2>')
    body = (
        body.replace(
            "</p>\n",
            f'</p>\n<aside class="pullquote"><blockquote>“{e(quote)}.”</blockquote></aside>\n',
            1,
        )
        if len(paras) > 3
        else body
    )
    cards = "".join(
        f'<a class="card" href="{slug(r)}"><img src="/c/{i}.jpg" alt=""><h3>{e(r.title)}</h3>'
        f"<p>{e(teaser(r, 70))}</p></a>"
        for i, r in enumerate(rel)
    )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(a.title)} | The Long Read</title>
<meta name="viewport" content="width=device-width"><style>.drop-cap::first-letter{{font-size:3em}}</style>{TRACKER}</head>
<body><div class="top-bar"><a href="/subscribe">Subscribe for £1 a week</a> <a href="/login">Log in</a></div>
<header class="masthead"><a class="logo" href="/">THE LONG READ</a><nav class="sections"><a href="/culture">Culture</a>
<a href="/ideas">Ideas</a><a href="/life">Life</a><a href="/podcasts">Podcasts</a></nav></header>
<div class="story-wrap"><div class="story-header"><span class="kicker">Features</span><h1>{e(a.title)}</h1>
<p class="standfirst">{e(teaser(a, 80))}</p><p class="author">Words by Fiona Gallacher · 12 min read</p></div>
<div class="story-body drop-cap">{body}</div>
<div class="author-bio"><img src="/a/fg.jpg" alt=""><p>Fiona Gallacher is a writer based in Orkney. Her book on coastal
communities is out next spring.</p></div>
<div class="newsletter-signup"><h3>Enjoyed this piece?</h3><p>Get the best of our long reads every Sunday.</p>
<form><input type="email" placeholder="Your email"><button>Sign me up</button></form></div>
<ul class="tags"><li><a href="/t/heritage">Heritage</a></li><li><a href="/t/scotland">Scotland</a></li></ul></div>
<section class="you-may-also-like"><h2>You may also like</h2><div class="cards">{cards}</div></section>
<footer class="site-footer"><p>The Long Read is published by Long Read Media. Registered in Scotland.</p>
<p><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookie settings</a></p></footer>
<div class="cmp-overlay"><div class="cmp-dialog"><p>{COOKIE_EN}</p><a href="#">Accept</a><a href="#">Reject</a></div></div>
</body></html>"""
    return page, "utf-8", "text/html; charset=utf-8"


def amp(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    body = body_html(
        a, "<p>{}</p>", '<amp-img src="/x.jpg" width="600" height="400" alt="{}"></amp-img>'
    )
    page = f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>{e(a.title)}</title>
<link rel="canonical" href="https://amp.example.com{slug(a)}"><script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-custom>body{{font-family:sans-serif}}.story-content p{{margin:0 0 1em}}</style></head><body>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li>
<li><a href="/transport">Transport</a></li><li><a href="/opinion">Opinion</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">☰</button><a href="/">Metro Today</a></header>
<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{COOKIE_EN}</p><button on="tap:consent.accept">OK</button></div></amp-consent>
<div class="story-header"><h1 class="headline">{e(a.title)}</h1><div class="meta">Metro Today staff · Nov 7, 2026</div>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share></div>
<div class="story-content">{body}</div>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp"></amp-ad>
<div class="related-stories"><h3>Related stories</h3>
{"".join(f'<div class="rs-item"><a href="{slug(r)}">{e(r.title)}</a></div>' for r in rel)}</div>
<footer>© Metro Today 2026 · <a href="/">View non-AMP version</a></footer></body></html>"""
    return page, "utf-8", "text/html; charset=utf-8"


def portal(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    """Sina/Sohu-style, GB2312-declared (or not declared at all), full-width indents."""
    fig = '<p align="center"><img src="/img/1.jpg" border="0"><br><span class="img_descr">{}</span></p>'
    body = body_html(a, "<p>{}</p>", fig)
    variant = a.id
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    ctype = "text/html"
    if variant == "zh02":
        meta = ""  # undeclared GBK
    elif variant == "zh03":
        meta, ctype = "", "text/html; charset=iso-8859-1"  # the server lies
    xgxw = "".join(
        f'<li><a href="{slug(r)}" target="_blank">{e(r.title)}</a> <span>11-0{i + 1}</span></li>'
        for i, r in enumerate(rel)
    )
    hot = "".join(
        f'<li><em>{i}</em><a href="{slug(r)}">{e(r.title)}</a></li>' for i, r in enumerate(rel, 1)
    )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html><head>{meta}
<title>{e(a.title)}_新闻中心_华夏网</title><meta name="keywords" content="新闻,国内"><script type="text/javascript">
var ARTICLE_INFO = {{channel:"news",docid:"{variant}"}};</script></head><body>
<div class="top_nav"><a href="/">华夏网首页</a> | <a href="/news">新闻</a> | <a href="/finance">财经</a> | <a href="/sports">体育</a> |
<a href="/ent">娱乐</a> | <a href="/tech">科技</a> | <a href="/blog">博客</a> | <a href="/video">视频</a></div>
<div class="wrap"><div class="crumbs"><a href="/news">新闻中心</a> &gt; <a href="/news/china">国内新闻</a> &gt; 正文</div>
<div class="main-content"><h1 id="artibodyTitle">{e(a.title)}</h1>
<div class="date-source"><span class="date">2026年11月12日 09:35</span> <span class="source">来源：人民日报</span></div>
<div class="page-tools">【<a href="#">字号 大</a> <a href="#">中</a> <a href="#">小</a>】【<a href="#">打印</a>】【<a href="#">关闭</a>】</div>
<div class="article" id="artibody">
{body}
<p class="show_author">责任编辑：张晓明 SN123</p></div>
<div class="share-box">分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></div>
<div class="xgxw"><h3>相关新闻</h3><ul>{xgxw}</ul></div>
<div class="comment-box"><h3>我要评论</h3><textarea></textarea><span>已有 {rng.randint(10, 900)} 人参与</span>
{"".join(f'<div class="cmt"><span class="name">{e(n)}</span><p>{e(c)}</p></div>' for n, c in COMMENTS_ZH)}</div></div>
<div class="side"><div class="side-box"><h3>热点排行</h3><ol>{hot}</ol></div>
<div class="side-ad"><a href="/ad"><img src="/ad.gif"></a></div></div></div>
<div class="footer"><p>华夏网版权所有 Copyright © 1998-2026 All Rights Reserved</p><p>京ICP证000000号</p></div></body></html>"""
    return page, "gb18030", ctype


def xinhua(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    body = body_html(
        a,
        "<p>{}</p>",
        '<p style="text-align:center"><img src="/p.jpg"></p><p class="pic-note">{}</p>',
    )
    gj = "".join(f'<li><a href="{slug(r)}">{e(r.title)}</a></li>' for r in rel)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a.title)}-新华网</title>
<script src="/static/js/jquery.min.js"></script></head><body>
<div class="header"><div class="nav"><a href="/">首页</a><a href="/politics">时政</a><a href="/local">地方</a>
<a href="/world">国际</a><a href="/fortune">财经</a><a href="/tech">科技</a><a href="/english">English</a></div></div>
<div class="header-cont clearfix"><div class="head-line"><h1><span class="title">{e(a.title)}</span></h1></div>
<div class="header-time"><span class="year">2026</span><span class="day">11/05</span><span class="time">10:21:36</span></div>
<div class="source">来源：新华网</div><div class="pageShare"><span>分享</span><a class="wx">微信</a><a class="wb">微博</a></div></div>
<div class="main clearfix"><div class="main-left left"><div id="detail">
{body}
</div><div class="editor">【责任编辑:李华】</div>
<div class="qrcode"><img src="/qr.png"><p>扫描二维码，在手机上阅读</p></div>
<div class="relative-news"><h2>相关稿件</h2><ul>{gj}</ul></div></div>
<div class="main-right right"><div class="hot"><h3>新华热点</h3><ul>
{"".join(f'<li><a href="{slug(r)}">{e(r.title)}</a></li>' for r in rel[:3])}</ul></div></div></div>
<div class="foot">新华网版权所有 未经协议授权禁止转载</div>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");}})();</script></body></html>"""
    return page, "utf-8", "text/html; charset=utf-8"


def tw(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    """Taiwanese daily: Big5 (one declared, one where HTTP says UTF-8), one UTF-8."""
    fig = '<figure class="photo_center"><img src="/p.jpg"><figcaption>{}</figcaption></figure>'
    paras = body_html(a, "<p>{}</p>", fig).split("\n")
    paras.insert(min(2, len(paras)), '<div class="story_middle_ad"><p>請繼續往下閱讀...</p></div>')
    charset, ctype, meta = "big5hkscs", "text/html", '<meta charset="big5">'
    if a.id == "zh08":
        ctype = "text/html; charset=utf-8"  # the server lies; the page says Big5
    elif a.id == "zh09":
        charset, meta, ctype = "utf-8", '<meta charset="utf-8">', "text/html; charset=utf-8"
    ext = "".join(
        f'<li><a href="{slug(r)}"><span class="title">{e(r.title)}</span></a></li>' for r in rel
    )
    page = f"""<!DOCTYPE html><html lang="zh-Hant-TW"><head>{meta}<title>{e(a.title)} | 生活 | 聯合日報</title>
<meta property="og:title" content="{e(a.title)}">{TRACKER}</head><body>
<header id="header"><div class="logo"><a href="/">聯合日報</a></div><nav class="navigation"><a href="/news/breaknews">即時</a>
<a href="/news/cate/2/6638">要聞</a><a href="/news/cate/2/6639">社會</a><a href="/news/cate/2/6640">地方</a>
<a href="/news/cate/2/7225">全球</a><a href="/news/cate/2/6644">產經</a></nav></header>
<main><section class="article-content"><h1 class="article-content__title">{e(a.title)}</h1>
<div class="article-content__info"><span class="article-content__author">聯合報／記者陳怡君／台北即時報導</span>
<time class="article-content__time">2026-11-08 12:30</time></div>
<div class="article-content__share"><a>分享</a><a>Line</a><a>Facebook</a></div>
<div class="article-content__paragraph"><section class="article-content__editor">
{"".join(paras)}
</section></div>
<div class="app-promo"><p>不用抽 不用搶 現在用APP看新聞 保證天天中獎</p><a href="/app">點我下載APP</a></div>
<div class="keywords">延伸閱讀關鍵字：<a href="/tag/1">颱風</a> <a href="/tag/2">氣象署</a></div></section>
<section class="story-list extension"><div class="story-list__title">延伸閱讀</div><ul>{ext}</ul></section>
<section class="fb-comments"><h2>留言</h2><div class="fb-comments" data-href="https://x.example.com"></div></section></main>
<footer><p>聯合日報 版權所有 &copy; 2026 不得轉載</p></footer>
<div class="privacy-bar"><p>{COOKIE_TW}</p><button>同意</button></div></body></html>"""
    return page, charset, ctype


def hk(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    fig = '<div class="imgPhotoAfterLoad"><img src="/i.jpg"><span class="caption">{}</span></div>'
    body = body_html(a, "<p>{}</p>", fig)
    charset, ctype, meta = "utf-8", "text/html; charset=utf-8", '<meta charset="utf-8">'
    if a.id == "zh11":
        charset, ctype, meta = "big5hkscs", "text/html", ""  # undeclared Big5
    news = "".join(
        f'<div class="news-item"><a href="{slug(r)}"><h4>{e(r.title)}</h4></a><p>{e(teaser(r, 40))}</p></div>'
        for r in rel
    )
    page = f"""<!DOCTYPE html><html lang="zh-HK"><head>{meta}<title>{e(a.title)}｜港聞｜香港時報</title>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"section":"港聞"}});</script></head><body>
<div id="top-menu"><ul><li><a href="/">主頁</a></li><li><a href="/hk">港聞</a></li><li><a href="/finance">財經</a></li>
<li><a href="/intl">國際</a></li><li><a href="/ent">娛樂</a></li></ul></div>
<div class="container"><article class="news-article"><h1 class="news-title">{e(a.title)}</h1>
<div class="news-meta">【香港時報】 2026年11月9日 星期日 14:05</div>
<div class="font-size-ctrl">字體大小 <a>A-</a> <a>A+</a></div>
<div class="article-content" id="articleContent">{body}</div>
<div class="share-tools"><span>分享：</span><a>Facebook</a><a>WhatsApp</a><a>複製連結</a></div></article>
<div class="related-news"><h3>相關新聞</h3>{news}</div>
<div class="sidebar"><h3>熱門</h3><ol>{"".join(f'<li><a href="{slug(r)}">{e(r.title)}</a></li>' for r in rel[:4])}</ol></div></div>
<div class="footer">香港時報 版權所有 不得轉載 <a href="/privacy">私隱政策</a></div></body></html>"""
    return page, charset, ctype


def modern(a: Any, rel: list[Any], rng: random.Random) -> tuple[str, str, str]:
    """A Chinese single-page-app news site: hashed classes, the article also inside JSON."""
    fig = (
        '<div class="index_imgbox__x1"><img src="/i.png"><p class="index_imgdesc__a9">{}</p></div>'
    )
    body = body_html(
        a, '<p class="index_txt__qZ">{}</p>', fig, '<h3 class="index_subtitle__7f">{}</h3>'
    )
    data = {"props": {"pageProps": {"detail": {"title": a.title, "content": body}}}}
    rec = "".join(
        f'<div class="index_card__Q2"><a href="{slug(r)}"><h2>{e(r.title)}</h2></a>'
        f'<div class="index_extra__pd"><span>澎湃新闻</span><span>{rng.randint(2, 99)}评</span></div></div>'
        for r in rel
    )
    page = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(a.title)}_澎湃号</title>
<meta name="description" content="{e(teaser(a, 60))}"></head><body><div id="__next">
<div class="index_header__Ab"><a href="/">首页</a><a href="/channel_25950">时事</a><a href="/channel_25951">财经</a>
<a href="/channel_119908">科技</a><a href="/channel_25952">思想</a><a href="/channel_25953">生活</a><a href="/login">登录</a></div>
<div class="index_wrapper__L0"><div class="index_leftcontent__hq"><h1 class="index_title__B8">{e(a.title)}</h1>
<div class="index_headerContent__x7"><span>记者 王敏</span><span>2026-11-10 08:00</span><span>来源：澎湃新闻</span></div>
<div class="index_cententWrap__Jv">{body}</div>
<div class="index_statement__ZZ">特别声明：本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点。</div>
<div class="index_share__Cp"><span>微信扫一扫</span><span>微博</span><span>收藏</span><span>点赞 {rng.randint(10, 500)}</span></div>
<div class="index_comment__Kd"><h3>评论（{len(COMMENTS_ZH)}）</h3>
{"".join(f'<div class="index_cmt__X"><span>{e(n)}</span><p>{e(c)}</p><span>回复</span></div>' for n, c in COMMENTS_ZH)}</div></div>
<div class="index_rightcontent__p4"><h2>推荐阅读</h2>{rec}</div></div>
<div class="index_footer__Rt">沪ICP备00000000号 © 2014-2026 上海东方报业有限公司</div></div>
<div class="index_cookie__mm" role="dialog"><p>{COOKIE_ZH}</p><button>我知道了</button></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script></body></html>"""
    return page, "utf-8", "text/html; charset=utf-8"


MORE = {
    "magazine": magazine,
    "amp": amp,
    "portal": portal,
    "xinhua": xinhua,
    "tw": tw,
    "hk": hk,
    "modern": modern,
}
