"""The served site in headless Chromium: `policykb serve` on the seed's
database, then a staff member's first clicks (department page, search box).

Needs Debian's `chromium` (apt-get install chromium); skips where it is absent.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest

from policykb import store

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"policykb serve exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout}s")


@pytest.fixture
def site(tmp_path, seed_record):
    """`policykb serve` of a database built from the seed, on a free port."""
    db_path = tmp_path / "policykb.db"
    db = store.open_database(db_path)
    store.load_record(db, seed_record)
    db.close()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from policykb.cli import cli; cli()", "serve", "--no-build",
         "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/-/versions.json", proc)
        yield url
    finally:
        proc.terminate()  # serve stops its datasette child on SIGTERM
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def page():
    chromium = find_chromium()
    if not chromium:
        pytest.skip("no Chromium on this machine (apt-get install chromium): browser test skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_department_page_and_search_box_in_chromium(site, page, tmp_path):
    # the department page, as a staff member types its address
    page.goto(f"{site}/-/departments/{quote('市发展改革委')}")
    assert "市发展改革委" in page.title()
    responsible = page.locator('section[data-role="responsible"]')
    assert responsible.locator('[data-task="cq-2022-39/3.1.1"]').count() == 1
    assert "负责" in responsible.locator("h2").inner_text()
    page.screenshot(path=str(tmp_path / "department.png"), full_page=True)

    # the search box of the tasks table
    page.goto(f"{site}/policykb/tasks")
    page.fill('input#_search', "钢铁")
    page.locator('input#_search').press("Enter")
    page.wait_for_url("**_search=*")
    table = page.locator("table.rows-and-columns").inner_text()
    assert "3.1.2" in table
    assert "钢铁" in page.locator('input#_search').input_value()


def shoot(page, tmp_path, name):
    """A full-page screenshot (in $POLICYKB_SCREENSHOTS when set, to look at)."""
    folder = Path(os.environ.get("POLICYKB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_from_the_home_page_to_the_span_in_the_document(site, page, tmp_path, seed_record):
    from openpyxl import load_workbook

    page.goto(site + "/")
    shoot(page, tmp_path, "home")
    page.locator("a.pk-plan-link").first.click()
    page.wait_for_url("**/tasks")
    assert page.locator("table.pk-plan tbody tr").count() == len(seed_record.tasks) == 46
    shoot(page, tmp_path, "plan")

    # the 任务分工表 as Excel
    with page.expect_download() as info:
        page.locator("#pk-xlsx").click()
    assert info.value.suggested_filename == "cq-2022-39.xlsx"
    info.value.save_as(tmp_path / "plan.xlsx")
    rows = list(load_workbook(tmp_path / "plan.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "任务", "牵头单位") and len(rows) - 1 == 46

    # a department of task 3.1.1, then that task, then its span in the document
    page.locator('tr[data-task="cq-2022-39/3.1.1"] a', has_text="市发展改革委").first.click()
    page.wait_for_selector(".pk-department")
    assert "市发展改革委" in page.title()
    shoot(page, tmp_path, "department")
    hrefs = page.eval_on_selector_all("a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
    for href in sorted(set(hrefs)):
        with urllib.request.urlopen(urljoin(site, href), timeout=10) as response:
            assert response.status == 200, href
    page.locator('[data-task="cq-2022-39/3.1.1"] h4 a').first.click()
    page.wait_for_selector("a.pk-source")
    shoot(page, tmp_path, "task")
    page.locator("a.pk-source").first.click()
    mark = page.locator("mark#pk-mark")
    mark.wait_for()
    task = next(t for t in seed_record.tasks if t.path == "3.1.1")
    assert mark.inner_text().strip() == seed_record.text[task.start:task.end].strip()
    shoot(page, tmp_path, "document")
