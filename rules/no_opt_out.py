"""no-opt-out: the ask offers no easy way to decline."""
from __future__ import annotations

from askcheck.declarative import AbsenceRule, make_fix
from askcheck.finding import Applicability
from askcheck.rule import Violation
from askcheck.suggest import add_sentence, paragraph_end

_BUSY = "(swamped|busy|slammed|too busy|stretched|overloaded|snowed under|underwater|buried|flat out|maxed out|at capacity|full|booked|not able|unable|not available|not free|tied up|out|away|off)"
_CANT = "(can't|cannot|can not|cant|couldn't|could not|don't|do not|won't|aren't|are not|'re not|'d rather not|would rather not|prefer not|rather not|don't want|do not want|aren't able|are not able|have no|'ve got no|don't have|do not have|haven't got)"
_FINE = "(fine|ok|okay|cool|alright|all right|understandable|understood|no problem|no prob|no biggie|good|no worries|all good|totally fine|completely fine|perfectly fine|absolutely fine|no big deal|no sweat|not a problem|np)"

_IF_NOT = ("if (not|nobody|no one|none|noone|nothing|everyone|everyone's|everybody|you all|y'all|you guys|you're|you are|ur|you've|you'd|you have|you don't|you do not|you can't|you cannot|"
           "you won't|it's|it is|it isn't|it doesn't|that's|that doesn't|this|now|the|today|tomorrow|they're|they are|those|"
           "these|there's|there is|your|you aren't|you haven't|you get|you end up|anything|something|things|work|life)")
_FALLBACK = ("(i'll|i will|i can|i could|happy to|i'm happy to|i am happy to|i'd be happy to|we'll|we can|we will|i'd|"
             "i would|i'll just|i can just|i'll happily|glad to|i'm glad to|i'll go|i'll try|i will try|i'll figure|i'll manage)")
_OK_WORDS = ("(totally|completely|that's|it's|absolutely|perfectly|that is|it is|also|really|honestly)? (fine|ok|okay|no problem|"
             "no prob|no worries|all good|understood|understandable|no big deal|np|no pressure|cool|no stress|no sweat|good|"
             "don't worry|do not worry|no biggie|not a problem|i understand|i get it|i totally understand|i completely understand)")

