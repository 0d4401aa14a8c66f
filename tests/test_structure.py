"""Stage 2, structure: document fields and the numbered section tree.

Tables of ``(text, expected, note)`` rows. Sentences come from the seed plan
(corpus/chongqing_jnjp_2022.txt) or are written here in the forms other plans
use; no text of the other development documents is copied into the project.
"""
from __future__ import annotations

import json

import pytest

from policykb.models import Source
from policykb.read.normalize import fold_punctuation
from policykb.structure import (
    find_doc_numbers,
    guess_jurisdiction,
    heading_title,
    match_label,
    parse_date,
    parse_structure,
)


def parse(text: str):
    source = Source("t.txt", text, fold_punctuation(text))
    document, sections = parse_structure(source)
    return document, sections, source


def outline(sections):
    return [(s.path, s.level, s.title) for s in sections]


def unique(rows):
    inputs = [json.dumps(row[0], ensure_ascii=False) for row in rows]
    assert len(inputs) == len(set(inputs)), "duplicate inputs in a table"
    return rows


# ---------------------------------------------------------------- labels

LABELS = unique([
    ("一、总体要求", ("cn", 1), "top heading"),
    ("二十一、开展全民行动", ("cn", 21), "numbers past ten"),
    ("（一）重点行业绿色升级工程。", ("paren_cn", 1), "full-width parentheses"),
    ("(十)环境基础设施水平提升工程。", ("paren_cn", 10), "half-width parentheses"),
    ("1．着力提升重点行业能效水平。", ("arabic", 1), "full-width point"),
    ("2.推进重点行业污染物减量化。", ("arabic", 2), "half-width point"),
    ("3、推动运输装备绿色发展。", ("arabic", 3), "enumeration comma"),
    ("１２．完善地方法规制度。", ("arabic", 12), "full-width digits"),
    ("（1）强化目标管理。", ("paren_arabic", 1), "parenthesised digit"),
    ("(2)提升监测能力。", ("paren_arabic", 2), "half-width parenthesised digit"),
    ("3）完善计量体系。", ("paren_arabic", 3), "a digit with only its closing parenthesis"),
    ("4)推广节能技术。", ("paren_arabic", 4), "a digit with a half-width closing parenthesis"),
    ("③推进示范创建行动。", ("circled", 3), "circled digit"),
    ("第一部分 总体要求", ("part", 1), "part above 一、"),
    ("第三章　主要任务", ("part", 3), "chapter above 一、"),
    ("1.4月底前完成摸底。", ("arabic", 1), "an item whose text starts with a month"),
    ("2025年，全市单位地区生产总值能源消耗比2020年下降14%", None, "a year is not a label"),
    ("1.5万吨以上的企业", None, "a decimal is not a label"),
    ("12.135工程", None, "digits after the point: a label only where it continues its siblings (see SECTIONS)"),
    ("（此件删减后公开）", None, "a publication note"),
    ("（以下统称区县）负责落实", None, "a parenthesis of words"),
    ("一是强化目标管理", None, "一是 counts in prose"),
])


@pytest.mark.parametrize("text,expected,note", LABELS)
def test_match_label(text, expected, note):
    found = match_label(fold_punctuation(text))
    assert (found[:2] if found else None) == expected, note


TITLES = unique([
    ("着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点设计建设。", "着力提升重点行业能效水平", "first sentence of a run-on item"),
    ("重点行业绿色升级工程。", "重点行业绿色升级工程", "final 。 dropped"),
    ("总体要求", "总体要求", "a bare heading"),
    ("基本原则：", "基本原则", "a heading that introduces a list"),
    ("加强统筹协调，发挥部门协同联动作用。完善工作机制", "加强统筹协调，发挥部门协同联动作用", "a comma inside the title"),
])


@pytest.mark.parametrize("text,expected,note", TITLES)
def test_heading_title(text, expected, note):
    assert heading_title(text) == expected, note


DATES = unique([
    ("2022年9月18日", "2022-09-18", "Arabic digits"),
    ("二〇二二年九月十八日", "2022-09-18", "Chinese numerals with 〇"),
    ("二○二一年十二月二十八日", "2021-12-28", "Chinese numerals with ○ and 二十八"),
    ("２０２２年１月５日", "2022-01-05", "full-width digits"),
    ("到2025年，全市", None, "a year alone is no date"),
])


@pytest.mark.parametrize("text,expected,note", DATES)
def test_parse_date(text, expected, note):
    assert parse_date(text) == expected, note


DOC_NUMBERS = unique([
    ("渝府发〔2022〕39号", ["渝府发〔2022〕39号"], "as printed"),
    ("黑环办发[2021]119号", ["黑环办发〔2021〕119号"], "half-width brackets"),
    ("某府办函［2019］64号", ["某府办函〔2019〕64号"], "full-width square brackets"),
    ("某政发（2018）12号", ["某政发〔2018〕12号"], "round brackets"),
    ("《关于印发“十四五”节能减排综合工作方案的通知》（国发〔2021〕33号）精神", ["国发〔2021〕33号"], "a citation"),
    ("的通知某改环资〔2023〕215号各市", ["某改环资〔2023〕215号"], "run into the title of a web print"),
    ("减排量分别达到4.32万吨、0.18万吨", [], "no number"),
])


@pytest.mark.parametrize("text,expected,note", DOC_NUMBERS)
def test_find_doc_numbers(text, expected, note):
    assert [n for _, _, n in find_doc_numbers(fold_punctuation(text))] == expected, note


