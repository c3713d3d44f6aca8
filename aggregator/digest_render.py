"""The digest as HTML, and the sanitizers and shared lines that `digest_text` (the plain
text part) uses too. Every piece of feed text is untrusted here.

Feed titles, summaries, names and URLs are reduced to single printable lines (no CR/LF, no
control or bidi-override characters), HTML-escaped, and linked only when the URL is http(s)
with a host. The HTML carries no script, no <style> block, no image and no remote resource:
layout is tables with inline styles, the common ground of Gmail, Outlook and K-9.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from . import __version__
from .digest import (
    DEFAULT_LIMITS,
    Digest,
    DigestArticle,
    DigestStory,
    Limits,
    Plan,
    StoryView,
    plan,
)
from .langs import target_of

# Said once, at the top, when translations are missing: one line per missing title read as
# noise (32 of 144 lines of a day's digest without models).
PENDING_NOTE = (
    "Translations are pending for {n}; install the models with "
    "`newsdesk models install en zh` and `newsdesk models install zh en`, then run "
    "`newsdesk translate`. · {n_zh}篇文章的译文尚未生成。"
)
LANG_LABEL = {"en": "EN", "zh": "中文", "zh-Hant": "繁體", "other": "other"}
HTML_LANG = {"en": "en", "zh": "zh-Hans", "zh-Hant": "zh-Hant"}

FONT = (
    "font-family:-apple-system,'Segoe UI',Helvetica,Arial,'PingFang SC','Microsoft YaHei',"
    "'Noto Sans CJK SC','Noto Sans SC',sans-serif;"
)
MUTED = "color:#6b7280;font-size:12px;line-height:18px;"


# --- sanitizing ----------------------------------------------------------------------------


def one_line(text: str | None) -> str:
    """Printable single-line text: line breaks, control and format characters (bidi
    overrides, zero-width tricks) become spaces, runs of spaces collapse."""
    if not text:
        return ""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link with a host, else None (shown as text only)."""
    if not url:
        return None
    url = url.strip()
    if any(not ch.isprintable() or ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


def subject(d: Digest) -> str:
    """A fixed template over a date and counts: no feed text can reach a header."""
    day = d.day.isoformat()
    if d.empty:
        return f"新闻摘要 News digest {day}: no new stories"
    return (
        f"新闻摘要 News digest {day}: {plural(len(d.stories), 'story', 'stories')}, "
        f"{plural(d.article_count, 'article', 'articles')}"
    )


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def translated_line(text: str | None, src_lang: str) -> str | None:
    """The translation on one line; None where there is none (the note at the top says why)."""
    if target_of(src_lang) is None:
        return None
    return one_line(text) or None


def pending_note(d: Digest) -> str | None:
    """The one line saying translations are missing, or None when none are."""
    if not d.untranslated:
        return None
    n = plural(d.untranslated, "article", "articles")
    return PENDING_NOTE.format(n=n, n_zh=d.untranslated)


def article_meta(a: DigestArticle) -> str:
    return f"{one_line(a.feed) or '?'} · {a.when:%H:%M} · {LANG_LABEL.get(a.lang, a.lang)}"


def story_meta(s: DigestStory) -> str:
    langs = " + ".join(LANG_LABEL.get(x, x) for x in s.languages)
    meta = (
        f"{plural(len(s.articles), 'article', 'articles')} · "
        f"{plural(len(s.sources), 'source', 'sources')} · {langs}"
    )
    if s.since is not None:  # a continuing story: say how long it has been running
        meta += f" · developing since {s.since:%d %b} · 始于{s.since.month}月{s.since.day}日"
    return meta


def summary_line(d: Digest) -> str:
    if d.empty:
        return "No new stories for this day. 当天没有新的报道。"
    return (
        f"{plural(len(d.stories), 'story', 'stories')}, "
        f"{plural(len(d.singletons), 'other article', 'other articles')}."
    )


def more_line(n: int, one: str, many: str, zh_unit: str) -> str:
    return f"+ {plural(n, 'more ' + one, 'more ' + many)} not shown · 另有{n}{zh_unit}未列出"


def first_url(s: DigestStory) -> str | None:
    return next((u for u in (safe_url(a.url) for a in s.articles) if u), None)


def see_ref(number: int | None) -> str:
    return f" (see {number} · 见第{number}条)" if number is not None else ""


# --- HTML ----------------------------------------------------------------------------------
# Font and colour sit on every <td>: Outlook does not inherit them from <body> or <table>.


def _e(text: str | None) -> str:
    return html.escape(one_line(text), quote=True)


def _lang_attr(lang: str | None) -> str:
    code = HTML_LANG.get(lang or "")
    return f' lang="{code}"' if code else ""


def _link(text: str, url: str | None, style: str = "color:#1d4ed8;") -> str:
    safe = safe_url(url)
    if safe is None:  # plain dark text: nothing that looks clickable without a safe link
        return f'<span style="color:#111827;">{_e(text)}</span>'
    return (
        f'<a href="{html.escape(safe, quote=True)}" target="_blank" rel="noopener noreferrer" '
        f'style="{style}text-decoration:none;">{_e(text)}</a>'
    )


def _p(text: str, style: str, lang: str | None = None) -> str:
    return f'<div{_lang_attr(lang)} style="{style}">{text}</div>'


def _row(content: str, style: str) -> str:
    # word-break: a feed's unbroken token (a long URL-like title) must not widen the layout
    return f'<tr><td style="{FONT}color:#111827;word-break:break-word;{style}">{content}</td></tr>'


def _html_translation(text: str | None, src_lang: str, style: str) -> str:
    shown = translated_line(text, src_lang)
    if shown is None:
        return ""
    return _p(html.escape(shown), style, target_of(src_lang) or src_lang)


def _html_article(a: DigestArticle, *, full: bool) -> str:
    size = "16px;line-height:22px" if full else "15px;line-height:21px"
    parts = [
        _p(html.escape(article_meta(a)), MUTED),
        _p(_link(a.title, a.url), f"font-size:{size};font-weight:bold;", a.lang),
        _html_translation(a.title_translated, a.lang, "font-size:14px;line-height:20px;"),
    ]
    if full and a.lead:
        parts.append(_p(_e(a.lead), "font-size:14px;line-height:21px;padding-top:4px;", a.lang))
        parts.append(
            _html_translation(
                a.lead_translated, a.lang, "font-size:14px;line-height:21px;color:#4b5563;"
            )
        )
    pad = "10px 24px" if full else "6px 24px"
    return _row("".join(parts), f"padding:{pad};border-top:1px solid #f0f0f0;")


def _html_more(n: int, one: str, many: str, zh_unit: str) -> str:
    return _row(
        html.escape(more_line(n, one, many, zh_unit)), MUTED + "padding:6px 24px 10px 24px;"
    )


def _html_story(v: StoryView, p: Plan) -> str:
    s = v.story
    head = (
        _p(
            f"{v.number}. {_e(s.title)}",
            "font-size:20px;line-height:27px;font-weight:bold;",
            s.title_lang,
        )
        + _html_translation(s.title_translated, s.title_lang, "font-size:16px;line-height:23px;")
        + _p(html.escape(story_meta(s)), MUTED + "padding-top:4px;")
    )
    rows = [
        _row(head, "padding:20px 24px 8px 24px;background:#f8fafc;border-top:3px solid #1d4ed8;")
    ]
    rows += [_html_article(a, full=True) for a in v.lead]
    rows += [_html_article(a, full=False) for a in v.brief]
    if v.hidden:
        rows.append(_html_more(v.hidden, "article", "articles", "篇文章"))
    if s.related:
        items = []
        for r in s.related:
            label = _link(r.title, r.url)
            if r.title_translated:
                label += f' <span style="color:#6b7280;">/ {_e(r.title_translated)}</span>'
            see = see_ref(p.number_of(r.id))
            if see:
                label += f' <span style="color:#6b7280;">{html.escape(see.strip())}</span>'
            items.append(_p("• " + label, "font-size:14px;line-height:21px;"))
        rows.append(
            _row(
                _p("Related coverage · 相关报道", MUTED + "font-weight:bold;") + "".join(items),
                "padding:6px 24px 14px 24px;",
            )
        )
    return "".join(rows)


def _html_brief_story(v: StoryView) -> str:
    s = v.story
    content = (
        _p(
            f"{v.number}. {_link(s.title, first_url(s))}",
            "font-size:15px;line-height:21px;font-weight:bold;",
            s.title_lang,
        )
        + _html_translation(s.title_translated, s.title_lang, "font-size:14px;line-height:20px;")
        + _p(html.escape(story_meta(s)), MUTED)
    )
    return _row(content, "padding:6px 24px;border-top:1px solid #f0f0f0;")


def _section(title: str) -> str:
    return _row(
        _p(html.escape(title), "font-size:18px;font-weight:bold;color:#374151;"),
        "padding:20px 24px 6px 24px;border-top:3px solid #9ca3af;",
    )


def render_html(d: Digest, limits: Limits = DEFAULT_LIMITS) -> str:
    day = d.day
    rows = [
        _row(
            _p("newsdesk · 新闻摘要", "font-size:13px;color:#dbeafe;")
            + _p(
                html.escape(day.strftime("%A %d %B %Y"))
                + f" · {day.year}年{day.month}月{day.day}日",
                "font-size:22px;line-height:30px;font-weight:bold;color:#ffffff;",
            )
            + _p(
                f"Times in {html.escape(d.timezone)} · {html.escape(summary_line(d))}",
                "font-size:12px;color:#dbeafe;",
            ),
            "padding:20px 24px;background:#1d4ed8;",
        )
    ]
    note = pending_note(d)
    if note:
        rows.append(_row(_p(html.escape(note), MUTED), "padding:12px 24px;background:#f9fafb;"))
    if d.empty:
        rows.append(
            _row(
                _p("No new stories for this day. 当天没有新的报道。", "font-size:16px;"),
                "padding:24px;",
            )
        )
    p = plan(d, limits)
    more_header = False
    for v in p.stories:
        if v.full:
            rows.append(_html_story(v, p))
            continue
        if not more_header:
            rows.append(_section("More stories · 更多报道"))
            more_header = True
        rows.append(_html_brief_story(v))
    if p.hidden_stories:
        rows.append(_html_more(p.hidden_stories, "story", "stories", "个报道"))
    if p.singletons:
        rows.append(_section("Other articles · 其他报道"))
        rows += [_html_article(a, full=False) for a in p.singletons]
    if p.hidden_singletons:
        rows.append(_html_more(p.hidden_singletons, "article", "articles", "篇文章"))
    rows.append(
        _row(
            _p(f"Generated by newsdesk {html.escape(__version__)}.", MUTED),
            "padding:16px 24px;border-top:1px solid #e5e7eb;",
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(subject(d))}</title></head>"
        '<body style="margin:0;padding:0;background:#f3f4f6;">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'style="background:#f3f4f6;"><tr><td align="center" style="padding:16px 8px;">'
        '<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" '
        'style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e5e7eb;'
        'border-collapse:collapse;text-align:left;">'
        + "\n".join(rows)
        + "</table></td></tr></table></body></html>\n"
    )
