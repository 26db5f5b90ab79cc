"""PLOVER's conventions for the sides a sentence leaves implicit, and document context for actors
with no country of their own. Sentences are ours; people and incidents are invented."""

from __future__ import annotations


def codes(side):
    return sorted({a.code for a in side if a.code})


def only(result, category):
    found = [e for e in result.events if e.event == category]
    assert len(found) == 1, [(e.event, e.text, e.actor, e.recipient) for e in result.events]
    return found[0]


def test_an_arrest_with_no_agent_is_the_police_of_the_place(code):
    r = code("Opposition blogger Ivan Petrenko was arrested in Minsk on Friday.")
    ev = only(r, "COERCE")
    (actor,) = ev.actor
    assert (actor.code, actor.sector) == ("BLR", "COP")
    assert actor.inferred and actor.entity_text == ""
    assert actor.to_plover()["inferred"] == actor.inferred
    assert ev.confidence < 0.8


def test_no_country_means_no_inferred_actor(code):
    r = code("Two local reporters were detained on Friday.")
    assert not [e for e in r.events if e.event == "COERCE"]


def test_a_bomb_is_the_means_not_the_agent(code):
    r = code("Two French soldiers were killed by a roadside bomb near the Malian town of Gao.")
    ev = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("MLI", "UAF")]
    assert codes(ev.recipient) == ["FRA"]


def test_a_named_agent_is_never_replaced(code):
    r = code("The journalist was detained by Georgian police in Tbilisi.")
    ev = only(r, "COERCE")
    assert [(a.code, a.sector, a.inferred) for a in ev.actor] == [("GEO", "COP", None)]


def test_a_protest_with_no_target_is_aimed_at_the_government_where_it_happens(code):
    r = code("Thousands of farmers demonstrated in Lima on Monday.")
    ev = only(r, "PROTEST")
    assert codes(ev.actor) == ["PER"]
    (target,) = ev.recipient
    assert (target.code, target.sector) == ("PER", "GOV") and target.inferred


def test_a_protest_in_defiance_of_someone_is_aimed_at_them(code):
    r = code("Thousands of students marched through Almaty in defiance of Russian officials.")
    ev = only(r, "PROTEST")
    assert codes(ev.recipient) == ["RUS"] and not ev.recipient[0].inferred


def test_force_used_to_disperse_a_crowd_acts_on_the_crowd(code):
    r = code("Kenyan police fired tear gas to disperse opposition supporters on Tuesday.")
    ev = [e for e in r.events if e.event in ("ASSAULT", "COERCE")][0]
    assert codes(ev.actor) == ["KEN"] and codes(ev.recipient) == ["KEN"]


def test_state_force_with_no_target_named_acts_on_the_civilians_of_the_place(code):
    r = code("Riot police opened fire in the centre of Dhaka on Sunday.")
    ev = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("BGD", "COP")]
    assert [(a.code, a.sector) for a in ev.recipient] == [("BGD", "CVL")] and ev.recipient[0].inferred


def test_a_group_takes_the_country_its_own_phrase_places_it_in(code):
    r = code("Security forces in Chad have beaten dozens of students.")
    ev = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("TCD", "COP")]


def test_an_ethnic_group_is_coded_where_it_lives(code):
    r = code("About 200 ethnic Hungarians held a protest in Slovakia on Saturday.")
    ev = only(r, "PROTEST")
    assert codes(ev.actor) == ["SVK"]


def test_an_article_about_one_country_gives_its_institutions_that_country(code):
    r = code("Ghana's electoral commission published the results.\n\nThe government condemned the violence.")
    ev = only(r, "ACCUSE")
    assert codes(ev.actor) == ["GHA"]


def test_a_visit_with_no_host_named_is_to_the_country_of_the_place(code):
    r = code("The French president's state visit in Brasilia ended on Friday.")
    ev = only(r, "CONSULT")
    assert codes(ev.actor) == ["FRA"] and codes(ev.recipient) == ["BRA"] and ev.recipient[0].inferred


def test_diplomats_expelled_from_a_country_are_expelled_by_it(code):
    r = code("The expulsion of four Belarusian diplomats from Latvia was announced on Monday.")
    ev = only(r, "SANCTION")
    assert [(a.code, a.sector) for a in ev.actor] == [("LVA", "GOV")] and codes(ev.recipient) == ["BLR"]


def test_weapons_platforms_are_the_military_and_an_attack_abroad_strikes_where_it_lands(code):
    r = code("Turkish warplanes bombed targets near the Iraqi town of Zakho on Tuesday.")
    ev = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("TUR", "MIL")]
    assert codes(ev.recipient) == ["IRQ"]


