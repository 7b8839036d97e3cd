"""The ask model: which sentences ask, and each ask's kind, audience, cost and stated attributes."""
from __future__ import annotations

import pytest

import askcheck

# (text, kind, audience, cost)
ASKS = [
    ("Could you review my slides before Friday?", "favor", "reader", "substantial"),
    ("Would you be willing to spend twenty minutes reviewing my draft tomorrow afternoon?", "favor", "reader",
     "substantial"),
    ("Please send the deck by noon.", "task", "reader", "quick"),
    ("Hi Sam, please send the deck by noon.", "task", "reader", "quick"),
    ("Send me the Q3 numbers, please.", "task", "reader", "quick"),
    ("I need you to sign the form.", "task", "reader", "quick"),
    ("Can someone cover the desk at 3?", "plea", "crowd", "substantial"),
    ("I was wondering if you could cover my shift.", "favor", "reader", "substantial"),
    ("Any ideas?", "question", "reader", "quick"),
    ("Thoughts on this?", "question", "reader", "quick"),
    ("Does anyone know how to reset the router?", "plea", "crowd", "quick"),
    ("Do you have a source for this?", "question", "reader", "quick"),
    ("What does the dims argument hold?", "question", "reader", "quick"),
    ("Is it showing white only in a browser?", "question", "reader", "quick"),
    ("Could you explain what you mean by 'stable'?", "question", "reader", "quick"),
    ("Got 10 minutes to talk through the budget?", "favor", "reader", "substantial"),
    ("It would be great if you could check the numbers.", "task", "reader", "quick"),
    ("Is there any chance you could swap shifts with me?", "favor", "reader", "substantial"),
    ("Let me know what you think.", "question", "reader", "quick"),
    ("Please make a few minor changes to the Scal product.", "task", "reader", "quick"),
    ("Send a copy to Priya before the meeting.", "task", "reader", "quick"),
    ("I hope you can help with the move on Saturday.", "favor", "reader", "substantial"),
    ("I just wanted to know whether you still had time for a quick meeting.", "task", "reader", "quick"),
    # implicit asks and proposals (missed before the ask model)
    ("Please take a look and send comments.", "task", "reader", "quick"),
    ("Any pointers welcome.", "question", "reader", "quick"),
    ("We could do with some help on the migration.", "task", "reader", "quick"),
    ("Let's meet Friday to go over the plan.", "proposal", "reader", "substantial"),
    ("Is everyone free Thursday to go over the budget?", "proposal", "reader", "substantial"),
    ("Why don't we chat Monday and figure out the best way to go.", "proposal", "reader", "quick"),
    ("I have attached for your review the letter from Northern.", "task", "reader", "quick"),
    ("Kay, please book 9:00 am to 2:00 pm with me on September 5.", "task", "reader", "quick"),
    ("When you have time please send me Chaz's too!", "task", "reader", "quick"),
    # favors: the writer's own thing, asked as a favor
    ("Could you help me with the budget spreadsheet?", "favor", "reader", "substantial"),
    ("Can you help me move my couch on Saturday?", "favor", "reader", "substantial"),
    ("Could you give me an hour on the pricing model?", "favor", "reader", "substantial"),
    ("I hate to ask, but could you take over the Henderson account starting Monday?", "favor", "reader",
     "substantial"),
    # imposed: the writer has decided the reader's yes ("a forced yes fosters resentment")
    ("Ok so the bake sale is Friday and I've put you down for two dozen cupcakes.", "favor", "reader",
     "substantial"),
    ("I've already told Dad you'll fix his boiler on Sunday.", "favor", "reader", "substantial"),
    ("We now expect you to run the tombola at the summer fair.", "favor", "reader", "substantial"),
    ("If I don't hear back by 5pm I'll assume you're happy to chair the meeting.", "favor", "reader",
     "substantial"),
    ("Hey, you're helping me move on Saturday, yeah?", "favor", "reader", "substantial"),
    ("We're only waiting on you to sign up. It takes two minutes!", "favor", "reader", "quick"),
    # favors of presence, hosting and roles, whatever their verb
    ("Could you have him overnight on the 8th?", "favor", "reader", "substantial"),
    ("Would you be my guarantor for the tenancy?", "favor", "reader", "substantial"),
    ("Could you come over Wednesday evening and help me blitz it?", "favor", "reader", "substantial"),
    ("You'll take Pepper while we're in Spain, won't you? It's only the fortnight.", "favor", "reader",
     "substantial"),
    ("Your turn to host Christmas this year.", "favor", "reader", "substantial"),
    ("Mate can I borrow your van Saturday?", "favor", "reader", "substantial"),
    # hosting the writer; a "someone" in a message to one named reader is that reader; standing in
    ("My conference got confirmed and the hotels are crazy. Could I stay with you for those nights?", "favor",
     "reader", "substantial"),
    ("Hi Greg, we're away next weekend and need someone to feed the chickens morning and evening.", "favor",
     "reader", "substantial"),
    ("Could you take the Friday client call for me? It's 30 minutes at 2pm.", "favor", "reader", "substantial"),
    # "at some point" says when, not what: help with "something" stays vague, and quick
    ("Was wondering if you could help me with something at some point?", "favor", "reader", "quick"),
    # "try to" is no errand of its own: the work is what is tried
    ("Is there any way you could try to recover the files from my old laptop?", "favor", "reader",
     "substantial"),
    ("Is anyone in the Headingley area free to help me move house?", "plea", "crowd", "substantial"),
    ("Is there anyone at work who could give me a lift to the office?", "plea", "crowd", "substantial"),
    ("Clean up the kitchen by tonight.", "task", "reader", "substantial"),
    ("Please pull together the Q2 vendor audit.", "task", "reader", "quick"),
    # a quick thing asked as a favor for the writer is still a favor (its rules need it substantial)
    ("Any chance you could water my tomatoes on Tuesday? Literally 5 mins.", "favor", "reader", "quick"),
    ("Would you mind sending the invoice for the Q3 report?", "task", "reader", "quick"),
    ("Hi Lucía, is translating our café's website into Spanish something you'd have time for?", "favor",
     "reader", "substantial"),
    ("Hey, are you free this Saturday to help me put up the new fence?", "favor", "reader", "substantial"),
    # work that belongs to the reader's job is a task, however big
    ("Per our conversation last night, can you take a look at my list of country product approvals?", "task",
     "reader", "substantial"),
    ("Could you review PR 52 within the hour? It's blocking the hotfix.", "task", "reader", "substantial"),
    ("Hi Professor Banks, could you send feedback on my draft this week?", "task", "reader", "substantial"),
    ("Can you take a quick look at my PR?", "task", "reader", "quick"),
    # a look at work under review, or at the writer's own whole piece, is a review
    ("I've just nominated my article for peer review. Would you care to take a look?", "favor", "reader",
     "substantial"),
    ("The list is nearly ready for FLC. Could you check it for me?", "favor", "reader", "substantial"),
    ("Take a look at the new post on the forum.", "task", "reader", "quick"),
    # the second verb of one ask, and help with the writer's unfinished piece
    ("Could you have a look at the draft and try to improve it?", "favor", "reader", "substantial"),
    ("I began a table of tour dates but never finished it. Would you like to help out with it?", "favor",
     "reader", "substantial"),
    # asked about willingness, work is the reader's to refuse; their role still makes it a duty
    ("Would you be willing to mentor our new hire, Dani?", "favor", "reader", "substantial"),
    ("Would you be able to review the PR?", "task", "reader", "substantial"),
    ("Hi Professor Banks, would you be willing to review my thesis chapter?", "task", "reader",
     "substantial"),
    # covering the writer's own work, time asked with a purpose, a wish for a hand with the writer's undertaking
    ("Kasia, could you cover the 2pm client call for me?", "favor", "reader", "substantial"),
    ("Could you spare some time tomorrow to look at my deploy script?", "favor", "reader", "substantial"),
    ("I'm moving into the new place on Saturday and could really use another pair of hands.", "favor",
     "reader", "substantial"),
    # everyday favors named in any words: lab work, baking for an occasion, a heavy thing moved, a fix
    ("Chen, can you run my samples on the HPLC while I'm at the conference?", "favor", "reader", "substantial"),
    ("Sanne, can you bake something for Lily's leaving do on Friday?", "favor", "reader", "substantial"),
    ("Ollie, could you come over and sort out my laptop?", "favor", "reader", "substantial"),
    ("Could you translate my grandmother's letters from Portuguese?", "favor", "reader", "substantial"),
    ("Looking for someone with a van to help move an upright piano from Leeds to York.", "plea", "crowd",
     "substantial"),
    # paid work at the usual rate, a turn on the rota, a reason that names the work: the job
    ("Can you translate the attached brochure into Spanish by the 20th? Same rate as last time.", "task", "reader",
     "substantial"),
    ("Marco, since you took notes at the client workshop, could you write them up?", "task", "reader",
     "substantial"),
    # reading a thing to say what one thinks of it; work the reader has moved on from
    ("It's been through four drafts. Would you read it and tell me honestly what you think?", "favor", "reader",
     "substantial"),
    ("Hey Noor, I know you're on Payments now, not Identity, but would you review the auth rewrite PR?", "favor",
     "reader", "substantial"),
    # after "please", the word is a verb and what follows its object
    ("Please resubmit problem set 4 as a single PDF.", "task", "reader", "quick"),
    # help with an action of a few clicks is quick; help moving is not
    ("Could you help me to restore my userpage?", "favor", "reader", "quick"),
    ("Could you help me move my couch on Saturday?", "favor", "reader", "substantial"),
    # asking only when the reader will do it presumes the yes
    ("When are you coming round to fix it?", "favor", "reader", "substantial"),
    # said to be small, a physical favor is quick
    ("Could you help me carry the Christmas tree in from the car? It's just the one, and it's not huge.", "favor",
     "reader", "quick"),
]
NOT_ASKS = [
    "The session gave us what we need to discuss workable solutions that will help to improve your finances.",
    "Who are you to judge my edits?",
    "Why do you keep reverting my changes?",
    "Surely you know the policy on sources?",
    "Since when is that a rule?",
    "So what's the problem?",
    "I've told my manager you'd be a great fit for the team.",
    "You're helping the project a lot with these reviews.",
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
    # rhetorical questions and tags make a point; they ask nothing
    "Seems strange, why wouldn't they allow users to apply it themselves?",
    "Why the hell was this migrated from SO?",
    "I guess we don't want this site to turn into a tabloid, right?",
    "Really?",
    "Shall I book the big meeting room for Tuesday?",
    "If you would like me to attend, just let me know.",
    "Will you like me to just file the report for you?",
    "Is there anything I can do to help with the move?",
    "You do realise this page was deleted twice already?",
    "Quick on the trigger much?",
    "If you can't, I'll keep bashing at it.",
]


