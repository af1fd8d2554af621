"""For the people who keep the knowledge base: readers' votes, /unanswered, /reload.

- 👍/👎 under an answer (private chats): one vote per reader per answer, a second press
  changes it; the buttons find their answer through the insights file, so old ones keep
  working after a restart.
- /unanswered (bot administrators): the questions the bot declined or answered weakly, grouped.
- /reload (bot administrators) and SIGHUP: load the knowledge directory again. A broken version
  is refused with its problems (told to the administrator and logged) and the old one keeps
  serving; a good one replaces it at once, and the reply says what changed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application

from bot.context import BotContext, attach, services_of
from bot.present import render, texts
from bot.present.callbacks import Vote
from bot.present.reply import notice, reply, view
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge

logger = logging.getLogger(__name__)

UNANSWERED_GROUPS = 8
PROBLEMS_SHOWN = 5


async def vote(update: Update, context: BotContext, action: Vote) -> None:
    """A 👍/👎 press: counted once per reader per answer, acknowledged on the button."""
    query = update.callback_query
    user = update.effective_user
    insights = context.services.insights
    if query is None:
        return
    language = context.language
    if insights is None or user is None:
        await query.answer(texts.text("vote_unknown", language))
        return
    voted = await insights.vote(action.answer_key, user.id, action.up)
    if voted is None:
        await query.answer(texts.text("vote_unknown", language))
        return
    await query.answer(texts.text("vote_thanks_up" if action.up else "vote_thanks_down",
                                  language))


async def unanswered(update: Update, context: BotContext) -> None:
    """/unanswered: the most asked questions the bot could not answer well (bot admins)."""
    found = context.services
    user, chat = update.effective_user, update.effective_chat
    language = context.language
    if user is None or not found.is_bot_admin(user.id):
        await reply(update, notice("only_bot_admins", language))
        return
    if chat is not None and chat.type != ChatType.PRIVATE:
        await reply(update, notice("subscriptions_in_private", language))
        return
    if found.insights is None:
        await reply(update, notice("unanswered_none", language))
        return
    total, groups = await found.insights.unanswered()
    await reply(update, view(render.unanswered(total, groups[:UNANSWERED_GROUPS], language)))


async def reload(update: Update, context: BotContext) -> None:
    """/reload: the knowledge directory again, atomically (bot admins)."""
    user = update.effective_user
    if user is None or not context.services.is_bot_admin(user.id):
        await reply(update, notice("only_bot_admins", context.language))
        return
    _, message = await reload_knowledge(context.application, context.language)
    await reply(update, view(render.plain_line(message)))


async def reload_knowledge(application: Application[Any, Any, Any, Any, Any, Any],
                           language: str = texts.DEFAULT_LANGUAGE) -> tuple[bool, str]:
    """Load the knowledge base again; swap it in only if it is valid. (ok, what to tell)."""
    found = services_of(application)
    try:
        knowledge = await asyncio.to_thread(load_knowledge, found.knowledge.directory)
        fresh = await asyncio.to_thread(found.reloaded, knowledge)
    except KnowledgeError as exc:
        problems = exc.problems
        logger.warning("reload refused, the old knowledge base keeps serving: %d problem(s): %s",
                       len(problems), "; ".join(problems[:PROBLEMS_SHOWN]))
        shown = "\n".join(problems[:PROBLEMS_SHOWN])
        return False, texts.text("reload_failed", language, count=len(problems), first=shown)
    added, removed, changed = _changes(found.knowledge, knowledge)
    attach(application, fresh)
    logger.info("knowledge reloaded: %d added, %d removed, %d changed", len(added),
                len(removed), len(changed))
    return True, texts.text("reload_done", language, entries=len(knowledge.entries),
                            briefings=len(knowledge.briefings), added=_ids(added),
                            removed=_ids(removed), changed=_ids(changed))


def _changes(old: KnowledgeBase, new: KnowledgeBase) -> tuple[list[str], list[str], list[str]]:
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}

    def shape(entry: Any) -> tuple[object, ...]:
        return (entry.text, entry.questions, tuple(t.key for t in entry.topics),
                entry.expert.id if entry.expert else None, entry.original)

    added = [i for i in after if i not in before]
    removed = [i for i in before if i not in after]
    changed = [i for i in after if i in before and shape(after[i]) != shape(before[i])]
    return added, removed, changed


def _ids(ids: list[str]) -> str:
    if not ids:
        return "0"
    shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
    return f"{len(ids)} ({shown})"


async def prune(context: BotContext) -> None:
    """Daily job: forget unanswered questions and votes past INSIGHTS_RETENTION_DAYS."""
    insights = context.services.insights
    if insights is not None:
        gone = await insights.prune()
        if gone:
            logger.info("insights: forgot %d row(s) past the retention", gone)

