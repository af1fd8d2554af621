"""The one place that makes Telegram HTML.

Every string that comes from a user or from the knowledge YAML goes through `html.escape` here,
and nowhere else builds markup. Paragraphs are separated by a blank line and no tag spans two
paragraphs, so `split_message` can cut a long reply at paragraph boundaries safely.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from telegram.constants import MessageLimit

from bot.present import texts
from bot.present.plain import printed_label
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Briefing, Entry, Expert, KnowledgeBase, MatchResult, Topic

if TYPE_CHECKING:  # only for types: nothing here needs the features or the infrastructure
    from bot.infra.delivery import Report
    from bot.infra.insights import Group
    from bot.infra.store import Subscription
    from bot.menus import Command

MESSAGE_LIMIT = int(MessageLimit.MAX_TEXT_LENGTH)  # 4096
ECHO_LIMIT = 200


def _e(text: str) -> str:
    return escape(text, quote=False)


def words_of(text: str, limit: int) -> str:
    """Plain text: the first words of `text`, at most `limit` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.—-")
    return f"{cut}…"


def _said(entry: Entry, language: str = EN) -> str:
    """The words: a quote in quotation marks, a note as it is, in its original when the source
    wrote it in the reader's language (the compiler's biography, for Turkish readers)."""
    words = entry.text_in(language)
    if not entry.is_quote:
        original = entry.original_beside(language)
        if original is None:
            return _e(words)
        # A translation, then what the briefing prints (the biography's Turkish).
        label = _e(texts.text(printed_label(entry), language))
        return f"{_e(words)}\n\n<i>{label}</i> {_e(original)}"
    # The briefing's own lead-in, as it prints it, before the quote it introduces.
    lead = f"<i>{_e(entry.lead)}</i> " if entry.lead else ""
    return f"{lead}“{_e(words)}”"


def _source_line(briefing: Briefing) -> str:
    return f"<i>{_e(briefing.title)}</i> — {_e(briefing.publisher)}"


def _speaker(expert: Expert) -> str:
    return f"<b>{_e(expert.name)}</b>, {_e(expert.title)}"


def _attributed(entry: Entry, language: str = EN, words: str | None = None) -> str:
    """The words and who said them: an expert's quote, a profile note, or briefing context.

    `words` is the language of the words when it is not the interface's (`texts.words_language`).
    """
    said = _said(entry, words or language)
    if entry.expert is not None and entry.profile:
        about = _e(texts.text("about_expert", language, name=entry.expert.name))
        return f"{said}\n— <b>{about}</b> ({_e(texts.text('editors_note', language))})"
    who = (_speaker(entry.expert) if entry.expert
           else f"<b>{_e(texts.text('from_briefing', language))}</b>")
    return f"{said}\n— {who}"


def quote(entry: Entry, knowledge: KnowledgeBase, language: str = EN,
          words: str | None = None) -> str:
    """One answer: the words, who said them (name in bold, title), and the briefing."""
    source = _source_line(knowledge.briefing(entry.briefing_id))
    return f"{_attributed(entry, language, words)}\n{source}"


def answers(result: MatchResult, knowledge: KnowledgeBase, language: str = EN) -> str:
    """The matcher's answers, one paragraph each, then the briefing they come from; with
    several briefings in the knowledge base, each answer names its own. A question asked in
    Turkish gets a Turkish original (`texts.words_language`)."""
    words = texts.words_language(result.question, language, (a.entry for a in result.answers))
    if len(knowledge.briefings) > 1:
        return "\n\n".join(quote(a.entry, knowledge, language, words) for a in result.answers)
    blocks = [_attributed(a.entry, language, words) for a in result.answers]
    briefings = dict.fromkeys(a.entry.briefing_id for a in result.answers)
    sources = "\n".join(_source_line(knowledge.briefing(b)) for b in briefings)
    return "\n\n".join(blocks) + ("\n\n" + sources if sources else "")


