"""Every PLOVER type, on sentences we wrote: the type, and the actor and recipient countries."""

from __future__ import annotations

import pytest

CASES = [
 ("AGREE", "Serbia and Kosovo agreed to normalise relations under an EU-brokered plan.", ["SRB"], []),
 ("AGREE", "Armenia agreed to sign a peace agreement with Azerbaijan in Washington.", ["ARM"], ["AZE"]),
 ("AGREE", "The two governments reached a deal on grain exports on Monday.", [], []),
 ("CONSULT", "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Tokyo.", ["IND"], ["JPN"]),
 ("CONSULT", "The Egyptian foreign minister held talks with his Qatari counterpart in Doha.", ["EGY"], ["QAT"]),
 ("CONSULT", "German Chancellor Olaf Scholz visited Kenya on Friday.", ["DEU"], ["KEN"]),
 ("SUPPORT", "The European Union praised Moldova for its reforms.", ["EUR"], ["MDA"]),
 ("SUPPORT", "Brazil expressed support for Argentina's claim to the Falkland Islands.", ["BRA"], []),
 # the codebook: signing an agreement is SUPPORT (a promise to sign one is AGREE), coded once
 ("SUPPORT", "Armenia signed a peace agreement with Azerbaijan in Washington.", ["ARM"], ["AZE"]),
 ("CONCEDE", "The Thai government lifted the curfew in three southern provinces.", ["THA"], []),
 ("CONCEDE", "Japan apologized to South Korea for its wartime actions.", ["JPN"], ["KOR"]),
 ("COOPERATE", "Norway and Sweden have cooperated closely on border security.", ["NOR"], []),
 ("COOPERATE", "Indian and French troops held joint exercises in Rajasthan.", ["IND"], []),
 ("AID", "Japan sent humanitarian aid to Pakistan after the floods.", ["JPN"], ["PAK"]),
 ("AID", "The World Bank approved a loan to Ghana.", [], ["GHA"]),
 ("AID", "Greece sent 50 rescuers to Turkey after the earthquake.", ["GRC"], ["TUR"]),
 ("RETREAT", "Russian forces withdrew from the city of Kherson.", ["RUS"], []),
 ("RETREAT", "The Taliban released two American hostages on Tuesday.", ["AFG"], ["USA"]),
 ("RETREAT", "Peru's interior minister resigned after the protests.", ["PER"], []),
 ("REQUEST", "The United Nations urged Israel to allow more aid into Gaza.", ["UNO"], ["ISR"]),
 ("REQUEST", "Nigeria appealed to its neighbours for help against Boko Haram.", ["NGA"], []),
 ("ACCUSE", "Pakistan accused India of violating the ceasefire.", ["PAK"], ["IND"]),
 ("ACCUSE", "Amnesty International condemned the execution of protesters in Iran.", ["NGO"], []),
 ("ACCUSE", "Prosecutors in France opened an investigation into the bombing.", ["FRA"], []),
 ("REJECT", "Hungary vetoed the European Union's aid package for Ukraine.", ["HUN"], ["EUR"]),
 ("REJECT", "Iran rejected the proposal from the United States.", ["IRN"], []),
 ("THREATEN", "North Korea threatened to strike South Korea.", ["PRK"], []),
 ("THREATEN", "Turkey warned Sweden that it would block its NATO bid.", ["TUR"], ["SWE"]),
 ("PROTEST", "Thousands of protesters rallied in Tbilisi against the new law.", ["GEO"], []),
 ("PROTEST", "Farmers in France staged a protest against fuel taxes.", ["FRA"], []),
 ("PROTEST", "Workers at Argentina's state oil company went on strike.", [], []),
 ("SANCTION", "The United States imposed sanctions on Iranian oil companies.", ["USA"], ["IRN"]),
 ("SANCTION", "Poland expelled two Russian diplomats on Thursday.", ["POL"], ["RUS"]),
 ("SANCTION", "Niger suspended military cooperation with France.", ["NER"], []),
 ("SANCTION", "Bolivia broke off diplomatic relations with Israel on Tuesday.", ["BOL"], ["ISR"]),
 ("SANCTION", "Peru withdrew its ambassador to Mexico after the remarks.", ["PER"], ["MEX"]),
 ("SANCTION", "Morocco recalled its envoy from Paris for consultations.", ["MAR"], ["FRA"]),
 ("SANCTION", "Russia suspended imports of Moldovan wine on Friday.", ["RUS"], []),
 ("SANCTION", "Indonesia banned exports of nickel ore to China.", ["IDN"], ["CHN"]),
 ("MOBILIZE", "Azerbaijan deployed troops to the border with Armenia.", ["AZE"], []),
 ("MOBILIZE", "Russia mobilised reservists for the war.", ["RUS"], []),
 ("MOBILIZE", "Serbia moved troops and tanks to the administrative line with Kosovo.", ["SRB"], []),
 ("MOBILIZE", "Iran launched large-scale naval drills in the Gulf of Oman on Friday.", ["IRN"], []),
 ("COERCE", "Police arrested dozens of opposition activists in Minsk.", ["BLR"], ["BLR"]),
 ("COERCE", "Belarusian authorities detained a Polish journalist.", ["BLR"], ["POL"]),
 ("COERCE", "The junta imposed a curfew in the capital of Mali.", [], []),
 ("ASSAULT", "Russian missiles struck Kyiv overnight, killing three civilians.", ["RUS"], ["UKR"]),
 ("ASSAULT", "Rebels were attacked by government forces near Goma.", [], []),
 ("ASSAULT", "Israeli aircraft bombed targets in southern Lebanon.", ["ISR"], []),
 ("ASSAULT", "Gunmen kidnapped twenty students in northern Nigeria.", [], []),
 ("ASSAULT", "Russian missiles hit Kharkiv for a third night, officials said.", ["RUS"], ["UKR"]),
 ("PROTEST", "Port workers in Antwerp began a 48-hour strike on Monday.", [], []),
 ("PROTEST", "Thousands of protesters gathered outside the parliament in Tbilisi.", ["GEO"], []),
 ("PROTEST", "A march by farmers in Warsaw was banned by the city authorities.", [], []),
 ("PROTEST", "Zimbabwe's main opposition party boycotted the parliamentary election.", ["ZWE"], []),
 ("CONCEDE", "Israel's army announced that its troops would pull back from the Netzarim corridor.", ["ISR"], []),
 ("CONCEDE", "Pakistan's army announced a ceasefire with India on Saturday.", ["PAK"], ["IND"]),
]


