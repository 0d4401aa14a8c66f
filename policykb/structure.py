"""Stage 2: text -> document metadata and the section tree (GB/T 9704).

``parse_structure(source)`` reads a :class:`~policykb.models.Source` into the
plan's :class:`~policykb.models.Document` fields (title, 发文字号, issuer,
成文日期, jurisdiction, cited document numbers) and its numbered
:class:`~policykb.models.Section` list, in reading order.

How a plan is laid out:

* an optional **cover notice** (国务院关于印发X的通知, 文号, 主送, a few lines,
  signature, 成文日期, （此件公开发布）) that transmits the plan;
* the **plan title**, often printed over two or three lines;
* the **body**, numbered down the ladder ``第一部分`` > ``一、`` > ``（一）`` >
  ``1．`` > ``（1）`` > ``①``; full- and half-width labels are one label
  because matching is done on ``Source.norm``;
* an optional tail (signature, 附件, 抄送) that is not part of the body.

Every regex matches ``Source.norm`` (same length as ``Source.text``); output
strings are sliced from ``Source.text``. The words of that layout (part words,
notice words, issuer endings) are data in ``data/structure.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .data import alternation, load_yaml
from .models import Document, Section, Source
from .numerals import Numerals, load_numerals, parse_chinese_number, parse_circled

# styles of heading labels, highest first (GB/T 9704 order)
STYLES = ("part", "cn", "paren_cn", "arabic", "paren_arabic", "circled")

# a numbered heading may skip a number or two (a heading lost inside a joined
# PDF line) but a bigger jump means the label is not the next heading
MAX_GAP = 3

# a line of the title block is short; a longer line is a paragraph
TITLE_LINE_MAX = 60

# a text of very few, very long lines is scraper output with its paragraphs
# joined: split it where a new paragraph plainly starts
JOINED_LINE_MIN = 600

# a heading broken over two printed lines leaves a short second line
HEADING_TAIL_MAX = 16
# ... and only a line as long as a printed line can have been broken
WRAPPED_LINE_MIN = 18

SENTENCE_END = "。！？"
CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Vocabulary:
    """The words of document layout the parser relies on (``data/structure.yml``)."""

    part_words: tuple[str, ...]
    about: str
    transmit: tuple[str, ...]
    notice_kinds: tuple[str, ...]
    title_kinds: tuple[str, ...]
    publication_notes: tuple[str, ...]
    appendix_words: tuple[str, ...]
    closing_words: tuple[str, ...]
    issuer_suffixes: tuple[str, ...]
    national_issuers: tuple[str, ...]
    national_issuer_endings: tuple[str, ...]
    national_name: str
    place_suffixes: tuple[str, ...]
    place_prefixes: tuple[str, ...]
    doc_number_stops: tuple[str, ...]
    national_markers: tuple[str, ...] = ()
    province_markers: tuple[str, ...] = ()
    city_markers: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    province_short_names: tuple[tuple[str, str], ...] = ()
    mastheads: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    not_place_starts: tuple[str, ...] = ()
    note_words: tuple[str, ...] = ()
    numerals: Numerals = field(default_factory=load_numerals, hash=False, compare=False)


@lru_cache(maxsize=None)
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped in ``policykb/data/structure.yml``."""
    data = load_yaml("structure.yml")
    places = load_yaml("places.yml")["provinces"]
    return Vocabulary(
        part_words=tuple(data["part_words"]),
        about=data["notice"]["about"],
        transmit=tuple(data["notice"]["transmit"]),
        mastheads=tuple(data["mastheads"]),
        not_places=tuple(data["not_places"]),
        not_place_starts=tuple(data["not_place_starts"]),
        note_words=tuple(data["note_words"]),
        notice_kinds=tuple(data["notice"]["kinds"]),
        title_kinds=tuple(data["title_kinds"]),
        publication_notes=tuple(data["publication_notes"]),
        appendix_words=tuple(data["appendix_words"]),
        closing_words=tuple(data["closing_words"]),
        issuer_suffixes=tuple(data["issuer_suffixes"]),
        national_issuers=tuple(data["national_issuers"]),
        national_issuer_endings=tuple(data["national_issuer_endings"]),
        national_name=data["national_name"],
        place_suffixes=tuple(data["place_suffixes"]),
        place_prefixes=tuple(data["place_prefixes"]),
        doc_number_stops=tuple(data["doc_number_stops"]),
        national_markers=tuple(data["national_markers"]),
        province_markers=tuple(data["province_markers"]),
        city_markers=tuple(data["city_markers"]),
        provinces=tuple(places),
        province_short_names=tuple(places.items()),
    )


