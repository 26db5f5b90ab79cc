"""Lines that date an article, and the outlet they often name.

Users save articles with the page's loose lines: ``June 11, 2024``, ``Published: 11.06.2024 10:03``,
``Lake Press, June 11, 2024``, ``Associated Press (via tribtown.com), February 26, 2021``, ``June 13,
2016 | Lake Press``, ``Xinhua | Updated: 2016-06-13 10:03``; and wires open the story with a dateline,
``MOSCOW, June 13, 2016 (Reuters) -``. A line is a date line when, besides the date, its label, times,
zones and weekdays, what it holds is a few capitalised words (``NEWS``) or an outlet's name: capitalised
words with the small words of names (of, the, de...), a domain, a bracketed credit. A sentence that
mentions a date is not one: its other words are not names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika import datafiles
from kronika.datafiles import WORDS, Record, Schema

from .dates import _TIME, PartialDate, find_date

MAX_CHARS = 160  # a date line with an outlet's long name; longer is a sentence

LABEL = re.compile(
    r"^(?P<label>(?:first |originally )?(?:published|posted|updated|last updated|last modified|modified"
    r"|date[ds]?"
    r"|released|issued)(?:\s+(?:on|at))?)\b\s*:?",
    re.I,
)
_LABEL_WORDS = {"on", "at", "in", "the", "of", "and", "|"}
# Where a line's parts meet: "Outlet | date", "date — Outlet", "date / time / Outlet".
_PARTS = re.compile(r"\s+[|·•▪■●◆/–—-]\s+")
_EDGES = " ,;:|/·•▪■●◆-–—."
# "(GMT+3)" once the zone is gone, "(Nouméa time)"
_EMPTY_BRACKETS = re.compile(
    r"\(\s*(?:(?:first |last )?(?:updated|published|posted|modified)(?: at)?)?\s*\)"
    r"|\(\s*(?:local|[A-Z][\w\s]{0,20}) time\s*\)", re.I)
# "From our Cairo bureau", "Filed from Athens and Ankara": where the story was written, no outlet
_FILED_FROM = re.compile(r"^(?:filed |reporting |written )?from (?:our )?[\w\s'’&-]{2,40}$", re.I)
_BY_PIECE = re.compile(r"^(?:(?:reporting|written|words|text|story|photos?)\s+)?by\s", re.I)
_CONNECTORS = {"on", "at"}  # "Published by Outlet on 16 May 2024 at 18:05"
# The small words of outlets' names, and what follows a name to credit a wire ("with AFP").
_NAME_WORDS = {
    "of", "the", "and", "de", "del", "della", "des", "du", "di", "da", "la", "le", "el", "al", "van", "von",
    "für", "y", "e", "i", "for", "via", "with", "news", "agency", "agencies", "staff", "&", "+", "do", "dos",
    "das", "der", "den", "het", "en", "ul", "ad", "an",
}  # fmt: skip
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_CREDIT_TAIL = re.compile(r"\s+(?:via|with|and news agenc\w*|and agencies|staff|reporters?)\b.*$", re.I)
_SECTIONS = {
    "news", "latest", "politics", "world", "business", "economy", "opinion", "analysis", "europe", "region",
    "local", "national", "international", "breaking", "live", "video", "society", "culture", "sport",
    "sports", "science", "health", "technology", "tech", "environment", "home", "update", "updated",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateLine:
    date: PartialDate
    label: str  # "published" | "updated" | "" (no label)
    outlet: str | None  # the outlet the line names, if it names one
    place: str | None = None  # the city of a wire-style line, "Chennai, 2 April 2025 (Outlet)"


_OUTLETS = Schema(1, Record({"name_words": WORDS}))


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Last words of outlets' names (``ingest/data/outlets.yaml``)."""
    data = datafiles.load("kronika.ingest", "outlets.yaml", _OUTLETS)
    return frozenset(w.casefold() for w in data["name_words"])


def outlet_in_byline(names: str) -> tuple[str, str | None]:
    """Split "Jane Doe and John Roe, Central American Wire" into the authors and the outlet: a last
    comma part whose last word is an outlet's ("Wire", "Observer") is the outlet."""
    head, sep, last = names.rpartition(",")
    words = last.split()
    if sep and head.strip() and words and words[-1].casefold().strip(".") in outlet_words():
        return head.strip(" ,"), " ".join(words)
    return names, None


def date_line(plain: str) -> DateLine | None:
    """The date (and outlet) of a line that only dates the article; None for any other line."""
    found = _date_line(plain)
    if found is not None and (filed := filed_from(plain)) is not None:  # said in words, it is said for sure
        return DateLine(found.date, found.label, found.outlet, filed)
    return found


