"""The admin saves criteria sets through the service and refuses a change to a used one at the field."""

import datetime

import pytest

from staffing.company_checks.models import CriteriaSet
from staffing.company_checks.services import check_record
from tests.factories import UserFactory

from .factories import commune_setup, criteria

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


def test_the_admin_adds_a_criteria_set_with_its_criteria_through_the_service(admin_client):
    response = admin_client.post(
        "/admin/staffing/criteriaset/add/",
        {
            "name": "Bộ tiêu chí công trường",
            "workplace_kind": "construction",
            "effective_from": "04/06/2021",
            "note": "",
            "criteria_text": "3 | Không đeo khẩu trang\n2 | Không giãn cách",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = CriteriaSet.objects.get()
    assert created.version == 1
    assert [(c.weight, c.text) for c in created.criteria.all()] == [
        (3, "Không đeo khẩu trang"),
        (2, "Không giãn cách"),
    ]
    for page in ("criteriaset", "riskband", "companycheck"):
        assert admin_client.get(f"/admin/staffing/{page}/").status_code == 200


def test_the_admin_cannot_change_a_used_criteria_set(admin_client):
    world = commune_setup()
    used = criteria(UserFactory(username="vp", is_superuser=True))
    check_record(
        actor=world.chairman,
        company=world.company,
        checked_on=datetime.date(2021, 6, 10),
        checked_by=world.inspector,
        on_site_count=10,
        online_count=10,
        outcome="passed",
    )
    response = admin_client.post(
        f"/admin/staffing/criteriaset/{used.pk}/change/",
        {
            "name": "Đổi",
            "workplace_kind": "",
            "effective_from": "04/06/2021",
            "note": "",
            "criteria_text": "1 | A",
        },
    )
    assert response.status_code == 200
    assert "Bộ tiêu chí này đã được dùng" in response.content.decode()
    used.refresh_from_db()
    assert used.name != "Đổi"
    check = world.company.checks.get()
    assert admin_client.get(f"/admin/staffing/companycheck/{check.pk}/change/").status_code == 200
