"""Test settings: numlint's cache goes to a temporary folder, never into the working tree."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("NUMLINT_CACHE_DIR", tempfile.mkdtemp(prefix="numlint-cache-"))
