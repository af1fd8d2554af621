"""A small fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

It serves `/bot<token>/<method>` like the real API: getMe, getUpdates (offsets, limit and a
long-poll timeout honoured with a condition variable), sendMessage, editMessageText,
answerCallbackQuery, answerInlineQuery, setMyCommands, deleteWebhook, setWebhook, getChat,
getChatMember, and a generic `true` for any other method. Every call is recorded thread-safely.

Tests enqueue updates, wait for the calls the bot makes, and can inject faults per method and
chat (`fail`): HTTP errors with Telegram's JSON body (429 with retry_after, 403, 400 "chat not
found", migrate_to_chat_id, 5xx) and delays.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import select
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.telegram_helpers import BOT_USER, TOKEN, Call, chat_member, full_chat, message_result

# Parameters that are strings even when they look like JSON numbers ("text": "42").
TEXT_PARAMS = frozenset({
    "text", "query", "caption", "description", "title", "start_parameter", "url",
    "callback_query_id", "inline_query_id", "secret_token", "next_offset", "language_code",
    "message_text",
})


def _pending(connection: socket.socket) -> bool:
    """Has the peer sent anything on `connection` that is not read yet?"""
    try:
        readable, _, _ = select.select([connection], [], [], 0)
    except (OSError, ValueError):
        return False
    return bool(readable)


class _Server(ThreadingHTTPServer):
    """Quiet about clients that hang up (a bot stopping during a long poll); accepting as many
    connections at once as a bot opens (socketserver's default backlog of 5 would hold a burst
    of requests in the kernel's queue for a second, which Telegram never does)."""

    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


# `_handle`'s status for a call whose connection is closed without an answer.
DROPPED = 0


@dataclass
class Fault:
    """A planned failure (or delay) for calls of one method, optionally to one chat."""

    method: str
    chat_id: int | str | None = None
    times: int = 1
    status: int | None = 400
    description: str = "Bad Request"
    parameters: dict[str, Any] | None = None
    delay: float = 0.0
    # Read the request (it is recorded: Telegram may have acted on it), then close the
    # connection without answering, as a connection dropped while a reply is on the wire.
    drop: bool = False

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if self.times <= 0 or method != self.method:
            return False
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    chats: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)


