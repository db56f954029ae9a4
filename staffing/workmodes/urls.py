from django.urls import path

from . import views

app_name = "work_modes"

urlpatterns = [
    path("agencies/", views.agency_choice, name="agencies"),
    path("agencies/<int:pk>/week/", views.week, name="week"),
    path("agencies/<int:pk>/week/summary/", views.week_summary, name="week_summary"),
    path("agencies/<int:pk>/days/<str:day>/history/", views.day_history, name="day_history"),
    path("today/<int:pk>/", views.today, name="today"),
    path("staff/<int:pk>/history/", views.staff_history, name="staff_history"),
    path("mine/", views.mine, name="mine"),
    path("district/", views.district, name="district"),
]
