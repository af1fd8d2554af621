"""Match a reader's question to knowledge-base entries.

The matcher is built once per knowledge base, from parts with one job each (docs/matcher.md):

* knowledge/index.py builds the index: vocabulary, postings, topic groups, the alternate
  questions as content words, as flat numpy arrays (cached on disk by knowledge/cache.py);
* knowledge/words.py maps a question's words onto the vocabulary (forms, synonyms, typos);
* knowledge/names.py finds who and what is asked about (experts, topics, typos, unknown names);
* knowledge/scoring.py scores every entry at once and re-ranks the best candidates;
* knowledge/decision.py decides to answer or decline, with suggestions and hints;
* knowledge/settings.py holds every weight and threshold.

This module puts them together in the order a question goes through them.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections.abc import Callable, Collection, Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.cache import index_for
from knowledge.decision import (
    AMOUNT_NOUNS,
    ASKING_WORDS,
    AUXILIARIES,
    EXACTLY,
    FRAME_SHARE,
    HOLDING,
    INSTITUTIONS,
    MONTHS,
    NUMBER_WORDS,
    OFFICE_WORDS,
    PAST_AUXILIARIES,
    PLACE_NOUNS,
    POSTS,
    REPORTED_SPEECH,
    RESPONSE_VERBS,
    SAY_VERBS,
    SPEAKER_OPENERS,
    SPEECH_VERBS,
    TURKISH_OFFICE_WORDS,
    TURKISH_PAST,
    WORKPLACE_WORDS,
    Decision,
    asked_kind,
    first_question,
    gives,
    reports_speech,
    required,
)
from knowledge.lexicon import (
    is_common_turkish_word,
    is_common_word,
    is_english_word,
    is_real_word,
    is_turkish_word,
)
from knowledge.loader import found_in
from knowledge.models import Briefing, Entry, Expert, KnowledgeBase, Topic
from knowledge.names import PERSON_TITLES, Found, Names, names_in, written_as_a_person
from knowledge.normalize import (
    DOCUMENT_WORDS,
    IRREGULAR_PAST,
    MEETING_NOUNS,
    PANEL_WORDS,
    STOP_WORDS,
    TURKISH_DOCUMENT_OF,
    TURKISH_NAME_WORDS,
    TURKISH_NAMES,
    asked_in_turkish,
    asks_nothing,
    fold,
    in_one_word,
    occasion_places,
    plain_text,
    question_language,
    sentences,
    stem,
    subject_last,
    synonyms,
    the_question,
    tokens,
    united_states,
    without_courtesy,
    without_document,
    without_framing,
)
from knowledge.results import Answer, MatchResult
from knowledge.scoring import CAREER_WORDS, PROFILE_WORDS, WHY_WORDS, Scorer, asks_what_they_are
from knowledge.settings import DEFAULT_SETTINGS, MatcherSettings
from knowledge.thesaurus import CITIES, CONTINENTS, PLACE_ALIASES
from knowledge.words import (
    COUNTRY_NAMES,
    Vocabulary,
    inflected_english,
    may_correct,
    stop_word_meant,
)

__all__ = ["Answer", "MatchResult", "Matcher"]

logger = logging.getLogger(__name__)

# Words that open what a question is about ("say about …", "views on …").
SUBJECT_OPENERS = frozenset({"about", "regarding", "on", "concerning", "discuss", "discussed",
                             "discussing", "discusses"})
ABOUT_WORDS = frozenset({"about", "regarding", "concerning"})
# The prepositions that end the head of what is asked about ("tolls on the …").
HEAD_ENDS = frozenset("of on in for to from with near at over across between under".split())
# "Did Russia take over the Arctic Council chairmanship …?", "hand over the presidency": what
# is taken over is what is asked about.
TAKING_OVER = frozenset("take takes took taken taking hand hands handed handing".split())
# ... and the words that end a phrase, a preposition's or a clause's ("about Russia while he
# was running").
PHRASE_ENDS = HEAD_ENDS | AUXILIARIES | frozenset(
    "when while during after before since as if because and or back".split())
# Real words the briefing does not know, in a question that says what it is about, that make
# it about something else.
UNKNOWN_SUBJECT = 2
# The most words of a query of keywords ("nord stream explosion", "ozan taliban kabul 2021").
KEYWORD_QUERY = 6
# ... and in Turkish, the words that close it ("deprem hakkında", "Kırım konusunda").
TURKISH_SUBJECT_CLOSERS = frozenset({"hakkinda", "hakkindaki", "konusunda", "konusundaki",
                                     "uzerine", "ilgili"})

# Places and months, which the briefing writes as it writes people ("targeting Putin", "to
# China"): never the surname after a first name.
PLACES = frozenset(PLACE_ALIASES) | COUNTRY_NAMES | frozenset(MONTHS)
# Places that are names however a question writes them: countries and cities ("geneva").
NAMED_PLACES = COUNTRY_NAMES | CITIES
# The length from which a word one edit away from a place is that place misspelt
# ("Rejkjavik", as the source writes Reykjavik), not someone's name.
MISSPELT_PLACE_LENGTH = 7


def _misspelt_place(word: str) -> bool:
    """Is `word` a known place written with one letter wrong, added, dropped or swapped?"""
    return len(word) >= MISSPELT_PLACE_LENGTH and process.extractOne(
        word, PLACES, scorer=OSA.distance, score_cutoff=1) is not None

# Turkish words put before a surname that are no first name ("Doktor Ozan", "Hocam Dilek"):
# an expert's surname after one is still the expert. (English ones are English words.)
TURKISH_TITLES = frozenset(
    "doktor dr profesor prof docent doc hoca hocam hocamiz albay buyukelci buyukelcimiz "
    "gazeteci akademisyen uzman yazar emekli eski sayin bay bayan bey hanim".split())

# (`AUXILIARIES`, the verbs that only carry another, are decision's: "Who was …", "Who did …"
# are not the deed "Who built …" asks.)
# Those carrying a passive or a perfect ("Which moves have drawn …", "Which industries
# got targeted …"): a past verb after "which" and two words is the deed only without them
# ("Which EU member states opposed …?").
CARRIERS = AUXILIARIES | frozenset("be been being get gets got gotten".split())
# The words that end what an English question is about ("about Syria at the Reykjavik
# meeting"), and the openers whose subject can be told from them ("on" opens too many others).
SUBJECT_ENDS = frozenset(
    "at during in on before after with when while according to from since per for".split())
SUBJECT_NAMERS = ("about", "regarding", "concerning")
# The verbs of speaking before what an expert is asked about ("What did Ozan say about …?").
SAYING_ABOUT = frozenset(
    "say says said think thinks speak speaks talk talks write writes comment comments mention "
    "mentions".split())
# The words opening a second asking after "and" ("… and when did China join?").
SECOND_ASKINGS = frozenset("when where who how which what".split())
ASKED_DEGREES = frozenset("much many long often far old".split())
# Verbs of going on with a deed ("would keep fighting", "will continue to resist").
GOING_ON = frozenset("keep keeps continue continues go goes carry carries".split())
# Verbs of going on with a deed, or of taking the trouble to ("keep talking", "bother
# cooperating"): the deed is what is asked.
KEEP_DOING = frozenset("keep keeps kept keeping bother bothers bothered bothering".split())
# Verbs followed by "to" and another verb, which is the deed asked of ("Who stands to gain …?").
CATENATIVE = frozenset(
    "stand stands wants want wanted need needs needed hope hopes hoped seem seems seemed "
    "tend tends try tries tried plan plans planned intend intends intended".split())
# Verbs of describing something as something ("Who called the atmosphere constructive?"):
# a deed of words, told by the passage reporting them in its own verb ("speaks of").
DESCRIBING = frozenset(
    "called described characterised characterized labelled labeled termed dubbed branded".split())
# Words a question quotes: 'our land', "reset button", ‘…’, “…” (not the apostrophe of
# "Russia's"): an opening quote after a space, a closing one before a space or punctuation.
QUOTED = re.compile(r"""(?:^|(?<=[\s(]))['‘"“]([^'’"”]{2,60})['’"”](?=[\s.,;:!?)]|$)""")
# What a passage not writing the words quoted lacks: most of what was asked, but not wholly,
# so a passage below it that writes them may answer (`Decision.choose` sets it aside).
QUOTED_UNWRITTEN = 0.99
# The words for where a figure comes from ("WTO data", "official statistics").
FIGURE_SOURCES = frozenset("data statistics stats figures numbers estimates".split())
# Words opening a quote that points back at what the one before it names.
POINTING_BACK_OPENERS = frozenset("These Those Such".split())
# "What is the title of this piece?", "Bu raporun başlığı ne?": the briefing's title asked,
# which its metadata gives (the first line of its source), not a passage.
TITLE_WORDS = frozenset("title headline heading baslik basligi basligin".split())
# ... and its name, only said of the document ("the name of this report", "raporun adı").
NAME_WORDS = frozenset("name called titled entitled adi ismi".split())
# ... not what the title means ("What does the title of this briefing mean?").
MEANING_WORDS = frozenset("mean means meaning meant refer refers anlami".split())
# Words a title question may hold besides the document and the title's own words.
TITLE_FRAMING = frozenset("exact full official original published".split())
# Words that open an English question (with the verbs that ask with them: `ASKING_WORDS`).
QUESTION_WORDS = frozenset("what who whom whose which how why".split())
# Words placing a career in time ("former job", "previous career", "eski mesleği"): framing
# with it, as the career word itself is; the profile answers.
CAREER_TIMES = frozenset("former previous past earlier prior eski onceki".split())
# The words naming each of the briefing's two parties, with their leaders and ministers:
# "Does the US want …?" is about the US; a passage naming only Russia, Moscow and Putin is not.
_SIDE_WORDS = {
    "usa": "us", "america": "us", "american": "us", "americans": "us", "washington": "us",
    "abd": "us", "amerika": "us", "amerikan": "us", "biden": "us", "trump": "us",
    "obama": "us", "blinken": "us",
    "russia": "ru", "russian": "ru", "russians": "ru", "moscow": "ru", "kremlin": "ru",
    "rusya": "ru", "moskova": "ru", "rus": "ru", "putin": "ru", "lavrov": "ru",
}


def sides_of(words: Sequence[str]) -> frozenset[str]:
    """Which of the briefing's two parties these words name: "us", "ru", both or neither."""
    return frozenset(side for w in words if (side := _SIDE_WORDS.get(w)) is not None)


# The Turkish words asking for a fact: which, where, from where, how many.
TURKISH_FACT_ASKING = frozenset({"hangi", "nerede", "nereden", "nereli", "kac"})
# Words asking where or what someone studied.
EDUCATION_WORDS = frozenset(
    "study studied studies graduate graduated graduation university universities degree "
    "degrees school schooling educated education major majored masters doctorate phd "
    "okudu okumus mezun universite egitim egitimi lisans doktora".split())
# How many entries holding a word are read to tell whether it is a person's name, and how
# many words' answers are kept (then forgotten all at once).
PERSON_SAMPLE = 200
PERSONS_KEPT = 20_000
# How far before an office its country may be named: "Iceland's new foreign minister".
OFFICE_REACH = 3
# Offices as Turkish writes them after the country ("İzlanda Dışişleri Bakanı", "Çin
# Cumhurbaşkanı"), folded: `TURKISH_OFFICE_WORDS`.
# A question whether what someone expected came to pass ("…, as Başbuğ predicted?").
CAME_TRUE = re.compile(
    r"\b(?:as|like) (?:\w+ ){1,3}(?:expected|predicted|forecast|foresaw|anticipated|foretold)$")
# ... or asked yes or no ("Did Başbuğ's prediction come true?", "Did the tension he predicted
# actually materialize?", "Was Ozan proved right?"; not "Why didn't Trump's friendly approach
# pan out?", a cause the briefing tells).
FULFILMENT_ASKED = re.compile(
    r"^(?:did|has|have|had|was|were|is)\b.*\b(?:come true|came true|materiali[sz]e[ds]?"
    r"|pan(?:ned)? out|prove[nd]? (?:right|correct|wrong|true)"
    r"|turn(?:ed)? out (?:right|true|correct|to be (?:right|true|correct)))\b")
# What an outcome is asked as, in English (a Turkish question's "sonuçları" read so).
OUTCOME_NOUNS = frozenset("outcome outcomes result results consequence consequences".split())
# A question whether an event came about ("Did the summit take place?", "Was it held?"),
# and the words of a passage telling that one did ("took place", "met", "was completed").
ASKS_IF_HAPPENED = re.compile(
    r"^(?:did|has|have)\b.*\b(?:take place|happen|occur)\b|^(?:was|were)\b.*\bheld\b")
HAPPENED = re.compile(
    r"\b(?:took place|was held|were held|was completed|happened|occurred|met)\b")
# "What happened to Navalny?": what befell a person, which a passage tells with the person
# undergoing it ("was arrested", "has been jailed", "got sentenced").
BEFALL = frozenset("happen happens happened happening become became".split())
UNDERGONE = re.compile(r"\b(?:was|were|been|being|got|gets|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")
# An occasion asked ("Which gathering were they attending?", "On the sidelines of what event
# did they meet?"), and a passage naming one ("met during the Arctic Council").
OCCASION_NOUNS = frozenset("gathering gatherings event events occasion forum conference".split())
ATTENDING = frozenset(
    "attend attends attended attending sidelines met meet meeting get got sat".split())
NAMED_EVENT = re.compile(r"\b(?:during|at) the (?:[A-Z]\w+ )*[A-Z]\w+")
# What something did to another, asked ("How did Crimea affect relations?", "What harm did it
# do?", "ilişkilere ne yaptı", "nasıl etkiledi"), and a passage telling it, pointing back at
# what the passage before it names ("These policies have caused deterioration …").
EFFECT_ASKED = frozenset(
    "affect affected affects effect effects impact impacted harm harmed damage damaged "
    "consequence consequences etkiledi etkiler etkisi yansidi yansimasi".split())
EFFECT_PAIRS = frozenset({("do", "to"), ("did", "to"), ("ne", "yapti")})
POINTING_BACK = re.compile(r"(?:These|This|Those|Such) [a-z]+ (?:have|has|had|was|were)\b")
CAUSED = re.compile(r"\b(?:caused|affected|led|resulted|brought about|damaged|harmed)\b")
# A place in Turkish with the ending of being in it or going to it ("Almanya'daydı",
# "Almanya'da", "Almanya'ya").
TURKISH_IN_OR_TO = re.compile(r"(\w+)['’](?:da|de|ta|te|ya|ye)(?![a-zçğıöşü]*n\b)\w*")
# How or when something ended, asked; and a passage telling of it as going on.
ENDED = frozenset(
    "end ended ends conclude concluded finish finished sonuclandi bitti sonlandi".split())
ONGOING = re.compile(r"\bongoing\b")
# ... or as to come ("the meeting that is foreseen to be held by Biden and Putin", "the
# preparations for new protest demonstrations").
TO_COME = re.compile(
    r"\b(?:planned|foreseen|expected|scheduled|upcoming|to be held|preparations? for)\b")
# ... or written with "will" ("if there is a consensus in these talks, … will be changed"),
# not in the formula recalling what is past ("As it will be remembered, the USA … decided").
WILL = re.compile(r"\b(?:will|would|shall)\b(?! be remembered)")
# Whether something was completed, asked yes or no ("Did Eletek complete her master's?"), and
# a sentence telling it as in progress ("is currently pursuing a master's degree").
COMPLETING = frozenset(
    "complete completed completes finish finished finishes graduate graduated".split())
IN_PROGRESS = re.compile(
    r"\b(?:currently|pursuing|ongoing|underway|in progress|(?:is|are) (?:still )?continuing"
    r"|s[üu]rd[üu]rmekte\w*|devam etmekte\w*)\b")
# ... and asked in Turkish ("bitirdi mi?", folded).
TURKISH_COMPLETING = frozenset("bitirdi bitirmis bitti tamamladi tamamlandi tamamlamis".split())
# Turkish "in the end", "at last" ("… sonunda anlaşmaya varıldı mı?").
TURKISH_AFTER_ALL = frozenset("sonunda nihayet nihayetinde".split())
# A passage giving a cause, which a "why" question asks.
CAUSE = re.compile(r"\b(?:because|therefore|since|due to|as a result|reason|thus|so that"
                   r"|caused?|led to|thanks to)\b", re.IGNORECASE)
# What went on at a meeting, asked ("What was discussed at …?").
WENT_ON = frozenset(
    "discussed discuss agreed agree decided decide talked talk".split())
# A meeting told ("the meeting", "met", "the summit").
MET = MEETING_NOUNS | frozenset("met meet meets held".split())
# "What's ANKASAM's office address …?": what someone named has, asked for.
OWNED = re.compile(r"\s*(?i:what|which)(?:['’]?s|\s+(?i:is|was|are|were))\s+(?:the\s+)?"
                   r"((?:[\w-]+\s+){0,3}?[\w-]+)['’]s\s+([\w -]+)")
# A reader asking what to do ("How can I …?", "Where can I …?").
HOW_TO = [["how", "can", "i"], ["how", "do", "i"], ["how", "could", "i"], ["where", "can", "i"],
          ["where", "do", "i"]]
# A view asked ("What does Eletek think about …?", "… her analysis of …"; not a think tank,
# nor the Turkish one, "düşünce kuruluşu").
VIEWS_ASKED = frozenset("think thinks thought view views opinion opinions analysis assessment "
                        "stance believe believes say says said comment comments perspective "
                        "verdict dusunuyor dusundu gorusu degerlendirmesi yorumu".split())
# Others than those named, asked ("besides China and Japan, which other …", "… dışında").
OTHERS = frozenset("other others besides except apart else diger disinda baska".split())
# The endings of nouns of a deed ("withdrawal", "annexation", "departure").
DEED_NOUN_ENDINGS = ("al", "ion", "ure")
# Turkish meetings, as a question's words open ("zirvesinden", "görüşmeden").
TURKISH_MEETINGS = ("zirve", "gorusme", "toplanti", "bulusma")
# What follows something asked ("What happened after …?", "following the withdrawal").
AFTER_WORDS = frozenset(("after", "following"))
# Words of a deed coming about after all ("Did Washington later impose …?").
LATER = frozenset("later eventually ultimately afterwards afterward subsequently".split())
# Words telling of a deed as to come ("is expected to withdraw", "will not impose").
# ... of them, those asking of a deed as to come ("Is it likely to …?"), not those naming a
# thing foreseen ("the tension he predicted").
ASKED_AS_TO_COME = frozenset("will would going may might could likely".split())
TO_COME_WORDS = ASKED_AS_TO_COME | frozenset("expected foreseen planned predicted".split())
# Two capitalised words in a row, and no more: a name ("the Northwest Passage").
TWO_WORD_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b(?! [A-Z])")
# A word of three capitals or more ("START", "NATO").
ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
# Three capitalised words or more in a row: a name ("Black Sea Fleet").
LONG_NAME = re.compile(r"\b[A-Z][\w-]+(?: [A-Z][\w-]+){2,}")
# The briefing's introduction named ("according to the intro", "raporun girişinde").
INTRODUCTION = frozenset(
    "introduction intro introductory preface foreword giriste girisinde girisine girisi "
    "girisindeki".split())
# The nouns of a time asked, Turkish (folded) and as read in English.
TIME_NOUNS = frozenset(
    "year years yil yili yilda yilinda yilindan month months ay ayda ayinda date tarih "
    "tarihte tarihinde day gun gunu".split())
# Verbs of expecting, before the deed expected ("expect Germany to cancel …").
EXPECTING = frozenset(
    "expect expects expected believe believes think thinks predict predicts foresee foresees "
    "anticipate anticipates".split())
# Adverbs between "did <name>" and the deed ("Did Biden ever apologise …?").
DEED_ADVERBS = frozenset("ever actually really also finally eventually ultimately then".split())
# Words saying where a thing is ("Where is … located?"), not naming it.
SITUATED = frozenset("located based headquartered situated found placed seated".split())
# How many words after "how many" may name what is counted: "Arctic Council member states".
COUNT_REACH = 4
# Words that end what is counted: "How many warships did …", "How many states in …".
COUNT_ENDS = frozenset(
    "do does did are is were was have has had can could will would should may might there in "
    "on at to for from with by that which who whose since".split())
# Words between "how many" and what it counts: "how many of the …", "kaç tane".
COUNT_FILLERS = frozenset("of the a an do does did are is were was have has tane adet".split())
# The words of a Turkish question that ask ("kaç", "kaça mal oldu": what it cost, "hangi
# şehirde"), not what is asked about.
TURKISH_ASKING = frozenset("kac kaci kacinci kaca mal".split())
# "How does Dilek characterize the meeting?": said of an expert, a word of describing, framing.
CHARACTERIZING = frozenset(
    "characterize characterise characterizes characterises characterized characterised "
    "characterizing characterising".split())
# "What does Öymen expect next?": what the expert expects is his view of what comes, as
# "think" is (not someone else's expectation: "What did Putin expect from the talks?").
FORESEEING = frozenset(
    "expect expects predict predicts foresee foresees anticipate anticipates forecast "
    "forecasts next".split())
