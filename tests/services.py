"""Real services for tests: find them, or start them on this machine when it can.

Locally a missing service skips the tests that need it, with the reason. Under CI=true it fails
them: CI must install and start every service (.ci/run).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
REPO_DIR = Path(__file__).resolve().parent.parent


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} — under CI=true every service must be running (.ci/run starts them)")
    pytest.skip(reason)


def post_json(url: str, token: str, body: dict) -> int:
    """POST `body` as JSON with a token to a running server; the response's status code."""
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, host: str = "127.0.0.1", timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing answered on {host}:{port} within {timeout:.0f}s")


class RedisProcess:
    """A private redis-server on a fixed loopback port that a fault test may stop and restart."""

    def __init__(self, workdir: Path) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            unavailable("redis-server is not installed")
        self.port, self.workdir, self.proc = free_port(), workdir, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


@contextmanager
def temporary_redis(workdir: Path) -> Iterator[str]:
    """A throw-away redis-server on a free loopback port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        unavailable("redis-server is not installed and CELERY_BROKER_URL is not set")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def redis_url(workdir: Path) -> Iterator[str]:
    """The configured Redis (CELERY_BROKER_URL) when there is one, else a temporary one."""
    configured = os.environ.get("CELERY_BROKER_URL", "")
    if configured.startswith("redis://"):
        yield configured
        return
    if IN_CI:
        unavailable("CELERY_BROKER_URL is not a redis:// URL")
    with temporary_redis(workdir) as url:
        yield url


ES_RUN = REPO_DIR / "deploy" / "elasticsearch-local" / "run"


@contextmanager
def temporary_elasticsearch(workdir: Path) -> Iterator[str]:
    """A real single-node Elasticsearch from deploy/elasticsearch-local (Maven Central jars)."""
    if not ES_RUN.exists() or shutil.which("mvn") is None:
        unavailable("deploy/elasticsearch-local/run or Maven is missing, and ELASTICSEARCH_URL is not set")
    port = free_port()
    data = workdir / "es"
    started = subprocess.run(
        [str(ES_RUN), "start", "--port", str(port), "--data", str(data)], capture_output=True, text=True, timeout=900
    )
    if started.returncode != 0:
        unavailable(f"the local Elasticsearch did not start:\n{started.stdout[-2000:]}\n{started.stderr[-2000:]}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([str(ES_RUN), "stop", "--data", str(data)], capture_output=True, timeout=120)


@contextmanager
def elasticsearch_url(workdir: Path) -> Iterator[str]:
    """The configured Elasticsearch (ELASTICSEARCH_URL, as CI sets it) or a temporary node."""
    configured = os.environ.get("ELASTICSEARCH_URL", "")
    if configured:
        yield configured.split(",")[0]
        return
    if IN_CI:
        unavailable("ELASTICSEARCH_URL is not set")
    with temporary_elasticsearch(workdir) as url:
        yield url


def database_url() -> str:
    """The URL of the database the test process uses (pytest-django's test database)."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@contextmanager
def own_postgres_database(configured: str, prefix: str) -> Iterator[str]:
    """A fresh, empty database on the PostgreSQL server of `configured`, dropped afterwards.

    CI's database outlives its runs; a server started by a test on it would read what earlier
    runs left there.
    """
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(with_path(configured, "/postgres"), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        unavailable(f"PostgreSQL at DATABASE_URL does not answer: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield with_path(configured, f"/{name}")
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
