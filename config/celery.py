import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("workmode")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def ensure_broker_folders(sender, **kwargs):
    """The filesystem transport needs its folders before a worker or a producer touches them."""
    if not str(sender.conf.broker_url).startswith("filesystem://"):
        return
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        Path(sender.conf.broker_transport_options[key]).mkdir(parents=True, exist_ok=True)
