"""Every canned reply and button label, in one place so wording changes touch one file.

Texts here are plain: `bot.render` escapes and formats them. Placeholders use str.format names.
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
BUTTON_OPEN_CHAT = "Ask me in a private chat"

# --- callback answers and errors ---------------------------------------------------------------
STALE_BUTTON = "This button is out of date. Send /help to start again."
SOMETHING_WENT_WRONG = "Something went wrong on my side. Please try again in a moment."

# --- inline mode -------------------------------------------------------------------------------
INLINE_NOTHING = "Not covered in this briefing: ask me in a chat"