GUESSES = unique([
    ("全国各地区要落实。各地区要加强。", "全国", "national markers"),
    ("全省推进。我省将在江苏北部和江苏南部试点。", "江苏省", "province markers: the province named most"),
    ("我省推进。内蒙古东部和内蒙古西部试点。", "内蒙古自治区", "a region's short name comes from the data"),
    ("临川市节水方案\n全市推进。临川市水务局负责，我市在江苏试点，江苏全面推广。", "临川市",
     "city markers: the city named, not the province named"),
    ("全市推进。我市在江苏试点，江苏全面推广，江苏先行。", None, "city markers and no city named: no province"),
    ("临川市水务局\n全国推广。临川市、临川市、全国", "临川市", "a city named in the head more often than 全国"),
    ("全国推广。\n加强领导。\n抓好落实。\n做好宣传。\n东川市、东川市、东川市、全国", "全国", "a city named only in the body: national"),
])


@pytest.mark.parametrize("text,expected,note", GUESSES)
def test_guess_jurisdiction(text, expected, note):
    assert guess_jurisdiction(fold_punctuation(text)) == expected, note


# ---------------------------------------------------------------- documents

SEED_HEAD = (
    " 重庆市人民政府\n关于印发重庆市“十四五”节能减排\n综合工作实施方案的通知\n渝府发〔2022〕39号\n"
    "各区县（自治县）人民政府，市政府各部门，有关单位：\n"
    "现将《重庆市“十四五”节能减排综合工作实施方案》印发给你们，请认真贯彻执行。\n"
    "重庆市人民政府　　\n2022年9月18日　　\n（此件删减后公开）\n"
    "重庆市“十四五”节能减排\n综合工作实施方案\n"
    "为加快推进全市经济社会发展全面绿色转型，助力实现碳达峰、碳中和目标，根据国务院《关于印发“十四五”节能减排综合工作方案的通知》"
    "（国发〔2021〕33号）精神，结合我市实际，制定本方案。\n"
    "一、总体要求\n大力推动节能减排工作。\n"
)

DOCUMENTS = unique([
    (
        SEED_HEAD,
        {"title": "重庆市“十四五”节能减排综合工作实施方案", "doc_number": "渝府发〔2022〕39号",
         "issuer": "重庆市人民政府", "issued_date": "2022-09-18", "jurisdiction": "重庆市",
         "cites": ["国发〔2021〕33号"]},
        "seed: notice over three lines, plan title over two",
    ),
    (
        "某某省人民政府关于印发某某省绿色制造\n行动方案的通知\n某政发[2021]7号\n各市人民政府：\n"
        "现将《某某省绿色制造行动方案》印发你们，望遵照执行。\n某某省人民政府\n二〇二一年三月五日\n"
        "（此件公开发布）\n某某省绿色制造行动方案\n一、总体要求\n推进绿色制造。\n",
        {"title": "某某省绿色制造行动方案", "doc_number": "某政发〔2021〕7号", "issuer": "某某省人民政府",
         "issued_date": "2021-03-05", "jurisdiction": "某某省", "cites": []},
        "Chinese-numeral date, half-width brackets",
    ),
    (
        "国务院办公厅关于印发“美丽乡村”建设\n试点工作方案的通知\n国办发〔2030〕1号\n"
        "各省、自治区、直辖市人民政府，国务院有关部门、各直属单位：\n"
        "《“美丽乡村”建设试点工作方案》业经国务院同意，现予印发，望遵照执行。\n"
        "国务院办公厅\n2030年1月2日\n（此件公开发布）\n“美丽乡村”建设试点工作方案\n一、总体要求\n",
        {"title": "“美丽乡村”建设试点工作方案", "doc_number": "国办发〔2030〕1号", "issuer": "国务院办公厅",
         "issued_date": "2030-01-02", "jurisdiction": "全国", "cites": []},
        "State Council notice: the plan's own title, not the notice's",
    ),
    (
        "某某省节水型园区建设实施方案\n(2021—2025年)\n为贯彻落实有关部署,制定本方案。\n一、总体要求\n",
        {"title": "某某省节水型园区建设实施方案(2021—2025年)", "doc_number": None, "issuer": None,
         "issued_date": None, "jurisdiction": "某某省", "cites": []},
        "plan only, with its period on a second line",
    ),
    (
        "国务院关于促进某某发展的若干意见\n国发〔2030〕3号\n各省、自治区、直辖市人民政府，国务院有关部门、各直属单位：\n"
        "为促进某某发展，现提出以下意见。\n一、指导思想\n坚持稳中求进。\n国务院\n2030年1月12日\n（此件公开发布）\n",
        {"title": "国务院关于促进某某发展的若干意见", "doc_number": "国发〔2030〕3号", "issuer": "国务院",
         "issued_date": "2030-01-12", "jurisdiction": "全国", "cites": []},
        "an opinion issued directly: signature at the end",
    ),
    (
        "关于2021-2023年度推动某项工作滚\n动实施方案\n黑环办发[2021]119号\n厅机关各处室、厅属各单位：\n"
        "为扎实开展工作，制定本方案。\n一、参与顶层设计\n（一）加强目标考核。分解目标任务。\n"
        "东川省水利厅办公室\n2021年10月27日\n",
        {"title": "关于2021-2023年度推动某项工作滚动实施方案", "doc_number": "黑环办发〔2021〕119号",
         "issuer": "东川省水利厅办公室", "issued_date": "2021-10-27", "jurisdiction": "东川省", "cites": []},
        "issuer only in the signature, title split mid-word",
    ),
    (
        "某某市人民政府文件\n某府发〔2030〕9号\n某某市人民政府\n关于印发某某市节水行动方案的通知\n各区人民政府：\n"
        "现将《某某市节水行动方案》印发给你们。\n某某市人民政府\n2030年2月1日\n某某市节水行动方案\n一、总体要求\n",
        {"title": "某某市节水行动方案", "doc_number": "某府发〔2030〕9号", "issuer": "某某市人民政府",
         "issued_date": "2030-02-01", "jurisdiction": "某某市", "cites": []},
        "red-head masthead and number above the title",
    ),
    (
        "发布日期：2030-03-01\n某某市工业节能行动方案\n为推进工业节能，制定本方案。\n一、总体要求\n",
        {"title": "某某市工业节能行动方案", "doc_number": None, "issuer": None, "issued_date": None,
         "jurisdiction": "某某市", "cites": []},
        "a web page's field line above the title",
    ),
    (
        "推进城市更新行动方案\n为推进全国城市更新，制定本方案。各地区要抓好落实。\n一、总体要求\n",
        {"title": "推进城市更新行动方案", "doc_number": None, "issuer": None, "issued_date": None,
         "jurisdiction": "全国", "cites": []},
        "城市 in a title is no place; the text speaks for the country",
    ),
    (
        "某某市节水行动方案\n一、总体要求\n推进节水。\n二、保障措施\n加强领导。\n某某市人民政府  2030年4月2日\n",
        {"title": "某某市节水行动方案", "doc_number": None, "issuer": "某某市人民政府", "issued_date": "2030-04-02",
         "jurisdiction": "某某市", "cites": []},
        "issuer and date signed on one line",
    ),
    (
        "附件\n某某市节能行动方案\n（2030年5月6日）\n为推进节能，制定本方案。\n一、总体要求\n",
        {"title": "某某市节能行动方案", "doc_number": None, "issuer": None, "issued_date": "2030-05-06",
         "jurisdiction": "某某市", "cites": []},
        "an attachment printed alone, dated under its title",
    ),
])

