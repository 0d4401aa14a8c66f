"""Departments named in running text: jieba segmentation with the department
dictionary, the entity ruler behind ``find_departments``, and the mentions
each section keeps apart from its assignments."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykb import nlp
from policykb.departments import Department
from policykb.extract import mentions as mentions_module
from policykb.extract.mentions import add_mentions, note_spans
from policykb.models import Document, Section, Source
from policykb.read.normalize import fold_punctuation
from policykb.read import read_document

SEED = Path(__file__).resolve().parent.parent / "corpus" / "chongqing_jnjp_2022.txt"

# (sentence, departments it names as written, why)
MENTIONS = [
    # the seed plan (corpus/chongqing_jnjp_2022.txt)
    ("市发展改革委、市生态环境局要加强协调调度，做好工作指导", ["市发展改革委", "市生态环境局"],
     "seed 5.1: two bodies in a list, then 要"),
    ("市节能减排工作领导小组负责指导和统筹做好全市节能减排工作", ["市节能减排工作领导小组"],
     "seed 5.1: a leading group no list names, found by its ending"),
    ("推动节能减排工作任务有序有效落实，重大情况及时向市政府报告", ["市政府"],
     "seed 5.1: the government, one jieba token"),
    ("区县政府对本行政区域节能减排工作负总责", ["区县政府"],
     "seed 5.1: 区县 is a level of its own, not 区/县政府"),
    ("严格执行中央生态环境保护督察制度", [],
     "seed 5.2: 中央 opens no department here"),
    ("到2025年，全市单位地区生产总值能源消耗比2020年下降14%", [],
     "seed 2: 全市 is not a place name"),
    ("全市各级公共机构节能管理部门对所管理的公共机构实行能耗定额管理", [],
     "seed 3.6.1: a generic 部门 is no named department"),
    ("推动两江新区、西部科学城重庆高新区、重庆经开区等产业园区实施循环化改造", [],
     "seed 3.2.1: districts are places, not departments"),
    ("探索实施PM2.5、臭氧污染连片整治", [], "seed 3.7.1: Latin and digits"),
    # written for these tests
    ("省科技厅要加强指导", ["省科技厅"], "level + body"),
    ("国家发展改革委会同各地研究制定办法", ["国家发展改革委"], "jieba alone cuts 改/革委会/同"),
    ("水利部、工业和信息化部联合印发通知", ["水利部", "工业和信息化部"], "ministries named alone"),
    ("省工业和信息化厅、省文化和旅游厅加强督导", ["省工业和信息化厅", "省文化和旅游厅"],
     "和 inside a name"),
    ("安徽省生态环境厅要加强督导", ["安徽省生态环境厅"], "place name + body"),
    ("重庆市发展和改革委员会印发通知", ["重庆市发展和改革委员会"], "full official name"),
    ("县农业农村局组织实施", ["县农业农村局"], "county level"),
    ("区城市管理局要加快推进", ["区城市管理局"], "城市 inside the body, not a place"),
    ("省退役军人事务厅做好相关工作", ["省退役军人事务厅"], "a body no list names"),
    ("省发改委、生态环境厅要抓紧研究", ["省发改委", "生态环境厅"],
     "a bare body after a department shares its level"),
    ("推进生态环境厅建设", [], "a bare body alone is too vague to name one"),
    ("各地生态环境部门要加强监管", [], "生态环境部门 is not 生态环境部"),
    ("商务部门要加强统筹", [], "商务部门 is not 商务部"),
    ("制定公共机构节能办法", [], "节能办法 is not 节能办 + 法"),
    ("全市生态环境系统要提高认识", [], "全市 + a field, no body"),
    ("优化产业空间布局", [], "布局 ends in 局 and is no body"),
    ("各市要加强统筹布局", [], "各市 is no place name"),
]


def test_mention_sentences_are_unique():
    sentences = [row[0] for row in MENTIONS]
    assert len(sentences) == len(set(sentences))


@pytest.mark.parametrize("sentence,expected,note", MENTIONS, ids=[row[0][:12] for row in MENTIONS])
def test_find_departments(sentence, expected, note):
    found = nlp.find_departments(sentence)
    assert [w for w, _, _ in found] == expected, note
    assert all(sentence[s:e] == w for w, s, e in found)


def test_seed_sentences_are_from_the_seed():
    text = SEED.read_text(encoding="utf-8")
    for sentence, _, note in MENTIONS:
        if note.startswith("seed"):
            assert sentence in text, note


# (text, names jieba must not cut inside; a level word before one may stand
# apart or join it, as the gazetteer's dictionary decides: 市/发展改革委 or
# 市发展改革委)
WHOLE_WORDS = [
    ("国家发展改革委会同各地研究", ["国家发展改革委", "会同"]),
    ("市发展改革委、市生态环境局要加强协调调度", ["发展改革委", "生态环境局"]),
    ("省工业和信息化厅负责", ["工业和信息化厅"]),
    ("市住房城乡建委牵头", ["住房城乡建委", "牵头"]),
    ("各地生态环境部门", ["生态环境部门"]),
]


@pytest.mark.parametrize("text,names", WHOLE_WORDS, ids=[row[0] for row in WHOLE_WORDS])
def test_segment_keeps_department_names_whole(text, names):
    tokens = nlp.segment(text)
    assert "".join(tokens) == text
    cuts, at = set(), 0
    for token in tokens:
        at += len(token)
        cuts.add(at)
    for name in names:
        start = text.index(name)
        end = start + len(name)
        assert end in cuts and not cuts & set(range(start + 1, end)), (name, tokens)


def test_segment_for_search_has_the_short_words_too():
    tokens = nlp.segment_for_search("国家发展改革委会同各地研究")
    assert {"发展", "改革", "国家发展改革委"} <= set(tokens)


def test_segment_drops_whitespace():
    assert nlp.segment("省科技厅 要\n加强") == ["省", "科技厅", "要", "加强"]


def test_gazetteer_aliases_become_patterns_with_their_canonical_name():
    custom = nlp.build_nlp(aliases=[("两江新区管委会", "两江新区管委会"), ("经信委", "市经济信息委")])
    doc = custom("两江新区管委会要会同经信委加快推进")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("两江新区管委会", "两江新区管委会"), ("经信委", "市经济信息委")]


def test_every_listed_department_gets_its_canonical_id_however_cut():
    custom = nlp.build_nlp(aliases=[("市生态环境局", "市生态环境局"), ("生态环境局", "市生态环境局")])
    for text in ["全力推进，市生态环境局要加强监管", "市生态环境局、生态环境局"]:
        assert {e.ent_id_ for e in custom(text).ents} == {"市生态环境局"}, text


def test_patterns_are_swappable():
    patterns = nlp.DepartmentPatterns.from_yaml("levels: [省]\nbodies: [科技厅]\n")
    custom = nlp.build_nlp(patterns=patterns, aliases=[])
    assert nlp.find_departments("省科技厅和省财政厅", nlp=custom) == [("省科技厅", 0, 4)]


def test_the_pipeline_is_built_once():
    assert nlp.get_nlp() is nlp.get_nlp()
    assert nlp.get_nlp().pipe_names == ["entity_ruler", "department_lists"]
    assert nlp.get_nlp().tokenizer.segmenter == "jieba"


# (text, the notes in it, why)
NOTES = [
    ("实施改造。（市经济信息委、市生态环境局等按职责分工负责）",
     ["（市经济信息委、市生态环境局等按职责分工负责）"], "seed: a note in brackets"),
    ("探索近零能耗、低碳（零碳）建筑试点。", [], "seed: an aside is no note"),
    ("标杆水平产能比例超过30%。〔市发展改革委、市经济信息委、市市场监管局、市大数据发展局等按职责分工负责；各区县（自治县）和两江新区、西部科学城重庆高新区、万盛经开区（以下统称区县）负责落实。以下均需区县落实，不再列出〕",
     ["〔市发展改革委、市经济信息委、市市场监管局、市大数据发展局等按职责分工负责；各区县（自治县）和两江新区、西部科学城重庆高新区、万盛经开区（以下统称区县）负责落实。以下均需区县落实，不再列出〕"],
     "seed: the standing rule, brackets nested"),
    ("开展试点。（企业须对所报数据负责）", [], "an aside that says 负责 is no note: no verb after names"),
    ("加快推进。\n责任单位：省科技厅、省财政厅\n完成时限：2025年\n",
     ["责任单位：省科技厅、省财政厅", "完成时限：2025年"], "notes on lines of their own"),
]


@pytest.mark.parametrize("text,expected,note", NOTES, ids=[row[2] for row in NOTES])
def test_note_spans(text, expected, note):
    assert [text[s:e] for s, e in note_spans(text)] == expected, note


def test_note_spans_are_the_tasks_notes():
    """With tasks, the notes skipped are exactly the ones the tasks hold."""
    from policykb.models import Task

    text = "开展试点。（省科技厅负责）（以下简称试点）"
    task = Task(id=1, section_id=1, path="1", title="开展试点", text=text, deadline=None, assignments=[],
                notes=[{"text": "（省科技厅负责）", "start": 5, "end": 13}])
    assert note_spans(text, [task]) == [(5, 13)]
    assert note_spans(text, []) == []


def _section(source, id, label, start_text, end_text=None) -> Section:
    """A section over the seed from its label to the end of ``end_text``'s line."""
    start = source.text.index(label + start_text)
    end = source.text.index("\n", start + len(label) + 1) if end_text is None else (
        source.text.index("\n", source.text.index(end_text, start)))
    return Section(id=id, parent_id=None, level=2, label=label, path=str(id), title=start_text,
                   text=source.text[start:end], start=start, end=end)


