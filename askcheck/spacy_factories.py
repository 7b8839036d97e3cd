"""askcheck's spaCy factories: `askcheck`, `askcheck_asks`, `askcheck_sentences`.

spaCy finds them through the `spacy_factories` entry points, so `nlp.add_pipe("askcheck")` works
in any program without `import askcheck`. spaCy imports every such entry point each time any
`Language` is built (`spacy.blank`, `spacy.load`), in every program of the environment, whether or not
it uses askcheck: so this module only declares the factories, and each imports its component (lexicons,
ask model, rules) when a pipeline adds it.
"""
from __future__ import annotations

from spacy.language import Language


@Language.factory("askcheck_sentences")
def make_sentence_splitter(nlp: Language, name: str):
    """Sentence boundaries for messages: punctuation plus line structure (see askcheck.sentences)."""
    from .sentences import split_sentences

    return split_sentences


@Language.factory(
    "askcheck_asks",
    default_config={"extra_action_frames": [], "extra_input_frames": [], "extra_imperatives": []},
    assigns=["doc._.asks", "doc._.distress"],
)
def make_ask_detector(nlp: Language, name: str, extra_action_frames: list[str],
                      extra_input_frames: list[str], extra_imperatives: list[str]):
    """The ask detector and ask model: sets `doc._.asks` and `doc._.distress` (see askcheck.ask_detector)."""
    from .ask_detector import AskDetector

    return AskDetector(nlp, extra_action_frames, extra_input_frames, extra_imperatives)


@Language.factory(
    "askcheck",
    default_config={"select": ["ALL"], "ignore": [], "extend_select": [], "rules": {}},
    assigns=["doc._.asks", "doc._.distress", "doc._.askcheck_findings"],
)
def make_askcheck(nlp: Language, name: str, select: list[str], ignore: list[str], extend_select: list[str],
                  rules: dict):
    """askcheck whole: sentences (when nothing earlier set them), asks, and the selected rules' findings.

    `select`, `ignore` and `extend_select` take rule codes, code prefixes or names, as in
    `[tool.askcheck]`; `rules` maps a rule name to its options ({"excessive-apology": {"max_apologies": 2}})."""
    from .component import AskcheckComponent
    from .settings import Settings

    settings = Settings(select=tuple(select) or ("ALL",), ignore=tuple(ignore), extend_select=tuple(extend_select),
                        rule_options={rule: dict(options) for rule, options in rules.items()})
    return AskcheckComponent(nlp, settings)
