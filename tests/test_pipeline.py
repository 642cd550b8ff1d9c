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
    assert [w[:2] for w in e.weapons] == [("Hwasong-17", "ballistic missile")]
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


@pytest.mark.parametrize("prefix", ["Read more: ", "  Read more: "])
def test_a_sentence_opening_with_a_skip_prefix_gives_no_event(nlp, prefix):
    text = "North Korea test-fired two Hwasong-17 missiles into the Sea of Japan."
    assert [e.event_type for e in events(nlp, text)] == ["weapons_test"]
    assert events(nlp, prefix + text) == []


def test_headline_and_body_merge_into_one_event(nlp):
    text = "Russia tests Kalibr missiles in Sea of Japan\nRussia test-fired Kalibr cruise missiles in the Sea of Japan on Thursday."
    tests = [e for e in events(nlp, text) if e.event_type == "weapons_test"]
    assert len(tests) == 1 and tests[0].date.iso == "2022-04-14"


@pytest.mark.parametrize("text, modality", [
    ("Russia has reportedly sent 44 Kalibr missiles towards Ukraine.", "claimed"),
    ("Japan will deploy Tomahawk missiles.", "planned"),
    ("Exercises set to begin next week will involve China.", "planned"),  # a phrase cue
    ("Japan is set to deploy Tomahawk missiles.", "planned"),  # the phrase above the trigger
])
def test_modality(nlp, text, modality):
    (e,) = events(nlp, text)
    assert e.modality == modality


def test_supplier_verb_makes_the_recipient_the_actor(nlp):
    e = only(nlp, "The United States sold HIMARS rocket systems to Ukraine.", "procurement")
    assert e.actors == [("Ukraine", "UKR")] and e.targets == [("United States", "USA")]


def test_supplier_of_a_named_system_defaults_to_its_origin(nlp):
    e = only(nlp, "Japan will buy Tomahawk missiles.", "procurement")
    assert e.targets == [("United States", "USA")]


def test_supplier_attached_to_the_object(nlp):
    e = only(nlp, "Minsk has received the Iskander missile systems from Russia.", "procurement")
    assert e.actors == [("Belarus", "BLR")] and e.targets == [("Russia", "RUS")]


def test_pronoun_subject_resolves_to_the_reporting_body(nlp):
    e = only(nlp, "The U.S. Air Force confirmed it successfully tested a hypersonic missile on Tuesday.", "weapons_test")
    assert e.actors == [("United States", "USA")]
    assert e.date.iso == "2022-04-12"


def test_definite_event_noun_refers_back(nlp):
    text = "China launched a large military exercise near Taiwan on Thursday. The exercise came after Pelosi visited."
    assert len([e for e in events(nlp, text) if e.event_type == "military_exercise"]) == 1


def test_protest_of_an_event_targets_its_actor(nlp):
    e = only(nlp, "Tokyo protested Russian manoeuvres on the islands.", "protest")
    assert e.actors == [("Japan", "JPN")] and e.targets == [("Russia", "RUS")]
    assert e.places == []  # the islands are where the manoeuvres were


def test_nested_mention_of_the_same_type_is_one_event(nlp):
    found = events(nlp, "Japan imposed sanctions on Moscow, including a ban on Russian coal imports.")
    assert [(e.event_type, e.actors, e.targets) for e in found] == [("sanction", [("Japan", "JPN")], [("Russia", "RUS")])]


def test_the_same_waterway_is_the_place_of_the_event_just_mentioned(nlp):
    text = ("Russia test-fired Kalibr missiles in the Sea of Japan. The test came a day after the United States "
            "held joint drills with Japan in the same waterway.")
    e = only(nlp, text, "military_exercise")
    assert [p[0] for p in e.places] == ["Sea of Japan"]


def test_definite_generic_weapon_refers_to_the_named_one(nlp):
    text = "Russia fired Kalibr missiles. The missiles had been deployed to the Far East since last November."
    e = only(nlp, text, "deployment")
    assert [w[:2] for w in e.weapons] == [("Kalibr", "cruise missile")]
    assert (e.date.iso, e.date.qualifier) == ("2021-11", "since")


def test_hyphenated_modifier_is_not_a_trigger(nlp):
    assert events(nlp, "Japan changed its war-renouncing Constitution.") == []


def test_a_weapon_cannot_threaten(nlp):
    assert not [e for e in events(nlp, "Tomahawks can hit targets far away, threatening parts of China.") if e.event_type == "threat"]


def test_date_of_a_subordinate_clause_stays_there(nlp):
    text = "Kishida met Biden in January, as he announced plans to purchase Tomahawk missiles."
    e = only(nlp, text, "procurement")
    assert e.date is None


def test_conditional_threat_targets_the_condition(nlp):
    e = only(nlp, "Moscow will respond if Japan deploys hypersonic missiles on the islands.", "threat")
    assert e.actors == [("Russia", "RUS")] and e.targets == [("Japan", "JPN")]
    assert [w[:2] for w in e.weapons] == [("hypersonic missile", "hypersonic missile")]


def test_nominal_trigger_in_a_circumstance_takes_the_verb_subject(nlp):
    e = only(nlp, "NATO and Japan said during a joint statement that they remain united.", "meeting")
    assert e.actors == [("NATO", "NATO"), ("Japan", "JPN")]


def test_participle_in_a_hyphenated_adjective_is_not_a_trigger(nlp):
    found = events(nlp, "Russia is building more sea-launched cruise missile carriers.")
    assert not [e for e in found if e.event_type == "weapons_test"]


def test_a_test_over_a_country_has_it_as_place_not_target(nlp):
    e = only(nlp, "North Korea fired a ballistic missile over Japan.", "weapons_test")
    assert e.targets == [] and [p[0] for p in e.places] == ["Japan"]


