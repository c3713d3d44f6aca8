"""The digest as plain text (the mail's text/plain part and `newsdesk digest` on a terminal).

Split from `digest_render`, whose sanitizers every line goes through: feed text is untrusted,
so each title, lead, feed name and URL is one printable line, and a URL that is not plain
http(s) is withheld.
"""

from __future__ import annotations

from . import __version__
from .digest import (
    DEFAULT_LIMITS,
    Digest,
    DigestArticle,
    DigestRelated,
    Limits,
    Plan,
    StoryView,
    plan,
)
from .digest_render import (
    article_meta,
    first_url,
    more_line,
    one_line,
    pending_note,
    safe_url,
    see_ref,
    story_meta,
    summary_line,
    translated_line,
)


def render_text(d: Digest, limits: Limits = DEFAULT_LIMITS) -> str:
    out = [f"newsdesk digest · 新闻摘要 · {d.day.isoformat()}", f"Times in {d.timezone}.", ""]
    out += [summary_line(d), ""]
    note = pending_note(d)
    if note:
        out += [note, ""]
    p = plan(d, limits)
    more_header = False
    for v in p.stories:
        if v.full:
            out += _text_story(v, p)
            continue
        if not more_header:
            out += ["== More stories · 更多报道 ==", ""]
            more_header = True
        out += _text_brief_story(v)
    if p.hidden_stories:
        out += [more_line(p.hidden_stories, "story", "stories", "个报道"), ""]
    if p.singletons:
        out += ["== Other articles · 其他报道 ==", ""]
        for a in p.singletons:
            out += _text_article(a, full=False)
    if p.hidden_singletons:
        out += [more_line(p.hidden_singletons, "article", "articles", "篇文章"), ""]
    out += ["--", f"newsdesk {__version__}"]
    return "\n".join(out) + "\n"


def _text_story(v: StoryView, p: Plan) -> list[str]:
    s = v.story
    out = [f"== {v.number}. {one_line(s.title)} =="]
    tr = translated_line(s.title_translated, s.title_lang)
    if tr:
        out.append(f"   {tr}")
    out += [f"   {story_meta(s)}", ""]
    for a in v.lead:
        out += _text_article(a, full=True)
    for a in v.brief:
        out += _text_article(a, full=False)
    if v.hidden:
        out += ["   " + more_line(v.hidden, "article", "articles", "篇文章"), ""]
    if s.related:
        out.append("   Related coverage · 相关报道")
        for r in s.related:
            out += _text_related(r, p.number_of(r.id))
        out.append("")
    return out


def _text_brief_story(v: StoryView) -> list[str]:
    s = v.story
    out = [f" {v.number}. {one_line(s.title)}"]
    tr = translated_line(s.title_translated, s.title_lang)
    if tr:
        out.append(f"    {tr}")
    out.append(f"    {story_meta(s)}")
    url = first_url(s)
    if url:
        out.append(f"    {url}")
    return out + [""]


def _text_article(a: DigestArticle, *, full: bool) -> list[str]:
    lines = [f" * {one_line(a.title)}"]
    tr = translated_line(a.title_translated, a.lang)
    if tr:
        lines.append(f"   {tr}")
    lines.append(f"   {article_meta(a)}")
    url = safe_url(a.url)
    if url:
        lines.append(f"   {url}")
    elif a.url:
        lines.append("   (link withheld: not an http(s) address)")
    if full and a.lead:
        lines.append(f"   {one_line(a.lead)}")
        lead_tr = translated_line(a.lead_translated, a.lang)
        if lead_tr:
            lines.append(f"   {lead_tr}")
    lines.append("")
    return lines


def _text_related(r: DigestRelated, number: int | None) -> list[str]:
    title = one_line(r.title)
    if r.title_translated:
        title += f" / {one_line(r.title_translated)}"
    lines = [f"   - {title}{see_ref(number)}"]
    url = safe_url(r.url)
    if url:
        lines.append(f"     {url}")
    return lines
