"""Text folding shared by the loader (provenance) and the matcher (questions and choices)."""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence, Set
from typing import overload

from knowledge.thesaurus import MORE_SYNONYM_GROUPS, PHRASAL_VERBS
from knowledge.turkish_vocabulary import MORE_TURKISH_WORDS
from knowledge.turkish_words import GENERAL_TURKISH_WORDS

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
# An ending after an apostrophe: Turkish writes a name's case ending so ("Kırım'ı",
# "Arktik'te", "Rusya'nın"), English its possessive and contractions ("Russia's", "don't").
# Either way the word is what comes before it.
_APOSTROPHE_ENDING = re.compile(r"(?<=[a-z0-9])'[a-z]+")
# A negative typed without its apostrophe ("shouldnt", "didnt"), read as with it ("shouldn't",
# whose ending is left out: "shouldn").
_NEGATIVE_UNWRITTEN = re.compile(
    r"\b(did|does|do|is|was|were|are|should|would|could|has|have|had|must)nt\b")
_SPACE = re.compile(r"\s+")

# Words that frame a question rather than say what it is about. English and Turkish.
# A question's framing read only as written ("per Ozan", "What role does China play?", "How did
# it go overall?"): a word one slip from these is most often another word ("user", "plans",
# "game"), not a misspelt framing word (`knowledge.words.stop_word_meant` leaves them out).
PLAIN_FRAMING = frozenset("overall per play plays use used go going goes went come comes came "
                          "coming".split())
STOP_WORDS = frozenset(
    """
    a about above according after again all also am an and any are as at be because been before
    beforehand
    being between both but by can could did do does doing done during each either else even ever
    for from further get gets give gives giving got gotten had has have having he her here hers
    him his how i if in into is it its itself just let lets like me mean meant means more most much
    must my no nor
    not now of off on once only or other our out over own please regarding s said same say saying
    says she should so some such t tell than that the their theirs them then there these they
    this those through thus to too under until up upon us very was way we were what whats
    when where which while who whom whose why will with within would you your yours d ll re ve m
    anything something think thinks thought view views opinion opinions comment comments
    position positions stance stated state states talk talked talking speak spoke mention
    mentioned explain explained expert discuss discussed discusses show know knew
    figure figures analysis analyst analysts commentator commentators pundit pundits role roles
    matter matters important importance
    happen happens happened really exactly actually specifically precisely
    particularly especially basically main point points argue argues argued
    claim claims believe believes feel feels according describe describes described
    consider considers considered reckon regard regards see sees seen saw look looks
    many currently current list lists
    help hi hello hey bot thanks thank ok okay good morning evening bye cheers merhaba selam
    mr mrs ms mister madam sir dr prof sayin bey bay bayan hanim vs versus compare compared
    question questions soru sorum sorular thoughts assess assesses assessed assessment
    assessments evaluate evaluates evaluation summarize summarise outline remark remarks
    perspective take significance relevance
    tesekkur tesekkurler sagol
    wat wut abt pls plz thx u ur
    less still yet already whether might toward towards suggest suggests indicate indicates
    lately recently nowadays anyone anybody someone somebody somewhere moment
    cite cites cited affairs sum
    simply eventually whole
    quote quotes quoted quotable quotation sentence sentences soundbite surely anyway
    classify classifies interpret interprets infer infers
    though although rather whatever whoever whenever wherever
    viewed viewing regarded mentions mentioning explains explaining discussing commented
    commenting summarized summarised indicated outlined remarked describing
    classified
    didn doesn don isn wasn aren weren hasn haven hadn wouldn couldn shouldn ones besides
    bunlar bunlari bunlarin sunlar sunlari onlar onlari
    ne neden nasil nedir kim kimdir hakkinda ile ve veya bir bu su o da de mi mu midir icin
    dedi dediler diyor diyorlar demis soyledi soylediler soyluyor soyluyorlar anlatti
    demisti soylemisti ifadeyi ifadeleri nitelemeyi nitelemesi
    dusunuyor dusunuyorlar dusunce dusuncesi gorus gorusu gorusleri yorum yorumu yorumlari
    oldu olur oluyor olacak olmus var yok yapildi yapilacak edildi yapilacakti yapilmisti
    yapilacagi yapilmis
    boyle oyle yuzden
    zamandir
    neler nelerdir hangi gore acikladi aciklama uzman uzmani nerede nereye nereden neresi
    neresidir nerededir nerde nerden onemli onemi goruluyor gorulen gorulmektedir gorulmesi
    hale haline
    nelerdi neydi nedir nasil nasildi niye nicin hangileri hangisi kimler kimlerdir midir mudur
    misin musun mi mu mudur mıdır miydi muydu miymis muymus acaba peki sizce bence lutfen bana
    bize anlat anlatir
    anlatin anlatabilir misiniz soyle soyler soylemis soyledigi soylenen soylendi diye
    diyor diyorlar demis dedigi dusunuyor dusundugu dusunmektedir dusunur dusuncesi
    gorusu gorusleri gorusunu goruslerini gorur gore goruyor degerlendirdi degerlendiriyor
    degerlendirmesi yorumladi yorumluyor belirtti belirtiyor ifade etti ediyor eder etmis eden
    hakkindaki hakkindakiler konusunda konusundaki konusu ilgili ilgisi acisindan olarak
    meselesi meselesine meselesini meselesinde bakiyor bakiyorlar bakisi soyledikleri uzerine
    uzerinde bahsetti bahsediyor bahseden bahsetmis bahsettigi degindi deginiyor deginen
    gibi kadar daha cok en cok sey seyler ise ama fakat ancak veya ya yani ki
    icin diye dair uzere olan olani olarak oldugu oldugunu olup olmasi
    notu notunu notunda notundaki notunun notlari
    olacagini olacagi olabilir olmali olursa olsa olmaz olmadi olmayacak olmak olacaklar
    olacakti oluyordu olmustu olurdu degil degildir sayiliyor sayilir sayilmaktadir
    birbirine birbirlerine birbiriyle birbirleriyle
    demek kimin kimlerin tur fikri fikrine fikrince goruslerine anlatiyor anlatiyorlar yapilmasi
    olduklarini oldugu olabilecek olacagina onemli onemi onem onemlidir
    """.split()
) | PLAIN_FRAMING

