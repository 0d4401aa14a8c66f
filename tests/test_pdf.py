"""The PDF reader on the prints users bring, each made here with reportlab:
digits and Latin letters in a second font that sits off the Chinese baseline,
paragraphs broken inside names, note keywords, years and units, headings at
the margin, web prints with their furniture, and blanks inside quantities."""
from __future__ import annotations

import pytest

from policykb.pipeline import extract_file
from policykb.read import read_document
from policykb.read.normalize import close_number_blanks
from test_formats import PDF_FONT, paragraphs, unique, write_pdf

# a plan of our own wording: a heading, a target paragraph with a document
# number and a note, a second task
DISPLACED_PLAN = """一、总体要求
（一）主要目标。确保到2025年全市单位地区生产总值能源消耗比2020年下降14%，化学需氧量排放总量比2020年下降8%，落实川发改〔2023〕15号文件的各项要求。（责任单位：市水利局、市发展改革委）
（二）推进工业节能。力争到2025年，全市工业增加值能耗比2020年降低15%，推动PM2.5浓度持续下降。（责任单位：市经信局）
"""


@pytest.mark.parametrize("shift", unique([(-6.0,), (-3.0,), (3.0,), (5.0,), (0.0,)]))
def test_digits_in_a_second_font_stay_on_their_line(tmp_path, shift):
    """Digits and Latin letters whose boxes sit up to half a line off the
    Chinese text (a Western font, a raised or lowered baseline) come back
    inside their sentence."""
    path = write_pdf(DISPLACED_PLAN, tmp_path / "plan.pdf", header="", latin_shift=shift[0])
    text = read_document(path).text
    assert text.splitlines() == paragraphs(DISPLACED_PLAN)
    for inline in ("到2025年", "下降14%", "川发改〔2023〕15号", "PM2.5浓度"):
        assert inline in text


def test_displaced_digits_give_the_targets(tmp_path):
    record = extract_file(write_pdf(DISPLACED_PLAN, tmp_path / "plan.pdf", latin_shift=-6))
    got = {(t.indicator, t.value, t.unit, t.target_year, t.baseline_year) for t in record.targets}
    assert ("全市单位地区生产总值能源消耗", 14, "%", 2025, 2020) in got
    assert ("全市工业增加值能耗", 15, "%", 2025, 2020) in got
    assert [task.path for task in record.tasks] == ["1.1", "1.2"]


