"""Benchmark: how a build grows with the corpus, and what one new article costs (issue 18).

    python benchmarks/bench_scale.py                        # 500, 1000, 2000 and all of t17
    python benchmarks/bench_scale.py --sizes 300,all --extraction-cache /tmp/scale-cache
    python benchmarks/bench_scale.py --speed-only           # extraction words/s alone

The corpus is every article of ``../shared/corpora/t17`` taken as one story, in the
order of its day folders (then collection, then file): a slice of N articles is the
story's first N. For each size:

1. **full build**: the first N-1 articles are copied into a fresh project, which is
   built by ``pipeline.build`` in a subprocess of its own (``BuildResult.timings`` per
   stage, peak resident memory of that process tree's largest process, MkDocs pages per
   second). Without ``--extraction-cache`` the extraction cache starts empty, so
   extraction is cold; with it, a cache filled once is reused and the extract column
   shows reading it back;
2. **one new article**: the N-th article is added and the project rebuilt, as after a
   day's new report: its share of the full build is the figure that matters for a
   story followed day by day. A second line, ``+1``, gives the rebuild's stages and,
   under ``pages``, how many pages of Markdown it rewrote.

Then, once: extraction's words per second on the first ``--speed-articles`` articles,
for plain ``nlp.pipe`` over the same paragraphs, ``extract`` with one worker and with
``--workers``; the ratios are printed beside them. Nothing here is a test: timings vary
by machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpora" / "t17"
SIZES = "500,1000,2000,all"
STAGES = ("ingest", "model", "extract", "resolve", "write", "mkdocs")


def story_files(corpus: Path = CORPUS) -> list[Path]:
    """Every article of the corpus, in the order of its day folders."""
    files = [p for p in corpus.glob("*/*/*.txt") if p.is_file()]
    return sorted(files, key=lambda p: (p.parent.name, p.parent.parent.name, p.name))


def copy_articles(files: list[Path], seeds: Path) -> None:
    """Copy ``files`` under ``seeds``, as collection/day/name (the ids the cache keys)."""
    for path in files:
        target = seeds / path.parent.parent.name / path.parent.name / path.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


# ------------------------------------------------------------------ one build (child)


def child_build(project: Path, cache: Path, workers: int, mkdocs: bool) -> dict:
    """Build ``project`` once; its timings, pages and peak memory."""
    from briefing.config import Config
    from briefing.pipeline import build

    config = Config(root=project, cache_dir=cache, workers=workers, title="Scale")
    result = build(config, run_mkdocs=mkdocs, keep_briefing=False)  # as the command line
    pages = sum(1 for _ in (project / "site_src").rglob("*.md"))
    return {
        "articles": len(result.corpus.articles),
        "words": sum(len(p.text.split()) for a in result.corpus.articles for p in a.extracted),
        "pages": pages,
        "written": result.report.written,
        "timings": result.timings,
        "peak_mb": max(
            resource.getrusage(who).ru_maxrss / 1024
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        ),
    }


def build_in_subprocess(project: Path, cache: Path, args: argparse.Namespace) -> dict:
    """One build in a fresh interpreter (its peak memory is its own, or its largest
    worker's)."""
    command = [sys.executable, __file__, "--child", str(project), "--cache", str(cache)]
    command += ["--workers", str(args.workers)] + ([] if args.mkdocs else ["--no-mkdocs"])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build of {project} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ one size


def measure_size(files: list[Path], size: int, args: argparse.Namespace, work: Path) -> dict:
    """The full build of the first ``size - 1`` articles, then the rebuild after the
    ``size``-th is added."""
    story = files[:size]
    project = work / f"story-{size}"
    copy_articles(story[:-1], project / "seeds")
    cache = args.extraction_cache or project / "cache"
    full = build_in_subprocess(project, cache, args)
    copy_articles(story[-1:], project / "seeds")
    rebuild = build_in_subprocess(project, cache, args)
    shutil.rmtree(project, ignore_errors=True)
    return {"size": size, "full": full, "rebuild": rebuild}


def row(result: dict) -> str:
    full, rebuild = result["full"], result["rebuild"]
    timings = full["timings"]
    total = sum(timings.values())
    again = sum(rebuild["timings"].values())
    cells = "".join(f"{timings.get(s, 0):>9.1f}" for s in STAGES)
    pages_per_s = full["pages"] / timings["mkdocs"] if timings.get("mkdocs") else 0
    per_article = 1000 * timings["resolve"] / full["articles"]
    return (
        f"{full['articles']:>6}{full['words']:>10}{full['pages']:>7}{cells}{total:>9.1f}"
        f"{full['peak_mb']:>8.0f}{pages_per_s:>8.1f}{per_article:>9.1f}{again:>9.1f}{100 * again / total:>7.1f}%"
    )


def rebuild_row(result: dict) -> str:
    """The stages of the rebuild after one new article, under the full build's."""
    rebuild = result["rebuild"]
    cells = "".join(f"{rebuild['timings'].get(s, 0):>9.1f}" for s in STAGES)
    return f"{'+1':>6}{'':>10}{rebuild['written']:>7}{cells}"


HEADER = (
    f"{'arts':>6}{'words':>10}{'pages':>7}"
    + "".join(f"{s:>9}" for s in STAGES)
    + f"{'total':>9}{'peak MB':>8}{'pages/s':>8}{'res ms/a':>9}{'+1 art':>9}{'share':>8}"
)


# ------------------------------------------------------------------ extraction speed


def extraction_speed(files: list[Path], args: argparse.Namespace) -> dict:
    """Words per second: plain ``nlp.pipe``, ``extract`` on one worker and on
    ``--workers``, over the same articles, cold (no cache)."""
    from briefing.config import Config
    from briefing.extract import BATCH_SIZE, extract
    from briefing.extract.nlp import load_language, model_signature
    from briefing.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        copy_articles(files[: args.speed_articles], Path(tmp) / "seeds")
        config = Config(root=Path(tmp))
        articles = ingest(Path(tmp) / "seeds", config).articles
    nlp = load_language(config.model)
    texts = [p.text for a in articles for p in a.extracted]
    words = sum(len(t.split()) for t in texts)
    rates = {}
    clock = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    rates["nlp.pipe"] = words / (time.perf_counter() - clock)
    for workers in sorted({1, args.workers}):
        clock = time.perf_counter()
        extract(articles, nlp, model_signature(nlp), workers=workers)
        rates[f"extract, {workers} worker(s)"] = words / (time.perf_counter() - clock)
    return {"articles": len(articles), "words": words, "rates": rates}


def print_speed(speed: dict, workers: int) -> None:
    rates = speed["rates"]
    print(f"\nextraction speed on {speed['articles']} articles ({speed['words']} words):")
    for name, rate in rates.items():
        print(f"  {name:<24}{rate:>10.0f} words/s{rate / rates['nlp.pipe']:>8.2f} × nlp.pipe")
    one, many = rates["extract, 1 worker(s)"], rates.get(f"extract, {workers} worker(s)")
    if many and workers > 1:
        print(f"  {workers} workers / 1 worker: {many / one:.2f}")


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=SIZES, help="article counts; 'all' for the corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--extraction-cache", type=Path, default=None)
    parser.add_argument("--no-mkdocs", dest="mkdocs", action="store_false")
    parser.add_argument("--speed-articles", type=int, default=300)
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--no-speed", dest="speed", action="store_false")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_build(args.child, args.cache, args.workers, args.mkdocs)))
        return
    files = story_files()
    if not files:
        raise SystemExit(f"no articles under {CORPUS}: the shared corpora are beside the project")
    if not args.speed_only:
        sizes = [
            len(files) if s == "all" else min(int(s), len(files)) for s in args.sizes.split(",")
        ]
        print(f"t17 as one story: {len(files)} articles; workers {args.workers}")
        print(HEADER, flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            for size in sizes:
                result = measure_size(files, size, args, Path(tmp))
                print(row(result) + "\n" + rebuild_row(result), flush=True)
    if args.speed or args.speed_only:
        print_speed(extraction_speed(files, args), args.workers)


if __name__ == "__main__":
    main()
