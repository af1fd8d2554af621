"""Every canned reply and button label, in one place so wording changes touch one file.

Texts here are plain: `bot.present.render` escapes and formats them. Placeholders use
str.format names.
"""

from __future__ import annotations

# --- /start, /help ---------------------------------------------------------------------------
WELCOME = "I answer questions about one policy briefing with the experts' own words."
HOW_TO_ASK_PRIVATE = (
    "Just write a question, for example: What did Başbuğ say about the Arctic? "
    "or: Will sanctions change Russia's policy?"
)
HOW_TO_ASK_GROUP = (
    "In a group, use /ask followed by your question, mention me, or reply to one of my messages."
)
HOW_TO_INLINE = "In any chat, type @{username} and a question to share a quote."
COMMANDS_HEADING = "Commands"
EXPERTS_HEADING = "The experts"

# --- answers and declines ----------------------------------------------------------------------
FROM_BRIEFING = "From the briefing"
ABOUT_EXPERT = "About {name}"
EDITORS_NOTE = "a note from the briefing's editors"
NOT_COVERED = "Not covered in this briefing."
NOT_COVERED_ABOUT = "I found nothing about “{question}” in this briefing."
YOU_COULD_ASK = "You could ask:"
TRY_INSTEAD = "Try an expert's name or a subject: /expert lists the experts, /topics the topics."
EMPTY_QUESTION = "Ask me a question, for example: /ask What did Öymen say about the meeting?"
TEXT_ONLY = "I read text questions only. Write one, or see /help."

# --- experts and topics ------------------------------------------------------------------------
CHOOSE_EXPERT = "Choose an expert to read their positions:"
NO_SUCH_EXPERT = "No expert matches “{name}”."
POSITIONS_PAGE = "Positions {first}–{last} of {total}"
CHOOSE_TOPIC = "Choose a topic to read the experts' quotes on it:"
TOPIC_ON = "On {topic}"
NOTHING_ON_TOPIC = "The experts are not quoted on this topic."
# /expert NAME TOPIC
EXPERT_ON_TOPIC = "On “{topic}”:"
EXPERT_ON_TOPIC_RANKED = "On “{topic}”, most relevant first:"
EXPERT_SILENT_ON_TOPIC = "{name} is not quoted on “{topic}” in this briefing."
OTHERS_ON_TOPIC = "Quoted on it: {names}."
NOBODY_ON_TOPIC = "No one in this briefing is quoted on it."

# --- /about ------------------------------------------------------------------------------------
ABOUT_PUBLISHER = "Published by"
ABOUT_COMPILER = "Compiled by"
ABOUT_DATE = "Meeting date"
ABOUT_SOURCE = "Source text"

# --- buttons -----------------------------------------------------------------------------------
BUTTON_MORE_FROM = "More from {name}"
BUTTON_TOPIC = "Topic: {name}"
BUTTON_PREVIOUS = "« Previous"
BUTTON_NEXT = "Next »"
BUTTON_ALL_EXPERTS = "All experts"
BUTTON_ALL_TOPICS = "All topics"
BUTTON_QUOTE = "{number}. {words}"

# --- callback answers and errors ---------------------------------------------------------------
# The database failed during a command: what could not be done, and why (one line).
STORAGE_FAILED = "Could not {doing}: {reason}."
DOING_SUBSCRIBE = "save the subscription"
DOING_UNSUBSCRIBE = "remove the subscription"
DOING_LIST = "read the subscriptions"
DOING_BROADCAST = "start the broadcast"
STALE_BUTTON = "This button is out of date. Send /help to start again."
SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a moment."
SLOW_DOWN = (
    "You are asking faster than I can answer. Please slow down: I will answer again in a moment."
)

# --- inline mode -------------------------------------------------------------------------------
INLINE_NOTHING = "Not covered in this briefing: ask me in a chat"

# --- /help sections for administrators -------------------------------------------------------
GROUP_ADMIN_COMMANDS_HEADING = "For this group's administrators"
BOT_ADMIN_COMMANDS_HEADING = "For the bot's administrators"

