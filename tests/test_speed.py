"""Speed work that must not change a result: what start-up avoids, and that it still answers the same."""
from __future__ import annotations

import subprocess
import sys

import pytest

TEXT = ("We are migrating the 2.4 billing service to the new cluster this quarter. Could you review the "
        "rollback plan and the three dashboards before the change window opens on Thursday evening?")


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_reading_grade_does_not_import_nltk_and_is_unchanged():
    # textstat imports NLTK for a dictionary the "en-US" counter never reads: askcheck defers it.
    deferred = _python(
        "import sys\nfrom askcheck.readability import grade\n"
        f"print(grade({TEXT!r}), 'nltk.corpus' in sys.modules)")
    grade, loaded = deferred.split()
    assert loaded == "False"
    # The same grade with NLTK imported for real first (textstat as it comes).
    assert _python(f"import nltk\nfrom askcheck.readability import grade\nprint(grade({TEXT!r}))") == grade


def test_deferred_nltk_still_works_for_whoever_uses_it():
    pytest.importorskip("nltk")
    out = _python(
        "import sys\nfrom askcheck.readability import grade\n"
        f"grade({TEXT!r})\nimport nltk.corpus\nimport nltk\n"
        "print(type(sys.modules['nltk']).__name__, hasattr(nltk.corpus, 'cmudict'), nltk.data.find.__name__)")
    assert out == "module True find"