def decline(result: MatchResult, language: str = EN,
            suggestions: Sequence[str] | None = None) -> str:
    """An honest "not covered", with the questions the briefing does answer when there are any.

    `suggestions` replaces the matcher's (the same entries, asked in the reader's language).
    """
    question = words_of(result.question, ECHO_LIMIT)
    parts = [f"<b>{_e(texts.text('not_covered', language))}</b>"]
    if question:
        parts[0] += "\n" + _e(texts.text("not_covered_about", language, question=question))
    if result.hint:
        # Why, when the matcher can tell: "Ozan speaks about Iran, not Iraq."
        from bot.present.plain import hint_in

        parts[0] += "\n" + _e(hint_in(result.hint, language))
    shown = result.suggestions if suggestions is None else suggestions
    if shown:
        lines = "\n".join(f"• {_e(s)}" for s in shown)
        parts.append(f"{_e(texts.text('you_could_ask', language))}\n{lines}")
    else:
        parts.append(_e(texts.text("try_instead", language)))
    return "\n\n".join(parts)


def plain_line(text: str) -> str:
    """A canned text as a paragraph of its own."""
    return _e(text)


def help_text(
    knowledge: KnowledgeBase, commands: Sequence[Command], username: str | None, private: bool,
    admin_commands: Sequence[Command] = (), language: str = EN,
) -> str:
    """/start and /help: what the bot knows, how to ask, the commands (and the admins' ones)."""
    titles = "\n".join(_source_line(b) for b in knowledge.briefings)
    experts = "\n".join(f"• {_speaker(e)}" for e in knowledge.experts)
    how = (texts.text("how_to_ask_private", language) if private
           else texts.text("how_to_ask_group", language))
    parts = [
        f"{_e(texts.text('welcome', language))}\n{titles}",
        f"<b>{_e(texts.text('experts_heading', language))}</b>\n{experts}",
        _e(how),
    ]
    if username:
        parts.append(_e(texts.text("how_to_inline", language, username=username)))
    lines = "\n".join(f"{_e(c.usage)} — {_e(c.description(language))}" for c in commands)
    parts.append(f"<b>{_e(texts.text('commands_heading', language))}</b>\n{lines}")
    if admin_commands:
        heading = (texts.text("bot_admin_commands_heading", language) if private
                   else texts.text("group_admin_commands_heading", language))
        lines = "\n".join(f"{_e(c.usage)} — {_e(c.description(language))}"
                          for c in admin_commands)
        parts.append(f"<b>{_e(heading)}</b>\n{lines}")
    return "\n\n".join(parts)


def about(knowledge: KnowledgeBase, language: str = EN) -> str:
    """/about: the meeting, the publisher, the compiler and the source of each briefing."""
    blocks = []
    for b in knowledge.briefings:
        blocks.append(
            f"<b>{_e(b.title)}</b>\n{_e(b.summary)}\n\n"
            f"{_e(texts.text('about_date', language))}: {_e(b.date)}\n"
            f"{_e(texts.text('about_publisher', language))}: {_e(b.publisher)}\n"
            f"{_e(texts.text('about_compiler', language))}: {_e(b.compiler)}\n"
            f"{_e(texts.text('about_source', language))}: <code>{_e(b.source_path)}</code>"
        )
    return "\n\n".join(blocks)


def experts_list(knowledge: KnowledgeBase, unknown_name: str | None = None,
                 language: str = EN) -> str:
    """The experts with their titles (the buttons under it open each)."""
    parts = []
    if unknown_name:
        name = words_of(unknown_name, ECHO_LIMIT)
        parts.append(_e(texts.text("no_such_expert", language, name=name)))
    experts = "\n".join(f"• {_speaker(e)}" for e in knowledge.experts)
    parts.append(f"{_e(texts.text('choose_expert', language))}\n{experts}")
    return "\n\n".join(parts)


def expert_page(expert: Expert, entries: Sequence[Entry], first: int, total: int,
                language: str = EN) -> str:
    """One page of an expert's positions, numbered from `first` (1-based) out of `total`."""
    head = f"{_speaker(expert)}\n" + _e(
        texts.text("positions_page", language, first=first, last=first + len(entries) - 1,
                   total=total)
    )
    items = [f"{first + i}. {_e(words_of(e.text_in(language), 160))}"
             for i, e in enumerate(entries)]
    return head + "\n\n" + "\n\n".join(items)


def expert_on_topic(
    expert: Expert, topic: str, entries: Sequence[Entry], knowledge: KnowledgeBase,
    language: str = EN,
) -> str:
    """/expert NAME TOPIC: the expert's positions on the topic in full, most relevant first."""
    message = "expert_on_topic_ranked" if len(entries) > 1 else "expert_on_topic"
    head = f"{_speaker(expert)}\n" + _e(texts.text(message, language,
                                                   topic=words_of(topic, ECHO_LIMIT)))
    briefings = dict.fromkeys(e.briefing_id for e in entries)
    sources = "\n".join(_source_line(knowledge.briefing(b)) for b in briefings)
    return "\n\n".join([head, *(_said(e, language) for e in entries), sources])


