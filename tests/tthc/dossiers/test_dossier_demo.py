"""The demo's dossiers: a few hundred, through the intake rules, some before the cut-off, idempotent."""

import pytest
from django.core.management import call_command

from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.demo import seed as seed_dossiers
from tthc.dossiers.models import Dossier, DossierEvent
from tthc.dossiers.selectors import pre_cutoff_dossiers
from tthc.intake.constants import Channel

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_dossiers_once(capsys):
    call_command("seed_demo", "--json")
    accounts = capsys.readouterr().out
    assert "motcua-tuphap" in accounts

    count = Dossier.objects.count()
    assert 200 <= count <= 400
    assert set(Dossier.objects.values_list("channel", flat=True)) == set(Channel.values)
    assert Dossier.objects.filter(status=DossierStatus.RETURNED).exists()
    assert Dossier.objects.filter(status=DossierStatus.PROCESSING).exists()
    assert Dossier.objects.exclude(special_case_reason="").filter(channel=Channel.IN_PERSON).exists()
    assert pre_cutoff_dossiers().exists()
    assert DossierEvent.objects.filter(kind="extension").exists()
    assert Dossier.objects.filter(
        free_postage=True, status=DossierStatus.RETURNED, postage_amount__gt=0
    ).exists()

    assert [a["username"] for a in seed_dossiers(password="demo-2629")] == [
        "motcua-thitran",
        "motcua-tuphap",
        "motcua-kinhte",
        "motcua-qldt",
    ]
    assert Dossier.objects.count() == count
