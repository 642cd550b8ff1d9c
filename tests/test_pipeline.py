"""Event linking rules on short sentences, through the full pipeline (real base model)."""

from datetime import date

import pytest

BASE = date(2022, 4, 15)  # a Friday


def events(nlp, text, published=BASE):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events


def only(nlp, text, event_type):
    found = [e for e in events(nlp, text) if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events(nlp, text)]
    return found[0]


def test_pipeline_has_no_unmet_requirements(nlp):
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}


def test_line_breaks_end_sentences(nlp):
    doc = nlp("Relations have hit new lows\nThe test occurred on Thursday.")
    assert [s.text.strip() for s in doc.sents] == ["Relations have hit new lows", "The test occurred on Thursday."]


def test_test_fire_with_all_slots(nlp):
    e = only(nlp, "North Korea test-fired two Hwasong-17 missiles into the Sea of Japan on Thursday.", "weapons_test")
    assert e.actors == [("North Korea", "PRK")]
    assert e.weapons == [("Hwasong-17", "ballistic missile")]
    assert [p[0] for p in e.places] == ["Sea of Japan"]
    assert e.date.iso == "2022-04-14" and e.date_text == "on Thursday"
    assert e.quantity == 2 and e.modality == "asserted"


def test_launch_without_a_weapon_is_not_a_test(nlp):
    assert not [e for e in events(nlp, "Tokyo will launch vigilant monitoring.") if e.event_type == "weapons_test"]


def test_announcing_body_acts_for_a_subject_that_is_no_state(nlp):
    e = only(nlp, "The Russian Defence Ministry announced on Thursday that two submarines had test-fired Kalibr missiles.", "weapons_test")
    assert e.actors == [("Russia", "RUS")] and e.details == ["Russian Defence Ministry"]
    assert e.date.iso == "2022-04-14"


def test_reported_speech_keeps_the_reported_actor(nlp):
    e = only(nlp, "Kishi said that Russia is boosting the number of Kalibr-equipped vessels.", "weapons_development")
    assert e.actors == [("Russia", "RUS")]


def test_nominal_trigger_takes_its_modifier_as_actor_and_object_as_target(nlp):
    e = only(nlp, "It came amid the Russian invasion of Ukraine.", "attack")
    assert e.actors == [("Russia", "RUS")] and e.targets == [("Ukraine", "UKR")]
    assert [p[0] for p in e.places] == ["Ukraine"]


def test_sanction_target_through_a_capital(nlp):
    e = only(nlp, "Japan has imposed severe sanctions on Moscow.", "sanction")
    assert e.actors == [("Japan", "JPN")] and e.targets == [("Russia", "RUS")]


def test_procurement_supplier_is_the_target(nlp):
    e = only(nlp, "Japan intends to buy 400 Tomahawk missiles from the US by 2027.", "procurement")
    assert e.actors == [("Japan", "JPN")] and e.targets == [("United States", "USA")]
    assert e.date.iso == "2027" and e.date.qualifier == "by"
    assert e.modality == "planned" and e.quantity == 400


def test_joint_drills_list_every_party(nlp):
    e = only(nlp, "The United States conducted joint naval drills with Japan in the Sea of Japan.", "military_exercise")
    assert e.actors == [("United States", "USA"), ("Japan", "JPN")]


def test_near_gives_the_place(nlp):
    e = only(nlp, "China held drills near Taiwan.", "military_exercise")
    assert [p[0] for p in e.places] == ["Taiwan"]


def test_condition_is_not_an_event(nlp):
    found = events(nlp, "If missiles are deployed on the islands, Moscow will respond.")
    assert [e.event_type for e in found] == ["threat"]
    assert found[0].modality == "threatened"


def test_generic_trend_is_not_an_event(nlp):
    assert events(nlp, "Russian military activities have tended to increase in recent years, including exercises.") == []


def test_headline_and_body_merge_into_one_event(nlp):
    text = "Russia tests Kalibr missiles in Sea of Japan\nRussia test-fired Kalibr cruise missiles in the Sea of Japan on Thursday."
    tests = [e for e in events(nlp, text) if e.event_type == "weapons_test"]
    assert len(tests) == 1 and tests[0].date.iso == "2022-04-14"


@pytest.mark.parametrize("text, modality", [
    ("Russia has reportedly sent 44 Kalibr missiles towards Ukraine.", "claimed"),
    ("Japan will deploy Tomahawk missiles.", "planned"),
])
def test_modality(nlp, text, modality):
    (e,) = events(nlp, text)
    assert e.modality == modality
