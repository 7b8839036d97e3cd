"""Time expressions shared by rules: how long a task takes (durations, sizes) and when (timeframes).

Both lists are phrases in the mini language of `askcheck.phrases`. Whether an expression talks about
the ask or about the writer's past ("I already spent two days on this", "Last Monday you said") is
decided by `askcheck.context`, not here.
"""
from __future__ import annotations

_UNIT_TIME = "(second|seconds|sec|secs|minute|minutes|min|mins|hour|hours|hr|hrs|h)"
_SIZE_UNITS_PLURAL = (
    "(slides|pages|paragraphs|sentences|lines|questions|items|files|emails|bullets|chapters|sections|"
    "words|steps|tasks|forms|photos|pictures|images|rows|fields|comments|changes|typos|functions|tests|"
    "commits|boxes|points|edits|numbers|figures|tables|charts|signatures|answers|entries|records|"
    "screens|slots|shifts|bugs|tickets|formulas|formulae|contacts|letters|quotes|names|links|documents|"
    "docs|receipts|invoices|cells|columns|emails|messages|calls|meetings|sessions|scenarios|cases|"
    "sheets|tabs|prs|issues|bullet|minutes|hours|references|options|ideas|examples|suggestions|"
    "headlines|titles|captions|drafts|versions|designs|mockups|screenshots|sketches|sketch|reviews|"
    "boxes|bags|chairs|dishes|plants|spots|places|dates)"
)
_SIZE_UNITS_SINGULAR = (
    "(slide|page|paragraph|sentence|line|question|item|file|email|form|photo|picture|image|row|field|"
    "comment|change|typo|function|test|commit|box|section|chapter|signature|table|chart|figure|"
    "answer|shift|ticket|bug|click|word|number|spreadsheet|tab|cell|checkbox|pager|liner|query|"
    "document|doc|letter|link|name|contact|receipt|invoice|call|meeting|session|slot|pr|issue|"
    "caption|headline|title|tagline|subject|bullet|point|formula|screenshot|design|mockup|quote|"
    "sketch|drawing|scene|sheet|review|step|task|date|spot|minute|hour|night|day|week|evening|afternoon|morning)"
)
# Intrinsically small parts of a thing: "the intro paragraph" bounds the work, "the report" does not.
_SMALL_PARTS = (
    "(paragraph|sentence|line|slide|question|signature|word|typo|cell|field|checkbox|click|box|"
    "caption|headline|title|tagline|bullet|formula|figure|chart|table|form|photo|screenshot|one-pager|"
    "pager|intro|introduction|conclusion|abstract|summary)"
)
_COUNT = "([NUM]|a few|a couple|a couple of|couple of|a handful of|a single|single|just one|only one|one single)"

# How much effort: a duration or a size.
DURATIONS = [
    f"[NUM] -? {_UNIT_TIME}",
    f"[NUMWORD] -? {_UNIT_TIME}",
    "[NUMUNIT]",
    f"(a|an) (few|couple) (of)? {_UNIT_TIME}",
    f"(a|an) [NUM] -? {_UNIT_TIME}",
    "half (an|a) hour",
    "half - hour",
    "(a|an) half - hour",
    "(a|one) (sec|second|moment|minute|min)",
    "(a|an) (hour|minute)",
    "(quarter|half) of an hour",
    "(an|one) (first|last|final|extra|spare)? hour",
    "the (first|last|final|extra|spare) hour",
    # sizes: "two slides", "three quick questions", "a 40-line hotfix", "the two-page summary"
    f"{_COUNT} *? *? {_SIZE_UNITS_PLURAL}",
    # a small count of anything is a size: "two config flags", "3 open tickets"
    "[SMALLNUM] *? *? [PLURAL]",
    "(just|only) (one|a single|the one) *? *? [WORD]",
    "(just|only) the *? *? [WORD] (is|would be|will do) (fine|enough|great|plenty)",
    "(half|quarter) (a|an|of a|of an) [WORD]",
    f"{_COUNT} *? {_SIZE_UNITS_SINGULAR}",
    f"[NUM] (-|\u2013)? {_SIZE_UNITS_SINGULAR}",
    f"(one|a|single|just|only|the|this|that|my|our|your) *? {_SMALL_PARTS}",
    "(one|a|single|just|only) (-)? (liner|pager)",
    "(yes|yes-or-no|yes/no) (or no)? (answer|question|reply|vote|decision)",
    "(a|one) (yes|no|thumbs up|thumbs-up|quick yes)",
    # time ranges: "from 2 to 4", "the 8-10am slot", "9 to 5"
    "(from|between)? [NUM] (am|pm|a.m.|p.m.)? (to|-|\u2013|and|until|till) [NUM] (am|pm|a.m.|p.m.)?",
    "[NUM] (am|pm|a.m.|p.m.)? (-|\u2013) [NUM] (am|pm|a.m.|p.m.)",
    "[RANGE] (am|pm|a.m.|p.m.)?",
]