# --- subscriptions -----------------------------------------------------------------------------
ONLY_GROUP_ADMINS = "Only this group's administrators can change its subscription."
ONLY_BOT_ADMINS = "Only the bot's administrators can do that."
SUBSCRIBED_HERE = (
    "Subscribed: I will post the briefing's digests, quotes of the day and announcements here."
)
ALREADY_SUBSCRIBED_HERE = "This chat is already subscribed."
UNSUBSCRIBED_HERE = "Unsubscribed: I will post no more broadcasts here."
NOT_SUBSCRIBED_HERE = "This chat is not subscribed."
SUBSCRIBE_HOW = (
    "To subscribe a group, send /subscribe in the group. To subscribe a channel, add me to it "
    "as an administrator allowed to post messages, then send /subscribe @channel (or the "
    "channel's id) here."
)
UNSUBSCRIBE_HOW = "Send /unsubscribe @channel, or the chat's id from /subscriptions."
TARGET_NOT_FOUND = (
    "I cannot see {target}. Add me to the channel as an administrator first, then try again."
)
TARGET_NOT_CHANNEL = "{title} is not a channel. To subscribe a group, send /subscribe there."
CANNOT_POST = (
    "I am not allowed to post in {title}. Make me an administrator with the right to post "
    "messages, then try again."
)
SUBSCRIBED_TARGET = "Subscribed {title}: I will post the broadcasts there."
ALREADY_SUBSCRIBED_TARGET = "{title} is already subscribed."
UNSUBSCRIBED_TARGET = "Unsubscribed {title}."
NOT_SUBSCRIBED_TARGET = "{target} is not subscribed."
SUBSCRIPTIONS_IN_PRIVATE = (
    "Ask me for /subscriptions in a private chat: the list names other chats."
)
SUBSCRIPTIONS_HEADING = "Subscriptions"
NO_SUBSCRIPTIONS = "No chat has subscribed yet."
STATE_ACTIVE = "active"
STATE_UNSUBSCRIBED = "unsubscribed"
# Notes stored with a subscription (shown by /subscriptions).
NOTE_REMOVED = "I was removed from the chat ({status})"
NOTE_CANNOT_POST = "I can no longer post there"
NOTE_BY_ADMIN = "unsubscribed by user {user}"

# --- broadcasts --------------------------------------------------------------------------------
BROADCAST_USAGE = (
    "Send /broadcast digest, /broadcast quote, or /broadcast followed by an announcement."
)
NOBODY_SUBSCRIBED = "No chat is subscribed, so there is no one to send it to."
BROADCAST_STARTED = (
    "Broadcast #{id} is on its way to {count} chat(s). I will report here when it is done."
)
# In a group: the report names other chats, so it goes to the admin privately.
BROADCAST_STARTED_IN_GROUP = (
    "Broadcast #{id} is on its way. I will send you the report in our private chat."
)
BROADCAST_STARTED_NO_PRIVATE = (
    "Broadcast #{id} is on its way, but I cannot write to you privately, so you will get no "
    "report: open a private chat with me and send /start."
)
BROADCAST_PROGRESS = (
    "Broadcast #{id} is on its way: {done} of {total} chat(s) done, {sent} sent, "
    "{failed} failed."
)
BROADCAST_DONE = (
    "Broadcast #{id} is done: {sent} of {total} chat(s) sent, {failed} failed. The report "
    "follows."
)
BROADCAST_STOPPED = "Broadcast #{id} stopped: {reason}. It resumes when the bot starts again."
DIGEST_HEADING = "Briefing digest"
QUOTE_OF_THE_DAY = "Quote of the day"
# `briefing-bot broadcast` on stderr: a bar on a terminal, a line now and then from cron.
PROGRESS_BAR = (
    "Broadcast #{id} [{bar}] {percent:3d}% {done}/{total} ({sent} sent, {failed} failed)"
)
PROGRESS_LINE = "broadcast #{id}: {done} of {total} chat(s) done, {sent} sent, {failed} failed"
REPORT_HEADING = "Broadcast #{id}: the report"
REPORT_SENT = "Sent: {count}"
REPORT_FAILED = "Failed: {count}"
REPORT_UNSUBSCRIBED = "Unsubscribed, as the chat blocked or removed me or is gone: {count}"
REPORT_UNCERTAIN = (
    "Uncertain, as Telegram did not answer; not repeated, to avoid a duplicate: {count}"
)
REPORT_MIGRATED = "Moved to a supergroup, sent to the new chat: {count}"
REPORT_PAUSED = "Paused: the remaining chats get it when the bot starts again."
