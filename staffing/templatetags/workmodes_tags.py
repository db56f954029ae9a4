"""The day cells of the week grid.

A 500-staff week has 3,500 cells, and rendering each through a template took nine tenths of the page's
time: this tag writes them with format_html. Only numbers, the mode codes the grid form accepts and the
translated labels (escaped by format_html) go into the markup.

A select carries only its current mode: the page holds the list of modes once (<template id="wm-options">)
and work_modes.js copies it into each select, which halves the page. It is labelled by the staff member's
name and the day's heading rather than by a label of its own, for the same reason.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from staffing.workmodes.forms import SHORT_MODE_LABELS

register = template.Library()


def _cell(member_pk, index, cell, *, can_edit: bool, not_on_staff: str):
    value, label = cell["value"], SHORT_MODE_LABELS[cell["value"]]
    if not cell["active"]:
        return format_html('<span class="small text-body-secondary">{}</span>', not_on_staff)
    if can_edit:
        return format_html(
            '<select name="{}" class="form-select form-select-sm{}"{} aria-labelledby="wn{} wd{}">'
            '<option value="{}" selected>{}</option></select>',
            cell["name"],
            " is-invalid" if cell["invalid"] else "",
            format_html(' data-saved="{}"', cell["saved"]) if cell["changed"] else "",
            member_pk,
            index,
            value,
            label,
        )
    if value:
        return format_html('<span class="wm-chip" data-mode="{}">{}</span>', value, label)
    return format_html('<span class="text-body-secondary">{}</span>', label)


@register.simple_tag
def week_cells(row, can_edit):
    """The seven <td> of one grid row (`row` as staffing.workmodes.week_page builds it)."""
    not_on_staff = _("not on staff")
    member_pk = row["member"].pk
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    '<td class="wm-changed">{}</td>' if cell["changed"] else "<td>{}</td>",
                    _cell(member_pk, index, cell, can_edit=can_edit, not_on_staff=not_on_staff),
                ),
            )
            for index, cell in enumerate(row["cells"])
        ),
    )
