"""End to end: the real `briefing-bot run` process against a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.present import texts
from tests import telegram_helpers as tg
from tests.fake_bot_api import FakeBotAPI

STOP_WITHIN = 8.0  # seconds from SIGTERM to exit
# Straight to 127.0.0.1, whatever proxy the environment names.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class BotProcess:
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout=STOP_WITHIN)

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _environment(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "WEBHOOK_", "BRIEFING_", "LOG_LEVEL", "DATA_DIR",
                                 "ADMIN_USER_IDS", "BROADCAST_", "RATE_LIMIT_", "XDG_"))}
    # The fake API is on loopback: never send the bot through a proxy from the environment.
    keep.update(NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    keep.update(extra)
    return keep


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    env.setdefault("DATA_DIR", str(tmp_path / "data"))
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args], cwd=tmp_path, env=_environment(**env),
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def start_bot(tmp_path: Path, api: FakeBotAPI) -> Iterator[object]:
    started: list[BotProcess] = []

    def start(*args: str, **env: str) -> BotProcess:
        log = tmp_path / f"bot-{len(started)}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", *args],
            cwd=tmp_path,  # no stray .env from the developer's checkout
            env=_environment(**{
                "TELEGRAM_BOT_TOKEN": tg.TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                "POLLING_TIMEOUT": "5", "LOG_LEVEL": "DEBUG", "DATA_DIR": str(tmp_path / "data"),
                **env,
            }),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log.open("wb"),
        )
        found = BotProcess(process, log)
        started.append(found)
        return found

    yield start
    for found in started:
        if found.process.poll() is None:
            found.process.kill()
            found.process.wait(timeout=5)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    """The webhook server listens shortly after setWebhook; wait until it accepts."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _to(chat_id: int):  # type: ignore[no-untyped-def]
    return lambda call: call.params.get("chat_id") == chat_id


def test_polling_end_to_end(api: FakeBotAPI, start_bot) -> None:  # type: ignore[no-untyped-def]
    bot = start_bot()
    # The first two menus registered (wait_for returns all it has seen when it wakes, which
    # on a loaded machine is sometimes the administrators' menu as well).
    menus = api.wait_for("setMyCommands", count=2)[:2]
    assert {m.params["scope"]["type"] for m in menus} == {"all_private_chats", "all_group_chats"}
    api.wait_for("getUpdates")
    assert api.calls("deleteWebhook")  # polling start-up clears any webhook

    mark = api.mark()
    api.enqueue(tg.message("/start"))
    welcome = api.wait_for("sendMessage", after=mark)[0]
    assert "<b>Coşkun Başbuğ</b>" in welcome.text and welcome.params["parse_mode"] == "HTML"

    mark = api.mark()
    api.enqueue(tg.message("What did Başbuğ say about the Arctic?"))
    answer = api.wait_for("sendMessage", after=mark)[0]
    assert "— <b>Coşkun Başbuğ</b>" in answer.text and "Arctic" in answer.text
    assert "x:basbug" in [b["callback_data"] for b in answer.buttons()]

    mark = api.mark()
    api.enqueue(tg.message("How do I bake sourdough bread?"))
    decline = api.wait_for("sendMessage", after=mark)[0]
    assert decline.text.startswith("<b>Not covered in this briefing.</b>")

    mark = api.mark()
    api.enqueue(tg.message("/expert basbug"))
    page = api.wait_for("sendMessage", after=mark)[0]
    assert "Positions 1–5 of 14" in page.text

    mark = api.mark()
    api.enqueue(tg.callback("x:basbug:1", on=tg.bot_message(page.text)))
    api.wait_for("answerCallbackQuery", after=mark)
    edited = api.wait_for("editMessageText", after=mark)[0]
    assert "Positions 6–10 of 14" in edited.text

    mark = api.mark()
    api.enqueue(tg.callback("x:forged:9"))
    stale = api.wait_for("answerCallbackQuery", after=mark)[0]
    assert stale.params["text"] == texts.text("stale_button")

    mark = api.mark()
    api.enqueue(tg.inline("nord stream"))
    inline = api.wait_for("answerInlineQuery", after=mark)[0]
    assert 1 <= len(inline.params["results"]) <= 10
    assert inline.params["results"][0]["title"] == "Deniz Berktay"

    mark = api.mark()
    api.enqueue(tg.message("Anyone seen the news about sanctions?", chat=tg.GROUP))
    api.enqueue(tg.sticker(chat=tg.GROUP))
    api.enqueue(tg.sticker())
    api.enqueue(tg.message("@briefing_test_bot what about Nord Stream?", chat=tg.GROUP))
    api.enqueue(tg.message("/help"))  # updates are handled in order: this one comes last
    api.wait_for("sendMessage", where=lambda c: "<b>Commands</b>" in c.text, after=mark)
    to_group = [c for c in api.calls("sendMessage")[0:] if _to(tg.GROUP["id"])(c)]
    assert len(to_group) == 1, [c.text for c in to_group]  # only the mention was answered
    assert "Nord Stream-2 Project" in to_group[0].text
    hint = [c for c in api.calls("sendMessage") if c.text == texts.text("text_only")]
    assert len(hint) == 1  # the private sticker

    assert bot.stop() == 0
    log = bot.stderr()
    assert "polling for updates" in log  # the log was written, so the next line means something
    assert tg.TOKEN.split(":")[1] not in log
    assert "Traceback" not in log


