"""The district dashboard: today at a glance and 30 days of trends, for the district office and leadership."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from directives.compliance.charts import dashboard_charts
from directives.compliance.trends import TREND_DAYS, trend
from staffing.registry.roles import roles_for


@login_required
def dashboard(request):
    """Figures of every agency: only district-wide roles see them (404 for everyone else)."""
    if not roles_for(request.user).sees_all_agencies:
        raise Http404
    today = timezone.localdate()
    days = trend(end=today, today=today)
    context = {
        "today": today,
        "glance": days[-1],
        "charts": dashboard_charts(days),
        "trend_days": TREND_DAYS,
        "stored_days": sum(1 for day in days if day.stored),
    }
    return render(request, "directives/dashboard/dashboard.html", context)
