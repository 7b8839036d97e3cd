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


def test_phrases_tried_one_by_one_then_together_find_what_the_one_regex_finds(linter, monkeypatch):
    # Phrases met at a word are first tried one by one, then (once the word is met often) as one
    # compiled alternation: both must find what one regex of every phrase finds scanning the text.
    from askcheck import lexicon, phrases
    from askcheck.phrases import PhraseRegex, encode

    monkeypatch.setattr(phrases, "_HOT", 3)
    texts = ["could you review my slides by friday", "could you please send the deck, no worries if not",
             "sorry to bother you, could you take 20 minutes tomorrow?", "can you help me move on the 3rd",
             "would you mind reviewing two pages? if you're busy, no problem"]
    sets = {name: PhraseRegex(lexicon.phrases(name)) for name in ("ask_requests", "timeframes", "opt_outs", "effort_bounds")}
    for _ in range(4):
        for text in texts:
            doc = linter.nlp.make_doc(text)
            for name, rx in sets.items():
                enc = encode(doc)
                scanned = [s for s in (enc.token_span(m.start(), m.end()) for m in rx.regex.finditer(enc.text))
                           if s is not None]
                assert rx.find(doc) == scanned, (name, text)
    kinds = {type(v).__name__ for rx in sets.values() for k, v in rx._compiled.items() if len(k) > 1}
    assert "Pattern" in kinds  # alternations met more than three times were compiled together
