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


def _lexicon_phrases() -> list[str]:
    from importlib.resources import files

    from askcheck import lexicon

    names = sorted(p.name[:-4] for p in files("askcheck").joinpath("lexicons").iterdir() if p.name.endswith(".txt"))
    out = []
    for name in names:
        try:
            out += lexicon.phrases(name)
        except lexicon.LexiconError:
            continue
    return out


def test_phrase_cache_gives_what_compiling_gives(tmp_path, monkeypatch):
    from askcheck import phrases

    monkeypatch.setenv(phrases.CACHE_ENV, str(tmp_path))
    every = _lexicon_phrases()
    assert len(every) > 300
    fresh = {p: phrases._compile_phrase(p) for p in every}
    writer = phrases._PhraseCache()
    for p, compiled in fresh.items():
        writer.put(p, compiled)
    writer.save()
    (cache_file,) = tmp_path.iterdir()
    reader = phrases._PhraseCache()
    assert {p: reader.get(p) for p in every} == fresh
    # Entries it did not write are ignored, not trusted.
    cache_file.write_text('{"could you": ["x", 3, "no"], "can you": "nonsense"}', encoding="utf-8")
    assert phrases._PhraseCache().get("could you") is None and phrases._PhraseCache().get("can you") is None
    cache_file.write_text("not json", encoding="utf-8")
    assert phrases._PhraseCache().get("could you") is None


def test_second_run_reads_phrases_from_the_cache(tmp_path):
    # The first process compiles and writes the cache; the second tokenizes no phrase at all and lints
    # the same; a cache that cannot be written (a file where the folder should be) is not used.
    import os

    code = ("from askcheck import phrases\nfrom askcheck.engine import get_linter\n"
            f"r = get_linter().run({TEXT!r})\n"
            "print(phrases._norms.cache_info().misses, [f.code for f in r.findings], len(r.asks))")

    def run(folder):
        env = dict(os.environ, ASKCHECK_CACHE_DIR=str(folder))
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env=env).stdout.split(" ", 1)

    misses1, out1 = run(tmp_path / "cache")
    misses2, out2 = run(tmp_path / "cache")
    assert int(misses1) > 500 and misses2 == "0" and out1 == out2
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    misses3, out3 = run(tmp_path / "blocked")
    assert int(misses3) > 500 and out3 == out1
