"""Developer and demo settings: DEBUG on, SQLite and the embedded broker unless the environment says otherwise.

Static files are served as in production (whitenoise, compressed, far-future cache headers on hashed names)
so the first impression under `make run` is the product's real one; `make run` collects them first.
"""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
WHITENOISE_AUTOREFRESH = False
WHITENOISE_USE_FINDERS = False
