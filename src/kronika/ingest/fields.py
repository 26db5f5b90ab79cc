"""Validate one JSON object or CSV row and turn it into an article, or into a problem to report.

This is where untrusted structured input enters, so every field is checked here: the text must be
there, metadata values must be text, and a ``published`` that is not a date is reported (the article
is kept, with no publication date) rather than stored as if it were one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping

from ..errors import InputError
from ..records import Article, Problem, clipped
from .article import NOT_A_DATE, build_article
from .dates import parse_date
from .html_page import read_page

TEXT_FIELDS = ("text", "body", "content")
# Field names accepted for each piece of metadata, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publish_date", "date_published", "pubdate"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site_name", "publisher"),
    "author": ("author", "byline", "authors"),
    "dateline": ("dateline",),
}
NO_TEXT = 'no text (expected in a "text", "body" or "content" field)'
_LOOKS_HTML = re.compile(r"<(?:html|body|article|p|div|br)\b[^>]*>", re.I)


# "\ud800" in JSON decodes to half a UTF-16 pair, which no UTF-8 store or output can hold: one in an
# article would fail the whole batch it is written with.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NESTING = 4  # lists of names of lists...: deeper than this, a value is not a name but a puzzle


def _as_text(value: object, joiner: str = ", ", depth: int = 0) -> str | None:
    """A field value as text: strings, numbers, names ({"name": ...}) and lists of those."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if depth >= _NESTING:
        return None
    if isinstance(value, Mapping):
        return _as_text(value.get("name"), depth=depth + 1)
    if isinstance(value, list):
        parts = [t for t in (_as_text(v, depth=depth + 1) for v in value) if t]
        return joiner.join(parts) or None
    return None


def _unreadable(value: object) -> str | None:
    """What a metadata value is, when it holds something but no text kronika can read from it."""
    if value is None or value == "" or value == [] or value == {} or _as_text(value) is not None:
        return None
    if isinstance(value, Mapping):
        keys = ", ".join(f'"{clipped(str(k), 40)}"' for k in list(value)[:5])
        return f"an object with keys {keys}" if keys else None
    if isinstance(value, list):
        return "a list with no names in it"
    return "true or false" if isinstance(value, bool) else "a value that is not text"


def _article_text(fields: Mapping[str, object]) -> str | None:
    """The article text: one string (kept exactly as given) or a list of paragraphs."""
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and (joined := _as_text(value, "\n\n")):
            return joined
    return None


def from_record(
    obj: Mapping[str, object], *, source_file: str, source_path: str, fmt: str, line: int | None
) -> Iterator[Article | Problem]:
    """The article one object or row holds, after the problems found in it."""
    fields = {str(k).strip().casefold(): v for k, v in obj.items()}
    text = _article_text(fields)
    if text is not None:
        text, replaced = _SURROGATE.subn("\ufffd", text)
        if replaced:
            message = f"{replaced} unpaired surrogate code point(s) (invalid Unicode) replaced with U+FFFD"
            yield Problem(source_path, "ingest", message, line, severity="warning")
    if text is None:
        yield Problem(source_path, "ingest", NO_TEXT, line)
        return
    meta: dict[str, str | None] = {}
    for key, names in ALIASES.items():
        meta[key] = next((t for n in names if (t := _as_text(fields.get(n)))), None)
        if meta[key] is None:
            for n in names:
                if (what := _unreadable(fields.get(n))) is not None:
                    message = (f'{what} is not a {"date" if key == "published" else "name or text"} '
                               '(expected text, {"name": ...} or a list of those); left out')
                    yield Problem(source_path, "ingest", message, line, n, "warning")
    meta = {k: _SURROGATE.sub("\ufffd", v) if v else v for k, v in meta.items()}
    bad_date = meta["published"] is not None and parse_date(meta["published"]) is None
    if bad_date:
        date_field = next(n for n in ALIASES["published"] if _as_text(fields.get(n)))
        message = f'"{clipped(meta["published"] or "")}" {NOT_A_DATE}; the article is kept without a publication date'
        yield Problem(source_path, "ingest", message, line, date_field, "warning")
        meta.pop("published")
    try:
        article = build_text_or_html(
            text, source_file=source_file, source_path=source_path, fmt=fmt, meta=meta, record=line
        )
    except InputError as exc:
        yield Problem(source_path, "ingest", exc.reason, line, exc.field)
        return
    if bad_date:
        article = dataclasses.replace(article, published=None, date_precision=None)
    yield article


def build_text_or_html(
    text: str,
    *,
    source_file: str,
    source_path: str,
    fmt: str,
    meta: Mapping[str, str | None] | None = None,
    record: int | None = None,
) -> Article:
    """An article from a text field, which scrapers often fill with the page's HTML."""
    if _LOOKS_HTML.search(text[:5000]):
        page = read_page(text)
        merged = {**page.meta, **{k: v for k, v in (meta or {}).items() if v}}
        if page.raw_text.strip():
            return build_article(
                page.raw_text,
                source_file=source_file,
                source_path=source_path,
                fmt=fmt,
                meta=merged,
                record=record,
                only_lines=page.main_lines,
            )
    return build_article(
        text, source_file=source_file, source_path=source_path, fmt=fmt, meta=meta, record=record
    )
