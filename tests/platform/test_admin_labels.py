"""Every label a Vietnamese administrator reads in the admin is Vietnamese: permission names (stored in
English by Django), django-celery-beat's untranslated field and column names, crontabs in words, and the
history pages (no "None" for an empty value or a change made by a task)."""

import datetime
import html
import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from directives.documents.constants import DocumentStatus
from tests.factories import AgencyFactory, DocumentFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(
    r"\bCan (?:add|change|delete|view)\b|\bNone\b|Task Name|\bScheduler\b|\bhistorical\b|Every minute|"
    r"\bAt \d\d:\d\d\b|\(pk=",
    re.IGNORECASE,
)


def visible_text(response) -> str:
    text = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def beat_task(db):
    crontab = CrontabSchedule.objects.create(
        minute="0",
        hour="6",
        day_of_month="*",
        month_of_year="12",
        day_of_week="*",
        timezone="Asia/Ho_Chi_Minh",
    )
    return PeriodicTask.objects.create(
        name="Nạp lịch nghỉ năm sau", task="tthc.calendar.load_next_year", crontab=crontab
    )


def _pages(client):
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        yield reverse("admin:{}_{}_changelist".format(*info))
        if model_admin.has_add_permission(type("Request", (), {"user": client.user})()):
            yield reverse("admin:{}_{}_add".format(*info))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield reverse("admin:{}_{}_change".format(*info), args=[first.pk])
            if hasattr(model_admin, "history_view"):
                yield reverse("admin:{}_{}_history".format(*info), args=[first.pk])


def test_no_admin_page_shows_english_labels(admin_client, beat_task, django_user_model):
    member = StaffMemberFactory(agency=AgencyFactory(), user=UserFactory())
    member.phone = "0912345678"
    member.save()  # a change with no user, as a task makes it
    document = DocumentFactory(status=DocumentStatus.DRAFT)
    document.status = DocumentStatus.PUBLISHED
    document.save()
    admin_client.user = django_user_model.objects.get(username="quantri")
    seen = []
    for url in _pages(admin_client):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        found = ENGLISH.findall(visible_text(response))
        seen.append(url)
        assert not found, (url, found[:5])
    assert len(seen) > 50


def test_permissions_are_listed_in_vietnamese(admin_client):
    page = admin_client.get(reverse("admin:auth_group_add")).content.decode()
    labels = re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', page)
    assert "Văn bản chỉ đạo | Thêm văn bản" in [html.unescape(label) for label in labels]
    assert any("lịch sử" in html.unescape(label) for label in labels)
    assert not [label for label in labels if label.startswith("Can ")]


def test_periodic_tasks_read_their_schedule_in_words(admin_client, beat_task):
    text = visible_text(admin_client.get(reverse("admin:django_celery_beat_periodictask_changelist")))
    assert "Theo tên tác vụ" in text and "Lịch chạy" in text
    assert "Tại 06:00, chỉ vào Tháng 12 (Asia/Ho_Chi_Minh)" in text, text[-600:]


def test_history_says_who_changed_and_shows_empty_values_as_a_dash(admin_client):
    document = DocumentFactory(status=DocumentStatus.DRAFT, issued_on=datetime.date(2021, 6, 4))
    document.status = DocumentStatus.PUBLISHED
    document.save()
    text = visible_text(admin_client.get(reverse("admin:directives_document_history", args=[document.pk])))
    assert "hệ thống (không có người dùng)" in text
    assert "Dự thảo → Đã ban hành" in text
    assert "None" not in text
