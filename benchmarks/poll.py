"""Poll benchmark: N generated feeds served from loopback, polled cold (all new) and warm (304).

Run by hand:  .venv/bin/python benchmarks/poll.py --sizes 100,1000 [--entries 30] [--hosts 8]

The feeds are served by a child process (tests/support_http.FeedServer on 127.0.0.1 ..
127.0.0.N, one server per "host", so the per-host cap of 2 applies as it would on the web),
so the poller's figures are its own: wall time, feeds/s, entries/s, peak RSS of the polling
process, and the share of cold time spent parsing (feedparser plus decoding and HTML
cleaning, timed inside parse_feed). Linking and translation are not run: the benchmark
calls `poller.poll_iter` directly, which stops after storing (what `poll --no-translate`
does before its post-ingest steps).

Side by side with lemon24/reader 3.26 (the shared harness `bench/poll_anchor.py`, beside the
repo: N RSS feeds of 30 items, half English half Chinese, each poller a child process,
CPU-seconds of the whole process tree; `poll --all --no-translate --no-link`).

Stop 27, the final code (the cold poll below, merged; PostgreSQL's article insert
pipelined), one harness run on a quiet machine (other load 0.01-0.09 cores in every row),
two repeats. This machine's CPU-s are ~1.5-1.8x stop 26's (reader 39 against 22 CPU-s at
1,000 feeds): compare ratios. CPU-s:

    feeds  phase  reader         newsdesk       x reader (rep by rep; min/min)
    100    cold   3.80 / 4.14    3.65 / 3.26    0.96, 0.79; 0.86x
    100    warm   0.78 / 0.76    0.66 / 0.51    0.85, 0.67; 0.67x
    1000   cold   39.09 / 40.51  33.80 / 27.42  0.86, 0.68; 0.70x
    1000   warm   3.98 / 3.25    1.60 / 1.99    0.40, 0.61; 0.49x

Peak RSS, cold: 100 feeds 107 / 46 MB (2.33x), 1,000 feeds 109 / 54 MB (2.02x); warm 36-38
/ 45-53. Database 25.1 / 6.9 MB at 3,000 entries, 239.8 / 68.0 MB at 30,000 (~8 KB an
article: the body and summary, the segmented search text and its index, MinHash bands).
Fully linked, the same 100 feeds (`poll --all --no-translate; link`, one child; `link`
runs until nothing is pending): 450.2 CPU-s, 406.8 s wall (goal: 600 CPU-s); the warm poll
after it 2.2 CPU-s (other load 0.84 during it: evaluations ran beside it).

Stop 27, the cold poll without SQLAlchemy (#15). A poll now stores new entries through the
light route too: `storage.feed_book.FeedBook` runs the ingest's SQL (`storage.ingest_sql`:
key and LSH lookups, the decider's intents applied; `storage.ingest_rows`: article, entry,
URL, related, band and search rows, the text rewrite, page retries) on its sqlite3
connection, and a missing SQLite file is created at the schema from SQL text
(`connect.create_sqlite`, `storage/sqlite_ddl.py`). That SQL is written once: `Storage`
runs the same functions on its transaction's raw connection, SQLite and PostgreSQL. Only a
full-text feed's page bookkeeping, linking or translation open the full `Storage` now.
Stored rows are byte for byte the start-of-stop code's (40 served feeds polled by both
with a fixed clock; the insert, attach and rewrite rounds of tests/test_cold_poll.py on
the old code, the new `Storage` and the light route). Start-up of a 2-feed cold poll
(60 entries, 7 alternating runs, CPU user+sys of the process): 1.12-1.25 -> 0.73-0.90
CPU-s; SQLAlchemy, the ORM schema and the storage mixins no longer load. At 1,000 feeds
the ingest itself is cheaper too: the lookups' ORM selects, SQLAlchemy's per-row dicts of
the search rows and its Session around each batch are gone.

Three harness runs, start-of-stop code (cd64b26, "base") and this code ("new") in each, two
repeats. The machine had about one core of other load in every row (other load 0.8-1.35;
one reader row 0.24): the CPU-s are ~1.4x run 12's, compare within a run. CPU-s:

    run  feeds  phase  reader         base           new            new x reader; x base
    A    100    cold   3.90 / 4.15    3.85 / 3.78    3.11 / 3.12    0.80, 0.75; 0.81-0.83
    A    100    warm   0.67 / 0.78    0.50 / 0.49    0.52 / 0.65
    B    100    cold   3.88 / 3.85    4.09 / 3.34    3.12 / 3.02    0.80, 0.78; 0.76-0.90
    B    100    warm   0.84 / 0.63    0.45 / 0.48    0.50 / 0.59
    C    100    cold   3.99 / 4.12    4.46 / 3.65    2.77 / 3.00    0.69, 0.73; 0.62-0.82
    C    100    warm   0.62 / 0.87    0.52 / 0.45    0.45 / 0.48
    A    1000   cold   33.25 / 35.72  37.71 / 35.37  29.04 / 28.41  0.87, 0.80; 0.77-0.80
    A    1000   warm   3.21 / 4.31    2.12 / 1.82    1.79 / 1.79
    C    1000   cold   36.16 / 48.99  33.04 / 29.87  25.39 / 24.89  0.70, 0.51; 0.77-0.83
    C    1000   warm   4.58 / 4.86    1.89 / 1.54    1.76 / 1.63

Run A is one commit before the last two small ones (SQLite's executemany rows passed as
they are; article times stored as before, byte for byte), run B one before the last (the
ingest types imported for type checking only); run C is this code. Reader's second cold
1,000-feed repeat in run C (48.99) is the machine's: read its first. Peak RSS, cold: 100
feeds base 129-130 MB, new 107 (reader 46-47); 1,000 feeds 131-132 -> 109 (reader 53).
Warm rows are the same code on both sides (the all-304 poll was already light): their
spread (0.45-0.65 at 100 feeds) is the machine's; alternating warm polls of 40 feeds, 6
each: base 0.38-0.44, new 0.39-0.56 CPU-s, both loading the same modules.

Stop 26, the final code (all of the below, merged), run 12 on a quiet machine (other load
0.02-0.12 cores in every row), two repeats, CPU-s:

    feeds  phase  reader         newsdesk       x reader (rep by rep; min/min)
    100    cold   2.64 / 2.61    2.64 / 2.91    1.00, 1.11; 1.01x
    100    warm   0.44 / 0.44    0.37 / 0.34    0.84, 0.77; 0.77x
    1000   cold   22.43 / 22.56  20.39 / 20.54  0.91, 0.91; 0.91x
    1000   warm   2.15 / 2.28    1.26 / 1.39    0.59, 0.61; 0.59x

Peak RSS at 1,000 feeds 131 / 54 MB cold (2.45x), 38 / 53 warm; at 100 feeds 130 / 46
(2.80x). Database 239.9 / 68.0 MB at 30,000 entries (reader without its search index).
Across runs 10-12 and the cold work's run 3, the warm poll is under reader's cost at both
sizes every time (0.50-0.91x), and the 1,000-feed cold poll after the cold work below every
time (0.78-0.91x); the 100-feed cold poll is at reader's cost (0.93-1.11x), its start-up
~0.5 CPU-s against reader's ~0.1.

Stop 26, cold (#15). Where a cold poll's CPU goes, 1,000 anchor feeds (30,000 entries)
replayed in one process from the feed files (no HTTP), stages timed with getrusage, start
of stop (a9727d7) -> now: parse 2.5 -> 2.5-2.9 (unchanged code; the spread is the
machine's), build (language, fingerprint) 3.8 -> 2.6, prepare (shingles, signatures,
bands, segmentation) 5.5 -> 4.8, lookup 1.3 -> 1.2, apply 8.0 -> 7.7 (band rows 3.5-3.7,
FTS rows 1.0, article rows 0.7, entries and URLs 0.4, commits 1.85 -> 1.32); total 21.7 ->
19.8. Outside the replay: the fetch thread ~1.3 CPU-s (1,000 GETs, 46 MB) and start-up
~0.5 (SQLAlchemy and the storage modules 0.25-0.3, rjieba's dictionary 0.10-0.14, numpy
0.04), which is why the 100-feed ratio is the harder one. What changed: an ASCII text's
fingerprint is one bytes.translate (the non-word regex was 50 of its 60 us); `detect`
reads the words of a text only where the verdict needs them (not for Chinese, nor for
Latin text in a feed said to be English) and scans for kana and hangul once (English
48-76 -> 5-7 us, Chinese ~10% less); 600 articles a write transaction, not 300 (each
commit rewrites the band-index pages a batch touched, nearly all of them: storing 9.7 ->
8.6 CPU-s replayed, +4 MB peak RSS); band hashes for a whole batch in one numpy pass
(12 -> 3 us an article) and Chinese segmentation of ~5,000 characters of texts per pair
of jieba calls (`segment.segment_many`; prepare 178 -> 138 us an article, interleaved).
Every output is the one-at-a-time route's (tests/test_build_fast.py, test_segment.py).
Tried and dropped: signatures for many texts in one (NUM_PERM x keys) product (a third
less CPU only in 8 MB blocks, which cost ~21 MB of peak RSS; small blocks saved nothing);
a 64 MB SQLite page cache (no clear CPU gain, +65 MB RSS); the band rows as multi-row
INSERTs or one json_each INSERT (slower than executemany); a process pool (CPU-seconds
of the process tree are what is compared: it can only add). Run 3 of the day (other load
0.9-1.5 cores in every row: read CPU-s), two repeats, CPU-s:

    feeds  phase  reader         base           now            now x reader; x base
    100    cold   2.40 / 2.57    2.73 / 2.71    2.36 / 2.39    0.98, 0.93; 0.98x; 0.86-0.88
    100    warm   0.43 / 0.45    0.33 / 0.32    0.32 / 0.37    0.74, 0.82
    1000   cold   24.80 / 24.42  24.66 / 23.33  19.41 / 19.24  0.78, 0.79; 0.79x; 0.79-0.82
    1000   warm   2.28 / 2.29    1.18 / 1.21    1.15 / 1.16    0.50, 0.51

Cold peak RSS 130 / 47 MB at 100 feeds (base 125), 132 / 54 at 1,000 (2.45x; base 2.36x).
Run 2, one commit earlier (signatures in 16,384-key blocks), same load: 100 cold reader
2.46 / 2.53, base 2.78 / 2.63, then 2.33 / 2.32 (0.94x); 1000 cold reader 24.35 / 23.94,
base 23.08 / 23.84, then 19.79 / 19.11 (0.80x), at 154-164 MB peak RSS. Run 1 (the build
and batch-size commits only, other load 1.1-1.4) showed no difference from base at
either size (100: 2.93 / 2.94 against 2.90 / 2.83): at that load, ~10% moves are in the
noise of one harness run; the replayed and interleaved stage figures above are not.

Stop 26, the warm poll without SQLAlchemy (#15). A poll opens its database through
`storage.feed_book.FeedBook` (sqlite3 alone: the feed bookkeeping, `sync_feeds`,
`claim_feeds`, `record_polls`, whose SQL `Storage` runs too) where the file is at the
current schema with no MinHash refresh pending, and the full `Storage` only when a feed has
entries to store or linking/translation runs. One-feed all-304 poll, min of 7 alternating
runs (CPU user+sys): 0.52-0.54 -> 0.24 CPU-s (the prototype's floor: importing the CLI,
poller and core without storage costs 0.15). Run 10 (the harness saw other load of 0.6-1.1
cores in every row: read the CPU-s, not the wall times), two repeats, CPU-s:

    feeds  phase  reader         newsdesk       x reader (rep by rep; min/min)
    100    cold   2.31 / 2.48    2.79 / 2.93    1.21, 1.18; 1.21x
    100    warm   0.42 / 0.41    0.34 / 0.37    0.81, 0.91; 0.82x
    1000   cold   24.01 / 22.16  24.82 / 25.25  1.03, 1.14; 1.12x
    1000   warm   2.15 / 2.19    1.45 / 1.18    0.67, 0.54; 0.55x

Run 11, the same code right after (other load 0.8-1.1; the machine slower, reader's own
warm 100-feed poll 0.63-0.66), CPU-s:

    100    cold   3.46 / 3.62    4.49 / 4.69    1.30, 1.30; 1.30x
    100    warm   0.66 / 0.63    0.49 / 0.57    0.74, 0.90; 0.78x
    1000   cold   32.25 / 36.73  33.66 / 37.14  1.04, 1.01; 1.04x
    1000   warm   3.06 / 2.86    1.57 / 1.87    0.51, 0.65; 0.55x

Warm peak RSS 36-39 MB against reader's 45-53 (SQLAlchemy not loaded). Cold is unchanged
code (a cold poll opens `Storage` as before); its ratio moved with the machine.

Stop 25, run 9, the final code (the poll path as in run 8; other load <= 0.08), CPU-s:

    feeds  phase  reader         newsdesk       x reader (rep by rep; min/min)
    100    cold   2.65 / 3.02    3.59 / 2.92    1.35, 0.97; 1.10x
    100    warm   0.45 / 0.59    0.65 / 0.60    1.44, 1.02; 1.33x
    1000   cold   27.38 / 26.88  32.68 / 26.48  1.19, 0.99; 0.99x
    1000   warm   3.36 / 2.40    2.23 / 1.65    0.66, 0.69; 0.69x

Stop 25, 2026-12-06, run 8 (other load <= 0.09, one cold row 0.58), two repeats, CPU-s:

    feeds  phase  reader         newsdesk       x reader (rep by rep; min/min)
    100    cold   4.31 / 4.28    3.95 / 4.16    0.92-0.97x; 0.92x
    100    warm   0.73 / 0.68    0.83 / 0.97    1.14-1.43x; 1.22x
    1000   cold   36.38 / 33.75  32.01 / 35.10  0.88-1.04x; 0.95x
    1000   warm   3.35 / 3.24    1.84 / 2.56    0.55-0.79x; 0.57x

Peak RSS 127 / 53 MB cold (2.37x at 1,000 feeds), 60 / 53 MB warm; database 240 / 68 MB
(reader without its search index). What changed since run 7, in the warm path: the fetcher
reads a 304's (empty) end so the connection returns to the pool (every 304 opened a new
connection before); `sniffio` is a dependency (httpcore imports it six times per request,
and newer anyio no longer brings it: each failed import searched sys.path, 0.36 CPU-s of a
1,000-feed poll); `storage.sync_feeds` writes with Core only the feed rows that changed;
`aggregator.parse` is imported only when a body needs parsing; httpx's command-line client
(rich, pygments) is kept off every poll; finished fetches are collected from a queue (no
`concurrent.futures.wait` per completion). The helper's own alternating runs, code alone:
warm 100 1.37 -> 1.20 CPU-s, warm 1000 3.96 -> 2.94. Still above reader: the warm 100-feed
poll, start-up imports ~0.55 CPU-s (SQLAlchemy 0.21-0.28, ORM schema 0.04, httpx 0.05-0.1)
against reader's 0.14-0.16.

Stop 24, 2026-12-06, run 7 (other load <= 0.12), two repeats, CPU-s (the machine was
slower than in run 6: reader's own cold 1,000-feed poll took 23.9-29.9 s across runs):

    feeds  phase  reader         newsdesk       x reader
    100    cold   2.51 / 2.68    3.23 / 3.09    1.15-1.29x
    100    warm   0.46 / 0.47    0.85 / 0.82    1.8x
    1000   cold   23.92 / 27.63  27.39 / 33.81  0.99-1.41x
    1000   warm   2.84 / 2.45    2.82 / 3.48    0.99-1.42x

Run 7b, 1,000 feeds, the start-of-stop code ("base", 71bf270) in the same harness run:

    phase  reader         newsdesk       base           newsdesk x reader  x base
    cold   29.93 / 28.43  29.48 / 31.31  31.59 / 31.67  0.98-1.10x         0.93-0.99x
    warm   3.19 / 2.45    2.70 / 2.88    3.11 / 3.29    0.85-1.18x         0.82-0.93x

The warm gain is `record_polls` as one executemany UPDATE instead of loading a thousand
ORM rows (0.25 CPU-s in a profile of the warm 1,000-feed poll). The warm 100-feed poll
is still start-up: imports ~0.57 CPU-s against reader's whole 0.46.

Stop 23, 2026-12-06, run 6 (other load <= 0.11), two repeats: the stop-22 code with its
bytecode compiled ("pyc", as the README's install now does) and the same commit without
("nopyc": on this machine PYTHONDONTWRITEBYTECODE is set, so an editable install compiled
~46 of newsdesk's modules from source every run):

    feeds  phase  reader         pyc            nopyc          pyc x reader
    100    cold   3.99 / 3.14    3.66 / 4.72    4.16 / 4.81    0.92-1.50x
    100    warm   0.48 / 0.47    1.01 / 1.10    1.29 / 1.42    2.1-2.3x
    1000   cold   36.42 / 36.91  35.48 / 33.96  41.53 / 39.02  0.92-0.97x
    1000   warm   3.24 / 3.44    3.97 / 3.58    3.74 / 4.60    1.04-1.23x

Where the warm 100-feed poll goes (pyc, rusage inside the process): start-up and imports
0.59-0.63 CPU-s, the 100 conditional GETs and their state updates 0.33-0.36 (reader's
whole warm poll: 0.47-0.70 across runs). By `-X importtime`, SQLAlchemy is ~43% of the
import time, the ORM schema (declarative classes) and the frozen dataclasses of
`aggregator.models` ~10% each, rich and pygments (pulled in by httpx's CLI module) ~7%.
A warm poll at reader's cost needs a poll path without SQLAlchemy's ORM.

Stop 22, 2026-12-06, five runs, two repeats each (other load <= 0.25, one row 0.22 noted);
"before" is the code at the start of the stop, run in the same harness run:

    run  feeds  reader cold    before         now            now x reader  now x before
    1    100    3.60 / 3.49                   4.35 / 3.83    1.06-1.25x
    1    1000   32.65 / 34.82                 36.94 / 37.37  1.06-1.14x
    2    100    4.10 / 4.13    5.47 / 5.36    5.39 / 5.21    1.26-1.31x    (before the
    2    1000   36.10 / 37.66  56.70 / 53.80  41.79 / 41.51  1.10-1.16x    lookups change)
    3    100    4.10 / 3.52    6.55 / 6.21    4.40 / 4.47    1.07-1.27x    0.68-0.72
    3    1000   37.88 / 34.79  51.61 / 50.65  38.19 / 44.62  1.01-1.28x    0.74-0.88
                                                             (44.62: other load 0.22)
    4    100    3.26 / 3.96    6.03 / 5.52    5.01 / 5.04    1.27-1.55x    0.83-0.91
    4    1000   33.65 / 32.23  39.36 / 41.76  33.11 / 33.00  0.98-1.03x    0.79-0.84
    5    1000   36.44 / 34.45                 39.65 / 41.56  1.09-1.21x

Run 4 (other load <= 0.07 in every row) is the final code, with the SQLite article rows
through one driver executemany (the batch inserts 3.3 -> 1.5 CPU-s); warm: 100 feeds
reader 0.64 / 0.70, now 1.32 / 1.27; 1,000 feeds reader 2.85 / 3.05, now 3.51 / 3.10.
Run 5 (other load <= 0.11) is the same code after behaviour-neutral refactors (none on
the poll's path but the shared IN-list helper): the spread between runs 4 and 5 is the
machine's, so the final code is 0.98-1.21x reader's CPU at 1,000 feeds cold.
"before" ran faster in run 4 than in runs 2-3 (39-42 against 51-57 CPU-s) while reader
moved less: between runs even the ratios move, so read each run's columns together.

Warm (all 304), run 3: 100 feeds reader 0.60 / 0.61, now 1.15 / 1.39 (1.9-2.3x: start-up,
imports ~0.9 CPU-s); 1,000 feeds reader 3.27 / 3.50, now 4.00 / 4.01 (1.1-1.2x). Peak RSS at
1,000 feeds 130 MB against 53-54 (2.41-2.45x). Database 240.9 MB against 68 (8.0 KB an
article, dbstat: articles 124 MB, FTS content 47 + index 22, bands 17 + their article index
17, the rest under 3 MB each). What stop 22 changed: a summary the body holds is indexed and
shingled once (FTS insert 2.0 -> 1.1 CPU-s); MinHash bands in one WITHOUT ROWID B-tree,
inserted in key order (6.4 -> 4.4 CPU-s; 51 -> 34 MB), the redundant articles.feed_id index
gone (schema v6); canonical URLs skip urlsplit when already canonical; detection finds Han
once; the batch's entry/URL/fingerprint lookups through the driver (3.37 -> 0.84 profiled
CPU-s). Tried: 1,000 articles a transaction with a 16 MB page cache, about -10% CPU in one
run but 159 MB RSS (2.9x reader's); each alone within noise.

Stop 21,
2026-12-05, one quiet run (other load <= 0.09 in every row), two repeats each, the code at
the start of the stop ("before") in the same run:

    feeds  reader cold  before        now            x reader  warm now (x reader)  RSS
    100    3.86 / 4.23  10.07 / 8.03  5.09 / 5.70    1.2-1.5x  1.26 / 1.13 (1.6x)   2.8x
    1000   31.33/32.43  84.5 / 102.9  51.41 / 46.89  1.45-1.64x 3.84 / 2.93 (1.1-1.6x) 2.44-2.49x

and a second quiet run after the last two changes below (one_line, the band lookup through
the driver), reader and newsdesk only:

    100    4.03 / 4.34                6.03 / 4.14    0.95-1.5x 1.33 / 0.84 (1.5-2.0x) 2.8x
    1000   35.89/37.86                49.49 / 46.99  1.24-1.38x 3.58 / 4.02 (1.0-1.2x) 2.49x

reader itself moved from 31-32 to 36-38 CPU-s between the two runs, both quiet: compare
within a run only. (CPU-seconds of the child; warm = all 304.)

Before this stop: 2.2-2.5x at 100 feeds and 2.7-3.3x at 1,000; stop 19: 3.4-4.2x and 4.68x;
the issue's commit 9.7x. What the stop changed, each measured on its own where it could be:

  * plain RSS 2.0 / RSS 1.0 / Atom is read by `parse_fast` (lxml, feedparser's rules and
    date parser, parity-tested on 1,769 fixture feeds): parse_feed 2.8-3.6x less CPU per
    entry, and a poll of plain feeds never imports feedparser;
  * parsed feeds are stored together, 300 articles a write transaction (`poll_store`), the
    WAL checkpoints every 8,000 pages, a batch's articles are one executemany with
    RETURNING and the band rows go to the driver as tuples (SQLite's own work replayed on the
    same rows: 18.7 -> 10.1 CPU-s);
  * segmentation: two segmenter calls per text instead of two per Han run, the Traditional
    check a set, not a 2,700-character regex class (1.87 -> 0.71 CPU-s on 9,091 texts);
  * language detection counts ASCII letters by byte deletion (0.23 -> ~0.1 ms a text);
  * well-nested summary markup is read by regexes, the rest by libxml2 (parity-fuzzed);
    one_line collapses whitespace with str.split() (a third of the two regex passes).

Where a 1,000-feed cold poll's CPU goes now (cProfile, before the last three items):
parsing ~20% (of which HTML to text ~10%), detection and fingerprints ~10%, segmentation and
MinHash ~28%, the near-duplicate lookup ~10%, writing ~27%. reader spends 70% of its cold
poll in feedparser; the rest of newsdesk's cost is work reader does not do (language
detection, near-duplicate bands, a full-text index over segmented Chinese).

A warm poll is mostly start-up: importing sqlalchemy and httpx alone costs ~0.28 CPU-s,
against reader's whole 100-feed warm poll at 0.7.

The database holds ~10 KB per article (318.8 MB at 30,000 articles against reader's 68 MB):
articles 118 MB (summary and body both stored), the FTS content copy of the segmented text
94 MB and its index 29 MB, MinHash bands 49 MB with their two indexes.

A 100-feed cold start fully linked (`poll --all --no-translate; link`, one child, every
one of the 3,000 articles embedded and in a story): stop 21 504.7 CPU-s, 276 s wall (stop
20: 513.6 CPU-s); the warm run after it 2.6 CPU-s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

EN_WORDS = (
    "government minister talks agreement defense trade economy market election court police "
    "storm school bank rates inflation city council report officials said on Tuesday after "
    "a week of negotiations the deal would allow forces to exchange supplies and services"
).split()
ZH_WORDS = (
    "政府 部长 会谈 协定 防务 贸易 经济 市场 选举 法院 警方 暴雨 学校 银行 利率 通胀 城市 议会 "
    "报告 官员 表示 周二 经过 一周 谈判 该 协议 将 允许 两国 部队 交换 物资 与 服务 日本 菲律宾 "
    "韩国 东盟 南海 合作 安全 总统 重申 承诺 国际 秩序 紧张 局势 持续 船只 渔船 海岸 警卫队"
).split()


def _en(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(EN_WORDS) for _ in range(words)).capitalize() + "."


def _zh(rng: random.Random, chars: int) -> str:
    return "".join(rng.choice(ZH_WORDS) for _ in range(chars // 2)) + "。"


def make_feed(i: int, entries: int) -> bytes:
    rng = random.Random(i)
    zh = i % 2 == 1
    base = datetime(2026, 1, 15, tzinfo=UTC)
    items = []
    for j in range(entries):
        if zh:
            title, paras = _zh(rng, 18), [_zh(rng, 90) for _ in range(3)]
        else:
            title, paras = _en(rng, 9), [_en(rng, 40) for _ in range(3)]
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        when = format_datetime(base - timedelta(minutes=17 * j + i))
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://site{i % 50}.example.com/{i}/{j}.html?utm_source=rss</link>"
            f"<guid>feed{i}-item{j}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {i}</title><link>https://site{i}.example.com/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(n: int, entries: int, hosts: int) -> None:
    """Child process: serve n feeds over `hosts` loopback addresses, print their URLs."""
    from support_http import FeedServer

    servers = [FeedServer(host=f"127.0.0.{h + 1}").start() for h in range(hosts)]
    urls = []
    for i in range(n):
        srv = servers[i % hosts]
        srv.add(f"/feed{i}.xml", make_feed(i, entries), etag=f'"f{i}-v1"')
        urls.append(srv.url(f"/feed{i}.xml"))
    print(json.dumps(urls), flush=True)
    sys.stdin.read()  # until the parent closes our stdin


def bench(n: int, entries: int, hosts: int) -> dict[str, float]:
    from aggregator.app import App
    from aggregator.models import Config, FeedConfig
    from aggregator.poller import PollReport, poll_iter
    from storage import Storage

    child = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            str(n),
            "--entries",
            str(entries),
            "--hosts",
            str(hosts),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        urls = json.loads(child.stdout.readline())
        with tempfile.TemporaryDirectory() as tmp:
            config = Config(feeds=tuple(FeedConfig(f"feed{i}", u) for i, u in enumerate(urls)))
            app = App(storage=Storage(str(Path(tmp) / "bench.db")), config=config)
            states = app.storage.sync_feeds(config.feeds)
            t0 = time.perf_counter()
            cold = PollReport(feeds=list(poll_iter(app, states)))
            cold.elapsed = time.perf_counter() - t0
            states = app.storage.sync_feeds(config.feeds)
            t0 = time.perf_counter()
            warm = PollReport(feeds=list(poll_iter(app, states)))
            warm.elapsed = time.perf_counter() - t0
            stored = app.storage.count_articles()
            app.close()
    finally:
        if child.stdin:
            child.stdin.close()
        child.wait(timeout=30)
    failed = len(cold.failed) + len(warm.failed)
    not_modified = sum(1 for f in warm.feeds if f.status == "not_modified")
    return {
        "feeds": n,
        "entries": cold.entries,
        "stored": stored,
        "failed": failed,
        "warm_304": not_modified,
        "cold_s": cold.elapsed,
        "cold_feeds_per_s": n / cold.elapsed,
        "cold_entries_per_s": cold.entries / cold.elapsed,
        "parse_share": cold.parse_seconds / cold.elapsed,
        "build_share": cold.build_seconds / cold.elapsed,
        "store_share": cold.store_seconds / cold.elapsed,
        "warm_s": warm.elapsed,
        "warm_feeds_per_s": n / warm.elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def shared(args: argparse.Namespace) -> None:
    """K pollers on one server database, each size served once per K."""
    import poll_shared

    print(
        f"{'feeds':>6} {'pollers':>7} {'s':>6} {'feeds/s':>8} {'x one':>6} {'fetch/feed':>10} "
        f"{'stored':>7} {'dups':>5}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        base = None
        for k in (int(x) for x in args.pollers.split(",")):
            child = subprocess.Popen(
                [sys.executable, __file__, "--serve", str(n), "--entries", str(args.entries),
                 "--hosts", str(args.hosts)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            try:
                assert child.stdout is not None
                r = poll_shared.run(args.db, json.loads(child.stdout.readline()), k)
            finally:
                if child.stdin:
                    child.stdin.close()
                child.wait(timeout=30)
            base = base or r["feeds_per_s"]
            print(
                f"{n:>6} {k:>7} {r['seconds']:>6.1f} {r['feeds_per_s']:>8.1f} "
                f"{r['feeds_per_s'] / base:>6.2f} {r['fetches_per_feed']:>10.2f} "
                f"{r['stored']:>7} {r['duplicates']:>5}",
                flush=True,
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--entries", type=int, default=30)
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--db", help="a PostgreSQL URL: K pollers share it (benchmarks/poll_shared)")
    ap.add_argument("--pollers", default="1,2,4", help="with --db: poller counts to compare")
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.entries, args.hosts)
        return
    if args.db:
        shared(args)
        return
    print(
        f"{'feeds':>6} {'entries':>8} {'cold s':>7} {'feeds/s':>8} {'entries/s':>9} "
        f"{'parse%':>6} {'warm s':>7} {'warm f/s':>8} {'304s':>5} {'failed':>6} {'RSS MB':>7}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        t = time.perf_counter()
        r = bench(n, args.entries, args.hosts)
        print(
            f"{r['feeds']:>6} {r['entries']:>8} {r['cold_s']:>7.1f} {r['cold_feeds_per_s']:>8.1f} "
            f"{r['cold_entries_per_s']:>9.0f} {100 * r['parse_share']:>5.0f}% {r['warm_s']:>7.2f} "
            f"{r['warm_feeds_per_s']:>8.0f} {r['warm_304']:>5} {r['failed']:>6} "
            f"{r['peak_rss_mb']:>7.0f}   (total {time.perf_counter() - t:.0f} s incl. serving; "
            f"cold shares: language+fingerprint {100 * r['build_share']:.0f}%, "
            f"dedup+store+index {100 * r['store_share']:.0f}%)",
            flush=True,
        )


if __name__ == "__main__":
    main()
