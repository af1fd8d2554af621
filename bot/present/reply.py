"""A reply and how it is sent: the few lines every feature would otherwise repeat.

A feature builds a `View` (HTML chunks from `bot.present.render`, a keyboard from
`bot.present.keyboards`) and hands it to `reply` or `show`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.infra.store import StorageError
from bot.present import render, texts

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class View:
    """A reply: one or more HTML messages, the keyboard goes under the last one.

    `edit` asks to replace the message a button was pressed on (navigation) instead of sending
    a new one (content).
    """

    chunks: tuple[str, ...]
    keyboard: InlineKeyboardMarkup | None = None
    edit: bool = False


def view(html: str, keyboard: InlineKeyboardMarkup | None = None, edit: bool = False) -> View:
    """A view of HTML made by `bot.present.render`, split within Telegram's length limit."""
    return View(tuple(render.split_message(html)), keyboard, edit)


def notice(message: str, language: str = texts.DEFAULT_LANGUAGE, /, **fields: object) -> View:
    """A message of the catalogue (`bot.present.texts`) in `language`, its fields filled in,
    escaped."""
    return view(render.plain_line(texts.text(message, language, **fields)))


async def reply(update: Update, shown: View) -> None:
    """Send a view in the chat the update came from; in groups, as a reply to the asker."""
    message = update.effective_message
    if message is None:
        return
    quote = message.chat.type != ChatType.PRIVATE
    await _send(message, shown, quote)


async def show(query: CallbackQuery, shown: View, language: str = texts.DEFAULT_LANGUAGE
               ) -> None:
    """Answer a button press: turn the page in place, or send content as new messages."""
    message = query.message
    if message is None:
        # The button was on an inline message: there is no chat of ours to answer in.
        await query.answer(texts.text("stale_button", language))
        return
    try:
        await query.answer()
    except BadRequest as exc:
        # A press answered late (the bot was down, the update waited in the journal): Telegram
        # no longer takes the acknowledgement, but the reader still gets what they asked for.
        if "query is too old" not in exc.message.lower() and "query id is invalid" not in (
                exc.message.lower()):
            raise
        logger.info("a button press was too old to acknowledge; showing it anyway")
    if shown.edit and len(shown.chunks) == 1 and isinstance(message, Message):
        try:
            await query.edit_message_text(shown.chunks[0], reply_markup=shown.keyboard)
        except BadRequest as exc:
            # Pressing the same page twice: Telegram refuses an edit that changes nothing.
            if "not modified" not in exc.message.lower():
                raise
        return
    if isinstance(message, Message):
        await _send(message, shown, quote=False)
        return
    # Too old to reply to (an InaccessibleMessage): post in the chat instead.
    for i, chunk in enumerate(shown.chunks):
        last = i == len(shown.chunks) - 1
        await message.chat.send_message(chunk, reply_markup=shown.keyboard if last else None)


async def storage_failed(update: Update, doing: str, exc: StorageError,
                         language: str = texts.DEFAULT_LANGUAGE) -> None:
    """The database failed during a command: say what could not be done and why, in one line,
    and log one WARNING (instead of the error handler's "something went wrong").

    `doing` is a message id of the catalogue ("doing_subscribe").
    """
    chat = update.effective_chat
    logger.warning("could not %s in chat %s: %s", texts.text(doing), chat.id if chat else "-",
                   exc)
    what = texts.text(doing, language)
    await reply(update, notice("storage_failed", language, doing=what, reason=exc.reason))


async def _send(message: Message, shown: View, quote: bool) -> None:
    for i, chunk in enumerate(shown.chunks):
        last = i == len(shown.chunks) - 1
        await message.reply_text(
            chunk, reply_markup=shown.keyboard if last else None, do_quote=quote and i == 0
        )