@dataclass(frozen=True)
class Patterns:
    """Regexes built once from a :class:`Vocabulary`; all match folded text."""

    label: re.Pattern
    date: re.Pattern
    doc_number: re.Pattern
    bare_doc_number: re.Pattern
    place: re.Pattern
    joined_cn_head: re.Pattern


@lru_cache(maxsize=None)
def build_patterns(vocab: Vocabulary) -> Patterns:
    n = vocab.numerals
    cn = "[" + re.escape(n.chars) + "]+"
    cn_digits = "[" + re.escape("".join(n.digits)) + "]"
    cn_small = "[" + re.escape("".join(n.digits) + "".join(n.units)) + "]"
    label = re.compile(
        # each alternative names the style; ``num`` groups hold the number
        rf"(?P<part>第(?P<n_part>{cn})(?:{alternation(vocab.part_words)}))[ 、]*"
        rf"|(?P<cn>(?P<n_cn>{cn})[、.])"
        rf"|(?P<paren_cn>（(?P<n_paren_cn>{cn})）)"
        # 1. / 1、 but not 1.5万吨 or 2.1.3
        rf"|(?P<arabic>(?P<n_arabic>\d{{1,3}})(?:\.(?![\d.%])|\.(?=\d{{1,2}}月)|、))"
        # （1） and the half-open 1） some plans print
        rf"|(?P<paren_arabic>（?(?P<n_paren_arabic>\d{{1,3}})）)"
        rf"|(?P<circled>(?P<n_circled>[{re.escape(n.circled)}]))"
    )
    date = re.compile(
        rf"(?P<y>\d{{4}}|{cn_digits}{{4}})\s*年\s*(?P<m>\d{{1,2}}|{cn_small}{{1,3}})\s*月"
        rf"\s*(?P<d>\d{{1,2}}|{cn_small}{{1,3}})\s*日"
    )
    # 渝府发〔2022〕39号; the prefix is cut at the stop words afterwards
    doc_number = re.compile(rf"(?P<code>[{CJK}]{{1,10}})[〔【（](?P<y>(?:19|20)\d\d)[〕】）](?P<n>\d{{1,5}})号")
    # scraper output that lost its brackets: 粤府201759号, only at a line start
    bare_doc_number = re.compile(rf"(?P<code>[{CJK}]{{1,6}})(?P<y>(?:19|20)\d\d)(?P<n>\d{{1,4}})号")
    place = re.compile(
        rf"^(?:{alternation(vocab.place_prefixes)})?"
        rf"(?P<place>[{CJK}]{{2,7}}?(?:{alternation(vocab.place_suffixes)}))"
    )
    # 一、 inside a joined line only counts when a short heading follows it
    joined_cn_head = re.compile(rf"{cn_small}+、[^。，；]{{2,24}}?(?:。|（{cn_small}{{1,3}}）)")
    return Patterns(label=label, date=date, doc_number=doc_number, bare_doc_number=bare_doc_number, place=place,
                    joined_cn_head=joined_cn_head)


# ---------------------------------------------------------------- lines


@dataclass(frozen=True)
class Line:
    """One non-blank line: its span in the text (spaces trimmed) and folded text."""

    start: int
    end: int
    norm: str


def split_lines(norm: str, patterns: Patterns | None = None) -> list[Line]:
    """Non-blank lines of ``norm`` with their spans, spaces trimmed.

    >>> [(l.start, l.norm) for l in split_lines(" 一、总体要求\\n\\n（一）目标。\\n")]
    [(1, '一、总体要求'), (9, '（一）目标。')]
    """
    lines = []
    for m in re.finditer(r"[^\n]+", norm):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    if lines and len(norm) / len(lines) > JOINED_LINE_MIN:
        lines = [part for line in lines for part in _split_joined(line, patterns or build_patterns(load_vocabulary()))]
    return lines


