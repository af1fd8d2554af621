"""Part 5: a backlog through the real bot process at Telegram's real limits.

* The real `briefing-bot run` process (`python -m bot run`, polling) against the tests' fake Bot
  API (tests/fake_bot_api.py) on 127.0.0.1, with the settings as shipped: 30 messages a second
  overall, 20 a minute per group, one a second per private chat, the flood guard on.
* `updates` questions from `chats` chats (every 25th a group, the rest private chats), queued at
  the fake server all at once before the clock starts; round-robin over the chats, so each
  private chat asks `updates / chats` questions and each group's come from different members.
  Each question is one the bot declines, and the decline quotes it, so every reply is traced
  to its question: **lost** = questions with no reply, **doubled** = replies beyond one.
* drain = from the first getUpdates that returns the backlog to the last reply. The rate
  limit's minimum for N messages at M per S seconds (M may go at once, then M per window) is
  (N / M - 1) × S; the ratio drain / minimum shows how much of the allowed rate the bot uses.
  Bar: within 10 % of the minimum.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BAR = 1.10
GROUP_EVERY = 25


def measure(updates: int = 10_000, chats: int = 500, timeout: float = 900.0) -> dict[str, Any]:
    """Drain a backlog through the real process; see the module docstring."""
    sys.path.insert(0, str(ROOT))
    from tests import telegram_helpers as tg
    from tests.fake_bot_api import FakeBotAPI

    chat_list = []
    for n in range(chats):
        if n % GROUP_EVERY == 0:
            chat_list.append({"id": -100_200_000 - n, "type": "supergroup", "title": f"G{n}"})
        else:
            chat_list.append({"id": 3_000_000 + n, "type": "private", "first_name": f"P{n}"})
    with FakeBotAPI() as api, tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "WEBHOOK_", "DATA_DIR", "RATE_LIMIT_", "FLOOD_",
                                    "LOG_LEVEL", "BRIEFING_"))}
        env.update(TELEGRAM_BOT_TOKEN=tg.TOKEN, TELEGRAM_API_BASE_URL=api.base_url,
                   DATA_DIR=str(Path(tmp) / "data"), LOG_LEVEL="WARNING", POLLING_TIMEOUT="5",
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=tmp, env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        try:
            api.wait_for("getUpdates", timeout=30)
            asked: dict[str, int] = {}
            for i in range(updates):
                chat = chat_list[i % chats]
                sender = {"id": 4_000_000 + i if chat["type"] != "private" else chat["id"],
                          "is_bot": False, "first_name": "R"}
                text = f"zzload{i} soup"
                if chat["type"] != "private":
                    text = f"@{tg.BOT_USERNAME} {text}"
                api.enqueue(tg.message(text, chat=chat, sender=sender))
                asked[f"zzload{i} "] = int(chat["id"])
            mark = api.mark()
            first = api.wait_for("getUpdates", after=mark, timeout=30)[0].at
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                sent = api.calls("sendMessage")
                if sum(1 for c in sent if "zzload" in c.text) >= updates:
                    break
                time.sleep(0.5)
            time.sleep(2.0)  # anything doubled would show now
            sent = [c for c in api.calls("sendMessage") if "zzload" in c.text]
        finally:
            process.terminate()
            try:
                _, stderr = process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                _, stderr = process.communicate()
    replies: Counter[str] = Counter()
    for call in sent:
        key = call.text.split("zzload", 1)[1].split(" ", 1)[0]
        replies[f"zzload{key} "] += 1
    lost = sum(1 for key in asked if replies[key] == 0)
    doubled = sum(max(0, n - 1) for n in replies.values())
    drain = max(c.at for c in sent) - first if sent else float("nan")
    minimum = (updates / 30 - 1) * 1.0
    return {
        "status": "ok" if not lost and not doubled else "error",
        "updates": updates, "chats": chats, "groups": len(range(0, chats, GROUP_EVERY)),
        "drain_s": drain, "minimum_s": minimum, "ratio": drain / minimum,
        "lost": lost, "doubled": doubled, "replies": len(sent),
        "errors": [line for line in stderr.splitlines() if " ERROR " in line][:5],
    }


if __name__ == "__main__":
    import json

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    json.dump(measure(count, min(500, max(20, count // 20))), sys.stdout, indent=1)
    sys.stdout.write("\n")
