"""SQLite storage: schema versions, persistence, delivery bookkeeping, quote rotation."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.infra.store import MIGRATIONS, StorageError, Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.in_directory(tmp_path)


def test_schema_is_versioned_and_in_wal_mode(store: Store, tmp_path: Path) -> None:
    assert store.schema_version == len(MIGRATIONS)
    raw = sqlite3.connect(store.path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"subscriptions", "broadcasts", "deliveries", "quote_rotation"} <= tables


def test_migration_is_idempotent_and_refuses_newer_files(store: Store) -> None:
    store.migrate()
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    raw = sqlite3.connect(store.path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(RuntimeError, match="newer than this program"):
        Store(store.path)


def test_subscriptions_persist_across_reopen(store: Store) -> None:
    assert store.subscribe(-100, "supergroup", "Readers", None, 1)
    assert not store.subscribe(-100, "supergroup", "Readers renamed", None, 1)
    assert store.subscribe(-200, "channel", "News", "news", 1)
    store.close()
    again = Store(store.path)
    assert sorted(s.chat_id for s in again.subscriptions()) == [-200, -100]
    assert again.subscription(-100).title == "Readers renamed"  # type: ignore[union-attr]
    assert again.unsubscribe(-100, "removed")
    assert not again.unsubscribe(-100)
    assert [s.chat_id for s in again.subscriptions()] == [-200]
    assert again.subscription(-100).note == "removed"  # type: ignore[union-attr]
    assert again.subscribe(-100, "supergroup", "Back", None, 2)


def test_broadcast_records_a_pending_delivery_per_active_chat(store: Store) -> None:
    for chat in (-1, -2, -3):
        store.subscribe(chat, "group", f"g{chat}", None, 1)
    store.unsubscribe(-2)
    broadcast = store.create_broadcast("text", "hello", None, 7, 7)
    assert sorted(store.pending_chats(broadcast.id)) == [-3, -1]
    assert [b.id for b in store.unfinished_broadcasts()] == [broadcast.id]
    store.mark(broadcast.id, -1, "sent", "", 11)
    store.mark(broadcast.id, -3, "sending")
    assert store.pending_chats(broadcast.id) == []
    assert store.recover_interrupted(broadcast.id) == 1
    states = {d.chat_id: d.state for d in store.deliveries(broadcast.id)}
    assert states == {-1: "sent", -3: "uncertain"}
    store.finish(broadcast.id)
    assert store.unfinished_broadcasts() == []


def test_chat_migration_moves_subscription_and_delivery(store: Store) -> None:
    store.subscribe(-5, "group", "Old", None, 1)
    broadcast = store.create_broadcast("text", "x", None, None, None)
    store.migrate_chat(-5, -1005)
    assert store.subscription(-5) is None
    assert store.subscription(-1005).chat_type == "supergroup"  # type: ignore[union-attr]
    assert store.move_delivery(broadcast.id, -5, -1005)
    assert store.pending_chats(broadcast.id) == [-1005]


def test_quote_rotation_never_repeats_before_all_are_sent(store: Store) -> None:
    quotes = ["a", "b", "c", "d"]
    first_cycle = [store.next_quote(quotes) for _ in quotes]
    assert sorted(first_cycle) == quotes
    second_cycle = [store.next_quote(quotes) for _ in quotes]
    assert sorted(second_cycle) == quotes
    # A quote added later is sent within the cycle in progress.
    store.next_quote(quotes)
    assert "e" in [store.next_quote([*quotes, "e"]) for _ in range(4)]


def test_rotation_survives_restart(store: Store) -> None:
    quotes = ["a", "b", "c"]
    sent = [store.next_quote(quotes)]
    store.close()
    again = Store(store.path)
    sent += [again.next_quote(quotes) for _ in range(2)]
    assert sorted(sent) == quotes


# --------------------------------------------------------------------------- a damaged DATA_DIR


def break_text(path: Path, marker: bytes = b"MARKER-TITLE") -> None:
    """Overwrite a stored text in place with bytes that are not UTF-8 (pages stay sound)."""
    raw = path.read_bytes()
    assert marker in raw
    path.write_bytes(raw.replace(marker, b"\xff\xfe\xfd" * (len(marker) // 3)))


def saved(tmp_path: Path) -> Path:
    """A closed store with one subscription whose title is MARKER-TITLE."""
    store = Store.in_directory(tmp_path)
    store.subscribe(-100, "supergroup", "MARKER-TITLE", None, 1)
    store.close()
    return store.path


def test_undecodable_text_is_found_when_opening(tmp_path: Path) -> None:
    path = saved(tmp_path)
    break_text(path)
    with pytest.raises(StorageError) as caught:
        Store(path)
    message = str(caught.value)
    assert message.startswith(f"{path} is corrupt (") and "\n" not in message
    assert message.endswith("move it aside and restore a backup, or delete it to start empty")


def test_damaged_pages_are_found_when_opening(tmp_path: Path) -> None:
    path = saved(tmp_path)
    raw = bytearray(path.read_bytes())
    raw[100:4096 * 2] = bytes(range(256)) * ((4096 * 2 - 100) // 256) + bytes(
        (4096 * 2 - 100) % 256)  # the schema page and the next, overwritten
    path.write_bytes(bytes(raw))
    with pytest.raises(StorageError, match="is corrupt"):
        Store(path)
    path.write_bytes(b"SQLite format 2\x00" + bytes(range(256)) * 40)  # not a database at all
    with pytest.raises(StorageError, match="is corrupt"):
        Store(path)


def test_an_emptied_file_is_a_warning_naming_it_then_starts_empty(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = saved(tmp_path)
    path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="bot.infra.store"):
        store = Store(path)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(path) in warnings[0].getMessage()
    assert "restore a backup" in warnings[0].getMessage()
    assert store.subscriptions() == []
    store.close()
    caplog.clear()
    Store(path).close()  # a fresh, empty store is not warned about
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_directory_at_the_lock_path_is_found_when_opening(tmp_path: Path) -> None:
    path = saved(tmp_path)
    lock = path.with_name(path.name + ".delivery-lock")
    lock.unlink(missing_ok=True)
    lock.mkdir()
    with pytest.raises(StorageError) as caught:
        Store(path)
    assert str(caught.value) == (f"{lock} is a directory, but the delivery lock file belongs "
                                 "there: remove it and start again")


def test_a_database_locked_by_another_program_is_found_when_opening(tmp_path: Path) -> None:
    path = saved(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # an sqlite3 shell or a backup tool in a transaction
    try:
        with pytest.raises(StorageError) as caught:
            Store(path, busy_timeout=0.1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(caught.value).startswith(f"{path} is locked by another program (database is "
                                        "locked): stop whatever holds it")


def test_a_data_dir_that_is_not_writable_is_found_when_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)  # root ignores file modes: a read-only mount
    with pytest.raises(StorageError) as caught:
        Store.in_directory(tmp_path)
    assert str(caught.value) == (f"DATA_DIR {tmp_path} is not writable (Read-only file "
                                 "system): make it writable by this user, or set DATA_DIR to "
                                 "a directory that is")


def test_a_failure_during_use_is_a_storage_error_with_a_short_reason(store: Store) -> None:
    store._db.execute("PRAGMA query_only = 1")  # what a read-only file looks like to SQLite
    with pytest.raises(StorageError) as caught:
        store.subscribe(-100, "supergroup", "Readers", None, 1)
    assert caught.value.reason == ("the database is read-only (attempt to write a readonly "
                                   "database)")
    assert store.subscriptions() == []  # the failed transaction left nothing open
    store._db.execute("PRAGMA query_only = 0")
    assert store.subscribe(-100, "supergroup", "Readers", None, 1)


def test_a_finished_broadcast_is_reported_once(store: Store) -> None:
    store.subscribe(-1, "group", "g", None, 1)
    broadcast = store.create_broadcast("text", "hello", None, 7, 7)
    assert not store.claim_report(broadcast.id)  # not finished yet
    store.mark(broadcast.id, -1, "sent", "", 11)
    assert store.finish(broadcast.id)
    assert store.claim_report(broadcast.id)
    assert not store.claim_report(broadcast.id)
    assert store.counts(broadcast.id) == {"sent": 1}


def test_a_version_2_file_loses_only_the_check_on_kind(tmp_path: Path) -> None:
    """Migration 3 rebuilds `broadcasts` without the CHECK on kind (the registry checks kinds
    now), keeping every row and the deliveries that refer to them."""
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        raw.executescript(script)
    raw.execute("PRAGMA user_version = 2")
    raw.execute("INSERT INTO broadcasts (kind, body, created_at, finished_at, reported_at,"
                " progress_message_id) VALUES ('quote', 'old', 'x', NULL, NULL, 42)")
    raw.execute("INSERT INTO deliveries (broadcast_id, chat_id, state, updated_at)"
                " VALUES (1, -5, 'pending', 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("INSERT INTO broadcasts (kind, body, created_at) VALUES ('new', 'b', 'x')")
    raw.close()
    store = Store(path)
    try:
        assert store.schema_version == len(MIGRATIONS) == 4
        old = store.broadcast(1)
        assert old is not None and (old.kind, old.body, old.progress_message_id) == (
            "quote", "old", 42)
        assert store.pending_chats(1) == [-5]
        store.subscribe(-6, "group", "g", None, 1)
        fresh = store.create_broadcast("a-new-kind", "b", None, None, None)
        assert fresh.id == 2 and fresh.kind == "a-new-kind"
        assert store.pending_chats(2) == [-6]
        with pytest.raises(sqlite3.IntegrityError):  # the reference to broadcasts holds
            store._db.execute("INSERT INTO deliveries (broadcast_id, chat_id, state, updated_at)"
                              " VALUES (99, -7, 'pending', 'x')")
    finally:
        store.close()


def test_a_version_3_file_gains_languages_and_keeps_its_broadcasts(tmp_path: Path) -> None:
    """Migration 4 adds the readers' and groups' languages and a broadcast's other bodies;
    an older broadcast reads as English, its report in English."""
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:3]:
        raw.executescript(script)
    raw.execute("PRAGMA user_version = 3")
    raw.execute("INSERT INTO broadcasts (kind, body, created_at) VALUES ('quote', 'old', 'x')")
    raw.close()
    store = Store(path)
    try:
        assert store.schema_version == len(MIGRATIONS) == 4
        old = store.broadcast(1)
        assert old is not None and old.language == "en" and store.bodies(1) == {}
        assert store.stored_language(1001, None) is None
        store.set_user_language(1001, "tr")
        store.set_chat_language(-5, "en", 1001)
        assert store.stored_language(1001, None) == "tr"
        assert store.stored_language(1001, -5) == "en"  # a group's setting comes first
        store.migrate_chat(-5, -1005)
        assert store.chat_languages() == {-1005: "en"}
        store.subscribe(-1005, "supergroup", "g", None, 1)
        fresh = store.create_broadcast("quote", "in English", None, 1, 1, {"tr": "Türkçe"},
                                       "tr")
        assert fresh.language == "tr" and store.bodies(fresh.id) == {"tr": "Türkçe"}
    finally:
        store.close()
    reopened = Store(path)
    try:
        assert reopened.stored_language(1001, None) == "tr"  # survives a restart
    finally:
        reopened.close()
