"""The corpus-wide merge: documents' entities become one entity per real actor.

Runs after every ingest over all documents' entities (and the users' own actor lists), so the result
does not depend on the order articles arrived in or on which worker processed them. Full names join
on their folded form; surname-only entities join the one full name with that surname; surname
spelling variants join when the first names agree (Mikhail Murashkov / Mikhail Murashko).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kronika.actors.normalize import fold, has_diacritics, surname_variant


@dataclass(frozen=True, slots=True)
class DocEntity:
    doc_id: str
    key: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class UserActor:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None


@dataclass
class _Group:
    key: str
    type: str
    members: list[DocEntity] = field(default_factory=list)
    user: UserActor | None = None

    def forms(self) -> Counter[str]:
        c: Counter[str] = Counter()
        for m in self.members:
            c[m.name] += m.mentions or 1
            for a in m.aliases:
                c[a] += 1
        return c


@dataclass(frozen=True, slots=True)
class MergedEntity:
    entity_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    mentions: int
    documents: int
    source: str
    members: tuple[tuple[str, str], ...]  # (doc_id, local key)


def _parts(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def merge(entities: Iterable[DocEntity], users: Iterable[UserActor] = ()) -> list[MergedEntity]:
    groups: dict[str, _Group] = {}
    for e in entities:
        groups.setdefault(e.key, _Group(e.key, e.type)).members.append(e)
    _join_people(groups)
    _apply_users(groups, list(users))
    return [_finish(g, groups) for g in sorted(groups.values(), key=lambda g: g.key)]


def _join_people(groups: dict[str, _Group]) -> None:
    _surname_organisations(groups)
    people = [g for g in groups.values() if g.type == "PERSON"]
    full = [g for g in people if len(_parts(g.key.split(":", 1)[1])) >= 2]
    # Spelling variants of the same full name.
    for i, a in enumerate(full):
        if a.key not in groups:
            continue
        pa = _parts(a.key.split(":", 1)[1])
        for b in full[i + 1:]:
            if b.key not in groups:
                continue
            pb = _parts(b.key.split(":", 1)[1])
            if pa[0] == pb[0] and len(pa) == len(pb) and surname_variant(pa[-1], pb[-1]) \
                    and _countries_agree(a, b):
                a.members.extend(b.members)
                del groups[b.key]
    full = [g for g in full if g.key in groups]
    for g in people:
        if g.key not in groups or g in full:
            continue
        name = fold(g.key.split(":", 1)[1])
        exact = [f for f in full if _parts(f.key.split(":", 1)[1])[-1] == name and _countries_agree(f, g)]
        pool = exact or [f for f in full if surname_variant(_parts(f.key.split(":", 1)[1])[-1], name)
                         and _countries_agree(f, g)]
        if len(pool) == 1:
            pool[0].members.extend(g.members)
            del groups[g.key]


def _surname_organisations(groups: dict[str, _Group]) -> None:
    """A one-word "organisation" with no code or sector that is one person's surname is that person
    ("PETKOV told reporters": spaCy's small model often calls a capitalised surname an ORG)."""
    surnames: dict[str, list[_Group]] = {}
    for g in groups.values():
        if g.type == "PERSON":
            parts = _parts(g.key.split(":", 1)[1])
            if len(parts) >= 2:
                surnames.setdefault(parts[-1], []).append(g)
    for g in list(groups.values()):
        name = g.key.split(":", 1)[1]
        if g.type != "ORG" or " " in name or any(m.country or m.sector for m in g.members):
            continue
        owners = surnames.get(fold(name), [])
        if len(owners) == 1:
            owners[0].members.extend(DocEntity(m.doc_id, m.key, m.name, "PERSON", m.country, m.sector,
                                               m.aliases, m.mentions) for m in g.members)
            del groups[g.key]


def _countries_agree(a: _Group, b: _Group) -> bool:
    ca = {m.country for m in a.members if m.country}
    cb = {m.country for m in b.members if m.country}
    return not ca or not cb or bool(ca & cb)


def _apply_users(groups: dict[str, _Group], users: list[UserActor]) -> None:
    for u in users:
        names = {fold(n) for n in (u.name, *u.aliases)}
        hits = [g for g in groups.values() if names & {fold(f) for f in g.forms()} or
                fold(g.key.split(":", 1)[1]) in names]
        prefix = {"PERSON": "person", "ORG": "org", "GPE": "place"}.get(u.type, "org")
        key = f"{prefix}:{fold(u.name)}"
        target = groups.get(key) or (hits[0] if hits else None)
        if target is None:
            target = groups.setdefault(key, _Group(key, u.type))
        for g in hits:
            if g is not target:
                target.members.extend(g.members)
                del groups[g.key]
        target.user = u


def _finish(g: _Group, groups: dict[str, _Group]) -> MergedEntity:
    forms = g.forms()
    if g.user is not None:
        name = g.user.name
    else:
        name = max(forms.items(), key=lambda kv: (len(kv[0].split()), kv[1], has_diacritics(kv[0])))[0] \
            if forms else g.key.split(":", 1)[1]
    aliases = {f for f in forms if f != name}
    if g.user is not None:
        aliases |= set(g.user.aliases)
    if g.type == "PERSON":
        aliases |= _person_variants(name, aliases, groups, g)
    countries = Counter(m.country for m in g.members if m.country)
    sectors = Counter(m.sector for m in g.members if m.sector)
    country = g.user.country if g.user and g.user.country else \
        (countries.most_common(1)[0][0] if countries else None)
    sector = g.user.sector if g.user and g.user.sector else \
        (sectors.most_common(1)[0][0] if sectors else None)
    return MergedEntity(
        entity_id=g.key, name=name, type=g.type, country=country, sector=sector,
        aliases=tuple(sorted(a for a in aliases if a and a != name)),
        mentions=sum(m.mentions for m in g.members),
        documents=len({m.doc_id for m in g.members}),
        source="user" if g.user is not None else "text",
        members=tuple(sorted({(m.doc_id, m.key) for m in g.members})),
    )


def _person_variants(name: str, aliases: set[str], groups: dict[str, _Group], me: _Group) -> set[str]:
    """The surname alone, and the full name with each surname variant seen (when unambiguous)."""
    parts = name.split()
    if len(parts) < 2:
        return set()
    surname = parts[-1]
    others = {_parts(g.key.split(":", 1)[1])[-1] for g in groups.values()
              if g.type == "PERSON" and g is not me and g.key.split(":", 1)[1]}
    out = set()
    if fold(surname) not in others:
        out.add(surname)
    for a in aliases:
        if " " not in a and fold(a) != fold(surname) and surname_variant(fold(a), fold(surname)):
            out.add(" ".join([*parts[:-1], a]))
    return out
