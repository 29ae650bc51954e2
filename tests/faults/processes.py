"""The app's real processes for fault tests: a Celery worker, the web app under gunicorn, beat's
sends. Each runs with an environment the test builds, never with the test process's settings."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.services import REPO_DIR, free_port

BACKEND = REPO_DIR / "backend"


def process_env(
    *, database: str, var_dir: Path | str, broker: str = "", settings_module: str = "config.settings.dev", **extra: str
) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database,
        "TECHMATCH_VAR_DIR": str(var_dir),
        "SEARCH_BACKEND": "local",
        "PYTHONPATH": f"{REPO_DIR}{os.pathsep}{BACKEND}",
        **extra,
    }
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    if broker:
        env["CELERY_BROKER_URL"] = env["CELERY_RESULT_BACKEND"] = broker
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BACKEND, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def shell(env: dict[str, str], script: str, timeout: float = 300) -> str:
    """Run `script` in `manage.py shell` with `env`; returns its stdout."""
    return manage(env, "shell", "-c", script, timeout=timeout).stdout


class Worker:
    """A Celery worker (solo pool: the task runs in the process we kill) of tests.faults.celery_app."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log_path, self.proc = env, log, None

    def start(self) -> Worker:
        self.log = self.log_path.open("a")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tests.faults.celery_app",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "INFO",
            ],
            cwd=BACKEND,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def kill(self) -> None:
        """SIGKILL, as the OOM killer or a lost node does: no shutdown handler, no ack, no rollback."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.log.close()
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
            self.log.close()
            self.proc = None

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


class Response:
    def __init__(self, status: int, body: bytes, content_type: str, seconds: float) -> None:
        self.status, self.body, self.content_type, self.seconds = status, body, content_type, seconds

    def json(self):
        return json.loads(self.body)

    def __repr__(self) -> str:
        return f"<{self.status} {self.content_type} {self.seconds:.2f}s {self.body[:300]!r}>"


class LiveApp:
    """The web app as production runs it (deploy/start/web: gunicorn, sync workers, config.settings.prod),
    bound to loopback on a free port instead of 0.0.0.0:8000."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            "DJANGO_SECRET_KEY": "fault-test-only-key",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
        }
        self.log_path, self.workers, self.proc = log, workers, None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60, *, health: bool = True) -> LiveApp:
        """Returns once /api/health/ answers (any status), or with health=False once the port is open."""
        self.log = self.log_path.open("a")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "60",
                "--access-logfile",
                "-",
            ],
            cwd=BACKEND,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"gunicorn exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if health:
                    self.get("/api/health/", timeout=10)
                else:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        pytest.fail(f"gunicorn did not answer within {timeout:.0f}s:\n{self.output()}")

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str = "",
        body=None,
        timeout: float = 30,
        data: bytes | None = None,
        content_type: str = "application/json",
    ) -> Response:
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Token {token}"
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = content_type
        url = self.base + urllib.parse.quote(path, safe="/?=&%:")
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as r:
                return Response(r.status, r.read(), r.headers.get("Content-Type", ""), time.monotonic() - started)
        except urllib.error.HTTPError as err:
            return Response(err.code, err.read(), err.headers.get("Content-Type", ""), time.monotonic() - started)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, body=None, **kwargs) -> Response:
        return self.request("POST", path, body=body, **kwargs)

    def upload(self, path: str, *, name: str, content: bytes, token: str) -> Response:
        """POST one file as multipart/form-data field `file`, as the browser does."""
        boundary = f"techmatch-{uuid.uuid4().hex}"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        data = head + content + f"\r\n--{boundary}--\r\n".encode()
        return self.request(
            "POST", path, token=token, data=data, content_type=f"multipart/form-data; boundary={boundary}"
        )

    def stop(self) -> None:
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
            self.log.close()
            self.proc = None

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:]


def send_task(broker: str, name: str, *args) -> None:
    """What celery beat sends (drain every minute, resume imports every minute), sent now.
    CELERY_BROKER_URL in the environment (CI sets it) would win over `broker`, so it is pointed
    at the test's Redis for the send."""
    from celery import Celery

    previous = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = broker
    try:
        with Celery(broker=broker) as app:
            app.send_task(name, args=list(args))
    finally:
        if previous is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = previous


def wait_until(condition, *, timeout: float = 120, message: str = "", interval: float = 0.3) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout:.0f}s: {message}")