# Turkish names of countries, places, peoples and months, folded, with their English names:
# readers write Turkish, and a name the briefing knows in English must not read as an unknown
# name (the matcher declines those). General vocabulary, not this briefing's.
_TURKISH_NAMES = {
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
    "arktik": "arctic", "izlandali": "icelandic", "kanadali": "canadian",
    "norvecli": "norwegian", "ukraynali": "ukrainian", "avrupali": "european",
    "kremlin": "kremlin", "vasington": "washington", "beyaz": "white", "saray": "house",
    "belarus": "belarus", "ottava": "ottawa", "alaska": "alaska", "baltik denizi": "baltic sea",
    "subat": "february", "temmuz": "july", "agustos": "august",
    "eylul": "september", "ekim": "october", "kasim": "november", "aralik": "december",
    "dunya": "world", "orgut": "organization", "orgutu": "organization",
    "konsey": "council", "konseyi": "council", "birlik": "union", "birligi": "union",
    "akim": "stream", "bildirge": "declaration", "deklarasyon": "declaration",
    # Countries, capitals and peoples in their Turkish names (general geography).
    "avustralya": "australia", "avusturya": "austria", "irak": "iraq", "irakli": "iraqi",
    "tayvan": "taiwan", "hindistan": "india", "israil": "israel", "misir": "egypt",
    "italya": "italy", "ispanya": "spain", "yunanistan": "greece", "polonya": "poland",
    "macaristan": "hungary", "romanya": "romania", "bulgaristan": "bulgaria",
    "sirbistan": "serbia", "hirvatistan": "croatia", "gurcistan": "georgia",
    "ermenistan": "armenia", "azerbaycan": "azerbaijan", "kazakistan": "kazakhstan",
    "ozbekistan": "uzbekistan", "turkmenistan": "turkmenistan", "kirgizistan": "kyrgyzstan",
    "mogolistan": "mongolia", "endonezya": "indonesia", "filipinler": "philippines",
    "tayland": "thailand", "brezilya": "brazil", "arjantin": "argentina", "meksika": "mexico",
    "kuba": "cuba", "lubnan": "lebanon", "urdun": "jordan", "libya": "libya",
    "tunus": "tunisia", "cezayir": "algeria", "nijerya": "nigeria", "etiyopya": "ethiopia",
    "hollanda": "netherlands", "belcika": "belgium", "isvicre": "switzerland",
    "cekya": "czechia", "slovakya": "slovakia", "litvanya": "lithuania", "letonya": "latvia",
    "estonya": "estonia", "kibris": "cyprus", "portekiz": "portugal", "irlanda": "ireland",
    "iskocya": "scotland", "antarktika": "antarctica", "gronland": "greenland",
    "iranli": "iranian", "tahran": "tehran", "sam": "damascus", "kabil": "kabul",
    "afrika": "africa", "katar": "qatar", "suudi": "saudi",
}

# General words of foreign policy, folded Turkish with the English a briefing writes: a
# Turkish question finds English quotes through them, as through the names above. Written
# from a general vocabulary of international relations, not from any question set; only
# words of four letters or more, so an English word is never read as one with an ending.
TURKISH_WORDS = {
    "iliski": "relations", "iliskiler": "relations", "isbirligi": "cooperation",
    "gerginlik": "tension", "gerilim": "tension", "tirmanma": "escalation",
    "yaptirim": "sanctions", "baris": "peace", "savas": "war", "anlasma": "agreement",
    "diyalog": "dialogue", "muzakere": "negotiations", "toplanti": "meeting",
    "gorusme": "meeting", "zirve": "summit", "zirvesi": "summit", "lider": "leaders",
    "baskan": "president", "bakan": "minister", "bakani": "minister", "disisleri": "foreign",
    "yonetim": "administration", "yonetimi": "administration", "hukumet": "government",
    "politika": "policy", "strateji": "strategy", "kriz": "crisis", "catisma": "conflict",
    "askeri": "military", "asker": "troops", "silah": "weapons", "silahlanma": "armament",
    "yaris": "race", "yarisi": "race", "nukleer": "nuclear", "enerji": "energy",
    "dogalgaz": "gas", "boru": "pipeline", "gemi": "ships", "gemisi": "ships",
    "deniz": "sea", "denizi": "sea", "okyanus": "ocean", "buzul": "glaciers",
    "iklim": "climate", "kaynak": "resources", "ticaret": "trade",
    "ekonomi": "economy", "ekonomik": "economic", "secim": "elections", "aday": "candidate",
    "adayken": "candidate", "sorusturma": "investigation", "ilhak": "annexation",
    "muhalefet": "opposition", "muhalif": "opposition", "protesto": "protest",
    "gosteri": "demonstrations", "katil": "murderer", "tehdit": "threat",
    "cikar": "interests", "ortak": "common", "guvenlik": "security", "etki": "influence",
    "nufuz": "influence", "rakip": "competitor", "ittifak": "alliance", "gecmis": "background",
    "donem": "period", "gelecek": "future", "bolge": "region", "ulke": "countries",
    "uluslararasi": "international", "sistem": "system", "istikrar": "stable",
    "ongorulebilir": "predictable", "saldirgan": "aggressive", "sert": "harsh",
    "yumusak": "soft", "atmosfer": "atmosphere", "yapici": "constructive",
    "faydali": "beneficial", "yararli": "beneficial", "temas": "contact",
    "karsilikli": "mutual", "adim": "step", "vaat": "promise", "taviz": "concessions",
    "kural": "rules", "tutum": "attitude", "gozlemci": "observers", "uye": "members",
    "kiyi": "coast", "toprak": "territory", "egemenlik": "sovereignty", "avantaj": "advantage",
    "erime": "melting", "eriyen": "melting", "buzullar": "glaciers", "ihracat": "export",
    "yatirim": "investment", "isgal": "invasion", "mudahale": "intervention",
    "cekilme": "withdraw", "geri": "back", "normallesme": "normalize", "sorun": "problem",
    "mesele": "issue", "onem": "importance", "kritik": "critical", "tarihi": "historical",
    "demokrat": "democrats", "cumhuriyetci": "republicans", "kongre": "congress",
    "istihbarat": "intelligence", "terorizm": "terrorism", "teror": "terror",
    "buyukelci": "ambassador", "gazeteci": "journalist", "akademisyen": "academic",
    "profesor": "professor", "albay": "colonel", "emekli": "retired", "danisman": "advisor",
    "varlik": "presence", "sonuc": "consequences", "yeterli": "enough", "bilgi": "briefing",
    "artis": "increase", "artiyor": "increase", "artirdi": "increase", "artirmak": "increase",
    "artti": "increase", "artan": "increase", "azaliyor": "decrease", "azaldi": "decrease",
    "azalma": "decrease", "azalan": "decrease", "gonderdi": "send", "gondermek": "send",
    "gonderme": "send", "eriyor": "melting", "kuruldu": "established", "kurulan": "established",
    "kurulus": "established", "olusturuldu": "established", "olusturulan": "established",
    "olusturulmus": "established", "olusturulmustu": "established",
    "gelismekte": "developing", "gelisen": "developing", "gelismekteki": "developing",
    "maruz": "subjected", "hava": "air", "havayolu": "air", "havayoluyla": "air",
    "olusturulmasi": "established", "olusturdu": "establish", "olusturdular": "establish",
    "tehlikeli": "dangerous", "guclu": "strong",
    "zayif": "weak", "hedef": "aim", "amac": "aim", "amaci": "aim", "beklenti": "expected",
}