def _date_line(plain: str) -> DateLine | None:
    if len(plain) > MAX_CHARS:
        return None
    found = find_date(plain)
    if found is None:
        return None
    date, start, end = found
    pieces, label = _pieces(plain, start, end)
    wire = _wire_credit(plain, pieces, end)
    if wire is not None:
        return DateLine(date, label, wire[1], wire[0])
    words = [w for p in pieces for w in p.split()]
    # "Riga, 30 October 2024 | Daugava Daily": the piece named like an outlet over the city before it
    outlet_named = next((o for p in pieces if (o := _outlet(p)) and o.split()[-1].casefold() in outlet_words()), None)
    if len(words) <= 3 and all(w[:1].isupper() or w.lower() in _LABEL_WORDS for w in words):
        # A few capitalised words: a section ("NEWS"), or a short outlet ("Lake Press").
        outlet = outlet_named or next((o for p in pieces if (o := _outlet(p))), None)
        return DateLine(date, label, outlet, _place(pieces, outlet))
    if len(words) > 16:
        return None
    outlet = None
    for piece in pieces:
        if _BY_PIECE.match(piece):
            # "Published ... by Lake Press" or "by Jane Doe": a name, but whose? Only a last part
            # named like an outlet ("by Jane Doe, Central American Wire") says.
            named = outlet_in_byline(piece)[1]
            if named is None and label and "," not in piece and piece.split()[-1].casefold() in outlet_words():
                named = piece.split(None, 1)[1]  # "Published by Drina Review on 16 May 2024"
            outlet = outlet or named
            continue
        if not _is_name(piece):
            return None
        outlet = outlet or _outlet(piece)
    return DateLine(date, label, outlet_named or outlet, _place(pieces, outlet_named or outlet))


# "Filed from Windhoek at 11:40", "dispatch from Ashgabat", "Dateline Moroni": the city named as where
# the story was filed
_FILED_CITY = re.compile(r"(?:\b(?:[Ff]iled|[Dd]ispatch|[Rr]eporting|[Ww]riting) from|\bDateline:?)\s+"
                         r"(?P<city>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|of|el|la))*)")


def filed_from(plain: str) -> str | None:
    """The city a header line says the story was filed from, in words ("dispatch from Ashgabat")."""
    m = _FILED_CITY.search(plain)
    if m is None:
        return None
    words = m.group("city").split()
    while words and words[-1][:1].islower():
        words.pop()  # "Port of Spain" keeps its "of", "Ashgabat at" has none
    return " ".join(words[:4]).rstrip(".,") or None


def _place(pieces: list[str], outlet: str | None) -> str | None:
    """The city a date line names beside its outlet, where the story was filed ("Lake Daily, Port Ellis —
    2 May 2025", "NOUAKCHOTT | Lake Daily | ..."): a short capitalised part that is neither the outlet, nor
    a section, nor a byline."""
    if outlet is None:
        return None
    for piece in pieces:
        if _BY_PIECE.match(piece) or LABEL.match(piece):
            continue
        parts = piece.split(",")
        for i, part in enumerate(parts):
            part = re.split(r"\s*[/–]\s*", part.strip(_EDGES))[0]
            words = part.split()
            if not words or outlet.casefold() in part.casefold() or len(words) > 3 \
                    or not all(w[:1].isupper() for w in words) or words[-1].casefold() in outlet_words() \
                    or part.casefold() in _SECTIONS:
                continue
            # ("San José, Costa Rica": the country written after the city stays with it, to tell namesakes apart)
            place = ", ".join([part, *(p.strip(_EDGES) for p in parts[i + 1:] if p.strip(_EDGES))])
            return place.title() if place.isupper() else place
    return None


