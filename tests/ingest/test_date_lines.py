"""Outlet and date lines of every common shape: the date (with its precision) and the outlet they give.

Written the way users save articles: a title, then a line with the outlet and the date in some order,
then the story. Every shape here was seen on real pages; the outlets and stories are invented or generic.
"""

from __future__ import annotations

import pytest

from kronika.ingest import article_from_text

BODY = ("Lakeland's parliament ratified the fisheries accord with Norvia by a wide margin on Thursday, "
        "officials said.\n")


def read(header: str, body: str = BODY) -> tuple[str | None, str | None, str | None]:
    article = article_from_text(f"Lakeland ratifies fisheries accord\n\n{header}\n\n{body}",
                                source_file="a.txt", source_path="a.txt")
    return article.published, article.date_precision, article.outlet


SHAPES = [
    # the date alone, in the forms pages print it
    ("June 11, 2024", ("2024-06-11", "day", None)),
    ("Monday, June 13, 2016", ("2016-06-13", "day", None)),
    ("13th June 2016", ("2016-06-13", "day", None)),
    ("2016-06-13", ("2016-06-13", "day", None)),
    ("13.06.2016", ("2016-06-13", "day", None)),
    ("13/06/2016", ("2016-06-13", "day", None)),
    ("6/13/2016", ("2016-06-13", "day", None)),
    ("June 2016", ("2016-06", "month", None)),
    # with a label
    ("Published: June 13, 2016", ("2016-06-13", "day", None)),
    ("Published 13 June 2016, 09:15 GMT", ("2016-06-13", "day", None)),
    ("Updated June 13, 2016 10:03 a.m. ET", ("2016-06-13", "day", None)),
    ("Last updated 2016-06-13T10:00:00Z", ("2016-06-13", "day", None)),
    ("Posted Jun. 13, 2016 at 9:00 PM", ("2016-06-13", "day", None)),
    ("Date: 2016-06-13", ("2016-06-13", "day", None)),
    ("NEWS 23.07.2021 21:03", ("2021-07-23", "day", None)),
    ("Published on 13 June 2016 by Lake Press", ("2016-06-13", "day", "Lake Press")),
    ("Published on 13 June 2016 by Jane Doe", ("2016-06-13", "day", None)),
    # the outlet first
    ("Lake Press, June 11, 2024", ("2024-06-11", "day", "Lake Press")),
    ("The News International, April 27, 2019", ("2019-04-27", "day", "The News International")),
    ("Public Radio of Armenia, January 23, 2023", ("2023-01-23", "day", "Public Radio of Armenia")),
    ("Associated Press (via tribtown.com), February 26, 2021", ("2021-02-26", "day", "Associated Press")),
    ("The San Diego Union-Tribune (Associated Press), June 13, 2016",
     ("2016-06-13", "day", "The San Diego Union-Tribune")),
    ("Radio Free Europe/Radio Liberty, June 13, 2016", ("2016-06-13", "day", "Radio Free Europe/Radio Liberty")),
    ("Deutsche Welle (DW), 13.06.2016", ("2016-06-13", "day", "Deutsche Welle")),
    ("Le Monde with AFP, 13 June 2016", ("2016-06-13", "day", "Le Monde")),
    ("Al Jazeera and news agencies, 13 June 2016", ("2016-06-13", "day", "Al Jazeera")),
    ("BBC News, 13 June 2016", ("2016-06-13", "day", "BBC News")),
    ("The Kyiv Independent, Jan. 5, 2024 12:30 pm", ("2024-01-05", "day", "The Kyiv Independent")),
    ("Kyodo, Tokyo, June 13, 2016", ("2016-06-13", "day", "Kyodo")),
    ("Lake Press | June 13, 2016", ("2016-06-13", "day", "Lake Press")),
    ("Lake Press - June 13, 2016", ("2016-06-13", "day", "Lake Press")),
    ("Xinhua | Updated: 2016-06-13 10:03", ("2016-06-13", "day", "Xinhua")),
    # the date first
    ("June 13, 2016, The San Diego Union-Tribune", ("2016-06-13", "day", "The San Diego Union-Tribune")),
    ("June 13, 2016 | Lake Press", ("2016-06-13", "day", "Lake Press")),
    ("13 June 2016 — BBC News", ("2016-06-13", "day", "BBC News")),
    ("June 13, 2016 / 10:03 AM / Lake Press", ("2016-06-13", "day", "Lake Press")),
    # long lines with a byline, the outlet and a place around the date
    ("Lake Press staff | Port Louis, Mauritius | March 7, 2025", ("2025-03-07", "day", "Lake Press")),
    ("Lake Chronicle, Port Louis. Thursday June 26, 2025. Reporting by Jane Doe",
     ("2025-06-26", "day", "Lake Chronicle")),
    ("By Jane Doe and John Roe, Island Ocean Wire — Oct. 22, 2024", ("2024-10-22", "day", "Island Ocean Wire")),
    ("By Jane Doe | Lake Ledger | 11 February 2025", ("2025-02-11", "day", "Lake Ledger")),
    ("By Jane Doe, Lakeland Observer | 9 September 2025", ("2025-09-09", "day", "Lakeland Observer")),
    ("Published by Lake Review on 16 May 2024 at 18:05", ("2024-05-16", "day", "Lake Review")),
    ("Lake Press — Port Louis — Monday, 24 March 2025", ("2025-03-24", "day", "Lake Press")),
    # an outlet's name with the small words of other languages; a time with its zone's offset
    ("Jornal do Lago English Edition | Santarém, Pará | 20/08/2025",
     ("2025-08-20", "day", "Jornal do Lago English Edition")),
    ("Lake Press · September 10, 2024 · 4:12 PM GMT+2", ("2024-09-10", "day", "Lake Press")),
    ("Jun 3, 2025, 2:14 PM GMT+8", ("2025-06-03", "day", None)),
    ("Published 3 June 2025 | Updated 4 June 2025", ("2025-06-03", "day", None)),
    # the outlet after the city; a zone in brackets; a local time named
    ("Riga, 30 October 2024 | Lake Daily | Reporting by Jane Doe", ("2024-10-30", "day", "Lake Daily")),
    ("Lake Chronicle — Tuesday, 8 July 2025, 14:40 (GMT+3)", ("2025-07-08", "day", "Lake Chronicle")),
    ("Posted 07/10/2025 at 06:30 (Nouméa time) — Lake Presse", ("2025-10-07", "day", "Lake Presse")),
    # a Roman month, a two-digit year, the date in brackets, an update time in brackets, other separators,
    # where the story was filed, an outlet in capitals
    ("Portmouth/Vale, 4.IX.2025 — Lake Monitor", ("2025-09-04", "day", "Lake Monitor")),
    ("Lake Times — Friday 12.09.25", ("2025-09-12", "day", "Lake Times")),
    ("PORT ELLIS (05/03/2025)", ("2025-03-05", "day", None)),
    ("Lake & Sea Daily, Port Ellis — 2 May 2025 (updated 10:20 LST)", ("2025-05-02", "day", "Lake & Sea Daily")),
    ("LAKE HERALD ▪ PORT ELLIS ▪ MAY 2 2025 ▪ 9:05 AM", ("2025-05-02", "day", "Lake Herald")),
    ("Filed from Vale and Portmouth, 2 May 2025 | Lake Review", ("2025-05-02", "day", "Lake Review")),
    ("From our Vale bureau — Lake Evening Post, Friday May 2nd, 2025", ("2025-05-02", "day", "Lake Evening Post")),
    # an update time after the date, with its label
    ("Lake Valley Review | Friday 2 May 2025, updated 17:40 | Vale and Portmouth", ("2025-05-02", "day",
                                                                                  "Lake Valley Review")),
]