# a joint notice, its signature and the plan it transmits (title over two lines)
JOINT_NOTE = ("各区县党委和人民政府，市级有关部门：\n"
              "现将《临川市城乡供水保障三年行动方案》发给你们，望各单位一体遵照执行。\n")
JOINT_SIGNED = "中共临川市委办公室\n临川市人民政府办公室\n2030年6月3日\n"
JOINT_PLAN = "临川市城乡供水保障\n三年行动方案\n为保障城乡供水，制定本方案。\n一、总体要求\n推进供水。\n二、保障措施\n加强领导。\n"
JOINT = {"title": "临川市城乡供水保障三年行动方案", "issuer": "中共临川市委办公室、临川市人民政府办公室",
         "issued_date": "2030-06-03", "jurisdiction": "临川市"}
FOUR = "临川市发展和改革委员会\n临川市经济和信息化局\n临川市生态环境局\n临川市住房和城乡建设局\n"
FOUR_NAMES = "临川市发展和改革委员会、临川市经济和信息化局、临川市生态环境局、临川市住房和城乡建设局"

# the plan's own title, not the red-head lines of its issuers
OWN_BODY = "\n为推进节水，制定本方案。\n一、总体要求\n推进。\n"
TITLE_DOCUMENTS = unique([
    ("中共临川市委办公室\n临川市人民政府办公室\n关于印发《临川市城乡供水保障三年行动方案》的通知\n"
     + JOINT_NOTE + JOINT_SIGNED + JOINT_PLAN, JOINT, "joint notice, one issuer a line: keeps today's reading"),
    ("中共临川市委办公室\n临川市人民政府办公室\n文件\n临委办发〔2030〕3号\n中共临川市委办公室\n临川市人民政府办公室\n"
     "关于印发《临川市城乡供水保障三年行动方案》的通知\n" + JOINT_NOTE + JOINT_SIGNED + JOINT_PLAN,
     {**JOINT, "doc_number": "临委办发〔2030〕3号"}, "a red head printed one issuer a line, 文件 on the last"),
    ("中共临川市委办公室 临川市人民政府办公室文件\n临委办发〔2030〕3号\n中共临川市委办公室 临川市人民政府办公室\n"
     "关于印发《临川市城乡供水保障三年行动方案》的通知\n" + JOINT_NOTE + JOINT_SIGNED + JOINT_PLAN,
     {**JOINT, "doc_number": "临委办发〔2030〕3号"}, "a red head on one line: keeps today's reading"),
    (FOUR + "关于印发临川市城乡供水保障\n三年行动方案的通知\n临发改〔2030〕3号\n" + JOINT_NOTE
     + "临川市发展和改革委员会  临川市经济和信息化局\n临川市生态环境局  临川市住房和城乡建设局\n2030年6月3日\n" + JOINT_PLAN,
     {**JOINT, "issuer": FOUR_NAMES, "doc_number": "临发改〔2030〕3号"},
     "four issuer lines above a notice title over two lines: the issuer lines do not use up the title's lines"),
    ("临川市人民政府关于印发临川市推动城乡供水保障和水资源节约集约利用三年行动方案的通知\n临府发〔2030〕3号\n"
     "各区县人民政府：\n现将方案印发给你们。\n临川市人民政府\n2030年6月3日\n（此件公开发布）\n"
     "临川市推动城乡供水保障\n和水资源节约集约利用\n三年行动方案\n为保障城乡供水，制定本方案。\n一、总体要求\n",
     {"title": "临川市推动城乡供水保障和水资源节约集约利用三年行动方案", "issuer": "临川市人民政府"},
     "the plan's title over three lines: keeps today's reading"),
    ("临川市水务局关于印发临川市城乡供水保障三年行动方案的通知 临水发〔2030〕3号 各区县水务局："
     "现将方案印发给你们。\n临川市水务局\n2030年6月3日\n临川市城乡供水保障三年行动方案\n一、总体要求\n",
     {"title": "临川市城乡供水保障三年行动方案", "doc_number": "临水发〔2030〕3号", "issuer": "临川市水务局"},
     "a web print runs title, number and 主送 into one line: the number right after the title is its own"),
    ("临川市人民政府关于印发临川市城乡供水保障行动方案的通知\n临府发〔2030〕3号\n各区县人民政府：\n"
     "现将《临川市城乡供水保障行动方案》印发给你们。\n临川市人民政府\n2030年6月3日\n临川市城乡供水保障行动方案\n"
     "（2030—2032年）\n为保障城乡供水，制定本方案。\n一、总体要求\n",
     {"title": "临川市城乡供水保障行动方案（2030—2032年）"},
     "the notice names the plan without its period; the plan prints the period under its title"),
    ("临川市水务局关于印发临川市供水保障方案的通知\n各区县水务局：\n现将方案印发给你们。\n临川市水务局\n"
     "2030年6月3日\n附件\n临川市城乡供水\n保障方案\n一、总体要求\n",
     {"title": "临川市城乡供水保障方案", "issuer": "临川市水务局"},
     "the plan under its 附件 label, its title unlike the notice's: keeps today's reading"),
    ("临川市发展和改革委员会\n临川市生态环境局\n临川市城乡供水保障行动方案" + OWN_BODY,
     {"title": "临川市城乡供水保障行动方案", "issuer": "临川市发展和改革委员会、临川市生态环境局"},
     "issuer lines above a plan title that does not go on from them are a red head, not the title"),
    ("国务院办公厅\n“十四五”城乡节水方案" + OWN_BODY, {"title": "“十四五”城乡节水方案", "issuer": "国务院办公厅"},
     "a red head above a title that opens with a quotation"),
    ("临川市建设国际消费中心城市行\n动方案" + OWN_BODY, {"title": "临川市建设国际消费中心城市行动方案", "issuer": None},
     "a title broken after a letter that ends names (…行 / 动方案) is one title"),
    ("临川市发展和改革委员会 临川市生态环境局\n临川市水务局关于印发临川市节水方案的通知\n各区县：\n现将方案印发给你们。\n"
     "2030年1月2日\n临川市节水方案\n一、总体要求\n",
     {"title": "临川市节水方案", "issuer": "临川市发展和改革委员会、临川市生态环境局、临川市水务局"},
     "names that go on into the title's own issuer before 关于 are all issuers: keeps today's reading"),
    ("临川市贯彻落实《东川省城乡节水规划》\n实施方案" + OWN_BODY, {"title": "临川市贯彻落实《东川省城乡节水规划》实施方案"},
     "a kind word closing a cited title does not end a title that goes on to its own kind"),
    ("关于贯彻落实东川省加快节水发展的意见\n的实施方案" + OWN_BODY,
     {"title": "关于贯彻落实东川省加快节水发展的意见的实施方案", "jurisdiction": None},
     "a line opening with 的 goes on from the kind above it; the province it carries out is not its place"),
])

