"""Stage 1 on small inputs: encodings, script, punctuation folding, web
pages, tables, PDF line repair, and one-line errors for bad files. Every file
is generated here; no document is committed."""
from __future__ import annotations

import pytest

from policykb.read import READERS, read_document
from policykb.read.html import html_to_text
from policykb.read.normalize import fold_punctuation
from policykb.read.pdf import Line, is_page_number, join_lines
from policykb.read.script import is_traditional, simplify_script
from policykb.read.tables import classify_header, render_table

SEED_PARAGRAPH = ("到2025年，全市单位地区生产总值能源消耗比2020年下降14%，能源消费总量得到合理控制。"
                  "〔市发展改革委、市经济信息委等按职责分工负责〕")


def unique(table, column=0):
    keys = [row[column] for row in table]
    assert len(keys) == len(set(keys)), "duplicate inputs in the table"
    return table


# ---------------------------------------------------------------- encodings

ENCODINGS = unique([
    # (encoding written, encoding reported, note)
    ("utf-8", "utf-8-sig", "plain UTF-8 (utf-8-sig reads it too)"),
    ("utf-8-sig", "utf-8-sig", "UTF-8 with the BOM Notepad writes"),
    ("gbk", "gb18030", "GBK, the common office encoding"),
    ("gb2312", "gb18030", "GB2312, GBK's subset"),
    ("gb18030", "gb18030", "GB18030 itself"),
    ("utf-16", "utf-16", "Notepad's 'Unicode' (UTF-16 with BOM)"),
])


@pytest.mark.parametrize("written,reported,note", ENCODINGS)
def test_text_encodings_are_detected(tmp_path, written, reported, note):
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED_PARAGRAPH.encode(written))
    source = read_document(path)
    assert source.text == SEED_PARAGRAPH, note
    assert source.encoding == reported and source.format == "txt"
    assert len(source.norm) == len(source.text)


# ---------------------------------------------------------------- punctuation

FOLDS = unique([
    # (as written, folded, note)
    ("(一)总体要求", "（一）总体要求", "ASCII brackets of a heading label"),
    ("1．着力提升", "1.着力提升", "full-width stop of an arabic label"),
    ("责任单位:市发展改革委;完成时限:2025年", "责任单位：市发展改革委；完成时限：2025年", "half-width note punctuation"),
    ("下降１４．５％", "下降14.5%", "full-width digits and percent"),
    ("渝府发[2022]39号", "渝府发〔2022〕39号", "square brackets of a document number"),
    ("共1,000家,其中", "共1,000家，其中", "thousands comma kept, clause comma folded"),
    ("重庆市人民政府\u3000\u3000", "重庆市人民政府  ", "ideographic spaces become spaces, one for one"),
])


@pytest.mark.parametrize("text,folded,note", FOLDS)
def test_fold_punctuation(text, folded, note):
    assert fold_punctuation(text) == folded, note


# ---------------------------------------------------------------- script

SCRIPTS = unique([
    # (text, is Traditional, note)
    ("市發展改革委牽頭，各區縣負責落實。", True, "a Traditional note"),
    ("二、主要目標", True, "one changed character in a short heading"),
    ("市发展改革委牵头，各区县负责落实。", False, "Simplified"),
    ("到2025年下降14%", False, "Simplified, few Han characters"),
    ("PM2.5 and NOx", False, "no Han characters"),
    ("全面贯彻党的十九大精神，推动实施乾隆年间修建的古桥保护工程与“于”字号项目等工作安排部署", False,
     "Simplified with characters OpenCC leaves alone"),
])


@pytest.mark.parametrize("text,traditional,note", SCRIPTS)
def test_is_traditional(text, traditional, note):
    assert is_traditional(text) is traditional, note


def test_traditional_file_is_parsed_simplified_and_kept_as_written(tmp_path):
    traditional = "到2025年，全市單位地區生產總值能源消耗比2020年下降14%。〔市發展改革委、市經濟信息委等按職責分工負責〕"
    path = tmp_path / "plan.txt"
    path.write_text(traditional, encoding="utf-8")
    source = read_document(path)
    assert source.text == "到2025年，全市单位地区生产总值能源消耗比2020年下降14%。〔市发展改革委、市经济信息委等按职责分工负责〕"
    assert source.original_text == traditional
    assert source.warnings == []


def test_big5_traditional_file(tmp_path):
    traditional = "二、主要目標\n到2025年，全市單位地區生產總值能源消耗比2020年下降14%。"
    path = tmp_path / "plan.txt"
    path.write_bytes(traditional.encode("big5"))
    source = read_document(path)
    assert source.encoding == "big5" and source.original_text == traditional
    assert source.text == "二、主要目标\n到2025年，全市单位地区生产总值能源消耗比2020年下降14%。"


