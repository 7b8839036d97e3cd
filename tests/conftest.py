from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The compiled-phrase cache (askcheck.phrases) of the test session goes to a folder of its own, shared
# by the command-line runs the tests start, never to the user's ~/.cache.
os.environ.setdefault("ASKCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="askcheck-test-cache-"))

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