@pytest.mark.parametrize("text, kind, audience, cost", ASKS)
def test_detects_and_judges_asks(text, kind, audience, cost):
    asks = askcheck.asks(text)
    assert asks, f"no ask found in {text!r}"
    ask = max(asks, key=lambda a: a["cost"] == "substantial")
    assert (ask["kind"], ask["audience"], ask["cost"]) == (kind, audience, cost), ask["why"]


@pytest.mark.parametrize("text", NOT_ASKS)
def test_no_ask(text):
    assert askcheck.asks(text) == []


def test_every_attribute_says_why():
    (ask,) = askcheck.asks("Hi Priya, I'm stuck on the Q3 report. Would you be willing to spend twenty minutes "
                           "reviewing the summary tomorrow afternoon? If you're swamped, no problem.")
    assert ask["kind"] == "favor" and ask["cost"] == "substantial" and ask["what"] == "concrete"
    assert ask["states"]["size"]["text"] == "twenty minutes"
    assert ask["states"]["when"]["text"] == "tomorrow"
    assert ask["states"]["out"]["text"].startswith("Would you be willing")
    assert set(ask["why"]) == {"kind", "audience", "cost", "what", "size", "when", "out"}
    assert '"twenty minutes"' == ask["why"]["size"]


def test_the_past_bounds_nothing():
    (ask,) = askcheck.asks("I already spent two days on this last week. Could you proofread my essay?")
    assert ask["states"]["size"] is None and ask["states"]["when"] is None


