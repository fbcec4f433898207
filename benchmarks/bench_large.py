"""Benchmark: build time on generated large inputs, per stage and per MB (issue 17).

    python benchmarks/bench_large.py                         # every input
    python benchmarks/bench_large.py --only line --sizes 1,2 # one-line articles of 1 and 2 MB
    python benchmarks/bench_large.py --only paragraphs,files --no-mkdocs

Inputs, written to a temporary project from invented English news sentences (made-up
people, groups and places; quotes, figures, dates):

- ``line``: one article that is a single line of N MB (``--sizes``; 5 means just under
  the 5,000,000-byte ``max_file_bytes``);
- ``paragraphs``: one article of ``--paragraphs`` short paragraphs, one per line;
- ``files``: ``--files`` tiny articles;
- ``default``: the 5 MB line under the default bounds, which skip it
  (``max_article_chars``) with its length, as a build on any machine would.

The other inputs are built with ``max_article_chars`` raised to their size, so that
their times show how each stage grows with an article's length.

Each input is built in a subprocess of its own (cold caches: a fresh ``cache_dir`` in
the temporary project, and nothing memoised in the process) by ``pipeline.build``, and
the stage timings of ``BuildResult.timings`` are printed as a table. Model loading is
shown apart and left out of the total. Nothing here is a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ("ingest", "extract", "resolve", "write", "mkdocs")
MB = 1_000_000
MAX_FILE_BYTES = 5_000_000
"""The default ``max_file_bytes``; the "5 MB" line stays just under it."""

# ------------------------------------------------------------------ invented words


def _names(text: str) -> tuple[str, ...]:
    """Comma-separated names."""
    return tuple(name.strip() for name in text.split(","))


FIRST = _names(
    "Mara, Tobin, Elsa, Idris, Noor, Casimir, Ilka, Rufus, Selma, Dario, Anouk, Bram, Livia, Oskar, Talia, Joren, Mirela, Kasim, Ysolde, Teodor, Halla, Fenno, Zaria, Lucan, Petra, Amon, Vesna, Corin, Imre, Saskia"
)
LAST = _names(
    "Velt, Arcray, Quorn, Dussel, Amberly, Kovanic, Harrowgate, Selmek, Tarrow, Ibsel, Marchetti, Orvane, Lindqvar, Pellan, Stroud, Vasquerel, Henneby, Okorafor, Brantz, Delacourt, Fenwyck, Maravic, Ostheim, Quillon, Radomir, Sturla, Tennick, Ulvaeus, Varga, Wexley"
)
GROUPS = (
    "the Northern Accord",
    "the Valen Front",
    "the Coastal Guard",
    "the Free Highland Movement",
    "the Republic of Istrel",
    "the Amsel Brigades",
    "the Council of Dravik",
    "the Southern Union",
    "the People's Watch",
    "the Karnoth Defence Force",
    "the Velmira Interim Government",
    "the Eastern League",
)
ORGS = (
    "the Relief Coordination Office",
    "the Harbour Medical Service",
    "the Institute for Peace Monitoring",
    "the Red Lantern Society",
    "the Interior Ministry",
    "the Refugee Board",
)
PLACES = _names(
    "Dravik, Port Selen, Karnoth, Velmira, Amsel, Ostrand, Tervale, Braska, Lunmoor, Keshet, Haldor, Quenbury, Marrow Ridge, Sollen, Vyrtos, Eskarra, Palvane, Dunmere, Orsk, Tillagh"
)
ROLES = ("a spokesman for", "a commander of", "the leader of", "an adviser to", "a member of")
MONTHS = _names(
    "January, February, March, April, May, June, July, August, September, October, November, December"
)
WEEKDAYS = _names("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")
VERBS = ("shelled", "seized", "surrounded", "attacked", "withdrew from", "entered")
CLAIMS = (
    "the ceasefire would hold",
    "talks would resume next week",
    "no civilians had been harmed",
    "the road to the coast was open again",
    "reinforcements were on their way",
    "the election would go ahead",
)
QUOTES = (
    "We will not retreat from {place}",
    "The people of {place} have suffered enough",
    "This is a dark day for our country",
    "We call on {group} to stop the attacks at once",
    "Aid must reach {place} before the winter",
    "Nobody will be punished for speaking out",
)
LONG_TEMPLATES = (
    '"{quote}," said {person}, {role} {group}.',
    "At least {n} people were killed in {place} on {date}, according to {org}.",
    "{person} told reporters in {place} on {weekday} that {claim}.",
    "More than {n} families have been displaced from {place} since {month}, {org} said.",
    "Fighters of {group} {verb} {place} on {weekday}, {person} said.",
    "{org} said {n} troops had been deployed near {place} on {date}.",
    "In a statement on {date}, {person} of {group} accused {group2} of shelling {place}.",
    '"{quote}," {person} said in {place}.',
    "Nearly {n} people were wounded when {group} {verb} {place}, {org} said on {weekday}.",
    "{person}, {role} {group}, said {claim}.",
    "Officials in {place} said {n} homes had been destroyed.",
)
SHORT_TEMPLATES = (
    "{person} said {claim}.",
    "At least {n} people were killed in {place}.",
    '"{quote}," said {person}.',
    "{group} {verb} {place} on {weekday}.",
    "{n} families fled {place}, {org} said.",
)


def _slots(rng: random.Random) -> dict[str, str]:
    place = rng.choice(PLACES)
    group = rng.choice(GROUPS)
    return {
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "role": rng.choice(ROLES),
        "group": group,
        "group2": rng.choice(GROUPS),
        "org": rng.choice(ORGS),
        "place": place,
        "n": f"{rng.choice((rng.randint(2, 99), rng.randint(100, 9999))):,}",
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024",
        "month": rng.choice(MONTHS),
        "weekday": rng.choice(WEEKDAYS),
        "verb": rng.choice(VERBS),
        "claim": rng.choice(CLAIMS),
        "quote": rng.choice(QUOTES).format(place=place, group=group),
    }


def sentence(rng: random.Random, templates: tuple[str, ...] = LONG_TEMPLATES) -> str:
    """One invented news sentence."""
    text = rng.choice(templates).format(**_slots(rng))
    return text[0].upper() + text[1:]


# ------------------------------------------------------------------ inputs


def one_line(size: int, rng: random.Random) -> str:
    """Sentences joined by spaces on one line, ``size`` bytes at most (ASCII text)."""
    parts: list[str] = []
    total = 0
    while True:
        s = sentence(rng)
        if total + len(s) + 2 > size:  # a space before it, a newline at the end
            break
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts) + "\n"


def many_paragraphs(count: int, rng: random.Random) -> str:
    """A headline, then ``count`` short paragraphs, one per line."""
    lines = ["Fighting spreads along the coast", "date 2024-03-01"]
    lines += [sentence(rng, SHORT_TEMPLATES) for _ in range(count)]
    return "\n".join(lines) + "\n"


def tiny_file(number: int, rng: random.Random) -> str:
    """A headline, a date marker and two to four short paragraphs."""
    day = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"
    body = [sentence(rng) for _ in range(rng.randint(2, 4))]
    return "\n".join([f"date {day}", f"Report {number} from {rng.choice(PLACES)}", *body]) + "\n"


@dataclass(frozen=True)
class Case:
    """One input to build."""

    name: str
    kind: str
    amount: float


def write_case(case: Case, seeds: Path, seed: int) -> int:
    """Write the input's files under ``seeds``; return their bytes."""
    rng = random.Random(f"{seed}-{case.name}")
    seeds.mkdir(parents=True)
    if case.kind in ("line", "default"):
        size = MAX_FILE_BYTES - 100_000 if case.amount >= 5 else int(case.amount * MB)
        texts = {"long-line.txt": one_line(size, rng)}
    elif case.kind == "paragraphs":
        texts = {"many-paragraphs.txt": many_paragraphs(int(case.amount), rng)}
    else:
        texts = {f"a{n:05d}.txt": tiny_file(n, rng) for n in range(int(case.amount))}
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return sum(len(t.encode("utf-8")) for t in texts.values())


