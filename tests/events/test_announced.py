"""PLOVER's readings of acts announced, intended or refused rather than done (modality rules).
Sentences are ours."""

from __future__ import annotations

import pytest


def codes(side):
    return sorted({a.code for a in side if a.code})


def categories(result):
    return sorted(e.event for e in result.events)


def only(result, category):
    found = [e for e in result.events if e.event == category]
    assert len(found) == 1, [(e.event, e.text, e.actor, e.recipient) for e in result.events]
    return found[0]


def test_a_release_announced_is_an_intent_to_cooperate(code):
    r = code("Colombian rebels said they will release the hostages on Sunday.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["COL"] and "future" in ev.aux  # "they" is the rebels who said so


def test_a_withdrawal_announced_is_a_concession(code):
    r = code("The Ethiopian army will withdraw from the border town next week.")
    assert categories(r) == ["CONCEDE"]


def test_repression_announced_by_its_actor_is_a_threat(code):
    r = code("The Kenyan interior minister said police will arrest anyone who joins the march.")
    ev = only(r, "THREATEN")
    assert ev.mode == ("arrest",) and codes(ev.actor) == ["KEN"]


def test_a_decision_to_sanction_is_a_sanction_announced(code):
    r = code("EU leaders agreed to sanction Belarus.")
    ev = only(r, "SANCTION")
    assert "future" in ev.aux and codes(ev.recipient) == ["BLR"]
    assert "AGREE" not in categories(r)


def test_a_cooperative_act_its_actor_will_not_do_is_a_refusal(code):
    r = code("Cuba will not attend the summit in Lima.")
    ev = only(r, "REJECT")
    assert "negation" not in ev.aux and codes(ev.actor) == ["CUB"]


def test_a_negated_past_act_stays_negated(code):
    r = code("Austria did not send aid to Moldova.")
    ev = only(r, "AID")
    assert "negation" in ev.aux


def test_declining_to_act_is_a_refusal(code):
    r = code("Estonian Prime Minister Kaja Tamm declined to resign on Monday.")
    assert categories(r) == ["REJECT"]


def test_falling_figures_are_no_refusal(code):
    r = code("Turnout in Chile declined sharply last year.")
    assert categories(r) == []


def test_readiness_to_act_is_an_intent_to_cooperate_whatever_the_verb(code):
    r = code("Norway is ready to contribute engineers to the reconstruction of Haiti.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["NOR"]
    r = code("Ireland said it is committed to opening up its ports to Ukrainian grain.")
    assert codes(only(r, "AGREE").actor) == ["IRL"]


def test_an_invitation_is_the_event_not_the_visit_it_asks_for(code):
    r = code("Kenya invited Somalia's president to visit Nairobi.")
    assert categories(r) == ["AGREE"]
    assert codes(r.events[0].recipient) == ["SOM"]


def test_no_interest_in_an_act_is_a_refusal(code):
    r = code("Indonesia said it has no interest in speaking to the Papuan separatists.")
    ev = only(r, "REJECT")
    assert codes(ev.actor) == ["IDN"] and "negation" not in ev.aux


def test_unwillingness_is_a_refusal_not_a_negated_talk(code):
    r = code("Chile is not willing to negotiate with Bolivia.")
    ev = only(r, "REJECT")
    assert codes(ev.actor) == ["CHL"] and codes(ev.recipient) == ["BOL"] and "negation" not in ev.aux
    assert "CONSULT" not in categories(r)


def test_a_permission_granted_is_a_concession_to_the_one_allowed(code):
    r = code("The Georgian government allowed opposition leader Nika Beridze to hold a rally in Batumi.")
    ev = only(r, "CONCEDE")
    assert codes(ev.actor) == ["GEO"]
    assert [a.sector for a in ev.recipient] == ["OPP"]


def test_an_army_preparing_to_strike_mobilises_a_state_ready_to_strike_threatens(code):
    r = code("The Macedonian army prepared to resume shelling rebel positions near Tetovo.")
    assert categories(r) == ["MOBILIZE"]
    r = code("Japan is prepared to strike North Korean missile sites.")
    assert categories(r) == ["THREATEN"]


def test_a_protest_announced_by_its_actor_is_a_threat(code):
    r = code("Palestinian leaders said they would boycott all official contact with the United States.")
    ev = only(r, "THREATEN")
    assert codes(ev.actor) == ["PSE"] and codes(ev.recipient) == ["USA"]


def test_an_act_announced_unless_something_is_done_is_an_ultimatum(code):
    r = code("Nigeria announced that it will withdraw its peacekeepers from Chad unless the president calls "
             "elections.")
    ev = only(r, "THREATEN")
    assert codes(ev.actor) == ["NGA"] and codes(ev.recipient) == ["TCD"]
    r = code("The EU will impose sanctions on Belarus if the crackdown continues.")
    assert categories(r) == ["THREATEN"]


def test_a_cooperative_act_on_a_condition_is_an_offer(code):
    r = code("Afghan rebel leaders said they would meet the Pakistani mediator if he gave them a veto.")
    ev = only(r, "AGREE")
    assert "hypothetical" not in ev.aux and codes(ev.recipient) == ["PAK"]


def test_telling_another_party_what_it_must_do_is_a_demand(code):
    r = code("Russia said on Tuesday that Sudan must return the captured helicopter.")
    ev = only(r, "REQUEST")
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["SDN"]
    assert "RETREAT" not in categories(r)  # what must be done is not done
    r = code("The minister said he must leave early.")
    assert "REQUEST" not in categories(r)


def test_a_demand_is_made_of_the_subject_of_what_is_demanded(code):
    r = code("Kurdish rebels issued a statement demanding that the Turkish government release their leader.")
    ev = only(r, "REQUEST")
    assert [(a.code, a.sector) for a in ev.recipient] == [("TUR", "GOV")]


def test_taking_in_refugees_is_aid_and_a_conditional_refusal_stays_a_refusal(code):
    r = code("Jordan accepted 2,000 Syrian refugees last month.")
    assert categories(r) == ["AID"]
    r = code("Syria says it will not accept any more refugees if war starts in Iraq.")
    assert categories(r) == ["REJECT"]


def test_a_permission_hung_inside_its_object_is_still_a_permission(code):
    r = code("Turkey will allow up to 13,000 refugees who have lived in Iraq for a decade to return home.")
    assert categories(r) == ["AGREE"]  # a concession announced: an intent to cooperate


def test_what_is_done_without_consulting_is_not_done(code):
    r = code("Ethiopia signed a peace deal with Tigrayan rebels without consulting Eritrea.")
    consult = only(r, "CONSULT")
    assert "negation" in consult.aux and codes(consult.recipient) == ["ERI"]


def test_an_act_a_conditional_speaks_of_is_supposed(code):
    r = code("China warned on Monday that an attack by Taiwanese troops on its vessels would invoke a war.")
    assert "hypothetical" in only(r, "ASSAULT").aux


def test_forces_pledged_to_another_country_are_help_promised(code):
    r = code("Kenya pledged to send 150 more police officers to Haiti by the end of May.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["KEN"] and codes(ev.recipient) == ["HTI"]


def test_a_strike_called_to_protest_is_one_protest_and_it_happened(code):
    r = code("Lawyers across Tunisia stayed away from the courts on Wednesday in a national strike called by the "
             "bar association to protest against the arrest of a colleague.")
    protests = [e for e in r.events if e.event == "PROTEST"]
    assert len(protests) == 1 and "hypothetical" not in protests[0].aux


def test_will_not_hesitate_to_strike_is_a_threat_not_a_negated_attack(code):
    r = code('Jordan\'s army said it "will not hesitate to strike" smuggling networks in Syria wherever they are.')
    ev = only(r, "THREATEN")
    assert "negation" not in ev.aux and codes(ev.recipient) == ["SYR"]
    r = code("Jordan's army refrained from striking the smugglers in Syria.")
    assert all("negation" in e.aux for e in r.events if e.event == "ASSAULT")


def test_what_is_offered_and_what_a_conjunct_with_its_own_subject_tells(code):
    r = code("El Salvador's government offered to share intelligence on gang structures and to train Honduran "
             "prison officers, and a Honduran delegation travelled to San Salvador on Tuesday for talks.")
    assert {e.event for e in r.events} == {"AGREE", "CONSULT"}
    visit = only(r, "CONSULT")
    assert codes(visit.actor) == ["HND"] and codes(visit.recipient) == ["SLV"]


def test_retaliation_promised_is_a_threat(code):
    r = code('Russia\'s foreign ministry said Moscow would respond with "measures that Latvia will feel" if the '
             "deportations went ahead.")
    ev = only(r, "THREATEN")
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["LVA"]


def test_an_act_one_has_the_right_or_permission_to_do_is_not_done(code):
    r = code("The United States on Thursday defended the right of Russian troops to fire on militants in Azerbaijan.")
    assert all("hypothetical" in e.aux for e in r.events if e.event == "ASSAULT")
    r = code("Kenya gave the opposition permission to hold a rally in Nairobi.")
    assert all("hypothetical" in e.aux for e in r.events if e.event == "PROTEST")


def test_a_protest_called_for_a_day_to_come_is_dated_that_day(code):
    # published on Tuesday 12 March 2024
    r = code("The Peasant Federation of Bolivia called a nationwide day of road blockades for March 21. "
             "The opposition called a rally for Friday.")
    blockade, rally = sorted((e for e in r.events if e.event == "PROTEST"), key=lambda e: e.sentence)
    assert (blockade.mode, blockade.date) == (("obstruct",), "2024-03-21")
    assert (rally.mode, rally.date) == (("demo",), "2024-03-15")
    held = code("The Georgian opposition held a rally in Tbilisi for two hours on Friday.")
    assert only(held, "PROTEST").date == "2024-03-08"  # a day gone: "for" measures the rally, not its date


def test_who_called_a_protest_told_before_is_no_new_protest(code):
    r = code("Thousands of Kenyans protested in Nairobi on Monday against a fuel levy. Opposition leader Rose "
             "Were, whose Umoja Alliance called the protests, urged the government to withdraw the levy.")
    assert categories(r) == ["PROTEST", "REQUEST"]


def test_set_up_is_a_deed_and_set_or_poised_to_is_to_come(code):
    r = code("In Antananarivo, Malagasy residents set up burning barricades and pelted the offices of the state "
             "utility with stones.")
    assert all("future" not in e.aux for e in r.events) and "PROTEST" in categories(r)
    r = code("Kenyan police are poised to crack down on the protesters.")
    assert (only(r, "THREATEN").aux) == ("future",)


def test_a_concession_announced_is_made_by_the_state_that_announces_it(code):
    r = code("Cameroon's governor said a night curfew imposed on Bamenda in January would be shortened by two hours "
             "from Wednesday.")
    ev = only(r, "CONCEDE")  # verbal already: announced is made ("by two hours" is no agent)
    assert [(a.code, a.sector) for a in ev.actor] == [("CMR", "GOV")]
    r = code("The Malian prime minister said he is prepared to lift the ban on the party.")
    assert categories(r) == ["AGREE"]  # only intended: an offer


def test_a_threat_made_on_a_condition_is_made_and_bare_members_are_the_body_s(code):
    r = code("North Korea's army threatened an immediate military response if the allies' drills violated its "
             "territory.")
    assert only(r, "THREATEN").aux == ()
    r = code("Sri Lanka's navy arrested 12 Indian fishermen on Monday. The Indian Fishermen's Association said "
             "members would block the railway bridge to Pamban island if the men were not freed within a week.")
    ev = only(r, "THREATEN")
    assert [a.entity_text for a in ev.actor] == ["members"] and ev.actor[0].sector == "SOC"


def test_every_conjunct_of_what_is_asked_for_is_asked_for_not_done(code):
    r = code("Paraguayan police detained 40 farmers. The Paraguayan farmers' federation demanded the release of the "
             "detainees and an independent inquiry into the two deaths.")
    assert [e.event for e in r.events if e.sentence == 1] == ["REQUEST"]
    r = code("The EU envoys urged Guinea-Bissau's government to publish an electoral calendar and to free all those "
             "detained for their opinions.")
    assert categories(r) == ["REQUEST"]
    # a coordinated verb with its own tense is an act of its own
    r = code("The Kenyan opposition demanded talks and threatened to strike.")
    assert categories(r) == ["REQUEST", "THREATEN"]


def test_what_is_only_tried_or_allowed_in_the_setting_is_no_event_but_a_reported_attempt_is_supposed(code):
    r = code("Japan said on Tuesday it had halted economic aid to Serbia in line with Western efforts to end the "
             "fighting there.")
    assert categories(r) == ["SANCTION"]
    r = code("The United States on Thursday defended the right of Russian troops to fire on militants in Azerbaijan.")
    ev = only(r, "SUPPORT")
    assert codes(ev.recipient) == ["RUS"] and "ASSAULT" not in categories(r)
    r = code("Russia's interior minister informed his Serbian counterpart of attempts to exclude Russia from Interpol.")
    assert "hypothetical" in only(r, "SANCTION").aux


def test_a_clause_of_time_on_a_demand_is_when_it_was_made_not_what_it_asks(code):
    r = code("Former Greek prime minister Andreas Papandreou demanded immediate elections after a special court "
             "cleared him of all charges.")
    ev = only(r, "CONCEDE")
    assert ev.aux == () and [a.sector for a in ev.actor] == ["JUD"]


@pytest.mark.parametrize("sentence, actor", [
    ("Senegal's fisheries minister said Dakar would not renew the agreement on the current terms.", "SEN"),
    ("Hungary's prime minister said Budapest would not pay any fine.", "HUN"),
    ("Bulgaria's foreign minister said Sofia would not lift its objection to the opening of the talks.", "BGR"),
])
def test_an_act_its_doer_announces_it_will_not_do_is_a_refusal_whatever_the_act(code, sentence, actor):
    """The fine refused is no sanction of its own; the refusal is told as done, not negated."""
    r = code(sentence)
    assert categories(r) == ["REJECT"]
    ev = r.events[0]
    assert codes(ev.actor) == [actor] and not {"negation", "future"} & set(ev.aux)


@pytest.mark.parametrize("sentence", [
    "Kenya's foreign minister said Nairobi would not comment on the report.",
    "Thailand's army said its troops would not approach the disputed temple.",
    "Peru's president said the strike would not end the talks.",
])
def test_no_refusal_in_a_comment_withheld_restraint_promised_or_a_thing_that_will_not_happen(code, sentence):
    assert "REJECT" not in categories(code(sentence))


def test_a_refusal_answers_who_asked_before(code):
    r = code("Rwanda demanded talks with Burundi on Monday. Burundi said it would not renew the border agreement.")
    ev = only(r, "REJECT")
    assert codes(ev.actor) == ["BDI"] and codes(ev.recipient) == ["RWA"]


def test_a_date_in_another_thing_said_does_not_date_the_refusal(code):
    r = code("The German foreign minister said Berlin would not reopen the financial terms agreed in 2021.")
    ev = only(r, "REJECT")
    assert "historical" not in ev.aux and ev.date != "2021"
