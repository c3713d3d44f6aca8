"""Paragraphs and sentences, without Stanza.

Argos splits input on every "\\n" and then runs Stanza per paragraph: hard-wrapped lines become
fragments (LibreTranslate#288) and Stanza costs seconds of start-up and cannot read the 1.9
packages' data offline (FIELD-NOTES). Here paragraphs are blank-line blocks whose wrapped
lines are re-joined, and sentences are cut by rules that know Chinese end punctuation and
English abbreviations ("U.S.", "Jr.", "Ma."), initials and decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aggregator.langs import is_chinese

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
# A line ending like this closes a paragraph even without a blank line after it.
_LINE_END = re.compile(r"[.!?。！？；;:：…\"'”’」』）)\]]\s*$")

# Chinese: a sentence ends at 。！？； (or …… ) plus any closing quotes/brackets after it.
_ZH_END = re.compile(r"(?:[。！？；!?]|……)[”’」』）)\]\"']*")

_EN_ABBREV = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    no nos vol vols fig figs pp ed eds est approx dept univ inc corp co ltd llc plc bros assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    vs etc al e.g i.e u.s u.k u.n u.s.a e.u a.m p.m ph.d m.d b.a m.a d.c
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
# "U.S." or "Jr." can end a sentence too; these words after them usually start a new one.
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i in on at but and this that these those his her its their "
    "there after before when while however meanwhile officials".split()
)
_EN_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]*[A-Z0-9])")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph and the separator that followed it in the original text."""

    text: str
    sep: str


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def _join_lines(prev: str, line: str) -> str:
    # Chinese lines wrap without a space; Latin ones with one.
    if prev and has_han(prev[-1]) and has_han(line[:1]):
        return prev + line
    return f"{prev} {line}" if prev else line


def paragraphs(text: str) -> list[Paragraph]:
    """Blank-line blocks; inside a block, a line that does not end a sentence is joined to the
    next (hard wrapping), while a line that does stays its own paragraph (one-per-line text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[Paragraph] = []
    pos = 0
    blocks: list[tuple[str, str]] = []
    for m in _BLANK_LINE.finditer(text):
        blocks.append((text[pos : m.start()], m.group(0)))
        pos = m.end()
    blocks.append((text[pos:], ""))
    for block, sep in blocks:
        lines = [ln.strip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        current = ""
        for line in lines:
            current = _join_lines(current, line)
            if _LINE_END.search(line):
                out.append(Paragraph(current, "\n"))
                current = ""
        if current:
            out.append(Paragraph(current, "\n"))
        if out and sep:
            out[-1] = Paragraph(out[-1].text, "\n\n")
    if out:
        out[-1] = Paragraph(out[-1].text, "")
    return out


def join_paragraphs(parts: list[Paragraph]) -> str:
    return "".join(p.text + p.sep for p in parts)


def split_zh(text: str) -> list[str]:
    """Chinese sentences: cut after 。！？； (with trailing closing quotes) and line breaks."""
    out: list[str] = []
    for line in text.split("\n"):
        pos = 0
        for m in _ZH_END.finditer(line):
            piece = line[pos : m.end()].strip()
            if piece:
                out.append(piece)
            pos = m.end()
        rest = line[pos:].strip()
        if rest:
            out.append(rest)
    return out


def _is_abbreviation(before: str, next_word: str) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("\"'“‘([")
    low = word.lower().rstrip(".")
    if not low:
        return False
    if len(low) == 1 and low.isalpha():  # an initial: "John F. Kennedy"
        return True
    if low in _EN_ABBREV:
        # "in the U.S. The next day" ends a sentence; "U.S. officials" does not.
        return next_word.lower() not in _SENTENCE_STARTERS
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):  # other dotted initialisms
        return next_word.lower() not in _SENTENCE_STARTERS
    return False


def split_en(text: str) -> list[str]:
    """English sentences: cut at . ! ? followed by space and a capital or digit, unless the
    dot ends an abbreviation or an initial; decimals ("3.5") never match (no space)."""
    out: list[str] = []
    for line in text.split("\n"):
        pos = 0
        for m in _EN_CANDIDATE.finditer(line):
            if m.group(1) == ".":
                nxt = re.match(r"[\"'“‘(\[]*([A-Za-z0-9]+)", line[m.end() :])
                if _is_abbreviation(line[pos : m.start()], nxt.group(1) if nxt else ""):
                    continue
            end = m.end(2)
            piece = line[pos:end].strip()
            if piece:
                out.append(piece)
            pos = m.end()
        rest = line[pos:].strip()
        if rest:
            out.append(rest)
    return out


def split_sentences(text: str, lang: str) -> list[str]:
    return split_zh(text) if is_chinese(lang) else split_en(text)
