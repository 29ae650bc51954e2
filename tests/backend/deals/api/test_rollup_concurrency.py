"""Concurrent ledger writes against a real server and PostgreSQL keep the dashboard rollup exact:
every request adds to the same rollup rows (same day, district, chain, type), and none is lost."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from accounts.services import token_issue
from dashboard.selectors import dashboard_summary
from deals.models import Deal, DealStatus
from deals.rollups import rollup_drift
from tests.factories.deals import DealFactory, ledger_keeper
from tests.services import post_json, unavailable

pytestmark = pytest.mark.services
WRITERS = 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_and_corrections_keep_the_rollup_exact(live_server):
    if connection.vendor != "postgresql":
        unavailable("concurrent upserts are tested on PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    recorded = [DealFactory(registered_on=None) for _ in range(WRITERS)]
    registered = [DealFactory(registered_on=date(2026, 4, 2)) for _ in range(WRITERS)]
    token = token_issue(user=ledger_keeper())
    calls = [
        (
            f"/api/deals/{d.pk}/register/",
            {"registration_number": f"330522-2026-{i:05d}", "registered_on": "2026-04-02", "reason": "经技术市场审核"},
        )
        for i, d in enumerate(recorded)
    ]
    calls += [
        (f"/api/deals/{d.pk}/amend/", {"reason": "技术交易额更正", "technical_amount": "400000.00"}) for d in registered
    ]
    barrier = threading.Barrier(len(calls))
    statuses: list[int] = []

    def write(path, body):
        barrier.wait()
        statuses.append(post_json(live_server.url + path, token, body))

    threads = [threading.Thread(target=write, args=call) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)

    assert statuses == [200] * len(calls)
    assert Deal.objects.filter(status=DealStatus.REGISTERED).count() == 2 * WRITERS
    assert rollup_drift() == {}
    summary = dashboard_summary(year=2026)
    assert summary == dashboard_summary(year=2026, from_ledger=True)
    assert summary["counted_amount"] == WRITERS * (Decimal("1000000.00") + Decimal("400000.00"))
