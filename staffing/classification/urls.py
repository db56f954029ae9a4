from django.urls import path

from . import views

app_name = "classification"

urlpatterns = [
    path("agencies/<int:pk>/", views.quarter_page, name="quarter"),
    path("agencies/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("agencies/<int:pk>/export/", views.export, name="export"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("mine/", views.mine, name="mine"),
    path("rules/", views.rules, name="rules"),
    path("rules/<int:pk>/", views.rules, name="rule_edit"),
]