# "Biden Beyaz Saray'a ne zaman geldi (geçti, taşındı, girdi)?": "came" to a place or an office,
# which a passage tells in its own verb ("taking White House"), as English "come" is framing.
TURKISH_CAME = frozenset(
    "geldi gelmis gelmisti geldigi geldiginde gecti gecmis tasindi tasinmis girdi girmis".split())
# Words that make a question negative ("didn't" is read as "didn" and "t").
NEGATIONS = frozenset("not never didn doesn don isn wasn hasn haven nobody none".split())
# "Tell me a joke about Russia", "Write a poem", "Bir fıkra anlat": asked to make something up,
# which a bot that quotes cannot do, whatever a passage says ("Russia is not a joke").
MADE_UP = frozenset("joke jokes poem poems song songs riddle riddles limerick haiku fıkra fikra "
                    "şiir siir".split())
NOT_MADE_UP = NEGATIONS | {"no"}  # "not a joke", "no joke": what someone said
MAKE = frozenset("tell write compose sing make give share know recite anlat yaz söyle soyle "
                 "yazar".split())
# Tasks asked of the bot in the imperative, which it does not do (it quotes, as published).
TASKS = frozenset("translate translation cevir tercume".split())
# ... and asked as a question: how something is said in a language ("How do you say 'good
# morning' in Japanese?"), which no passage tells.
WORDING_ASKED = re.compile(
    r"\bhow (?:do|would|can|should) (?:you|i|we|one) (?:say|write) .*"
    r"\bin (?:english|turkish|japanese|chinese|russian|german|french|spanish|italian|arabic|"
    r"korean|greek|portuguese|dutch|persian|hindi|ukrainian|polish|icelandic|swedish|"
    r"norwegian|danish|finnish|latin|hebrew)\b")
# "Navalni ne zaman öldü?" (died): folded, "öldü" would read as "oldu" (became), a word that
# frames; the verb is read in English before folding.
TURKISH_DIED = re.compile(r"\b[Öö]l(?:dü|müş|müştü|düğü|düğünde|dükten)\b")
# Written works, and their writing ("What other reports has ANKASAM published?").
WORKS = frozenset(
    "reports articles papers publications briefings books analyses studies pieces".split())
WRITING = frozenset("written wrote write writes published publish publishes authored".split())
# What a country wants ("What does Japan want in the Arctic?"), its own as its words are.
WISHING = frozenset("want wants seek seeks intend intends aim aims plan plans hope hopes".split())
# Those who work for a leader ("Biden's people", "the Putin camp"): the administration.
ENTOURAGE = frozenset("people camp aides folks crew entourage".split())
ADMINISTRATION = "administration"
# A country's possessive typed without the apostrophe ("japans plans", "russias president"),
# when the word is no English one ("turkeys"), or a stance or policy follows it ("turkeys
# position"); the word after it is its second group.
COUNTRY_POSSESSIVE = re.compile(
    r"\b(" + "|".join(sorted(COUNTRY_NAMES, key=len, reverse=True)) + r")s\b(?=\s+(\w+))?",
    re.IGNORECASE)
# Two names joined by a hyphen ("US-Russia", "Washington-Moscow").
RELATION = re.compile(r"\b([A-Z]\w+)-([A-Z]\w+)\b")
# Two words joined by a hyphen or a dash, in any case ("blinken-lavrov", "Biden–Putin").
JOINED = re.compile(r"\b(\w+)\s*[-–]\s*(\w+)\b")
# The points of the compass, which name one of two places ("South Korea", "North Korea").
COMPASS = frozenset("north south east west northern southern eastern western".split())
# A word written as a name before another ("North Korea", "South Korea").
QUALIFIED = re.compile(r"\b([A-Z][a-z]+) ([A-Z]\w+)")
# The general vocabulary's words (`normalize.synonyms`): English words, though wordfreq's
# small list may lack them ("oligarchs", "flashpoint"), read as real words where the
# briefing not knowing a word declines a question.
GENERAL_WORDS = frozenset(w for group in synonyms().values() for w in group)
# Ordinals that number a name ("the first Nord Stream pipeline": Nord Stream 1).
ORDINAL_NUMBERS = {"first": "1", "original": "1", "second": "2", "third": "3"}
# A list of three names or more ("such as China, Japan, South Korea, Germany, France and
# England"): a name in it is an example, of which the passage says nothing on its own.
_NAME = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?"
LISTED = re.compile(rf"(?:{_NAME}, ){{2,}}{_NAME}(?:,? (?:and|or) {_NAME})?")
# ... a list asked complete ("all 13 observers", "the full list"), and one given as examples.
COMPLETE_LIST = re.compile(r"\ball (?:the |of the )?\d+\b|\b(?:full|complete|entire|whole) list\b"
                           r"|\blist (?:all|every)\b|\b(?:tam|eksiksiz|bütün|tüm) liste"
                           r"|\b(?:hepsini|tamam[ıi]|tamam[ıi]n[ıi])\b", re.IGNORECASE)
EXAMPLES = re.compile(r"\b(?:such as|including|for example|for instance|among them)\b",
                      re.IGNORECASE)
# Verbs asking how a party took something ("How did Iran react to the meeting?", "How did
# the EU view the talks?"): a third country's reaction, which only a passage telling of that
# country acting or speaking gives.
REACTION_VERBS = RESPONSE_VERBS | frozenset(
    "view viewed views see saw sees regard regarded regards assess assessed assesses evaluate "
    "evaluated evaluates perceive perceived perceives welcome welcomed welcomes receive "
    "received comment commented comments interpret interpreted judge judged greet greeted "
    "say said says think thought feel felt".split())
# Turkish words asking what someone said, folded ("ne dedi", "ne söyledi", "açıkladı").
TURKISH_SAYING = frozenset(
    "dedi diyor soyledi soyluyor acikladi aciklama aciklamasi gundeme demisti soylemisti"
    .split())
# What an expert is asked about, in Turkish, comes before "hakkında" ("… hakkında ne
# düşünüyor?"): the words after it (folded), and the verbs of a view that follow.
TURKISH_ABOUT = frozenset("hakkinda konusunda".split())
TURKISH_VIEWS = TURKISH_SAYING | frozenset(
    "diyorlar demis soylemis dusunuyor dusunuyorlar dusunmus yorumluyor yorumladi goruyor "
    "degerlendiriyor degerlendirdi".split())
# Words naming a country's body rather than what it reacted to ("the European Union",
# "Iceland's government", "İzlanda hükümeti").
REACTOR_BODIES = frozenset(
    "union government governments officials official ministry leadership authorities "
    "administration hukumeti hukumet yonetimi".split())
# Nouns of a party's view of something, after its name ("Germany's official position").
STANCE_NOUNS = frozenset(
    "reaction reactions response responses position stance attitude view views assessment "
    "verdict".split())
# ... and what else a country has ("turkeys policy": Turkey's).
COUNTRY_OWNED = frozenset("policy policies role plans interests government".split())
# Turkish words of a reaction or a view, folded ("nasıl tepki verdi", "nasıl değerlendirdi",
# "ne dedi", "tutumu").
TURKISH_REACTION = frozenset(
    "tepki tepkisi tepkiyi tepkileri tepkisini tepkiler degerlendirdi degerlendiriyor "
    "degerlendirmesi karsiladi karsiliyor yorumladi yorumluyor yorumu dedi diyor soyledi "
    "soyluyor bakti bakiyor gorusu tutumu tutum aciklama aciklamasi acikladi".split())
# Words telling, in a passage, that its subject spoke or acted on something ("the USA and the
# EU evaluated the annexation of Crimea as a great challenge").
ACTOR_WORDS = REPORTED_SPEECH | RESPONSE_VERBS | frozenset(
    "evaluated evaluates considered considers regarded regards sees viewed views welcomed "
    "condemned criticized criticised accused warned insisted decided demanded rejected "
    "objected protested supported opposed".split())
# How many words before such a word the country may be named: "the USA and the EU evaluated".
ACTOR_REACH = 6
# How many words the asking verb's subject may have: "How did [the Icelandic government] view".
REACTOR_REACH = 4
ROLE_WORDS = frozenset("role roles part status rol rolu rolleri statusu".split())
# A possessor, English or Turkish: "Japan's", "Japonya'nın".
POSSESSOR = re.compile(r"([^\W\d_]+)['’](?:s|n?[ıiuü]n)\b")
# An expert's account of something, named by what the expert gave ("in Dilek's account", "Öymen's
# line on …", "Berktay's words on …"): the expert is asked, and the noun is framing as "view" is.
# (Only after an expert: "Biden's line on Russia" asks for Biden's line.)
EXPERT_POSSESSED = re.compile(
    r"([^\W\d_]+)['’]s\s+(?:account|line|verdict|reading|read|words|interpretation|"
    r"explanation|thinking|answer|judg(?:e)?ment|argument|reasoning|conclusion|version|"
    r"understanding)\b", re.IGNORECASE)
# "How significant was the meeting?" asks how important it was, a judgement any passage on it may
# give, whatever its words; "important" is framing.
HOW_IMPORTANT = frozenset("significant meaningful".split())


def _taken_over(words: list[str]) -> str | None:
    """The last word naming what is taken or handed over ("took over the Arctic Council
    chairmanship from Iceland": "chairmanship"), if the question says so."""
    for pos, (a, b) in enumerate(itertools.pairwise(words)):
        if a in TAKING_OVER and b == "over":
            named = list(itertools.takewhile(lambda w: w not in HEAD_ENDS and w not in AUXILIARIES,
                                             words[pos + 2:]))
            return named[-1] if named else None
    return None


def _an_adverb(word: str) -> bool:
    """An adverb made of a word ("originally", "formally")."""
    return word.endswith("ly") and len(word) > 5 and is_english_word(word[:-2])


def _how_important(words: list[str]) -> list[str]:
    """The words with "how significant", "how big a deal" read as "how important"."""
    if "how" not in words:
        return words
    at = words.index("how") + 1
    if words[at:at + 3] == ["big", "a", "deal"]:  # "How big a deal was it?"
        words = [*words[:at], "important", *words[at + 3:]]
    return ["important" if w in HOW_IMPORTANT and words[k - 1:k] == ["how"] else w
            for k, w in enumerate(words)]


# A first name and a surname, written inside a sentence ("Minister Sergey Lavrov"): a capital
# after a sentence's end ("… Characterizing Putin") is no first name.
FIRST_NAME = re.compile(r"(?<![.!?:;\"“(]\s)(?<!^)\b([A-Z][a-z]+) (?=([A-Z]\w+))")


# "Which experts bring up Crimea?" asks who of the panel speaks on it, not for an entity the
# passage must name: its words need not all be held.
EXPERT_NOUNS = frozenset(
    "expert experts analyst analysts specialist specialists commentator commentators scholar "
    "scholars".split())


# A purpose asked, and how a passage tells one without the word ("in order to", "so that").
PURPOSES = frozenset("purpose purposes aim aims goal goals objective objectives".split())
TURKISH_PURPOSES = ("amac", "hedef", "gaye")
PURPOSE_TOLD = re.compile(r"\b(?:in order to|so that|so as to)\b", re.IGNORECASE)
# What "What is the X of …?" may ask without the passage writing X: a purpose, a reason, a name.
WRITTEN_OTHERWISE = frozenset(
    "purpose purposes aim aims goal goals point reason reasons meaning name names idea "
    "objective objectives motive motives".split())


def _owned_asked(text: str, words: list[str], names: Collection[str] | None) -> str | None:
    """The thing of someone named (`names` None: of anyone) that "What is (was, are, were) N's
    X …?" asks for, the last word of X (a noun, before a preposition or the end: "What's
    ANKASAM's office address in Ankara?", "What is Dokuz Eylül University's ranking?"), or
    None."""
    asked = OWNED.match(text)
    if asked is None or (names is not None and not all(
            word[:1].isupper() or set(tokens(word)) <= set(names)
            for word in asked.group(1).split())):
        return None
    owned = None
    for word in tokens(asked.group(2))[:3]:
        if word in STOP_WORDS or word not in words:
            break
        owned = word
    return owned


def the_x_of(words: list[str]) -> str | None:
    """The X of a question "What/Which is (was, are, were) the X of …?", the thing it asks for."""
    if words[:1] in (["what"], ["which"]) and words[1:2] in (
            ["is"], ["was"], ["are"], ["were"]) and words[2:3] == ["the"]:
        if words[4:5] == ["of"]:
            return words[3]
        if words[5:6] == ["of"] and words[3] not in STOP_WORDS:
            return words[4]  # "What are the working groups of …?": the head of the X
    return None


# Words before a noun ("the sanctions", "its forces"): what follows them is no verb.
NOUN_MARKERS = frozenset(
    "the a an this that these those its their his her our your my of some many most any each "
    "every no".split())


def _verb_like(word: str) -> bool:
    """Is `word` an English verb in its base form or its third person ("target", "borders"):
    one English writes in the past and in -ing too ("targeted", "targeting")?"""
    base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    past = (base + "ed", base + "d", base[:-1] + "ied", base + base[-1:] + "ed")
    going = (base + "ing", base[:-1] + "ing", base + base[-1:] + "ing", base[:-2] + "ying")
    return len(base) > 2 and any(map(is_english_word, past)) and any(
        is_english_word(w) for w in going if w != "ying")


def _verbs_after_subject(words: list[str]) -> set[str]:
    """The verbs of a question asking with an auxiliary ("Which sectors did the sanctions
    target?", "Where does the pipeline carry the gas?"): the words after the auxiliary that
    English writes as verbs, not after a word opening a noun ("the sanctions")."""
    at = next((k for k, w in enumerate(words[1:8], 1) if w in AUXILIARIES), None)
    if at is None:
        return set()
    return {w for before, w in itertools.pairwise(words[at:])
            if before not in NOUN_MARKERS and before not in AUXILIARIES and _verb_like(w)}


def _told_only_to_come(passage: str, forms: Collection[str]) -> bool:
    """Does `passage` write a deed (any of its `forms`), and each time as to come ("is
    expected to withdraw", "will not impose": a word of it among the four before)?"""
    told = False
    for sentence in sentences(passage):
        words = tokens(sentence)
        for at, word in enumerate(words):
            if word in forms:
                if not TO_COME_WORDS & set(words[max(0, at - 4):at]):
                    return False
                told = True
    return told


def _told_going_on(passage: str, forms: list[set[str]]) -> bool:
    """Do the sentences of `passage` that hold most of what is asked (each of `forms`, a word's
    forms) all tell it as going on or to come ("the ongoing negotiations", "will not impose")?"""
    held = [(sum(bool(f & set(tokens(sentence))) for f in forms), sentence)
            for sentence in sentences(passage)]
    most = max((count for count, _ in held), default=0)
    return most > 0 and all(TO_COME.search(sentence) or WILL.search(sentence)
                            or ONGOING.search(sentence) or IN_PROGRESS.search(sentence)
                            for count, sentence in held if count == most)


def _deed_after_all(words: list[str]) -> str | None:
    """The deed a question asks came about after all, later or in the end ("Did Washington
    later impose sanctions …?", "… end up pulling …", "Did they … again / in the end /
    anyway?"), or None."""
    for k, word in enumerate(words):
        after = words[k + 1:k + 4] if word in LATER else (
            words[k + 2:k + 4] if word in ("end", "ended") and words[k + 1:k + 2] == ["up"]
            else [])
        deed = next((w for w in after if w not in STOP_WORDS), None)
        if deed is not None and _a_verb(deed):  # (not "a later summit", "later in 2021")
            return deed
    pairs = set(itertools.pairwise(words))
    if words[:1] == ["did"] and ({"anyway", "again"} & set(words) or {
            ("the", "end"), ("after", "all")} & pairs):
        return next((w for w in words[2:7] if w not in STOP_WORDS and w not in ("end", "all")
                     and _a_verb(w)), None)
    return None


# What tells a thing as going on ("is continuing an internship", "is currently pursuing").
CONTINUING = re.compile(r"\b(?:continu\w*|ongoing|currently|still|pursuing)\b", re.IGNORECASE)


def _located(words: list[str]) -> str | None:
    """The thing whose place "Where is … located (based, headquartered)?" asks: the last word
    naming it."""
    if words[:1] != ["where"] or not SITUATED & set(words):
        return None
    named = [w for w in itertools.takewhile(lambda w: w not in HEAD_ENDS, words[2:])
             if w not in SITUATED and w not in STOP_WORDS]  # ("riches of the Arctic")
    return named[-1] if named else None


def _after_what(words: list[str], content: list[str]) -> str | None:
    """The thing after which something is asked ("… after the internship?", "stajından
    sonra"): the first word of what follows "after", or the word before "sonra"."""
    for k, word in enumerate(words):
        if word in AFTER_WORDS:
            return next((w for w in words[k + 1:k + 4] if w in content), None)
        if word == "sonra" and k and words[k - 1] in content:
            return words[k - 1]
    return None


# Holders of an office of a country, unnamed ("Which Icelandic official hosted …?").
OFFICIALS = frozenset({"official", "officials"})
# A definition asked ("the definition of an arms race", "tanımı").
DEFINITIONS = frozenset("definition definitions tanimi tanim".split())
# "To what extent …?", "to what degree": how much, no thing asked.
DEGREES = frozenset({"extent", "degree"})
# Verbs of leaving in the past that are no "-ed" form ("after the US troops left").
LEFT = frozenset({"left", "quit"})


def _not_an_auxiliary_slip(word: str) -> bool:
    """Is `word` no slip of an auxiliary ("what dose Başbuğ think …": "does")?"""
    meant = stop_word_meant(word)
    return meant is None or meant[0] not in AUXILIARIES


def _deed_followed(words: list[str]) -> str | None:
    """The deed after which something is asked ("What happened in Afghanistan after the US
    troops left?", "… after the withdrawal?"): a verb in the past or a noun of a deed, among
    the four words after "after", asked in the past; none told only as to come has been
    followed by anything. Not what is expected to follow it ("What did Ozan expect to happen
    … after the US withdrawal?", "Who will gain …?")."""
    if (TO_COME_WORDS | FORESEEING) & set(words):
        return None
    for k, word in enumerate(words):
        if word in AFTER_WORDS and any(  # asked in the past ("What happened …")
                w in PAST_AUXILIARIES or _past(w) for w in words[:k]):
            return next((w for w in words[k + 1:k + 5] if w not in STOP_WORDS and (
                _past(w) or w in LEFT or w.endswith(DEED_NOUN_ENDINGS))), None)
    return None


def _a_verb(word: str) -> bool:
    """Is `word` a verb, as English writes it in -ing or -ed ("impose", "withdraw", "pulling",
    "sanction")?"""
    return len(word) > 2 and word.isalpha() and word not in PLACES and (
        word.endswith("ing") or _verb_like(word) or is_english_word(word + "ing")
        or is_english_word(word[:-1] + "ing") or is_english_word(word + "ed"))


def _asks_how_it_went(words: list[str]) -> bool:
    """"How did the Biden-Putin summit go (overall)?", "… turn out?": how something done
    went, asked."""
    return words[:2] == ["how", "did"] and (words[-1:] == ["go"] or words[-2:] == [
        "go", "overall"] or bool(
        {("turn", "out"), ("pan", "out"), ("play", "out")} & set(itertools.pairwise(words))))


def _outcome_of_a_meeting(words: list[str]) -> bool:
    """"What was the result of the Biden-Putin summit?", "What came out of it?" (read
    "outcome"): how a meeting ended, asked (not as to come: "What will the summit's outcome
    be?")."""
    # (In Turkish, "zirvesinin sonucu ne oldu?"; not "ne olacak?", what it will be.)
    outcome = OUTCOME_NOUNS & set(words) or any(w.startswith("sonuc") for w in words)
    meeting = MEETING_NOUNS & set(words) or any(w.startswith(TURKISH_MEETINGS) for w in words)
    return bool(outcome) and bool(meeting) and not (TO_COME_WORDS | FORESEEING) & set(
        words) and "will" not in words and not any(
        w.endswith(("acak", "ecek")) for w in words)


def _after_a_meeting(words: list[str]) -> bool:
    """"What happened after the Biden-Putin summit?", "… after it took place?", "zirvesinden
    sonra": what followed a meeting, which only a passage telling it held tells (not asked as
    to come: "After the summit in June, will relations improve?")."""
    return not (TO_COME_WORDS | FORESEEING) & set(words) and any(
        (word in AFTER_WORDS and (
            MEETING_NOUNS & set(words[k + 1:k + 5])
            or (words[k + 1:k + 2] == ["it"] and bool(MEETING_NOUNS & set(words[:k])))))
        or (word == "sonra" and k > 0 and words[k - 1].startswith(TURKISH_MEETINGS))
        for k, word in enumerate(words))