def expert_silent_on_topic(
    expert: Expert, topic: str, others: Sequence[Expert], suggestions: Sequence[str],
    language: str = EN,
) -> str:
    """/expert NAME TOPIC when the expert says nothing on it: who does, and what to ask."""
    said = texts.text("expert_silent_on_topic", language, name=expert.name,
                      topic=words_of(topic, ECHO_LIMIT))
    who = (texts.text("others_on_topic", language, names=", ".join(o.name for o in others))
           if others else texts.text("nobody_on_topic", language))
    parts = [f"{_speaker(expert)}\n{_e(said)}", _e(who)]
    if suggestions:
        lines = "\n".join(f"• {_e(s)}" for s in suggestions)
        parts.append(f"{_e(texts.text('you_could_ask', language))}\n{lines}")
    return "\n\n".join(parts)


def topics_list(knowledge: KnowledgeBase, language: str = EN) -> str:
    """The prompt above the topic buttons."""
    return _e(texts.text("choose_topic", language))


def unanswered(total: int, groups: Sequence[Group], language: str = EN) -> str:
    """/unanswered: each group's count, a few of its questions, the nearest entry."""
    if not groups:
        return _e(texts.text("unanswered_none", language))
    parts = [f"<b>{_e(texts.text('unanswered_title', language, total=total))}</b>"]
    for group in groups:
        near = (texts.text("unanswered_nearest", language, id=group.nearest[0],
                           score=f"{group.nearest[1]:.2f}")
                if group.nearest else texts.text("unanswered_no_nearest", language))
        lines = [f"<b>{_e(texts.text('unanswered_group', language, count=group.count))}</b> "
                 f"{_e(near)}"]
        lines += [f"• {_e(words_of(q, ECHO_LIMIT))}" for q in group.examples[:3]]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def topics_of(briefing: Briefing, language: str = EN) -> str:
    """The prompt above one briefing's topic buttons, when there are several briefings."""
    return f"{_source_line(briefing)}\n{_e(texts.text('choose_topic', language))}"


def topic_view(topic: Topic, entries: Sequence[Entry], knowledge: KnowledgeBase,
               language: str = EN) -> str:
    """Quotes on a topic grouped by expert (in the experts' order), context notes last."""
    parts = [f"<b>{_e(texts.text('topic_on', language, topic=topic.name_in(language)))}</b>"]
    if not entries:
        parts.append(_e(texts.text("nothing_on_topic", language)))
    for expert in knowledge.experts:
        mine = [e for e in entries if e.expert is not None and e.expert.id == expert.id]
        for i, entry in enumerate(mine):
            # The heading travels in the same paragraph as the first quote, never alone.
            parts.append((f"{_speaker(expert)}\n" if i == 0 else "") + _said(entry, language))
    context = [e for e in entries if e.expert is None]
    for i, entry in enumerate(context):
        heading = f"<b>{_e(texts.text('from_briefing', language))}</b>\n" if i == 0 else ""
        parts.append(heading + _said(entry, language))
    briefings = {e.briefing_id for e in entries}
    parts.extend(_source_line(knowledge.briefing(b)) for b in sorted(briefings))
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- broadcasts


def digest(knowledge: KnowledgeBase, limit: int = MESSAGE_LIMIT, language: str = EN) -> str:
    """/broadcast digest: the meeting in one line, then each expert's key quote, in one message.

    A broadcast is a single message, so when the quotes do not all fit the last ones are left
    out (never cut mid-quote).
    """
    head = [f"<b>{_e(texts.text('digest_heading', language))}</b>"]
    head += [f"<i>{_e(b.title)}</i> ({_e(b.date)}): {_e(b.summary)}" for b in knowledge.briefings]
    quotes = []
    for expert in knowledge.experts:
        entries = knowledge.entries_for_expert(expert.id)
        if entries:
            quotes.append(f"{_said(entries[0], language)}\n— {_speaker(expert)}")
    sources = "\n".join(_source_line(b) for b in knowledge.briefings)
    while True:
        text = "\n\n".join(["\n".join(head), *quotes, sources])
        if _size(text) <= limit or not quotes:
            return text
        quotes.pop()


