"""Speed work that must not change a result: what start-up avoids, and that it still answers the same."""
from __future__ import annotations

import functools
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

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


def test_kept_hyphenation_patterns_are_what_pyphen_parses(tmp_path, monkeypatch):
    # The first process parses the dictionary and keeps it; the next reads it back, the same patterns.
    import pyphen

    from askcheck import hyphenation
    from askcheck.cachedir import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    path = pyphen.LANGUAGES[pyphen.language_fallback("en-US")]
    parsed = pyphen.HyphDict(path)

    def preloaded():
        monkeypatch.setattr(pyphen, "hdcache", {})
        hyphenation.preload("en-US")
        return pyphen.hdcache[path]

    assert vars(preloaded()) == vars(parsed)  # parsed and kept
    (kept,) = tmp_path.glob("hyphenation-*.marshal")
    read = preloaded()
    assert vars(read) == vars(parsed)
    assert pyphen.Pyphen(lang="en-US").hd is read and pyphen.Pyphen(lang="en-US").inserted("hyphenation") == "hy-phen-ation"
    # A damaged or foreign file is parsed afresh, not trusted.
    for damaged in (b"", b"not marshal", __import__("marshal").dumps({"ab": (0, ("1",))})):
        kept.write_bytes(damaged)
        assert vars(preloaded()) == vars(parsed)
    # A cache folder that cannot be made: nothing kept, the dictionary parsed as usual.
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert vars(preloaded()) == vars(parsed)


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


def test_regex_programs_kept_on_disk_make_the_patterns_re_compile_makes(tmp_path, monkeypatch):
    import re

    from askcheck import phrases

    monkeypatch.setenv(phrases.CACHE_ENV, str(tmp_path))
    regexes = [phrases.compile_phrase(p).regex for p in _lexicon_phrases()[:200]]
    writer = phrases._ProgramCache()
    assert all(writer.pattern(rx) == re.compile(rx) for rx in regexes)  # Pattern == compares the programs
    writer.save()
    (cache_file,) = [f for f in tmp_path.iterdir() if f.name.startswith("regex-")]
    reader = phrases._ProgramCache()
    assert set(reader.load()) == set(regexes)
    assert all(reader.pattern(rx) == re.compile(rx) for rx in regexes)
    # A damaged entry or file is compiled afresh, not trusted.
    import marshal

    cache_file.write_bytes(marshal.dumps({regexes[0]: marshal.dumps((0, [1, 2, 3], 0, {}, ()))}))
    assert phrases._ProgramCache().pattern(regexes[0]) == re.compile(regexes[0])
    for damaged in (b"not marshal", b""):
        cache_file.write_bytes(damaged)
        assert phrases._ProgramCache().pattern(regexes[0]) == re.compile(regexes[0])


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


def _scanned(rx, doc):
    from askcheck.phrases import encode

    enc = encode(doc)
    return [s for s in (enc.token_span(m.start(), m.end()) for m in rx.regex.finditer(enc.text)) if s is not None]


@functools.cache
def _phrase_vocab() -> list[str]:
    """Words the lexicons' phrases are made of (so random texts often come close to a phrase)."""
    import re

    words = set()
    for phrase in _lexicon_phrases():
        words.update(w for w in re.split(r"[\s()|?*\[\]]+", phrase.lower()) if w and w != "...")
    return sorted(words) + ["20", "3pm", "friday", "two", "?", ",", "."]


@functools.cache
def _lexicon_sets() -> dict:
    from askcheck import lexicon
    from askcheck.phrases import PhraseRegex

    names = ("ask_requests", "not_asks", "timeframes", "opt_outs", "effort_bounds", "ask_proposals", "distress")
    return {name: PhraseRegex(lexicon.phrases(name)) for name in names}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_skipping_on_the_next_word_finds_what_the_one_regex_finds(linter, data):
    # A phrase set tries a word only when the word after it can continue one of its phrases; the
    # spans found must be what one regex of every phrase finds scanning the whole text.
    from askcheck.phrases import PhraseSets

    words = data.draw(st.lists(st.sampled_from(_phrase_vocab()), min_size=1, max_size=40))
    doc = linter.nlp.make_doc(" ".join(words))
    sets = _lexicon_sets()
    for name, rx in sets.items():
        assert rx.find(doc) == _scanned(rx, doc), (name, words)
    together = PhraseSets(sets).find(doc)
    assert together == {name: _scanned(rx, doc) for name, rx in sets.items()}



def test_a_phrase_begins_as_its_heads_say():
    # Every first word a phrase can start with has a head beginning with it (the skip test relies on it).
    from askcheck.phrases import ANY, compile_phrase

    for phrase in _lexicon_phrases():
        compiled = compile_phrase(phrase)
        if compiled.first is None or compiled.nullable:
            continue
        for word in compiled.first:
            if not word.startswith("["):
                assert any(h and h[0] in (word, ANY) for h in compiled.heads), (phrase, word)


