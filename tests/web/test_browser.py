"""A citizen's visit in headless Chromium against the real `yaan-opendata serve`, on a desktop
(1,280 px) and on a phone (390 px): every page kind in Chinese, nothing essential off-screen,
the licence line, search, and the two-click walk from the home page to what 公务接待 cost.

Screenshots land in artifacts/ (not committed); with YAAN_SCREENSHOTS=docs they are written to
docs/screenshots/, the pictures the README shows.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from yaan_opendata.pipeline import PROJECT_ROOT

from .conftest import DB

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = PROJECT_ROOT / ("docs/screenshots" if os.environ.get("YAAN_SCREENSHOTS") == "docs" else "artifacts")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)) and not os.environ.get("CI"):
    pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By

# Every page kind, with the Chinese a citizen must see on it.
PAGES = {
    "home": ("/", ["收支概览", "收支总计", "3,351.34"]),
    "table": (f"/{DB}/fiscal_figures?category=three_public", ["金额(万元)", "名称", "财政拨款", "原文片段"]),
    "view": (f"/{DB}/figures_wan_yuan?类别=“三公”经费", ["金额(万元)", "资金来源", "“三公”经费"]),
    "row": (f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal", ["原文", "金额(万元)", "5.76"]),
    "query": (f"/{DB}/three_public_with_receptions", ["查询结果", "公务接待明细", "巴中市人民政府"]),
    "chart": ("/charts/three-public", ["“三公”经费构成", "公务接待费", "0.91 万元"]),
    "income": ("/charts/income", ["收入来源", "一般公共预算财政拨款收入"]),
    "budget": ("/budget-vs-actual", ["预算与决算", "完成预算", "76.98%"]),
    "projects": ("/projects", ["项目支出与绩效", "发布目录总数", "雅安市政务云平台服务经费项目"]),
    "compare": ("/compare", ["年度比较", "暂无法比较"]),
    "search": (f"/{DB}/paragraphs?_search=" + urllib.parse.quote("三公"), ["原文段落", "12 行"]),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(site):
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("yaan-opendata")), "serve",
        "--package", str(site.package_dir), "--build-dir", str(site.build_dir), "--port", str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"serve did not start: {process.stdout.read().decode()}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--hide-scrollbars", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def visit(browser, url, screenshot=None):
    browser.get(url)
    if screenshot:
        SHOTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SHOTS / f"{screenshot}.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    return browser.find_element(By.TAG_NAME, "body").text


def resize(browser, width_name):
    width, height = WIDTHS[width_name]
    browser.set_window_size(width, height)
    # The window's outer size includes no chrome in headless mode; check what the page gets.
    assert browser.execute_script("return window.innerWidth") == width


def overflowing(browser) -> list[str]:
    """Visible elements whose right edge is past the window: what a reader would scroll sideways to."""
    return browser.execute_script("""
        const width = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('th, td, h1, h2, p, dd, dt, svg, form, .yaan-card')) {
            const box = el.getBoundingClientRect();
            if (box.width > 0 && box.height > 0 && box.right > width + 1) {
                out.push(el.tagName + '.' + el.className + ': ' + (el.innerText || '').slice(0, 40));
            }
        }
        if (document.documentElement.scrollWidth > width + 1) out.push('page ' + document.documentElement.scrollWidth);
        return out;
    """)


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_kind_reads_in_chinese_without_sideways_scrolling(server, browser, kind, width_name):
    resize(browser, width_name)
    path, chinese = PAGES[kind]
    text = visit(browser, server + path, f"{kind}-{width_name}")
    for words in chinese:
        assert words in text, (kind, width_name, words)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    licence = browser.find_element(By.CSS_SELECTOR, "footer .yaan-licence")
    assert "许可协议" in licence.text and "CC-BY-4.0" in licence.text
    assert "下载此数据" in browser.find_element(By.CSS_SELECTOR, "footer .yaan-download").text
    assert overflowing(browser) == [], (kind, width_name)


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("typed", ["三公", "“三公”经费"])
def test_search_box_finds_what_a_citizen_types(server, browser, typed, width_name):
    resize(browser, width_name)
    visit(browser, f"{server}/{DB}/paragraphs")
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="_search"]')
    box.send_keys(typed)
    box.submit()
    text = visit(browser, browser.current_url)
    assert "12 行" in text  # every paragraph that mentions 三公 (经费), quotes and all
    marks = browser.find_elements(By.CSS_SELECTOR, "td mark")
    assert marks and all("三公" in mark.text for mark in marks)
    assert overflowing(browser) == []


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_two_clicks_from_home_to_what_official_receptions_cost_and_were_for(server, browser, width_name):
    """How much did this bureau spend on 公务接待 in 2020, and what was it for?"""
    resize(browser, width_name)
    visit(browser, f"{server}/")
    card = browser.find_element(By.CSS_SELECTOR, '.yaan-card[data-document="yaan-zwfwdsj-2020"]')
    assert "2020年度" in card.text
    card.find_element(By.CSS_SELECTOR, ".yaan-three_public_total a").click()  # click 1: “三公”经费
    text = visit(browser, browser.current_url, f"walk-1-{width_name}")
    assert "公务接待费" in text and "0.91 万元" in text
    assert "主要用于开展政务服务和大数据、公共资源交易" in text  # what it was for, quoted
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "table.yaan-list tr") if "公务接待费" in r.text)
    row.find_element(By.LINK_TEXT, "原文").click()  # click 2: the sentence it was read from
    text = visit(browser, browser.current_url, f"walk-2-{width_name}")
    assert f"/{DB}/paragraphs/" in browser.current_url
    assert "公务接待费支出决算0.91万元" in text


def test_chart_bars_are_drawn_and_legible_on_a_phone(server, browser):
    resize(browser, "phone")
    visit(browser, f"{server}/charts/three-public")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.yaan-chart rect.bar")
    assert len(bars) >= 3 and max(bar.size["width"] for bar in bars) > 100
    label = browser.find_element(By.CSS_SELECTOR, "svg.yaan-chart text")
    assert label.size["height"] >= 11  # ~7 px before the charts were laid out for phones
