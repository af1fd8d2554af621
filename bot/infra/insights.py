"""What readers ask, for the curators: unanswered questions and votes on answers. Nothing leaves
the machine.

One SQLite file in DATA_DIR (`insights.sqlite3`), apart from subscriptions: it is written on
every decline and every vote, and a curator may delete it at any time.

- `asked`: a question the bot declined or answered with low confidence: its text, when, the
  chat type (private, group, inline), the briefing, the top candidate and its score. No user or
  chat id is kept.
- `answers`: each answer that carries 👍/👎 buttons, by a short random key in the buttons' data,
  so that a press finds its answer even after a restart.
- `votes`: one per voter per answer (a second press changes it). The voter is a keyed hash of
  the user id and the answer, not the id: it can only tell that a press comes from the same
  person as an earlier press on the same answer.

Rows older than the retention (INSIGHTS_RETENTION_DAYS, default 90) are pruned.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from knowledge.normalize import content_tokens, fold

logger = logging.getLogger(__name__)

INSIGHTS_NAME = "insights.sqlite3"
RETENTION_DAYS = 90
# Answers whose best score is below this are "answered badly" and recorded like declines.
LOW_SCORE = 0.6
# Questions at least this similar (rapidfuzz token_set_ratio on their content words) group.
SIMILAR = 70.0
EXAMPLES = 5
KEY_BYTES = 6
_SCHEMA = """
CREATE TABLE IF NOT EXISTS asked (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at    REAL NOT NULL,
    text        TEXT NOT NULL,
    chat_type   TEXT NOT NULL,
    briefing    TEXT,
    top_entry   TEXT,
    top_score   REAL,
    declined    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS asked_when ON asked (asked_at);
CREATE TABLE IF NOT EXISTS answers (
    key         TEXT PRIMARY KEY,
    asked_at    REAL NOT NULL,
    question    TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    briefing    TEXT
);
CREATE TABLE IF NOT EXISTS votes (
    answer_key  TEXT NOT NULL REFERENCES answers(key) ON DELETE CASCADE,
    voter       TEXT NOT NULL,
    up          INTEGER NOT NULL,
    voted_at    REAL NOT NULL,
    PRIMARY KEY (answer_key, voter)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

Clock = Callable[[], float]


class InsightsError(Exception):
    """The insights file cannot be used; one line naming it."""


@dataclass(frozen=True)
class Group:
    """Questions asked in different words about the same thing."""

    count: int
    examples: tuple[str, ...]
    nearest: tuple[str, float] | None  # the closest existing entry and its score

    def as_json(self) -> dict[str, object]:
        """The shape `briefing-bot unanswered --json` prints."""
        nearest = None
        if self.nearest is not None:
            nearest = {"id": self.nearest[0], "score": round(self.nearest[1], 3)}
        return {"count": self.count, "examples": list(self.examples), "nearest": nearest}


@dataclass
class EntryVotes:
    """Votes on the answers that led with one entry."""

    entry_id: str
    up: int = 0
    down: int = 0
    questions: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The shape `briefing-bot feedback --json` prints."""
        return {"id": self.entry_id, "up": self.up, "down": self.down,
                "questions": self.questions}


class Insights:
    """The curators' file; every method is short and synchronous (callers use a thread)."""

    def __init__(self, path: Path, retention_days: int = RETENTION_DAYS,
                 clock: Clock = time.time) -> None:
        self.path = path
        self.retention = retention_days * 86400.0
        self._clock = clock
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
            if row is None:
                salt = secrets.token_hex(16)
                self._db.execute("INSERT INTO meta (key, value) VALUES ('salt', ?)", (salt,))
            else:
                salt = str(row[0])
            self._salt = salt.encode()
        except (OSError, sqlite3.Error) as exc:
            raise InsightsError(f"cannot use {path}: {exc} (delete it to start afresh: it "
                                "holds only statistics)") from None

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()

    # ----------------------------------------------------------------- writing

    def record_question(self, text: str, chat_type: str, briefing: str | None,
                        top_entry: str | None, top_score: float | None, declined: bool) -> None:
        """Keep a declined or weakly answered question (no user or chat id)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO asked (asked_at, text, chat_type, briefing, top_entry, top_score,"
                " declined) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self._clock(), " ".join(text.split())[:500], chat_type, briefing, top_entry,
                 top_score, int(declined)),
            )

    def record_answer(self, question: str, entry_id: str, briefing: str | None) -> str:
        """Remember an answer that carries vote buttons; the key for the buttons' data."""
        key = secrets.token_urlsafe(KEY_BYTES)
        with self._lock:
            self._db.execute(
                "INSERT INTO answers (key, asked_at, question, entry_id, briefing)"
                " VALUES (?, ?, ?, ?, ?)",
                (key, self._clock(), " ".join(question.split())[:500], entry_id, briefing),
            )
        return key

    def vote(self, answer_key: str, user_id: int, up: bool) -> str | None:
        """Record a press; the entry voted on, or None when the answer is unknown (pruned)."""
        voter = hmac.new(self._salt, f"{user_id}:{answer_key}".encode(),
                         hashlib.sha256).hexdigest()[:24]
        with self._lock:
            row = self._db.execute("SELECT entry_id FROM answers WHERE key = ?",
                                   (answer_key,)).fetchone()
            if row is None:
                return None
            self._db.execute(
                "INSERT INTO votes (answer_key, voter, up, voted_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (answer_key, voter) DO UPDATE SET up = excluded.up,"
                " voted_at = excluded.voted_at",
                (answer_key, voter, int(up), self._clock()),
            )
            return str(row[0])

    def prune(self) -> int:
        """Forget what is older than the retention; how many rows went."""
        cutoff = self._clock() - self.retention
        with self._lock:
            gone = self._db.execute("DELETE FROM asked WHERE asked_at < ?", (cutoff,)).rowcount
            gone += self._db.execute("DELETE FROM answers WHERE asked_at < ?",
                                     (cutoff,)).rowcount
        return gone

    # ----------------------------------------------------------------- reading

    def unanswered(self, since_days: float | None = None) -> tuple[int, list[Group]]:
        """Recorded questions, grouped by similarity, most frequent first; and their total."""
        query = "SELECT text, top_entry, top_score FROM asked"
        params: tuple[float, ...] = ()
        if since_days is not None:
            query += " WHERE asked_at >= ?"
            params = (self._clock() - since_days * 86400.0,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        return len(rows), group_questions([(str(r[0]), r[1], r[2]) for r in rows])

    def feedback(self) -> list[EntryVotes]:
        """Entries by votes on the answers they led, most 👎 first, with the questions asked."""
        with self._lock:
            rows = self._db.execute(
                "SELECT a.entry_id, a.question, v.up FROM votes v"
                " JOIN answers a ON a.key = v.answer_key ORDER BY v.voted_at"
            ).fetchall()
        by_entry: dict[str, EntryVotes] = {}
        for entry_id, question, up in rows:
            found = by_entry.setdefault(str(entry_id), EntryVotes(str(entry_id)))
            if up:
                found.up += 1
            else:
                found.down += 1
            if question not in found.questions:
                found.questions.append(str(question))
        return sorted(by_entry.values(), key=lambda e: (-e.down, e.up, e.entry_id))


def group_questions(rows: Sequence[tuple[str, str | None, float | None]]) -> list[Group]:
    """Greedy grouping: each question joins the first group whose first question is similar."""
    heads: list[str] = []
    members: list[list[tuple[str, str | None, float | None]]] = []
    for row in rows:
        # Framing words ("what did … say about") are set aside: questions are grouped by what
        # they ask about.
        folded = " ".join(content_tokens(row[0])) or fold(row[0])
        found = process.extractOne(folded, heads, scorer=fuzz.token_set_ratio,
                                   score_cutoff=SIMILAR) if heads else None
        if found is None:
            heads.append(folded)
            members.append([row])
        else:
            members[found[2]].append(row)
    groups = []
    for group in members:
        examples = tuple(dict.fromkeys(text for text, _, _ in group))[:EXAMPLES]
        candidates = Counter(entry for _, entry, _ in group if entry)
        nearest = None
        if candidates:
            entry = candidates.most_common(1)[0][0]
            score = max((s or 0.0) for _, e, s in group if e == entry)
            nearest = (entry, score)
        groups.append(Group(len(group), examples, nearest))
    return sorted(groups, key=lambda g: -g.count)


def open_insights(data_dir: Path, retention_days: int = RETENTION_DAYS) -> Insights:
    """The insights file in DATA_DIR."""
    return Insights(Path(data_dir) / INSIGHTS_NAME, retention_days)


def exists(data_dir: Path) -> bool:
    """Whether anything has been recorded in this DATA_DIR yet."""
    return os.path.exists(Path(data_dir) / INSIGHTS_NAME)


class AsyncInsights:
    """The insights file for handlers: each call runs in a thread, off the event loop."""

    def __init__(self, insights: Insights) -> None:
        self.sync = insights

    async def record_question(self, text: str, chat_type: str, briefing: str | None,
                              nearest: tuple[str, float] | None, declined: bool) -> None:
        """See `Insights.record_question`."""
        entry, score = nearest if nearest else (None, None)
        await asyncio.to_thread(self.sync.record_question, text, chat_type, briefing, entry,
                                score, declined)

    async def record_answer(self, question: str, entry_id: str, briefing: str | None) -> str:
        """See `Insights.record_answer`."""
        return await asyncio.to_thread(self.sync.record_answer, question, entry_id, briefing)

    async def vote(self, answer_key: str, user_id: int, up: bool) -> str | None:
        """See `Insights.vote`."""
        return await asyncio.to_thread(self.sync.vote, answer_key, user_id, up)

    async def unanswered(self, since_days: float | None = None) -> tuple[int, list[Group]]:
        """See `Insights.unanswered`."""
        return await asyncio.to_thread(self.sync.unanswered, since_days)

    async def prune(self) -> int:
        """See `Insights.prune`."""
        return await asyncio.to_thread(self.sync.prune)
