"""Shared by the end-to-end tests: the app started the way `make run` starts it, and Chromium."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services import REPO_DIR, free_port, own_postgres_database, unavailable, with_path

ARTIFACTS = REPO_DIR / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if not (REPO_DIR / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("frontend/dist is not built: `make test` builds it before running pytest")
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        # SQLite lives in the server's own TECHMATCH_VAR_DIR: fresh already.
        yield from serve(tmp_path_factory, "")
        return
    # On CI's database the demo's challenges would sink below the ones earlier runs' journeys published.
    with own_postgres_database(configured, "techmatch_e2e") as database:
        yield from serve(tmp_path_factory, database)


def serve(tmp_path_factory, database: str) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "serve.log"
    # A direct-download limit the demo's year exceeds, so the browser exercises the background export.
    env = {**os.environ, "TECHMATCH_VAR_DIR": str(log.parent), "PORT": str(port), "TECHMATCH_EXPORT_MAX_ROWS": "10"}
    if database:
        env["DATABASE_URL"] = database
    if env.get("CELERY_BROKER_URL", "").startswith("redis://"):
        # A Redis database of its own: no other test's leftover (or concurrent) messages reach this
        # worker, and no other worker takes this server's tasks.
        env["CELERY_BROKER_URL"] = env["CELERY_RESULT_BACKEND"] = with_path(env["CELERY_BROKER_URL"], "/8")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=REPO_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = None
    if env.get("CELERY_BROKER_URL"):
        # With a broker (CI), tasks leave the web process: run a worker as a deployment does.
        worker = subprocess.Popen(
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
            ],
            cwd=REPO_DIR / "backend",
            env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`make serve` exited with {proc.returncode}:\n{log.read_text()}")
        try:
            fetch(base + "/api/health/")
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    else:
        pytest.fail(f"the server did not answer within 180s:\n{log.read_text()}")
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    if worker is not None:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    assert f"http://127.0.0.1:{port}/" in log.read_text()  # `make run` prints where it serves


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        unavailable("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
