from django.urls import path, register_converter

from . import views


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "opendata_format")

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("datapackage.json", views.descriptor, name="datapackage"),
    path("<slug:name>.<opendata_format:fmt>", views.download, name="download"),
]