def test_a_tiny_stated_size_makes_the_ask_quick():
    ask = askcheck.asks("Would you be willing to write a two-sentence blurb about the launch?")[0]
    assert ask["cost"] == "quick" and "sizes it as small" in ask["why"]["cost"]
    # a paragraph, or a figure that is no small number, is not tiny
    assert askcheck.asks("Could you proofread the intro paragraph of my essay?")[0]["cost"] == "substantial"
    assert askcheck.asks("Would you read my novel manuscript? It's 80k words.")[0]["cost"] == "substantial"


def test_news_of_someone_else_bounds_nothing():
    text = ("Rob's new job means he's away three nights a week. The garden needs a plan. "
            "Would you help us design it this spring?")
    ask = askcheck.asks(text)[-1]
    assert ask["cost"] == "substantial" and ask["states"]["size"] is None
    assert askcheck.asks("It's about three pages. Could you proofread my essay?")[-1]["states"]["size"] is not None


def test_a_small_named_piece_bounds_the_effort_whatever_the_tense():
    (ask,) = askcheck.asks("Yesterday I created a stub about the bridge. Could you have a look at it and expand it?")
    assert ask["cost"] == "substantial" and ask["states"]["size"]["text"] == "a stub"


def test_when_the_writer_is_done_says_when():
    asks = askcheck.asks("Could you review the list after I've finished the last section?")
    assert asks[0]["states"]["when"]["text"].startswith("after I've finished")


