"""The registry import and the dashboard at scale, on this machine: prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_deals_import.py [--rows 100000] [--format csv|xlsx|both]
        [--scale-deals 1000000] [--database-url postgres://…] [--reuse]

- writes a --rows technology-market registry export (realistic Chinese names, 2,000 buyers and 300
  sellers across Huzhou's districts) as CSV and/or XLSX;
- imports it through the service the API uses (deals_import_start, then the task), timing the whole
  import (wall), the validation and the apply phases (from the job's progress), rows/s, and the
  process's peak RSS growth;
- imports the same file again (idempotent: every row unchanged, nothing written) and times it;
- times the dashboard endpoints (summary p50/p95, the summary computed without the rollup, an as-of
  summary, drill-down pages, and XLSX/CSV exports of the figure closest to 100,000 contracts); with
  --scale-deals N it first adds N synthetic contracts (generate_scale_data --deals); with --reuse it
  only times them over the contracts already in --database-url.

It never touches your data: without --database-url it migrates a throw-away SQLite file in a
temporary folder (pass a PostgreSQL URL of an empty, disposable database to measure PostgreSQL).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT))

DISTRICTS = [
    ("吴兴区", "330502"),
    ("南浔区", "330503"),
    ("德清县", "330521"),
    ("长兴县", "330522"),
    ("安吉县", "330523"),
    ("南太湖新区", "330500"),
    ("湖州莫干山高新区", "330500"),
]
TYPES = ["技术开发", "技术转让", "技术许可", "技术咨询", "技术服务"]
CHAINS = [
    "新能源汽车",
    "物流装备",
    "半导体及光电",
    "合金特材",
    "生物医药",
    "地理信息",
    "人工智能",
    "智能装备",
    "绿色家居",
    "",
]
BUYER_WORDS = [
    "新能源",
    "智能装备",
    "精工",
    "绿色家居",
    "生物科技",
    "特种合金",
    "电池材料",
    "数字科技",
    "物流装备",
    "光电",
]
SELLER_WORDS = ["先进材料研究院", "大学湖州研究院", "新型研发中心", "产业技术研究院", "工程技术研究中心"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parties(rng: random.Random):
    from tests.factories.accounts import make_uscc as uscc

    buyers, sellers = [], []
    for i in range(2000):
        district, code = rng.choice(DISTRICTS) if i % 8 else ("湖州市外", "310000")
        place = district[:2] if district != "湖州市外" else "上海"
        buyers.append(
            (f"{place}{rng.choice(BUYER_WORDS)}第{i}有限公司", uscc(400_000 + i, prefix=f"91{code}"), district)
        )
    for i in range(300):
        district, code = rng.choice(DISTRICTS) if i % 4 else ("湖州市外", "330100")
        sellers.append(
            (
                f"{'杭州' if district == '湖州市外' else '湖州'}第{i}{rng.choice(SELLER_WORDS)}",
                uscc(600_000 + i, prefix=f"12{code}"),
                district,
            )
        )
    return buyers, sellers


def rows(n: int, rng: random.Random):
    buyers, sellers = parties(rng)
    first, span = date(2025, 1, 1), (date(2026, 10, 31) - date(2025, 1, 1)).days
    for i in range(n):
        buyer, seller = rng.choice(buyers), rng.choice(sellers)
        registered = first + timedelta(days=rng.randrange(span))
        signed = registered - timedelta(days=rng.randint(3, 60))
        amount = rng.randrange(50_000, 20_000_000, 100)
        technical = amount - rng.randrange(0, amount // 5 + 1, 100)
        yield [
            f"B{registered.year}3305{i:08d}",
            f"{rng.choice(CHAINS) or '通用'}关键技术{TYPES[i % 5]}合同（{i}）",
            TYPES[i % 5],
            buyer[0],
            buyer[1],
            buyer[2],
            seller[0],
            seller[1],
            seller[2],
            f"{amount}.00",
            f"{technical}.00",
            signed.isoformat(),
            registered.isoformat(),
            f"DJ{registered.year}-{i:08d}",
            rng.choice(CHAINS),
            "",
        ]


def write_file(path: Path, n: int, file_format: str) -> None:
    from deals.imports import COLUMNS

    header = [c.header for c in COLUMNS]
    rng = random.Random(2027)
    if file_format == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows(n, rng))
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("技术合同")
    sheet.append(header)
    for values in rows(n, rng):
        sheet.append(values)
    workbook.save(path)


def run_import(path: Path, keeper) -> tuple[float, object, list[tuple[float, str, int]]]:
    """Import synchronously (the task runs eagerly after the upload's transaction) and sample the
    job's progress as the progress endpoint would see it."""
    from django.core.files.uploadedfile import UploadedFile

    from deals import services
    from deals.models import DealImport

    seen: list[tuple[float, str, int]] = []
    original = services.job_update
    started = time.perf_counter()

    def spy(job, **fields):
        result = original(job, **fields)
        seen.append((time.perf_counter() - started, job.status, job.processed_rows))
        return result

    services.job_update = spy
    try:
        # Read from disk, as Django hands over an upload above 2.5 MB (a temporary file).
        with path.open("rb") as handle:
            job = services.deals_import_start(
                by=keeper, upload=UploadedFile(handle, name=path.name, size=path.stat().st_size)
            )
    finally:
        services.job_update = original
    elapsed = time.perf_counter() - started
    return elapsed, DealImport.objects.get(pk=job.pk), seen


def _percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    pick = lambda q: ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]  # noqa: E731
    return f"p50 {pick(0.5):,.0f} ms, p95 {pick(0.95):,.0f} ms, max {ordered[-1]:,.0f} ms ({len(times)} requests)"