# Endings a Turkish noun takes (case, possessive, plural, "-ki"), folded, longest first: a word
# is looked up again without them ("konseyinin": "konsey"), with a final consonant softened
# back ("gerginligi": "gerginlik").
_TURKISH_ENDINGS = tuple(sorted(set("""
    lerinden larindan lerinin larinin lerinde larinda lerine larina leriyle lariyla
    sinden sindan sunden sundan sinin sunun sinde sunda sine suna sini sunu siyle suyla
    ndeki ndaki ndan nden nin nun nda nde na ne ni nu yla yle yi yu ya ye
    deki daki teki taki den dan ten tan leri lari ler lar in un de da te ta le la
    si su i u e a ki
""".split()), key=lambda e: (-len(e), e)))
_SOFTENED = {"g": "k", "b": "p", "d": "t", "c": "c"}


# Endings of a Turkish verb (tense, aspect, mood, a verbal noun or participle, a person),
# folded, longest first: what is left is the verb's stem, found by its infinitive
# ("hazirlanmis": "hazirlanmak", "okudu": "okumak", "bekliyor": "beklemek").
_TURKISH_VERB_ENDINGS = tuple(sorted(set("""
    iyordu uyordu iyorlar uyorlar iyormus uyormus iyor uyor
    acaktir ecektir acakti ecekti acaklar ecekler acak ecek yacak yecek
    abilir ebilir yabilir yebilir abilecek ebilecek amaz emez maz mez
    misti mustu mistir mustur mislar misler muslar mis mus
    dilar diler dular tilar tiler tular dim dum tim tum di du ti tu
    masini mesini masina mesine masinda mesinde masindan mesinden masinin mesinin masi mesi
    makta mekte mak mek maya meye mayi meyi
    maliyiz meliyiz malidir melidir maliyim meliyim mali meli
    arak erek ince inca unca unce
    digi dugu tigi tugu dikleri diklari dik duk tik tuk
    yan yen an en ir ur ar er
""".split()), key=lambda e: (-len(e), e)))


# The endings that mark a table's word as a verb form, to find its infinitive.
_INFINITIVE_FROM = ("iyor", "uyor", "acak", "ecek", "mis", "mus", "di", "du", "ti", "tu")


def inflected_from(word: str, base: str, depth: int = 3) -> bool:
    """Is `word` the Turkish noun `base` with up to three noun endings ("bolgesini": "bolge"
    with "si" and "ni"), or `base` itself?"""
    if word == base:
        return True
    if depth == 0 or len(word) <= len(base) or not word.startswith(base):
        return False
    rest = word[len(base):]
    return any(rest.startswith(ending) and inflected_from(base + rest[len(ending):], base,
                                                          depth - 1)
               for ending in _TURKISH_ENDINGS)


def turkish_verb_stems(word: str) -> Iterator[str]:
    """The stems `word` may be a form of, as a Turkish verb (at least three letters long):
    without a verb ending, negated ("yapmadi": "yap"), softened ("gidecek": "git") or with the
    vowel "-iyor" takes ("bekliyor": "bekle")."""
    if not word.endswith(_TURKISH_VERB_ENDINGS):
        return  # one test for all the endings (most words have none)
    for ending in _TURKISH_VERB_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem_ = word[: -len(ending)]
        stems = [stem_]
        if stem_.endswith(("ma", "me")) and len(stem_) >= 5:
            stems.append(stem_[:-2])  # negated: "yapmadi"
        for base in stems:
            softened = base[:-1] + _SOFTENED.get(base[-1], base[-1])
            dropped = (base + "a", base + "e") if ending[1:3] == "yo" else ()
            yield from dict.fromkeys((base, softened, *dropped))


def _turkish_verb_lookup(table: dict[str, str], word: str) -> str | None:
    """The entry of `table` for the infinitive of the verb `word` is a form of."""
    for candidate in turkish_verb_stems(word):
        for infinitive in (candidate + "mak", candidate + "mek"):
            if infinitive in table:
                return table[infinitive]
    return None


def _turkish_stem_lookup(table: dict[str, str], word: str, depth: int = 3) -> str | None:
    """The entry of `table` for `word`, or for it without Turkish endings (up to three), the
    word left at least four letters long; else for the verb it is a form of."""
    if word in table:
        return table[word]
    if depth == 0 or word.isdigit():
        return None
    if not word.endswith(_TURKISH_ENDINGS):
        return _turkish_verb_lookup(table, word)
    for ending in _TURKISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem_ = word[: -len(ending)]
            for candidate in (stem_, stem_[:-1] + _SOFTENED.get(stem_[-1], stem_[-1])):
                found = _turkish_stem_lookup(table, candidate, depth - 1)
                if found is not None:
                    return found
    return _turkish_verb_lookup(table, word)


class _TurkishLexicon(dict[str, str]):
    """Folded Turkish words with their English; a lookup also finds a word with endings.

    The matcher reads it like a dict (`word in TURKISH_NAMES`, `TURKISH_NAMES[word]`,
    `.get`), so "Kırım'ı", "kirimi" and "Rusya'nın" read as Crimea and Russia, and
    "konseyinin" as council, with no change to the matcher.
    """

    def __init__(self, *tables: dict[str, str]) -> None:
        super().__init__()
        for table in tables:
            self.update(table)
        self._plain = dict(self.items())
        # A verb's infinitive, from a form the tables hold ("hazirlandi": "hazirlanmak"), so
        # its other forms are read too ("hazirlanmis").
        for key, english in list(self._plain.items()):
            for ending in _INFINITIVE_FROM:
                if key.endswith(ending) and len(key) - len(ending) >= 4:
                    base = key[: -len(ending)]
                    for infinitive in (base + "mak", base + "mek"):
                        self._plain.setdefault(infinitive, english)
                    break

    def _find(self, key: object) -> str | None:
        if not isinstance(key, str):
            return None
        found = self._plain.get(key)
        if found is not None:
            return found
        found = _turkish_stem_lookup(self._plain, key)
        if found is None:
            return None
        # An English word is not a Turkish one with an ending ("barista" is not "barış").
        # Asked only now, so the word lists are read only for such a rare word.
        from knowledge.lexicon import is_english_word

        return None if is_english_word(key) else found

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __getitem__(self, key: str) -> str:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    @overload  # type: ignore[override]
    def get(self, key: str, default: None = None) -> str | None: ...

    @overload
    def get(self, key: str, default: str) -> str: ...

    def get(self, key: str, default: str | None = None) -> str | None:
        found = self._find(key)
        return default if found is None else found


TURKISH_NAMES = _TurkishLexicon(MORE_TURKISH_WORDS, GENERAL_TURKISH_WORDS, _TURKISH_NAMES,
                               TURKISH_WORDS)

