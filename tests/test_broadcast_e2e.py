"""Broadcasts end to end: real `briefing-bot run` and `briefing-bot broadcast` processes against
the fake Bot API, sharing one DATA_DIR: persistence across restarts, crashes and resumption,
faults, and the command line's output and exit codes.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.infra.store import Store
from bot.present import texts
from tests import telegram_helpers as tg
from tests import test_e2e
from tests.fake_bot_api import FakeBotAPI
from tests.test_e2e import _environment

# The end-to-end fixtures: the fake server, and `briefing-bot run` with DATA_DIR in tmp_path.
start_bot = test_e2e.start_bot

ADMIN = {"id": 4001, "is_bot": False, "first_name": "Root"}
ADMIN_CHAT = {"id": 4001, "type": "private", "first_name": "Root"}


def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"  # the one start_bot gives `briefing-bot run` too


def subscribe(tmp_path: Path, count: int) -> list[int]:
    """`count` subscribed groups, in the order broadcasts reach them."""
    chats = [-100500 - i for i in range(count)]
    store = Store.in_directory(data_dir(tmp_path))
    try:
        for chat_id in chats:
            store.subscribe(chat_id, "supergroup", f"Group {chat_id}", None, 1)
        # Oldest first, then by id: the store's own order. Not `sorted(chats)`, which assumed
        # all six were added in the same second (CI once crossed a second between the third
        # and the fourth, and the "first three" sent were others).
        return [s.chat_id for s in store.subscriptions()]
    finally:
        store.close()


def states(tmp_path: Path, broadcast_id: int = 1) -> dict[int, str]:
    store = Store.in_directory(data_dir(tmp_path))
    try:
        return {d.chat_id: d.state for d in store.deliveries(broadcast_id)}
    finally:
        store.close()


def eventually(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait (in short steps) until `condition` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def received(api: FakeBotAPI, text: str) -> list[int]:
    return [int(c.params["chat_id"]) for c in api.calls("sendMessage") if c.text == text]


def broadcast_env(tmp_path: Path, api: FakeBotAPI, **env: str) -> dict[str, str]:
    return _environment(**{
        "TELEGRAM_BOT_TOKEN": tg.TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
        "DATA_DIR": str(data_dir(tmp_path)), "LOG_LEVEL": "INFO", **env,
    })


def start_broadcast(tmp_path: Path, api: FakeBotAPI, *args: str,
                    **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "broadcast", *args], cwd=tmp_path,
        env=broadcast_env(tmp_path, api, **env), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run_broadcast(tmp_path: Path, api: FakeBotAPI, *args: str,
                  **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "broadcast", *args], cwd=tmp_path,
        env=broadcast_env(tmp_path, api, **env), capture_output=True, text=True, timeout=60,
        stdin=subprocess.DEVNULL,
    )


# --------------------------------------------------------------------------- restarts


def test_subscriptions_survive_a_restart_and_cron_broadcasts_beside_the_bot(
    tmp_path: Path, api: FakeBotAPI, start_bot
) -> None:
    api.set_member(tg.GROUP["id"], tg.USER, "administrator")
    bot = start_bot(ADMIN_USER_IDS=str(ADMIN["id"]))
    api.wait_for("getUpdates")
    mark = api.mark()
    api.enqueue(tg.message("/subscribe", chat=tg.GROUP))
    reply = api.wait_for("sendMessage", after=mark)[0]
    assert reply.text == texts.text("subscribed_here")
    assert reply.params["chat_id"] == tg.GROUP["id"]
    assert bot.stop() == 0

    again = start_bot(ADMIN_USER_IDS=str(ADMIN["id"]))
    api.wait_for("getUpdates", after=mark + 2)
    mark = api.mark()
    api.enqueue(tg.message("/subscriptions", chat=ADMIN_CHAT, sender=ADMIN))
    listing = api.wait_for("sendMessage", after=mark)[0]
    assert f"<b>Policy club</b> — supergroup <code>{tg.GROUP['id']}</code>: active" in (
        listing.text)

    # cron's `briefing-bot broadcast` while the bot runs, on the same DATA_DIR.
    done = run_broadcast(tmp_path, api, "digest")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == ["Broadcast #1: the report", "  Sent: 1"]
    digests = [c for c in api.calls("sendMessage") if c.text.startswith("<b>Briefing digest")]
    assert [c.params["chat_id"] for c in digests] == [tg.GROUP["id"]]
    # The operator's progress and report in Turkish; the group still gets its own language.
    turkish = run_broadcast(tmp_path, api, "quote", "--lang", "tr")
    assert turkish.returncode == 0, turkish.stderr
    assert turkish.stdout.splitlines()[:2] == [texts.text("report_heading", "tr", id=2),
                                               "  " + texts.text("report_sent", "tr", count=1)]
    assert texts.text("progress_line", "tr", id=2, done=1, total=1, sent=1, failed=0) in (
        turkish.stderr)
    assert api.calls("sendMessage")[-1].text.startswith(
        f"<b>{texts.text('quote_of_the_day', 'en')}</b>")

    # Kicked from the group: Telegram says so only to a bot that asks for my_chat_member.
    assert "my_chat_member" in api.calls("getUpdates")[-1].params["allowed_updates"]
    api.enqueue({"my_chat_member": {
        "chat": tg.GROUP, "from": tg.USER, "date": 1,
        "old_chat_member": tg.chat_member(tg.BOT_USER, "member"),
        "new_chat_member": tg.chat_member(tg.BOT_USER, "kicked")}})
    mark = api.mark()
    api.enqueue(tg.message("/subscriptions", chat=ADMIN_CHAT, sender=ADMIN))
    listing = api.wait_for("sendMessage", after=mark)[0]
    assert "unsubscribed (I was removed from the chat (kicked))" in listing.text
    assert again.stop() == 0
    assert tg.TOKEN.split(":")[1] not in again.stderr() + done.stderr + done.stdout


# --------------------------------------------------------------------------- crashes


def test_a_killed_broadcast_resumes_with_exactly_the_remaining_chats(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    chats = subscribe(tmp_path, 8)
    # Three a second, one at a time, so the kill falls between two sends.
    process = start_broadcast(tmp_path, api, "--text", "Crash test",
                              RATE_LIMIT_OVERALL_MESSAGES="3", RATE_LIMIT_OVERALL_SECONDS="1")
    try:
        api.wait_for("sendMessage", count=3, timeout=20)
    finally:
        process.kill()
        process.communicate(timeout=10)
    first = received(api, "Crash test")
    assert first == chats[:len(first)] and 3 <= len(first) < len(chats)

    done = run_broadcast(tmp_path, api, "--resume-only")
    assert done.returncode == 0, done.stderr
    everything = received(api, "Crash test")
    second = everything[len(first):]
    final = states(tmp_path)
    uncertain = [c for c, state in final.items() if state == "uncertain"]
    # Never twice; a chat is either sent or, if it was on the wire at the kill, uncertain.
    assert max(Counter(everything).values()) == 1
    assert set(final.values()) <= {"sent", "uncertain"} and len(uncertain) <= 1
    assert second == [c for c in chats if c not in first and c not in uncertain]
    if not uncertain:
        assert len(second) == len(chats) - len(first)
    assert "Broadcast #1: the report" in done.stdout
    assert f"Sent: {len(chats) - len(uncertain)}" in done.stdout


def test_a_send_hanging_at_the_kill_is_uncertain_and_run_finishes_the_rest(
    tmp_path: Path, api: FakeBotAPI, start_bot
) -> None:
    chats = subscribe(tmp_path, 6)
    hanging = chats[2]
    api.fail("sendMessage", chat_id=hanging, status=None, delay=3.0)  # Telegram is slow here
    process = start_broadcast(tmp_path, api, "--text", "Deterministic")
    try:
        api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == hanging)
    finally:
        process.kill()
        process.communicate(timeout=10)
    assert received(api, "Deterministic") == chats[:3]

    bot = start_bot()  # `briefing-bot run` finishes interrupted broadcasts at start-up
    api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == chats[-1], timeout=15)
    assert bot.stop() == 0
    assert received(api, "Deterministic") == chats  # each exactly once: the hung one not again
    assert states(tmp_path) == {**dict.fromkeys(chats, "sent"), hanging: "uncertain"}
    assert "interrupted mid-send" in bot.stderr()


def test_a_stop_signal_pauses_between_chats_and_nothing_is_lost(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    chats = subscribe(tmp_path, 6)
    process = start_broadcast(tmp_path, api, "--text", "Polite stop",
                              RATE_LIMIT_OVERALL_MESSAGES="2", RATE_LIMIT_OVERALL_SECONDS="1")
    api.wait_for("sendMessage", count=2, timeout=20)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 1, err
    assert texts.text("report_paused") in out
    first = received(api, "Polite stop")
    assert 2 <= len(first) < len(chats)
    assert set(states(tmp_path).values()) == {"sent", "pending"}  # nothing left in doubt

    done = run_broadcast(tmp_path, api, "--resume-only")
    assert done.returncode == 0, done.stderr
    assert received(api, "Polite stop") == chats
    assert set(states(tmp_path).values()) == {"sent"}


# --------------------------------------------------------------------------- faults, output


def test_faults_are_reported_on_stdout_and_a_failure_exits_1(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    blocked, muted, upgraded, fine = subscribe(tmp_path, 4)
    api.fail("sendMessage", chat_id=blocked, status=403,
             description="Forbidden: bot was kicked from the supergroup chat")
    api.fail("sendMessage", chat_id=muted, status=400,
             description="Bad Request: not enough rights to send text messages to the chat")
    api.fail("sendMessage", chat_id=upgraded, status=400,
             description="Bad Request: group chat was upgraded to a supergroup chat",
             parameters={"migrate_to_chat_id": -100999})
    done = run_broadcast(tmp_path, api, "quote")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["Broadcast #1: the report", "  Sent: 2"]
    assert "  Failed: 1" in lines
    assert f"    - Group {muted} ({muted}): Not enough rights to send text messages to the " \
        "chat" in lines
    assert f"    - Group {blocked} ({blocked}): Forbidden: bot was kicked from the supergroup " \
        "chat" in lines
    assert f"    - {upgraded} -> Group {upgraded} (-100999)" in lines
    assert sorted(received_all(api)) == sorted([blocked, muted, upgraded, -100999, fine])


def received_all(api: FakeBotAPI) -> list[int]:
    return [int(c.params["chat_id"]) for c in api.calls("sendMessage")]


def test_nothing_to_send_or_resume_is_said_and_exits_0(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    done = run_broadcast(tmp_path, api, "--text", "Hello?")
    assert (done.returncode, done.stdout) == (0, "no chat is subscribed: nothing sent\n")
    done = run_broadcast(tmp_path, api, "--resume-only")
    assert (done.returncode, done.stdout) == (
        0, "nothing to resume: no broadcast was interrupted\n")
    assert api.calls("sendMessage") == []


@pytest.mark.parametrize(("args", "env", "says"), [
    (["digest"], {"TELEGRAM_BOT_TOKEN": ""}, "briefing-bot: TELEGRAM_BOT_TOKEN is not set"),
    (["digest"], {"BROADCAST_TIMEZONE": "Mars/Olympus_Mons"},
     "briefing-bot: BROADCAST_TIMEZONE must be an IANA time-zone name"),
    (["digest"], {"ADMIN_USER_IDS": "ada"}, "briefing-bot: ADMIN_USER_IDS must be"),
    ([], {}, "briefing-bot broadcast: give digest, quote or --text TEXT"),
    (["--resume-only", "digest"], {}, "briefing-bot broadcast: give digest, quote or --text"),
    (["--text", "  "], {}, "briefing-bot broadcast: --text is empty"),
    (["gossip"], {}, "briefing-bot broadcast: argument kind: invalid choice"),
])
def test_configuration_problems_are_one_line_and_exit_2(
    tmp_path: Path, api: FakeBotAPI, args: list[str], env: dict[str, str],
    says: str,
) -> None:
    done = run_broadcast(tmp_path, api, *args, **env)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(says), done.stderr
    assert tg.TOKEN.split(":")[1] not in done.stderr + done.stdout
    assert api.calls() == []


# --------------------------------------------------------------------------- a damaged DATA_DIR


@pytest.mark.parametrize("command", ["broadcast", "run"])
def test_a_corrupt_database_is_one_line_and_exit_2(
    tmp_path: Path, api: FakeBotAPI, command: str
) -> None:
    from tests.test_storage import break_text

    store = Store.in_directory(data_dir(tmp_path))
    store.subscribe(-100, "supergroup", "MARKER-TITLE", None, 1)
    store.close()
    break_text(store.path)  # random bytes in a page: the page is sound, the text is not
    args = ["digest"] if command == "broadcast" else []
    done = subprocess.run(
        [sys.executable, "-m", "bot", command, *args], cwd=tmp_path,
        env=broadcast_env(tmp_path, api), capture_output=True, text=True, timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"briefing-bot: {store.path} is corrupt (")
    assert done.stderr.endswith("move it aside and restore a backup, or delete it to start "
                                "empty\n")
    assert "Traceback" not in done.stderr and api.calls("sendMessage") == []


def test_a_directory_at_the_lock_path_is_one_line_and_exit_2(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    subscribe(tmp_path, 1)
    lock = data_dir(tmp_path) / "briefing-bot.sqlite3.delivery-lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    done = run_broadcast(tmp_path, api, "digest")
    assert (done.returncode, done.stderr) == (
        2, f"briefing-bot: {lock} is a directory, but the delivery lock file belongs there: "
        "remove it and start again\n")
    assert api.calls("sendMessage") == []


# --------------------------------------------------------------------------- two processes


def test_cron_beside_a_delivering_bot_leaves_the_report_to_the_bot(
    tmp_path: Path, api: FakeBotAPI, start_bot
) -> None:
    chats = subscribe(tmp_path, 5)
    bot = start_bot(ADMIN_USER_IDS=str(ADMIN["id"]))
    api.wait_for("getUpdates")
    api.fail("sendMessage", chat_id=chats[2], status=None, delay=2.0)  # the bot is mid-way
    api.enqueue(tg.message("/broadcast Bot news", chat=ADMIN_CHAT, sender=ADMIN))
    api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == chats[2])

    done = run_broadcast(tmp_path, api, "--text", "Cron news")  # waits for the bot's delivery
    assert done.returncode == 0, done.stderr
    assert "Broadcast #1" not in done.stdout  # the bot finished #1: it reports it
    assert done.stdout.startswith("Broadcast #2: the report\n  Sent: 5\n")
    report = api.wait_for("sendMessage", where=lambda c: c.text.startswith(
        "<b>Broadcast #1: the report"))
    assert [c.params["chat_id"] for c in report] == [ADMIN["id"]]
    assert bot.stop() == 0
    reports = [c for c in api.calls("sendMessage") if "the report" in c.text]
    assert [c.text.split("\n")[0] for c in reports] == ["<b>Broadcast #1: the report</b>"]
    assert received(api, "Bot news") == chats and received(api, "Cron news") == chats


def test_a_broadcast_left_by_a_killed_process_is_finished_by_the_live_twin(
    tmp_path: Path, api: FakeBotAPI, start_bot
) -> None:
    chats = subscribe(tmp_path, 8)
    bot = start_bot(BROADCAST_RESUME_SECONDS="0.5")  # 20 s by default
    api.wait_for("getUpdates")
    hanging = chats[2]
    api.fail("sendMessage", chat_id=hanging, status=None, delay=3.0)
    process = start_broadcast(tmp_path, api, "--text", "Orphaned")
    try:
        api.wait_for("sendMessage", where=lambda c: c.params["chat_id"] == hanging)
    finally:
        process.kill()  # SIGKILL while delivering; the twin lives on, never restarted
        process.communicate(timeout=10)
    # The twin may have several sends on the wire at once (the limiter's burst), so the last
    # chat's message is not the last to arrive: wait for all, then check none came twice.
    eventually(lambda: set(received(api, "Orphaned")) == set(chats), timeout=15)
    time.sleep(0.5)  # a repeat, if any, would follow at once
    got = received(api, "Orphaned")
    assert sorted(got) == sorted(chats)  # each once: the hung one is not repeated
    expected = {**dict.fromkeys(chats, "sent"), hanging: "uncertain"}
    eventually(lambda: states(tmp_path) == expected)  # the last answer is being recorded
    assert bot.stop() == 0
    assert "interrupted mid-send" in bot.stderr()


# --------------------------------------------------------------------------- progress


def test_cron_gets_a_progress_line_every_ten_percent(tmp_path: Path, api: FakeBotAPI) -> None:
    subscribe(tmp_path, 20)
    done = run_broadcast(tmp_path, api, "--text", "Progress")  # stderr is a pipe, not a tty
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("broadcast #1: ")]
    assert 2 <= len(lines) <= 11 and "\r" not in done.stderr
    assert lines[0].startswith("broadcast #1: 2 of 20 chat(s) done")
    assert lines[-1] == "broadcast #1: 20 of 20 chat(s) done, 20 sent, 0 failed"
    assert done.stdout.startswith("Broadcast #1: the report\n  Sent: 20\n")  # stdout unchanged


def test_a_database_locked_by_another_program_stops_run_at_start_up(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    import sqlite3

    subscribe(tmp_path, 1)
    path = data_dir(tmp_path) / "briefing-bot.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # an sqlite3 shell left in a transaction
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=broadcast_env(tmp_path, api),
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        )  # the store waits out SQLite's busy timeout (5 s), then gives up
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"briefing-bot: {path} is locked by another program")
    assert api.calls("getUpdates") == []
