"""The dictionary bridge (aggregator.bilingual / aggregator.cedict) with the real CC-CEDICT.

Besides single translations, two measurements over the labelled corpus
(tests/data/corpus/): concept overlap of cross-language pairs, same event against different
events, and whether each query's translation reaches its relevant articles in the other
language. Both print their figures (pytest -s) and assert floors below what they measure.
"""

from __future__ import annotations

import gzip
import itertools
import subprocess
import sys
from pathlib import Path
from statistics import mean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support_corpus import CorpusArticle, load_corpus, load_queries

from aggregator import cedict
from aggregator.bilingual import Alternative, Lang, concepts, translate_query
from aggregator.cedict import clean_sense, fold_phrase, fold_word, read_names
from aggregator.segment import to_simplified

ROOT = Path(__file__).resolve().parent.parent


def options(text: str, lang: Lang) -> list[tuple[str, ...]]:
    return [alt.options for alt in translate_query(text, lang)]


def family(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def text_of(article: CorpusArticle) -> str:
    return f"{article.title}\n{article.summary}\n{article.body}"


# --- parsing and folding ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sense", "terms"),
    [
        ("to raise interest rates", ["raise interest rates"]),
        ("customs duty; tariff", ["customs duty", "tariff"]),
        ("Manila, capital of Philippines", ["Manila"]),
        (
            "Taiwan Semiconductor Manufacturing Company (TSMC), founded in 1987",
            ["Taiwan Semiconductor Manufacturing Company", "TSMC"],
        ),
        ("(Internet slang) bye-bye (alternative for 拜拜[bai2 bai2])", ["bye-bye"]),
        ("variant of 台[tai2]", []),
        ("surname Wang", []),
        ("CL:個|个[ge4]", []),
        ("see 台灣|台湾[Tai2 wan1]", []),
        ("four grandparents, two parents and an only child", ["four grandparents"]),
    ],
)
def test_clean_sense_keeps_search_terms_only(sense: str, terms: list[str]) -> None:
    assert clean_sense(sense) == terms


def test_fold_maps_word_forms_together_and_keeps_words_apart() -> None:
    groups = [
        ("tariff", "tariffs"),
        ("rate", "rates"),
        ("hike", "hiked", "hiking", "hikes"),
        ("Philippines", "Philippine"),
        ("defence", "defense"),
        ("organise", "organize", "organised"),
        ("country", "countries"),
        ("drill", "drills", "drilled"),
    ]
    for group in groups:
        assert len({fold_word(w) for w in group}) == 1, group
    assert len({fold_word(g[0]) for g in groups}) == len(groups)
    assert fold_phrase("U.S. Federal Reserve's") == fold_phrase("us federal reserve")
    assert fold_phrase("Lee Jae-myung") == fold_phrase("Lee Jae Myung")


def test_names_table_rows_are_complete_and_distinct() -> None:
    rows = read_names(cedict.names_path())
    assert len(rows) >= 250
    seen: dict[str, int] = {}
    for i, (en, simp, trad) in enumerate(rows):
        assert en and simp and trad
        assert not any(cedict._HAS_HAN.search(e) for e in en), en
        assert all(cedict._HAS_HAN.search(s) or s.isascii() for s in simp + trad)
        # columns not swapped or shifted: some Traditional form converts to a Simplified one
        assert {to_simplified(t) for t in trad} & set(simp), (en, simp, trad)
        for name in en:
            key = fold_phrase(name)
            assert seen.get(key, i) == i, f"{name!r} in rows {seen[key]} and {i}"
            seen[key] = i


# --- loading and the cache -------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The first 3,000 entries of the real CC-CEDICT, as a gzip file: quick to build."""
    real, _version = cedict.cedict_path()
    path = tmp_path_factory.mktemp("cedict") / "cedict.txt.gz"
    with gzip.open(real, "rt", encoding="utf-8") as src, gzip.open(path, "wt") as dst:
        dst.writelines(itertools.islice(src, 3030))
    return path, "test-1"


