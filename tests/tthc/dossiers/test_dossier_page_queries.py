"""The district office's and the desk's pages read a fixed number of queries, however many dossiers,
agencies, steps and holidays there are."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import CalendarDayFactory
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.services import dossier_transition
from tthc.intake.constants import Channel

D = datetime.date
pytestmark = pytest.mark.django_db
RETURN = (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED)


def add_rows(districts, n):
    """n more dossiers per commune: open ones received before the cut-off, free postal returns with their
    trail, and a holiday each."""
    for district in districts:
        for i in range(n):
            receive(district, channel=Channel.IN_PERSON, received_at=at(D(2021, 6, 1), 8 + i % 8))
            returned = receive(district, channel=Channel.IN_PERSON)
            for to_status in RETURN:
                returned = dossier_transition(dossier=returned, to_status=to_status, actor=district.officer)
    for i in range(n):
        CalendarDayFactory(date=D(2021, 11, 1) + datetime.timedelta(days=i), kind="public_holiday")


@pytest.fixture
def districts():
    return [
        district_under_2629(),
        district_under_2629(commune_name="UBND xã Phước Hiệp", statistics_code="27529"),
    ]


def pages(districts):
    commune = districts[0].commune
    return [
        reverse("tthc:dossier-home"),
        reverse("tthc:dossier-office"),
        reverse("tthc:dossier-cutoff"),
        reverse("tthc:dossier-list", args=[commune.pk]),
        reverse("tthc:dossier-free-postage", args=[commune.pk]),
        reverse("tthc:calendar") + "?year=2021",
    ]


def test_district_pages_do_not_grow_with_rows(office_client, districts, django_assert_max_num_queries):
    add_rows(districts, 1)
    counts = {}
    for url in pages(districts):
        office_client.get(url)
        with django_assert_max_num_queries(25) as captured:
            assert office_client.get(url).status_code == 200
        counts[url] = len(captured.captured_queries)
    add_rows([*districts, district_under_2629(commune_name="UBND xã Thái Mỹ", statistics_code="27538")], 6)
    for url in pages(districts):
        with django_assert_max_num_queries(counts[url], info=url):
            office_client.get(url)


def test_a_dossier_page_does_not_grow_with_its_trail(client, districts, django_assert_max_num_queries):
    district = districts[0]
    client.force_login(district.officer)
    dossier = receive(district)
    url = reverse("tthc:dossier-detail", args=[dossier.pk])
    client.get(url)
    with django_assert_max_num_queries(20) as captured:
        client.get(url)
    for to_status in (DossierStatus.PROCESSING, DossierStatus.WAITING_SUPPLEMENT, DossierStatus.PROCESSING):
        dossier = dossier_transition(dossier=dossier, to_status=to_status, actor=district.officer)
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(url)
