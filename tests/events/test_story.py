"""What a later sentence points back to: the parties just named, the doers of an act referred to, the
place the story is in. Sentences are ours; people and incidents are invented."""

from __future__ import annotations


def codes(side):
    return sorted({a.code for a in side if a.code})


def only(result, category):
    found = [e for e in result.events if e.event == category]
    assert len(found) == 1, [(e.event, e.text, e.actor, e.recipient) for e in result.events]
    return found[0]


def test_the_two_leaders_are_the_parties_just_named(code):
    r = code("Georgian Prime Minister Irakli Kobakhidze met Azerbaijani President Ilham Aliyev in Baku on "
             "Monday. The two leaders signed an agreement on energy cooperation.")
    signed = [e for e in r.events if e.sentence == 1]
    assert signed, [(e.event, e.text) for e in r.events]
    assert codes(signed[0].actor) == ["AZE", "GEO"]
    assert all(a.entity_text == "The two leaders" for a in signed[0].actor)


def test_they_are_the_parties_just_named(code):
    r = code("French President Lucien Marchand met German Chancellor Ida Kessler in Berlin. They agreed to "
             "raise defence spending.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["DEU", "FRA"]


def test_they_with_nobody_named_before_makes_no_actor(code):
    r = code("They agreed to raise defence spending.")
    assert not [e for e in r.events if e.event == "AGREE" and e.actor]


def test_condemning_the_arrests_accuses_who_made_them(code):
    r = code("Police in Belgrade detained 30 protesters on Saturday. The opposition condemned the arrests.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("SRB", "COP")]
    assert ev.recipient[0].inferred


def test_an_act_referred_to_is_the_last_of_its_kind_told(code):
    r = code("Police in Belgrade detained 30 protesters on Saturday. The weather was cold. Shops were closed. "
             "Gunmen attacked a police station in Nis on Sunday. Trains were late. The opposition condemned "
             "the arrests.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("SRB", "COP")]
    r = code("Gunmen attacked a police station in southern Serbia on Sunday. The opposition condemned the arrests.")
    ev = only(r, "ACCUSE")
    assert ("SRB", "UAF") not in [(a.code, a.sector) for a in ev.recipient]  # no arrest was told


def test_a_proposal_answered_in_the_same_sentence_answers_its_proposer(code):
    r = code("Russian officials offered a new gas deal in March. At the talks in Vienna, Austrian Chancellor "
             "Karl Brenner said he proposed a joint commission, though Hungarian Prime Minister Pal Kovacs "
             "turned down the proposal.")
    ev = only(r, "REJECT")
    assert codes(ev.recipient) == ["AUT"]


def test_a_demand_by_a_countrys_own_opposition_is_addressed_to_its_government(code):
    r = code("Thousands of people rallied in Tbilisi on Sunday. The opposition called for new elections.")
    ev = only(r, "REQUEST")
    (target,) = ev.recipient
    assert (target.code, target.sector) == ("GEO", "GOV") and target.inferred


def test_rights_groups_are_civil_society(code):
    r = code("Human rights groups in Kenya denounced the new media law.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.actor] == [("KEN", "SOC")]


def test_a_joint_act_makes_each_party_the_others_partner(code):
    r = code("French and German troops held joint exercises near Strasbourg on Monday.")
    (ev,) = r.events
    assert ev.event == "COOPERATE"
    assert codes(ev.actor) == ["DEU", "FRA"] and codes(ev.recipient) == ["DEU", "FRA"]


def test_bodies_of_two_nationalities_are_two_parties(code):
    r = code("Armenian and Azerbaijani border commissions met in Tbilisi on Monday.")
    (ev,) = r.events
    assert ev.event == "CONSULT" and codes(ev.actor) == ["ARM", "AZE"]


def test_it_in_what_a_body_says_is_that_body(code):
    r = code("Serbia opened talks on Monday. Bosnia's state prosecutor's office said on Thursday it had opened an "
             "investigation into the killings.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.actor] == [("BIH", "JUD")]
    r = code("Gunmen attacked a post in Niger on Sunday. The army said it had killed around 30 of the assailants.")
    ev = next(e for e in r.events if e.sentence == 1)
    assert [(a.code, a.sector) for a in ev.actor] == [("NER", "MIL")]
    assert [(a.code, a.sector) for a in ev.recipient] == [("NER", "UAF")]


def test_a_bodys_possessor_gives_its_country(code):
    r = code("Mexico's National Migration Institute said it had deported 4,200 Guatemalans.")
    ev = only(r, "COERCE")
    assert codes(ev.actor) == ["MEX"] and codes(ev.recipient) == ["GTM"]


def test_the_group_is_the_organisation_just_named(code):
    r = code("Human Rights Watch documented 40 killings in Sudan on Monday. The group accused the army of "
             "targeting civilians.")
    ev = only(r, "ACCUSE")
    assert [a.code for a in ev.actor] == ["NGO"] and codes(ev.recipient) == ["SDN"]
    assert not [e for e in r.events if e.event == "ASSAULT"]  # documenting killings is not killing


def test_a_common_noun_is_no_body_by_a_word_that_only_names_bodies(code):
    r = code("Gunmen attacked an army post in Niger on Sunday.")
    (ev,) = r.events
    assert [(a.code, a.sector) for a in ev.recipient] == [("NER", "MIL")]


def test_both_sides_and_the_two_neighbours_are_the_parties_just_named(code):
    r = code("Pakistani and Afghan forces clashed at the Torkham crossing on Monday. China on Tuesday called on "
             "both sides to exercise restraint.")
    ev = only(r, "REQUEST")
    assert codes(ev.actor) == ["CHN"] and codes(ev.recipient) == ["AFG", "PAK"]
    r = code("Burkina Faso expelled two Ivorian diplomats on Monday. Togo's foreign ministry offered on Tuesday to "
             "host talks between the two neighbours.")
    ev = only(r, "AGREE")
    assert codes(ev.recipient) == ["BFA", "CIV"]


# --- when: the day a story's occasion was told, for the acts told next ---------------------------

def dates(result, category):
    return [e.date for e in result.events if e.event == category]


def test_a_past_act_told_next_is_of_the_occasion_just_dated(code):
    # 2024-10-22 is a Tuesday: "on Monday" is the day before, and the signing that follows was that day
    r = code("Chile and Argentina agreed on Monday to set up joint police patrols along their border. The "
             "interior ministers of the two countries signed a memorandum of understanding in Mendoza.",
             published="2024-10-22")
    assert set(dates(r, "AGREE")) == {"2024-10-21"}
    assert set(dates(r, "SUPPORT")) == {"2024-10-21"}


def test_background_in_the_present_perfect_keeps_no_occasion(code):
    r = code("Police in Nairobi detained 40 protesters on Monday. The government has accused opposition "
             "leaders of financing the unrest.", published="2024-10-22")
    assert dates(r, "COERCE") == ["2024-10-21"]
    assert dates(r, "ACCUSE") == ["2024-10-22"]


def test_two_past_acts_joined_by_and_share_their_day(code):
    r = code("Police fired tear gas at protesters near Puno on Saturday, and 23 people were detained, the "
             "Interior Ministry said.", published="2024-07-30")
    assert dates(r, "COERCE") == ["2024-07-27"]


def test_a_date_ahead_in_what_was_agreed_is_not_the_agreeing(code):
    r = code("Chile and Argentina agreed on Monday to begin demarcating a further section of their border "
             "next month.", published="2025-09-09")
    assert set(dates(r, "AGREE")) == {"2025-09-08"}


def test_the_datelines_date_is_the_filing_not_the_act(code):
    r = code("NIAMEY, Nov 4, 2024 (Lake Wire) - Suspected jihadist fighters killed 14 soldiers in an attack "
             "on an army post in western Niger on Sunday, the defence ministry said.", published="2024-11-04")
    assert dates(r, "ASSAULT") == ["2024-11-03"]


def test_a_march_is_no_month(code):
    r = code("Church leaders held a peace march in Lagos on Monday.", published="2025-03-24")
    assert all(d == "2025-03-24" for e in r.events for d in [e.date]), [(e.event, e.date) for e in r.events]


def test_rebuffing_the_call_rejects_who_made_it(code):
    r = code("Vanuatu's prime minister called on Indonesia to allow a UN mission into Papua. Indonesia's foreign "
             "ministry rebuffed the call.")
    ev = only(r, "REJECT")
    assert codes(ev.recipient) == ["VUT"]


def test_the_offer_is_the_last_one_offered_and_a_party_named_after_made_none(code):
    r = code("Laos offered to host talks between Thailand and Cambodia in Vientiane. Phnom Penh welcomed the "
             "offer but would also ask the International Court of Justice to rule on the temples.")
    ev = only(r, "SUPPORT")
    assert codes(ev.recipient) == ["LAO"]


def test_the_strikes_as_a_subject_were_made_by_who_struck_before(code):
    r = code("Turkish warplanes bombed suspected PKK positions near Duhok on Monday. The strikes hit a village in "
             "the Amedi district, local officials said.")
    later = [e for e in r.events if e.sentence == 1]
    assert later and all(codes(e.actor) == ["TUR"] and {a.sector for a in e.actor} == {"MIL"} for e in later)


def test_a_demand_for_a_release_is_made_of_who_holds_them(code):
    r = code("Malian soldiers detained 31 Algerian truck drivers near Tessalit on Monday. Algeria's foreign "
             "ministry demanded the immediate release of the drivers.")
    ask = only(r, "REQUEST")
    assert [(a.code, a.sector) for a in ask.recipient] == [("MLI", "MIL")]
    r = code("Rebels kidnapped five Chinese engineers in Niger. China demanded their release.")
    assert [(a.code, a.sector) for a in only(r, "REQUEST").recipient] == [("NER", "REB")]


def test_a_call_for_restraint_is_made_of_the_parties_just_named(code):
    r = code("Thai and Cambodian soldiers exchanged fire near the temple on Tuesday. The United States and "
             "China both urged restraint.")
    ask = only(r, "REQUEST")
    assert codes(ask.recipient) == ["KHM", "THA"]


def test_fighting_between_groups_is_their_act_on_each_other(code):
    r = code("Papua New Guinea's government sent 200 soldiers into Enga province on Sunday after fighting "
             "between rival clans killed at least 19 people.")
    fight = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in fight.actor] == [("PNG", "CVL")]
    assert [(a.code, a.sector) for a in fight.recipient] == [("PNG", "CVL")]


def test_the_parties_of_fighting_that_erupted_between_them(code):
    r = code("Heavy fighting erupted overnight between two Libyan armed groups in Tripoli, killing at least 11 "
             "people.")
    fight = only(r, "ASSAULT")
    assert codes(fight.actor) == ["LBY"] and fight.recipient == fight.actor


def test_those_held_are_the_ones_a_reported_suspicion_names_by_number(code):
    r = code("Kazakh police detained four union leaders in Aktau on Monday. The police said the four were "
             "suspected of organising an illegal gathering.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.actor] == [("KAZ", "COP")]
    assert [(a.code, a.sector) for a in ev.recipient] == [("KAZ", "LAB")]


def test_a_denial_rejects_its_accuser_and_leaves_the_denied_act_uncoded(code):
    r = code("Amnesty International accused the Peruvian army of killing four farmers near Ayacucho. "
             "The army denied that soldiers had killed anyone.")
    denial = only(r, "REJECT")
    assert codes(denial.actor) == ["PER"] and codes(denial.recipient) == ["NGO"]
    assert denial.recipient[0].inferred  # named in the sentence before, not in this one
    assert not [e for e in r.events if e.sentence == 1 and e.event == "ASSAULT"]


def test_an_accusation_denied_was_made_and_an_act_beside_a_denial_is_asserted(code):
    r = code("Uganda denied the accusation made by Kenya. The rebels denied carrying out the raid and accused "
             "the Sudanese army of bombing a market.")
    first = [e for e in r.events if e.sentence == 0]
    assert {(e.event, tuple(codes(e.actor)), tuple(codes(e.recipient)), e.aux) for e in first} == {
        ("REJECT", ("UGA",), ("KEN",), ()), ("ACCUSE", ("KEN",), ("UGA",), ())}
    second = [e for e in r.events if e.sentence == 1]
    assert [(e.event, e.aux) for e in second if e.event == "ACCUSE"] == [("ACCUSE", ())]
    assert not [e for e in second if e.event == "ASSAULT" and "raid" in e.event_text]


def test_a_claim_denied_in_the_same_sentence_was_made_by_its_teller_and_the_denial_answers_it(code):
    r = code("Human rights groups in Kenya said two protesters were shot dead in Nakuru, a claim police denied.")
    denial = only(r, "REJECT")
    assert [(a.code, a.sector) for a in denial.actor] == [("KEN", "COP")]
    assert [(a.code, a.sector) for a in denial.recipient] == [("KEN", "SOC")]
    # the parser reads this one with the denial as the main verb
    r = code("Niger's junta accuses Benin of hosting French troops to destabilise it, a charge Cotonou denies.")
    assert {(e.event, tuple(codes(e.actor)), tuple(codes(e.recipient)), e.aux) for e in r.events} == {
        ("ACCUSE", ("NER",), ("BEN",), ()), ("REJECT", ("BEN",), ("NER",), ())}


def test_they_in_what_a_body_says_is_the_body_not_the_parties_before(code):
    r = code("Peru's government imposed a curfew on Lima. Police said they had arrested 40 people for looting.")
    arrest = [e for e in r.events if e.sentence == 1]
    assert [[(a.code, a.sector) for a in e.actor] for e in arrest] == [[("PER", "COP")]]


def test_police_wordings_for_arrests_seizures_and_handing_back(code):
    r = code("Twelve Kenyan fishermen were picked up by Ugandan police near Migingo Island on Tuesday. A Spanish "
             "trawler was intercepted by a Moroccan navy patrol boat on Sunday. The fishermen were handed over to "
             "Kenyan officials on Friday. In Kampala the Speaker suspended five opposition lawmakers for 30 days.")
    got = {(e.sentence, e.event, tuple(codes(e.actor))) for e in r.events}
    assert {(0, "COERCE", ("UGA",)), (1, "COERCE", ("MAR",)), (3, "COERCE", ("UGA",))} <= got, got


def test_who_does_a_cooperative_act_of_its_own_beside_is_no_party_to_this_one(code):
    r = code("Cuba's power grid collapsed again on Friday, leaving the island in darkness. Mexico sent a tanker "
             "with crude oil to Havana on Sunday, and Russia pledged to deliver diesel for the power plants.")
    pledge = only(r, "AGREE")
    assert codes(pledge.actor) == ["RUS"] and "MEX" not in codes(pledge.recipient)


def test_where_a_source_is_based_is_not_where_what_it_reports_happened(code):
    r = code("Thousands of Cubans took to the streets of Havana on Friday to protest against blackouts. A rights "
             "group based in Madrid said 19 people had been detained over the weekend.")
    arrest = [e for e in r.events if e.event == "COERCE"]
    assert [codes(e.actor) for e in arrest] == [["CUB"]]


def test_an_expulsion_order_and_people_deported_to_their_country(code):
    r = code("Algeria on Monday ordered 15 staff of the French embassy and consulates to leave the country within "
             "48 hours. The Dominican Republic said it had deported 31,400 people to Haiti in September.")
    expel = only(r, "SANCTION")
    assert (codes(expel.actor), codes(expel.recipient)) == (["DZA"], ["FRA"])
    deport = only(r, "COERCE")
    assert (codes(deport.actor), codes(deport.recipient)) == (["DOM"], ["HTI"])


def test_a_summons_to_protest_is_one_accusation_and_more_wordings_of_news(code):
    r = code("Haiti's foreign ministry called in the Dominican chargé d'affaires to protest against the mass "
             "deportations. The Dominican government brushed aside the criticism. Indonesian soldiers tore down "
             "four huts that Timorese farmers had built near the border.")
    got = {(e.sentence, e.event, tuple(codes(e.actor)), tuple(codes(e.recipient))) for e in r.events}
    assert (0, "ACCUSE", ("HTI",), ("DOM",)) in got and not [e for e in r.events if e.event == "PROTEST"], got
    assert any(s == 1 and ev == "REJECT" and a == ("DOM",) for s, ev, a, _ in got), got
    assert (2, "COERCE", ("IDN",), ("TLS",)) in got, got


def test_a_countrys_partners_are_not_that_country(code):
    r = code("Chad's president lashed out at Chad's partners in the Multinational Joint Task Force on Sunday.")
    ev = only(r, "ACCUSE")
    assert codes(ev.actor) == ["TCD"] and "TCD" not in codes(ev.recipient)


def test_among_them_names_part_of_the_object_not_a_party(code):
    r = code("Peru's government imposed a curfew on Lima. Police arrested 87 people for looting, among them an "
             "opposition lawmaker, Rosa Quispe.")
    arrest = [e for e in r.events if e.sentence == 1]
    assert [(codes(e.actor), e.actor[0].sector) for e in arrest] == [(["PER"], "COP")]


def test_a_party_named_with_no_country_is_of_the_country_the_article_is_about(code):
    r = code("Malawian police detained 40 people in Lilongwe on Sunday. Malawi's opposition said the arrests "
             "were unlawful. The Democratic Progressive Party accused the government of persecuting its members.")
    ev = [e for e in r.events if e.sentence == 2 and e.event == "ACCUSE"]
    assert ev and codes(ev[0].actor) == ["MWI"]


def test_a_court_orders_the_police_and_shells_are_lobbed(code):
    r = code("A federal judge in Buenos Aires ordered the police to hand over the footage of the operation within "
             "10 days. Polisario fighters lobbed six shells towards Moroccan army positions near Mahbes.")
    ask = only(r, "REQUEST")
    assert (codes(ask.actor), codes(ask.recipient)) == (["ARG"], ["ARG"]) and ask.actor[0].sector == "JUD"
    shells = only(r, "ASSAULT")
    assert codes(shells.recipient) == ["MAR"]


def test_those_freed_by_a_number_or_they_are_those_held_before(code):
    r = code("Police in Lusaka arrested 30 opposition supporters on Sunday. Four of the nine were freed on bail on "
             "Wednesday. Eleven were released the next morning after paying fines.")
    freed = [e for e in r.events if e.event == "RETREAT"]
    assert len(freed) == 2, [(e.event, e.text) for e in r.events]
    assert all([(a.code, a.sector) for a in e.recipient] == [("ZMB", "OPP")] for e in freed)
    r = code("Storms closed the airport on Sunday. Eleven were released the next morning.")
    assert not [e for e in r.events if e.event == "RETREAT" and e.recipient]  # no one was held


def test_a_judgement_of_an_act_is_aimed_at_its_doer_not_its_victims(code):
    r = code("Police in Harare arrested three journalists on Monday. The European Union condemned the arrest of "
             "the journalists.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("ZWE", "COP")]
    r = code("Rebels attacked a convoy near Goma on Friday. Kenya condemned the attack on the convoy.")
    assert [(a.code, a.sector) for a in only(r, "ACCUSE").recipient] == [("COD", "REB")]
    r = code("Egypt condemned the Israeli strikes on Gaza.")
    assert codes(only(r, "ACCUSE").recipient) == ["ISR"]
    # a new act, with its own victims and place: not the arrest told before
    r = code("Police in Harare arrested three journalists on Monday. Amnesty condemned the detention of two "
             "activists in Minsk.")
    assert codes(only(r, "ACCUSE").recipient) == ["BLR"]


def test_displeasure_with_an_act_accuses_its_doer(code):
    r = code("A court in Nukus sentenced the blogger Aziz Tolibov to nine years in prison on Tuesday. The UN human "
             "rights office said it was \"dismayed\" by the sentence.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("UZB", "JUD")]
    r = code("The US embassy said it was deeply concerned by the arrests of opposition activists in Kampala.")
    assert codes(only(r, "ACCUSE").actor) == ["USA"]


def test_a_protest_at_an_embassy_is_aimed_at_its_state(code):
    r = code("Several hundred people demonstrated outside the French embassy in Algiers on Tuesday evening.")
    assert codes(only(r, "PROTEST").recipient) == ["FRA"]
    r = code("Students rallied in front of the US Embassy in Manila.")
    assert codes(only(r, "PROTEST").recipient) == ["USA"]
    r = code("Farmers rallied in front of the ministry of agriculture in Manila.")
    assert codes(only(r, "PROTEST").recipient) == ["PHL"]


def test_the_two_governments_are_the_states_just_named(code):
    r = code("A court in Doha freed two Bahraini fishermen on Monday. Qatar and Bahrain exchanged prisoners on "
             "Thursday. The two governments agreed to hold talks in Kuwait next month.")
    ev = [e for e in r.events if e.sentence == 2 and e.event == "AGREE"]
    assert ev and codes(ev[0].actor) == ["BHR", "QAT"], [(e.event, e.actor) for e in r.events]
    assert {a.sector for a in ev[0].actor} == {"GOV"}


def test_a_refusal_answers_who_asked(code):
    r = code("Kenya's opposition demanded that the government withdraw the finance bill. The government refused.")
    ev = only(r, "REJECT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("KEN", "OPP")] and ev.recipient[0].inferred


def test_the_indirect_object_and_a_currency_named_for_a_country(code):
    r = code("Japan pledged money for schools in Laos. The European Union gave Kenya 20 million euros in aid.")
    assert codes(only(r, "AID").recipient) == ["KEN"]
    r = code("New Zealand pledged 4 million New Zealand dollars for drug treatment centres in Fiji.")
    assert codes(only(r, "AGREE").recipient) == ["FJI"]


def test_unions_federations_and_councils_are_of_the_country_the_article_is_about(code):
    r = code("Paraguayan police evicted 300 farmers in Canindeyu on Monday. The National Peasant Federation accused "
             "the government of protecting land grabbers.")
    ev = only(r, "ACCUSE")
    assert codes(ev.actor) == ["PRY"]
    r = code("The Christian Council of Lesotho offered to host talks next week.")
    assert codes(only(r, "AGREE").actor) == ["LSO"]
    r = code("Bolivian police cleared roadblocks on Friday. The opposition Creemos alliance accused the government "
             "of rewarding violence.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.actor] == [("BOL", "OPP")]


def test_access_asked_to_those_held_is_asked_of_who_holds_them(code):
    r = code("Fijian police arrested three Chinese nationals in Lautoka on Sunday. China's embassy in Suva asked on "
             "Tuesday for consular access to the three men.")
    ev = only(r, "REQUEST")
    assert codes(ev.recipient) == ["FJI"]


def test_he_is_the_office_holder_just_named_when_no_one_is_named(code):
    r = code("Fiji's police commissioner thanked Australia on Monday. He praised the Australian officers for their "
             "\"professionalism and patience\".")
    praised = [e for e in r.events if e.sentence == 1]
    assert praised and [(a.code, a.sector) for a in praised[0].actor] == [("FJI", "COP")]


def test_police_blocking_a_march_curb_it_and_bare_officers_are_that_force(code):
    r = code("Several hundred war veterans marched through Harare on Friday. Zimbabwean riot police blocked them at "
             "Africa Unity Square, and officers beat some of the marchers with batons.")
    assert [(e.event, codes(e.actor)) for e in r.events if e.event == "PROTEST"] == [("PROTEST", ["ZWE"])]
    curb = only(r, "COERCE")
    assert curb.actor[0].sector == "COP"
    beat = only(r, "ASSAULT")
    assert [(a.code, a.sector) for a in beat.actor] == [("ZWE", "COP")]


def test_boats_sent_on_patrol_are_a_show_of_force_and_a_refusal_answers_protesters(code):
    r = code("Malawi sent two patrol boats to Likoma Island on Monday.")
    assert [e.event for e in r.events] == ["MOBILIZE"]
    r = code("Thousands of Panamanians marched in Panama City on Monday to demand that the government cancel the "
             "mine contract. The president rejected calls for a referendum on the mine.")
    ev = only(r, "REJECT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("PAN", "CVL")]


def test_announced_protests_stay_protests_and_new_protest_wordings(code):
    r = code("Kenya's opposition coalition said it would return to the streets on Saturday.")
    ev = only(r, "PROTEST")
    assert "future" in ev.aux and codes(ev.actor) == ["KEN"]
    r = code("The teachers' union threatened to strike in Nairobi.")
    assert [e.event for e in r.events] == ["THREATEN"]
    r = code("Lesotho's main opposition parties stayed away from the National Assembly on Tuesday.")
    assert only(r, "PROTEST").mode == ("boycott",) or "boycott" in only(r, "PROTEST").mode


def test_a_hyphenated_country_a_road_named_for_access_and_captives_handed_back(code):
    r = code("Guinea-Bissau police fired tear gas on Wednesday to disperse hundreds of opposition supporters.")
    assert codes(only(r, "ASSAULT").actor) == ["GNB"]
    r = code("Paraguayan police fired tear gas as farmers tried to block the access road with burning tyres.")
    assert "COERCE" not in [e.event for e in r.events]
    r = code("Kyrgyz border guards detained nine Tajik men on Monday. The nine men were handed over to Tajik "
             "officials at the crossing on Wednesday.")
    back = only(r, "RETREAT")
    assert codes(back.recipient) == ["TJK"]


def test_an_order_to_hold_someone_is_the_detention_and_dispersal_with_gas_is_force(code):
    r = code("Egyptian prosecutors have ordered 38 people held for 15 days pending investigation.")
    held = only(r, "COERCE")
    assert held.actor[0].sector == "JUD" and codes(held.recipient) == ["EGY"]
    assert "REQUEST" not in [e.event for e in r.events]
    r = code("Protesters gathered in Goma on Wednesday, and police dispersed them with tear gas.")
    assert [(a.code, a.sector) for a in only(r, "ASSAULT").actor] == [("COD", "COP")]


def test_welcoming_a_days_agreement_is_aimed_at_those_who_made_it(code):
    r = code("Kyrgyzstan and Tajikistan signed an agreement on border patrols on Thursday. The Collective Security "
             "Treaty Organization welcomed Thursday's agreement.")
    ev = [e for e in r.events if e.sentence == 1]
    assert ev and codes(ev[0].recipient) == ["KGZ", "TJK"]


def test_captives_freed_are_freed_by_who_took_them(code):
    r = code("Gunmen abducted 40 villagers in Zamfara state on Friday. Eleven of the abducted villagers were released "
             "on Tuesday.")
    freed = only(r, "RETREAT")
    assert [(a.code, a.sector) for a in freed.actor] == [("NGA", "UAF")]
    assert [(a.code, a.sector) for a in freed.recipient] == [("NGA", "CVL")]


def test_concern_at_reports_of_an_act_accuses_its_doer_and_is_no_act_of_its_own(code):
    r = code("Tajik police detained 20 protesters in Khorog on Monday. The US embassy said it was \"concerned\" by "
             "the reports of detentions.")
    assert [(e.event, codes(e.actor)) for e in r.events if e.sentence == 1] == [("ACCUSE", ["USA"])]
    assert [(a.code, a.sector) for a in only(r, "ACCUSE").recipient] == [("TJK", "COP")]


def test_a_sea_named_for_a_country_is_not_that_country(code):
    r = code("Iran's Revolutionary Guards have seized an oil tanker in the Gulf of Oman.")
    assert "OMN" not in codes(only(r, "COERCE").recipient)


def test_a_delegation_is_of_its_members_and_a_meeting_at_home_is_a_meeting(code):
    r = code("Tajik officials met a delegation of elders in Khorog on Tuesday.")
    ev = only(r, "CONSULT")
    assert [(a.code, a.sector) for a in ev.actor + ev.recipient] == [("TJK", "GOV"), ("TJK", "ELI")]


def test_the_party_is_the_body_named_before_and_those_remanded_are_those_held(code):
    r = code("Ugandan police rounded up 60 supporters of the National Unity Platform in Kampala on Sunday. A "
             "magistrate remanded 41 of those arrested to Luzira prison until March 17. The weather was hot. Shops "
             "were shut. The party said eleven of its supporters were in hospital. It accused the government of "
             "\"hunting down\" its members.")
    remanded = [e for e in r.events if e.sentence == 1]
    assert remanded and codes(remanded[0].recipient) == ["UGA"]
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.actor] == [("UGA", "PTY")]


def test_stones_thrown_are_force_and_halting_the_fighting_is_a_ceasefire(code):
    r = code("Protesters in Tirana threw petrol bombs at police on Friday.")
    ev = only(r, "ASSAULT")
    assert "primitive" in ev.mode and codes(ev.recipient) == ["ALB"]
    r = code("The minister threw his support behind the plan.")
    assert "ASSAULT" not in [e.event for e in r.events]
    r = code("Syrian government forces and the Syrian Democratic Forces agreed on Monday night to halt fighting "
             "around a disputed river crossing.")
    assert [e.event for e in r.events] == ["CONCEDE"]


def test_a_demand_told_by_a_noun_with_its_clause_is_made_of_that_clauses_subject(code):
    r = code("The main Hutu rebel group insisted on its demands that Burundi's government grant the Hutu majority "
             "more rights.")
    ev = only(r, "REQUEST")
    assert [(a.code, a.sector) for a in ev.recipient] == [("BDI", "GOV")]


def test_gunmen_on_a_countrys_bank_are_of_that_country_an_act_on_its_soil_is_not(code):
    r = code("Gunmen on the Venezuelan bank of the Cuyuni River opened fire on a Guyana Defence Force boat on Tuesday.")
    ev = only(r, "ASSAULT")
    assert codes(ev.actor) == ["VEN"] and codes(ev.recipient) == ["GUY"]


def test_a_highway_named_for_a_continent_is_neither_a_country_nor_a_party(code):
    r = code("Panamanian police used tear gas on Thursday to clear a blockade of the Pan-American Highway near Chame.")
    ev = only(r, "ASSAULT")
    assert codes(ev.recipient) == ["PAN"]


def test_put_on_a_flight_out_is_a_deportation(code):
    r = code("Zimbabwean police detained the South African journalist Lerato Mokoena in Harare on Friday. She was put "
             "on a flight to Johannesburg on Sunday. The minister put the blame on the opposition.")
    out = [e for e in r.events if "deport" in e.mode]
    assert len(out) == 1 and codes(out[0].recipient) == ["ZAF"]


def test_a_protest_put_off_or_called_off_yields_to_whom_it_was_aimed_at(code):
    r = code("Leaders of the Azadliq opposition coalition in Azerbaijan agreed to postpone the demonstration in Baku "
             "until 9 November.")
    ev = only(r, "AGREE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("AZE", "GOV")]
    r = code("Kenya's teachers' union called off the strike on Friday.")
    assert [e.event for e in r.events] == ["RETREAT"]
    r = code("Kenya's teachers' union called a strike for Monday.")
    assert [e.event for e in r.events] == ["PROTEST"]


def test_a_resignation_yields_to_those_who_protested(code):
    r = code("Thousands of Mongolians protested in Ulaanbaatar on Sunday against a coal deal. The deputy prime "
             "minister resigned on Tuesday evening after two days of protests in the capital.")
    ev = only(r, "RETREAT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("MNG", "CVL")]


def test_a_relative_speaks_as_a_civilian_of_the_story_s_country(code):
    r = code("Panamanian police detained 40 protesters on Monday. His sister demanded that the authorities free "
             "her detained brother.")
    ev = only(r, "REQUEST")
    assert [(a.code, a.sector) for a in ev.actor] == [("PAN", "CVL")]


def test_access_to_one_s_own_nationals_is_asked_of_whoever_holds_them(code):
    r = code("Iran's Revolutionary Guards seized an oil tanker with 21 Indian sailors on board on Friday. India's "
             "external affairs ministry said its embassy in Tehran had sought consular access to the Indian sailors.")
    ev = only(r, "REQUEST")
    assert codes(ev.actor) == ["IND"] and codes(ev.recipient) == ["IRN"]


def test_a_reciprocal_act_goes_both_ways(code):
    r = code("Thai and Cambodian soldiers exchanged fire for about 20 minutes near the border on Tuesday. Each side "
             "accused the other of shooting first.")
    for category in ("ASSAULT", "ACCUSE"):
        ev = only(r, category)
        assert codes(ev.actor) == codes(ev.recipient) == ["KHM", "THA"]


def test_the_operation_praised_long_after_is_the_deed_the_article_opened_with(code):
    r = code("Guatemalan soldiers arrested 40 people in raids on Thursday near the border. The detainees were taken "
             "to a prison in the capital. Mexico's foreign ministry said its consul had been refused access. "
             "Rights groups said the prisons were overcrowded. The United States praised the operation.")
    ev = only(r, "SUPPORT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("GTM", "MIL")]


def test_praise_of_a_seizure_from_an_embassy_in_a_city_goes_to_who_seized(code):
    """The city the embassy is in is where its actor is, not another party; "the seizure" is what was seized."""
    r = code("Panama's coast guard seized two tonnes of cocaine from a fishing boat on Sunday. A judge ordered the "
             "crew held for trial. The British embassy in Panama City praised the seizure.")
    ev = only(r, "SUPPORT")
    assert [(a.code, a.sector) for a in ev.recipient] == [("PAN", "MIL")]


def test_an_investigation_into_an_act_told_before_is_aimed_at_who_did_it(code):
    r = code("Coast guard officers shot dead two Venezuelans on Sunday. The government opened an investigation into "
             "the shooting on Wednesday.")
    ev = only(r, "ACCUSE")
    assert [(a.code, a.sector) for a in ev.recipient] == [("VEN", "MIL")]


def test_people_told_again_are_the_foreign_people_held_before_not_the_states_own(code):
    r = code("Malaysian maritime police seized four Vietnamese trawlers on Monday. All 46 crew members of the four "
             "trawlers were detained. The fishermen were released on Friday.")
    held = [e for e in r.events if e.event in ("COERCE", "RETREAT") and e.sentence > 0]
    assert [(e.event, codes(e.recipient)) for e in held] == [("COERCE", ["VNM"]), ("RETREAT", ["VNM"])]


def test_new_people_arrested_keep_the_country_they_are_in(code):
    r = code("Malaysian maritime police seized four Vietnamese trawlers on Monday. In Kuala Lumpur, police arrested "
             "30 protesters on Tuesday.")
    ev = [e for e in r.events if e.event == "COERCE" and e.sentence == 1][0]
    assert codes(ev.recipient) == ["MYS"]


def test_an_offer_to_host_talks_naming_no_parties_is_to_the_storys_two(code):
    r = code("Burundi accused Rwanda of backing rebels on Monday. Rwanda denied the charge and accused Burundi of "
             "harbouring militias. Burundi closed its border with Rwanda. Tanzania offered to host talks in Arusha.")
    ev = only(r, "AGREE")
    assert codes(ev.actor) == ["TZA"] and codes(ev.recipient) == ["BDI", "RWA"]


def test_the_two_governments_of_a_story_of_two_states_are_those_two_not_a_mediator_just_named(code):
    r = code("Djibouti accused Eritrea of holding its soldiers on Monday. Eritrea denied the charge and accused "
             "Djibouti of lying. The men were released on Thursday in Asmara. Qatar's emir praised the release. "
             "The two governments agreed to hold talks in Doha next month.")
    ev = [e for e in r.events if e.event == "AGREE"][-1]
    assert codes(ev.actor) == ["DJI", "ERI"]


def test_the_ministers_of_the_two_countries_who_spoke_by_phone_are_the_storys_two(code):
    """The group is in the "of"; "by phone" the parser took for a passive's agent."""
    r = code("Argentine activists blocked the bridge to Uruguay on Monday. Uruguay's foreign ministry protested to "
             "Argentina. The foreign ministers of the two countries spoke by phone on Tuesday morning.")
    ev = only(r, "CONSULT")
    assert codes(ev.actor) == ["ARG", "URY"] and codes(ev.recipient) == ["ARG", "URY"]