def _what_followed(words: list[str], event_words: frozenset[str]) -> tuple[bool, int | None]:
    """What came after a meeting, its place or a year, asked ("Did China get closer to
    Russia after the Reykjavik meeting?", "Did Russia and Ukraine go to war after 2021?", "…
    later in 2021?", "Is China closer to Russia after the meeting?"): whether a meeting (or
    the event's place) was named, and the year. Not asked as to come ("Will tension go down
    after the talks?", "Does Berktay expect …")."""
    month = {"may"} if any(a == "may" and b.isdigit()  # ("after May 2021": the month)
                           for a, b in itertools.pairwise(words)) else set()
    if (TO_COME_WORDS | FORESEEING) & (set(words) - month):
        return False, None
    meeting, year = False, None
    for k, word in enumerate(words):
        if word in AFTER_WORDS or (word == "in" and k and words[k - 1] in LATER):
            following = words[k + 1:k + 5]
            meeting = meeting or bool((MEETING_NOUNS | event_words) & set(following))
            year = next((int(w) for w in following[:2] if len(w) == 4 and w.isdigit()), year)
    return meeting, year


def _past(word: str) -> bool:
    """A verb in the past, as a deed asked of is written ("built", "announced")."""
    return (word.endswith("ed") and len(word) > 4) or word in IRREGULAR_PAST


# The press, which words may be said to ("told reporters", "said to the media").
# (Not one journalist: "according to the journalist" is an expert's account.)
PRESS = frozenset("reporters journalists press media newsmen".split())
TELLING = frozenset("to told tell tells telling briefed".split())
# Places within a city ("building", "hall"), asked for by "what" or "which".
BUILDINGS = frozenset("building buildings hall halls hotel hotels palace residence room "
                      "rooms".split())
# Documents named by a place ("the Ottawa Declaration", "the Minsk Protocol").
DOCUMENTS = frozenset("declaration declarations treaty protocol protocols accord accords "
                      "charter pact convention".split())
DOCUMENT_NAMED = re.compile(r"\b([A-Z]\w+) (" + "|".join(
    sorted(w.capitalize() for w in DOCUMENTS)) + r")\b")


# A document by its own name, a capital before its kind in any case ("the New START treaty").
DOCUMENT_OWN_NAME = re.compile(r"\b([A-Z][\w-]*) (?i:(" + "|".join(sorted(DOCUMENTS)) + r"))\b")


# A statement issued together, asked ("the joint statement", "ortak bir bildiri") and written.
JOINT_ASKED = re.compile(
    r"\bjoint (?:statement|declaration|communiqu[eé])s?\b|\bcommuniqu[eé]s?\b"
    r"|\bortak (?:bir )?(?:bildiri|açıklama|aciklama|deklarasyon)", re.IGNORECASE)
JOINT_WRITTEN = re.compile(
    r"\bjoint (?:statement|declaration|communiqu[eé])|\bcommuniqu[eé]", re.IGNORECASE)
# ... in Turkish, a capital up to two words before its kind ("START nükleer anlaşması"),
# which may be any of the English ones; an agreement ("anlaşma") only by an acronym ("Yeni
# START nükleer silah anlaşması"; not "İran nükleer anlaşması", a deal as English's
# "agreement" is no document either); not across a question word ("Arktik Konseyi hangi
# bildiriyle kuruldu?" asks which document).
TURKISH_DOCUMENT_NAMED = re.compile(
    r"\b([A-ZÇĞİÖŞÜ][\w-]*)(?:['’]\w+)?(?: (?!hangi\b|ne\b|nasıl\b)[a-zçğıöşü][\w'’]*){0,2} "
    r"(anla[sş]ma|antla[sş]ma|bildiri|deklarasyon|protokol|s[oö]zle[sş]me)")


def _documents_named(words: list[str], written: str) -> set[tuple[str, str]]:
    """The documents a question names: by a place ("the Ottawa Declaration") or by a name of
    their own in capitals ("the New START treaty"), as (name, kind) pairs. A capital opening
    the question is a name only when it is an acronym ("START") or a place."""
    by_place = {(p, w) for k, w in enumerate(words) if w in DOCUMENTS
                for p in words[max(0, k - 3):k] if p in PLACES}
    own = {(fold(name), kind.lower()) for name, kind in DOCUMENT_OWN_NAME.findall(written)}
    in_turkish = {(fold(m.group(1)), kind) for m in TURKISH_DOCUMENT_NAMED.finditer(written)
                  if m.group(1).isupper() or (not m.group(2).startswith("anla") and (
                      m.start() or fold(m.group(1)) in PLACES))
                  for kind in DOCUMENTS}
    return by_place | {(name, kind) for name, kind in own | in_turkish if name not in STOP_WORDS}


def _names_document(text: str, documents: set[tuple[str, str]]) -> bool:
    """Does `text` name one of the documents asked, by its place ("the Ottawa Declaration")?"""
    return bool({(fold(place), kind.lower()) for place, kind in DOCUMENT_NAMED.findall(text)}
                & documents)


# Verbs of travel, before the place travelled to ("visit Kyiv", "go to Kyiv", "trip to Kyiv").
TRAVEL_TO = frozenset("go goes going went gone travel travels travelled traveled traveling "
                      "travelling fly flies flew flown trip trips head headed come came "
                      "arrive arrives arrived".split())
VISIT = frozenset("visit visits visited visiting".split())


def _travelled_to(words: list[str]) -> set[str]:
    """The capitals a question has someone travel to ("Did Blinken visit Kyiv?")."""
    return {c for a, b, c in zip(words, words[1:], words[2:], strict=False)
            if a in TRAVEL_TO and b in ("to", "in") and c in PLACE_ALIASES} | {
        b for a, b in itertools.pairwise(words) if a in VISIT and b in PLACE_ALIASES}


def _doing(words: list[str], at: int) -> bool:
    """A verb in the progressive after "which N" ("Which company is building Nord Stream
    2?"), or to come ("Which country will chair the Arctic Council after Russia?"): the deed
    asked of, as `_past`. (Not a view: "Which country will Başbuğ say …".)"""
    return (words[at].endswith("ing") and len(words[at]) > 5 and words[at - 1] in (
        "is", "are", "was", "were")) or (words[at - 1] in ("will", "would") and (
            words[at] not in STOP_WORDS and words[at] not in SAYING_ABOUT
            and words[at] not in FORESEEING and words[at] not in DEED_ADVERBS
            and not words[at].endswith("ly")))  # (not "will truly be decisive")


# The prepositions that open who is meant before the deed ("Who in the administration …?").
DEED_OPENERS = frozenset("in from at of among within on".split())


def asks_which_expert(words: list[str]) -> bool:
    """Does the question ask which of the experts ("Which experts …?", "Which of the
    analysts …?")?"""
    after = words[1:] if words[:1] == ["which"] else []
    if after[:2] == ["of", "the"]:
        after = after[2:]
    return bool(after) and after[0] in EXPERT_NOUNS


# The noun of a month asked, which a passage answers with a name ("June"). Not "year" for a
# year: "Since what year has Lavrov been minister?" would be answered by the meeting's date.
_MONTH_NOUNS = frozenset({"month", "months"})


def event_places(briefings: Sequence[Briefing]) -> frozenset[str]:
    """Where the event took place ("Reykjavik", "Iceland"), as the curators give it: the words
    naming every briefing's event, so that leaving them out tells no briefing from another
    ("the Geneva talks" picks its briefing in a library that also holds Reykjavik's)."""
    places = [frozenset(tokens(b.place)) for b in briefings]
    return frozenset.intersection(*places) if places else frozenset()