def _split_joined(line: Line, patterns: Patterns) -> list[Line]:
    """Split a scraper line that holds many paragraphs: at runs of spaces, and
    where a ``一、`` or ``（一）`` label follows a sentence end; a short ``一、``
    heading run into its first ``（一）`` is split too."""
    s = line.norm
    cuts = {0, len(s)}
    for m in re.finditer(r" +", s):
        cuts.update((m.start(), m.end()))
    for m in re.finditer(r"[。；）]", s):
        label = patterns.label.match(s, m.end())
        if label and (label.group("paren_cn") or label.group("part") or patterns.joined_cn_head.match(s, m.end())):
            cuts.add(m.end())
            if label.group("cn"):
                sub = re.compile(r"（[^（）]{1,3}）").search(s, label.end(), label.end() + 24)
                if sub and not any(ch in s[label.end():sub.start()] for ch in SENTENCE_END):
                    cuts.add(sub.start())
    out = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        piece = s[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            text = piece.strip()
            out.append(Line(line.start + a + lead, line.start + a + lead + len(text), text))
    return out


# ---------------------------------------------------------------- small readers


def parse_date(text: str, vocab: Vocabulary | None = None) -> str | None:
    """ISO form of the first date in ``text`` (Arabic or Chinese numerals).

    >>> parse_date("2022年9月18日"), parse_date("二〇二二年九月十八日")
    ('2022-09-18', '2022-09-18')
    >>> parse_date("到2025年") is None
    True
    """
    vocab = vocab or load_vocabulary()
    m = build_patterns(vocab).date.search(text)
    if not m:
        return None
    parts = []
    for key in ("y", "m", "d"):
        s = m.group(key)
        value = int(s) if s.isdigit() else parse_chinese_number(s, vocab.numerals)
        if value is None:
            return None
        parts.append(value)
    y, mo, d = parts
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_date_line(line: str, vocab: Vocabulary | None = None) -> bool:
    """True for a line that is only a date: the 成文日期 under a signature.

    >>> is_date_line("2022年9月18日  "), is_date_line("（2018年12月29日）")
    (True, True)
    >>> is_date_line("2022年9月18日印发"), is_date_line("到2025年9月底前完成。")
    (False, False)
    """
    vocab = vocab or load_vocabulary()
    s = line.strip().strip("（）")
    m = build_patterns(vocab).date.fullmatch(s.strip())
    return bool(m) and parse_date(s, vocab) is not None


def find_doc_numbers(norm: str, vocab: Vocabulary | None = None) -> list[tuple[int, int, str]]:
    """Document numbers (发文字号) in folded text: (start, end, number with 〔〕).

    >>> [n for _, _, n in find_doc_numbers("根据《通知》（国发〔2021〕33号）和黑环办发〔2021〕119号")]
    ['国发〔2021〕33号', '黑环办发〔2021〕119号']
    >>> [n for _, _, n in find_doc_numbers("的通知工信节〔2019〕58号各市")]
    ['工信节〔2019〕58号']
    """
    vocab = vocab or load_vocabulary()
    out = []
    for m in build_patterns(vocab).doc_number.finditer(norm):
        code = _cut_code(m.group("code"), vocab)
        if not code:
            continue
        start = m.start("code") + len(m.group("code")) - len(code)
        out.append((start, m.end(), f"{code}〔{m.group('y')}〕{m.group('n')}号"))
    return out


def _cut_code(code: str, vocab: Vocabulary) -> str:
    """The issuer code of a document number, without the words before it."""
    cut = 0
    for stop in vocab.doc_number_stops:
        i = code.rfind(stop)
        if i >= 0:
            cut = max(cut, i + len(stop))
    return code[cut:][-6:]


def find_jurisdiction(names: list[str | None], vocab: Vocabulary | None = None) -> str | None:
    """Whose departments 市/省 refer to: the place an issuer or title names,
    or the whole country for the State Council and ministries.

    >>> find_jurisdiction(["重庆市人民政府"]), find_jurisdiction([None, "东川省“十四五”节水增效实施方案"])
    ('重庆市', '东川省')
    >>> find_jurisdiction(["国务院办公厅"]), find_jurisdiction(["中共南岭市委宣传工作委员会办公室"])
    ('全国', '南岭市')
    >>> find_jurisdiction([None, "推进城市更新行动方案"]) is None
    True
    """
    vocab = vocab or load_vocabulary()
    pattern = build_patterns(vocab).place
    for name in names:
        if not name:
            continue
        if name.startswith(vocab.national_issuers):
            return vocab.national_name
        m = pattern.match(name.removeprefix(vocab.about))
        if m and not m.group("place").endswith(vocab.not_places):
            return m.group("place")
    for name in names[:1]:
        if name and name.split("、")[0].endswith(vocab.national_issuer_endings):
            return vocab.national_name
    return None


def guess_jurisdiction(norm: str, vocab: Vocabulary | None = None) -> str | None:
    """Jurisdiction from the text's own words, when no issuer or title names a place.

    A text that speaks of 全国 is national; one that speaks of 全省/我省 belongs
    to the province it names most often; one that speaks of 全市/我市 to the
    X市 it names most often where a line or clause starts. When no name stands
    out the answer is None: a city plan is never given its province.

    >>> guess_jurisdiction("全国各地区要落实。各地区要加强。")
    '全国'
    >>> guess_jurisdiction("江苏全省推进。我省将在江苏沿海和江苏南部试点。")
    '江苏省'
    >>> guess_jurisdiction("南岭市节水方案\\n全市推进。南岭市水务局负责，我市在江苏试点，江苏全面推广。")
    '南岭市'
    >>> guess_jurisdiction("南岭市水务局\\n全国推广。南岭市、南岭市、全国")
    '南岭市'
    >>> guess_jurisdiction("全市推进。我市将在城市更新中试点，江苏全面推广，江苏先行。") is None
    True
    """
    vocab = vocab or load_vocabulary()
    national = sum(norm.count(w) for w in vocab.national_markers)
    province = sum(norm.count(w) for w in vocab.province_markers)
    city = sum(norm.count(w) for w in vocab.city_markers)
    named = _most_named_city(norm, vocab)
    if province + city <= national:
        # a city plan may say 全国 more often than 全市 but names its city more
        head = "\n".join(norm.lstrip().split("\n")[:HEAD_LINES])
        if named and named[1] > max(national, CITY_NAMED_MIN) and not province and named[0] in head:
            return named[0]
        return vocab.national_name if national else None
    if city > province:
        return named[0] if named else None
    counts = {p: norm.count(_short_place(p, vocab)) for p in vocab.provinces}
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= 2 else None


# a text that says 全国 but names one X市 more often than this (and more often
# than it says 全国) is that city's plan
CITY_NAMED_MIN = 2
# ... and names it in its first lines (the issuer or the title)
HEAD_LINES = 4

# where a place name can start: a line, a clause, a quotation or a title
_NAME_START = r"(?:^|(?<=[\n。；，：、（《“\s]))"


def _most_named_city(norm: str, vocab: Vocabulary) -> tuple[str, int] | None:
    """The X市 named at the start of a line or clause that the text names most
    often (twice or more), with that count; None when two tie."""
    pattern = re.compile(rf"{_NAME_START}(?:{alternation(vocab.place_prefixes)})?(?P<place>[{CJK}]{{2,7}}?市)",
                         re.M)
    counts: dict[str, int] = {}
    for m in pattern.finditer(norm):
        name = m.group("place")
        if not name.endswith(vocab.not_places) and not name.startswith(vocab.not_place_starts):
            counts[name] = norm.count(name)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0]


