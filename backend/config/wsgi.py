import os
import sys

from django.core.wsgi import get_wsgi_application

from config.env import MissingSetting

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

try:
    application = get_wsgi_application()
except MissingSetting as exc:
    sys.stderr.write(f"TechMatch cannot start: {exc}\n")
    raise SystemExit(2) from None