def test_index_is_cached_once_and_reused(tmp_path: Path, small_source: tuple[Path, str]) -> None:
    built = cedict.Dictionary.load(tmp_path, small_source)
    files = list(tmp_path.glob("cedict-test-1-*.marshal"))
    assert len(files) == 1
    assert not list(tmp_path.glob("*.tmp"))  # written atomically, no leftovers
    stamp = files[0].stat().st_mtime_ns
    again = cedict.Dictionary.load(tmp_path, small_source)
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten
    assert again.en == built.en and again.zh == built.zh
    assert built.glosses("21三體綜合症") == ("trisomy", "Down's syndrome")


def test_corrupt_cache_is_rebuilt(tmp_path: Path, small_source: tuple[Path, str]) -> None:
    cedict.Dictionary.load(tmp_path, small_source)
    (cache,) = tmp_path.glob("cedict-*.marshal")
    cache.write_bytes(b"\x00garbage")
    d = cedict.Dictionary.load(tmp_path, small_source)
    assert d.headwords(fold_phrase("percent"))[1]
    assert cache.stat().st_size > 1000


def test_unwritable_cache_dir_keeps_the_index_in_memory(
    tmp_path: Path, small_source: tuple[Path, str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    d = cedict.Dictionary.load(blocker / "cache", small_source)
    assert d.glosses("3Q") == ("thank you",)


def test_missing_data_file_raises_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(cedict.DictionaryError) as err:
        cedict.Dictionary.load(tmp_path, (tmp_path / "missing.gz", "x"))
    assert "missing.gz" in str(err.value)


def test_import_loads_neither_jieba_nor_the_dictionary() -> None:
    code = (
        "import sys, aggregator.bilingual, aggregator.cedict as c\n"
        "print('jieba' in sys.modules, c.dictionary.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "0"]


# --- translation -----------------------------------------------------------------------------


def test_company_and_person_names_both_ways() -> None:
    tsmc = options("TSMC", "en")
    assert len(tsmc) == 1 and {"台积电", "台積電"} <= set(tsmc[0])
    assert "TSMC" in options("台积电", "zh")[0]
    assert "TSMC" in options("台積電", "zh-Hant")[0]
    assert options("Motegi", "en") == [("茂木敏充",)]
    assert "Motegi" in options("茂木敏充", "zh")[0]
    assert {"英伟达", "輝達"} <= set(options("Nvidia", "en")[0])


def test_places_both_ways_and_both_scripts() -> None:
    assert options("South China Sea", "en") == [("南海",)]
    assert options("菲律宾", "zh") == [("Philippines",)]
    assert options("菲律賓", "zh-Hant") == [("Philippines",)]
    assert set(options("Philippines", "en")[0]) == {"菲律宾", "菲律賓"}
    assert "Scarborough Shoal" in options("黃岩島", "zh-Hant")[0]


def test_english_phrases_match_longest_first_and_skip_stopwords() -> None:
    alts = translate_query("the code of conduct in the South China Sea", "en")
    assert [a.term for a in alts] == ["code of conduct", "South China Sea"]
    assert "行为准则" in alts[0].options
    coast = translate_query("coast guard", "en")
    assert len(coast) == 1 and "海警" in coast[0].options
    rates = translate_query("interest rates", "en")
    assert rates[0].options[0] == "利率"
    assert all(len(a.options) <= 8 for a in translate_query("Japan drill profit storm", "en"))


def test_unknown_terms_stay_visible_and_codes_pass_through() -> None:
    alts = translate_query("Galaxy S26 Ada", "en")
    by_term = {a.term: a.options for a in alts}
    assert by_term["S26"] == ("S26",)
    assert by_term["Ada"] == ()
    assert translate_query("", "en") == [] and translate_query("bonjour", "other") == []


def test_chinese_queries_are_cut_into_terms() -> None:
    alts = translate_query("南海行为准则", "zh")
    assert [a.term for a in alts] == ["南海", "行为准则"]
    assert "code of conduct" in alts[1].options
    # headline compounds of country abbreviations name both countries; words made of the
    # same characters keep their meaning
    assert options("日菲", "zh") == [("Japan", "Philippines")]
    assert options("韓日", "zh-Hant") == [("South Korea", "Japan")]
    assert options("中日韩", "zh") == [("China", "Japan", "South Korea")]
    assert "Taichung" in options("台中", "zh")[0]
    assert "Asahi" in options("朝日", "zh")[0]
    assert options("三星Galaxy S26", "zh")[-1] == ("S26",)


def test_a_port_after_a_place_is_not_hong_kong() -> None:
    """港 after a place is that place's port (鹿特丹港, 蒙特利尔港); alone, or after a
    word that is no place, it keeps its Hong Kong sense, and 香港 is always Hong Kong."""
    # a lone character no compound of countries holds is no abbreviation: 6比6 is a score
    assert "比利时" not in concepts("双方6比6平手", "zh")
    assert {"中国", "美国"} <= concepts("中美会谈", "zh")
    assert "香港" not in concepts("鹿特丹港码头工人罢工", "zh")
    assert "鹿特丹" in concepts("鹿特丹港码头工人罢工", "zh")
    assert "香港" not in concepts("加拿大蒙特利尔港码头工人罢工", "zh")
    assert "香港" in concepts("香港港口工人罢工", "zh")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["en", "zh", "zh-Hant"]))
def test_arbitrary_text_never_raises(text: str, lang: Lang) -> None:
    for alt in translate_query(text, lang):
        assert isinstance(alt, Alternative) and alt.term
    assert isinstance(concepts(text, lang), set)


# --- measurements over the labelled corpus ---------------------------------------------------


def test_concepts_separate_same_event_from_other_events_across_languages() -> None:
    articles = load_corpus()
    keys = {a.id: concepts(text_of(a), a.lang) for a in articles}  # type: ignore[arg-type]
    same: list[float] = []
    other: list[float] = []
    for a, b in itertools.combinations(articles, 2):
        if family(a.lang) == family(b.lang):
            continue
        x, y = keys[a.id], keys[b.id]
        jaccard = len(x & y) / len(x | y) if x | y else 0.0
        (same if a.event == b.event else other).append(jaccard)
    wins = sum((s > o) + 0.5 * (s == o) for s in same for o in other)
    auc = wins / (len(same) * len(other))
    print(
        f"\ncross-language pairs: same event n={len(same)} mean Jaccard {mean(same):.3f}, "
        f"different events n={len(other)} mean {mean(other):.3f}, AUC {auc:.3f}"
    )
    assert len(same) > 100
    assert mean(same) > 0.15 and mean(same) > 6 * mean(other)
    assert auc > 0.95
    assert keys["a067"] & keys["a065"] >= {"台积电"}  # TSMC earnings, zh and en


def _hits(alts: list[Alternative], article: CorpusArticle) -> bool:
    """Does the article contain, for every translated term, one of its alternatives?"""
    text = text_of(article)
    folded = f" {fold_phrase(text)} "
    simple = to_simplified(text)

    def found(option: str) -> bool:
        if article.lang == "en":
            return f" {fold_phrase(option)} " in folded
        return option in text or to_simplified(option) in simple

    used = [a for a in alts if a.options]
    return bool(used) and all(any(found(o) for o in a.options) for a in used)


def test_query_translations_reach_relevant_articles_in_the_other_language() -> None:
    articles = {a.id: a for a in load_corpus()}
    pairs = hits = false_hits = negatives = queries = queries_hit = 0
    for q in load_queries():
        alts = translate_query(q.query.strip('"'), q.lang)  # type: ignore[arg-type]
        other = [articles[i] for i in q.relevant if family(articles[i].lang) != family(q.lang)]
        if not other:
            continue
        found = sum(_hits(alts, a) for a in other)
        pairs, hits = pairs + len(other), hits + found
        queries, queries_hit = queries + 1, queries_hit + (found > 0)
        rest = [
            a
            for a in articles.values()
            if family(a.lang) != family(q.lang) and a.id not in q.relevant
        ]
        negatives += len(rest)
        false_hits += sum(_hits(alts, a) for a in rest)
    print(
        f"\nquery translation: {hits}/{pairs} = {hits / pairs:.3f} of (query, relevant "
        f"other-language article) pairs hit; {queries_hit}/{queries} queries hit at least one; "
        f"irrelevant other-language articles hit {false_hits / negatives:.3f}"
    )
    assert queries > 60
    assert hits / pairs > 0.8
    assert queries_hit / queries > 0.9
    assert false_hits / negatives < 0.08
