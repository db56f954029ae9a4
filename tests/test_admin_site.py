"""Every model the admin manages opens, searches and filters for the district administrator, in Vietnamese."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in {"staffing", "directives", "tthc"}
]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(("model", "model_admin"), MODELS, ids=[m._meta.label for m, _ in MODELS])
def test_changelist_opens_with_search(admin_client, model, model_admin):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = admin_client.get(url, {"q": "Củ Chi"} if model_admin.search_fields else {})
    assert response.status_code == 200
    assert "Tìm kiếm" in response.text or not model_admin.search_fields