def _short_place(name: str, vocab: Vocabulary) -> str:
    """江苏省 -> 江苏; the data's short names for the rest: 广西壮族自治区 -> 广西."""
    short = dict(vocab.province_short_names).get(name)
    if short:
        return short
    for suffix in vocab.place_suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def heading_title(rest: str) -> str:
    """The title of a heading from the text after its label: its first
    sentence, without the final 。 or ：.

    >>> heading_title("着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点设计建设")
    '着力提升重点行业能效水平'
    >>> heading_title("总体要求"), heading_title("基本原则：")
    ('总体要求', '基本原则')
    """
    m = re.search(f"[{SENTENCE_END}]", rest)
    title = rest[: m.start()] if m else rest
    return title.strip().rstrip("：:；;，, ").strip()


def strip_note(title: str, vocab: Vocabulary | None = None) -> str:
    """A title without the responsibility note that closes it, but with its
    own parenthesised words.

    >>> strip_note("推进节能改造（责任单位：市经济信息委）"), strip_note("创建试点园区（企业）")
    ('推进节能改造', '创建试点园区（企业）')
    """
    vocab = vocab or load_vocabulary()
    m = re.search(r"[（(]([^（）()]*)[）)]$", title)
    if m and m.start() > 0 and any(word in m.group(1) for word in vocab.note_words):
        return title[: m.start()].rstrip()
    return title


# ---------------------------------------------------------------- the head


@dataclass
class Head:
    """What the head of a document says, before the body is parsed."""

    document: Document
    body_index: int  # index into lines where the body starts
    notice: bool = False


def _kind_end(text: str, vocab: Vocabulary) -> bool:
    return text.rstrip("》”").endswith(vocab.title_kinds)


def _is_title_line(line: str, vocab: Vocabulary, patterns: Patterns) -> bool:
    if len(line) > TITLE_LINE_MAX or any(ch in line for ch in SENTENCE_END):
        return False
    if line.endswith("："):
        return False
    if is_date_line(line, vocab) or patterns.doc_number.fullmatch(line.strip("（）")):
        return False
    m = patterns.label.match(line)
    if m and m.group("part") is None:
        return False
    return not line.startswith(vocab.appendix_words)


