import atexit
import shutil
import tempfile
from pathlib import Path

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; never outside tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# In-process tests run tasks eagerly even when CELERY_BROKER_URL points at Redis; the broker
# itself is exercised with a real worker in tests/backend/core/test_celery_broker.py.
CELERY_TASK_ALWAYS_EAGER = True
# Suites sign in hundreds of times a minute from 127.0.0.1; tests/security/test_throttling.py sets
# the rates it checks with the `settings` fixture.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": None, "login_account": None, "register": None}}  # noqa: F405

# Search indexes and uploads of a test run live in a throw-away folder, never in the user's var/.
VAR_DIR = Path(tempfile.mkdtemp(prefix="techmatch-test-var-"))
MEDIA_ROOT = VAR_DIR / "media"
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)

# A file, not memory, for the SQLite test database, so that a real Celery worker started by a
# test (tests/backend/indexing/test_outbox_worker.py) sees the same data.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405