def test_context_from_the_message_and_its_subject():
    assert askcheck.asks("Can you help?")[0]["what"] == "vague"
    assert askcheck.asks("The printer on floor 2 jams on every page. Can you help?")[0]["what"] == "context"
    assert askcheck.asks("Can you help? My laptop won't boot since the update.")[0]["what"] == "context"
    assert askcheck.asks("Can you help?", subject="Printer on floor 2 jams")[0]["what"] == "context"
    assert askcheck.asks("I'm overwhelmed! Can you help?")[0]["what"] == "vague"


def test_a_way_to_get_in_touch_is_vague_when_the_message_keeps_back_what_it_is_about():
    text = "Hi Tom, are you around later? I really need your help with something. Call me when you can."
    assert {a["what"] for a in askcheck.asks(text)} == {"vague"}
    assert [f.name for f in askcheck.check(text)] == ["vague-ask"]
    # said what it is about, the same ask is concrete; a sign-off is nothing to react to
    assert askcheck.asks("My boiler is leaking. Call me when you can.")[-1]["what"] != "vague"
    assert askcheck.asks("Hi Gary,\n\nPlease advise at your earliest convenience.\n\nKind regards,\nMichelle")[0]["what"] == "vague"


def test_ask_rules_need_an_ask():
    names = {f.name for f in askcheck.check("Thanks for reviewing my slides last Friday!")}
    assert not names & {"missing-duration", "missing-timeframe", "no-opt-out"}


@pytest.mark.parametrize("text", [
    "Do you have a source for this?",
    "Please send me the invoice.",
    "Let's meet Friday to go over the plan.",
    "Can anyone help me move a couch? It takes two people.",
])
def test_quick_asks_tasks_proposals_and_crowds_are_never_told_to_leave_an_out(text):
    assert "no-opt-out" not in {f.name for f in askcheck.check(text)}


def test_findings_say_which_ask_and_which_attribute():
    (f,) = [f for f in askcheck.check("Could you review my slides by Friday?") if f.name == "missing-duration"]
    assert 'a favor ("review my slides")' in f.message and "how long" in f.message


def test_pipeline_is_blank_english_by_default():
    nlp = askcheck.get_linter().nlp
    assert nlp.lang == "en"
    assert "askcheck_asks" in nlp.pipe_names
    assert not {"tagger", "parser", "ner"} & set(nlp.pipe_names)


@pytest.mark.parametrize("text", [
    "What's the point of repeating it, given the infobox already says so?",
    "Why do you keep a list of the digits as booleans?",
])
def test_questions_near_rhetorical_formulas_still_ask(text):
    assert askcheck.asks(text), text


@pytest.mark.parametrize("text, size", [
    ("My fence panel blew down and I can't lift it alone. Could you give me a hand putting it back up?",
     "My fence panel"),
    ("I can't do the ceiling with the bump. Would you be up for helping paint it?", "the ceiling"),
    ("I've finished my personal statement for uni. Would you proofread it for me?", "my personal statement"),
])
def test_it_told_before_brings_its_size(text, size):
    ask = askcheck.asks(text)[-1]
    assert ask["cost"] == "substantial" and ask["states"]["size"]["text"] == size
    assert "it" in ask["why"]["size"]


def test_it_told_before_without_a_size_bounds_nothing():
    ask = askcheck.asks("I've finished my thesis at last. Would you proofread it for me?")[-1]
    assert ask["cost"] == "substantial" and ask["states"]["size"] is None


def test_now_that_tells_how_things_stand_is_no_when():
    text = "I know you're on Payments now, not Identity, but would you review my auth rewrite?"
    assert askcheck.asks(text)[0]["states"]["when"] is None
    text = "I know you're busy, but could you review my auth rewrite now?"
    assert askcheck.asks(text)[0]["states"]["when"]["text"] == "now"


