"""The one place that loads jieba and builds the spaCy pipeline.

Departments are the words that matter in a plan, and jieba does not know
them: it cuts 国家发展改革委会同 into 国家/发展/改/革委会/同. So at first use
(never at import) jieba's dictionary is extended with every department name
the gazetteer lists and every body in ``data/department_patterns.yml``, and
the same data becomes the patterns of a spaCy ``entity_ruler`` over a blank
``zh`` pipeline whose tokenizer is jieba (spaCy's ``ChineseTokenizer`` calls
the module-level ``jieba.cut``, so the words added here apply to it too).

- :func:`segment` and :func:`segment_for_search` cut text into words for the
  full-text index;
- :func:`find_departments` gives the departments named in a text, with their
  spans.

>>> segment("国家发展改革委会同各地研究")
['国家发展改革委', '会同', '各地', '研究']
>>> find_departments("省科技厅要加强指导")
[('省科技厅', 0, 4)]
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import yaml

from .departments import load_gazetteer
from .patterns.parts import HAN, words as literal_words

LABEL = "DEPARTMENT"

# a department name is Han characters only (parts.HAN): this keeps 2025年 and
# PM2.5 out of the place-name pattern and out of jieba's dictionary


@dataclass(frozen=True)
class DepartmentPatterns:
    """The shape of department names (``data/department_patterns.yml``,
    read by :mod:`policykb.vocab.departments`).

    Passed to :func:`build_nlp` so tests and other genres can swap it.
    """

    levels: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    not_places: tuple[str, ...]
    bodies: tuple[str, ...]
    standalone: tuple[str, ...]
    endings: tuple[str, ...] = ()
    not_endings: tuple[str, ...] = ()
    guards: tuple[tuple[str, str], ...] = ()  # (name ending, next characters)
    list_separator: str = ""  # 、 in 省发改委、生态环境厅: a bare body after it shares the level word

    @classmethod
    def from_data(cls, data: dict) -> "DepartmentPatterns":
        """The patterns of parsed ``department_patterns.yml`` data.

        >>> DepartmentPatterns.from_data({"levels": ["省"], "list_separator": "、"}).list_separator
        '、'
        """
        guards = tuple((end, tail) for end, tails in (data.get("guards") or {}).items() for tail in tails)
        return cls(guards=guards, list_separator=data.get("list_separator") or "",
                   **{key: tuple(data.get(key) or ()) for key in
                      ("levels", "place_suffixes", "not_places", "bodies", "standalone", "endings", "not_endings")})

    @classmethod
    def from_yaml(cls, text: str) -> "DepartmentPatterns":
        """Read the lists from YAML text.

        >>> DepartmentPatterns.from_yaml("levels: [省]\\nbodies: [科技厅]").bodies
        ('科技厅',)
        """
        return cls.from_data(yaml.safe_load(text) or {})

    def words(self, names: Iterable[str] = ()) -> list[str]:
        """The words jieba must keep whole: bodies and standalone names, the
        level+body pairs whose level is a word of its own (区县政府, not
        区/县政府), other ``names`` (the gazetteer's), and last the guards,
        so that they beat the names they extend: 生态环境部门 ("environment
        departments") is not 生态环境部 followed by 门.

        >>> DepartmentPatterns.from_yaml("guards: {部: [门]}").words(["商务部"])
        ['商务部', '商务部门']
        """
        joined = [level + body for level in self.levels if len(level) > 1 for body in self.bodies]
        words = list(dict.fromkeys([*self.bodies, *self.standalone, *joined, *names]))
        guards = [word + tail for word in words for end, tail in self.guards if word.endswith(end)]
        return list(dict.fromkeys(words + guards))

    def token_patterns(self) -> list[dict]:
        """Entity-ruler patterns over jieba tokens (no ``id``: the gazetteer resolves them)."""
        bodies = list(self.bodies)
        # jieba keeps some level+body pairs in one token (市政府, 市委)
        joined = [level + body for level in self.levels for body in bodies]
        place = (rf"^(?!(?:{_alternatives(self.not_places)})$)"
                 rf"[{HAN}]{{2,8}}(?:{_alternatives(self.place_suffixes)})$")
        patterns = [
            # 省 / 科技厅
            [{"ORTH": {"IN": list(self.levels)}}, {"ORTH": {"IN": bodies}}],
            # 安徽省 / 生态环境厅
            [{"ORTH": {"REGEX": place}}, {"ORTH": {"IN": bodies}}],
            # 市政府, 财政部
            [{"ORTH": {"IN": joined + list(self.standalone)}}],
        ]
        if self.endings:
            # 省 / 退役军人 / 事务厅: words of two or more characters, so that
            # 市/要/…/局 never joins across a clause
            word = rf"^[{HAN}]{{2,}}$"
            last = (rf"^(?!(?:{_alternatives(self.not_endings)})$)"
                    rf"[{HAN}]*(?:{_alternatives(self.endings)})$")
            patterns.append([{"ORTH": {"IN": list(self.levels)}},
                             {"ORTH": {"REGEX": word}, "OP": "{1,4}"},
                             {"ORTH": {"REGEX": last}}])
        return [{"label": LABEL, "pattern": p} for p in patterns]


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (matching nothing when empty)."""
    return literal_words(words) or "(?!)"


def load_patterns(vocab=None) -> DepartmentPatterns:
    """The department patterns of ``vocab`` (default: the shipped vocabulary)."""
    from .vocab import default_vocabulary

    return default_vocabulary(vocab).departments.patterns


def gazetteer_aliases(vocab=None) -> list[tuple[str, str]]:
    """``(written form, canonical name)`` for every name the gazetteer lists:
    its aliases, and each department's own short and full names."""
    pairs = {}
    for written, dept in load_gazetteer(vocab).aliases():
        for form in (written, dept.name, dept.full_name):
            if form and re.search(rf"[{HAN}]", form):
                pairs.setdefault(form, dept.name)
    return list(pairs.items())


_jieba_words: set[str] = set()  # words this module has added to jieba
_jieba_lock = threading.Lock()  # Datasette may segment from several threads


def load_jieba(words: Iterable[str] = ()):
    """jieba, initialised once, with ``words`` added to its dictionary.

    Each word gets the frequency jieba suggests to keep it whole
    (``suggest_freq``), which is just enough to beat its own pieces and so
    does not pull neighbouring characters in.
    """
    import jieba

    with _jieba_lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
        for word in words:
            # jieba cuts text at punctuation before it looks words up, so a
            # name like 各区县（自治县）人民政府 can only be matched by the ruler
            if word not in _jieba_words and re.fullmatch(rf"[{HAN}]+", word):
                jieba.add_word(word, freq=jieba.suggest_freq(word, tune=False))
                _jieba_words.add(word)
    return jieba


@lru_cache(maxsize=None)
def _default_jieba():
    return load_jieba(load_patterns().words(written for written, _ in gazetteer_aliases()))


def build_nlp(patterns: DepartmentPatterns | None = None,
              aliases: Iterable[tuple[str, str]] | None = None):
    """A blank ``zh`` pipeline with the jieba segmenter and a department ruler.

    ``patterns`` defaults to the shipped data, ``aliases`` (written form,
    canonical name) to the gazetteer's. Their words are added to jieba's
    dictionary first, so the ruler's phrase patterns are cut as the text is.
    """
    import spacy

    patterns = patterns or load_patterns()
    aliases = list(gazetteer_aliases() if aliases is None else aliases)
    load_jieba(patterns.words(written for written, _ in aliases))
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    tokens = patterns.token_patterns()
    with nlp.select_pipes(disable=["entity_ruler"]):
        ruler.add_patterns([{"label": LABEL, "pattern": written, "id": name} for written, name in aliases] + tokens)
    from .ruler import windowed

    windowed(ruler, [p["pattern"] for p in tokens])
    _register_components()
    nlp.add_pipe("department_lists", config={"bodies": list(patterns.bodies), "ids": dict(aliases),
                                             "separator": patterns.list_separator})
    return nlp


class JiebaTokenizer:
    """spaCy's ``ChineseTokenizer`` with the jieba segmenter, giving the same
    tokens, without its alignment's copy of the rest of the text at every
    word (quadratic in the text's length)."""

    segmenter = "jieba"  # as spaCy's tokenizer names it

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words, spaces = words_and_spaces([w for w in _default_jieba().cut(text, cut_all=False) if w], text)
        return Doc(self.vocab, words=words, spaces=spaces)


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    r"""``spacy.util.get_words_and_spaces``: the tokens of ``text`` cut at
    ``words`` (runs of whitespace their own tokens, one space after a word
    its trailing space).

    >>> words_and_spaces(["省", " ", "科技厅", "\n\n", "要"], "省 科技厅\n\n要")
    (['省', '科技厅', '\n\n', '要'], [True, False, False, False])
    """
    out, spaces, at = [], [], 0
    for word in words:
        if word.isspace():
            continue
        start = text.index(word, at)
        if start > at:
            out.append(text[at:start])
            spaces.append(False)
            at = start
        out.append(word)
        at += len(word)
        spaces.append(at < len(text) and text[at] == " ")
        at += spaces[-1]
    if at < len(text):
        out.append(text[at:])
        spaces.append(False)
    return out, spaces


class DepartmentLists:
    """spaCy component after the ruler: bodies listed bare after a department
    share its level word (省发改委、生态环境厅要抓紧研究), so each becomes a
    department too; and every department the gazetteer lists gets its
    canonical name as ``ent_id_``, however jieba cut it (市/生态环境局 matches a
    generic pattern, 市生态环境局 the gazetteer's phrase).
    """

    def __init__(self, bodies: Iterable[str], ids: dict[str, str], separator: str = ""):
        self.bodies = frozenset(bodies)
        self.ids = ids
        self.separator = separator  # the list separator (DepartmentPatterns.list_separator)

    def __call__(self, doc):
        from spacy.tokens import Span

        ents = []
        for ent in doc.ents:
            ents.append(ent)
            i = ent.end
            while (i + 1 < len(doc) and doc[i].text == self.separator and doc[i + 1].text in self.bodies
                   and not doc[i + 1].ent_type_):
                ents.append(Span(doc, i + 1, i + 2, label=LABEL))
                i += 2
        ents = [Span(doc, e.start, e.end, label=e.label, span_id=self.ids[e.text])
                if not e.ent_id_ and e.text in self.ids else e for e in ents]
        doc.ents = sorted(ents, key=lambda span: span.start)
        return doc


def _register_components() -> None:
    """Register the factories with spaCy (here, so importing this module does
    not import spaCy)."""
    from spacy.language import Language

    if not Language.has_factory("department_lists"):
        Language.factory("department_lists", default_config={"bodies": [], "ids": {}, "separator": ""},
                         func=lambda nlp, name, bodies, ids, separator: DepartmentLists(bodies, ids, separator))


def get_nlp(vocab=None):
    """The pipeline built from the patterns and the gazetteer of ``vocab``
    (default: the shipped vocabulary), once per vocabulary."""
    from .vocab import default_vocabulary

    return _nlp_of(default_vocabulary(vocab))


@lru_cache(maxsize=None)
def _nlp_of(vocab):
    _default_jieba()
    return build_nlp(load_patterns(vocab), gazetteer_aliases(vocab))


def segment(text: str) -> list[str]:
    """jieba's words for ``text``, department names kept whole (no spaces).

    >>> segment("省生态环境厅要加强协调调度")
    ['省', '生态环境厅', '要', '加强', '协调', '调度']
    """
    return [w for w in _default_jieba().lcut(text) if w.strip()]


def cut(text: str) -> list[str]:
    """jieba's pieces of ``text``, spaces included (their lengths add up to the text's)."""
    return _default_jieba().lcut(text)


def segment_for_search(text: str) -> list[str]:
    """Words for a full-text index: also the shorter words inside long ones,
    so a search for 改革 finds 发展改革委.

    >>> segment_for_search("发展改革委")
    ['发展', '改革', '发展改革委']
    """
    return [w for w in _default_jieba().lcut_for_search(text) if w.strip()]


#: the text :func:`find_departments` read last and its words' (start, length):
#: the search index reuses them instead of cutting the text again
_last_words: dict = {}


def last_words(length: int):
    """``(start, length)`` of the words of the text :func:`find_departments`
    read last, when that text had ``length`` characters (else None)."""
    text = _last_words.get("text")
    return _last_words["words"] if text is not None and len(text) == length else None


def expand_for_search(words: Iterable[str]) -> list[str]:
    """Each word preceded by the dictionary words of two and three characters
    inside it, as jieba's search mode gives them (so a search for 改革 finds
    发展改革委), without cutting the text again.

    >>> expand_for_search(["发展改革委", "会同"])
    ['发展', '改革', '发展改革委', '会同']
    """
    freq = _default_jieba().dt.FREQ
    out = []
    for word in words:
        for n in (2, 3):
            if len(word) > n:
                out.extend(gram for gram in (word[i:i + n] for i in range(len(word) - n + 1)) if freq.get(gram))
        out.append(word)
    return out


def find_departments(text: str, nlp=None) -> list[tuple[str, int, int]]:
    """The departments named in ``text``: ``(as_written, start, end)``, in order.

    ``nlp`` defaults to :func:`get_nlp`; pass one from :func:`build_nlp` to
    use other patterns or aliases.

    >>> find_departments("市发展改革委、市生态环境局要加强协调调度")
    [('市发展改革委', 0, 6), ('市生态环境局', 7, 13)]
    """
    from spacy.attrs import IDX, LENGTH

    doc = (nlp or get_nlp())(text)
    _last_words.update(text=text, words=doc.to_array([IDX, LENGTH]).tolist() if len(doc) else [])
    return [(ent.text, ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == LABEL]