class Matcher:
    """Answers free-text questions from a knowledge base."""

    def __init__(
        self, knowledge: KnowledgeBase, settings: MatcherSettings = DEFAULT_SETTINGS
    ) -> None:
        self.knowledge = knowledge
        self.settings = settings
        self.entries: tuple[Entry, ...] = knowledge.entries
        self._entry_at: dict[tuple[str, str], int] | None = None
        self.experts: tuple[Expert, ...] = knowledge.experts
        self.topics: tuple[Topic, ...] = knowledge.topics
        # Publishers by the first word of their names ("ANKASAM"), as readers cite them.
        self.publishers = frozenset(
            words[0] for b in knowledge.briefings if (words := tokens(b.publisher)))
        self.places = event_places(knowledge.briefings)
        # Each briefing's year and the words of its event's place, by briefing id: nothing
        # after them is told ("… after the Reykjavik meeting?", "… after 2021?").
        self._briefing_year = {b.id: int(b.date[:4]) for b in knowledge.briefings
                               if b.date[:4].isdigit()}
        self._event_words = {b.id: frozenset(tokens(b.place)) for b in knowledge.briefings}
        self._all_event_words = frozenset(
            w for place in self._event_words.values() for w in place)
        self.index = index = index_for(knowledge)
        n = len(self.entries)
        self.group_topic = index.group_topic
        self.vocabulary = Vocabulary(index, n, settings)
        self.names = Names(self.experts, self.topics, index.group_topic, self.vocabulary,
                           settings)
        # A specific topic (few entries) says more about the answer than a broad one.
        sizes = [len(index.group_entries.span(g)) for g in range(len(index.group_topic))]
        group_weight = [math.log((n + 1) / (size + 1)) + settings.topic_floor for size in sizes]
        self.scorer = Scorer(index, group_weight, settings)
        # The words of the experts' names ("deniz", "mehmet", "sait"): never someone else.
        self._expert_words = frozenset(w for e in self.experts for w in tokens(e.name))
        # ... and their first names.
        self._given = frozenset(w for given in self.names.given_names for w in given)
        # ... their surnames as the briefing writes them, by the folded word ("oymen": "Öymen").
        self._surnames = {tokens(e.name)[-1]: e.name.split()[-1] for e in self.experts
                          if tokens(e.name)}
        # (Their surnames, which a Turkish ending may follow: "ozana", "dilek'e".)
        self._expert_stems = tuple(sorted(
            tokens(e.name)[-1] for e in self.experts if tokens(e.name)))
        self.decision = Decision(knowledge, index, self.vocabulary, self.names, settings)
        self._persons: dict[str, bool] = {}
        self._entry_sides: dict[int, frozenset[str]] = {}
        self._written: dict[tuple[str, int], bool] = {}
        self._first_names: dict[str, set[str]] = {}
        self._offices_of: dict[str, bool] = {}
        self._antecedents: dict[int, int | None] = {}
        logger.debug("matcher ready: %d entries, %d words", n, len(self.vocabulary.words))

    # ----------------------------------------------------------------- public API

    def match(
        self, question: str, top: int | None = None, expert_id: str | None = None
    ) -> MatchResult:
        """Ranked answers for a question, or none with suggestions when it is out of scope.

        The steps, each in its own module (docs/matcher.md): who and what is named
        (knowledge/names.py); the question's words on the vocabulary (knowledge/words.py);
        the declines that need no score (knowledge/decision.py); every entry scored and the
        best re-ranked (knowledge/scoring.py); the answers that reach the threshold.
        """
        s = self.settings
        top = s.top if top is None else top
        # An English question's misspelt words as meant: "poisno" is asked as "poison" is.
        # (Only a question with a word the briefing does not write may hold a slip, or a word
        # read as another: the word lists and the language are read for it alone.)
        # (Read as its reader sees it first: markup pasted with it, "&quot;", is no slip.)
        written = COUNTRY_POSSESSIVE.sub(_apostrophe_restored,
                                         TURKISH_DIED.sub("died", plain_text(question)))
        unwritten = any(w not in self.vocabulary.index_of and w not in STOP_WORDS
                        for w in tokens(written))
        english = unwritten and question_language(written) == "en"
        written = self.vocabulary.as_meant(written) if english else written
        text = self._without_expert_possessed(
            the_question(united_states(subject_last(written)), self._asks, self._named))
        said = tokens(text)  # (with its opening: "Tell me …" is courtesy to without_courtesy)
        titles = self._titles_asked(said) if expert_id is None else ()
        if titles:
            return MatchResult(question, tuple(Answer(t, 1.0) for t in titles[:top]))
        if asks_nothing(said):
            # "Following up on", "just checking": a hedge with no question after it.
            return self.decision.decline(question, Found(), self._expert_position(expert_id),
                                         None)
        asked = without_document(
            _without_making(without_courtesy([self._framing_meant(w) for w in
                                              _how_important(in_one_word(said))])),
            self.publishers)
        words = self.names.in_role_words(
            self.vocabulary.in_english(without_framing(asked), names_in(text)))
        # Names: words written as names, and a country or city however written ("avustralya",
        # "geneva").
        names = {TURKISH_NAMES.get(n, n) for n in names_in(text)} | (set(words) & NAMED_PLACES)
        # ... and a person the briefing names, however written ("how did putin respond …?"):
        # the letters of a question typed in lower case or in capitals name nobody.
        names |= {w for w in words if w not in names and self._person(w)}
        # "How did the Biden people talk about Russia?": a leader's people, camp or aides are
        # the administration, which a passage names so.
        words = [ADMINISTRATION if w in ENTOURAGE and k and words[k - 1] in names
                 and self._person(words[k - 1]) else w for k, w in enumerate(words)]
        found = self.names.find(words)
        if 1 in found.used and self._opens_with_a_name(words, text, found, names):
            # "Altan Öymen ne diyor?": a first name opening the question is written as one.
            names = names | {words[0]}
        turkish_asked = asked_in_turkish(words)
        first_names = {
            pos for pos, word in enumerate(words)
            # (Not a word of an expert's or a topic's alias: "Eastern Europe" is no first name.)
            # (In small letters too, the first name the passages write before the surname:
            # "sergey lavrov".)
            if (word in names or (pos + 1 < len(words) and word in self.vocabulary.index_of
                                  and not turkish_asked
                                  and word in self._first_names_written(words[pos + 1])))
            and pos not in found.used and pos not in found.topic_used and (
                not self.vocabulary.known(word) or (
                pos + 1 < len(words) and word in self._first_names_written(words[pos + 1])))
            and self.names.first_name_of_known(words, pos, found)
            and (pos + 1 in found.used or self._person(words[pos + 1]))
            and self._first_name_fits(word, words[pos + 1])
        }
        namesake = next((" ".join(words[pos:pos + 2]) for pos in first_names
                         if pos + 1 in found.used and not is_english_word(words[pos])
                         and words[pos] not in TURKISH_TITLES and not any(
                             OSA.distance(words[pos], given) <= 1 for target in found.experts
                             for given in self.names.given_names[target])), None)
        if first_names:
            # "Vladimir Putin", "Joe Biden": the briefing knows the person by the surname.
            words = [w for pos, w in enumerate(words) if pos not in first_names]
            found = self.names.find(words)
        experts = tuple(self.experts[i] for i in found.experts)
        topics = tuple(self.topics[self.group_topic[g]] for g in found.topics)
        restrict = self._expert_position(expert_id)
        # "What did the Russian ambassador say …?": an expert's role, of another country's
        # holder, names someone the briefing does not quote.
        # (Read in the question as written: "Kyiv, according to ANKASAM's adviser" is not
        # Kyiv's adviser.)
        namesake = namesake or self.names.anothers_role(self.names.in_role_words(said)) \
            or self._another_of_a_given_name(words)
        if namesake is not None:
            # "What did İlker Başbuğ say …?": an expert's surname after another first name is
            # someone else, whom the briefing does not mention.
            return self.decision.decline(question, Found(), restrict, namesake)
        if self.names.institution_asked(words, found):
            # "When was Atatürk University founded?": the university, which the briefing
            # names only as where Dilek works, not Dilek.
            return self.decision.decline(question, found, restrict, None)
        rest = self.names.query_words(words, found)
        if said[:3] in HOW_TO and not found.experts:
            # "How can I get a council tax reduction in England?", "Where can I buy …?": what a
            # reader should do, which no expert's view of the meeting tells.
            return self.decision.decline(question, found, restrict, None)
        # "How does the intro sum up the mood of the talks?": the briefing's own words opening
        # it, not an expert's (`fits`); where they are is no word of them.
        introduced = bool(INTRODUCTION & set(said))
        rest = [w for w in rest if w not in INTRODUCTION]
        kind = asked_kind(asked)  # before framing is dropped: "ne zaman" asks a time
        if kind == "name":
            # "… politikasının adı neydi?": "adı" (its name) asks for the name, which a passage
            # writes ("the policy they called “Reset”"), not the word.
            rest = [w for w in rest if w not in TURKISH_NAME_WORDS]
        if kind in ("time", "past", "month", "year") and TENSION_WORDS & set(words) and len(
                {TURKISH_NAMES.get(w, w) for w in words} & COUNTRY_NAMES) >= 2:
            # "When did Russia-Ukraine tensions spike?": the time of the two countries'
            # tension, which a passage dates as the tension ("The tension between Russia and
            # Ukraine in April 2021"), not its rise.
            rest = [w for w in rest if w not in RISING]
        also = _second_kind(asked, kind)
        if found.experts:
            # "What is Öymen's background?", "Where does Dilek work?": said of an expert, the
            # words of a career are framing; the profile answers.
            framing = CAREER_WORDS | (WORKPLACE_WORDS if kind == "workplace" else set()) | (
                POSTS | HOLDING if kind == "post" else set())  # "What position does Ozan hold?"
            # "How does Dilek characterize the meeting?": the expert's view, as "describe";
            # not "Per Berktay, how did Biden characterize Putin?", whose words are asked.
            if not any(self._person(w) for w in rest):
                framing = framing | CHARACTERIZING | (
                    FORESEEING if asked[:1] in (["what"], ["why"]) else set())
            if CAREER_WORDS & set(words):
                framing |= CAREER_TIMES  # "Öymen's former job": when he held it, too
            rest = [w for w in rest if w not in framing]
        if kind != "place":
            # "Where does Dilek say you should begin to understand the Reykjavik talks?": the
            # place names the event, which every passage is on, whether it writes it or not
            # (when a place is asked, the place is what the answer must give).
            occasion = occasion_places(words, self.places)
            rest = [w for w in rest if w not in occasion]
        if kind == "amount":
            # "According to WTO data, what percentage …?": where a figure comes from, which a
            # passage giving it names in its own words ("According to the WTO").
            rest = [w for w in rest if w not in FIGURE_SOURCES]
        if kind in ("time", "past", "future"):
            # "What was the exact date of the Reykjavik meeting?": the date asked, which a
            # passage gives as one ("on May 20, 2021"), not as the word; and how exactly.
            rest = [w for w in rest if w not in ("date", "dates") and w not in EXACTLY]
        kept_on = {a for a, b in itertools.pairwise(asked)
                   if a in KEEP_DOING and b.endswith("ing")}
        if kept_on:
            # "Will the US keep talking to Russia?": whether it goes on talking, which the
            # passage tells in the deed's own words ("will establish a dialogue").
            rest = [w for w in rest if w not in kept_on]
        if any(w == "first" and "when" in asked[max(0, k - 3):k] for k, w in enumerate(asked)):
            # "How did Biden's team treat Russia when it first came into office?": when it
            # came in, which the passage tells without the word.
            rest = [w for w in rest if w != "first"]
        if kind == "duration":
            # "How long has there been conflict in the Arctic?": "long" asks the length of
            # time, which the passage gives in its own words ("for decades").
            # ... and so "building" of "How long has conflict been building …?": how long it
            # has gone on is asked, which the passage tells in its own verb ("evolving").
            going_on = {b for a, b in itertools.pairwise(asked) if a == "been"
                        and b.endswith("ing")}
            rest = [w for w in rest if w != "long" and w not in going_on]
        if not words:
            return MatchResult(question, ())
        if asked[:1] in (["who"], ["which"]) and NEGATIONS & set(asked):
            # "Which expert did not talk about the Arctic?": quotes can only show who did.
            return self.decision.decline(question, found, restrict, None)

        if MAKE & set(said) and any(
                w in MADE_UP and not NOT_MADE_UP & set(said[max(0, i - 2):i])
                for i, w in enumerate(said)):
            return self.decision.decline(question, found, restrict, None)
        if (asked and (asked[0] in TASKS or asked[-1] in TASKS)) or WORDING_ASKED.search(
                fold(text)):
            # "Translate 'good morning' into Japanese": a task, not a question on the briefing;
            # the bot gives the experts' words as published, and translates nothing.
            return self.decision.decline(question, found, restrict, None)

        # (Asked from where the question starts: "Can you tell me what poison …?", "In this
        # briefing, what poison …?" ask for a poison as "What poison …?" does.)
        asked_for = self._asked_for_unknown(asked) or self._owned_unknown(text, words)
        if asked_for is not None:
            # "What poison was used against Navalny?": what is asked for is unknown to the
            # briefing, whatever else the question shares with a passage.
            verb = asked_for.endswith(("ed", "ing"))  # "What stopped …": no "mention" hint
            return self.decision.decline(question, found, restrict, None if verb else asked_for)

        if TURKISH_SAYING & set(words) and asked_in_turkish(words) \
                and self._opens_with_a_name(words, text, found, names):
            # "Merkel Kuzey Akım hakkında ne dedi?": a Turkish question of someone's words
            # opens with its speaker; one the briefing does not know, capitalised, is a name.
            names = names | {words[0]}
        unknown = self.names.unknown_subject(words, found, names) or self._unwritten_name(
            written) or self._unwritten_acronym(written, found, words) or self._name_altered(
            words)
        if unknown is not None:
            # A name or a number the briefing never mentions: whatever shares a word with it
            # is about something else ("Iraq" is not "Iran", "2024" is not "2014").
            return self.decision.decline(question, found, restrict, unknown)
        numbered = self._numbered_otherwise(words)
        if numbered is not None:
            # "Nord Stream 1": the passages write "Nord Stream-2", a different pipeline.
            return self.decision.decline(question, found, restrict, numbered)
        office = self._office_of_unknown(words, found)
        if office is not None:
            # "Who is Iceland's foreign minister?": the briefing names no office of Iceland;
            # the ministers it names (Russia's, the USA's) are other countries' ones.
            return self.decision.decline(question, found, restrict, office)
        weights, matches = self.vocabulary.map_words(rest)
        # (Mapped are the content words: a misspelt stop word, "wold", is framing.)
        for at, word in enumerate(self.vocabulary.content(rest)):
            if word.endswith("s") and is_english_word(word):
                # An English plural is no person of the name ("Do bushes grow …?": no Bush).
                matches[at] = [(i, weight) for i, weight in matches[at]
                               if (v := self.vocabulary.words[i]) == word
                               or not word.startswith(v) or not self._person(v)]
        total = sum(weights)
        known = sum(w * m[0][1] for w, m in zip(weights, matches, strict=True) if m)
        coverage = known / total if total else 1.0
        decision = self.decision
        # "who wrote hamlet": a deed done to something the briefing does not know at all, in
        # whatever letters, is no deed a passage tells.
        done_to = [w for w in rest if w != words[1]] \
            if words[:1] == ["who"] and len(words) > 2 and _past(words[1]) else []
        if done_to and not any(self.vocabulary.known(w) for w in done_to):
            return decision.decline(question, found, restrict, None)
        if (rest and coverage < s.min_coverage) or decision.asks_unknown_speaker(words, found):
            # Most of what is asked is unknown to the briefing: an honest "not covered".
            # (Not a verb form, "asked", "interviewed": "The briefing does not mention asked"
            # reads as nonsense; a subject, a name or a thing, is what a reader is told of.)
            missing = next((w for w in rest if not self.vocabulary.known(w)
                            and not inflected_english(w)
                            and self.names.false_friend(w)), None)
            return decision.decline(question, found, restrict, missing)
        content = self.vocabulary.content(rest)
        in_turkish = asked_in_turkish(words)
        if kind == "amount":
            # "What percentage of world trade goes by air?": an amount of something the
            # briefing never names is not one it gives, however much else the question shares
            # with the passage that gives another ("80% of the world trade is made by seaways").
            # (`matches` is `map_words` of these words already: a word with none is unknown.)
            # (In a Turkish question, a word read in English: "hava", air; not one the tables
            # do not have, "DTÖ verilerine göre", which may be the reader's word for the
            # passage's own.)
            # (Of the amount's question, not a second one joined to it asking no amount: "How
            # many countries are observers, and which are named?".)
            first = first_question(words)
            of_amount = set(words if asked_kind(words[len(first) + 1:]) == "amount" else first)
            unknown_word = next((w for w, m in zip(content, matches, strict=True)
                                 if not m and w not in STOP_WORDS and w not in TURKISH_ASKING
                                 and (not in_turkish or is_english_word(w))
                                 and w in of_amount), None)
            if unknown_word is not None:
                return decision.decline(question, found, restrict, unknown_word)
        if set(words) & OTHERS and set(words) & WORKS and set(words) & WRITING:
            # "What other reports has ANKASAM published?", "what other articles has Eletek
            # written": works besides this briefing, which it does not list.
            return decision.decline(question, found, restrict, None)
        if words[:1] in (["who"], ["which"]) and any(
                not m and w.endswith("est") and len(w) > 5 and is_english_word(w)
                for w, m in zip(content, matches, strict=True)):
            # "Which of the five experts is the oldest?": who is the most of something the
            # briefing never tells of, which no passage ranks.
            return decision.decline(question, found, restrict, None)
        if CAME_TRUE.search(" ".join(words)) or (
                FULFILMENT_ASKED.search(" ".join(words)) and not ASKED_AS_TO_COME & set(words)):
            # "Did Russia gain more influence in Afghanistan, as Ozan expected?": whether an
            # expectation came true is told after the briefing, not in it. (Not asked as to
            # come: "Is a new tension in the Arctic likely to materialize?")
            return decision.decline(question, found, restrict, None)
        if {("meet", "again"), ("met", "again"), ("meets", "again")} & set(
                itertools.pairwise(words)):
            # "Did Blinken and Lavrov meet again after Reykjavik?": a meeting after the one
            # the briefing is about, which it cannot tell.
            return decision.decline(question, found, restrict, None)
        if any(w in DEFINITIONS and words[k - 1:k] != ["by"] for k, w in enumerate(words)):
            # "What is an arms race, definition?": a dictionary's words, which no expert's
            # view gives (not "by definition", of course).
            return decision.decline(question, found, restrict, None)
        head = self._head(words, content, matches)
        if head is not None:
            # "… about the Nord Stream pipeline explosions?", "Suriye'deki deprem hakkında":
            # what is asked about ends with its head word, and the briefing does not know it.
            return decision.decline(question, found, restrict, head)
        if decision.expert_silent_on_topics(found, words) or self._expert_silent_on_words(
                words, found, content, matches, names):
            # "What did Öymen say about Nord Stream?": he says nothing on it; others may.
            return MatchResult(question, (), decision.suggest(found, restrict, topics_first=True),
                               experts, topics)

        # The words as the briefing writes them ("cooperating": "cooperate"), which the
        # alternate questions are compared with; not a synonym, which may be another point.
        # (Not in Turkish, whose alternate questions are written with its endings.)
        read = [self.vocabulary.words[pairs[0][0]] if pairs and
                s.read_similarity <= pairs[0][1] < 1.0 else w
                for w, pairs in zip(content, matches, strict=True)] if english else None
        order, scores = self.scorer.score(
            found, rest, weights, matches, coverage, restrict, words, max(s.candidates, 2 * top),
            read)
        order, scores = self._of_the_side_asked(words, order, scores)
        order, scores = self._in_the_tense_asked(said, order, scores)
        if "why" in said and len(order):
            # "Why is Moscow building up its forces in the Arctic?": a passage giving no cause
            # ("because", "therefore", "due to", …) comes after one that does.
            order, scores = self._favouring(order, scores, self._tells_a_cause,
                                            self.settings.cause_factor)
        mark = self._missing_word_marks(content, in_turkish)
        if kind == "month":
            # "In which month …?", "hangi ayda": the month is what is asked, which a passage
            # gives as a name ("in June"), not as the word; missing, the word counts nothing.
            said_in = mark

            def mark(k: int) -> str:
                return "ending" if content[k] in _MONTH_NOUNS else said_in(k)
        # "US-Russia cooperation": two parties joined name a relation, which a passage on one
        # of them may answer; neither must be held.
        related = {fold(w) for pair in RELATION.findall(text) for w in pair} & PLACES
        # ... and two people joined name their meeting ("the Blinken-Lavrov talks").
        related |= {w for pair in JOINED.findall(text) for w in map(fold, pair)
                    if self._person(w)}
        named = [k for k in self._must_hold(content, matches, names, kind, words,
                                            in_turkish, found.used,
                                            asked[:1] in (["wasn"], ["weren"]), text)
                 if content[k] not in related]

        speakers = decision.asked_speakers(words, found, names, self._speaker, not in_turkish)
        if VIEWS_ASKED & {a for a, b in itertools.pairwise([*asked, ""])
                          if b not in ("tank", "tanks")} and any(
                self._never_quoted(w) for k, w in enumerate(words) if k not in found.used):
            # "What does Özge Eletek think about the meeting?": the view of someone only the
            # briefing's own texts name (the compiler's biography), quoting no view of theirs.
            return decision.decline(question, found, restrict, None)
        if in_turkish and not speakers and not found.experts and TURKISH_SAYING & set(words) \
                and (words[0] in names or self._person(words[0])) and self._speaker(words[0]):
            # "Putin görüşme hakkında ne dedi?": the person opening the question is its speaker.
            speakers = [words[0]]
        # Each speaker as the passages write them ("Navalny" is "Navalni"), read in their text.
        said_by = [pairs for pairs in self.vocabulary.map_words(
            [w if self._written_person(w) else self._person_spelt_otherwise(w) or w
             for w in speakers])[1] if pairs]

        # "What did Lavrov mean when he said the Arctic is 'our land'?": words quoted are
        # claimed said, and only a passage writing them (not a synonym: "region") answers.
        quoted = set(tokens(" ".join(QUOTED.findall(written)))) - STOP_WORDS
        # (In a Turkish question, as the passage writes them in English: "'Arktik Beşlisi'" is
        # its "Arctic Five".)
        written_as = s.translation_similarity if in_turkish else 1.0
        verbatim = [[(i, sim) for i, sim in matches[k] if sim >= written_as]
                    for k, w in enumerate(content) if w in quoted]

        # "Did Blinken visit Kyiv?", "Why did he go to Kyiv?": a capital travelled to is the
        # city, not its government (which "Did the US side with Kyiv?" asks of), and only a
        # passage writing it in its own text tells of a visit there.
        places_travelled_to = _travelled_to(words)
        travelled = [[(i, sim) for i, sim in matches[k] if sim >= 1.0]
                     for k, w in enumerate(content) if w in places_travelled_to]

        # "What did the Reykjavik declaration say?", "Did the reset produce the New START
        # treaty?": a document named, which only a passage naming it so tells of (not one
        # naming "the Ottawa Declaration").
        documents = _documents_named(words, written)
        # ... and a kind of document however named ("the new start treaty"), which a passage
        # must write in its own text (not "Why was the Iceland meeting a big deal?"); so too a
        # place within a city asked for ("What building in Reykjavik did they meet in?", "What
        # venue in Reykjavik …?"), which a passage naming only the city does not give (a venue
        # alone may be the city: "Which venue hosted the talks?").
        kinds_written = [matches[k] for k, w in enumerate(content) if w in DOCUMENTS] + [
            matches[content.index(b)] for k, (a, b) in enumerate(itertools.pairwise(words))
            if a in ("what", "which") and b in content and (
                b in BUILDINGS or (b in ("venue", "venues") and words[k + 2:k + 3] == ["in"]))]
        # "What did Blinken say to reporters after the meeting?": words said to the press,
        # which only a passage writing of the press tells (not one reporting his words; an
        # expert's words are the briefing's own: "What did Berktay tell the press …?").
        padded = [*said, "", ""]
        to_press = any(
            padded[k] in TELLING and padded[k - 1] != "according" and (padded[k + 1] in PRESS or (
                padded[k + 1] == "the" and padded[k + 2] in PRESS)) for k in range(len(said))
        ) and not self.names.find(self.names.in_role_words(
            [w for w in said if w not in PRESS])).experts

        # "What were the main points of the joint statement?", "Ortak bir bildiri yayımladılar
        # mı?": a statement issued together, which only a passage writing of one tells of
        # (not "common interests … emphasized in the statements made").
        joint = JOINT_ASKED.search(written) is not None

        # A purpose asked ("What was the purpose of the reset?", "Reset'in amacı": its aim).
        purpose_at = {k for k, w in enumerate(content) if w in PURPOSES or (
            in_turkish and w.startswith(TURKISH_PURPOSES))}

        def lacking(entry: int) -> float:
            written_so = _lacking_as_written(entry)
            if purpose_at and PURPOSE_TOLD.search(self.entries[entry].passage):
                # "What was the purpose of the reset?": a purpose told by "in order to" ("the
                # policy they called “Reset” in order to … turn a white page again"), without
                # the word.
                return min(written_so, _lacking(entry, [0.0 if k in purpose_at else w
                                                        for k, w in enumerate(weights)], set()))
            return written_so

        def _lacking_as_written(entry: int) -> float:
            before = self._antecedent(entry)
            if before is not None:
                # "Did Russia's Syria policy damage relations?": "These policies have caused
                # deterioration", which the passage before names; what it names counts held.
                pointed = [k for k, pairs in enumerate(matches) if pairs
                           and not self.scorer.holds_all(entry, [pairs])
                           and self.scorer.holds_all(before, [pairs])]
                if pointed:
                    return _lacking(entry, [0.0 if k in pointed else w
                                            for k, w in enumerate(weights)], set(pointed))
            return _lacking(entry, weights, set())

        def _lacking(entry: int, weights: list[float], pointed: set[int]) -> float:
            if named and not self.scorer.holds_all(
                    entry, [matches[k] for k in named if k not in pointed]):
                return 1.0
            if documents and not _names_document(self.entries[entry].passage, documents):
                return 1.0
            if kinds_written and not self.scorer.holds_all(entry, kinds_written, in_text=True):
                return 1.0
            if to_press and not PRESS & set(tokens(self.entries[entry].passage)):
                return 1.0
            if joint and not JOINT_WRITTEN.search(self.entries[entry].passage):
                return 1.0
            if travelled and not self.scorer.holds_all(entry, travelled, in_text=True):
                return 1.0
            if verbatim and not self.scorer.holds_all(entry, verbatim, in_text=True):
                # Not written as quoted: the passage may say the same in other words, and one
                # below that writes them still answers ("What was Obama's 'reset' with Russia
                # about?": the passages on his first term before the one on the Reset).
                return QUOTED_UNWRITTEN
            return self.scorer.unmatched(entry, weights, matches, mark)

        def reports(entry: int) -> bool:
            # "What did Lavrov say about Syria?": a passage that reports Lavrov's words. Asked
            # of an expert's account ("According to Öymen, what did Blinken and Lavrov say?"),
            # the expert may not name them ("Both politicians stated …").
            # And its words on what is asked, if the question asks of anything ("What did
            # Trump say about the Blinken–Lavrov meeting?" is not told by his campaign words).
            return reports_speech(self.entries[entry].text) and (
                bool(found.experts) or (len(said_by) == len(speakers)
                                        and self.scorer.holds_all(entry, said_by, in_text=True)
                                        and all(_speaks_on(self.entries[entry].passage, on)
                                                for on in spoken_of)))

        # (Not a speaker's first name: "Donald" of "Donald Trump".)
        given_names = {a for a, b in itertools.pairwise(words) if b in speakers}
        spoken_of = [[{self.vocabulary.words[i] for i, _ in matches[k]}
                      for k, w in enumerate(content) if matches[k] and w not in speakers
                      and w not in given_names and w not in SPEECH_VERBS
                      and w not in TURKISH_SAYING]] if speakers else []
        # (What they spoke about, when the question says: its first word, "What did Lavrov
        # say about the militarization of the Arctic?" needs the militarization; and its
        # head before a preposition, "… about Arctic militarization at the meeting?" too.)
        about = max((k for k, w in enumerate(words) if w in ABOUT_WORDS), default=None)
        phrase = [w for w in itertools.takewhile(lambda w: w not in PHRASE_ENDS,
                                                 words[about + 1:])
                  if w not in STOP_WORDS and w in content] if about is not None and speakers \
            else []
        if phrase and matches[content.index(phrase[0])]:
            spoken_of = [[{self.vocabulary.words[i] for i, _ in matches[content.index(w)]}]
                         for w in dict.fromkeys((phrase[0], phrase[-1]))
                         if matches[content.index(w)]]

        # "How many warships …?": a passage counting warships, not "the two leaders".
        counted = self._counted(words) if kind == "amount" else []
        # "South Korea": a passage on North Korea is about another country.
        qualified = self._qualified(words, found, names)
        # "What is Japan's Arctic strategy?": a passage naming Japan only in a list of
        # countries ("such as China, Japan, South Korea, …") says nothing of Japan's own.
        # (Its role is what the list gives: "Japan's role in the Arctic" is an observer's.)
        possessors = [c for c in (country_of(fold(w)) for w in POSSESSOR.findall(written))
                      if c is not None] if not ROLE_WORDS & set(said) else []
        # … and one whose words or wishes are asked ("What has South Korea said as an
        # observer?", "What does Japan want in the Arctic?").
        possessors += [c for verbs in (SAY_VERBS, WISHING) for span in decision.speaker_spans(
            words, found, verbs) for _, w in span if (c := country_of(w)) is not None]

        # "How did Iran react to the meeting?": a third country's reaction (not the two
        # parties'), which a passage naming Iran for its nuclear programme does not tell.
        reactors = self._reactors(words, found)
        # ... on what the question asks of ("What did the EU say about the Reykjavik talks?"
        # is not told by the EU's view of Crimea): the other words it asks, as the passages
        # write them, one of which the sentence telling of it holds.
        on_what = [{self.vocabulary.words[i] for i, _ in matches[k]}
                   for k, w in enumerate(content) if matches[k] and _party(w) not in reactors
                   and w not in REACTION_VERBS and w not in STANCE_NOUNS
                   and w not in TURKISH_REACTION and w not in REACTOR_BODIES] if reactors else []

        # "Did the planned Biden–Putin summit actually take place?": whether an event came
        # about, which a passage telling of it only as planned ("planned to be held in June")
        # does not say.
        came_about = ASKS_IF_HAPPENED.search(" ".join(words)) is not None
        # (Told in a sentence naming whom the event is of, when the question names anyone.)
        named_in_event = {w for w in words if self._person(w)} if came_about else set()

        # "Which Eastern European countries are bypassed?": instances asked, which a passage
        # writing only the kind ("bypassing Eastern European countries") does not name.
        # (So too "Name the conferences Eletek attended", whose "name" is read as courtesy.)
        instances = _instances_asked(words, found, said[:2] == ["name", "the"]) \
            if kind is None else None

        # "Who was Russia's president during the Obama reset?": the holder of an office of
        # Russia, which a passage naming only the US President does not name.
        office_places = _offices_asked(words, found) if kind == "person" else []

        # "What happened to Navalny after he returned to Russia?": a person's fate, which a
        # passage telling what he did ("his return from Germany") does not tell.
        befallen = {b for a, t, b in zip(asked, asked[1:], asked[2:], strict=False)
                    if a in BEFALL and t in ("to", "of") and self._a_person(b)}

        # "Why was Navalny in Germany?": a person's stay in a country (or trip to it), which a
        # passage naming the country only as where he came from ("his return from Germany")
        # does not tell. (Not an expert's: "What does Ozan expect in Afghanistan?")
        stayed_in = [c for a, b in itertools.pairwise(asked) if a in ("in", "to")
                     and (c := country_of(b)) is not None] + [
            c for m in TURKISH_IN_OR_TO.finditer(text)
            if (c := country_of(fold(m.group(1)))) is not None]
        if stayed_in and not any(
                self._a_person(w) for k, w in enumerate(words) if k not in found.used):
            stayed_in = []

        # "How do Washington and Moscow behave toward each other up north?": a direction,
        # which a passage writing "North Korea" does not speak of.
        directions = [w for k, w in enumerate(words) if w in COMPASS and not (
            k + 1 < len(words) and (words[k + 1] in PLACES or words[k + 1] in names))]

        # "What gathering were the two ministers attending when they met?": the occasion,
        # which a passage tells by naming the event they met at ("met during the Arctic
        # Council"), not one telling only that they met.
        at_event = _asks_occasion(asked)

        # "List all 13 observer countries", "the full list": every one asked, which a passage
        # naming some ("13 countries … such as China, Japan …") does not give.
        complete = COMPLETE_LIST.search(written) is not None

        # "Where is Russia's Black Sea fleet headquartered?": the thing located, which a
        # passage giving its place writes in its own text (not by a topic's word for it).
        thing = _located(words)
        located = [matches[content.index(thing)]] if thing in content else []

        # "Did Eletek get hired at ANKASAM after the internship?": what followed something a
        # passage tells as going on ("is continuing an internship"), which it cannot tell.
        after_what = _after_what(words, content)
        went_on = [{self.vocabulary.words[i] for i, _ in matches[content.index(after_what)]}] \
            if after_what is not None and matches[content.index(after_what)] else []

        # "What was discussed at the first Arctic Council meeting in 1996?": what went on at a
        # meeting of a year, which a passage tells in a sentence holding both, not one dating
        # something else ("established in 1996"). (Not the briefing's own year, which its
        # passages are all of: "What did Başbuğ say about the meeting in May 2021?")
        dated_meeting = [w for w in words if len(w) == 4 and w.isdigit() and (
            (year_at := self.vocabulary.index_of.get(w)) is None
            or len(self.scorer.postings[year_at]) < FRAME_SHARE * self.scorer.entries)
        ] if MEETING_NOUNS & set(words) and WENT_ON & set(asked) else []

        # "How did the Iran nuclear talks end?", "Did they end up with a new deal?" (as written:
        # "end up" is read "became"): an outcome, which a passage telling of them as ongoing
        # ("the ongoing negotiations on Iran's nuclear program") does not give.
        how_ended = ((words[:1] in (["how"], ["when"], ["did"]) or "nasil" in words) and bool(
            ENDED & (set(words) | set(said)))) or (  # ("… anlaşmayla sonuçlandı mı?")
            words[-1:] in (["mi"], ["mu"]) and len(words) > 1 and words[-2] in ENDED)
        # "Haziran 2021'deki Biden-Putin zirvesi hangi sonuçlarla bitti?", "How did the protests
        # in Belarus end?": how an event of the people or place named ended, which a passage
        # telling of it only as to come ("the meeting foreseen to be held by Biden and Putin",
        # "preparations for new protest demonstrations") does not give. Not "What ended the
        # reset?", its cause. (A Turkish question word may be read in English: "neyle" is
        # "what".) And how it went ("How did the Biden-Putin summit go?", "… turn out?").
        asks_how_ended = _asks_how_it_went(words) or _after_a_meeting(words) or (
            bool(ENDED & set(words)) and bool(
            {"how", "when", "nasil", "hangi", "neyle", "ne"} & set(words)
            or "what" in words[1:] or words[-1:] == ["with"]))
        # (A place by its English name, as the passages write it: "Rusya" is Russia.) The
        # people of it all in one sentence ("How did Putin's meeting with Biden go?" is not
        # told by a sentence on Biden alone); else a place.
        ended_of = [TURKISH_NAMES.get(w, w) for w in words
                    if self._person(w) or TURKISH_NAMES.get(w, w) in PLACES] \
            if asks_how_ended else []
        ended_by = {w for k, w in enumerate(words) if w in ended_of and self._person(w)
                    and k not in found.used}  # (not an expert asked: "per Mehmet Sait Dilek")

        def tells_ended(sentence: str) -> bool:
            told = set(tokens(sentence))
            return not TO_COME.search(sentence) and (
                ended_by <= told if ended_by else bool(told & set(ended_of)))

        # "Did Washington later impose sanctions on Nord Stream 2 anyway?", "Did the US end up
        # pulling its troops out of Afghanistan?": whether a deed came about after all, which a
        # passage telling it only as to come ("is expected to withdraw its troops") does not
        # tell (one telling it done does: "decided to send warships …; but later …").
        after_all = _deed_after_all(said) or _deed_followed(said)  # ("end up": "became")
        if after_all is not None and after_all not in content:
            # ... as the question's words were read ("pulling out" is "pullout").
            after_all = next((w for w in content if w[:4] == after_all[:4]), None)
        done_forms = {self.vocabulary.words[i] for i, _ in matches[content.index(after_all)]} \
            if after_all in content else set()
        if after_all is not None and after_all in said:
            # ... and a deed joined to it ("Did the US later go back on its word and sanction
            # Nord Stream-2 after all?": "sanction", which the passage tells as to come).
            joined = next((b for a, b in itertools.pairwise(said[said.index(after_all):])
                           if a == "and" and b in content and (
                               _a_verb(b) or is_english_word(b + "ed"))), None)
            if joined is not None:
                done_forms |= {self.vocabulary.words[i] for i, _ in matches[content.index(joined)]}

        # "Did China get closer to Russia after the Reykjavik meeting?", "… after 2021?": what
        # followed the meeting, which only a passage telling of a meeting as held (in a
        # sentence with no "will" nor "ongoing": "In the meeting to be held between the two
        # leaders, … it will …", "the ongoing negotiations") may tell; and nothing after the
        # briefing's own year.
        followed_meeting, followed_year = _what_followed(said, self._all_event_words)

        # ... and the deed asked of someone named ("Did Moscow sanction American officials
        # after the meeting?"), which a passage telling of the meeting alone does not tell.
        followed_deed = next((w for w in said[2:6] if w not in DEED_ADVERBS and w not in names
                              and w not in PLACES and w != "and"), None) \
            if followed_meeting and said[:1] == ["did"] and said[1:2] and (
                said[1] in names or said[1] in PLACES) else None
        deed_forms = {self.vocabulary.words[i] for i, _ in matches[content.index(
            followed_deed)]} if followed_deed in content else set()

        def tells_meeting_held(entry: int) -> bool:
            met = MET | self._event_words.get(self.entries[entry].briefing_id, frozenset())
            passage = self.entries[entry].passage
            return any(met & set(tokens(sentence))
                       and not WILL.search(sentence) and not ONGOING.search(sentence)
                       for sentence in sentences(passage)) and (
                not deed_forms or bool(deed_forms & set(tokens(passage))))

        def after_its_year(entry: int) -> bool:
            year = self._briefing_year.get(self.entries[entry].briefing_id)
            return followed_year is not None and year is not None and followed_year >= year

        # "Did Eletek complete her master's?", "Did the US finish withdrawing its troops?":
        # whether something was completed, which a passage telling it only as in progress or
        # to come ("is currently pursuing a master's degree", "is expected to withdraw") does
        # not tell (one telling it done does: "Did the meeting finish in a constructive
        # atmosphere?").
        turkish_completed: str | None = None  # (its stem written: "lisansını", "lisans")
        completing = next((k for k, w in enumerate(said) if w in COMPLETING), None) \
            if said[:1] in (["did"], ["has"], ["have"]) else None
        completed = next((w for w in said[completing + 1:] if w in content), None) \
            if completing is not None else None
        if len(words) > 2 and words[-1] in ("mi", "mu") and words[-2] in COMPLETING | \
                TURKISH_COMPLETING:  # ("Eletek yüksek lisansını tamamladı mı?": before it)
            completed = next((w for w in reversed(content)
                              if w not in COMPLETING and w not in TURKISH_COMPLETING), None)
            turkish_completed = completed
        completed_forms = {self.vocabulary.words[i] for i, _ in matches[content.index(
            completed)]} if completed is not None else set()

        # ... and in Turkish, whether something came about in the end ("ABD sonunda
        # Afganistan'dan çekildi mi?"), which a passage telling it only as going on or to come
        # ("is expected to withdraw", "the ongoing negotiations") does not tell; one telling
        # it done does ("… vazgeçti mi?": "but later he had to give up on it").
        asked_in_the_end = in_turkish and words[-1] in ("mi", "mu") \
            and bool(TURKISH_AFTER_ALL & set(words))
        in_the_end = [{self.vocabulary.words[i] for i, _ in matches[k]}
                      for k, w in enumerate(content)
                      if matches[k] and w not in TURKISH_AFTER_ALL] if asked_in_the_end else []

        def only_in_progress(passage: str) -> bool:
            told = [sentence for sentence in sentences(passage)
                    if completed_forms & (written := set(tokens(sentence))) or (
                        turkish_completed is not None and any(
                            len(w) > 3 and turkish_completed.startswith(w) for w in written))]
            return (bool(told) and all(IN_PROGRESS.search(sentence) for sentence in told)) or (
                _told_only_to_come(passage, completed_forms))

        # "Besides China, Japan, … which are the other Arctic Council observers?": countries
        # other than those the question lists, which a passage naming only them does not give.
        # (Not the briefing's own parties: "US-Russia ties or other topics", "each other".)
        listed = {c for w in words if (c := country_of(w)) is not None}
        others_of = listed if len(listed - {"usa", "russia"}) >= 2 and OTHERS & set(words) \
            else set()

        # "What position does Öymen hold?": an expert's post is told by the expert's profile.
        post_of_expert = kind == "post" and bool(found.experts)
        # "Where does Biden work?": the workplace of someone the briefing names who is no
        # expert, which a sentence naming them gives ("Eletek … is continuing an internship at
        # the Ankara Center …"), not one naming ANKASAM beside them.
        employee = {w for k, w in enumerate(words) if kind == "workplace"
                    and k not in found.used and self._person(w)}

        def fits(entry: int) -> bool:
            passage = self.entries[entry].passage
            if post_of_expert and not self.entries[entry].profile:
                return False
            if employee and not any(employee & set(tokens(sentence)) and gives(
                    "workplace", sentence) for sentence in sentences(passage)):
                return False
            if also is not None and not gives(also, passage, words, self._person):
                return False
            if others_of and not any((c := country_of(w)) is not None and c not in others_of
                                     for w in tokens(passage)):
                return False
            if done_forms and _told_only_to_come(passage, done_forms):
                return False
            if after_its_year(entry) or (followed_meeting and not tells_meeting_held(entry)):
                return False
            if completed_forms and only_in_progress(passage):
                return False
            if in_the_end and _told_going_on(passage, in_the_end):
                return False
            if how_ended and ONGOING.search(passage):
                return False
            if ended_of and not any(tells_ended(sentence) for sentence in sentences(passage)):
                return False
            if at_event and not NAMED_EVENT.search(passage):
                return False
            if complete and not any(LISTED.search(sentence) and not EXAMPLES.search(sentence)
                                    for sentence in sentences(passage)):
                return False
            if located and not self.scorer.holds_all(entry, located, in_text=True):
                return False
            if went_on and any(CONTINUING.search(sentence) and set(tokens(sentence)) & went_on[0]
                               for sentence in sentences(passage)):
                return False
            if dated_meeting and not any(
                    set(dated_meeting) <= (told := set(tokens(sentence))) and told & MET
                    for sentence in sentences(passage)):
                return False
            if introduced and self.entries[entry].expert is not None:
                return False
            if directions and any(_only_in_names(passage, w) for w in directions):
                return False
            if stayed_in and any(_only_left(passage, c) for c in stayed_in):
                return False
            if befallen and not any(
                    UNDERGONE.search(sentence) and any(
                        OSA.distance(w, b) <= 1 for w in tokens(sentence) for b in befallen)
                    for sentence in sentences(passage)):
                return False
            if office_places and not all(_names_office(tokens(united_states(passage)), place)
                                         for place in office_places):
                return False
            if came_about and not any(
                    HAPPENED.search(sentence) and (not named_in_event or any(
                        w in named_in_event for w in tokens(sentence)))
                    for sentence in sentences(passage)):
                return False
            if reactors and not all(_acts(passage, country, on_what) for country in reactors):
                return False
            if instances is not None and (_only_the_kind(passage, instances, words) or (
                    instances in COMPANIES and not COMPANIES & set(tokens(passage)))):
                # (Companies, unlike countries or regions, are named as such: "sectors such as
                # defense and energy" name none.)
                return False
            return (not speakers or reports(entry)) and (
                not counted or self._counts(passage, counted)) and all(
                self._qualifier_fits(passage, a, b) for a, b in qualified) and not any(
                only_listed(passage, country) for country in possessors)

        met = {w for k, w in enumerate(words) if k not in found.used and self._person(w)} \
            if _outcome_of_a_meeting(words) else set()
        if met and not any(not TO_COME.search(sentence) for entry in order.tolist()
                           for sentence in sentences(self.entries[entry].passage)
                           if met <= set(tokens(sentence))):
            # "What was the result of the Biden-Putin summit?": a meeting of people that every
            # passage naming them tells as to come ("foreseen to be held") has no outcome told
            # (the Blinken-Lavrov meeting's is: "completed in a constructive atmosphere").
            return MatchResult(question, (), decision.suggest(found, restrict), experts, topics)

        # "What do the experts say about …?" (the experts framing, not asked about): the
        # experts' views, each one's best first.
        panel = bool(PANEL_WORDS & set(asked)) and not PANEL_WORDS & set(words)
        several = len(found.experts) > 1 or (panel and not found.experts)
        answers = decision.choose(
            order, scores, len(order) if several else top,
            self.scorer.near_duplicate, kind, words, lacking,
            required(words, names, asked, self._speaker),
            self._person,
            fits if (speakers or counted or qualified or possessors or office_places
                     or reactors or instances is not None or came_about or befallen
                     or stayed_in or directions or introduced or at_event or how_ended
                     or complete or went_on or located
                     or ended_of or dated_meeting or done_forms or others_of or in_the_end
                     or also is not None or post_of_expert or followed_meeting
                     or followed_year is not None or completed_forms
                     or employee)
            else None,
            lambda entry: self.scorer.holds_all(entry, [m for m in matches if m], in_text=True))
        if instances is not None and answers and len(order) and _only_the_kind(
                self.entries[int(order[0])].passage, instances, words):
            # "list the warships the US planned to send": the best match writes them only as
            # the question does, naming none; what scores below it is about something else.
            answers = []
        if several:
            answers = self._each_expert_first(answers, found.experts, top)
        elif answers and self._undecided(answers[0].entry, order, scores, lacking):
            answers = []
        if answers and not several and (EFFECT_ASKED & set(asked) or set(
                itertools.pairwise(asked)) & EFFECT_PAIRS):
            answers = self._effect_told_after(answers, top)
        if not answers:
            return MatchResult(question, (), decision.suggest(found, restrict), experts, topics)
        return MatchResult(question, tuple(answers), (), experts, topics)

    def _reactors(self, words: list[str], found: Found) -> list[str]:
        """The countries, neither of the briefing's two parties, whose reaction or view is
        asked ("How did Iran react to …?", "What did the EU say about …?")."""
        countries = []
        for pos, word in enumerate(words):
            if word in STANCE_NOUNS or (word in TURKISH_REACTION and asked_in_turkish(words)
                                        and not found.experts):
                # "Germany's official position", "the EU's response", "İran'ın tepkisi"; and
                # in Turkish the country the question opens with ("İran görüşmeye nasıl tepki
                # verdi?", "Çin görüşmeyi nasıl değerlendirdi?"), when no expert is asked.
                near = [k for k in (pos - 1, pos - 2) if k >= 0]
                if word in TURKISH_REACTION:
                    near += [0, 1]
                if pos - 1 in found.used:
                    continue  # "in Ozan's view"
                countries += [c for k in near if k not in found.used
                              and (c := _party(words[k])) is not None]
                continue
            if word not in REACTION_VERBS:
                continue
            # The asking verb's subject, between it and "did", "does", … ("How did [the EU]
            # view …"), not naming an expert ("What did the Turkish advisor say …?").
            start = next((k for k in range(pos - 1, max(-1, pos - REACTOR_REACH - 2), -1)
                          if words[k] in SPEAKER_OPENERS), None)
            if start is None or any(k in found.used for k in range(start + 1, pos)):
                continue
            countries += [c for w in words[start + 1:pos] if (c := _party(w)) is not None]
        return [c for c in dict.fromkeys(countries) if not sides_of([c])]

    def _undecided(self, first: Entry, order: np.ndarray, scores: np.ndarray,
                   lacking: Callable[[int], float]) -> bool:
        """Whether the best answer is a guess the bot should not give: it scores low
        (`undecided_score`), lacks a good part of what was asked (`undecided_unmatched`), and
        another passage scores within `undecided_margin` of it ("Has the tone between
        Washington and Moscow changed?": Ozan's passage on a harsh policy turning soft, or
        Berktay's on the tone of the tension decreasing). Then nothing tells which passage
        answers, and the reader gets suggestions rather than a quote that may not."""
        s = self.settings
        at = next((k for k, i in enumerate(order.tolist()) if self.entries[i] is first), None)
        if at is None:
            return False
        score = float(scores[at])
        chosen = int(order[at])
        # (Not the same words in another briefing of an archive: that is no other answer.)
        others = [float(scores[k]) for k, i in enumerate(order.tolist())
                  if k != at and score - float(scores[k]) < s.undecided_margin
                  and not self.scorer.near_duplicate(chosen, i)]
        return (score < s.undecided_score and bool(others)
                and lacking(chosen) >= s.undecided_unmatched)

    def find_expert(self, name: str) -> Expert | None:
        """The expert a free-text name refers to (surname, ASCII spelling, role word)."""
        found = self.names.find(tokens(name))
        if found.experts:
            return self.experts[max(found.experts, key=lambda i: found.experts[i])]
        return None

    # ----------------------------------------------------------------- internals

    def _of_the_side_asked(self, words: list[str], order: np.ndarray,
                           scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidates re-ranked when the question is about one of the briefing's two
        parties: a passage whose actors are all of the other one comes after, its score
        scaled by `other_side_factor` ("Does the US also want more troops in the Arctic?" is
        not answered by "Russia will not hesitate to accumulate troops", but by "Like Moscow,
        Washington aims to increase its military presence"). A passage naming neither, or
        both, is as it was."""
        asked = sides_of(words)
        if len(asked) != 1 or not len(order):
            return order, scores
        return self._favouring(order, scores, lambda index: not (
            (said := self._sides(index)) and not said & asked), self.settings.other_side_factor)

    @staticmethod
    def _favouring(order: np.ndarray, scores: np.ndarray, favoured: Callable[[int], bool],
                   factor: float) -> tuple[np.ndarray, np.ndarray]:
        """The candidates re-ranked: the score of one not `favoured` scaled by `factor`."""
        scaled = scores * np.array([1.0 if favoured(index) else factor
                                    for index in order.tolist()])
        again = np.argsort(-scaled, kind="stable")
        return order[again], scaled[again]

    def _in_the_tense_asked(self, said: list[str], order: np.ndarray,
                            scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidates re-ranked when the question asks what will be ("What will the US
        try to do in the Arctic?", "Is the heat going to come down?"): a passage telling
        nothing as to come (no "will", "would") comes after one that does, its score scaled by
        `tense_factor` ("The USA will do its best to get the biggest share of the pie", not
        "This is a place where the USA and Russia come face to face")."""
        if not {"will", "going"} & set(said) or not len(order):
            return order, scores
        return self._favouring(order, scores, self._tells_to_come, self.settings.tense_factor)

    def _tells_to_come(self, entry: int) -> bool:
        """Does `entry`'s passage tell anything as to come ("will", "would")?"""
        return self._writes(entry, WILL)

    def _tells_a_cause(self, entry: int) -> bool:
        """Does `entry`'s passage give a cause ("because", "therefore", "due to")?"""
        return self._writes(entry, CAUSE)

    def _writes(self, entry: int, pattern: re.Pattern[str]) -> bool:
        """Does `entry`'s passage hold `pattern`? Worked out once per entry and pattern."""
        key = (pattern.pattern, entry)
        told = self._written.get(key)
        if told is None:
            told = self._written[key] = bool(pattern.search(self.entries[entry].passage))
        return told

    def _sides(self, entry: int) -> frozenset[str]:
        """The parties `entry`'s passage names (`sides_of`), worked out once per entry."""
        found = self._entry_sides.get(entry)
        if found is None:
            found = self._entry_sides[entry] = sides_of(
                tokens(united_states(self.entries[entry].passage)))
        return found

    @staticmethod
    def _missing_word_marks(content: list[str], in_turkish: bool) -> Callable[[int], str]:
        """How a word missing from a passage counts (`Scorer.unmatched`): "ending" for a word
        of no language in a Turkish question (an ending not read: nothing), "turkish" for a
        Turkish word the tables cannot put in English (half), else "" (in full). Worked out
        only for a missing word, English first, as it reads the word lists (tens of MB) the
        first time."""
        marks: dict[int, str] = {}

        def mark(k: int) -> str:
            counted = marks.get(k)
            if counted is None:
                word = content[k]
                counted = marks[k] = (
                    "ending" if in_turkish and not is_real_word(word)
                    else "turkish" if not is_english_word(word)
                    and TURKISH_NAMES.get(word) is None and is_turkish_word(word) else "")
            return counted

        return mark

    def _must_hold(self, content: list[str], matches: list[list[tuple[int, float]]],
                   names: set[str], kind: str | None, words: list[str],
                   in_turkish: bool, experts_at: Collection[int] = (),
                   assumed: bool = False, text: str = "") -> list[int]:
        """The words (by position in `content`) an answer's passage must hold (`assumed`: the
        question assumes a deed done, "Weren't …?", "Wasn't …?").

        Any question's numbers ("2016", "2021"); the deed of "Who built …?". And when a time,
        an amount or a place is asked, or an entity with "which", all that the question says
        of it: "When was ANKASAM founded?" is not answered by when the Arctic Council was, nor
        "What percentage of the Arctic is covered by ice?" by the share of world trade made by
        sea, nor "Which country took over the Arctic Council chairmanship in 2021?" by the
        Council's members. That is its names and words outside English's most common
        (`_specific`), and in a Turkish question every Turkish word but those that ask ("kaç").
        """
        # A month asked needs only a month written (`decision.gives`): "In which month did the
        # tension rise?" is answered by "The tension … in April", in its own words; a name
        # asked only a name written ("… politikasının adı neydi?" need not hold "başlatma").
        factual = kind not in (None, "month", "name") or (
            "which" in words[:2] and not asks_which_expert(words))
        # "hangi şehirde" (in which city): the place asked, which a passage gives by its name.
        asking = TURKISH_ASKING | PLACE_NOUNS if kind == "place" else TURKISH_ASKING
        if kind == "workplace":
            # "At which institution is Eletek an intern?": the workplace asked, which a passage
            # gives by its name ("Ankara Center for Crisis and Policy Studies").
            asking = asking | INSTITUTIONS
        asking = asking | TURKISH_CAME
        if kind == "amount":
            asking = asking | AMOUNT_NOUNS  # "what percentage": the figure, not the word
        if kind in ("year", "time", "past", "month", "future"):
            # "hangi yılda doğdu?" (in which year): the time asked, which a passage gives as
            # one ("in 1999"), not as the word (read in English, "year").
            asking = asking | TIME_NOUNS
        # ... and so after "hangi" or "kaç", whatever else is asked ("nerede ve hangi yılda").
        asking = asking | ({b for a, b in itertools.pairwise(words) if a in ("hangi", "kac")}
                           & (TIME_NOUNS | PLACE_NOUNS))
        # (In an English question asking "which", not its verb in the past or in -ing: "Which
        # Russian industries were targeted by sanctions?" is answered by "subjected to
        # sanctions over its strong sectors", in the passage's own verb; the deed of
        # "Which company built …?" is read apart, below.)
        loose = {w for w in content if not in_turkish and kind is None
                 and len(w) > 5 and w.endswith(("ed", "ing")) and w not in names}
        if not in_turkish and factual:
            # ... nor the kind a second asking asks ("Which university did Eletek graduate
            # from, and in what subject?", "When was the Arctic Council set up and for what
            # purpose?"): a passage names an instance ("International
            # Relations"), not the kind. (The first one's kind is held: "Which languages does
            # Eletek speak?" is not answered by her biography.)
            loose |= {b for k, (a, b) in enumerate(itertools.pairwise(words))
                      if k > 1 and a in ("which", "what") and b not in names and b in content}
        if not in_turkish and (kind == "place" or (factual and kind is None)):
            # ... nor its verb in the present ("Which Russian sectors did the sanctions
            # target?", "Where does Nord Stream-2 carry the gas?": "export … to Germany").
            loose |= _verbs_after_subject(words) - names
        held = [k for k, w in enumerate(content) if matches[k] and w not in asking
                and w not in loose and (
            any(c.isdigit() for c in w)
            or (factual and (in_turkish or not is_english_word(w)
                             or self._specific(w, names))))]
        # "Who built Nord Stream 2?", "Who signed …?", "Which company built (is building) …?"
        # (a verb in the past or the progressive after "which N"): the deed asked about, which
        # only a passage saying who did it holds (in its own words: the synonyms count).
        deed = words[1] if words[:1] == ["who"] and words[1:2] else (
            next((w for k, w in enumerate(words[2:5], 2) if (_past(w) and (
                k < 4 or not CARRIERS & set(words[2:k]))) or _doing(words, k)), None)
            if words[:1] == ["which"]
            else None)
        if words[:1] == ["who"] and words[1:2] and words[1] in DEED_OPENERS:
            # "Who in the Obama administration first announced …?": the deed after who is
            # meant ("in the Obama administration").
            deed = next((w for w in words[2:7] if _past(w)), None)
        if in_turkish and "kim" in words[:-1]:
            # "Kuzey Akım 2'yi kim patlattı?": the verb that ends it (read in English when the
            # tables have it) is the deed; one they do not have, in the past, none holds.
            verb = words[-1]
            at = content.index(verb) if verb in content else -1
            if at >= 0 and matches[at]:
                deed = verb
            elif at >= 0 and verb.endswith(TURKISH_PAST) and len(verb) > 5:
                held.append(at)
        # (Explained, of someone named who is no expert: "Navalni neden zehirlendi?"; not
        # "Öymen'e göre … diyalog neden kurulamadı?", nor an expert's words asked, "… neden
        # Rusya'yı sıkıştırıyor, Ozan … diyor galiba?".)
        explained = in_turkish and WHY_WORDS & set(words) and not TURKISH_SAYING & set(
            words) and any(
            self._person(w) for k, w in enumerate(words) if k not in experts_at)
        if (explained or (in_turkish and kind in ("time", "past", "year", "month"))) \
                and words[-1] in content and words[-1] not in asking:
            # "Navalni ne zaman öldü?", "Navalni neden zehirlendi?": the deed dated or
            # explained, the verb that ends the question, which the briefing does not know:
            # none holds it.
            at = content.index(words[-1])
            if not matches[at] and at not in held:
                held.append(at)
        if in_turkish and any(self._a_person(w) for k, w in enumerate(words)
                              if k not in experts_at and not w.startswith(self._expert_stems)):
            # "Navalni Rusya'ya dönünce tutuklandı mı?", "Navalny …": whether a deed was done by
            # or to someone named, however spelt (not an expert: "ozana göre"), the verb before
            # "mı" (read in English: "arrest"), which the briefing does not know: none holds it.
            held += [content.index(w) for w, after in itertools.pairwise(words)
                     if after in ("mi", "mu") and w in content and not matches[content.index(w)]
                     and is_english_word(w) and content.index(w) not in held]
            # ... or the noun of a Turkish verb of two words that ends it ("özür diledi mi?":
            # apologised, its "özür" read as "apology"; not "köşeye mi sıkıştırdı?", read as
            # "pressure").
            noun = words[-3] if len(words) > 2 and words[-1] in ("mi", "mu") and (
                not is_english_word(words[-2])) else None
            if noun in content and not matches[content.index(noun)] \
                    and is_english_word(noun) and content.index(noun) not in held:
                held.append(content.index(noun))
        if kind in ("time", "past", "year", "month") and words[:1] == ["when"] and \
                words[1:2] in (["was"], ["were"]):
            # "When was Navalny arrested …?": the deed dated, which only a passage telling of it
            # holds (in its own words).
            deed = next((w for w in words[2:6] if _past(w)), None)
        if words[:1] in (["was"], ["were"]) and words[1:2] and (
                words[1] in names or words[1] in PLACES or self._a_person(words[1])):
            # "Was Navalni arrested when he returned?", "Was Nord Stream 2 ever completed?"
            # (a person however spelt: "was navalny arrested …"):
            # the deed asked of someone or something named (the rest of its name and an
            # adverb between), which only a passage telling of it holds (in its own words).
            deed_at = next((k for k in range(2, min(len(words), 6)) if _past(words[k]) or not (
                words[k] in names or words[k] in DEED_ADVERBS or words[k].isdigit()
                or (k == 2 and self._name_goes_on(words[1], words[2])))), None)
            if deed_at is not None and _past(words[deed_at]):
                deed = words[deed_at]
        if assumed and deed is None:
            # "Weren't the sanctions on Russia lifted after the June summit?": the deed a reader
            # assumes done, when the briefing does not know it (a real, less than common word):
            # none holds it. (Not "Was the reset scrapped …?", a reader's word for a deed told.)
            done = next((w for w in words[2:7] if _past(w)), None)
            if done is not None and done in content and not matches[content.index(done)] \
                    and is_real_word(done) and not is_common_word(done) \
                    and content.index(done) not in held:
                held.append(content.index(done))
        did = [] if words[:1] != ["did"] or not words[1:2] or (
            words[1] not in names and words[1] not in PLACES) else [
            w for w in words[2:4] if w not in DEED_ADVERBS][:1]
        if did and did[0] not in STOP_WORDS:
            # "Did Biden apologise to the Kremlin …?": the deed asked of someone named, when
            # the briefing does not know it (a real, less than common word): none holds it.
            verb = did[0]
            after = words[words.index(verb) + 1:words.index(verb) + 3]
            # (Not "manage to push back": a verb carrying another.)
            catenative = after[:1] == ["to"] and after[1:] not in (
                ["the"], ["a"], ["an"], ["his"], ["her"], ["its"], ["their"])
            if not catenative and verb in content and not matches[content.index(verb)] \
                    and is_real_word(verb) \
                    and not is_common_word(verb) and content.index(verb) not in held:
                held.append(content.index(verb))
        if words[:1] in (["does"], ["do"], ["did"], ["is"]):
            # "Does Berktay expect Germany to cancel Nord Stream-2?", "Does Öymen believe
            # Russia will return Crimea?": the deed expected, which only a passage expecting it
            # holds (in its own words); one the briefing does not know, none.
            expected = next((words[k + 1] for k in range(2, len(words) - 1)
                         if words[k] in ("to", "will", "would", "should") and any(
                             w in EXPECTING for w in words[1:k])
                         and words[k - 1] not in CATENATIVE and not words[k - 1].endswith("ing")),
                        None)  # (not "is trying to extend")
            while (expected in DEED_ADVERBS or expected in GOING_ON or expected in ("to", "be")) \
                    and expected in words[:-1]:
                # (Not "keep", "continue to": what goes on is the deed, "keep fighting".)
                expected = words[words.index(expected) + 1]
            if expected is not None and expected not in STOP_WORDS and expected in content:
                at = content.index(expected)
                if (matches[at] or (is_real_word(expected) and not is_common_word(expected))) \
                        and at not in held:
                    held.append(at)
        if deed in CATENATIVE and words[2:3] == ["to"]:
            # "Who stands to gain …?", "Who wants to …": the deed is the verb after "to" (and
            # none when the question stops there); "Who went to …" names a place, not a deed.
            deed = words[3] if words[3:4] else None
        if deed in DESCRIBING or deed in ("became", "become", "becomes"):
            # "Who called the atmosphere constructive?": what is said of it is asked, which
            # "Lavrov speaks of constructive atmosphere" tells without the verb; and what one
            # became ("Who ends up with more sway …?": "Russia will have more influence").
            deed = None
        if deed is not None and deed not in AUXILIARIES and deed in content:
            at = content.index(deed)
            to_come = deed in words[1:] and words[words.index(deed) - 1] in ("will", "would")
            if (matches[at] or ((_past(deed) or to_come) and any(
                    is_real_word(w) for w in (deed, deed[:-1], deed[:-2])))) and at not in held:
                # (A deed done, or to come, that the briefing never names, "Who sabotaged …?",
                # "Which country will chair …?", none holds.)
                held.append(at)
        asked_for = the_x_of(words)
        if in_turkish and asked_for is None and any(w.endswith(TURKISH_PAST) for w in words):
            # "Haziran zirvesinin sonuçları neler oldu?": the outcome of something done asked
            # (read in English); not what something may lead to ("ne gibi sonuçlar doğurabilir").
            asked_for = next((w for w in content if w in OUTCOME_NOUNS), None)
        if asked_for in content and asked_for not in WRITTEN_OTHERWISE:
            # "What was the outcome of the Biden–Putin summit?": the X of "What is the X of …"
            # is what is asked, which a passage that answers holds (in its own words); but not
            # a purpose or a name, which a passage gives without the word ("aimed to prepare",
            # "the Nord Stream-2 Project").
            at = content.index(asked_for)
            if matches[at] and at not in held:
                held.append(at)
        owned = _owned_asked(text, words, names)
        if owned in content and not matches[content.index(owned)] and is_real_word(owned) \
                and not is_common_word(owned) and content.index(owned) not in held:
            # "What's ANKASAM's office address in Ankara?": the thing of someone named asked for,
            # which the briefing does not know (a real, less than common word): none holds it.
            held.append(content.index(owned))
        if kind == "person" and words[:1] in (["who"], ["which"]):
            # "Who is the head of ANKASAM?", "Which foreign minister launched the reset?": the
            # office asked about, which a passage naming its holder writes (in its own words);
            # a passage naming people is not enough.
            held += [k for k, w in enumerate(content) if w in OFFICE_WORDS and w in words[1:5]
                     and matches[k] and k not in held]
            # ... and so the role of "Who was the X …?" that the briefing does not know at all
            # ("Who was the interpreter at the meeting?"): no passage names its holder.
            role = words[3] if words[1:3] in (["is", "the"], ["was", "the"]) \
                and words[3:4] else None
            if role in content and not matches[content.index(role)] and not is_common_word(role):
                held.append(content.index(role))
        # "What did Lavrov say about Syria at the Reykjavik meeting?": a passage on the meeting
        # that does not name Syria does not answer it, whatever else it shares.
        # The briefing's own parties ("the US", "Russia"), which most of its passages are
        # about, may go unnamed ("bilateral relations", "both sides").
        frame = FRAME_SHARE * self.scorer.entries
        # And a country named anywhere in it ("What sanctions did Japan impose on Russia?",
        # "How did China's foreign ministry react …?"): a passage not naming it tells of
        # another country's deeds (not a continent: "its biggest rival in Asia" is China).
        # (Its Turkish name too: "Japonya'nın Arktik politikası".)
        countries = [w for w in words if TURKISH_NAMES.get(w, w) in COUNTRY_NAMES
                     and TURKISH_NAMES.get(w, w) not in CONTINENTS]
        # "Lavrov hangi üniversiteden mezun oldu?": a fact asked of a person the briefing
        # names, which only a passage naming them gives (not the compiler's biography).
        # And a person's education, in either language ("What did Lavrov study?").
        # And a person named anywhere in it, not an expert ("What sanctions did the US impose
        # over Navalni's poisoning?"): a passage not naming them tells of someone else (not
        # the first word of a country's name, which the source writes "United States").
        persons = [w for k, w in enumerate(words) if k not in experts_at and self._person(w)
                   and words[k + 1:k + 2] not in (["states"], ["kingdom"], ["nations"])
                   and w not in self._expert_words]  # ("Deniz Mr. Berktay": an expert's)
        for name in dict.fromkeys([*self._subject_names(words, names), *countries, *persons]):
            at = content.index(name) if name in content else -1
            if at >= 0 and matches[at] and at not in held and all(
                    len(self.scorer.postings[index]) < frame for index, _ in matches[at]):
                held.append(at)
        return held

    def _opens_with_a_name(self, words: list[str], text: str, found: Found,
                           names: set[str]) -> bool:
        """Is the question's first word, written with the capital any sentence opens with, a
        name `names_in` could not tell: a word the briefing does not know, neither an expert's
        nor a title ("Doktor", "Hocam": `TURKISH_TITLES`) nor a frequent Turkish word
        ("Ayrıca", "Bakalım", "Sence": no first name)?"""
        return bool(words) and words[0] not in names and 0 not in found.used \
            and words[0] not in TURKISH_TITLES and text.lstrip()[:1].isupper() \
            and not self.vocabulary.known(words[0]) and not is_common_turkish_word(words[0])

    def _expert_silent_on_words(self, words: list[str], found: Found, content: list[str],
                                matches: list[list[tuple[int, float]]],
                                names: set[str]) -> bool:
        """"What does Öymen say about melting Arctic ice?": a word of what one named expert is
        said to speak about ("say about …", "talk about …") that none of their entries holds,
        though the briefing knows it (his Arctic passage is not on melting ice). Not a word
        among English's most common ("future"), nor a name (`_subject_names` reads those)."""
        if len(found.experts) != 1:
            return False
        opener = max((k for k, w in enumerate(words) if w in SUBJECT_NAMERS), default=None)
        turkish = next((k for k, w in enumerate(words) if w in TURKISH_ABOUT), None)
        if turkish is not None and found.used and TURKISH_VIEWS & set(words[turkish + 1:]):
            # "Dilek Arktik'teki buzulların erimesi hakkında ne düşünüyor?": what comes
            # between the expert and "hakkında".
            subject = set(words[max(found.used) + 1:turkish])
        elif not opener or words[opener - 1] not in SAYING_ABOUT:
            return False
        else:
            subject = set(itertools.takewhile(lambda w: w not in SUBJECT_ENDS,
                                              words[opener + 1:]))
        mine = np.flatnonzero(np.isin(self.scorer.entry_expert, list(found.experts)))
        return any(
            word in subject and pairs and word not in names and not is_common_word(word)
            and (turkish is None or not is_common_turkish_word(word))
            and not any(self.scorer.holds_all(int(i), [pairs]) for i in mine)
            for word, pairs in zip(content, matches, strict=True))

    @staticmethod
    def _subject_names(words: list[str], names: set[str]) -> list[str]:
        """The names (people, places) in what an English question says it is about: the name
        after the opening "Does"/"Is"/… of a yes-or-no question, and the words
        after its last "about" ("regarding", "concerning") up to a preposition. A sentence
        before the question may have one too ("I was reading about the meeting. Who …?"): an
        opener with no asking word before it, or a question word after it, is not the
        question's."""
        # "Does Iceland have its own army?": the name a yes-or-no question asks about.
        found = [words[1]] if words[:1] and words[0] in AUXILIARIES and words[1:2] and (
            words[1] in names or words[1] in PLACES) else []
        opener = max((k for k, w in enumerate(words) if w in SUBJECT_NAMERS), default=None)
        if opener is None or not ASKING_WORDS & set(words[:opener]) \
                or QUESTION_WORDS & set(words[opener:]):
            return found
        for word in words[opener + 1:]:
            if word in SUBJECT_ENDS:
                break
            if word in names or word in PLACES:
                found.append(word)
        return found

    @staticmethod
    def _head(words: list[str], content: list[str],
              matches: list[list[tuple[int, float]]]) -> str | None:
        """The head word of what is asked about, when the briefing does not know it (a real
        word, not a typo): the last word after "about" ("… pipeline explosions?"), the word
        before "hakkında" in Turkish ("deprem hakkında"); or, after "about", the first of
        `UNKNOWN_SUBJECT` real, less than common words it does not know ("… about indigenous
        peoples' organizations?", whose last word has a synonym in the briefing)."""
        if not content:
            return None
        at = None
        # (A query of keywords, asking nothing, "nord stream explosion": all of it is what
        # is asked about. Not in Turkish, whose endings the tables may not read.)
        keywords = not ASKING_WORDS & set(words) and not asked_in_turkish(words) \
            and len(words) <= KEYWORD_QUERY and not any(
                is_turkish_word(w) and not is_english_word(w) for w in words)
        opened = keywords or any(w in SUBJECT_OPENERS for w in words)
        if opened:
            at = len(content) - 1
        else:
            for pos, word in enumerate(words[1:], 1):
                if word in TURKISH_SUBJECT_CLOSERS and words[pos - 1] in content:
                    at = content.index(words[pos - 1])
                    break
        asker = which_at(words)
        if at is None and asker is not None and words[asker + 1:asker + 2]:
            # "In which hotel did they meet?": the kind of thing asked, when the briefing
            # does not know it.
            # (Its words up to the verb: "In which building or hotel did …?".)
            for kind in itertools.takewhile(lambda w: w not in AUXILIARIES
                                            and w not in SUBJECT_ENDS,
                                            words[asker + 1:asker + 4]):
                if kind in content and not matches[content.index(kind)] \
                        and is_english_word(kind):
                    return kind  # (common or not: "In which German hospital …?")
        # ... and so "what" before a noun: "What venue hosted the talks?", "… and what hotel
        # were they in?", "What fees does Russia charge ships on the Northern Sea Route?" (not
        # a verb, "what triggered it"; nor "to what extent"; nor a slip, "what dose …").
        noun = next((b for a, b in itertools.pairwise(words) if a == "what"
                     and b in content and not matches[content.index(b)]
                     and is_english_word(b) and not _past(b) and b not in DEGREES
                     and b not in DOCUMENT_WORDS and _not_an_auxiliary_slip(b)), None)
        if noun is not None:
            return noun
        if at is None:
            # "Did Russia take over the Arctic Council chairmanship at the Reykjavik meeting?":
            # the thing taken over, the last word naming it, when the briefing does not know it.
            taken = _taken_over(words)
            # (Known to no word list either: "chairmanship"; a slip of a word the briefing
            # has would match it.)
            if taken is not None and taken in content and not matches[content.index(taken)] \
                    and taken.isalpha() and not is_common_word(taken):
                return taken
        if at is None and words[:1] == ["where"] and words[1:2] in (
                ["is"], ["are"], ["was"], ["were"]):
            # "Where is the Arctic Council secretariat located?": the place of a thing, the
            # last word naming it.
            named = [w for w in words[2:] if w not in SITUATED and w not in STOP_WORDS]
            if named and named[-1] in content:
                at = content.index(named[-1])
        if at is None:
            return None
        if opened:
            # "… say about indigenous peoples' organizations?": two real words the briefing
            # does not know, neither of any subject ("quite"), say the subject is another,
            # whatever its last word matches.
            unknown = [w for w, m in zip(content, matches, strict=True)
                       if not m and len(w) > 2 and is_real_word(w) and not is_common_word(w)]
            if len(unknown) >= UNKNOWN_SUBJECT:
                return unknown[0]
            # "… about shipping tolls on the Northern Sea Route?": the head before a preposition
            # is what is asked about, as the last word is.
            start = next((p for p, w in enumerate(words) if w in ABOUT_WORDS), len(words))
            end = next((p for p in range(start + 2, len(words)) if words[p] in HEAD_ENDS), None)
            before = words[end - 1] if end is not None else None
            if before in content:
                k = content.index(before)
                if not matches[k] and (is_real_word(before) or before in GENERAL_WORDS) \
                        and not is_common_word(before):
                    return before
        while at > 0 and _an_adverb(content[at]):
            at -= 1  # "Where is Eletek from originally?": an adverb says how; it heads nothing
        if matches[at] or not (is_real_word(content[at]) or content[at] in GENERAL_WORDS):
            return None
        return content[at]

    @staticmethod
    def _specific(word: str, names: set[str]) -> bool:
        """Whether a passage answering a factual question must hold `word`: a name, a number,
        or a word not among English's most common ("took" and "run" may be said otherwise;
        "ANKASAM", "2021" and "covered" may not)."""
        if word in names or any(c.isdigit() for c in word):
            return True
        # An adverb made of a word ("formally", "officially", "exactly") says how, not what:
        # "In which year did the USA officially buy Alaska?" is answered by when it bought it.
        return not is_common_word(word) and not (
            word.endswith("ly") and len(word) > 5 and is_english_word(word[:-2]))

    def _counted(self, words: list[str]) -> list[set[str]]:
        """What "how many" (or "kaç") counts, as the stems of the briefing words each of the
        next content words stands for: "How many warships …" counts warships."""
        at = next((i + 2 for i in range(len(words) - 1) if words[i:i + 2] == ["how", "many"]),
                  next((i + 1 for i, w in enumerate(words) if w == "kac"), None))
        if at is None:
            return []
        # What follows up to its verb, as in "How many Arctic Council member states are …";
        # a filler first ("How many of the …") is passed over. Turkish puts the noun right
        # after "kaç", the verb at the end ("kaç uzman görüş bildiriyor"): its first two words.
        reach = COUNT_REACH if words[at - 1] == "many" else 2
        following: list[str] = []
        for word in words[at:at + reach + 2]:
            if word in COUNT_FILLERS or (following and word in COUNT_ENDS):
                if following:
                    break
                continue
            following.append(word)
            if len(following) == reach:
                break
        _, matches = self.vocabulary.map_words(following)
        english = [e for w in following for e in (TURKISH_NAMES.get(w) or "").split()]
        if not english and not any(matches):
            return []  # what is counted is unknown: the rule cannot tell ("kaç uzman")
        # (And their synonyms' stems as such: "countries" counts "eight states", whose
        # "states" the vocabulary does not hold, framing as it is elsewhere.)
        said = (*following, *english)
        return [{stem(w) for w in said}
                | {stem(s) for w in said for s in self.vocabulary.synonyms.get(stem(w), ())}
                | {stem(self.vocabulary.words[i]) for pairs in matches for i, _ in pairs}]

    @staticmethod
    def _counts(text: str, counted: list[set[str]]) -> bool:
        """Does `text` give a number of what is counted ("13 countries", "eight states"), or of
        things its sentence says are it ("13 countries … follow the developments here as
        observers")?"""
        for sentence in sentences(text):
            words = tokens(sentence)
            for pos, word in enumerate(words):
                if not (word.isdigit() or word in NUMBER_WORDS):
                    continue
                # The next word, or the one after a word of its own ("13 countries", "two new
                # warships"), not past a stop word ("the Arctic Five and observer states").
                after = words[pos + 1:pos + 2]
                if after and after[0] not in STOP_WORDS:
                    after = words[pos + 1:pos + 3]
                if any(stem(w) in group for w in after for group in counted) or any(
                        a == "as" and any(stem(b) in group for group in counted)
                        for a, b in itertools.pairwise(words[pos + 2:])):
                    return True
        return False

    def _asked_for_unknown(self, said: list[str]) -> str | None:
        """The noun a question opening "What X …" or "Which X …" asks for, when the briefing does
        not know it and it is a real word ("What poison …", "What exact date …"); not "What
        sort of …", nor a misspelt word of the question ("what dose Başbuğ think …"). So is the
        noun after a word that qualifies it ("Which TV network …": network) and the X of "What
        is the X of …?" (and of "What's the X of …?")."""
        if said[:1] == ["whats"] or said[:2] == ["what", "the"]:
            said = ["what", "is", *said[1:]]  # ("What's the …", read "what the …")
        if len(said) < 3 or said[0] not in ("what", "which") or said[2] == "of" \
                or said[1] in ("extent", "degree"):
            return None  # ("To what extent …?" asks how much, which a view may answer.)

        unknown = self._unknown_noun
        if unknown(said[1]):
            return said[1]
        x_of = the_x_of(said)
        if x_of is not None and unknown(x_of):
            # "What is the length of the Northern Sea Route?": the length is what is asked.
            return x_of
        if said[1] in ("is", "was", "are", "were") and said[2] in ("the", "a", "an") \
                and said[4:5] == ["like"] and unknown(said[3]):
            # "What was the weather like in Reykjavik …?": what it was like is what is asked.
            return said[3]
        if len(said) > 3 and said[1] not in STOP_WORDS and said[3] != "of" and unknown(said[2]):
            # "Which TV network aired …?": the noun a word before it qualifies.
            return said[2]
        return None

    def _unknown_noun(self, word: str) -> bool:
        """A real word the briefing does not know, nor a slip of a word it does."""
        # The vocabulary's lookup, which may search for a typo, last.
        return not (word in STOP_WORDS or not (is_real_word(word) or word in GENERAL_WORDS)
                    or stop_word_meant(word) is not None or self.vocabulary.known(word))

    def _owned_unknown(self, text: str, words: list[str]) -> str | None:
        """The thing "What is N's X …?" asks for, of anyone, when the briefing does not know
        it ("whats ankasam's office address": the address), as `_asked_for_unknown` reads
        "What is the X of …?"."""
        owned = _owned_asked(text, words, None)
        return owned if owned is not None and self._unknown_noun(owned) else None

    def _without_expert_possessed(self, text: str) -> str:
        """`text` without the noun of an expert's account ("in Dilek's account" reads as "in
        Dilek's"); see `EXPERT_POSSESSED`."""
        def framing(found: re.Match[str]) -> str:
            words = self.names.in_role_words(tokens(found.group(1)))
            return found.group(1) + "'s" if self.names.find(words).experts else found.group(0)
        return EXPERT_POSSESSED.sub(framing, text)

    def _framing_meant(self, word: str) -> str:
        """A misspelt framing word as it is meant ("Coşkun Başbuğ kimdur?": "kimdir", so the
        profile is asked; "Whtich expert …": "which"), unless it is a real word or a misspelt
        word of the briefing."""
        if word in STOP_WORDS or word in self.vocabulary.index_of or is_real_word(word):
            return word
        meant = stop_word_meant(word)
        if meant is None or any(may_correct([word], typo) and similarity >= meant[1]
                                for typo, similarity in self.vocabulary.typos.matches(word, 3)):
            return word
        return meant[0]

    def _antecedent(self, entry: int) -> int | None:
        """The entry a quote opening with "These …" or "Such …" points back to: the one
        before it in its file, of the same expert ("These policies have caused deterioration"
        are the actions "the annexation of Crimea, … Russia's Syria policy" the one before
        lists); None for any other."""
        found = self._antecedents.get(entry, -1)
        if found == -1:
            this = self.entries[entry]
            before = self.entries[entry - 1] if entry > 0 else None
            found = entry - 1 if (
                before is not None and this.expert is not None
                and this.text.split(" ", 1)[0] in POINTING_BACK_OPENERS
                and before.expert is this.expert and before.briefing_id == this.briefing_id
                and before.position == this.position - 1) else None
            self._antecedents[entry] = found
        return found

    def _titles_asked(self, said: list[str]) -> tuple[Entry, ...]:
        """The briefings whose title the question asks for ("What's the headline of this
        piece?", "title of this briefing", "Bu raporun adı ne?"), each as a note of its title;
        none when it asks anything else ("What is Ozan's title?", "Which experts are named in
        this briefing?").

        A title is given only where its briefing's source prints it: the title is the
        briefing's own words, as every answer is."""
        asked_title = TITLE_WORDS & set(said)
        if not asked_title and not NAME_WORDS & set(said):
            return ()
        documents = DOCUMENT_WORDS | TURKISH_DOCUMENT_OF | self.publishers
        if not documents & set(said) or said[:1] in (["who"], ["kim"]) or (
                WHY_WORDS | MEANING_WORDS) & set(said):
            return ()  # (Not what it means, nor why it is so called.)
        if not asked_title and said[:1] not in (["what"], ["whats"]) and not any(
                a in TURKISH_DOCUMENT_OF and b in NAME_WORDS
                for a, b in itertools.pairwise(said)):
            return ()  # ("Bu raporun adı ne?" asks with its name word after the document.)
        briefings = self.knowledge.briefings
        own = {w for b in briefings for w in tokens(f"{b.title} {b.publisher}")}
        rest = [w for w in without_framing(said) if w not in STOP_WORDS and w not in documents
                and w not in TITLE_WORDS and w not in NAME_WORDS and w not in TITLE_FRAMING
                and w not in own]
        if rest:
            return ()  # (An expert named is such a word: "What is Ozan's title?")
        # Several briefings: those the question names by their words, else each.
        named = [b for b in briefings
                 if set(said) & (set(tokens(f"{b.title} {b.publisher}")) - STOP_WORDS)]
        return tuple(self._title_note(b) for b in (named or briefings) if _prints_title(b))

    def _title_note(self, briefing: Briefing) -> Entry:
        return Entry(id=f"{briefing.id}-title", briefing_id=briefing.id, expert=None, topics=(),
                     questions=(), text=briefing.title, is_quote=False)

    def _asks(self, words: list[str]) -> bool:
        """Does a sentence ask about something besides the experts it names, or who they are?"""
        words = without_framing(without_courtesy(words))
        found = self.names.find(words)
        asked = self.names.query_words(words, found)
        if len(asked) == 1 and not found.topics and asked[0] not in names_in(" ".join(words)) \
                and not self._person(asked[0]) and asked[0] not in PLACES \
                and is_real_word(asked[0]):
            # "What followed, per Dilek?": one word of its own, no subject; it asks about
            # what the sentence before it says. (A word of no language, "qwertyuiop", says
            # nothing of it.)
            return False
        return bool(asked) or (bool(found.experts) and (
            any(w in PROFILE_WORDS for w in words) or asks_what_they_are(words)))

    def _named(self, sentence: str) -> set[str]:
        """Who and what a sentence names, the experts aside: its names, countries, places."""
        words = tokens(sentence)
        experts = {words[p] for p in self.names.find(words).used}
        named = names_in(sentence) | (set(words) & COUNTRY_NAMES) | (set(words) & PLACES)
        return named - experts

    def _each_expert_first(self, answers: list[Answer], named_experts: Collection[int],
                           top: int) -> list[Answer]:
        """Asked about several experts ("What do Ozan and Öymen think about cooperation?"), or
        about "the experts": each (named) expert's best answer first, in score order, then the
        others."""
        named = {self.experts[i].id for i in named_experts} or {e.id for e in self.experts}
        first: list[Answer] = []
        seen: set[str] = set()
        best = answers[0].score if answers else 0.0
        for answer in answers:
            expert = answer.entry.expert
            if not named_experts and answer.score < self.settings.panel_share * best:
                continue  # an expert who says little on it comes after one who says more
            if expert is not None and expert.id in named and expert.id not in seen:
                seen.add(expert.id)
                first.append(answer)
        rest = [a for a in answers if a not in first]
        return (first + rest)[:top]

    @staticmethod
    def _qualified(words: list[str], found: Found, names: set[str]) -> list[tuple[str, str]]:
        """Places the question names with a word written as a name before them ("South
        Korea"), as the briefing spells them ("Norih Korea" is its "North Korea")."""
        spelt: list[tuple[str, bool]] = []  # each word as corrected, and whether a name
        pos = 0
        while pos < len(words):
            size, replacement = found.rewrites.get(pos, (1, (words[pos],)))
            named = any(w in names for w in words[pos:pos + size])
            spelt.extend((w, named) for w in replacement)
            pos += size
        pairs = [(a, b) for (a, a_named), (b, b_named) in itertools.pairwise(spelt)
                 if a_named and b_named and b in PLACES and a not in PLACES]
        # A point of the compass before a place named, in Turkish too, as the briefing writes
        # them in English ("Güney Kore'nin …": South Korea), opening the question or not.
        english = [TURKISH_NAMES.get(w, w) for w, _ in spelt]
        pairs += [(a, b) for (a, b), (_, b_named) in zip(
            itertools.pairwise(english), spelt[1:], strict=False)
            if a in COMPASS and (b_named or b in names) and b in PLACES and (a, b) not in pairs]
        return pairs

    @staticmethod
    def _qualifier_fits(text: str, qualifier: str, place: str) -> bool:
        """Does `text` speak of the place as the question names it ("South Korea")? Not when
        it names it only with another word written as a name before it ("North Korea")."""
        other = False
        for match in QUALIFIED.finditer(text):
            if fold(match.group(2)) != place:
                continue
            if fold(match.group(1)) == qualifier:
                return True
            other = True
        return not other

    def _office_of_unknown(self, words: list[str], found: Found) -> str | None:
        """An office of a country the briefing names no office of, for the hint ("iceland's
        foreign minister" of "Iceland's foreign minister" or "the foreign minister of Iceland");
        None when there is none, or the briefing names one ("Russian Foreign
        Minister Sergey Lavrov": Russia's, or any other office of Russia, may be asked)."""
        for pos, word in enumerate(words):
            if (word not in OFFICE_WORDS and word not in TURKISH_OFFICE_WORDS
                    and word not in OFFICIALS) or pos in found.used:
                continue  # not an office, or an expert's ("what does the ambassador make of …")
            before = words[max(0, pos - OFFICE_REACH):pos]
            at = next((k for k in range(len(before) - 1, -1, -1)
                       if country_of(before[k]) is not None), None)
            if at is not None:
                place = country_of(before[at]) or ""
                if not self._offices_held(place):
                    office = _office_at(words, pos)
                    if word in TURKISH_OFFICE_WORDS:  # as asked: "İzlanda dışişleri bakanı"
                        return " ".join([*before[at:], *office])
                    return " ".join([f"{place}'s", *before[at + 1:], *office])
                continue
            after = words[pos + 1:pos + 4]  # "minister of (the) iceland"
            named = after[2:3] if after[1:2] == ["the"] else after[1:2]
            country = country_of(named[0]) if after[:1] == ["of"] and named else None
            if country is not None and word in OFFICE_WORDS and not self._offices_held(country):
                return " ".join([f"{country}'s", *_office_at(words, pos)])
        return None

    def _numbered_otherwise(self, words: list[str]) -> str | None:
        """A name with a number ("nord stream 1") that the passages write only with other
        numbers ("Nord Stream-2"), as asked; else None. An ordinal before the name is its
        number ("the first Nord Stream pipeline"), unless a number follows the name."""
        asked: list[tuple[str, str]] = []  # (name, number)
        for pos, word in enumerate(words):
            if word.isdigit() and len(word) <= 2 and pos > 0 and words[pos - 1] not in STOP_WORDS:
                asked.append((words[pos - 1], word))
            elif word in ORDINAL_NUMBERS and not any(w.isdigit() for w in words[pos + 1:pos + 4]):
                asked += [(name, ORDINAL_NUMBERS[word]) for name in words[pos + 1:pos + 3]
                          if name not in STOP_WORDS]
        for name, number in asked:
            at = self.vocabulary.index_of.get(name)
            if at is None:
                continue
            # (With the capitalised word before it: "Nord Stream-2", as the passages write it.)
            written = re.compile(rf"\b((?:[A-Z]\w* )?(?i:{re.escape(name)}))[ -](\d{{1,2}})\b")
            found = [m for entry in self.scorer.quote_postings[at][:PERSON_SAMPLE]
                     for m in written.finditer(self.entries[int(entry)].passage)]
            if found and number not in {m.group(2) for m in found}:
                return f"{found[0].group(1)} {number}"
        return None

    def _name_goes_on(self, name: str, word: str) -> bool:
        """Does a passage write `word` capitalised after `name`, one name of two words ("Nord
        Stream")? Read from the entries that hold `word` (at most `PERSON_SAMPLE`)."""
        at = self.vocabulary.index_of.get(word)
        if at is None or not word.isalpha():
            return False
        written = re.compile(rf"\b(?i:{re.escape(name)}) {re.escape(word.capitalize())}\b")
        return any(written.search(self.entries[int(entry)].passage)
                   for entry in self.scorer.quote_postings[at][:PERSON_SAMPLE])

    def _offices_held(self, place: str) -> bool:
        """Does a passage name an office of `place` ("Russian Foreign Minister", "US Former
        President", "President of Finland")? Read from the entries that hold the place's words
        (at most `PERSON_SAMPLE` of each), once per place."""
        held = self._offices_of.get(place)
        if held is None:
            spellings = {place} | {w for w, p in PLACE_ALIASES.items() if p == place}
            held = False
            for spelling in sorted(spellings):
                at = self.vocabulary.index_of.get(spelling)
                if at is None:
                    continue
                for entry in self.scorer.quote_postings[at][:PERSON_SAMPLE].tolist():
                    if _names_office(tokens(self.entries[entry].passage), place):
                        held = True
                        break
                if held:
                    break
            self._offices_of[place] = held
        return held

    def _never_quoted(self, word: str) -> bool:
        """Is `word` a name that only entries of no expert (the briefing's introduction and the
        compiler's biography) write, never an expert's passage?"""
        at = self.vocabulary.index_of.get(word)
        if at is None or word in self._expert_words or word in PLACES or word in self.places \
                or is_english_word(word) or is_turkish_word(word):
            return False  # (a name of no language: not "Uluslararası İlişkiler", "Reykjavik")
        holders = [self.entries[int(e)] for e in self.scorer.quote_postings[at][:PERSON_SAMPLE]]
        return len(holders) > 0 and all(
            entry.expert is None and word in names_in(entry.passage) for entry in holders)

    def _speaker(self, word: str) -> bool:
        """Could `word` be someone whose words are asked? A person the briefing names, or a
        name it never writes in a passage ("Lukashenko"), but not a place or a country: "Did
        Washington say …?" asks a government's policy."""
        if word in PLACES or word in COUNTRY_NAMES:
            return False
        at = self.vocabulary.index_of.get(word)
        if at is None and self.vocabulary.known(word):
            return False  # a misspelt word of the briefing ("the Wolrd Trade Organization")
        in_text = at is not None and len(self.scorer.quote_postings[at]) > 0
        return self._person(word) or not in_text

    def _another_of_a_given_name(self, words: list[str]) -> str | None:
        """An expert's first name before a surname no word of English or Turkish nor of the
        briefing (however misspelt: "berktey" is known, as Berktay): "emre kongar" (in lower
        case, where no capital tells a name) is someone else, whom the briefing does not
        mention; as "the name" of that other one."""
        given = next((f"{first.capitalize()} {then.capitalize()}"
                      for first, then in itertools.pairwise(words)
                      if first in self._given and len(then) >= 4 and then.isalpha()
                      and not self.vocabulary.known(then) and not is_real_word(then)), None)
        if given is not None or asked_in_turkish(words):
            return given
        # ... and in an English question, a word before an expert's surname that neither
        # English nor the briefing knows, nor a misspelling of the expert's own first names
        # ("altan öymen opinion on …": Altan Öymen, another man; not "onr öymen"). (A Turkish
        # question may put a word of its own there: "yine Öymen", "ayrıca Dilek".)
        return next((f"{first.capitalize()} {self._surnames[then]}"
                     for first, then in itertools.pairwise(words)
                     if then in self._surnames and len(first) >= 4 and first.isalpha()
                     and first not in self._given and not self.vocabulary.known(first)
                     and not is_english_word(first)
                     and not any(OSA.distance(first, g) <= 2 for g in self._given)), None)

    def _first_name_fits(self, first: str, surname: str) -> bool:
        """May `first` be the first name of the `surname` the briefing names? Yes, unless the
        briefing writes that person with another one: "Hunter Biden" is not its "Joe Biden",
        while "Vladimir Putin" is its "Putin" (written without a first name)."""
        written = self._first_names_written(surname)
        return not written or first in written

    def _first_names_written(self, surname: str) -> set[str]:
        """The first names the passages write before `surname` ("joe" before "Biden")."""
        at = self.vocabulary.index_of.get(surname)
        if at is None:
            return set()  # (a word no passage writes: nothing kept for it)
        written = self._first_names.get(surname)
        if written is None:
            holders = self.scorer.quote_postings[at][:PERSON_SAMPLE].tolist()
            written = self._first_names[surname] = {
                fold(m.group(1)) for i in holders for m in FIRST_NAME.finditer(
                    self.entries[i].passage)
                if fold(m.group(2)) == surname and fold(m.group(1)) not in STOP_WORDS}
        return written

    def _effect_told_after(self, answers: list[Answer], top: int) -> list[Answer]:
        """The first answer's next passage, when it tells what that one's subject did,
        pointing back at it ("These actions are the annexation of Crimea, …" then "These
        policies have caused deterioration …"): asked what they did to relations, it answers
        first, with the score of the passage it follows from (the one the question's words
        found); that passage comes second."""
        first = answers[0].entry
        if self._entry_at is None:  # (built on the first such question: starts stay fast)
            self._entry_at = {(e.briefing_id, e.id): k for k, e in enumerate(self.entries)}
        at = self._entry_at.get((first.briefing_id, first.id))
        if at is None or at + 1 >= len(self.entries):
            return answers
        after = self.entries[at + 1]
        if after.expert is None or after.expert is not first.expert \
                or not POINTING_BACK.match(after.text) or not CAUSED.search(after.text):
            return answers
        rest = [a for a in answers if a.entry is not after]
        return [Answer(after, answers[0].score), *rest][:top]

    def _unwritten_acronym(self, text: str, found: Found, words: list[str]) -> str | None:
        """A word of three capitals or more inside a question otherwise written in small
        letters, that is a word of the briefing's only in small letters ("Did they discuss
        extending New START?": a treaty's name, no "start"), as written. (One the briefing
        writes so, "WTO", or capitalised inside a sentence, "FOREIGN minister", is its own.)"""
        letters = re.findall(r"[^\W\d_]+", text)
        if sum(w.isupper() for w in letters) * 2 > len(letters):
            return None  # (written in capitals: no names)
        for match in ACRONYM.finditer(text):
            word = match.group()
            folded = fold(word)
            if folded in words and (words.index(folded) in found.used
                                    or words.index(folded) in found.topic_used):
                continue
            if folded in STOP_WORDS or not is_common_word(folded) \
                    or not self.vocabulary.known(folded):
                # (A frequent word only, which capitals make a name; one no passage knows is
                # the names' rule's, unknown_subject; "ABD", "USSR" are no words made names.)
                continue
            capitalised = re.compile(rf"\b{re.escape(word)}\b|[\w,] {re.escape(word.title())}\b")
            if not any(capitalised.search(self.entries[i].passage)
                       for i in self._holding([folded])):
                return word
        return None

    def _name_altered(self, words: list[str]) -> str | None:
        """Three words, however written, that are a name of three the briefing writes with its
        middle word another, a real word no passage has ("the world health organization": its
        "World Trade Organization"), as the name asked."""
        for first, middle, last in zip(words, words[1:], words[2:], strict=False):
            if middle in STOP_WORDS or middle in self.vocabulary.index_of or not middle.isalpha() \
                    or not is_real_word(middle) or self.vocabulary.known(middle) \
                    or first in STOP_WORDS or last in STOP_WORDS:
                continue
            for i in self._holding([first, last]):
                written = self.entries[i].passage.split()
                # (Not its middle word shortened: "the retired intel colonel".)
                if any(all(w[:1].isupper() for w in three) and tokens(three[0]) == [first]
                       and tokens(three[2])[:1] == [last]
                       and not fold(three[1]).startswith(middle)
                       for three in zip(written, written[1:], written[2:], strict=False)):
                    return f"{first} {middle} {last}"
        return None

    def _unwritten_name(self, text: str) -> str | None:
        """A name of three capitalised words or more, inside the sentence, that no passage
        writes though one writes the name it extends ("Russia's Black Sea Fleet": the briefing
        writes the Black Sea, and no fleet; not "the Biden White House", whose first words
        are no name, nor "the Black Sea Strategy", whose last is the briefing's word)."""
        if all(w[:1].isupper() for w in text.split() if w[:1].isalpha()):
            return None  # (written all in capitals, or every word capitalised: no names)
        for match in LONG_NAME.finditer(text):
            before = text[:match.start()].rstrip()
            if not before or before[-1] in ".?!:;\"“«(-":
                continue
            name = match.group()
            head, last = name.rsplit(" ", 1)
            if fold(last) in MEETING_NOUNS or fold(last) in PERSON_TITLES:
                continue  # ("Mehmet Sait Mr. Dilek": a title before the surname)
            said = re.compile(rf"\b{re.escape(fold(last))}")
            if any(said.search(fold(" ".join((self.entries[i].passage,
                                               *self.entries[i].questions))))
                   for i in self._holding(tokens(last))):
                continue  # the last word is the briefing's, or its readers'
            if any(fold(head) in fold(self.entries[i].passage)
                   for i in self._holding(tokens(head))):
                return name.lower()  # a known name made another's ("Black Sea" + "Fleet")
        for match in TWO_WORD_NAME.finditer(text):
            # "What does Başbuğ say about the Northwest Passage?": a name of two capitalised
            # words inside the sentence, one of them a word no passage has, is no name of the
            # briefing's, whatever its parts resemble ("north", "routes"). (Not a person's:
            # "Vladimir Putin"; nor a title, "Mr. Berktay".)
            before = text[:match.start()].rstrip()
            if not before or before[-1] in ".?!:;\"“«(-" or before.split()[-1][:1].isupper():
                continue
            parts = tokens(match.group())
            # (Not a question opening after a greeting: "hey bot, Which Russian moves …")
            if len(parts) == 2 and not any(w in STOP_WORDS for w in parts) and any(
                    w not in self.vocabulary.index_of and w.isalpha() and len(w) > 3
                    and w not in PERSON_TITLES and is_real_word(w) for w in parts) \
                    and not any(self._person(w) for w in parts) and not any(
                    fold(match.group()) in fold(self.entries[i].passage)
                    for i in self._holding([w for w in parts if w in self.vocabulary.index_of])):
                return match.group().lower()  # (not "the United States", which they write)
        return None

    def _holding(self, words: list[str]) -> list[int]:
        """The entries indexed under every one of the words."""
        held: set[int] | None = None
        for word in words:
            at = self.vocabulary.index_of.get(word)
            rows = set() if at is None else set(self.index.postings[at].tolist())
            held = rows if held is None else held & rows
        return sorted(held or ())

    def _a_person(self, word: str) -> bool:
        """A person the briefing names, however spelt ("navalny": its "Navalni")."""
        return self._person(word) or (not is_real_word(word) and any(
            self._person(typo) for typo, _ in self.vocabulary.typos.matches(word, 3)))

    def _person(self, word: str) -> bool:
        """Does the briefing write `word` as a person's name? ("Putin" yes, "Sea" no.)

        Read from the entries that hold the word (at most `PERSON_SAMPLE` of them), once per
        word: the matcher is built in a fraction of a second however large the archive, so
        this is worked out when a question first needs it.
        """
        found = self._persons.get(word)
        if found is None and len(self._persons) >= PERSONS_KEPT:
            self._persons.clear()  # (every word asked is read once: readers' typos too)
        if found is None and (word in PLACES or _misspelt_place(word)):
            # "Taiwan China": China is nobody's surname; nor is the source's "Rejkjavik".
            found = self._persons[word] = False
        if found is None:
            found = self._persons[word] = self._written_person(word) \
                or self._person_spelt_otherwise(word) is not None
        return found

    def _written_person(self, word: str) -> bool:
        """Do the passages holding `word` write it as a person's name?"""
        at = self.vocabulary.index_of.get(word)
        holders = [] if at is None else self.index.postings[at][:PERSON_SAMPLE].tolist()
        return written_as_a_person(word, (self.entries[i].text for i in holders))

    def _person_spelt_otherwise(self, word: str) -> str | None:
        """The person's name the passages write a letter apart from `word`, no English word
        nor one they write as a name ("Navalny", an alias: their "Navalni"), or None."""
        if len(word) < 5 or not word.isalpha() or is_real_word(word):
            return None
        return next((typo for typo, _ in self.vocabulary.typos.matches(word, limit=3)
                     if typo[:1] == word[:1] and OSA.distance(word, typo) == 1
                     and not (typo in PLACES or _misspelt_place(typo))
                     and self._written_person(typo)), None)

    def _expert_position(self, expert_id: str | None) -> int | None:
        if expert_id is None:
            return None
        for i, expert in enumerate(self.experts):
            if expert.id == expert_id:
                return i
        raise KeyError(expert_id)


# The making of a document ("Why was this report written?", "ne amaçla hazırlanmış?"), and in
# Turkish the beginnings of its forms and of the document's words.
DOCUMENT_MAKING = frozenset(
    "prepare prepared prepares compile compiled compiles write written wrote produce produced "
    "put together".split())
TURKISH_DOCUMENT_MAKING = ("hazirla", "derlen", "derledi", "derlemis", "yazil", "yazdi",
                           "yazmis")
TURKISH_DOCUMENTS = ("rapor", "derleme", "yazi", "calisma", "degerlendirme", "brifing",
                     "makale", "metin", "metni")


def _without_making(words: list[str]) -> list[str]:
    """A document's purpose asked ("Why was this briefing prepared?", "Bu derleme ne amaçla
    hazırlanmış?"), without its making: what it is for is told where the briefing says why it
    gathers these views, not by who prepared it (the compiler's biography). Who made it,
    asked, is who compiled it."""
    said = set(words)
    purpose = bool(WHY_WORDS & said) or "purpose" in said or any(
        w.startswith("amac") for w in words)
    document = bool(DOCUMENT_WORDS & said) or any(w.startswith(TURKISH_DOCUMENTS)
                                                  for w in words)
    if document and not purpose and words[:1] == ["who"] and "and" not in words and any(
            w in DOCUMENT_MAKING and DOCUMENT_WORDS & set(words[k + 1:k + 3])
            for k, w in enumerate(words)):
        # "Who prepared this briefing?": its making, in the briefing's own word for it (the
        # compiler); "preparation" is also a word of the experts' points. (The document made,
        # right after the verb: "Who wrote about Iran in this briefing?" asks an expert.)
        return ["compiled" if w in DOCUMENT_MAKING else w for w in words]
    if not (purpose and document):
        return words
    return [w for w in words if w not in DOCUMENT_MAKING
            and not w.startswith(TURKISH_DOCUMENT_MAKING)]


def _prints_title(briefing: Briefing) -> bool:
    """Does the briefing's source print its title? (A source gone since the briefing was
    loaded prints nothing: the title is not given, and the question is read as any other.)"""
    try:
        return found_in(briefing.title, briefing.source.text)
    except OSError:
        return False


def _apostrophe_restored(found: re.Match[str]) -> str:
    """"japans" as "japan's"; an English word ("turkeys") as written, unless a country's
    stance or policy follows it ("turkeys position")."""
    word = found.group()
    owned = (found.group(2) or "").lower() in STANCE_NOUNS | COUNTRY_OWNED
    return word if is_english_word(word.lower()) and not owned else f"{found.group(1)}'s"


def country_of(word: str) -> str | None:
    """The country `word` names, as `COUNTRY_NAMES` write it ("icelandic", "izlanda":
    "iceland"), or None."""
    place = PLACE_ALIASES.get(word, TURKISH_NAMES.get(word, word))
    return place if place in COUNTRY_NAMES else None


def _second_kind(words: list[str], first: str | None) -> str | None:
    """The kind a second asking asks, after "and" ("When did the US buy Alaska, and for how
    much?", "Which city hosted the meeting and when?"), when it is another than the first's:
    the passage must give it too, or the question is only half answered."""
    for pos, word in enumerate(words[1:-1], 1):
        if word != "and":
            continue
        rest = words[pos + 1:]
        if rest[:1] == ["for"]:
            rest = rest[1:]  # "and for how much"
        if rest[:1] and rest[0] in SECOND_ASKINGS and (
                rest[1:2] == [] or rest[1] in AUXILIARIES or rest[1] in ASKED_DEGREES):
            # (a question of its own: "and where was it held", "and how much", "and when";
            # not a clause, "… and where he got it")
            kind = asked_kind(rest)
            return kind if kind != first else None
    return None


def _asks_occasion(words: list[str]) -> bool:
    """Does the question ask at which event something happened ("What gathering were the
    ministers attending?", "At which international gathering did they meet?")?"""
    return any(a in ("which", "what") and (b in OCCASION_NOUNS or (
        c in OCCASION_NOUNS and b not in STOP_WORDS))
        for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False)) and bool(
        ATTENDING & set(words))


def _only_in_names(text: str, word: str) -> bool:
    """Does `text` write the word, and only as part of a name ("North Korea")?"""
    at = list(re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))
    return bool(at) and all(
        m.group()[0].isupper() and QUALIFIED.match(text, m.start()) is not None for m in at)


