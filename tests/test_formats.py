"""Each format as offices publish it, generated here from text (no document
is committed): the seed plan as .docx, .pdf, .html, GBK .txt and
Traditional .txt must read to the same paragraphs and extract to the same
sections, tasks and targets as the .txt; task tables in .docx; page
furniture in .pdf; one-line errors for corrupt and unreadable files."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from policykb.models import PolicyKBError
from policykb.read import read_document

SEED_PARAGRAPH = ("到2025年，全市单位地区生产总值能源消耗比2020年下降14%，能源消费总量得到合理控制。"
                  "〔市发展改革委、市经济信息委等按职责分工负责〕")
PDF_FONT = "STSong-Light"  # a CID font reportlab ships; pdfminer maps it back to Unicode
LATIN_FONT = "Helvetica"  # the second font digits and Latin letters are set in
# a run of digits and Latin letters (group 1), or a run of anything else
MIXED_RUN = re.compile(r"([0-9A-Za-z.%]+)|[^0-9A-Za-z.%]+")
RUNNING_HEADER = "重庆市人民政府行政规范性文件"
PAGE_TITLE = "重庆市人民政府关于印发重庆市“十四五”节能减排综合工作实施方案的通知"
PAGE = "<html><head><title>t</title></head><body>{}</body></html>"
NAV = '<nav><a href="/">首页</a><a href="/zc">政策文件解读与政务公开栏目</a></nav>'


def unique(table, column=0):
    keys = [row[column] for row in table]
    assert len(keys) == len(set(keys)), "duplicate inputs in the table"
    return table


# ---------------------------------------------------------------- writers

def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: its non-blank lines, edge spaces removed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_docx(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    """One Word paragraph per line, then the table if one is given."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table):
            for cell, value in zip(row.cells, cells):
                cell.text = value
    document.save(path)
    return path


def write_pdf(text: str, path: Path, size: float = 12, header: str = RUNNING_HEADER, indent: int = 2,
              latin_shift: float | None = None) -> Path:
    """Lay the text out as a government document prints: A4, paragraphs
    indented ``indent`` characters and wrapped at the margin, a running
    header, and the page number as — N — at the foot. With ``latin_shift``,
    digits and Latin letters are set in a second font (Helvetica) whose
    baseline sits that many points above (below, if negative) the Chinese
    text's, as office software does with a Western font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    width, height = A4
    left, right, top, bottom = 72, width - 72, height - 80, 80
    pdf = canvas.Canvas(str(path), pagesize=A4)
    state = {"page": 1, "y": top}

    def furniture():
        pdf.setFont(PDF_FONT, 9)
        pdf.drawCentredString(width / 2, height - 50, header)
        pdf.drawCentredString(width / 2, 45, f"— {state['page']} —")
        pdf.setFont(PDF_FONT, size)

    def runs(line):
        if latin_shift is None:
            return [(line, PDF_FONT, 0.0)]
        return [(m.group(), LATIN_FONT, latin_shift) if m.group(1) else (m.group(), PDF_FONT, 0.0)
                for m in MIXED_RUN.finditer(line)]

    def line_width(line):
        return sum(pdfmetrics.stringWidth(run, font, size) for run, font, _ in runs(line))

    def draw(x, line):
        for run, font, shift in runs(line):
            pdf.setFont(font, size)
            pdf.drawString(x, state["y"] + shift, run)
            x += pdfmetrics.stringWidth(run, font, size)
        state["y"] -= size * 1.6
        if state["y"] < bottom:
            pdf.showPage()
            state["page"] += 1
            state["y"] = top
            furniture()

    furniture()
    for paragraph in paragraphs(text):
        x, line = left + indent * size, ""
        for ch in paragraph:
            if line_width(line + ch) > right - x:
                draw(x, line)
                x, line = left, ""
            line += ch
        draw(x, line)
    pdf.showPage()
    pdf.save()
    return path


def write_html(text: str, path: Path, encoding: str = "utf-8", title: str = PAGE_TITLE) -> Path:
    """A government article page: navigation, breadcrumbs, the title in an
    ``<h1>`` above the content block, share and print links, a footer."""
    from html import escape

    body = "\n".join(f'<p style="text-indent:2em">{escape(p)}</p>' for p in paragraphs(text))
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{encoding}"><title>{escape(title)}_重庆市人民政府网</title>
<script>var site = "首页";</script><style>p {{ line-height: 2 }}</style></head>
<body>
<div class="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zcwj">政策文件</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="article">
<h1>{escape(title)}</h1>
<div class="info">发布时间：2022-09-30 来源：市政府办公厅 字号：大 中 小</div>
<div id="zoom" class="view TRS_UEDITOR">
{body}
</div>
<div class="bdshare">分享到：微信 微博</div>
<div class="tools">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">主办：重庆市人民政府办公厅 版权所有 网站标识码5000000095</div>
</body></html>"""
    path.write_bytes(page.encode(encoding))
    return path


