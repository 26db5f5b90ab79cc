"""Quote attribution on invented articles, through the real pipeline (spaCy, actors, quotes)."""

from __future__ import annotations

import pytest

from kronika.records import Quote


def one(quotes: tuple[Quote, ...], words: str, direct: bool = True) -> Quote:
    found = [q for q in quotes if words in q.text and q.direct is direct]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


HEAD = "Ministers speak out\n2024-03-14\n\n"


@pytest.mark.parametrize(("sentence", "channel"), [
    ("“We will not give up our claims,” Prime Minister Jan Horvat wrote on Instagram.", "instagram"),
    ("“We will not give up our claims,” Prime Minister Jan Horvat wrote on X.", "x"),
    ("“We will not give up our claims,” Prime Minister Jan Horvat wrote on Telegram.", "telegram"),
    ("“We will not give up our claims,” Prime Minister Jan Horvat said in an interview.", "interview"),
    ("“We will not give up our claims,” Prime Minister Jan Horvat told a press conference.",
     "press conference"),
    ("“We will not give up our claims,” Prime Minister Jan Horvat said on television.", "tv"),
    ("Prime Minister Jan Horvat said: “We will not give up our claims.”", None),
])
def test_channels(code, sentence: str, channel: str | None) -> None:
    q = one(code(HEAD + "ZAGREB – " + sentence + "\n").quotes, "We will not give up")
    assert q.speaker == "Jan Horvat"
    assert q.channel == channel
    assert q.date == "2024-03-14" and q.date_precision == "day"


def test_pronoun_speaker_and_date_of_saying(code) -> None:
    r = code(HEAD + "Croatian President Ana Kovač met the Slovenian prime minister in Ljubljana.\n\n"
             "«We have no border dispute left,» she said in 2019.\n")
    q = one(r.quotes, "no border dispute")
    assert q.speaker == "Ana Kovač" and q.speaker_text == "she"
    assert q.date == "2019" and q.date_precision == "year"


def test_statement_without_author_has_no_speaker(code) -> None:
    r = code(HEAD + "“The talks were constructive,” the statement said.\n")
    q = one(r.quotes, "talks were constructive")
    assert q.speaker is None and q.channel == "statement"


def test_statement_of_a_named_ministry(code) -> None:
    r = code(HEAD + "Croatia's Foreign Ministry said in a statement that the ambassador had been summoned.\n\n"
             "“The incident is unacceptable,” the statement added.\n")
    reported = one(r.quotes, "the ambassador had been summoned", direct=False)
    assert reported.channel == "statement" and "Foreign Ministry" in (reported.speaker or "")
    q = one(r.quotes, "incident is unacceptable")
    assert q.channel == "statement" and "Foreign Ministry" in (q.speaker or "")


def test_quote_continued_in_next_paragraph(code) -> None:
    r = code(HEAD + "“We will sign the agreement next week,” Prime Minister Jan Horvat said on Monday.\n\n"
             "“It will be the first such agreement between the two countries in twenty years.”\n")
    first = one(r.quotes, "sign the agreement next week")
    second = one(r.quotes, "first such agreement")
    assert first.speaker == second.speaker == "Jan Horvat"


def test_reported_speech_is_not_direct(code) -> None:
    r = code(HEAD + "Prime Minister Jan Horvat said that Croatia would open a consulate in Mostar.\n")
    q = one(r.quotes, "Croatia would open a consulate", direct=False)
    assert q.speaker == "Jan Horvat"
    assert not q.text.startswith("that")


def test_single_quotes_and_scare_quotes(code) -> None:
    r = code(HEAD + "Prime Minister Jan Horvat called the plan 'a dangerous provocation against our people'.\n\n"
             "Critics call it the so-called “southern route”.\n")
    assert one(r.quotes, "dangerous provocation").speaker == "Jan Horvat"
    assert not [q for q in r.quotes if "southern route" in q.text and q.direct]


def test_event_inside_a_quote_is_reported_by_its_speaker(code) -> None:
    r = code(HEAD + "“Serbia will never recognise Kosovo,” Serbian President Marko Petrović said on Monday.\n")
    assert any(e.reported_by == "Marko Petrović" for e in r.events), r.events


@pytest.mark.parametrize("verb", ["affirmed", "underlined", "answered"])
def test_speech_verbs_the_actors_stage_knew_attribute_quotes_too(code, verb: str) -> None:
    # One list of speech verbs for both stages (kronika.lang.en): these were the actors stage's only.
    q = one(code(HEAD + f"ZAGREB – “We will not give up our claims,” Prime Minister Jan Horvat {verb}.\n").quotes,
            "We will not give up")
    assert q.speaker == "Jan Horvat"


def test_continue_to_act_is_no_speech_verb(code) -> None:
    # "continue" was the actors stage's; as one list for both stages it would take this quote from "said"
    q = one(code(HEAD + "An Israeli military spokesman, Lt. Col. Avraham Ben-Shoshan, said Israel would "
                 "\"continue to act against any threat\" and would not allow Hezbollah to \"re-establish "
                 "itself\" near the border.\n").quotes, "re-establish itself")
    assert q.speaker == "Avraham Ben-Shoshan"