# the issuer: signature, the notice's own title, short forms spelled out; a bare date line
ISSUER_DOCUMENTS = unique([
    ("临川市人民政府关于印发临川市节水行动方案的通知\n临府发〔2030〕8号\n各区县人民政府：\n"
     "现将《临川市节水行动方案》发给你们，望遵照办理。\n2030年4月9日\n临川市节水行动方案\n一、总体要求\n推进节水。\n",
     {"title": "临川市节水行动方案", "issuer": "临川市人民政府", "issued_date": "2030-04-09", "jurisdiction": "临川市"},
     "no signature: the issuer from the notice's own title, the date from its bare line"),
    ("中共临川市委办公室\n临川市人民政府办公室\n关于印发《临川市城乡供水保障三年行动方案》的通知\n"
     + JOINT_NOTE + "2030年6月3日\n" + JOINT_PLAN, JOINT, "joint notice with no signature: the issuers of its title"),
    ("四川省生活垃圾分类行动方案\n为推进垃圾分类，制定本方案。\n一、总体要求\n推进分类。\n二、保障措施\n加强领导。\n"
     "省人民政府\n2030年5月1日\n",
     {"issuer": "四川省人民政府", "issued_date": "2030-05-01", "jurisdiction": "四川省"}, "省人民政府 spelled out"),
    ("广西壮族自治区节水行动方案\n为推进节水，制定本方案。\n一、总体要求\n推进节水。\n自治区人民政府办公厅\n2030年5月2日\n",
     {"issuer": "广西壮族自治区人民政府办公厅", "jurisdiction": "广西壮族自治区"}, "自治区人民政府办公厅 spelled out"),
    ("临川市节水行动方案\n为推进节水，制定本方案。\n一、总体要求\n推进节水。\n中共市委办公室  市政府办公室\n2030年5月3日\n",
     {"issuer": "中共临川市委办公室、临川市政府办公室", "jurisdiction": "临川市"}, "中共市委办公室 and 市政府办公室 spelled out"),
    ("临川市节水行动方案\n一、总体要求\n推进节水。\n市场监管局\n2030年5月3日\n",
     {"issuer": "市场监管局"}, "市场 is no level word: the name stays as written"),
    ("东川省大气污染防治方案\n一、总体要求\n推进治理。\n省生态环境厅\n2030年1月9日\n",
     {"issuer": "东川省生态环境厅", "jurisdiction": "东川省"}, "a department's short form: its province"),
    ("临川市城乡供水保障行动方案\n为保障供水，制定本方案。\n一、总体要求\n推进。\n二、保障措施\n加强领导。\n2030年6月3日\n"
     "附件：重点任务分工表\n序号\n任务\n责任单位\n1\n推进供水\n市水务局\n",
     {"issuer": None, "issued_date": "2030-06-03"}, "a date line with no signature, right before the 附件"),
    ("临川市人民政府办公室文件\n临府办发〔2030〕3号\n关于印发临川市节水方案的通知\n各区县人民政府：\n现将方案发给你们，望遵照执行。\n"
     "2030年1月2日\n临川市节水方案\n一、总体要求\n推进。\n",
     {"title": "临川市节水方案", "issuer": "临川市人民政府办公室", "doc_number": "临府办发〔2030〕3号",
      "issued_date": "2030-01-02", "jurisdiction": "临川市"},
     "no issuer in the title and no signature: the masthead names it"),
    ("临川市城乡供水保障行动方案\n一、总体要求\n到2030年6月3日前完成摸底。\n二、保障措施\n加强领导。\n附件\n序号\n任务\n"
     "责任单位\n1\n推进供水\n市水务局\n",
     {"issued_date": None}, "a deadline inside the body is no date line"),
])

