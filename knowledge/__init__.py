"""The briefing knowledge base: curated YAML, its source texts, the loader and the matcher.

Pure Python (standard library, pyyaml, rapidfuzz, numpy); never imports telegram.
"""

from knowledge.loader import KnowledgeError, default_directory, load_knowledge
from knowledge.matcher import Answer, Matcher, MatchResult
from knowledge.models import Briefing, Entry, Expert, KnowledgeBase, Topic
from knowledge.settings import DEFAULT_SETTINGS, MatcherSettings

__all__ = [
    "DEFAULT_SETTINGS",
    "Answer",
    "Briefing",
    "Entry",
    "Expert",
    "KnowledgeBase",
    "KnowledgeError",
    "MatchResult",
    "Matcher",
    "MatcherSettings",
    "Topic",
    "default_directory",
    "load_knowledge",
]
