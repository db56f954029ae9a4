from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_list, name="compliance_list"),
    path("send/", views.report_send, name="compliance_send"),
    path("<str:day>/", views.report_detail, name="compliance_detail"),
]
