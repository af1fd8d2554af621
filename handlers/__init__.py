"""The features, one module (or small package) each: its handlers and the logic that decides
what it replies.

questions (free text, /ask), experts (/expert), topics (/topics), buttons (every inline
button, shown by its feature), start (/start, /help, /about), inline (inline mode),
subscriptions (/subscribe, /unsubscribe, /subscriptions, membership, migrations), broadcasts
(/broadcast, the quote of the day, resume jobs; compose, deliver, report), errors (the error
handler), guard (the flood guard around readers' handlers).
"""
