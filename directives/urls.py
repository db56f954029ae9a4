app_name = "directives"

urlpatterns = []
