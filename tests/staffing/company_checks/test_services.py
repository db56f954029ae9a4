"""The rules of a check: the set in force on its date, the score and its band, the outcome, the follow-up."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from staffing.company_checks.models import CompanyCheck, CriteriaSet
from staffing.company_checks.scoring import Band, band_errors, band_for, bands_in_force
from staffing.company_checks.selectors import criteria_set_in_force, follow_ups
from staffing.company_checks.services import check_record, criteria_set_save, follow_up_close, risk_bands_set
from staffing.registry.constants import Role
from tests.factories import user_with_role

from .factories import WEIGHTS, commune_setup, company, criteria

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def office(db):
    return user_with_role(Role.DISTRICT_OFFICE, username="van-phong")


@pytest.fixture
def world(office):
    w = commune_setup()
    w.set = criteria(office)
    return w


def record(w, **overrides):
    values = {
        "actor": w.chairman,
        "company": w.company,
        "checked_on": D(2021, 6, 10),
        "mode": "on_site",
        "checked_by": w.inspector,
        "on_site_count": 40,
        "online_count": 60,
        "at_risk": [],
        "outcome": "passed",
        "requested": "",
        "follow_up_on": None,
    }
    values.update(overrides)
    return check_record(**values)


def ids_weighing(criteria_set, percent):
    """Criteria of the 100-point set whose weights add up to `percent`."""
    chosen, left = [], percent
    for criterion in sorted(criteria_set.criteria.all(), key=lambda c: -c.weight):
        if criterion.weight <= left:
            chosen.append(criterion.pk)
            left -= criterion.weight
    assert left == 0, percent
    return chosen


@pytest.mark.parametrize(
    ("percent", "level"),
    [
        (0, "Rất ít nguy cơ"),
        (15, "Rất ít nguy cơ"),
        (16, "Nguy cơ thấp"),
        (30, "Nguy cơ thấp"),
        (31, "Nguy cơ trung bình"),
        (50, "Nguy cơ trung bình"),
        (51, "Nguy cơ cao"),
        (80, "Nguy cơ cao"),
        (81, "Nguy cơ rất cao"),
        (100, "Nguy cơ rất cao"),
    ],
)
def test_the_risk_level_at_the_edges_of_each_band_of_decision_2194(world, percent, level):
    assert sum(WEIGHTS) == 100
    check = record(world, at_risk=ids_weighing(world.set, percent))
    assert (check.score, check.max_score, check.risk_level) == (percent, 100, level)


def test_a_share_just_above_an_edge_is_in_the_next_band():
    bands = bands_in_force()
    assert band_for(2, 13, bands).label == "Nguy cơ thấp"  # 15.4%
    assert band_for(3, 20, bands).label == "Rất ít nguy cơ"  # 15% exactly


def test_the_office_s_bands_apply_to_later_checks_and_earlier_ones_keep_their_level(world, office):
    first = record(world, at_risk=ids_weighing(world.set, 40))
    risk_bands_set(actor=office, bands=[Band(50, "Thấp"), Band(100, "Cao")])
    second = record(world, checked_on=D(2021, 6, 11), at_risk=ids_weighing(world.set, 40))
    first.refresh_from_db()
    assert (first.risk_level, second.risk_level) == ("Nguy cơ trung bình", "Thấp")


def test_a_band_set_with_a_gap_at_the_top_or_falling_bounds_is_refused(office):
    assert band_errors([Band(30, "A"), Band(80, "B")])  # 81-100% would have no level
    assert band_errors([Band(50, "A"), Band(40, "B"), Band(100, "C")])
    assert band_errors([Band(50, "A"), Band(100, "A")])
    assert band_errors([Band(50, ""), Band(100, "B")])
    with pytest.raises(ValidationError) as error:
        risk_bands_set(actor=office, bands=[Band(30, "A"), Band(80, "B")])
    assert "100%" in " ".join(error.value.message_dict["bands"])
    assert [b.label for b in bands_in_force()][0] == "Rất ít nguy cơ"


def test_a_new_criteria_version_applies_from_its_date_and_an_old_check_keeps_its_set(world, office):
    old = record(world, at_risk=ids_weighing(world.set, 50))
    new_set = criteria(office, effective_from=D(2021, 7, 1), weights=(5, 5), name="Bộ tiêu chí sửa đổi")
    assert new_set.version == 2
    assert criteria_set_in_force(D(2021, 6, 30)) == world.set
    assert criteria_set_in_force(D(2021, 7, 1)) == new_set
    later = record(world, checked_on=D(2021, 7, 2), at_risk=[new_set.criteria.first().pk])
    old.refresh_from_db()
    assert (old.criteria_set, old.score, old.max_score) == (world.set, 50, 100)
    assert (later.criteria_set, later.score, later.max_score) == (new_set, 5, 10)
    assert old.answers.count() == len(WEIGHTS) and later.answers.count() == 2


def test_a_used_criteria_set_stays_as_it_was(world, office):
    record(world)
    world.set.name = "Đổi tên"
    with pytest.raises(ValidationError):
        criteria_set_save(actor=office, criteria_set=world.set, criteria=[("Khác", 3)])
    assert CriteriaSet.objects.get(pk=world.set.pk).criteria.count() == len(WEIGHTS)


def test_a_set_for_a_kind_of_workplace_wins_over_the_general_one(world, office):
    building = criteria(office, kind="construction", weights=(3,), name="Công trường")
    site = company(world.commune, sector="construction")
    check = record(
        world, company=site, on_site_count=10, online_count=0, at_risk=[building.criteria.get().pk]
    )
    assert (check.criteria_set, check.risk_level) == (building, "Nguy cơ rất cao")
    assert record(world, checked_on=D(2021, 6, 12)).criteria_set == world.set


def test_a_criterion_of_another_set_cannot_be_marked(world, office):
    other = criteria(office, kind="trade", weights=(3,))
    with pytest.raises(ValidationError) as error:
        record(world, at_risk=[other.criteria.get().pk])
    assert "at_risk" in error.value.message_dict


def test_outcome_other_than_passed_needs_what_was_asked_and_a_later_follow_up_date(world):
    with pytest.raises(ValidationError) as error:
        record(world, outcome="remedy")
    assert set(error.value.message_dict) == {"requested", "follow_up_on"}
    with pytest.raises(ValidationError) as error:
        record(world, outcome="violation", requested="Bố trí khu cách ly", follow_up_on=D(2021, 6, 10))
    assert error.value.message_dict["follow_up_on"] == ["Ngày kiểm tra lại phải sau ngày kiểm tra."]
    with pytest.raises(ValidationError) as error:
        record(world, outcome="passed", follow_up_on=D(2021, 6, 20))
    assert "follow_up_on" in error.value.message_dict
    check = record(world, outcome="remedy", requested="Đo thân nhiệt tại cổng", follow_up_on=D(2021, 6, 17))
    assert check.follow_up_open
    assert CompanyCheck.objects.count() == 1


def test_refusals_at_their_fields_and_nothing_saved(world):
    outsider = commune_setup(name="UBND xã Tân An Hội", code="27532", username="chu-tich-2")
    cases = {
        "checked_on": {"checked_on": timezone.localdate() + datetime.timedelta(days=1)},
        "checked_by": {"checked_by": outsider.inspector},
        "online_count": {"on_site_count": 60, "online_count": 41},
        "outcome": {"outcome": "maybe"},
    }
    for field, overrides in cases.items():
        with pytest.raises(ValidationError) as error:
            record(world, **overrides)
        assert field in error.value.message_dict, field
    with pytest.raises(ValidationError) as error:
        record(world, checked_on=D(2021, 6, 3))
    assert error.value.message_dict["checked_on"] == ["Không có bộ tiêu chí nào có hiệu lực vào ngày này."]
    assert not CompanyCheck.objects.exists()


def test_another_commune_s_chairman_cannot_record(world):
    outsider = commune_setup(name="UBND xã Tân An Hội", code="27532", username="chu-tich-2")
    with pytest.raises(PermissionDenied):
        record(world, actor=outsider.chairman)


def test_the_latest_check_sets_the_register_s_online_count(world):
    record(world, checked_on=D(2021, 6, 12), online_count=55, on_site_count=45)
    record(world, checked_on=D(2021, 6, 10), online_count=20, on_site_count=70)  # an older check, later
    world.company.refresh_from_db()
    assert world.company.working_online == 55


def test_follow_ups_due_and_overdue_and_done_by_a_later_check_or_closed(world):
    other = company(world.commune)
    third = company(world.commune)
    today = D(2021, 6, 20)
    overdue = record(world, outcome="remedy", requested="Giãn cách", follow_up_on=D(2021, 6, 15))
    due = record(
        world, company=other, outcome="violation", requested="Đeo khẩu trang", follow_up_on=D(2021, 6, 24)
    )
    far = record(world, company=third, outcome="remedy", requested="Khử khuẩn", follow_up_on=D(2021, 7, 30))
    overdue_list, due_list = follow_ups(world.commune, today=today)
    assert (overdue_list, due_list) == ([overdue], [due])
    assert far.follow_up_open
    again = record(world, checked_on=D(2021, 6, 18))
    overdue.refresh_from_db()
    assert (overdue.follow_up_open, overdue.follow_up_check, overdue.follow_up_closed_on) == (
        False,
        again,
        D(2021, 6, 18),
    )
    with pytest.raises(ValidationError) as error:
        follow_up_close(actor=world.chairman, check=due, note="  ")
    assert "note" in error.value.message_dict
    follow_up_close(actor=world.chairman, check=due, note="Công ty đã khắc phục, có ảnh chụp")
    assert follow_ups(world.commune, today=today) == ([], [])
