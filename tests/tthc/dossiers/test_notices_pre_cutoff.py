"""Clause 3.2: applicants of dossiers received before the cut-off are told, once, that the result comes
back by post free of charge; procedures whose result must be received in person by law are left out."""

import datetime
import os
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, connections
from django.urls import reverse

from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import deliver_now, message_deliver
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.constants import DossierEventKind, DossierStatus, NoticeKind
from tthc.dossiers.models import NoticeLog
from tthc.dossiers.selectors import pre_cutoff_dossiers
from tthc.dossiers.services import dossier_transition, pre_cutoff_notice_send
from tthc.dossiers.tasks import send_pre_cutoff_notices
from tthc.intake.constants import Channel

D = datetime.date
TODAY = D(2021, 6, 8)


def before_cutoff(district):
    """Before 03/06/2021 no policy restricts intake: dossiers come in every way."""
    early = at(D(2021, 6, 1))
    return {
        "birth": receive(district, channel=Channel.IN_PERSON, received_at=early),
        "marriage": receive(
            district, procedure=district.marriage, channel=Channel.IN_PERSON, received_at=early
        ),
        "no_email": receive(district, channel=Channel.IN_PERSON, received_at=early, applicant_email=""),
        "on_cutoff_day": receive(district, channel=Channel.ONLINE, received_at=at(D(2021, 6, 3))),
    }


@pytest.mark.django_db
def test_the_list_leaves_out_in_person_by_law_and_later_dossiers():
    district = district_under_2629()
    dossiers = before_cutoff(district)
    returned = receive(district, received_at=at(D(2021, 6, 2)))
    for to_status in (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED):
        returned = dossier_transition(dossier=returned, to_status=to_status, actor=district.officer)

    listed = set(pre_cutoff_dossiers(today=TODAY).values_list("pk", flat=True))

    assert listed == {dossiers["birth"].pk, dossiers["no_email"].pk}


@pytest.mark.django_db
def test_notices_skip_in_person_by_law_and_are_not_sent_twice():
    district = district_under_2629()
    dossiers = before_cutoff(district)
    ids = [d.pk for d in dossiers.values()]

    assert send_pre_cutoff_notices(ids) == 1
    assert send_pre_cutoff_notices(ids) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nguoidan@example.com"]
    assert dossiers["birth"].code in message.subject
    assert "miễn phí" in message.subject
    assert "bưu chính công ích" in message.body
    assert "2629/UBND" in message.body
    assert "trực tiếp" in message.body  # the applicant may still come in person
    birth = dossiers["birth"]
    birth.refresh_from_db()
    assert birth.free_postage and birth.result_delivery == Channel.POSTAL
    assert birth.events.filter(kind=DossierEventKind.NOTICE).count() == 1
    assert NoticeLog.objects.get().kind == NoticeKind.PRE_CUTOFF_POSTAL_RETURN
    marriage = dossiers["marriage"]
    marriage.refresh_from_db()
    assert marriage.result_delivery == Channel.IN_PERSON


class UnreachableBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OSError("SMTP server unreachable")


@pytest.mark.django_db
def test_a_failed_send_stays_in_the_outbox_and_is_sent_once_when_the_server_is_back(settings):
    district = district_under_2629()
    birth = before_cutoff(district)["birth"]

    settings.EMAIL_BACKEND = f"{__name__}.UnreachableBackend"
    assert send_pre_cutoff_notices([birth.pk]) == 1
    assert NoticeLog.objects.count() == 1
    message = OutboxMessage.objects.get()
    assert message.status == Status.PENDING and "SMTP server unreachable" in message.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_pre_cutoff_notices([birth.pk]) == 0  # no second notice; the pending one is delivered
    assert message_deliver(message.pk).outcome == "skipped"
    assert send_pre_cutoff_notices([birth.pk]) == 0
    assert [m.to for m in mail.outbox] == [["nguoidan@example.com"]]


@pytest.fixture
def eager_celery():
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.mark.django_db
def test_the_office_page_lists_the_dossiers_and_sends_the_notices(
    office_client, eager_celery, django_capture_on_commit_callbacks
):
    district = district_under_2629()
    dossiers = before_cutoff(district)
    page = office_client.get(reverse("tthc:dossier-cutoff")).content.decode()
    assert dossiers["birth"].code in page
    assert dossiers["no_email"].code in page
    assert dossiers["marriage"].code not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(reverse("tthc:dossier-cutoff"))

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["nguoidan@example.com"]]


@pytest.mark.django_db
def test_leadership_reads_the_list_but_cannot_send(client, eager_celery):
    from staffing.registry.constants import Role
    from tests.factories import user_with_role

    district = district_under_2629()
    before_cutoff(district)
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    assert client.get(reverse("tthc:dossier-cutoff")).status_code == 200
    assert client.post(reverse("tthc:dossier-cutoff")).status_code == 404
    client.force_login(district.officer)
    assert client.get(reverse("tthc:dossier-cutoff")).status_code == 404
    assert mail.outbox == []


@pytest.mark.postgres
@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    and not os.environ.get("REQUIRE_POSTGRES"),
    reason="row locks need PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_each_notice_once():
    if connection.vendor != "postgresql":
        pytest.fail("PostgreSQL is required (REQUIRE_POSTGRES is set)")
    district = district_under_2629()
    early = at(D(2021, 6, 1))
    ids = [
        receive(
            district, channel=Channel.IN_PERSON, received_at=early, applicant_email=f"a{i}@example.com"
        ).pk
        for i in range(10)
    ]
    barrier = threading.Barrier(4)
    sent = []

    def run():
        try:
            barrier.wait()
            sent.append(sum(pre_cutoff_notice_send(dossier_id=i, today=TODAY) for i in ids))
            # Each run then delivers what is pending, as four workers would: the claim sends each once.
            deliver_now(OutboxMessage.objects.filter(status=Status.PENDING))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(sent) == 10
    assert len(mail.outbox) == 10
    assert NoticeLog.objects.count() == 10
    assert OutboxMessage.objects.filter(status=Status.SENT).count() == 10
