"""Shared presentation: the one place that makes Telegram HTML and plain console text.

`render` (quotes, lists, reports as HTML; escaping; splitting at Telegram's length limit),
`keyboards` and `callbacks` (buttons and their validated data), `texts` (every user-visible
string), `plain` (the console's text and JSON), `reply` (sending a view), `progress` (a
broadcast's progress on a terminal).
"""
