"""The web app in a real browser: Debian's headless Chromium driven by Selenium, against the
app served by waitress on a free loopback port.

Upload a resume and read the annotated result, open a suggestion, do it all from the
keyboard, score a cohort, and do it with JavaScript off. Accessibility basics are checked in
the live DOM: labels, one h1 and a main landmark, focus order and visible focus, and text
contrast computed from getComputedStyle. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from resume_analyzer.web import create_app, store
from resumes import APM, APM_TO_POLISH, to_docx, to_pdf, to_text
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from resume_analyzer import analyze
from resume_analyzer.settings import AnalysisSettings

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="Debian's chromium and chromium-driver are not installed (`make test` "
        "installs them: apt-get install chromium chromium-driver)",
    ),
]

WAIT = 60.0  # seconds for a page or a batch at most (a loaded 2-core machine); usually far less
MIN_CONTRAST = 4.5  # WCAG 2 AA for body text


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The app under waitress in a background thread; yields (base URL, app)."""
    from waitress import wasyncore
    from waitress.server import create_server

    folder = tmp_path_factory.mktemp("browser-app")
    app = create_app(
        {
            "USE_MODEL": False,
            "SECRET_KEY": "browser-test-secret",
            "DATABASE_URL": f"sqlite:///{folder / 'web.sqlite3'}",
            "WARM_UP": True,  # load spaCy now, not on the first upload
        }
    )
    httpd: Any = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=httpd.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.effective_port}", app
    # Close every socket from inside the server's own loop, which then ends.
    httpd.trigger.pull_trigger(lambda: wasyncore.close_all(httpd._map))
    thread.join(10)
    httpd.task_dispatcher.shutdown()
    assert not thread.is_alive()
    pool = app.extensions.get("resume_analyzer_jobs")
    if pool is not None:
        pool.shutdown(wait=True)
    store.engine(app).dispose()


def _chromium(profile: Path, *, javascript: bool = True) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(WAIT)
    return driver  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    driver = _chromium(profile)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def base(server: tuple[str, Any]) -> str:
    return server[0]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("resumes")
    weak = APM.with_bullet(0, 2, "Helped with various tasks on the pricing page")
    made = {
        "apm.pdf": to_pdf(APM_TO_POLISH),
        "alex.pdf": to_pdf(replace(APM, name="Alex Example")),
        "blair.docx": to_docx(replace(weak, name="Blair Example")),
        "casey.md": to_text(replace(APM, name="Casey Example")).encode(),
        "dana.pdf": to_pdf(replace(weak, name="Dana Example")),
        "broken.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 8,
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in made}


@pytest.fixture(scope="module")
def expected(files: dict[str, Path]) -> dict[str, Any]:
    """What the pipeline says about apm.pdf, for comparison with the page."""
    return analyze(files["apm.pdf"], settings=AnalysisSettings(use_model=False)).to_dict()


