"""`--format html`: one self-contained page, every claim highlighted, every finding marked in place
with its card, a summary by rule, and nothing of the article run as markup."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import docx
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.document import Options, analyze_source
from checker.report.annotate import Mark, lines_with_marks
from checker.source import load_source

DRAFT = (
    "---\ndate: 2024-03-12\n---\n"
    "Shenzhen-based Lumen Robotics said on Tuesday it will invest ¥20 billion "
    "(about $280 million) in factory automation over the next five years.\n\n"
    "Revenue rose 12% to ¥3.4 billion in 2023.\n\n"
    "The company will spend ¥2 billion on factory automation over the next five years.\n"
)
HOSTILE = (
    "The firm, <script>window.pwned = 1</script> said <img src=x onerror=alert(1)> it will "
    'invest ¥100 billion (approximately $1.457 billion) in robots by 2030. <a href="javascript:'
    'alert(2)">link</a> & "quotes"\n'
)


def html_page(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--format", "html", *args])
    return code, capsys.readouterr().out


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def draft_page(tmp_path, capsys) -> tuple[str, lxml.html.HtmlElement, str]:
    path = write(tmp_path, "draft.md", DRAFT)
    code, page = html_page(capsys, "--no-cache", path)
    assert code == 1
    return path, lxml.html.fromstring(page), page


def classes(element) -> set[str]:
    return set(element.get("class", "").split())


def test_the_page_loads_nothing_from_elsewhere(draft_page) -> None:
    _, tree, page = draft_page
    for element in tree.iter():
        for attribute in ("src", "href", "action", "srcset", "data", "poster"):
            value = element.get(attribute)
            if value is not None:
                assert value.startswith("#"), (element.tag, attribute, value)
    assert not tree.xpath("//link | //iframe | //object | //embed | //img")
    assert "url(" not in page and "@import" not in page


def test_the_policy_allows_only_the_pages_own_style_and_script(draft_page) -> None:
    _, tree, _ = draft_page
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    (script,) = tree.xpath("//script")
    (style,) = tree.xpath("//style")
    assert directives["script-src"] == f"'{sha256(script.text)}'"
    assert directives["style-src"] == f"'{sha256(style.text)}'"


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_articles_markup_is_shown_as_text_never_run(tmp_path, capsys) -> None:
    for name in ("hostile.md", "hostile.txt", "hostile.html"):
        path = write(tmp_path, name, HOSTILE)
        _, page = html_page(capsys, "--no-cache", path)
        tree = lxml.html.fromstring(page)
        assert len(tree.xpath("//script")) == 1  # the page's own
        assert not tree.xpath("//img | //*[@onerror] | //a[starts-with(@href, 'javascript')]")
        text = tree.xpath("string(//main)")
        assert "<script>window.pwned = 1</script>" in text
        assert "<img src=x onerror=alert(1)>" in text
    assert "window.pwned = 1</script>" not in page  # escaped: &lt;/script&gt;


def test_every_claim_is_highlighted_by_kind(draft_page) -> None:
    path, tree, _ = draft_page
    claims = analyze_source(load_source(path), Options()).claims
    text = tree.xpath("string(//div[@id='documents']//div[@class='text'])")
    heads = tree.xpath(
        "//div[@id='documents']//span[contains(concat(' ', @class, ' '), ' claim ')]"
    )
    shown = {(h.text_content(), next(c for c in classes(h) if c.startswith("k-"))) for h in heads}
    for claim in claims:
        assert (claim.text, f"k-{claim.kind}") in shown
        assert claim.text in text
    money = [h for h in heads if "k-money" in classes(h)]
    assert any("CNY" in h.get("title") for h in money)  # what was read, on hover


def test_each_finding_is_a_button_with_its_card_in_place(draft_page) -> None:
    _, tree, _ = draft_page
    findings = tree.xpath("//span[contains(concat(' ', @class, ' '), ' finding ')][@id]")
    rules = set()
    for finding in findings:
        button = finding.xpath("./button")[0]
        card = tree.get_element_by_id(button.get("aria-describedby"))
        assert card.getparent() is finding
        assert "sev-error" in classes(finding)
        assert "error" in button.get("aria-label")  # severity in words, not only colour
        rules |= {a.text for a in card.xpath(".//a[starts-with(@href, '#rule-')]")}
        assert card.xpath(".//*[@class='arith']")
        for link in card.xpath(".//*[@class='rel']/a"):
            assert tree.get_element_by_id(link.get("href")[1:]) is not None
    assert rules == {"conflicting-figures", "currency-conversion"}
    line = findings[0].xpath("ancestor::div[@class='line']")[0]
    expected = next(n for n, t in enumerate(DRAFT.splitlines(), 1) if "¥20 billion" in t)
    assert line.get("id") == f"d1-L{expected}"  # front matter lines counted, as in the file


def test_the_summary_lists_findings_by_rule_with_links(draft_page) -> None:
    _, tree, _ = draft_page
    rows = tree.xpath("//table[@class='rules']/tbody/tr")
    assert [r.get("id") for r in rows] == ["rule-conflicting-figures", "rule-currency-conversion"]
    for row in rows:
        links = row.xpath(".//a")
        assert links
        for link in links:
            target = tree.get_element_by_id(link.get("href")[1:])
            assert "finding" in classes(target)


def test_ids_are_unique(draft_page) -> None:
    _, tree, _ = draft_page
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_a_word_documents_lines_are_paragraphs(tmp_path, capsys) -> None:
    document = docx.Document()
    document.add_paragraph("It will invest ¥100 billion (approximately $1.457 billion) in robots.")
    document.save(str(tmp_path / "draft.docx"))
    _, page = html_page(capsys, "--no-cache", "--date", "2019-05-21", str(tmp_path / "draft.docx"))
    tree = lxml.html.fromstring(page)
    assert "numbers in the margin are paragraphs" in tree.xpath("string(//p[@class='doc-meta'])")


def test_claims_come_from_the_cache_too(tmp_path, capsys) -> None:
    path = write(tmp_path, "draft.md", DRAFT)
    cache = str(tmp_path / "cache")
    # An entry written by another format has no claims: the html run must not reuse it bare.
    main(["check", "--format", "json", "--cache-dir", cache, path])
    capsys.readouterr()
    _, first = html_page(capsys, "--cache-dir", cache, path)
    _, second = html_page(capsys, "--cache-dir", cache, path)
    assert first == second
    assert first.count('class="claim ') >= 8


def test_the_example_in_the_readme_renders(tmp_path, capsys) -> None:
    # Several files, one with findings, one without, one not checked.
    clean = write(tmp_path, "clean.md", "Nothing to see.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")  # Latin-1, not UTF-8
    draft = write(tmp_path, "draft.md", DRAFT)
    code, page = html_page(capsys, "--no-cache", clean, draft, str(bad))
    assert code == 2
    tree = lxml.html.fromstring(page)
    assert len(tree.xpath("//section[@class='document']")) == 2
    assert "bad.txt" in tree.xpath("string(//ul[@class='errors'])")


def test_control_characters_are_shown_as_their_pictures(tmp_path, capsys) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes("An ESC \x1b, a bell \x07 and DEL \x7f; up 5% to ¥3 billion.\n".encode())
    _, page = html_page(capsys, "--no-cache", str(path))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page)
    text = lxml.html.fromstring(page).xpath("string(//main)")
    assert "An ESC \u241b, a bell \u2407 and DEL \u2421" in text
    assert "¥3 billion" in text


# ------------------------------------------------------------------- cutting lines into segments

marks_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20), st.integers(0, 2)), max_size=12
)


def shown(start: int, end: int, text: str) -> tuple[int, int]:
    """Where a mark is shown: clipped to the text; an empty one over the character after it,
    else the one before it, if that is no line break."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if start == end and start < len(text) and text[start] not in "\r\n":
        return start, start + 1
    if start == end and start > 0 and text[start - 1] not in "\r\n":
        return start - 1, start
    return start, end


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \n\r", max_size=60), raw=marks_strategy)
def test_segments_rebuild_the_text_and_carry_exactly_their_marks(text, raw) -> None:
    marks = [Mark(start, start + length, layer, n) for n, (start, length, layer) in enumerate(raw)]
    lines = list(lines_with_marks(text, marks))
    expected = re.split(r"\r\n|\r|\n", text)
    if len(expected) > 1 and expected[-1] == "":
        expected.pop()  # no line after a final line break
    assert ["".join(s.text for s in line.segments) for line in lines] == expected
    places = {m.key: shown(m.start, m.end, text) for m in marks}
    for line in lines:
        for segment in line.segments:
            end = segment.start + len(segment.text)
            covering = {k for k, (a, b) in places.items() if a < end and b > segment.start}
            assert {m.key for m in segment.marks} == covering
            assert [m.layer for m in segment.marks] == sorted(m.layer for m in segment.marks)
            for head in segment.heads:
                assert places[head.key][0] == segment.start


