from django.urls import path

from . import api

urlpatterns = [
    path("me/notifications/", api.MyNotifications.as_view(), name="api-my-notifications"),
    path("me/notifications/<int:pk>/read/", api.NotificationRead.as_view(), name="api-notification-read"),
]
