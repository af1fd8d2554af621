"""The briefing-bot command line, run as a real process."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

BRIEFING = "ankasam-blinken-lavrov-2021.yaml"
ROOT = Path(__file__).resolve().parents[1]


def _env(env: dict[str, str] | None = None) -> dict[str, str]:
    full_env = {k: v for k, v in os.environ.items() if k != "BRIEFING_KNOWLEDGE_DIR"}
    full_env.update(env or {})
    return full_env


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    if cwd is not None:  # from another directory, `python -m bot` still runs this checkout
        env = {**(env or {}), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(env),
        cwd=cwd,
    )


def in_terminal(args: list[str], keys: list[bytes], prompt: bytes = b"you> ",
                timeout: float = 30.0) -> tuple[int, str]:
    """Run the CLI on a pseudo-terminal, as a person would; type each of `keys` at a prompt.

    Returns the exit code and everything the terminal showed (its newlines are \r\n).
    """
    pty = pytest.importorskip("pty")  # POSIX only
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "bot", *args], stdin=slave, stdout=slave,
                            stderr=slave, env=_env({"TERM": "xterm"}), close_fds=True)
    os.close(slave)
    shown = b""

    def read_until(done: float) -> None:
        """Read until the prompt has been shown `done` times, or the output ends."""
        nonlocal shown
        deadline = time.monotonic() + timeout
        while shown.count(prompt) < done and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the process has gone
                return
            if not chunk:
                return
            shown += chunk

    try:
        for done, key in enumerate(keys, start=1):
            read_until(done)
            os.write(master, key)
        code = proc.wait(timeout=timeout)
        read_until(float("inf"))  # the rest, up to the end of the output
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return code, shown.decode("utf-8", "replace")


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
    assert set(answer) == {"id", "expert", "text", "score", "briefing"}
    assert answer["expert"] == {"name": "Onur Öymen", "title": "Retired Ambassador"}
    assert answer["briefing"] == {
        "id": "ankasam-blinken-lavrov-2021",
        "title": "Seeking Cooperation in Global Struggle: Blinken-Lavrov Meeting"}
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


# --------------------------------------------------------------------------- options and .env


def test_knowledge_and_verbose_work_after_the_subcommand(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    for args in (("ask", "--knowledge", missing, "x"), ("ask", "x", "--knowledge", missing),
                 ("experts", "--knowledge", missing), ("topics", "--knowledge", missing),
                 ("chat", "--knowledge", missing)):
        proc = cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "knowledge directory not found" in proc.stderr
    check = cli("check", "--knowledge", missing)
    assert check.returncode == 1 and "knowledge directory not found" in check.stderr
    verbose = cli("experts", "-v")
    assert verbose.returncode == 0 and "DEBUG knowledge" in verbose.stderr
    # Before the sub-command still works, and an option after it is not undone by one before.
    assert cli("--knowledge", missing, "experts").returncode == 2
    assert cli("--knowledge", missing, "experts", "--knowledge", str(ROOT / "knowledge" / "data")
               ).returncode == 0


def test_dotenv_knowledge_dir_applies_to_every_command(
    tmp_path: Path, knowledge_copy: Path
) -> None:
    path = knowledge_copy / BRIEFING
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][4]["topics"] = ["imaginary"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / ".env").write_text(
        f"# the knowledge base `run` would serve\nBRIEFING_KNOWLEDGE_DIR={knowledge_copy}\n",
        encoding="utf-8",
    )
    check = cli("check", cwd=tmp_path)
    assert check.returncode == 1, check.stdout
    assert "unknown topic 'imaginary'" in check.stderr
    for args in (("ask", "nord stream"), ("experts",), ("topics",), ("chat",)):
        proc = cli(*args, cwd=tmp_path, stdin="")
        assert proc.returncode == 2, (args, proc.stdout)
        assert "unknown topic 'imaginary'" in proc.stderr
    # A real environment variable wins over .env; --knowledge wins over both.
    good = str(ROOT / "knowledge" / "data")
    assert cli("check", cwd=tmp_path, env={"BRIEFING_KNOWLEDGE_DIR": good}).returncode == 0
    assert cli("check", "--knowledge", good, cwd=tmp_path).returncode == 0
    # A .env the bot would refuse is refused here too: one line, naming the line only.
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN 123:secret\n", encoding="utf-8")
    broken = cli("ask", "nord stream", cwd=tmp_path)
    assert broken.returncode == 2 and broken.stderr.strip().endswith("line 1: expected KEY=VALUE")
    assert "secret" not in broken.stderr and len(broken.stderr.splitlines()) == 1


# --------------------------------------------------------------------------- console polish


def test_ask_in_a_terminal_says_it_reads_standard_input() -> None:
    pty = pytest.importorskip("pty")  # POSIX only
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "ask"], stdin=slave,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=_env())
        os.write(master, b"nord stream\n\x04")
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 0
    assert "Reading questions from standard input, one per line" in err and "Ctrl-D" in err
    assert "Deniz Berktay" in out
    # Not when stdin is a pipe: scripts get no chatter on stderr.
    assert cli("ask", stdin="nord stream\n").stderr == ""


def test_batch_text_answers_repeat_each_question() -> None:
    proc = cli("ask", stdin="nord stream\nwhat is the weather\n")
    assert proc.returncode == 0
    first, second = proc.stdout.split("-" * 40)
    assert first.startswith("Q: nord stream\n\n“")
    assert first.index("Q: nord stream") < first.index("Deniz Berktay")
    assert second.strip().startswith("Q: what is the weather\n\nNot covered in this briefing.")


def test_topics_count_entries_in_singular_and_plural() -> None:
    lines = cli("topics").stdout.splitlines()
    assert not [line for line in lines if " 1 entries]" in line]
    assert [line for line in lines if line.endswith(", 1 entry]")]
    assert [line for line in lines if line.endswith(" entries]")]


def test_context_answer_names_the_publisher_once_without_doubled_parentheses() -> None:
    proc = cli("ask", "What is ANKASAM?")
    assert proc.returncode == 0
    assert "From the briefing:" in proc.stdout
    assert "ANKASAM (Ankara Center for Crisis and Policy Studies)" in proc.stdout
    assert "(ANKASAM (" not in proc.stdout and "))" not in proc.stdout


def test_chat_help_when_piped() -> None:
    proc = cli("chat", stdin="help\nquit\n")
    assert proc.returncode == 0
    assert "Commands: help, experts, topics, quit." in proc.stdout
    after = proc.stdout.split("you> help", 1)[1]
    for word in ("experts", "topics", "quit", "Ctrl-D"):
        assert word in after


def test_chat_in_a_terminal_edits_recalls_and_ends_cleanly() -> None:
    """Up-arrow recalls the last question (readline), `help` answers, Ctrl-D ends the line."""
    up = b"\x1b[A"
    code, shown = in_terminal(["chat"], [b"oymen syria\r", up + b"\r", b"help\r", b"\x04"])
    assert code == 0, shown
    assert "^[[A" not in shown
    assert shown.count("— Onur Öymen, Retired Ambassador") == 2, shown  # asked, then recalled
    assert "Arrow keys edit the line" in shown
    assert shown.endswith("you> \r\n"), repr(shown[-40:])  # the shell prompt starts a new line


# --------------------------------------------------------------------------- a fresh clone


def _clone(tmp_path: Path) -> Path:
    """The tracked files, as a fresh clone has them, with nothing beside them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    clone = tmp_path / "clone"
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is not in a clone
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    return clone


