"""Where the benchmark finds the repository and the question sets."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_RELATIVE = Path("shared") / "eval" / "dev.yaml"
HOLDOUT = ROOT / "tests" / "data" / "holdout.yaml"
ENV_VAR = "BRIEFING_DEV_QUESTIONS"


def find_dev_questions() -> Path | None:
    """../shared/eval/dev.yaml relative to the repository root, else the nearest ancestor's
    shared/eval/dev.yaml (a clone in a deeper folder, CI's copy beside the clone), else
    $BRIEFING_DEV_QUESTIONS; None when there is none."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured and Path(configured).is_file():
        return Path(configured).resolve()
    for ancestor in ROOT.parents:
        candidate = ancestor / DEV_RELATIVE
        if candidate.is_file():
            return candidate.resolve()
    return None


def resolve_questions(path: str | os.PathLike[str] | None) -> Path:
    """A question file given on the command line (relative to the current directory, then to
    the repository root), or the dev set when none is given."""
    if path is None:
        found = find_dev_questions()
        if found is None:
            raise FileNotFoundError(
                f"no {DEV_RELATIVE} above {ROOT}; give --questions PATH or set {ENV_VAR}"
            )
        return found
    given = Path(path).expanduser()
    for candidate in (given, ROOT / given):
        if candidate.is_file():
            return candidate.resolve()
    raise FileNotFoundError(f"question file not found: {path}")