def summary_timings(label_year: int, keeper, *, runs: int = 30) -> None:
    """The dashboard endpoints as an official calls them (DRF view, permissions, serialisation),
    after one warm-up request each; the selectors alone for the ledger-computed variants. On
    PostgreSQL the tables are analysed first, as autovacuum would have done after a bulk load."""
    from django.db import connection
    from rest_framework.test import APIClient

    from dashboard.selectors import FIGURES, dashboard_summary
    from deals.models import Deal

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("deals_deal", "deals_dealentry", "deals_dealrollup"):
                cursor.execute(f"ANALYZE {table}")
    client = APIClient(SERVER_NAME="localhost")
    client.force_authenticate(keeper)  # the platform operator: sees the dashboard as an official does
    count = Deal.objects.count()

    def timed(fn) -> float:
        started = time.perf_counter()
        fn()
        return (time.perf_counter() - started) * 1000

    def endpoint(url: str, params: dict, n: int) -> list[float]:
        def call():
            response = client.get(url, params)
            assert response.status_code == 200, response.content[:300]
            return response

        call()
        return [timed(call) for _ in range(n)]

    print(f"  over {count:,} contracts, year {label_year}:")
    print(
        f"    GET /api/dashboard/summary/ (from the rollup): {_percentiles(endpoint('/api/dashboard/summary/', {'year': label_year}, runs))}"
    )
    ledger = [timed(lambda: dashboard_summary(year=label_year, from_ledger=True)) for _ in range(3)]
    print(f"    the same summary aggregated from the contracts (no rollup, selector only): {_percentiles(ledger)}")
    as_of = {"year": label_year, "as_of": f"{label_year}-06-30"}
    print(
        f"    GET /api/dashboard/summary/?as_of={label_year}-06-30 (from the ledger entries): {_percentiles(endpoint('/api/dashboard/summary/', as_of, 3))}"
    )
    drill = {"year": label_year, "figure": "district", "key": "wuxing"}
    print(
        f"    GET /api/dashboard/drilldown/ district=wuxing, first page with its total: {_percentiles(endpoint('/api/dashboard/drilldown/', drill, runs))}"
    )
    print(f"    ... page 50: {_percentiles(endpoint('/api/dashboard/drilldown/', {**drill, 'page': 50}, 10))}")
    # The direct download: the figure whose contracts number closest to 100,000, within its limit.
    from django.conf import settings

    body = client.get("/api/dashboard/summary/", {"year": label_year}).json()
    items = [
        i for name in ("by_district", "by_industry", "by_contract_type", "by_origin", "by_platform") for i in body[name]
    ]
    items += [{"figure": "total", "key": "all", "deals": body["counted_deals"]}]
    items = [i for i in items if i["deals"] <= settings.DASHBOARD_EXPORT_MAX_ROWS]
    target = min(items, key=lambda i: abs(i["deals"] - 100_000))
    assert target["figure"] in FIGURES
    for file_format in ("xlsx", "csv"):
        params = {"year": label_year, "figure": target["figure"], "key": target["key"], "file_format": file_format}
        started = time.perf_counter()
        response = client.get("/api/dashboard/drilldown/export/", params)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.content[:300]
        print(
            f"    export {target['figure']}={target['key']} ({target['deals']:,} rows) as {file_format}: {elapsed:,.1f} s, "
            f"{len(response.content) / 2**20:,.1f} MB, peak RSS {peak_rss_mb():,.0f} MB"
        )
    # Exactly 100,000 rows: the first 100,000 of the year's counted contracts, through the code the
    # export endpoint runs (no figure has exactly that many rows).
    from dashboard.selectors import drilldown_rows
    from deals.files import COUNTED_COLUMNS, ledger_file

    rows = drilldown_rows(viewer=keeper, year=label_year, figure="total", key="all")[:100_000]
    for file_format in ("xlsx", "csv"):
        started = time.perf_counter()
        content = ledger_file(
            rows.iterator(chunk_size=2000), columns=COUNTED_COLUMNS, file_format=file_format, title="技术合同"
        )
        print(
            f"    export of exactly 100,000 counted contracts as {file_format} (the endpoint's code, no HTTP): "
            f"{time.perf_counter() - started:,.1f} s, {len(content) / 2**20:,.1f} MB, peak RSS {peak_rss_mb():,.0f} MB"
        )
    # The background export of the year's total (beyond the direct download's limit): queued and, with
    # no broker here, built in this process as a worker would build it; then read back as downloaded.
    from dashboard.models import DashboardExport
    from dashboard.selectors import dashboard_export_parts
    from dashboard.services import dashboard_export_start

    for file_format in ("csv", "xlsx"):
        started = time.perf_counter()
        job = dashboard_export_start(
            by=keeper, year=label_year, figure="total", key="", as_of=None, file_format=file_format
        )
        job = DashboardExport.objects.get(pk=job.pk)
        built = time.perf_counter() - started
        assert job.status == "succeeded", job.message
        started = time.perf_counter()
        size = sum(len(part) for part in dashboard_export_parts(job=job))
        print(
            f"    background export of the year's total ({job.total_rows:,} rows) as {file_format}: built and stored in "
            f"{built:,.1f} s, read back in {time.perf_counter() - started:,.1f} s, {size / 2**20:,.1f} MB, peak RSS {peak_rss_mb():,.0f} MB"
        )
        job.delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--format",
        choices=["csv", "xlsx", "both", "none"],
        default="both",
        help="both: one process per format, so that each peak RSS is its own",
    )
    parser.add_argument("--scale-deals", type=int, default=0)
    parser.add_argument(
        "--database-url", default="", help="an empty, disposable database (it is emptied again at the end)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the dashboard over the contracts already in --database-url; add and delete nothing",
    )
    args = parser.parse_args()

    if args.format == "both":
        import subprocess

        common = ["--rows", str(args.rows)] + (["--database-url", args.database_url] if args.database_url else [])
        for file_format in ("csv", "xlsx"):
            subprocess.run([sys.executable, __file__, "--format", file_format, *common], check=True)
        if args.scale_deals:
            subprocess.run(
                [sys.executable, __file__, "--format", "none", "--scale-deals", str(args.scale_deals), *common],
                check=True,
            )
        return

    workdir = Path(tempfile.mkdtemp(prefix="techmatch-bench-deals-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["TECHMATCH_VAR_DIR"] = str(workdir / "var")
    # Production-like: DEBUG off (dev settings keep every SQL statement in memory).
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ.pop("CELERY_BROKER_URL", None)  # the import runs in this process, as with the embedded defaults

    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import Organisation, User
    from deals.models import Deal, DealEntry, DealImport, DealRollup
    from tests.factories.accounts import make_uscc

    call_command("migrate", verbosity=0)
    where = args.database_url.split("@")[-1] if args.database_url else "a throw-away SQLite file"
    print(f"\n[{args.format}] database: {connection.vendor} ({where})")
    org, _ = Organisation.objects.get_or_create(
        uscc=make_uscc(1, prefix="52330502"),
        defaults={"name": "基准测试运营中心", "kind": "operator", "region": "wuxing"},
    )
    keeper, _ = User.objects.get_or_create(username="bench-operator", defaults={"organisation": org})
    # Powers come from grants of a verified organisation (accounts.models.User._powers); a superuser is
    # the operator without either, which is all the benchmark needs.
    User.objects.filter(pk=keeper.pk).update(is_superuser=True)
    keeper.refresh_from_db()
    if args.reuse:
        summary_timings(date.today().year, keeper)
        return
    try:
        if args.format in ("csv", "xlsx"):
            path = workdir / f"registry-export.{args.format}"
            started = time.perf_counter()
            write_file(path, args.rows, args.format)
            print(
                f"{args.format}: {args.rows:,} rows, {path.stat().st_size / 2**20:.1f} MB, written in {time.perf_counter() - started:.1f}s"
            )
            rss_before = peak_rss_mb()
            elapsed, job, seen = run_import(path, keeper)
            applying = next((t for t, status, _n in seen if status == "applying"), elapsed)
            print(
                f"  first import: {job.status}, {job.created_count:,} new, {job.error_count} errors; wall {elapsed:.1f}s "
                f"({args.rows / elapsed:,.0f} rows/s): read+validate {applying:.1f}s, apply {elapsed - applying:.1f}s; "
                f"{len(seen)} progress updates; peak RSS {peak_rss_mb():,.0f} MB (+{peak_rss_mb() - rss_before:,.0f} MB over the process before)"
            )
            elapsed, job, _seen = run_import(path, keeper)
            print(
                f"  same file again: {job.status}, {job.unchanged_count:,} unchanged, {job.created_count} new; wall {elapsed:.1f}s "
                f"({args.rows / elapsed:,.0f} rows/s)"
            )
            summary_timings(2026, keeper)
        if args.scale_deals:
            started = time.perf_counter()
            call_command(
                "generate_scale_data",
                organisations=500,
                challenges=0,
                needs=0,
                capabilities=0,
                deals=args.scale_deals,
                batch_size=5000,
                stdout=open(os.devnull, "w"),
            )
            print(f"generate_scale_data --deals {args.scale_deals:,}: {time.perf_counter() - started:.0f}s")
            summary_timings(date.today().year, keeper)
    finally:
        if args.database_url:
            with connection.cursor() as cursor:  # the benchmark's own rows: bypasses the ledger's no-delete guard
                for model in (DealEntry, Deal, DealImport, DealRollup):
                    cursor.execute(f"DELETE FROM {model._meta.db_table}")


if __name__ == "__main__":
    main()
