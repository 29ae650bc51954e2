"""Tasks really travel through Redis to a worker process and back."""

import os
import subprocess
import sys

import pytest
from celery import Celery

from tests.services import REPO_DIR


@pytest.fixture
def worker(redis, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CELERY_BROKER_URL": redis,
        "CELERY_RESULT_BACKEND": redis,
        "TECHMATCH_VAR_DIR": str(tmp_path),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config.celery",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "WARNING",
            "-Q",
            f"test-{os.getpid()}",
        ],
        cwd=REPO_DIR / "backend",
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield f"test-{os.getpid()}"
    proc.terminate()
    output, _ = proc.communicate(timeout=30)
    assert "Traceback" not in output, output


def test_a_task_sent_through_redis_is_run_by_a_worker_and_its_result_returned(redis, worker):
    client = Celery(broker=redis, backend=redis)

    result = client.send_task("core.tasks.ping_task", args=["湖州"], queue=worker)

    assert result.get(timeout=60) == "pong:湖州"