class FakeBotAPI:
    """The server; use as a context manager or call start() and stop()."""

    def __init__(self, token: str = TOKEN, bot_user: dict[str, Any] | None = None) -> None:
        self.token = token
        self.bot_user = bot_user or BOT_USER
        self._state = _State()
        self._lock = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._stopping = False
        self._down = False
        self._connections: dict[socket.socket, bool] = {}  # open connection -> busy
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # ----------------------------------------------------------------------- lifecycle

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----------------------------------------------------------------------- test API

    def go_down(self, seconds: float) -> None:
        """Be unreachable for `seconds`: connections are refused, then served again.

        The listening socket is closed and idle keep-alive connections are shut; a request in
        progress is answered first (then its connection is closed), so nothing is cut mid-way:
        what the bot sees is a refused connection, as when the API host is down.
        """
        port = self.port
        with self._lock:
            self._down = True
            self._lock.notify_all()  # long polls return at once
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for connection, busy in list(self._connections.items()):
                # A connection whose next request has already arrived (unread yet: readable)
                # is busy too: cutting it would lose a request the bot sent before the host
                # went down, which a refused connection never does.
                if not busy and not _pending(connection):
                    with contextlib.suppress(OSError):
                        connection.shutdown(socket.SHUT_RDWR)

        def come_back() -> None:
            time.sleep(seconds)
            server = _Server(("127.0.0.1", port), self._handler_class())
            server.daemon_threads = True
            self._server = server
            with self._lock:
                self._down = False
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            self._thread.start()

        threading.Thread(target=come_back, daemon=True).start()

    def enqueue(self, update: dict[str, Any], update_id: int | None = None,
                again: bool = False) -> int:
        """Queue an update for getUpdates; its update_id is assigned in order unless given.

        `again` hands an update over once more even though the bot's offset confirmed it, as
        Telegram does when a confirmation was lost (a crash between fetching and the next poll).
        """
        with self._lock:
            update = dict(update)
            if again:
                update["_again"] = True
            update["update_id"] = next(self._update_ids) if update_id is None else update_id
            self._state.updates.append(update)
            self._lock.notify_all()
            return int(update["update_id"])

    def pending_updates(self) -> int:
        """Updates not yet confirmed by a later getUpdates offset."""
        with self._lock:
            return len(self._state.updates)

    def fail(
        self,
        method: str,
        chat_id: int | str | None = None,
        times: int = 1,
        status: int | None = 400,
        description: str = "Bad Request",
        parameters: dict[str, Any] | None = None,
        delay: float = 0.0,
        drop: bool = False,
    ) -> Fault:
        """Make the next `times` calls of `method` (to `chat_id`, if given) fail or wait.

        `status=None` with a `delay` only slows the call down; `drop=True` reads the call and
        closes the connection without an answer (the client cannot tell whether it was
        acted on). Examples:
        `fail("sendMessage", status=429, description="Too Many Requests: retry after 1",
        parameters={"retry_after": 1})`, `fail("sendMessage", chat_id=5, status=403,
        description="Forbidden: bot was blocked by the user")`, `fail("sendMessage",
        status=400, description="Bad Request: group chat was upgraded to a supergroup chat",
        parameters={"migrate_to_chat_id": -100123})`.
        """
        fault = Fault(method, chat_id, times, status, description, parameters, delay, drop)
        with self._lock:
            self._state.faults.append(fault)
        return fault

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Make getChat know a chat (by its id, and by @username if it has one)."""
        with self._lock:
            self._state.chats[str(chat["id"])] = full_chat(chat)
            if chat.get("username"):
                self._state.chats["@" + str(chat["username"]).lower()] = full_chat(chat)

    def set_member(self, chat_id: int, user: dict[str, Any], status: str,
                   **rights: bool) -> None:
        """What getChatMember answers for this user in this chat (default: a plain member)."""
        with self._lock:
            self._state.members[(str(chat_id), str(user["id"]))] = chat_member(
                user, status, **rights)

    def calls(self, method: str | None = None) -> list[Call]:
        """Calls so far, optionally only of one method, in order."""
        with self._lock:
            return [c for c in self._state.calls if method is None or c.method == method]

    def wait_for(
        self,
        method: str,
        where: Callable[[Call], bool] | None = None,
        count: int = 1,
        timeout: float = 10.0,
        after: int = 0,
    ) -> list[Call]:
        """Wait for `count` calls of `method` (matching `where`, from call index `after`)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [
                    c for c in self._state.calls[after:]
                    if c.method == method and (where is None or where(c))
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self._state.calls[after:]]
                    raise AssertionError(
                        f"timed out waiting for {count} {method} call(s); saw {seen}"
                    )
                self._lock.wait(min(left, 0.05))

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no request is being answered (a delayed answer has gone out)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while any(self._connections.values()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("timed out waiting for the server to be idle")
                self._lock.wait(min(left, 0.05))

    def rejected(self) -> list[str]:
        """Methods called with a token other than the server's, refused with 404."""
        with self._lock:
            return list(self._state.rejected)

    def mark(self) -> int:
        """The number of calls so far, to wait only for calls made after this point."""
        with self._lock:
            return len(self._state.calls)

    # ----------------------------------------------------------------------- serving

    def _handle(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            # Telegram answers an unknown token with 404; keep only the method (no token).
            with self._lock:
                self._state.rejected.append(path.rsplit("/", 1)[-1])
                self._lock.notify_all()
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method = path[len(prefix):]
        with self._lock:
            self._state.calls.append(Call(method, params, time.monotonic()))
            self._lock.notify_all()
            fault = next((f for f in self._state.faults if f.matches(method, params)), None)
            if fault is not None:
                fault.times -= 1
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.drop:
                return DROPPED, {}
            if fault.status is not None:
                body: dict[str, Any] = {
                    "ok": False, "error_code": fault.status, "description": fault.description,
                }
                if fault.parameters:
                    body["parameters"] = fault.parameters
                return fault.status, body
        return 200, {"ok": True, "result": self._result(method, params)}

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return self.bot_user
        if method == "getUpdates":
            return self._get_updates(params)
        if method in ("sendMessage", "editMessageText"):
            return message_result(params, next(self._message_ids))
        if method == "getChat":
            key = str(params.get("chat_id"))
            with self._lock:
                chat = self._state.chats.get(key.lower() if key.startswith("@") else key)
            return chat or full_chat(message_result(params, 0)["chat"])
        if method == "getChatMember":
            user = {"id": int(params.get("user_id", 1)), "is_bot": False, "first_name": "Member"}
            with self._lock:
                found = self._state.members.get((str(params.get("chat_id")), str(user["id"])))
            return found or chat_member(user)
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                # An offset confirms every update before it: they are never sent again.
                self._state.updates = [
                    u for u in self._state.updates if u["update_id"] >= offset or u.get("_again")
                ]
                if self._down:
                    return []
                if self._state.updates or self._stopping:
                    batch = self._state.updates[:limit]
                    for update in batch:
                        update.pop("_again", None)  # handed over again once; then as usual
                    return [dict(u) for u in batch]
                left = deadline - time.monotonic()
                if left <= 0:
                    return []
                self._lock.wait(left)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with api._lock:
                    api._connections[self.connection] = False
                # Headers and body go out as two writes; without this, Nagle's algorithm holds
                # the body back until the client's delayed ACK, some 40 ms per call.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:
                self._serve()

            def do_POST(self) -> None:
                self._serve()

            def finish(self) -> None:
                with api._lock:
                    api._connections.pop(self.connection, None)
                super().finish()

            def parse_request(self) -> bool:
                # Busy from the moment a request's first line is read, not only once it is
                # being answered.
                with api._lock:
                    api._connections[self.connection] = True
                return super().parse_request()

            def _serve(self) -> None:
                with api._lock:
                    api._connections[self.connection] = True
                try:
                    self._answer()
                finally:
                    with api._lock:
                        api._connections[self.connection] = False
                        api._lock.notify_all()
                        if api._down:
                            self.close_connection = True

            def _answer(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if len(raw) < length:
                    # The client went away mid-upload (a killed bot): Telegram would never
                    # see such a request, so it is not recorded either.
                    self.close_connection = True
                    return
                params = _parse_params(
                    parts.query, raw, self.headers.get("Content-Type") or ""
                )
                status, body = api._handle(parts.path, params)
                if status == DROPPED:
                    self.close_connection = True  # no answer at all: the line went dead
                    return
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return None  # quiet: the URL holds the token

        return Handler


def _parse_params(query: str, raw: bytes, content_type: str) -> dict[str, Any]:
    """Bot API parameters from a query string, a form body or a JSON body."""
    if content_type.startswith("application/json") and raw:
        loaded = json.loads(raw)
        return dict(loaded) if isinstance(loaded, dict) else {}
    pairs = parse_qs(query, keep_blank_values=True)
    if raw and not content_type.startswith("multipart/"):
        for key, values in parse_qs(raw.decode("utf-8"), keep_blank_values=True).items():
            pairs[key] = values
    params: dict[str, Any] = {}
    for key, values in pairs.items():
        value = values[-1]
        params[key] = value if key in TEXT_PARAMS else _json_or_text(value)
    return params


def _json_or_text(value: str) -> Any:
    # PTB sends every non-string parameter JSON-encoded and strings as they are.
    try:
        return json.loads(value)
    except ValueError:
        return value


@contextmanager
def running(**kwargs: Any) -> Iterator[FakeBotAPI]:
    """`with running() as api:` a started server, stopped afterwards."""
    api = FakeBotAPI(**kwargs).start()
    try:
        yield api
    finally:
        api.stop()
