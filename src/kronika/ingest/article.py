"""Turn one article's raw text (and any metadata given with it) into an :class:`Article`.

This is the pure middle of the ingest stage: no files, no printing. Metadata given with the article
(JSON/CSV fields, HTML meta tags) wins over what is read from the text, because a publisher's field is
more reliable than a guess from loose lines.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..errors import InputError
from ..records import Article, clipped
from . import boilerplate as bp
from .captions import caption_spans
from .clean import build_text
from .dates import PartialDate, parse_date
from .ids import doc_id
from .lines import split_lines
from .meta import TITLE, read_meta

NOT_A_DATE = 'is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, or a date like "June 11, 2024")'


def _given(meta: Mapping[str, str | None] | None, key: str) -> str | None:
    value = (meta or {}).get(key)
    return " ".join(value.split()) if value and value.strip() else None


def build_article(
    raw_text: str,
    *,
    source_file: str,
    source_path: str,
    fmt: str = "txt",
    meta: Mapping[str, str | None] | None = None,
    record: int | None = None,
    only_lines: Collection[int] | None = None,
) -> Article:
    """Read metadata from the text, strip boilerplate, and hash the result.

    ``only_lines`` restricts the body to those raw line numbers (for HTML: the main-content blocks);
    the other lines stay in ``raw_text`` but never reach ``text``.
    Raises InputError when a given ``published`` is not a date or no article text is left.
    """
    given_date: PartialDate | None = None
    if _given(meta, "published"):
        given_date = parse_date(_given(meta, "published") or "")
        if given_date is None:
            raise InputError(source_path, f'"{clipped(_given(meta, "published") or "")}" {NOT_A_DATE}', record,
                             "published")

    lines = split_lines(raw_text)
    if only_lines is not None:
        lines = [line for line in lines if line.index in only_lines]
    found = read_meta(
        lines, bp.classify(lines), known_title=_given(meta, "title"), known_url=_given(meta, "url")
    )
    keep = [kind == bp.BODY for kind in found.kinds]
    if not any(keep):
        # A text that is only a headline is still an article: its one line is the body too.
        keep = [kind == TITLE for kind in found.kinds]
    text, segments = build_text(raw_text, lines, keep)
    if not text.strip():
        raise InputError(source_path, "no article text (only captions, credits or boilerplate)", record)

    published = given_date or found.published
    return Article(
        doc_id=doc_id(text),
        source_file=source_file,
        source_path=source_path,
        fmt=fmt,
        raw_text=raw_text,
        text=text,
        segments=segments,
        title=_given(meta, "title") or found.title,
        published=published.value if published else None,
        date_precision=published.precision if published else None,
        outlet=_given(meta, "outlet") or found.outlet,
        author=_given(meta, "author") or found.author,
        url=found.url,
        dateline=_given(meta, "dateline") or found.dateline,
        record=record,
        captions=caption_spans(raw_text, lines, found.kinds),
    )