def test_short_gbk_is_not_taken_for_big5(tmp_path):
    for text in ["节能减排", "一、总体要求", "市发展改革委牵头"]:
        path = tmp_path / "short.txt"
        path.write_bytes(text.encode("gbk"))
        assert read_document(path).text == text


def test_simplified_text_is_left_alone():
    assert simplify_script(SEED_PARAGRAPH) == (SEED_PARAGRAPH, None)


# ---------------------------------------------------------------- html

PAGE = "<html><head><title>t</title></head><body>{}</body></html>"
NAV = '<nav><a href="/">首页</a><a href="/zc">政策文件解读与政务公开栏目</a></nav>'
HTML = unique([
    # (body html, expected text, note)
    (NAV + '<div id="zoom"><p>一、总体要求</p><p>推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。</p></div>'
     '<div class="bdsharebuttonbox">分享到：微信</div>',
     "一、总体要求\n推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。", "a #zoom article; nav and share box dropped"),
    ('<div class="TRS_Editor">一、总体要求<br>推进节能减排工作，<br/>深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系和碳达峰行动。</div>',
     "一、总体要求\n推进节能减排工作，\n深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系和碳达峰行动。", "<br> breaks kept as lines"),
    ('<div class="main"><div class="left"><a href="/a">通知公告链接文字很长很长很长的标题</a></div>'
     '<div class="right"><div>一、总体要求</div><div>推进节能减排工作，\n    深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。</div>'
     '<div>二、主要目标</div></div></div><div class="copyright">版权所有：某某市人民政府办公厅</div>',
     "一、总体要求\n推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。\n二、主要目标",
     "no known selector: the block with most Chinese text; a source line break inside Chinese vanishes"),
    ('<div id="zoom"><p>推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系和碳达峰行动。</p>'
     '<p>【打印本页】【关闭窗口】</p><script>var a = "不是正文的脚本内容文字";</script></div>',
     "推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系和碳达峰行动。", "print/close links and scripts inside the article dropped"),
    ('<div id="zoom"><table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>'
     '<tr><td>1</td><td>推进工业领域节能降碳改造。</td><td rowspan="2">市经济信息委</td><td>市发展改革委</td></tr>'
     '<tr><td>2</td><td>实施城镇绿色节能改造工程。</td><td>市住房城乡建委</td></tr></table></div>',
     "1．推进工业领域节能降碳改造。（牵头单位：市经济信息委；配合单位：市发展改革委）\n"
     "2．实施城镇绿色节能改造工程。（牵头单位：市经济信息委；配合单位：市住房城乡建委）",
     "a task table in a page, rowspan expanded"),
    ('<div class="nav">首页 政务公开</div><div id="printContent"><div class="text">'
     '<p>推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。</p></div></div>',
     "推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。",
     "an article block named printContent is not print furniture"),
    ('<article><header><h1>重庆市“十四五”节能减排综合工作实施方案</h1></header>'
     '<p>推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。</p></article>',
     "重庆市“十四五”节能减排综合工作实施方案\n推进节能减排工作，深入打好污染防治攻坚战，加快建立健全绿色低碳循环发展经济体系。",
     "an <h1> in a dropped <header> still leads the text"),
])


@pytest.mark.parametrize("body,expected,note", HTML)
def test_html_article_text(body, expected, note):
    assert html_to_text(PAGE.format(body)) == expected, note


# ---------------------------------------------------------------- tables