OPT_OUTS = [
    # A condition on the helper's side with a way out or a fallback: "If nobody's free, I'll read the runbook."
    f"{_IF_NOT} ... ,? {_OK_WORDS}",
    f"{_IF_NOT} ... ,? (-|\u2014)? {_FALLBACK}",
    "(otherwise|or else|or|else),? (i'll|i will|i can|i could|we'll|we can|happy to) (just)? (ask|ping|try|bug|find|go|check|use|read|reach|grab|hit|figure|manage|do|handle|wait|ship|merge|push|look|sort|work)",
    "(ask|ping|try|bug|grab|check with|go to|use|read|do|hit up|find|reach out to|merge|ship|look|figure|manage|wait) ... instead",
    "if (it's|it is|that's|that is) (easier|simpler|better for you)",
    "(point|refer|direct|send|redirect|forward) me (to|toward|towards) (someone|somebody|the right person|another|whoever|who)",
    "(don't|do not|dont) worry about it",
    "(rather|prefer to|prefer) (pass|not|skip|sit this out|sit it out|stay out|keep it|say no|decline|do)",
    "if (you|you'd|you would) (rather|prefer)",
    "(fine|ok|okay|alright|no problem|no worries|understandable) (to|if you) (ignore|say no|decline|pass|skip|turn|bow out|sit this out|not)",
    "no (worries|worry|problem|prob|pressure|stress|sweat|biggie|big deal|hard feelings|offense|offence) (at all)? if",
    "(no|zero|not any) (pressure|obligation)",
    "(no|zero) (pressure|obligation) (at all|whatsoever)?",
    f"(totally|completely|perfectly|entirely|absolutely|100%|also)? {_FINE} (to say no|to decline|to pass|to skip|if not|if you {_CANT}|if you're {_BUSY}|if you are {_BUSY}|if nothing|if nobody|if no one|if none|if now|if this|if that|if it|if the timing|if you'd|if you would|if you have|if you need|if you say no|either way|if the answer is no)",
    f"(it's|that's|it is|that is|would be|will be) (totally|completely|perfectly|entirely|absolutely|also)? {_FINE} (to say no|to decline|to pass|if not|if you|either way)",
    "feel free to (say no|decline|pass|ignore|turn|skip|tell me no|tell me to|push back|say so|let me know if you can't|bow out|opt out|say you can't|punt|redirect|refuse|delete|not|disregard|sit this|point me|send me)",
    "(should|shall|can|could|do|would|or) i (should)? (just)? (ask|try|find|bug|ping|reach out to|go to|check with) (someone|somebody|anyone|anybody|another|others|elsewhere|a different|the|sam|one of|else)",
    "(i|i'll|i can|i could|i will|i'm happy to|happy to|glad to|i'd be happy to|i can always|i could always|i'll just|i will just|i can just|i'll happily) (just|always|happily|also|easily)? (ask|try|find|bug|ping|go to|check with|hit up|reach out to|lean on|grab) (someone|somebody|anyone|another|others|elsewhere|a different|one of|the|a)",
    "(ask|find|try|go to) (someone|somebody) else",
    "(i|i'll|i will|i'd|i would|i'll totally|i will totally|i'd totally|i'd completely|i completely|i totally|i fully|i'll completely|we'd|we'll|we would) (totally|completely|fully|absolutely|of course|100%|also)? (understand|get it|get that) (if|though if|if you|either way)",
    f"if (you're|you are|ur|you're a bit|you're too|you are too|you're at all|it's|it is) {_BUSY}",
    f"if (you|u) {_CANT}",
    "if (you|u) (can't|cannot|can not|cant)",
    "if (you|u) (have|'ve got|have got|get|find|can spare|can find|can make) (the|some|a|any|enough)? (time|bandwidth|capacity|space|room|spare|a minute|a moment|a chance|a sec|energy|cycles|headspace)",
    "if (you|u) (are|'re) (free|available|able|up for it|up for|around|willing|keen|game|happy to|interested|open|ok|okay|comfortable)",
    "if (it's|it is|this is|that's|that is|this isn't|that isn't|it isn't|it's not|this is not|it doesn't|this doesn't|that doesn't|it does not) (too much|not a good time|a bad time|not convenient|inconvenient|a hassle|a pain|a stretch|out of scope|not possible|your thing|possible|doable|convenient|ok|okay|fine|work|feasible|a problem|not your area|something you)",
    "if (now|this week|today|tomorrow|the timing|the time|this|that|friday|monday) (isn't|is not|doesn't|does not|'s not|is a bad|is bad|won't|will not) (a good time|good|work|convenient|possible|great|ideal|time)?",
    f"if not,? (no problem|that's {_FINE}|it's {_FINE}|no worries|all good|i understand|i'll understand|totally fine|no pressure|i'll|i will|i can|that's totally|that is|it is|np|absolutely fine|no big deal|all good|i get it|that's cool|i'll manage)",
    "(just)? (say|tell me|let me know|text me|reply|shout|ping me|drop me a line|send a quick) (no|if you can't|if not|if you're|if it's|if this isn't|if that's|if you'd|if you are|if you have to pass|if you need to pass|if you don't|so)",
    "(say|saying|tell me|answer|reply) no (is|is totally|is completely|is perfectly|is always|are)? (fine|ok|okay|a fine answer|a perfectly good answer|an option|totally ok|welcome|allowed|acceptable|cool)",
    "(a|an|the answer) no is (fine|ok|okay|totally fine|perfectly fine|a fine answer|completely fine|an acceptable answer|ok too|fine too)",
    "(you can|you're allowed to|you are allowed to|you could|you can always|you can totally|you may) (always|totally|absolutely|of course)? (say no|decline|pass|turn this down|turn it down|tell me no|bow out|say you can't|refuse)",
    "(don't|do not|never|please don't|please do not) (feel|be) (obligated|obliged|bad|pressured|pressure|guilty|compelled|any pressure|like you have to|you have to)",
    "(don't|do not|dont) (worry|stress) (if|about it if|about saying no|if you can't|if not|about declining)",
    "no (hard feelings|offense taken|offence taken|judgment|judgement)",
    "(i|i'll|i will|i won't|we won't) (won't|will not|not)? be (offended|upset|hurt|mad|annoyed|bothered)",
    "(either|any) (way|answer|response|decision) is (fine|ok|okay|totally fine|good|completely fine|great|cool)",
    "(whatever|whichever) you (decide|choose|can do|can manage|can spare) (is|is totally|is completely)? (fine|ok|okay|great|good|appreciated|helps)?",
    "only if (you|it|it's|you've|you're)",
    "or (is|would) (that|this|it) (be)? (too much|a stretch|asking too much|too big an ask|not possible|out of the question)",
    "(too much|asking too much|too big an ask|a big ask) [QMARK]",
    "(happy|glad|fine|ok|okay|totally fine) to (ask|find|look for|try) (someone|somebody|another|elsewhere|others)",
    "(i have|i've got|i've|there are|i can|i could) (other|a few other|another|a backup|backup|plan b|a plan b) (options|people|person|someone|plan|folks|choice)",
    "(no|not a) (big deal|problem|biggie) (either way|at all|if)",
    "(totally|completely|entirely) (optional|up to you|your call|your choice)",
    "(it's|it is|this is|that's|entirely|completely|totally) (optional|up to you|your call|your choice)",
    "(can|could|would) you (let me know|tell me|say) if (you can't|not|it's not|you're|you aren't|you don't)",
    "or (would|is|does) (next|another|later|a different) (week|time|day|date|month) (be|work)? (better|easier)",
    "(is|would|does) (this|that|it) (be|sound)? (something you|doable|possible|realistic|feasible) (for you)? (or not)?",
    "if you (would|'d) rather (not|i|pass|skip)",
    "(no|not a) (problem|prob|worries|biggie) (at all)? if (you|not|it|that|this|the)",
    "(understand|understood|totally understand|i get it) if (not|you|it|that|this)",
]