def test_an_empty_mark_shows_one_character() -> None:
    (line,) = lines_with_marks("abc", [Mark(1, 1, 0, "x")])
    assert [(s.text, [m.key for m in s.marks]) for s in line.segments] == [
        ("a", []),
        ("b", ["x"]),
        ("c", []),
    ]
    first, _ = lines_with_marks("ab\ncd\n", [Mark(2, 2, 0, "end of line")])
    assert [(s.text, [m.key for m in s.marks]) for s in first.segments] == [
        ("a", []),
        ("b", ["end of line"]),
    ]


# ------------------------------------------------------------------- findings that overlap


def run_of(text: str, spans: list[tuple[int, int]], related: tuple[int, int] | None = None):
    """A run with one document and a finding over each span (and a related place)."""
    from checker.engine import CheckedFile, Run
    from checker.findings import Finding, LineIndex, Location, Related, Severity

    lines = LineIndex(text)
    extra = ()
    if related is not None:
        extra = (Related(Location.from_offsets("a.md", lines, *related), "the other"),)
    findings = [
        Finding(
            f"rule-{n}",
            Severity.WARNING,
            f"message {n}",
            Location.from_offsets("a.md", lines, a, b),
            extra,
        )
        for n, (a, b) in enumerate(spans, 1)
    ]
    return Run(documents=[CheckedFile("a.md", text)], findings=findings)


