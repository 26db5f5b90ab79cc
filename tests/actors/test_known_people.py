"""People and groups from the knowledge base, end to end: a person named with no country in the
sentence is coded with the role held on the event's date; the article's own words win.

The people are real (the knowledge base is of real people); the sentences are ours.
"""

from __future__ import annotations


def side(event, which="actor"):
    return [(a.code, a.sector) for a in getattr(event, which) if a.entity_text]


def one(result, category):
    found = [e for e in result.events if e.event == category]
    assert len(found) == 1, [(e.event, e.text) for e in result.events]
    return found[0]


def test_a_known_person_is_coded_by_the_role_held_on_the_event_date(code):
    before = code("Ban Ki-moon met Japanese Foreign Minister Taro Aso in Tokyo on Monday.", published="2005-05-10")
    after = code("Ban Ki-moon met Japanese Foreign Minister Taro Aso in Tokyo on Monday.", published="2010-05-10")
    assert ("KOR", "GOV") in side(one(before, "CONSULT")) + side(one(before, "CONSULT"), "recipient")
    assert ("UNO", "GOV") in side(one(after, "CONSULT")) + side(one(after, "CONSULT"), "recipient")


def test_a_change_of_office_changes_the_sector(code):
    army = code("Abdel Fattah al-Sisi visited Sudan on Sunday.", published="2011-03-02")
    state = code("Abdel Fattah al-Sisi visited Sudan on Sunday.", published="2015-03-02")
    assert side(one(army, "CONSULT")) == [("EGY", "MIL")]
    assert side(one(state, "CONSULT")) == [("EGY", "GOV")]


def test_the_articles_own_words_win_over_the_knowledge_base(code):
    r = code("Former defence minister Abdel Fattah al-Sisi visited Sudan.", published="2011-03-02")
    assert side(one(r, "CONSULT")) == [("EGY", "ELI")]


def test_an_unknown_namesake_is_not_given_a_known_persons_country(code):
    # dozens of people of this surname are known: a surname alone picks none
    r = code("Khan praised the agreement.", published="2010-01-05")
    assert not r.events or all(a.code is None for e in r.events for a in e.actor)


def test_known_groups_and_agent_nouns_get_codes(code):
    r = code("UNITA rebels seized the town of Huambo.\n\nHamas threatened to resume attacks on Israel.",
             published="1999-01-05")
    codes = {(a.code, a.sector) for e in r.events for a in e.actor}
    assert ("AGO", "REB") in codes and ("PSE", "REB") in codes


def test_a_known_person_named_without_a_middle_name(code):
    # the knowledge base has "Carlos Saul Menem"
    r = code("A judge in Buenos Aires has summoned Carlos Menem to testify.", published="2001-05-02")
    codes = {a.code for e in r.events for a in e.recipient}
    assert "ARG" in codes
