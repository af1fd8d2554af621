"""`python -m benchmarks`: run every part, print one table, write docs/benchmarks.md."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import (
    chart,
    coldstart,
    latency,
    load,
    machine,
    quality,
    report,
    startup,
    throughput,
)
from benchmarks.paths import HOLDOUT, ROOT, SCORE_PY, find_dev_questions, resolve_questions
from benchmarks.scoring import load_cases

FULL_SIZES = (1, 10, 100, 1000)
QUICK_SIZES = (1, 10, 100)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(s) for s in text.split(",") if s.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give sizes like 1,10,100") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be whole numbers >= 1")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Quality against baselines, latency at 1x..1000x, cold start, throughput.",
    )
    parser.add_argument("--quick", action="store_true",
                        help="fast run: sizes 1,10,100, 3 repeats, 3 cold starts")
    parser.add_argument("--sizes", type=_sizes, default=None,
                        help="knowledge-base multiples (default 1,10,100,1000; quick 1,10,100)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="passes over the questions per timing (default 20; quick 3)")
    parser.add_argument("--cold-repeat", type=int, default=None,
                        help="cold-start runs (default 10; quick 3)")
    parser.add_argument("--questions", default=None,
                        help="score.py question file (default tests/data/dev.yaml)")
    parser.add_argument("--mem-limit-gb", type=float, default=8.0,
                        help="address-space cap of each latency subprocess (default 8)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"),
                        help="report file (default docs/benchmarks.md)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser


def _agreement(latencies: list[dict[str, Any]], knowledge_ids: set[str]) -> None:
    """Top-1 of each question at N× compared with 1× (same run), recorded on each size."""
    base = next((r for r in latencies if r.get("scale") == 1 and "top_ids" in r), None)
    if base is None:
        return
    for row in latencies:
        if "top_ids" not in row:
            continue
        counts = {"same": 0, "copy-of-same": 0, "copy-of-other": 0, "other-original": 0,
                  "decline-changed": 0}
        for one, many in zip(base["top_ids"], row["top_ids"], strict=True):
            a, b = one[:1], many[:1]
            if a == b:
                counts["same"] += 1
            elif not a or not b:
                counts["decline-changed"] += 1
            elif b[0] in knowledge_ids:
                counts["other-original"] += 1
            elif b[0].rsplit("-x", 1)[0] == a[0]:
                counts["copy-of-same"] += 1
            else:
                counts["copy-of-other"] += 1
        row["agreement"] = counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    argv_list = list(sys.argv[1:] if argv is None else argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    repeat = args.repeat or (3 if args.quick else 20)
    cold_repeat = args.cold_repeat or (3 if args.quick else 10)
    try:
        questions = resolve_questions(args.questions)
    except FileNotFoundError as exc:
        parser.error(str(exc))
    dev = find_dev_questions()

    from knowledge import load_knowledge

    knowledge = load_knowledge()
    started = dt.datetime.now(dt.UTC)
    results: dict[str, Any] = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python -m benchmarks" + (f" {shlex.join(argv_list)}" if argv_list else ""),
        "machine": machine.describe(),
        "options": {"sizes": sizes, "repeat": repeat, "cold_repeat": cold_repeat,
                    "questions": str(questions), "quick": args.quick},
    }

    print(f"quality on {questions} ...", file=sys.stderr)
    results["quality"] = quality.evaluate(
        knowledge, questions, repeat, HOLDOUT if HOLDOUT.is_file() else None
    )
    results["cross_check"] = quality.score_py_cross_check(questions, SCORE_PY)

    latencies = []
    for size in sizes:
        print(f"latency at {size}x ...", file=sys.stderr)
        latencies.append(latency.run_subprocess(
            size, repeat=repeat, questions=questions, builds=1 if args.quick else 3,
            profile=size >= 100 or size == 1, profile_build=size >= 100 and not args.quick,
            mem_limit_gb=args.mem_limit_gb,
        ))
    _agreement(latencies, {e.id for e in knowledge.entries})
    results["latency"] = latencies

    print("start time and memory over archives ...", file=sys.stderr)
    results["startup"] = startup.measure(sizes, 3 if args.quick else 5)

    print("cold start ...", file=sys.stderr)
    results["coldstart"] = coldstart.measure(cold_repeat)
    print("throughput ...", file=sys.stderr)
    results["throughput"] = throughput.measure(
        [c["q"] for c in load_cases(questions)],
        updates=500 if args.quick else 2000, repeat=2 if args.quick else 5,
    )
    updates = 1000 if args.quick else 10_000
    print(f"load: {updates} updates through the real process (about {updates // 30} s) ...",
          file=sys.stderr)
    results["load"] = load.measure(updates, 50 if args.quick else 500)
    results["dev_found"] = str(dev) if dev else None

    table = report.summary_table(results)
    print(table)
    if not args.no_write:
        output = Path(args.output)
        report.write(results, output)
        drawn = chart.draw(results, output.parent / report.CHART)
        print(f"\nwritten: {output}, {drawn or 'no chart (matplotlib missing)'}",
              file=sys.stderr)
    return 0
