"""Every quotation in the seed articles, with its speaker, channel and date (read from ../shared).

Assertions use short evidence words and speaker names only; the articles stay in ../shared.
"""

from __future__ import annotations

from typing import Any

import pytest

from kronika.lang.en import fold
from kronika.store import Store
from kronika.store.queries import QuoteFilter, quotes

pytestmark = pytest.mark.seeds

# (file prefix, words of the quote, speaker words or None, channel, date) for every direct quotation.
DIRECT = [
    ("000", "a special centre for espionage", "United States", None, "2016"),
    ("000", "we have heard it is the best", "Ajikeev", "statement", "2021-07-23"),
    ("000", "The state has its serious policy", "Vucic", None, "2019"),
    ("000", "Humanitarian Centre (Centre) is an", "Centre", "website", "2021-07-23"),
    ("001", "Welcome, dear brothers", None, "sign", None),
    ("001", "I reiterated my gratitude to Russia", "Vucic", "facebook", None),
    ("001", "in our hands", "Vucic", None, None),
    ("001", "paid for it a long time ago", "Vucic", None, None),
    ("001", "701 complex weapons systems", "Vucic", None, None),
    ("002", "legal proceedings", "Defense Ministry", "statement", None),
    ("002", "Americans will go crazy", "Informer", "headline", "2020"),
    ("003", "attempts to limit Russia", None, "statement", "2024-06-11"),
    ("003", "harm the interests of combating crime", "Vulin", None, "2024-06-11"),
    ("003", "asking for my head", "Vulin", None, "2023"),
    ("004", "did not impose sanctions against Russia", "Vulin", None, None),
    ("004", "Serbia will never forget the help of Russia", "Vulin", None, None),
    ("004", "neutral plates", "Vucic", None, None),
]
# Reported speech ("said that ..."): (file prefix, words, speaker words, channel, date).
REPORTED = [
    ("000", "Kyrgyzstan was interested in cooperating", "Vulin", None, "2021-07-23"),
    ("000", "Vulin met Minister of Emergency Situations", "Interior Ministry", "statement", "2021-07-23"),
    ("000", "the EU would criticise him", "Vucic", None, "2019"),
    ("000", "his Ministry was open to improve", "Vulin", None, "2021-07-23"),
    ("001", "Russian health system", "Grujičić", None, None),
    ("001", "exchange experiences in the field of health", "Murashk", None, None),
    ("001", "Aleksandar Bocan-Kharchenko", "Vucic", "instagram", None),
    ("002", "strengthen military cooperation", "Defense Ministry", "statement", "2020"),
    ("003", "could not be conducted without Russia", "Vulin", None, "2024-06-11"),
    ("004", "reaffirmed their strong relations", "Vulin", None, None),
    ("004", "Russia would continue to support Serbia", "Lavrov", None, None),
]


@pytest.fixture(scope="module")
def seed_quotes(seeds_db: str) -> list[dict[str, Any]]:
    return [q.to_json() for q in quotes(Store(seeds_db, read_only=True), QuoteFilter())]


def _find(rows: list[dict[str, Any]], prefix: str, words: str, direct: bool) -> list[dict[str, Any]]:
    return [q for q in rows if q["source_file"].startswith(prefix) and q["direct"] is direct
            and fold(words) in fold(q["text"])]


@pytest.mark.parametrize(("prefix", "words", "speaker", "channel", "date"), DIRECT)
def test_direct_quote(seed_quotes, prefix: str, words: str, speaker: str | None, channel: str | None,
                      date: str | None) -> None:
    found = _find(seed_quotes, prefix, words, True)
    assert len(found) == 1, f"{words!r}: {len(found)} quotes"
    q = found[0]
    if speaker is None:
        assert q["speaker"] is None
    else:
        assert fold(speaker) in fold(q["speaker"] or ""), q
    assert q["channel"] == channel
    assert (q["date"] or "").startswith(date or "") and (date is not None or q["date"] is None), q


@pytest.mark.parametrize(("prefix", "words", "speaker", "channel", "date"), REPORTED)
def test_reported_speech(seed_quotes, prefix: str, words: str, speaker: str, channel: str | None,
                         date: str | None) -> None:
    found = _find(seed_quotes, prefix, words, False)
    assert found, f"{words!r} is not reported speech"
    q = found[0]
    assert fold(speaker) in fold(q["speaker"] or ""), q
    assert q["channel"] == channel
    assert q["date"] == date


def test_no_other_direct_quotes(seed_quotes) -> None:
    """Scare quotes ("so-called “Serbian world”") are not quotations; the caption's repeat is not a second one."""
    direct = [q for q in seed_quotes if q["direct"]]
    expected = {(p, fold(w)) for p, w, *_ in DIRECT}
    extra = [q["text"] for q in direct
             if not any(q["source_file"].startswith(p) and w in fold(q["text"]) for p, w in expected)]
    assert extra == []
    assert len(direct) == len(DIRECT)


def test_quote_cites_raw_offsets(seeds_db: str, seed_quotes) -> None:
    store = Store(seeds_db, read_only=True)
    for q in seed_quotes:
        raw = store.scalar("SELECT raw_text FROM documents WHERE doc_id = ?", [q["doc_id"]])
        assert raw[q["char_start"]:q["char_end"]] == q["text"]


@pytest.mark.parametrize(("prefix", "trigger", "speaker"), [
    ("001", "reiterated gratitude", "Vu"),
    ("004", "impose sanctions", "Vulin"),
    ("000", "met", "Interior Ministry"),
    ("004", "support", "Lavrov"),
])
def test_events_inside_quotes_are_reported_by_the_speaker(seeds_db: str, prefix: str, trigger: str,
                                                          speaker: str) -> None:
    rows = Store(seeds_db, read_only=True).query(
        "SELECT e.reported_by FROM events e JOIN documents d USING (doc_id) "
        "WHERE d.source_file LIKE ? AND e.event_text = ?", [prefix + "%", trigger])
    assert rows and all(speaker in (r["reported_by"] or "") for r in rows), rows


def test_speaker_filter_and_dates(cli, seeds_db: str) -> None:
    out = cli("quotes", "--db", seeds_db, "--speaker", "Vucic", "--since", "2019", "--until", "2019",
              "--format", "jsonl").output
    lines = [line for line in out.splitlines() if line]
    assert len(lines) == 2 and all('"date": "2019"' in line for line in lines)