def test_possessed_area_gives_the_country_as_place(nlp):
    e = only(nlp, "China launched five ballistic missiles that landed in Japan's exclusive economic zone.", "weapons_test")
    assert [p[0] for p in e.places] == ["Japan"]


def test_when_clause_takes_the_date_it_modifies(nlp):
    text = "The situation was similar to the one on Aug. 29, when North Korea fired a Hwasong-12 missile over Hokkaido."
    e = only(nlp, text, "weapons_test")
    assert e.date.iso == "2021-08-29"


def test_a_visit_happens_in_the_country_visited(nlp):
    e = only(nlp, "US House Speaker Nancy Pelosi visited Taiwan.", "meeting")
    assert e.targets == [("Taiwan", "TWN")] and [p[0] for p in e.places] == ["Taiwan"]


def test_place_in_a_phrase_of_circumstance_is_not_where_it_happened(nlp):
    e = only(nlp, "NATO launched the manoeuvres in reaction to the changed security situation in Europe.", "military_exercise")
    assert e.places == []


def test_towards_a_country_is_a_target(nlp):
    e = only(nlp, "Russia has sent 44 Kalibr missiles towards Ukraine in the Black Sea.", "deployment")
    assert e.targets == [("Ukraine", "UKR")] and [p[0] for p in e.places] == ["Black Sea"]


def test_capability_description_is_not_an_event(nlp):
    assert events(nlp, "Tomahawks are subsonic cruise missiles that launch from ships and submarines.") == []


def test_supplier_without_a_named_recipient_is_the_target(nlp):
    text = "Ukraine asked for rocket systems. The United States provided the HIMARS at Ukraine's request."
    e = only(nlp, text, "procurement")
    assert e.targets == [("United States", "USA")] and e.actors == [("Ukraine", "UKR")]


def test_a_meeting_needs_a_participant(nlp):
    assert events(nlp, "All mission objectives were met.") == []


def test_relative_pronoun_subject_is_the_noun_it_stands_for(nlp):
    e = only(nlp, "The drone was exported to Russia, which has used it in its war in Ukraine.", "attack")
    assert e.actors == [("Russia", "RUS")]


def test_a_range_of_places(nlp):
    e = only(nlp, "NATO held drills from the Arctic Circle to Romania.", "military_exercise")
    assert [p[0] for p in e.places] == ["Arctic Circle", "Romania"]


def test_coordinated_verbs_share_the_nominal_subject(nlp):
    e = only(nlp, "The drills took place largely in Norway and involved some 51,000 soldiers.", "military_exercise")
    assert [p[0] for p in e.places] == ["Norway"] and e.quantity == 51000


def test_unknown_location_in_a_locative_phrase_is_a_place_without_coordinates(nlp):
    e = only(nlp, "The U.S. Air Force tested a hypersonic missile off the California coast.", "weapons_test")
    assert e.places == [("California", "", None, None)]


def test_an_infinitive_to_makes_no_range(nlp):
    e = only(nlp, "Japan intends to buy 500 missiles from the US by 2027.", "procurement")
    assert e.places == [] and e.targets == [("United States", "USA")]


def test_a_launch_at_a_city_is_an_attack(nlp):
    e = only(nlp, "Russia fired Kalibr cruise missiles at Kyiv on Thursday.", "attack")
    assert e.actors == [("Russia", "RUS")] and e.targets == [("Ukraine", "UKR")]
    assert [p[0] for p in e.places] == ["Kyiv"]


def test_a_launch_at_a_target_at_sea_stays_a_test(nlp):
    e = only(nlp, "The frigate fired a Zircon missile at a target in the White Sea.", "weapons_test")
    assert [p[0] for p in e.places] == ["White Sea"]


@pytest.mark.parametrize("text, actor", [
    ("Japan met China. The latter later test-fired a DF-21D missile.", ("China", "CHN")),
    ("Japan met China. The former later deployed Patriot missiles.", ("Japan", "JPN")),
    ("Iran hosted officials from NATO. The country then test-fired a Sejjil missile.", ("Iran", "IRN")),
    ("Russian Defence Minister Sergei Shoigu visited the fleet. He ordered the deployment of Kinzhal missiles.", ("Russia", "RUS")),
])
def test_anaphoric_subjects_refer_back(nlp, text, actor):
    found = [e for e in events(nlp, text) if e.event_type in ("weapons_test", "deployment")]
    assert found and found[0].actors == [actor]


def test_generic_class_with_its_own_name_gives_way_to_a_named_system(nlp):
    text = "Ukraine received HIMARS launchers. The long-range rocket systems arrived on Thursday."
    e = only(nlp, text, "procurement")
    assert [w[0] for w in e.weapons] == ["HIMARS"]


def test_non_state_agent_of_a_nominal_trigger(nlp):
    e = only(nlp, "It was invoked after the September 11, 2001 attacks by al-Qaeda on the United States.", "attack")
    assert e.actors == [("al-Qaeda", "")] and e.targets == [("United States", "USA")]
    assert e.date.iso == "2001-09-11"


def test_threat_condition_inside_the_reported_warning(nlp):
    text = "Putin warned Western nations that Russia will strike facilities if long-range rocket systems are supplied to Ukraine."
    e = only(nlp, text, "threat")
    assert [w[0] for w in e.weapons] == ["long-range rocket system"]


def test_launching_an_exercise_keeps_its_subject(nlp):
    text = "Kishi said that China launched a large-scale military exercise on Thursday near Taiwan."
    e = only(nlp, text, "military_exercise")
    assert e.actors == [("China", "CHN")] and [p[0] for p in e.places] == ["Taiwan"]
