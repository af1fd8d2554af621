"""`briefing-bot broadcast`'s progress: a bar redrawn in place on a terminal, lines from cron."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from bot.infra.store import AsyncStore, Store
from bot.present.progress import TerminalProgress
from tests.fake_bot_api import FakeBotAPI
from tests.test_broadcast_e2e import broadcast_env, subscribe


async def test_a_terminal_gets_one_bar_redrawn_in_place(tmp_path: Path) -> None:
    store = Store.in_directory(tmp_path)
    for chat_id in range(-10, 0):
        store.subscribe(chat_id, "group", "g", None, 1)
    broadcast = store.create_broadcast("text", "hi", None, None, None)
    now = [0.0]
    stream = io.StringIO()
    progress = TerminalProgress(AsyncStore(store), stream, tty=True, clock=lambda: now[0])
    for i, chat_id in enumerate(store.pending_chats(broadcast.id)):
        store.mark(broadcast.id, chat_id, "failed" if i == 3 else "sent")
        now[0] += 0.06  # a redraw at most every 0.1 s: about every other chat
        await progress(broadcast.id)
    store.close()
    out = stream.getvalue()
    frames = out.split("\r")[1:]
    assert 4 <= len(frames) <= 7 and out.count("\n") == 1 and out.endswith("\n")
    assert frames[-1] == f"Broadcast #1 [{'#' * 30}] 100% 10/10 (9 sent, 1 failed)\n"


def test_the_real_process_draws_a_bar_when_stderr_is_a_terminal(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    subscribe(tmp_path, 12)
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "broadcast", "--text", "On a terminal"], cwd=tmp_path,
            env=broadcast_env(tmp_path, api, LOG_LEVEL="WARNING"), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=follower, text=True)
        os.close(follower)
        out, _ = process.communicate(timeout=60)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the process closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0 and out.startswith("Broadcast #1: the report")
    text = seen.decode()
    assert text.startswith("\rBroadcast #1 [") and "100% 12/12 (12 sent, 0 failed)" in text
    assert "broadcast #1: " not in text  # no cron lines on a terminal
