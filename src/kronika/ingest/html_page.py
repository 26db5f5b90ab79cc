"""Read a saved HTML page: its visible text, which part of it is the article, and its meta tags.

The raw text of an HTML article is the page's visible text, one block (paragraph, heading, list item,
caption) per paragraph, so an offset can be shown to a user in words rather than markup. The main
content is chosen by trafilatura (offline: it only parses the string it is given); when it finds
nothing, the blocks inside ``<article>``/``<main>`` are used. Figures and their captions, navigation,
headers and footers never reach the analysed text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from .dates import parse_date

_SKIP = {
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "button",
    "select", "option", "input", "textarea", "math", "video", "audio", "map",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table",
    "tr", "td", "th", "caption", "form", "address", "hr", "details", "summary", "center", "body", "html",
    "menu", "fieldset", "legend", "picture",
}  # fmt: skip
_CHROME = {"nav", "header", "footer", "aside", "form", "menu"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu"}
_CAPTION = {"figure", "figcaption", "picture"}
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "report",
}
_SPACE = re.compile(r"\s+")  # the page source's line breaks are spaces; only <br> breaks a line
_BREAK = "\x00"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text that the page lays out as its own paragraph."""

    text: str
    chrome: bool  # inside navigation, header, footer, aside or a form
    caption: bool  # inside a figure or its caption
    in_article: bool  # inside <article>, <main> or an element marked as the article body
    heading: int  # 1 for <h1>, 2 for <h2>...; 0 otherwise


@dataclass(frozen=True, slots=True)
class Page:
    """A page as kronika reads it."""

    raw_text: str  # the visible text, blocks separated by blank lines
    main_lines: frozenset[int]  # raw line numbers of the article's own text
    meta: dict[str, str] = field(default_factory=dict)  # title, published, outlet, author, url
    too_deep: bool = False  # elements nested deeper than MAX_DEPTH were left out (libxml2's limit)


MAX_DEPTH = 2048


@dataclass
class _Walk:
    blocks: list[Block] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)


def _flags(el: Any, flags: tuple[bool, bool, bool]) -> tuple[bool, bool, bool]:
    chrome, caption, in_article = flags
    tag = el.tag if isinstance(el.tag, str) else ""
    role = (el.get("role") or "").lower()
    # An article's own <header> (headline, byline, date) and <footer> are part of it, a page's are not.
    own = tag in ("header", "footer") and in_article
    return (
        chrome or (tag in _CHROME and not own) or role in _CHROME_ROLES,
        caption or tag in _CAPTION,
        in_article or tag in ("article", "main") or el.get("itemprop") == "articleBody" or role == "main",
    )


def _flush(walk: _Walk, flags: tuple[bool, bool, bool], heading: int) -> None:
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(walk.buffer).split(_BREAK)]
    text = "\n".join(line for line in lines if line)
    walk.buffer.clear()
    if text:
        walk.blocks.append(Block(text, *flags, heading))


def _walk(root: Any, walk: _Walk, flags: tuple[bool, bool, bool]) -> None:
    """Collect the visible text of ``root`` into blocks, in document order.

    A stack, not recursion: a page may nest its elements 2,048 deep (lxml's limit), deeper than
    Python's. Items are an element to open, a text to add (an element's tail) or a block to close.
    """
    stack: list[tuple[str, Any, tuple[bool, bool, bool], int]] = [("open", root, flags, 0)]
    while stack:
        kind, item, fl, heading = stack.pop()
        if kind == "text":
            walk.buffer.append(item)
            continue
        if kind == "close":
            _flush(walk, fl, heading)
            continue
        tag = item.tag.lower() if isinstance(item.tag, str) else ""
        if tag in _SKIP or not tag:
            continue
        if tag == "br":
            walk.buffer.append(_BREAK)
            continue
        inner = _flags(item, fl)
        is_block = tag in _BLOCKS
        if is_block:
            _flush(walk, fl, 0)
        walk.buffer.append(item.text or "")
        later: list[tuple[str, Any, tuple[bool, bool, bool], int]] = []
        for child in item:
            later.append(("open", child, inner, 0))
            later.append(("text", child.tail or "", inner, 0))
        if is_block:
            later.append(("close", None, inner, int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0))
        stack.extend(reversed(later))


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD scripts (pages nest them in lists and @graph)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _name(value: Any, depth: int = 0) -> str | None:
    """A person or organisation as JSON-LD writes it: a string, {"name": ...} or a list of those (a few
    levels deep at most: deeper is no name)."""
    if isinstance(value, str):
        return value.strip() or None
    if depth >= 4:
        return None
    if isinstance(value, dict):
        return _name(value.get("name"), depth + 1)
    if isinstance(value, list):
        names = [n for n in (_name(v, depth + 1) for v in value) if n]
        return ", ".join(names) or None
    return None


