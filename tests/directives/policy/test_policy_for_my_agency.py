"""The policy page tells a head, in plain words, what the cap means for their own agency today, and the home
page links to it."""

import datetime

import pytest
from django.utils import timezone

from staffing.registry.constants import DutyGroup
from tests.directives.factories import published_directive_with_policy
from tests.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(db):
    return published_directive_with_policy(
        number="2629/UBND", issued_on=timezone.localdate() - datetime.timedelta(days=30)
    )


@pytest.fixture
def staff(agency):
    StaffMemberFactory.create_batch(9, agency=agency)
    StaffMemberFactory.create_batch(2, agency=agency, duty_group=DutyGroup.MILITARY)


def test_head_reads_the_cap_of_their_agency_in_plain_words(head_client, agency, staff, in_force):
    page = head_client.get("/directives/policy/").text
    assert (
        "Phòng Tư pháp</strong>: 9 người tính, tối đa <strong>4</strong> người làm việc tại nhà mỗi ngày"
        in page
    )
    assert "9 × 1/2 = 4,5, làm tròn xuống còn 4" in page
    assert "Không tính: 2 người thuộc" in page
    assert f"/work-modes/agencies/{agency.pk}/week/" in page


def test_head_home_links_to_what_the_policy_means_for_their_agency(head_client, agency, staff, in_force):
    page = head_client.get("/home/").text
    assert "9 người tính, tối đa <strong>4</strong> người làm việc tại nhà mỗi ngày" in page
    assert f'href="/directives/policy/#agency-{agency.pk}"' in page


def test_without_a_policy_the_head_reads_that_nothing_limits_home_work(head_client, agency, staff):
    page = head_client.get("/directives/policy/").text
    assert "không có văn bản nào giới hạn số người làm việc tại nhà" in page


def test_district_office_sees_the_district_rules_without_an_agency_block(office_client, in_force):
    assert office_client.get("/directives/policy/").context["agency_caps"] == []


def test_policy_page_reads_the_head_agency_in_a_few_queries(
    head_client, agency, staff, in_force, django_assert_max_num_queries
):
    # 15: one of them reads the letter the policy in force replaced ("Thay đổi so với …").
    with django_assert_max_num_queries(15):
        head_client.get("/directives/policy/")
