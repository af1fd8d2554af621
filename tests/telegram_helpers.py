"""Telegram test helpers: a recording BaseRequest, update builders and a harness around the app.

Handler tests feed real `telegram.Update` objects through the real `Application.process_update`;
nothing leaves the process. The builders return plain Bot API dicts, so the end-to-end tests can
serve the same updates from the fake Bot API server.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.ext import Application, ContextTypes
from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USERNAME = "briefing_test_bot"
TOKEN = f"{BOT_ID}:AAFakeTokenForTests_0123456789abcdefXYZ"
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Briefing",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
USER: dict[str, Any] = {"id": 1001, "is_bot": False, "first_name": "Ada", "username": "ada"}
OTHER_USER: dict[str, Any] = {"id": 1002, "is_bot": False, "first_name": "Ben"}
PRIVATE: dict[str, Any] = {"id": USER["id"], "type": "private", "first_name": "Ada"}
GROUP: dict[str, Any] = {"id": -1001234567890, "type": "supergroup", "title": "Policy club"}
CHANNEL: dict[str, Any] = {"id": -1009876543210, "type": "channel", "title": "News",
                           "username": "policy_news"}
# Who posts for an anonymous group administrator, and the id Telegram gives that user.
GROUP_ANONYMOUS_BOT: dict[str, Any] = {"id": 1087968824, "is_bot": True,
                                       "first_name": "Group", "username": "GroupAnonymousBot"}


def chat_member(user: dict[str, Any], status: str = "member", **rights: bool) -> dict[str, Any]:
    """A ChatMember as getChatMember returns it; `rights` override an administrator's flags."""
    if status == "administrator":
        flags = dict.fromkeys((
            "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
            "can_manage_video_chats", "can_restrict_members", "can_promote_members",
            "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
            "can_delete_stories"), False)
        flags.update(can_manage_chat=True, can_post_messages=True)
        flags.update(rights)
        return {"status": status, "user": user, **flags}
    if status == "creator":
        return {"status": status, "user": user, "is_anonymous": False}
    if status == "restricted":
        flags = dict.fromkeys((
            "is_member", "can_change_info", "can_invite_users", "can_pin_messages",
            "can_send_messages", "can_send_polls", "can_send_other_messages",
            "can_add_web_page_previews", "can_manage_topics", "can_send_audios",
            "can_send_documents", "can_send_photos", "can_send_videos", "can_send_video_notes",
            "can_send_voice_notes", "can_edit_tag", "can_react_to_messages"), False)
        flags.update(is_member=True)
        flags.update(rights)
        return {"status": status, "user": user, "until_date": 0, **flags}
    if status == "kicked":
        return {"status": status, "user": user, "until_date": 0}
    return {"status": status, "user": user}


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    """One Bot API call the bot made: the method and its parameters (JSON values)."""

    method: str
    params: dict[str, Any]
    at: float = 0.0  # time.monotonic() when the fake server received it

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    def buttons(self) -> list[dict[str, Any]]:
        """Every inline button of the call's reply_markup, row by row."""
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [b for row in markup.get("inline_keyboard", []) for b in row]


_counter = itertools.count(1)


def message_result(params: dict[str, Any], message_id: int) -> dict[str, Any]:
    """A plausible Message for sendMessage/editMessageText, echoing what was sent."""
    chat_id = params.get("chat_id", PRIVATE["id"])
    chat_id = int(chat_id) if str(chat_id).lstrip("-").isdigit() else chat_id
    if chat_id == GROUP["id"]:
        chat = dict(GROUP)
    elif isinstance(chat_id, int) and chat_id < 0:
        chat = {"id": chat_id, "type": "supergroup", "title": "A group"}
    else:
        chat = {"id": chat_id, "type": "private", "first_name": "Ada"}
    result: dict[str, Any] = {
        "message_id": params.get("message_id", message_id),
        "date": int(time.time()),
        "chat": chat,
        "from": BOT_USER,
        "text": params.get("text", ""),
    }
    if params.get("reply_markup"):
        result["reply_markup"] = params["reply_markup"]
    return result


def full_chat(chat: dict[str, Any]) -> dict[str, Any]:
    """A ChatFullInfo as getChat returns it, for a chat given as in updates."""
    return {"accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": {
        "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
        "premium_subscription": False, "gifts_from_channels": False}, **chat}