@pytest.mark.parametrize("event_type,text,actors,recipients", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_plover_type_is_coded_with_its_participants(coder, event_type, text, actors, recipients):
    events = [e for e in coder.code(text, published="2024-03-15") if e.event_type == event_type]
    assert events, f"no {event_type} in {[(e.event_type, e.trigger.text) for e in coder.code(text)]}"
    actor_countries = {a.country for e in events for a in e.actor}
    recipient_countries = {r.country for e in events for r in e.recipient}
    assert set(actors) <= actor_countries
    assert set(recipients) <= recipient_countries


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal attacked down the left wing and scored twice before half-time.",
        "The band stormed the charts with its new single.",
        "Shares surged after the company reported record profits.",
        "Heavy rain flooded several streets in the city centre on Sunday.",
        "The striker fired a shot at the goalkeeper in the final minute.",
    ],
)
def test_non_political_text_yields_no_conflict_event(coder, text):
    conflict = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"}
    assert not [e for e in coder.code(text, published="2024-03-15") if e.event_type in conflict]


@pytest.mark.parametrize(
    "text,event_type",
    [
        ("The European Union lifted its sanctions on Belarus on Monday.", "CONCEDE"),
        ("Washington eased sanctions on Venezuela's oil sector.", "CONCEDE"),
        ("Armenia signed a peace agreement with Azerbaijan in Washington.", "SUPPORT"),
    ],
)
def test_a_verb_frame_that_names_its_event_noun_is_one_event(coder, text, event_type):
    # "lifted sanctions" ends sanctions: no SANCTION besides the CONCEDE; the signed agreement is
    # not a second (AGREE) event
    assert [e.event_type for e in coder.code(text, published="2024-03-15")] == [event_type]


def test_allegations_dismissed_by_another_party_stay_an_event(coder):
    text = "Allegations made by Chile that Bolivian troops had crossed the border were dismissed by La Paz."
    types = {e.event_type for e in coder.code(text, published="2024-03-15")}
    assert "ACCUSE" in types


