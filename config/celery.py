import os
from pathlib import Path

from celery import Celery

# A server started without naming its settings runs the safe ones; `make run` names the local settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

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
