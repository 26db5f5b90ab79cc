"""One reader per input format, and the one place where ingest reads files.

Readers turn an input into articles and problems, never exceptions: a bad file, line or row becomes a
:class:`Problem` naming where it is, and the other inputs still go in.
"""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Problem, clipped
from .article import build_article
from .fields import from_record
from .html_page import MAX_DEPTH, read_page

Item = Article | Problem

FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
}  # fmt: skip
_SNIFF_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def human_size(n: int) -> str:
    """7_200_000 → "7.2 MB": sizes the way the --max-size option takes them."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, archive or office file, not an article."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def decode(data: bytes, source: str) -> tuple[str, Problem | None]:
    """Text of a file, with a warning when bytes that are not UTF-8 had to be replaced."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), None
    except UnicodeDecodeError as exc:
        message = f"invalid UTF-8 at byte {exc.start + bom}, decoded with replacement"
        return data[bom:].decode("utf-8", errors="replace"), Problem(
            source, "ingest", message, severity="warning"
        )


def sniff(text: str) -> str:
    """The format of text with no telling extension: HTML, JSON, JSON lines or plain text.

    Text that opens like JSON is JSON even when it is broken, so that its reader names the bad line
    instead of storing the whole of it as one article: JSON lines when its first line is an object,
    else one JSON document.
    """
    head = text.lstrip()[:4096]
    if head.startswith("<") and _SNIFF_HTML.search(head):
        return "html"
    if _JSON_START.match(head):
        try:
            json.loads(text)
            return "json"
        except (ValueError, RecursionError):
            return "jsonl" if _is_json_object(head.split("\n", 1)[0]) else "json"
    return "txt"


# "{", or "[" and then what a JSON array holds: "[Reuters](https://...)" opens Markdown, not JSON.
_JSON_START = re.compile(r'\{|\[\s*(?:[\[{"\]]|-?\d|true\b|false\b|null\b|$)')
_TOO_DEEP = "not valid JSON: nested too deeply"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def from_txt(text: str, *, source_file: str, source_path: str, fmt: str = "txt") -> Iterator[Item]:
    """A plain-text or Markdown article: one file, one article."""
    try:
        yield build_article(text, source_file=source_file, source_path=source_path, fmt=fmt)
    except InputError as exc:
        yield Problem(source_path, "ingest", exc.reason, exc.line, exc.field)


def from_html(text: str, *, source_file: str, source_path: str) -> Iterator[Item]:
    """A saved web page: the main text, with the page's meta tags as metadata."""
    page = read_page(text)
    deep = f"elements nested deeper than {MAX_DEPTH:,} levels cannot be read"
    if not page.raw_text.strip():
        yield Problem(source_path, "ingest", f"no readable text in this HTML page ({deep})" if page.too_deep
                      else "no visible text in this HTML page")
        return
    if page.too_deep:
        yield Problem(source_path, "ingest", f"{deep}: their text is left out", severity="warning")
    try:
        yield build_article(
            page.raw_text,
            source_file=source_file,
            source_path=source_path,
            fmt="html",
            meta=page.meta,
            only_lines=page.main_lines,
        )
    except InputError as exc:
        yield Problem(source_path, "ingest", exc.reason, exc.line, exc.field)


