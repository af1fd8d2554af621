"""The intake journal, its feeding of the Application, the per-chat processor and the flood guard,
in-process (the real process is exercised in tests/test_reliability_e2e.py)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.infra.flood import FloodGuard, Verdict
from bot.infra.intake import Intake, IntakeError, Journal, LaneProcessor, lane_of
from tests import telegram_helpers as tg


def update(chat_id: int, update_id: int, text: str = "hi") -> Update:
    chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "x",
            "first_name": "x"}
    data = tg.message(text, chat=chat)
    data["update_id"] = update_id
    found = Update.de_json(data, None)
    assert found is not None
    return found


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    found = Journal(tmp_path / "intake.sqlite3")
    yield found
    found.close()


def test_a_repeated_update_id_is_recognised(journal: Journal) -> None:
    assert journal.record(7, "c1", "message", "{}") is True
    assert journal.record(7, "c1", "message", "{}") is False
    journal.mark(7, "done")
    assert journal.record(7, "c1", "message", "{}") is False  # handled ones are remembered too
    assert journal.counts() == {"done": 1}


def test_after_a_crash_sending_becomes_uncertain_and_pending_stays_owed(journal: Journal) -> None:
    for update_id in (1, 2, 3):
        journal.record(update_id, "c1", "message", json.dumps({"update_id": update_id}))
    journal.mark(1, "sending")
    journal.mark(2, "done")
    assert journal.recover() == 1
    assert [row[0] for row in journal.owed()] == [3]
    assert journal.counts() == {"uncertain": 1, "done": 1, "pending": 1}
    assert journal.payload(1) is None and journal.payload(3) is not None


def test_one_process_per_journal(tmp_path: Path, journal: Journal) -> None:
    with pytest.raises(IntakeError, match="another 'briefing-bot run'"):
        Journal(tmp_path / "intake.sqlite3")


async def test_lanes_are_fed_in_turn_a_few_at_a_time(journal: Journal) -> None:
    target: asyncio.Queue[object] = asyncio.Queue()
    intake = Intake(journal, window=3, per_lane=1)
    intake.start(target, None)  # type: ignore[arg-type]
    for n in range(5):
        await intake.put(update(-100, 10 + n))  # a busy group
    await intake.put(update(5, 20))
    await intake.put(update(6, 21))
    fed = [target.get_nowait() for _ in range(target.qsize())]
    assert [u.update_id for u in fed] == [10, 20, 21]  # type: ignore[attr-defined]
    # The group's next update comes only when its first is done.
    ticket = intake.begin(fed[0])
    assert ticket is not None
    intake.finish(ticket)
    assert [u.update_id for u in [target.get_nowait()]] == [11]  # type: ignore[attr-defined]
    assert journal.counts() == {"done": 1, "pending": 6}


async def test_a_ticket_tracks_what_left_for_telegram(journal: Journal) -> None:
    target: asyncio.Queue[object] = asyncio.Queue()
    intake = Intake(journal)
    intake.start(target, None)  # type: ignore[arg-type]
    first = update(5, 1)
    await intake.put(first)
    ticket = intake.begin(target.get_nowait())
    assert ticket is not None
    await ticket.leaving("sendMessage")
    assert journal.counts() == {"sending": 1}
    await ticket.not_sent("sendMessage")  # refused: nothing reached Telegram
    assert journal.counts() == {"pending": 1}
    ticket.retry_later("Bad Gateway")
    intake.finish(ticket)  # owed again, after a pause
    assert journal.counts() == {"pending": 1}
    assert target.empty()
    intake.stop()


async def test_stopping_leaves_queued_updates_owed(journal: Journal) -> None:
    target: asyncio.Queue[object] = asyncio.Queue()
    intake = Intake(journal)
    intake.start(target, None)  # type: ignore[arg-type]
    for n in range(4):
        await intake.put(update(n + 1, n + 1))
    assert target.qsize() == 4
    intake.stop()
    assert target.empty()
    assert journal.counts() == {"pending": 4}
    # The next start feeds them again, from the journal.
    again: asyncio.Queue[object] = asyncio.Queue()
    assert Intake(journal).start(again, None) == 4  # type: ignore[arg-type]
    fed = [again.get_nowait() for _ in range(4)]
    assert [u.update_id for u in fed] == [1, 2, 3, 4]  # type: ignore[attr-defined]


async def test_the_processor_keeps_each_chat_in_order_and_chats_concurrent() -> None:
    processor = LaneProcessor()
    log: list[str] = []
    gate = asyncio.Event()

    async def handle(name: str, wait: bool = False) -> None:
        log.append(f"start {name}")
        if wait:
            await gate.wait()
        log.append(f"end {name}")

    a1, a2, b1 = update(1, 1), update(1, 2), update(2, 3)
    tasks = [asyncio.create_task(processor.process_update(a1, handle("a1", wait=True))),
             asyncio.create_task(processor.process_update(a2, handle("a2"))),
             asyncio.create_task(processor.process_update(b1, handle("b1")))]

    async def b_done() -> None:
        while "end b1" not in log:
            await asyncio.sleep(0)

    await asyncio.wait_for(b_done(), 5.0)  # b goes on...
    assert log == ["start a1", "start b1", "end b1"]  # ...while a2 waits for a1
    gate.set()
    await asyncio.gather(*tasks)
    assert log[3:] == ["end a1", "start a2", "end a2"]
    assert lane_of(a1) == lane_of(a2) != lane_of(b1)


def test_the_flood_guard_says_slow_down_once_then_drops() -> None:
    guard = FloodGuard(3, 10.0)
    verdicts = [guard.check(1, at) for at in (0, 1, 2, 3, 4)]
    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.SLOW_DOWN, Verdict.DROP]
    assert guard.check(2, 4) is Verdict.ANSWER  # someone else is not affected
    assert guard.check(1, 10.5) is Verdict.ANSWER  # the window has room again
    assert FloodGuard(0, 10.0).check(1, 0) is Verdict.ANSWER  # 0 turns it off


async def test_intake_memory_is_bounded_whatever_the_backlog(journal: Journal) -> None:
    target: asyncio.Queue[object] = asyncio.Queue()
    intake = Intake(journal, window=8, per_lane=2)
    intake.start(target, None)  # type: ignore[arg-type]
    for n in range(3000):  # one busy group, then a few others
        await intake.put(update(-100, 10_000 + n))
    for n in range(5):
        await intake.put(update(n + 1, 20_000 + n))
    assert target.qsize() == 2 + 5  # two of the group's, one of each other chat
    assert len(intake._live) <= intake.window  # the rest waits on disk only
    assert journal.counts() == {"pending": 3005}
