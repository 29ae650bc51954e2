"""The SQLite request tests (test_sqlite_requests.py) skip when the suite runs on PostgreSQL, as CI's
does; here they run anyway, in a pytest of their own on the embedded default (no DATABASE_URL), so
that CI exercises what `make run` users depend on. Collected only on PostgreSQL (conftest.py)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_the_sqlite_request_tests_pass_on_the_embedded_default(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    env["TECHMATCH_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/backend/core/test_sqlite_requests.py", "-q", "-p", "no:cacheprovider"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-1000:]