def _title_block(lines: list[Line], i: int, vocab: Vocabulary, patterns: Patterns, limit: int = 5) -> int:
    """Index after the title printed from ``lines[i]``, over up to ``limit`` lines."""
    j = i
    while j < len(lines) and j - i < limit and _is_title_line(lines[j].norm, vocab, patterns):
        j += 1
        block = "".join(line.norm for line in lines[i:j])
        if _transmits(block, vocab) and not block.endswith(vocab.notice_kinds):
            continue  # 关于印发X…方案 goes on to 的通知
        if _kind_end(block, vocab):
            # a title ends with its kind (…方案, …的通知) but for a (2021—2025年) or (试行) line
            while j < len(lines) and _is_title_note(lines[j].norm, patterns):
                j += 1
            break
    return j


def _is_title_note(line: str, patterns: Patterns) -> bool:
    """（2021—2025年） or （试行） under a title, but not a （国发〔2017〕12号） or a
    （2022年9月18日） line."""
    return (bool(re.fullmatch(r"（[^（）]{1,16}）", line)) and not patterns.doc_number.search(line)
            and not patterns.date.search(line))


def _plain(s: str) -> str:
    return re.sub(r"[\s《》“”\"'‘’〈〉<>]", "", s)


def _find_plan_title(lines, start, hint, vocab, patterns) -> tuple[int, int] | None:
    """The printed plan title after the cover notice: lines equal to the
    title the notice names, or else the title block under the signature."""
    want = _plain(hint) if hint else ""
    match = None
    for k in range(start, min(len(lines), start + 80)):
        joined = ""
        for j in range(k, min(k + 4, len(lines))):
            joined += _plain(lines[j].norm)
            if want and joined == want:
                if match and k > match[1] + 3:
                    return match
                match = (k, j + 1)
                break
            if len(joined) >= len(want):
                break
    if match:
        return match
    # under the signature: 成文日期, then （此件公开发布） and 附件 lines, then the title
    for k in range(start, len(lines)):
        if is_date_line(lines[k].norm, vocab):
            t = k + 1
            while t < len(lines) and _is_notice_tail(lines[t].norm, vocab):
                t += 1
            end = _title_block(lines, t, vocab, patterns, limit=3)
            if end > t:
                return (t, end)
            return (t, t)
    return None


def _is_notice_tail(line: str, vocab: Vocabulary) -> bool:
    inner = line.strip("（）()")
    if line.startswith("（") and inner.startswith(vocab.publication_notes):
        return True
    return line.startswith(vocab.appendix_words) and len(line) < 30


def read_head(lines: list[Line], source: Source, vocab: Vocabulary, patterns: Patterns) -> Head:
    """Title, doc number, issuer, date and where the body starts."""
    doc = Document()
    if not lines:
        return Head(doc, 0)
    text = source.text
    first = _skip_masthead(lines, vocab, patterns)
    end = _title_block(lines, first, vocab, patterns)
    title_lines = lines[first:end]
    first_cut = None
    if not title_lines and first < len(lines):
        # a web print runs the title, the number and the 主送 into one line
        m = re.search(rf"^.{{4,120}}?{alternation(vocab.notice_kinds)}", lines[first].norm)
        if m:
            first_cut = lines[first].start + m.end()
            title_lines = [Line(lines[first].start, first_cut, m.group())]
    head_title = "".join(line.norm for line in title_lines)
    head_title_text = "".join(text[line.start:line.end] for line in title_lines)
    issuer = _head_issuer(title_lines, vocab)
    notice = _transmits(head_title, vocab) and head_title.endswith(vocab.notice_kinds)

    doc.doc_number = _own_number(lines, source.norm, end, vocab, patterns)

    body_index = end if title_lines and first_cut is None else first + 1
    if notice:
        hint = _transmitted_title(head_title_text, vocab)
        found = _find_plan_title(lines, body_index, hint, vocab, patterns)
        if found and found[1] > found[0]:
            a, b = found
            doc.title = _join_title(lines[a:b], text)
            doc.title_start, doc.title_end = _title_span(lines[a:b], text)
            body_index = a
        else:
            doc.title = hint
            if found:
                body_index = found[0]
    else:
        doc.title = head_title_text or None
        if title_lines:
            doc.title_start, doc.title_end = _title_span(title_lines, text)
            doc.title = _join_title(title_lines, text)
        # a notice or opinion addressed to its readers: the body follows the 主送 line
        for k in range(body_index, min(body_index + 3, len(lines))):
            if lines[k].norm.endswith("：") and not any(ch in lines[k].norm for ch in SENTENCE_END):
                body_index = k + 1
                break
        if not head_title or not (vocab.about in head_title or head_title.endswith(vocab.notice_kinds)):
            body_index = 0  # a plan with no notice: everything is body
    doc.issued_date, signature = _signature(lines, body_index if notice else len(lines), notice, vocab, end)
    doc.issuer = issuer or signature
    doc.body_start = lines[body_index].start if body_index < len(lines) else len(text)
    if not notice and body_index == 0:
        doc.body_start = 0
    doc.jurisdiction = find_jurisdiction([doc.issuer, doc.title, head_title], vocab)
    if doc.jurisdiction is None:
        doc.jurisdiction = guess_jurisdiction(source.norm, vocab)
    doc.cites = list(dict.fromkeys(n for _, _, n in find_doc_numbers(source.norm, vocab) if n != doc.doc_number))
    return Head(doc, body_index, notice)