@pytest.mark.parametrize(
    "text",
    [
        "The company moved its headquarters to Dubai last year.",
        "The ministry sent a team to Geneva for the talks.",
        "Firefighters held a fire drill at the school on Monday.",
    ],
)
def test_moving_offices_sending_delegations_and_fire_drills_are_not_mobilization_or_aid(coder, text):
    assert not {"MOBILIZE", "AID"} & {e.event_type for e in coder.code(text, published="2024-03-15")}


def test_attacking_someone_for_something_is_still_criticism(coder):
    types = [e.event_type for e in coder.code("The senator attacked the president for his handling of the crisis.")]
    assert "ASSAULT" not in types and "ACCUSE" in types


def test_a_stated_willingness_to_yield_is_agreement(coder):
    text = "The rebel movement said on Friday it was willing to end hostilities with the government."
    assert "AGREE" in [e.event_type for e in coder.code(text, published="2024-03-15")]


@pytest.mark.parametrize(
    "text",
    [
        "A Kremlin spokesman declined to comment on the reports.",
        "Oil prices rose as traders bet on stronger demand from China.",
        "The prisoners said they had been held at a detention centre near the border for months.",
    ],
)
def test_comment_refusals_market_demand_and_detention_centres_are_not_events(coder, text):
    types = {e.event_type for e in coder.code(text, published="2024-03-15")}
    assert not types & {"REJECT", "REQUEST", "COERCE"}


def test_those_released_are_the_recipients_of_a_release(coder):
    (release,) = [e for e in coder.code("The release of the Israeli hostages by Hamas was delayed.")
                  if e.event_type == "RETREAT"]
    assert [a.country for a in release.actor] == ["PSE"]
    assert [r.country for r in release.recipient] == ["ISR"]


def test_a_call_for_a_ceasefire_and_a_release_is_one_request(coder):
    text = "The UN chief called on Monday for an immediate ceasefire and the release of all hostages."
    assert [e.event_type for e in coder.code(text, published="2024-03-15")] == ["REQUEST"]


def test_a_derived_verb_describing_an_event_noun_is_not_a_second_event(coder):
    text = "With fighting raging in northern Syria, thousands of families fled to the border."
    assert "PROTEST" not in [e.event_type for e in coder.code(text, published="2018-03-01")]


def test_the_same_goes_for_is_no_visit(coder):
    assert coder.code("The same goes for Saudi Arabia.", published="2018-03-01") == []


def test_attacks_from_someone_are_theirs(coder):
    text = "Civilians in Idlib endured a month of airstrikes from Russian jets."
    (strikes,) = [e for e in coder.code(text, published="2018-03-01") if e.event_type == "ASSAULT"]
    assert [a.country for a in strikes.actor] == ["RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "The Spanish photojournalist went to Syria in 2011 to cover the uprising.",
        "The chemical attack led to joint British and French strikes.",
        "The women were given a rosy picture of life in the camps.",
    ],
)
def test_journeys_causes_and_giving_are_not_visits_or_concessions(coder, text):
    types = [e.event_type for e in coder.code(text, published="2018-03-01")]
    assert "CONSULT" not in types and "CONCEDE" not in types


def test_an_officials_journey_is_a_visit(coder):
    events = coder.code("The Turkish foreign minister went to Moscow on Monday.", published="2018-03-05")
    assert [(e.event_type, [a.country for a in e.actor]) for e in events] == [("CONSULT", ["TUR"])]


def test_a_journey_by_someone_unnamed_is_no_visit(coder):
    assert coder.code("I went to Rojava to show solidarity.", published="2018-03-01") == []


def test_aid_groups_and_aid_workers_are_who_someone_is_not_aid_given(coder):
    events = coder.code("Doctors from an American aid group delivered medicines to a hospital in Baghdad.",
                        published="2003-03-01")
    assert [(e.event_type, e.trigger.text) for e in events] == [("AID", "delivered medicines")]
    assert [a.country for a in events[0].actor] == ["USA"] and [r.country for r in events[0].recipient] == ["IRQ"]
    assert "AID" not in [e.event_type for e in coder.code("Three aid workers were killed in Gaza.")]
