"""Test settings: fast hashing, plain static storage, in-memory e-mail; the database and broker come from the environment."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In memory, unless a test names a mail server (a worker process started by a test sends to its local
# SMTP server through EMAIL_URL).
if not env("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/workmode-test-media")
AXES_FAILURE_LIMIT = 3

# Tests never share the demo's embedded broker folders; CI sets REDIS_URL and tests the real Redis.
if not env("REDIS_URL", default=""):
    import tempfile

    _broker = tempfile.mkdtemp(prefix="workmode-broker-")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": f"{_broker}/queue",
        "data_folder_out": f"{_broker}/queue",
        "processed_folder": f"{_broker}/processed",
        "control_folder": f"{_broker}/control",
    }

# Each test starts with an empty cache (throttle counters), whatever REDIS_URL says.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