def test_a_threat_is_aimed_where_the_threatened_act_would_land_and_the_act_is_not_coded(code):
    r = code("The militants threatened on Monday to resume attacks in Nigeria.\n\nThe Nigerian army said so.")
    assert [e.event for e in r.events] == ["THREATEN"]
    assert codes(r.events[0].recipient) == ["NGA"]


def test_an_act_abroad_is_aimed_at_the_country_where_it_is_done(code):
    r = code("Israel has strengthened its forces in Lebanon.")
    assert codes(only(r, "MOBILIZE").recipient) == ["LBN"]
    r = code("Sudan's government on Sunday lifted the state of emergency in Darfur.")
    ev = only(r, "CONCEDE")
    assert codes(ev.actor) == ["SDN"] and codes(ev.recipient) == ["SDN"]


def test_the_source_a_report_is_attributed_to_is_no_party(code):
    r = code("The army imposed a curfew in Bamako on Saturday, a spokeswoman for the French embassy said.")
    ev = only(r, "COERCE")
    assert codes(ev.recipient) == ["MLI"]


def test_a_withdrawal_is_from_the_place_left_a_delivery_from_its_giver(code):
    r = code("The United States speeded up the withdrawal of its forces from Panama on Wednesday.")
    ev = only(r, "RETREAT")
    assert codes(ev.actor) == ["USA"] and codes(ev.recipient) == ["PAN"]


def test_forces_readied_for_a_war_face_its_enemy(code):
    r = code("Britain mobilized army reservists for a possible war against Iraq on Tuesday.")
    ev = only(r, "MOBILIZE")
    assert codes(ev.actor) == ["GBR"] and codes(ev.recipient) == ["IRQ"]


