"""The grammar of responsibility notes: one table of (note, expected, why).

Notes marked "seed" are from corpus/chongqing_jnjp_2022.txt; the others are
written for these tests in each form plans use (not copied from any plan).
Expected is the list of (as_written, role) the note gives, in order.
"""
from __future__ import annotations

import pytest

from policykb.dates import parse_deadline
from policykb.extract.notes import parse_responsibility, read_note

L, R, S, I = "lead", "responsible", "supporting", "implementing"

CASES = [
    # --- the seed
    ("（市经济信息委、市生态环境局、市城市管理局、市水利局等按职责分工负责）",
     [("市经济信息委", R), ("市生态环境局", R), ("市城市管理局", R), ("市水利局", R)],
     "seed: 按职责分工负责 with no lead is responsible; trailing 等 dropped"),
    ("（市农业农村委牵头，市生态环境局、市乡村振兴局、市供销合作社等按职责分工负责）",
     [("市农业农村委", L), ("市生态环境局", S), ("市乡村振兴局", S), ("市供销合作社", S)],
     "seed: after a lead, 按职责分工负责 supports"),
    ("（市经济信息委、市生态环境局牵头，市发展改革委、市公安局等按职责分工负责）",
     [("市经济信息委", L), ("市生态环境局", L), ("市发展改革委", S), ("市公安局", S)],
     "seed: two leads"),
    ("（市机关事务局负责）", [("市机关事务局", R)], "seed: X负责"),
    ("（市发展改革委、生态环境局、市交通局等按职责分工负责）",
     [("市发展改革委", R), ("生态环境局", R), ("市交通局", R)], "seed: a typo is kept as written"),
    ("（市发展改革委、市生态环境局牵头，市级有关部门按职责分工负责）",
     [("市发展改革委", L), ("市生态环境局", L), ("市级有关部门", S)], "seed: a generic mention is kept"),
    ("（市发展改革委、重庆市税务局牵头，市财政局等按职责分工负责）",
     [("市发展改革委", L), ("重庆市税务局", L), ("市财政局", S)], "seed: a name with its city"),
    ("〔市发展改革委、市大数据发展局等按职责分工负责；各区县（自治县）和两江新区、万盛经开区（以下统称区县）负责落实。"
     "以下均需区县落实，不再列出〕",
     [("市发展改革委", R), ("市大数据发展局", R), ("区县", I)],
     "seed (shortened): 〔〕 with nested （）; the standing rule's term replaces the 负责落实 list"),
    # --- parentheses and fields
    ("(省科技厅、省教育厅负责)", [("省科技厅", R), ("省教育厅", R)], "half-width parentheses"),
    ("(责任单位:省林业局、省水利厅)", [("省林业局", R), ("省水利厅", R)], "half-width colon and brackets"),
    ("（责任单位：市科技局，配合单位：市财政局、市教委等）",
     [("市科技局", R), ("市财政局", S), ("市教委", S)], "责任单位 and 配合单位 fields"),
    ("（牵头单位：省商务厅、省财政厅，配合单位：省统计局）",
     [("省商务厅", L), ("省财政厅", L), ("省统计局", S)], "牵头单位 field"),
    ("（牵头部门：市司法局）", [("市司法局", L)], "牵头部门 field"),
    ("（责任部门：法规处、科技处）", [("法规处", R), ("科技处", R)], "责任部门: internal divisions"),
    ("（负责部门：科技部、教育部；适用范围：试点地区）",
     [("科技部", R), ("教育部", R)], "负责部门 with a second field that is ignored"),
    ("（责任部门：宣教处，完成期限：2027年9月）", [("宣教处", R)], "a deadline inside the note"),
    ("（责任处室：耕地保护处）", [("耕地保护处", R)], "责任处室"),
    ("（责任单位：市体育局、相关区政府按职责分工负责）",
     [("市体育局", R), ("相关区政府", R)], "field and by-duty verb together"),
    ("（责任单位：市城管局，各区政府、市开发区管委会按职能分工负责）",
     [("市城管局", R), ("各区政府", R), ("市开发区管委会", R)], "field then a clause of its own"),
    # --- verbs
    ("（省卫生健康委牵头，省民政局、省医保局配合）",
     [("省卫生健康委", L), ("省民政局", S), ("省医保局", S)], "X牵头，Y配合"),
    ("（教育部牵头，科技部、财政部参与）", [("教育部", L), ("科技部", S), ("财政部", S)], "参与 supports"),
    ("（由省发展改革委牵头，省财政厅配合）", [("省发展改革委", L), ("省财政厅", S)],
     "由 before a lead is not part of its name"),
    ("（各区人民政府负责，市级有关部门按职责指导）", [("各区人民政府", R), ("市级有关部门", S)],
     "按职责 before a verb is not part of the names"),
    ("（市商务委、市财政局按职能职责负责）", [("市商务委", R), ("市财政局", R)],
     "按职能职责负责 reads as 按职责分工负责"),
    ("（省农业农村厅牵头，省林业局按照各自职责配合）", [("省农业农村厅", L), ("省林业局", S)],
     "按照各自职责配合 is 配合"),
    ("（省商务厅、省财政厅负责，牵头单位列第一位，下同）", [("省商务厅", L), ("省财政厅", S)],
     "牵头单位列第一位: the first-is-lead rule written the other way round"),
    ("（省科技厅、省教育厅负责，排名首位的部门牵头）", [("省科技厅", L), ("省教育厅", S)],
     "排名首位的部门牵头"),
    ("（省生态环境厅牵头，省财政厅参加）", [("省生态环境厅", L), ("省财政厅", S)], "参加 supports"),
    ("（各省级人民政府负责，国家发展改革委等部门加强指导）", [("各省级人民政府", R), ("国家发展改革委", S)],
     "加强指导 supports"),
    ("（省自然资源厅负责，2022年起持续推进）", [("省自然资源厅", R)], "a time clause from a year on says no one"),
    ("（省统计局负责，每年12月底前完成）", [("省统计局", R)], "a yearly due date says no one"),
    ("（责任单位：市商务局、各区〈含高新区、保税区〉）", [("市商务局", R), ("各区", R)],
     "〈〉 printed for （）: a 含… gloss after a name is not part of it"),
    ("（牵头责任单位：省发展改革委；协同部门：省财政厅、省统计局）", [("省发展改革委", L), ("省财政厅", S), ("省统计局", S)],
     "牵头责任单位 and 协同部门 fields"),
    ("（省水利厅牵头，省财政厅等配合，各设区市人民政府组织实施）",
     [("省水利厅", L), ("省财政厅", S), ("各设区市人民政府", I)], "组织实施 is implementing"),
    ("（各区县政府具体实施）", [("各区县政府", I)], "具体实施 is implementing"),
    ("（省民政厅负责，各市县政府抓好贯彻落实）", [("省民政厅", R), ("各市县政府", I)], "抓好贯彻落实 is implementing"),
    ("（市商务委牵头，市有关部门及各区县政府配合）", [("市商务委", L), ("市有关部门", S), ("各区县政府", S)],
     "及 before 各 splits two lists"),
    # --- a clause not understood is dropped, the others keep their names
    ("（省水利厅牵头，省财政厅配合，详见附表三）", [("省水利厅", L), ("省财政厅", S)],
     "a last clause with no verb is dropped"),
    ("（省商务厅牵头，企业须对所报数据负责）", [("省商务厅", L)],
     "a clause whose run is no name is dropped"),
    # --- a role written in brackets after a name
    ("（责任单位：市科技局（牵头）、市财政局）", [("市科技局", L), ("市财政局", R)],
     "（牵头） after a name in a field makes it the lead"),
    ("（市住房城乡建委（牵头）、市城市管理局等按职责分工负责）", [("市住房城乡建委", L), ("市城市管理局", S)],
     "（牵头） in a by-duty list: the others support"),
    ("（水利部指导，中国气象局参与）", [("水利部", S), ("中国气象局", S)], "指导 supports"),
    ("（省交通运输厅牵头，省公安厅，省应急厅配合）",
     [("省交通运输厅", L), ("省公安厅", S), ("省应急厅", S)], "a list split on ，waits for its verb"),
    ("（省粮食局、省气象局等部门按职能分工负责）",
     [("省粮食局", R), ("省气象局", R)], "等部门 dropped"),
    ("（水利部、应急管理部等有关部门和单位分别负责）", [("水利部", R), ("应急管理部", R)], "等有关部门和单位 dropped"),
    ("（文化和旅游部、体育总局等和各省级人民政府共同负责）",
     [("文化和旅游部", R), ("体育总局", R), ("各省级人民政府", R)], "等和 splits two lists"),
    ("（各县人民政府和高新区管委会，省水利厅等按职能分工负责）",
     [("各县人民政府", R), ("高新区管委会", R), ("省水利厅", R)], "和 between a government and another body splits"),
    ("（各区县党委和政府负责）", [("各区县党委和政府", R)], "党委和政府 is one name"),
    ("（各县〔市、区〕政府，省水利厅负责）",
     [("各县〔市、区〕政府", R), ("省水利厅", R)], "〔市〕 inside a name"),
    # --- rules in the note
    ("（教育部、民政部负责；列第一位者为牵头单位，以下同）",
     [("教育部", L), ("民政部", S)], "列第一位者为牵头单位: first leads"),
    ("（科技部、教育部共同负责；排在第一位的机构为牵头部门，下同）",
     [("科技部", L), ("教育部", S)], "排在第一位的机构为牵头部门"),
    ("（责任单位：重庆市民政局、市教委；四川省民政厅、教育厅；两地各列首位者为牵头单位，下同）",
     [("重庆市民政局", L), ("市教委", S), ("四川省民政厅", L), ("教育厅", S)],
     "two jurisdictions: the first of each ；-list leads"),
    ("（省财政厅、省税务局负责，各设区市人民政府负责落实；以下均需各设区市人民政府落实，不再一一列出）",
     [("省财政厅", R), ("省税务局", R), ("各设区市人民政府", I)], "各设区市人民政府负责落实 as a standing rule"),
    ("（责任单位：省退役军人事务厅、省财政厅。各市〔州〕人民政府，以下各条均涉及）",
     [("省退役军人事务厅", R), ("省财政厅", R), ("各市〔州〕人民政府", I)], "以下各条均涉及"),
    ("（市水务局负责。以下均需各区政府落实，不再列出）",
     [("市水务局", R), ("各区政府", I)], "a standing rule with no 负责落实 clause"),
    ("（省统计局牵头，其他部门按照职能分工负责）", [("省统计局", L)], "其他单位 points back: no name"),
    ("（市城管局牵头，市财政局配合，2024年底前完成）",
     [("市城管局", L), ("市财政局", S)], "a clause that only says when"),
    ("（省商务厅负责，持续推进）", [("省商务厅", R)], "a timeless clause"),
    ("（主要责任单位：省民政厅）", [("省民政厅", R)], "a qualified label"),
    ("【责任单位：市审计局】", [("市审计局", R)], "【】 brackets"),
    ("（市科协牵头，市教委等按职能分工负责，各区政府落实）",
     [("市科协", L), ("市教委", S), ("各区政府", I)], "bare 落实 is implementing"),
    ("（省教育厅负责。以下各项任务均需各市政府负责落实，不再一一列出）",
     [("省教育厅", R), ("各市政府", I)], "a standing rule in other words"),
    ("（海关总署、商务部负责，第一个单位为牵头单位，下同）",
     [("海关总署", L), ("商务部", S)], "第一个单位为牵头单位"),
    ("（牵头单位：市经济信息委；配合单位：市财政局、市生态环境局；完成时限：2023年底）",
     [("市经济信息委", L), ("市财政局", S), ("市生态环境局", S)], "a row of a task table as read renders it"),
    ("责任单位：市科技局　市财政局", [("市科技局", R), ("市财政局", R)], "names split by a space, as in table cells"),
    ("（责任处室：节能\n处，完成期限：2026年）", [("节能\n处", R)], "a line break inside a name (PDF) is no split"),
    ("（省林草局、应急\n厅负责）", [("省林草局", R), ("应急\n厅", R)], "a line break inside the second name"),
    ("（牵头单\n位：省档案局，配合单位：省财政厅）", [("省档案局", L), ("省财政厅", S)], "a line break inside a label (PDF)"),
    ("（省商务厅牵头，省海关配\n合）", [("省商务厅", L), ("省海关", S)], "a line break inside a verb (PDF)"),
    ("（省审计厅负责。以下均需各设区\n市政府落实，不再列出）", [("省审计厅", R), ("各设区\n市政府", I)],
     "a standing rule's term over a line break (PDF)"),
    # --- lead rules in their other forms (the rule's own words are no name)
    ("［责任单位：省公安厅，省交通运输厅；逗号前为牵头单位，下同］", [("省公安厅", L), ("省交通运输厅", S)],
     "逗号前为牵头单位: the name before the first comma leads"),
    ("（责任单位：市城市管理局、市住房城乡建委，市财政局、市应急局；逗号之前的单位为牵头部门）",
     [("市城市管理局", L), ("市住房城乡建委", L), ("市财政局", S), ("市应急局", S)],
     "逗号之前的单位为牵头部门: every name before the comma leads"),
    ("（省草原局、省林业局，排在第一位的为牵头单位）", [("省草原局", L), ("省林业局", S)],
     "a bare list with 排在第一位的为牵头单位 after it"),
    ("（市民政局，市卫生健康委，市医保局，列第一位者为牵头单位）",
     [("市民政局", L), ("市卫生健康委", S), ("市医保局", S)], "names split on ，, then 列第一位者为牵头单位"),
    ("（省水利厅、省农业农村厅负责，排名第一的为牵头部门）", [("省水利厅", L), ("省农业农村厅", S)],
     "排名第一的为牵头部门"),
    ("（省商务厅、省税务局负责；第一个单位为牵头单位，下同）", [("省商务厅", L), ("省税务局", S)],
     "第一个单位为牵头单位 after a ；"),
    ("（市科技局、市教委负责，排在最前面的为牵头单位）", [("市科技局", L), ("市教委", S)], "排在最前面的为牵头单位"),
    ("（逗号前为牵头单位，下同）", [], "a lead rule alone names no one"),
    ("（排在第一位的为牵头单位）", [], "a first-is-lead rule alone names no one"),
    # --- standing rules in other words
    ("（各设区市人民政府具体落实，以下任务不再列出）", [("各设区市人民政府", I)],
     "具体落实，以下任务不再列出: a standing rule's bodies"),
    ("（省文化和旅游厅负责。以下各项任务均需各县（区）落实）", [("省文化和旅游厅", R), ("各县（区）", I)],
     "以下各项任务均需各县（区）落实"),
    ("（以下各项工作不再一一列出）", [], "a standing tail alone names no one"),
    # --- glosses after a name are not part of it
    ("（市住房城乡建委〈含市园林局，下同〉牵头，市财政局配合）", [("市住房城乡建委", L), ("市财政局", S)],
     "〈含…，下同〉 after a name is a gloss (its 下同 is no standing rule)"),
    ("（市发展改革委（以下简称市发改委）、市经济信息委负责）", [("市发展改革委", R), ("市经济信息委", R)],
     "（以下简称…） after a name is a gloss"),
    ("（责任单位：省教育厅（含省语委）、省体育局等）", [("省教育厅", R), ("省体育局", R)], "（含…） after a name"),
    ("（各县（区）人民政府负责）", [("各县（区）人民政府", R)], "（区） inside a name is part of it"),
    ("（各市〔州〕人民政府、省民政厅负责）", [("各市〔州〕人民政府", R), ("省民政厅", R)],
     "〔州〕 inside a name is part of it"),
    # --- elliptical names: the parts are names of their own
    ("（市、区机管局负责）", [("市", R), ("区机管局", R)], "市、区机管局 is two names"),
    ("（各市、州、县人民政府负责）", [("各市", R), ("州", R), ("县人民政府", R)], "各市、州、县人民政府 is three names"),
    # --- separate lines
    ("责任单位：市审计局、市财政局", [("市审计局", R), ("市财政局", R)], "a note on a line of its own"),
    ("责任单位：市科技局、市教育局、市人社局（排在第一位的为牵头单位，下同）",
     [("市科技局", L), ("市教育局", S), ("市人社局", S)], "a rule in brackets after the last name"),
    # --- not notes
    ("（以下简称“两高”）", [], "seed: an abbreviation"),
    ("（自治县）", [], "seed: an aside in a name"),
    ("（零碳）", [], "seed: an aside in a phrase"),
    ("（国发〔2021〕33号）", [], "seed: a cited document number"),
    ("（当量值）", [], "seed: a unit aside"),
    ("（试行）", [], "seed: part of a title"),
    ("（以下称“两高”项目）", [], "seed: an abbreviation"),
    ("（户）", [], "seed: a one-character aside"),
    ("（企业直接向主管部门申报，不需逐级转报）", [], "a sentence in brackets, no verb of responsibility"),
    ("（含甲县、乙区）", [], "a list of places with no verb"),
    ("（申报单位应当对材料真实性负责）", [], "a sentence ending in 负责"),
]


