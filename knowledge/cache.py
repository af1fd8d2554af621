"""An on-disk cache of the loaded knowledge base and of the matcher's index.

At a thousand briefings, parsing the YAML and checking every quote against its source takes
tens of seconds and building the index ten more; with this cache a restart reads the
knowledge base from one compact file and maps the index's arrays from `.npy` files.

Where: $BRIEFING_CACHE_DIR (`off` turns the cache off), else $DATA_DIR/cache, else
$XDG_CACHE_HOME/briefing-bot (~/.cache/briefing-bot).

Key: a SHA-256 over the code of the `knowledge` package (the loader's checks and the matcher's
build are part of what is cached) and CACHE_VERSION, the identity of the word lists
(`lexicon.identity`), and the name and bytes of every briefing file. Each briefing's source
text is read again at every start and compared with the SHA-256 recorded in the cache, so an
edited source is noticed too. A knowledge base is cached only after a full load found no
problem: a cached one is what `briefing-bot check` would find for the same bytes and code.

Safety: nothing is unpickled. The knowledge base is msgpack of plain lists and strings, the
index is `.npy` files loaded with `allow_pickle=False`; every file carries a SHA-256 checked
before use, and the index's shapes and offsets are validated. A corrupt cache is reported in
one warning line and rebuilt; a stale one is rebuilt silently; a cache directory that cannot
be created or written only costs speed (logged at DEBUG).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import mmap
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import msgpack
import numpy as np

from knowledge import lexicon
from knowledge.index import ARRAYS, Index, build_index
from knowledge.models import (
    Briefing,
    Entry,
    Expert,
    KnowledgeBase,
    Questions,
    SourceText,
    Topic,
)

logger = logging.getLogger(__name__)

# Bump when the format of the cached files changes (code changes change the key anyway).
CACHE_VERSION = "5"
_CHUNK = 1 << 20  # bytes read at a time to check the questions file
ENV_VAR = "BRIEFING_CACHE_DIR"
OFF = {"off", "none", "no", "0", "false"}
KEEP = 8  # knowledge bases kept in the cache directory, most recently written first
_MAGIC = b"briefing-bot cache " + CACHE_VERSION.encode() + b"\n"
_warned: set[str] = set()


def cache_directory() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured.lower() in OFF:
        return None
    if configured:
        return Path(configured).expanduser()
    data = os.environ.get("DATA_DIR", "").strip()
    if data:
        return Path(data).expanduser() / "cache"
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "briefing-bot"


@functools.cache
def code_digest() -> str:
    """What the cached data depends on besides the knowledge files: code and word lists."""
    digest = hashlib.sha256(_MAGIC)
    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(lexicon.identity().encode())
    return digest.hexdigest()


def knowledge_key(files: Sequence[Path]) -> str:
    """The cache key of a knowledge directory's briefing files (names and bytes)."""
    digest = hashlib.sha256(code_digest().encode())
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def _warn_once(what: str, path: Path) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        logger.warning("cache %s is corrupt (%s); rebuilding it", path, what)


