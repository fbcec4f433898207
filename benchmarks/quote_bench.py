"""Quote benchmark: the quote extractor against PolNeAR's attribution annotations.

    python benchmarks/quote_bench.py                     # the dev part
    python benchmarks/quote_bench.py --part train --limit 100

Each text of ``../shared/corpora/polnear/<part>/text`` is split into paragraphs (one
per line), parsed and run through the extract stage; each quote found is placed in
the text by its offsets. Gold quotes are the Content spans of the ``.ann`` files
(the first annotator's file of each text). Three subsets of gold are scored:

- **all**: every attribution PolNeAR marks, beliefs, plans and noun phrases
  ("called for the deal") included, against every quote found (direct, fragment,
  indirect);
- **reporting verb**: the attributions whose cue is one of the reporting verbs the
  extractor reads (``briefing.extract.quotes.CUE_WORDS``) or "according to", against every
  quote found (precision is then a lower bound);
- **direct**: Content written in quotation marks, against the direct quotes found.

A found quote matches a gold one when their character spans overlap by at least the
threshold (characters shared over characters covered, 0.3 and 0.8). Content split
by its attribution ("A," he said, "B.") is one discontinuous gold span: a found
quote is compared with it whole and with each piece, the best counting
(``--whole-spans`` compares it whole only). Precision counts found quotes that match
a gold one, recall gold quotes matched; speaker accuracy is the share of matched
quotes whose speaker as written shares a word with the gold Source span. Not a
test: it prints a table. Issue 6 (quotes and figures) is measured with it.
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
from briefing.extract.article import extract_article  # noqa: E402
from briefing.extract.nlp import load_language  # noqa: E402
from briefing.extract.quotes import CUE_WORDS  # noqa: E402
from briefing.records import Article, Paragraph  # noqa: E402
from briefing.textutil import sha256  # noqa: E402

THRESHOLDS = (0.3, 0.8)
WHOLE_SPANS = False
"""Score discontinuous gold content as one span from its first to its last character
(``--whole-spans``), instead of against its best piece."""
_QUOTE_MARKS = "\"“”‘’'«»"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    speaker: str
    kind: str = ""
    parts: tuple[tuple[int, int], ...] = ()
    cue: str = ""


def gold_quotes(ann: Path, text: str) -> list[Span]:
    """Content spans of the annotation file, each with its Source text."""
    spans: dict[str, tuple[str, int, int]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, *offsets = parts[1].replace(";", " ").split()
            numbers = [int(o) for o in offsets]
            pieces = tuple(zip(numbers[::2], numbers[1::2], strict=True))
            spans[parts[0]] = (kind, min(numbers), max(numbers), pieces)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":") for role in parts[1].split()))
    quotes = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        speaker = text[source[1] : source[2]] if source else ""
        pieces = content[3] if len(content[3]) > 1 and not WHOLE_SPANS else ()
        cue = spans.get(event.get("Cue", ""))
        cue_text = text[cue[1] : cue[2]] if cue else ""
        quotes.append(Span(content[1], content[2], speaker, parts=pieces, cue=cue_text))
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
    spans = []
    for quote in extraction.quotes:
        start = starts[quote.paragraph - 1] + quote.start
        spans.append(
            Span(start, start + quote.end - quote.start, quote.speaker_text or "", quote.kind)
        )
    return spans


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(1, max(a[1], b[1]) - min(a[0], b[0]))


def _overlap(found: Span, gold: Span) -> float:
    """Characters shared over characters covered by either (intersection over union),
    against the gold span as a whole or, when its content is discontinuous ("A," he
    said, "B."), against its best piece."""
    whole = (found.start, found.end)
    pieces = [(gold.start, gold.end), *gold.parts]
    return max(_iou(whole, piece) for piece in pieces)


def _is_speech_cue(cue: str) -> bool:
    """A cue of the kinds the extractor reads: a reporting verb or "according to"."""
    words = cue.lower().split()
    return bool(words) and (words[-1] in CUE_WORDS or " ".join(words[-2:]) == "according to")


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
    parser.add_argument(
        "--whole-spans",
        action="store_true",
        help="score discontinuous gold content as one span (first to last character)",
    )
    args = parser.parse_args()
    global WHOLE_SPANS
    WHOLE_SPANS = args.whole_spans
    texts = sorted((args.corpus / args.part / "text").glob("*.txt"))[: args.limit]
    nlp = load_language(DEFAULT_MODELS)
    totals = {
        (subset, t): [0, 0, 0, 0, 0, 0]
        for subset in ("all", "reporting verb", "direct")
        for t in THRESHOLDS
    }
    for path in texts:
        text = path.read_text(encoding="utf-8")
        # one file per annotator ("<name>_<annotator>.ann"): the first is scored
        annotations = sorted((args.corpus / args.part / "attributions").glob(f"{path.stem}*.ann"))
        if not annotations:
            continue
        ann = annotations[0]
        gold = gold_quotes(ann, text)
        found = found_quotes(nlp, text, path.stem)
        quoted = [f for f in found if f.kind == "direct"]
        spoken = [g for g in gold if _is_speech_cue(g.cue)]
        subsets = (
            ("all", gold, found),
            ("reporting verb", spoken, found),
            ("direct", [g for g in gold if is_direct(g, text)], quoted),
        )
        for subset, golds, founds in subsets:
            for t in THRESHOLDS:
                matched, recalled, right, _ = score(founds, golds, t)
                row = totals[(subset, t)]
                for i, value in enumerate(
                    (len(founds), matched, len(golds), recalled, right, matched)
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
