"""Broadcasts: one message to every subscribed chat, recorded first, delivered in the
background, reported once.

- `kinds`: what can be broadcast by name (the registry; no python-telegram-bot, so the command
  line can list the kinds without importing it).
- `sending`: compose and record a broadcast, deliver it with the admin's progress message,
  report it; `briefing-bot broadcast` uses these too.
- `command`: /broadcast, the quote of the day and the jobs that finish interrupted broadcasts.
"""
