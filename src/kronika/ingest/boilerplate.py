"""Recognise the lines of a scraped article that are not the article: captions, credits, footers.

A photo credit read as text becomes an actor ("Darko Vojinovic"), a caption's date becomes the
article's date, and a newsletter footer becomes a sentence; so these lines are classified here and kept
out of the text the later stages analyse (they stay in the raw text). The rules are generic news
boilerplate; when a line is in doubt it stays body text, because losing a sentence loses its events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .date_lines import outlet_in_byline
from .lines import Line

BODY = "body"
GALLERY = "gallery"  # "Full Screen", "1 / 2"
COPYRIGHT = "copyright"  # "Copyright 2024 The Alpine Gazette. All rights reserved."
FOOTER = "footer"  # "Read more ...", "Subscribe ...", "Sign up ...", share and ad residue
RELATED = "related"  # "Related article: ..."
CMS = "cms"  # "Content-Type:", "Tags: ..." and the value that follows an empty label
URL = "url"  # "Original url:", a line that is only a link
SOURCE = "source"  # "Source: Interior Ministry"
CAPTION = "caption"  # a photo caption: a line that ends with a photo credit
CREDIT = "credit"  # a line that is only a photo credit
BYLINE = "byline"  # "By Jane Doe", "(Jane Doe | Outlet)", "(Reporting by ...)"

SHORT = 140  # characters: boilerplate lines are short; longer lines are kept as body

_GALLERY = re.compile(
    r"(?:full ?screen|exit full ?screen|(?:view|open) (?:full )?(?:gallery|image|photo)"
    r"|enlarge(?: image| photo)?"
    r"|expand|zoom(?: in)?|(?:show|hide|toggle) caption|play video|watch(?: video| now)?|listen(?: now)?"
    r"|listen to (?:this )?(?:article|story)|gallery|\d+ (?:photos?|images?)|(?:photos?|images?|video)"
    r"|(?:photo|image|slide)? ?\d{1,3}\s*(?:/|of)\s*\d{1,3})",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b", re.I)
_FOOTER = re.compile(
    r"^(?:read (?:more|also|next|the full (?:story|article))|also read|more from|more on this|see also"
    r"|continue reading|keep reading|subscribe|sign up|sign-up|sign in to|log in to|follow us|follow @"
    r"|join (?:us|our)|get (?:our|the) (?:\w+ )?(?:newsletter|app)|download (?:our|the) app"
    r"|share (?:this|on|via)|like this|you may also like|recommended(?: for you| stories)?"
    r"|most (?:read|popular)"
    r"|support (?:our|independent) journalism|click here|newsletter)\b",
    re.I,
)
_RESIDUE = re.compile(
    r"(?:advertisement|advert|ad|sponsored(?: content)?|comments?|print|e-?mail|share|tweet|facebook|twitter"
    r"|whatsapp|telegram|linkedin|copy link|close|menu|search|home|back to top|top|loading\.*"
    r"|skip to (?:main )?content|\d+[ -]min(?:ute)?s? read|our standards\b.*)",
    re.I,
)
_RELATED = re.compile(r"^related(?:\s+[\w-]+){0,2}\s*:|^related(?:\s+[\w-]+)?$", re.I)
_CMS = re.compile(
    r"^(?:content[- ]?type|content[- ]?tags?|tags?|topics?|keywords?|categor(?:y|ies)|filed under|section"
    r"|article type|story type)\s*:",
    re.I,
)
_CONTENT_TYPES = {
    "news", "opinion", "analysis", "interview", "explainer", "feature", "editorial", "commentary", "review",
    "report", "sponsored", "promoted", "partner", "advertorial", "press", "blog", "podcast", "video",
    "fact", "special", "infographic", "obituary", "letter", "column",
}  # fmt: skip
_URL_LABEL = re.compile(
    r"^(?:(?:original|source|canonical|article|story)\s+)?(?:url|link|permalink)\s*:?\s*(?P<url>\S+)?$"
    r"|^(?:read (?:the )?(?:original|full) (?:article|story)|originally published)\b[^:]{0,60}:?"
    r"\s*(?P<url2>\S+)?$",
    re.I,
)
_BARE_URL = re.compile(r"^<?(?P<url>(?:https?://|www\.)\S+?)>?$", re.I)
_SOURCE = re.compile(r"^sources?\s*:\s*(?P<name>.{1,60})$", re.I)
_BY = re.compile(r"^by\s+(?P<name>.{2,100})$", re.I)
_AUTHOR = re.compile(
    r"^(?:author|authors|written by|words by|text by|story by)\s*:?\s+(?P<name>.{2,100})$", re.I
)
_CREDIT_LINE = re.compile(r"^\((?P<name>[^()|]{2,60}?)\s*\|\s*(?P<outlet>[^()|]{2,60}?)\)$")
_REPORTING = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|compiled) by (?P<name>[^;)]+)[^)]*\)?\.?$", re.I
)
_NAME_LINKS = {"and", "&", "de", "da", "di", "van", "von", "der", "del", "la", "le", "al", "bin", "el", ","}

_CAPS_WORDS = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"  # one to four capitalised words: a name
# Credits that end a caption line. Each is anchored at the end of the plain line.
_CREDIT_END = [
    # (AP Photo/Darko Vojinovic), (Photo by X/AFP via Getty Images), (Photo: Reuters)
    re.compile(
        r"\((?:[^()]*?(?:\b(?:photos?|foto|photograph|pictures?|images?|illustration)\b|\bcredits?\s*:)"
        r"[^()]*)\)$",
        re.I,
    ),
    # [EPA-EFE/NAME], [Photo: X]
    re.compile(r"\[[^\[\]]*(?:/|\bphotos?\b|\bfoto\b|\bcredit\b|\bimages?\b)[^\[\]]*\]$", re.I),
    # REUTERS/Marko Djurica, EPA-EFE/NAME/File Photo
    re.compile(r"\b[A-Z][A-Z-]{1,20}/\s?" + _CAPS_WORDS + r"(?:/(?:File(?: Photo)?|Pool|Handout))?\.?$"),
    # Photo: TASS, Photograph: Name/Agency (no sentence after it)
    re.compile(
        r"(?:^|[.!?”\"|]\s+|\s[-–—]\s)(?:file )?(?:photos?|photograph|foto|image|picture|illustration"
        r"|photo credit|credit)\s*(?::|by)\s*[^.!?]{1,80}$",
        re.I,
    ),
    # via Getty Images, Name/Shutterstock
    re.compile(r"(?:\bvia |/\s?|\()(?:getty images|shutterstock|alamy|ap images)[^.]*?\)?$", re.I),
]
# **Name / AP / TASS** (emphasised credit): checked on the raw line, where the markup is still there.
_MARKED_CREDIT = re.compile(r"(?:\*\*|__|\*|_)(?P<credit>[^*_\n]{2,80}?/[^*_\n]{1,80}?)(?:\*\*|__|\*|_)\s*$")
# Name / AP / TASS without markup: slash-separated capitalised parts, one of them an agency acronym.
_SLASH_CREDIT = re.compile(
    r"(?:^|[.!?”\"]\s+)(?P<credit>" + _CAPS_WORDS + r"(?:\s/\s" + _CAPS_WORDS + r"){1,3})$"
)
# "FILE PHOTO: ...", "FILE - ..." (wire captions) and "Image caption, ..." (as screen readers get it).
_CAPTION_START = re.compile(
    r"^(?:FILE PHOTO|FILE|PHOTO|IMAGE)\s*[:–—-]\s|^(?i:image|media) (?i:source|caption), "
)


def credit_start(line: Line) -> int | None:
    """Where the photo credit ending ``line.plain`` begins, or None if the line ends otherwise."""
    text = line.plain
    for pattern in _CREDIT_END:
        match = pattern.search(text)
        if match:
            return match.start() + (len(match.group()) - len(match.group().lstrip('.!?”"|-–— ')))
    marked = _MARKED_CREDIT.search(line.source)
    if marked and all(part.strip()[:1].isupper() for part in marked.group("credit").split("/")):
        inner = " ".join(marked.group("credit").split())
        at = text.rfind(inner)
        return at if at >= 0 else max(0, len(text) - len(inner))
    slash = _SLASH_CREDIT.search(text)
    if slash and any(
        part.isupper() and 2 <= len(part) <= 8 for part in re.split(r"\s/\s", slash.group("credit"))
    ):
        return slash.start("credit")
    return None


def looks_like_names(text: str) -> bool:
    """True for "Jane Doe", "AFP", "Jane Doe and John Roe": capitalised words, no sentence."""
    words = text.replace(",", " , ").split()
    if not 0 < len(words) <= 12 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)


def byline_parts(plain: str) -> tuple[str, str | None] | None:
    """(author, outlet) when the line is a byline or an author credit, else None."""
    for pattern in (_CREDIT_LINE, _REPORTING, _AUTHOR, _BY):
        match = pattern.match(plain)
        if not match:
            continue
        name, *rest = re.split(r"\s+[|·•]\s+", match.group("name"))
        name = name.strip(" ,;.")
        outlet = match.groupdict().get("outlet")
        if pattern is _BY or pattern is _AUTHOR:
            # "By Jane Doe, Reuters": a last single-word part is the outlet, not a second author; so is
            # a part named like an outlet ("By Jane Doe, Caucasus Observer").
            parts = [p.strip() for p in name.split(",")]
            if len(parts) > 1 and len(parts[-1].split()) == 1:
                outlet, name = parts[-1], ", ".join(parts[:-1])
            else:
                name, outlet = outlet_in_byline(name)
            # "By Jane Doe | Sahel Ledger | 11 February 2025": the part after the name.
            outlet = outlet or next((p.strip() for p in rest if looks_like_names(p.strip())), None)
        if looks_like_names(name) and (outlet is None or len(outlet.split()) <= 6):
            return name, outlet
    return None


def url_of(plain: str) -> str | None:
    """The URL a link line holds (``Original url: https://...`` or a bare link)."""
    match = _URL_LABEL.match(plain) or _BARE_URL.match(plain)
    if not match:
        return None
    url = next((v for k, v in match.groupdict().items() if k.startswith("url") and v), None)
    if url and re.match(r"<?(?:https?://|www\.)", url, re.I):
        return url.strip("<>")
    return None


def source_name(plain: str) -> str | None:
    """The credited source of a ``Source: X`` line (a name, not a sentence that starts "Source:")."""
    match = _SOURCE.match(plain)
    if not match:
        return None
    name = match.group("name").strip()
    if looks_like_names(name.rstrip(".")) or (len(name.split()) <= 4 and not name.endswith(".")):
        return name.rstrip(" .")
    return None


def _kind(line: Line) -> str:
    text = line.plain
    short = len(text) <= SHORT
    if short and (_GALLERY.fullmatch(text) or _RESIDUE.fullmatch(text.strip(" .:|"))):
        return GALLERY if _GALLERY.fullmatch(text) else FOOTER
    if len(text) <= 250 and _COPYRIGHT.search(text) and line.words <= 30:
        return COPYRIGHT
    if short and _RELATED.match(text):
        return RELATED
    if short and _FOOTER.match(text):
        return FOOTER
    if len(text) <= 150 and _CMS.match(text):
        return CMS
    if short and (_URL_LABEL.match(text) or _BARE_URL.match(text)):
        return URL
    if source_name(text) is not None:
        return SOURCE
    if short and byline_parts(text) is not None:
        return BYLINE
    start = credit_start(line)
    if start is not None:
        return CREDIT if start == 0 else CAPTION
    if _CAPTION_START.match(text):
        return CAPTION
    return BODY


def classify(lines: Sequence[Line]) -> list[str]:
    """The kind of every line; context decides the lines a pattern alone cannot."""
    kinds = [_kind(line) for line in lines]
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is None or kinds[i + 1] != BODY:
            continue
        # "Content-Type:" with its value on the next line ("News Based on facts, ...").
        if kinds[i] == CMS and line.plain.endswith(":"):
            words = following.plain.split()
            label = words[0].strip(":").lower()
            defined = len(words) == 1 or words[1][:1].isupper()  # "News Based on facts, ..."
            if label in _CONTENT_TYPES and defined and len(following.plain) <= 300:
                kinds[i + 1] = CMS
    for i, line in enumerate(lines):
        # A credit on a line of its own closes the caption just above it, when the two stand alone.
        if kinds[i] == CREDIT and i > 0 and kinds[i - 1] == BODY and lines[i - 1].block == line.block:
            block = [x for x in lines if x.block == line.block]
            if len(block) == 2:
                kinds[i - 1] = CAPTION
    return kinds
