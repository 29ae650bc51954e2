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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
REPO_DIR = Path(__file__).resolve().parent.parent


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} — under CI=true every service must be running (.ci/run starts them)")
    pytest.skip(reason)


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