# jurisdiction from the issuer and the title, not from the first place named
JURISDICTION_DOCUMENTS = unique([
    ("临川市人民政府关于支持青石县加快发展的实施意见\n临府发〔2030〕2号\n各区县人民政府：\n为支持青石县发展，提出如下意见。\n"
     "一、总体要求\n全市支持。\n临川市人民政府\n2030年5月5日\n",
     {"jurisdiction": "临川市"}, "a city's plan about one of its counties: keeps today's reading"),
    ("白河县城乡供水方案\n一、总体要求\n全市推进。\n临川市人民政府\n2030年1月1日\n",
     {"jurisdiction": "临川市"}, "the city that signs a county's plan"),
    ("加快推进节水型社会建设实施方案\n为推动青石县、白河县率先建成节水型社会，结合我市实际，制定本方案。\n一、总体要求\n"
     "全市推进节水。临川市水务局牵头。\n二、保障措施\n临川市各区县落实。\n", {"jurisdiction": "临川市"},
     "no place in the title: the city the text names, not the counties it names first"),
    ("广西加快推进节水行动方案\n为推进全区节水，结合全国部署，制定本方案。全国各地区。全国。\n一、总体要求\n全区推进。\n",
     {"jurisdiction": "广西壮族自治区"}, "a region's short name opens the title: not 全国"),
    ("关于加快推进节水的实施意见\n为推进全区节水，落实全国部署，内蒙古各盟市要行动。\n一、总体要求\n全区推进，"
     "内蒙古自治区发展改革委牵头。全区落实。\n", {"jurisdiction": "内蒙古自治区"}, "全区 and the region named: not 全国"),
    ("关于加快推进节水的实施意见\n各盟行政公署、市人民政府：\n为推进全区节水，落实全国部署。全国。\n一、总体要求\n全区推进。\n"
     "自治区人民政府\n2030年1月1日\n", {"issuer": "自治区人民政府", "jurisdiction": None},
     "signed 自治区人民政府 and no region named: not 全国"),
    ("内蒙古自治区人民政府关于印发自治区节能行动方案的通知\n内政发〔2030〕3号\n各盟行政公署、市人民政府：\n"
     "现将《自治区节能行动方案》印发给你们。\n内蒙古自治区人民政府\n2030年2月2日\n自治区节能行动方案\n一、总体要求\n"
     "全区推进，全国领先。各地区抓落实。\n", {"title": "自治区节能行动方案", "jurisdiction": "内蒙古自治区"},
     "a region's notice: keeps today's reading"),
    ("凉山彝族自治州节水行动方案\n全州推进。\n一、总体要求\n推进节水。\n州人民政府\n2030年1月1日\n",
     {"issuer": "凉山彝族自治州人民政府", "jurisdiction": "凉山彝族自治州"}, "an autonomous prefecture"),
    ("关于加快推进节水的实施意见\n一、总体要求\n全州推进。\n延边州人民政府\n2030年1月1日\n",
     {"jurisdiction": "延边州"}, "a prefecture's short name (X州)"),
    ("关于加快推进节水的实施意见\n一、总体要求\n全区推进。\n喀什地区行政公署办公室\n2030年1月1日\n",
     {"jurisdiction": "喀什地区"}, "a 地区 named with its seat"),
    ("关于加快推进节水的实施意见\n一、总体要求\n全盟推进。\n兴安盟行政公署\n2030年1月1日\n",
     {"jurisdiction": "兴安盟"}, "a 盟 named with its seat: not a ministry (…署)"),
    ("支持贫困地区节水行动方案\n全国推进，各地区落实。\n一、总体要求\n推进。\n",
     {"jurisdiction": "全国"}, "贫困地区 is no place"),
    ("省生态环境厅2030年度大气污染防治工作计划\n全省推进。东川沿海、东川南部先行。\n一、总体要求\n推进。\n",
     {"jurisdiction": None}, "a department's plan (省生态环境厅) naming no known province: none, never 全国"),
    ("省生态环境厅2030年度大气污染防治工作计划\n全国推进。江苏沿海先行。\n一、总体要求\n推进。\n",
     {"jurisdiction": "江苏省"}, "a department's plan (省生态环境厅) is its province's, though the text says 全国"),
    ("大气污染防治方案\n一、总体要求\n全国推进，各地区要落实。\n东川省生态环境厅\n2030年1月9日\n",
     {"issuer": "东川省生态环境厅", "jurisdiction": "东川省"}, "the signing department's province: keeps today's reading"),
])


