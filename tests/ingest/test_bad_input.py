"""Bad input becomes a Problem naming the file (and line and field); the other inputs still go in."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kronika.ingest import read_paths
from kronika.records import Article, Problem

from .helpers import ARTICLE, read, write


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_empty_file_and_the_others_still_go_in(tmp_path: Path) -> None:
    empty = write(tmp_path, "a_empty.txt", " \n\n")
    good = write(tmp_path, "b_good.txt", ARTICLE)
    articles, problems = read(empty, good)
    assert messages(problems) == [f"{empty}: empty file"]
    assert problems[0].severity == "error" and problems[0].stage == "ingest"
    assert [a.source_file for a in articles] == ["b_good.txt"]


def test_binary_file(tmp_path: Path) -> None:
    png = write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    disguised = write(tmp_path, "notes.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    _, problems = read(png, disguised)
    assert messages(problems) == [f"{png}: binary file (not text)", f"{disguised}: binary file (not text)"]


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path, "latin1.txt", "Norvia recalled its ambassador from Malmö on Friday.".encode("latin-1")
    )
    articles, problems = read(path)
    assert messages(problems) == [f"{path}: invalid UTF-8 at byte 40, decoded with replacement"]
    assert problems[0].severity == "warning"
    assert articles[0].text == "Norvia recalled its ambassador from Malm\ufffd on Friday."


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path, "big.txt", "Norvia signed an accord. " * 288_000)  # 7.2 MB
    small = write(tmp_path, "small.txt", "Norvia signed an accord with Lakeland.")
    articles, problems = read(big, small)
    assert messages(problems) == [f"{big}: file is 7.2 MB, over the 5.0 MB limit (set --max-size)"]
    assert [a.source_file for a in articles] == ["small.txt"]
    _, problems = read(small, max_bytes=10)
    assert messages(problems) == [f"{small}: file is 38 bytes, over the 10 bytes limit (set --max-size)"]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "gone.txt"
    _, problems = read(missing)
    assert messages(problems) == [f"{missing}: no such file or directory"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", ARTICLE)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, problems = read(path)
    assert messages(problems) == [f"{path}: permission denied"]


def test_malformed_json_line_is_skipped(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Lakeland expelled two diplomats."}),
        "",
        '{"text": "Norvia protested" "title": "x"}',
        json.dumps({"text": "Norvia recalled its ambassador."}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    articles, problems = read(path)
    assert messages(problems) == [f"{path} line 3: not valid JSON: Expecting ',' delimiter (column 29)"]
    assert [a.record for a in articles] == [1, 4]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.json", '[\n  {"text": "Norvia protested."},\n  {"text": \n]')
    _, problems = read(path)
    assert messages(problems) == [f"{path} line 4: not valid JSON: Expecting value (column 1)"]


def test_json_record_without_text(tmp_path: Path) -> None:
    path = write(
        tmp_path, "batch.json", json.dumps([{"title": "No body here"}, {"text": "Norvia protested."}])
    )
    articles, problems = read(path)
    assert messages(problems) == [f'{path} line 1: no text (expected in a "text", "body" or "content" field)']
    assert [a.text for a in articles] == ["Norvia protested."]


def test_csv_row_with_wrong_column_count_or_no_text(tmp_path: Path) -> None:
    content = (
        "title,published,text\n"
        "Accord,2024-06-11,Lakeland and Norvia signed an accord.\n"
        "Recall,2024-06-12,\n"
        "Protest,Norvia protested, loudly.,extra\n"
        "Visit,2024-06-14,Roth visited Norvia.\n"
    )
    path = write(tmp_path, "batch.csv", content)
    articles, problems = read(path)
    assert messages(problems) == [
        f'{path} line 3: no text (expected in a "text", "body" or "content" field)',
        f"{path} line 4: expected 3 columns as in the header, found 4 "
        "(put quotes around values that contain a comma)",
    ]
    assert [a.record for a in articles] == [2, 5]


def test_csv_without_a_text_column(tmp_path: Path) -> None:
    path = write(tmp_path, "meta.csv", "title,date\nAccord,2024-06-11\n")
    _, problems = read(path)
    assert messages(problems) == [
        f'{path} line 1: no text column (name one "text", "body" or "content"; the header has: title, date)'
    ]


def test_published_that_is_not_a_date_keeps_the_article_undated(tmp_path: Path) -> None:
    content = (
        "published,text\n31/02/2024,Norvia recalled its ambassador on Friday.\n2024-02-29,Roth visited.\n"
    )
    path = write(tmp_path, "dates.csv", content)
    articles, problems = read(path)
    assert messages(problems) == [
        f'{path} line 2: field "published": "31/02/2024" is not a date '
        '(expected YYYY-MM-DD, YYYY-MM or YYYY, or a date like "June 11, 2024"); '
        "the article is kept without a publication date"
    ]
    assert problems[0].severity == "warning" and problems[0].field == "published" and problems[0].line == 2
    assert [(a.published, a.date_precision) for a in articles] == [(None, None), ("2024-02-29", "day")]


def test_only_boilerplate_is_not_an_article(tmp_path: Path) -> None:
    path = write(tmp_path, "footer.txt", "Subscribe to our newsletter\n\nCopyright 2024 Lake Post\n")
    _, problems = read(path)
    assert messages(problems) == [f"{path}: no article text (only captions, credits or boilerplate)"]


def test_empty_folder_and_empty_stdin(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    items = list(read_paths([str(tmp_path / "inbox"), "-"], stdin=io.StringIO("")))
    assert [str(i) for i in items] == [
        f"{tmp_path / 'inbox'}: no files in this folder",
        "<stdin>: empty input",
    ]
    assert [i.severity for i in items if isinstance(i, Problem)] == ["warning", "error"]
    assert not any(isinstance(i, Article) for i in items)


def test_json_that_holds_no_objects(tmp_path: Path) -> None:
    scalar = write(tmp_path, "scalar.json", '"Norvia protested."')
    mixed = write(tmp_path, "mixed.json", '[\n  "Norvia protested.",\n  {"text": "Roth visited Vale."}\n]')
    articles, problems = read(scalar, mixed)
    assert messages(problems) == [
        f"{scalar}: expected a JSON object or an array of objects, found a string",
        f'{mixed} line 2: expected an object in the array, found "Norvia protested."',
    ]
    assert [a.text for a in articles] == ["Roth visited Vale."]


def test_stdin_over_the_size_limit() -> None:
    items = list(read_paths(["-"], stdin=io.StringIO("Norvia protested. " * 10), max_bytes=100))
    assert [str(i) for i in items] == ["<stdin>: input is over the 100 bytes limit (set --max-size)"]
