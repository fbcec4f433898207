"""Quote benchmark: the quote extractor against PolNeAR's attribution annotations.

    python benchmarks/quote_bench.py                     # the dev part
    python benchmarks/quote_bench.py --part train --limit 100

Each text of ``../shared/corpora/polnear/<part>/text`` is split into paragraphs (one
per line), parsed and run through the extract stage; each quote found is placed in
its paragraph by its words. Gold quotes are the Content spans of the ``.ann`` files.
PolNeAR marks every attribution, indirect speech included, so the script also scores
the *direct* gold quotes alone (Content in quotation marks), which is what the
extractor looks for today.

A found quote matches a gold one when their character spans overlap by at least the
threshold (characters shared over characters covered, 0.3 and 0.8). Precision and
recall count matched spans; speaker accuracy is the share of matched quotes whose
speaker as written shares a word with the gold Source span. Not a test: it prints a
table. Issue 6 (quotes and figures) is measured with it.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.config import DEFAULT_MODELS  # noqa: E402
from briefing.extract import extract_article  # noqa: E402
from briefing.nlp import load_language  # noqa: E402
from briefing.records import Article, Paragraph  # noqa: E402
from briefing.textutil import sha256  # noqa: E402

THRESHOLDS = (0.3, 0.8)
_QUOTE_MARKS = "\"“”‘’'«»"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    speaker: str


def gold_quotes(ann: Path, text: str) -> list[Span]:
    """Content spans of the annotation file, each with its Source text."""
    spans: dict[str, tuple[str, int, int]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, *offsets = parts[1].replace(";", " ").split()
            numbers = [int(o) for o in offsets]
            spans[parts[0]] = (kind, min(numbers), max(numbers))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":") for role in parts[1].split()))
    quotes = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        speaker = text[source[1] : source[2]] if source else ""
        quotes.append(Span(content[1], content[2], speaker))
    return quotes


def is_direct(span: Span, text: str) -> bool:
    """Content written in quotation marks (allowing a mark just outside the span)."""
    inside = text[span.start : span.end].strip()
    before = text[max(0, span.start - 2) : span.start]
    return inside[:1] in _QUOTE_MARKS or any(m in before for m in _QUOTE_MARKS)


def found_quotes(nlp, text: str, name: str) -> list[Span]:
    """The extractor's quotes, placed in the text."""
    starts, paragraphs = [], []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
            paragraphs.append(Paragraph(len(paragraphs) + 1, line))
        offset += len(line) + 1
    article = Article(name, name, name, tuple(paragraphs), sha256(text))
    docs = list(nlp.pipe(p.text for p in paragraphs))
    extraction = extract_article(article, docs)
    spans, cursor = [], {}
    for quote in extraction.quotes:
        paragraph = paragraphs[quote.paragraph - 1].text
        at = paragraph.find(quote.text, cursor.get(quote.paragraph, 0))
        if at < 0:
            at = paragraph.find(quote.text)
        if at < 0:
            continue
        cursor[quote.paragraph] = at + 1
        start = starts[quote.paragraph - 1] + at
        spans.append(Span(start, start + len(quote.text), quote.speaker_text or ""))
    return spans


def _overlap(a: Span, b: Span) -> float:
    """Characters shared over characters covered by either (intersection over union)."""
    shared = max(0, min(a.end, b.end) - max(a.start, b.start))
    return shared / max(1, max(a.end, b.end) - min(a.start, b.start))


def _same_speaker(found: str, gold: str) -> bool:
    return bool(set(_WORD.findall(found.lower())) & set(_WORD.findall(gold.lower())))


def score(found: list[Span], gold: list[Span], threshold: float) -> tuple[int, int, int, int]:
    """(found matched, gold matched, speakers right among matched found, matched found)."""
    matched = 0
    right = 0
    for f in found:
        best = max(gold, key=lambda g: _overlap(f, g), default=None)
        if best is not None and _overlap(f, best) >= threshold:
            matched += 1
            right += _same_speaker(f.speaker, best.speaker)
    recalled = sum(any(_overlap(f, g) >= threshold for f in found) for g in gold)
    return matched, recalled, right, matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "polnear"
    )
    parser.add_argument("--part", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    texts = sorted((args.corpus / args.part / "text").glob("*.txt"))[: args.limit]
    nlp = load_language(DEFAULT_MODELS)
    totals = {(subset, t): [0, 0, 0, 0, 0, 0] for subset in ("all", "direct") for t in THRESHOLDS}
    for path in texts:
        text = path.read_text(encoding="utf-8")
        # one file per annotator ("<name>_<annotator>.ann"): the first is scored
        annotations = sorted((args.corpus / args.part / "attributions").glob(f"{path.stem}*.ann"))
        if not annotations:
            continue
        ann = annotations[0]
        gold = gold_quotes(ann, text)
        found = found_quotes(nlp, text, path.stem)
        for subset, golds in (("all", gold), ("direct", [g for g in gold if is_direct(g, text)])):
            for t in THRESHOLDS:
                matched, recalled, right, _ = score(found, golds, t)
                row = totals[(subset, t)]
                for i, value in enumerate(
                    (len(found), matched, len(golds), recalled, right, matched)
                ):
                    row[i] += value
    print(f"{len(texts)} texts of PolNeAR {args.part}")
    print("| gold | overlap | found | gold | precision | recall | F1 | speaker accuracy |")
    print("|---|---|---|---|---|---|---|---|")
    for (subset, t), (n_found, matched, n_gold, recalled, right, m) in totals.items():
        p = matched / n_found if n_found else 0.0
        r = recalled / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = right / m if m else 0.0
        print(
            f"| {subset} | {t} | {n_found} | {n_gold} | {p:.3f} | {r:.3f} | {f1:.3f} | {acc:.3f} |"
        )
    print("| *GenderGapTracker (quotes, own data)* | 0.3 | | | | | 0.837 | 0.865 |")
    print("| *BBC Citron (PARC 3.0)* | overlap | | | | | 0.832 | 0.820 (speaker span F1) |")


if __name__ == "__main__":
    main()
