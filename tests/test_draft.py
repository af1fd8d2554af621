"""`briefing-bot draft`: a knowledge file drafted from a briefing's plain text passes the checks
as written and answers questions with the right expert, every quote verbatim."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from knowledge import Matcher, default_directory, load_knowledge
from knowledge.draft import draft

SHIPPED = default_directory() / "sources" / "ankasam-blinken-lavrov-2021.txt"
COMMA = Path(__file__).parent / "data" / "draft" / "arctic-routes.txt"


def drafted(source: Path, tmp_path: Path) -> Path:
    """A knowledge directory laid out as the draft expects: the text in sources/, YAML beside."""
    (tmp_path / "sources").mkdir(parents=True)
    shutil.copy(source, tmp_path / "sources" / source.name)
    (tmp_path / "draft.yaml").write_text(draft(source), encoding="utf-8")
    return tmp_path


def test_the_shipped_source_gives_all_five_experts_and_verbatim_quotes(tmp_path: Path) -> None:
    directory = drafted(SHIPPED, tmp_path)
    text = (directory / "draft.yaml").read_text(encoding="utf-8")
    assert text.startswith("# DRAFT")
    kb = load_knowledge(directory)  # the loader checks every quote against the source
    assert [(e.name, e.title) for e in kb.experts] == [
        ("Dr. Emre Ozan", "ANKASAM Turkish Foreign Policy Advisor"),
        ("Prof. Dr. Mehmet Sait Dilek", "Atatürk University-International Relations"),
        ("Coşkun Başbuğ", "Security and Terrorism Expert / Retired Intelligence Colonel"),
        ("Onur Öymen", "Retired Ambassador"),
        ("Deniz Berktay", "Journalist and Eastern Europe Expert"),
    ]
    assert all(e.is_quote for e in kb.entries)
    assert all(len(e.text.split(". ")) <= 4 for e in kb.entries)  # focused: 1-3 sentences
    assert not any("çeviremedim" in e.text for e in kb.entries)
    assert {e.expert.id for e in kb.entries if e.expert} == {
        "ozan", "dilek", "basbug", "oymen", "berktay"}
    # Nothing from the compiler's biography, which quotes nobody.
    assert not any("İzmir" in e.text for e in kb.entries)
    data = yaml.safe_load(text)
    assert data["briefing"]["source"] == "sources/ankasam-blinken-lavrov-2021.txt"
    assert "DRAFT" in data["briefing"]["summary"]
    answer = Matcher(kb).match("What did Başbuğ say about Alaska?").answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == "basbug"
    assert "Alaska" in answer.entry.text


def test_a_name_comma_title_source_drafts_and_answers(tmp_path: Path) -> None:
    kb = load_knowledge(drafted(COMMA, tmp_path))
    assert [(e.name, e.title) for e in kb.experts] == [
        ("Dr. Ada Arat", "Maritime Policy Researcher"),
        ("Prof. Can Demir", "Professor of Polar Law"),
    ]
    assert kb.briefings[0].date == "March 3, 2024"
    assert not any("çeviremedim" in e.text for e in kb.entries)
    assert any(e.text.startswith("Icebreakers remain the bottleneck") for e in kb.entries)
    questions = [q for e in kb.entries for q in e.questions]
    assert "What did Arat say about the Northern Sea Route?" in questions
    answer = Matcher(kb).match("What did Demir say about the straits?").answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.name == "Prof. Can Demir"


def test_a_text_without_expert_headers_is_one_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_text("Just a paragraph of prose with no experts at all.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no expert header found"):
        draft(source)
