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
    "screens|slots|shifts|bugs|tickets|lines)"
)
_SIZE_UNITS_SINGULAR = (
    "(slide|page|paragraph|sentence|line|question|item|file|email|form|photo|picture|image|row|field|"
    "comment|change|typo|function|test|commit|box|section|chapter|signature|table|chart|figure|"
    "answer|shift|ticket|bug|form|click|word|number|spreadsheet|tab|cell|checkbox|one-pager|pager)"
)

# How much effort: a duration or a size.
DURATIONS = [
    f"[NUM] -? {_UNIT_TIME}",
    f"[NUMWORD] -? {_UNIT_TIME}",
    f"(a|an) (few|couple) (of)? {_UNIT_TIME}",
    f"(a|an) [NUM] -? {_UNIT_TIME}",
    f"(a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety) - {_UNIT_TIME}",
    "half (an|a) hour",
    "half - hour",
    "(a|an) half - hour",
    "(a|one) (sec|second|moment|minute|min)",
    "(a|an) (hour|minute)",
    "an hour or (so|two)",
    "(quarter|half) of an hour",
    "a (few|couple) (of)? (minutes|mins|seconds|secs|moments)",
    f"[NUM] {_SIZE_UNITS_PLURAL}",
    f"[NUMWORD] {_SIZE_UNITS_PLURAL}",
    f"(a|an) (few|couple) (of)? {_SIZE_UNITS_PLURAL}",
    f"(one|a|single|the|this|that|my|our|just|only) (single|one|first|last|intro|introductory|opening|"
    f"closing|final|top|second|third|short|summary|conclusion|executive|cover|abstract|methods|budget)? "
    f"{_SIZE_UNITS_SINGULAR}",
    "(the|this|that|my) (intro|introduction|conclusion|abstract|summary|opening|first|last)",
    "(yes|yes-or-no|yes/no) (or no)? (answer|question|reply)?",
    "(a|one) - (line|word|liner|pager|page) ",
    "one - (liner|pager)",
    "(a|one) one - (line|liner|pager|word)",
]

_CLOCK = "([NUM] (am|pm|a.m.|p.m.|o'clock)|noon|midday|midnight)"
_PART_OF_DAY = "(morning|afternoon|evening|night|lunch|lunchtime)"

# When: a deadline, a time, or an explicit "whenever".
TIMEFRAMES = [
    "(today|tonight|tomorrow|tmrw|tmr|tomorrow's|todays|today's)",
    f"(this|next|coming|following) (week|weekend|month|quarter|year|sprint|[DAY]|{_PART_OF_DAY}|time)",
    "[DAY]",
    "[MONTH] [NUM]",
    "[NUM] (st|nd|rd|th)? (of)? [MONTH]",
    "the [NUM] (st|nd|rd|th)?",
    "on the [NUM]",
    _CLOCK,
    "at [NUM]",
    "[NUM] : [NUM]",
    "(eod|eow|cob|eom|asap|a.s.a.p)",
    "(end|close|start|beginning|middle) of (the|this|next)? (day|week|month|quarter|year|sprint|business|term)",
    "as soon as (possible|you can)",
    "(by|before|until|till|til|ahead of|no later than) (the|our|my|your|this|next)? (meeting|standup|stand-up|"
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
    "(right now|right away|immediately)",
    "[NUM] / [NUM]",
]

# Words about time that never say what the task is (used by vague-ask to ignore them).
TIME_WORDS = {
    "today", "tonight", "tomorrow", "week", "weekend", "month", "morning", "afternoon", "evening",
    "night", "minute", "minutes", "min", "mins", "hour", "hours", "second", "seconds", "sec", "day",
    "days", "eod", "cob", "asap", "pm", "am", "noon", "rush", "hurry", "deadline", "quick", "soon",
    "later", "early", "end", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "time", "moment", "chance", "convenience", "standup",
}
