from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The compiled-phrase cache (askcheck.phrases) of the test session goes to a folder of its own, shared
# by the command-line runs the tests start, never to the user's ~/.cache.
# The folder is removed when the session that made it ends, so test runs leave nothing in /tmp.
if "ASKCHECK_CACHE_DIR" not in os.environ:
    _cache_dir = tempfile.mkdtemp(prefix="askcheck-test-cache-")
    os.environ["ASKCHECK_CACHE_DIR"] = _cache_dir
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def linter():
    from askcheck.engine import get_linter

    return get_linter()


@pytest.fixture
def shared_corpora():
    path = SHARED / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is not present")
    return path