@pytest.mark.parametrize("shift", [-4.0, 4.0])
def test_a_run_in_heading_in_a_second_chinese_face_stays_on_its_line(tmp_path, shift):
    """The heading's own face sets its boxes a few points off the text's."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    register_font()
    heading, body = "（一）总体要求。", "坚持节约优先，推动能源消费总量得到合理控制。"
    pdf = canvas.Canvas(str(tmp_path / "faces.pdf"), pagesize=(595, 842))
    pdf.setFont(PDF_FONT, 12)
    pdf.drawString(96, 700 + shift, heading)
    pdf.drawString(96 + pdfmetrics.stringWidth(heading, PDF_FONT, 12), 700, body)
    pdf.save()
    assert read_document(tmp_path / "faces.pdf").text.splitlines() == [heading + body]


# ---------------------------------------------------------------- line breaks

WIDTH = 20  # characters a full line holds in write_printed
FLUSH = "<"  # a paragraph that write_printed sets flush left


def register_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))


def printed_lines(paragraph: str, indent: int = 2) -> list[tuple[str, float, bool]]:
    """A paragraph wrapped at ``WIDTH`` characters, and ended early at each
    ``|`` (where line breaking left a line short); each line with its width
    in characters and whether a ``|`` ended it."""
    from reportlab.pdfbase import pdfmetrics

    register_font()
    lines, line, x = [], "", float(indent)
    for k, part in enumerate(paragraph.split("|")):
        if k:
            lines.append((line, x, True))
            line, x = "", 0.0
        for ch in part:
            w = pdfmetrics.stringWidth(ch, PDF_FONT, 12) / 12
            if x + w > WIDTH + 1e-6:
                lines.append((line, x, False))
                line, x = "", 0.0
            line, x = line + ch, x + w
    return lines + [(line, x, False)]


def write_printed(paragraphs_with_breaks: list[str], path, indent: int = 2, furniture: tuple[str, ...] = ()):
    """Print paragraphs on a measure of ``WIDTH`` characters, each opening
    ``indent`` characters in (one that starts with ``FLUSH`` at the margin),
    broken as :func:`printed_lines` says;
    ``furniture``: lines over the text (a web print's title and URL) and,
    the last one, under it."""
    from reportlab.pdfgen import canvas

    register_font()
    size = 12
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH * size + 144, 842))
    pdf.setFont(PDF_FONT, size)
    for i, line in enumerate(furniture[:-1]):
        pdf.drawString(20, 820 - i * 10, line)
    if furniture:
        pdf.drawString(20, 20, furniture[-1])
    y = 780
    for paragraph in paragraphs_with_breaks:
        first = 0 if paragraph.startswith(FLUSH) else indent
        for i, (line, _, _) in enumerate(printed_lines(paragraph.removeprefix(FLUSH), first)):
            pdf.drawString(72 + (first * size if i == 0 else 0), y, line)
            y -= size * 1.6
    pdf.showPage()
    pdf.save()
    return path


# paragraphs of our own wording, each broken where the genre's breaks fall
# (inside a department name, a note's keyword, a year, a unit, a bracketed
# group), the line before a character or two short of the margin
BROKEN = unique([
    ("name", "（一）推进工业节能。实施钢铁、建材、石化等行业节能降碳改造，推动企业能效达到标杆水平。"
             "（牵头单位：省经信委、省发改|委；配合单位：省科技厅）"),
    ("keyword", "（二）推进建筑节能。新建民用建筑全部执行绿色标准，推进既有建筑改造。（责|"
                "任单位：市住房城乡建委、市发展改革委）"),
    ("year", "（三）推进交通节能。加快新能源汽车、充电桩、换电站和加氢站推广应用，到2|"
             "025年，新增新能源汽车比例达到30%。（责任单位：市交通局）"),
    ("unit", "（四）压减落后产能。加大落后产能淘汰力度，全年退出水泥熟料和平板玻璃产能50万|"
             "吨。（牵头单位：省经信厅）"),
    ("bracket group", "（五）强化项目监管。严肃查处违规建设项目。（各设区市政府、济源示范区、各|"
                      "〔市〕县政府，省生态环境厅、省应急管理厅负责）"),
])
CLOSING = "（六）开展全民行动。鼓励居民节约用水用电，选择公共交通和骑行出行，让绿色低碳成为社会风尚。"


@pytest.mark.parametrize("name,paragraph", BROKEN)
def test_each_break_falls_a_character_or_two_short(name, paragraph):
    """Kept honest: a row whose broken line did not nearly fill the measure
    would test nothing."""
    broken = [width for _, width, forced in printed_lines(paragraph) if forced]
    assert broken and all(WIDTH - 3 < width < WIDTH for width in broken)


def test_breaks_inside_names_keywords_years_and_units_do_not_survive(tmp_path):
    path = write_printed([p for _, p in BROKEN] + [CLOSING], tmp_path / "broken.pdf")
    assert read_document(path).text.splitlines() == [p.replace("|", "") for _, p in BROKEN] + [CLOSING]


def test_broken_notes_give_whole_departments(tmp_path):
    path = write_printed(["一、重点任务"] + [p for _, p in BROKEN], tmp_path / "broken.pdf")
    record = extract_file(path)
    departments = {a.as_written for task in record.tasks for a in task.assignments}
    assert {"省发改委", "市住房城乡建委", "市交通局", "省经信厅", "省应急管理厅"} <= departments
    assert not {"委", "任单位", "厅"} & departments
    assert (30, "%", 2025) in {(t.value, t.unit, t.target_year) for t in record.targets}


# a line that ends in a closing mark more than a character and a half short
# of the margin ends its paragraph, and so does a heading however it stands
ENDS = unique([
    ("closing mark", ["（一）压实工作责任。各区县要把节能减排摆到突出位置，逐级分解目标任务。|", "（二）强化监督考核。"]),
    ("heading", ["一、总体要求|", "（一）指导思想。坚持稳中求进，统筹经济发展和节能减排。"]),
])


@pytest.mark.parametrize("name,lines", ENDS)
@pytest.mark.parametrize("indent", [0, 2])
def test_paragraph_ends_survive(tmp_path, name, lines, indent):
    path = write_printed([CLOSING] + lines + [CLOSING], tmp_path / "ends.pdf", indent=indent)
    assert read_document(path).text.splitlines() == [CLOSING] + [p.strip("|") for p in lines] + [CLOSING]


def test_a_deeply_indented_first_line_runs_on(tmp_path):
    """A numbered item opening five characters in, its first line nearly
    full: not a centred or right-set line, so its paragraph carries on."""
    item = "3.推进机构节能。年底前机关创|建成为节约型机关，实施既有建筑节能改造。"
    assert WIDTH - 3 < printed_lines(item, 5)[0][1] < WIDTH
    path = write_printed([CLOSING, item, CLOSING], tmp_path / "deep.pdf", indent=5)
    assert read_document(path).text.splitlines() == [CLOSING, item.replace("|", ""), CLOSING]


# ---------------------------------------------------------------- headings and web prints

# its last line fills the measure and ends the sentence
FULL_LAST_LINE = "（一）主要目标。力争到2025年，全市节能减排工作取得明显成效，重点行业能效全面提升，绿色低碳的生产生活方式已初步形成。"


def test_a_flush_left_heading_after_a_full_line_opens_a_paragraph(tmp_path):
    """Body paragraphs indented, headings set at the margin: a heading after
    a line that fills the measure and ends its sentence stands alone."""
    assert printed_lines(FULL_LAST_LINE)[-1][1] == WIDTH
    heading = "二、重点任务"
    path = write_printed([FULL_LAST_LINE, FLUSH + heading, CLOSING], tmp_path / "flush.pdf")
    assert read_document(path).text.splitlines() == [FULL_LAST_LINE, heading, CLOSING]


WEB_FURNITURE = unique([
    ("chrome", ("2024/5/6 10:21 某某市人民政府关于印发节能工作方案的通知_某某市人民政府网",
                "https://www.example.gov.cn/zwgk/2024/0506/c123.html 1/1")),
    ("firefox", ("某某市人民政府关于印发节能工作方案的通知 https://www.example.gov.cn/zwgk/c123.html",
                 "1 of 1")),
    ("dated footer", ("第 1 页", "某某市人民政府网 2024-05-06 10:21")),
])


@pytest.mark.parametrize("name,furniture", WEB_FURNITURE)
def test_a_web_print_loses_its_furniture(tmp_path, name, furniture):
    """A browser's print of a plan's page: print date, title and address in
    the margins, one page, the text ragged at the right."""
    body = [p for _, p in BROKEN] + [CLOSING]
    path = write_printed(body, tmp_path / "web.pdf", furniture=furniture)
    assert read_document(path).text.splitlines() == [p.replace("|", "") for p in body]



def write_pages(pages: list[list[tuple[float, float, str]]], path):
    """Pages of (x, y, text) lines, 12 pt."""
    from reportlab.pdfgen import canvas

    register_font()
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH * 12 + 144, 842))
    for lines in pages:
        pdf.setFont(PDF_FONT, 12)
        for x, y, text in lines:
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return path


TASKS = ["（一）推进工业节能。实施钢铁、建材等行|业节能改造。", "（二）推进建筑节能。推进既有公共建筑|节能改造。",
         "（三）推进交通节能。推动公交车、出租车|电动化。"]
DEADLINE = "完成时限：2024年6月底前"
FOOTER = "某某市人民政府办公室印发"


def test_a_line_recurring_at_the_foot_of_pages_at_other_heights_stays(tmp_path):
    """Each task ends on its deadline line near the page's foot, at another
    height on each page; the footer sits at one height on all of them."""
    pages = []
    for i, task in enumerate(TASKS):
        first, second = task.split("|")
        y = 200 - 30 * i
        pages.append([(96, y + 40, first), (72, y + 20, second), (96, y, DEADLINE), (120, 40, FOOTER)])
    text = read_document(write_pages(pages, tmp_path / "feet.pdf")).text
    assert text.splitlines() == [line for task in TASKS for line in (task.replace("|", ""), DEADLINE)]


def test_a_note_cut_short_at_a_page_foot_goes_on_overleaf(tmp_path):
    """The page's last line stops far short, inside a note not yet closed."""
    note = ["（一）推进建筑节能。推进既有公共建筑", "保温改造。（市住房城乡建委、市水务局、市", "机关事务局、市财政局等按各自职"]
    closing = [line for line, _, _ in printed_lines(CLOSING)]
    pages = [[(96, 700, note[0]), (72, 680, note[1]), (72, 660, note[2])],
             [(72, 780, "责分工负责）")] + [(96 if k == 0 else 72, 760 - 20 * k, line) for k, line in enumerate(closing)]]
    text = read_document(write_pages(pages, tmp_path / "overleaf.pdf")).text
    assert text.splitlines() == ["".join(note) + "责分工负责）", CLOSING]


# ---------------------------------------------------------------- blanks in quantities

BLANKS = unique([
    ("到 2025 年，单位产值能耗下降 13.5%。", "到2025年，单位产值能耗下降13.5%。"),
    ("覆盖率达到 55 %，新增处理能力 2.5 万吨/日。", "覆盖率达到55%，新增处理能力2.5万吨/日。"),
    ("推动超过 150 个节水改造项目", "推动超过150个节水改造项目"),
    ("完成期限：8 月底", "完成期限：8月底"),
    ("（2021 — 2025 年）", "（2021—2025年）"),
    # blanks that are not inside a quantity stay
    ("中共某某市委  某某市人民政府", "中共某某市委  某某市人民政府"),
    ("PM 2.5 浓度", "PM 2.5浓度"),
    ("指标\u30002025年", "指标\u30002025年"),
    ("共 1 000 家", "共1 000家"),
])


def test_blanks_inside_quantities_are_removed():
    got = [(printed, close_number_blanks(printed)) for printed, _ in BLANKS]
    assert got == BLANKS


def test_blanks_in_a_pdf_give_the_targets(tmp_path):
    plan = ("一、主要目标\n（一）能耗目标。到 2025 年，全市单位地区生产总值能源消耗比 2020 年下降 14 %，"
            "新建建筑中绿色建筑占比达到 100%。（责任单位：市统计局）")
    path = write_pdf(plan, tmp_path / "blanks.pdf", header="")
    text = read_document(path).text
    assert "到2025年" in text and "比2020年下降14%" in text
    got = {(t.value, t.unit, t.target_year, t.baseline_year) for t in extract_file(path).targets}
    assert {(14, "%", 2025, 2020), (100, "%", 2025, None)} <= got
