"""Story quality on the labelled bilingual corpus (tests/data/corpus/), with the real
embedder and the real ingest path: `ingest` ->
`link_pending`. Nothing here is tuned per article: the floors hold on the whole corpus
and on each half of its events (a stability check), and a slow variant serves the corpus
as feeds over loopback and runs `newsdesk poll`.

Metrics: pairwise same-story precision/recall/F1 over corpus rows (all pairs, and pairs in
different languages); dedup hit rate (syndicated and lightly edited copies stored as one
article) and wrong merges; related-story precision (edges between stories of one ongoing
situation, or backed by the page's own related-coverage links).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from support_corpus import eval_halves
from support_stories import evaluate, ingest, load_corpus, poll_corpus

from aggregator.app import App
from aggregator.embed import get_embedder
from aggregator.linker import link_pending
from aggregator.models import Config

F1_FLOOR = 0.85  # the parity halves of half a (a stability check)
CROSS_F1_FLOOR = 0.75
# Per corpus half, a little under what linking reaches (2026-12, with the event-date,
# score/count, incident-kind and craft evidence): half a was tuned on (it holds hard
# negatives of the "same actors, same place, next day, other incident" kind); half b was
# held out until its two wrong merges were seen (stop 19) and has informed tuning since;
# half c was written held out (its figures before and after its errors were looked at are in
# benchmarks/stories_eval.py's docstring).
# Keys: same-story F1, precision; cross-language F1; related-coverage precision, recall.
FLOORS: dict[str, dict[str, float]] = {
    # Half a's situations are broad (a tennis final and a table-tennis cup are one "sport"
    # situation): related recall 0.553 until weak pairs bridged by a third story counted
    # (stop 35: 0.612 at precision 0.903; linked day by day 0.596 at 0.863).
    "a": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.85, "rel_r": 0.58},
    "b": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.94, "rel_p": 0.9, "rel_r": 0.6},
    "c": {"f1": 0.93, "precision": 0.91, "cross_f1": 0.94, "rel_p": 0.7, "rel_r": 0.65},
    # Half d, written blind after all tuning (stop 22): 0.644 precision at its first run,
    # 0.708 with the same-day place rule found from its errors (two port strikes split),
    # 0.904 once bridges stopped merging stories about other countries (two rate cuts) and
    # aircraft incidents became kinds (an overrun and a diversion a day apart, stop 23).
    # These floors pin that level; the goal is precision >= 0.97.
    # Stop 25 (a report 30 h past the story's nearest is the next stage): 1.0 / 0.971.
    "d": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.8, "rel_r": 0.9},
    # Half e, written blind (stop 23) and measured once before anything changed for it:
    # 0.745 precision, 0.940 recall (cross 0.774 / 0.938), related 0.926 / 1.0; then, from
    # its errors, tournament stages, no-confidence votes and appointments as kinds, the kind
    # penalty 0.35 -> 0.45, and Beijing, Tokyo and Seoul as places: 1.0 / 0.918.
    # Stop 25 (one-language stories of one event paired): 1.0 / 0.951.
    "e": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.85, "rel_r": 0.9},
    # Half f, written blind (stop 23) after half e's rules, measured once: 0.812 / 0.886
    # (the start-of-stop code: 0.713 / 0.968); then a tournament's name is no stage
    # ("World Tour Finals", 总决赛), group games are a stage, and a bridge does not merge
    # stories whose headlines' kinds differ: 0.948 / 0.892.
    # Stop 24: the final's reports no longer join the group game three days earlier
    # (another kind a day or more apart weighs 0.6): 0.972 / 0.924.
    "f": {"f1": 0.93, "precision": 0.95, "cross_f1": 0.92, "rel_p": 0.85, "rel_r": 0.75},
    # Half g, written blind after all of stop 23's changes: 0.683 / 0.900 at its first run
    # (the start-of-stop code 0.654 / 0.924). Read in stop 24: bridges no longer merge
    # stories that have grown in one language, pile-ups, winter storms and 1/4决赛 as kinds,
    # a sentence-case headline's opening name: 0.890 / 0.953.
    "g": {"f1": 0.9, "precision": 0.9, "cross_f1": 0.91, "rel_p": 0.85, "rel_r": 0.7},
    # Half h, written blind in stop 24 and measured once with the code of that moment
    # (0.870 / 0.894; the start-of-stop code the same): 0.872 / 0.911 at the stop's end.
    # Stop 25, late reports and one-language pairs: 0.900 / 1.000.
    "h": {"f1": 0.92, "precision": 0.88, "cross_f1": 0.93, "rel_p": 0.9, "rel_r": 0.9},
    # Half i, written blind in stop 24, measured once: 0.798 / 0.970 (the start-of-stop code
    # 0.758 / 0.958); read then: earthquake magnitudes and another country's event a day
    # apart as evidence: 0.970 / 0.970.
    # Stop 25, late reports and one-language pairs: 1.0 / 1.0.
    "i": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.9, "rel_r": 0.9},
    # Half j, written blind in stop 24 after i's rules, measured once: 0.697 / 1.000 (the
    # start-of-stop code 0.655 / 1.000); read then: a vehicle leaving the road as a kind,
    # world cities as places: 0.785 / 1.000.
    # Stop 25, late reports and headlines leading with another country: 1.0 / 1.0.
    "j": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.9, "rel_r": 0.9},
    # Half k, written blind after all of stop 24 but the kinds its errors led to, measured
    # once: 0.560 / 0.935 (the start-of-stop code the same); with heats, gold and arrests as
    # kinds: 0.727 / 0.935.
    # Stop 25, late reports and one-language pairs: 0.875 / 1.000.
    # Stop 26, diplomacy's and courts' steps as kinds: 0.928 / 1.000.
    "k": {"f1": 0.93, "precision": 0.9, "cross_f1": 0.94, "rel_p": 0.75, "rel_r": 0.75},
    # Half l, written blind in stop 25 after the late-report and lead-country rules,
    # measured once: 1.000 / 1.000 (the start-of-stop code 0.674 / 0.944).
    "l": {"f1": 0.95, "precision": 0.95, "cross_f1": 0.95, "rel_p": 0.9, "rel_r": 0.9},
    # Half m, written blind in stop 25 after the late-report, lead-country and one-language
    # pair rules, measured once: 0.629 / 0.978 (the start-of-stop code 0.538 / 0.978); read
    # then: a same-day headline of another country naming none of the story's, the game of a
    # series, a headline calling its incident a repeat: 0.713 / 0.967; a strike's end as a
    # kind of its own (read from m and n): 0.775 / 0.967. Its next-day follow-ups (a
    # verdict and the board's dismissal, the agreed text and its signing) still merged.
    # Stop 26, with verdict, dismissal, agreement, signing and summit as kinds: 0.920 /
    # 0.945; with a launch's maker: 0.983 / 0.945.
    "m": {"f1": 0.93, "precision": 0.95, "cross_f1": 0.92, "rel_p": 0.9, "rel_r": 0.85},
    # Half n, written blind after all of the above but the strike's end, measured once:
    # 0.597 / 0.906 (the start-of-stop code 0.569 / 0.900); with the strike's end as a
    # kind: 0.636 / 0.906. A championship's successive finals, a summit's close and the
    # pact signed the next day, rival robot launches a day apart still merged.
    # Stop 26: the kinds above 0.670 / 0.906; a championship event's sex and discipline
    # (the team final, the all-around, the bar) 0.802; launch makers, also refusing a
    # bridge between two makers' stories: 0.951 / 0.906.
    # Stop 29, a report 12 h past the story's first pays per day (`stories.AGE_HOURS`): a
    # forum's closing day and a climbers' rescue split off, 1.000 / 0.800.
    "n": {"f1": 0.87, "precision": 0.92, "cross_f1": 0.89, "rel_p": 0.9, "rel_r": 0.9},
    # Half o, written blind in stop 26 after the kinds, disciplines and makers above,
    # measured once: 0.734 / 0.929 (the start-of-stop code 0.660 / 0.929); read then: the
    # state taking something away as a seizure (a cabinet stripping citizenship the day
    # after a conviction), a competition's segments as rounds, 塌方 and a shaft's collapse
    # as a collapse: 0.820 / 1.000. A launch and the next day's market moves, a skating
    # final after the short programme's leader, a currency float and the rally still merge.
    "o": {"f1": 0.88, "precision": 0.8, "cross_f1": 0.9, "rel_p": 0.75, "rel_r": 0.9},
    # Half p, written blind in stop 26 after all of the above, measured once: 0.577 / 0.964
    # (the start-of-stop code 0.611 / 0.970); read then: each tally axis its own share (the
    # sex, agreed by every report of a women's match, diluted the game's disagreement),
    # signings of "$2.4 billion deal" and 签约/合约, a state's trade measure and a grounding
    # as kinds, a court's ruling as a verdict, "heats up" no heats: 0.775 / 0.970.
    "p": {"f1": 0.84, "precision": 0.75, "cross_f1": 0.85, "rel_p": 0.9, "rel_r": 0.9},
    # Stop 27: the subject rule (UBS passing on the SNB's cut, Gotion's answer): 0.845 / 0.982.
    # Half q, written blind in stop 27 after the subject rule, measured once: 0.860 / 0.925
    # (the start-of-stop code the same); read then: a government's rejection of a ruling and
    # a regulator's block of a deal as kinds cut with their objects, a rally leader's
    # rollover: 1.000 / 0.956. A signing told with another transliteration of the player
    # (李康仁 / 李刚仁) and a next-morning analysis still split.
    # Stop 29, the story-age rule: a transfer's signing and a sample's weighing the next day
    # split off, 1.000 / 0.869.
    "q": {"f1": 0.91, "precision": 0.97, "cross_f1": 0.91, "rel_p": 0.9, "rel_r": 0.9},
    # Half r, written blind in stop 27 after all of the above, measured once: 0.720 / 0.906
    # (the start-of-stop code 0.782 / 0.925); read then: MERGE_STUB back to 3 and crossed
    # cores only a half day apart (0.782 / 0.925), a theft told by its act and a settlement
    # ruling out strikes as kinds: 0.882 / 0.937; an authority's order as a kind and the
    # same subject's account of its incident two days on (CONTINUE_HOURS): 0.987 / 0.937.
    # A stranding told from a state the gazetteer lacks (Tasmania) still merges.
    # Stop 29, the story-age rule: the CCTV of a theft, an outage's cause two days on and a
    # player cleared to play the day after her ruling split off, 1.000 / 0.849.
    "r": {"f1": 0.9, "precision": 0.95, "cross_f1": 0.9, "rel_p": 0.9, "rel_r": 0.9},
    # Half s, written blind at the end of stop 27, measured once: 0.656 / 0.929 (the
    # start-of-stop code the same); read then: what a Chinese headline names as the day
    # before (…次日, …翌日) as background, a parliament's vote, a drug's approval and a club
    # sacking its coach as kinds: 0.739 / 0.942. A match and the coach's sacking (the match
    # names no kind), a fire and the aid two days later, two auction records a day apart,
    # and two derailments in two Georgias still merge.
    "s": {"f1": 0.8, "precision": 0.7, "cross_f1": 0.82, "rel_p": 0.9, "rel_r": 0.9},
    # Stop 28: a match's result and a disaster's aid as kinds: s 0.870 / 0.942.
    # Halves t and u, written blind at once in stop 28 after those two kinds, measured once:
    # t 0.733 / 0.894, u 0.799 / 0.897 (the start-of-stop code the same); read then:
    # provinces and states naming their country (a tornado in Foshan, one in Oklahoma the
    # next morning), tornadoes as storms, oil's move as the market's, and a sequel a day
    # after news told without a kind (OPEC+ raises output, oil slumps): t 0.855 / 0.919, u
    # unchanged; a state's retaliation, a ban and a probe as kinds, and any kind a day after
    # news told without one: t 0.954 / 0.906, u 1.000 / 0.897. Still merged: a wage rise
    # and the restaurants' answer (English only).
    "t": {"f1": 0.9, "precision": 0.9, "cross_f1": 0.9, "rel_p": 0.85, "rel_r": 0.9},
    "u": {"f1": 0.92, "precision": 0.95, "cross_f1": 0.92, "rel_p": 0.85, "rel_r": 0.9},
    # Halves v and w, written blind at once in stop 28 after all of the above, measured
    # once: v 0.810 / 0.908, w 0.751 / 0.917 (the start-of-stop code the same: none of the
    # stop's rules moved them); read then: a default, a rating cut, bail, a closure and a
    # reopening as kinds: v 1.000 / 0.929, w 0.907 / 0.945. Still merged: floods in two
    # provinces on one day (the place rule compares countries), a takeover and the pilots'
    # strike threat over it.
    "v": {"f1": 0.93, "precision": 0.95, "cross_f1": 0.92, "rel_p": 0.9, "rel_r": 0.9},
    "w": {"f1": 0.9, "precision": 0.88, "cross_f1": 0.9, "rel_p": 0.8, "rel_r": 0.9},
    # Stop 28: provinces and states as places of their own: w 0.972 / 0.972.
    # Halves x and y, written blind at once in stop 28 after all of the above, measured
    # once: x 0.527 / 0.984, y 0.707 / 0.883 (the start-of-stop code 0.498 / 1.000 and
    # 0.677 / 0.910); read then: a devaluation and capital controls, a leak and the test
    # scrapped, an offering priced and its debut, qualifying and the race, a funeral and
    # the successor elected, a price raised, a groundbreaking and the state's subsidy, a
    # poisoning as kinds: x 0.721 / 0.976, y 0.898 / 0.910; the incident an arrest or an
    # inquiry's findings are about as their background: x 0.779 / 1.000, y 1.000 / 0.931.
    # Still merged in x: fires in Idaho and Montana on one day (no place below the state
    # named), visas eased and the bookings' jump, a heat and its final the same night.
    "x": {"f1": 0.85, "precision": 0.74, "cross_f1": 0.86, "rel_p": 0.9, "rel_r": 0.9},
    "y": {"f1": 0.93, "precision": 0.95, "cross_f1": 0.93, "rel_p": 0.9, "rel_r": 0.85},
    # Half z, written blind in stop 28 after all of the above, measured once: 0.967 / 0.942
    # (the start-of-stop code the same). A governor's resignation and the successor named
    # the next day merge; a hack's arrests split by script.
    "z": {"f1": 0.93, "precision": 0.94, "cross_f1": 0.93, "rel_p": 0.9, "rel_r": 0.9},
    # Halves aa and ab, written blind at once in stop 29 (the first two-letter halves),
    # measured once with the start-of-stop code: aa 0.720 / 0.881, ab 0.857 / 0.857; with
    # the story-age rule (chosen on t-z with the start-of-stop-28 code, before aa and ab
    # were read): aa 0.914 / 0.895, ab 1.000 / 0.857. Still merged in aa: a referendum and
    # the prime minister's resignation the same day. Read from ab then, each a split
    # between the languages: a "leadership spill" is no oil spill, a party's "walk out of"
    # a coalition no strike, a ship "detained" is 扣押 (a seizure), 调查结果 / 调查出炉 an
    # inquiry's findings: ab 1.000 / 0.936 (v 0.908 -> 0.922 recall; x 1.000 -> 0.984, a
    # blast's findings and the chairman suspended over it told in one Traditional headline).
    # A follow-up's next figure (the toll risen) and the kind its incident's first reports
    # left unnamed ("rescued from flooded mine" after 透水) no longer set it apart: aa 0.919
    # / 0.951; a referendum as the background of the resignation over it, and a "final
    # count" no match final: aa 1.000 / 0.979.
    "aa": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.9, "rel_r": 0.88},
    "ab": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.95, "rel_r": 0.9},
    # Halves ac and ad, written blind at once in stop 29 after all of the above (the helpers
    # asked for as many events told over days as next-day events), measured once with the
    # code of the time: ac 0.978 / 0.868, ad 0.979 / 0.940 (the start-of-stop code 0.724 /
    # 0.868 and 0.772 / 0.860). Read then, each a split between the languages or a next
    # event joined: a bid "launched" is no rocket, a radar outage agrees with the flights
    # it grounded, a chief suspended (停职) is dismissed and the blast it is over is
    # background, 抓获 is an arrest, 首进...决赛 reaching a final: ac 1.000 / 0.947, ad
    # 0.980 / 0.967 (aa 0.915 / 0.909); a place filed under the country its dictionary
    # gloss names, where a report names none (hail in Brisbane and in Johannesburg the
    # same day): ad 1.000 / 0.967.
    "ac": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.94, "rel_p": 0.9, "rel_r": 0.95},
    "ad": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.85},
    # Halves ae and af, written blind at once in stop 30 (the helpers asked also for
    # cross-language pairs worded differently and next-day explainers with no follow-up
    # word), measured once with the start-of-stop code: ae 0.955 / 0.778, af 0.805 / 0.805.
    # Read then: explainers, accounts, survivors found and the cause found follow their
    # incident (and clear their threshold by FOLLOW_RELIEF less), a crowd crush is a
    # stampede, a balloon crash-lands (an air crash) where another catches fire, charges
    # over an incident make it background, a trading halt and a ranking are kinds: ae
    # 1.000 / 0.969, af 1.000 / 0.966. Half ag, written blind after them (0.892 / 0.841 with
    # the start-of-stop code, 0.895 / 0.866 with the code of its arrival), then read (an
    # evacuation follows its incident; a race organiser suspended is a ban): 0.974 / 0.949.
    "ae": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.9, "rel_r": 0.9},
    "af": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.9, "rel_r": 0.9},
    "ag": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.95, "rel_r": 0.95},
    # Halves ah, ai and aj, written blind after ag's rules had landed and measured once
    # with the start-of-stop code and with the code of the time (this stop's final code but
    # one cue: "families say" is the families' reaction, an event of its own, as aj labels
    # it): ah 0.957 / 0.875 -> 0.934 / 0.928, ai 0.850 / 0.959 both, aj 1.000 / 0.974 ->
    # 0.967 / 0.961 (1.000 / 0.974 without the families' cue). ai's merges, not tuned on,
    # are a freed journalist's interview told beside the swap, and gold savings plans on
    # the mainland and in Taiwan the same morning (Greater China is one region here). ah
    # was read after: "to win women's Asia Cup" is a final, 拘两人 an arrest: 0.973 / 0.954.
    "ah": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.95, "rel_r": 0.95},
    "ai": {"f1": 0.89, "precision": 0.84, "cross_f1": 0.91, "rel_p": 0.95, "rel_r": 0.95},
    "aj": {"f1": 0.98, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.95, "rel_r": 0.95},
    # Halves ak and al, written blind at once at the end of stop 30 and measured once with
    # that stop's final code (the start-of-stop code in brackets): ak 0.885 / 0.891 (0.870 /
    # 0.769), al 0.899 / 0.800 (0.909 / 0.774). Read and tuned on in stop 31: ak 0.939 /
    # 0.987, al 1.000 / 0.871 (Montreal's strike, told "on the same day as Marseille's",
    # still joins Marseille's; al's explainers two days on and a laureate's profile led by
    # Oslo still stand alone).
    "ak": {"f1": 0.95, "precision": 0.93, "cross_f1": 0.95, "rel_p": 0.85, "rel_r": 0.95},
    "al": {"f1": 0.92, "precision": 0.97, "cross_f1": 0.93, "rel_p": 0.88, "rel_r": 0.88},
    # Halves am and an, written blind at once at the start of stop 31, measured first with
    # the start-of-stop code: am 0.979 / 0.898, an 0.896 / 0.832; then read and tuned on:
    # am 0.980 / 0.955, an 0.980 / 0.942.
    "am": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.87, "rel_r": 0.93},
    "an": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.95, "rel_r": 0.87},
    # Halves ao and ap, written blind with am and an and measured once, with the stop's
    # final code (the start-of-stop code in brackets): ao 0.953 / 0.887 (0.949 / 0.819), ap
    # 1.000 / 0.910 (the same). Not read: these floors pin the blind level.
    "ao": {"f1": 0.9, "precision": 0.94, "cross_f1": 0.9, "rel_p": 0.94, "rel_r": 0.8},
    "ap": {"f1": 0.94, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.95, "rel_r": 0.95},
    # Halves aq and ar, written blind at once at the start of stop 32, measured first with
    # the start-of-stop code: aq 0.914 / 0.819, ar 0.921 / 0.870; then read and tuned on:
    # aq 1.000 / 0.903 (frost on Alishan's and on Hangzhou's tea the same night: two
    # places), ar 1.000 / 0.925 (智利, a risky country form, counts as a whole word).
    "aq": {"f1": 0.94, "precision": 0.97, "cross_f1": 0.94, "rel_p": 0.9, "rel_r": 0.87},
    "ar": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.94, "rel_r": 0.94},
    # Halves as and at, written blind with aq and ar and measured once, with stop 32's final
    # code (the start-of-stop code in brackets): as 1.000 / 0.799 (0.954 / 0.786), at 1.000
    # / 0.850 (the same). Read and tuned on in stop 33: as 1.000 / 0.893 (the next day's
    # explainers and a second day with no shared word still stand alone), at 1.000 / 1.000.
    # Stop 34: as 1.000 / 0.862 (the rider's title lead shrinking after the crash names his
    # surgery in Barcelona, now Spain's, against the French race's story: split off).
    # Stop 35: 1.000 / 0.843 (SEQUEL_GAP_HOURS 12: the next morning's piece on why price
    # cuts do not save baijiu, a price-cut kind, now meets the market's slide as a kind).
    "as": {"f1": 0.91, "precision": 0.97, "cross_f1": 0.93, "rel_p": 0.93, "rel_r": 0.88},
    "at": {"f1": 0.98, "precision": 0.97, "cross_f1": 0.98, "rel_p": 0.82, "rel_r": 0.98},
    # Halves au and av, written blind at once at the start of stop 33, measured first with
    # the start-of-stop code: au 0.926 / 0.718, av 0.836 / 0.873; then read and tuned on:
    # au 1.000 / 0.853 (a climber's win led by the rival's slip, "as Long falls in
    # qualifying", is still a qualifying round), av 0.862 / 0.911 (a miner's shares falling
    # hours after its mine is seized, and Taiwan's "no threat" note on the tsunami, join
    # their news: events of their own as av labels them).
    "au": {"f1": 0.9, "precision": 0.97, "cross_f1": 0.9, "rel_p": 0.97, "rel_r": 0.86},
    "av": {"f1": 0.87, "precision": 0.84, "cross_f1": 0.89, "rel_p": 0.93, "rel_r": 0.93},
    # Halves aw and ax, written blind with au and av and measured once, with the stop's
    # final code (the start-of-stop code in brackets): aw 0.970 / 0.867 (0.969 / 0.840), ax
    # 0.813 / 0.752 (the same). Read and tuned on in stop 34: aw 0.972 / 0.913 (a bakery
    # named for a place is no place, a parliament electing a prime minister is his
    # appointment in both languages), ax 1.000 / 0.897 (Istanbul is Turkey's, so two taxi
    # strikes that morning stay apart; a referendum's polling day and its result are two
    # kinds; ground crews striking are a strike, not a grounding).
    "aw": {"f1": 0.93, "precision": 0.96, "cross_f1": 0.93, "rel_p": 0.97, "rel_r": 0.97},
    "ax": {"f1": 0.93, "precision": 0.97, "cross_f1": 0.94, "rel_p": 0.97, "rel_r": 0.84},
    # Halves ay and az, written blind at once at the start of stop 34 and measured once,
    # with the code of their arrival (the start-of-stop code gave the same): ay 0.915 /
    # 0.915 (F1 0.915, cross 0.922), az 1.000 / 0.883 (F1 0.938, cross 0.946). Then read:
    # ay 1.000 / 0.972 (a ban taken to court is news of its own; a runner-up, 亚军, played
    # the final; "一度5比4领先" is a moment of the match, not its score; farms testing
    # negative follow the outbreak), az 1.000 / 0.903 (起诉 is to sue as well as to
    # prosecute; a flood's dead found "as water recedes" follow the flood).
    "ay": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.94, "rel_r": 0.97},
    "az": {"f1": 0.93, "precision": 0.97, "cross_f1": 0.93, "rel_p": 0.95, "rel_r": 0.85},
    # Halves ba and bb, written blind at once at the start of stop 35 and measured once with
    # the start-of-stop code: ba 0.873 / 0.932 (F1 0.901, cross 0.915), bb 0.805 / 0.915
    # (F1 0.856, cross 0.870). Then read: ba 1.000 / 0.980 (停牌照 is a licence, not a
    # trading halt; 遭罰 a fine; the heat records of two capitals the same afternoon, under
    # headlines naming other countries, are two events), bb 1.000 / 0.967 (a parliament's
    # vote and the general strike the next morning; two avalanches in two countries; a
    # miner's shares 12 hours after its licence revoked). Stop 38: bb 1.000 / 0.928 (F1
    # 0.963): a court's freeze is now a ruling in both languages (法院暂停, "judges freeze"),
    # and the unions' calling off their strike the same day, labelled the same event, is
    # held apart from it by kind.
    "ba": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.95, "rel_r": 0.95},
    "bb": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.93},
    # Halves bc and bd, written blind at once at the start of stop 36 and measured once with
    # code that had not seen them (the start-of-stop code and its behaviour-neutral module
    # splits): bc 0.919 / 0.895 (F1 0.907, cross 0.919), bd 1.000 / 0.914 (F1 0.955, cross
    # 0.962). Then read: bc 1.000 / 0.935 (schools shut the morning after an outbreak was
    # declared are the closure's news; 擋下 blocks a deal; a fire's homes destroyed overnight
    # are its next report); bd unchanged (its two splits are a nameless next-morning piece
    # and an oil slick "as strait stays shut", where "stays shut" also read a fuel cap's
    # background clause as a follow-up in bc).
    "bc": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.88, "rel_r": 0.88},
    "bd": {"f1": 0.94, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.9, "rel_r": 0.92},
    # Halves be and bf, written blind while bc and bd were read (stop 36), measured once with
    # the code of that moment (`11f1638`; the start-of-stop code gave the same): be 1.000 /
    # 0.825 (F1 0.904, cross 0.916), bf 0.966 / 0.875 (F1 0.918, cross 0.922). Then read: be
    # 1.000 / 0.916 (罢工腰斩 ends a strike, 停摆后复工 is a reopening, 即时下课 a sacking,
    # freed under judicial supervision is bail, a passport 扣押 is bail's condition; 风雨过后
    # the aftermath), bf 1.000 / 0.975 (勒令…回收 is a recall, "fire ... out after nine
    # hours", 洪水过后, 社交媒体; a police raid on the "workshop behind fake pens" the day
    # after a customs seizure is no cause found, so no follow-up).
    "be": {"f1": 0.94, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.97, "rel_r": 0.88},
    "bf": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.93, "rel_r": 0.93},
    # Halves bg and bh, written blind while be and bf were read (stop 36), measured once with
    # that stop's code as it then stood (`a2c1224`; the start-of-stop code gave the same):
    # bg 0.889 / 0.837 (F1 0.862, cross 0.856), bh 0.910 / 0.856 (F1 0.882, cross 0.897).
    # Then read: bg 0.957 / 0.863 (a captain relieved the next afternoon, with the collision
    # as background, is the dismissal's news; a race's "crash on descent" is no air crash;
    # walls collapsing in a rainstorm are the flood's), bh 0.992 / 0.856 (an appeal against
    # a fine, a typhoon's 二度登陆, a leader stepping aside).
    "bg": {"f1": 0.91, "precision": 0.95, "cross_f1": 0.91, "rel_p": 0.95, "rel_r": 0.92},
    "bh": {"f1": 0.9, "precision": 0.97, "cross_f1": 0.9, "rel_p": 0.97, "rel_r": 0.84},
    # Halves bi and bj, written blind at the start of stop 37 and measured once with the
    # start-of-stop code: bi 1.000 / 0.860 (F1 0.925, cross 0.911), bj 0.774 / 0.872 (F1
    # 0.820, cross 0.854: two same-day methane blasts in Colombia and Poland one story, a
    # runner's death and the review two days on, the market's slide and Beijing's answer).
    # Then read: bi 1.000 / 0.960 (a boat overturning is a capsize, an appeal taken to
    # Lausanne, a fine "with maximum fine" and 挨罰, a mayor suspended), bj 1.000 / 0.965
    # ("Polish" is Poland and a headline's other country counts at HEADS_ELSEWHERE; a state's
    # answer is a retaliation against a same-day market story; a probe is never the incident
    # going on). bg gained too (0.958 / 0.895: 井口外的一夜).
    "bi": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.92, "rel_r": 0.97},
    "bj": {"f1": 0.97, "precision": 0.97, "cross_f1": 0.97, "rel_p": 0.92, "rel_r": 0.97},
    # Halves bk and bl, written blind while bi and bj were read, measured once with the code
    # of that moment (`b272746`; the start-of-stop code gave the same): bk 0.888 / 0.847 (F1
    # 0.867, cross 0.872: two same-day snowstorms, at the Brenner and in Bulgaria, one story;
    # nameless next-night pieces apart), bl 1.000 / 0.897 (F1 0.946, cross 0.957). Then read:
    # bk 0.899 / 0.887 (的一夜, a queue's second night, a semi-final won into a named final),
    # bl 1.000 / 0.935 (增至1900台). The Brenner and Shipka storms stay one story.
    "bk": {"f1": 0.88, "precision": 0.88, "cross_f1": 0.89, "rel_p": 0.97, "rel_r": 0.82},
    "bl": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.92},
    # Halves bm and bn, written blind while bk and bl were read, measured once with the code
    # of that moment (`636f21b`): bm 1.000 / 0.942 (F1 0.970, cross 0.974; the start-of-stop
    # code gave 0.977: a minister sacked in English, 下台 in Taiwan's copy), bn 0.774 / 0.867
    # (F1 0.818, cross 0.837: a reporter held and her country summoning the envoy the next
    # day one story, a semi-final and the Qatar Open won, anti-dumping duties and the tyre
    # maker's answer). Then read: bm 1.000 / 0.955, bn 0.895 / 0.907 (a summons is a sequel
    # kind, an open won a final, anti-dumping duties a trade measure).
    "bm": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.97},
    "bn": {"f1": 0.89, "precision": 0.88, "cross_f1": 0.9, "rel_p": 0.92, "rel_r": 0.88},
    # Halves bo and bp, written blind at the start of stop 38, measured once with the code
    # of that moment (`9e983c6`): bo 0.969 / 0.781 (F1 0.865, cross 0.876: a mine rescue
    # over three days split in three, an umpire's order ending a strike named a strike in
    # Taiwan's copy), bp 0.917 / 0.905 (F1 0.911, cross 0.924: Hong Kong's import halt the
    # day after Poland's bird-flu cull joined the cull). Halves bq and br, written blind
    # while bo and bp were read, measured once with the code of that moment (`1f50bb5`): bq
    # 0.972 / 0.885 (F1 0.927, cross 0.930), br 1.000 / 0.765 (F1 0.867, cross 0.845: the
    # two languages of one report named other kinds, "FIFA suspends ... for 90 days"
    # against 禁止, "court pauses" against 法院暂停). Then read: bo 1.000 / 0.944, bp
    # 1.000 / 0.905, bq 0.973 / 0.930, br 1.000 / 0.889 (KIND_RELIEF, trade measures,
    # strike ends, bans for a term, courts' decisions in both languages, explainers asking
    # "which" or 在哪里).
    "bo": {"f1": 0.96, "precision": 0.97, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.92},
    "bp": {"f1": 0.94, "precision": 0.97, "cross_f1": 0.94, "rel_p": 0.95, "rel_r": 0.92},
    "bq": {"f1": 0.94, "precision": 0.96, "cross_f1": 0.94, "rel_p": 0.85, "rel_r": 0.94},
    "br": {"f1": 0.93, "precision": 0.97, "cross_f1": 0.93, "rel_p": 0.95, "rel_r": 0.84},
    # Halves bs and bt, written blind while bq and br were read, measured once with the code
    # of that moment (`d7d60bc`): bs 0.967 / 0.879 (F1 0.921, cross 0.902: a cartel's 联合
    # 涨价 read as a price rise against its fine, a threat to appeal as a court challenge, a
    # cycling crash "on ... descent" as an air crash), bt 0.877 / 0.923 (F1 0.899, cross
    # 0.903: the maker's shares the morning after its plant fire, an hour after the toll's
    # update, joined the fire; the trains pulled from service joined the brake failure).
    # Then read: bs 0.969 / 0.952, bt 1.000 / 0.935.
    "bs": {"f1": 0.95, "precision": 0.96, "cross_f1": 0.95, "rel_p": 0.88, "rel_r": 0.97},
    "bt": {"f1": 0.95, "precision": 0.97, "cross_f1": 0.95, "rel_p": 0.92, "rel_r": 0.95},
    # Halves bu and bv, written blind at the start of stop 39, measured once with its code
    # (`e46c556`): bu 0.843 / 0.899 (F1 0.870, cross 0.889: the stewards stripping the race
    # win hours later joined the win, a prosecutors' raid read as charges in English and as
    # the fire in Chinese), bv 0.914 / 0.847 (F1 0.879, cross 0.896: 又一夜露宿 read as a
    # repeat, 泡在…的水里 as Shuili in Taiwan, "Rome raises Campi Flegrei alert" joined the
    # quake swarm). Then read: bu 0.964 / 0.886, bv 1.000 / 0.947.
    "bu": {"f1": 0.91, "precision": 0.95, "cross_f1": 0.93, "rel_p": 0.95, "rel_r": 0.93},
    "bv": {"f1": 0.96, "precision": 0.98, "cross_f1": 0.96, "rel_p": 0.95, "rel_r": 0.95},
    # bw and bx, written blind while bu and bv were read (`42ff082`, `b5cba2a`): bw 1.000 /
    # 0.917 (F1 0.957), bx 0.965 / 0.813 (F1 0.883). Then read: bw unchanged, bx 0.980 / 0.871.
    "bw": {"f1": 0.94, "precision": 0.98, "cross_f1": 0.93, "rel_p": 0.88, "rel_r": 0.94},
    "bx": {"f1": 0.91, "precision": 0.96, "cross_f1": 0.91, "rel_p": 0.92, "rel_r": 0.92},
}


class _Memo:
    """The real embedder, remembering its outputs for this test session (in memory only),
    so that the halves re-use the vectors of the full run."""

    def __init__(self) -> None:
        self._real = get_embedder()
        self.model_name = self._real.model_name
        self.dim = self._real.dim
        self._seen: dict[str, Any] = {}

    def passages(self, texts: Sequence[str]) -> Any:
        todo = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if todo:
            for t, v in zip(todo, self._real.passages(todo), strict=True):
                self._seen[t] = v
        return np.stack([self._seen[t] for t in texts])

    def query(self, text: str) -> Any:
        return self._real.query(text)


@lru_cache(maxsize=1)
def _memo() -> _Memo:
    return _Memo()


def _run(tmp: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    from storage import Storage

    with Storage(str(tmp / "eval.db")) as st:
        ids = ingest(st, rows)
        link_pending(App(storage=st, config=Config(feeds=()), embedder=_memo()))
        return evaluate(st, rows, ids)


def _check(
    name: str, got: dict[str, Any], f1: float = F1_FLOOR, cross_f1: float = CROSS_F1_FLOOR
) -> None:
    print(f"\n[{name}] " + json.dumps(got, ensure_ascii=False))
    assert got["same_story"]["f1"] >= min(f1, F1_FLOOR), got
    assert got["cross_language"]["f1"] >= min(cross_f1, CROSS_F1_FLOOR), got
    # Half b and c near duplicates are harder (0.72, 0.63 measured; c drew 0.69 with the
    # string-keyed hashes: over 200 permutation sets both find 4.1 of its 9 pairs on average,
    # benchmarks/minhash.py --seeds 200): not this check's subject. Halves f, g, h, j, k, l,
    # m, n, o, p, q, r, s, t, u, v, w, x, y and z, blind: 0.65, 0.476, 0.833, 0.762, 0.65,
    # 0.526, 0.529, 0.5, 0.429, 0.471, 0.467, 0.467, 0.5, 0.65, 0.5, 0.529, 0.5, 0.533,
    # 0.429, 0.471, aa to ad 0.389, 0.471, 0.471, 0.471, ae to al 0.467, 0.467, 0.5, 0.467,
    # 0.438, 0.5, 0.389, 0.429 (their "near"
    # copies share the lead paragraph and rewrite the rest: other articles of one story more
    # than copies; the start-of-stop code found the same).
    floors = {
        "b": 0.6,
        "c": 0.6,
        "f": 0.6,
        "g": 0.45,
        "h": 0.75,
        "j": 0.7,
        "k": 0.6,
        "l": 0.5,
        "m": 0.5,
        "n": 0.45,
        "o": 0.4,
        "p": 0.45,
        "q": 0.45,
        "r": 0.45,
        "s": 0.45,
        "t": 0.6,
        "u": 0.45,
        "v": 0.5,
        "w": 0.45,
        "x": 0.5,
        "y": 0.4,
        "z": 0.45,
        "aa": 0.35,
        "ab": 0.45,
        "ac": 0.45,
        "ad": 0.45,
        "ae": 0.45,
        "af": 0.45,
        "ag": 0.45,
        "ah": 0.45,
        "ai": 0.4,
        "aj": 0.45,
        "ak": 0.35,
        "al": 0.4,
        "am": 0.35,
        "an": 0.4,
        "ao": 0.45,
        "ap": 0.4,
        "aq": 0.4,
        "ar": 0.4,
        "as": 0.4,
        "at": 0.5,
        "au": 0.35,
        "av": 0.45,
        "aw": 0.4,
        "ax": 0.35,
        "ay": 0.45,
        "az": 0.3,
        "ba": 0.35,  # 0.389 and 0.412 blind (stop 35)
        "bb": 0.35,
        "bc": 0.35,  # 0.412 and 0.412 blind (stop 36)
        "bd": 0.35,
        "be": 0.35,  # 0.412 and 0.412 blind (stop 36)
        "bf": 0.35,
        "bg": 0.35,  # 0.412 and 0.389 blind (stop 36)
        "bh": 0.35,
        "bi": 0.4,  # 0.438 and 0.353 blind (stop 37)
        "bj": 0.3,
        "bk": 0.35,  # 0.375 and 0.412 blind (stop 37)
        "bl": 0.35,
        "bm": 0.35,  # 0.412 and 0.412 blind (stop 37)
        "bn": 0.35,
        "bo": 0.35,  # 0.412 and 0.389 blind (stop 38)
        "bp": 0.35,
        "bq": 0.35,  # 0.412 and 0.412 blind (stop 38)
        "br": 0.35,
        "bs": 0.35,  # 0.412 and 0.444 blind (stop 38)
        "bt": 0.35,
        "bu": 0.35,  # 0.412 and 0.389 blind (stop 39)
        "bv": 0.35,
        "bw": 0.35,  # 0.389 and 0.35 blind (stop 39)
        "bx": 0.3,
    }
    floor = floors.get(name, 0.9)
    assert got["dedup_hit_rate"] >= floor, got
    assert got["dedup_wrong_merges"] == 0, got
    assert got["related_precision"] >= 0.6, got


@pytest.mark.parametrize("half", eval_halves())
def test_corpus_floors(tmp_path: Path, half: str) -> None:
    got = _run(tmp_path, load_corpus(half))
    floor = FLOORS[half]
    _check(half, got, floor["f1"], floor["cross_f1"])
    assert got["same_story"]["f1"] >= floor["f1"], got
    assert got["same_story"]["precision"] >= floor["precision"], got
    assert got["cross_language"]["f1"] >= floor["cross_f1"], got
    assert got["related_precision"] >= floor["rel_p"], got
    assert got["related_recall"] >= floor["rel_r"], got


@pytest.mark.parametrize("parity", [0, 1])
def test_floors_hold_on_each_half(tmp_path: Path, parity: int) -> None:
    rows = [r for r in load_corpus() if int(r["event"].lstrip("E")) % 2 == parity]
    _check(f"half {parity}", _run(tmp_path, rows))


@pytest.mark.slow
def test_corpus_served_as_feeds(tmp_path: Path) -> None:
    """End to end: whole feeds in one poll each (near duplicates arrive in one batch)."""
    from storage import Storage

    rows = load_corpus()
    ids = poll_corpus(str(tmp_path / "feeds.db"), tmp_path, rows)
    assert set(ids) == {r["id"] for r in rows}
    with Storage(str(tmp_path / "feeds.db")) as st:
        _check("feeds", evaluate(st, rows, ids))
