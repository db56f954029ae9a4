"""The admin shows dossiers and their trail, read-only: every write goes through dossier_services."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.tthc.dossiers.factories import district_under_2629, receive

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_dossiers_without_add_or_change(client):
    dossier = receive(district_under_2629())
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    changelist = client.get(reverse("admin:tthc_dossier_changelist"), {"q": dossier.code})
    assert dossier.code in changelist.content.decode()
    detail = client.get(reverse("admin:tthc_dossier_change", args=[dossier.pk]))
    assert detail.status_code == 200
    assert client.get(reverse("admin:tthc_dossier_add")).status_code == 403
    assert client.post(reverse("admin:tthc_dossier_change", args=[dossier.pk]), {}).status_code == 403