def write_gbk(text: str, path: Path) -> Path:
    path.write_bytes(text.encode("gbk"))
    return path


def write_traditional(text: str, path: Path) -> Path:
    import opencc

    path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    return path


def test_reportlab_cid_font_reads_back():
    """The PDF tests rest on this: pdfplumber reads reportlab's STSong-Light."""
    pytest.importorskip("reportlab")
    import io

    import pdfplumber
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont(PDF_FONT, 12)
    pdf.drawString(72, 700, "市发展改革委牵头，下降14%。")
    pdf.save()
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as doc:
        assert doc.pages[0].extract_text() == "市发展改革委牵头，下降14%。"


# ---------------------------------------------------------------- html, docx, pdf files

def test_html_page_title_outside_the_article_goes_first(tmp_path):
    path = write_html(SEED_PARAGRAPH, tmp_path / "plan.html", title="重庆市“十四五”节能减排综合工作实施方案")
    source = read_document(path)
    assert source.text.splitlines() == ["重庆市“十四五”节能减排综合工作实施方案", SEED_PARAGRAPH]
    assert "分享" not in source.text and "打印" not in source.text and "首页" not in source.text


def test_html_declared_gbk_charset(tmp_path):
    path = write_html(SEED_PARAGRAPH, tmp_path / "plan.htm", encoding="gbk")
    source = read_document(path)
    assert source.format == "html" and source.encoding == "gb18030"
    assert SEED_PARAGRAPH in source.text.splitlines()



def test_docx_task_table(tmp_path):
    table = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
             ["1", "推进工业领域节能降碳改造。", "市经济信息委", "市发展改革委、市能源局", "2025年"],
             ["2", "实施城镇绿色节能改造工程。", "市住房城乡建委", "市机关事务局", "2024年底"]]
    path = write_docx("三、重点任务\n（一）节能降碳", tmp_path / "plan.docx", table=table)
    source = read_document(path)
    assert source.format == "docx"
    assert source.text.splitlines() == [
        "三、重点任务", "（一）节能降碳",
        "1．推进工业领域节能降碳改造。（牵头单位：市经济信息委；配合单位：市发展改革委、市能源局；完成时限：2025年）",
        "2．实施城镇绿色节能改造工程。（牵头单位：市住房城乡建委；配合单位：市机关事务局；完成时限：2024年底）"]
    assert source.tables == [table]


