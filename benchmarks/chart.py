"""The scaling chart of docs/benchmarks.md: time per question, start and memory by size.

Drawn with matplotlib (the `bench` extra), without a display (Agg), from the results of one
`python -m benchmarks` run; log-log axes, entries on x, ours beside rank-bm25 and bm25s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def draw(results: dict[str, Any], path: Path) -> Path | None:
    """Write the chart to `path`; None when matplotlib is missing or nothing was measured."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    rows = sorted((r for r in results.get("latency", []) if "match" in r),
                  key=lambda r: r["entries"])
    starts = sorted(results.get("startup", []), key=lambda r: r["entries"])
    if not rows:
        return None
    figure, (ask, start, memory) = plt.subplots(1, 3, figsize=(15, 4.6))
    x = [r["entries"] for r in rows]

    def line(axis: Any, xs: list[int], ys: list[float], label: str, style: str) -> None:
        if xs:
            axis.plot(xs, ys, style, label=label, markersize=5)

    for prefix, label, colour in (("", "briefing-bot", "C0"), ("bm25_", "rank-bm25", "C1"),
                                  ("bm25s_", "bm25s", "C2")):
        key = f"{prefix}match"
        have = [r for r in rows if key in r]
        xs = [r["entries"] for r in have]
        line(ask, xs, [r[key]["median_ms"] for r in have], f"{label} median", f"{colour}o-")
        line(ask, xs, [r[key]["p99_ms"] for r in have], f"{label} p99", f"{colour}s--")
    ask.set_title("Time per question (in process)")
    ask.set_ylabel("ms")

    line(start, x, [r["build_s"] for r in rows], "briefing-bot index build", "C0o--")
    for prefix, label, colour in (("bm25", "rank-bm25", "C1"), ("bm25s", "bm25s", "C2")):
        have = [r for r in rows if f"{prefix}_build_s" in r]
        line(start, [r["entries"] for r in have], [r[f"{prefix}_build_s"] for r in have],
             f"{label} index build", f"{colour}s--")
    xs = [r["entries"] for r in starts]
    line(start, xs, [r["first_s"] for r in starts], "`ask`, first start (no cache)", "C3^-")
    line(start, xs, [r["second_s"] for r in starts], "`ask`, second start (cache)", "C0o-")
    start.set_title("Start")
    start.set_ylabel("s")

    line(memory, xs, [r["second_rss_kb"] / 1024 for r in starts],
         "`ask` max RSS, second start", "C0o-")
    line(memory, xs, [r["first_rss_kb"] / 1024 for r in starts],
         "`ask` max RSS, first start", "C3^-")
    line(memory, x, [(r["rss_after_kb"] - r["rss_before_kb"]) / 1024 for r in rows],
         "briefing-bot index (+MB, built)", "C0o--")
    for prefix, label, colour in (("bm25", "rank-bm25", "C1"), ("bm25s", "bm25s", "C2")):
        have = [r for r in rows if f"{prefix}_index_kb" in r]
        line(memory, [r["entries"] for r in have],
             [max(r[f"{prefix}_index_kb"], 1) / 1024 for r in have], f"{label} index (+MB)",
             f"{colour}s--")
    memory.set_title("Memory")
    memory.set_ylabel("MB")

    for axis in (ask, start, memory):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("entries (60 per briefing)")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=7)
    figure.suptitle(f"briefing-bot against BM25 over the same entries ({results['date']})")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
