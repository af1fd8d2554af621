"""SQLite storage: schema versions, persistence, delivery bookkeeping, quote rotation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, Store


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
