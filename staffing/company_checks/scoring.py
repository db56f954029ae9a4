"""The risk score of a checklist and its band (Decision 2194/QĐ-BCĐQG: the score as a share of the maximum,
banded by upper bounds in percent)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .constants import DEFAULT_BANDS


@dataclass(frozen=True)
class Band:
    upper_percent: int
    label: str


def bands_in_force() -> list[Band]:
    """The office's bands, or the national guidance's while it has stored none."""
    from .models import RiskBand

    stored = [Band(b.upper_percent, b.label) for b in RiskBand.objects.order_by("upper_percent")]
    return stored or [Band(upper, label) for upper, label in DEFAULT_BANDS]


def band_errors(bands: list[Band]) -> list[str]:
    """What is wrong with a band set: it must run upwards without gaps from 0 to 100%, each band named."""
    errors = []
    if not bands:
        return [_("Give at least one band.")]
    previous = 0
    labels = set()
    for band in bands:
        if not 1 <= band.upper_percent <= 100:
            errors.append(
                _("An upper bound lies between 1 and 100%%: %(value)s.") % {"value": band.upper_percent}
            )
        elif band.upper_percent <= previous:
            errors.append(
                _("The upper bounds must rise from band to band: %(value)s%% after %(previous)s%%.")
                % {"value": band.upper_percent, "previous": previous}
            )
        previous = max(previous, band.upper_percent)
        label = band.label.strip()
        if not label:
            errors.append(_("Name every band's risk level."))
        elif label in labels:
            errors.append(_("Two bands are named “%(label)s”.") % {"label": label})
        labels.add(label)
    if bands[-1].upper_percent != 100:
        errors.append(
            _("The last band must reach %(max)s%%, so that every score has a level.") % {"max": 100}
        )
    return errors


def score_of(weights: dict[int, int], at_risk: set[int]) -> tuple[int, int]:
    """(sum of the weights of the criteria found at risk, sum of all weights)."""
    return sum(w for pk, w in weights.items() if pk in at_risk), sum(weights.values())


def band_for(score: int, max_score: int, bands: list[Band]) -> Band:
    """The first band whose upper bound the share reaches: 15% is still the lowest band, 15.4% the next.
    Compared in integers (score × 100 ≤ bound × maximum), so no rounding moves a score across an edge."""
    for band in bands:
        if score * 100 <= band.upper_percent * max_score:
            return band
    return bands[-1]


BADGES = ("text-bg-success", "text-bg-info", "text-bg-warning", "text-bg-danger", "text-bg-dark")


def badge_classes(bands: list[Band]) -> dict[str, str]:
    """A colour per risk level, from green for the lowest band to dark for the highest."""
    if len(bands) == 1:
        return {bands[0].label: BADGES[0]}
    last = len(BADGES) - 1
    return {b.label: BADGES[round(i * last / (len(bands) - 1))] for i, b in enumerate(bands)}
