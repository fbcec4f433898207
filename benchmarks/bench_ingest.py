"""Ingest benchmark over the Timeline17 collections (dated folders).

    python benchmarks/bench_ingest.py [--corpus ../shared/corpora/t17]

Prints files, articles, skips by reason, articles whose date is not their folder's,
files split into several articles, and the ingest time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.config import Config  # noqa: E402
from briefing.ingest import ingest  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "t17")
    args = parser.parse_args()
    topics = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    files = articles = 0
    reasons: Counter[str] = Counter()
    wrong_date: list[str] = []
    per_file: Counter[str] = Counter()
    start = time.perf_counter()
    for topic in topics:
        corpus = ingest(topic, Config(root=topic))
        files += sum(1 for p in topic.rglob("*") if p.is_file())
        articles += len(corpus.articles)
        reasons.update(s.reason.split(" (")[0] for s in corpus.skipped)
        for article in corpus.articles:
            per_file[f"{topic.name}/{article.file}"] += 1
            folder = Path(article.file).parts[0]
            if folder[:4].isdigit() and article.published != folder:
                wrong_date.append(f"{topic.name}/{article.file}: {article.published}")
    elapsed = time.perf_counter() - start
    print(
        f"{len(topics)} collections, {files} files, {articles} articles in {elapsed:.1f}s ({files / elapsed:.0f} files/s)"
    )
    print(f"skipped: {sum(reasons.values())} {dict(reasons)}")
    print(f"articles not dated to their folder: {len(wrong_date)} {wrong_date[:5]}")
    print(f"files split into several articles: {sum(1 for n in per_file.values() if n > 1)}")


if __name__ == "__main__":
    main()