def test_a_day_in_news_of_a_broken_thing_is_no_when():
    text = ("The garden fence blew down in Sunday's storm and we have to put it back ourselves. "
            "Could you give me a hand with it?")
    assert askcheck.asks(text)[-1]["states"]["when"] is None


@pytest.mark.parametrize("frame", ["Would you be open to", "Would you consider",
                                   "Would you fancy"])
def test_frames_of_willingness_leave_the_work_to_the_verb_after_them(frame):
    verb = "review" if frame.endswith(" to") else "reviewing"
    (ask,) = askcheck.asks(f"{frame} {verb} my draft?")
    assert ask["kind"] == "favor" and ask["cost"] == "substantial"


@pytest.mark.parametrize("context, kind", [
    ("My supervisor suggested I contact you as you know the customs records better than anyone.", "favor"),
    ("I took your seminar on urban history in 2021.", "favor"),
    ("I'm in your Tuesday seminar.", "task"),
])
def test_a_role_greeting_makes_a_duty_only_inside_the_relationship(context, kind):
    (ask,) = askcheck.asks(f"Dear Professor Lindqvist, {context} Would you be willing to read my chapter on the harbour?")
    assert ask["kind"] == kind


def test_a_decade_is_no_size():
    (ask,) = askcheck.asks("Would you be willing to read my chapter on the 1780s?")
    assert ask["states"]["size"] is None


def test_the_length_of_the_thing_told_before_is_its_size_but_rounds_of_work_are_not():
    text = "I've been working on my paper about tram closures, about 12 pages. Would you read it?"
    assert askcheck.asks(text)[-1]["states"]["size"]["text"] == "12 pages"
    text = "I finished my grant proposal. It has been through four drafts. Would you read it?"
    assert askcheck.asks(text)[-1]["states"]["size"] is None


@pytest.mark.parametrize("text", [
    "Every other family has signed up. Could you take Tuesday 18 March, 10–12?",
    "Everyone else on our street has signed up for the litter pick. Can I put you down for Saturday, 9 to 11?",
])
def test_hours_of_the_readers_day_asked_for_are_a_substantial_favor(text):
    ask = askcheck.asks(text)[-1]
    assert ask["kind"] == "favor" and ask["cost"] == "substantial" and ask["states"]["size"] is not None


@pytest.mark.parametrize("text, hours", [
    ("Can you approve my leave for 12 to 16 May?", "12 to 16"),
    ("Could you summarise chapters 10 to 14 for the group?", "10 to 14"),
    ("Kay, please book 9:00 am to 2:00 pm with me on Tuesday.", "9:00 am to 2:00"),
])
def test_dates_counts_and_bookings_are_no_hours_given(text, hours):
    assert f'"{hours}' not in askcheck.asks(text)[-1]["why"]["cost"]


def test_a_plan_for_a_clash_is_an_easy_no():
    text = "Could you mind the till for an hour, 12 till 1? If it clashes with anything I'll just close up."
    ask = askcheck.asks(text)[0]
    assert ask["states"]["out"]["text"].lower() == "if it clashes" and ask["states"]["when"] is not None


def test_having_someone_named_is_a_request_to_take_them_on():
    (ask,) = askcheck.asks("Could you have Milo after school on Thursday till about 6?")
    assert ask["form"] == "request" and ask["kind"] == "favor" and ask["cost"] == "substantial"
    assert askcheck.asks("Could you have misread it?")[0]["form"] == "question"


def test_reading_a_large_thing_is_work_whoever_owns_it():
    (ask,) = askcheck.asks("Could you just skim the 80-page tender?")
    assert ask["cost"] == "substantial" and ask["states"]["size"]["text"] == "80-page"
    assert askcheck.asks("Could you just read the tender?")[0]["cost"] == "quick"


@pytest.mark.parametrize("out, is_out", [("tell me if it's worth going for", False),
                                         ("tell me if it's too much", True),
                                         ("let me know if that's a problem", True)])
def test_tell_me_if_is_an_out_only_when_the_favor_could_be_too_much(out, is_out):
    (ask,) = askcheck.asks(f"Could you review my 80-page thesis by Friday and {out}?")
    assert (ask["states"]["out"] is not None) == is_out


