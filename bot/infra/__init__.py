"""Shared infrastructure: what the features stand on, none of it specific to one.

`store` (SQLite: subscriptions, broadcasts, deliveries), `delivery` (sending a broadcast,
resumable), `ratelimit` (Telegram's flood limits and every retry), `intake` (the durable update
journal), `webhook` (its HTTP server), `flood` (one reader cannot monopolise the bot).
"""
