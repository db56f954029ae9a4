"""File sizes in messages: a file refused for its size must read larger than the limit it is refused by."""

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _


def sizes_apart(size: int, limit: int) -> dict[str, str]:
    """{"size": …, "limit": …} as "10,0 MB"-style figures, or in bytes when those would read the same
    ("10,0 MB; the largest accepted is 10,0 MB" says nothing)."""
    shown, largest = filesizeformat(size), filesizeformat(limit)
    if shown == largest:
        shown = _("%(bytes)s bytes") % {"bytes": number_format(size, force_grouping=True)}
        largest = _("%(bytes)s bytes") % {"bytes": number_format(limit, force_grouping=True)}
    return {"size": shown, "limit": largest}
