from django.urls import path
from rest_framework.routers import SimpleRouter

from directives.documents.api import DirectiveViewSet
from directives.policy.api import PolicyView

router = SimpleRouter()
router.register("directives", DirectiveViewSet, basename="api-directive")

urlpatterns = [
    *router.urls,
    path("policy/", PolicyView.as_view(), name="api-policy"),
]