@pytest.mark.parametrize("text,expected,note", TITLE_DOCUMENTS + ISSUER_DOCUMENTS + JURISDICTION_DOCUMENTS)
def test_document_rules(text, expected, note):
    document, _, _ = parse(text)
    assert {k: getattr(document, k) for k in expected} == expected, note


@pytest.mark.parametrize("text,expected,note", DOCUMENTS)
def test_document_fields(text, expected, note):
    document, _, _ = parse(text)
    got = {k: getattr(document, k) for k in expected}
    assert got == expected, note
    if document.title_start is not None:
        printed = text[document.title_start:document.title_end].replace("\n", "")
        assert printed == document.title, note


def test_seed_body_starts_after_the_cover_notice():
    document, sections, _ = parse(SEED_HEAD)
    assert SEED_HEAD[document.body_start:].startswith("重庆市“十四五”节能减排\n")
    assert outline(sections) == [("1", 1, "总体要求")]


def test_a_notice_without_numbered_structure_warns():
    text = ("某某市人民政府办公厅关于做好节能宣传周工作的通知\n各区人民政府，市级有关部门：\n"
            "请各单位按照要求组织开展宣传活动，2030年6月底前报送总结。\n某某市人民政府办公厅\n2030年5月20日\n")
    document, sections, source = parse(text)
    assert sections == []
    assert document.issuer == "某某市人民政府办公厅" and document.issued_date == "2030-05-20"
    assert document.title == "某某市人民政府办公厅关于做好节能宣传周工作的通知"
    assert any("no numbered sections" in w for w in source.warnings)


# ---------------------------------------------------------------- sections

# an item 1. under 一、, for the rows on labels run into digits
FIRST_ITEM = "方案\n一、主要目标\n1.推进节能改造。加强管理。\n"
FIRST_ONLY = [("1", 1, "主要目标"), ("1.1", 2, "推进节能改造")]

