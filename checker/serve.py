"""`numlint serve`: a local review page. Paste a draft or upload a file, and see it annotated as
the HTML report shows it, with the document date and currency defaults set on the page and the
findings to download as JSON.

It listens on 127.0.0.1 unless told otherwise, answers only requests addressed to the host it
listens on (a page elsewhere cannot reach it through DNS rebinding), keeps uploads in memory
(nothing is written to disk), refuses uploads over the size limit with a message on the page, and
sends every page with a Content-Security-Policy that runs nothing but the page's own script.
"""

from __future__ import annotations

import datetime as dt
import io
import ipaddress
import socket
import threading
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from checker.document import Options
from checker.engine import Engine, Run, check_text
from checker.nlp.lexicon import load_lexicon
from checker.report.html import environment, page, page_policy
from checker.rules import Rule
from checker.source import (
    DISCOVERED_SUFFIXES,
    MAX_BYTES,
    InputError,
    decode,
    format_of,
    human_size,
)

PASTED_FORMATS = {"markdown": "Markdown", "text": "plain text", "html": "HTML"}
FORM_ALLOWANCE = 64 * 1024  # what a form may carry besides its file or text
# The page checks one draft at a time, while its reader waits: a draft of 50,000 words takes some
# seconds, one of millions minutes. Longer texts are for `numlint check`.
MAX_CHARACTERS = 300_000
DATE_FIELD = "the Document date field"
READABLE = ", ".join(sorted(DISCOVERED_SUFFIXES))  # the files it reads, for people


@dataclass(frozen=True)
class CurrencyChoice:
    """One question of the page: what an ambiguous symbol (or its words) means."""

    field: str
    label: str
    keys: tuple[str, ...]  # the lexicon's ambiguous keys it sets
    candidates: tuple[str, ...]


def currency_choices() -> list[CurrencyChoice]:
    """The lexicon's ambiguous symbols and words, grouped where they share their candidates."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for key, ambiguity in load_lexicon().ambiguous.items():
        if len(ambiguity.candidates) > 1:
            groups.setdefault(tuple(ambiguity.candidates), []).append(key)
    return [
        CurrencyChoice(f"currency-{n}", " / ".join(keys), tuple(keys), candidates)
        for n, (candidates, keys) in enumerate(groups.items(), 1)
    ]


class _MemoryRequest(Request):
    """A request whose uploads stay in memory (the size limit bounds them)."""

    def _get_file_stream(self, *args: object, **kwargs: object) -> IO[bytes]:
        return io.BytesIO()


class ReviewApp:
    """The WSGI application of the review page."""

    def __init__(
        self, rules: list[Rule], max_bytes: int = MAX_BYTES, address: Address | None = None
    ) -> None:
        self.engine = Engine(rules)
        self.max_bytes = max_bytes
        self.address = address  # None: any Host header (for tests)
        self.choices = currency_choices()
        self.lock = threading.Lock()  # one check at a time: the pipeline is shared

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        request = _MemoryRequest(environ)
        request.max_content_length = self.max_bytes + FORM_ALLOWANCE
        request.max_form_memory_size = self.max_bytes + FORM_ALLOWANCE
        try:
            response = self.respond(request)
        except RequestEntityTooLarge:
            response = self.page({}, self._too_large("What was sent"), status=413)
        except HTTPException as error:
            response = Response(error.description or error.name, error.code, mimetype="text/plain")
        _secure(response)
        return response(environ, start_response)

    def respond(self, request: Request) -> Response:
        if self.address is not None and not self.address.accepts(request.host):
            return Response(self.address.refusal(), 421, mimetype="text/plain")
        if request.path != "/":
            return Response("Not found.", 404, mimetype="text/plain")
        if request.method in ("GET", "HEAD"):
            return self.page({})
        if request.method != "POST":
            allowed = {"Allow": "GET, HEAD, POST"}
            return Response("Use GET or POST.", 405, allowed, mimetype="text/plain")
        return self.review(request)

    def review(self, request: Request) -> Response:
        form = request.form
        values = {key: form.get(key, "") for key in ("text", "format", "date", *self._fields())}
        try:
            options = self._options(values)
            path, text, format = self._draft(request, values)
        except ValueError as problem:
            return self.page(values, str(problem), status=400)
        with self.lock:
            run = check_text(text, path, format, self.engine, options)
        if run.errors:
            return self.page(values, str(run.errors[0]), status=400)
        return self.page(values, run=run)

    def page(self, values: dict, problem: str = "", run: Run | None = None, status: int = 200):
        context = {
            "values": values,
            "problem": problem,
            "formats": PASTED_FORMATS,
            "choices": self.choices,
            "limit": human_size(self.max_bytes),
            "characters": f"{MAX_CHARACTERS:,}",
            "accept": ",".join(sorted(DISCOVERED_SUFFIXES)),
            "readable": READABLE,
            "policy": page_policy("'self'"),
            "run": run,
        }
        if run is not None:
            context.update(page(run))
            context["download"] = "data:application/json;charset=utf-8," + urllib.parse.quote(
                context["findings_json"]
            )
        html = environment().get_template("review.html.j2").render(context)
        response = Response(html, status, mimetype="text/html")
        response.headers["Content-Security-Policy"] = context["policy"]
        return response

    def _fields(self) -> list[str]:
        return [choice.field for choice in self.choices]

    def _options(self, values: dict) -> Options:
        date = None
        if values["date"].strip():
            try:
                date = dt.date.fromisoformat(values["date"].strip())
            except ValueError:
                raise ValueError(f"Not a date (YYYY-MM-DD): {values['date']!r}") from None
        currencies = {}
        for choice in self.choices:
            code = values[choice.field]
            if code and code not in choice.candidates:
                raise ValueError(f"{choice.label} cannot mean {code!r}")
            if code:
                currencies.update(dict.fromkeys(choice.keys, code))
        return Options(date=date, currencies=currencies, date_label=DATE_FIELD)

    def _draft(self, request: Request, values: dict) -> tuple[str, str, str]:
        """(path, text, format) of the uploaded file, else of the pasted text."""
        upload = request.files.get("file")
        if upload is not None and upload.filename:
            name = PurePath(upload.filename.replace("\\", "/")).name or "upload"
            return name, self._uploaded_text(name, upload.stream), format_of(name)
        text = values["text"].replace("\r\n", "\n")
        if not text.strip():
            raise ValueError("Paste a draft or choose a file to check.")
        _not_too_long("The pasted draft", text)
        format = values["format"] if values["format"] in PASTED_FORMATS else "markdown"
        return "pasted text", text, format

    def _uploaded_text(self, name: str, stream: IO[bytes]) -> str:
        suffix = PurePath(name).suffix.lower()
        if suffix == ".doc":
            raise ValueError(f"{name}: a Word 97-2003 document: save it as .docx to check it")
        if suffix not in DISCOVERED_SUFFIXES:
            raise ValueError(f"{name}: not a file numlint reads (it reads {READABLE})")
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise ValueError(self._too_large(name))
        try:
            text = decode(data, name, max_bytes=self.max_bytes)
        except InputError as error:
            raise ValueError(f"{name}: {error.message.removeprefix('skipped: ')}") from None
        if not text.strip():
            raise ValueError(f"{name}: there is no text in it to check")
        _not_too_long(name, text)
        return text

    def _too_large(self, name: str) -> str:
        return f"{name} is larger than the limit of {human_size(self.max_bytes)}."


def _not_too_long(name: str, text: str) -> None:
    if len(text) > MAX_CHARACTERS:
        raise ValueError(
            f"{name} is {len(text):,} characters long; this page checks up to "
            f"{MAX_CHARACTERS:,} (numlint check has no such limit)"
        )


def _secure(response: Response) -> None:
    """Headers every answer carries: a page's own policy (else none at all), never framed."""
    policy = response.headers.get("Content-Security-Policy", "default-src 'none'")
    response.headers["Content-Security-Policy"] = policy + "; frame-ancestors 'none'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"