def _only_left(text: str, country: str) -> bool:
    """Does `text` name the country, and only as a place left ("return from Germany")?"""
    said = tokens(text)
    at = [k for k, w in enumerate(said) if country_of(w) == country]
    return bool(at) and all(k > 0 and said[k - 1] == "from" for k in at)


def which_at(words: list[str]) -> int | None:
    """Where a question asking "which" has it: first, or after a preposition ("In which
    hotel …?", "To which network …?"); None for any other question."""
    if words[:1] == ["which"]:
        return 0
    return 1 if words[1:2] == ["which"] and words[0] in WHICH_OPENERS else None


# The prepositions a "which" question may open with.
WHICH_OPENERS = DEED_OPENERS | frozenset("to with by for".split())


def _instances_asked(words: list[str], found: Found, named: bool = False) -> str | None:
    """The kind of thing a "which" question asks instances of, a plural among its next three
    words ("Which Eastern European countries are …?": "countries"), or None. Not the experts
    nor the sides ("Which analysts …?", "Which side …?"). And so after "list the" ("list the
    specific EU sanctions imposed on Russia"; `named`: after "name the", which `words` no
    longer holds), "what" and a plural ("What sanctions …?"), and after an attribution
    ("According to Ozan, which …?")."""
    used = found.used
    opening = next((p for p in range(2, min(len(words), 7)) if words[p] in ("which", "what")),
                   None) if words[:2] == ["according", "to"] else None
    if opening is not None:
        # "According to Emre Ozan, which specific sanctions …?": asked after the attribution.
        words = words[opening:]
        used = {p - opening for p in used if p >= opening}
    at = which_at(words)
    if words[:2] == ["list", "the"]:
        at = 1
    elif named and words[:1] == ["the"]:
        at = 0
    if at is None and words[:1] == ["what"] and words[1:2] and _plural(words[1]) \
            and 1 not in used and words[1] not in SAID_THINGS:
        # "What sanctions did the US impose …?" asks as "Which sanctions …?" does (what was
        # said is told by its words: "What statements did they make?", "… stated that …").
        at = 0
    if at is None and words[:1] == ["what"] and SPECIFYING & set(words):
        # "What exactly are Russia's complaints about the USA?": instances asked for, the
        # first plural among the next five words (past an auxiliary and a name), before a
        # verb in the past ("What exactly made relations uneasy …?" asks a cause).
        for p, word in enumerate(words[1:6], 1):
            if word in IRREGULAR_PAST or (word.endswith("ed") and p not in used):
                return None
            if p not in used and _plural(word) and word not in STOP_WORDS \
                    and word not in PANEL_WORDS and word not in KIND_NOT_ASKED:
                return word
        return None
    if at is None:
        return None
    for p in range(at + 1, min(len(words), at + 4)):
        word = words[p]
        if (word in AUXILIARIES or word in SUBJECT_ENDS or word in KINDS or p in used
                or word in IRREGULAR_PAST or word.endswith("ed")):
            return None  # ("Which country sent warships …?": the country is asked)
        if _plural(word):
            return None if word in STOP_WORDS or word in PANEL_WORDS or word in KIND_NOT_ASKED \
                else word
    return None


