"""Countries, organisations, titles and non-actor words, read once from the YAML files in ``data/``.

The lists are data so that a reviewer can check and extend them without reading code. Every lookup
folds case and diacritics ("Priština" = "Pristina"), because news spells names every way. Country
codes are checked against ``pycountry`` when the files load, so a typo fails loudly at start-up
instead of producing records with codes no one can join on.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NoReturn, TypeVar

import pycountry
import yaml

from kronika.errors import ConfigError

__all__ = ["PLOVER_CODES", "SECTORS", "CountryMatch", "Gazetteer", "OrgInfo", "OrgKeyword", "TitleMatch",
           "fold", "load_gazetteer"]

PLOVER_CODES = frozenset({"KOS", "EUR", "UNO", "IGO", "NGO", "MNC", "ISM", "IMG"})
SECTORS = frozenset("GOV MIL SPY COP JUD LEG PTY PRM REB UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF "
                    "OPP PRE REL SOC".split())
_COUNTRY_FIELDS = frozenset({"names", "adjectives", "demonyms", "metonyms", "institutions", "regions",
                             "breakaway", "ambiguous", "cased"})
_ORG_FIELDS = frozenset({"name", "code", "sector", "aliases", "descriptions", "cased", "ambiguous"})
_CHARS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "’": "'",
                        "‘": "'", "ʼ": "'", "`": "'", "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                        "‐": "-", "‑": "-", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s?$")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_V = TypeVar("_V")


def fold(text: str, *, keep_case: bool = False) -> str:
    """Strip diacritics, unify apostrophes, dashes and spaces, and lowercase unless ``keep_case``."""
    s = unicodedata.normalize("NFKD", text.translate(_CHARS))
    s = " ".join("".join(c for c in s if not unicodedata.combining(c)).split())
    return s if keep_case else s.lower()


def _key(text: str, *, keep_case: bool = False) -> str:
    """A name's lookup key: folded, without a leading "the", a trailing possessive or edge punctuation."""
    s = fold(text, keep_case=keep_case)
    if s[:4].lower() == "the ":
        s = s[4:]
    return _EDGE.sub("", _POSSESSIVE.sub("", s))


def _tokens(text: str) -> list[str]:
    """Folded tokens split the way spaCy splits them: hyphens and "'s" apart, "u.s." whole."""
    out = []
    for raw in re.findall(r"[\w.']+|[^\w\s]", re.sub(r"(?<=\w)'s\b", " 's", fold(text))):
        out.append(raw[:-1] if len(raw) > 1 and raw.endswith(".") and raw.count(".") == 1 else raw)
    return out


def _plural(word: str) -> str:
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u", ""):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")


def _variants(pattern: str, plural: bool) -> set[tuple[str, ...]]:
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


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """What a country word is: the code, how it names the country, and the sector a seat implies."""

    code: str
    kind: str  # name, adjective, demonym, metonym, region or breakaway
    sector: str | None = None  # {Pentagon: MIL}; PRE for breakaway regions
    ambiguous: bool = False  # also a common word or a person's name ("Jordan")


@dataclass(frozen=True, slots=True)
class OrgInfo:
    """A known body: international (EUR, UNO, IGO, NGO...) or a state's own (FSB -> RUS, SPY)."""

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
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class OrgKeyword:
    keyword: str
    sector: str
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class _Title:
    title: str
    sector: str
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class _Mod:
    name: str
    former: bool
    future: bool


