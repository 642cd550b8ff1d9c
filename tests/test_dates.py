from datetime import date

import pytest

from pipeline.dates import DateValue, normalize_date, split_qualifier

FRIDAY = date(2022, 4, 15)  # a Friday
MONDAY = date(2023, 2, 13)


@pytest.mark.parametrize(
    "text, base, expected",
    [
        ("Thursday", FRIDAY, ("2022-04-14", "day", "")),
        ("Friday", FRIDAY, ("2022-04-15", "day", "")),  # on or before publication
        ("Saturday", FRIDAY, ("2022-04-09", "day", "")),
        ("last November", FRIDAY, ("2021-11", "month", "")),
        ("since last November", FRIDAY, ("2021-11", "month", "since")),
        ("in January", MONDAY, ("2023-01", "month", "")),
        ("January", FRIDAY, ("2022-01", "month", "")),
        ("earlier this month", FRIDAY, ("2022-04", "month", "")),
        ("last month", MONDAY, ("2023-01", "month", "")),
        ("last year", FRIDAY, ("2021", "year", "")),
        ("March 28", FRIDAY, ("2022-03-28", "day", "")),
        ("on April 14, 2022", FRIDAY, ("2022-04-14", "day", "")),
        ("Aug. 29", date(2017, 9, 15), ("2017-08-29", "day", "")),
        ("November 2010", FRIDAY, ("2010-11", "month", "")),
        ("fiscal 2026", FRIDAY, ("2026", "year", "")),
        ("by 2027", MONDAY, ("2027", "year", "by")),
        ("before 2030", MONDAY, ("2030", "year", "before")),
        ("after March 28", FRIDAY, ("2022-03-28", "day", "after")),
        ("about 1988", FRIDAY, ("1988", "year", "about")),
    ],
)
def test_resolves_at_true_granularity(text, base, expected):
    assert normalize_date(text, base=base) == DateValue(*expected)


@pytest.mark.parametrize("text", ["one day", "recent weeks", "three years", "in recent years", "this week", "less than a month"])
def test_durations_and_vague_spans_give_no_date(text):
    assert normalize_date(text, base=FRIDAY) is None


def test_relative_dates_stay_unresolved_without_publication_date():
    assert normalize_date("Thursday", base=None) is None
    assert normalize_date("last November", base=None) is None


def test_absolute_dates_resolve_without_publication_date():
    assert normalize_date("April 14, 2022", base=None) == DateValue("2022-04-14", "day", "")
    assert normalize_date("2027", base=None) == DateValue("2027", "year", "")


def test_no_invented_day_for_a_month():
    assert normalize_date("March 2023", base=FRIDAY).iso == "2023-03"


def test_split_qualifier():
    assert split_qualifier("since last November") == ("since", "last November")
    assert split_qualifier("until 2030") == ("by", "2030")
    assert split_qualifier("in January") == ("", "in January")


def test_relative_date_without_publication_date_is_kept_unresolved():
    from pipeline.dates import unresolved_date

    assert unresolved_date("since last November") == DateValue("", "unresolved", "since")
    assert unresolved_date("April 14, 2022") == DateValue("2022-04-14", "day", "")
    assert unresolved_date("recent weeks") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March", ("2024-03", "month", "")),
        ("as early as March", ("2024-03", "month", "after")),
        ("Friday", ("2024-01-19", "day", "")),
        ("January", ("2024-01", "month", "")),
    ],
)
def test_future_clauses_read_forward(text, expected):
    assert normalize_date(text, base=date(2024, 1, 18), prefer="future") == DateValue(*expected)


@pytest.mark.parametrize("text", ["the end of the Cold War", "the Soviet era", "the same time"])
def test_date_entities_without_a_date_word_give_no_date(text):
    assert normalize_date(text, base=FRIDAY) is None


@pytest.mark.parametrize("text", ["in 25 years", "for 10 days", "two decades"])
def test_numbered_durations_give_no_date(text):
    assert normalize_date(text, base=FRIDAY) is None


def test_years_ago_is_still_a_date():
    assert normalize_date("two years ago", base=FRIDAY) == DateValue("2020", "year", "")
