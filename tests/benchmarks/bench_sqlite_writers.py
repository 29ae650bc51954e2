"""Concurrent writers on the embedded default: SQLite, tasks in-process, the local search index.

    .venv/bin/python tests/benchmarks/bench_sqlite_writers.py [--writers 20] [--writes 10]
        [--server runserver|gunicorn] [--gunicorn-workers 2] [--gunicorn-threads 8]

Starts the app on a fresh SQLite database in a temporary TECHMATCH_VAR_DIR (migrate, then
`runserver` as `make run` serves it: threaded, dev settings; or gunicorn with threads), registers
one enterprise user per writer through the API (not timed), then each writer, in its own thread,
creates --writes need drafts with its own token, all at once. Prints failures by status code and
the p50/p95/max latency of the writes. Asserts nothing: figures, not a gate
(tests/backend/core/test_sqlite_writers.py is the regular test).

Before SQLite ran with IMMEDIATE transactions (config/settings/base.py), 2–4 of 5 parallel writes
by different users answered 503 database_unavailable ("database is locked").
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"
PASSWORD = "Huzhou-2027-keji"
# Check characters of GB 32100-2015 (accounts/uscc.py), repeated here: this script imports no Django.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(n: int) -> str:
    first17 = "91330500" + "".join(USCC_ALPHABET[(n // 31**i) % 31] for i in range(9))
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(method: str, url: str, body: dict | None = None, token: str = "", timeout: float = 120) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        raw = err.read()
        try:
            return err.code, json.loads(raw)
        except ValueError:
            return err.code, {"detail": raw[:200].decode(errors="replace")}


@contextmanager
def sqlite_server(
    var_dir: Path,
    *,
    server: str = "runserver",
    workers: int = 2,
    threads: int = 8,
    log: Path | None = None,
    database_url: str = "",
    before_serve: Callable[[Path, dict], None] | None = None,
    services: bool = False,
) -> Iterator[str]:
    """The app on a fresh SQLite database in `var_dir` (or on `database_url`); yields its base URL
    and stops it afterwards. `before_serve(var_dir, env)` runs after migrate (loading data).
    `services` keeps the environment's broker, cache and search backend (and starts a Celery
    worker, as a deployment runs one, when a broker is set) instead of the embedded ones."""
    configured = ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL", "SEARCH_BACKEND", "ELASTICSEARCH_URL")
    dropped = ("DATABASE_URL",) + (() if services else configured)
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(
        {"TECHMATCH_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "config.settings.dev", "OMP_NUM_THREADS": "1"}
    )
    env.setdefault("SEARCH_BACKEND", "local")
    log = log or var_dir / "server.log"
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput"],
        cwd=BACKEND,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=600,
    )
    if before_serve is not None:
        before_serve(var_dir, env)
    port = free_port()
    if server == "runserver":
        args = [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    else:
        args = [
            python,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "120",
        ]
    with log.open("ab") as out:
        proc = subprocess.Popen(
            args, cwd=BACKEND, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        worker = None
        if env.get("CELERY_BROKER_URL"):
            worker = subprocess.Popen(
                [python, "-m", "celery", "-A", "config.celery", "worker", "--pool=solo", "-l", "WARNING"],
                cwd=BACKEND,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{server} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                urllib.request.urlopen(base + "/api/health/", timeout=30).close()
                break
            except urllib.error.HTTPError:
                break  # answered (a 503 only says what is not ready)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base
    finally:
        for child in (proc, worker):
            if child is None:
                continue
            os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()


def register_writers(base: str, count: int, *, prefix: str = "writer") -> list[str]:
    """One enterprise user (with its organisation) per writer, one after the other; their tokens."""
    tokens = []
    for n in range(count):
        status, body = request(
            "POST",
            base + "/api/auth/register/",
            {
                "username": f"{prefix}{n}",
                "password": PASSWORD,
                "organisation": {
                    "name": f"湖州并发写入测试{n}号科技有限公司",
                    "kind": "enterprise",
                    "uscc": uscc(50_000 + n),
                    "region": "wuxing",
                },
            },
        )
        if status != 201:
            raise RuntimeError(f"registering {prefix}{n}: {status} {body}")
        tokens.append(body["token"])
    return tokens


@dataclass
class Write:
    status: int
    seconds: float
    code: str


def need(writer: int, n: int) -> dict:
    return {
        "title": f"并发写入测试需求{writer}-{n}：动力电池隔膜涂覆工艺优化",
        "description": "陶瓷涂覆隔膜在高温下收缩，需要优化涂覆浆料配方与烘干工艺，提高热稳定性。",
        "industry": "new_energy_vehicle",
        "keywords": ["隔膜", "涂覆"],
        "cooperation_type": "joint",
    }


def run_writers(base: str, tokens: list[str], writes: int, *, timeout: float = 600) -> list[Write]:
    """Every token writes `writes` need drafts in its own thread; all threads start together."""
    results: list[Write] = []
    lock = threading.Lock()
    start = threading.Barrier(len(tokens))

    def writer(index: int, token: str) -> None:
        start.wait()
        for n in range(writes):
            began = time.perf_counter()
            try:
                status, body = request("POST", base + "/api/needs/", need(index, n), token=token, timeout=timeout)
            except OSError as exc:  # no answer within the timeout, connection reset: a failure too
                status, body = 0, {"code": type(exc).__name__}
            with lock:
                results.append(
                    Write(status, time.perf_counter() - began, str(body.get("code", "")) if status != 201 else "")
                )

    threads = [threading.Thread(target=writer, args=(i, t)) for i, t in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(results: list[Write], wall: float) -> str:
    failures = Counter(f"{r.status} {r.code}".strip() for r in results if r.status != 201)
    ms = [r.seconds * 1000 for r in results]
    return (
        f"writes {len(results)}  failures {sum(failures.values())} {dict(failures) or ''}\n"
        f"latency ms: p50 {percentile(ms, 0.5):.0f}  p95 {percentile(ms, 0.95):.0f}  max {max(ms):.0f}  "
        f"mean {statistics.fmean(ms):.0f}\n"
        f"wall {wall:.1f} s, {len(results) / wall:.1f} writes/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--writes", type=int, default=10)
    parser.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    parser.add_argument("--gunicorn-threads", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="techmatch-bench-sqlite-") as tmp:
        var_dir = Path(tmp)
        print(f"starting {args.server} on SQLite in {var_dir} …", flush=True)
        with sqlite_server(
            var_dir, server=args.server, workers=args.gunicorn_workers, threads=args.gunicorn_threads
        ) as base:
            tokens = register_writers(base, args.writers)
            warm = run_writers(base, tokens[:1], 1)  # loads the encoder and opens the index: not measured
            print(f"warm-up write: {warm[0].status} in {warm[0].seconds * 1000:.0f} ms", flush=True)
            began = time.perf_counter()
            results = run_writers(base, tokens, args.writes)
            wall = time.perf_counter() - began
        print(
            f"{args.writers} writers x {args.writes} need drafts, {args.server}"
            + (
                f" ({args.gunicorn_workers} workers x {args.gunicorn_threads} threads)"
                if args.server == "gunicorn"
                else ""
            )
        )
        print(report(results, wall))


if __name__ == "__main__":
    main()