def headed(heading: str, html: str) -> str:
    """A plain-text heading in bold, then HTML made here (a broadcast's message, for one)."""
    return f"<b>{_e(heading)}</b>\n\n{html}"


def quote_of_the_day(entry: Entry, knowledge: KnowledgeBase, language: str = EN) -> str:
    """/broadcast quote and the daily schedule: one quote with who said it and where."""
    return headed(texts.text("quote_of_the_day", language), quote(entry, knowledge, language))


def announcement(text: str) -> str:
    """/broadcast <text>: the administrator's words as written (escaped, never markup)."""
    return _e(text.strip())


def chat_label(subscription: Subscription | None, chat_id: int) -> str:
    """Plain text naming a chat: its title and @username when known, and its id."""
    if subscription is None:
        return str(chat_id)
    name = subscription.title or "?"
    if subscription.username:
        name += f" @{subscription.username}"
    return f"{name} ({chat_id})"


def broadcast_report(report: Report, chats: Mapping[int, Subscription],
                     language: str = EN) -> str:
    """What a broadcast achieved, for whoever started it: counts, then each problem and why."""

    def label(chat_id: int) -> str:
        return _e(chat_label(chats.get(chat_id), chat_id))

    lines = [f"<b>{_e(texts.text('report_heading', language, id=report.broadcast_id))}</b>",
             _e(texts.text("report_sent", language, count=len(report.sent)))]
    for message, problems in (
        ("report_failed", report.failed),
        ("report_unsubscribed", report.unsubscribed),
        ("report_uncertain", report.uncertain),
    ):
        if problems:
            lines.append(_e(texts.text(message, language, count=len(problems))))
            lines += [f"• {label(chat_id)}: {_e(texts.shown(reason, language))}"
                      for chat_id, reason in problems]
    if report.migrated:
        lines.append(_e(texts.text("report_migrated", language, count=len(report.migrated))))
        lines += [f"• {_e(str(old))} → {label(new)}" for old, new in report.migrated]
    if not report.finished:
        lines.append(_e(texts.text("report_paused", language)))
    return "\n".join(lines)


def subscriptions(found: Sequence[Subscription], language: str = EN) -> str:
    """/subscriptions: every chat ever subscribed, with its type, id and state."""
    if not found:
        return _e(texts.text("no_subscriptions", language))
    lines = [f"<b>{_e(texts.text('subscriptions_heading', language))}</b>"]
    for sub in found:
        name = f"<b>{_e(sub.title or '?')}</b>"
        if sub.username:
            name += f" @{_e(sub.username)}"
        state = (texts.text("state_active", language) if sub.active
                 else texts.text("state_unsubscribed", language))
        if sub.note:
            state += f" ({texts.shown(sub.note, language)})"
        lines.append(f"• {name} — {_e(sub.chat_type)} <code>{sub.chat_id}</code>: {_e(state)}")
    return "\n".join(lines)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut a reply into messages within Telegram's limit, at paragraph boundaries.

    Length is counted in UTF-16 code units of the HTML source, which is never less than what
    Telegram counts. A paragraph longer than the limit on its own (a long list, where no tag
    spans two lines) is cut at line breaks, then at spaces.
    """
    chunks: list[str] = []
    current = ""
    for paragraph in _pieces(text, limit):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if _size(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = paragraph
    if current:
        chunks.append(current)
    return chunks


def _size(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        if _size(paragraph) <= limit:
            pieces.append(paragraph)
        else:
            pieces.extend(_cut(paragraph, limit))
    return [p for p in pieces if p.strip()]


def _cut(paragraph: str, limit: int) -> list[str]:
    out: list[str] = []
    rest = paragraph
    while _size(rest) > limit:
        window = rest[:limit]
        while _size(window) > limit:
            window = window[:-1]
        at = window.rfind("\n")  # lines keep their tags whole: prefer a line break
        if at <= 0:
            at = window.rfind(" ")
        if at <= 0:
            at = len(window)
            amp = window.rfind("&")  # never cut inside an entity such as &amp;
            if amp >= 0 and ";" not in window[amp:]:
                at = amp or len(window)
        out.append(rest[:at])
        rest = rest[at:].lstrip("\n ")
    if rest:
        out.append(rest)
    return out
