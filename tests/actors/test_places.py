"""Cities and regions: a place's country, read from installed GeoNames and ISO 3166-2 data, and
chosen by the countries the article names when a name is shared."""

from __future__ import annotations

from kronika.actors.cities import lookup, region_country


def test_a_shared_city_name_is_the_one_in_a_country_the_article_names():
    assert lookup("Tripoli")["country"] == "LBY"
    assert lookup("Tripoli", prefer=frozenset({"LBN"}))["country"] == "LBN"
    assert lookup("Tripoli", prefer=frozenset({"FRA"}))["country"] == "LBY"  # no Tripoli there: the largest
    # a date line's "San José, Costa Rica": the country written after the city decides
    assert lookup("San José, Costa Rica")["country"] == "CRI"
    assert lookup("San Jose")["country"] == "USA"


def test_regions_give_their_country_unless_several_have_the_name():
    assert region_country("Texas") == "USA"
    assert region_country("Borno") == "NGA"
    assert region_country("Punjab") is None  # India and Pakistan
    assert region_country("Punjab", prefer=frozenset({"PAK"})) == "PAK"
    assert region_country("Monday") is None


def test_a_city_in_a_story_about_another_country_with_one_of_that_name(code):
    r = code("Rival militias clashed in Tripoli on Monday as shells hit the north Lebanese port.")
    ev = next(e for e in r.events if e.event == "ASSAULT")
    assert {a.code for a in ev.actor} == {"LBN"}
    assert ev.event_loc["country"] == "LBN"


def test_a_region_is_a_place_in_its_country_not_its_government(code):
    r = code("Police in Ontario arrested a protester on Friday.")
    ev = next(e for e in r.events if e.event == "COERCE")
    assert [(a.code, a.sector) for a in ev.actor] == [("CAN", "COP")]
    r = code("Syrian troops shelled Idlib on Friday.")
    ev = next(e for e in r.events if e.event == "ASSAULT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("SYR", None)]


def test_a_country_of_several_words_is_read_whole_and_a_region_the_tagger_missed_too(code):
    r = code("PORT MORESBY — Papua New Guinea's government sent 200 soldiers into Enga province on Sunday.")
    (ev,) = r.events
    assert [a.code for a in ev.actor] == ["PNG"]
    r = code("The Sri Lankan navy arrested 17 fishermen from Tamil Nadu early on Tuesday.")
    (ev,) = r.events
    assert [a.code for a in ev.actor] == ["LKA"] and [a.code for a in ev.recipient] == ["IND"]


def test_a_person_is_not_of_the_country_they_act_on_and_a_country_of_two_words_titles_them(code):
    r = code("On Wednesday, South Sudan's government negotiator Mary Ayen Malual praised Kenya's mediation.")
    (ev,) = r.events
    assert [(a.code, a.entity_text) for a in ev.actor] == [("SSD", "government negotiator Mary Ayen Malual")]
    r = code("Juba, 4 June. Government negotiator Mary Ayen Malual praised Kenya's mediation.")
    (ev,) = r.events
    assert [a.code for a in ev.actor] != ["KEN"]


def test_an_acronym_in_brackets_is_not_part_of_the_name(code):
    r = code("The South Sudanese envoy thanked the Intergovernmental Authority on Development (IGAD) for its help.")
    names = {a.identifier_text for e in r.events for a in e.recipient}
    assert "Intergovernmental Authority on Development" in names


def test_in_a_story_of_two_countries_one_who_acts_on_one_is_of_the_other(code):
    r = code("South Sudan's army and Kenya's police met on Monday. South Sudan thanked Kenya. Kenya welcomed "
             "South Sudan's delegation. On Wednesday, government negotiator Mary Ayen Malual praised Kenya's "
             "mediation.")
    ev = next(e for e in r.events if e.event_text == "praised")
    assert [a.code for a in ev.actor] == ["SSD"]


def test_a_spokesman_speaks_for_a_government_and_is_not_of_the_country_he_accuses(code):
    r = code("On Tuesday, the Taliban government's chief spokesman, Mawlawi Abdul Hadi Samadi, accused Pakistan "
             "of violating Afghan territory.")
    (ev,) = r.events
    assert {a.sector for a in ev.actor} == {"GOV"}
    assert "PAK" not in {a.code for a in ev.actor} and [a.code for a in ev.recipient] == ["PAK"]


def test_a_place_in_what_a_title_is_for_is_not_the_holders_country(code):
    r = code("The EU's special representative for the Belgrade-Pristina dialogue, Henrik Aalto-Lindberg, urged "
             "Pristina to withdraw its special units. He also called on Belgrade to de-escalate.")
    assert [[a.code for a in e.actor] for e in r.events] == [["EUR", "EUR"], ["EUR"]]