@pytest.mark.parametrize("text", [
    "Hi Professor, I need a recommendation letter for my internship application by next Friday.",
    "Hi Ms Patel, I'm applying for the internship and need a reference letter from you by the 30th.",
])
def test_a_reference_is_a_favor_whoever_is_asked(text):
    (ask,) = askcheck.asks(text)
    assert ask["kind"] == "favor" and ask["cost"] == "substantial"


def test_a_reference_for_a_claim_is_a_citation_not_a_favor():
    (ask,) = askcheck.asks("Could you provide a reference for the claim in paragraph 2?")
    assert ask["kind"] != "favor"


@pytest.mark.parametrize("text, attribute, expected", [
    ("Would you be free on Saturday to help me take the carpet up? I reckon we'd be done by about 3.", "size", "we'd be done by about 3"),
    ("Could you proofread my grant letter? It's one side of A4.", "size", "It's one side of A4"),
    ("Would you be willing to mentor me through my first season as a referee?", "size", "through my first season"),
    ("Would you be up for helping me wrap the last twenty presents after dinner?", "size", "twenty presents"),
    ("Can you bring a tray of flapjacks to the gazebo by 11?", "when", "by 11"),
])
def test_everyday_sizes_and_whens(text, attribute, expected):
    ask = askcheck.asks(text)[0]
    assert ask["cost"] == "substantial" and ask["states"][attribute]["text"] == expected


@pytest.mark.parametrize("text, kind", [
    ("We're looking for two or three people to help refurbish the bench on Clay Lane.", "plea"),
    ("Looking for a kind soul with a trailer to help shift an old upright piano to the scout hut.", "plea"),
    ("Sis, you're coming over Sunday to help me paint the nursery, yeah?", "favor"),
    ("Amara, can you knit one more blanket for the raffle?", "favor"),
    ("Would you be willing to take a couple of photos of my new ceramics for the shop website?", "favor"),
])
def test_everyday_favors_and_pleas_cost_real_time(text, kind):
    ask = askcheck.asks(text)[0]
    assert ask["kind"] == kind and ask["cost"] == "substantial"


def test_help_for_the_work_of_an_earlier_plea_is_asked_of_the_same_crowd():
    text = "Looking for a kind soul with a trailer to help shift an old upright piano. Any help appreciated!"
    asks = askcheck.asks(text)
    assert [a["kind"] for a in asks] == ["plea", "plea"] and asks[1]["audience"] == "crowd"
    assert "no-opt-out" not in {f.name for f in askcheck.check(text)}


@pytest.mark.parametrize("text, vague", [
    ("Ade, what do you reckon?", True),
    ("Sorry to bother you again Tamsin, can you help?", True),
    ("The boiler in flat 3 keeps cutting out. Ade, what do you reckon?", False),
    ("I moved to Leeds last week, can you help?", False),
])
def test_the_readers_name_says_nothing_the_ask_is_about(text, vague):
    assert ("vague-ask" in {f.name for f in askcheck.check(text)}) == vague


def test_i_cant_cope_is_distress():
    assert "vague-ask" in {f.name for f in askcheck.check("Nothing's packed and I can't cope with any of it.")}


@pytest.mark.parametrize("text, substantial", [
    ("The under-11s need a new assistant coach now that Gary's moved away. Can you step in?", True),
    ("The client wants the whole onboarding flow rebuilt by Monday. Can you jump in this weekend?", True),
    ("The printer is jammed again. Can you step in?", False),
])
def test_joining_in_takes_its_work_from_a_role_or_large_work_told_before(text, substantial):
    ask = askcheck.asks(text)[-1]
    assert (ask["cost"] == "substantial") == substantial


@pytest.mark.parametrize("text, cost", [
    ("Can you cover the front desk for ten minutes while I run to the post room?", "quick"),
    ("Can you cover the front desk for two hours on Friday?", "substantial"),
])
def test_minutes_of_presence_are_quick(text, cost):
    assert askcheck.asks(text)[0]["cost"] == cost


def test_a_numbered_ticket_is_work_in_hand_however_it_is_tokenized():
    (ask,) = askcheck.asks("@Priya can you review #412 today? It's the migration for the invoices table.")[:1]
    assert ask["kind"] == "task"


def test_wonder_is_no_question():
    assert askcheck.asks("How did we ever manage before you moved in next door? Thanks for taking the parcel in.") == []