@pytest.fixture
def seed_sections():
    source = read_document(SEED)
    sections = [
        _section(source, 1, "（一）", "加强组织领导", "市属国有企业要带头落实"),
        _section(source, 2, "1．", "着力提升重点行业能效水平"),
        _section(source, 3, "（二）", "强化监督评价考核", "严格执行中央生态环境保护督察制度"),
    ]
    return source, sections


def test_add_mentions_on_the_seed(seed_sections):
    source, sections = seed_sections
    add_mentions(source, Document(jurisdiction="重庆市"), sections)
    written = [[m.as_written for m in s.mentions] for s in sections]
    # 5.1: its note (市发展改革委、市生态环境局牵头，市级有关部门…) is the task's, not a mention
    assert written[0] == ["市节能减排工作领导小组", "市发展改革委", "市生态环境局", "市政府", "市政府", "区县政府"]
    # 3.1.1: every name stands in its note
    assert written[1] == []
    # 5.2: 区县政府 in the running text, 市委组织部 only in the note
    assert written[2] == ["区县政府", "区县政府"]
    for section in sections:
        for m in section.mentions:
            assert source.text[m.start:m.end] == m.as_written
            assert section.start <= m.start < m.end <= section.end


def test_add_mentions_resolves_through_the_gazetteer(seed_sections, monkeypatch):
    class Gazetteer:
        def resolve(self, as_written, jurisdiction=None, context=None):
            return Department(name=as_written.replace("市", "重庆市", 1), jurisdiction=jurisdiction)

    monkeypatch.setattr(mentions_module, "load_gazetteer", lambda vocab=None: Gazetteer())
    source, sections = seed_sections
    add_mentions(source, Document(jurisdiction="重庆市"), sections[:1])
    assert sections[0].mentions[1].department == "重庆市发展改革委"
    assert sections[0].mentions[1].as_written == "市发展改革委"