def from_json(text: str, *, source_file: str, source_path: str) -> Iterator[Item]:
    """A JSON object (one article) or an array of objects (one article each)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _is_json_object(text.lstrip().split("\n", 1)[0]):
            yield from from_jsonl(text, source_file=source_file, source_path=source_path)
            return
        yield Problem(source_path, "ingest", f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    except RecursionError:
        yield Problem(source_path, "ingest", _TOO_DEEP)
        return
    if isinstance(data, dict):
        yield from from_record(data, source_file=source_file, source_path=source_path, fmt="json", line=None)
        return
    if not isinstance(data, list):
        found = {str: "a string", bool: "true or false", int: "a number", float: "a number"}.get(
            type(data), "null"
        )
        message = f"expected a JSON object or an array of objects, found {found}"
        yield Problem(source_path, "ingest", message)
        return
    for line, item in _array_items(text):
        if not isinstance(item, dict):
            message = f"expected an object in the array, found {json.dumps(item)[:40]}"
            yield Problem(source_path, "ingest", message, line)
            continue
        yield from from_record(item, source_file=source_file, source_path=source_path, fmt="json", line=line)


def _array_items(text: str) -> Iterator[tuple[int, Any]]:
    """(line, value) of each element of a JSON array already known to be valid."""
    decoder = json.JSONDecoder()
    i = text.index("[") + 1
    while True:
        while text[i] in " \t\r\n,":
            i += 1
        if text[i] == "]":
            return
        value, end = decoder.raw_decode(text, i)
        yield text.count("\n", 0, i) + 1, value
        i = end


def from_jsonl(text: str, *, source_file: str, source_path: str) -> Iterator[Item]:
    """One JSON object a line; a bad line is reported and skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(source_path, "ingest", f"not valid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        except RecursionError:
            yield Problem(source_path, "ingest", _TOO_DEEP, number)
            continue
        if not isinstance(obj, dict):
            yield Problem(source_path, "ingest", f"expected a JSON object, found {clipped(line, 40)}", number)
            continue
        yield from from_record(
            obj, source_file=source_file, source_path=source_path, fmt="jsonl", line=number
        )


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def from_csv(text: str, *, source_file: str, source_path: str, max_bytes: int = 5_000_000) -> Iterator[Item]:
    """A header row, then one article a row; the delimiter (, ; tab |) is read from the header."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # one field may hold a whole article
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    names = {",": "a comma", ";": "a semicolon", "\t": "a tab", "|": "a bar"}
    try:
        header = [h.strip() for h in next(reader)]
        if not {h.casefold() for h in header} & set(("text", "body", "content")):
            listed = clipped(", ".join(header))
            message = f'no text column (name one "text", "body" or "content"; the header has: {listed})'
            yield Problem(source_path, "ingest", message, 1)
            return
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                message = (
                    f"expected {len(header)} columns as in the header, found {len(row)} "
                    f"(put quotes around values that contain {names[delimiter]})"
                )
                yield Problem(source_path, "ingest", message, start)
                continue
            yield from from_record(
                dict(zip(header, row, strict=True)),
                source_file=source_file,
                source_path=source_path,
                fmt="csv",
                line=start,
            )
    except csv.Error as exc:
        yield Problem(source_path, "ingest", f"not valid CSV: {exc}", reader.line_num)


def from_text(text: str, fmt: str, *, source_file: str, source_path: str, max_bytes: int) -> Iterator[Item]:
    """Dispatch decoded text to the reader for its format."""
    if not text.strip():
        yield Problem(source_path, "ingest", "empty file")
        return
    named = {"source_file": source_file, "source_path": source_path}
    if fmt == "html":
        yield from from_html(text, **named)
    elif fmt == "json":
        yield from from_json(text, **named)
    elif fmt == "jsonl":
        yield from from_jsonl(text, **named)
    elif fmt == "csv":
        yield from from_csv(text, max_bytes=max_bytes, **named)
    else:
        yield from from_txt(text, fmt=fmt, **named)


def from_bytes(data: bytes, *, source_file: str, source_path: str, max_bytes: int,
               what: str = "file") -> Iterator[Item]:
    """An input's bytes (a file's, or standard input's: ``what="input"``): checked for emptiness and
    binary content, decoded, and read by format."""
    if not data.strip():
        yield Problem(source_path, "ingest", f"empty {what}")
        return
    if is_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Problem(source_path, "ingest", f"binary {what} (not text)")
        return
    text, warning = decode(data, source_path)
    if warning is not None:
        yield warning
    fmt = FORMATS.get(Path(source_file).suffix.lower()) or sniff(text)
    yield from from_text(text, fmt, source_file=source_file, source_path=source_path, max_bytes=max_bytes)


def read_file(path: Path, *, shown: str, max_bytes: int) -> Iterator[Item]:
    """Read one file (the size limit is checked before reading it; only regular files are read: a named
    pipe would wait for a writer forever)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            yield Problem(shown, "ingest", "not a regular file (a pipe, socket or device); not read")
            return
        size = st.st_size
        if size > max_bytes:
            message = f"file is {human_size(size)}, over the {human_size(max_bytes)} limit (set --max-size)"
            yield Problem(shown, "ingest", message)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(shown, "ingest", os_reason(exc))
        return
    yield from from_bytes(data, source_file=path.name, source_path=shown, max_bytes=max_bytes)


def os_reason(exc: OSError) -> str:
    """An operating-system error the way a user reads it."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"