def test_readme_scoring_command_works_in_a_fresh_clone(tmp_path: Path) -> None:
    clone = _clone(tmp_path)
    assert not (tmp_path / "shared").exists()
    readme = (clone / "README.md").read_text(encoding="utf-8")
    command = ("python -m benchmarks.score --questions tests/data/dev.yaml -- "
               "briefing-bot ask --json")
    assert command in readme
    # The clone's own code answers: `python -m bot` from the clone stands for briefing-bot.
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.score", "--questions", "tests/data/dev.yaml", "--",
         sys.executable, "-m", "bot", "ask", "--json"],
        cwd=clone, capture_output=True, text=True, timeout=120, env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert "hit1=" in proc.stdout.splitlines()[-1]
    found = subprocess.run(
        [sys.executable, "-c", "from benchmarks.paths import resolve_questions, SCORE_PY; "
         "print(resolve_questions(None)); print(SCORE_PY.is_file())"],
        cwd=clone, capture_output=True, text=True, timeout=60, env=_env(),
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == [str(clone / "tests" / "data" / "dev.yaml"), "True"]


def test_the_scale_test_is_marked_slow_and_still_runs_by_default() -> None:
    def collect(*more: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "--strict-markers",
             "-p", "no:cacheprovider", *more, "tests/test_scale.py"],
            cwd=ROOT, capture_output=True, text=True, timeout=60, env=_env(),
        ).stdout

    assert "2/3 tests collected (1 deselected)" in collect("-m", "slow")
    assert "3 tests collected" in collect()


def test_ask_and_chat_speak_turkish_with_lang_tr() -> None:
    """--lang tr: everything but the experts' words is Turkish; the biography is shown in its
    Turkish original; without --lang, English as before, but for a Turkish original to a
    question asked in Turkish."""
    proc = cli("ask", "--lang", "tr", "Özge Eletek kimdir?")
    assert proc.returncode == 0, proc.stderr
    assert "İzmir'de doğdu" in proc.stdout and "— Bilgi notundan:" in proc.stdout
    assert "was born" not in proc.stdout
    english = cli("ask", "Who is Özge Eletek?").stdout
    # The English note, then the briefing's own Turkish after it (wrapped to the console).
    assert "was born in İzmir" in english and "As the briefing prints it: Özge Eletek" in english
    assert english.index("was born") < english.index("İzmir'de doğdu")
    # Asked in Turkish, the original, whatever the interface's language.
    asked = cli("ask", "Özge Eletek kimdir?").stdout
    assert "İzmir'de doğdu" in asked and "— From the briefing" in asked
    declined = cli("ask", "--lang", "tr", "How do I make pasta carbonara?").stdout
    assert declined.startswith("Bu bilgi notunda yer almıyor.")
    quote = cli("ask", "--lang", "tr", "oymen crimea").stdout
    assert "— Onur Öymen, Retired Ambassador" in quote and "Crimea" in quote  # quotes: English
    data = json.loads(cli("ask", "--json", "--lang", "tr", "Özge Eletek kimdir?").stdout)
    assert "İzmir'de doğdu" in data["answers"][0]["text"]
    chat = cli("chat", "--lang", "tr", stdin="help\nwhat is love\nquit\n")
    assert chat.returncode == 0
    assert "Uzmanların görüşlerini sorun" in chat.stdout and "Komutlar:" in chat.stdout
    assert "Bu bilgi notunda yer almıyor." in chat.stdout
    assert cli("ask", "--lang", "de", "x").returncode == 2