@pytest.mark.parametrize(("line", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_outlet_and_date_line(line: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert read(line) == expected


DATELINES = [
    # the wire's dateline at the start of the story: the city, the agency, and the date when it has a year
    ("MOSCOW, June 13, 2016 (Reuters) - Russia and Serbia signed a gas agreement on Monday, the Kremlin said.",
     ("2016-06-13", "day", "Reuters", "Moscow")),
    ("MOSCOW, June 13 (Reuters) -- Russia and Serbia signed a gas agreement on Monday, the Kremlin said.",
     (None, None, "Reuters", "Moscow")),
    ("Moscow, June 13 (AP) — Russia and Serbia signed a gas agreement on Monday, the Kremlin said.",
     (None, None, "AP", "Moscow")),
    ("WASHINGTON (AP) — The United States and Canada signed a border agreement on Monday, officials said.",
     (None, None, "AP", "Washington")),
    # the day first, the agency between slashes or before the date
    ("PORT ELLIS, 2 May 2025 /Lake Wire/ - Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-05-02", "day", "Lake Wire", "Port Ellis")),
    ("PORT ELLIS (Lake Post), 2 May 2025 — Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-05-02", "day", "Lake Post", "Port Ellis")),
    # a city with an accented capital
    ("SÃO TOMÉ, Oct 8, 2025 (Lake Wire) - Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-10-08", "day", "Lake Wire", "São Tomé")),
]


WIRE_LINES = [
    # the wire's date line above the story: the place, the date, the outlet in brackets
    ("Port Louis, 2 April 2025 (Bay Bulletin)", ("2025-04-02", "day", "Bay Bulletin", "Port Louis")),
    ("PORT LOUIS, Oct 28, 2025 (Lake & Sea Report) —", ("2025-10-28", "day", "Lake & Sea Report", "Port Louis")),
]


