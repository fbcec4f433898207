"""Benchmark: build time, extraction speed against plain spaCy, incremental rebuild.

    python benchmarks/bench.py                      # the sample corpus in seeds/
    python benchmarks/bench.py --corpus ../shared/corpora/t17/SyrianCrisis_bbc --limit 300

Prints one line per measurement. Nothing here is a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.config import DEFAULT_MODELS, Config  # noqa: E402
from briefing.extract import BATCH_SIZE, extract  # noqa: E402
from briefing.extract.nlp import load_language, model_signature  # noqa: E402
from briefing.ingest import ingest  # noqa: E402
from briefing.pipeline import build, generate  # noqa: E402


def _copy_corpus(source: Path, target: Path, limit: int | None) -> int:
    files = sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".htm", ".md"}
    )
    files = files[:limit] if limit else files
    for path in files:
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    return len(files)


def bench_cli_build(corpus: Path, limit: int | None, runs: int) -> None:
    """Wall time of `briefing build` from a cold cache, as a user runs it."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp)
            _copy_corpus(corpus, project / "seeds", limit)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "briefing", "build", "--quiet"],
                cwd=project,
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            times.append(time.perf_counter() - start)
    print(
        f"build (cold cache, `briefing build`, incl. start-up and MkDocs): median {statistics.median(times):.2f}s of {runs} ({', '.join(f'{t:.2f}' for t in times)})"
    )


def bench_extraction(corpus: Path, limit: int | None, repeats: int = 2) -> None:
    """Words per second: plain nlp.pipe over the same paragraphs vs the extract stage."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _copy_corpus(corpus, root / "seeds", limit)
        articles = ingest(root / "seeds", Config(root=root)).articles
    nlp = load_language(DEFAULT_MODELS)
    texts = [p.text for a in articles for p in a.paragraphs]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm up
    raw = min(_timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))) for _ in range(repeats))
    ours = min(_timed(lambda: extract(articles, nlp, model_signature(nlp))) for _ in range(repeats))
    print(f"corpus: {len(articles)} articles, {len(texts)} paragraphs, {words} words")
    print(f"plain nlp.pipe: {words / raw:,.0f} words/s ({raw:.2f}s)")
    print(
        f"extract stage:  {words / ours:,.0f} words/s ({ours:.2f}s), {raw / ours:.0%} of plain spaCy speed"
    )


def bench_incremental(corpus: Path, limit: int | None) -> None:
    """Rebuild after adding one article: only that article is parsed."""
    nlp = load_language(DEFAULT_MODELS)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        count = _copy_corpus(corpus, root / "seeds", limit)
        config = Config(root=root)
        first = generate(config, nlp=nlp)
        new = root / "seeds" / "zz-new-article.txt"
        source = sorted((root / "seeds").rglob("*.txt"))[0]
        new.write_text(
            "A new development was reported today.\n\n" + source.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        parsed: list[str] = []
        counting = _CountingNLP(nlp, parsed)
        second = generate(config, nlp=counting)
        print(
            f"incremental: first build extract {first.timings['extract']:.2f}s for {count} files; "
            f"after adding one article extract {second.timings['extract']:.2f}s, "
            f"{len(parsed)} paragraphs parsed (the new article has {len(second.corpus.articles[-1].paragraphs)}); "
            f"whole regeneration {sum(second.timings.values()):.2f}s"
        )
        start = time.perf_counter()
        build(config, nlp=nlp)
        print(f"incremental: generate + MkDocs after the change {time.perf_counter() - start:.2f}s")


class _CountingNLP:
    def __init__(self, nlp, seen: list[str]) -> None:
        self.nlp, self.seen, self.meta, self.pipe_names = nlp, seen, nlp.meta, nlp.pipe_names

    def pipe(self, stream, **kwargs):
        def record(items):
            for item in items:
                self.seen.append(item[0])
                yield item

        return self.nlp.pipe(record(stream), **kwargs)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds", help="folder of articles")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument("--runs", type=int, default=3, help="build runs for the median")
    parser.add_argument("--skip-build", action="store_true", help="skip the CLI build timing")
    args = parser.parse_args()
    if not args.skip_build:
        bench_cli_build(args.corpus, args.limit, args.runs)
    bench_extraction(args.corpus, args.limit)
    bench_incremental(args.corpus, args.limit)


if __name__ == "__main__":
    main()
