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


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \n\r", max_size=60), raw=marks_strategy)
def test_segments_rebuild_the_text_and_carry_exactly_their_marks(text, raw) -> None:
    marks = [Mark(start, start + length, layer, n) for n, (start, length, layer) in enumerate(raw)]
    lines = list(lines_with_marks(text, marks))
    assert [("".join(s.text for s in line.segments)) for line in lines] == re.split(
        r"\r\n|\r|\n", text
    )
    for line in lines:
        for segment in line.segments:
            end = segment.start + len(segment.text)
            covering = {
                m.key
                for m in marks
                if max(m.start, 0) < end
                and max(m.end, min(m.start, len(text)) + (m.end == m.start)) > segment.start
            }
            assert {m.key for m in segment.marks} == covering
            assert [m.layer for m in segment.marks] == sorted(m.layer for m in segment.marks)
            for head in segment.heads:
                assert head.start == segment.start


def test_an_empty_mark_shows_one_character() -> None:
    (line,) = lines_with_marks("abc", [Mark(1, 1, 0, "x")])
    assert [(s.text, [m.key for m in s.marks]) for s in line.segments] == [
        ("a", []),
        ("b", ["x"]),
        ("c", []),
    ]
