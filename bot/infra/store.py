"""SQLite storage for subscriptions, broadcasts and per-chat delivery state.

One file under DATA_DIR, WAL mode, schema versioned through `PRAGMA user_version` with
forward-only migrations. Every method is synchronous and short; async code uses `AsyncStore`,
which runs them in a worker thread. A lock serialises use of the one connection.

Delivery bookkeeping is what makes broadcasts resumable without double-sending:
a broadcast and one `pending` delivery row per subscribed chat are written in one transaction
before anything is sent; a row becomes `sending` just before its message goes out and `sent`
(or `failed`, `unsubscribed`) when Telegram answers. After a crash, `pending` rows are sent on
the next start; a row left in `sending` may or may not have reached the chat, so it is never
sent again: it is marked `uncertain` and reported.

Whatever goes wrong with the file (corrupt, read-only, locked, a directory where the lock file
belongs) is a `StorageError`: one line naming the file and what to do. Opening the store checks
all of that at start-up, so a damaged file stops the bot there, not in the middle of a command.

Only one process at a time delivers from a DATA_DIR (`DeliveryLock`): `briefing-bot run` and a
`briefing-bot broadcast` started by cron share the file, and a `sending` row is only ever
recovered by the process holding the lock, never while another process is sending it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from bot.infra import notes

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: one process per DATA_DIR is up to you
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

DB_NAME = "briefing-bot.sqlite3"
T = TypeVar("T")

MIGRATIONS: tuple[str, ...] = (
    # 1: subscriptions, broadcasts, deliveries, quote rotation
    """
    CREATE TABLE subscriptions (
        chat_id     INTEGER PRIMARY KEY,
        chat_type   TEXT NOT NULL,
        title       TEXT NOT NULL DEFAULT '',
        username    TEXT,
        added_by    INTEGER,
        added_at    TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1,
        note        TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE broadcasts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        kind            TEXT NOT NULL CHECK (kind IN ('digest', 'quote', 'text')),
        body            TEXT NOT NULL,
        entry_id        TEXT,
        requested_by    INTEGER,
        report_chat_id  INTEGER,
        created_at      TEXT NOT NULL,
        finished_at     TEXT
    );
    CREATE TABLE deliveries (
        broadcast_id  INTEGER NOT NULL REFERENCES broadcasts(id),
        chat_id       INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN
                        ('pending', 'sending', 'sent', 'failed', 'unsubscribed', 'uncertain')),
        detail        TEXT NOT NULL DEFAULT '',
        message_id    INTEGER,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (broadcast_id, chat_id)
    );
    CREATE INDEX deliveries_open ON deliveries (state, broadcast_id);
    CREATE TABLE quote_rotation (
        entry_id  TEXT PRIMARY KEY,
        cycle     INTEGER NOT NULL,
        sent_at   TEXT NOT NULL
    );
    """,
    # 2: a report is sent once (claimed atomically); the admin's progress message to edit
    """
    ALTER TABLE broadcasts ADD COLUMN reported_at TEXT;
    ALTER TABLE broadcasts ADD COLUMN progress_message_id INTEGER;
    UPDATE broadcasts SET reported_at = finished_at WHERE finished_at IS NOT NULL
    """,
    # 3: no CHECK on kind: the kinds are the registry's (handlers.broadcasts.kinds), checked in
    # Python, so a new kind needs no schema change. SQLite cannot drop a constraint: the table
    # is rebuilt (foreign keys are off while migrating, see `migrate`).
    """
    CREATE TABLE broadcasts_new (
        id                   INTEGER PRIMARY KEY AUTOINCREMENT,
        kind                 TEXT NOT NULL,
        body                 TEXT NOT NULL,
        entry_id             TEXT,
        requested_by         INTEGER,
        report_chat_id       INTEGER,
        created_at           TEXT NOT NULL,
        finished_at          TEXT,
        reported_at          TEXT,
        progress_message_id  INTEGER
    );
    INSERT INTO broadcasts_new (id, kind, body, entry_id, requested_by, report_chat_id,
        created_at, finished_at, reported_at, progress_message_id)
        SELECT id, kind, body, entry_id, requested_by, report_chat_id, created_at, finished_at,
        reported_at, progress_message_id FROM broadcasts;
    DROP TABLE broadcasts;
    ALTER TABLE broadcasts_new RENAME TO broadcasts
    """,
    # 4: languages. A reader's choice (/language) and a group's (its administrators'); a
    # broadcast's message in each language (`body` stays the default language's) and the
    # language of whoever started it, for the progress and the report.
    """
    CREATE TABLE user_languages (
        user_id     INTEGER PRIMARY KEY,
        language    TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE chat_languages (
        chat_id     INTEGER PRIMARY KEY,
        language    TEXT NOT NULL,
        set_by      INTEGER,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE broadcast_bodies (
        broadcast_id  INTEGER NOT NULL REFERENCES broadcasts(id),
        language      TEXT NOT NULL,
        body          TEXT NOT NULL,
        PRIMARY KEY (broadcast_id, language)
    );
    ALTER TABLE broadcasts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    """,
)

class StorageError(Exception):
    """The database cannot be used. str() is one line naming the file and what to do;
    `reason` is the short cause (for a chat, where the server's paths do not belong)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _cause(exc: BaseException) -> tuple[str, str]:
    """(kind, SQLite's or the OS's own words) for an error from the database file."""
    detail = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
    if isinstance(exc, UnicodeDecodeError):
        return "corrupt", f"text that is not UTF-8: {detail}"
    name = getattr(exc, "sqlite_errorname", "") or ""
    lowered = detail.lower()
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in lowered or (
            "not a database" in lowered or "could not decode" in lowered):
        return "corrupt", detail
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return "locked", detail
    if name.startswith("SQLITE_READONLY") or "readonly" in lowered or isinstance(
            exc, PermissionError):
        return "read-only", detail
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered:
        return "full", detail
    return "unusable", detail


# The short reason a chat is told, by kind.
_REASONS = {
    "corrupt": "the database is corrupt",
    "locked": "the database is locked by another program",
    "read-only": "the database is read-only",
    "full": "the disk is full",
    "unusable": "the database cannot be used",
}


def storage_error(path: Path, exc: BaseException) -> StorageError:
    """One StorageError for any failure of the database file: what it is and what to do."""
    kind, detail = _cause(exc)
    advice = {
        "corrupt": "move it aside and restore a backup, or delete it to start empty",
        "locked": "stop whatever holds it (an sqlite3 shell, a backup tool) and try again",
        "read-only": f"make DATA_DIR {path.parent} and the files in it writable by this user",
        "full": "free some space on its disk",
        "unusable": f"check DATA_DIR {path.parent}",
    }[kind]
    what = {
        "corrupt": f"{path} is corrupt",
        "locked": f"{path} is locked by another program",
        "read-only": f"{path} is read-only",
        "full": f"the disk holding {path} is full",
        "unusable": f"{path} cannot be used",
    }[kind]
    return StorageError(f"{what} ({detail}): {advice}", f"{_REASONS[kind]} ({detail})")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Subscription:
    """A group, supergroup or channel that receives broadcasts."""

    chat_id: int
    chat_type: str
    title: str
    username: str | None
    added_by: int | None
    added_at: str
    active: bool
    note: str


@dataclass(frozen=True)
class Broadcast:
    """One message sent to every subscribed chat."""

    id: int
    kind: str
    body: str
    entry_id: str | None
    requested_by: int | None
    report_chat_id: int | None
    created_at: str
    finished_at: str | None
    reported_at: str | None = None
    # The "on its way" message in the admin's private chat, edited with the progress.
    progress_message_id: int | None = None
    # The language of whoever started it: the progress message and the report are in it.
    language: str = "en"


@dataclass(frozen=True)
class Delivery:
    """The state of one broadcast in one chat."""

    broadcast_id: int
    chat_id: int
    state: str
    detail: str
    message_id: int | None


class DeliveryLock:
    """An exclusive lock on a file next to the database, held while delivering a broadcast.

    It is an flock, which the kernel drops when the holder exits however it exits (SIGKILL
    included), so a crashed process never keeps it and nothing needs cleaning up.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def check(self) -> None:
        """StorageError unless the lock file can be opened (start-up: fail there, not later)."""
        os.close(self._open())

    def is_free(self) -> bool:
        """Does no one (in this process or another) hold the lock right now? Never waits."""
        if self._fd is not None:
            return False
        fd = self._open()
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return False
                fcntl.flock(fd, fcntl.LOCK_UN)
            return True
        finally:
            os.close(fd)

    def _open(self) -> int:
        if self.path.is_dir():
            raise StorageError(
                f"{self.path} is a directory, but the delivery lock file belongs there: "
                "remove it and start again", "the delivery lock file is a directory")
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageError(
                f"cannot open the delivery lock {self.path} ({exc.strerror or exc}): make "
                f"DATA_DIR {self.path.parent} writable by this user",
                f"the delivery lock cannot be opened ({exc.strerror or exc})") from None

    def acquire(self) -> bool:
        """Take the lock if no one holds it; never waits."""
        if self._fd is not None:
            raise RuntimeError("delivery lock already held by this object")
        fd = self._open()
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Let another delivery (in this process or another) proceed."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


class Store:
    """The bot's persistent state in one SQLite file."""

    def __init__(self, path: str | Path, busy_timeout: float = 5.0) -> None:
        """Open (or create) the file and check it whole; StorageError if it cannot be used."""
        self.path = Path(path)
        self._lock = threading.RLock()
        self.delivery_lock = DeliveryLock(self.path.with_name(self.path.name + ".delivery-lock"))
        self._check_directory()
        self._warn_if_emptied()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from None
        try:
            with self._errors():
                self._db.row_factory = sqlite3.Row
                self._db.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._check_whole()
                self.migrate()
                # A write lock held by another program shows here, not at the first /subscribe.
                with self._transaction():
                    pass
            self.delivery_lock.check()
        except BaseException:
            self._db.close()
            raise

    def _check_directory(self) -> None:
        """DATA_DIR exists (or is made) and this user can create files in it."""
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
            probe = directory / f".{DB_NAME}.write-test-{os.getpid()}"
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            probe.unlink()
        except OSError as exc:
            raise StorageError(
                f"DATA_DIR {directory} is not writable ({exc.strerror or exc}): make it "
                "writable by this user, or set DATA_DIR to a directory that is",
                f"the data directory is not writable ({exc.strerror or exc})") from None
        if self.path.is_dir():
            raise StorageError(f"{self.path} is a directory, not a database: move it aside",
                               "the database is a directory")

    def _warn_if_emptied(self) -> None:
        """A 0-byte file was a database once (or was truncated): say so before starting empty."""
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            emptied = self.path.stat().st_size == 0 and (
                not wal.exists() or wal.stat().st_size == 0)
        except FileNotFoundError:
            return
        if emptied:
            logger.warning("%s is empty (0 bytes): starting with no subscriptions and no "
                           "broadcast history; if it held data, stop the bot and restore a "
                           "backup", self.path)

    def _check_whole(self) -> None:
        """Every page sound (integrity_check) and every stored text readable (every row read),
        so corruption stops the start-up instead of a command or a broadcast later."""
        problems = [r[0] for r in self._db.execute("PRAGMA integrity_check(5)").fetchall()]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError(f"database disk image is malformed: {problems[0]}")
        tables = [r[0] for r in self._db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        for table in tables:
            cursor = self._db.execute(f'SELECT * FROM "{table}"')
            while cursor.fetchmany(500):
                pass

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Any failure of the file becomes one StorageError naming it."""
        try:
            yield
        except StorageError:
            raise
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise storage_error(self.path, exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            yield self._db

    @classmethod
    def in_directory(cls, directory: str | Path, busy_timeout: float = 5.0) -> Store:
        """The store in DATA_DIR."""
        return cls(Path(directory) / DB_NAME, busy_timeout)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        """The applied migration count (PRAGMA user_version)."""
        with self._reading() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations this file has not seen, each in its own transaction."""
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.path}: schema version {version} is newer than this program "
                f"({len(MIGRATIONS)}); upgrade briefing-bot"
            )
        if version == len(MIGRATIONS):
            return
        # A migration may rebuild a table others refer to (SQLite's way to change a
        # constraint); foreign keys are checked once each migration is done instead.
        with self._reading() as db:
            db.execute("PRAGMA foreign_keys=OFF")
        try:
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                with self._transaction() as db:
                    for statement in script.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise sqlite3.IntegrityError(f"migration {number} broke a reference")
                    db.execute(f"PRAGMA user_version = {number}")
                logger.debug("storage migrated to schema version %d", number)
        finally:
            with self._reading() as db:
                db.execute("PRAGMA foreign_keys=ON")

    # ------------------------------------------------------------ subscriptions

    def subscribe(self, chat_id: int, chat_type: str, title: str, username: str | None,
                  added_by: int | None) -> bool:
        """Subscribe a chat (again); False when it was already active."""
        with self._transaction() as db:
            row = db.execute("SELECT active FROM subscriptions WHERE chat_id = ?",
                             (chat_id,)).fetchone()
            if row is not None and row["active"]:
                db.execute("UPDATE subscriptions SET title = ?, username = ? WHERE chat_id = ?",
                           (title, username, chat_id))
                return False
            db.execute(
                "INSERT INTO subscriptions (chat_id, chat_type, title, username, added_by,"
                " added_at, active, note) VALUES (?, ?, ?, ?, ?, ?, 1, '')"
                " ON CONFLICT (chat_id) DO UPDATE SET chat_type = excluded.chat_type,"
                " title = excluded.title, username = excluded.username,"
                " added_by = excluded.added_by, added_at = excluded.added_at, active = 1,"
                " note = ''",
                (chat_id, chat_type, title, username, added_by, _now()),
            )
            return True

    def unsubscribe(self, chat_id: int, note: str = "") -> bool:
        """Stop broadcasting to a chat; False when it was not subscribed."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE subscriptions SET active = 0, note = ? WHERE chat_id = ? AND active = 1",
                (note, chat_id),
            )
            return cursor.rowcount > 0

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move its subscription and open deliveries."""
        with self._transaction() as db:
            row = db.execute("SELECT * FROM subscriptions WHERE chat_id = ?",
                             (old_id,)).fetchone()
            if row is not None:
                db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (new_id,))
                db.execute(
                    "UPDATE subscriptions SET chat_id = ?, chat_type = 'supergroup',"
                    " note = ? WHERE chat_id = ?",
                    (new_id, notes.encode("note_migrated", chat=old_id), old_id),
                )
            db.execute("UPDATE OR REPLACE chat_languages SET chat_id = ? WHERE chat_id = ?",
                       (new_id, old_id))

    def subscription(self, chat_id: int) -> Subscription | None:
        """One chat's subscription, active or not."""
        with self._reading() as db:
            row = db.execute("SELECT * FROM subscriptions WHERE chat_id = ?",
                                   (chat_id,)).fetchone()
        return _subscription(row) if row else None

    def subscription_by_username(self, username: str) -> Subscription | None:
        """A subscribed channel or group by its public @username (without the @)."""
        with self._reading() as db:
            row = db.execute(
                "SELECT * FROM subscriptions WHERE lower(username) = lower(?)"
                " ORDER BY active DESC LIMIT 1",
                (username.lstrip("@"),),
            ).fetchone()
        return _subscription(row) if row else None

    def subscriptions(self, active_only: bool = True) -> list[Subscription]:
        """Subscribed chats, oldest first."""
        query = "SELECT * FROM subscriptions"
        if active_only:
            query += " WHERE active = 1"
        with self._reading() as db:
            rows = db.execute(query + " ORDER BY added_at, chat_id").fetchall()
        return [_subscription(r) for r in rows]

    # ------------------------------------------------------------ broadcasts

    def create_broadcast(self, kind: str, body: str, entry_id: str | None,
                         requested_by: int | None, report_chat_id: int | None,
                         bodies: Mapping[str, str] | None = None,
                         language: str = "en") -> Broadcast:
        """Record a broadcast and a pending delivery for every active subscription, atomically.

        `body` is the message in the default language; `bodies` the message in others, by
        language; `language` that of whoever started it (for the progress and the report).
        """
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO broadcasts (kind, body, entry_id, requested_by, report_chat_id,"
                " created_at, language) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind, body, entry_id, requested_by, report_chat_id, _now(), language),
            )
            broadcast_id = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO broadcast_bodies (broadcast_id, language, body) VALUES (?, ?, ?)",
                [(broadcast_id, lang, text) for lang, text in (bodies or {}).items()],
            )
            db.execute(
                "INSERT INTO deliveries (broadcast_id, chat_id, state, updated_at)"
                " SELECT ?, chat_id, 'pending', ? FROM subscriptions WHERE active = 1"
                " ORDER BY added_at, chat_id",
                (broadcast_id, _now()),
            )
        broadcast = self.broadcast(broadcast_id)
        assert broadcast is not None
        return broadcast

    def broadcast(self, broadcast_id: int) -> Broadcast | None:
        """One broadcast."""
        with self._reading() as db:
            row = db.execute("SELECT * FROM broadcasts WHERE id = ?",
                                   (broadcast_id,)).fetchone()
        return Broadcast(**dict(row)) if row else None

    def unfinished_broadcasts(self) -> list[Broadcast]:
        """Broadcasts with deliveries still to make, oldest first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT * FROM broadcasts WHERE finished_at IS NULL ORDER BY id"
            ).fetchall()
        return [Broadcast(**dict(r)) for r in rows]

    def recover_interrupted(self, broadcast_id: int) -> int:
        """Rows left `sending` by a crash may have been delivered: mark them `uncertain`."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE deliveries SET state = 'uncertain', updated_at = ?,"
                " detail = 'interrupted while sending; not repeated to avoid a duplicate'"
                " WHERE broadcast_id = ? AND state = 'sending'",
                (_now(), broadcast_id),
            )
            return cursor.rowcount

    def pending_chats(self, broadcast_id: int) -> list[int]:
        """Chats that still need this broadcast, in subscription order."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT chat_id FROM deliveries WHERE broadcast_id = ? AND state = 'pending'"
                " ORDER BY rowid",
                (broadcast_id,),
            ).fetchall()
        return [int(r["chat_id"]) for r in rows]

    def mark(self, broadcast_id: int, chat_id: int, state: str, detail: str = "",
             message_id: int | None = None) -> None:
        """Record what happened to one delivery (committed before the next send)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE deliveries SET state = ?, detail = ?, message_id = ?, updated_at = ?"
                " WHERE broadcast_id = ? AND chat_id = ?",
                (state, detail, message_id, _now(), broadcast_id, chat_id),
            )

    def move_delivery(self, broadcast_id: int, old_chat: int, new_chat: int) -> bool:
        """Re-address a delivery to a migrated chat; False if the new chat already has one."""
        with self._transaction() as db:
            exists = db.execute(
                "SELECT 1 FROM deliveries WHERE broadcast_id = ? AND chat_id = ?",
                (broadcast_id, new_chat),
            ).fetchone()
            if exists:
                db.execute(
                    "UPDATE deliveries SET state = 'failed', detail = ?, updated_at = ?"
                    " WHERE broadcast_id = ? AND chat_id = ?",
                    (f"migrated to {new_chat}, which already has it", _now(), broadcast_id,
                     old_chat),
                )
                return False
            db.execute(
                "UPDATE deliveries SET chat_id = ?, state = 'pending', detail = ?,"
                " updated_at = ? WHERE broadcast_id = ? AND chat_id = ?",
                (new_chat, notes.encode("note_migrated", chat=old_chat), _now(), broadcast_id,
                 old_chat),
            )
            return True

    def finish(self, broadcast_id: int) -> bool:
        """Close a broadcast if no delivery is open; False (and still open) otherwise."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE broadcasts SET finished_at = ? WHERE id = ? AND finished_at IS NULL"
                " AND NOT EXISTS (SELECT 1 FROM deliveries WHERE broadcast_id = ?"
                " AND state IN ('pending', 'sending'))",
                (_now(), broadcast_id, broadcast_id),
            )
            return cursor.rowcount > 0 or db.execute(
                "SELECT finished_at IS NOT NULL FROM broadcasts WHERE id = ?", (broadcast_id,)
            ).fetchone()[0] == 1

    def claim_report(self, broadcast_id: int) -> bool:
        """Take the one right to report a finished broadcast; False if it was taken already.

        Two processes may both see a broadcast finish (cron's `broadcast` waits for the bot's
        delivery, then finds nothing left): only the one that claims it reports.
        """
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE broadcasts SET reported_at = ? WHERE id = ? AND reported_at IS NULL"
                " AND finished_at IS NOT NULL",
                (_now(), broadcast_id),
            )
            return cursor.rowcount > 0

    def set_progress_message(self, broadcast_id: int, message_id: int) -> None:
        """Remember the admin's "on its way" message, so whoever delivers can update it."""
        with self._transaction() as db:
            db.execute("UPDATE broadcasts SET progress_message_id = ? WHERE id = ?",
                       (message_id, broadcast_id))

    def counts(self, broadcast_id: int) -> dict[str, int]:
        """How many deliveries of a broadcast are in each state (one query, for progress)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT state, count(*) FROM deliveries WHERE broadcast_id = ? GROUP BY state",
                (broadcast_id,),
            ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def deliveries(self, broadcast_id: int) -> list[Delivery]:
        """Every delivery of a broadcast."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT broadcast_id, chat_id, state, detail, message_id FROM deliveries"
                " WHERE broadcast_id = ? ORDER BY rowid",
                (broadcast_id,),
            ).fetchall()
        return [Delivery(**dict(r)) for r in rows]

    def bodies(self, broadcast_id: int) -> dict[str, str]:
        """A broadcast's message in the languages other than the default, by language."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT language, body FROM broadcast_bodies WHERE broadcast_id = ?",
                (broadcast_id,),
            ).fetchall()
        return {str(r["language"]): str(r["body"]) for r in rows}

    # ------------------------------------------------------------ languages

    def stored_language(self, user_id: int | None, chat_id: int | None) -> str | None:
        """The language chosen for a chat (a group's setting), else by the user; None if none.

        Pass `chat_id` only for groups: a private chat's choice is its user's.
        """
        with self._reading() as db:
            if chat_id is not None:
                row = db.execute("SELECT language FROM chat_languages WHERE chat_id = ?",
                                 (chat_id,)).fetchone()
                if row is not None:
                    return str(row["language"])
            if user_id is not None:
                row = db.execute("SELECT language FROM user_languages WHERE user_id = ?",
                                 (user_id,)).fetchone()
                if row is not None:
                    return str(row["language"])
        return None

    def set_user_language(self, user_id: int, language: str) -> None:
        """Remember a reader's /language choice."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO user_languages (user_id, language, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET language = excluded.language,"
                " updated_at = excluded.updated_at",
                (user_id, language, _now()),
            )

    def set_chat_language(self, chat_id: int, language: str, set_by: int | None) -> None:
        """Remember a group's language, set by one of its administrators."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO chat_languages (chat_id, language, set_by, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " language = excluded.language, set_by = excluded.set_by,"
                " updated_at = excluded.updated_at",
                (chat_id, language, set_by, _now()),
            )

    def chat_languages(self) -> dict[int, str]:
        """Every chat's configured language, by chat id (for broadcasts)."""
        with self._reading() as db:
            rows = db.execute("SELECT chat_id, language FROM chat_languages").fetchall()
        return {int(r["chat_id"]): str(r["language"]) for r in rows}

    # ------------------------------------------------------------ quote of the day

    def next_quote(self, candidates: list[str]) -> str:
        """The next quote in rotation: none repeats before every candidate has been sent."""
        if not candidates:
            raise ValueError("no quotes to rotate through")
        with self._transaction() as db:
            rows = db.execute("SELECT entry_id, cycle FROM quote_rotation").fetchall()
            sent = {r["entry_id"]: int(r["cycle"]) for r in rows}
            cycle = max(sent.values(), default=0)
            unsent = [c for c in candidates if sent.get(c, 0) < cycle]
            if not unsent:
                cycle += 1
                unsent = [c for c in candidates if sent.get(c, 0) < cycle]
            choice = unsent[0]
            db.execute(
                "INSERT INTO quote_rotation (entry_id, cycle, sent_at) VALUES (?, ?, ?)"
                " ON CONFLICT (entry_id) DO UPDATE SET cycle = excluded.cycle,"
                " sent_at = excluded.sent_at",
                (choice, cycle, _now()),
            )
            return choice


