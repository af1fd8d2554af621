"""Sending views: the few lines every handler would otherwise repeat."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.present import texts
from bot.views import View

logger = logging.getLogger(__name__)


async def reply(update: Update, view: View) -> None:
    """Send a view in the chat the update came from; in groups, as a reply to the asker."""
    message = update.effective_message
    if message is None:
        return
    quote = message.chat.type != ChatType.PRIVATE
    await _send(message, view, quote)


async def show(query: CallbackQuery, view: View) -> None:
    """Answer a button press: turn the page in place, or send content as new messages."""
    message = query.message
    if message is None:
        # The button was on an inline message: there is no chat of ours to answer in.
        await query.answer(texts.text("stale_button"))
        return
    await query.answer()
    if view.edit and len(view.chunks) == 1 and isinstance(message, Message):
        try:
            await query.edit_message_text(view.chunks[0], reply_markup=view.keyboard)
        except BadRequest as exc:
            # Pressing the same page twice: Telegram refuses an edit that changes nothing.
            if "not modified" not in exc.message.lower():
                raise
        return
    if isinstance(message, Message):
        await _send(message, view, quote=False)
        return
    # Too old to reply to (an InaccessibleMessage): post in the chat instead.
    for i, chunk in enumerate(view.chunks):
        last = i == len(view.chunks) - 1
        await message.chat.send_message(chunk, reply_markup=view.keyboard if last else None)


async def _send(message: Message, view: View, quote: bool) -> None:
    for i, chunk in enumerate(view.chunks):
        last = i == len(view.chunks) - 1
        await message.reply_text(
            chunk, reply_markup=view.keyboard if last else None, do_quote=quote and i == 0
        )
