import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django.setup(set_prefix=False)  # what get_asgi_application() does, with our handler below

from core.background import serve_schedule  # noqa: E402
from core.db import TechMatchASGIHandler  # noqa: E402  after setup: SQLite requests retried when locked

application = TechMatchASGIHandler()
serve_schedule()  # with no broker, CELERY_BEAT_SCHEDULE runs in this web process