def test_docx_content_controls_are_read(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>渝府发〔2022〕39号</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>'))
    document.save(tmp_path / "sdt.docx")
    assert read_document(tmp_path / "sdt.docx").text.splitlines() == ["渝府发〔2022〕39号", "一、总体要求"]


def test_docx_merged_cells(tmp_path):
    import docx

    document = docx.Document()
    grid = document.add_table(rows=4, cols=3)
    for cell, text in zip(grid.rows[0].cells, ["重点任务", "牵头单位", "配合单位"]):
        cell.text = text
    heading = grid.cell(1, 0).merge(grid.cell(1, 2))
    heading.text = "一、能源结构优化"
    grid.cell(2, 0).text = "推动煤炭清洁高效利用。"
    grid.cell(3, 0).text = "加快发展非化石能源。"
    lead = grid.cell(2, 1).merge(grid.cell(3, 1))
    lead.text = "市能源局"
    grid.cell(2, 2).text = "市发展改革委"
    grid.cell(3, 2).text = "市水利局"
    document.save(tmp_path / "merged.docx")
    assert read_document(tmp_path / "merged.docx").text.splitlines() == [
        "一、能源结构优化",
        "1．推动煤炭清洁高效利用。（牵头单位：市能源局；配合单位：市发展改革委）",
        "2．加快发展非化石能源。（牵头单位：市能源局；配合单位：市水利局）"]



def test_pdf_page_furniture_dropped(tmp_path, seed_text):
    text = "\n".join(paragraphs(seed_text)[20:40])
    path = write_pdf(text, tmp_path / "plan.pdf")
    source = read_document(path)
    assert source.format == "pdf"
    assert source.text.splitlines() == paragraphs(text)
    assert "— 2 —" not in source.text and RUNNING_HEADER not in source.text


def test_pdf_in_sixteen_point_type_without_header(tmp_path, seed_text):
    """三号 (16 pt), the body size GB/T 9704 sets, and page numbers only."""
    text = "\n".join(paragraphs(seed_text)[10:30])
    path = write_pdf(text, tmp_path / "plan.pdf", size=16, header="")
    assert read_document(path).text.splitlines() == paragraphs(text)



# ---------------------------------------------------------------- bad input

def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _docx_bytes(tmp_path) -> bytes:
    return write_docx(SEED_PARAGRAPH, tmp_path / "good.docx").read_bytes()


def _pdf_bytes(tmp_path) -> bytes:
    return write_pdf(SEED_PARAGRAPH, tmp_path / "good.pdf").read_bytes()


def _scanned_pdf(tmp_path) -> bytes:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(100, 100, 300, 400, fill=1)  # an image stand-in: marks, no text
    pdf.showPage()
    pdf.save()
    return (tmp_path / "scan.pdf").read_bytes()


def _docx_without_document(tmp_path) -> bytes:
    with zipfile.ZipFile(tmp_path / "odd.docx", "w") as z:
        z.writestr("readme.txt", "not a word document")
    return (tmp_path / "odd.docx").read_bytes()


BAD = unique([
    # (file name, bytes or a maker of them, words the error contains, note)
    ("missing.docx", None, "no such file", "a path that does not exist"),
    ("empty.pdf", b"", "empty", "zero bytes"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", "a PNG renamed .txt"),
    ("undecodable.txt", "节能".encode() + b"\x81\x30\xff\xfe" * 40, "cannot decode", "bytes no decoder reads"),
    ("halfutf16.txt", "节能减排".encode("utf-16")[:-1], "UTF-16", "UTF-16 cut mid-character"),
    ("latin.txt", "no Chinese here at all".encode(), "no Chinese text", "English text"),
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), ".docx", "an old Word file: save as .docx"),
    ("random.docx", b"PK\x03\x04" + bytes(range(256)) * 3, "corrupt", "not a zip"),
    ("truncated.docx", lambda tmp: _truncated(_docx_bytes(tmp)), "corrupt", "a .docx cut in half"),
    ("nodocument.docx", _docx_without_document, "corrupt", "a zip without word/document.xml"),
    ("oldword.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc", "a .doc renamed .docx"),
    ("truncated.pdf", lambda tmp: _truncated(_pdf_bytes(tmp)), "PDF", "a .pdf cut in half"),
    ("notapdf.pdf", "一、总体要求".encode(), "not a PDF", "text renamed .pdf"),
    ("scan.pdf", _scanned_pdf, "no text layer", "a PDF without text"),
    ("index.html", PAGE.format(NAV + "<div><a href='/a'>更多</a></div>").encode(), "no article", "a page with no article"),
    ("blank.html", b"<html><body></body></html>", "no article", "an empty page"),
])


def _write_bad_file(tmp_path, name, data):
    """Write one BAD row's file (``data`` may build it, or be None: missing)."""
    path = tmp_path / name
    if callable(data):
        data = data(tmp_path)
    if data is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,words,note", BAD, ids=[row[0] for row in BAD])
