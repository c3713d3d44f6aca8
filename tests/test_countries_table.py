"""The packaged country table (`aggregator/data/countries.tsv`, read by `aggregator.countries`).

Reads the real packaged file; the malformed-table cases are small texts written here.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from aggregator import countries, entities
from aggregator.countries import CountryTableError
from aggregator.langs import HAN_CLASS

# keys of entities._GAZETTEER that are not countries: bodies, regions, seas, cities
NOT_COUNTRIES = frozenset(
    "europe|european union|united nations|nato|asean|who|wto|imf|world bank|opec|apec|"
    "south china sea|east china sea|pacific|gaza|shanghai|shenzhen|guangzhou|tokyo|seoul|"
    "beijing|korea".split("|")
)
# Geneva is no capital, so the table does not carry it
CITIES_ZH = frozenset("北京 上海 深圳 广州 东京 首尔 日内瓦".split())
HEADER = "\t".join(countries.COLUMNS)


@pytest.fixture(scope="module")
def rows() -> list[countries.CountryRow]:
    return countries.parse(countries.read_text())


def test_every_row_has_a_key_and_a_chinese_name(rows: list[countries.CountryRow]) -> None:
    assert len(rows) >= 190
    for row in rows:
        assert row.key and row.key == row.key.strip().lower(), row
        assert row.zh, row.key


def test_no_form_names_two_countries() -> None:
    # counted from the raw lines, not through parse(), which would refuse the clash itself
    owners: dict[str, set[str]] = defaultdict(set)
    lines = [ln for ln in countries.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines[0] == HEADER
    for line in lines[1:]:
        key, en, zh, variants = line.split("\t")[:4]
        for form in [key, *en.split("|"), *zh.split("|"), *variants.split("|")]:
            if form:
                owners[form].add(key)
    clashes = {form: keys for form, keys in owners.items() if len(keys) > 1}
    assert not clashes


def test_every_chinese_form_is_han_only(rows: list[countries.CountryRow]) -> None:
    han_only = re.compile(f"[{HAN_CLASS}]+")
    bad = [f for row in rows for f in row.zh + row.zh_variants if not han_only.fullmatch(f)]
    assert not bad


def test_the_gazetteer_countries_keep_their_key_and_chinese_names() -> None:
    table = countries.load()
    for key, names in entities._GAZETTEER.items():
        if key in NOT_COUNTRIES:
            continue
        assert key in table.keys, key
        for zh in set(names) - CITIES_ZH:
            assert table.by_zh.get(zh) == key, (key, zh)


def test_countries_outside_the_old_gazetteer_are_known_in_both_languages() -> None:
    table = countries.load()
    assert (
        table.by_zh["柬埔寨"] == table.by_en["cambodian"] == table.by_en["cambodia"] == "cambodia"
    )
    assert table.by_zh["纽西兰"] == table.by_zh["新西兰"] == "new zealand"
    assert table.by_zh["寮国"] == table.by_zh["老挝"] == table.by_en["laotian"] == "laos"
    assert table.by_en["czechia"] == table.by_zh["捷克"]
    assert table.by_en["burma"] == table.by_zh["缅甸"] == "myanmar"
    assert table.by_zh["汶莱"] == table.by_zh["文莱"] == "brunei"
    assert table.by_zh["沙乌地阿拉伯"] == table.by_zh["沙特"] == "saudi arabia"
    assert table.by_en["phnom penh"] == table.by_zh["金边"] == "cambodia"
    assert len(table.keys) >= 190


def test_risky_forms_are_flagged_and_plain_ones_are_not() -> None:
    table = countries.load()
    assert {"加纳", "中非", "马里", "蒙古", "海地"} <= table.risky_zh
    assert {"chad", "jordan", "georgia", "turkey"} <= table.risky_en
    assert "柬埔寨" not in table.risky_zh and "cambodia" not in table.risky_en
    assert table.risky_zh <= table.by_zh.keys()
    assert table.risky_en <= table.by_en.keys()


def test_load_is_cached() -> None:
    assert countries.load() is countries.load()


def _table(*lines: str) -> str:
    return "\n".join(["# comment", HEADER, *lines]) + "\n"


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (_table("peru\tperuvian\t秘鲁\t\t"), r"line 3: want 6 tab-separated columns"),
        (_table("peru\tperuvian\t\t\t\t"), r"line 3: 'peru' has no Chinese name"),
        (_table("Peru\tperuvian\t秘鲁\t\t\t"), r"line 3: the key must be"),
        (_table("peru\tperuvian\t秘鲁\t\t利马\t"), r"line 3: risky forms \['利马'\]"),
        (
            _table("peru\tlima\t秘鲁\t\t\t", "chile\tlima\t智利\t\t\t"),
            r"line 4: 'lima' names both 'peru' and 'chile'",
        ),
        (_table("peru\t\t秘鲁\t\t\t", "chile\t\t秘鲁\t\t\t"), r"line 4: '秘鲁' names both"),
        (_table("peru\t\t秘鲁\t\t\t", "peru\t\t秘魯\t\t\t"), r"line 4: key 'peru' repeated"),
        ("peru\t\t秘鲁\t\t\t\n", r"line 1: want the header"),
    ],
)
def test_a_malformed_table_is_refused_naming_the_line(text: str, wanted: str) -> None:
    with pytest.raises(CountryTableError, match=wanted) as err:
        countries.parse(text, "t.tsv")
    assert str(err.value).startswith("t.tsv line") and "\n" not in str(err.value)
