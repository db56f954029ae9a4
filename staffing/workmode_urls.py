app_name = "work_modes"

urlpatterns = []
