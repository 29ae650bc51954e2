"""The demo data on this machine: how long `seed_demo` and `reindex` take on a fresh database, and
what the demo looks like (postings per kind and chain, bids and partners per state, contracts, the
dashboard's counted volume and monthly shape). Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_seed_demo.py

It never touches your data: it migrates a throw-away SQLite file in a temporary folder and runs the
commands as `make run` does (one process each, wall and CPU time of each).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BACKEND = ROOT / "backend"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of `manage.py <command>` in a process of its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *command], cwd=BACKEND, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.monotonic() - started, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def figures() -> None:
    from django.db.models import Count
    from django.utils import timezone

    from dashboard.selectors import dashboard_summary
    from deals.models import Deal, DealEntry
    from deals.rollups import rollup_drift
    from marketplace.models import Bid, BidPartner, Capability, Challenge, Need

    kinds = {"challenges": Challenge, "needs": Need, "capabilities": Capability}
    per_chain: Counter = Counter()
    for model in kinds.values():
        per_chain.update(dict(model.objects.values_list("industry__name").annotate(n=Count("id"))))
    print("postings:", {k: m.objects.count() for k, m in kinds.items()}, "total", sum(per_chain.values()))
    print("per chain:", dict(per_chain.most_common()))
    print("challenges per status:", dict(Counter(Challenge.objects.values_list("status", flat=True))))
    print("bids per status:", dict(Counter(Bid.objects.values_list("status", flat=True))))
    print("partners per state:", dict(Counter(BidPartner.objects.values_list("state", flat=True))))
    print(
        "contracts:",
        Deal.objects.count(),
        dict(Counter(Deal.objects.values_list("status", flat=True))),
        "by origin",
        dict(Counter(Deal.objects.values_list("origin", flat=True))),
        "ledger entries",
        DealEntry.objects.count(),
        "dated after now",
        DealEntry.objects.filter(at__gt=timezone.now()).count(),
    )
    print("rollup rows differing from the ledger:", len(rollup_drift()))
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        s = dashboard_summary(year=year)
        print(
            f"{year}: counted {s['counted_amount'] / 10**8:.1f}亿 in {s['counted_deals']} contracts, "
            f"target {s['target_amount'] / 10**8:.0f}亿, expected by {s['reference_date']} {s['expected_amount'] / 10**8:.1f}亿"
        )
        print("  per month, 亿:", [round(float(m["amount"]) / 1e8, 1) for m in s["monthly"]])
        print("  per month, contracts:", [m["deals"] for m in s["monthly"]])
    amounts = sorted(float(a) for a in Deal.objects.values_list("contract_amount", flat=True))
    quantiles = {q: round(amounts[int(len(amounts) * q)] / 1e4) for q in (0.1, 0.5, 0.9, 0.99)}
    print("contract amount, 万元: p10/p50/p90/p99", list(quantiles.values()), "max", round(amounts[-1] / 1e4))


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-seed-demo-"))
    env = {
        **os.environ,
        "TECHMATCH_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    env.pop("CELERY_BROKER_URL", None)  # tasks run in the process, as with the embedded defaults
    timed(["migrate", "--noinput"], env)
    for label, command in (("seed_demo", ["seed_demo"]), ("seed_demo again", ["seed_demo"]), ("reindex", ["reindex"])):
        wall, cpu = timed(command, env)
        print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    os.environ.update({k: env[k] for k in ("TECHMATCH_VAR_DIR", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    sys.path.insert(0, str(BACKEND))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    figures()


if __name__ == "__main__":
    main()