def _own_number(lines: list[Line], norm: str, title_end: int, vocab: Vocabulary, patterns: Patterns) -> str | None:
    """The document's own 发文字号: under the title, before the first sentence
    (a number cited as 《…》（国发〔2021〕33号） is not it)."""
    head_end = next((ln.start for ln in lines if any(ch in ln.norm for ch in SENTENCE_END)), len(norm))
    for start, _, number in find_doc_numbers(norm[:head_end], vocab):
        if not _is_citation(norm, start):
            return number
    for ln in lines[: title_end + 3]:
        m = patterns.bare_doc_number.match(ln.norm)
        if m:
            return f"{_cut_code(m.group('code'), vocab)}〔{m.group('y')}〕{m.group('n')}号"
    return None


def _skip_masthead(lines: list[Line], vocab: Vocabulary, patterns: Patterns) -> int:
    """Index of the first line after a red-head masthead (重庆市人民政府文件)
    and the document number printed under it."""
    i = 0
    while i < min(len(lines), 4) and (
        lines[i].norm.endswith(vocab.mastheads) and len(lines[i].norm) <= TITLE_LINE_MAX
        or patterns.doc_number.fullmatch(lines[i].norm.strip("（）"))
        # web-page fields above the title: 来源：…  发布日期：…
        or re.match(rf"^[{CJK}]{{2,6}}：", lines[i].norm) and not lines[i].norm.endswith("：")
        # an attachment printed on its own starts with its 附件 label
        or re.fullmatch(rf"(?:{alternation(vocab.appendix_words)})\s*\d*[：]?", lines[i].norm)
    ):
        i += 1
    return i if i < len(lines) else 0


def _is_citation(norm: str, start: int) -> bool:
    """A number in （…） right after a cited title is a citation, not the own number."""
    return norm[max(0, start - 2):start].endswith(("》（", "）（", "》"))


def _head_issuer(title_lines: list[Line], vocab: Vocabulary) -> str | None:
    """Issuers before 关于 in the head title; one per printed line or space-separated part."""
    parts = []
    for line in title_lines:
        s = line.norm
        for word in (vocab.about, *vocab.transmit):
            i = s.find(word)
            if i >= 0:
                break
        if i < 0:
            parts.append(s)
            continue
        parts.append(s[:i])
        break
    else:
        return None
    names = [p for part in parts for p in part.split() if p]
    if names and all(name.endswith(vocab.issuer_suffixes) for name in names):
        return "、".join(names)
    return None


def _transmits(title: str, vocab: Vocabulary) -> bool:
    return any(word in title for word in vocab.transmit)


def _transmitted_title(head_title: str, vocab: Vocabulary) -> str | None:
    """The plan a cover notice transmits: 关于印发《X》的通知 -> X.

    >>> _transmitted_title("国务院关于印发《2035年城乡节水行动方案》的通知", load_vocabulary())
    '2035年城乡节水行动方案'
    """
    found = [(head_title.find(w), w) for w in vocab.transmit if w in head_title]
    if not found:
        return None
    i, word = min(found)
    rest = head_title[i + len(word):]
    for kind in vocab.notice_kinds:
        if rest.endswith("的" + kind):
            rest = rest[: -len(kind) - 1]
            break
    rest = rest.strip()
    if rest.startswith("《") and rest.endswith("》"):
        rest = rest[1:-1]
    return rest or None


def _title_span(title_lines: list[Line], text: str) -> tuple[int, int]:
    start, end = title_lines[0].start, title_lines[-1].end
    while start < end and text[start] in "《":
        start += 1
    while end > start and text[end - 1] in "》":
        end -= 1
    return start, end


def _join_title(title_lines: list[Line], text: str) -> str:
    joined = "".join(text[line.start:line.end].strip() for line in title_lines)
    if joined.startswith("《") and joined.endswith("》"):
        joined = joined[1:-1]
    return joined


