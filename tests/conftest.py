"""Shared fixtures: the real knowledge base and matcher, and a copy to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Matcher, default_directory, load_knowledge

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def matcher(knowledge: KnowledgeBase) -> Matcher:
    return Matcher(knowledge)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(default_directory(), target)
    return target
