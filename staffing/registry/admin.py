from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.history_admin import HistoryAdmin
from staffing.toolkit.permissions import TranslatedPermissionsMixin
from staffing.toolkit.phones import normalize_mobile_phone

from .models import Agency, RoleAssignment, StaffMember
from .services import STAFF_MEMBER_FIELDS, staff_member_check, staff_member_link_user, staff_member_save


@admin.register(Agency)
class AgencyAdmin(HistoryAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "statistics_code",
        "phone",
        "email",
        "staff_total",
        "is_active",
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "statistics_code", "email"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(staff_total=Count("staff"))

    @admin.display(description=_("staff"), ordering="staff_total")
    def staff_total(self, obj):
        return obj.staff_total


class StaffMemberAdminForm(forms.ModelForm):
    """Validates through staff_member_check, so a refusal (a staff code taken in the agency, a reversed
    period, an account of another member) shows at its field; StaffMemberAdmin.save_model then writes
    through staff_member_save and staff_member_link_user."""

    class Meta:
        model = StaffMember
        fields = ["agency", "user", *STAFF_MEMBER_FIELDS]

    def clean_mobile_phone(self):
        return normalize_mobile_phone(self.cleaned_data["mobile_phone"])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            staff_member_check(
                agency=cleaned["agency"],
                member=self.instance if self.instance.pk else None,
                user=cleaned.get("user"),
                **{name: cleaned[name] for name in STAFF_MEMBER_FIELDS},
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def validate_unique(self):
        """The service checked the staff code within the agency and the account."""

    def save(self, commit=True):
        """Nothing is written here: StaffMemberAdmin.save_model writes through the services."""
        self.save_m2m = lambda: None
        return self.instance


class ActiveStaffFilter(admin.SimpleListFilter):
    title = _("working period")
    parameter_name = "working"

    def lookups(self, request, model_admin):
        return [("yes", _("Working today")), ("no", _("Not working today"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "yes":
            return queryset.active_on(today)
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.active_on(today).values("pk"))
        return queryset


@admin.register(StaffMember)
class StaffMemberAdmin(HistoryAdmin):
    form = StaffMemberAdminForm
    list_display = [
        "full_name",
        "staff_code",
        "agency",
        "position",
        "category",
        "duty_group",
        "mobile_phone",
        "user",
        "active_until",
    ]
    list_filter = ["category", "duty_group", ActiveStaffFilter, "agency__kind", "agency"]
    search_fields = ["full_name", "staff_code", "mobile_phone", "email", "agency__name", "user__username"]
    list_select_related = ["agency", "user"]
    autocomplete_fields = ["agency", "user"]
    list_per_page = 50

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        """Write what the form validated through the services (the form applied it to `obj` already, so
        the stored row is read again for the services to compare with)."""
        cleaned = form.cleaned_data
        member = staff_member_save(
            agency=cleaned["agency"],
            member=StaffMember.objects.get(pk=obj.pk) if obj.pk else None,
            **{name: cleaned[name] for name in STAFF_MEMBER_FIELDS},
        )
        member = staff_member_link_user(member=member, user=cleaned.get("user"))
        obj.pk, obj._state.adding = member.pk, False


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(HistoryAdmin):
    list_display = ["user", "role", "agency"]
    list_filter = ["role", "agency__kind"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["user", "agency"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["agency"]


User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class TranslatedGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    pass


@admin.register(User)
class UserWithRolesAdmin(TranslatedPermissionsMixin, UserAdmin):
    """The user page also lists the account's roles, so an account and its roles are set in one place."""

    inlines = [RoleAssignmentInline]

    def get_inline_instances(self, request, obj=None):
        # The add page only sets the username and password (Django's two-step user creation).
        return super().get_inline_instances(request, obj) if obj else []
