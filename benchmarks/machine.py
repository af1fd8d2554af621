"""What the benchmarks ran on: CPU, cores, memory, Python, library versions, git state."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = ("rapidfuzz", "numpy", "rank-bm25", "bm25s", "python-telegram-bot", "PyYAML")


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total_mb() -> int | None:
    """MemTotal from /proc/meminfo in MiB."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def version(distribution: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_state() -> str:
    """The commit benchmarked, and the files with uncommitted changes that matter to it."""
    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", *args], capture_output=True, text=True, cwd=ROOT, check=False
        )
        return proc.stdout.strip() if proc.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "knowledge", "bot/cli.py", "bot/present/plain.py",
                "pyproject.toml")
    changed = [line[3:] for line in dirty.splitlines() if line.strip()]
    if changed:
        return f"{commit} + uncommitted changes in {', '.join(sorted(changed))}"
    return commit


def describe() -> dict[str, Any]:
    """Everything the report says about the machine and the software."""
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": affinity,
        "memory_mb": memory_total_mb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libraries": {name: version(name) for name in LIBRARIES},
        "git": git_state(),
    }