SECTIONS = unique([
    (
        "方案\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、主要目标\n到2025年，全市单位地区生产总值能源消耗比2020年下降14%。\n"
        "三、实施节能减排重点工程\n（一）重点行业绿色升级工程。\n1．着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点设计建设。\n"
        "2．推进重点行业污染物减量化。推动工业炉窑深度治理和升级改造。\n（二）园区节能环保提升工程。\n1．深入开展绿色园区建设。推进国家绿色产业示范基地建设。\n",
        [("1", 1, "总体要求"), ("2", 1, "主要目标"), ("3", 1, "实施节能减排重点工程"),
         ("3.1", 2, "重点行业绿色升级工程"), ("3.1.1", 3, "着力提升重点行业能效水平"),
         ("3.1.2", 3, "推进重点行业污染物减量化"), ("3.2", 2, "园区节能环保提升工程"),
         ("3.2.1", 3, "深入开展绿色园区建设")],
        "seed ladder 一、 > （一） > 1．",
    ),
    (
        "方案\n一、重点任务\n(一)加快产业转型\n1.严控项目盲目发展。严格审批。\n2.推动产业发展。培育新兴产业。\n"
        "(二)推动行业改造\n3.推动节能改造。实施改造工程。\n二、保障措施\n(一)强化组织实施。加强领导。\n",
        [("1", 1, "重点任务"), ("1.1", 2, "加快产业转型"), ("1.1.1", 3, "严控项目盲目发展"),
         ("1.1.2", 3, "推动产业发展"), ("1.2", 2, "推动行业改造"), ("1.2.3", 3, "推动节能改造"),
         ("2", 1, "保障措施"), ("2.1", 2, "强化组织实施")],
        "half-width labels; items numbered on across sections keep their number",
    ),
    (
        "方案\n一、重点工程\n1．实施节能工程。推进改造。\n2．实施减排工程。推进治理。\n二、政策机制\n3．强化目标管理。实行双控。\n4．深入推进绿色改造。推进改造。\n",
        [("1", 1, "重点工程"), ("1.1", 2, "实施节能工程"), ("1.2", 2, "实施减排工程"), ("2", 1, "政策机制"),
         ("2.3", 2, "强化目标管理"), ("2.4", 2, "深入推进绿色改造")],
        "1． directly under 一、 is level 2, numbering runs on",
    ),
    (
        "规划\n第一章 发展基础\n一、主要成就\n成效明显。\n二、面临形势\n形势复杂。\n第二章 总体要求\n一、指导思想\n坚持稳中求进。\n",
        [("1", 1, "发展基础"), ("1.1", 2, "主要成就"), ("1.2", 2, "面临形势"), ("2", 1, "总体要求"),
         ("2.1", 2, "指导思想")],
        "第一章 above 一、, which restarts in each chapter",
    ),
    (
        "方案\n一、主要任务\n（一）引导各类社会组织和志愿服务团队等积极参与节水宣传和\n"
        "节约用水工作\n各级机关要带头采购。\n（二）推动地区协作。\n",
        [("1", 1, "主要任务"), ("1.1", 2, "引导各类社会组织和志愿服务团队等积极参与节水宣传和节约用水工作"),
         ("1.2", 2, "推动地区协作")],
        "a heading broken over two printed lines is joined",
    ),
    (
        "方案\n一、主要任务\n（一）\n加强组织领导。各单位要落实责任。\n（二）\n强化监督考核。\n",
        [("1", 1, "主要任务"), ("1.1", 2, "加强组织领导"), ("1.2", 2, "强化监督考核")],
        "a label alone on its line takes its words from the next",
    ),
    (
        "方案\n一、主要任务\n（一）推进改造。重点做好以下工作：对钢铁行业开展改造，对建材行业开展节能诊断，\n"
        "2.5万吨以上的项目全部纳入监管，\n3.对化工行业开展评估。\n（二）加强监管。加强执法。\n",
        [("1", 1, "主要任务"), ("1.1", 2, "推进改造"), ("1.2", 2, "加强监管")],
        "wrapped lines of a paragraph that start with digits are not headings",
    ),
    (
        "方案\n一、总体要求\n推进工作。\n二、保障措施\n加强领导。\n附件：1．重点任务分工表\n2．重点项目清单\n"
        "重点任务分工表\n一、节能任务\n（一）开展节能诊断。\n",
        [("1", 1, "总体要求"), ("2", 1, "保障措施")],
        "附件 lists and the appendix's own numbering are not sections",
    ),
    (
        "方案\n一、总体要求\n推进工作。\n二、保障措施\n加强领导。\n重点任务分工表\n一、节能任务\n（一）开展节能诊断。\n",
        [("1", 1, "总体要求"), ("2", 1, "保障措施")],
        "an 一、 that restarts ends the body",
    ),
    (
        "某某市人民政府关于印发某某市节能方案的通知\n各区人民政府：\n现将方案印发给你们，并提出以下要求：\n"
        "一、高度重视。各区要加强领导。\n二、抓好落实。各部门要按职责分工负责。\n某某市人民政府\n2030年3月1日\n"
        "某某市节能方案\n一、总体要求\n推进工作。\n二、重点任务\n（一）推动节能。加强管理。\n",
        [("1", 1, "总体要求"), ("2", 1, "重点任务"), ("2.1", 2, "推动节能")],
        "the cover notice's own numbered items are not sections",
    ),
    (
        "清单\n一、开展调查工作\n（一）具体工作措施\n1.4月底前完成摸底。\n2.5月召开部署会。\n3.汛前组织专家排查。\n",
        [("1", 1, "开展调查工作"), ("1.1", 2, "具体工作措施"), ("1.1.1", 3, "4月底前完成摸底"),
         ("1.1.2", 3, "5月召开部署会"), ("1.1.3", 3, "汛前组织专家排查")],
        "items whose words start with a month",
    ),
    (
        "方案\n一、重点任务\n（一）加强管理。\n1.完善制度。健全机制。\n（1）制定办法。明确要求。\n（2）完善标准。\n①修订能耗限额标准。\n"
        "②制定评价规范。\n2.强化监督。\n",
        [("1", 1, "重点任务"), ("1.1", 2, "加强管理"), ("1.1.1", 3, "完善制度"), ("1.1.1.1", 4, "制定办法"),
         ("1.1.1.2", 4, "完善标准"), ("1.1.1.2.1", 5, "修订能耗限额标准"), ("1.1.1.2.2", 5, "制定评价规范"),
         ("1.1.2", 3, "强化监督")],
        "the whole ladder down to ①",
    ),
    (
        "某某市碳达峰实施方案 为贯彻落实有关部署，制定本计划。一、总体要求（一）工作思路。坚持统筹兼顾，推动工作。"
        "（二）工作原则。坚持系统推进。二、主要措施（一）能源转型行动。推进能源转型。（责任单位：市能源局） "
        + "某某市持续推进绿色低碳发展，加快形成节约资源和保护环境的产业结构。" * 40
        + "\n",
        [("1", 1, "总体要求"), ("1.1", 2, "工作思路"), ("1.2", 2, "工作原则"), ("2", 1, "主要措施"),
         ("2.1", 2, "能源转型行动")],
        "scraper output with paragraphs joined into one line",
    ),
    (
        "方案\n为做好以下工作：\n1.摸清底数。\n2.制定计划。\n一、总体要求\n推进工作。\n（一）加强领导。\n",
        [("1", 1, "摸清底数"), ("2", 1, "制定计划"), ("1", 1, "总体要求"), ("1.1", 2, "加强领导")],
        "一、 never stands under a 1． item of the preamble",
    ),
    (
        "方案\n一、工作安排\n（一）摸底阶段。完成时限：\n2030年6月30日\n（二）实施阶段。全面推进。\n"
        "二、保障措施\n（一）加强领导。\n（二）强化考核。\n",
        [("1", 1, "工作安排"), ("1.1", 2, "摸底阶段"), ("1.2", 2, "实施阶段"), ("2", 1, "保障措施"),
         ("2.1", 2, "加强领导"), ("2.2", 2, "强化考核")],
        "a date alone on a line of a table is no signature",
    ),
    (
        "方案\n一、总体要求\n推进工作。\n二、保障措施\n加强领导。\n某某市人民政府\n2030年4月2日\n（此件公开发布）\n",
        [("1", 1, "总体要求"), ("2", 1, "保障措施")],
        "the signature is not in the last section",
    ),
    (
        "方案\n一、重点任务\n1.推进节能改造（责任单位：市经济信息委）\n2.创建试点园区（企业）\n",
        [("1", 1, "重点任务"), ("1.1", 2, "推进节能改造"), ("1.2", 2, "创建试点园区（企业）")],
        "a closing responsibility note is not part of the title; a closing （企业） is",
    ),
    ("方案\n一、重点工程\n1.节水改造工程。推进改造。\n2.135工程。建设一批示范项目。\n3.5G网络覆盖工程。新建基站。\n",
     [("1", 1, "重点工程"), ("1.1", 2, "节水改造工程"), ("1.2", 2, "135工程"), ("1.3", 2, "5G网络覆盖工程")],
     "a label run into digits that start a name continues its siblings: item 2 is 135工程"),
    (FIRST_ITEM + "2.5万吨以上的企业全部完成改造。\n", FIRST_ONLY,
     "a line that starts with a decimal quantity is prose, though 2 would continue 1"),
    (FIRST_ITEM + "3.5G基站覆盖全部乡镇。\n", FIRST_ONLY, "digits after a point that skip a number (1 then 3) are no label"),
    ("方案\n一、主要目标\n2.135工程全面完成。\n", FIRST_ONLY[:1], "no open sibling before it: 2.135 is not item 2"),
    (FIRST_ITEM + "2.5%的企业完成改造。\n2.推进减排。\n", FIRST_ONLY + [("1.2", 2, "推进减排")],
     "a percentage after the point is a decimal quantity; the real item 2 follows"),
])


