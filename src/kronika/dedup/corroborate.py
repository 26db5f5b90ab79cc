"""Grouping event reports into real-world events: one group per event, every report a source.

Two reports join when nothing rules it out (:func:`kronika.dedup.keys.compatible`) and their
sentences mean the same thing closely enough. The bar is lower when the dates agree exactly (the
date and participants already say much) and higher when a date is unknown (only the words can tell
two undated "Serbia refused to sanction Russia" stories from a new refusal), except for one article
repeating the same trigger words (the lead and the detail paragraph). Groups grow by the most
similar pairs first, and two groups join only if *every* pair across them is compatible, so a chain
of near-misses cannot glue two different events together.

Identical reports (the same sentence, participants, date and place: a wire story printed by many
outlets) are one event whatever else the corpus holds, so they are grouped first and compared with
the rest once, as one: a story repeated a thousand times costs one comparison per candidate, not a
million.

Groups form only along pairs that pass, so the reports fall apart into *components* (reports linked by
passing pairs), and a component's groups depend on its reports alone. :func:`group_reports` says
which component each report is in: an update regroups only the components its new reports could
join (:func:`could_join`), and gets the same groups as grouping everything again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from kronika.dedup.keys import Item, block_keys, compatible, dates_agree
from kronika.lang.en import fold

Similarity = Callable[[int, int], float]


@dataclass(frozen=True)
class Settings:
    """Thresholds, chosen on ``tests/data/corroboration`` and the seeds (see the README)."""

    window_days: int = 1  # reports of one day's event may be dated a day apart (time zones, "overnight")
    dated: float = 0.27  # similarity needed when both dates are known and agree
    undated: float = 0.65  # similarity needed when a date is unknown
    place_bonus: float = 0.10  # both sentences name the same place
    people_bonus: float = 0.10  # both name the same person
    trigger_bonus: float = 0.15  # both use the same trigger words ("signed agreement")


@dataclass(frozen=True)
class Group:
    """One real-world event: its reports (the primary first), and its most precise date and place."""

    members: tuple[str, ...]
    date: str | None
    precision: str | None
    place_from: str | None  # the member whose place to keep (one named in its sentence, if any)

    @property
    def cluster_id(self) -> str:
        return self.members[0]


def pair_score(a: Item, b: Item, sim: float, s: Settings, *, same_doc: bool | None = None) -> tuple[float, float]:
    """(score, the score needed) for two compatible reports (``same_doc``: whether they come from one
    article; by default, whether their document ids agree)."""
    score = sim
    if a.place is not None and a.place == b.place:
        score += s.place_bonus
    if a.people & b.people:
        score += s.people_bonus
    same_words = bool(a.trigger) and fold(a.trigger) == fold(b.trigger)
    if same_words:
        score += s.trigger_bonus
    # One article telling the same act twice with the same words (lead, then detail paragraph) is
    # one event even when the article gives no date to compare.
    one_article = a.doc_id == b.doc_id if same_doc is None else same_doc
    retold = same_words and one_article
    needed = s.dated if retold or dates_agree(a, b, s.window_days) else s.undated
    if one_article and not same_words:
        # one article telling two acts of a kind in other words ("urged him to secure their release",
        # "asked the ministry for consular access") tells two, unless its sentences say nearly the same
        needed = max(needed, s.undated)
    return score, needed


def could_join(a: Item, b: Item, sim: float, s: Settings) -> bool:
    """Whether the pair might pass in some article and with some people: true of every pair that
    passes in :func:`group_reports` (reports of the same signature taken as one), so it finds every
    component a new report could touch. ``b`` may come without its people and document."""
    loose = replace(b, doc_id="", people=frozenset())  # no same-article rule, no people to disagree
    if not compatible(a, loose, s.window_days):
        return False
    score, _ = pair_score(a, loose, sim, s, same_doc=False)
    return score + s.people_bonus >= s.dated  # the people they share would add this; the bar is at least this


def candidate_pairs(items: Sequence[Item]) -> set[tuple[int, int]]:
    """Pairs that share a category, a polarity and a participant, and whose months are close.

    Reports dated to the day or month are only compared with those of the same or a neighbouring
    month; undated, year-dated and negated ones (whose dates never rule a pair out) with all the
    block. This keeps a large store from comparing every SUPPORT of Serbia with every other.
    """
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, it in enumerate(items):
        for key in block_keys(it):
            blocks[key].append(n)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        by_month: dict[int, list[int]] = defaultdict(list)
        loose: list[int] = []
        for n in members:
            month = month_of(items[n])
            (loose if month is None else by_month[month]).append(n)
        for month, ns in by_month.items():
            pairs.update(combinations(ns, 2))
            pairs.update((a, b) if a < b else (b, a) for a in ns for b in by_month.get(month + 1, ()))
        pairs.update((a, b) if a < b else (b, a) for a in loose for b in members if a != b)
    return pairs


def month_of(it: Item) -> int | None:
    """The month a report is compared around (None: compared with every report of its blocks)."""
    if it.negated or it.date is None or it.precision not in ("day", "month") or len(it.date) < 7:
        return None
    try:
        return int(it.date[:4]) * 12 + int(it.date[5:7])
    except ValueError:
        return None


@dataclass(frozen=True)
class Grouping:
    groups: list[Group]
    components: dict[str, str]  # report id -> its component's first report (in the order given)


def corroborate(items: Sequence[Item], sim: Similarity, settings: Settings | None = None) -> list[Group]:
    """Group the reports; every item ends in exactly one group (most in a group of one)."""
    return group_reports(items, sim, settings).groups


def group_reports(items: Sequence[Item], sim: Similarity, settings: Settings | None = None) -> Grouping:
    """The groups, and the component of each report (the reports its passing pairs link it to)."""
    s = settings or Settings()
    twins = _twins(items, sim, s)
    reps = [items[t[0]] for t in twins]
    docs = [frozenset(items[n].doc_id for n in t) for t in twins]
    scored: list[tuple[float, int, int, int, int]] = []
    for i, j in candidate_pairs(reps):
        a, b = reps[i], reps[j]
        if not compatible(a, b, s.window_days):
            continue
        score, needed = pair_score(a, b, sim(twins[i][0], twins[j][0]), s, same_doc=bool(docs[i] & docs[j]))
        if score >= needed:
            scored.append((score - needed, twins[i][0], twins[j][0], i, j))
    parent = list(range(len(reps)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(reps))}
    linked = list(range(len(reps)))  # components: every passing pair links, joined or not

    def root(n: int) -> int:
        while linked[n] != n:
            linked[n] = linked[linked[n]]
            n = linked[n]
        return n

    for _, _, _, i, j in scored:
        ri, rj = root(i), root(j)
        if ri != rj:
            linked[max(ri, rj)] = min(ri, rj)  # the root is the component's first report

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _, _, _, i, j in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if all(compatible(reps[x], reps[y], s.window_days) for x in members[ri] for y in members[rj]):
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
    components = {items[n].id: items[twins[root(t)][0]].id for t in range(len(reps)) for n in twins[t]}
    return Grouping([_group([items[n] for t in ms for n in twins[t]]) for ms in members.values()], components)


def _twins(items: Sequence[Item], sim: Similarity, s: Settings) -> list[list[int]]:
    """Item indices in classes of identical reports that would join each other (first index first)."""
    classes: list[list[int]] = []
    joins: dict[tuple[object, ...], int] = {}  # signature -> its class, once it is known to join itself
    seen: dict[tuple[object, ...], tuple[int, int]] = {}  # signature -> its first item and that one's class
    for n, it in enumerate(items):
        sig = _signature(it) if it.codes else None
        if sig is not None and sig in joins:
            classes[joins[sig]].append(n)
            continue
        if sig is not None and sig in seen:
            first, cls = seen[sig]
            score, needed = pair_score(items[first], it, sim(first, n), s, same_doc=False)
            if score >= needed and compatible(items[first], it, s.window_days):
                classes[cls].append(n)
                joins[sig] = cls
                continue
        if sig is not None:
            seen.setdefault(sig, (n, len(classes)))
        classes.append([n])
    return classes


def _signature(it: Item) -> tuple[object, ...]:
    """Everything comparison reads of a report except which article and sentence it is in."""
    return (it.event, it.aux, it.actor_codes, it.recipient_codes, it.people, it.date, it.precision, it.place,
            it.text, it.trigger)


def _group(reports: list[Item]) -> Group:
    ordered = sorted(reports, key=_primary_order)
    dated = max(ordered, key=lambda it: it.rank)  # stable: the primary wins a tie
    placed = next((it for it in ordered if it.place is not None), None)
    return Group(members=tuple(it.id for it in ordered), date=dated.date,
                 precision=dated.precision if dated.date else None,
                 place_from=placed.id if placed else None)


def _primary_order(it: Item) -> tuple[bool, str, str, int, float, str]:
    """Body text before captions, then the first report: the earliest article, and in it the first
    telling (a lead paragraph sums up what later ones detail). The first report stays first when
    later articles arrive, so an event keeps its id as its sources grow."""
    return (it.caption, it.published or "9999", it.doc_id, it.sentence, -it.confidence, it.id)
