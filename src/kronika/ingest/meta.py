"""Find an article's title, publication date, outlet, byline, URL and dateline in its own text.

Scraped articles carry their metadata as loose lines around the body: a headline, ``By [Agency](#)``,
``NEWS 12.03.2024 09:15``, ``Copyright 2024 The Alpine Gazette``, ``(Jane Doe | Outlet.example)``,
``Original url: <https://.../2024/03/12/...>``, ``VIENNA –``. Only lines that stand for metadata
count: a date inside a sentence or a photo caption dates something else, so it never becomes the
publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from kronika.lang.en import fold

from . import boilerplate as bp
from .date_lines import AGENCY_DATELINE, CAPS_DATELINE, LABEL, date_line, dateline_agency, dateline_date, filed_from
from .dates import PartialDate, copyright_year, date_in_url, find_date
from .lines import Line

TITLE = "title"
DATE = "date"

HEADER_LINES = 15  # metadata lines sit above the body, within the first lines
BODY_WORDS = 12  # a line this long (that is not the title) starts the body
TITLE_MAX_CHARS = 300
TITLE_MAX_WORDS = 40

_READ_MORE_WITH = re.compile(r"^read more (?:with|at|on|from) (?P<name>.{2,40}?)[.!]?$", re.I)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright\b\s*)?(?:©|\(c\))?\s*(?:(?:18|19|20|21)\d\d(?:\s*[-–]\s*(?:18|19|20|21)\d\d)?)?\s*,?\s*"
    r"(?P<holder>[^.|]*?)\s*(?:\.|\||$)",
    re.I,
)
_DOMAIN_NAME = re.compile(r"^(?P<name>[A-Za-z][\w-]*)\.(?:[a-z]{2,3}|com|net|org|info|news|media|online)$")
_NOT_PLACES = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "WATCH", "VIDEO",
    "PHOTOS", "LIVE", "FACTBOX", "EXPLAINER", "INTERVIEW", "COMMENT", "FILE", "NEWS", "CORRECTION", "NOTE",
    "REVIEW", "FEATURE", "URGENT", "FLASH", "ALERT", "WARNING", "PHOTO", "Q", "A",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata read from the text, and the kind of every line once title and date lines are known."""

    kinds: tuple[str, ...]
    title: str | None
    published: PartialDate | None
    outlet: str | None
    author: str | None
    url: str | None
    dateline: str | None


