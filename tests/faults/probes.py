"""Bad inputs of every kind an ingest has met, generated on the fly (nothing big is committed).

Each probe is one file and what kronika must do with it: store it (perhaps with a warning) or list it
as failed, with the exact lines the run prints about it. The good articles they are mixed with are
written here too: invented stories, not the seeds. ``big_probes`` are the ones that cost seconds of
parsing: at the sizes of the fault report ("full", for ``bench/bad_input.py``) or cheaper to parse at
the same size in characters ("test": long words instead of short ones), for the slow tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Invented articles in the shapes kronika reads; each names two countries and an act.
GOOD = [
    ("Lakeland and Norvia sign fisheries accord", "2024-06-11",
     "Lakeland's Foreign Minister Ana Roth and her Norvian counterpart Eli Sand signed a fisheries accord in "
     "Port Ellis on Tuesday. Roth thanked Norvia for its patience."),
    ("Austria and Slovenia agree on rail link", "2024-03-12",
     "Austrian Transport Minister Karl Huber and his Slovenian counterpart agreed on a rail link in Ljubljana on "
     "Tuesday. Huber thanked Slovenia for its support."),
    ("Peru recalls ambassador from Bolivia", "2024-09-10",
     "Peru recalled its ambassador from Bolivia on Monday after truckers blocked the border crossing at "
     "Desaguadero. Bolivia's government criticised the decision."),
    ("Kenya and Ethiopia hold border talks", "2024-05-02",
     "Kenyan and Ethiopian officials met in Nairobi on Thursday to discuss the border. Kenya promised to "
     "reopen two crossings next month."),
    ("Hungary refuses to expel Russian diplomats", "2024-02-20",
     "Hungary did not expel any Russian diplomats, the foreign ministry in Budapest said on Tuesday. Poland "
     "accused Hungary of weakening the European Union's response."),
    ("Chile sends aid to Argentina after floods", "2024-07-08",
     "Chile sent two planes of aid to Argentina on Monday after floods in Mendoza. Argentina's president "
     "thanked Chile for the help."),
]


def good_text(n: int) -> str:
    title, date, body = GOOD[n % len(GOOD)]
    # A number in the title and the body keeps every copy a different article (another doc_id).
    return f"{title} ({n})\n\n{date}\n\n{body} It was meeting number {n + 1} this year.\n"


def write_good(folder: Path, count: int, start: int = 0) -> list[str]:
    """``count`` good articles as text files; returns their names."""
    names = []
    for n in range(start, start + count):
        name = f"good_{n:03d}.txt"
        (folder / name).write_text(good_text(n), encoding="utf-8")
        names.append(name)
    return names


@dataclass(frozen=True)
class Probe:
    name: str  # the file written
    make: Callable[[], bytes]
    stored: int  # documents it must give (0: it is listed as failed)
    # What the run prints about it, after "error: " or "warning: " and the file's path: (severity, rest).
    lines: list[tuple[str, str]] = field(default_factory=list)


def _nested_html(depth: int) -> bytes:
    body = "<p>Serbia and Russia signed an agreement on gas supplies in Belgrade on Tuesday.</p>"
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


def _run(before: str, length: int, what: str) -> str:
    """The warning about a run of ``length`` characters that starts on the line after ``before``."""
    start = len(before) + 1
    return f": characters {start:,}-{start + length:,}: a run of {length:,} characters {what} was not parsed"


_NOT_A_NAME = ' is not a name or text (expected text, {"name": ...} or a list of those); left out'

PROBES = [
    Probe("commas.txt", lambda: b"Commas\n\n" + b"," * 1_000_000 + b"\n", 0,
          [("error", ": nothing left to code (characters 8-1,000,008: a run of 1,000,000 characters with no "
                     "space was not parsed); not stored")]),
    Probe("marks_in_story.txt", lambda: good_text(900).encode() + b"\n" + b"!" * 5000 + b"\n", 1,
          [("warning", _run(good_text(900), 5000, "of punctuation or symbols with no word"))]),
    Probe("one_long_word.txt", lambda: good_text(901).encode() + b"\n" + b"a" * 20_000 + b"\n", 1,
          [("warning", _run(good_text(901), 20_000, "with no space"))]),
    Probe("emoji.txt", lambda: good_text(902).encode() + ("\n" + "\U0001F600" * 3000 + "\n").encode(), 1,
          [("warning", _run(good_text(902), 3000, "of punctuation or symbols with no word"))]),
    Probe("name_list.txt", lambda: b"Sanctions\n\n" + b"Serbia, Russia, " * 3_000 + b"imposed sanctions.\n", 1),
    Probe("sentences.txt", lambda: b"Talks\n\n" + b"Serbia thanked Russia. " * 2_000 + b"\n", 1),
    Probe("nested_quotes.txt", lambda: ("Quotes\n\nHe said " + "\u201cShe said \u2018" * 500 + "yes"
                                        + "\u2019\u201d" * 500 + "\n").encode(), 1,
          [("warning", ": characters 5,519-6,519: a run of 1,000 characters of punctuation or symbols with no word "
                       "was not parsed")]),
    Probe("invalid_utf8.txt", lambda: good_text(903).encode() + b"\nMalm\xf6 \xff\n", 1,
          [("warning", f": invalid UTF-8 at byte {len(good_text(903).encode()) + 5}, decoded with replacement")]),
    Probe("utf16.txt", lambda: good_text(904).encode("utf-16"), 1),
    Probe("photo.png", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, 0,
          [("error", ": binary file (not text)")]),
    Probe("empty.txt", lambda: b"", 0, [("error", ": empty file")]),
    Probe("blank.txt", lambda: b" \n\t\n   \n", 0, [("error", ": empty file")]),
    Probe("nested_300.html", lambda: _nested_html(300), 1),
    Probe("nested_5000.html", lambda: _nested_html(5000), 0,
          [("error", ": no readable text in this HTML page (elements nested deeper than 2,048 levels cannot be "
                     "read)")]),
    Probe("deep.json", lambda: b"[" * 200_000 + b"]" * 200_000, 0, [("error", ": not valid JSON: nested too deeply")]),
    Probe("deep_field.json", lambda: json.dumps({"author": [[[[[["Ana"]]]]]], "text": good_text(905)}).encode(),
          1, [("warning", ': field "author": a list with no names in it' + _NOT_A_NAME)]),
    Probe("author_object.json", lambda: json.dumps({"author": {"first": "Ana", "last": "Roth"},
                                                    "text": good_text(906)}).encode(), 1,
          [("warning", ': field "author": an object with keys "first", "last"' + _NOT_A_NAME)]),
    Probe("surrogates.json", lambda: ('{"text": "' + good_text(907).replace("\n", "\\n") + ' \\ud800 end"}'
                                      ).encode(), 1,
          [("warning", ": 1 unpaired surrogate code point(s) (invalid Unicode) replaced with U+FFFD")]),
    Probe("broken.jsonl", lambda: (json.dumps({"text": good_text(908)}) + "\n{not json\n").encode(), 1,
          [("error", " line 2: not valid JSON: Expecting property name enclosed in double quotes (column 2)")]),
    Probe("nul_inside.txt", lambda: good_text(909).encode() + b"\n" + b"x" * 9000 + b"\x00\x00 tail\n", 1),
    Probe("newline\nin name.txt", lambda: b"", 0, [("error", ": empty file")]),
    Probe("markdown_bomb.md", lambda: b"Bold\n\n" + b"**a " * 5_000 + b"[" * 50_000 + b"\n", 1,
          [("warning", ": characters 20,006-70,006: a run of 50,000 characters with no space was not parsed")]),
    Probe("huge_date.csv", lambda: ("published,text\n" + "9" * 300_000 + ',"' + good_text(910).replace("\n", " ")
                                    + '"\n').encode(), 1,
          [("warning", ' line 2: field "published": "' + "9" * 200 + '…" is not a date (expected YYYY-MM-DD, '
                       'YYYY-MM or YYYY, or a date like "June 11, 2024"); the article is kept without a '
                       "publication date")]),
]


def big_probes(scale: str) -> list[Probe]:
    """The probes that take seconds: "full" at the fault report's sizes, "test" cheaper to parse."""
    full = scale == "full"
    unit = "Serbia and Russia signed an agreement on gas supplies in Belgrade on Tuesday. " if full else \
        "Internationalisation "
    return [
        # a paragraph over spaCy's limit (2,000,000 characters: E088)
        Probe("huge_paragraph.txt",
              lambda: ("Gas accord\n\n2024-06-11\n\n" + unit * (2_100_000 // len(unit) + 1) + "\n").encode(), 1),
        # one sentence listing thousands of names: conjuncts deeper than Python's stack
        Probe("long_name_list.txt", lambda: b"Sanctions\n\n" + b"Serbia, Russia, " * (66_000 if full else 8_000)
              + b"imposed sanctions.\n", 1),
        # 40,000 sentences in one paragraph
        Probe("many_sentences.txt", lambda: b"Talks\n\n" + b"Serbia thanked Russia. " * (40_000 if full else 8_000)
              + b"\n", 1),
        # 10,000 nested quotations
        Probe("deep_quotes.txt", lambda: ("Quotes\n\nHe said " + "\u201cShe said \u2018" * 10_000 + "yes"
                                          + "\u2019\u201d" * 10_000 + "\n").encode(), 1,
              [("warning", ": characters 110,015-130,019: a run of 20,004 characters with no space was not parsed")]),
    ]


def write_probes(folder: Path, probes: list[Probe]) -> None:
    for p in probes:
        (folder / p.name).write_bytes(p.make())


def expected_lines(folder: Path, probes: list[Probe]) -> list[str]:
    """Every line the run must print about the probes (in no particular order)."""
    out = []
    for p in probes:
        shown = str(folder / p.name).replace("\n", "\\n")
        out += [f"{severity}: {shown}{rest}" for severity, rest in p.lines]
    return out