@pytest.mark.parametrize("text, size", [
    ("Could you look over mine (it's one page) before Monday?", "it's one page"),
    ("Kofi, could you do the reading at Nan's funeral on Friday? It's one short poem.", "It's one short poem"),
])
def test_one_thing_said_as_the_whole_of_it_is_a_size(text, size):
    ask = askcheck.asks(text)[0]
    assert ask["kind"] == "favor" and ask["cost"] == "substantial" and ask["states"]["size"]["text"] == size


@pytest.mark.parametrize("out", ["If neither works, honestly no problem.", "Or neither, which is completely fine!"])
def test_a_choice_that_allows_neither_is_an_out(out):
    text = f"Could you help me put up two curtain rails on Sunday, or Monday evening if that's better? {out}"
    assert askcheck.asks(text)[0]["states"]["out"] is not None


@pytest.mark.parametrize("text, form", [
    ("I'm preparing my application and wondered whether you would be willing to act as one of my referees.", "request"),
    ("Our community fridge needs two volunteers this Saturday, 10–12, to sort donations.", "implicit"),
    ("I'm proposing we sell the caravan this summer.", "proposal"),
    ("I think we should all chip in for Dad's hearing aids.", "proposal"),
    ("We've been loyal clients for years, so I'd expect you to turn the brochure round by Friday.", "request"),
])
def test_more_ways_of_asking(text, form):
    assert [a["form"] for a in askcheck.asks(text)][:1] == [form]


def test_how_to_is_a_question_not_work():
    ask = askcheck.asks("Can anyone tell me how to get photos off an old iPhone onto a PC?")[0]
    assert ask["cost"] == "quick"


@pytest.mark.parametrize("text", ["Hi Sophie, I've been thinking about what you said. Thoughts?",
                                  "Anyone?? Please. I don't know where else to turn."])
def test_nothing_to_react_to_is_vague(text):
    assert "vague-ask" in {f.name for f in askcheck.check(text)}


def test_last_minute_is_short_notice_not_a_size():
    text = "Sorry, I know this is last minute, but could you take my Thursday 9am class?"
    ask = askcheck.asks(text)[0]
    assert ask["cost"] == "substantial" and ask["states"]["size"]["text"] != "last minute"


def test_care_of_the_writers_household_is_a_favor():
    (ask,) = askcheck.asks("Nadia I need you to watch the kids Friday night from 6 to 11.")
    assert ask["kind"] == "favor"


def test_a_deadline_is_not_how_long_the_work_takes():
    ask = askcheck.asks("Zoe, I need you to proofread my grant application now, the portal closes in like 2 hours!")[0]
    assert ask["cost"] == "substantial" and ask["states"]["size"] is None


def test_a_favors_preamble_may_be_the_sentence_before():
    text = ("Hi Anya, I hate to ask, I really do, but I'm useless with Excel. "
            "Could you redo the volunteer hours report in a spreadsheet for me?")
    assert askcheck.asks(text)[-1]["kind"] == "favor"


@pytest.mark.parametrize("text", [
    "You've done most of the recent work on it - would you be interested in taking over as maintainer?",
    "Could you come in and talk to my Year 10s about nursing?",
    "The county maths circle needs volunteers to help mark the regional olympiad papers.",
    "Would you be interested in cleaning it up before our board meeting?",
])
def test_work_in_community_words(text):
    assert askcheck.asks(text)[-1]["cost"] == "substantial"


@pytest.mark.parametrize("out", ["Declining is completely fine.", "You're free to turn it down."])
def test_more_outs(out):
    assert askcheck.asks(f"Could you copyedit my article this week? {out}")[0]["states"]["out"] is not None


def test_an_imposed_errand_on_a_named_occasion_is_as_big_as_the_occasion():
    text = "Mum's told Auntie Joy you'll drive her to the hospital for her scan on the 17th at 8.30."
    ask = askcheck.asks(text)[0]
    assert ask["form"] == "imposed" and "occasion" in ask["why"]["size"]


@pytest.mark.parametrize("text, kind", [
    ("Can you translate this four-page tenancy agreement from Polish for me?", "favor"),
    ("Dev, need you to rewrite the compliance slides for the Lisbon deck. I know it's not your project, but you know the regs.", "favor"),
    ("Would you help Ama with her GCSE chemistry revision over half-term?", "favor"),
    ("Ilse, I know you've moved to the platform team, but I'm relying on you to rewrite the onboarding guide.", "favor"),
])
def test_favors_in_a_brisk_register(text, kind):
    asks = askcheck.asks(text)
    assert asks and asks[0]["kind"] == kind and asks[0]["cost"] == "substantial"