def _sealed(payload: bytes) -> bytes:
    return _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _mapped(path: Path, digest: object) -> mmap.mmap:
    """The questions file, checked against its SHA-256 (read in chunks), mapped read-only."""
    found = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            found.update(chunk)
        if found.hexdigest() != digest:
            raise ValueError("questions file does not match its checksum")
        if os.fstat(handle.fileno()).st_size == 0:
            raise ValueError("questions file is empty")
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _unsealed(data: bytes) -> memoryview:
    """The payload of a sealed file, not copied; ValueError when the checksum does not hold."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a cache file of this version")
    view = memoryview(data)[len(_MAGIC):]
    checksum, payload = bytes(view[:64]), view[65:]
    if view[64:65] != b"\n" or hashlib.sha256(payload).hexdigest().encode() != checksum:
        raise ValueError("checksum mismatch")
    return payload


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _prune(root: Path) -> None:
    """Keep the KEEP most recently written knowledge bases (and their indexes)."""
    try:
        found = sorted(root.glob("*.knowledge"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[KEEP:]:
            old.unlink(missing_ok=True)
            shutil.rmtree(old.with_suffix(".index"), ignore_errors=True)
            old.with_suffix(".questions").unlink(missing_ok=True)
    except OSError as exc:
        logger.debug("cache: could not prune %s: %s", root, exc)


# ------------------------------------------------------------------ the knowledge base


def load_knowledge_base(directory: Path, key: str) -> KnowledgeBase | None:
    """The cached knowledge base for this key, or None (missing, stale or corrupt)."""
    root = cache_directory()
    if root is None:
        return None
    path = root / f"{key}.knowledge"
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of objects that all live on: no cycles to look for
    try:
        try:
            data = path.read_bytes()
            # Read a row at a time: each entry is made as its row is unpacked, so the rows
            # of a large archive never all live at once (freed together, they would leave
            # the process's memory in pieces the entries it keeps still hold).
            unpacker = msgpack.Unpacker(raw=False, use_list=False, max_buffer_size=0)
            unpacker.feed(_unsealed(data))
            del data  # the file's bytes, once the unpacker holds them
            head = {}
            for _ in range(unpacker.read_map_header()):
                name = unpacker.unpack()
                if name == "entries":
                    break
                head[name] = unpacker.unpack()
            else:
                raise ValueError("no entries")
            questions = _mapped(path.with_suffix(".questions"), head["questions"])
        except OSError:
            return None
        rows = (unpacker.unpack() for _ in range(unpacker.read_array_header()))
        knowledge = _decode(head, rows, directory, key, questions)
    except _Stale as exc:
        logger.debug("cache: %s is stale: %s", path, exc)
        return None
    except (ValueError, TypeError, KeyError, IndexError, msgpack.UnpackException) as exc:
        _warn_once(str(exc) or type(exc).__name__, path)
        return None
    finally:
        if collecting:
            gc.enable()
    # The knowledge base lives as long as the process (or until /reload, when reference
    # counting frees it): kept out of the cyclic collector's sweeps, which would otherwise
    # walk its million objects again and again while the matcher is set up.
    gc.freeze()
    logger.debug("cache: knowledge base read from %s", path)
    return knowledge


def store_knowledge_base(knowledge: KnowledgeBase, key: str) -> None:
    """Write the knowledge base to the cache; a cache that cannot be written is skipped."""
    root = cache_directory()
    if root is None:
        return
    try:
        blocks = [e.questions.block if isinstance(e.questions, Questions)
                  else "\n".join(e.questions) for e in knowledge.entries]
        encoded = [b.encode("utf-8") for b in blocks]
        questions = b"".join(encoded)
        data = _encode(knowledge)
        ends = np.cumsum([len(b) for b in encoded]).tolist()
        for row, end, size in zip(data["entries"], ends, map(len, encoded), strict=True):
            row[4] = [end - size, end]
        # (The questions' checksum first: the entries are read after it, a row at a time.)
        data = {"questions": hashlib.sha256(questions).hexdigest(), **data}
        _write_atomic(root / f"{key}.questions", questions)
        _write_atomic(root / f"{key}.knowledge", _sealed(msgpack.packb(data, use_bin_type=True)))
    except OSError as exc:
        logger.debug("cache: not written to %s: %s", root, exc)
        return
    _prune(root)


class _Stale(Exception):
    """The cache was right once, but a source text changed since."""


def _source_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _encode(kb: KnowledgeBase) -> dict[str, Any]:
    expert_at = {id(e): i for i, e in enumerate(kb.experts)}
    topic_at = {id(t): i for i, t in enumerate(kb.topics)}
    return {
        "briefings": [[b.id, b.title, b.publisher, b.compiler, b.date, b.summary,
                       b.source_path, _source_digest(b.source_text), b.place]
                      for b in kb.briefings],
        "experts": [[e.id, e.name, e.title, list(e.aliases), e.briefing_id,
                     list(e.briefing_ids)] for e in kb.experts],
        "topics": [[t.id, t.name, list(t.aliases), t.briefing_id, t.ref,
                    [list(pair) for pair in t.names]] for t in kb.topics],
        "entries": [[e.id, e.briefing_id, expert_at[id(e.expert)] if e.expert else -1,
                     [topic_at[id(t)] for t in e.topics], None, e.text,
                     e.is_quote, e.key, e.profile, e.original, e.position, e.lead]
                    for e in kb.entries],
    }


def _decode(data: dict[str, Any], rows: Iterable[Any], directory: Path, key: str,
            questions: mmap.mmap) -> KnowledgeBase:
    """The knowledge base from its cached lists (TypeError, ValueError... when malformed)."""
    # One object per distinct alias list, title or id: copies of a briefing repeat them.
    pool: dict[Any, Any] = {}

    def words(values: tuple[str, ...]) -> tuple[str, ...]:
        return pool.setdefault(values, values)

    def same(value: str) -> str:
        return pool.setdefault(value, value)

    briefings = []
    for (bid, title, publisher, compiler, date, summary, source_path, digest,
         place) in data["briefings"]:
        path = (directory / str(source_path)).resolve()
        try:
            source = path.read_text(encoding="utf-8")  # as the loader reads it
        except (OSError, UnicodeDecodeError) as exc:
            raise _Stale(f"source {source_path}: {exc}") from None
        if _source_digest(source) != digest:
            raise _Stale(f"source {source_path} changed")
        briefings.append(Briefing(
            id=bid, title=title, publisher=publisher, compiler=compiler, date=date,
            summary=summary, source_path=source_path, source=SourceText(path=str(path)),
            place=place))
    experts = [Expert(id=i, name=n, title=same(t), aliases=words(a), briefing_id=same(b),
                      briefing_ids=words(bs))
               for i, n, t, a, b, bs in data["experts"]]
    topics = [Topic(id=same(i), name=same(n), aliases=words(a), briefing_id=same(b),
                    ref=r, names=tuple((str(lang), str(name)) for lang, name in names))
              for i, n, a, b, r, names in data["topics"]]
    entries = [
        Entry(id=ident, briefing_id=same(bid), expert=experts[expert] if expert >= 0 else None,
              topics=tuple([topics[t] for t in topic_list]),
              questions=Questions(source=questions, start=span[0], end=span[1]),
              text=body, is_quote=is_quote, key=headline, profile=profile, original=original,
              position=position, lead=lead)
        for (ident, bid, expert, topic_list, span, body, is_quote, headline, profile,
             original, position, lead) in rows
    ]
    for entry in entries:
        if not isinstance(entry.text, str) or not isinstance(entry.questions, Questions) \
                or not 0 <= entry.questions.span[0] < entry.questions.span[1] <= len(questions):
            raise TypeError("entry without text or questions")
    return KnowledgeBase(
        directory=str(directory), briefings=tuple(briefings), experts=tuple(experts),
        topics=tuple(topics), entries=tuple(entries), cache_key=key)


# ------------------------------------------------------------------ the matcher's index


def index_for(knowledge: KnowledgeBase) -> Index:
    """The knowledge base's index: read from the cache when it holds one, else built (and
    written to the cache when the knowledge base came from a directory)."""
    key = knowledge.cache_key
    root = cache_directory() if key else None
    if root is None:
        return build_index(knowledge)
    folder = root / f"{key}.index"
    found = _read_index(folder, knowledge)
    if found is not None:
        return found
    index = build_index(knowledge)
    _write_index(folder, index)
    return index


def _read_index(folder: Path, knowledge: KnowledgeBase) -> Index | None:
    header_path = folder / "header"
    try:
        data = header_path.read_bytes()
    except OSError:
        return None
    try:
        header = msgpack.unpackb(_unsealed(data), raw=False)
        arrays: dict[str, np.ndarray] = {}
        for name in ARRAYS:
            path = folder / f"{name}.npy"
            if _file_digest(path) != header["files"][name]:
                raise ValueError(f"{name}.npy: checksum mismatch")
            # Mapped, not read: pages are loaded as questions touch them, and shared with
            # other processes serving the same knowledge base.
            arrays[name] = np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))
        index = Index(arrays, int(header["briefings"]))
        index.check(len(knowledge.entries), len(knowledge.topics))
        if index.briefings != len(knowledge.briefings):
            raise ValueError("made for another number of briefings")
    except (OSError, ValueError, TypeError, KeyError, msgpack.UnpackException) as exc:
        _warn_once(str(exc) or type(exc).__name__, folder)
        return None
    logger.debug("cache: index mapped from %s", folder)
    return index


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_index(folder: Path, index: Index) -> None:
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    except OSError as exc:
        logger.debug("cache: index not written to %s: %s", folder.parent, exc)
        return
    try:
        files = {}
        for name in ARRAYS:
            path = temporary / f"{name}.npy"
            np.save(path, index.arrays[name], allow_pickle=False)
            files[name] = _file_digest(path)
        header = {"briefings": index.briefings, "files": files}
        (temporary / "header").write_bytes(
            _sealed(msgpack.packb(header, use_bin_type=True)))
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a corrupt one
        os.rename(temporary, folder)
    except OSError as exc:
        logger.debug("cache: index not written to %s: %s", folder, exc)
        shutil.rmtree(temporary, ignore_errors=True)