_CLOCK = "([NUM] (am|pm|a.m.|p.m.|o'clock)|noon|midday|midnight)"
_PART_OF_DAY = "(morning|afternoon|evening|night|lunch|lunchtime)"

# When: a deadline, a time, or an explicit "whenever".
TIMEFRAMES = [
    "(today|tonight|tomorrow|tmrw|tmr|tomorrow's|todays|today's|tommorow|tomorow|tommorrow|2morrow|2moro|2day|2nite|tonite)",
    f"(this|next|coming|following) (week|weekend|month|quarter|year|sprint|[DAY]|{_PART_OF_DAY}|time)",
    "[DAY]",
    "[MONTH] [DAYNUM]",
    "[DAYNUM] (st|nd|rd|th)? (of)? [MONTH]",
    "the [DAYNUM] (st|nd|rd|th)?",
    "[ORDINAL]",
    "(this|next|coming|the) (summer|winter|spring|fall|autumn|semester|term|season|holidays)",
    "(when|once|after) (you're|you are|you get|you're) (back|home|in|free|settled|done|off|out)",
    _CLOCK,
    "at [NUM]",
    "[NUM] : [NUM]",
    "(eod|eow|cob|eom|asap|a.s.a.p)",
    "(end|close|start|beginning|middle) of (the|this|next)? (day|week|month|quarter|year|sprint|business|term)",
    "as soon as (possible|you can)",
    "(by|before|until|till|til|ahead of|no later than|in time for) (the|our|my|your|this|next|tomorrow's|today's|friday's|monday's)? *? *? (meeting|standup|stand-up|"
    "call|deadline|demo|launch|release|review|board|holidays|holiday|weekend|break|end|presentation|"
    "interview|offsite|retro|sync|kickoff|workshop|conference|trip|flight|cutoff|cut-off|handoff|"
    "wedding|party|event|class|lecture|exam|game|match|show|shift|noon|lunch|dinner|close|then|morning|afternoon|evening)",
    "before (i|we) (leave|go|send|submit|present|head|fly|ship|publish|sign|start)",
    "(within|in) (the|an|a|one|two|three|four|five|ten|24|48|[NUM]|next|a few|a couple of|the next)? "
    f"(few|couple)? (of)? ({_UNIT_TIME}|day|days|week|weeks|month|hour|hours)",
    "(later|early|earlier|first thing|sometime|some time|any time|anytime) (today|tonight|tomorrow|this|next|on|in the)",
    "first thing",
    "(over|during|after) (the|this) (weekend|break|holidays|meeting|call|standup)",
    "(no|not in a) (rush|hurry)",
    "not urgent",
    "no (deadline|time pressure)",
    "(whenever|when) (you|it|is|it's|its) (have|get|can|convenient|suits|works|free|are free|got)",
    "(at|on) your (convenience|leisure|own pace|earliest)",
    "in your own time",
    "whenever works",
    "whenever",
    "(mid|early|late) - ?(week|month|morning|afternoon|next)",
    "(mid|early|late) (week|month|morning|afternoon|next)",
    "[NUM] / [NUM]",
]

# Said in an ask these say when ("Can you call me right now?"); elsewhere they describe the writer.
TIMEFRAMES_IN_ASK = ["(right now|right away|immediately|now|urgently|straight away|this minute|this second)"]

# Words about time that never say what the task is (used by vague-ask to ignore them).
TIME_WORDS = {
    "today", "tonight", "tomorrow", "week", "weekend", "month", "morning", "afternoon", "evening",
    "night", "minute", "minutes", "min", "mins", "hour", "hours", "second", "seconds", "sec", "day",
    "days", "eod", "cob", "asap", "pm", "am", "noon", "rush", "hurry", "deadline", "quick", "soon",
    "later", "early", "end", "lunch", "breakfast", "dinner", "tops", "max", "ish", "tommorow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "time", "moment", "chance", "convenience", "standup",
}
