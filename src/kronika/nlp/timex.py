"""Time expressions in a sentence, resolved against the article's publication date.

Relative expressions ("on Friday", "last month", "earlier this month") need a publication date of at
least the same precision; without one they stay unresolved (None) rather than guessed. Absolute ones
("in 2016", "in November 2023", "Oct. 15, 2020") resolve on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kronika.lang.en import MONTHS, WEEKDAYS
from kronika.nlp.tree import Tree

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "18 years ago", "two weeks ago": counted back from the publication date
    ("ago", re.compile(r"\b(?P<n>\d{1,3}|" + "|".join(_COUNTS) + r")\s+(?P<unit>year|month|week|day)s?\s+ago\b")),
    ("mdy", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("my", re.compile(r"(?:(?P<part>beginning|start|end|middle|mid|early|late)(?:\s+of)?[\s-]+)?"
                      + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("md", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")),
    ("dm", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH)),
    ("m", re.compile(r"(?:(?P<part>beginning|start|end|middle|mid|early|late)(?:\s+of)?[\s-]+)?"
                     + _MONTH + r"(?!\w)")),
    ("y", re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b(?!s)")),
    ("weekday", re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")),
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|tonight|overnight|last night|this morning|"
                       r"(?:earlier |later )?this (?:week|month|year)|last (?:week|month|year)|"
                       r"(?:the )?previous (?:week|month|year)|next (?:week|month|year))\b")),
]
# Prepositions that make a date a deadline or a starting point rather than when something happened.
_NOT_WHEN = frozenset({"until", "till", "through", "since", "by", "before"})


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int  # first token
    end: int  # token after the last
    text: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY, None when unresolved
    precision: str | None
    relative: bool
    deadline: bool  # "until Sept. 1", "since 2012"


def parse_iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve(text: str, published: str | None, precision: str | None) -> tuple[str | None, str | None, bool]:
    """(value, precision, relative) for one time expression's text (cached: each stage resolves the
    dates of a sentence again, with nine patterns tried on each)."""
    low = text.lower().strip()
    pub = parse_iso(published) if precision == "day" else None
    pub_year = int(published[:4]) if published else None
    pub_month = int(published[5:7]) if published and len(published) >= 7 else None
    for kind, pat in _PATTERNS:
        m = pat.search(low)
        if m is None:
            continue
        g = m.groupdict()
        if kind in ("mdy", "dmy"):
            try:
                d = date(int(g["year"]), MONTHS[g["month"]], int(g["day"]))
            except ValueError:
                continue
            return d.isoformat(), "day", False
        if kind == "my":
            return f"{int(g['year']):04d}-{MONTHS[g['month']]:02d}", "month", False
        if kind in ("md", "dm"):
            if pub_year is None:
                return None, None, True
            year = pub_year
            if pub_month is not None and MONTHS[g["month"]] > pub_month + 1:
                year -= 1
            try:
                return date(year, MONTHS[g["month"]], int(g["day"])).isoformat(), "day", True
            except ValueError:
                continue
        if kind == "m":
            if g["month"] == "may" and not g.get("part") and not re.search(r"\b(in|of|since|until)\s+may\b", low):
                continue  # the modal verb
            if pub_year is None:
                return None, None, True
            year = pub_year
            if pub_month is not None and MONTHS[g["month"]] > pub_month:
                year -= 1
            return f"{year:04d}-{MONTHS[g['month']]:02d}", "month", True
        if kind == "y":
            return g["year"], "year", False
        if kind == "weekday":
            if pub is None:
                return None, None, True
            back = (pub.weekday() - WEEKDAYS[g["weekday"]]) % 7
            return (pub - timedelta(days=back)).isoformat(), "day", True
        if kind == "rel":
            return _relative(g["rel"], pub, pub_year, pub_month)
        if kind == "ago":
            return _ago(int(g["n"]) if g["n"].isdigit() else _COUNTS[g["n"]], g["unit"], pub, pub_year, pub_month)
    return None, None, False


def _ago(n: int, unit: str, pub: date | None, year: int | None, month: int | None
         ) -> tuple[str | None, str | None, bool]:
    if unit == "year":
        return (f"{year - n:04d}", "year", True) if year else (None, None, True)
    if unit == "month":
        if year is None or month is None:
            return None, None, True
        m0 = year * 12 + (month - 1) - n
        return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}", "month", True
    if pub is None:
        return None, None, True
    return (pub - timedelta(days=n * (7 if unit == "week" else 1))).isoformat(), "day", True


def _relative(rel: str, pub: date | None, year: int | None, month: int | None) -> tuple[str | None, str | None, bool]:
    if rel in ("yesterday", "last night"):
        return ((pub - timedelta(days=1)).isoformat(), "day", True) if pub else (None, None, True)
    if rel in ("today", "tonight", "overnight", "this morning"):
        return (pub.isoformat(), "day", True) if pub else (None, None, True)
    unit = rel.split()[-1]
    shift = -1 if rel.startswith(("last", "previous", "the previous")) else 1 if rel.startswith("next") else 0
    if unit == "year":
        return (f"{year + shift:04d}", "year", True) if year else (None, None, True)
    if unit == "month":
        if year is None or month is None:
            return None, None, True
        m0 = year * 12 + (month - 1) + shift
        return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}", "month", True
    if pub is None:
        return None, None, True
    return (pub + timedelta(days=7 * shift)).isoformat(), "day", True


def sentence_times(tree: Tree, sent: int, published: str | None, precision: str | None) -> list[TimeExpr]:
    """Time expressions of one sentence: spaCy's DATE/TIME entities and bare weekdays."""
    out: list[TimeExpr] = []
    covered: set[int] = set()
    rng = tree.sentence_tokens(sent)
    for m in tree.sentence_entities(sent):
        if m.label not in ("DATE", "TIME"):
            continue
        toks = [k for k in rng if tree[k].idx >= m.start_char and tree[k].end <= m.end_char]
        if not toks:
            continue
        value, prec, rel = resolve(m.text, published, precision)
        if value is None and not rel:
            continue
        covered.update(toks)
        out.append(TimeExpr(toks[0], toks[-1] + 1, m.text, value, prec, rel, _deadline(tree, toks[0])))
    for k in rng:
        if k in covered:
            continue
        word = tree.lower[k]
        # a month is written with a capital ("in March"); "a peace march" is no date
        if word in WEEKDAYS or (word in MONTHS and len(word) > 3 and word != "may" and tree[k].text[:1].isupper()):
            value, prec, rel = resolve(tree[k].text, published, precision)
            out.append(TimeExpr(k, k + 1, tree[k].text, value, prec, rel, _deadline(tree, k)))
    return out


