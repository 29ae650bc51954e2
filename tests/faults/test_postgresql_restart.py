"""PostgreSQL restarts under traffic: the app under gunicorn answers 503 JSON while it is down,
recovers by itself when it returns, and keeps every write it acknowledged."""

import socket
import threading
import time

import pytest

from tests.faults.processes import LiveApp, manage, process_env, shell
from tests.services import free_port

pytestmark = pytest.mark.services

SETUP = """
from accounts.services import token_issue
from accounts.models import Organisation
from tests.factories.accounts import OrganisationFactory, UserFactory
kjj = UserFactory(username="kjj", organisation=OrganisationFactory(kind=Organisation.Kind.GOVERNMENT, name="湖州市科学技术局", institute_type=""))
buyer = OrganisationFactory(kind=Organisation.Kind.ENTERPRISE, name="长兴天能电池材料有限公司", region="changxing")
seller = OrganisationFactory(kind=Organisation.Kind.INSTITUTE, name="湖州南太湖新能源材料研究院", region="nantaihu")
print(token_issue(user=kjj), buyer.pk, seller.pk)
"""
OUTAGE_S = 3.0
SLOWEST_S = 5.0  # a request during the outage must answer within this, not hang


class Traffic:
    """Officials recording contracts and reading the dashboard, one request after another per thread."""

    def __init__(self, app: LiveApp, token: str, buyer: int, seller: int) -> None:
        self.app, self.token, self.buyer, self.seller = app, token, buyer, seller
        self.log: list[tuple[str, float, object, str]] = []  # (kind, started, response, contract number)
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._writes), threading.Thread(target=self._reads)]

    def _writes(self) -> None:
        n = 0
        while not self.stopping.is_set():
            n += 1
            number = f"PG-RESTART-{n:05d}"
            body = {
                "contract_number": number,
                "title": "高镍正极材料包覆改性技术开发合同",
                "contract_type": "development",
                "contract_amount": "1200000.00",
                "technical_amount": "1000000.00",
                "signed_on": "2026-03-15",
                "buyer": {"organisation": self.buyer},
                "seller": {"organisation": self.seller},
            }
            started = time.monotonic()
            self.log.append(
                ("write", started, self.app.post("/api/deals/", body, token=self.token, timeout=30), number)
            )
            time.sleep(0.05)

    def _reads(self) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            self.log.append(
                ("read", started, self.app.get("/api/dashboard/summary/?year=2026", token=self.token, timeout=30), "")
            )
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def between(self, start: float, end: float) -> list:
        return [entry for entry in self.log if start <= entry[1] < end]


def test_requests_during_a_postgresql_restart_fail_fast_with_503_and_recover_without_restarting_the_app(
    postgres, tmp_path
):
    env = process_env(database=postgres.create_database("techmatch_restart"), var_dir=tmp_path / "var")
    token, buyer, seller = shell(env, SETUP).strip().splitlines()[-1].split()
    app = LiveApp(env, tmp_path / "gunicorn.log").start()
    try:
        with Traffic(app, token, int(buyer), int(seller)) as traffic:
            time.sleep(1.5)
            down_at = time.monotonic()
            postgres.cluster.stop()
            health = app.get("/api/health/")  # what a load balancer's probe sees
            time.sleep(OUTAGE_S)
            up_at = time.monotonic()
            postgres.cluster.start()
            deadline = up_at + 30
            while time.monotonic() < deadline:
                recent = [r for kind, started, r, _n in traffic.between(up_at, time.monotonic()) if kind == "write"]
                if sum(1 for r in recent if r.status == 201) >= 10:
                    break
                time.sleep(0.2)
        assert app.proc.poll() is None, "gunicorn must not have been restarted"
    finally:
        app.stop()

    log = traffic.log
    # Before: everything worked.
    assert {r.status for _k, started, r, _n in traffic.between(0, down_at) if started + r.seconds < down_at} <= {
        200,
        201,
    }
    # During: every request that failed answered quickly, with the API's JSON error, never a 500 page.
    failed = [r for _k, _s, r, _n in log if r.status not in (200, 201)]
    outage = traffic.between(down_at + 0.5, up_at)
    assert outage and all(r.status == 503 for _k, _s, r, _n in outage), outage[:5]
    for r in failed:
        assert r.status == 503 and r.content_type.startswith("application/json"), r
        assert r.json()["code"] == "database_unavailable" and r.json()["detail"], r
    assert max(r.seconds for _k, _s, r, _n in log) < SLOWEST_S
    assert {kind for kind, _s, r, _n in outage} == {"read", "write"}
    assert health.status == 503 and health.json()["checks"]["database"]["status"] == "error", health
    # After: the same gunicorn answers again within seconds of the database's return.
    first_ok = min(started for kind, started, r, _n in traffic.between(up_at, float("inf")) if r.status == 201)
    assert first_ok - up_at < 10
    assert all(r.status in (200, 201) for _k, _s, r, _n in traffic.between(first_ok + 1, float("inf")))

    # No acknowledged write is lost, nothing appears that was never sent, and the rollup still adds up.
    acknowledged = {n for kind, _s, r, n in log if kind == "write" and r.status == 201}
    attempted = {n for kind, _s, r, n in log if kind == "write"}
    stored = set(postgres.cluster.psql("SELECT contract_number FROM deals_deal", database="techmatch_restart").split())
    entries = int(postgres.cluster.psql("SELECT count(*) FROM deals_dealentry", database="techmatch_restart"))
    assert acknowledged <= stored <= attempted
    assert entries == len(stored)
    assert "the rollup equals the contracts" in manage(env, "deal_rollups", "--check").stdout
    print(
        f"\n{len(log)} requests, {len(failed)} answered 503 during a {OUTAGE_S:.0f}s outage, "
        f"{len(acknowledged)} contracts acknowledged, first success {first_ok - up_at:.2f}s after PostgreSQL returned"
    )


def test_a_database_that_accepts_connections_and_never_answers_gives_503_within_the_connect_timeout(tmp_path):
    """A network partition or a failover in progress: the TCP connection opens, no reply comes."""
    port, held, stop = free_port(), [], threading.Event()

    def silent_server():
        with socket.create_server(("127.0.0.1", port)) as server:
            server.settimeout(0.2)
            while not stop.is_set():
                try:
                    held.append(server.accept()[0])  # kept open, never read, never answered
                except TimeoutError:
                    pass

    thread = threading.Thread(target=silent_server)
    thread.start()
    app = LiveApp(
        process_env(database=f"postgres://techmatch:secret@127.0.0.1:{port}/techmatch", var_dir=tmp_path / "var"),
        tmp_path / "gunicorn.log",
    )
    try:
        app.start(health=False)  # the health check would wait on the database too
        response = app.get("/api/deals/", token="0" * 40, timeout=60)  # authentication reads the database
    finally:
        app.stop()
        stop.set()
        thread.join()
        for conn in held:
            conn.close()

    assert response.status == 503 and response.json()["code"] == "database_unavailable", response
    # connect_timeout is 5 s (libpq tries each address once), plus a worker's boot; not gunicorn's 60 s
    assert response.seconds < 20