def test_bad_input_is_one_line_error(tmp_path, name, data, words, note):
    path = _write_bad_file(tmp_path, name, data)
    with pytest.raises(PolicyKBError) as error:
        read_document(path)
    message = str(error.value)
    assert "\n" not in message, note
    assert message.startswith(str(path)) and words in message, (note, message)


@pytest.mark.parametrize("name,data,words,note", BAD, ids=[row[0] for row in BAD])
def test_bad_input_through_the_cli(tmp_path, name, data, words, note):
    from click.testing import CliRunner

    from policykb.cli import cli

    path = _write_bad_file(tmp_path, name, data)
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1, (note, result.output)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.output, result.output




# ---------------------------------------------------------------- the seed in every form

FORMS = [
    # (file name, writer, note)
    ("seed.docx", write_docx, "one Word paragraph per line"),
    ("seed.pdf", write_pdf, "wrapped lines, page breaks, running header, page numbers"),
    ("seed.html", write_html, "a government page around the article"),
    ("seed-gbk.txt", write_gbk, "GBK bytes"),
    ("seed-traditional.txt", write_traditional, "Traditional script"),
]


@pytest.fixture(scope="module")
def seed_forms(tmp_path_factory, seed_text):
    folder = tmp_path_factory.mktemp("forms")
    return {name: writer(seed_text, folder / name) for name, writer, _ in FORMS}


@pytest.mark.parametrize("name,writer,note", FORMS, ids=[row[0] for row in FORMS])
def test_seed_reads_to_the_same_paragraphs(seed_forms, seed_text, name, writer, note):
    source = read_document(seed_forms[name])
    got = paragraphs(source.text)
    if name.endswith(".html"):  # the page's <h1> stands above the article
        assert got[0] == PAGE_TITLE
        got = got[1:]
    assert got == paragraphs(seed_text), note
    assert len(source.norm) == len(source.text)
    if "traditional" in name:
        assert source.original_text is not None and source.original_text != source.text
        assert len(source.original_text) == len(source.text), "offsets must hold in both scripts"
    else:
        assert source.original_text is None


def _summary(record) -> dict:
    """What must not depend on the format: the section tree, the tasks with
    their assignments and deadlines, and the targets (offsets aside)."""
    return {
        "sections": [(s.path, s.level, s.label, s.title) for s in record.sections],
        "tasks": [(t.path, t.title, t.deadline,
                   sorted((a.as_written, a.department, a.role, a.inherited) for a in t.assignments))
                  for t in record.tasks],
        "targets": [(t.kind, t.path, t.indicator, t.value, t.unit, t.comparator, t.change,
                     t.baseline_year, t.target_year) for t in record.targets],
    }


@pytest.mark.slow
@pytest.mark.parametrize("name,writer,note", FORMS, ids=[row[0] for row in FORMS])
def test_seed_extracts_the_same_in_every_form(seed_forms, seed_record, name, writer, note):
    from policykb.pipeline import extract_file

    record = extract_file(seed_forms[name])
    assert _summary(record) == _summary(seed_record), note


