from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("directives", api.DirectiveViewSet, basename="api-directive")

urlpatterns = [
    *router.urls,
    path("policy/", api.PolicyView.as_view(), name="api-policy"),
]
