"""The webhook server: Telegram's POSTs go straight into the durable intake.

Built on tornado (python-telegram-bot's webhook dependency) rather than PTB's own server for
three reasons: the secret header is checked before a byte of the body is read, so an
unauthenticated client cannot make the bot buffer a large body; bodies over `MAX_BODY` are
refused early (Telegram's updates are a few kilobytes); and 200 is answered only after the
update is journalled, so an update Telegram counts as delivered is on disk.

| request | answer |
|---|---|
| not POST to the path | 404 / 405 |
| wrong or missing X-Telegram-Bot-Api-Secret-Token | 403, body not read |
| Content-Length over MAX_BODY (or a longer body) | 413 |
| not a JSON update | 400 |
| an update already journalled (Telegram's retry) | 200, not handled again |
| a new update | journalled, then 200 |
"""

from __future__ import annotations

import hmac
import json
import logging
import socket
from typing import Any

import tornado.web
from telegram import Bot, Update
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.infra.intake import Intake

logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def bind(listen: str, port: int) -> list[socket.socket]:
    """Take the port now, before Telegram is told about the webhook; OSError when in use."""
    return bind_sockets(port, address=listen, reuse_port=False)


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    """One POST from Telegram."""

    def initialize(self, intake: Intake, bot: Bot, secret: str) -> None:
        self._intake = intake
        self._bot = bot
        self._secret = secret
        self._chunks: list[bytes] = []
        self._size = 0
        self._refused = False

    def prepare(self) -> None:
        """Headers only: refuse strangers and oversized bodies before reading anything."""
        if self.request.method != "POST":
            return
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            self._refuse(403, "forbidden")
            return
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            self._refuse(413, "too large")

    def data_received(self, chunk: bytes) -> None:
        if self._refused:
            return
        self._size += len(chunk)
        if self._size > MAX_BODY:
            self._refuse(413, "too large")
            return
        self._chunks.append(chunk)

    def _refuse(self, status: int, reason: str) -> None:
        self._refused = True
        self._chunks = []
        self.set_status(status)
        self.finish(reason)
        # The rest of the body is not read: close rather than drain it.
        if self.request.connection is not None and hasattr(self.request.connection, "close"):
            self.request.connection.close()

    async def post(self) -> None:
        if self._refused:
            return
        try:
            data: Any = json.loads(b"".join(self._chunks))
            update = Update.de_json(data, self._bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError):
            update = None
        if update is None:
            self.set_status(400)
            self.finish("not an update")
            return
        self._intake.accept(update, json.dumps(data, ensure_ascii=False))
        self.set_status(200)
        self.finish()

    def log_exception(self, *args: Any) -> None:
        logger.warning("webhook request failed: %s", args[1] if len(args) > 1 else "?")


class WebhookServer:
    """Serves `path` on sockets bound beforehand (see `bind`)."""

    def __init__(self, sockets: list[socket.socket], path: str, intake: Intake, bot: Bot,
                 secret: str) -> None:
        app = tornado.web.Application(
            [(rf"/{path.strip('/')}/?", _UpdateHandler,
              {"intake": intake, "bot": bot, "secret": secret})],
            log_function=lambda handler: None,
        )
        self._server = HTTPServer(app, max_body_size=MAX_BODY + 1,
                                  max_buffer_size=MAX_BODY + 64 * 1024, idle_connection_timeout=60)
        self._sockets = sockets

    def start(self) -> None:
        """Accept connections (on the running event loop)."""
        self._server.add_sockets(self._sockets)

    async def stop(self) -> None:
        """Stop accepting; let open requests finish."""
        self._server.stop()
        await self._server.close_all_connections()