@pytest.mark.parametrize("text,expected,note", SECTIONS)
def test_sections(text, expected, note):
    _, sections, _ = parse(text)
    assert outline(sections) == expected, note


def test_last_section_stops_before_the_signature():
    text = "方案\n一、总体要求\n推进工作。\n某某市人民政府\n2030年4月2日\n（此件公开发布）\n"
    _, sections, _ = parse(text)
    assert sections[-1].text == "总体要求\n推进工作。"


def test_section_spans_and_text():
    text = ("方案\n一、主要任务\n（一）推进改造。对钢铁行业开展改造。（市经济信息委、市生态环境局等按职责分工负责）\n"
            "（二）加强监管。加强执法。\n")
    _, sections, _ = parse(text)
    first = sections[1]
    assert text[first.start:].startswith("（一）推进改造")
    assert first.label == "（一）" and first.number == 1 and first.style == "paren_cn"
    assert first.text == "推进改造。对钢铁行业开展改造。（市经济信息委、市生态环境局等按职责分工负责）"
    assert text[first.text_start:first.end] == first.text
    assert first.parent_id == sections[0].id and sections[0].parent_id is None
    assert len({s.id for s in sections}) == len(sections)


def test_seed_plan(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    document, sections, source = parse(text)
    assert document.title == "重庆市“十四五”节能减排综合工作实施方案"
    assert len(sections) == 69 and source.warnings == []
    paths = [s.path for s in sections]
    assert paths[:5] == ["1", "2", "3", "3.1", "3.1.1"] and paths[-1] == "5.3"
    note = next(s for s in sections if s.path == "3.1.1")
    assert note.text.endswith("以下均需区县落实，不再列出〕")
    for s in sections:
        assert text[s.start:s.text_start].strip() == s.label
        assert text[s.text_start:s.end] == s.text


@pytest.mark.slow
def test_every_dev_document_structures(dev_dir):
    """Every development plan parses; the gold documents' outlines match."""
    from policykb.read import read_document

    failures = []
    for path in sorted(dev_dir.glob("*.txt")):
        try:
            source = read_document(path)
            document, sections = parse_structure(source)
        except Exception as e:  # noqa: BLE001 - collect every failure, report together
            failures.append(f"{path.name}: {type(e).__name__}: {e}")
            continue
        for s in sections:
            if not (0 <= s.start <= s.text_start <= s.end <= len(source.text)):
                failures.append(f"{path.name}: bad span at {s.path}")
        gold_path = dev_dir / f"{path.name[:-len('.txt')]}.gold.json"
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            want = [(g["path"], g["level"], g["title"]) for g in gold["sections"]]
            if outline(sections) != want:
                failures.append(f"{path.name}: outline differs from gold")
            for key in ("title", "doc_number", "issuer", "issued_date"):
                if getattr(document, key) != gold["document"].get(key):
                    failures.append(f"{path.name}: {key} {getattr(document, key)!r} != {gold['document'].get(key)!r}")
    assert not failures, "\n".join(failures)
