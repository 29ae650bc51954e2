import os
import sys

import django

from config.env import MissingSetting

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

try:
    django.setup(set_prefix=False)  # what get_wsgi_application() does, with our handler below
except MissingSetting as exc:
    sys.stderr.write(f"TechMatch cannot start: {exc}\n")
    raise SystemExit(2) from None

from core.background import serve_schedule
from core.db import TechMatchWSGIHandler

application = TechMatchWSGIHandler()
serve_schedule()  # with no broker, CELERY_BEAT_SCHEDULE runs in this web process