@dataclass(frozen=True)
class Gazetteer:
    """Read-only lookups over the actor data; build it with :func:`load_gazetteer`."""

    places: Mapping[str, CountryMatch]
    cased_places: Mapping[str, CountryMatch]
    display_names: Mapping[str, str]
    orgs: Mapping[str, OrgInfo]
    cased_orgs: Mapping[str, OrgInfo]
    ambiguous_orgs: frozenset[str]
    described: Mapping[str, tuple[OrgInfo, ...]]
    titles: Mapping[tuple[str, ...], _Title]
    prefixes: Mapping[tuple[str, ...], _Mod]
    suffixes: Mapping[tuple[str, ...], _Mod]
    groups: Mapping[str, tuple[str, bool]]
    keywords: Mapping[tuple[str, ...], OrgKeyword]
    heads: frozenset[str]
    bodies: Mapping[tuple[str, ...], str]
    non_actors: frozenset[str]
    non_actor_prefixes: tuple[str, ...]
    credits: frozenset[str]
    vague: frozenset[str]

    # --- countries ---
    def country_match(self, text: str) -> CountryMatch | None:
        """The country a name, adjective, demonym, capital or seat of power stands for."""
        return self.cased_places.get(_key(text, keep_case=True)) or self.places.get(_key(text))

    def country_of(self, text: str, *, strict: bool = False) -> str | None:
        """"Serbian" -> SRB, "the Kremlin" -> RUS; ``strict`` refuses ambiguous words ("Jordan")."""
        m = self.country_match(text)
        return None if m is None or (strict and m.ambiguous) else m.code

    def country_name(self, code: str) -> str | None:
        """The name kronika prints for a country code ("RUS" -> "Russia"); None for EUR, IGO..."""
        return self.display_names.get(code)

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
        return (m is not None and m.ambiguous) or _key(text) in self.ambiguous_orgs

    def place_sector(self, text: str) -> str | None:
        m = self.country_match(text)
        return m.sector if m is not None else None

    # --- organisations ---
    def organisation(self, text: str) -> OrgInfo | None:
        return self.cased_orgs.get(_key(text, keep_case=True)) or self.orgs.get(_key(text))

    def organisations_described_as(self, text: str) -> tuple[OrgInfo, ...]:
        """Bodies a description may refer back to ("the bloc" -> EU, EAEU...); never resolve on it alone."""
        return self.described.get(_key(text), ())

    def org_keyword(self, name: str) -> OrgKeyword | None:
        """The keyword that gives an unlisted body its sector: longest wins, then nearest the head noun."""
        toks = _tokens(name)
        cut = next((k for k, t in enumerate(toks) if k and t in ("of", "for", "on")), len(toks))
        found = [(n, -abs(k + n - cut), kw) for k, n, kw in _scan(self.keywords, toks)]
        return max(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def org_sector(self, name: str) -> str | None:
        kw = self.org_keyword(name)
        return kw.sector if kw is not None else None

    def is_org_head(self, word: str) -> bool:
        """A noun that heads organisation names ("Ministry", "Centre", "Police")."""
        return fold(word) in self.heads

    def body_kind(self, text: str) -> str | None:
        """The code a description of a body gives it: "an NGO that ..." -> NGO, "a UN agency" -> UNO."""
        found = list(_scan(self.bodies, _tokens(text)))
        return max(found, key=lambda f: f[1])[2] if found else None

    # --- titles ---
    def title_at(self, tokens: list[str], i: int) -> TitleMatch | None:
        """The longest title starting at ``tokens[i]``, with modifiers ("former", "-elect") around it."""
        pieces: list[str] = []
        owner: list[int] = []
        for k, tok in enumerate(tokens[i:i + 16]):
            for p in _tokens(tok):
                pieces.append(p)
                owner.append(k)
        best: tuple[tuple[int, int], _Title, list[_Mod]] | None = None

        def ends_at(end: int) -> bool:
            return end == len(pieces) or owner[end] != owner[end - 1]

        def search(p: int, mods: list[_Mod]) -> None:
            nonlocal best
            for n, _, t in _scan(self.titles, pieces, start=p):
                ends = [(p + n, mods)] + [(p + n + m, [*mods, s]) for m, _, s in _scan(self.suffixes, pieces, p + n)]
                for end, ms in ends:
                    rank = (owner[end - 1] + 1, -len(ms))
                    if ends_at(end) and (best is None or rank > best[0]):
                        best = (rank, t, ms)
            if len(mods) < 3:
                for n, _, mod in _scan(self.prefixes, pieces, start=p):
                    search(p + n, [*mods, mod])

        search(0, [])
        if best is None:
            return None
        (length, _), t, mods = best
        former, future = any(m.former for m in mods), any(m.future for m in mods)
        return TitleMatch(title=t.title, sector="ELI" if former else t.sector, base_sector=t.sector,
                          length=length, qualifiers=tuple(m.name for m in mods), former=former,
                          future=future, ambiguous=t.ambiguous)

    def title_sector(self, title_text: str) -> str | None:
        """The sector of the longest title in a phrase; between equals, the rightmost (the head)."""
        toks = _tokens(title_text)
        found = [(m.length, k, m) for k in range(len(toks)) if (m := self.title_at(toks, k)) is not None]
        return max(found, key=lambda f: (f[0], f[1]))[2].sector if found else None

    def group_sector(self, word: str) -> str | None:
        """The sector of a collective or role noun ("troops" MIL, "protester" CVL); None when ambiguous."""
        hit = self.groups.get(fold(word))
        if hit is None:
            t = self.titles.get(tuple(_tokens(word)))
            hit = (t.sector, t.ambiguous) if t is not None else None
        return hit[0] if hit is not None and not hit[1] else None

    # --- words that are not actors ---
    def is_non_actor(self, text: str) -> bool:
        """Days, months, page furniture and photo credits ("AP Photo/..."); bare agency names are not."""
        return _key(text) in self.non_actors or fold(text).startswith(self.non_actor_prefixes)

    def is_credit(self, text: str) -> bool:
        """A news agency or photo service name, to drop where it is a byline or credit."""
        return _key(text) in self.credits

    def is_vague_group(self, text: str) -> bool:
        """"the West", "the international community": groupings that PLOVER gives no code."""
        return _key(text) in self.vague


def _scan(index: Mapping[tuple[str, ...], _V], toks: list[str], start: int | None = None
          ) -> Iterable[tuple[int, int, _V]]:
    """(length, start, value) for every key of ``index`` in ``toks`` (only at ``start`` if given)."""
    longest = max((len(k) for k in index), default=0)
    for k in range(len(toks)) if start is None else [start]:
        for n in range(1, min(longest, len(toks) - k) + 1):
            v = index.get(tuple(toks[k:k + n]))
            if v is not None:
                yield n, k, v


class _Check:
    """Schema checks that name the file and the entry in every error."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, reason: str) -> NoReturn:
        raise ConfigError(f"{self.file}: {where}: {reason}")

    def mapping(self, value: object, where: str) -> dict[str, object]:
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

    def add(self, index: dict[str, _V], key: str, value: _V, where: str, same: Callable[[_V], object]) -> None:
        old = index.setdefault(key, value)
        if same(old) != same(value):
            self.fail(where, f'"{key}" is already given to {same(old)}')


def _read(root: Traversable, name: str) -> object:
    try:
        return yaml.safe_load((root / name).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{name}: cannot be read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML: {exc}") from exc


def _read_mapping(root: Traversable, name: str) -> dict[str, object]:
    return _Check(name).mapping(_read(root, name), "top level")


def _countries(data: dict[str, object], orgs: dict[str, OrgInfo], cased_orgs: dict[str, OrgInfo],
               ambiguous_orgs: set[str]) -> tuple[dict[str, CountryMatch], dict[str, CountryMatch], dict[str, str]]:
    chk = _Check("countries.yaml")
    iso = {c.alpha_3: c for c in pycountry.countries}
    places: dict[str, CountryMatch] = {}
    cased: dict[str, CountryMatch] = {}
    display: dict[str, str] = {}
    for code in sorted(set(iso) | set(data)):
        where = f'entry "{code}"'
        if code not in iso and code != "KOS":
            chk.fail(where, f'"{code}" is not an ISO 3166 alpha-3 code in pycountry (nor KOS)')
        entry = chk.mapping(data.get(code, {}), where)
        if extra := set(entry) - _COUNTRY_FIELDS:
            chk.fail(where, f"unknown field {sorted(extra)[0]!r} (expected one of {sorted(_COUNTRY_FIELDS)})")
        c = iso.get(code)
        official = [getattr(c, a) for a in ("common_name", "name", "official_name") if c and hasattr(c, a)]
        forms: list[tuple[str, str, str | None]] = []
        for field, kind in (("names", "name"), ("adjectives", "adjective"), ("demonyms", "demonym"),
                            ("regions", "region"), ("breakaway", "breakaway")):
            sector = "PRE" if kind == "breakaway" else None
            forms += [(f, kind, sector) for f in chk.strings(entry.get(field), f"{where}: {field}")]
        forms += [(f, "name", None) for f in official]
        seats = entry.get("metonyms") or []
        if not isinstance(seats, list):
            chk.fail(f"{where}: metonyms", "expected a list")
        for item in seats:
            if isinstance(item, dict) and len(item) == 1:
                (place, sec), = item.items()
                forms.append((str(place), "metonym", chk.sector(sec, f"{where}: metonyms: {place}")))
            elif isinstance(item, str):
                forms.append((item, "metonym", None))
            else:
                chk.fail(f"{where}: metonyms", f"{item!r} is neither a place nor a one-key {{place: SECTOR}}")
        bodies = chk.mapping(entry.get("institutions") or {}, f"{where}: institutions")
        known = {_key(f) for f, _, _ in forms} | {_key(b) for b in bodies}
        flags = {}
        for field in ("ambiguous", "cased"):
            flags[field] = {_key(f) for f in chk.strings(entry.get(field), f"{where}: {field}")}
            if stray := flags[field] - known:
                chk.fail(f"{where}: {field}", f'"{sorted(stray)[0]}" is none of this entry\'s forms')
        names = [f for f, kind, _ in forms if kind == "name"]
        display[code] = names[0] if entry.get("names") else (official[0] if official else code)
        for form, kind, sector in forms:
            k = _key(form)
            m = CountryMatch(code, kind, sector, k in flags["ambiguous"])
            if k in flags["cased"]:
                cased.setdefault(_key(form, keep_case=True), m)
            else:
                chk.add(places, k, m, f"{where}: {form}", lambda v: v.code)
            if sector is not None and kind == "metonym":
                orgs.setdefault(k, OrgInfo(form, code, sector))
        for body, sec in bodies.items():
            info = OrgInfo(body, code, chk.sector(sec, f"{where}: institutions: {body}"))
            target = cased_orgs if _key(body) in flags["cased"] else orgs
            chk.add(target, _key(body, keep_case=target is cased_orgs), info, f"{where}: {body}", lambda v: v.code)
            if _key(body) in flags["ambiguous"]:
                ambiguous_orgs.add(_key(body))
    return places, cased, display


def _organisations(data: object) -> tuple[dict[str, OrgInfo], dict[str, OrgInfo], set[str],
                                          dict[str, tuple[OrgInfo, ...]]]:
    chk = _Check("organisations.yaml")
    if not isinstance(data, list):
        chk.fail("top level", "expected a list of bodies")
    codes = {c.alpha_3 for c in pycountry.countries} | PLOVER_CODES
    orgs: dict[str, OrgInfo] = {}
    cased: dict[str, OrgInfo] = {}
    ambiguous: set[str] = set()
    described: dict[str, tuple[OrgInfo, ...]] = {}
    for n, raw in enumerate(data, 1):
        entry = chk.mapping(raw, f"entry {n}")
        name = entry.get("name")
        where = f'entry {n} ("{name}")' if isinstance(name, str) else f"entry {n}"
        for field in ("name", "code"):
            if not isinstance(entry.get(field), str):
                chk.fail(where, f'missing field "{field}"')
        if extra := set(entry) - _ORG_FIELDS:
            chk.fail(where, f"unknown field {sorted(extra)[0]!r}")
        if entry["code"] not in codes:
            chk.fail(where, f'code "{entry["code"]}" is not an ISO 3166 alpha-3 code nor one of '
                            f'{", ".join(sorted(PLOVER_CODES))}')
        sector = chk.sector(entry["sector"], f"{where}: sector") if entry.get("sector") is not None else None
        aliases = chk.strings(entry.get("aliases"), f"{where}: aliases")
        descs = chk.strings(entry.get("descriptions"), f"{where}: descriptions")
        info = OrgInfo(str(name), str(entry["code"]), sector, tuple(aliases), tuple(descs))
        cased_keys = {_key(a) for a in chk.strings(entry.get("cased"), f"{where}: cased")}
        ambiguous |= {_key(a) for a in chk.strings(entry.get("ambiguous"), f"{where}: ambiguous")}
        for form in [str(name), *aliases]:
            if _key(form) in cased_keys:
                chk.add(cased, _key(form, keep_case=True), info, f"{where}: {form}", lambda v: v.name)
            else:
                chk.add(orgs, _key(form), info, f"{where}: {form}", lambda v: v.name)
        for d in descs:
            described[_key(d)] = (*described.get(_key(d), ()), info)
    return orgs, cased, ambiguous, described


def _sectored(chk: _Check, data: object, where: str) -> Iterable[tuple[str, str]]:
    """(sector, phrase) pairs from a {SECTOR: [phrase, ...]} mapping."""
    for sector, phrases in chk.mapping(data, where).items():
        for p in chk.strings(phrases, f"{where}: {chk.sector(sector, where)}"):
            yield sector, p


def _titles(data: dict[str, object]) -> tuple[dict[tuple[str, ...], _Title], dict[tuple[str, ...], _Mod],
                                              dict[tuple[str, ...], _Mod], dict[str, tuple[str, bool]]]:
    chk = _Check("titles.yaml")
    ambiguous = {fold(a) for a in chk.strings(data.get("ambiguous"), "ambiguous")}
    def entry(pattern: str, title: str, sector: str) -> tuple[str, _Title]:
        return pattern, _Title(fold(title), sector, fold(title) in ambiguous or fold(pattern) in ambiguous)

    listed: list[tuple[str, _Title]] = []
    for sector, entries in chk.mapping(data.get("titles"), "titles").items():
        chk.sector(sector, f"titles: {sector}")
        for title, patterns in chk.mapping(entries, f"titles: {sector}").items():
            listed += [entry(p, title, sector) for p in [title, *chk.strings(patterns, f"titles: {sector}: {title}")]]
    titles: dict[tuple[str, ...], _Title] = {}
    for pattern, t in listed:
        for v in _variants(pattern, plural=False):
            if (old := titles.setdefault(v, t)).title != t.title:
                chk.fail(f'titles: "{t.title}"', f'"{pattern}" is already a pattern of "{old.title}"')
    port = chk.mapping(data.get("portfolios"), "portfolios")
    templates = chk.strings(port.get("templates"), "portfolios: templates")
    for subject, forms in chk.mapping(port.get("subjects"), "portfolios: subjects").items():
        for form in chk.strings(forms, f"portfolios: subjects: {subject}"):
            listed += [entry(t.replace("{}", form), f"{subject} minister", "GOV") for t in templates]
    # Plurals and portfolio forms fill gaps only: a listed pattern always keeps its own title.
    for pattern, t in listed:
        for v in sorted(_variants(pattern, plural=True)):
            titles.setdefault(v, t)
    mods: list[dict[tuple[str, ...], _Mod]] = [{}, {}]
    for side, table in zip(("prefix", "suffix"), mods, strict=True):
        for pattern, flags in chk.mapping(chk.mapping(data.get("modifiers"), "modifiers").get(side),
                                          f"modifiers: {side}").items():
            f = chk.mapping(flags or {}, f"modifiers: {side}: {pattern}")
            mod = _Mod(pattern.strip("-"), bool(f.get("former")), bool(f.get("future")))
            for v in _variants(pattern, plural=False):
                table.setdefault(v, mod)
    groups: dict[str, tuple[str, bool]] = {}
    for sector, phrase in _sectored(chk, data.get("groups"), "groups"):
        for v in _variants(phrase, plural=True):
            groups.setdefault(" ".join(v), (sector, fold(phrase) in ambiguous))
    return titles, mods[0], mods[1], groups


def _keywords(data: dict[str, object], person_words: Iterable[tuple[str, ...]]
              ) -> tuple[dict[tuple[str, ...], OrgKeyword], frozenset[str], dict[tuple[str, ...], str]]:
    chk = _Check("org_keywords.yaml")
    ambiguous = {fold(a) for a in chk.strings(data.get("ambiguous"), "ambiguous")}
    keywords: dict[tuple[str, ...], OrgKeyword] = {}
    listed = [(p, OrgKeyword(fold(p), s, fold(p) in ambiguous)) for s, p in _sectored(chk, data.get("keywords"),
                                                                                     "keywords")]
    for phrase, kw in listed:
        for v in _variants(phrase, plural=False):
            if (old := keywords.setdefault(v, kw)).sector != kw.sector:
                chk.fail(f"keywords: {kw.sector}", f'"{phrase}" is already a {old.sector} keyword')
    for phrase, kw in listed:
        for v in _variants(phrase, plural=True):
            keywords.setdefault(v, kw)
    people = {v[0] for v in person_words if len(v) == 1}
    heads = {fold(h) for h in chk.strings(data.get("heads"), "heads")}
    heads |= {k[-1] for k in keywords if k[-1].isalpha() and k[-1] not in people}
    bodies = {v: code for code, p in _sectored_codes(chk, data.get("bodies")) for v in _variants(p, plural=False)}
    return keywords, frozenset(heads), bodies


def _sectored_codes(chk: _Check, data: object) -> Iterable[tuple[str, str]]:
    for code, phrases in chk.mapping(data, "bodies").items():
        if code not in PLOVER_CODES - {"KOS"}:
            chk.fail(f"bodies: {code}", f"not one of {', '.join(sorted(PLOVER_CODES - {'KOS'}))}")
        yield from ((code, p) for p in chk.strings(phrases, f"bodies: {code}"))


@functools.lru_cache(maxsize=8)
def load_gazetteer(directory: Path | str | None = None) -> Gazetteer:
    """Read and check the five data files (the packaged ones unless ``directory`` is given), once."""
    root: Traversable = resources.files("kronika.actors") / "data" if directory is None else Path(directory)
    orgs, cased_orgs, ambiguous_orgs, described = _organisations(_read(root, "organisations.yaml"))
    places, cased_places, display = _countries(_read_mapping(root, "countries.yaml"), orgs, cased_orgs,
                                               ambiguous_orgs)
    titles, prefixes, suffixes, groups = _titles(_read_mapping(root, "titles.yaml"))
    keywords, heads, bodies = _keywords(_read_mapping(root, "org_keywords.yaml"), titles)
    words = _read_mapping(root, "non_actor_words.yaml")
    chk = _Check("non_actor_words.yaml")

    def keys(field: str) -> frozenset[str]:
        return frozenset(_key(w) for w in chk.strings(words.get(field), field))

    return Gazetteer(
        places=places, cased_places=cased_places, display_names=display, orgs=orgs, cased_orgs=cased_orgs,
        ambiguous_orgs=frozenset(ambiguous_orgs), described=described, titles=titles, prefixes=prefixes,
        suffixes=suffixes, groups=groups, keywords=keywords, heads=heads, bodies=bodies,
        non_actors=keys("words"), non_actor_prefixes=tuple(fold(p) for p in chk.strings(words.get("prefixes"),
                                                                                         "prefixes")),
        credits=keys("credits"), vague=keys("vague_groups"))