def test_add_mentions_without_sections():
    source = read_document(SEED)
    assert add_mentions(source, Document(), []) == []


def test_a_bare_name_in_a_list_resolves_in_the_context_of_the_one_before():
    text = "一、组织实施\n四川省林业局、经济和信息化厅要加强协调。\n"
    source = Source(path="list.txt", text=text, norm=fold_punctuation(text))
    section = Section(id=1, parent_id=None, level=1, label="一、", path="1", title="组织实施",
                      text=text, start=0, end=len(text))
    add_mentions(source, Document(jurisdiction="重庆市"), [section])
    assert [(m.as_written, m.department) for m in section.mentions] == [
        ("四川省林业局", "省林业局"), ("经济和信息化厅", "省经济和信息化厅")]


# (text, why): the tokenizer policykb gives spaCy must cut as spaCy's own
# jieba tokenizer does, whitespace included
TOKENIZER_CASES = [
    ("省科技厅、省财政局要加强指导，定期调度。", "a list and punctuation"),
    ("一、总体要求\n\n（一）指导思想\n  坚持系统观念", "line breaks and indented lines"),
    ("省 科技厅 牵头  负责 ", "single and double spaces, a trailing one"),
    ("到2025年，单位GDP能耗下降14%，PM2.5浓度达标", "digits and Latin letters"),
    ("\u3000\u3000各区县政府要落实属地责任", "full-width spaces first"),
    ("", "nothing"),
]


@pytest.mark.parametrize("text, why", TOKENIZER_CASES, ids=[c[1] for c in TOKENIZER_CASES])
def test_tokenizer_cuts_as_spacys(text, why):
    from spacy.lang.zh import ChineseTokenizer

    ours = nlp.get_nlp().tokenizer(text)
    spacys = ChineseTokenizer(nlp.get_nlp().vocab, segmenter="jieba")(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in spacys]


# (text, why): the ruler's token patterns matched in windows must find what
# the matcher finds over the whole text
WINDOW_CASES = [
    ("省交通运输厅会同省水利厅和省科技厅加强协调。", "a list of bodies"),
    ("安徽省生态环境厅会同省退役军人事务厅研究制定方案，市政府负责落实。", "a place, a long ending, a joined word"),
    ("推进节能改造，完善统计制度，加强监督检查。", "no department at all"),
    ("省科技厅", "a text that is one name"),
    ("省\n科技厅要加强指导，各市人民政府\n负责", "names across line breaks"),
]


@pytest.mark.parametrize("text, why", WINDOW_CASES, ids=[c[1] for c in WINDOW_CASES])
def test_windowed_matcher_finds_what_the_matcher_finds(text, why):
    from policykb.ruler import WindowMatcher

    nlp_ = nlp.get_nlp()
    matcher = nlp_.get_pipe("entity_ruler").matcher
    assert isinstance(matcher, WindowMatcher)
    doc = nlp_.make_doc(text)
    assert sorted(matcher(doc)) == sorted(matcher.matcher(doc))