HEADERS = unique([
    # (header row, column kinds, note)
    (("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
     ["number", "task", "lead", "supporting", "deadline"], "the common five columns"),
    (("工作任务", "责任单位", "完成时间"), ["task", "responsible", "deadline"], "a responsible unit column"),
    (("主要任务", "牵头部门", "参与单位"), ["task", "lead", "supporting"], "牵头部门 and 参与单位"),
    (("具体措施", "责任处室", "时间节点"), ["task", "responsible", "deadline"], "a department's own table"),
    (("指标", "2020年", "2025年", "属性"), [None, None, None, None], "a target table is not a task table"),
])


@pytest.mark.parametrize("header,kinds,note", HEADERS)
def test_classify_header(header, kinds, note):
    assert classify_header(list(header)) == kinds, note


def test_table_rows_become_numbered_tasks_with_notes():
    rows = [["重点任务分工表", "重点任务分工表", "重点任务分工表"],
            ["工作任务", "责任单位", "完成时限"],
            ["（一）产业结构调整", "（一）产业结构调整", "（一）产业结构调整"],
            ["推进水泥行业窑炉节能改造。", "各区水务局、市水利局", "2025年底"],
            ["", "", ""],
            ["3．开展园区雨水收集利用。", "市城管委", ""]]
    lines, is_task = render_table(rows)
    assert is_task
    assert lines == ["重点任务分工表",
                     "（一）产业结构调整",
                     "1．推进水泥行业窑炉节能改造。（责任单位：各区水务局、市水利局；完成时限：2025年底）",
                     "3．开展园区雨水收集利用。（责任单位：市城管委）"]


# ---------------------------------------------------------------- pdf

PAGE_NUMBERS = unique([
    # (line, is a page number, note)
    ("— 3 —", True, "em dashes, the GB/T 9704 form"),
    ("- 12 -", True, "hyphens"),
    ("－ 5 －", True, "full-width hyphens"),
    ("7", True, "a bare number"),
    ("第3页", True, "第N页"),
    ("第 3 页 共 12 页", True, "第N页 共M页"),
    ("3/12", True, "N/M"),
    ("14%", False, "a value"),
    ("2025年", False, "a year"),
    ("一、总体要求", False, "a heading"),
])


@pytest.mark.parametrize("line,expected,note", PAGE_NUMBERS)
def test_is_page_number(line, expected, note):
    assert is_page_number(line) is expected, note


def _line(text, x0, x1, top, page=1):
    return Line(text, x0, x1, top, top + 12, page)


def test_pdf_lines_join_across_line_and_page_ends():
    pages = [[_line("（一）重点行业绿色升级工程。推动钢铁、有色金属、建材、化工等行业", 96, 520, 100),
              _line("节能改造。", 72, 132, 120),
              _line("1．着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点", 96, 520, 140),
              _line("设计建设，引导未达到基准水平的存量和在建项目对照能效标杆水平实施", 72, 520, 160)],
             [_line("改造升级。", 72, 132, 100, page=2),
              _line("2．推进1.5万吨以上项目。", 96, 300, 120, page=2)]]
    assert join_lines(pages) == [
        "（一）重点行业绿色升级工程。推动钢铁、有色金属、建材、化工等行业节能改造。",
        "1．着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点设计建设，"
        "引导未达到基准水平的存量和在建项目对照能效标杆水平实施改造升级。",
        "2．推进1.5万吨以上项目。"]


def test_pdf_unindented_heading_after_full_line_starts_a_paragraph():
    pages = [[_line("推动钢铁、有色金属、建材、化工等行业节能改造，全面完成超低排放改造。", 72, 520, 100),
              _line("二、主要目标", 72, 150, 120),
              _line("到2025年，全市单位地区生产总值能源消耗比2020年下降14%。", 72, 400, 140)]]
    assert join_lines(pages)[1:] == ["二、主要目标", "到2025年，全市单位地区生产总值能源消耗比2020年下降14%。"]


def test_pdf_unindented_colon_ends_a_paragraph_outside_brackets():
    pages = [[_line("各市、县政府，省直有关单位：", 72, 520, 100),
              _line("现将《城乡节水三年行动方案》发给你们，望结合本地情况认真组织", 72, 520, 120),
              _line("实施。（责任单位：", 72, 520, 140),
              _line("省水利厅）", 72, 180, 160),
              _line("二、主要目标", 72, 180, 180)]]
    assert join_lines(pages) == ["各市、县政府，省直有关单位：",
                                 "现将《城乡节水三年行动方案》发给你们，望结合本地情况认真组织实施。（责任单位：省水利厅）",
                                 "二、主要目标"]


def test_pdf_indented_document_runs_inline_lists_on():
    pages = [[_line("1．开展节水型单位创建。重点单位包括：（1）年取水量较大的工业企业；（2）纳入取水许可管理", 96, 520, 100),
              _line("的公共机构；", 72, 520, 120),
              _line("（3）符合《节水管理办法》规定的其他单位。", 72, 400, 140),
              _line("2．建立信息公开制度。", 96, 300, 160)]]
    assert join_lines(pages) == ["1．开展节水型单位创建。重点单位包括：（1）年取水量较大的工业企业；（2）纳入取水许可管理"
                                 "的公共机构；（3）符合《节水管理办法》规定的其他单位。", "2．建立信息公开制度。"]


def test_pdf_signature_lines_stay_apart():
    pages = [[_line("确保完成“十四五”节能减排目标，为实现碳达峰、碳中和目标奠定坚实基础，奋力书写建设山清水秀美丽之地新篇章。", 72, 520, 100),
              _line("重庆市人民政府", 436, 520, 140),
              _line("2022年9月18日", 440, 520, 160),
              _line("（此件公开发布）", 96, 200, 180)]]
    assert join_lines(pages) == ["确保完成“十四五”节能减排目标，为实现碳达峰、碳中和目标奠定坚实基础，奋力书写建设山清水秀美丽之地新篇章。",
                                 "重庆市人民政府", "2022年9月18日", "（此件公开发布）"]


def test_every_reader_is_reachable_by_extension():
    assert set(READERS) >= {".txt", ".html", ".htm", ".docx", ".pdf"}
