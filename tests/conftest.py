"""Shared fixtures: the real knowledge base and matcher, and a copy to break."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.app import build_application
from bot.settings import Secret, Settings
from knowledge import KnowledgeBase, Matcher, default_directory, load_knowledge
from tests.telegram_helpers import TOKEN, Harness, RecordingRequest

HarnessFactory = Callable[..., Awaitable[Harness]]

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


# --------------------------------------------------------------------------- Telegram


@pytest.fixture
async def make_harness(knowledge: KnowledgeBase) -> AsyncIterator[HarnessFactory]:
    """Builds the application `build_application` makes over a recording request, initialised.

    Pass another KnowledgeBase to test with altered data; all are shut down afterwards.
    """
    made: list[Harness] = []

    async def make(kb: KnowledgeBase | None = None) -> Harness:
        request = RecordingRequest()
        settings = Settings(token=Secret(TOKEN), inline_cache_seconds=5)
        application = build_application(settings, kb or knowledge, request=request,
                                        get_updates_request=request)
        found = Harness(application, request)
        application.add_error_handler(found.record_error)
        await application.initialize()
        made.append(found)
        return found

    yield make
    for found in made:
        await found.application.shutdown()


@pytest.fixture
async def harness(make_harness: HarnessFactory) -> Harness:
    """The bot as it runs, over a recording request."""
    return await make_harness()
