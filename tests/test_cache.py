"""The on-disk cache of the knowledge base and the matcher's index (knowledge/cache.py).

A second start reads what the first wrote and answers exactly as a fresh build does; a changed,
corrupt or forged cache is rebuilt, never trusted; a cache directory that cannot be written
only costs speed.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
import yaml

from knowledge import KnowledgeError, Matcher, load_knowledge
from knowledge import loader as loader_module
from knowledge.cache import ENV_VAR

DATA = Path(__file__).parent / "data"
QUESTIONS = [str(case["q"]) for name in ("dev.yaml", "false-friends-dev.yaml")
             for case in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(ENV_VAR, str(directory))
    return directory


def _results(matcher: Matcher) -> list[tuple[object, ...]]:
    found = []
    for question in QUESTIONS:
        result = matcher.match(question, top=5)
        found.append((tuple((a.entry.id, a.score) for a in result.answers), result.suggestions,
                      result.hint, tuple(e.id for e in result.experts),
                      tuple(t.key for t in result.topics)))
    return found


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(loader_module, "_load_file", refuse)


def test_second_start_reads_the_cache_and_answers_the_same(
    knowledge_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_knowledge(knowledge_copy, cache=False)
    first = load_knowledge(knowledge_copy)
    built = Matcher(first)
    assert len(list(cache_dir.glob("*.knowledge"))) == 1
    assert len(list(cache_dir.glob("*.index/*.npy"))) > 10
    with monkeypatch.context() as patch:
        _no_parsing(patch)
        second = load_knowledge(knowledge_copy)
    assert second.entries == fresh.entries
    assert second.experts == fresh.experts and second.topics == fresh.topics
    assert second.briefings == fresh.briefings
    assert [b.source_text for b in second.briefings] == [b.source_text for b in fresh.briefings]
    mapped = Matcher(second)
    assert isinstance(mapped.index.postings.values.base, np.memmap)
    expected = _results(Matcher(fresh))
    assert _results(built) == expected
    assert _results(mapped) == expected


def test_a_changed_briefing_or_source_is_loaded_afresh(
    knowledge_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_knowledge(knowledge_copy)
    path = next(knowledge_copy.glob("*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Blinken and Lavrov met in Reykjavik", "Blinken and Lavrov met in Iceland"),
        encoding="utf-8")
    assert "met in Iceland" in load_knowledge(knowledge_copy).briefings[0].summary
    # A source edited so that a quote is no longer in it: the full check runs and says so.
    source = next((knowledge_copy / "sources").glob("*.txt"))
    source.write_text(source.read_text(encoding="utf-8").replace("Arctic", "Antarctic"),
                      encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not found in"):
        load_knowledge(knowledge_copy)


@pytest.mark.parametrize("target", ["*.knowledge", "*.index/postings_idx.npy", "*.index/header"])
def test_a_corrupt_cache_is_rebuilt_with_one_warning(
    knowledge_copy: Path, cache_dir: Path, target: str, caplog: pytest.LogCaptureFixture
) -> None:
    expected = _results(Matcher(load_knowledge(knowledge_copy)))
    path = next(cache_dir.glob(target))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        matcher = Matcher(load_knowledge(knowledge_copy))
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "corrupt" in warnings[0].getMessage()
    assert _results(matcher) == expected
    # Rebuilt: the next start finds a good cache and says nothing.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        assert _results(Matcher(load_knowledge(knowledge_copy))) == expected
    assert not caplog.records


def test_a_forged_index_is_never_unpickled(
    knowledge_copy: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An object array with a matching checksum: np.load refuses pickles; rebuilt."""
    from knowledge import cache

    expected = _results(Matcher(load_knowledge(knowledge_copy)))
    folder = next(cache_dir.glob("*.index"))
    np.save(folder / "df.npy", np.array([object()], dtype=object), allow_pickle=True)
    header = folder / "header"
    import msgpack

    fields = msgpack.unpackb(cache._unsealed(header.read_bytes()), raw=False)
    fields["files"]["df"] = cache._file_digest(folder / "df.npy")
    header.write_bytes(cache._sealed(msgpack.packb(fields)))
    with caplog.at_level(logging.WARNING, logger="knowledge.cache"):
        assert _results(Matcher(load_knowledge(knowledge_copy))) == expected
    assert any("corrupt" in r.getMessage() for r in caplog.records)


def test_an_unwritable_or_disabled_cache_only_costs_speed(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    expected = _results(Matcher(load_knowledge(knowledge_copy, cache=False)))
    for setting in (str(blocker / "cache"), "off"):
        monkeypatch.setenv(ENV_VAR, setting)
        with caplog.at_level(logging.INFO):
            assert _results(Matcher(load_knowledge(knowledge_copy))) == expected
        assert not [r for r in caplog.records if r.levelno >= logging.INFO]
    assert not any(p.name.endswith((".knowledge", ".index")) for p in tmp_path.rglob("*"))
