"""Test settings: numlint's caches go to temporary folders, never into the working tree or the
user's cache folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("NUMLINT_CACHE_DIR", tempfile.mkdtemp(prefix="numlint-cache-"))
os.environ.setdefault("NUMLINT_DATA_DIR", tempfile.mkdtemp(prefix="numlint-data-"))
