"""Ask detection: which sentences ask the reader to act, on the default blank pipeline."""
from __future__ import annotations

import pytest

import askcheck

ASKS = [
    ("Could you review my slides before Friday?", "action"),
    ("Would you be willing to spend twenty minutes reviewing my draft tomorrow afternoon?", "action"),
    ("Please send the deck by noon.", "action"),
    ("Hi Sam, please send the deck by noon.", "action"),
    ("Send me the Q3 numbers, please.", "action"),
    ("I need you to sign the form.", "action"),
    ("Can someone cover the desk at 3?", "action"),
    ("I was wondering if you could cover my shift.", "action"),
    ("Any ideas?", "input"),
    ("Thoughts on this?", "input"),
    ("Does anyone know how to reset the router?", "input"),
    ("Got 10 minutes to talk through the budget?", "action"),
    ("It would be great if you could check the numbers.", "action"),
    ("Is there any chance you could swap shifts with me?", "action"),
    ("Let me know what you think.", "action"),
    ("Please make a few minor changes to the Scal product.", "action"),  # "a" starts the object
    ("Send a copy to Priya before the meeting.", "action"),
    ("Could you please be more specific about the error?", "action"),
    ("I hope you can help with the move on Saturday.", "action"),
    ("I just wanted to know whether you still had time for a quick meeting.", "action"),
]
NOT_ASKS = [
    "Thanks so much for your help yesterday!",
    "I'm so sorry for your loss.",
    "Let me know if you have any questions.",
    "Would you like me to take your shift?",
    "Can you believe this weather?",
    "Please find attached the report.",
    "Want to grab lunch friday?",
    "Feel free to bring snacks.",
    "Review is due Friday.",
    "Take care!",
    "Have a great weekend!",
    "Take a break!",
    "Could you possibly be overthinking this?",
    "We hope you enjoy our new app!",
    "He also let me know that they want to discuss the plant with us.",
    "I am hoping that the customer will decide by Thursday.",
    "Make a wish!",
    "Get a free quote today!",
    "Grab a coffee if you like.",
    "How was your weekend?",
    "Reminder: the office closes at 3pm. Please log off by then.",
    "Please submit your timesheets by Friday.",
    "Update on the outage: service is back.",
    "I'm overwhelmed!",
]


@pytest.mark.parametrize("text, kind", ASKS)
def test_detects_asks(text, kind):
    asks = askcheck.asks(text)
    assert asks, f"no ask found in {text!r}"
    assert asks[0]["kind"] == kind


@pytest.mark.parametrize("text", NOT_ASKS)
def test_no_ask(text):
    assert askcheck.asks(text) == []


def test_ask_rules_need_an_ask():
    names = {f.name for f in askcheck.check("Thanks for reviewing my slides last Friday!")}
    assert not names & {"missing-duration", "missing-timeframe", "no-opt-out"}


def test_pipeline_is_blank_english_by_default():
    nlp = askcheck.get_linter().nlp
    assert nlp.lang == "en"
    assert "askcheck_asks" in nlp.pipe_names
    assert not {"tagger", "parser", "ner"} & set(nlp.pipe_names)
