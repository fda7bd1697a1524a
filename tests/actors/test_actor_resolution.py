"""Actors in context: titles and people, demonyms, capitals, IGO officials, coreference."""

from __future__ import annotations

from coding_helpers import events_published as _events


def test_title_country_and_person_compose_one_actor(coder):
    (event,) = _events(coder, "Azerbaijan's Foreign Minister Jeyhun Bayramov met Turkish officials in Ankara.", "CONSULT")
    (actor,) = event.actor
    assert (actor.name, actor.country, actor.sector, actor.office) == ("Jeyhun Bayramov", "AZE", "GOV", "Foreign Minister")
    assert event.article.text[actor.span[0]:actor.span[1]] == actor.entity_text


def test_igo_official_takes_the_organisation_as_country(coder):
    text = "Armenia's prime minister held a meeting with the Secretary General of the Council of Europe Marija Pejčinović Burić."
    (event,) = _events(coder, text, "CONSULT", published="2023-06-01")
    (recipient,) = event.recipient
    assert recipient.name == "Marija Pejčinović Burić"
    assert recipient.country == "IGO"


def test_capital_stands_for_its_government(coder):
    (event,) = _events(coder, "Moscow accused Kyiv of shelling the nuclear plant.", "ACCUSE")
    assert [(a.country, a.sector) for a in event.actor] == [("RUS", "GOV")]
    assert [(r.country, r.sector) for r in event.recipient] == [("UKR", "GOV")]


def test_demonym_with_agent_noun_gives_country_and_sector(coder):
    (event,) = _events(coder, "Azerbaijani troops attacked Armenian positions near the border.", "ASSAULT")
    assert [(a.country, a.sector) for a in event.actor] == [("AZE", "MIL")]
    assert [r.country for r in event.recipient] == ["ARM"]


def test_surname_title_and_pronoun_resolve_to_the_full_entity(coder):
    text = (
        "Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday. Lavrov met Turkish President Recep Tayyip "
        "Erdogan. The minister later held talks with his counterpart Hakan Fidan. He also criticised NATO."
    )
    events = coder.code(text, published="2024-03-15")
    actors = [(e.event_type, e.actor[0].name) for e in events if e.actor]
    assert actors == [
        ("CONSULT", "Sergey Lavrov"),
        ("CONSULT", "Sergey Lavrov"),
        ("CONSULT", "Sergey Lavrov"),
        ("ACCUSE", "Sergey Lavrov"),
    ]
    spans = [a.span for e in events for a in e.actor]
    assert len(set(spans)) == 4  # each mention keeps its own span


def test_it_refers_to_the_subject_state(coder):
    text = "Since Azerbaijan became a member of the Council of Europe, it has cooperated closely with the organisation."
    (event,) = _events(coder, text, "COOPERATE")
    assert [a.country for a in event.actor] == ["AZE"]
    assert [r.country for r in event.recipient] == ["IGO"]


def test_people_are_resolved_for_the_article_date(coder):
    text = "Prime Minister Boris Johnson met President Joe Biden in Cornwall."
    (event,) = _events(coder, text, "CONSULT", published="2021-06-11")
    assert [(a.country, a.sector) for a in event.actor] == [("GBR", "GOV")]
    assert [(r.country, r.sector) for r in event.recipient] == [("USA", "GOV")]


def test_a_lower_case_common_noun_is_not_the_name_it_shares(coder):
    # "congress" (a meeting) is not the US Congress
    events = coder.code("Rebel groups boycotted the proposed congress in Sochi.", published="2018-03-01")
    assert all(r.country != "USA" for e in events for r in (*e.actor, *e.recipient))