def test_cases_are_unique():
    texts = [text for text, _, _ in CASES]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("text,expected,why", CASES, ids=[c[2] for c in CASES])
def test_parse_responsibility(text, expected, why):
    got = [(as_written, role) for as_written, role, _, _ in parse_responsibility(text)]
    assert got == expected, why


@pytest.mark.parametrize("text,expected,why", [c for c in CASES if c[1]][:12], ids=[c[2] for c in CASES if c[1]][:12])
def test_spans_slice_the_name(text, expected, why):
    for as_written, _, start, end in parse_responsibility(text):
        assert text[start:end] == as_written


def test_rule_stated_earlier_applies():
    got = parse_responsibility("（工信部、商务部负责）", first_is_lead=True)
    assert [(a, r) for a, r, _, _ in got] == [("工信部", L), ("商务部", S)]


def test_deadline_field_is_read():
    note = "（责任部门：宣教处，完成期限：2027年9月）"
    reading = read_note(note)
    assert parse_deadline(note[slice(*reading.deadline)]) == "2027-09"


DEADLINES = [
    ("2022年2月底前", None, "2022-02", "month, 底前"),
    ("2025年", None, "2025", "a year"),
    ("2022年6月30日前", None, "2022-06-30", "a day"),
    ("9月底", 2021, "2021-09", "month only: the plan's year"),
    ("2023年上半年", None, "2023-06", "half year"),
    ("2021年三季度", None, "2021-09", "quarter"),
    ("2021年底前", None, "2021", "year end"),
    ("持续推进", 2021, None, "no date"),
    ("长期坚持", None, None, "no date"),
]


@pytest.mark.parametrize("text,year,expected,why", DEADLINES, ids=[d[3] for d in DEADLINES])
def test_parse_deadline(text, year, expected, why):
    assert parse_deadline(text, year) == expected, why


def test_comma_rule_stated_earlier_applies():
    got = parse_responsibility("（市交通局、市公安局，市财政局负责）", first_is_lead="before_comma")
    assert [(a, r) for a, r, _, _ in got] == [("市交通局", L), ("市公安局", L), ("市财政局", S)]
