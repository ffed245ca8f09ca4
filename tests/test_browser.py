"""The review page and the HTML report in a real headless Chromium (Debian's, driven by Playwright):
findings highlighted on the right lines, cards on hover and keyboard focus, uploads, downloads,
articles that try to run script, narrow screens and an axe-core accessibility audit.

Without Chromium or Playwright these tests are skipped, except in CI (``CI`` set), where they
fail: the README's install command installs Chromium. Screenshots go to test-artifacts/ (or
``$NUMLINT_TEST_ARTIFACTS``).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from checker.cli import main
from checker.rules import load_rules
from checker.serve import review_server

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "examples" / "xiaomi-q1-2019.txt"
ARTIFACTS = Path(os.environ.get("NUMLINT_TEST_ARTIFACTS", ROOT / "test-artifacts"))
# As this machine's Chromium needs them: no sandbox as root, and nothing that calls out.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LIMIT = 200_000  # the test server's upload limit
# The README's example: a conflict (line 2 against line 4) and a conversion slip (line 2).
OWN_ARTICLE = (
    "Robotics maker plans a big bet\n"
    "Shenzhen-based Lumen Robotics said on March 12, 2024 it will invest ¥20 billion "
    "(about $280 million) in factory automation over the next five years.\n"
    "Its revenue rose 12% to ¥3.4 billion last year.\n"
    "The company said it would spend ¥2 billion on factory automation over the next five years.\n"
)
HOSTILE = (
    "<script>window.pwned = 1; alert('script')</script>\n"
    "It rose 5% to <img src=x onerror=\"window.pwned = 2; alert('img')\"> ¥3 billion.\n"
    '<a href="javascript:alert(3)" id="js-link">a link</a> <svg onload="window.pwned = 4"></svg>\n'
)


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser tests (see README, Set up)")
    pytest.skip(reason)


def chromium() -> str | None:
    named = os.environ.get("NUMLINT_CHROMIUM")
    if named:
        return named
    return next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))),
        None,
    )


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed")
    executable = chromium()
    if executable is None:
        unavailable("no Chromium found (install Debian's chromium package)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    server = review_server(load_rules(), "127.0.0.1", 0, LIMIT)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.app.address.url
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.dialogs = []  # alerts, if anything ever ran
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def screenshot(page, name: str, **options) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), **options)
    assert path.stat().st_size > 1000
    return path


def check_text(page, address: str, text: str, format: str = "text") -> None:
    page.goto(address)
    page.fill("#text", text)
    page.select_option("#format", format)
    page.click("button[type=submit]")
    page.wait_for_selector("#result-title, #problem")


def findings(page) -> list[dict]:
    """Each finding mark in the text: its line, its rules, whether its card shows."""
    return page.eval_on_selector_all(
        "main .finding[id]",
        """marks => marks.map(mark => ({
            id: mark.id,
            line: Number(mark.closest('.line').id.split('-L')[1]),
            rules: [...mark.querySelectorAll('.tip a[href^="#rule-"]')].map(a => a.textContent),
            shown: getComputedStyle(mark.querySelector('.tip')).display !== 'none',
        }))""",
    )


def card(page, mark_id: str):
    return page.locator(f"[id='{mark_id}'] > .tip")


def article(which: str) -> tuple[str, dict[str, int], int]:
    """(text, the line of each rule's finding, the line the conflict's related figure is on)."""
    if which == "example":
        if not EXAMPLE.is_file():
            pytest.skip(f"{EXAMPLE} is not here")
        return EXAMPLE.read_text(encoding="utf-8"), {"conflicting": 4, "conversion": 4}, 10
    return OWN_ARTICLE, {"conflicting": 2, "conversion": 2}, 4


@pytest.mark.parametrize("which", ["example", "own"])
def test_pasted_article_shows_its_findings_on_the_right_lines(page, address, which) -> None:
    text, lines, related_line = article(which)
    check_text(page, address, text)
    marks = findings(page)
    assert sorted(r for m in marks for r in m["rules"]) == [
        "conflicting-figures",
        "currency-conversion",
    ]
    for mark in marks:
        assert (
            mark["line"] == lines[mark["rules"][0].split("-")[0].replace("currency", "conversion")]
        )
        assert not mark["shown"]
    conflict = next(m for m in marks if m["rules"] == ["conflicting-figures"])

    button = page.locator(f"[id='{conflict['id']}'] > .mark")
    button.evaluate("el => el.scrollIntoView({block: 'center'})")
    button.hover()
    shown = card(page, conflict["id"])
    assert shown.is_visible()
    assert "conflicts with ¥10 billion" in shown.inner_text() or "conflicts with ¥2 billion" in (
        shown.inner_text()
    )
    assert "Arithmetic:" in shown.inner_text()
    screenshot(page, f"review-{which}-hover.png")
    screenshot(page, f"review-{which}-page.png", full_page=True)

    # The pointer goes slowly from the words to the card's link: the card stays open on the way.
    related = shown.locator(".rel a").first
    box = related.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=40)
    assert shown.is_visible()
    page.mouse.down()
    page.mouse.up()
    target_id = related.get_attribute("href")[1:]
    assert page.evaluate("location.hash") == f"#{target_id}"
    target = page.locator(f"[id='{target_id}']")
    assert target.evaluate("el => el.closest('.line').id").endswith(f"-L{related_line}")
    box, height = target.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] <= height - box["height"]  # scrolled into view


def test_findings_are_reached_by_keyboard_and_escape_hides_a_card(page, address) -> None:
    check_text(page, address, OWN_ARTICLE)
    page.focus("body")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.finding > .mark')"):
            break
    else:
        pytest.fail("no finding was reached with Tab")
    mark_id = page.evaluate("document.activeElement.parentElement.id")
    assert card(page, mark_id).is_visible()
    page.keyboard.press("Tab")  # into the card: its first link
    assert page.evaluate("document.activeElement.closest('.tip') !== null")
    assert card(page, mark_id).is_visible()
    page.keyboard.press("Escape")
    assert not card(page, mark_id).is_visible()
    # The focus went back to the finding's button, not left on the hidden link.
    assert page.evaluate("document.activeElement.matches('.finding > .mark')")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert card(page, mark_id).is_visible()


def word_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [("draft.docx", word_file(OWN_ARTICLE)), ("draft.md", OWN_ARTICLE.encode())],
    ids=["docx", "markdown"],
)
def test_an_uploaded_file_is_annotated(page, address, name, data) -> None:
    page.goto(address)
    page.set_input_files("#file", files=[{"name": name, "mimeType": "", "buffer": data}])
    page.click("button[type=submit]")
    page.wait_for_selector("#result-title")
    assert {m["line"] for m in findings(page)} == {2}
    assert page.locator("#d1-title").inner_text() == name
    if name.endswith(".docx"):
        assert "numbers in the margin are paragraphs" in page.inner_text(".doc-meta")
    screenshot(page, f"upload-{name}.png", full_page=True)


@pytest.mark.parametrize(
    ("name", "size", "says"),
    [
        ("notes.pdf", 100, "notes.pdf: not a file numlint reads"),
        ("big.md", LIMIT + 10_000, "big.md is larger than the limit"),
        ("huge.md", LIMIT * 3, "is larger than the limit"),
    ],
    ids=["wrong type", "over the limit", "far over the limit"],
)
def test_a_bad_upload_gets_a_message_on_the_page(page, address, name, size, says) -> None:
    page.goto(address)
    page.set_input_files("#file", files=[{"name": name, "mimeType": "", "buffer": b"a" * size}])
    page.click("button[type=submit]")
    problem = page.wait_for_selector("#problem")
    assert says in problem.inner_text()
    assert page.locator("form").is_visible()


@pytest.mark.parametrize("format", ["markdown", "text", "html"])
def test_an_article_with_script_runs_none_of_it(page, address, format) -> None:
    check_text(page, address, HOSTILE, format)
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    assert "<script>window.pwned = 1;" in page.inner_text("main")
    assert page.locator("main img, main svg, #js-link").count() == 0


def test_the_html_report_runs_nothing_of_the_article_either(page, tmp_path, capsys) -> None:
    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE + OWN_ARTICLE, encoding="utf-8")
    main(["check", "--no-cache", "--format", "html", str(source)])
    report = tmp_path / "report.html"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    page.goto(report.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    assert len(findings(page)) == 2
    page.hover("main .finding[id] > .mark")
    assert page.locator("main .finding[id] > .tip").first.is_visible()
    screenshot(page, "report-hover.png")


def test_the_findings_download_as_json(page, address) -> None:
    check_text(page, address, OWN_ARTICLE)
    with page.expect_download() as download:
        page.click("a[download]")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "numlint-findings.json"
    assert {f["rule"] for f in data["findings"]} == {"conflicting-figures", "currency-conversion"}


def test_the_date_and_currency_defaults_change_the_reading(page, address) -> None:
    page.goto(address)
    page.fill("#text", "The fund will invest $100 million (about C$13.5 million) in housing.\n")
    page.fill("#date", "2024-03-12")
    dollar = page.locator("label").filter(has_text=re.compile(r"^\$ ")).get_attribute("for")
    page.select_option(f"#{dollar}", "CAD")
    page.click("button[type=submit]")
    page.wait_for_selector("#result-title")
    page.click("details.reading summary")
    reading = page.inner_text("details.reading")
    assert "date 2024-03-12 from --date" in reading or "2024-03-12" in reading
    assert "'$' read as CAD" in reading
    assert page.input_value("#date") == "2024-03-12"  # the form keeps what was set


@pytest.mark.parametrize("width", [360, 600])
def test_the_page_works_at_narrow_widths(browser, address, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    check_text(page, address, OWN_ARTICLE)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    mark = page.locator("main .finding[id] > .mark").first
    mark.focus()
    box = mark.locator("xpath=..").locator(".tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate(overflow) <= 0
    screenshot(page, f"review-{width}px.png", full_page=True)
    context.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
    results = Axe().run(page, options={**options, "resultTypes": ["violations"]})
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


def test_the_pages_pass_an_accessibility_audit(page, address, tmp_path, capsys) -> None:
    page.goto(address)
    assert axe_violations(page) == []
    check_text(page, address, OWN_ARTICLE)
    assert axe_violations(page) == []
    page.locator("main .finding[id] > .mark").first.focus()  # with a card open
    assert axe_violations(page) == []
    source = tmp_path / "draft.md"
    source.write_text(OWN_ARTICLE, encoding="utf-8")
    main(["check", "--no-cache", "--format", "html", str(source)])
    report = tmp_path / "report.html"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    page.goto(report.as_uri())
    assert axe_violations(page) == []