# Words readers use for the same thing when they talk about foreign policy, one group a line.
# General vocabulary, written without looking at any question set: a paraphrase ("did ties
# sour?") finds the briefing's own words ("deterioration between the USA and Russia").
SYNONYM_GROUPS = """
relations ties relationship relationships
cooperate cooperation collaborate collaboration partnership
dialogue talks negotiations negotiate diplomacy
tension tensions friction hostility strain confrontation standoff showdown flare
escalate escalation escalating intensify heighten
deterioration worse worsen worsened soured sour deteriorate deteriorated
significant vital crucial essential critical
conditions condition terms demands
willing keen ready eager prepared
real genuine true sincere
soft softer milder conciliatory soften softened softening softens
harsh tough hard hardline strict
rival competitor adversary
advantage advantages edge leverage
actors actor players player stakeholders stakeholder
influence sway clout
problem problems issue issues challenge challenges difficulty difficulties headache headaches
region area zone
countries states nations
warships vessels
normalize normalise normalization normalisation mend repair improve better
interests stakes
rhetoric language tone discourse
calm calmer ease eased easing eases cool cooler cooled cooling defuse defused
aim aimed aims aiming purpose goal objective intend intended
prepare preparation groundwork pave paves paved paving
allegations accusations
plans plan ambitions intentions
react reaction respond response retaliate
complaints complaint grievances gripes objects objection objections oppose opposes
aggressive assertive belligerent belligerently combative
beneficial useful helpful
surprise surprising unexpected shock shocking shocked astonishing strange
resist resisted withstand defy
predictable stable
armament weapons arms
unstable fragile shaky volatile
likely possible possibility probable chance
overlook overlooked ignore ignored disregard disregarded neglect neglected
known famous renowned
actions action moves
prevent prevented prevents stop stopped block blocked
ended fail failed fails failing failure collapse collapsed collapsing
analyze analyse analyzing analysing understand understanding comprehend
future upcoming forthcoming
"""

# "The experts" is what a question is about in "Who are the experts?" and framing in "What do
# the experts say about …": framing when a word of speaking follows within three words.
PANEL_WORDS = frozenset({"experts", "uzmanlar", "uzmanlara", "uzmanlarin"})
SPEAKING = frozenset(
    "say says said think thinks thought make view views opinion opinions on about believe "
    "believes predict predicts expect expects argue argues agree disagree see saw make made "
    "dedi diyor diyorlar dusunuyor dusunuyorlar hakkinda soyledi soyluyor soyluyorlar "
    "degerlendiriyor degerlendirdi degerlendiriyorlar yorumluyor gore".split()
)
_TURKISH_SAYING = frozenset(
    "dedi dediler diyor diyorlar dusunuyor dusunuyorlar soyledi soyluyor soyluyorlar "
    "degerlendiriyor degerlendirdi degerlendiriyorlar yorumluyor".split())
# Imperative framing that opens a question ("Name the Arctic Five"), content elsewhere
# ("Blinken's first name").
LEADING_FRAMING = frozenset({"name"})
# Words a reader may open with before the question itself ("Hey bot, please tell me: when …",
# "Can you tell me where …", "I wonder why …", "Lütfen söyler misin, …").
COURTESY = frozenset("""
    hey hi hello dear bot please pls plz kindly so ok okay and but also just quick question
    can could would will you tell me us i we want wanted to know like wonder wondering
    merhaba selam lutfen acaba bana soyler misin
""".split())
# Openings that hedge or follow up before the question starts ("not sure if this is covered:",
# "I might be wrong, but …", "following up on Syria: does Öymen …?"): what follows is asked.
HEDGES = (
    "not sure if this is covered", "not sure if this is in here", "not sure if you cover this",
    "i might be wrong but", "i may be wrong but", "i could be wrong but",
    "correct me if i'm wrong but", "correct me if i am wrong but", "just checking",
    "just wondering", "out of curiosity", "one more thing", "quick one", "following up on",
    "following up", "as a follow-up", "as a follow up", "to follow up on", "follow-up",
    "follow up")
_TAG = re.compile(r"<[^<>]{0,200}>")

# "-ating", "-ated" and "-ates" go as "-ate" does ("cooperating", "cooperates": "cooperate").
_SUFFIXES = ("ational", "ization", "ations", "ation", "ating", "ated", "ions", "ion", "ments",
             "ment", "ness", "ings", "ing", "ies", "ied", "ed", "ates", "es", "ly", "able", "ible",
             "al", "ic", "ate", "s", "e", "y")
# Endings before which English doubles a final consonant ("plan": "planning", "planned").
_DOUBLING = frozenset({"ing", "ings", "ed"})


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
    """Folded alphanumeric words of a text, in order; an ending after an apostrophe is left
    out ("Kırım'ı": "kirim", "Russia's": "russia"), and so a negative's typed without it
    ("shouldnt": "shouldn")."""
    return _folded_tokens(fold(text))


def _folded_tokens(folded: str) -> list[str]:
    """`tokens` of a text already folded."""
    if "won't" in folded:  # ("won't" is "will not", not "won")
        folded = folded.replace("won't", "will not")
    if "nt" in folded:
        folded = _NEGATIVE_UNWRITTEN.sub(r"\1n", folded)
    return _TOKEN.findall(_APOSTROPHE_ENDING.sub("", folded))


def synonyms() -> dict[str, tuple[str, ...]]:
    """For each word of SYNONYM_GROUPS, by its stem, the other words of its group."""
    table: dict[str, tuple[str, ...]] = {}
    for line in (SYNONYM_GROUPS + MORE_SYNONYM_GROUPS).strip().splitlines():
        group = line.split()
        for word in group:
            table[stem(word)] = tuple(dict.fromkeys(table.get(stem(word), ()) + tuple(group)))
    return table


def plain_text(text: str) -> str:
    """A question as its reader sees it: markup pasted with it (`<b>arctic</b>`) read as text."""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub(" ", text))
    return text


# Where a message's sentences end: after ".", "!" or "?" and a space, or a line break; not
# after a title or an abbreviation ("Dr. Ozan", "Prof. Dilek", "U.S. troops", "e.g.").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ABBREVIATION = re.compile(
    r"(?i)(?:^|\s)(?:dr|prof|mr|mrs|ms|st|vs|no|u\.s|u\.k|e\.g|i\.e|[a-z])\.$")  # "George W."
# Words that point back at an earlier sentence ("What did Öymen say about it?", "Dilek says
# you need context first. Where does he start?"); those that
# may also go before a noun ("this briefing", "bu görüşme") or open a sentence ("Is it
# surprising …?") only when no content word follows; a possessive ("its stance") only when
# the sentence names nobody and no country before it.
_POINTING_BACK = frozenset("them him he she bunu buna bunlar onu ona".split())
_POINTING_BACK_ALONE = frozenset("it they this that these those bu su".split())
_POSSESSIVES = frozenset("its their his her onun".split())
_ASKING_AUXILIARIES = frozenset("do does did will would can could should is was are were "
                                "has have had".split())


def sentences(text: str) -> list[str]:
    """The sentences of a message, titles and abbreviations kept with what follows them."""
    found: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if found and _ABBREVIATION.search(found[-1]):
            found[-1] = f"{found[-1]} {piece}"
        elif piece.strip():
            found.append(piece.strip())
    return found


