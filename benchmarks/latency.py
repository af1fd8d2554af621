"""Latency at one knowledge-base size, measured in a fresh process so its memory is clean.

Run by the benchmark driver as `python -m benchmarks.latency --scale N ...`; prints one JSON
object. The process caps its address space (RLIMIT_AS, --mem-limit-gb) so that a matcher that
does not scale fails with MemoryError instead of taking the machine's memory from others.

Measured: synthetic base generation (not part of the matcher), matcher build time (first build
in the process; further builds only for the median when one is quick), resident memory
(VmRSS from /proc/self/status) before and after the first build and its peak (VmHWM), and the
time of every `Matcher.match(question, top=3)` over the questions repeated (after one warm-up
pass). Optionally the same for BM25 over the entries, and cProfiles of a match pass and of
one build.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import resource
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.paths import resolve_questions
from benchmarks.scoring import load_cases

BUILD_REPEAT_BUDGET_S = 20.0
MATCH_BUDGET_S = 60.0


def vm_status() -> dict[str, int]:
    """VmRSS, VmHWM and VmSize of this process in KiB, from /proc/self/status."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "VmSize"):
                found[key] = int(value.split()[0])
    return found


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), nearest-rank on the sorted samples."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def time_calls(
    call: Callable[[str], object], questions: Sequence[str], repeat: int, budget_s: float
) -> dict[str, Any]:
    """Per-call wall times in ms over `repeat` passes (fewer if the budget runs out)."""
    for question in questions:  # warm-up pass, not counted
        call(question)
    samples: list[float] = []
    passes = 0
    started = time.perf_counter()
    while passes < repeat:
        for question in questions:
            t0 = time.perf_counter_ns()
            call(question)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
        passes += 1
        if time.perf_counter() - started > budget_s and passes >= 1:
            break
    return {
        "passes": passes,
        "samples": len(samples),
        "median_ms": statistics.median(samples),
        "p99_ms": percentile(samples, 99),
        "mean_ms": statistics.fmean(samples),
        "max_ms": max(samples),
    }


def profile_calls(call: Callable[[str], object], questions: Sequence[str], passes: int) -> str:
    """cProfile of `passes` passes over the questions: top functions by own and total time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(passes):
        for question in questions:
            call(question)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(14)
    stats.sort_stats("cumulative").print_stats(18)
    return out.getvalue()


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Everything about one size; see the module docstring."""
    from benchmarks.synthetic import synthesize
    from knowledge import Matcher, load_knowledge

    questions = [c["q"] for c in load_cases(resolve_questions(args.questions))]
    real = load_knowledge()
    t0 = time.perf_counter()
    knowledge = synthesize(real, args.scale)
    generate_s = time.perf_counter() - t0
    result: dict[str, Any] = {
        "scale": args.scale,
        "entries": len(knowledge.entries),
        "experts": len(knowledge.experts),
        "topics": len(knowledge.topics),
        "questions": len(questions),
        "generate_s": generate_s,
    }
    gc.collect()
    before = vm_status()
    builds: list[float] = []
    try:
        t0 = time.perf_counter()
        matcher = Matcher(knowledge)
        builds.append(time.perf_counter() - t0)
    except MemoryError:
        result["error"] = "MemoryError in Matcher(...) under the address-space cap of " \
            f"{args.mem_limit_gb} GB:\n" + traceback.format_exc(limit=-3)
        if args.bm25:
            _bm25(result, knowledge, questions, args)
        return result
    gc.collect()
    after = vm_status()
    while len(builds) < args.builds and sum(builds) < BUILD_REPEAT_BUDGET_S:
        t0 = time.perf_counter()
        Matcher(knowledge)
        builds.append(time.perf_counter() - t0)
    result.update(
        build_s=statistics.median(builds),
        builds=len(builds),
        rss_before_kb=before["VmRSS"],
        rss_after_kb=after["VmRSS"],
        rss_peak_kb=vm_status()["VmHWM"],
    )
    top_ids = []
    for question in questions:
        answers = matcher.match(question, top=3).answers
        top_ids.append([a.entry.id for a in answers])
    result["top_ids"] = top_ids
    result["match"] = time_calls(
        lambda q: matcher.match(q, top=3), questions, args.repeat, args.budget_s
    )
    if args.profile:
        result["profile"] = profile_calls(lambda q: matcher.match(q, top=3), questions, 1)
    if args.profile_build:
        profiler = cProfile.Profile()
        profiler.enable()
        Matcher(knowledge)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(10)
        result["build_profile"] = out.getvalue()
    if args.bm25:
        _bm25(result, knowledge, questions, args)
    return result


def _bm25(
    result: dict[str, Any], knowledge: Any, questions: list[str], args: argparse.Namespace
) -> None:
    """BM25 over the same entries (rank-bm25, then bm25s), for the ratios at this size.

    RSS: VmRSS before and after building each (the knowledge base and our index are already
    there, so the difference is the baseline's index, roughly).
    """
    from benchmarks.systems import BM25Entries, BM25sEntries

    for prefix, make in (("bm25", BM25Entries), ("bm25s", BM25sEntries)):
        gc.collect()
        before = vm_status()["VmRSS"]
        t0 = time.perf_counter()
        try:
            system = make(knowledge)
        except ImportError as exc:
            result[f"{prefix}_error"] = str(exc)
            continue
        result[f"{prefix}_build_s"] = time.perf_counter() - t0
        gc.collect()
        result[f"{prefix}_index_kb"] = vm_status()["VmRSS"] - before
        result[f"{prefix}_match"] = time_calls(system.rank, questions, args.repeat,
                                               args.budget_s)
        del system


def run_subprocess(
    scale: int,
    *,
    repeat: int,
    questions: Path,
    builds: int = 3,
    bm25: bool = True,
    profile: bool = False,
    profile_build: bool = False,
    mem_limit_gb: float = 8.0,
    budget_s: float = MATCH_BUDGET_S,
) -> dict[str, Any]:
    """Run this module for one size in a fresh interpreter and return its JSON."""
    import subprocess

    command = [
        sys.executable, "-m", "benchmarks.latency",
        "--scale", str(scale), "--repeat", str(repeat), "--builds", str(builds),
        "--questions", str(questions), "--mem-limit-gb", str(mem_limit_gb),
        "--budget-s", str(budget_s),
    ]
    if bm25:
        command.append("--bm25")
    if profile:
        command.append("--profile")
    if profile_build:
        command.append("--profile-build")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout)[-1500:]
        return {"scale": scale, "error": f"exit {proc.returncode}:\n{tail}"}
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.latency", description=__doc__)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--questions", default=None)
    parser.add_argument("--bm25", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--profile-build", action="store_true")
    parser.add_argument("--mem-limit-gb", type=float, default=8.0)
    parser.add_argument("--budget-s", type=float, default=MATCH_BUDGET_S)
    args = parser.parse_args(argv)
    limit = int(args.mem_limit_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    json.dump(measure(args), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
