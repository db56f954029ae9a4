app_name = "tthc"

urlpatterns = []