# A subject set before the question with a colon or a dash ("Following up on Nord Stream 2:
# when did gas start flowing through it?", "Regarding sanctions — which banks …?").
_SUBJECT_FIRST = re.compile(
    r"^\s*(?:(?:hey|hi|ok|okay|so|and)\b[,!]?\s*)*(?:following up on|to follow up on|"
    r"as a follow[- ]up on|follow[- ]up on|regarding|re|about|on the subject of|on|"
    r"speaking of|back to|going back to|as for)\s+(?P<subject>[^:?!.\u2014\u2013]{1,80}?)"
    r"\s*(?::|\u2014|\u2013|\s-\s)\s*(?P<question>\S.*)$", re.IGNORECASE)


def subject_last(text: str) -> str:
    """A question whose subject is set first ("Following up on Nord Stream 2: when did gas
    start flowing through it?") as the question with its subject after it ("when did gas
    start flowing through it (Nord Stream 2)?"), so that it opens with what it asks (a time,
    here) and its subject is still read."""
    found = _SUBJECT_FIRST.match(text)
    if not found:
        return text
    question = found["question"].rstrip()
    mark = "?" if question.endswith("?") else ""
    return f"{question.rstrip('?').rstrip()} ({found['subject'].strip()}){mark}"


def the_question(text: str, asks: Callable[[list[str]], bool],
                 names: Callable[[str], Set[str]]) -> str:
    """The sentence of a message that asks: its last question ("I was reading about the
    meeting. What did Berktay say about Navalny?"), or its last sentence when none ends with
    "?". The whole message when it has one sentence; when a sentence after the question says
    more than courtesy ("What did Dilek say? About the reset."); when the question points back
    at an earlier sentence ("Russia annexed Crimea. What did Öymen say about it?"); or when it
    asks nothing of its own (`asks(words)` false: "U.S. troops in Afghanistan. What did Ozan
    say?"). `names(sentence)`: the words it names (people, places, countries; not the
    experts, who are asked about rather than referred to)."""
    found = sentences(text)
    if len(found) < 2:
        return text
    asking = [i for i, s in enumerate(found) if s.rstrip().endswith("?")]
    if len(asking) > 1:
        return text  # two questions asked together ("Where …? And why?"): read as one
    at = asking[-1] if asking else len(found) - 1
    if any(not _courtesy_only(s) for s in found[at + 1:]):
        return text
    words = tokens(found[at])
    if _points_back(words, names(found[at])) or not asks(words):
        return text
    return found[at]


def _points_back(words: list[str], named: Set[str]) -> bool:
    """Does a sentence point back at an earlier one? A pronoun or possessive does unless
    someone or something it names comes before it ("What did Washington say it would do?",
    "Why did America soften its line?"); "bu kadar" (so much) points nowhere."""
    for i, word in enumerate(words):
        # (Nor "he" or "she" after "who" asking the doer: "Who compiled it, and where did she
        # study?"; not "Who does he think …?")
        before = any(w in named for w in words[:i]) or (
            word in ("he", "she") and any(a == "who" and b not in _ASKING_AUXILIARIES
                                          for a, b in itertools.pairwise(words[:i])))
        if word in _POINTING_BACK and not before:
            return True
        alone = i + 1 == len(words) or (words[i + 1] in STOP_WORDS and words[i + 1] != "kadar")
        if word in _POINTING_BACK_ALONE and alone and not before:
            return True
        if word in _POSSESSIVES and not before:
            return True
    return False


def _courtesy_only(sentence: str) -> bool:
    return all(w in STOP_WORDS or w in COURTESY for w in tokens(sentence))


# Words only a Turkish question has (folded): question words, postpositions, "said".
TURKISH_MARKERS = frozenset(
    "ne neden nasil nedir kim kimdir hakkinda mi mu midir mudur miydi muydu miymis muymus "
    "hangi gore icin ile neler "
    "nelerdir niye nicin dedi diyor soyledi dusunuyor nasildi neydi kimler sizce bence "
    "hakkindaki konusunda ilgili".split()
)


# "US" in capitals is the United States, not the pronoun (a stop word once folded).
_US = re.compile(r"\bU\.?S\.?(?=[\s,.;:!?)'’-]|$)")


def united_states(text: str) -> str:
    """`text` with "US" and "U.S." written as "USA", so folding does not make them "us"; and
    without a middle initial between two names ("George W. Bush": "George Bush"), whose full
    stop would read as the end of a sentence and the initial as a name the briefing lacks."""
    return _INITIAL.sub(r"\1", _US.sub("USA", text))


_INITIAL = re.compile(r"\b([A-ZÇĞİÖŞÜ][\w'’-]+) [A-Z]\.(?= [A-ZÇĞİÖŞÜ][\w'’-])")


def asked_in_turkish(words: Sequence[str]) -> bool:
    """True when a question's folded words include a word only Turkish uses ("ne", "nasıl")."""
    return any(w in TURKISH_MARKERS for w in words)


