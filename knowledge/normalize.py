"""Text folding shared by the loader (provenance) and the matcher (questions and choices)."""

from __future__ import annotations

import html
import re
import unicodedata

# Turkish dotless/dotted i do not decompose under NFKD, so they are mapped first.
_TURKISH = str.maketrans({"ı": "i", "İ": "i", "I": "i"})
_MARKS = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+")
# The combining diacritical marks block, which NFKD leaves after Latin letters (U+034F, the
# grapheme joiner, is not a combining mark and stays, as unicodedata.combining says).
_DIACRITICS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_SPACE = re.compile(r"\s+")

# Words that frame a question rather than say what it is about. English and Turkish.
STOP_WORDS = frozenset(
    """
    a about above according after again all also am an and any are as at be because been before
    being between both but by can could did do does doing done during each either else even ever
    for from further get gets give got had has have having he her here hers him his how i if in
    into is it its itself just let lets like me mean meant means more most much must my no nor
    not now of off on once only or other our out over own please regarding s said same say saying
    says she should so some such t tell than that the their theirs them then there these they
    this those through thus to too under until up upon us very was way we were what whats
    when where which while who whom whose why will with within would you your yours d ll re ve m
    anything something think thinks thought view views opinion opinions comment comments
    position positions stance stated state states talk talked talking speak spoke mention
    mentioned explain explained expert discuss discussed discusses show know knew
    figure figures analysis analyst analysts role roles matter matters important importance
    happen happens happened really exactly actually main point points argue argues argued
    claim claims believe believes feel feels according describe describes described
    consider considers considered reckon regard regards see sees seen saw look looks
    many currently current list lists
    help hi hello hey thanks thank ok okay good morning evening bye cheers merhaba selam
    tesekkur tesekkurler sagol
    wat wut abt pls plz thx u ur
    less still yet already whether might toward towards suggest suggests indicate indicates
    ne neden nasil nedir kim kimdir hakkinda ile ve veya bir bu su o da de mi mu midir icin
    dedi dediler diyor diyorlar demis soyledi soylediler soyluyor soyluyorlar anlatti
    dusunuyor dusunuyorlar dusunce dusuncesi gorus gorusu gorusleri yorum yorumu yorumlari
    oldu olur oluyor olacak olmus var yok yapildi yapilacak edildi
    neler nelerdir hangi gore acikladi aciklama uzman uzmani
    """.split()
)

# Turkish names of countries, places, peoples and months, folded, with their English names:
# readers write Turkish, and a name the briefing knows in English must not read as an unknown
# name (the matcher declines those). General vocabulary, not this briefing's.
TURKISH_NAMES = {
    "amerika": "america", "amerikan": "american", "amerikali": "american",
    "abd": "usa", "birlesik": "united", "devletleri": "states",
    "rusya": "russia", "rus": "russian", "ruslar": "russians", "cin": "china",
    "cinli": "chinese", "japonya": "japan", "kanada": "canada", "danimarka": "denmark",
    "isvec": "sweden", "norvec": "norway", "finlandiya": "finland", "izlanda": "iceland",
    "almanya": "germany", "alman": "german", "fransa": "france", "ingiltere": "england",
    "ingiliz": "british", "guney": "south", "kuzey": "north", "dogu": "eastern",
    "bati": "west", "avrupa": "europe", "asya": "asia", "pasifik": "pacific",
    "orta": "middle", "kafkasya": "caucasus", "baltik": "baltic", "baltiklar": "baltics",
    "ukrayna": "ukraine", "kirim": "crimea", "suriye": "syria", "iran": "iran",
    "afganistan": "afghanistan", "moskova": "moscow", "pekin": "beijing", "kore": "korea",
    "sovyet": "soviet", "sovyetler": "soviet", "dto": "wto", "ocak": "january",
    "nisan": "april", "mayis": "may", "haziran": "june", "karadeniz": "black sea",
}