class NoOptOut(AbsenceRule):
    code = "ASK301"
    name = "no-opt-out"
    summary = "The ask gives no easy way to say no"
    ignore_past = False
    phrases = OPT_OUTS
    principle = (
        'Essay, paragraph 4 ("granting genuine autonomy in the response"): "This freedom to decline without '
        'guilt is essential; a forced yes fosters resentment, while a voluntary yes builds connection."'
    )
    doc = """
## What it does
Flags a message that asks for something but offers no easy way to decline: no "no worries if not",
"feel free to say no", "or should I ask someone else?", "I'd understand if you'd rather not", "if
you're swamped, just say so".

## Why is this bad?
A request with no way out turns a favour into an obligation; the helper either says yes resentfully
or has to find the words to refuse. Decoys do not count: "No worries about the late reply" and "Feel
free to bring snacks" let nobody decline anything.

## Example
```
Could you review my slides before Friday?
```

## Use instead
```
Could you review my slides before Friday? If you're swamped, no problem - I'll ask someone else.
```

## Options
`extra_phrases` adds your team's own ways of saying it ("no stress if not").

## Fix safety
Unsafe: the fix adds a sentence offering the out. It changes what the message says, so it is applied
only with `--unsafe-fixes`.
"""

    def violation(self, doc, ask):
        at = paragraph_end((doc._.asks or [ask])[-1])
        sentence = "If you can't, no problem - just let me know."
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message="The ask gives no easy way to say no",
            suggestion='add an out, e.g. "If you\'re swamped, no problem - I\'ll ask someone else."',
            fix=make_fix("Add an opt-out sentence", [add_sentence(doc, at, sentence)], Applicability.UNSAFE),
        )
