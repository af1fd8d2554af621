"""An archive of 100 briefings on disk: starts almost as fast as one, and keeps the answers.

The archive is written by benchmarks/synthetic.py (`write_archive`): the shipped briefing and 99
copies, each its own YAML file, source text and ids, as a think tank's archive would be. The
first start loads, checks and indexes it and writes the cache (knowledge/cache.py); the
second reads the cache. Timings here are side by side (one briefing, then the archive, three
times) and generous enough for a busy CI machine; benchmarks/startup.py measures them properly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import Matcher
from tests.test_scale import DEV, HOLDOUT, _changed, _questions

ARCHIVE = 100


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 briefings as a think tank's archive: one YAML file and one source each."""
    from benchmarks.synthetic import write_archive

    return write_archive(tmp_path_factory.mktemp("archive"), ARCHIVE)


def _ask(directory: Path, cache: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one `briefing-bot ask` process (benchmarks/startup)."""
    from benchmarks.startup import start

    return start(directory, cache)


@pytest.mark.slow
def test_an_archive_of_100_briefings_starts_almost_as_fast_as_one(
    archive: Path, tmp_path: Path
) -> None:
    """Second starts side by side: at most 3× the wall time and 40 MB more RSS than one."""
    from knowledge import default_directory

    single = default_directory()
    cache = tmp_path / "cache"
    _ask(single, cache), _ask(archive, cache)  # first starts: build and write the cache
    one: list[tuple[float, int]] = []
    many: list[tuple[float, int]] = []
    for _ in range(3):
        one.append(_ask(single, cache))
        many.append(_ask(archive, cache))
    wall_one, wall_many = sorted(t for t, _ in one)[1], sorted(t for t, _ in many)[1]
    rss_one, rss_many = max(r for _, r in one), max(r for _, r in many)
    figures = (f"1 briefing {wall_one:.2f} s {rss_one // 1024} MB; {ARCHIVE} briefings "
               f"{wall_many:.2f} s {rss_many // 1024} MB")
    assert wall_many <= 3 * wall_one, figures
    assert rss_many - rss_one <= 40 * 1024, figures


@pytest.mark.slow
def test_an_archive_of_100_briefings_keeps_the_answers(
    archive: Path, matcher: Matcher, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Loaded from disk (and again from the cache), the rules of the scale test hold."""
    from knowledge import load_knowledge

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    questions = _questions(DEV) + _questions(HOLDOUT)
    for _ in range(2):  # built, then read from the cache
        many = Matcher(load_knowledge(archive))
        assert len(many.knowledge.entries) == ARCHIVE * len(matcher.knowledge.entries)
        changed = _changed(matcher, many, questions)
        assert not changed, f"{len(changed)} changed at {ARCHIVE} briefings:\n" + "\n".join(
            changed)
