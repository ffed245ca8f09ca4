"""`numlint serve`: the review page's form, its answers to good and bad drafts, its limits and its
headers, through Werkzeug's test client (tests/test_browser.py drives it in a real browser)."""

from __future__ import annotations

import io
import json
import socket
import tempfile
import urllib.parse

import docx
import lxml.html
import pytest
from werkzeug.test import Client

from checker.cli import main
from checker.rules import load_rules
from checker.serve import Address, ReviewApp, currency_choices

ARTICLE = (
    "Xiaomi announced on March 12, 2019 its plan to invest ¥100 billion (approximately $1.457 "
    "billion) in artificial intelligence in the next five years.\n\n"
    "The company said it will be investing ¥10 billion in artificial intelligence in the next "
    "5 years.\n"
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture
def client(rules) -> Client:
    return Client(ReviewApp(rules, max_bytes=100_000))


def post(client: Client, **fields):
    return client.post("/", data=fields, content_type="multipart/form-data")


def tree(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.get_data(as_text=True))


def problem(response) -> str:
    return tree(response).xpath("string(//*[@id='problem'])")


def download(response) -> dict:
    (href,) = tree(response).xpath("//a[@download]/@href")
    prefix = "data:application/json;charset=utf-8,"
    assert href.startswith(prefix)
    return json.loads(urllib.parse.unquote(href[len(prefix) :]))


def test_the_empty_page_has_the_form(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = tree(response)
    form = page.xpath("//form")[0]
    assert form.get("method") == "post" and form.get("enctype") == "multipart/form-data"
    assert page.xpath("//textarea[@name='text']") and page.xpath("//input[@type='file']")
    assert page.xpath("//input[@type='date'][@name='date']")
    for field in page.xpath("//form//*[@name]"):  # every field has a label
        if field.get("type") != "submit":
            assert page.xpath(f"//label[@for='{field.get('id')}']"), field.get("name")
    labels = " ".join(page.xpath("//label/text()"))
    assert "$" in labels and "¥" in labels


def test_every_answer_has_a_strict_policy(client) -> None:
    for response in (client.get("/"), post(client, text=ARTICLE), client.get("/nothing")):
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    page_policy = client.get("/").headers["Content-Security-Policy"]
    assert "form-action 'self'" in page_policy


def test_a_pasted_draft_is_annotated_and_its_findings_download_as_json(client) -> None:
    response = post(client, text=ARTICLE, format="text")
    assert response.status_code == 200
    page = tree(response)
    marks = page.xpath("//main//span[contains(@class, 'finding')][@id]")
    assert len(marks) == 2
    assert page.xpath("//textarea[@name='text']/text()")[0].startswith("Xiaomi")  # kept
    found = download(response)
    assert {f["rule"] for f in found["findings"]} == {"conflicting-figures", "currency-conversion"}
    assert all(f["path"] == "pasted text" for f in found["findings"])
    assert found["files_checked"] == 1


def word_bytes(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("draft.md", ARTICLE.encode()),
        ("draft.txt", ARTICLE.encode("utf-16")),
        ("draft.html", f"<html><body><p>{ARTICLE}</p></body></html>".encode()),
        ("draft.docx", word_bytes(ARTICLE)),
    ],
    ids=["markdown", "utf-16 text", "html", "docx"],
)
def test_an_uploaded_file_is_checked_instead_of_the_text(client, name, data) -> None:
    response = post(client, text="Ignored.", file=(io.BytesIO(data), name))
    assert response.status_code == 200, problem(response)
    found = download(response)
    assert {f["path"] for f in found["findings"]} == {name}
    assert "currency-conversion" in {f["rule"] for f in found["findings"]}


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("draft.pdf", b"%PDF-1.7", "draft.pdf: not a file numlint reads"),
        ("draft.md", b"caf\xe9", "draft.md: not UTF-8 text (invalid byte 0xe9 at offset 3)"),
        ("draft.txt", b"\x00\x01binary", "draft.txt: binary file, not text"),
        ("draft.docx", b"not a zip", "draft.docx: not a Word document (.docx)"),
        ("draft.md", b"", "draft.md: there is no text in it to check"),
        ("blank.docx", word_bytes(""), "blank.docx: there is no text in it to check"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "old.doc: a Word 97-2003 document: save it as .docx"),
        ("../../etc/draft.md", b"caf\xe9", "draft.md: not UTF-8"),  # the name only, no path
    ],
    ids=["pdf", "latin-1", "binary", "not a zip", "empty", "empty docx", "doc", "a path"],
)
def test_a_bad_upload_gets_a_message_on_the_page(client, name, data, says) -> None:
    response = post(client, file=(io.BytesIO(data), name))
    assert response.status_code == 400
    assert problem(response).startswith(says)
    assert "Traceback" not in response.get_data(as_text=True)
    assert tree(response).xpath("//form")  # the page, to try again


def test_a_draft_too_long_for_the_page_is_a_message(rules) -> None:
    response = post(Client(ReviewApp(rules)), text="word " * 70_000)
    assert response.status_code == 400
    assert problem(response) == (
        "The pasted draft is 350,000 characters long; this page checks up to 300,000 "
        "(numlint check has no such limit)"
    )