# Words readers use for the same thing when they talk about foreign policy, one group a line.
# General vocabulary, written without looking at any question set: a paraphrase ("did ties
# sour?") finds the briefing's own words ("deterioration between the USA and Russia").
SYNONYM_GROUPS = """
relations ties relationship relationships
cooperate cooperation collaborate collaboration partnership
dialogue talks negotiations negotiate diplomacy
tension tensions friction hostility strain confrontation standoff
escalate escalation escalating intensify heighten
deterioration worse worsen worsened soured sour deteriorate deteriorated
significant vital crucial essential critical
conditions condition terms demands
willing keen ready eager prepared
real genuine true sincere
soft softer milder conciliatory
harsh tough hard hardline strict
rival competitor adversary
influence sway clout
problem problems issue issues challenge challenges difficulty difficulties
region area zone
countries states nations
warships vessels
normalize normalise normalization normalisation mend repair improve better
interests stakes
rhetoric language tone discourse
calm calmer ease
aim aimed purpose goal objective intend intended
prepare preparation groundwork
allegations accusations
plans plan ambitions intentions
react reaction respond response retaliate
complaints complaint grievances objects objection objections oppose opposes
aggressive assertive
beneficial useful helpful
surprise surprising unexpected
resist resisted withstand defy
predictable stable
armament weapons arms
unstable fragile shaky volatile
likely possible possibility probable chance
"""

# "The experts" is what a question is about in "Who are the experts?" and framing in "What do
# the experts say about …": framing when a word of speaking follows within three words.
PANEL_WORDS = frozenset({"experts", "uzmanlar"})
SPEAKING = frozenset(
    "say says said think thinks thought make view views opinion opinions on about believe "
    "believes predict predicts expect expects argue argues agree disagree see saw make made "
    "dedi diyor diyorlar dusunuyor dusunuyorlar hakkinda soyledi soyluyor soyluyorlar".split()
)
# Imperative framing that opens a question ("Name the Arctic Five"), content elsewhere
# ("Blinken's first name").
LEADING_FRAMING = frozenset({"name"})
_TAG = re.compile(r"<[^<>]{0,200}>")

_SUFFIXES = ("ational", "ization", "ations", "ation", "ions", "ion", "ments", "ment", "ness",
             "ings", "ing", "ies", "ied", "ed", "es", "ly", "able", "ible", "al", "ic", "ate", "s",
             "e", "y")


def fold(text: str) -> str:
    """Case-fold, strip diacritics (Turkish-aware), unify quote marks and dashes and spaces."""
    if text.isascii():
        return _SPACE.sub(" ", text.translate(_MARKS).lower()).strip()
    text = text.translate(_TURKISH).translate(_MARKS)
    text = _DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():  # marks outside the common block, if any: one character at a time
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text.casefold()).strip()


def tokens(text: str) -> list[str]:
    """Folded alphanumeric words of a text, in order."""
    return _TOKEN.findall(fold(text))


def synonyms() -> dict[str, tuple[str, ...]]:
    """For each word of SYNONYM_GROUPS, by its stem, the other words of its group."""
    table: dict[str, tuple[str, ...]] = {}
    for line in SYNONYM_GROUPS.strip().splitlines():
        group = line.split()
        for word in group:
            table[stem(word)] = tuple(dict.fromkeys(table.get(stem(word), ()) + tuple(group)))
    return table


def plain_text(text: str) -> str:
    """A question as its reader sees it: markup pasted with it (`<b>arctic</b>`) read as text."""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub(" ", text))
    return text


def without_framing(words: list[str]) -> list[str]:
    """The words without the framing ones that are framing only where they stand (see above)."""
    kept = []
    for pos, word in enumerate(words):
        if word in PANEL_WORDS and any(w in SPEAKING for w in words[pos + 1 : pos + 4]):
            continue
        if pos == 0 and word in LEADING_FRAMING and len(words) > 1:
            continue
        kept.append(word)
    return kept


def content_tokens(text: str) -> list[str]:
    """Folded words of a text without stop words and framing."""
    return folded_content_tokens(fold(text))


def folded_content_tokens(folded: str) -> list[str]:
    """content_tokens of a text already folded (so a text needs folding only once)."""
    return [t for t in without_framing(_TOKEN.findall(folded)) if t not in STOP_WORDS]


def stem(word: str) -> str:
    """A light English suffix-stripper, enough to relate 'valuable' to 'value' or 'sanctions'."""
    if len(word) <= 4 or word.isdigit():
        return word
    for _ in range(3):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def for_provenance(text: str) -> str:
    """Fold only what a faithful quotation may change: spaces, quote marks and dashes."""
    text = text.translate(_MARKS)
    return _SPACE.sub(" ", text).strip()
