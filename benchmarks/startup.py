"""Start time and memory of `briefing-bot ask` over archives of 1 to 1,000 briefings.

For each size an archive is written by `benchmarks.synthetic.write_archive` (the shipped
briefing and copies of it, each its own YAML file, source and ids; 1 is the shipped directory
itself), with its own empty cache directory (BRIEFING_CACHE_DIR). Then, in fresh processes of
the installed console script, the same question:

* the first start, which loads and checks the YAML, builds the index and writes the cache;
* `repeat` second starts, which read the cache: median wall time and max RSS (from
  `os.wait4`, the child's own peak resident set).

The sizes run interleaved with the single briefing (1, N, 1, N, ...), so the ratios compare
starts measured side by side under the same load.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

QUESTION = "What did Başbuğ say about the Arctic Council?"


def _script() -> Path:
    return Path(sys.executable).parent / "briefing-bot"


# Run by a bare interpreter (-S): spawns the command, waits, prints its wall seconds, peak RSS
# and exit status. The child's peak is read from wait4 in this small process, not in the
# benchmark's (or pytest's) own: a child inherits the peak of the process image it was forked
# from, which for a big parent would hide the figure being measured.
_SPAWN = """
import os, sys, time
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=null)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KB) and exit status of one process running `command`."""
    done = subprocess.run([sys.executable, "-S", "-c", _SPAWN, *command], env=env,
                          capture_output=True, text=True, check=True)
    seconds, rss, status = done.stdout.split()
    return float(seconds), int(rss), int(status)


def start(directory: Path, cache: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one `briefing-bot ask` process."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    seconds, rss, status = run([str(_script()), "ask", "--knowledge", str(directory),
                                QUESTION], env)
    if status != 0:
        raise RuntimeError(f"briefing-bot ask --knowledge {directory} exited {status}")
    return seconds, rss


def measure(sizes: Sequence[int], repeat: int = 5) -> list[dict[str, Any]]:
    """One row per size; see the module docstring."""
    from benchmarks.synthetic import write_archive
    from knowledge import default_directory, load_knowledge

    per_briefing = len(load_knowledge(cache=False).entries)
    work = Path(tempfile.mkdtemp(prefix="briefing-archives-"))
    try:
        single = default_directory()
        rows = []
        one_cache = work / "cache-1"
        first_one = start(single, one_cache)
        for size in sizes:
            t0 = time.perf_counter()
            directory = single if size == 1 else write_archive(work / f"x{size}", size)
            written = time.perf_counter() - t0
            cache = one_cache if size == 1 else work / f"cache-{size}"
            first = first_one if size == 1 else start(directory, cache)
            second: list[tuple[float, int]] = []
            alone: list[tuple[float, int]] = []
            for _ in range(repeat):
                alone.append(start(single, one_cache))
                second.append(start(directory, cache))
            rows.append({
                "scale": size,
                "briefings": size,
                "entries": size * per_briefing,
                "write_s": written,
                "first_s": first[0],
                "first_rss_kb": first[1],
                "second_s": statistics.median(t for t, _ in second),
                "second_rss_kb": max(r for _, r in second),
                "single_s": statistics.median(t for t, _ in alone),
                "single_rss_kb": max(r for _, r in alone),
                "repeat": repeat,
            })
            print(f"  start at {size} briefings: first {first[0]:.2f} s, second "
                  f"{rows[-1]['second_s']:.2f} s / {rows[-1]['second_rss_kb'] // 1024} MB "
                  f"(1 briefing {rows[-1]['single_s']:.2f} s / "
                  f"{rows[-1]['single_rss_kb'] // 1024} MB)", file=sys.stderr)
            if size != 1:
                shutil.rmtree(directory, ignore_errors=True)
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sizes = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1,10,100").split(",")]
    json.dump(measure(sizes, int(sys.argv[2]) if len(sys.argv) > 2 else 3), sys.stdout,
              indent=1)
    sys.stdout.write("\n")
