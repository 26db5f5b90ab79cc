"""The corpus-wide merge: documents' entities become one entity per real actor.

Runs after every ingest over all documents' entities (and the users' own actor lists), so the result
does not depend on the order articles arrived in or on which worker processed them. Full names join
on their folded form; surname-only entities join the one full name with that surname; surname
spelling variants join when the first names agree (Mikhail Murashkov / Mikhail Murashko).

The merge never splits a document-level key: every document's "person:ivan petkov" lands in the same
entity. So it works on one summary per key (:class:`KeyEntity`, summed over documents by the store),
whose number grows with the corpus's vocabulary of names, not with its number of articles; and every
comparison goes through an index (first name, surname, one-letter deletions), never all pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kronika.actors.normalize import has_diacritics, surname_variant
from kronika.lang.en import fold

Counts = tuple[tuple[str, int], ...]  # value -> how often, in the order first seen


@dataclass(frozen=True, slots=True)
class KeyEntity:
    """One document-level key summed over the documents it occurs in."""

    key: str
    type: str
    forms: Counts  # names and aliases (a name counts its mentions, an alias once per document)
    countries: Counts
    sectors: Counts
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
    parts: list[KeyEntity] = field(default_factory=list)
    user: UserActor | None = None

    def forms(self) -> Counter[str]:
        return _sum(p.forms for p in self.parts)

    def countries(self) -> set[str]:
        return {c for p in self.parts for c, _ in p.countries}


@dataclass(frozen=True, slots=True)
class MergedEntity:
    entity_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    mentions: int
    source: str
    keys: tuple[str, ...]  # the document-level keys it stands for


def _sum(counts: Iterable[Counts]) -> Counter[str]:
    c: Counter[str] = Counter()
    for pairs in counts:
        for value, n in pairs:
            c[value] += n
    return c


def _name(key: str) -> str:
    return key.split(":", 1)[1]


def _parts(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def merge(entities: Iterable[KeyEntity], users: Iterable[UserActor] = ()) -> list[MergedEntity]:
    """One entity per actor. ``entities`` come in the order their keys were first seen in the corpus
    (it breaks ties between equally frequent names and countries)."""
    groups: dict[str, _Group] = {}
    for e in entities:
        groups.setdefault(e.key, _Group(e.key, e.type)).parts.append(e)
    _join_people(groups)
    _apply_users(groups, list(users))
    surnames = Counter(p[-1] for g in groups.values() if g.type == "PERSON" and (p := _parts(_name(g.key))))
    return [_finish(g, surnames) for g in sorted(groups.values(), key=lambda g: g.key)]


def _join_people(groups: dict[str, _Group]) -> None:
    _surname_organisations(groups)
    people = [g for g in groups.values() if g.type == "PERSON"]
    full = [g for g in people if len(_parts(_name(g.key))) >= 2]
    # Spelling variants of the same full name: only names with the same first name and as many parts
    # can be variants, so compare within those sets (in corpus order, as a scan of all pairs would).
    same_shape: dict[tuple[str, int], list[_Group]] = defaultdict(list)
    for g in full:
        p = _parts(_name(g.key))
        same_shape[(p[0], len(p))].append(g)
    for shape in same_shape.values():
        for i, a in enumerate(shape):
            if a.key not in groups:
                continue
            last_a = _parts(_name(a.key))[-1]
            for b in shape[i + 1:]:
                if b.key in groups and surname_variant(last_a, _parts(_name(b.key))[-1]) and _countries_agree(a, b):
                    a.parts.extend(b.parts)
                    del groups[b.key]
    full = [g for g in full if g.key in groups]
    rank = {g.key: n for n, g in enumerate(full)}
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    near: dict[str, set[str]] = defaultdict(set)  # one-letter deletions -> surnames (variant candidates)
    for g in full:
        last = _parts(_name(g.key))[-1]
        by_surname[last].append(g)
        for d in one_letter_deletions(last):
            near[d].add(last)
    for g in people:
        if g.key not in groups or g.key in rank:
            continue
        name = fold(_name(g.key))
        pool = [f for f in by_surname.get(name, ()) if _countries_agree(f, g)]
        if not pool:
            similar = {s for d in one_letter_deletions(name) for s in near.get(d, ())}
            pool = sorted((f for s in similar if surname_variant(s, name) for f in by_surname[s]
                           if _countries_agree(f, g)), key=lambda f: rank[f.key])
        if len(pool) == 1:
            pool[0].parts.extend(g.parts)
            del groups[g.key]


def one_letter_deletions(word: str) -> set[str]:
    """The word and the word less any one letter: two words one edit apart share one of these."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _surname_organisations(groups: dict[str, _Group]) -> None:
    """A one-word "organisation" with no code or sector that is one person's surname is that person
    ("PETKOV told reporters": spaCy's small model often calls a capitalised surname an ORG)."""
    surnames: dict[str, list[_Group]] = {}
    for g in groups.values():
        if g.type == "PERSON":
            parts = _parts(_name(g.key))
            if len(parts) >= 2:
                surnames.setdefault(parts[-1], []).append(g)
    for g in list(groups.values()):
        name = _name(g.key)
        if g.type != "ORG" or " " in name or any(p.countries or p.sectors for p in g.parts):
            continue
        owners = surnames.get(fold(name), [])
        if len(owners) == 1:
            owners[0].parts.extend(g.parts)
            del groups[g.key]


