"""Language-independent evidence for linking: names, numbers and dates in either language.

Embeddings of an English and a Chinese report of one event sit further apart than two
unrelated items in one language (FIELD-NOTES), so linking also counts what survives
translation unchanged or by rule: Latin-script names and acronyms (they appear inside
Chinese text too), amounts ("$6 million" = "600万美元" = 6000000), calendar dates
("January 15" = "1月15日" = "d:01-15") and places: every country and territory of the
country table (`aggregator.countries`: names, demonyms, capitals, mainland and Taiwan/Hong
Kong forms) under a small gazetteer of cities, bodies and seas, all mapping English and
Chinese names to one key. Every key carries a kind prefix so a number never matches a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .amounts import MONTHS
from .amounts import dates as dates  # re-exported: callers read every key kind from here
from .amounts import numbers as numbers
from .countries import load as countries_table
from .langs import HAN
from .subnational import EN_LEFT_OUT as SUBNATIONAL_EN_LEFT_OUT
from .subnational import SUBNATIONAL

# English name -> Chinese names (Simplified; Traditional input is folded first). Generic
# newsworthy places and bodies only: the kind of list any bilingual desk keeps.
_GAZETTEER: dict[str, tuple[str, ...]] = {
    "china": ("中国", "中方", "北京"),
    "united states": ("美国", "美方", "华盛顿"),
    "japan": ("日本", "日方", "东京"),
    "philippines": ("菲律宾", "菲方", "马尼拉"),
    "south korea": ("韩国", "首尔"),
    "north korea": ("朝鲜", "平壤"),
    "korea": ("韩国", "朝鲜半岛"),
    "taiwan": ("台湾", "台北"),
    "hong kong": ("香港",),
    "macau": ("澳门",),
    "russia": ("俄罗斯", "俄方", "莫斯科"),
    "ukraine": ("乌克兰", "基辅"),
    "india": ("印度", "新德里"),
    "pakistan": ("巴基斯坦",),
    "vietnam": ("越南", "河内"),
    "indonesia": ("印度尼西亚", "印尼", "雅加达"),
    "malaysia": ("马来西亚", "吉隆坡"),
    "singapore": ("新加坡",),
    "thailand": ("泰国", "曼谷"),
    "australia": ("澳大利亚", "澳洲", "堪培拉"),
    "new zealand": ("新西兰",),
    "canada": ("加拿大", "渥太华"),
    "mexico": ("墨西哥",),
    "brazil": ("巴西",),
    "argentina": ("阿根廷",),
    "united kingdom": ("英国", "伦敦"),
    "france": ("法国", "巴黎"),
    "germany": ("德国", "柏林"),
    "italy": ("意大利", "罗马"),
    "spain": ("西班牙",),
    "netherlands": ("荷兰",),
    "switzerland": ("瑞士", "日内瓦"),
    "sweden": ("瑞典",),
    "norway": ("挪威",),
    "poland": ("波兰",),
    "turkey": ("土耳其",),
    "iran": ("伊朗", "德黑兰"),
    "iraq": ("伊拉克",),
    "israel": ("以色列",),
    "gaza": ("加沙",),
    "saudi arabia": ("沙特",),
    "egypt": ("埃及",),
    "south africa": ("南非",),
    "nigeria": ("尼日利亚",),
    "kenya": ("肯尼亚",),
    "europe": ("欧洲",),
    "european union": ("欧盟",),
    "united nations": ("联合国",),
    "nato": ("北约",),
    "asean": ("东盟",),
    "who": ("世卫组织", "世界卫生组织"),
    "wto": ("世贸组织",),
    "imf": ("国际货币基金组织",),
    "world bank": ("世界银行",),
    "opec": ("欧佩克",),
    "apec": ("亚太经合组织",),
    "south china sea": ("南海",),
    "east china sea": ("东海",),
    "pacific": ("太平洋",),
    "shanghai": ("上海",),
    "shenzhen": ("深圳",),
    "guangzhou": ("广州",),
    "tokyo": ("东京",),
    "seoul": ("首尔",),
    "beijing": ("北京",),
}
_EN_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "washington": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "london": "united kingdom",
    "chinese": "china",
    "japanese": "japan",
    "philippine": "philippines",
    "filipino": "philippines",
    "manila": "philippines",
    "korean": "korea",
    "russian": "russia",
    "moscow": "russia",
    "ukrainian": "ukraine",
    "indian": "india",
    "vietnamese": "vietnam",
    "australian": "australia",
    "canadian": "canada",
    "french": "france",
    "paris": "france",
    "german": "germany",
    "berlin": "germany",
    "iranian": "iran",
    "israeli": "israel",
    "eu": "european union",
    "un": "united nations",
    "taiwanese": "taiwan",
}
# Capitalized words that start sentences or titles but name nothing.
_STOP = frozenset(
    "a an the this that these those it its he she they we i you his her their our on in at "
    "of for to by with from and or but as after before during while when where what who why "
    "how new more most some many monday tuesday wednesday thursday friday saturday sunday "
    "mr mrs ms dr according however meanwhile also said says will would could should may "
    "there here if not no yes all both other one two three first last next up out over".split()
)
_LATIN_NAME = re.compile(r"(?:[A-Z][\w'’\-]*\.?)(?:\s+[A-Z][\w'’\-]*\.?)*")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
_HAN = HAN
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _zh_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """Chinese name -> place key: the country table (`aggregator.countries`) under the
    gazetteer, whose cities and bodies keep their own keys (北京 is "beijing"). Forms the
    table marks risky (加纳 inside 增加纳税) are left out unless the gazetteer lists them.
    One alternation, longest first: 罗马尼亚 is Romania, not Rome."""
    table = countries_table()
    by_zh = {zh: en for zh, en in table.by_zh.items() if zh not in table.risky_zh}
    by_zh.update((zh, en) for en, names in _GAZETTEER.items() for zh in names)
    by_zh.update((zh, key) for key, (_country, zhs) in SUBNATIONAL.items() for zh in zhs)
    pattern = re.compile("|".join(sorted(map(re.escape, by_zh), key=len, reverse=True)))
    return pattern, by_zh


@lru_cache(maxsize=1)
def _en_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """Lowercase English name -> place key, the same way: the table's forms (its risky ones,
    "chad", "jordan", "georgia", left out), then the gazetteer and its aliases over them;
    and one pattern of the names of several words ("phnom penh", "new zealand")."""
    table = countries_table()
    by_en = {en: key for en, key in table.by_en.items() if en not in table.risky_en}
    by_en.update((key, key) for key in _GAZETTEER)
    by_en.update((key, key) for key in SUBNATIONAL if key not in SUBNATIONAL_EN_LEFT_OUT)
    by_en.update(_EN_ALIASES)
    multi = sorted((f for f in by_en if " " in f), key=len, reverse=True)
    # No closing boundary: "South Koreans" and "New Zealander" name the country too.
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, multi)) + ")")
    return pattern, by_en


def _place(form: str) -> str | None:
    return _en_index()[1].get(form)


# Cities of the gazetteer, each a place of its own: an outbreak in Guangzhou and a first case
# in Hong Kong are two places, and so are a leader's talks in Beijing and his expo visit in
# Shanghai the next day. The capitals with keys of their own count too, although "Beijing
# says" is China speaking: over halves a-c, rich in such reports, no figure moved (stop 23).
_CITIES = frozenset(
    {"shanghai", "shenzhen", "guangzhou", "hong kong", "macau", "beijing", "tokyo", "seoul"}
)


def broad_places_zh() -> frozenset[str]:
    """The gazetteer's Chinese names of countries, seas, bodies and the capitals filed under
    their country (马尼拉 is the Philippines): places too broad to tell one incident from
    another (not its cities)."""
    return frozenset(zh for zh, en in _zh_index()[1].items() if en not in _CITIES)


# Bodies, blocs and seas: reports from many countries name them, so they tell none apart.
_NOT_COUNTRIES = frozenset(
    {
        "europe", "european union", "united nations", "nato", "asean", "who", "wto", "imf",
        "world bank", "opec", "apec", "south china sea", "east china sea", "pacific",
    }
)  # fmt: skip
# Cities whose country a report about them is about ("Beijing says" is China speaking);
# Hong Kong, Macau and Taiwan stay apart: their stories are not the mainland's.
_COUNTRY_OF = {
    "beijing": "china",
    "shanghai": "china",
    "shenzhen": "china",
    "guangzhou": "china",
    "tokyo": "japan",
    "seoul": "korea",
    "south korea": "korea",
    **{key: country for key, (country, _zhs) in SUBNATIONAL.items()},
}


def countries(keys: Iterable[str]) -> frozenset[str]:
    """The countries a text's evidence keys name, whichever language named them: gazetteer
    keys ("p:brazil") and the Chinese headwords the dictionary concepts hold ("巴西"), cities
    folded into their country, bodies and seas left out."""
    by_zh = _zh_index()[1]
    out: set[str] = set()
    for k in keys:
        name = k[2:] if k.startswith("p:") else by_zh.get(k)
        if name and name not in _NOT_COUNTRIES:
            out.add(_COUNTRY_OF.get(name, name))
    return frozenset(out)


# Risky forms that name something else even as a whole word: a name (索非亚, 查德, 阿曼), a
# city elsewhere (圣地亚哥, 圣何塞, 汉密尔顿), a US state (乔治亚), China-Africa (中非),
# the EU (布鲁塞尔), a sultan (苏丹), Hong Kong's Lion Rock (狮子山), 万象 "all things".
_AMBIGUOUS_WHOLE_ZH = frozenset(
    "圣约翰 布鲁塞尔 索非亚 中非 查德 圣地亚哥 圣何塞 多米尼克 乔治亚 圣乔治 乔治敦 金斯敦 "
    "万象 狮子山 苏丹 东加 汉密尔顿 圣胡安 阿曼 黑山 马利".split()
)


def whole_word_countries(words: Iterable[str]) -> set[str]:
    """Place keys of the country forms the table marks risky (智利 inside 机智利用, 加纳 inside
    增加纳税) among words the segmenter cut whole: as a word of its own, 智利 is Chile.
    Those that even whole name something else (`_AMBIGUOUS_WHOLE_ZH`), and bodies and seas
    (as `countries` leaves them out), give none."""
    forms = _whole_word_forms()
    return {forms[w] for w in words if w in forms}


@lru_cache(maxsize=1)
def _whole_word_forms() -> dict[str, str]:
    """Risky Chinese form -> place key, for `whole_word_countries`."""
    table = countries_table()
    return {
        z: f"p:{table.by_zh[z]}"
        for z in table.risky_zh - _AMBIGUOUS_WHOLE_ZH
        if table.by_zh[z] not in _NOT_COUNTRIES
    }


def lead_country(title: str) -> str | None:
    """The country a headline names first, whichever language it is in: who the news is
    about more often than the others it names ("Moldova cuts rate, two days after Romania",
    "尼加拉瓜反制加拿大"). Cities count as their country; bodies and seas are skipped."""
    return next(countries_in_headline(title), None)


def headline_countries(title: str) -> frozenset[str]:
    """Every country a headline names, counted as `lead_country` counts the first."""
    return frozenset(countries_in_headline(title))


def countries_in_headline(title: str) -> Iterator[str]:
    """The countries a headline names, in the order it names them (one scan serves both
    `lead_country` and `headline_countries`)."""
    for _, key in sorted(_scan(_undot(title[:300]))):
        name = key[2:]
        if key.startswith("p:") and name not in _NOT_COUNTRIES:
            yield _COUNTRY_OF.get(name, name)


def _fold(text: str) -> str:
    from .segment import fold_traditional

    return fold_traditional(text)


def names(text: str) -> set[str]:
    """Latin-script names and acronyms (also inside Chinese text), plus gazetteer places.

    Known places and bodies become "p:<english name>" whichever language names them;
    other names become "w:<word>" per word, so "Motegi" matches "Toshimitsu Motegi".
    """
    return {key for _, key in _scan(_undot(text))}


def _undot(text: str) -> str:
    """Dotted abbreviations undotted: "U.S." reads as "US"."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)