def _plural(word: str) -> bool:
    """Is `word` written as an English plural ("countries", "complaints"; not "Belarus")?"""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


# Words asking for the particulars of a thing ("What exactly are …?", "What are Russia's
# specific complaints …?").
SPECIFYING = frozenset("exactly specific specifically concretely precisely".split())


# A tension, and the verbs of its rise ("When did tensions spike?").
TENSION_WORDS = frozenset("tension tensions friction frictions hostility".split())
RISING = frozenset("spike spiked spiking flare flared rise rose escalate escalated peak peaked "
                   "surge surged mount mounted grow grew increase increased".split())
# Companies, which a passage naming any writes as such ("energy production companies").
COMPANIES = frozenset("company companies firm firms corporation corporations business "
                      "businesses enterprise enterprises".split())
# Things said, whose instances a passage tells by what was said.
SAID_THINGS = frozenset(
    "statements remarks comments words messages signals warnings claims promises".split())
# Words asking for kinds of a thing, not its instances ("Which kinds of companies …?").
KINDS = frozenset("of kind kinds type types sort sorts".split())
# Plurals a "which" question asks of without asking for names ("Which sides …").
KIND_NOT_ASKED = frozenset("sides parties analysts commentators specialists".split())
# Words saying how many of a kind, which name none ("too many concessions").
_QUANTIFIERS = frozenset("several new certain various different numerous".split())
# Words pointing back at instances named before ("Russia, Canada, … These countries").
_POINTING = frozenset("these those both such all mentioned aforementioned".split())


