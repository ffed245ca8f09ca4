#!/bin/sh
# Sets numlint up for development on a fresh machine: numlint with its test tools (pip), and a
# Chromium for the browser tests (Debian's package: Playwright cannot download its own here).
# Without root or apt-get, the browser tests are skipped (outside CI) and this says so.
set -eu
cd "$(dirname "$0")"
python3 -m pip install -e ".[test]"
for browser in chromium chromium-browser google-chrome; do
    if command -v "$browser" >/dev/null 2>&1; then
        exit 0
    fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
    echo "install.sh: no Chromium and no apt-get: the browser tests will be skipped" >&2
    echo "install.sh: (install Chromium, or set NUMLINT_CHROMIUM to its path, to run them)" >&2
fi
