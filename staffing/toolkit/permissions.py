"""Permission names as a Vietnamese administrator reads them.

Django stores each permission's name in English when the table is first migrated ("Can add log entry"), so
the admin's permission pickers would list English. The label is rebuilt from what is translatable: the
action of the codename and the model's own verbose name, or the name of a custom permission."""

from django.contrib.auth.models import Permission
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "add": _("Add %(model)s"),
    "change": _("Change %(model)s"),
    "delete": _("Delete %(model)s"),
    "view": _("View %(model)s"),
}


def model_label(model) -> str:
    """The model's verbose name; a history table is named after the model whose history it keeps."""
    base = getattr(model, "instance_type", None)
    if base is None:
        return str(model._meta.verbose_name)
    owner = base._meta.auto_created
    if owner:
        # The history of a many-to-many field's rows ("HistoricalObligation_agencies").
        return gettext("history of the linked records of %(model)s") % {"model": owner._meta.verbose_name}
    return gettext("history of %(model)s") % {"model": base._meta.verbose_name}


def permission_label(permission: Permission) -> str:
    model = permission.content_type.model_class()
    if model is None:
        return gettext(permission.name)
    action, _sep, model_name = permission.codename.partition("_")
    if action in ACTIONS and model_name == model._meta.model_name:
        text = ACTIONS[action] % {"model": model_label(model)}
    else:
        text = gettext(permission.name)
    return f"{capfirst(model._meta.app_config.verbose_name)} | {capfirst(text)}"


class TranslatedPermissionsMixin:
    """For a ModelAdmin with a many-to-many field to Permission: the picker shows Vietnamese labels."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label
            field.queryset = field.queryset.select_related("content_type")
        return field
