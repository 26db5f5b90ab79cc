"""kronika.lang.en: calendar words, stopwords and quotation marks, each listed once."""

from __future__ import annotations

from kronika.lang.en import DOUBLE_QUOTE_MARKS, MONTHS, QUOTE_PAIRS, SINGLE_QUOTES, STOP_WORDS, WEEKDAYS


def test_months_in_every_spelling_news_uses() -> None:
    assert MONTHS["jan"] == MONTHS["january"] == 1 and MONTHS["may"] == 5
    assert MONTHS["sep"] == MONTHS["sept"] == MONTHS["september"] == 9
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert len(MONTHS) == 24


def test_weekdays_count_from_monday_as_datetime_does() -> None:
    assert WEEKDAYS == {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                        "saturday": 5, "sunday": 6}


def test_stopwords_hold_function_words_reporting_verbs_and_time_words() -> None:
    assert len(STOP_WORDS) == 140
    assert {"the", "of", "said", "according", "yesterday", "month"} <= STOP_WORDS
    assert set(WEEKDAYS) <= STOP_WORDS
    assert not {"sanctions", "minister", "signed"} & STOP_WORDS


def test_quotation_marks() -> None:
    assert QUOTE_PAIRS["„"] == "“”" and QUOTE_PAIRS["«"] == "»"
    assert SINGLE_QUOTES <= set(QUOTE_PAIRS)
    assert DOUBLE_QUOTE_MARKS == {"“", "”", "„", '"', "«", "»"}