def looks_like_title(line: Line) -> bool:
    """A headline is short and not a sentence of the body (those end with a full stop)."""
    text = line.plain
    if len(text) > TITLE_MAX_CHARS or line.words > TITLE_MAX_WORDS:
        return False
    last = text.split()[-1]
    # "U.S." or "Inc." may end a headline; a lowercase word and a full stop end a sentence.
    return not (text.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", last))


def _pick_title(lines: Sequence[Line], kinds: list[str], known: str | None) -> int | None:
    """Index of the title line: the metadata title where the text repeats it, else a heading or line 1."""
    candidates = [i for i, k in enumerate(kinds[: HEADER_LINES + 5]) if k == bp.BODY]
    if known is not None:
        # the headline as a reader compares it: case, accents, quotes and spacing ignored
        return next((i for i in candidates if fold(lines[i].plain) == fold(known)), None)
    headings = [i for i in candidates[:5] if lines[i].heading == 1]
    if headings:
        return headings[0]
    candidates = [i for i in candidates if date_line(lines[i].plain) is None]
    if len(candidates) > 1 and lines[candidates[0]].words == 1 and looks_like_title(lines[candidates[1]]):
        candidates.pop(0)  # a section label ("Politics") above the headline
    if candidates and looks_like_title(lines[candidates[0]]):
        return candidates[0]
    return None


def _header_end(lines: Sequence[Line], kinds: list[str]) -> int:
    """Index of the first body line: metadata lines come before it."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        # A long date line ("Outlet staff | City, Country | March 7, 2025") is still a header line.
        if kinds[i] == bp.BODY and line.words >= BODY_WORDS and date_line(line.plain) is None \
                and _loose_date_line(line.plain) is None:
            return i
    return min(len(lines), HEADER_LINES)


def _dates(
    lines: Sequence[Line], kinds: list[str], header_end: int
) -> tuple[PartialDate | None, str | None, str | None]:
    """Mark date lines and choose the publication date among them; and the first outlet and place
    they name."""
    published: list[PartialDate] = []
    plain: list[PartialDate] = []
    updated: list[PartialDate] = []
    outlets: list[str] = []
    places: list[str] = []
    loose: list[PartialDate] = []
    for i, line in enumerate(lines):
        if kinds[i] not in (bp.BODY, bp.BYLINE):
            continue
        in_header = i < header_end
        if in_header and kinds[i] == bp.BODY and (date := _loose_date_line(line.plain)) is not None:
            loose.append(date)
            kinds[i] = DATE
            if (filed := filed_from(line.plain)) is not None:
                places.append(filed)
            continue
        if not in_header and (len(line.plain) > 100 or not LABEL.match(line.plain)):
            continue  # below the header only a "Published ..." or "Updated ..." line dates the article
        parts = re.split(r"\s+[|·•]\s+", line.plain) if kinds[i] == bp.BYLINE else [line.plain]
        for part in parts:
            found = date_line(part)
            if found is None or (not found.label and not in_header):
                continue
            {"published": published, "updated": updated, "": plain}[found.label].append(found.date)
            if kinds[i] == bp.BODY:
                kinds[i] = DATE
                if found.outlet:  # a byline's outlet is read with the byline
                    outlets.append(found.outlet)
                if found.place:
                    places.append(found.place)
    outlet, place = next(iter(outlets), None), next(iter(places), None)
    for group in (published, plain, updated, loose):
        if group:
            return group[0], outlet, place
    return None, outlet, place


# the only lowercase words such a line has: small words and what outlets say of their pages
_LINE_WORDS = {"the", "of", "from", "by", "in", "at", "on", "and", "our", "a", "bureau", "newsroom", "desk",
               "correspondent", "correspondents", "staff", "reporter", "edition", "issue", "posted", "published",
               "updated", "filed", "min", "mins", "minute", "minutes", "read", "print", "online", "local", "time",
               "dispatch", "service", "wire", "news", "bulletin", "transcript", "report", "evening", "morning",
               # the particles of names ("Río de la Plata Noticias", "Diário de Notícias")
               "de", "la", "le", "les", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "el", "van", "von"}


def _loose_date_line(plain: str) -> PartialDate | None:
    """The date of a header line that only dates the article but in words no pattern reads ("From the
    Okavango Times newsroom, Kasane: June 30, 2026", "Brazzaville bureau, Agency. October 6th, 2024",
    "Outlet — Nicosia, 4 November 2025 (3 min read)"): short, a full date, and no lowercase word but
    those such lines use, so a headline's dek or a first sentence ("Elections will be held on 12 May
    2025") is no date line."""
    if len(plain) > 100 or date_line(plain) is not None:
        return None
    found = find_date(plain)
    if found is None or found[0].precision != "day":
        return None
    date, start, end = found
    rest = (plain[:start] + " " + plain[end:]).split()
    lower = [w for w in rest if w[:1].islower() and w.strip(".,:;()[]").lower() not in _LINE_WORDS]
    sentence = plain.rstrip().endswith((".", "?", "!"))
    return date if len(rest) <= 12 and not lower and not sentence else None


def clean_outlet(name: str | None) -> str | None:
    """A credited outlet's name: "Outlet.rs" reads as "Outlet"; empty is None."""
    if not name:
        return None
    name = name.strip(" .,;:|()[]")
    match = _DOMAIN_NAME.match(name)
    if match:
        return match.group("name")
    return name or None


def host_of(url: str | None) -> str | None:
    """The site a URL belongs to ("themoscowtimes.com"), as a last-resort outlet."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    return host.removeprefix("www.") or None


def _copyright_holder(plain: str) -> str | None:
    match = _COPYRIGHT_HOLDER.match(plain)
    if not match:
        return None
    holder = re.sub(r"\ball rights reserved\b.*", "", match.group("holder"), flags=re.I).strip(" ,")
    if not holder or not holder[:1].isupper() or len(holder.split()) > 8:
        return None
    return holder


def dateline_of(plain: str) -> tuple[str, str | None, PartialDate | None] | None:
    """(city, agency, date) from a body opening "BELGRADE –", "Nairobi (Reuters) -" or
    "MOSCOW, June 13, 2016 (Reuters) -" (a date only when the dateline gives the year)."""
    match = CAPS_DATELINE.match(plain) or AGENCY_DATELINE.match(plain)
    if not match:
        return None
    city = match.group("city").strip(" .")
    if city.upper() in _NOT_PLACES or len(city.replace(".", "")) < 3:
        return None
    return city.title(), dateline_agency(match), dateline_date(match)


def read_meta(
    lines: Sequence[Line],
    kinds: Sequence[str],
    *,
    known_title: str | None = None,
    known_url: str | None = None,
) -> Found:
    """Everything the text says about itself, and which lines said it."""
    kinds = list(kinds)
    title_at = _pick_title(lines, kinds, known_title)
    if title_at is not None:
        kinds[title_at] = TITLE
    title = known_title or (lines[title_at].plain if title_at is not None else None)
    published, line_outlet, line_place = _dates(lines, kinds, _header_end(lines, kinds))

    author = outlet_by = None
    for i, line in enumerate(lines):
        if kinds[i] == bp.BYLINE:
            parts = bp.byline_parts(line.plain)
            if parts and author is None:
                author, outlet_by = parts
    url = known_url
    for i, line in enumerate(lines if url is None else ()):
        if kinds[i] == bp.URL:
            url = bp.url_of(line.plain)
            if url is None and i + 1 < len(lines) and kinds[i + 1] == bp.URL:
                url = bp.url_of(lines[i + 1].plain)
            if url:
                break
    first_body = next((line for i, line in enumerate(lines) if kinds[i] == bp.BODY), None)
    dateline = dateline_of(first_body.plain) if first_body else None
    if dateline is None and line_place:
        dateline = (line_place, None, None)  # the wire's date line above the body: "Chennai, 2 April 2025 (...)"

    copyright_lines = [line.plain for i, line in enumerate(lines) if kinds[i] == bp.COPYRIGHT]
    read_more = [
        m.group("name")
        for i, line in enumerate(lines)
        if kinds[i] == bp.FOOTER
        and (m := _READ_MORE_WITH.match(line.plain))
        and bp.looks_like_names(m.group("name"))
    ]
    sources = [bp.source_name(line.plain) for i, line in enumerate(lines) if kinds[i] == bp.SOURCE]
    # Most to least telling: who holds the copyright, the outlet on the date line, the credit line, the
    # footer, the wire in the dateline, the site the URL is on, and last a credited source ("Source: ...").
    named = [
        *(_copyright_holder(c) for c in copyright_lines),
        line_outlet,
        outlet_by,
        *read_more,
        dateline and dateline[1],
    ]
    outlet = next((o for o in map(clean_outlet, named) if o), None) or host_of(url)
    outlet = outlet or next((o for o in map(clean_outlet, sources) if o), None)

    if published is None and dateline:
        published = dateline[2]
    if published is None and url:
        published = date_in_url(url)
    if published is None:
        published = next((y for c in copyright_lines if (y := copyright_year(c))), None)
    return Found(
        kinds=tuple(kinds),
        title=title,
        published=published,
        outlet=outlet,
        author=author,
        url=url,
        dateline=dateline[0] if dateline else None,
    )
