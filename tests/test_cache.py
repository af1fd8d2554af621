"""The on-disk cache of the knowledge base and the matcher's index (knowledge/cache.py).

A second start reads what the first wrote and answers exactly as a fresh build does; a changed,
corrupt or forged cache is rebuilt, never trusted; a cache directory that cannot be written
only costs speed.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
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


@pytest.mark.parametrize("target", ["*.knowledge", "*.questions", "*.index/postings_idx.npy",
                                    "*.index/header"])
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


@pytest.mark.parametrize("drop", ["entries", "questions"])
def test_a_knowledge_file_without_its_entries_or_checksum_first_is_rebuilt(
    knowledge_copy: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture, drop: str
) -> None:
    """The entries are read a row at a time after the questions' checksum: a sealed file
    lacking either (or written in another order) is corrupt, rebuilt with one warning."""
    import msgpack

    from knowledge import cache

    expected = _results(Matcher(load_knowledge(knowledge_copy)))
    path = next(cache_dir.glob("*.knowledge"))
    fields = msgpack.unpackb(cache._unsealed(path.read_bytes()), raw=False)
    assert next(iter(fields)) == "questions" and list(fields)[-1] == "entries"
    if drop == "questions":  # the checksum after the entries, as once written
        fields = {**{k: v for k, v in fields.items() if k != "questions"},
                  "questions": fields["questions"]}
    else:
        del fields["entries"]
    path.write_bytes(cache._sealed(msgpack.packb(fields)))
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


def _cli(*args: str, cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, ENV_VAR: cache}
    env.pop("BRIEFING_KNOWLEDGE_DIR", None)
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=Path(__file__).parents[1], check=False)


def test_check_and_ask_through_the_cache(knowledge_copy: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    first = _cli("check", "--knowledge", str(knowledge_copy), cache=cache)
    again = _cli("check", "--knowledge", str(knowledge_copy), cache=cache)
    assert first.returncode == again.returncode == 0, first.stderr
    assert first.stdout == again.stdout and again.stdout.startswith("ok: ")
    assert list((tmp_path / "cache").glob("*.knowledge"))
    asked = _cli("ask", "--knowledge", str(knowledge_copy), "--json", "Başbuğ arctic council",
                 cache=cache)
    assert asked.returncode == 0 and not asked.stderr and '"answers": [{' in asked.stdout
    # A source changed under the cache: check finds the quote missing, as without a cache.
    source = next((knowledge_copy / "sources").glob("*.txt"))
    source.write_text(source.read_text(encoding="utf-8").replace("Arctic", "Antarctic"),
                      encoding="utf-8")
    broken = _cli("check", "--knowledge", str(knowledge_copy), cache=cache)
    assert broken.returncode != 0 and "not found in" in broken.stderr
    # A cache directory that cannot be created: the same answers, nothing said.
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    source.write_text(source.read_text(encoding="utf-8").replace("Antarctic", "Arctic"),
                      encoding="utf-8")
    unwritable = _cli("ask", "--knowledge", str(knowledge_copy), "--json",
                      "Başbuğ arctic council", cache=str(blocker / "cache"))
    assert unwritable.returncode == 0 and not unwritable.stderr
    assert unwritable.stdout == asked.stdout
