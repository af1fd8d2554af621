"""Part 3: updates per second through the real Telegram Application, no network.

* The Application is the one the bot runs: `bot.app.build_application(settings, knowledge,
  request=RecordingRequest())`, where `RecordingRequest` (tests/telegram_helpers.py) answers
  every Bot API call locally and records it; `await application.initialize()` before timing.
* The updates are private-chat text messages (the dev questions in turn), each from its own
  user and chat (ids cycling over 500 users), built with the tests' `message` builder and
  converted with `Update.de_json` before the clock starts (the Updater does that part).
* Sequential: `await application.process_update(update)` one after the other. Concurrent: the
  bot's own update processor (`bot.infra.intake.LaneProcessor`: chats concurrently, each chat in
  order), every update fed at once through `application.update_processor.process_update(update,
  application.process_update(update))` with `asyncio.gather`, as `Application.start()` does.
* The Application's bot carries the project's rate limiter (bot/infra/ratelimit.py: about 30
  messages a second overall, Telegram's limit). Through it, N updates take N / 30 seconds
  whatever the bot does, so the bot's own capacity is measured with the overall limit off
  (`Settings(rate_limit_overall_messages=0)`, which bot/infra/ratelimit.py reads as "no limit"; the
  limiter stays in the path). One short run with the settings as shipped shows the cap.
* updates/s = N / wall time; median over `repeat` runs, each on a fresh Application. Every run
  checks that the recording request saw one sendMessage per update and that no handler failed.
  Floor: 500 updates/s (Telegram lets one bot send about 30 messages a second, so the bot must
  never be the bottleneck).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

FLOOR_PER_S = 500.0
USERS = 500


async def _one_run(
    questions: Sequence[str], updates: int, concurrent: bool, limited: bool = False
) -> dict[str, Any]:
    from telegram import Update
    from telegram.ext import ContextTypes

    import bot.app
    from bot.settings import Secret, Settings
    from knowledge import load_knowledge
    from tests.telegram_helpers import TOKEN, RecordingRequest, message

    request = RecordingRequest()
    settings = Settings(token=Secret(TOKEN), inline_cache_seconds=5, flood_questions=0,
                        rate_limit_chat_messages=0)
    if not limited:
        settings = replace(settings, rate_limit_overall_messages=0)
    application = bot.app.build_application(
        settings, load_knowledge(), request=request, get_updates_request=request
    )
    failures: list[BaseException] = []

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.error is not None:
            failures.append(context.error)

    application.add_error_handler(record)
    await application.initialize()
    try:
        batch = []
        for i in range(updates):
            user = {"id": 2_000_000 + i % USERS, "is_bot": False, "first_name": f"U{i % USERS}"}
            chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
            data = message(questions[i % len(questions)], chat=chat, sender=user)
            batch.append(Update.de_json(data, application.bot))
        before = len(request.of("sendMessage"))
        started = time.perf_counter()
        if concurrent:
            processor = application.update_processor
            await asyncio.gather(*(
                processor.process_update(u, application.process_update(u)) for u in batch
            ))
        else:
            for update in batch:
                await application.process_update(update)
        elapsed = time.perf_counter() - started
        sent = len(request.of("sendMessage")) - before
    finally:
        await application.shutdown()
    return {
        "per_s": updates / elapsed,
        "sent": sent,
        "failures": len(failures),
        "max_concurrent": application.update_processor.max_concurrent_updates,
    }


def measure(
    questions: list[str], updates: int = 2000, repeat: int = 5, limited_updates: int = 90
) -> dict[str, Any]:
    """Updates per second with concurrent_updates off and on; see the module docstring."""
    result: dict[str, Any] = {"status": "ok", "updates": updates, "repeat": repeat}
    for label, concurrent in (("sequential", False), ("concurrent", True)):
        try:
            runs = [asyncio.run(_one_run(questions, updates, concurrent)) for _ in range(repeat)]
        except Exception as exc:  # report it in the table rather than lose the other figures
            return {"status": "error",
                    "reason": f"building or running the Application failed: "
                    f"{type(exc).__name__}: {exc}"}
        result[f"{label}_per_s"] = statistics.median(r["per_s"] for r in runs)
        result[f"{label}_runs"] = [round(r["per_s"], 1) for r in runs]
        result[f"{label}_max_concurrent"] = runs[0]["max_concurrent"]
        bad = [r for r in runs if r["sent"] != updates or r["failures"]]
        if bad:
            result["status"] = "error"
            result["reason"] = (f"{label}: {bad[0]['sent']} sendMessage calls for {updates} "
                                f"updates, {bad[0]['failures']} handler errors")
    if limited_updates:
        run = asyncio.run(_one_run(questions, limited_updates, True, limited=True))
        result["limited_per_s"] = run["per_s"]
        result["limited_updates"] = limited_updates
    return result


if __name__ == "__main__":
    import json
    import sys

    from benchmarks.paths import resolve_questions
    from benchmarks.scoring import load_cases

    texts = [c["q"] for c in load_cases(resolve_questions(None))]
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    json.dump(measure(texts, count, 2), sys.stdout, indent=1)
    sys.stdout.write("\n")