@dataclass(frozen=True)
class Address:
    """Where the page listens, and so which Host headers it answers: a page elsewhere that
    points a name of its own at this machine (DNS rebinding) gets nothing."""

    host: str
    port: int

    @property
    def url(self) -> str:
        """The page's address (on this machine, when it listens on all of them)."""
        host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.host, self.host)
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}/"

    @property
    def loopback(self) -> bool:
        return _is_loopback(self.host)

    @property
    def wildcard(self) -> bool:
        return self.host in ("", "0.0.0.0", "::")

    def accepts(self, header: str) -> bool:
        """Whether a request's Host header names this page."""
        name, port = _name_and_port(header)
        if port != self.port:
            return False
        if self.wildcard:
            return _is_ip(name) or name in _machine_names()
        if self.loopback:
            return name == "localhost" or _is_loopback(name)
        return name == self.host.lower().strip("[]")

    def refusal(self) -> str:
        if self.wildcard:
            return "This page answers only on this machine's addresses and names."
        return f"This page answers only at {self.url}"


def _name_and_port(header: str) -> tuple[str, int]:
    """("::1", 8000) for "[::1]:8000", ("localhost", 80) for "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        port = rest.removeprefix(":")
    elif header.count(":") == 1:
        name, _, port = header.partition(":")
    else:
        name, port = header, ""
    if not port:
        return name, 80
    return name, int(port) if port.isdigit() else -1


def _is_ip(name: str) -> bool:
    return _ip(name) is not None


def _machine_names() -> set[str]:
    return {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}


def _is_loopback(host: str) -> bool:
    ip = _ip(host.strip("[]"))
    return host == "localhost" or (ip is not None and ip.is_loopback)


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def review_server(rules: list[Rule], host: str, port: int, max_bytes: int = MAX_BYTES):
    """A threaded server of the review page, bound (port 0: any free one) and not yet serving.
    Raises OSError when the address cannot be had."""
    from werkzeug.serving import make_server

    # The socket is bound here, so that a port in use is an OSError for the command to report
    # (Werkzeug would print its own lines and exit).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.create_server((host, port), family=family) as listening:
        bound = listening.getsockname()[1]
        app = ReviewApp(rules, max_bytes, Address(host, bound))
        return make_server(host, bound, app, threaded=True, fd=listening.fileno())


def serve(rules: list[Rule], host: str, port: int, max_bytes: int, announce) -> None:
    """Serve the review page until interrupted; ``announce(url, local)`` is told where."""
    from checker.nlp.pipeline import build_pipeline

    server = review_server(rules, host, port, max_bytes)
    build_pipeline()  # the first draft need not wait for it
    address = server.app.address
    announce(address.url, address.loopback)
    try:
        server.serve_forever()
    finally:
        server.server_close()
