"""Standard input is read like a file: invalid UTF-8 replaced with a warning, binary data refused, JSON
lines parsed line by line, and whatever it holds the run ends cleanly."""

from __future__ import annotations

import json

from tests.faults.helpers import kronika, ran
from tests.faults.probes import good_text


def test_invalid_utf8_on_stdin_is_replaced_with_a_warning(tmp_path) -> None:
    data = good_text(1).encode() + b"\nMalm\xf6 \xff\n"
    res = kronika("ingest", "-", "--db", str(tmp_path / "k.duckdb"), stdin=data)
    assert res.returncode == 0, res.stderr
    assert res.stderr == f"warning: <stdin>: invalid UTF-8 at byte {len(good_text(1).encode()) + 5}, decoded with " \
                         "replacement\n"
    assert ran(res.stdout) == (1, 0, 0)


def test_utf16_on_stdin_is_read(tmp_path) -> None:
    res = kronika("ingest", "-", "--db", str(tmp_path / "k.duckdb"), stdin=good_text(2).encode("utf-16"))
    assert (res.returncode, res.stderr) == (0, "")
    docs = kronika("documents", "--db", str(tmp_path / "k.duckdb"), "--format", "jsonl").stdout
    assert json.loads(docs)["title"] == good_text(2).splitlines()[0]


def test_binary_data_on_stdin_is_refused(tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    res = kronika("ingest", "-", "--db", str(tmp_path / "k.duckdb"), stdin=png)
    assert res.returncode == 1
    assert res.stderr == "error: <stdin>: binary input (not text)\n"
    assert ran(res.stdout) == (0, 0, 1)


def test_broken_json_lines_on_stdin_are_reported_by_line(tmp_path) -> None:
    lines = [json.dumps({"text": good_text(3)}), "{not json", json.dumps({"text": good_text(4)}), '"a string"']
    res = kronika("ingest", "-", "--db", str(tmp_path / "k.duckdb"), stdin="\n".join(lines).encode())
    assert res.returncode == 1
    assert res.stderr.splitlines() == [
        "error: <stdin> line 2: not valid JSON: Expecting property name enclosed in double quotes (column 2)",
        'error: <stdin> line 4: expected a JSON object, found "a string"',
    ]
    assert ran(res.stdout) == (2, 0, 2)


def test_a_broken_json_document_on_stdin_is_not_stored_as_text(tmp_path) -> None:
    res = kronika("ingest", "-", "--db", str(tmp_path / "k.duckdb"), stdin=b'[\n  {"text": "Peru protested."},\n  {\n')
    assert res.returncode == 1
    assert res.stderr == "error: <stdin> line 4: not valid JSON: Expecting property name enclosed in double " \
                         "quotes (column 1)\n"