def _pieces(plain: str, start: int, end: int) -> tuple[list[str], str]:
    """What the line says besides its date and its label, in parts; and the label."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in _PARTS.finditer(plain):
        parts.append((pos, plain[pos:m.start()]))
        pos = m.end()
    parts.append((pos, plain[pos:]))
    pieces: list[str] = []
    label = ""
    for offset, part in parts:
        if not offset <= start < offset + len(part):
            pieces.append(part)
            continue
        a, b = start - offset, end - offset
        before = part[:a]
        labelled = LABEL.match(before)
        if labelled:
            label = "updated" if re.search(r"updated|modified", labelled.group("label"), re.I) else "published"
            before = before[labelled.end():]
        pieces += [before, part[b:]]
    cleaned = [_unbracketed(_trim(" ".join(_EMPTY_BRACKETS.sub(" ", _TIME.sub(" ", p)).split()).strip(_EDGES)))
               for p in pieces]
    # ("Wednesday 27 March 2024, updated 17:40": a label left alone once its time is gone says nothing more)
    return [p for p in cleaned if p and not _FILED_FROM.match(p) and not _only_label(p)], label


def _only_label(piece: str) -> bool:
    found = LABEL.match(piece)
    return found is not None and not piece[found.end():].strip(_EDGES)


def _unbracketed(piece: str) -> str:
    """A piece without the half of a bracket the date sat in ("ANTANANARIVO (22/11/2024)")."""
    if piece.count("(") > piece.count(")"):
        piece = piece[::-1].replace("(", "", piece.count("(") - piece.count(")"))[::-1]
    elif piece.count(")") > piece.count("("):
        piece = piece.replace(")", "", piece.count(")") - piece.count("("))
    return piece.strip(_EDGES)


def _trim(piece: str) -> str:
    """Drop the small words that joined a piece to the date or time ("... on", "at")."""
    words = piece.split()
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    return " ".join(words).strip(_EDGES)


def _wire_credit(plain: str, pieces: list[str], end: int) -> tuple[str, str] | None:
    """(place, outlet) of a wire-style line: a place, the date, then the outlet in brackets and
    nothing else, "Chennai, 2 April 2025 (Bay of Bengal Bulletin)" or "ADEN, Oct 28, 2025 (Wire) —".
    A bracket before the date credits someone else ("Outlet (via site.com), June 1, 2024")."""
    match = re.fullmatch(r"\s*\((?P<outlet>[^()]{2,60})\)[\s" + re.escape(_EDGES) + r"]*", plain[end:])
    if not match or len(pieces) != 2:
        return None
    place, outlet = pieces[0], match.group("outlet").strip()
    if not _is_name(place) or len(place.split()) > 4 or not _is_name(outlet):
        return None
    return place.split(",")[0].strip().title() if place.isupper() else place.split(",")[0].strip(), outlet


def _is_name(piece: str) -> bool:
    """Capitalised words with the small words of names, domains and bracketed credits, and not many."""
    words = [w for w in re.split(r"[\s,()]+", piece) if w]
    if not words or len(words) > 12:
        return False
    named = [w for w in words if w[:1].isupper() or w[:1].isdigit() or _DOMAIN.match(w)]
    return bool(named) and all(w in named or w.lower() in _NAME_WORDS for w in words)


def _outlet(piece: str) -> str | None:
    """The outlet a name-like piece gives: its first name, without the bracketed credit or the wire
    that follows ("Associated Press (via tribtown.com)" → "Associated Press"); a section is none."""
    if piece.lower().startswith("by ") or not _is_name(piece) or LABEL.match(piece):
        return None  # ("Published 3 June | Updated 4 June": the second date is no outlet)
    name = re.sub(r"\([^()]*\)", " ", piece).split(",")[0]
    name = " ".join(_CREDIT_TAIL.sub("", name).split()).strip(_EDGES)
    if not name or not any(w[:1].isupper() for w in name.split()):
        return None
    if " " not in name and (name.casefold() in _SECTIONS or (name.isupper() and len(name) > 4)):
        return None
    if name.isupper() and " " in name:
        # "LAKE HERALD" is Lake Herald; "PORT ELLIS", in a wire's capitals, is the city the story is filed from
        if name.split()[-1].casefold() not in outlet_words():
            return None
        name = " ".join(w.capitalize() if len(w) > 3 else w for w in name.split())
    return name


# The wire's dateline at the start of the story: "BELGRADE –", "MOSCOW, June 13, 2016 (Reuters) -",
# "Nairobi (Reuters) -", "WASHINGTON (AP) —"; "--" is how plain text writes a dash.
_DASH = r"\s*(?:--|[-–—:])\s"
# ("KAMPALA, 3 March 2025 /Great Lakes Wire/ -", "FREETOWN (Mano River Post), 7 May 2025 —": the date
# day first, the agency before it or between slashes)
# ("KUWAIT CITY (Wire) Tue May 27, 2025 –", "ABIDJAN (Wire) 21/08/2025 —": a weekday before it, or in figures)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATE = (r"[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:,?\s*\d{4})?"
         r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}")
_MONTH_DAY = rf"{_WEEKDAY}(?P<md>{_DATE})"
# ("LOMÉ (Wire) — 27 November 2025 — ...": the date between two dashes)
_DATE_AFTER = rf"(?:{_WEEKDAY}(?P<md2>{_DATE}){_DASH})?"
_AGENCY_BEFORE = r"(?:\s*\((?P<agency0>[^()]{1,30})\))?"
_AGENCY_AFTER = r"(?:,?\s*(?:\((?P<agency>[^()]{1,30})\)|/(?P<agency2>[^/\s][^/]{0,29})/))?"
_CAPS = "A-ZÀ-ÖØ-Þ"  # capitals, accented too ("ASUNCIÓN", "SÃO TOMÉ")
CAPS_DATELINE = re.compile(
    rf"^(?P<city>[{_CAPS}][{_CAPS}.'’-]+(?:[ /][{_CAPS}][{_CAPS}.'’-]+){{0,3}})"
    r"(?:,\s*[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})?"
    + _AGENCY_BEFORE + r"(?:,?\s+" + _MONTH_DAY + r")?" + _AGENCY_AFTER + _DASH + _DATE_AFTER
)
AGENCY_DATELINE = re.compile(
    r"^(?P<city>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}),?(?:\s+" + _MONTH_DAY + r",?)?"
    r"\s*\((?P<agency>[^()]{1,30})\)" + _DASH + _DATE_AFTER
)


def dateline_agency(match: re.Match[str]) -> str | None:
    """The agency a dateline credits, wherever it stands."""
    found = match.groupdict()
    return found.get("agency0") or found.get("agency") or found.get("agency2")


def dateline_date(match: re.Match[str]) -> PartialDate | None:
    """The date a dateline gives, when it gives the year ("June 13, 2016"); "June 13" alone is no date."""
    month_day = match.group("md") or match.groupdict().get("md2")
    found = find_date(month_day) if month_day else None
    return found[0] if found else None