# ... or what it is, said after it ("The most significant problem has been the escalation").
_NAMED_AFTER = re.compile(r"\s+(?:has been|have been)\s+the\b")
# What shows a kind's instances follow ("countries such as …", "regions (Arctic …)"), or
# what they are, told by a clause after it ("attitudes towards the Arctic Region, as well as in
# other regions, blaming each other and wanting to impede …").
_INSTANCES_FOLLOW = re.compile(
    r"[^.;]{0,40}?(?:[(:]|\b(?:such as|like|including|namely)\b)|[^.;]{0,60}?,\s+[a-z]+ing\b")
# ... or says what it is in a clause of its own ("on the condition that its interests …").
_SAID_AFTER = re.compile(r"\s+that\s")


# "…, were developments to be considered": what the kind is said of comes before it.
_COPULAS = frozenset("is are was were be been".split())


def _only_the_kind(text: str, kind: str, asked: Collection[str]) -> bool:
    """Does `text` write `kind` only as the question (its words `asked`) does ("Which Eastern
    European countries are bypassed?": "bypassing Eastern European countries"; "Which
    concessions …?": "too many concessions"), naming none of it: never after a capitalised
    word the question lacks ("Atatürk University", "Eastern European"), which names it, nor
    pointing back at names ("These countries"), nor before examples ("sectors such as
    defense") or a clause saying what it is ("the condition that …")? False when it does not
    write the word at all: it may name one in other words. (A word before it written in lower
    case, "energy production companies", only qualifies the kind: it names none of it.)"""
    singular = kind[:-1] if kind.endswith("s") else kind
    found = False
    for match in re.finditer(rf"\b{re.escape(singular)}s?\b", text, re.IGNORECASE):
        found = True
        before = tokens(text[:match.start()])[-2:]
        written = [w.lstrip("“\"'‘(") for w in text[:match.start()].split()[-2:]]
        capital = {t for w in written if w[:1].isupper() for t in tokens(w)}
        if (before[-1:] and before[-1] in _POINTING | _COPULAS) or any(
                w not in asked and w not in STOP_WORDS and w not in _QUANTIFIERS
                and w in capital for w in before):
            return False
        if _INSTANCES_FOLLOW.match(text, match.end()) or _NAMED_AFTER.match(text, match.end()) \
                or _SAID_AFTER.match(text, match.end()):
            return False
        opening = re.split(r"[.!?]\s", text[:match.start()])[-1]
        if before[-1:] == ["as"] and len([w for w in re.findall(r"\b[A-Z]\w+", opening)
                                         if fold(w) not in asked]) >= 2:
            return False  # named before, as the kind ("China, Japan, … follow … as observers")
    return found


