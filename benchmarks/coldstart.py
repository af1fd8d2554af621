"""Cold start: `briefing-bot ask "…"` as a whole process, and what its time is spent on.

* wall time of the console script from the same virtualenv (sys.executable's bin directory),
  median over repeated runs, next to a bare `python -c pass` for the interpreter's own start;
* the phases in a fresh process (`python -m benchmarks.coldstart --phases`): imports, loading
  the knowledge base (YAML parse, validation, provenance check), building the matcher, answering;
* `python -X importtime` of the same command: the imports that dominate, and whether
  python-telegram-bot is imported at all on this path.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

QUESTION = "What did Başbuğ say about the Arctic Council?"
ROOT = Path(__file__).resolve().parents[1]


def console_script() -> Path:
    """The `briefing-bot` script installed next to this interpreter."""
    return Path(sys.executable).parent / "briefing-bot"


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    return subprocess.run(
        list(command), capture_output=True, text=True, check=False, cwd=ROOT, env=env
    )


def wall_times(command: Sequence[str], repeat: int) -> list[float]:
    """Seconds per run of a command (one untimed warm-up run for the file cache)."""
    first = _run(command)
    if first.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {first.stderr[-800:]}")
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        _run(command)
        times.append(time.perf_counter() - started)
    return times


def importtime(command: Sequence[str]) -> dict[str, Any]:
    """`-X importtime` of the command: top-level imports by cumulative time, time per package
    (sum of the self times of its modules, so nothing is counted twice), top self times."""
    proc = _run([sys.executable, "-X", "importtime", *command])
    rows: list[tuple[int, int, str, int]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((int(self_us), int(cumulative_us), name.strip(), depth))
    top_level = sorted((r for r in rows if r[3] == 0), key=lambda r: -r[1])
    by_self = sorted(rows, key=lambda r: -r[0])
    total = sum(r[1] for r in top_level)
    packages: dict[str, int] = {}
    for own_us, _, module, _ in rows:
        root = module.split(".")[0]
        packages[root] = packages.get(root, 0) + own_us
    return {
        "total_ms": total / 1000,
        "top_level": [(name, cum / 1000) for _, cum, name, _ in top_level[:6]],
        "by_package": [(name, us / 1000) for name, us in
                       sorted(packages.items(), key=lambda kv: -kv[1])[:12]],
        "self": [(name, s / 1000) for s, _, name, _ in by_self[:10]],
        "telegram_imported": any(r[2] == "telegram" or r[2].startswith("telegram.")
                                 for r in rows),
        "modules": len(rows),
    }


def phases() -> dict[str, float]:
    """Seconds spent on each phase of an answer, in this (fresh) process."""
    t0 = time.perf_counter()
    from knowledge import Matcher, load_knowledge

    t1 = time.perf_counter()
    knowledge = load_knowledge()
    t2 = time.perf_counter()
    matcher = Matcher(knowledge)
    t3 = time.perf_counter()
    matcher.match(QUESTION)
    t4 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "build_s": t3 - t2, "match_s": t4 - t3}


def measure(repeat: int, question: str = QUESTION) -> dict[str, Any]:
    """Cold-start figures for the report."""
    script = console_script()
    command = [str(script), "ask", question]
    times = wall_times(command, repeat)
    bare = wall_times([sys.executable, "-c", "pass"], repeat)
    runs = []
    for _ in range(max(3, min(repeat, 5))):
        proc = _run([sys.executable, "-m", "benchmarks.coldstart", "--phases"])
        if proc.returncode == 0:
            runs.append(json.loads(proc.stdout))
    phase_medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]} if runs else {}
    return {
        # The console script by name: the venv's path is this machine's, not the project's.
        "command": f"{Path(script).name} ask {json.dumps(question, ensure_ascii=False)}",
        "repeat": repeat,
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "python_bare_s": statistics.median(bare),
        "phases": phase_medians,
        "importtime": importtime([str(script), "ask", question]),
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--phases"]:
        json.dump(phases(), sys.stdout)
    else:
        json.dump(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5), sys.stdout, indent=1)
    sys.stdout.write("\n")
