"""Property: whatever heads submit, in whatever order, no day ends up above the cap (clauses 2 and 6 of 2629/UBND).

The service is compared with a plain model of the rule: counted staff are the active staff outside the exempt
duty groups, the cap is counted × ratio rounded down, and a submission is saved whole or not at all. A day
may only be above the cap because staff left after it was planned, and then only downward changes pass.
"""

import datetime

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from staffing.registry.constants import DutyGroup
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.selectors import over_cap_days, work_mode_days
from staffing.workmodes.services import WorkModeCapExceeded, work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, WorkModePolicyFactory

MONDAY = datetime.date(2021, 6, 7)
DAYS = [MONDAY + datetime.timedelta(days=n) for n in range(3)]
MODES = [*WorkModeKind.values, None]

ratios = st.tuples(st.integers(1, 4), st.integers(1, 4)).map(lambda r: (min(r), max(r)))
exempt_groups = st.sets(
    st.sampled_from([DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE, DutyGroup.MILITARY])
)
staff_groups = st.lists(st.sampled_from(DutyGroup.values), min_size=0, max_size=8)


def entries_for(staff_count):
    entry = st.tuples(st.integers(0, max(staff_count - 1, 0)), st.sampled_from(DAYS), st.sampled_from(MODES))
    return st.lists(entry, min_size=1, max_size=10)


class RuleModel:
    """The rule as plainly as it can be written, over staff indexes."""

    def __init__(self, groups, exempt, ratio):
        self.groups, self.exempt, self.ratio = groups, exempt, ratio
        self.left_after = {}  # staff index -> last active day
        self.modes = {}  # (staff index, day) -> mode

    def active(self, index, day):
        return index not in self.left_after or day <= self.left_after[index]

    def counted(self, day):
        return [i for i, group in enumerate(self.groups) if self.active(i, day) and group not in self.exempt]

    def cap(self, day):
        numerator, denominator = self.ratio
        return len(self.counted(day)) * numerator // denominator

    def remote(self, day, modes=None):
        modes = self.modes if modes is None else modes
        return sum(modes.get((i, day)) == WorkModeKind.REMOTE for i in self.counted(day))

    def over_cap_days(self):
        return [day for day in DAYS if self.remote(day) > self.cap(day)]

    def submit(self, entries) -> str:
        keys = [(index, day) for index, day, _mode in entries]
        if not self.groups or len(set(keys)) != len(keys):
            return "invalid"
        # A day's plan can always be cleared, even of someone who has since left.
        if any(
            not self.active(index, day) and not (mode is None and (index, day) in self.modes)
            for index, day, mode in entries
        ):
            return "invalid"
        after = dict(self.modes)
        for index, day, mode in entries:
            if mode is None:
                after.pop((index, day), None)
            else:
                after[(index, day)] = mode
        for day in {day for _index, day, _mode in entries}:
            if self.remote(day, after) > self.cap(day) and self.remote(day, after) > self.remote(day):
                return "over_cap"
        self.modes = after
        return "saved"


class WorkModeCapProperties(TestCase):
    def make(self, groups, exempt, ratio):
        WorkModePolicyFactory(
            exempt_duty_groups=sorted(exempt), remote_cap_numerator=ratio[0], remote_cap_denominator=ratio[1]
        )
        agency = AgencyFactory()
        staff = [StaffMemberFactory(agency=agency, duty_group=group) for group in groups]
        return agency, staff, RuleModel(groups, exempt, ratio), UserFactory()

    def submit(self, agency, staff, entries, actor) -> str:
        if not staff:
            return "invalid"
        try:
            work_modes_set(
                agency=agency, entries=[(staff[i].pk, day, mode) for i, day, mode in entries], actor=actor
            )
        except WorkModeCapExceeded:
            return "over_cap"
        except ValidationError:
            return "invalid"
        return "saved"

    def assert_same_state(self, agency, staff, model):
        stored = {
            (staff_id, day): mode
            for staff_id, day, mode in WorkMode.objects.filter(agency=agency).values_list(
                "staff_id", "day", "mode"
            )
        }
        assert stored == {(staff[i].pk, day): mode for (i, day), mode in model.modes.items()}
        summaries = work_mode_days(agency=agency, start=DAYS[0], end=DAYS[-1])
        for day in DAYS:
            assert (summaries[day].counted, summaries[day].remote, summaries[day].cap) == (
                len(model.counted(day)),
                model.remote(day),
                model.cap(day),
            )

    @settings(max_examples=60, deadline=None)
    @given(groups=staff_groups, exempt=exempt_groups, ratio=ratios, data=st.data())
    def test_no_sequence_of_submissions_leaves_a_day_over_the_cap(self, groups, exempt, ratio, data):
        agency, staff, model, actor = self.make(groups, exempt, ratio)
        for entries in data.draw(st.lists(entries_for(len(groups)), max_size=6)):
            assert self.submit(agency, staff, entries, actor) == model.submit(entries)
            self.assert_same_state(agency, staff, model)
            assert over_cap_days(agency=agency, start=DAYS[0], end=DAYS[-1]) == []

    @settings(max_examples=100, deadline=None)
    @given(
        groups=st.lists(st.sampled_from(DutyGroup.values), min_size=3, max_size=8),
        exempt=exempt_groups,
        ratio=ratios,
        data=st.data(),
    )
    def test_staff_leaving_flags_the_day_and_only_lowering_it_passes(self, groups, exempt, ratio, data):
        agency, staff, model, actor = self.make(groups, exempt, ratio)
        # Start from days planned right up to the cap, so that any counted leaver can tip them over it.
        full = [(i, day, WorkModeKind.REMOTE) for day in DAYS for i in model.counted(day)[: model.cap(day)]]
        if full:
            assert self.submit(agency, staff, full, actor) == model.submit(full) == "saved"
        leave = st.tuples(st.just("leave"), st.integers(0, len(groups) - 1), st.sampled_from(DAYS[:2]))
        submit = entries_for(len(groups)).map(lambda entries: ("submit", entries))
        # Leavers first, so that later submissions meet the days they tipped over the cap.
        steps = data.draw(st.lists(leave, min_size=1, max_size=3)) + data.draw(
            st.lists(st.one_of(submit, submit, leave), min_size=1, max_size=6)
        )
        for step in steps:
            if step[0] == "leave":
                _kind, index, last_day = step
                if index in model.left_after:
                    continue
                staff[index].active_until = last_day
                staff[index].save()
                model.left_after[index] = last_day
            else:
                remote_before = {day: model.remote(day) for day in DAYS}
                outcome = self.submit(agency, staff, step[1], actor)
                assert outcome == model.submit(step[1])
                for day in DAYS:
                    assert model.remote(day) <= max(model.cap(day), remote_before[day])
            self.assert_same_state(agency, staff, model)
            flagged = [s.day for s in over_cap_days(agency=agency, start=DAYS[0], end=DAYS[-1])]
            assert flagged == model.over_cap_days()
