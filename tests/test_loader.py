"""The loader: the shipped knowledge base is valid, and each kind of curator mistake is named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.loader import found_in
from knowledge.normalize import fold

BRIEFING = "ankasam-blinken-lavrov-2021.yaml"


def _edit(directory: Path, change) -> Path:  # type: ignore[no-untyped-def]
    path = directory / BRIEFING
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _problems(directory: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return "\n".join(caught.value.problems)


def test_shipped_knowledge_base_is_valid(knowledge: KnowledgeBase) -> None:
    assert {e.id for e in knowledge.experts} == {"ozan", "dilek", "basbug", "oymen", "berktay"}
    quotes = [e for e in knowledge.entries if e.is_quote and e.expert]
    assert 40 <= len(quotes) <= 70
    for expert in knowledge.experts:
        mine = knowledge.entries_for_expert(expert.id)
        assert len(mine) >= 3, expert.id
        assert sum(e.key for e in mine) == 1, f"{expert.id} needs exactly one key quote"


def test_no_quote_carries_the_translators_note(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        assert "ceviremedim" not in fold(entry.text)
        assert "ceviremedim" not in fold(" ".join(entry.questions))


def test_a_profile_opens_with_the_experts_heading(knowledge: KnowledgeBase) -> None:
    # "Who is Deniz Berktay?" is answered with the line the briefing prints above his words,
    # "Deniz Berktay (Journalist and Eastern Europe Expert)", not the curator's rewording.
    source = fold(knowledge.briefings[0].source_text)
    for expert in knowledge.experts:
        profiles = [e for e in knowledge.entries if e.profile and e.expert == expert]
        heading = f"{expert.name} ({expert.title})"
        assert fold(heading) in source
        assert profiles and all(fold(p.text).startswith(fold(heading)) for p in profiles), heading


def test_context_entries_cover_the_briefing(knowledge: KnowledgeBase) -> None:
    context = " ".join(fold(e.text) for e in knowledge.entries if e.expert is None)
    for needle in ("may 20, 2021", "reykjavik", "ankara center for crisis", "eletek"):
        assert needle in context
    compiler = [e for e in knowledge.entries if e.original and "Eletek" in e.original]
    assert compiler and "İzmir" in compiler[0].original  # the Turkish original is kept


def test_provenance_rejects_a_quote_altered_by_one_word(knowledge_copy: Path) -> None:
    def alter(data: dict) -> None:  # type: ignore[type-arg]
        entry = next(e for e in data["entries"] if e.get("quote") and e.get("expert"))
        words = entry["quote"].split()
        words[len(words) // 2] = "banana"
        entry["quote"] = " ".join(words)

    _edit(knowledge_copy, alter)
    problems = _problems(knowledge_copy)
    assert "field 'quote': not found in" in problems
    assert BRIEFING in problems


def test_provenance_rejects_the_translators_note(knowledge_copy: Path) -> None:
    def add_note(data: dict) -> None:  # type: ignore[type-arg]
        entry = next(e for e in data["entries"] if e["id"].startswith("ozan"))
        entry["quote"] = "Biden wants to cooperate with Russia albeit with minimum concession " \
            "and is willing to to impose his own rules” Bu cümleyi çeviremedim."

    _edit(knowledge_copy, add_note)
    assert "translator's note" in _problems(knowledge_copy)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["entries"][0].pop("questions"), "field 'questions' is missing"),
        (lambda d: d["entries"][3].__setitem__("expert", "nobody"),
         "field 'expert': unknown expert 'nobody'"),
        (lambda d: d["entries"][3].__setitem__("topics", ["no-such-topic"]),
         "field 'topics': unknown topic 'no-such-topic'"),
        (lambda d: d["entries"][3].__setitem__("colour", "red"), "unknown field 'colour'"),
        (lambda d: d["entries"][3].__setitem__("id", "Bad Id"), "must match [a-z0-9-]"),
        (lambda d: d["entries"][4].__setitem__("id", d["entries"][3]["id"]), "duplicate entry id"),
        (lambda d: d["entries"][4]["questions"].append(d["entries"][3]["questions"][0].upper()),
         "is also a question of entry"),
        (lambda d: d["experts"][0].pop("title"), "field 'title' is missing"),
        (lambda d: d["briefing"].__setitem__("source", "sources/missing.txt"),
         "field 'source': cannot read"),
        (lambda d: d["entries"][3].__setitem__("note", "made up"),
         "needs exactly one of the fields 'quote' and 'note'"),
    ],
)
def test_each_mistake_has_its_own_message(knowledge_copy: Path, change, expected: str) -> None:  # type: ignore[no-untyped-def]
    _edit(knowledge_copy, change)
    problems = _problems(knowledge_copy)
    assert expected in problems
    assert BRIEFING in problems or "duplicate" in problems


def _report(original: str | None):  # type: ignore[no-untyped-def]
    """An expert entry turned into a note, with `original` (None: without one)."""
    def change(data: dict) -> None:  # type: ignore[type-arg]
        entry = next(e for e in data["entries"] if e["id"] == "basbug-arctic-council")
        entry.pop("quote", None)
        entry["note"] = "Başbuğ recalled that the Arctic Council was set up in 1996."
        if original is not None:
            entry["original"] = original
    return change


@pytest.mark.parametrize("original", [
    None,  # a note put in an expert's mouth, with nothing from the source
    "the Arctic Council, which was established in 1996",  # in the source, naming nobody
])
def test_an_experts_note_needs_the_passage_that_reports_them(
    knowledge_copy: Path, original: str | None
) -> None:
    _edit(knowledge_copy, _report(original))
    problems = _problems(knowledge_copy)
    assert "(id 'basbug-arctic-council'): field 'note': an expert entry must carry a 'quote'" \
        in problems


def test_an_experts_note_with_the_reporting_passage_loads(knowledge_copy: Path) -> None:
    _edit(knowledge_copy, _report("Reminding the Arctic Council, which was established in 1996 "
                                  "with the Ottawa Declaration to support environmental "
                                  "protection, Başbuğ also stated that"))
    entry = load_knowledge(knowledge_copy, cache=False).entry("basbug-arctic-council")
    assert entry is not None and not entry.is_quote and entry.expert is not None
    # And a made-up passage naming him is refused as any unfound text is.
    _edit(knowledge_copy, _report("Başbuğ said the Council was founded in 1997"))
    assert "field 'original': not found in" in _problems(knowledge_copy)


def test_error_names_the_entry_id(knowledge_copy: Path) -> None:
    def change(data: dict) -> None:  # type: ignore[type-arg]
        data["entries"][5]["topics"] = ["nowhere"]

    _edit(knowledge_copy, change)
    entry_id = yaml.safe_load((knowledge_copy / BRIEFING).read_text())["entries"][5]["id"]
    assert f"entries[5] (id '{entry_id}'): field 'topics'" in _problems(knowledge_copy)


def test_invalid_yaml_names_the_line(knowledge_copy: Path) -> None:
    path = knowledge_copy / BRIEFING
    path.write_text(path.read_text(encoding="utf-8") + "\n  - broken: [unclosed\n")
    problems = _problems(knowledge_copy)
    assert "not valid YAML" in problems and "line" in problems


def test_yaml_tags_are_refused(knowledge_copy: Path) -> None:
    (knowledge_copy / "evil.yaml").write_text("!!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in _problems(knowledge_copy)


def test_missing_directory(tmp_path: Path) -> None:
    assert "knowledge directory not found" in _problems(tmp_path / "nope")


def test_a_second_briefing_is_a_new_file(knowledge_copy: Path) -> None:
    source = knowledge_copy / "sources" / "second.txt"
    source.write_text("Alice Example said that “Rivers are long and winding.”\n")
    (knowledge_copy / "second.yaml").write_text(
        yaml.safe_dump(
            {
                "briefing": {"id": "second", "title": "Second", "publisher": "P",
                             "compiler": "C", "date": "2022-01-01",
                             "source": "sources/second.txt", "summary": "A test."},
                "experts": [{"id": "alice", "name": "Alice Example", "title": "Hydrologist",
                             "aliases": ["alice"]}],
                "topics": [{"id": "rivers", "name": "Rivers", "aliases": ["river"]}],
                "entries": [{"id": "alice-rivers", "expert": "alice", "topics": ["rivers"],
                             "questions": ["What did Alice say about rivers?"],
                             "quote": "Rivers are long and winding."}],
            }
        )
    )
    knowledge = load_knowledge(knowledge_copy)
    assert len(knowledge.briefings) == 2
    assert knowledge.entry("alice-rivers") is not None


def test_found_in_allows_marks_whitespace_and_omissions() -> None:
    source = "He said “The USA obviously   supported Ukraine and both used the sanction card.”"
    assert found_in('The USA obviously supported Ukraine and both used the sanction card.', source)
    assert found_in("The USA obviously … the sanction card.", source)
    assert not found_in("The USA obviously … the banana card.", source)
    assert not found_in("the sanction card … The USA obviously", source)


def test_topic_names_in_other_languages_are_checked(knowledge_copy: Path,
                                                    knowledge: KnowledgeBase) -> None:
    council = knowledge.topic("arctic-council")
    assert council is not None
    assert council.name_in("tr") == "Arktik Konseyi" and council.name_in("en") == council.name
    assert council.name_in("de") == council.name  # no name in that language: the English one

    def break_names(data):  # type: ignore[no-untyped-def]
        data["topics"][0]["names"] = {"Turkish": "x", "tr": ""}

    _edit(knowledge_copy, break_names)
    problems = _problems(knowledge_copy)
    assert "'Turkish' is not a language code" in problems
    assert "field 'names.tr' must be a non-empty string" in problems


def test_the_place_of_the_event_is_optional_and_checked(knowledge_copy: Path,
                                                        knowledge: KnowledgeBase) -> None:
    assert knowledge.briefings[0].place == "Reykjavik, Iceland"

    def no_place(data):  # type: ignore[no-untyped-def]
        del data["briefing"]["place"]

    _edit(knowledge_copy, no_place)
    assert load_knowledge(knowledge_copy).briefings[0].place == ""

    def bad_place(data):  # type: ignore[no-untyped-def]
        data["briefing"]["place"] = ["Reykjavik"]

    _edit(knowledge_copy, bad_place)
    assert "briefing: field 'place' must be a non-empty string" in _problems(knowledge_copy)


# ------------------------------------------------------------------------------- leads

ENERGY_LEAD = ("Emphasizing that both energy transmission companies and energy production "
               "companies pay attention to the region, Başbuğ also said that")


def _lead(entry_id: str, lead: str):  # type: ignore[no-untyped-def]
    def change(data: dict) -> None:  # type: ignore[type-arg]
        next(e for e in data["entries"] if e["id"] == entry_id)["lead"] = lead
    return change


def test_a_lead_is_kept_as_the_source_prints_it(knowledge: KnowledgeBase) -> None:
    entry = knowledge.entry("basbug-resources-russia")
    assert entry is not None and entry.lead == ENERGY_LEAD
    # What the briefing prints: the lead, then the quote in its quotation marks.
    assert entry.passage == f"{ENERGY_LEAD} “{entry.text}”"
    assert entry.shown_in("en") == entry.passage
    assert found_in(entry.passage.rstrip("”"), knowledge.briefings[0].source_text)  # as printed


@pytest.mark.parametrize(("entry_id", "lead", "expected"), [
    # Words the source does not print.
    ("basbug-resources-russia", "Stressing that oil companies love the Arctic, Başbuğ said that",
     "field 'lead': not found in"),
    # The source's words, but introducing another quote.
    ("basbug-troops", ENERGY_LEAD, "field 'lead': not printed right before the quote"),
    # A lead that does not name the expert whose quote it introduces.
    ("ozan-ukraine-crisis", "both energy transmission companies and energy production companies",
     "field 'lead': does not name Dr. Emre Ozan"),
    # A context note has no lead.
    ("context-briefing-ankasam", ENERGY_LEAD, "field 'lead': only an expert's 'quote' has a lead"),
])
def test_a_bad_lead_is_named(knowledge_copy: Path, entry_id: str, lead: str,
                             expected: str) -> None:
    _edit(knowledge_copy, _lead(entry_id, lead))
    problems = _problems(knowledge_copy)
    assert f"(id '{entry_id}')" in problems and expected in problems