# ------------------------------------------------------------------ one build


def run_case(
    case: Case, seed: int, mkdocs: bool, profile: Path | None, raw_pipe: bool = False
) -> dict:
    """Write the input to a temporary project and build it; return its timings."""
    from briefing.config import Config
    from briefing.extract.nlp import load_language
    from briefing.pipeline import build

    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        project = Path(tmp)
        size = write_case(case, project / "seeds", seed)
        config = Config(root=project, cache_dir=project / "cache")
        if case.kind != "default":  # measure the cost of reading it anyway
            limit = max(MAX_FILE_BYTES, size + 1)
            config = replace(config, max_file_bytes=limit, max_article_chars=limit)
        clock = time.perf_counter()
        nlp = load_language(config.model)
        model = time.perf_counter() - clock
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        result = build(config, nlp=nlp, run_mkdocs=mkdocs)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        paragraphs = sum(len(a.paragraphs) for a in result.corpus.articles)
        timings = {k: v for k, v in result.timings.items() if k != "model"}
        raw = plain_pipe(result.corpus.articles, nlp) if raw_pipe else None
    return {
        "name": case.name,
        "bytes": size,
        "model": model,
        "articles": len(result.corpus.articles),
        "skipped": len(result.corpus.skipped),
        "paragraphs": paragraphs,
        "timings": timings,
        "raw_pipe": raw,
    }


