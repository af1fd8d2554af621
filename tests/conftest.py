"""Shared fixtures: the real knowledge base and matcher, and a copy to break."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application
from bot.context import services_of
from bot.settings import Secret, Settings
from knowledge import KnowledgeBase, Matcher, default_directory, load_knowledge
from tests.fake_bot_api import FakeBotAPI
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
async def make_harness(knowledge: KnowledgeBase, tmp_path: Path
                       ) -> AsyncIterator[HarnessFactory]:
    """Builds the application `build_application` makes over a recording request, initialised.

    Pass another KnowledgeBase to test with altered data, and Settings fields to change them
    (rate limits and the flood guard are off unless given; the store is in a fresh directory
    under tmp_path). All are stopped, shut down and their stores closed afterwards.
    """
    made: list[Harness] = []

    async def make(kb: KnowledgeBase | None = None, **fields: Any) -> Harness:
        request = RecordingRequest()
        fields = {"inline_cache_seconds": 5, "data_dir": tmp_path / f"data-{len(made)}",
                  "rate_limit_overall_messages": 0, "rate_limit_group_messages": 0,
                  "rate_limit_chat_messages": 0, "flood_questions": 0, **fields}
        settings = Settings(token=Secret(TOKEN), **fields)
        application = build_application(settings, kb or knowledge, request=request,
                                        get_updates_request=request)
        found = Harness(application, request)
        application.add_error_handler(found.record_error)
        await application.initialize()
        made.append(found)
        return found

    yield make
    for found in made:
        if found.application.running:
            await found.application.stop()
        await found.application.shutdown()
        broadcasting = services_of(found.application).broadcasting
        if broadcasting is not None:
            broadcasting.store.close()


@pytest.fixture
async def harness(make_harness: HarnessFactory) -> Harness:
    """The bot as it runs, over a recording request."""
    return await make_harness()


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    """A fake Bot API server on 127.0.0.1, recording calls and injecting faults."""
    with FakeBotAPI() as server:
        yield server


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep HTTP clients from routing loopback calls through a proxy from the environment."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
