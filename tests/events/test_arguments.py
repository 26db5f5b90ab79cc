"""Who did it and to whom, where the parser stumbles. Sentences are ours."""

from __future__ import annotations


def test_a_sentence_misread_as_a_noun_phrase_keeps_its_subject(code):
    # the small model reads "X threatened to ..." and "X protested ..." as a noun with a participle
    r = code("Tamil fishermen protested in Sri Lanka on Friday.")
    assert [(e.event, sorted(a.code for a in e.actor)) for e in r.events] == [("PROTEST", ["LKA"])]


def test_a_headline_participle_is_still_a_passive(code):
    r = code("Five Iraqi protesters killed in Baghdad.")
    assert all("IRQ" not in {a.code for a in e.actor} or e.event != "ASSAULT" for e in r.events)


def test_a_group_named_by_several_words_and_a_noun_is_one_actor(code):
    r = code("Boko Haram militants attacked a village in Nigeria.")
    (ev,) = [e for e in r.events if e.event == "ASSAULT"]
    assert [(a.code, a.sector) for a in ev.actor] == [("NGA", "REB")]


def test_a_name_before_a_coordinated_verb_is_its_subject_however_the_parser_joined_it(code):
    # the parser reads "a Polish consul and Warsaw" as one object and leaves "accused" without a subject
    r = code("Poland closed a road crossing on Wednesday, hours after Minsk expelled a Polish consul and Warsaw "
             "accused the Belarusian authorities of holding a journalist as a hostage.")
    (ev,) = [e for e in r.events if e.event == "ACCUSE"]
    assert [a.code for a in ev.actor] == ["POL"] and [a.code for a in ev.recipient] == ["BLR"]
