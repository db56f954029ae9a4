from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.index, name="index"),
    path("agencies/<int:pk>/", views.board, name="board"),
    path("agencies/<int:pk>/new/", views.assignment_new, name="new"),
    path("agencies/<int:pk>/deputies/", views.deputy_add, name="deputy_add"),
    path("deputies/<int:pk>/remove/", views.deputy_remove, name="deputy_remove"),
    path("<int:pk>/", views.assignment_detail, name="detail"),
    path("<int:pk>/act/", views.assignment_act, name="act"),
    path("<int:pk>/report/", views.report_new, name="report"),
    path("<str:kind>/<int:pk>/file/", views.attachment, name="attachment"),
    path("mine/", views.mine, name="mine"),
    path("stalled/", views.stalled, name="stalled"),
    path("stalled/thresholds/", views.thresholds, name="thresholds"),
]
