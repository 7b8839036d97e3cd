"""The spaCy factories: `nlp.add_pipe("askcheck")` in anyone's pipeline, found by entry point.

The checks that matter run in a fresh interpreter (a subprocess) that never imports askcheck itself,
as a spaCy user's program would."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from askcheck.engine import Linter, get_linter
from askcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MESSAGE = ("Hi Sam,\nSorry to bother you, but could you review my slides before Friday?\n"
           "Also, can you help?\nThanks!\n")


def run_python(code: str, cwd: Path) -> dict:
    """Run `code` in a fresh interpreter (cwd outside the repository, so only the installed package is
    importable) and return the JSON object it prints last."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def finding_rows(findings) -> list[list]:
    return [[f.code, f.start, f.end, f.message] for f in findings]


def test_entry_points_name_every_factory():
    declared = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.value.startswith("askcheck.")}
    assert declared == {
        "askcheck": "askcheck.spacy_factories:make_askcheck",
        "askcheck_asks": "askcheck.spacy_factories:make_ask_detector",
        "askcheck_sentences": "askcheck.spacy_factories:make_sentence_splitter",
    }


def test_add_pipe_in_a_fresh_interpreter_without_importing_askcheck(tmp_path):
    out = run_python(f"""
        import json, sys, time
        import spacy
        t0 = time.perf_counter()
        nlp = spacy.blank("en")   # spaCy imports the spacy_factories entry points here
        blank_s = time.perf_counter() - t0
        loaded_by_spacy = sorted(m for m in sys.modules if m.startswith("askcheck"))
        nlp.add_pipe("askcheck")
        doc = nlp({MESSAGE!r})
        print(json.dumps({{
            "loaded_by_spacy": loaded_by_spacy,
            "pipe_names": nlp.pipe_names,
            "asks": [[a.span.text, a.kind, a.cost, a.when.text if a.when else None] for a in doc._.asks],
            "findings": [[f.code, f.start, f.end, f.message] for f in doc._.askcheck_findings],
        }}))
    """, tmp_path)
    # Building any pipeline imports only the factory declarations, not the linter.
    assert out["loaded_by_spacy"] == ["askcheck", "askcheck.spacy_factories"]
    assert out["pipe_names"] == ["askcheck"]
    linted = get_linter().run(MESSAGE)
    assert out["asks"] == [[a["text"], a["kind"], a["cost"], (a["states"]["when"] or {}).get("text")] for a in linted.asks]
    assert out["asks"][0] == ["Sorry to bother you, but could you review my slides before Friday?", "favor",
                              "substantial", "Friday"]
    # The same findings, offsets and words as `askcheck lint`.
    assert out["findings"] == finding_rows(linted.findings)
    assert {"ASK201", "ASK301", "ASK401"} <= {row[0] for row in out["findings"]}


def test_importing_the_entry_point_module_is_cheap(tmp_path):
    out = run_python("""
        import json, sys, time
        import spacy
        t0 = time.perf_counter()
        import askcheck.spacy_factories
        print(json.dumps({"seconds": time.perf_counter() - t0,
                          "modules": sorted(m for m in sys.modules if m.startswith("askcheck"))}))
    """, tmp_path)
    assert out["modules"] == ["askcheck", "askcheck.spacy_factories"]
    assert out["seconds"] < 0.05  # measured at about 2 ms; spacy.blank("en") itself takes about 100 ms


def test_saved_pipeline_reloads_with_its_config(tmp_path):
    saved = tmp_path / "pipeline"
    run_python(f"""
        import json, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("askcheck", config={{"ignore": ["no-opt-out"], "rules": {{"excessive-apology": {{"max_apologies": 2}}}}}})
        nlp.to_disk({str(saved)!r})
        print("{{}}")
    """, tmp_path)
    out = run_python(f"""
        import json, sys, spacy
        nlp = spacy.load({str(saved)!r})
        doc = nlp({MESSAGE!r})
        print(json.dumps({{"config": nlp.get_pipe_config("askcheck"),
                          "findings": [[f.code, f.start, f.end, f.message] for f in doc._.askcheck_findings]}}))
    """, tmp_path)
    assert out["config"]["ignore"] == ["no-opt-out"]
    assert out["config"]["rules"] == {"excessive-apology": {"max_apologies": 2}}
    settings = Settings(ignore=("no-opt-out",), rule_options={"excessive-apology": {"max_apologies": 2}})
    expected = finding_rows(Linter(settings).run(MESSAGE).findings)
    assert out["findings"] == expected
    assert "ASK301" not in {row[0] for row in expected}


def _trained_senter_pipeline(path: Path) -> None:
    """A pipeline with trained weights (a senter), as `spacy train` would save one."""
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("senter")
    examples = []
    for text in ["Hi Ana. Could you send the report? Thanks.", "The build broke. Can you look at it today?"]:
        doc = nlp.make_doc(text)
        starts = [tok.i == 0 or doc[tok.i - 1].text in ".?" for tok in doc]
        examples.append(Example.from_dict(doc, {"sent_starts": [1 if s else -1 for s in starts]}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    nlp.to_disk(path)


def test_added_after_a_trained_pipeline(tmp_path):
    """Its sentences come from the pipeline's own senter; askcheck then finds what `--model` finds."""
    model = tmp_path / "trained"
    _trained_senter_pipeline(model)
    out = run_python(f"""
        import json, spacy
        nlp = spacy.load({str(model)!r})
        nlp.add_pipe("askcheck")
        doc = nlp({MESSAGE!r})
        print(json.dumps({{"pipe_names": nlp.pipe_names,
                          "findings": [[f.code, f.start, f.end, f.message] for f in doc._.askcheck_findings]}}))
    """, tmp_path)
    assert out["pipe_names"] == ["senter", "askcheck"]
    assert out["findings"] == finding_rows(Linter(Settings(model=str(model))).run(MESSAGE).findings)


@pytest.mark.parametrize("model", spacy.util.get_installed_models() or [None])
def test_added_after_each_installed_trained_pipeline(model, tmp_path):
    if model is None:
        pytest.skip("no trained spaCy pipeline is installed (the trained senter test covers the case)")
    out = run_python(f"""
        import json, spacy
        nlp = spacy.load({model!r})
        nlp.add_pipe("askcheck")
        doc = nlp({MESSAGE!r})
        print(json.dumps({{"asks": len(doc._.asks), "findings": len(doc._.askcheck_findings)}}))
    """, tmp_path)
    assert out["asks"] >= 1 and out["findings"] >= 1


def test_component_agrees_with_the_linter_on_the_labelled_corpus():
    nlp = spacy.blank("en")
    nlp.add_pipe("askcheck")
    linter = get_linter()
    texts = [json.loads(line)["text"] for path in [*sorted((ROOT / "corpus" / "labelled").glob("*.jsonl")), ROOT / "corpus" / "holdout" / "holdout.jsonl"]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 600
    for text in texts:
        component = nlp(text)
        assert [f.to_dict() for f in component._.askcheck_findings] == [f.to_dict() for f in linter.run(text).findings], text
        assert [a.span.start_char for a in component._.asks] == [a["span"]["start"] for a in linter.run(text).asks]


def test_the_parts_are_components_too():
    nlp = spacy.blank("en")
    nlp.add_pipe("askcheck_sentences")
    nlp.add_pipe("askcheck_asks", config={"extra_action_frames": ["I need you to"]})
    doc = nlp("Hi team\nI need you to sign the form by noon")
    assert [s.text for s in doc.sents] == ["Hi team\n", "I need you to sign the form by noon"]
    assert [a.span.text for a in doc._.asks] == ["I need you to sign the form by noon"]
