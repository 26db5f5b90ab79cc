"""Words that say nothing about which event a sentence tells: function words, the verbs of reporting,
days and the words of time. Two reports of one event are compared without them."""

from __future__ import annotations

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below between
both but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just may me might more most must my no nor not now of
off on once only or other our ours out over own same she should so some such than that the their theirs
them then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your said says say told added according since
monday tuesday wednesday thursday friday saturday sunday yesterday today week month year
""".split())
