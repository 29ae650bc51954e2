"""CI's short version of the load benchmark (run_load.py): the same locustfile, a few users for
~25 s, against gunicorn with the production settings on the demo data, PostgreSQL, Redis and
Elasticsearch. Asserts no failure (no 5xx, no unexpected status) and that every task type ran;
measures nothing. Locally it is skipped when a service is missing; under CI=true it fails.
"""

import csv
import json
import os
import subprocess
import sys
import time
import uuid

import pytest

from tests.benchmarks.load import run_load
from tests.services import own_postgres_database, unavailable, with_path

pytestmark = [pytest.mark.services, pytest.mark.e2e]

USERS, SECONDS = 6, 25
DEMO_PASSWORD = "TechMatch-2027"
ENDPOINTS = {
    "POST /api/auth/token/",
    "GET /api/search/?q",
    "GET /api/search/?q&filters",
    "GET /api/challenges/{id}/",
    "GET /api/capabilities/{id}/",
    "GET /api/needs/{id}/",
    "GET /api/capabilities/{id}/matches/",
    "GET /api/challenges/{id}/matches/",
    "GET /api/recommendations/",
    "POST /api/challenges/{id}/bids/",
    "POST /api/challenges/{id}/bids/{bid}/withdraw/",
    "GET /api/dashboard/summary/",
    "GET /api/dashboard/drilldown/",
}
TASKS = {
    "login",
    "search",
    "search_filtered",
    "challenge_detail",
    "capability_detail",
    "need_detail",
    "capability_matches",
    "challenge_matches",
    "recommendations",
    "bid",
    "bid_withdraw",
    "dashboard_summary",
    "dashboard_drilldown",
}


@pytest.fixture
def smoke_database():
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        unavailable("DATABASE_URL is not a PostgreSQL URL: the load smoke runs the production stack")
    with own_postgres_database(configured, "techmatch_load_smoke") as database:
        yield database


def test_the_load_mix_runs_clean_against_the_production_stack(tmp_path, smoke_database, redis, elasticsearch):
    index = f"techmatch-load-smoke-{uuid.uuid4().hex[:8]}"
    broker = with_path(redis, "/9")  # a Redis database of its own: nothing else consumes what the servers enqueue
    logs = tmp_path / "logs"
    logs.mkdir()
    # Demo data through the embedded defaults' path (tasks eager: seed_demo indexes as it writes).
    setup_env = run_load.stack_env(
        database_url=smoke_database, es_url=elasticsearch, es_index=index, broker="", var_dir=tmp_path / "var"
    )
    phases, started = {}, time.monotonic()

    def phase(name: str) -> None:
        nonlocal started
        phases[name] = round(time.monotonic() - started, 1)
        started = time.monotonic()

    try:
        for command in (["migrate", "--noinput"], ["seed_demo"], ["reindex"]):
            run_load.run_django(command, setup_env, log=logs / "setup.log", timeout=300)
            phase(command[0])
        subprocess.run(
            [
                sys.executable,
                str(run_load.HERE / "run_load.py"),
                "write-plan",
                "--out",
                str(tmp_path),
                "--password",
                DEMO_PASSWORD,
            ],
            env=setup_env,
            check=True,
            timeout=120,
            capture_output=True,
        )
        phase("plan")
        env = run_load.stack_env(
            database_url=smoke_database, es_url=elasticsearch, es_index=index, broker=broker, var_dir=tmp_path / "var"
        )
        with run_load.gunicorn(env, logs / "gunicorn.log", workers=2, access_log=logs / "access.log") as base:
            phase("gunicorn")
            step = run_load.locust(
                base,
                users=USERS,
                seconds=SECONDS,
                plan=tmp_path / "plan.json",
                prefix=tmp_path / "smoke",
                reset_stats=False,
                spawn_rate=USERS,
                wait="0.1,0.5",
                every_task_first=True,
                log=logs / "locust.log",
            )
            phase("locust")
    finally:
        from elasticsearch import Elasticsearch

        with Elasticsearch(elasticsearch) as es:
            names = list(es.indices.get(index=f"{index}-*", allow_no_indices=True))
            if names:
                es.indices.delete(index=",".join(names))

    rows = step["endpoints"]
    print(f"\nload smoke, seconds per phase: {phases}\n{run_load.table(step)}")
    assert step["failures"] == [], (step["failures"], (logs / "gunicorn.log").read_text()[-3000:])
    assert rows["Aggregated"]["failures"] == 0
    assert ENDPOINTS <= {name for name, r in rows.items() if r["requests"] > 0}, sorted(rows)
    assert TASKS <= set(step["extra"]["tasks"]), step["extra"]
    with (tmp_path / "smoke_stats.csv").open(newline="") as handle:
        assert all(int(r["Failure Count"]) == 0 for r in csv.DictReader(handle))
    assert json.loads((tmp_path / "plan.json").read_text())["officials"], "the demo data has an official (kjj)"
