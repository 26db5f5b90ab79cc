"""Ingest: read articles from files, folders and standard input into :class:`~kronika.records.Article`.

Plain text, Markdown, HTML, JSON, JSON lines and CSV. Each article gets its title, publication date
(with precision), outlet, byline, URL and dateline, a cleaned text without captions, credits and
footers, and segments mapping that text back to the original. Bad inputs become
:class:`~kronika.records.Problem` records and never stop the others.

Modules: ``walk`` (paths and folders), ``readers`` (one function per format; the only file reads),
``fields`` (JSON/CSV fields), ``html_page`` (HTML), ``article`` (assembly), ``lines``, ``boilerplate``,
``meta``, ``dates``, ``clean`` and ``ids`` (pure text rules).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..records import Article
from .article import build_article
from .walk import count_inputs, read_paths

__all__ = ["article_from_text", "count_inputs", "read_paths"]


def article_from_text(
    text: str,
    *,
    source_file: str,
    source_path: str,
    fmt: str = "txt",
    meta: Mapping[str, str | None] | None = None,
    record: int | None = None,
) -> Article:
    """One article from its text, with optional metadata (title, published, url, outlet, author, dateline).

    Given metadata wins over what the text says. Raises :class:`~kronika.errors.InputError` when
    ``meta["published"]`` is not a date or nothing but boilerplate is left.
    """
    return build_article(
        text, source_file=source_file, source_path=source_path, fmt=fmt, meta=meta, record=record
    )