def _signature(lines, limit, notice, vocab, title_end=0) -> tuple[str | None, str | None]:
    """成文日期 and the issuer lines above it: under the cover notice when
    there is one, else the first signed date of the document, or a date
    printed right under the title, or one at the very end."""
    for k in range(0, limit if notice else len(lines)):
        found = signature_at(lines, k, vocab)
        if found and (notice or found[1] or k >= len(lines) - 3 or k <= title_end + 1):
            return found
    return None, None


def signature_at(lines: list[Line], k: int, vocab: Vocabulary) -> tuple[str, str | None] | None:
    """(ISO date, issuer or None) when ``lines[k]`` is a 成文日期, alone or
    after the issuer on its line; the issuer is read from the lines above.

    >>> ls = split_lines("某市人民政府办公厅\\n2022年9月18日\\n")
    >>> signature_at(ls, 1, load_vocabulary()), signature_at(ls, 0, load_vocabulary())
    (('2022-09-18', '某市人民政府办公厅'), None)
    >>> signature_at(split_lines("某市人民政府  2022年9月18日"), 0, load_vocabulary())
    ('2022-09-18', '某市人民政府')
    """
    s = lines[k].norm
    names = []
    if not is_date_line(s, vocab):
        # 某市人民政府  2022年9月18日, or run together by a scraper
        m = build_patterns(vocab).date.search(s)
        who = s[: m.start()].strip() if m and m.end() == len(s) else ""
        if not who or len(who) > 80 or not who.endswith(vocab.issuer_suffixes):
            return None
        if any(ch in who for ch in SENTENCE_END + "，：；"):
            return None
        names = who.split()
        s = m.group()
    else:
        j = k - 1
        while j >= 0 and len(names) < 10:
            above = lines[j].norm
            if any(ch in above for ch in SENTENCE_END + "，：；") or len(above) > 40:
                break
            names[:0] = above.split()
            j -= 1
    names = [n for n in names if n.endswith(vocab.issuer_suffixes)]
    return parse_date(s, vocab), "、".join(names) or None


# ---------------------------------------------------------------- the body


@dataclass
class _Open:
    """A heading on the stack while the body is read."""

    style: str
    number: int
    section: Section


def match_label(line: str, patterns: Patterns | None = None, vocab: Vocabulary | None = None):
    """(style, number, label length) of a heading label starting ``line``, or None.

    >>> match_label("（一）重点行业绿色升级工程。"), match_label("1.着力提升"), match_label("第二章 总体要求")
    (('paren_cn', 1, 3), ('arabic', 1, 2), ('part', 2, 4))
    >>> match_label("2025年，全市") is None, match_label("1.5万吨") is None
    (True, True)
    """
    vocab = vocab or load_vocabulary()
    patterns = patterns or build_patterns(vocab)
    m = patterns.label.match(line)
    if not m:
        return None
    style = next(name for name in STYLES if m.group(name) is not None)
    raw = m.group("n_" + style)
    if style in ("arabic", "paren_arabic"):
        number = int(raw)
    elif style == "circled":
        number = parse_circled(raw, vocab.numerals)
    else:
        number = parse_chinese_number(raw, vocab.numerals)
    if not number:
        return None
    return style, number, m.end()


def _place(stack: list[_Open], style: str, number: int, last: dict[str, int]) -> int | None:
    """Depth at which a heading goes, or None when it does not continue the numbering."""
    for i, item in enumerate(stack):
        if item.style == style:
            return i if item.number < number <= item.number + MAX_GAP else None
    if number == 1 or number == last.get(style, 0) + 1:
        if STYLES.index(style) <= STYLES.index("paren_cn"):
            # 一、 or （一） never stands under a 1． or （1）: close those first
            return sum(STYLES.index(item.style) < STYLES.index(style) for item in stack)
        return len(stack)
    return None


def _heading_words(lines, k, label_end, text, patterns, vocab) -> str:
    """The words after a label, as written, with a heading that PDF extraction
    broke over two lines joined again (or the next line's words when the
    label stands alone)."""
    line = lines[k]
    words = text[label_end:line.end].strip()
    if k + 1 >= len(lines) or any(ch in line.norm for ch in SENTENCE_END + "：；"):
        return words
    nxt = lines[k + 1]
    if match_label(nxt.norm, patterns, vocab) or nxt.norm.startswith(("（", "——", "-")):
        return words
    if not words:
        return text[nxt.start:nxt.end]
    if len(line.norm) >= WRAPPED_LINE_MIN and _is_heading_tail(nxt.norm):
        return words + text[nxt.start:nxt.end]
    return words


