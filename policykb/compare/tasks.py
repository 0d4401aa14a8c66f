"""Task lineage: for each task of a child plan (one that cites a loaded
plan, :func:`.lineage.parent_documents`), the cited plan's task it
implements, found by text similarity over jieba words.

Each task is a bag of words: its text without its department notes
(牵头/负责 say who, not what), its title counted ``title_weight`` times and
the titles of the headings above it ``heading_weight`` times (a provincial
plan files its tasks under the national plan's headings). Words are
weighted by TF-IDF, the IDF taken over the parent plan's tasks, and the
child task links to the parent task of highest cosine when that reaches
``threshold`` (``task_lineage`` of ``data/indicators.yml``); the score is
kept.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Callable, Iterable

import sqlite_utils

from .lineage import parent_documents


def _default_segment(text: str) -> list[str]:
    from ..nlp import segment

    return segment(text)


class TaskWords:
    """Cuts a task into its counted words (``settings``: ``task_lineage`` data)."""

    def __init__(self, settings: dict, segment: Callable[[str], list[str]] = _default_segment):
        self.settings = settings
        self.segment = segment
        self.stop = frozenset(settings.get("stop_words") or ())
        self.min_length = int(settings.get("min_length", 2))

    def words(self, text: str | None) -> list[str]:
        """The words of ``text`` that count: long enough, not stop words, with a Han character or a letter.

        >>> TaskWords({"stop_words": ["b"]}, segment=str.split).words("a bb b cc 12")
        ['bb', 'cc']
        """
        return [w for w in self.segment(text or "") if len(w) >= self.min_length and w not in self.stop
                and any(ch.isalpha() for ch in w) and not w.isdigit()]

    def bag(self, task: dict) -> Counter:
        """The counted words of ``task`` (title, text, notes as JSON, headings)."""
        text = task.get("text") or ""
        for note in json.loads(task.get("notes") or "[]"):
            text = text.replace(note.get("text") or "", "")
        bag = Counter(self.words(text))
        for word in self.words(task.get("title")):
            bag[word] += self.settings.get("title_weight", 1)
        for heading in task.get("headings") or ():
            for word in self.words(heading):
                bag[word] += self.settings.get("heading_weight", 1)
        return bag


def idf(bags: Iterable[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency of every word of ``bags``.

    >>> sorted(idf([Counter("ab"), Counter("a")]).items())
    [('a', 1.0), ('b', 1.4054651081081644)]
    """
    bags = list(bags)
    seen = Counter(word for bag in bags for word in bag)
    return {word: 1.0 + math.log((1 + len(bags)) / (1 + n)) for word, n in seen.items()}


def vector(bag: Counter, weights: dict[str, float]) -> dict[str, float]:
    """``bag`` weighted by ``weights`` (a word outside them counts as the rarest) and L2-normalised."""
    top = max(weights.values(), default=1.0)
    raw = {word: (1 + math.log(n)) * weights.get(word, top) for word, n in bag.items() if n > 0}
    norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    return {word: v / norm for word, v in raw.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two normalised vectors.

    >>> cosine({"x": 1.0}, {"x": 1.0}), cosine({"x": 1.0}, {"y": 1.0})
    (1.0, 0)
    """
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[word] for word, v in a.items() if word in b)


class ParentIndex:
    """The tasks of one parent plan, ready to score child tasks against.

    >>> words = TaskWords({}, segment=str.split)
    >>> index = ParentIndex([{"key": "p1", "text": "coal power"}, {"key": "p2", "text": "green buildings"}], words)
    >>> index.best({"text": "cleaner coal"}, 0.1)
    ('p1', 0.5)
    >>> index.best({"text": "water"}, 0.1) is None
    True
    """

    def __init__(self, tasks: list[dict], words: TaskWords):
        self.words = words
        self.keys = [task["key"] for task in tasks]
        bags = [words.bag(task) for task in tasks]
        self.weights = idf(bags)
        self.vectors = [vector(bag, self.weights) for bag in bags]

    def best(self, child: dict, threshold: float) -> tuple[str, float] | None:
        """The key of the task nearest ``child`` and its score; None below ``threshold``."""
        query = vector(self.words.bag(child), self.weights)
        scored = [(round(cosine(query, v), 4), -i) for i, v in enumerate(self.vectors)]
        if not scored:
            return None
        score, index = max(scored)
        return (self.keys[-index], score) if score >= threshold else None


def document_tasks(db: sqlite_utils.Database) -> dict[str, list[dict]]:
    """Each document's tasks in order, each with the titles of the headings above it."""
    sections = {row["key"]: row for row in db.query("select key, title, parent from sections")} \
        if db["sections"].exists() else {}
    tasks: dict[str, list[dict]] = {}
    for row in db.query("select key, document, section, title, text, notes from tasks order by document, sort_key"):
        headings, key = [], (sections.get(row["section"]) or {}).get("parent")
        while key in sections:
            headings.append(sections[key]["title"])
            key = sections[key]["parent"]
        tasks.setdefault(row["document"], []).append({**row, "headings": headings})
    return tasks


def task_lineage_rows(db: sqlite_utils.Database, settings: dict, words: TaskWords | None = None) -> list[dict]:
    """One row per child task that links to a task of a plan it cites."""
    words = words or TaskWords(settings)
    threshold = float(settings.get("threshold", 0.0))
    tasks = document_tasks(db) if db["tasks"].exists() else {}
    indexes: dict[str, ParentIndex] = {}
    rows = []
    for child_doc, parents in parent_documents(db).items():
        for task in tasks.get(child_doc, []):
            found = []
            for parent in parents:
                if parent in tasks:
                    index = indexes.setdefault(parent, ParentIndex(tasks[parent], words))
                    hit = index.best(task, threshold)
                    found += [(hit[1], parent, hit[0])] if hit else []
            if found:
                score, parent, key = max(found)
                rows.append({"task": task["key"], "document": child_doc, "parent_document": parent,
                             "parent_task": key, "score": score})
    return rows