def rendered(run) -> lxml.html.HtmlElement:
    from checker.report.html import render_report

    return lxml.html.fromstring(render_report(run))


def test_findings_that_overlap_share_one_button_and_never_nest() -> None:
    text = "Shares were 47%, 30% and 20% of the vote.\n"
    whole = (text.index("47%"), text.index(" of the"))
    first = (text.index("47%"), text.index("47%") + 3)
    tree = rendered(run_of(text, [whole, first]))
    assert not tree.xpath("//button//button")
    (button,) = tree.xpath("//div[@id='documents']//button")
    assert button.xpath("string(.)").startswith("47%, 30% and 20%")  # the whole flagged text
    card = tree.get_element_by_id(button.get("aria-describedby"))
    assert "message 1" in card.text_content() and "message 2" in card.text_content()
    for link in tree.xpath("//table[@class='rules']//a"):
        assert tree.get_element_by_id(link.get("href")[1:]) is button.getparent()


def test_findings_side_by_side_get_a_button_each() -> None:
    text = "It rose 5% to 7%.\n"
    a, b = text.index("5%"), text.index("7%")
    tree = rendered(run_of(text, [(a, a + 2), (b, b + 2)]))
    buttons = tree.xpath("//div[@id='documents']//button")
    assert [x.xpath("string(.)")[:2] for x in buttons] == ["5%", "7%"]


def test_a_finding_over_two_lines_has_its_button_on_the_first() -> None:
    text = "Shares were 47%, 30%\nand 20% of the vote.\n"
    tree = rendered(run_of(text, [(text.index("47%"), text.index(" of the"))]))
    (button,) = tree.xpath("//div[@id='documents']//button")
    assert button.xpath("ancestor::div[@class='line']/@id") == ["d1-L1"]
    second = tree.get_element_by_id("d1-L2")
    assert second.xpath(".//span[contains(@class, 'finding')]/text()")[0].startswith("and 20%")


def test_related_links_name_the_place_and_its_words() -> None:
    text = "It spent ¥20 billion.\nIt spent ¥2 billion.\n"
    first = (text.index("¥20"), text.index("¥20") + 11)
    other = (text.index("¥2 "), text.index("¥2 ") + 10)
    tree = rendered(run_of(text, [first], related=other))
    (link,) = tree.xpath("//span[@class='rel']/a")
    assert link.text == "line 2 “¥2 billion”"
    assert tree.get_element_by_id(link.get("href")[1:]).text_content() == "¥2 billion"


def test_no_empty_line_after_the_last_one() -> None:
    tree = rendered(run_of("One line.\n", []))
    assert tree.xpath("//div[@class='line']/@id") == ["d1-L1"]


def test_bidirectional_controls_are_shown_by_name() -> None:
    tree = rendered(run_of("Paid \u202eenoyna\u202c $5 million.\n", []))
    text = tree.xpath("string(//div[@class='text'])")
    assert "[RLO]enoyna[PDF]" in text
    assert "\u202e" not in text


def test_the_page_is_utf8_whatever_the_locale(tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = write(tmp_path, "draft.md", DRAFT + "Its Hangzhou unit (杭州) sold 5,000 robots.\n")
    environment = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    command = [sys.executable, "-m", "checker", "check", "--no-cache", "--format", "html", path]
    done = subprocess.run(command, capture_output=True, env=environment, check=False)
    assert done.returncode == 1, done.stderr.decode(errors="replace")
    page = done.stdout.decode("utf-8")  # the page says charset=utf-8, and is
    assert '<meta charset="utf-8">' in page and "杭州" in page and "✖" in page
