"""A person's visit in headless Chromium against the real `yaan-opendata serve`.

Screenshots are saved under artifacts/ (not committed) for a human to look at.
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

import pytest

from yaan_opendata.pipeline import PROJECT_ROOT

from .conftest import DB

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = PROJECT_ROOT / "artifacts"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)) and not os.environ.get("CI"):
    pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(site):
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("yaan-opendata")), "serve",
        "--package", str(site.package_dir), "--build-dir", str(site.build_dir), "--port", str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
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


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--window-size=1280,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def visit(browser, url, screenshot):
    browser.get(url)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{screenshot}.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    return browser.find_element(By.TAG_NAME, "body").text


def test_home_page(server, browser):
    text = visit(browser, f"{server}/", "home")
    assert "雅安市部门决算开放数据" in text
    assert "下载 / Downloads" in text and "数据包(zip)" in text
    assert "财务数值" in text


def test_from_a_table_to_the_sentence_a_figure_came_from(server, browser):
    text = visit(browser, f"{server}/{DB}/fiscal_figures?category=three_public&item=total", "table")
    assert "“三公”经费财政拨款支出决算" in text and "57600" in text
    browser.find_element(By.CSS_SELECTOR, "td.col-paragraph_id a").click()
    text = visit(browser, browser.current_url, "paragraph")
    assert f"/{DB}/paragraphs/" in browser.current_url
    assert "“三公”经费财政拨款支出决算为5.76万元" in text


def test_chart_page_draws_bars(server, browser):
    text = visit(browser, f"{server}/charts/three-public", "chart-three-public")
    assert "公务用车购置及运行维护费" in text and "4.85 万元 (84.2%)" in text
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.yaan-chart rect.bar")
    assert len(bars) >= 3
    widest = max(bar.size["width"] for bar in bars)
    assert widest > 100  # drawn, not just present in the markup
    visit(browser, f"{server}/charts/expenditure", "chart-expenditure")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.yaan-chart rect.bar")


def test_search_box_finds_the_cloud(server, browser):
    text = visit(browser, f"{server}/{DB}/paragraphs", "search")
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="_search"]')
    box.send_keys("政务云")
    box.submit()
    text = visit(browser, browser.current_url, "search-results")
    assert "政务云" in text and "where search matches" in text
