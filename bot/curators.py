"""`briefing-bot unanswered` and `briefing-bot feedback`: what readers asked, for curators.

Both read the insights file in DATA_DIR (`bot.infra.insights`), the one `briefing-bot run`
writes; nothing is sent anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.environment import SettingsError, read_environment
from bot.exits import EXIT_OK, CliError
from bot.infra.insights import INSIGHTS_NAME, Insights, InsightsError
from bot.present import texts


def _insights() -> Insights | None:
    from bot.settings import default_data_dir

    try:
        environment = read_environment()
    except SettingsError as exc:
        raise CliError(f"briefing-bot: {exc}") from None
    configured = environment.get("DATA_DIR", "").strip()
    directory = Path(configured).expanduser() if configured else default_data_dir(environment)
    if not (directory / INSIGHTS_NAME).is_file():
        return None
    try:
        return Insights(directory / INSIGHTS_NAME)
    except InsightsError as exc:
        raise CliError(f"briefing-bot: {exc}") from None


def unanswered_report(since_days: int | None, as_json: bool) -> int:
    """Declined and weakly answered questions, grouped, most frequent first."""
    insights = _insights()
    total, groups = insights.unanswered(since_days) if insights else (0, [])
    if insights is not None:
        insights.close()
    if as_json:
        print(json.dumps({"total": total, "groups": [g.as_json() for g in groups]},
                         ensure_ascii=False))
        return EXIT_OK
    if not groups:
        print(texts.text("unanswered_none"))
        return EXIT_OK
    print(texts.text("unanswered_heading", total=total, groups=len(groups)))
    for group in groups:
        nearest = (texts.text("unanswered_nearest", id=group.nearest[0],
                              score=f"{group.nearest[1]:.2f}")
                   if group.nearest else texts.text("unanswered_no_nearest"))
        print(f"\n{texts.text('unanswered_group', count=group.count)} {nearest}")
        for example in group.examples:
            print(f"  - {example}")
    return EXIT_OK


def feedback_report(as_json: bool) -> int:
    """Entries by readers' votes, most 👎 first, with the questions that led to them."""
    insights = _insights()
    entries = insights.feedback() if insights else []
    if insights is not None:
        insights.close()
    if as_json:
        print(json.dumps({"entries": [e.as_json() for e in entries]}, ensure_ascii=False))
        return EXIT_OK
    if not entries:
        print(texts.text("feedback_none"))
        return EXIT_OK
    for entry in entries:
        print(texts.text("feedback_entry", id=entry.entry_id, up=entry.up, down=entry.down))
        for question in entry.questions[:5]:
            print(f"  - {question}")
    return EXIT_OK