def _meta_tags(root: Any) -> dict[str, str]:
    """The publisher's own metadata: meta tags first, then JSON-LD, then <time> and <title>."""
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    found: dict[str, str] = {}

    def usable(key: str, value: object) -> bool:
        if key in found or not isinstance(value, str) or not value.strip():
            return False
        if key == "author" and re.match(r"https?://", value):
            return False  # article:author is often a profile URL, not a name
        return key != "published" or parse_date(value) is not None

    def first(key: str, *names: str) -> None:
        for name in names:
            if usable(key, tags.get(name)):
                found[key] = tags[name]

    first("title", "og:title", "twitter:title", "dc.title")
    first(
        "published",
        "article:published_time",
        "datepublished",
        "og:article:published_time",
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "date",
    )
    first("outlet", "og:site_name", "application-name", "publisher")
    first("author", "author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    first("url", "og:url")
    for item in _json_ld(root):
        types = item.get("@type")
        type_names = {
            t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)
        }
        if not type_names & _ARTICLE_TYPES:
            continue
        for key, value in (
            ("title", item.get("headline")),
            ("published", item.get("datePublished")),
            ("author", _name(item.get("author"))),
            ("outlet", _name(item.get("publisher"))),
            ("url", item.get("url")),
        ):
            if usable(key, value) and isinstance(value, str):
                found[key] = value.strip()
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found["url"] = link.get("href").strip()
            break
    if "published" not in found:
        for time in root.iter("time"):
            stamp = time.get("datetime") or ""
            if parse_date(stamp) is not None:
                found["published"] = stamp
                break
    if "title" not in found:
        titles = [t.text_content().strip() for t in root.iter("title")]
        if titles and titles[0]:
            found["title"] = titles[0]
    return found


def _without_site(title: str, outlet: str | None) -> str:
    """Drop the site name that <title> usually appends ("Headline | Site")."""
    title = " ".join(title.split())
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (" | " in title or (outlet and parts[-1].casefold() == outlet.casefold())):
        return title[: title.rfind(parts[-1])].rstrip(" |–—-")
    return title


def _main_blocks(html: str, blocks: list[Block], stamps: set[str]) -> list[int]:
    """Indexes of the blocks that make up the article text.

    Captions never do, nor a block that is only a <time> stamp. trafilatura decides first; when it
    finds nothing, the blocks inside <article>/<main>, then all blocks outside the page's chrome.
    """
    usable = [i for i, b in enumerate(blocks) if not b.caption and " ".join(b.text.split()) not in stamps]
    extracted = trafilatura.extract(html, include_comments=False, include_tables=False, include_images=False)
    if extracted:
        # A short block ("World", "Home") counts only as a whole paragraph, not as words inside one.
        paragraphs = {" ".join(line.split()) for line in extracted.splitlines()}
        body = " ".join(extracted.split())
        texts = {i: " ".join(blocks[i].text.split()) for i in usable}
        chosen = [
            i for i in usable if texts[i] in paragraphs or (len(texts[i].split()) >= 6 and texts[i] in body)
        ]
        if chosen:
            return chosen
    for inside in (True, False):
        chosen = [i for i in usable if not blocks[i].chrome and (blocks[i].in_article or not inside)]
        if chosen:
            return chosen
    return []


def read_page(html: str) -> Page:
    """Visible text, main-content lines and metadata of an HTML page (empty text if it has none)."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    # huge_tree: libxml2 otherwise drops everything nested deeper than 256 elements, which real pages
    # reach; with it, the limit is 2,048 (MAX_DEPTH), and a page deeper than that says so.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return Page("", frozenset())
    too_deep = any("Excessive depth" in e.message for e in parser.error_log)
    meta = _meta_tags(root)
    walk = _Walk()
    body = root.find("body")
    _walk(body if body is not None else root, walk, (False, False, False))
    _flush(walk, (False, False, False), 0)
    blocks = walk.blocks
    h1 = next((b.text for b in blocks if b.heading == 1 and not b.chrome), None)
    if h1:
        meta["title"] = " ".join(h1.split())
    elif "title" in meta:
        meta["title"] = _without_site(meta["title"], meta.get("outlet"))
    stamps = {" ".join(t.text_content().split()) for t in root.iter("time")}
    main = set(_main_blocks(html, blocks, stamps))
    raw_parts: list[str] = []
    main_lines: set[int] = set()
    line_no = 0
    for i, block in enumerate(blocks):
        if i in main:
            main_lines.update(range(line_no, line_no + block.text.count("\n") + 1))
        raw_parts.append(block.text)
        line_no += block.text.count("\n") + 2
    return Page("\n\n".join(raw_parts), frozenset(main_lines), meta, too_deep)
