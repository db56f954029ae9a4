from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import accounts, views

api_v1 = [
    path("", include("staffing.api_urls")),
    path("", include("staffing.workmodes.api_urls")),
    path("", include("staffing.assignments.api_urls")),
    path("", include("staffing.classification.api_urls")),
    path("", include("staffing.inspections.api_urls")),
    path("", include("staffing.companies.api_urls")),
    path("", include("staffing.notifications.api_urls")),
    path("", include("staffing.company_checks.api_urls")),
    path("", include("directives.api_urls")),
    path("", include("tthc.api_urls")),
]

urlpatterns = [
    path("", views.public_home, name="public-home"),
    path("home/", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/password_reset/", accounts.password_reset, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include(api_v1)),
    path("staffing/companies/", include("staffing.companies.urls")),
    path("staffing/outbox/", include("staffing.outbox.urls")),
    path("staffing/", include("staffing.urls")),
    path("work-modes/", include("staffing.workmodes.urls")),
    path("assignments/", include("staffing.assignments.urls")),
    path("classification/", include("staffing.classification.urls")),
    path("inspections/", include("staffing.inspections.urls")),
    path("notifications/", include("staffing.notifications.urls")),
    path("company-checks/", include("staffing.company_checks.urls")),
    path("dashboard/", include("directives.dashboard.urls")),
    path("directives/", include("directives.urls")),
    path("tthc/", include("tthc.urls")),
    path("open-data/", include("directives.opendata.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

admin.site.site_header = admin.site.site_title = settings.DISTRICT_NAME