def _subscription(row: sqlite3.Row) -> Subscription:
    data = dict(row)
    data["active"] = bool(data["active"])
    return Subscription(**data)


class AsyncStore:
    """The store for async code: each method runs the `Store` method of the same name in a
    worker thread, so the event loop keeps serving updates while SQLite works.

    Every handler, job and the deliverer use this one facade instead of `asyncio.to_thread` at
    each call site; `sync` is the Store itself, for start-up, shutdown and tests.
    """

    def __init__(self, store: Store) -> None:
        self.sync = store

    @property
    def delivery_lock(self) -> DeliveryLock:
        """The DATA_DIR's delivery lock (never waits, so it is not run in a thread)."""
        return self.sync.delivery_lock

    def close(self) -> None:
        """Close the connection (at shutdown, when nothing uses it any more)."""
        self.sync.close()

    async def _run(self, function: Callable[..., T], *args: object) -> T:
        return await asyncio.to_thread(function, *args)

    async def subscribe(self, chat_id: int, chat_type: str, title: str, username: str | None,
                        added_by: int | None) -> bool:
        """`Store.subscribe`."""
        return await self._run(self.sync.subscribe, chat_id, chat_type, title, username,
                               added_by)

    async def unsubscribe(self, chat_id: int, note: str = "") -> bool:
        """`Store.unsubscribe`."""
        return await self._run(self.sync.unsubscribe, chat_id, note)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """`Store.migrate_chat`."""
        await self._run(self.sync.migrate_chat, old_id, new_id)

    async def subscription(self, chat_id: int) -> Subscription | None:
        """`Store.subscription`."""
        return await self._run(self.sync.subscription, chat_id)

    async def subscription_by_username(self, username: str) -> Subscription | None:
        """`Store.subscription_by_username`."""
        return await self._run(self.sync.subscription_by_username, username)

    async def subscriptions(self, active_only: bool = True) -> list[Subscription]:
        """`Store.subscriptions`."""
        return await self._run(self.sync.subscriptions, active_only)

    async def create_broadcast(self, kind: str, body: str, entry_id: str | None,
                               requested_by: int | None, report_chat_id: int | None,
                               bodies: Mapping[str, str] | None = None,
                               language: str = "en") -> Broadcast:
        """`Store.create_broadcast`."""
        return await self._run(self.sync.create_broadcast, kind, body, entry_id, requested_by,
                               report_chat_id, bodies, language)

    async def bodies(self, broadcast_id: int) -> dict[str, str]:
        """`Store.bodies`."""
        return await self._run(self.sync.bodies, broadcast_id)

    async def stored_language(self, user_id: int | None, chat_id: int | None) -> str | None:
        """`Store.stored_language`."""
        return await self._run(self.sync.stored_language, user_id, chat_id)

    async def set_user_language(self, user_id: int, language: str) -> None:
        """`Store.set_user_language`."""
        await self._run(self.sync.set_user_language, user_id, language)

    async def set_chat_language(self, chat_id: int, language: str, set_by: int | None) -> None:
        """`Store.set_chat_language`."""
        await self._run(self.sync.set_chat_language, chat_id, language, set_by)

    async def chat_languages(self) -> dict[int, str]:
        """`Store.chat_languages`."""
        return await self._run(self.sync.chat_languages)

    async def unfinished_broadcasts(self) -> list[Broadcast]:
        """`Store.unfinished_broadcasts`."""
        return await self._run(self.sync.unfinished_broadcasts)

    async def recover_interrupted(self, broadcast_id: int) -> int:
        """`Store.recover_interrupted`."""
        return await self._run(self.sync.recover_interrupted, broadcast_id)

    async def pending_chats(self, broadcast_id: int) -> list[int]:
        """`Store.pending_chats`."""
        return await self._run(self.sync.pending_chats, broadcast_id)

    async def mark(self, broadcast_id: int, chat_id: int, state: str, detail: str = "",
                   message_id: int | None = None) -> None:
        """`Store.mark`."""
        await self._run(self.sync.mark, broadcast_id, chat_id, state, detail, message_id)

    async def move_delivery(self, broadcast_id: int, old_chat: int, new_chat: int) -> bool:
        """`Store.move_delivery`."""
        return await self._run(self.sync.move_delivery, broadcast_id, old_chat, new_chat)

    async def finish(self, broadcast_id: int) -> bool:
        """`Store.finish`."""
        return await self._run(self.sync.finish, broadcast_id)

    async def claim_report(self, broadcast_id: int) -> bool:
        """`Store.claim_report`."""
        return await self._run(self.sync.claim_report, broadcast_id)

    async def set_progress_message(self, broadcast_id: int, message_id: int) -> None:
        """`Store.set_progress_message`."""
        await self._run(self.sync.set_progress_message, broadcast_id, message_id)

    async def counts(self, broadcast_id: int) -> dict[str, int]:
        """`Store.counts`."""
        return await self._run(self.sync.counts, broadcast_id)

    async def deliveries(self, broadcast_id: int) -> list[Delivery]:
        """`Store.deliveries`."""
        return await self._run(self.sync.deliveries, broadcast_id)

    async def next_quote(self, candidates: list[str]) -> str:
        """`Store.next_quote`."""
        return await self._run(self.sync.next_quote, candidates)

    async def delivery_lock_is_free(self) -> bool:
        """`DeliveryLock.is_free`, which opens a file: in a thread like the rest."""
        return await self._run(self.sync.delivery_lock.is_free)