Shot = Callable[..., Path]


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Shot:
    """Save the browser's view as tests/artifacts/<test name>[-<step>].png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def shot(driver: WebDriver, step: str = "") -> Path:
        name = re.sub(r"[^\w.-]+", "_", request.node.name) + (f"-{step}" if step else "")
        path = ARTIFACTS / f"{name}.png"
        assert driver.save_screenshot(str(path)), f"no screenshot saved to {path}"
        return path

    return shot


# --------------------------------------------------------------------------- helpers


def wait_for(driver: WebDriver, css: str, timeout: float = WAIT) -> WebElement:
    return WebDriverWait(driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, css))


def submit_resume(driver: WebDriver, base: str, path: Path) -> None:
    driver.get(f"{base}/")
    driver.find_element(By.ID, "file").send_keys(str(path))
    driver.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
    wait_for(driver, "[data-score]")


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def describe(element: WebElement) -> str:
    tag = element.tag_name
    ident = element.get_attribute("id") or element.get_attribute("class") or ""
    return f"{tag}#{ident} {element.text.strip()[:30]!r}"


def parse_colour(value: str) -> tuple[float, float, float, float]:
    found = re.fullmatch(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", value)
    assert found, f"unexpected colour {value!r}"
    r, g, b, a = found.groups()
    return float(r), float(g), float(b), 1.0 if a is None else float(a)


def over(top: tuple[float, float, float, float], under: tuple[float, ...]) -> tuple[float, ...]:
    """`top` alpha-composited over an opaque colour."""
    alpha = top[3]
    return (*(alpha * top[i] + (1 - alpha) * under[i] for i in range(3)), 1.0)


def luminance(colour: tuple[float, ...]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_function() -> None:
    white, black = (255.0, 255.0, 255.0, 1.0), (0.0, 0.0, 0.0, 1.0)
    assert contrast(white, black) == pytest.approx(21.0)
    assert contrast(white, white) == pytest.approx(1.0)
    assert contrast(parse_colour("rgb(118, 118, 118)"), white) == pytest.approx(4.54, abs=0.01)
    assert over(parse_colour("rgba(0, 0, 0, 0.5)"), white)[:3] == (127.5, 127.5, 127.5)


# Every visible element with text of its own, outside SVG (whose text is painted by `fill`):
# its colour and the background colours from it up to the root.
TEXT_STYLES = """
var out = [];
document.querySelectorAll("body *").forEach(function (el) {
  if (el.closest("svg") || !el.getClientRects().length) return;
  var own = "";
  el.childNodes.forEach(function (n) { if (n.nodeType === 3) own += n.textContent; });
  if (!own.trim()) return;
  var style = getComputedStyle(el);
  if (style.visibility === "hidden" || style.display === "none") return;
  var backgrounds = [];
  for (var e = el; e; e = e.parentElement) backgrounds.push(getComputedStyle(e).backgroundColor);
  var classes = String(el.className).trim().split(/\\s+/).join(".");
  out.push({what: el.tagName.toLowerCase() + (classes ? "." + classes : ""),
            text: own.trim().slice(0, 40), color: style.color, backgrounds: backgrounds});
});
return out;
"""


def low_contrast(driver: WebDriver) -> tuple[int, list[str]]:
    """How many text elements were checked, and those below MIN_CONTRAST."""
    failures = []
    found = driver.execute_script(TEXT_STYLES)
    for item in found:
        background: tuple[float, ...] = (255.0, 255.0, 255.0, 1.0)  # the canvas
        for layer in reversed(item["backgrounds"]):
            background = over(parse_colour(layer), background)
        text = over(parse_colour(item["color"]), background)
        ratio = contrast(text, background)
        if ratio < MIN_CONTRAST:
            failures.append(f"{item['what']} {item['text']!r}: {ratio:.2f}")
    return len(found), failures


def check_accessibility(driver: WebDriver, page: str) -> None:
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1, f"{page}: not exactly one h1"
    mains = driver.find_elements(By.CSS_SELECTOR, "main, [role=main]")
    assert len(mains) == 1, f"{page}: not exactly one main landmark"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert driver.title.strip()
    unlabelled = driver.execute_script(
        """
        return Array.from(document.querySelectorAll("input, select, textarea"))
          .filter(function (el) { return el.type !== "hidden"; })
          .filter(function (el) {
            var named = el.labels && Array.from(el.labels).some(function (l) {
              return l.textContent.trim(); });
            return !named && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby");
          })
          .map(function (el) { return el.name || el.id || el.outerHTML.slice(0, 60); });
        """
    )
    assert unlabelled == [], f"{page}: inputs without a label: {unlabelled}"
    checked, failures = low_contrast(driver)
    assert checked > 5, f"{page}: only {checked} text elements found"
    assert failures == [], f"{page}: text below {MIN_CONTRAST}:1 contrast: {failures}"


# --------------------------------------------------------------------------- applicant


def test_upload_shows_the_score_and_annotated_bullets(
    browser: WebDriver,
    base: str,
    files: dict[str, Path],
    expected: dict[str, Any],
    screenshot: Shot,
) -> None:
    submit_resume(browser, base, files["apm.pdf"])
    score = browser.find_element(By.CSS_SELECTOR, "[data-score]")
    assert score.is_displayed()
    assert score.text == str(expected["score"])
    assert browser.title == f"Score {expected['score']}/100: resume-analyzer"
    bullets = browser.find_elements(By.CSS_SELECTOR, "li.bullet")
    assert len(bullets) == len(expected["bullets"])
    for element, bullet in zip(bullets, expected["bullets"], strict=True):
        assert f"strength-{bullet['strength']}" in (element.get_attribute("class") or "")
        badge = element.find_element(By.CSS_SELECTOR, ".badge")
        assert badge.is_displayed()
        assert badge.text.lower() == bullet["strength"]
    marks = browser.find_elements(By.CSS_SELECTOR, ".lines mark.skill")
    assert marks and all(m.is_displayed() for m in marks[:5])
    assert all(m.get_attribute("title") for m in marks)  # the skill's name and area
    bullets[0].location_once_scrolled_into_view  # noqa: B018
    screenshot(browser)


def test_open_a_suggestion(
    browser: WebDriver,
    base: str,
    files: dict[str, Path],
    expected: dict[str, Any],
    screenshot: Shot,
) -> None:
    submit_resume(browser, base, files["apm.pdf"])
    details = browser.find_element(By.CSS_SELECTOR, "details.rewrite")
    rewrite = details.find_element(By.TAG_NAME, "p")
    assert details.get_attribute("open") is None
    assert not rewrite.is_displayed()
    summary = details.find_element(By.TAG_NAME, "summary")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    WebDriverWait(browser, 5).until(lambda _: rewrite.is_displayed())
    assert details.get_attribute("open") is not None
    suggestions = [
        b["suggestion"] for b in expected["bullets"] if b["findings"] and b["suggestion"]
    ]
    assert rewrite.text == suggestions[0]
    screenshot(browser)


def test_keyboard_only_upload(
    browser: WebDriver,
    base: str,
    files: dict[str, Path],
    expected: dict[str, Any],
    screenshot: Shot,
) -> None:
    browser.get(f"{base}/")
    find = browser.find_element
    order = [
        ("skip link", find(By.CSS_SELECTOR, "a.skip")),
        ("brand link", find(By.CSS_SELECTOR, "header a.brand")),
        *(("nav link", a) for a in browser.find_elements(By.CSS_SELECTOR, "nav a")),
        ("file input", find(By.ID, "file")),
        ("job posting summary", find(By.CSS_SELECTOR, "form details > summary")),
        ("submit button", find(By.CSS_SELECTOR, "form[data-upload] button[type=submit]")),
    ]
    assert len(order) == 7
    for step, (name, element) in enumerate(order):
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        assert active == element, f"Tab {step + 1}: expected the {name}, got {describe(active)}"
        outline = browser.execute_script(
            "var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];",
            active,
        )
        assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, (name, outline)
        if name == "skip link":  # off-screen until focused, then visible
            assert active.is_displayed() and active.rect["x"] >= 0
            screenshot(browser, "skip-link")
        if name == "file input":
            # Choosing a file is the one step WebDriver does for the keyboard (no OS dialog).
            active.send_keys(str(files["apm.pdf"]))
            assert browser.switch_to.active_element == element
    press(browser, Keys.ENTER)  # on the submit button
    score = wait_for(browser, "[data-score]")
    assert score.text == str(expected["score"])
    assert browser.current_url == f"{base}/analyze"
    screenshot(browser)


def test_the_page_works_without_javascript(
    base: str, files: dict[str, Path], expected: dict[str, Any], screenshot: Shot
) -> None:
    profile = Path(tempfile.mkdtemp(prefix="chromium-nojs-"))
    driver = _chromium(profile, javascript=False)
    try:
        submit_resume(driver, base, files["apm.pdf"])
        assert driver.find_element(By.CSS_SELECTOR, "[data-score]").text == str(expected["score"])
        # The script really did not run: it would have marked <html class="js">...
        assert "js" not in (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
        # ...and the script-only print button stays hidden.
        assert not driver.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()
        details = driver.find_element(By.CSS_SELECTOR, "details.rewrite")
        details.find_element(By.TAG_NAME, "summary").click()
        assert details.find_element(By.TAG_NAME, "p").is_displayed()
        screenshot(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# --------------------------------------------------------------------------- coach


def test_coach_batch_runs_to_completion(
    browser: WebDriver, base: str, files: dict[str, Path], screenshot: Shot
) -> None:
    names = ["alex.pdf", "blair.docx", "casey.md", "dana.pdf", "broken.pdf"]
    browser.get(f"{base}/coach/")
    browser.find_element(By.ID, "files").send_keys("\n".join(str(files[n]) for n in names))
    hint = browser.find_element(By.ID, "files-help")
    assert hint.text.startswith("5 files: alex.pdf")  # the script lists the chosen files
    browser.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
    WebDriverWait(browser, WAIT).until(
        lambda d: (
            "/coach/batches/" in d.current_url
            and ": done" in d.find_element(By.CSS_SELECTOR, "[data-progress-text]").text
            and len(d.find_elements(By.CSS_SELECTOR, "table.data tbody tr")) == len(names)
        )
    )
    text = browser.find_element(By.CSS_SELECTOR, "[data-progress-text]").text
    assert text == "5 of 5 scored, 1 failed: done"
    bar = browser.find_element(By.TAG_NAME, "progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") == "5"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.data tbody tr")
    files_shown = [row.find_element(By.TAG_NAME, "th").text for row in rows]
    assert sorted(files_shown) == sorted(names)
    assert len(browser.find_elements(By.CSS_SELECTOR, "td.error")) == 1
    assert len(browser.find_elements(By.LINK_TEXT, "Report")) == 4
    screenshot(browser, "done")
    check_accessibility(browser, "batch")

    # The script sorts the table in place: the first click on "File" sorts Z to A.
    url = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "a[data-sort-key=file]").click()
    shown = [row.find_element(By.TAG_NAME, "th").text for row in rows_of(browser)]
    assert shown == sorted(names, reverse=True)
    assert browser.current_url == url

    browser.find_element(By.LINK_TEXT, "Report").click()
    wait_for(browser, "[data-score]")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Report: ")
    screenshot(browser, "student")


def rows_of(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "table.data tbody tr")


# --------------------------------------------------------------------------- accessibility


def test_accessibility_basics(
    browser: WebDriver, base: str, files: dict[str, Path], screenshot: Shot
) -> None:
    for page in ("/", "/coach/", "/coach/login"):
        browser.get(base + page)
        check_accessibility(browser, page)
    submit_resume(browser, base, files["apm.pdf"])
    # Open every suggestion, so their text is checked too.
    for details in browser.find_elements(By.CSS_SELECTOR, "details"):
        browser.execute_script("arguments[0].open = true", details)
    check_accessibility(browser, "result")
    screenshot(browser, "result-open")
    browser.get(f"{base}/no/such/page")
    check_accessibility(browser, "404")