def test_an_investigation_into_crimes_is_aimed_at_whoever_committed_them(code):
    r = code("Serbian police have launched an investigation into alleged crimes committed by Croat forces.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("HRV", "MIL")]


def test_a_compass_word_and_a_country_is_that_country(code):
    r = code("Israel mounted an invasion of South Lebanon on Sunday.")
    assert codes(only(r, "ASSAULT").recipient) == ["LBN"]


def test_those_who_lead_or_speak_for_a_group_are_coded_as_the_group(code):
    r = code("Leaders of the Georgian opposition agreed to postpone the march.")
    ev = only(r, "AGREE")
    assert [(a.code, a.sector) for a in ev.actor] == [("GEO", "OPP")]


def test_places_named_as_the_town_of_x_keep_reports_apart(tmp_path):
    from kronika.runner import run_ingest
    from kronika.store import Store

    (tmp_path / "a.txt").write_text("Mosul\n\nMarch 4, 2024\n\nA roadside bomb near the town of Samarra killed two "
                                    "Iraqi farmers on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Baghdad\n\nMarch 4, 2024\n\nA roadside bomb in central Baghdad killed two Iraqi "
                                    "farmers on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "k.duckdb")
    run_ingest([str(tmp_path)], db=db, workers=1)
    n = Store(db).query("SELECT count(DISTINCT cluster_id) AS n FROM events WHERE event = 'ASSAULT'")[0]["n"]
    assert n == 2


def test_a_states_agents_acting_on_a_group_with_no_country_act_on_their_own_people(code):
    r = code("Turkish police prevented the demonstration staged by students at a university.")
    ev = only(r, "COERCE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("TUR", "EDU")]


def test_a_release_with_no_agent_is_by_the_state_where_it_happened(code):
    r = code("Two journalists were released from prison in Baku on Monday.")
    ev = only(r, "RETREAT")
    assert [(a.code, a.sector) for a in ev.actor] == [("AZE", "GOV")] and ev.actor[0].inferred


def test_a_visitor_is_not_from_the_place_visited(code):
    r = code("The president will travel to Brussels next week.")
    assert not r.events


def test_a_bomb_that_wounds_is_the_means_not_the_agent(code):
    r = code("A car bomb exploded outside a police station in Kirkuk, wounding six policemen.")
    ev = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in ev.actor] == [("IRQ", "UAF")]


def test_repression_announced_falls_on_the_civilians_of_the_place(code):
    r = code("President Jean Kouassi announced on Sunday that he will extend the night-time curfew in Abidjan.")
    ev = only(r, "THREATEN")
    assert [(a.code, a.sector) for a in ev.recipient] == [("CIV", "CVL")]


def test_help_promised_from_abroad_is_promised_to_the_country_of_the_story(code):
    r = code("Gunmen killed 12 soldiers near the border in northern Niger on Sunday. Chad's government offered "
             "to send troops to help secure the border.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["TCD"] and codes(ev.recipient) == ["NER"]


def test_a_permission_with_no_one_named_is_granted_by_the_state(code):
    r = code("Residents were allowed to return to their homes in Gaza on Monday.")
    ev = only(r, "CONCEDE")
    assert [(a.code, a.sector) for a in ev.actor] == [("PSE", "GOV")] and ev.actor[0].inferred


def test_a_state_or_gunmen_acting_at_home_on_no_one_named_act_on_its_civilians(code):
    r = code("SAN PEDRO SULA — Honduras suspended some constitutional guarantees in 32 neighbourhoods on Monday, "
             "after gunmen opened fire on three buses in San Pedro Sula.")
    assert sorted((e.event, [(a.code, a.sector) for a in e.recipient]) for e in r.events) == [
        ("ASSAULT", [("HND", "CVL")]), ("COERCE", [("HND", "CVL")])]


def test_a_place_said_of_a_party_in_a_relative_clause_is_not_where_the_act_is(code):
    r = code("Police in the Maldives detained 40 protesters in Male on Monday. The European Union delegation, which "
             "is based in Colombo, called on the authorities to release those detained.")
    (ev,) = [e for e in r.events if e.event == "REQUEST"]
    assert codes(ev.recipient) == ["MDV"]


def test_forces_sent_within_their_own_country_are_aimed_there_not_at_the_story_s_other_country(code):
    # a story of two countries: the pair rule would make El Salvador the target; the tagger reads the
    # Honduran city as a person's name
    r = code("SAN PEDRO SULA - Honduras deployed 2,500 soldiers to San Pedro Sula and Choloma on Monday. El Salvador "
             "offered to share intelligence with Honduras. El Salvador's government said El Salvador had detained "
             "80,000 people.")
    ev = only(r, "MOBILIZE")
    assert codes(ev.actor) == ["HND"] and codes(ev.recipient) == ["HND"]


def test_a_threat_is_aimed_at_whom_its_condition_asks_to_act(code):
    r = code("In messages painted on walls in Tegucigalpa, the Honduran gang threatened to paint the city red if the "
             "army did not leave.")
    ev = only(r, "THREATEN")
    assert [(a.code, a.sector) for a in ev.recipient] == [("HND", "MIL")]


def test_a_border_closed_is_closed_on_the_neighbour_the_story_is_about(code):
    r = code("Fighting between Somali government forces and Jubaland troops killed 12 people in Somalia's Gedo "
             "region. Hundreds of civilians fled into Kenya. Somalia's government blamed Jubaland. Kenya closed "
             "the Mandera crossing on Tuesday.")
    (ev,) = [e for e in r.events if "Mandera" in e.text]
    assert codes(ev.actor) == ["KEN"] and codes(ev.recipient) == ["SOM"]


def test_bare_officers_are_the_force_named_last_however_far_back(code):
    r = code("Albanian police clashed with opposition supporters in Tirana on Saturday. The prime minister "
             "condemned the violence and said those responsible would face the law. The interior minister, "
             "Blerta Kolgjini, praised officers for their restraint.")
    ev = only(r, "SUPPORT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("ALB", "COP")]


def test_another_side_of_the_same_country_named_in_the_clause_comes_before_the_story_s_other_country(code):
    r = code("Venezuela and Colombia agreed to cooperate. Venezuela said Colombia was wrong. Colombia's government "
             "suspended peace negotiations with the ELN in January after a bombing.")
    (ev,) = [e for e in r.events if e.sentence == 2]
    assert [(a.code, a.sector) for a in ev.recipient] == [("COL", "REB")]


def test_a_court_s_or_parliament_s_restriction_at_home_falls_on_the_country_s_civilians(code):
    r = code("Chile's Congress on Tuesday extended the state of emergency in Araucania by 30 days.")
    ev = next(e for e in r.events if e.event == "COERCE")
    assert codes(ev.recipient) == ["CHL"] and [a.sector for a in ev.recipient] == ["CVL"]


def test_internet_throttled_by_no_one_named_is_the_state_censoring_its_people(code):
    r = code("Mobile internet was throttled across Lomé for most of the afternoon, Togolese users said.")
    ev = next(e for e in r.events if e.event == "COERCE")
    assert ev.mode == ("censor",) and codes(ev.actor) == ["TGO"] and codes(ev.recipient) == ["TGO"]