def _speaks_on(text: str, on_what: Sequence[Collection[str]]) -> bool:
    """Does a sentence of `text` reporting someone's words hold one of the words of
    `on_what` (each a set of ways to write one)? True when there are none to hold."""
    if not on_what:
        return True
    for sentence in sentences(text):
        words = set(tokens(sentence))
        if REPORTED_SPEECH & words and any(w in ways for w in words for ways in on_what):
            return True
    return False


def _party(word: str) -> str | None:
    """The country (or union of countries) `word` names, Europe (and the Turkish "AB") read
    as the EU."""
    country = country_of(word)
    return "eu" if country == "europe" or word in ("ab", "european") else country


def _acts(text: str, country: str, on_what: Sequence[Collection[str]] = ()) -> bool:
    """Does `text` tell of `country` acting or speaking: named (as `country_of` reads its
    words) at most `ACTOR_REACH` words before one of `ACTOR_WORDS`, in one sentence holding
    one of the words of `on_what` (each a set of ways to write one), if any are given?"""
    for sentence in sentences(text):
        words = tokens(sentence)
        if on_what and not any(w in ways for w in words for ways in on_what):
            continue
        for at, word in enumerate(words):
            if word in ACTOR_WORDS and any(
                    _party(w) == country for w in words[max(0, at - ACTOR_REACH):at]):
                return True
    return False


def only_listed(text: str, country: str) -> bool:
    """Does `text` name `country` (as `country_of` reads its words) only in lists of names?"""
    def count(part: str) -> int:
        return sum(1 for w in tokens(part) if country_of(w) == country)
    named = count(text)
    return named > 0 and named == sum(count(m.group()) for m in LISTED.finditer(text))


def _offices_asked(words: list[str], found: Found) -> list[str]:
    """The countries whose office the question names ("Russia's president", "the president
    of Russia"), an expert's office ("the ambassador") left out."""
    places = []
    for pos, word in enumerate(words):
        if word not in OFFICE_WORDS or pos in found.used:
            continue
        before = [country_of(w) for w in words[max(0, pos - OFFICE_REACH):pos]]
        after = words[pos + 1:pos + 4]
        named = after[2:3] if after[1:2] == ["the"] else after[1:2]
        of = country_of(named[0]) if after[:1] == ["of"] and named else None
        place = next((c for c in reversed(before) if c is not None), None) or of
        if place is not None and place not in places:
            places.append(place)
    return places


def _office_at(words: list[str], pos: int) -> list[str]:
    """The whole office the word at `pos` is part of: "prime minister", not "prime"."""
    def office(w: str) -> bool:
        return w in OFFICE_WORDS or w in TURKISH_OFFICE_WORDS or w in OFFICIALS
    start = pos
    while start > 0 and office(words[start - 1]):
        start -= 1
    return [*words[start:pos], *itertools.takewhile(office, words[pos:])]


def _names_office(words: list[str], place: str) -> bool:
    """Do a passage's `words` name an office of `place`, its country a few words before the
    office ("Russian Foreign Minister") or after "of" ("President of Finland")?"""
    for pos, word in enumerate(words):
        if word not in OFFICE_WORDS:
            continue
        if any(country_of(w) == place for w in words[max(0, pos - OFFICE_REACH):pos]):
            return True
        after = words[pos + 1:pos + 4]
        if after[:1] == ["of"] and any(country_of(w) == place for w in after[1:3]):
            return True
    return False