class RecordingRequest(BaseRequest):
    """A BaseRequest that answers the Bot API locally and records every call.

    `fail(method, status, description, where)` makes the next call of that method (with
    parameters matching `where`) fail once. getChat and getChatMember answer from `chats` and
    `members` (`add_chat`, `set_member`).
    """

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._message_ids = itertools.count(500)
        self._faults: list[tuple[str, Callable[[dict[str, Any]], bool] | None, int, str]] = []
        # getChatMember answers by (chat id, user id); anyone else is a plain member.
        self.members: dict[tuple[int, int], dict[str, Any]] = {}
        # getChat answers by id and by "@username"; an unknown chat is "chat not found".
        self.chats: dict[int | str, dict[str, Any]] = {}
        # sendMessage to one of these chats waits until its event is set (a slow send).
        self.held: dict[int, asyncio.Event] = {}

    def set_member(self, chat: dict[str, Any], user: dict[str, Any], status: str,
                   **rights: bool) -> None:
        self.members[(int(chat["id"]), int(user["id"]))] = chat_member(user, status, **rights)

    def add_chat(self, chat: dict[str, Any]) -> None:
        full = full_chat(chat)
        self.chats[int(chat["id"])] = full
        if chat.get("username"):
            self.chats["@" + str(chat["username"]).lower()] = full

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def fail(self, method: str, status: int = 400, description: str = "Bad Request",
             where: Callable[[dict[str, Any]], bool] | None = None) -> None:
        """Make the next call of `method` (whose parameters satisfy `where`) fail once."""
        self._faults.append((method, where, status, description))

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(api_method, params, time.monotonic()))
        gate = self.held.get(params.get("chat_id")) if api_method == "sendMessage" else None
        if gate is not None:
            await gate.wait()
        for fault in self._faults:
            method, where, status, description = fault
            if method == api_method and (where is None or where(params)):
                self._faults.remove(fault)
                body = {"ok": False, "error_code": status, "description": description}
                return status, json.dumps(body).encode()
        if api_method == "getChat" and self._chat(params) is None:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            return 400, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    def _chat(self, params: dict[str, Any]) -> dict[str, Any] | None:
        key = params.get("chat_id")
        if isinstance(key, str) and key.startswith("@"):
            return self.chats.get(key.lower())
        return self.chats.get(int(key)) if key is not None else None

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getChatMember":
            key = (int(params["chat_id"]), int(params["user_id"]))
            user = {"id": key[1], "is_bot": False, "first_name": "Someone"}
            return self.members.get(key, chat_member(user))
        if method == "getChat":
            return self._chat(params)
        if method == "getMe":
            return BOT_USER
        if method in ("sendMessage", "editMessageText"):
            return message_result(params, next(self._message_ids))
        if method == "getUpdates":
            return []
        return True


# --------------------------------------------------------------------------- update builders


def _entities(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities, as Telegram would attach them."""
    found = []
    position = 0
    for word in text.split(" "):
        offset = utf16_len(text[:position])
        if word.startswith("/") and position == 0 and len(word) > 1:
            found.append({"type": "bot_command", "offset": 0, "length": utf16_len(word)})
        elif word.startswith("@") and len(word) > 1:
            name = word.rstrip("?!.,:;")
            found.append({"type": "mention", "offset": offset, "length": utf16_len(name)})
        position += len(word) + 1
    return found


def message(
    text: str | None = None,
    chat: dict[str, Any] | None = None,
    sender: dict[str, Any] | None = None,
    reply_to: dict[str, Any] | None = None,
    kind: str = "message",
    **extra: Any,
) -> dict[str, Any]:
    """An update carrying a message (or edited_message / channel_post with `kind`)."""
    chat = chat or PRIVATE
    body: dict[str, Any] = {
        "message_id": next(_counter),
        "date": int(time.time()),
        "chat": chat,
        **extra,
    }
    if chat["type"] != "channel":
        body["from"] = sender or USER
    if text is not None:
        body["text"] = text
        entities = _entities(text)
        if entities:
            body["entities"] = entities
    if reply_to is not None:
        body["reply_to_message"] = reply_to
    if kind == "edited_message":
        body["edit_date"] = int(time.time())
    return {"update_id": next(_counter), kind: body}


def bot_message(text: str = "An earlier answer", chat: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    """A message the bot sent earlier, to reply to."""
    return {
        "message_id": next(_counter),
        "date": int(time.time()),
        "chat": chat or PRIVATE,
        "from": BOT_USER,
        "text": text,
    }


def sticker(chat: dict[str, Any] | None = None) -> dict[str, Any]:
    return message(chat=chat, sticker={
        "file_id": "CAACAgIAAxkBAAI", "file_unique_id": "AgADxx", "type": "regular",
        "width": 512, "height": 512, "is_animated": False, "is_video": False,
    })


def photo(chat: dict[str, Any] | None = None) -> dict[str, Any]:
    return message(chat=chat, photo=[
        {"file_id": "AgACAgIAAxkBAAI", "file_unique_id": "AQADyy", "width": 90, "height": 90},
    ], caption="look at this")


def callback(data: str, on: dict[str, Any] | None = None,
             chat: dict[str, Any] | None = None,
             sender: dict[str, Any] | None = None) -> dict[str, Any]:
    """A button press on a message the bot sent (`on`, or a fresh one), by `sender` (Ada)."""
    return {
        "update_id": next(_counter),
        "callback_query": {
            "id": str(next(_counter)),
            "from": sender or USER,
            "chat_instance": "-123456789",
            "data": data,
            "message": on or bot_message("A list with buttons", chat),
        },
    }


def inline(query: str) -> dict[str, Any]:
    return {
        "update_id": next(_counter),
        "inline_query": {"id": str(next(_counter)), "from": USER, "query": query, "offset": ""},
    }


# --------------------------------------------------------------------------- harness


@dataclass
class Harness:
    """The real Application over a RecordingRequest, with errors re-raised from `feed`."""

    application: Application[Any, Any, Any, Any, Any, Any]
    request: RecordingRequest
    errors: list[BaseException] = field(default_factory=list)

    async def feed(self, data: dict[str, Any]) -> list[Call]:
        """Process one update; the calls it caused. A handler's exception is raised here."""
        start = len(self.request.calls)
        await self.application.process_update(Update.de_json(data, self.application.bot))
        if self.errors:
            raise self.errors.pop(0)
        return self.request.calls[start:]

    async def record_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Error handler for tests: keep the exception so `feed` can raise it."""
        if context.error is not None:
            self.errors.append(context.error)


def sent(calls: list[Call], method: str = "sendMessage") -> list[Call]:
    return [c for c in calls if c.method == method]
