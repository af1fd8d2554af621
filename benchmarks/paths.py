"""Where the benchmark finds the repository, the question sets and the scorer.

Everything is inside the repository, so the benchmark and the scoring command work from a fresh
clone with nothing beside it.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev.yaml"
HOLDOUT = ROOT / "tests" / "data" / "holdout.yaml"
SCORE_PY = ROOT / "benchmarks" / "score.py"
ENV_VAR = "BRIEFING_DEV_QUESTIONS"


def find_dev_questions() -> Path | None:
    """$BRIEFING_DEV_QUESTIONS when it names a file, else tests/data/dev.yaml; None if neither."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured and Path(configured).is_file():
        return Path(configured).resolve()
    return DEV if DEV.is_file() else None


def resolve_questions(path: str | os.PathLike[str] | None) -> Path:
    """A question file given on the command line (relative to the current directory, then to
    the repository root), or the dev set when none is given."""
    if path is None:
        found = find_dev_questions()
        if found is None:
            raise FileNotFoundError(f"no {DEV.relative_to(ROOT)}; give --questions PATH")
        return found
    given = Path(path).expanduser()
    for candidate in (given, ROOT / given):
        if candidate.is_file():
            return candidate.resolve()
    raise FileNotFoundError(f"question file not found: {path}")