def test_dont_say_no_is_no_out():
    ask = askcheck.asks("Need you to cover my Saturday shift at the café this weekend, 8 till 2. Don't say no.")[0]
    assert ask["states"]["out"] is None


@pytest.mark.parametrize("text", ["I mean... someone must sift through all those photos anyway, right?",
                                  "Someone has to do it, right?"])
def test_what_somebody_has_to_do_asks_nobody(text):
    assert askcheck.asks(text) == []


def test_the_length_of_a_thing_watched_is_the_work_but_not_of_a_thing_made():
    watched = askcheck.asks("Could you watch my 3-minute demo video before Friday?")[0]
    made = askcheck.asks("Could you record a 2-minute video testimonial for my product page?")[0]
    assert watched["cost"] == "quick" and made["cost"] == "substantial"


@pytest.mark.parametrize("text", [
    "Right, you're doing the night feed on Friday so I can get some sleep.",
    "I'm stepping back as ride leader from March, so you'll be taking over the 8am ride.",
    "Uncle Dev, you're on Thursdays. Everyone else has agreed so I've put you in.",
])
def test_the_readers_part_stated_as_settled_is_imposed(text):
    assert any(a["form"] == "imposed" and a["kind"] == "favor" for a in askcheck.asks(text))


@pytest.mark.parametrize("text", ["If you're doing the thesis, shouldn't you be the expert?",
                                  "Dick, you are doing the right things."])
def test_what_the_reader_is_doing_as_a_condition_or_praise_imposes_nothing(text):
    assert not any(a["form"] == "imposed" for a in askcheck.asks(text))


@pytest.mark.parametrize("text", ["Could you lend me £150 until the 28th when I get paid?",
                                  "Remember the airport? Well, I need a lift to Stansted on Friday at 5.",
                                  "Can you run me and two suitcases over to the new place Sunday?"])
def test_money_lent_and_rides_are_substantial_favors(text):
    asks = askcheck.asks(text)
    assert asks[-1]["kind"] == "favor" and asks[-1]["cost"] == "substantial"


@pytest.mark.parametrize("text", ["Volunteers needed to help build raised beds at the community garden.",
                                  "Hi all, we need a couple of parents to help repaint the clubhouse."])
def test_calls_for_volunteers_ask(text):
    assert askcheck.asks(text)


def test_a_debt_the_writer_takes_on_makes_a_favor():
    ask = askcheck.asks("Karim, I'm so behind on the audit prep. Could you take on the fixed-assets schedule? "
                        "I'd owe you big time.")[-1]
    assert ask["kind"] == "favor"


def test_the_only_one_sizes_nothing():
    ask = askcheck.asks("You're the only one I trust with this, Dee. Please come and help me clear out "
                        "Gran's house this weekend.")[-1]
    assert ask["states"]["size"] is None


@pytest.mark.parametrize("text", [
    "Nadia, I need you to babysit the girls on Friday from 7 till midnight.",
    "Hassan, Leila - I need you both to take Gran to her hospital appointments in May. Four trips.",
    "Ben, Callum, Lottie - you three are doing the teas at the cricket club for the whole season, yeah?",
])
def test_care_of_family_and_turns_set_for_a_group_are_favors(text):
    assert any(a["kind"] == "favor" and a["cost"] == "substantial" for a in askcheck.asks(text))


@pytest.mark.parametrize("text", [
    "Is anyone in Harrogate able to teach my dad how to use his new smartphone?",
    "Is there anyone on here who'd be willing to mentor a self-taught junior dev?",
    "Hi all, would any of you be able to proofread my dissertation before the 30th?",
])
def test_crowd_asks_with_words_between_are_pleas(text):
    asks = askcheck.asks(text)
    assert asks and asks[0]["kind"] == "plea" and asks[0]["audience"] == "crowd"


@pytest.mark.parametrize("text", [
    "Is there anyone on here who'd be willing to mentor a self-taught junior dev?",
    "Volunteers needed to help build raised beds at the community garden.",
])
def test_the_work_a_call_for_helpers_names_is_substantial(text):
    assert any(a["cost"] == "substantial" for a in askcheck.asks(text))


def test_a_crowd_in_a_purpose_clause_is_not_asked_for_work():
    text = "Can the comment section be locked so that anybody willing to discuss this matter does it in chat?"
    assert all(a["cost"] == "quick" for a in askcheck.asks(text))