def test_nothing_to_check_is_a_message(client) -> None:
    response = post(client, text="   ")
    assert response.status_code == 400
    assert problem(response) == "Paste a draft or choose a file to check."


def test_an_upload_over_the_limit_is_refused_with_a_message(rules) -> None:
    client = Client(ReviewApp(rules, max_bytes=1_000))
    response = post(client, file=(io.BytesIO(b"x" * 5_000), "big.md"))
    assert response.status_code == 400
    assert problem(response) == "big.md is larger than the limit of 1000 bytes."
    # Far over the limit: the request itself is refused, still with the page.
    response = post(client, file=(io.BytesIO(b"x" * 200_000), "huge.md"))
    assert response.status_code == 413
    assert "larger than the limit of 1000 bytes" in problem(response)


def test_uploads_are_never_written_to_disk(client, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("an upload was about to be written to disk")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    # Werkzeug would spool a form over 500 KB to a file; this one is read, and refused for its
    # last byte, without the pipeline.
    big = b"word " * 120_000 + b"\xff"
    client.application.max_bytes = 2_000_000
    response = post(client, file=(io.BytesIO(big), "big.md"))
    assert problem(response).startswith("big.md: not UTF-8 text (invalid byte 0xff")


def test_the_date_and_currency_defaults_are_used(client) -> None:
    text = "The fund will invest $100 million (about C$13.5 million) in Toronto housing.\n"
    response = post(client, text=text, date="2024-03-12")
    conversion = [f for f in download(response)["findings"] if f["rule"] == "currency-conversion"]
    assert conversion and conversion[0]["details"]["rate_date"] == "2024-03-12"
    dollar = next(c for c in currency_choices() if "$" in c.keys)
    response = post(client, text=text, date="2024-03-12", **{dollar.field: "CAD"})
    notes = tree(response).xpath("string(//details[@class='reading'])")
    assert "'$' read as CAD" in notes


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"date": "12/03/2024"}, "Not a date (YYYY-MM-DD): '12/03/2024'"),
        ({"currency-1": "EUR"}, "cannot mean 'EUR'"),
    ],
)
def test_bad_defaults_are_a_message(client, fields, says) -> None:
    response = post(client, text=ARTICLE, **fields)
    assert response.status_code == 400
    assert says in problem(response)


def test_the_article_is_escaped_in_the_page(client) -> None:
    text = "<script>window.pwned = 1</script> It rose 5% to <b onclick=x()>¥3 billion</b>.\n"
    for format in ("markdown", "text", "html"):
        page = tree(post(client, text=text, format=format))
        assert len(page.xpath("//script")) == 1
        assert not page.xpath("//b | //*[@onclick]")
        assert "<script>window.pwned = 1</script>" in page.xpath("string(//main)")


def test_requests_for_another_host_are_refused(rules) -> None:
    app = ReviewApp(rules, address=Address("127.0.0.1", 8123))
    client = Client(app)
    ok = client.get("/", headers={"Host": "127.0.0.1:8123"})
    assert ok.status_code == 200
    assert client.get("/", headers={"Host": "localhost:8123"}).status_code == 200
    rebound = client.get("/", headers={"Host": "attacker.example:8123"})
    assert rebound.status_code == 421


@pytest.mark.parametrize(
    ("host", "accepted", "refused"),
    [
        ("127.0.0.1", ["127.0.0.1:9000", "LOCALHOST:9000", "[::1]:9000"], ["evil.example:9000"]),
        ("::1", ["[::1]:9000", "localhost:9000", "127.0.0.1:9000"], ["192.168.1.20:9000"]),
        ("192.168.1.20", ["192.168.1.20:9000"], ["localhost:9000", "evil.example:9000"]),
        # All addresses: any IP of the machine, its names; not a name someone else points here.
        (
            "0.0.0.0",
            ["192.168.1.20:9000", "127.0.0.1:9000", "localhost:9000"],
            ["evil.example:9000"],
        ),
    ],
)
def test_which_hosts_the_page_answers(host, accepted, refused) -> None:
    address = Address(host, 9000)
    for header in accepted:
        assert address.accepts(header), header
    for header in [*refused, "127.0.0.1:9001", "localhost"]:
        assert not address.accepts(header), header


def test_a_refused_host_is_told_the_pages_address(rules) -> None:
    client = Client(ReviewApp(rules, address=Address("127.0.0.1", 8123)))
    refused = client.get("/", headers={"Host": "evil.example:8123"})
    assert refused.get_data(as_text=True) == "This page answers only at http://127.0.0.1:8123/"


def test_other_paths_and_methods(client) -> None:
    assert client.get("/etc/passwd").status_code == 404
    assert client.put("/").status_code == 405
    head = client.head("/")
    assert head.status_code == 200 and head.get_data() == b""


def test_a_port_in_use_is_a_one_line_error(capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"numlint: error: cannot listen on 127.0.0.1:{port}: ")
    assert len(err.strip().splitlines()) == 1


def test_a_bad_port_is_an_error(capsys) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "not a port number" in capsys.readouterr().err