def _add_gbt9704_list(document) -> str:
    """Define a Word list numbered 一、 > （一） > 1． and return its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3．")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def test_docx_automatic_numbering_becomes_labels(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    num_id = _add_gbt9704_list(document)
    items = [(0, "总体要求"), (0, "重点任务"), (1, "重点行业绿色升级工程。"), (2, "着力提升重点行业能效水平。"),
             (2, "推进水泥行业窑炉节能改造。"), (1, "园区节能环保提升工程。"), (2, "推动园区循环化改造。"), (0, "保障措施")]
    for level, text in items:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.add_paragraph("一、已有编号的段落不再加编号")
    document.save(tmp_path / "numbered.docx")
    assert read_document(tmp_path / "numbered.docx").text.splitlines() == [
        "一、总体要求", "二、重点任务", "（一）重点行业绿色升级工程。", "1．着力提升重点行业能效水平。",
        "2．推进水泥行业窑炉节能改造。", "（二）园区节能环保提升工程。", "1．推动园区循环化改造。", "三、保障措施",
        "一、已有编号的段落不再加编号"]


def write_pdf_table(path: Path, rows: list[list[str]], before: str, merged: tuple[int, int, int] | None = None) -> Path:
    """A ruled table under a heading, as a task annex prints; ``merged`` =
    (column, first row, last row) draws one cell down those rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    widths = [40, 200, 100, 100]
    height, top, left = 24, 700, 60
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(PDF_FONT, 10)
    pdf.drawString(left + 20, top + 20, before)
    xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    for r, row in enumerate(rows):
        y = top - r * height
        for c, text in enumerate(row):
            inner = merged and c == merged[0] and merged[1] < r <= merged[2]
            if not inner:
                pdf.line(xs[c], y, xs[c + 1], y)  # the cell's top rule
            if merged and c == merged[0] and merged[1] <= r <= merged[2]:
                if r == merged[1]:
                    span = merged[2] - merged[1] + 1
                    pdf.drawString(xs[c] + 3, y - height * span / 2 - 3, text)
            else:
                pdf.drawString(xs[c] + 3, y - height / 2 - 3, text)
    bottom = top - len(rows) * height
    pdf.line(xs[0], bottom, xs[-1], bottom)
    for x in xs:
        pdf.line(x, top, x, bottom)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_task_table(tmp_path):
    rows = [["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "推进工业领域节能降碳改造。", "市经济信息委", "市发展改革委"],
            ["2", "实施城镇绿色节能改造工程。", "市经济信息委", "市住房城乡建委"],
            ["3", "推进交通物流节能减排工程。", "市交通局", "市商务委"]]
    path = write_pdf_table(tmp_path / "table.pdf", rows, "附件：重点任务分工表", merged=(2, 1, 2))
    source = read_document(path)
    assert source.text.splitlines() == [
        "附件：重点任务分工表",
        "1．推进工业领域节能降碳改造。（牵头单位：市经济信息委；配合单位：市发展改革委）",
        "2．实施城镇绿色节能改造工程。（牵头单位：市经济信息委；配合单位：市住房城乡建委）",
        "3．推进交通物流节能减排工程。（牵头单位：市交通局；配合单位：市商务委）"]
    assert source.tables == [rows]


def test_docx_task_table_extracts_tasks_with_assignments(tmp_path):
    from policykb.pipeline import extract_file

    table = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
             ["1", "推进工业领域节能降碳改造。", "市经济信息委", "市发展改革委、市能源局", "2025年"],
             ["2", "实施城镇绿色节能改造工程。", "市住房城乡建委", "市机关事务局", "2024年底"]]
    text = "重庆市节能减排重点任务分工方案\n一、总体要求\n推进节能减排工作，确保完成目标任务。\n二、重点任务"
    record = extract_file(write_docx(text, tmp_path / "plan.docx", table=table))
    tasks = {t.path: (t.deadline, [(a.as_written, a.role) for a in t.assignments]) for t in record.tasks}
    assert tasks == {
        "2.1": ("2025", [("市经济信息委", "lead"), ("市发展改革委", "supporting"), ("市能源局", "supporting")]),
        "2.2": ("2024", [("市住房城乡建委", "lead"), ("市机关事务局", "supporting")]),
    }


TRADITIONAL_FORMS = [
    # (file name, writer, note)
    ("trad.docx", write_docx, "a Traditional Word file"),
    ("trad.html", write_html, "a Traditional web page"),
    ("trad.pdf", write_pdf, "a Traditional PDF"),
]


@pytest.mark.parametrize("name,writer,note", TRADITIONAL_FORMS, ids=[row[0] for row in TRADITIONAL_FORMS])
def test_traditional_script_in_every_format(tmp_path, name, writer, note):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(SEED_PARAGRAPH)
    source = read_document(writer(traditional, tmp_path / name))
    assert SEED_PARAGRAPH in source.text.splitlines(), note
    assert traditional in source.original_text.splitlines()