def _scan(text: str) -> Iterator[tuple[int, str]]:
    """(position, key) of every name `names` finds, so `lead_country` can tell which came
    first. Positions compare across scripts: folding keeps the text's length."""
    for match in _LATIN_NAME.finditer(text):
        phrase = match.group(0).lower().replace("’", "'").rstrip(".")
        place = _place(phrase)
        if place:
            yield match.start(), "p:" + place
            continue
        for token in _TOKEN.finditer(phrase.replace("'s", "")):
            word, at = token.group(0), match.start() + token.start()
            alias = _place(word)
            if alias:
                yield at, "p:" + alias
            elif word not in _STOP and word not in MONTHS and len(word) > 1 and not word.isdigit():
                yield at, "w:" + word
    for acronym in _ACRONYM.finditer(text):
        low = acronym.group(0).lower()
        alias = _place(low)
        yield acronym.start(), "p:" + alias if alias else "w:" + low
    multi, by_en = _en_index()
    for found in multi.finditer(text.lower().replace("’", "'")):
        yield found.start(), "p:" + by_en[found.group(0)]
    if _HAN.search(text):
        pattern, by_zh = _zh_index()
        for found in pattern.finditer(_fold(text)):
            yield found.start(), "p:" + by_zh[found.group(0)]


def extract(text: str) -> frozenset[str]:
    """All evidence keys of a text: names/places, numbers and dates, prefixed by kind."""
    return frozenset(names(text) | numbers(text) | dates(text))
