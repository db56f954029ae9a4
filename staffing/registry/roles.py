"""Who may see and change which agency: every view and API asks here."""

from dataclasses import dataclass, field

from .constants import AGENCY_MANAGER_ROLES, DISTRICT_MANAGER_ROLES, DISTRICT_WIDE_ROLES, Role


@dataclass(frozen=True)
class UserRoles:
    """The roles of one user, read once per request: district-wide roles and agency ids per role."""

    district: frozenset = field(default_factory=frozenset)
    by_agency: dict = field(default_factory=dict)  # role -> frozenset of agency ids
    staff_member_id: int | None = None

    @property
    def is_district_manager(self) -> bool:
        """District administrator or district office staff: may change any agency's data."""
        return bool(self.district & set(DISTRICT_MANAGER_ROLES))

    @property
    def sees_all_agencies(self) -> bool:
        return bool(self.district & set(DISTRICT_WIDE_ROLES))

    def agencies_with(self, *roles) -> frozenset:
        ids = set()
        for role in roles:
            ids |= self.by_agency.get(role, frozenset())
        return frozenset(ids)

    @property
    def visible_agency_ids(self) -> frozenset:
        return self.agencies_with(*self.by_agency.keys())

    @property
    def full_view_agency_ids(self) -> frozenset:
        """Agencies whose whole staff the user sees: any role there but being on its staff."""
        return self.agencies_with(*(r for r in self.by_agency if r != Role.STAFF_MEMBER))

    @property
    def managed_agency_ids(self) -> frozenset:
        return self.agencies_with(*AGENCY_MANAGER_ROLES)

    def has(self, role, agency_id=None) -> bool:
        if agency_id is None:
            return role in self.district or bool(self.by_agency.get(role))
        return agency_id in self.by_agency.get(role, frozenset())

    def can_view_agency(self, agency_id) -> bool:
        return self.sees_all_agencies or agency_id in self.visible_agency_ids

    def can_manage_agency(self, agency_id) -> bool:
        return self.is_district_manager or agency_id in self.managed_agency_ids

    @property
    def names(self) -> list:
        """Role values held, district-wide first and being on an agency's staff last, for the home page."""
        held = [r for r in Role if r in self.district or self.by_agency.get(r)]
        return sorted(held, key=lambda role: role == Role.STAFF_MEMBER)


def roles_for(user) -> UserRoles:
    """Read the user's roles once and keep them on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False):
        return UserRoles()
    cached = getattr(user, "_workmode_roles", None)
    if cached is not None:
        return cached
    from .models import RoleAssignment, StaffMember

    district = set()
    by_agency: dict = {}
    for role, agency_id in RoleAssignment.objects.filter(user=user).values_list("role", "agency_id"):
        if agency_id is None:
            district.add(Role(role))
        else:
            by_agency.setdefault(Role(role), set()).add(agency_id)
    if user.is_superuser:
        district.add(Role.DISTRICT_ADMIN)
    staff = StaffMember.objects.filter(user=user).values_list("id", "agency_id").first()
    if staff:
        by_agency.setdefault(Role.STAFF_MEMBER, set()).add(staff[1])
    roles = UserRoles(
        district=frozenset(district),
        by_agency={role: frozenset(ids) for role, ids in by_agency.items()},
        staff_member_id=staff[0] if staff else None,
    )
    user._workmode_roles = roles
    return roles
