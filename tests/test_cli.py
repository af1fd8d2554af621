"""The briefing-bot command line, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BRIEFING = "ankasam-blinken-lavrov-2021.yaml"


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "BRIEFING_KNOWLEDGE_DIR"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=full_env,
    )


def test_ask_prints_quote_then_expert_name_and_title() -> None:
    proc = cli("ask", "What did Başbuğ say about the Arctic Council?")
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.split("\n\n")[0]
    assert first.startswith("“")
    assert "— Coşkun Başbuğ, Security and Terrorism Expert / Retired Intelligence Colonel" in first


def test_ask_json_contract() -> None:
    proc = cli("ask", "--json", "oymen crimea")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"question", "answers", "suggestions", "hint"}
    assert data["question"] == "oymen crimea"
    answer = data["answers"][0]
    assert set(answer) == {"id", "expert", "text", "score"}
    assert answer["expert"] == {"name": "Onur Öymen", "title": "Retired Ambassador"}
    assert "Crimea" in answer["text"] and answer["score"] >= 0.4  # not clipped: it may pass 1


def test_ask_json_declines_with_empty_answers() -> None:
    data = json.loads(cli("ask", "--json", "How do I make pasta carbonara?").stdout)
    assert data["answers"] == []
    assert isinstance(data["suggestions"], list)


def test_ask_reads_stdin_one_json_line_per_question_in_order() -> None:
    questions = ["nord stream", "hello there", "", "Who is Deniz Berktay?", "ozan china"]
    proc = cli("ask", "--json", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in rows] == questions
    assert rows[0]["answers"][0]["expert"]["name"] == "Deniz Berktay"
    assert rows[1]["answers"] == [] and rows[2]["answers"] == []
    assert rows[4]["answers"][0]["expert"]["name"] == "Dr. Emre Ozan"


def test_ask_stdin_readable_blocks() -> None:
    proc = cli("ask", stdin="nord stream\nwhat is the weather\n")
    assert proc.returncode == 0
    assert "Deniz Berktay" in proc.stdout and "Not covered in this briefing." in proc.stdout


def test_ask_top_and_expert() -> None:
    data = json.loads(cli("ask", "--json", "--top", "1", "--expert", "basbug", "Ukraine").stdout)
    assert len(data["answers"]) == 1
    assert data["answers"][0]["expert"]["name"] == "Coşkun Başbuğ"


def test_unknown_expert_and_bad_options_are_one_line_errors() -> None:
    for args in (("ask", "--expert", "merkel", "x"), ("ask", "--top", "zero", "x"),
                 ("ask", "--bogus", "x"), ("frobnicate",)):
        proc = cli(*args)
        assert proc.returncode == 2, args
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr


def test_unreadable_knowledge_dir(tmp_path: Path) -> None:
    proc = cli("--knowledge", str(tmp_path / "missing"), "ask", "x")
    assert proc.returncode == 2
    assert "knowledge directory not found" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    env_proc = cli("ask", "x", env={"BRIEFING_KNOWLEDGE_DIR": str(tmp_path / "missing")})
    assert env_proc.returncode == 2 and "knowledge directory not found" in env_proc.stderr


def test_check_passes_and_fails_on_a_broken_copy(knowledge_copy: Path) -> None:
    ok = cli("check")
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")
    path = knowledge_copy / BRIEFING
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][3]["quote"] = data["entries"][3]["quote"].replace("the", "a", 1)
    data["entries"][4]["topics"] = ["imaginary"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bad = cli("--knowledge", str(knowledge_copy), "check")
    assert bad.returncode == 1
    assert "not found in sources/" in bad.stderr and "unknown topic 'imaginary'" in bad.stderr
    assert "check failed: 2 problem(s)" in bad.stderr


def test_experts_and_topics_listings() -> None:
    experts = cli("experts").stdout
    for name in ("Dr. Emre Ozan", "Prof. Dr. Mehmet Sait Dilek", "Coşkun Başbuğ", "Onur Öymen",
                 "Deniz Berktay"):
        assert name in experts
    assert "Nord Stream" in cli("topics").stdout


def test_chat_answers_piped_questions() -> None:
    proc = cli("chat", stdin="oymen syria\nexperts\nwhat is love\nquit\n")
    assert proc.returncode == 0
    assert "Onur Öymen, Retired Ambassador" in proc.stdout
    assert "Not covered in this briefing." in proc.stdout
    assert "Deniz Berktay — Journalist and Eastern Europe Expert" in proc.stdout


def test_installed_console_script_matches_module() -> None:
    script = Path(sys.executable).parent / "briefing-bot"
    if not script.exists():
        pytest.skip("briefing-bot console script not installed beside this interpreter")
    proc = subprocess.run([str(script), "ask", "--json", "belarus"], capture_output=True,
                          text=True, timeout=60)
    assert json.loads(proc.stdout)["answers"][0]["expert"]["name"] == "Deniz Berktay"
