"""What an event is for the purpose of telling whether two reports are one: its comparable keys.

The hard conditions live here, each a reason two reports cannot be one event whatever their words:
another category, another polarity (a negated signing is no signing), other participants, another
direction (A thanked B is not B thanked A), other named people, dates too far apart, or two places
both stated in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kronika.plover import NOT_FACT_AUX as POLARITY  # reports that differ in these are different claims
from kronika.plover import UNDIRECTED  # who is "actor" and who "recipient" is the writer's choice

PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


@dataclass(frozen=True, slots=True)
class Item:
    """One event report (one citation) as corroboration sees it."""

    id: str
    doc_id: str
    event: str
    aux: frozenset[str]
    actor_codes: frozenset[str]
    recipient_codes: frozenset[str]
    people: frozenset[str]  # corpus-wide ids of the people named on either side
    date: str | None
    precision: str | None
    place: str | None  # the place named in the sentence (not a dateline guess)
    text: str
    confidence: float = 1.0
    caption: bool = False
    published: str | None = None
    trigger: str = ""  # the trigger words ("signed agreement")
    sentence: int = 0  # its sentence in the article
    # the named sides with their sectors ("NER/MIL"): within one country, who did it to whom
    actor_sides: frozenset[str] = frozenset()
    recipient_sides: frozenset[str] = frozenset()

    @property
    def codes(self) -> frozenset[str]:
        return self.actor_codes | self.recipient_codes

    @property
    def negated(self) -> bool:
        return "negation" in self.aux

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision or "", 0)


def block_keys(it: Item) -> list[tuple[str, ...]]:
    """Keys under which two reports must meet to be compared at all (cheap candidate search)."""
    pol = tuple(str(p in it.aux) for p in POLARITY)
    return [(it.event, *pol, code) for code in sorted(it.codes)]


def participants_agree(a: Item, b: Item) -> bool:
    """Same participants (one side may name fewer), same direction, no two different people."""
    if not a.codes or not b.codes:
        return False
    common = a.codes & b.codes
    if not common:
        return False
    smaller = min(len(a.codes), len(b.codes))
    if len(common) < smaller and len(common) / len(a.codes | b.codes) < 0.5:
        return False
    if a.event not in UNDIRECTED and a.actor_codes and b.actor_codes and a.recipient_codes \
            and b.recipient_codes and not a.actor_codes & b.actor_codes:
        return False  # reversed roles: "A thanked B" and "B thanked A"
    if a.event not in UNDIRECTED and a.recipient_codes and b.recipient_codes \
            and not a.recipient_codes & b.recipient_codes:
        return False  # one doer, two others: "accused the ruling party of ...", "accused Serbia of ..."
    if a.doc_id == b.doc_id and a.event not in UNDIRECTED and a.actor_sides and b.actor_sides \
            and not a.actor_sides & b.actor_sides:
        return False  # one article, two doers: "gunmen killed 14 soldiers", "the army killed 30 gunmen"
    return not (a.people and b.people and not a.people & b.people)


def dates_agree(a: Item, b: Item, window_days: int) -> bool | None:
    """True/False when both dates are known, None when one is not (the words must decide)."""
    if a.negated and b.negated:
        return None  # "has not expelled ... since 2022" is a state, not a dated act: words decide
    if a.date is None or b.date is None:
        return None
    if a.precision == "day" and b.precision == "day":
        da, db = _day(a.date), _day(b.date)
        if da is None or db is None:
            return a.date == b.date
        return abs((da - db).days) <= window_days
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]


def places_agree(a: Item, b: Item) -> bool:
    return a.place is None or b.place is None or a.place == b.place


def compatible(a: Item, b: Item, window_days: int) -> bool:
    """No hard reason to keep the two reports apart."""
    return (a.event == b.event
            and not _one_sentence_two_acts(a, b)
            and all((p in a.aux) == (p in b.aux) for p in POLARITY)
            and participants_agree(a, b)
            and dates_agree(a, b, window_days) is not False
            and places_agree(a, b))


def _one_sentence_two_acts(a: Item, b: Item) -> bool:
    """Two reports of one sentence with other doers ("Poland closed a crossing, hours after Minsk expelled
    a consul"): two acts, however alike their sentence (which is the same), even where one's other side
    is only inferred and so not compared."""
    return a.doc_id == b.doc_id and a.sentence == b.sentence and bool(a.doc_id) \
        and bool(a.actor_codes) and bool(b.actor_codes) and not a.actor_codes & b.actor_codes


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