def _deadline(tree: Tree, first: int) -> bool:
    t = tree[first]
    prep = tree.head(first) if t.dep == "pobj" else None
    if prep is None and first > 0:
        prev = tree[first - 1]
        prep = prev if prev.pos == "ADP" else None
    return prep is not None and prep.text.lower() in _NOT_WHEN


def tree_distance(tree: Tree, a: int, b: int) -> int:
    """Edges between two tokens through their lowest common ancestor."""
    up_a = [a] + [t.i for t in tree.ancestors(a)]
    up_b = [b] + [t.i for t in tree.ancestors(b)]
    pos_b = {k: n for n, k in enumerate(up_b)}
    for n, k in enumerate(up_a):
        if k in pos_b:
            return n + pos_b[k]
    return len(up_a) + len(up_b)


_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "pcomp", "csubj", "ROOT"})


def _inside_argument(tree: Tree, k: int, trigger: int) -> bool:
    """A date inside one of the trigger's noun arguments ("invited X to a forum in June") dates that
    noun, not the event."""
    through_clause = False
    for a in tree.ancestors(k):
        if a.i == trigger:
            return False
        if a.pos in ("VERB", "AUX") and a.dep in _CLAUSES:
            through_clause = True  # not a participle the tagger took for a verb ("near the Torkham crossing")
        elif a.pos in ("NOUN", "PROPN") and through_clause and tree.is_ancestor(trigger, a.i):
            return True  # a relative clause inside an argument: "a forum that Kenya will host in June"
    return False


def _other_clause(tree: Tree, k: int, trigger: int) -> bool:
    """A date in a clause of its own that does not hold the trigger: a relative clause ("the Treasury,
    which placed him under sanctions in 2017, said ...") or another conjunct with its own subject ("won the
    case in 2016, but Beijing has refused ...")."""
    for a in tree.ancestors(k):
        if a.i == trigger or tree.is_ancestor(a.i, trigger):
            break
        if a.dep in ("relcl", "acl") and a.pos in ("VERB", "AUX"):
            return True
        if a.dep == "ccomp" and a.pos in ("VERB", "AUX") and tree.head(a.i).i != a.i \
                and tree.is_ancestor(tree[a.i].head, trigger):
            return True  # what else is said ("said Berlin would not reopen the terms agreed in 2021")
    node = trigger
    for a in tree.ancestors(trigger):
        if tree[node].dep == "conj" and tree.children(node, "nsubj", "nsubjpass") and tree.is_ancestor(a.i, k) \
                and not tree.is_ancestor(node, k):
            # two acts told in the simple past are one scene ("used tear gas on Saturday, and 23 people
            # were detained"); background in another tense is not ("won in 2016, but has refused")
            return not (simple_past(tree, node) and simple_past(tree, a.i))
        if tree.is_ancestor(a.i, k):
            break
        node = a.i
    return False


def _forward_words(text: str) -> bool:
    return any(w in ("next", "coming", "tomorrow", "following", "later") for w in text.lower().split())


def _in_complement(tree: Tree, k: int, trigger: int) -> bool:
    """A date ahead in the clause the trigger governs ("agreed to begin demarcating next month") dates
    what was agreed, not the agreeing; a past one ("used tear gas to clear the road on Saturday") dates
    the act."""
    return any(tree.is_ancestor(c.i, k) or c.i == k for c in tree.children(trigger, "xcomp", "ccomp"))


def simple_past(tree: Tree, k: int) -> bool:
    """"signed", "returned fire", "were arrested": an act told in the simple past, not background in the
    present perfect ("has rejected") nor what is to come."""
    t = tree[k]
    auxes = [tree.lower[c.i] for c in tree.children(k, "aux", "auxpass")]
    if t.tag == "VBD":
        return not auxes
    return t.tag == "VBN" and bool(auxes) and all(a in ("was", "were") for a in auxes)


def time_for(tree: Tree, times: list[TimeExpr], trigger: int) -> TimeExpr | None:
    """The time expression nearest the trigger in the parse tree (ignoring deadlines and dates of other
    clauses)."""
    usable = [t for t in times if not t.deadline and not _inside_argument(tree, t.start, trigger)
              and not _other_clause(tree, t.start, trigger)
              and not (_in_complement(tree, t.start, trigger) and _forward_words(t.text))]
    if not usable:
        return None
    return min(usable, key=lambda t: (min(tree_distance(tree, trigger, k) for k in range(t.start, t.end)),
                                      abs(t.start - trigger)))