@pytest.mark.parametrize(("line", "expected"), WIRE_LINES, ids=[w[0] for w in WIRE_LINES])
def test_wire_date_line(line: str, expected: tuple[str | None, str | None, str | None, str | None]) -> None:
    article = article_from_text(f"Lakeland ratifies fisheries accord\n\n{line}\n\n{BODY}",
                                source_file="a.txt", source_path="a.txt")
    assert (article.published, article.date_precision, article.outlet, article.dateline) == expected


@pytest.mark.parametrize(("body", "expected"), DATELINES, ids=[d[0][:30] for d in DATELINES])
def test_dateline(body: str, expected: tuple[str | None, str | None, str | None, str | None]) -> None:
    article = article_from_text(f"Gas accord signed\n\n{body}\n", source_file="a.txt", source_path="a.txt")
    assert (article.published, article.date_precision, article.outlet, article.dateline) == expected


NOT_OUTLETS = [
    # a headline-like line with a date in it is a sentence, not an outlet line
    "Lakeland's parliament voted on June 11, 2024",
    "Serbia and Russia met in Belgrade on June 11, 2024 to discuss gas",
]


@pytest.mark.parametrize("line", NOT_OUTLETS)
def test_a_sentence_with_a_date_gives_neither(line: str) -> None:
    assert read(line) == (None, None, None)



@pytest.mark.parametrize(("line", "city"), [
    ("Lake & Sea Daily, Port Ellis — 2 May 2025 (updated 10:20 LST)", "Port Ellis"),
    ("VALE | Lake Coast Daily | posted 2.5.2025, 18h40", "Vale"),
    ("Lake Current • Portmouth • 2 May 2025", "Portmouth"),
    ("Lake Times staff | Port Ellis, Lakeland | 2 May 2025", "Port Ellis, Lakeland"),
    ("By Jane Doe, Vale | 2 May 2025", None),  # where the author is, not the story
    ("BBC News, 13 June 2016", None),
    # the city said in words: filed from, a dispatch from, a dateline
    ("Filed from Port Ellis at 11:40 on 2 May 2025 — The Lake Courier", "Port Ellis"),
    ("Steppe News Service — dispatch from Vale, filed Tuesday 2 May 2025", "Vale"),
    ("Dateline Portmouth — Lake Channel Wire — Friday 2 May 2025", "Portmouth"),
])
def test_the_city_a_date_line_names_beside_its_outlet(line: str, city: str | None) -> None:
    article = article_from_text(f"Lakeland ratifies fisheries accord\n\n{line}\n\n{BODY}", source_file="a.txt",
                                source_path="a.txt")
    assert article.dateline == city


@pytest.mark.parametrize(("body", "expected"), [
    # a weekday before the date, the date in figures, or the date between two dashes after the agency
    ("NOUAKCHOTT (Sahel Wire) Tue May 27, 2025 – Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-05-27", "day", "Sahel Wire", "Nouakchott")),
    ("PORT ELLIS (Lake Post) 21/08/2025 — Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-08-21", "day", "Lake Post", "Port Ellis")),
    ("PORT ELLIS (Lake Post) — 27 November 2025 — Lakeland and Norvia signed a border agreement on Monday.",
     ("2025-11-27", "day", "Lake Post", "Port Ellis")),
])
def test_dateline_dates_in_other_shapes(body: str, expected: tuple[str | None, ...]) -> None:
    article = article_from_text(f"Border accord signed\n\n{body}\n", source_file="a.txt", source_path="a.txt")
    assert (article.published, article.date_precision, article.outlet, article.dateline) == expected


@pytest.mark.parametrize(("line", "published"), [
    # header lines that only date the article, in words no pattern reads
    ("From the Lake Times newsroom, Port Ellis: June 30, 2026", "2026-06-30"),
    ("Port Ellis bureau, Lake Wire Agency. October 6th, 2024", "2024-10-06"),
    ("Lake Sea Chronicle — Port Ellis, 4 November 2025 (3 min read)", "2025-11-04"),
    ("Steppe News Service — dispatch from Port Ellis, filed Tuesday 18 June 2024", "2024-06-18"),
    ("Voz de la Costa (English service), Port Ellis, 24 September 2024, 16:20 UYT", "2024-09-24"),
    ("Lake Wire / PORT ELLIS / 2026.01.22 / 14:05", "2026-01-22"),
    # a dek that tells of something on a date is no date line
    ("Voters go to the polls on 12 May 2025 in a tense race", None),
])
def test_a_short_header_line_with_a_date_dates_the_article(line: str, published: str | None) -> None:
    assert read(line)[0] == published
