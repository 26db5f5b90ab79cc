"""A world knowledge base of political actors: people and their dated roles, bodies, generic agent nouns.

The data (``data/kb/*.csv``) is converted from PETRARCH2's dictionaries by
``tools/convert_petrarch_actors.py``; ``data/kb/NOTICE.md`` says what it holds and how old it is: roles end
in early 2014, so it is a prior for actor resolution, not the last word. Loaded once per process
(:func:`load_knowledge` is cached) and read-only afterwards, so workers can share it.

Names are looked up folded (case, diacritics, dots and hyphens: "Vučić" = "VUCIC", "K. Annan" = "K Annan").
A name that belongs to several people is never resolved blindly: :meth:`KnowledgeBase.person` returns
None for it (or picks by ``country`` when the caller knows one), and :meth:`KnowledgeBase.people_named`
returns every candidate.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from kronika import datafiles
from kronika.actors.gazetteer import PLOVER_CODES, SECTORS
from kronika.datafiles import Table
from kronika.errors import ConfigError
from kronika.lang.en import fold

__all__ = ["KnowledgeBase", "KnownBody", "KnownPerson", "KnownRole", "load_knowledge"]

_PEOPLE = ("id", "name", "aliases", "country", "sector", "since", "until")
_BODIES = ("name", "aliases", "code", "sector", "kind", "country")
_AGENTS = ("noun", "plurals", "sector")
_KINDS = frozenset({"igo", "ngo", "mnc", "armed_group", "national"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OFFICES = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})  # held in office: they win over PTY, ELI...


def _rank(sector: str) -> int:
    """How much a role says about what a person is doing: an office beats a party role beats ELI."""
    return 2 if sector in _OFFICES else 0 if sector == "ELI" else 1


def _span(date: str) -> tuple[str, str]:
    """A YYYY-MM-DD, YYYY-MM or YYYY date as the first and last day it may mean (as comparable strings)."""
    if _ISO_DATE.fullmatch(date):
        return date, date
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return date + "-01", date + "-31"
    if re.fullmatch(r"\d{4}", date):
        return date + "-01-01", date + "-12-31"
    raise ValueError(f"{date!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")


_PUNCT = str.maketrans({".": " ", "-": " ", "`": "'"})


def _key(name: str) -> str:
    """A lookup key: folded, dots and hyphens as spaces, without a leading "the".

    ASCII names (nearly all of the data) skip ``fold``: loading keys 70,000 names, and going through
    ``fold``'s cache would cost a third of the load time and evict the words the pipeline folds.
    """
    s = name.lower() if name.isascii() else fold.__wrapped__(name)
    s = " ".join(s.translate(_PUNCT).split())
    return s[4:] if s.startswith("the ") else s


@dataclass(frozen=True, slots=True)
class KnownRole:
    """One role of a person: PLOVER code and sector, from ``since`` to ``until`` (ISO; None: open)."""

    country: str  # ISO 3166 alpha-3, KOS, or UNO/EUR/IGO for an international body's official
    sector: str
    since: str | None = None
    until: str | None = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def overlaps(self, first: str, last: str) -> bool:
        """Whether the role was held on some day from ``first`` to ``last`` (an undated role: never)."""
        if not self.dated:
            return False
        return (self.since is None or self.since <= last) and (self.until is None or first <= self.until)


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person and every role the source knows, oldest first; undated roles (the source's default,
    meant for dates no other role covers) last."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[KnownRole, ...]

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(r.country for r in self.roles)

    def role_on(self, date: str | None = None) -> KnownRole | None:
        """The role held on a date (YYYY-MM-DD, YYYY-MM or YYYY); without a date, the most recent role.

        Among roles held at once, an office (GOV, MIL, SPY, COP, JUD, LEG) wins over a party or other role,
        which wins over ELI; then the one begun last. When no dated role covers the date, the undated role
        answers (often ELI: the source's "former official"), else the most recent role.
        Raises ValueError for a malformed date.
        """
        if date is not None:
            first, last = _span(date)
            held = [r for r in self.roles if r.overlaps(first, last)]
            if held:
                return max(held, key=lambda r: (_rank(r.sector), r.since or ""))
            undated = [r for r in self.roles if not r.dated]
            if undated:
                return max(undated, key=lambda r: _rank(r.sector))
        return self._latest()

    def _latest(self) -> KnownRole | None:
        dated = [r for r in self.roles if r.dated]
        if not dated:
            return max(self.roles, key=lambda r: _rank(r.sector), default=None)
        # Open roles are the latest; then the one ending last; at equal ends, the office and the later start.
        return max(dated, key=lambda r: (r.until is None, r.until or "", _rank(r.sector), r.since or ""))


@dataclass(frozen=True, slots=True)
class KnownBody:
    """An organisation or group: international body, NGO, company, armed group or a state's own body."""

    name: str
    aliases: tuple[str, ...]
    code: str  # PLOVER code: UNO, EUR, IGO, NGO, MNC, IMG, or the state's code
    sector: str | None  # None where the source gives none (most intergovernmental bodies)
    kind: str  # igo, ngo, mnc, armed_group or national
    country: str | None  # the home state, where the source gives one


class KnowledgeBase:
    """Read-only lookups over the knowledge base; get one from :func:`load_knowledge`."""

    __slots__ = ("_agents", "_bodies", "_named", "_people", "_surnames")

    def __init__(self, people: list[KnownPerson], bodies: list[KnownBody], agents: dict[str, str]) -> None:
        self._people = tuple(people)
        keys = [{_key(n) for n in (p.name, *p.aliases)} for p in people]
        self._named: dict[str, tuple[int, ...]] = _index((k, i) for i, ks in enumerate(keys) for k in ks)
        self._surnames: dict[str, tuple[int, ...]] = _index(
            (k, i) for i, ks in enumerate(keys) for k in _surname_keys(ks))
        self._bodies: dict[str, tuple[KnownBody, ...]] = {}
        for b in bodies:
            # an alias the agent nouns list ("SENATE" for the US Congress) is any country's, no one body's
            for k in {_key(n) for n in (b.name, *b.aliases)} - {k for n in b.aliases if (k := _key(n)) in agents}:
                self._bodies[k] = (*self._bodies.get(k, ()), b)
        self._agents = agents

    def __len__(self) -> int:
        return len(self._people)

    # --- people ---
    def people_named(self, name: str) -> tuple[KnownPerson, ...]:
        """Everyone with this full name or alias (folded), in id order."""
        return tuple(self._people[i] for i in self._named.get(_key(name), ()))

    def person(self, name: str, country: str | None = None) -> KnownPerson | None:
        """The one person with this full name or alias; None if unknown or if several people share it.

        ``country`` (a code the caller has from context, e.g. the article's subject) keeps only the
        candidates with a role in it, which may leave one.
        """
        found = self.people_named(name)
        if country is not None:
            found = tuple(p for p in found if country in p.countries)
        return found[0] if len(found) == 1 else None

    def people_with_surname(self, surname: str) -> tuple[KnownPerson, ...]:
        """Everyone whose name ends with this word ("Vucic"; "Assad" finds "al-Assad"), in id order.

        Never resolved here: a surname alone is shared by many (hundreds of Khans); the caller decides
        with context (the country, the date, a title) and may find none fits.
        """
        return tuple(self._people[i] for i in self._surnames.get(_key(surname), ()))

    # --- bodies and agents ---
    def bodies_named(self, name: str) -> tuple[KnownBody, ...]:
        """Every body with this name, alias or acronym (folded)."""
        return self._bodies.get(_key(name), ())

    def body(self, name: str) -> KnownBody | None:
        """The body with this name, alias or acronym; None if unknown or if bodies with different codes or
        sectors share it (an acronym of two organisations)."""
        found = self.bodies_named(name)
        if not found or len({(b.code, b.sector) for b in found}) > 1:
            return None
        return found[0]

    def agent_sector(self, noun: str) -> str | None:
        """The sector a generic noun gives ("police" COP, "rebels" REB, "foreign minister" GOV)."""
        return self._agents.get(_key(noun))


def _index(pairs: Iterator[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for key, i in pairs:
        if key:
            out.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


def _surname_keys(keys: set[str]) -> set[str]:
    """The last word of the name and of each full alias (keyed), also with its article ("al assad")."""
    out = set()
    for k in keys:
        words = k.split()
        if len(words) > 1:
            out.add(words[-1])
            if len(words) > 2 and words[-2] in ("al", "el", "ad", "as", "ash", "bin", "ibn", "van", "von", "de"):
                out.add(" ".join(words[-2:]))
    return out


@functools.cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | PLOVER_CODES


class _Reader:
    """Rows of one CSV file (read and shape-checked by :func:`kronika.datafiles.load`), checked value by
    value, with the line number in every error."""

    def __init__(self, source: str | Path, name: str, columns: tuple[str, ...]) -> None:
        name = name if isinstance(source, Path) else f"kb/{name}"  # a folder of copies holds them directly
        self.name = datafiles.where(source, name)
        self.table = datafiles.load(source, name, Table(1, columns))
        self.codes = _codes()

    def fail(self, line: int, reason: str) -> ConfigError:
        return ConfigError(f"{self.name} line {line}: {reason}")

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        return ((row.line, row.values) for row in self.table)

    def code(self, n: int, field: str, value: str) -> str:
        if value not in self.codes:
            raise self.fail(n, f'{field} "{value}" is not ISO 3166 alpha-3 nor one of {sorted(PLOVER_CODES)}')
        return value

    def sector(self, n: int, value: str) -> str:
        if value not in SECTORS:
            raise self.fail(n, f'sector "{value}" is not a PLOVER sector ({", ".join(sorted(SECTORS))})')
        return value

    def date(self, n: int, field: str, value: str) -> str | None:
        if not value:
            return None
        if not _ISO_DATE.fullmatch(value):
            raise self.fail(n, f'{field} "{value}" is not a date (expected YYYY-MM-DD or nothing)')
        return value


def _split(value: str) -> tuple[str, ...]:
    return tuple(filter(None, value.split(";"))) if value else ()


def _read_people(root: str | Path) -> list[KnownPerson]:
    r = _Reader(root, "people.csv", _PEOPLE)
    grouped: dict[str, tuple[str, tuple[str, ...], list[KnownRole]]] = {}
    for n, row in r.rows():
        if not row["id"] or not row["name"]:
            raise r.fail(n, "id and name must not be empty")
        since, until = r.date(n, "since", row["since"]), r.date(n, "until", row["until"])
        if since and until and since > until:
            raise r.fail(n, f"since {since} is after until {until}")
        role = KnownRole(r.code(n, "country", row["country"]), r.sector(n, row["sector"]), since, until)
        if (known := grouped.get(row["id"])) is None:
            known = grouped[row["id"]] = (row["name"], _split(row["aliases"]), [])
        name, _, roles = known
        if name != row["name"]:
            raise r.fail(n, f'id "{row["id"]}" already names "{name}", not "{row["name"]}"')
        roles.append(role)
    return [KnownPerson(pid, name, aliases, tuple(sorted(roles, key=_role_order)))
            for pid, (name, aliases, roles) in sorted(grouped.items())]


def _role_order(r: KnownRole) -> tuple[bool, str, str]:
    return (not r.dated, r.since or "", r.until or "9999")


def _read_bodies(root: str | Path) -> list[KnownBody]:
    r = _Reader(root, "bodies.csv", _BODIES)
    out = []
    for n, row in r.rows():
        if not row["name"]:
            raise r.fail(n, "name must not be empty")
        if row["kind"] not in _KINDS:
            raise r.fail(n, f'kind "{row["kind"]}" is not one of {", ".join(sorted(_KINDS))}')
        out.append(KnownBody(row["name"], _split(row["aliases"]), r.code(n, "code", row["code"]),
                             r.sector(n, row["sector"]) if row["sector"] else None, row["kind"],
                             r.code(n, "country", row["country"]) if row["country"] else None))
    return out


def _read_agents(root: str | Path) -> dict[str, str]:
    r = _Reader(root, "agents.csv", _AGENTS)
    out: dict[str, str] = {}
    for n, row in r.rows():
        sector = r.sector(n, row["sector"])
        for form in (row["noun"], *_split(row["plurals"])):
            out.setdefault(_key(form), sector)  # a plural that is another noun's singular keeps the singular's
    return out


@functools.lru_cache(maxsize=8)
def load_knowledge(directory: Path | str | None = None) -> KnowledgeBase:
    """Read and check the three CSV files (the packaged ones unless ``directory`` is given), once per process.

    Raises ConfigError naming the file and line of the first problem.
    """
    root: str | Path = "kronika.actors" if directory is None else Path(directory)
    # The cyclic collector would walk the growing heap again and again while 100,000 objects are made,
    # none of them in a cycle: paused, the load takes half the time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return KnowledgeBase(_read_people(root), _read_bodies(root), _read_agents(root))
    finally:
        if paused:
            gc.enable()
