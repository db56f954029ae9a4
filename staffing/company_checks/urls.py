from django.urls import path

from . import views

app_name = "company_checks"

urlpatterns = [
    path("", views.index, name="index"),
    path("district/", views.district, name="district"),
    path("district/export/", views.district_export, name="district_export"),
    path("communes/<int:pk>/", views.commune, name="commune"),
    path("communes/<int:pk>/follow-ups/", views.follow_ups, name="follow_ups"),
    path("companies/<int:pk>/", views.company, name="company"),
    path("companies/<int:pk>/new/", views.check_new, name="check_new"),
    path("<int:pk>/", views.check_detail, name="check"),
    path("<int:pk>/edit/", views.check_edit, name="check_edit"),
    path("<int:pk>/close-follow-up/", views.follow_up_close, name="follow_up_close"),
    path("criteria/", views.criteria, name="criteria"),
    path("criteria/<int:pk>/", views.criteria, name="criteria_edit"),
    path("bands/", views.bands, name="bands"),
]
