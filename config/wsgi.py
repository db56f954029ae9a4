import os

from django.core.wsgi import get_wsgi_application

# A server started without naming its settings runs the safe ones; `make run` names the local settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