def _countries_agree(a: _Group, b: _Group) -> bool:
    ca, cb = a.countries(), b.countries()
    return not ca or not cb or bool(ca & cb)


def _apply_users(groups: dict[str, _Group], users: Sequence[UserActor]) -> None:
    if not users:
        return
    order = {k: n for n, k in enumerate(groups)}
    index: dict[str, set[str]] = defaultdict(set)  # folded name or form -> group keys
    for g in groups.values():
        for f in (_name(g.key), *g.forms()):
            index[fold(f)].add(g.key)
    for u in users:
        names = {fold(n) for n in (u.name, *u.aliases)}
        found = {k for n in names for k in index.get(n, ()) if k in groups}
        hits = [groups[k] for k in sorted(found, key=order.__getitem__)]
        prefix = {"PERSON": "person", "ORG": "org", "GPE": "place"}.get(u.type, "org")
        key = f"{prefix}:{fold(u.name)}"
        target = groups.get(key) or (hits[0] if hits else None)
        if target is None:
            target = groups.setdefault(key, _Group(key, u.type))
            order[key] = len(order)
            index[fold(_name(key))].add(key)
        for g in hits:
            if g is not target:
                target.parts.extend(g.parts)
                del groups[g.key]
                for f in (_name(g.key), *g.forms()):
                    index[fold(f)].add(target.key)
        target.user = u


def _finish(g: _Group, surnames: Counter[str]) -> MergedEntity:
    forms = g.forms()
    if g.user is not None:
        name = g.user.name
    else:
        name = max(forms.items(), key=lambda kv: (len(kv[0].split()), kv[1], has_diacritics(kv[0])))[0] \
            if forms else _name(g.key)
    aliases = {f for f in forms if f != name}
    if g.user is not None:
        aliases |= set(g.user.aliases)
    if g.type == "PERSON":
        aliases |= _person_variants(name, aliases, g, surnames)
    countries = _sum(p.countries for p in g.parts)
    sectors = _sum(p.sectors for p in g.parts)
    country = g.user.country if g.user and g.user.country else \
        (countries.most_common(1)[0][0] if countries else None)
    sector = g.user.sector if g.user and g.user.sector else \
        (sectors.most_common(1)[0][0] if sectors else None)
    return MergedEntity(
        entity_id=g.key, name=name, type=g.type, country=country, sector=sector,
        aliases=tuple(sorted(a for a in aliases if a and a != name)),
        mentions=sum(p.mentions for p in g.parts),
        source="user" if g.user is not None else "text",
        keys=tuple(sorted({p.key for p in g.parts})),
    )


def _person_variants(name: str, aliases: set[str], me: _Group, surnames: Counter[str]) -> set[str]:
    """The surname alone (when no other person has it), and the full name with each surname variant
    seen. ``surnames`` counts every person entity's surname, this one's included."""
    parts = name.split()
    if len(parts) < 2:
        return set()
    surname = parts[-1]
    own = _parts(_name(me.key))
    others = surnames[fold(surname)] - (1 if own and own[-1] == fold(surname) else 0)
    out = set()
    if others == 0:
        out.add(surname)
    for a in aliases:
        if " " not in a and fold(a) != fold(surname) and surname_variant(fold(a), fold(surname)):
            out.add(" ".join([*parts[:-1], a]))
    return out