def _is_heading_tail(line: str) -> bool:
    """A short line that finishes a broken heading: no clause marks, at most a
    final 。.

    >>> _is_heading_tail("费"), _is_heading_tail("工程。"), _is_heading_tail("各地要加强领导，抓好落实。")
    (True, True, False)
    """
    body = line[:-1] if line.endswith(tuple(SENTENCE_END)) else line
    return len(line) <= HEADING_TAIL_MAX and not re.search(f"[{SENTENCE_END}，；：、]", body)


def _body_end(lines, k, vocab) -> bool:
    """True where the numbered body ends: an 附件 line, the 版记 (抄送), or
    the signature's date."""
    s = lines[k].norm
    if s.startswith(vocab.appendix_words) and len(s) < 60 and "。" not in s:
        return True
    if s.startswith(vocab.closing_words) and "：" in s[:8]:
        return True
    found = signature_at(lines, k, vocab)
    return bool(found and (found[1] or k >= len(lines) - 3))


def _signature_start(lines, k) -> int:
    """Index of the first signature line above the date line ``lines[k]``."""
    j = k
    while j - 1 >= 0 and len(lines[j - 1].norm) <= 40 and not any(
        ch in lines[j - 1].norm for ch in SENTENCE_END + "，：；）"
    ):
        j -= 1
        if k - j >= 8:
            break
    return j


def parse_sections(lines: list[Line], source: Source, body_index: int, vocab: Vocabulary,
                   patterns: Patterns) -> list[Section]:
    """Numbered headings of the body, each with its text, as a tree."""
    text = source.text
    stack: list[_Open] = []
    last: dict[str, int] = {}
    sections: list[Section] = []
    stop = len(lines)
    for k in range(body_index, len(lines)):
        line = lines[k]
        if sections and _body_end(lines, k, vocab):
            stop = _signature_start(lines, k) if signature_at(lines, k, vocab) else k
            break
        found = match_label(line.norm, patterns, vocab)
        if not found:
            continue
        style, number, length = found
        if k > body_index and lines[k - 1].norm.endswith(("，", "、")):
            continue  # a wrapped line of a paragraph, not a heading
        depth = _place(stack, style, number, last)
        if depth is None:
            if stack and stack[0].style == style and number == 1 and stack[0].number > 1:
                stop = k  # the top numbering restarts: an appendix
                break
            continue
        del stack[depth:]
        label_end = line.start + length
        title = strip_note(heading_title(_heading_words(lines, k, label_end, text, patterns, vocab)), vocab)
        parent = stack[-1].section if stack else None
        path = ".".join([str(o.number) for o in stack] + [str(number)])
        section = Section(
            id=len(sections) + 1,
            parent_id=parent.id if parent else None,
            level=len(stack) + 1,
            label=text[line.start:label_end].strip(),
            path=path,
            title=title,
            text="",
            start=line.start,
            end=line.end,
            number=number,
            style=style,
            text_start=label_end,
        )
        sections.append(section)
        stack.append(_Open(style, number, section))
        last[style] = number
    _fill_texts(sections, lines, stop, text)
    return sections


def _fill_texts(sections: list[Section], lines: list[Line], stop: int, text: str) -> None:
    """Each section's own text runs from its label to the next heading."""
    body_end = lines[stop - 1].end if 0 < stop <= len(lines) else len(text)
    for i, section in enumerate(sections):
        end = sections[i + 1].start if i + 1 < len(sections) else body_end
        end = max(end, section.text_start)
        raw = text[section.text_start:end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        section.text_start += lead
        section.text = body
        section.end = section.text_start + len(body)


def parse_structure(source: Source, vocabulary: Vocabulary | None = None) -> tuple[Document, list[Section]]:
    """Read the document fields and the numbered sections of ``source``.

    >>> from policykb.read.normalize import fold_punctuation
    >>> text = "某市节能方案\\n一、总体要求\\n(一)目标。到2025年完成。\\n1.一项任务。\\n"
    >>> doc, sections = parse_structure(Source("x.txt", text, fold_punctuation(text)))
    >>> doc.title, [(s.path, s.level, s.title) for s in sections]
    ('某市节能方案', [('1', 1, '总体要求'), ('1.1', 2, '目标'), ('1.1.1', 3, '一项任务')])
    """
    vocab = vocabulary or load_vocabulary()
    patterns = build_patterns(vocab)
    lines = split_lines(source.norm, patterns)
    head = read_head(lines, source, vocab, patterns)
    sections = parse_sections(lines, source, head.body_index, vocab, patterns)
    if not sections:
        source.warnings.append("no numbered sections found")
    return head.document, sections
