"""The benchmark scripts run: each imports what it uses from the package and parses
its arguments (no corpus is read), and the timeline benchmark's split is sound."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("script", sorted(p.name for p in BENCHMARKS.glob("*.py")))
def test_a_benchmark_script_starts(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timeline_bench():
    return _bench("timeline_bench")


def test_the_timeline_split_is_fixed_disjoint_by_story_and_even() -> None:
    bench = _timeline_bench()
    story = lambda topic: topic.rsplit("_", 1)[0]  # noqa: E731
    assert not {story(t) for t in bench.DEVELOPMENT} & {story(t) for t in bench.TEST}
    assert len(bench.DEVELOPMENT) == len(bench.TEST) == 7
    assert len(set(bench.DEVELOPMENT + bench.TEST)) == 14


def test_the_baseline_ranks_days_by_articles_and_leads_with_first_sentences() -> None:
    from briefing.records import Article, Paragraph

    def article(id: str, day: str, text: str) -> Article:
        return Article(id, id, id, (Paragraph(1, text),), id, published=day)

    days = _timeline_bench().busiest_days(
        [
            article("a", "2024-01-02", "The dam broke. Water rose."),
            article("b", "2024-01-02", "Towns flooded."),
            article("c", "2024-01-01", "Rain fell."),
        ]
    )
    by_date = {d["date"]: d for d in days}
    assert by_date["2024-01-02"]["salience"] == 2 > by_date["2024-01-01"]["salience"]
    assert [s["text"] for s in by_date["2024-01-02"]["summary"]] == [
        "The dam broke.",
        "Towns flooded.",
    ]


def test_the_names_split_is_fixed_and_disjoint() -> None:
    bench = _bench("names_bench")
    assert tuple(str(n) for n in range(1, 23)) == bench.DEVELOPMENT
    assert tuple(str(n) for n in range(23, 36)) == bench.TEST


def test_bcubed_scores_splits_and_merges_against_the_gold() -> None:
    bench = _bench("names_bench")
    gold = {("d1", "Ann Lee"): "A", ("d2", "Lee"): "A", ("d1", "Bo"): "B", ("d2", "Bo"): "B"}
    perfect = dict(gold)
    assert bench.bcubed([(perfect, gold)])[:3] == (1.0, 1.0, 1.0)
    # the same-string baseline splits Ann Lee from Lee: recall falls, precision stays
    p, r, f, n = bench.bcubed([(bench.same_string(gold), gold)])
    assert (p, r, n) == (1.0, 0.75, 4) and round(f, 3) == 0.857
    # everything in one cluster: recall 1, precision halves
    one = {item: "x" for item in gold}
    assert bench.bcubed([(one, gold)])[:2] == (0.5, 1.0)