def plain_pipe(articles, nlp) -> float:
    """Seconds of plain ``nlp.pipe`` over the paragraphs the extract stage parses."""
    from briefing.extract import BATCH_SIZE

    texts = [p.text for a in articles for p in a.extracted]
    clock = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - clock


def run_in_subprocess(case: Case, args: argparse.Namespace) -> dict:
    """Build one case in a fresh interpreter, so nothing is warm from the last."""
    command = [sys.executable, __file__, "--case", f"{case.name}:{case.kind}:{case.amount}"]
    command += ["--seed", str(args.seed)] + ([] if args.mkdocs else ["--no-mkdocs"])
    command += ["--raw-pipe"] if args.raw_pipe else []
    if args.profile:
        command += ["--profile", str(args.profile / f"{case.name}.prof")]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return {"name": case.name, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ table


def row(result: dict) -> str:
    if "error" in result:
        return f"{result['name']:<18} failed: {' '.join(result['error'])}"
    timings = result["timings"]
    total = sum(timings.values())
    mb = result["bytes"] / MB
    cells = "".join(f"{timings[s]:>9.2f}" if s in timings else f"{'-':>9}" for s in STAGES)
    return (
        f"{result['name']:<18}{mb:>7.2f}{result['articles']:>7}{result.get('skipped', 0):>5}"
        f"{result['paragraphs']:>8}"
        f"{cells}{total:>9.2f}{total / mb:>9.2f}{result['model']:>7.2f}"
        + (f"{result['raw_pipe']:>9.2f}" if result.get("raw_pipe") is not None else "")
    )


HEADER = (
    f"{'input':<18}{'MB':>7}{'arts':>7}{'skip':>5}{'paras':>8}"
    + "".join(f"{s:>9}" for s in STAGES)
    + f"{'total':>9}{'s/MB':>9}{'model':>7}{'nlp.pipe':>9}"
)


def cases(args: argparse.Namespace) -> list[Case]:
    chosen: list[Case] = []
    if "line" in args.only:
        for size in args.sizes:
            chosen.append(Case(f"line-{size:g}MB", "line", size))
    if "paragraphs" in args.only:
        chosen.append(Case(f"paragraphs-{args.paragraphs}", "paragraphs", args.paragraphs))
    if "files" in args.only:
        chosen.append(Case(f"files-{args.files}", "files", args.files))
    if "default" in args.only:
        chosen.append(Case("line-5MB-default", "default", 5))
    return chosen


def _csv(kind):
    return lambda text: [kind(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only", type=_csv(str), default=["line", "paragraphs", "files", "default"]
    )
    parser.add_argument("--sizes", type=_csv(float), default=[1, 2, 4, 5], help="line MB")
    parser.add_argument("--paragraphs", type=int, default=50_000, help="paragraphs of one article")
    parser.add_argument("--files", type=int, default=2_000, help="number of tiny files")
    parser.add_argument("--seed", type=int, default=17, help="seed of the invented text")
    parser.add_argument("--no-mkdocs", dest="mkdocs", action="store_false", help="skip MkDocs")
    parser.add_argument("--profile", type=Path, help="folder (or, with --case, file) for cProfile")
    parser.add_argument(
        "--raw-pipe", action="store_true", help="also time plain nlp.pipe on the same paragraphs"
    )
    parser.add_argument("--case", help=argparse.SUPPRESS)  # name:kind:amount, run here
    args = parser.parse_args()
    if args.case:
        name, kind, amount = args.case.split(":")
        print(
            json.dumps(
                run_case(
                    Case(name, kind, float(amount)),
                    args.seed,
                    args.mkdocs,
                    args.profile,
                    args.raw_pipe,
                )
            )
        )
        return
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    print(HEADER, flush=True)
    for case in cases(args):
        print(row(run_in_subprocess(case, args)), flush=True)


if __name__ == "__main__":
    main()