_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÇĞİÖŞÜ][\w'’]*")


def question_language(question: str) -> str:
    """"tr" or "en": the language a reader wrote a question in.

    Turkish when it has a Turkish question word ("ne", "hangi"), when a tenth of its words
    hold a letter only Turkish has (`written_in`), or when more of its words are Turkish and
    not English than are English ("ozge eletek universiteden mezun olmus"). A capitalised
    word is a name, of no language: "Dilek" and "Ozan" are Turkish words too.
    """
    from knowledge.lexicon import is_english_word, is_turkish_word
    from knowledge.models import written_in

    words = tokens(plain_text(question))
    if asked_in_turkish(words) or written_in(question) == "tr":
        return "tr"
    names = {fold(w) for w in _CAPITALISED.findall(question)}
    turkish = sum(1 for w in words
                  if w not in names and is_turkish_word(w) and not is_english_word(w))
    return "tr" if turkish > sum(1 for w in words if is_english_word(w)) else "en"


def _phrasal_verbs() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in filter(str.strip, PHRASAL_VERBS.strip().splitlines()):
        forms, particles, meant = line.split("|")
        table.update({(f, *p.split()): meant.strip() for f in forms.split()
                      for p in particles.split(",")})
    return table


_PHRASAL = _phrasal_verbs()
_PHRASAL_LONGEST = max(map(len, _PHRASAL), default=2)
_PHRASAL_FIRST = frozenset(key[0] for key in _PHRASAL)  # most words start none: one look-up


def in_one_word(words: list[str]) -> list[str]:
    """A two-word verb or an idiom as the one word it means ("building up": "increase",
    "pulls out": "pullout", "keeps an eye on": "follow"), so the particle, a stop word, does
    not leave the verb a different one; the longest first."""
    out: list[str] = []
    pos = 0
    while pos < len(words):
        size = next((n for n in range(_PHRASAL_LONGEST, 1, -1)
                     if tuple(words[pos:pos + n]) in _PHRASAL), 1
                    ) if words[pos] in _PHRASAL_FIRST else 1
        if size == 1 and words[pos] in _PHRASAL_FIRST and words[pos + 1:pos + 2] in (
                ["mi"], ["mu"]):
            # A Turkish idiom with the question particle inside it ("köşeye mi sıkıştırdı?",
            # cornered?): the idiom, then the particle.
            rest = [words[pos], *words[pos + 2:pos + 1 + _PHRASAL_LONGEST]]
            inner = next((n for n in range(len(rest), 1, -1) if tuple(rest[:n]) in _PHRASAL), 1)
            if inner > 1:
                out += [_PHRASAL[tuple(rest[:inner])], words[pos + 1]]
                pos += inner + 1
                continue
        out.append(_PHRASAL[tuple(words[pos:pos + size])] if size > 1 else words[pos])
        pos += size
    return out


def with_one_word(words: list[str]) -> list[str]:
    """The words, and after each two-word verb or idiom the one word it means (`in_one_word`):
    a passage "paying attention to" the region follows it, and still pays attention."""
    joined = in_one_word(words)
    if len(joined) == len(words):
        return words
    return [*words, *(w for w in joined if w not in words)]


def without_courtesy(words: list[str]) -> list[str]:
    """The words from where the question itself starts: "hey bot, please tell me: where was
    Blinken born?" starts at "where", so it asks a place as "Where was Blinken born?" does.
    A question of courtesy words alone is left as it is."""
    start = _courtesy_end(words)
    return words[start:] if start < len(words) else words


def asks_nothing(words: list[str]) -> bool:
    """A message of courtesy and hedges alone ("Following up on", "just checking", "hey
    bot, please"): nothing is asked."""
    return bool(words) and _courtesy_end(words) == len(words)


def _courtesy_end(words: list[str]) -> int:
    """Where the courtesy words and hedges opening `words` end."""
    start = 0
    while start < len(words):
        hedge = next((len(h) for h in _hedges() if tuple(words[start:start + len(h)]) == h), 0)
        if not hedge and words[start] not in COURTESY:
            break
        start += hedge or 1
    return start


@functools.cache
def _hedges() -> tuple[tuple[str, ...], ...]:
    """`HEDGES` as the words `tokens` reads, longest first."""
    return tuple(sorted((tuple(tokens(h)) for h in HEDGES), key=len, reverse=True))


# The briefing itself, named around a question about what it holds ("In this briefing, what
# did Ozan say …?", "… according to the report?", "Bu raporda …", "Rapora göre …").
DOCUMENT_WORDS = frozenset(
    "briefing briefings report article analysis collection compilation document paper piece "
    "publication text brief note notes summary dossier review introduction intro preface "
    "foreword roundup".split())
_DOCUMENT_OPENERS = frozenset("in from within throughout per by".split())
_DETERMINERS = frozenset("the this that these its your our".split())
_TURKISH_DOCUMENT_IN = frozenset(
    "raporda raporunda notunda makalede derlemede yazida metinde brifingde belgede analizde "
    "calismada raporundaki raporlardaki notundaki makaledeki derlemedeki "
    "yazidaki metindeki brifingdeki belgedeki analizdeki calismadaki".split())
# A document's own (genitive) and where its introduction is ("raporun girişinde").
TURKISH_DOCUMENT_OF = _TURKISH_DOCUMENT_OF = frozenset(
    "raporun raporunun notun makalenin derlemenin yazinin metnin brifingin belgenin analizin "
    "calismanin".split())
_TURKISH_OPENING_IN = frozenset("giriste girisinde girisindeki".split())
_TURKISH_DOCUMENT_TO = frozenset(
    "rapora raporuna notuna makaleye derlemeye yaziya metne brifinge belgeye analize "
    "calismaya".split())


def _document_span(words: list[str], at: int, publishers: Set[str]) -> int:
    """Where a mention of the briefing that starts at `at` ends (`at` when none starts)."""
    word = words[at]
    start = at + 2 if words[at:at + 2] == ["according", "to"] else (
        at + 1 if word in _DOCUMENT_OPENERS else None)
    if start is not None:
        end = start
        while end < len(words) and words[end] in _DETERMINERS:
            end += 1
        named = end
        while named < len(words) and words[named] in publishers:
            named += 1  # "the ANKASAM briefing", "according to ANKASAM"
        if named < len(words) and words[named] in DOCUMENT_WORDS:
            return _document_of(words, named + 1, publishers)
        if named > end and word == "according":
            return named
        return at
    end = at + (words[at] in ("bu", "su"))
    end += words[end:end + 1] == ["bilgi"]
    if end < len(words) and words[end] in _TURKISH_DOCUMENT_IN:
        return end + 1
    # Its introduction: "raporun girişinde", "brifingin girişine göre", "girişte".
    opening = end + 1 if words[end:end + 1] and words[end] in _TURKISH_DOCUMENT_OF else end
    if opening < len(words) and words[opening] in _TURKISH_OPENING_IN:
        return opening + 1
    if words[opening:opening + 2] in (["girisine", "gore"], ["girise", "gore"]):
        return opening + 2
    if words[end + 1:end + 2] == ["gore"] and (
            words[end] in _TURKISH_DOCUMENT_TO or words[end] in publishers):
        return end + 2
    return at


def _document_of(words: list[str], at: int, publishers: Set[str]) -> int:
    """Where a mention of the briefing that goes on at `at` ends: "the intro" goes on with "of
    this report", "of the ANKASAM briefing"."""
    if words[at:at + 1] != ["of"]:
        return at
    end = at + 1
    while end < len(words) and (words[end] in _DETERMINERS or words[end] in publishers):
        end += 1
    return end + 1 if end < len(words) and words[end] in DOCUMENT_WORDS else at


def without_document(words: list[str], publishers: Set[str] = frozenset()) -> list[str]:
    """The words without the mentions of the briefing that frame the question ("in this
    briefing", "according to ANKASAM", "the report says"), when something else is asked:
    "What is this briefing about?" and "Who published the report?" keep theirs."""
    kept: list[str] = []
    at = 0
    while at < len(words):
        end = _document_span(words, at, publishers)
        if end == at and (words[at] in DOCUMENT_WORDS or words[at] in publishers) and any(
                w in SPEAKING for w in words[at + 1:at + 3]):
            end = at + 1  # "What does the briefing say about Iran?"
        if end > at:
            at = end
            continue
        kept.append(words[at])
        at += 1
    if len(kept) == len(words) or not any(w not in STOP_WORDS for w in kept):
        return words
    return kept


# What a briefing's event is called ("the Reykjavik talks", "the meeting in Iceland").
MEETING_NOUNS = frozenset("talks talk meeting meetings summit discussion discussions gathering "
                          "encounter session conversation negotiations".split())


def occasion_places(words: Sequence[str], places: Set[str]) -> set[str]:
    """The place words that only name the briefings' event: "the Reykjavik talks", "the talks
    in Reykjavik". Every passage is on that event, whether or not it writes where it was; but
    "What did Putin say at the Reykjavik meeting?" asks what was said there, and "Why
    Reykjavik?" the place itself."""
    naming: set[str] = set()
    other: set[str] = set()
    for pos, word in enumerate(words):
        if word not in places:
            continue
        # Where the event's words start: "the Reykjavik talks", "the talks in Reykjavik".
        start = pos if words[pos + 1:pos + 2] and words[pos + 1] in MEETING_NOUNS else (
            pos - 2 if pos >= 2 and words[pos - 1] in ("in", "at")
            and words[pos - 2] in MEETING_NOUNS else None)
        if start is not None and not _AT_AN_EVENT & set(words[max(0, start - 2):start]):
            naming.add(word)
        else:
            other.add(word)
    return naming - other


# "… at the Reykjavik meeting", "… during the talks in Iceland": what was said or done there.
_AT_AN_EVENT = frozenset({"at", "during"})


_SPEAKS_OF = frozenset("talks speaks mentions writes wrote write".split())
# Verbs of mentioning made of a verb and a particle ("bring up", "touch on", "refer to").
_BRINGS = frozenset("bring brings brought bringing".split())
_TOUCHES = frozenset("touch touches touched touching".split())
_REFERS = frozenset("refer refers referred referring".split())
_DOES = frozenset("yapiyor yapmis yapti yapar yapmakta yapiyordu".split())
# How goods go ("trade moves by sea"), which a passage writes its own way ("made by seaways").
_CARRIED = frozenset("move moves moved moving travel travels travelled traveled travelling "
                     "traveling carry carries carried carrying ship ships shipped shipping "
                     "transport transports transported transporting".split())
# What an acronym stands for is asked like what it is.
_NAME_SPELLED_OUT = frozenset("acronym abbreviation acilimi kisaltmasi kisaltmasinin".split())
# The words of a name asked ("adı", "isimleri").
TURKISH_NAME_WORDS = frozenset("adi adlari adini adlarini ismi isimleri ismini isimlerini".split())
NAME_WORDS = TURKISH_NAME_WORDS | {"name", "names"}
# "full name", "açık adı", "tam adı"; a passage must spell it out (`decision.required`).
FULL_WORDS = frozenset("full acik tam".split())


# A question opening with a negative ("Didn't …", "Wasn't …"; the contraction's ending is left
# out by `tokens`): the auxiliary it negates.
_NEGATIVE_AUXILIARIES = {
    "didn": "did", "doesn": "does", "don": "do", "isn": "is", "wasn": "was", "weren": "were",
    "aren": "are", "hasn": "has", "haven": "have", "hadn": "had", "wouldn": "would",
    "couldn": "could", "shouldn": "should"}


# "back" as a verb with an object ("did the US back Kyiv", "to back Ukraine"): after these, and
# not before a particle ("back down", "back off", "back in 2014").
_BACKERS = frozenset(
    "did does do to will would not us usa america washington americans west they nato".split())
_AFTER_BACK = frozenset(
    "down off out away up to from into in then home on against and at when with after for "
    "of".split())


# "Which experts' views are included in the briefing?": where views are, not what about.
_VIEWS_GATHERED = frozenset(
    "included featured represented gathered collected compiled presented briefing report "
    "piece".split())


def _experts_asked(words: list[str], pos: int) -> bool:
    """"Which experts' views are in the briefing?", "How many experts' opinions …?": the experts
    are asked, not their views on something (nothing but where the views are follows)."""
    return words[pos - 1 : pos] in (["which"], ["many"]) and all(
        w in STOP_WORDS or w in SPEAKING or w in _VIEWS_GATHERED for w in words[pos + 1 :])


def without_framing(words: list[str]) -> list[str]:
    """The words without the framing ones that are framing only where they stand (see above)."""
    kept: list[str] = []
    for pos, word in enumerate(words):
        if word in PANEL_WORDS and (any(w in SPEAKING for w in words[pos + 1 : pos + 4]) or (
                word.startswith("uzman") and words[-1:] and words[-1] in _TURKISH_SAYING)) \
                and not _experts_asked(words, pos):
            continue  # (Turkish says last: "Uzmanlar … hakkında ne diyor?")
        if word == "zaman" and words[pos - 1 : pos] == ["ne"]:
            continue  # "ne zaman": when
        if word in _SPEAKS_OF and words[pos + 1 : pos + 2] in (["about"], ["of"], ["on"]) \
                and words[pos - 1 : pos] not in (["the"], ["these"], ["those"], ["their"]):
            continue  # "Which expert talks about Alaska?" ("the talks about …": the talks)
        if word in ("kind", "sort", "type", "kinds", "sorts", "types") and words[
                pos + 1 : pos + 2] == ["of"] and words[pos - 1 : pos] in (["what"], ["which"]):
            continue  # "What kind of cooperation …?" asks about the cooperation
        if (word == "true" and words[pos - 1 : pos] in (["it"], ["that"], ["this"])) or (
                word == "dogru" and words[pos + 1 : pos + 2] in (["mu"], ["mudur"])):
            continue  # "Is it true (that) …?", "… doğru mu?": whether, not truth
        if (word == "stand" and "where" in words[:pos]) or (
                word == "make" and words[pos + 1 : pos + 2] == ["of"]):
            continue  # "Where does Öymen stand on …?", "What does Ozan make of …?": a view
        if word in _DOES and words[pos - 2 : pos] == ["ne", "is"]:
            kept[-1] = "meslegi"  # "Öymen ne iş yapıyor?": his occupation ("is" is "iş")
            continue
        if (word in ("stand", "stands") and words[pos + 1 : pos + 2] == ["for"]) or (
                word in _NAME_SPELLED_OUT):
            continue  # "What does ANKASAM stand for?", "ANKASAM açılımı ne?": what it is
        if (word in FULL_WORDS and words[pos + 1 : pos + 2] and words[pos + 1] in NAME_WORDS) \
                or (word in NAME_WORDS and words[pos - 1 : pos] and words[pos - 1] in FULL_WORDS):
            continue  # "ANKASAM's full name?", "açık adı": what it is (which a passage spells)
        if (word in _BRINGS and words[pos + 1 : pos + 2] == ["up"]) or (
                word in _TOUCHES and words[pos + 1 : pos + 2] in (["on"], ["upon"])) or (
                word in _REFERS and words[pos + 1 : pos + 2] == ["to"]):
            continue  # "Does Öymen bring up Syria?", "touch on", "refer to": whether he says
        if word == "sense" and words[pos - 1 : pos] == ["make"] \
                and words[pos + 1 : pos + 2] == ["of"]:
            kept[-1] = "understand"  # "to make sense of the talks": to understand them
            continue
        if word == "back" and words[pos - 1 : pos] and words[pos - 1] in _BACKERS and words[
                pos + 1 : pos + 2] and words[pos + 1] not in _AFTER_BACK:
            kept.append("support")  # "How did the US back Kyiv?": supported it, as a verb
            continue
        if word == "likely" and words[pos + 1 : pos + 2] == ["to"] and words[:1] in (
                ["who"], ["which"], ["what"]):
            continue  # "Who is likely to back down?" asks who will, not of a possibility
        if word in _CARRIED and words[pos + 1 : pos + 2] == ["by"]:
            continue  # "How much trade moves by sea?": how it goes, as "is made by seaways"
        if pos == 0 and word in LEADING_FRAMING and len(words) > 1:
            continue
        if pos == 0 and word in _NEGATIVE_AUXILIARIES:
            # "Didn't Russia invade …?" asks what "Did Russia invade …?" asks.
            kept.append(_NEGATIVE_AUXILIARIES[word])
            continue
        if word == "one" and _MODALS & {*words[pos - 1 : pos], *words[pos + 1 : pos + 2]}:
            continue  # "Where should one start …?", "one must look back": anyone, no number
        if word in _SENDS and _MESSAGES & set(words):
            continue  # "What signal did the talks send?": the signal is what is asked
        if word == "single" and words[pos + 1 : pos + 2] and (
                words[pos + 1] in _SUPERLATIVES or words[pos + 1].endswith("est")):
            continue  # "the single biggest problem": the biggest
        if word in _STATE_NOUN and pos and _before_a_noun(words[pos - 1]) and not (
                words[pos + 1:pos + 2] == ["of"] and words[pos + 2:pos + 3]
                and words[pos + 2] in _CONDITION_OF):
            # (Not "the state of relations", "the state of the system": how they stand.)
            kept.append(_STATE_NOUN[word])  # "a US state", "the eight states"
            continue
        kept.append(word)
    return kept


# "state" is a word of speech ("Does Öymen state that …?") unless a determiner, a number or a
# country's name comes first: "the eight states" are countries, "a US state" is a state of a
# country, which no passage speaks of as such ("statehood").
_STATE_NOUN = {"state": "statehood", "states": "countries"}
_NOUN_OPENERS = frozenset(
    "a an the this these those each every any another its their his her our one member "
    "us usa american russian two three four five six seven eight nine ten".split())
_ORDINAL = re.compile(r"[0-9]+(st|nd|rd|th)?")
# What "the state of" tells how it stands: "the state of relations", "the state of play".
_CONDITION_OF = frozenset(
    "relations relationship relationships ties affairs play things the dialogue cooperation "
    "talks negotiations economy world".split())


# Modal verbs ("should one …", "one must …") and the superlatives not made with "-est" ("the
# single worst …").
_MODALS = frozenset("should could would can must might may shall ought".split())
_SUPERLATIVES = frozenset("worst best most least".split())
# A signal or a message is sent: the verb says nothing the noun does not.
_SENDS = frozenset("send sends sent sending".split())
_MESSAGES = frozenset("signal signals message messages".split())


def _before_a_noun(word: str) -> bool:
    return word in _NOUN_OPENERS or _ORDINAL.fullmatch(word) is not None


def content_tokens(text: str) -> list[str]:
    """Folded words of a text without stop words and framing."""
    return folded_content_tokens(fold(text))


def folded_content_tokens(folded: str) -> list[str]:
    """content_tokens of a text already folded (so a text needs folding only once)."""
    words = _folded_tokens(folded)
    return [t for t in without_framing(with_one_word(words)) if t not in STOP_WORDS]


# English verbs whose past is not "-ed", as their present: "sent" is a form of "send" ("Which
# country sent warships …?" is answered by "decided to send warships").
IRREGULAR_PAST = {
    "built": "build", "took": "take", "taken": "take", "sold": "sell", "bought": "buy",
    "made": "make", "won": "win", "led": "lead", "began": "begin", "begun": "begin",
    "wrote": "write", "written": "write", "gave": "give", "given": "give", "sent": "send",
    "held": "hold", "brought": "bring", "ran": "run", "chose": "choose", "chosen": "choose",
    "broke": "break", "broken": "break", "drew": "draw", "drawn": "draw", "fought": "fight",
    "kept": "keep", "lost": "lose", "met": "meet", "paid": "pay", "spent": "spend",
    "stole": "steal", "stolen": "steal", "struck": "strike", "threw": "throw",
    "thrown": "throw", "grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "sought": "seek", "taught": "teach", "caught": "catch",
    "went": "go", "gone": "go", "blew": "blow", "blown": "blow", "came": "come",
    "became": "become", "withdrew": "withdraw", "withdrawn": "withdraw",
}


# Adjectives whose light stem is another word's: "Nordic" is not "Nord" (Stream), "postal" is
# not "post", "partial" not "party". Left whole, they match only themselves and their synonyms.
NOT_FORMS = frozenset(
    "nordic nordics postal partial partially lateral periodic periodical periodically "
    "occasional occasionally conditional intentional intentionally".split())


# Words whose forms the suffixes would cut down to another word's stem: "implement" is not
# "implications" ("impl"), "norms" not "normalization" ("norm"), "probe" not "probable"
# ("prob"), "states" not "statements". Each: its forms, and the stem they share.
_OWN_STEMS = {
    "implement": (("", "s", "ed", "ing", "ation", "ations"), "implement"),
    "norm": (("", "s"), "norms"),
    "prob": (("e", "es", "ed", "ing"), "probe"),
    # "states" (countries) is not "statements" nor "stated" ("stat").
    "state": (("s",), "states"),
    # "treaty" is not "treat" ("How did Biden treat Russia?" asks of no agreement).
    "treat": (("y", "ies"), "treaty"),
    # "plane" (an aircraft) is not "plan" ("the Ryanair plane forced down" asks of no plan).
    "plane": (("", "s"), "plane"),
    # "party", "parties" are not "part" ("What part did Russia play?" asks of a role).
    "part": (("y", "ies"), "party"),
    # "station", "stationed" are not "statements" ("stat").
    "station": (("", "s", "ed", "ing"), "station"),
    # "department" is not "depart" ("When did Blinken depart?").
    "department": (("", "s"), "department"),
    # "conceal" is not "concession" ("conc").
    "conceal": (("", "s", "ed", "ing", "ment"), "conceal"),
}


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English suffix-stripper, enough to relate 'valuable' to 'value' or 'sanctions'.

    Kept for the last 65,536 words: a question's words are stemmed a dozen times over
    (forms, synonyms, the words a passage must hold), the same words question after question."""
    word = IRREGULAR_PAST.get(word, word)
    if len(word) <= 4 or word.isdigit() or word in NOT_FORMS:
        return word
    for start, (endings, own) in _OWN_STEMS.items():
        if word.startswith(start) and word[len(start):] in endings:
            return own
    for _ in range(3):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                if suffix in _DOUBLING and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                    word = word[:-1]  # "planning", "stopped": "plan", "stop"
                break
        else:
            break
    return word


def for_provenance(text: str) -> str:
    """Fold only what a faithful quotation may change: spaces, quote marks and dashes."""
    text = text.translate(_MARKS)
    return _SPACE.sub(" ", text).strip()