def test_phrase_caches_of_other_versions_are_pruned_when_stale(tmp_path, monkeypatch):
    # Each version of askcheck (or spaCy) writes its own cache file; one unused for STALE_DAYS goes
    # when another version writes, a recent one (another environment's, in use) stays.
    import os
    import time

    from askcheck import phrases

    monkeypatch.setenv(phrases.CACHE_ENV, str(tmp_path))
    stale, recent = tmp_path / "phrases-0000000000000000.json", tmp_path / "phrases-1111111111111111.json"
    for path in (stale, recent):
        path.write_text("{}", encoding="utf-8")
    old = time.time() - (phrases.STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    cache = phrases._PhraseCache()
    cache.put("could you", phrases._compile_phrase("could you"))
    cache.save()
    assert not stale.exists() and recent.exists() and cache.path.exists()
    # Reading a cache untouched for more than a day marks it in use.
    os.utime(recent, (old, old))
    monkeypatch.setattr(phrases, "_cache_path", lambda: recent)
    phrases._PhraseCache().load()
    assert recent.stat().st_mtime > time.time() - 60


def test_linted_docs_are_freed_without_the_garbage_collector(linter):
    # run_many lets go of each Doc's Spans and asks once the Doc is linted, so the Doc is freed by its
    # reference count: the cyclic collector then finds nothing, and runs less often on a corpus.
    import gc

    texts = [TEXT, "Hi Sam, sorry to bother you! Could you send me the slides by Friday? No worries if not.",
             "I'm completely overwhelmed. HELP", "Thanks in advance!!\n\nBest,\nAna"]
    items = [(t, "-", str(n)) for n, t in enumerate(texts)]
    before = [(r.findings, r.asks) for r in linter.run_many(items)]  # warm: first-use caches
    assert any(asks for _, asks in before) and any(findings for findings, _ in before)
    gc.collect()
    gc.disable()
    try:
        again = [(r.findings, r.asks) for r in linter.run_many(items)]
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert again == before


def test_phrase_sets_walked_together_find_what_each_finds_alone(linter):
    # Every PhraseSets of the process is walked together once per Doc; each must still get what one
    # regex of its phrases finds, whichever other sets are alive, made after the walk, or gone.
    import gc

    from askcheck.phrases import PhraseRegex, PhraseSets

    sets = _lexicon_sets()
    texts = ["Sorry to bother you, could you review my slides by Friday? No worries if not.",
             "Let's meet tomorrow at 3pm to go over the draft, if you have time.",
             "I'm so overwhelmed, can you help me move on the 3rd? Only if you're free."]
    first = PhraseSets({"requests": sets["ask_requests"], "outs": sets["opt_outs"]})
    doomed = PhraseSets({"requests": sets["ask_requests"], "proposals": sets["ask_proposals"]})
    for text in texts:
        doc = linter.nlp.make_doc(text)
        expected = {name: _scanned(rx, doc) for name, rx in sets.items()}
        assert any(expected.values())
        assert first.find(doc) == {"requests": expected["ask_requests"], "outs": expected["opt_outs"]}
        found = doomed.find(doc)
        found["requests"].append((0, 1))  # a caller may change what it was given: the next call does not see it
        assert doomed.find(doc)["requests"] == expected["ask_requests"]
        later = PhraseSets({"distress": sets["distress"], "requests": PhraseRegex(["could you"])})
        assert later.find(doc) == {"distress": expected["distress"],
                                   "requests": _scanned(later.sets["requests"], doc)}
        assert first.find(doc) == {"requests": expected["ask_requests"], "outs": expected["opt_outs"]}
    del doomed, later
    gc.collect()
    doc = linter.nlp.make_doc(texts[0])
    assert first.find(doc)["requests"] == _scanned(sets["ask_requests"], doc)


def test_norms_with_a_space_are_encoded_as_before(linter):
    # encode() joins the norms read with the tokens as they are, unless one holds a space (or is empty).
    from askcheck.docinfo import tokens
    from askcheck.phrases import encode

    doc = linter.nlp.make_doc("could you  send it over")
    assert encode(doc).text == " could you send it over " and encode(doc).token_index == [0, 1, 3, 4, 5]
    assert encode(doc).norms == [t.norm_ for t in tokens(doc) if not t.is_space]
    # (an empty norm cannot be set: spaCy then reads the word's own)
    for changed, expected in (({1: "you all"}, " could you_all send it over "), ({0: " could"}, " _could you send it over ")):
        doc = linter.nlp.make_doc("could you  send it over")
        for i, norm in changed.items():
            doc[i].norm_ = norm
        assert encode(doc).text == expected
