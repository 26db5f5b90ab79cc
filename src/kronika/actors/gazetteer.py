"""Countries, organisations, titles and non-actor words, read once from the YAML files in ``data/``.

The lists are data so that a reviewer can check and extend them without reading code. Every lookup
folds case and diacritics ("Priština" = "Pristina"), because news spells names every way. Codes are
checked against ``pycountry`` when the files load, so a typo fails at start-up instead of producing
records with codes no one can join on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn, TypeVar

import pycountry

from kronika import datafiles
from kronika.datafiles import BOOL, STR, WORDS, ListOf, MapOf, OneOf, Record, Schema, optional
from kronika.errors import ConfigError
from kronika.lang.en import fold
from kronika.plover import INTERNATIONAL_CODES, SECTORS

__all__ = ["PLOVER_CODES", "SECTORS", "CountryMatch", "Gazetteer", "OrgInfo", "OrgKeyword", "TitleMatch",
           "load_gazetteer"]

PLOVER_CODES = INTERNATIONAL_CODES
_COUNTRY_FIELDS = {"names": "name", "adjectives": "adjective", "demonyms": "demonym", "regions": "region",
                   "breakaway": "breakaway", "metonyms": "", "institutions": "", "ambiguous": "", "cased": ""}
_ORG_FIELDS = frozenset({"name", "code", "sector", "aliases", "descriptions", "cased", "ambiguous"})
_POSSESSIVE = re.compile(r"'s?$")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_V = TypeVar("_V")
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                      "southeastern", "southwestern", "upper", "lower"})
Key = tuple[str, ...]

# "the minister" is not the prime minister, a deputy or a former one
_RANKS_BESIDE = frozenset({"prime", "vice", "deputy", "assistant", "under", "former", "junior", "first"})

# The files' shapes; what their values mean (codes, sectors, one owner per name) is checked as they load.
_PER_SECTOR = MapOf(WORDS)
SCHEMAS = {
    "countries.yaml": Schema(1, MapOf(Record(optional={
        **dict.fromkeys(("names", "adjectives", "demonyms", "regions", "breakaway"), WORDS),
        "metonyms": ListOf(OneOf((STR, MapOf(STR)))), "institutions": MapOf(STR), "ambiguous": WORDS,
        "cased": WORDS}))),
    "organisations.yaml": Schema(1, ListOf(Record({"name": STR, "code": STR}, {
        "sector": STR, **dict.fromkeys(("aliases", "descriptions", "cased", "ambiguous"), WORDS)}))),
    "titles.yaml": Schema(1, Record({
        "titles": MapOf(MapOf(optional(WORDS))),
        "portfolios": Record({"templates": WORDS, "subjects": MapOf(WORDS)}),
        "modifiers": Record({side: MapOf(Record(optional={"former": BOOL, "future": BOOL}))
                             for side in ("prefix", "suffix")}),
        "groups": _PER_SECTOR, "ambiguous": WORDS}, {"descriptions": MapOf(WORDS)})),
    "org_keywords.yaml": Schema(1, Record({"keywords": _PER_SECTOR, "ambiguous": WORDS, "names_only": WORDS,
                                           "heads": WORDS, "bodies": _PER_SECTOR})),
    "non_actor_words.yaml": Schema(1, Record({"words": WORDS, "prefixes": WORDS, "credits": WORDS,
                                              "vague_groups": WORDS, "place_heads": WORDS, "act_heads": WORDS})),
}
_Mod = tuple[str, bool, bool]  # a title modifier: name, former, future


@functools.lru_cache(maxsize=65536)
def _key(text: str, *, keep_case: bool = False) -> str:
    """A name's lookup key: folded, without a leading "the", a trailing possessive or edge punctuation.

    A form that matches only in its own capitalisation ("US", not "us") is stored as "=" + exact key.
    Cached like ``fold``: every gazetteer lookup keys its text twice.
    """
    s = fold(text, keep_case=keep_case)
    if s[:4].lower() == "the ":
        s = s[4:]
    s = _EDGE.sub("", _POSSESSIVE.sub("", s))
    return "=" + s if keep_case else s


def _lookup(index: Mapping[str, _V], text: str) -> _V | None:
    return index.get(_key(text, keep_case=True)) or index.get(_key(text))


def _tokens(text: str) -> list[str]:
    """Folded tokens split as spaCy splits them: hyphens and "'s" apart, "u.s." whole, "gen." as "gen"."""
    return list(_token_tuple(text))


@functools.lru_cache(maxsize=65536)
def _token_tuple(text: str) -> tuple[str, ...]:
    out = []
    for raw in re.findall(r"[\w.']+|[^\w\s]", re.sub(r"(?<=\w)'s\b", " 's", fold(text))):
        out.append(raw[:-1] if len(raw) > 1 and raw.endswith(".") and raw.count(".") == 1 else raw)
    return tuple(out)


def _plural(word: str) -> str:
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u", ""):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


def _variants(pattern: str, plural: bool) -> set[Key]:
    """Token sequences a pattern may appear as: hyphen split or spaced, "of"/"of the", plural."""
    toks = tuple(_tokens(pattern))
    out = {toks, tuple(t for t in toks if t != "-")}
    for v in list(out):
        for k, t in enumerate(v[:-1]):
            if t in ("of", "for"):
                out.add(v[:k + 1] + v[k + 2:] if v[k + 1] == "the" else v[:k + 1] + ("the",) + v[k + 1:])
                break
    if plural:
        out |= {v[:-1] + (_plural(v[-1]),) for v in out if v and v[-1].isalpha()}
    return {v for v in out if v}


_LONGEST: dict[int, int] = {}
_ENDS: dict[int, frozenset[str]] = {}
_STARTS: dict[int, frozenset[str]] = {}


def _scan(index: Mapping[Key, _V], toks: list[str], start: int | None = None
          ) -> Iterator[tuple[int, int, _V]]:
    """(length, start, value) for every key of ``index`` found in ``toks`` (only at ``start`` if given)."""
    longest = _LONGEST.get(id(index))
    if longest is None:  # the indexes never change once loaded: measure each once, not per call
        longest = _LONGEST[id(index)] = max(map(len, index), default=0)
    for k in range(len(toks)) if start is None else [start]:
        for n in range(1, min(longest, len(toks) - k) + 1):
            if (v := index.get(tuple(toks[k:k + n]))) is not None:
                yield n, k, v


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """What a country word is: the code, how it names the country, and the sector a seat implies."""

    code: str
    kind: str  # name, adjective, demonym, metonym, region or breakaway
    sector: str | None = None  # {Pentagon: MIL}; PRE for a breakaway region
    ambiguous: bool = False  # also a common word or a person's name ("Jordan")


@dataclass(frozen=True, slots=True)
class OrgInfo:
    """A known body: international (EUR, UNO, IGO, NGO...) or a state's own (FSB: code RUS, sector SPY)."""

    name: str
    code: str
    sector: str | None
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title found in a token list; ``sector`` is ELI for a former holder, else ``base_sector``."""

    title: str  # normalised: "interior minister" for "Minister of Internal Affairs"
    sector: str
    base_sector: str
    length: int  # input tokens covered, modifiers included
    qualifiers: tuple[str, ...] = ()  # modifiers found: ("former",), ("deputy",), ("elect",)
    former: bool = False
    future: bool = False  # -elect, -designate, incoming
    ambiguous: bool = False  # a common word, or a role whose sector depends on the employer


@dataclass(frozen=True, slots=True)
class OrgKeyword:
    keyword: str
    sector: str
    ambiguous: bool = False
    names_only: bool = False  # tells the sector of a body's name only, never of a common noun ("a post")


class _Check:
    """Schema checks that name the file and the entry in every error."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, reason: str) -> NoReturn:
        raise ConfigError(f"{self.file}: {where}: {reason}")

    def mapping(self, value: object, where: str) -> dict[str, object]:
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            self.fail(where, f"expected a mapping, got {type(value).__name__}")
        return value

    def strings(self, value: object, where: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(where, "expected a list of non-empty strings")
        return value

    def sector(self, value: object, where: str) -> str:
        if value not in SECTORS:
            self.fail(where, f"{value!r} is not a PLOVER sector ({', '.join(sorted(SECTORS))})")
        return str(value)

    def grouped(self, value: object, where: str, allowed: frozenset[str]) -> Iterator[tuple[str, str]]:
        """(group, phrase) pairs from a {SECTOR or CODE: [phrase, ...]} mapping."""
        for group, phrases in self.mapping(value, where).items():
            if group not in allowed:
                self.fail(f"{where}: {group}", f"not one of {', '.join(sorted(allowed))}")
            yield from ((group, p) for p in self.strings(phrases, f"{where}: {group}"))

    def add(self, index: dict[str, _V], key: str, value: _V, owner: str, where: str) -> None:
        """Index ``value``, refusing a key that another entry already owns."""
        old = index.setdefault(key, value)
        if old is not value and getattr(old, owner) != getattr(value, owner):
            self.fail(where, f'"{key.lstrip("=")}" already belongs to {getattr(old, owner)}')


class _Tables:
    """Everything the files say, indexed by folded key and checked; filled by one method per file."""

    def __init__(self, source: str | Path) -> None:
        self.source = source  # the package whose data/ holds the files, or a folder with copies
        self.places: dict[str, CountryMatch] = {}
        self.display: dict[str, str] = {}
        self.orgs: dict[str, OrgInfo] = {}
        self.ambiguous_orgs: set[str] = set()
        self.described: dict[str, tuple[OrgInfo, ...]] = {}
        self.titles: dict[Key, TitleMatch] = {}  # prototypes: length 0, no modifiers
        self.mods: dict[str, dict[Key, _Mod]] = {"prefix": {}, "suffix": {}}
        self.groups: dict[str, tuple[str, bool]] = {}
        self.descriptions: dict[str, frozenset[str]] = {}  # "envoy" -> titles it may stand for
        self.title_names: set[str] = set()
        self.keywords: dict[Key, OrgKeyword] = {}
        self.heads: set[str] = set()
        self.bodies: dict[Key, str] = {}
        self.words: dict[str, frozenset[str]] = {}
        self.prefixes: tuple[str, ...] = ()

    def read(self, name: str) -> object:
        return datafiles.load(self.source, name, SCHEMAS[name])

    def organisations(self) -> None:
        chk = _Check("organisations.yaml")
        data = self.read(chk.file)
        if not isinstance(data, list):
            chk.fail("top level", "expected a list of bodies")
        codes = {c.alpha_3 for c in pycountry.countries} | PLOVER_CODES
        for n, raw in enumerate(data, 1):
            entry = chk.mapping(raw, f"entry {n}")
            where = f'entry {n} ("{entry.get("name")}")'
            for field in ("name", "code"):
                if not isinstance(entry.get(field), str):
                    chk.fail(where, f'missing field "{field}"')
            if extra := set(entry) - _ORG_FIELDS:
                chk.fail(where, f'unknown field "{sorted(extra)[0]}"')
            if (code := str(entry["code"])) not in codes:
                chk.fail(where, f'code "{code}" is not ISO 3166 alpha-3 nor one of {sorted(PLOVER_CODES)}')
            sector = None if entry.get("sector") is None else chk.sector(entry["sector"], f"{where}: sector")
            aliases = chk.strings(entry.get("aliases"), f"{where}: aliases")
            descs = chk.strings(entry.get("descriptions"), f"{where}: descriptions")
            info = OrgInfo(str(entry["name"]), code, sector, tuple(aliases), tuple(descs))
            cased = {_key(a) for a in chk.strings(entry.get("cased"), f"{where}: cased")}
            amb = chk.strings(entry.get("ambiguous"), f"{where}: ambiguous")
            self.ambiguous_orgs |= {_key(a) for a in amb}
            for f in [info.name, *aliases]:
                chk.add(self.orgs, _key(f, keep_case=_key(f) in cased), info, "name", f"{where}: {f}")
            for d in descs:
                self.described[_key(d)] = (*self.described.get(_key(d), ()), info)

    def countries(self) -> None:
        chk = _Check("countries.yaml")
        data = chk.mapping(self.read(chk.file), "top level")
        iso = {c.alpha_3: c for c in pycountry.countries}
        for code in sorted(set(iso) | set(data)):
            where = f'entry "{code}"'
            if code not in iso and code != "KOS":
                chk.fail(where, f'"{code}" is not an ISO 3166 alpha-3 code in pycountry (nor KOS)')
            entry = chk.mapping(data.get(code), where)
            if extra := set(entry) - set(_COUNTRY_FIELDS):
                chk.fail(where, f'unknown field "{sorted(extra)[0]}" (known: {list(_COUNTRY_FIELDS)})')
            c = iso.get(code)
            official = [str(getattr(c, a)) for a in ("common_name", "name", "official_name") if hasattr(c, a)]
            forms = [(f, kind, "PRE" if kind == "breakaway" else None)
                     for field, kind in _COUNTRY_FIELDS.items() if kind
                     for f in chk.strings(entry.get(field), f"{where}: {field}")]
            self.display[code] = forms[0][0] if entry.get("names") else (official or [code])[0]
            forms += [(f, "name", None) for f in official]
            seats = entry.get("metonyms") or []
            for item in seats if isinstance(seats, list) else [seats]:
                if isinstance(item, dict) and len(item) == 1:
                    (place, sec), = item.items()
                    forms.append((str(place), "metonym", chk.sector(sec, f"{where}: metonyms: {place}")))
                elif isinstance(item, str):
                    forms.append((item, "metonym", None))
                else:
                    chk.fail(f"{where}: metonyms", f"{item!r} is not a place nor a {{place: SECTOR}} pair")
            bodies = chk.mapping(entry.get("institutions"), f"{where}: institutions")
            known = {_key(f) for f, _, _ in forms} | {_key(b) for b in bodies}
            flags = {f: {_key(x) for x in chk.strings(entry.get(f), f"{where}: {f}")}
                     for f in ("ambiguous", "cased")}
            for field, keys in flags.items():
                if stray := keys - known:
                    chk.fail(f"{where}: {field}", f'"{sorted(stray)[0]}" is none of this entry\'s forms')
            for form, kind, sector in forms:
                m = CountryMatch(code, kind, sector, _key(form) in flags["ambiguous"])
                key = _key(form, keep_case=_key(form) in flags["cased"])
                chk.add(self.places, key, m, "code", f"{where}: {form}")
                if sector is not None and kind == "metonym":  # "the Kremlin said": an actor with a sector
                    self.orgs.setdefault(_key(form), OrgInfo(form, code, sector))
            for body, sec in bodies.items():
                info = OrgInfo(body, code, chk.sector(sec, f"{where}: institutions: {body}"))
                key = _key(body, keep_case=_key(body) in flags["cased"])
                chk.add(self.orgs, key, info, "code", f"{where}: institutions: {body}")
                if _key(body) in flags["ambiguous"]:
                    self.ambiguous_orgs.add(_key(body))

    def titles_file(self) -> None:
        chk = _Check("titles.yaml")
        data = chk.mapping(self.read(chk.file), "top level")
        ambiguous = {fold(a) for a in chk.strings(data.get("ambiguous"), "ambiguous")}

        def entry(pattern: str, title: str, sector: str) -> tuple[str, TitleMatch]:
            return pattern, TitleMatch(fold(title), sector, sector, 0, ambiguous=fold(pattern) in ambiguous)

        listed: list[tuple[str, TitleMatch]] = []
        for sector, entries in chk.mapping(data.get("titles"), "titles").items():
            chk.sector(sector, f"titles: {sector}")
            for title, more in chk.mapping(entries, f"titles: {sector}").items():
                patterns = [title, *chk.strings(more, f"titles: {sector}: {title}")]
                listed += [entry(p, title, sector) for p in patterns]
                self.title_names.add(fold(title))
        for pattern, t in listed:
            for v in _variants(pattern, plural=False):
                if (old := self.titles.setdefault(v, t)).title != t.title:
                    chk.fail(f'titles: "{t.title}"', f'"{pattern}" is already a pattern of "{old.title}"')
        port = chk.mapping(data.get("portfolios"), "portfolios")
        templates = chk.strings(port.get("templates"), "portfolios: templates")
        for subject, forms in chk.mapping(port.get("subjects"), "portfolios: subjects").items():
            self.title_names.add(fold(f"{subject} minister"))
            for form in chk.strings(forms, f"portfolios: subjects: {subject}"):
                listed += [entry(t.replace("{}", form), f"{subject} minister", "GOV") for t in templates]
        for pattern, t in listed:  # plurals and portfolio forms only fill gaps: listed patterns keep theirs
            for v in sorted(_variants(pattern, plural=True)):
                self.titles.setdefault(v, t)
        mods = chk.mapping(data.get("modifiers"), "modifiers")
        for side, table in self.mods.items():
            for pattern, raw in chk.mapping(mods.get(side), f"modifiers: {side}").items():
                f = chk.mapping(raw, f"modifiers: {side}: {pattern}")
                mod = (pattern.strip("-"), bool(f.get("former")), bool(f.get("future")))
                table.update(dict.fromkeys(_variants(pattern, plural=False), mod))
        phrases = {fold(p) for p, _ in listed}
        for sector, phrase in chk.grouped(data.get("groups"), "groups", SECTORS):
            phrases.add(fold(phrase))
            for v in _variants(phrase, plural=True):
                self.groups.setdefault(" ".join(v), (sector, fold(phrase) in ambiguous))
        if stray := ambiguous - phrases:
            chk.fail("ambiguous", f'"{sorted(stray)[0]}" is no listed title pattern nor group')
        for word, titles in chk.mapping(data.get("descriptions") or {}, "descriptions").items():
            named = chk.strings(titles, f"descriptions: {word}")
            if unknown := [t for t in named if fold(t) not in self.title_names]:
                chk.fail(f"descriptions: {word}", f'"{unknown[0]}" is no listed title')
            self.descriptions[fold(word)] = frozenset(fold(t) for t in named)

    def keywords_file(self) -> None:
        chk = _Check("org_keywords.yaml")
        data = chk.mapping(self.read(chk.file), "top level")
        ambiguous = {fold(a) for a in chk.strings(data.get("ambiguous"), "ambiguous")}
        names_only = {fold(a) for a in chk.strings(data.get("names_only"), "names_only")}
        listed = [(p, OrgKeyword(fold(p), s, fold(p) in ambiguous, fold(p) in names_only))
                  for s, p in chk.grouped(data.get("keywords"), "keywords", SECTORS)]
        for phrase, kw in listed:
            for v in _variants(phrase, plural=False):
                if (old := self.keywords.setdefault(v, kw)).sector != kw.sector:
                    chk.fail(f"keywords: {kw.sector}", f'"{phrase}" is already a {old.sector} keyword')
        if stray := ambiguous - {kw.keyword for _, kw in listed}:
            chk.fail("ambiguous", f'"{sorted(stray)[0]}" is not a listed keyword')
        if stray := names_only - {kw.keyword for _, kw in listed}:
            chk.fail("names_only", f'"{sorted(stray)[0]}" is not a listed keyword')
        for phrase, kw in listed:
            self.keywords.update({v: kw for v in _variants(phrase, plural=True) if v not in self.keywords})
        people = {v[0] for v in self.titles if len(v) == 1}  # "Protesters" heads no body's name
        self.heads = {fold(h) for h in chk.strings(data.get("heads"), "heads")}
        self.heads |= {k[-1] for k in self.keywords if k[-1].isalpha() and k[-1] not in people}
        for code, phrase in chk.grouped(data.get("bodies"), "bodies", PLOVER_CODES - {"KOS"}):
            self.bodies.update(dict.fromkeys(_variants(phrase, plural=False), code))

    def words_file(self) -> None:
        chk = _Check("non_actor_words.yaml")
        data = chk.mapping(self.read(chk.file), "top level")
        for field in ("words", "credits", "vague_groups", "place_heads", "act_heads"):
            self.words[field] = frozenset(_key(w) for w in chk.strings(data.get(field), field))
        self.prefixes = tuple(fold(p) for p in chk.strings(data.get("prefixes"), "prefixes"))


@dataclass(frozen=True)
class Gazetteer:
    """Read-only lookups over the actor data; get one from :func:`load_gazetteer`."""

    tables: _Tables

    # --- countries ---
    def country_match(self, text: str) -> CountryMatch | None:
        """The country a name, adjective, demonym, capital or seat of power stands for; a part of a
        country named by a compass word ("South Lebanon", "northern Iraq") is a region of it."""
        found = _lookup(self.tables.places, text)
        if found is None:
            words = fold(text).split()
            if len(words) > 1 and words[0].strip("-") in _COMPASS:
                rest = _lookup(self.tables.places, " ".join(words[1:]))
                if rest is not None and rest.kind == "name":
                    return replace(rest, kind="region")
        return found

    def country_of(self, text: str, *, strict: bool = False) -> str | None:
        """"Serbian" -> SRB, "the Kremlin" -> RUS; ``strict`` refuses ambiguous words ("Jordan")."""
        m = self.country_match(text)
        return None if m is None or (strict and m.ambiguous) else m.code

    def country_name(self, code: str) -> str | None:
        """The name kronika prints for a country code ("RUS" -> "Russia"); None for EUR, IGO..."""
        return self.tables.display.get(code)

    def is_country_name(self, text: str) -> bool:
        m = self.country_match(text)
        return m is not None and m.kind == "name"

    def is_place(self, text: str) -> bool:
        """A capital, seat, region or breakaway entity: a place in the country, not the country."""
        m = self.country_match(text)
        return m is not None and m.kind in ("metonym", "region", "breakaway")

    def is_ambiguous(self, text: str) -> bool:
        """A country word or organisation alias that is also a common word or a person's name."""
        m = self.country_match(text)
        return (m is not None and m.ambiguous) or _key(text) in self.tables.ambiguous_orgs

    # --- organisations ---
    def organisation(self, text: str) -> OrgInfo | None:
        """A listed body by name or alias; seats with a sector count too ("Kremlin" -> RUS, GOV)."""
        return _lookup(self.tables.orgs, text)

    def organisations_described_as(self, text: str) -> tuple[OrgInfo, ...]:
        """Bodies a description may refer back to ("the bloc": EU, EAEU); never enough alone."""
        return self.tables.described.get(_key(text), ())

    def org_keyword(self, name: str) -> OrgKeyword | None:
        """The keyword giving an unlisted body its sector: the longest, an unambiguous one, the nearest
        the head noun (the last word before "of", "for" or "on")."""
        return _org_keyword(self.tables, name)

    def org_sector(self, name: str) -> str | None:
        kw = self.org_keyword(name)
        return kw.sector if kw is not None else None

    def noun_sector(self, noun: str) -> str | None:
        """The sector a common noun gives by an organisation keyword ("the ministry" GOV), leaving out
        keywords that only tell names apart ("the Washington Post" is media, "an army post" is not)."""
        kw = self.org_keyword(noun)
        return kw.sector if kw is not None and not kw.names_only else None

    def is_org_head(self, word: str) -> bool:
        """A noun that heads organisation names ("Ministry", "Centre", "Police")."""
        return fold(word) in self.tables.heads

    def body_kind(self, text: str) -> str | None:
        """The code a description of a body gives it: "an NGO that ..." -> NGO, "a UN agency" -> UNO."""
        found = list(_scan(self.tables.bodies, _tokens(text)))
        return max(found, key=lambda f: f[0])[2] if found else None

    # --- titles ---
    def may_describe(self, description: str, title: str) -> bool:
        """Whether a bare description ("the minister", "the envoy") may refer back to a person with this
        title: the title ends in the description's word and is no rank below or beside it ("foreign
        minister", not "prime minister" or "deputy minister"), or the titles file lists it."""
        d, t = fold(description), fold(title)
        if t in self.tables.descriptions.get(d, ()):
            return True
        words = t.split()
        return " " not in d and len(words) > 1 and words[-1] == d and words[0] not in _RANKS_BESIDE

    def could_end_title(self, word: str) -> bool:
        """Whether a word is the last word of some title ("minister", "chief"): a cheap test before
        the full title search, which most nouns of an article would fail."""
        ends = _ENDS.get(id(self.tables.titles))
        if ends is None:
            ends = _ENDS[id(self.tables.titles)] = frozenset(k[-1] for k in self.tables.titles if k)
        toks = _token_tuple(word)
        return bool(toks) and toks[-1] in ends

    def _title_starts(self) -> frozenset[str]:
        """First words of titles and of prefix modifiers: a title match can begin with no other."""
        starts = _STARTS.get(id(self.tables.titles))
        if starts is None:
            keys = [*self.tables.titles, *self.tables.mods["prefix"]]
            starts = _STARTS[id(self.tables.titles)] = frozenset(k[0] for k in keys if k)
        return starts

    def title_at(self, tokens: list[str], i: int) -> TitleMatch | None:
        """The longest title starting at ``tokens[i]``, with modifiers ("former", "-elect") around it."""
        window = tuple(tokens[i:i + 16])
        first = next((t for tok in window for t in _token_tuple(tok)), None)
        if first not in self._title_starts():
            return None  # the common case: no title nor modifier starts with this word
        return _title_at(self.tables, window)

    def title_sector(self, title_text: str) -> str | None:
        """The sector of the longest title in a phrase; between equals, the rightmost (the head noun)."""
        toks = _tokens(title_text)
        found = [(m.length, k, m) for k in range(len(toks)) if (m := self.title_at(toks, k)) is not None]
        return max(found, key=lambda f: (f[0], f[1]))[2].sector if found else None

    def group_sector(self, word: str) -> str | None:
        """The sector of a collective or role noun ("troops" MIL, "protester" CVL); None if ambiguous."""
        return _group_sector(self.tables, word)

    # --- words that are not actors ---
    def is_non_actor(self, text: str) -> bool:
        """Days, months, page furniture and photo credits ("AP Photo/..."); bare agency names are not."""
        return _key(text) in self.tables.words["words"] or fold(text).startswith(self.tables.prefixes)

    def is_credit(self, text: str) -> bool:
        """A news agency or photo service, to drop where it is a byline, dateline or credit."""
        return _key(text) in self.tables.words["credits"]

    def is_place_name(self, text: str) -> bool:
        """"Sukhbaatar Square", "Bole Airport": a name whose last word makes it a place."""
        words = text.split()
        return len(words) > 1 and _key(words[-1]) in self.tables.words["place_heads"]

    def is_act_head(self, word: str) -> bool:
        """"response" of "a military response": a noun that names an act, so that a group modifying it
        ("military", "police") makes no actor of it."""
        return _key(word) in self.tables.words["act_heads"]

    def is_vague_group(self, text: str) -> bool:
        """"the West", "the international community": groupings that PLOVER gives no code."""
        return _key(text) in self.tables.words["vague_groups"]


@functools.lru_cache(maxsize=16384)
def _title_at(tables: _Tables, window: tuple[str, ...]) -> TitleMatch | None:
    # Cached: a name's title phrase is read again for each of its mentions and descriptions.
    pieces: list[str] = []
    owner: list[int] = []  # the input token each piece comes from ("ex-president" gives three)
    for k, tok in enumerate(window):
        for p in _token_tuple(tok):
            pieces.append(p)
            owner.append(k)
    best: tuple[tuple[int, int], TitleMatch, list[_Mod]] | None = None
    suffixes = tables.mods["suffix"]

    def search(p: int, mods: list[_Mod]) -> None:
        nonlocal best
        for n, _, t in _scan(tables.titles, pieces, start=p):
            after = _scan(suffixes, pieces, p + n)
            ends = [(p + n, mods), *((p + n + m, [*mods, x]) for m, _, x in after)]
            for end, ms in ends:
                rank = (owner[end - 1] + 1, -len(ms))
                whole = end == len(pieces) or owner[end] != owner[end - 1]  # no token cut in two
                if whole and (best is None or rank > best[0]):
                    best = (rank, t, ms)
        if len(mods) < 3 and p < len(pieces):
            for n, _, mod in _scan(tables.mods["prefix"], pieces, start=p):
                search(p + n, [*mods, mod])

    search(0, [])
    if best is None:
        return None
    (length, _), t, mods = best
    former = any(m[1] for m in mods)
    return replace(t, sector="ELI" if former else t.sector, length=length, former=former,
                   future=any(m[2] for m in mods), qualifiers=tuple(m[0] for m in mods))


@functools.lru_cache(maxsize=16384)
def _org_keyword(tables: _Tables, name: str) -> OrgKeyword | None:
    # Cached: the same nouns and names are asked about sentence after sentence.
    toks = _tokens(name)
    head = next((k for k, t in enumerate(toks) if k and t in ("of", "for", "on")), len(toks))
    found = [(n, not kw.ambiguous, -abs(k + n - head), kw)
             for n, k, kw in _scan(tables.keywords, toks)]
    return max(found, key=lambda f: f[:3])[3] if found else None


@functools.lru_cache(maxsize=16384)
def _group_sector(tables: _Tables, word: str) -> str | None:
    # Cached like _org_keyword.
    hit = tables.groups.get(fold(word))
    if hit is None and (t := tables.titles.get(tuple(_tokens(word)))) is not None:
        hit = (t.sector, t.ambiguous)
    return hit[0] if hit is not None and not hit[1] else None


@functools.lru_cache(maxsize=8)
def load_gazetteer(directory: Path | str | None = None) -> Gazetteer:
    """Read and check the five data files (the packaged ones unless ``directory`` is given), once."""
    tables = _Tables("kronika.actors" if directory is None else Path(directory))
    tables.organisations()
    tables.countries()  # after organisations: its institutions and seats join the same index
    tables.titles_file()
    tables.keywords_file()  # after titles: person nouns are kept out of organisation heads
    tables.words_file()
    return Gazetteer(tables)