def test_sigint_also_stops_cleanly(api: FakeBotAPI, start_bot) -> None:  # type: ignore[no-untyped-def]
    bot = start_bot()
    api.wait_for("getUpdates")
    assert bot.stop(signal.SIGINT) == 0


def test_webhook_end_to_end(api: FakeBotAPI, start_bot) -> None:  # type: ignore[no-untyped-def]
    port = _free_port()
    secret = "s3cret-token_for-tests"
    bot = start_bot(
        "--webhook", WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port),
        WEBHOOK_URL="https://bot.example.org/telegram/hook", WEBHOOK_SECRET_TOKEN=secret,
    )
    registered = api.wait_for("setWebhook")[0]
    assert registered.params["url"] == "https://bot.example.org/telegram/hook"
    assert registered.params["secret_token"] == secret
    api.wait_for("setMyCommands", count=2)
    _wait_for_port(port)

    def post(update: dict[str, object], token: str) -> int:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/telegram/hook", data=json.dumps(update).encode(),
            headers={"Content-Type": "application/json",
                     "X-Telegram-Bot-Api-Secret-Token": token},
        )
        try:
            with _opener.open(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    mark = api.mark()
    assert post(tg.message("What about the Arctic Council?"), "wrong-secret") == 403
    assert post(tg.message("What about Nord Stream?"), secret) == 200
    answer = api.wait_for("sendMessage", after=mark)[0]
    assert "Nord Stream-2 Project" in answer.text
    assert len(api.calls("sendMessage")) == 1  # the forged update was never handled

    assert bot.stop() == 0
    assert tg.TOKEN.split(":")[1] not in bot.stderr()
    # LOG_LEVEL=DEBUG: PTB logs setWebhook's parameters; the secret is masked like the token.
    assert "setWebhook" in bot.stderr() and "<webhook-secret>" in bot.stderr()
    assert secret not in bot.stderr()


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _run(tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("briefing-bot: TELEGRAM_BOT_TOKEN is not set")


def test_malformed_token_is_not_echoed(tmp_path: Path) -> None:
    token = "12345:this-is-not-a-real-token"
    done = _run(tmp_path, TELEGRAM_BOT_TOKEN=token)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "malformed" in done.stderr
    assert "this-is-not" not in done.stderr + done.stdout


def test_token_in_dotenv_is_used(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=nonsense\n", encoding="utf-8")
    done = _run(tmp_path)
    assert done.returncode == 2 and "malformed" in done.stderr


def test_token_rejected_by_the_api_is_one_line_and_never_shown(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    token = "123456789:BBrejectedButWellFormedToken_0123456789"
    done = _run(tmp_path, TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=api.base_url)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "briefing-bot: the Bot API rejected TELEGRAM_BOT_TOKEN (check it with @BotFather)"
    )
    assert "rejectedButWellFormed" not in done.stderr  # PTB's own message quotes the token
    assert api.rejected() == ["getMe"]  # the rejection really came from the API


def test_webhook_without_url_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _run(tmp_path, "--webhook", TELEGRAM_BOT_TOKEN=tg.TOKEN)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "WEBHOOK_URL is not set" in done.stderr


def test_unusable_knowledge_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _run(tmp_path, TELEGRAM_BOT_TOKEN=tg.TOKEN,
                BRIEFING_KNOWLEDGE_DIR=str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "knowledge base unusable" in done.stderr
