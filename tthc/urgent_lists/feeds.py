"""Atom feed of the published versions of the urgent in-person list (clause 4 of 2629/UBND: publish it)."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import UrgentListItem
from .selectors import published_urgent_lists

FEED_SIZE = 20


class UrgentListFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("List of special, urgent administrative procedures received in person")
    subtitle = gettext_lazy("New versions published by the district office")
    link = reverse_lazy("tthc:public-urgent-list")

    def items(self):
        entries = UrgentListItem.objects.select_related("procedure").order_by("procedure__code")
        return (
            published_urgent_lists()
            .prefetch_related(Prefetch("items", queryset=entries))
            .order_by("-version")[:FEED_SIZE]
        )

    def item_title(self, item):
        return _("Version %(version)s, in force from %(date)s") % {
            "version": item.version,
            "date": date_format(item.effective_from, "SHORT_DATE_FORMAT"),
        }

    def item_description(self, item):
        """An HTML summary a feed reader shows as a paragraph and a list (plain newlines run together)."""
        directive = item.directive
        decided = _("In force from %(effective)s, decided by %(number)s of %(date)s (%(issuer)s).") % {
            "effective": date_format(item.effective_from, "SHORT_DATE_FORMAT"),
            "number": directive.number,
            "date": date_format(directive.issued_on, "SHORT_DATE_FORMAT"),
            "issuer": directive.issuer,
        }
        entries = format_html_join(
            "",
            "<li>{} – {}</li>",
            ((entry.procedure.code, entry.procedure.name) for entry in item.items.all()),
        )
        return format_html("<p>{}</p><ul>{}</ul>", decided, entries)

    def item_link(self, item):
        return reverse("tthc:public-urgent-list-version", args=[item.version])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
