"""The scoring arithmetic of spec section 8, pinned on tiny hand-made tables."""

import pytest

from pipeline.evaluate import cell, pair_events, score


def row(doc="d1", event_type="weapons_test", **fields):
    base = {"doc_id": doc, "event_type": event_type, "actor": "", "actor_code": "", "target": "",
            "target_code": "", "weapon": "", "place": "", "date": "", "sentence": "s"}
    base.update(fields)
    return base


GOLD = [
    row(actor="Russia", actor_code="RUS", weapon="Kalibr", place="Sea of Japan", date="2022-04-14"),
    row(event_type="protest", actor="Japan", actor_code="JPN", target="Russia", target_code="RUS"),
]


def test_perfect_match_scores_one_everywhere():
    s = score(GOLD, GOLD)
    assert s.entity_macro_f1 == 1.0
    assert s.types_overall.f1 == 1.0
    assert s.arguments.f1 == 1.0
    assert s.misses == []


def test_empty_prediction_scores_zero_with_all_false_negatives():
    s = score(GOLD, [])
    assert s.types_overall.tp == 0 and s.types_overall.fn == 2
    assert s.arguments.tp == 0 and s.arguments.fn == 6  # 4 + 2 gold values
    assert s.entity["actor"].fn == 2
    assert {m.kind for m in s.misses} == {"missed event"}


def test_wrong_type_is_unpaired_on_both_sides():
    pred = [dict(GOLD[0], event_type="military_exercise")]
    s = score(GOLD[:1], pred)
    assert (s.types_overall.tp, s.types_overall.fp, s.types_overall.fn) == (0, 1, 1)
    assert s.arguments.fp == 4 and s.arguments.fn == 4
    assert s.entity["weapon"].tp == 1  # the entity level ignores event types


def test_set_valued_cells_count_element_by_element():
    gold = [row(event_type="meeting", actor="United States|Japan", actor_code="USA|JPN")]
    pred = [row(event_type="meeting", actor="Japan|China", actor_code="JPN|CHN")]
    s = score(gold, pred)
    assert (s.event_field["actor"].tp, s.event_field["actor"].fp, s.event_field["actor"].fn) == (1, 1, 1)


def test_codes_compare_when_both_rows_have_them():
    gold = [row(actor="Russia", actor_code="RUS")]
    assert score(gold, [row(actor="Russian Federation", actor_code="RUS")]).event_field["actor"].tp == 1
    assert score(gold, [row(actor="Russia", actor_code="UKR")]).event_field["actor"].tp == 0
    # without a code on one side, names are compared
    assert score(gold, [row(actor="russia")]).event_field["actor"].tp == 1


def test_values_are_trimmed_case_folded_and_lose_a_leading_the():
    assert cell({"place": " The Sea of Japan|Black sea"}, "place") == cell({"place": "sea of japan|black sea "}, "place")


def test_unpaired_predicted_events_are_false_positives():
    pred = GOLD + [row(actor="China", actor_code="CHN", weapon="DF-21D")]
    s = score(GOLD, pred)
    assert (s.types_overall.tp, s.types_overall.fp) == (2, 1)
    assert s.event_field["weapon"].fp == 1 and s.event_field["actor"].fp == 1
    assert any(m.kind == "spurious event" for m in s.misses)


def test_pairing_maximises_agreeing_fields():
    gold = [row(actor="Russia", actor_code="RUS", weapon="Kalibr"), row(actor="China", actor_code="CHN", weapon="DF-21D")]
    pred = [row(actor="China", actor_code="CHN", weapon="DF-21D"), row(actor="Russia", actor_code="RUS", weapon="Kalibr")]
    assert pair_events(gold, pred) == [(0, 1), (1, 0)]
    assert score(gold, pred).arguments.f1 == 1.0


def test_pairing_ties_go_to_earlier_events():
    gold = [row(actor="Russia", actor_code="RUS")]
    pred = [row(actor="Russia", actor_code="RUS"), row(actor="Russia", actor_code="RUS")]
    assert pair_events(gold, pred) == [(0, 0)]


def test_wrong_value_in_a_pair_is_listed_with_its_sentence():
    pred = [dict(GOLD[0], date="2022-04-13")]
    s = score(GOLD[:1], pred)
    (miss,) = s.misses
    assert (miss.kind, miss.field, miss.gold, miss.predicted) == ("wrong value", "date", "2022-04-14", "2022-04-13")
    assert s.event_field["date"].fp == 1 and s.event_field["date"].fn == 1


@pytest.mark.parametrize("pred_docs", [["d2"], ["d1", "d2"]])
def test_articles_are_scored_separately(pred_docs):
    pred = [dict(GOLD[0], doc_id=d) for d in pred_docs]
    s = score(GOLD[:1], pred)
    assert s.entity["weapon"].tp == (1 if "d1" in pred_docs else 0)
    assert s.entity["weapon"].fp == 1  # the d2 value has no gold


def test_confidence_halves_compare_precision_of_sure_and_doubtful_rows():
    gold = [row(actor="Russia", actor_code="RUS")]
    pred = [dict(row(actor="Russia", actor_code="RUS"), confidence="0.9"), dict(row(actor="China", actor_code="CHN"), confidence="0.3")]
    top, bottom = score(gold, pred).confidence_halves()
    assert (top.tp, top.fp, bottom.tp, bottom.fp) == (1, 0, 0, 1)


def test_confidence_halves_need_confidences():
    assert score(GOLD, GOLD).confidence_halves() is None
