"""The backup and restore instructions of docs/operations.md, run: deploy/backup/backup.sh dumps a database
with contracts in it, deploy/backup/restore.sh restores the dump into a fresh database, and the
dashboard shows the same figures from both."""

import json
import os
import subprocess

import pytest

from tests.faults.postgres import PG_PASSWORD
from tests.faults.processes import manage, process_env, shell
from tests.services import REPO_DIR

pytestmark = pytest.mark.services

BACKUP, RESTORE = REPO_DIR / "deploy" / "backup" / "backup.sh", REPO_DIR / "deploy" / "backup" / "restore.sh"

# Contracts of two years in every state (recorded, registered, amended, voided), an import with
# its file, and challenges with bids for the funnel: made through the ledger's services.
SEED = """
from datetime import date
from decimal import Decimal
from deals import services
from deals.models import DealImport
from marketplace.models import Challenge
from tests.backend.deals.files import csv_upload, row
from tests.factories.deals import DealFactory, ledger_keeper
from tests.factories.marketplace import BidFactory, ChallengeFactory
by = ledger_keeper()
regions = ["wuxing", "changxing", "deqing", "anji", "nanxun", "outside"]
for n in range(40):
    DealFactory(signed_on=date(2025, 1 + n % 12, 3), registered_on=date(2025, 1 + n % 12, 20),
                contract_amount=Decimal(100000 + 1000 * n), buyer_region=regions[n % 6])
for n in range(30):
    registered = n % 3 != 0
    deal = DealFactory(signed_on=date(2026, 1 + n % 10, 5), registered_on=date(2026, 1 + n % 10, 25) if registered else None,
                       contract_amount=Decimal(200000 + 5000 * n), contract_type=["development", "transfer", "service"][n % 3])
    if registered and n % 7 == 1:
        services.deal_void(deal=deal, by=by, reason="双方解除合同")
    elif n % 5 == 2:
        services.deal_amend(deal=deal, by=by, reason="核减设备费", technical_amount=deal.contract_amount - Decimal(1000))
job = services.deals_import_start(by=by, upload=csv_upload([row(n) for n in range(1, 301)]))
job.refresh_from_db()
assert job.status == DealImport.Status.SUCCEEDED, (job.status, job.message, job.errors[:3])
for n in range(4):
    BidFactory(challenge=ChallengeFactory(status=Challenge.Status.PUBLISHED))
print("seeded")
"""

FIGURES = """
import json
from datetime import date
from django.core.serializers.json import DjangoJSONEncoder
from accounts.models import Organisation, User
from dashboard.models import PolicyTarget
from dashboard.selectors import dashboard_summary
from deals.models import CountingRule, Deal, DealEntry, DealImport, DealRollup
from marketplace.models import Bid, Challenge
figures = {f"summary {year}": dashboard_summary(year=year) for year in (2024, 2025, 2026, 2027)}
figures["summary 2026 from the ledger"] = dashboard_summary(year=2026, from_ledger=True)
figures["summary 2026 as of 2026-06-30"] = dashboard_summary(year=2026, as_of=date(2026, 6, 30))
figures["rows"] = {m.__name__: m.objects.count() for m in
                   (Deal, DealEntry, DealImport, DealRollup, CountingRule, PolicyTarget, Challenge, Bid, User, Organisation)}
figures["imports"] = list(DealImport.objects.values_list("sha256", "status", "created_count"))
print(json.dumps(figures, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False))
"""


def run(script, *args, env):
    return subprocess.run(["bash", str(script), *args], env=env, capture_output=True, text=True, timeout=300)


def test_a_backup_restored_into_a_fresh_database_shows_the_same_dashboard(postgres, tmp_path):
    source, restored = "techmatch_backup_source", "techmatch_backup_restored"
    env = process_env(database=postgres.create_database(source), var_dir=tmp_path / "var")
    # The seed reads its import's result at once: the import runs in the shell, not on a thread.
    shell({**env, "CELERY_TASK_ALWAYS_EAGER": "true"}, SEED)
    dump = tmp_path / "techmatch.dump"

    backup = run(BACKUP, str(dump), env={**os.environ, "DATABASE_URL": postgres.url(source)})
    assert backup.returncode == 0, backup.stderr
    restore = run(RESTORE, str(dump), env={**os.environ, "RESTORE_DATABASE_URL": postgres.url(restored)})
    assert restore.returncode == 0, restore.stderr

    assert restored in postgres.databases() and dump.stat().st_mode & 0o077 == 0  # the dump is private
    assert PG_PASSWORD not in backup.stdout + backup.stderr + restore.stdout + restore.stderr
    assert "manage.py reindex" in restore.stdout  # it says what to do next
    restored_env = {**env, "DATABASE_URL": postgres.url(restored)}
    before = json.loads(shell(env, FIGURES).strip().splitlines()[-1])
    after = json.loads(shell(restored_env, FIGURES).strip().splitlines()[-1])
    assert after == before
    assert before["summary 2026"]["counted_deals"] > 300 and before["summary 2025"]["counted_deals"] == 40
    assert before["rows"]["Deal"] == 370 and before["rows"]["DealEntry"] > 370
    assert "the rollup equals the contracts" in manage(restored_env, "deal_rollups", "--check").stdout


def test_the_scripts_refuse_what_would_lose_or_expose_data(postgres, tmp_path):
    database = "techmatch_backup_refusals"
    url = postgres.create_database(database)
    dump = tmp_path / "techmatch.dump"
    assert run(BACKUP, str(dump), env={**os.environ, "DATABASE_URL": url}).returncode == 0
    plain = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "RESTORE_DATABASE_URL")}

    cases = {
        "no URL": run(BACKUP, env=plain),
        "SQLite": run(BACKUP, env={**plain, "DATABASE_URL": "sqlite:///var/db.sqlite3"}),
        "existing dump": run(BACKUP, str(dump), env={**plain, "DATABASE_URL": url}),
        "database in use": run(RESTORE, str(dump), env={**plain, "RESTORE_DATABASE_URL": url}),
        "not a dump": run(RESTORE, str(BACKUP), env={**plain, "RESTORE_DATABASE_URL": postgres.url("techmatch_never")}),
        "wrong password": run(
            BACKUP, str(tmp_path / "x.dump"), env={**plain, "DATABASE_URL": url.replace("fault%3A", "wrong%3A")}
        ),
    }

    messages = {name: (done.returncode, done.stderr) for name, done in cases.items()}
    assert all(code != 0 for code, _ in messages.values()), messages
    assert "DATABASE_URL is not set" in messages["no URL"][1]
    assert "SQLite" in messages["SQLite"][1]
    assert "already exists" in messages["existing dump"][1]
    assert "already has" in messages["database in use"][1] and "never overwrites" in messages["database in use"][1]
    assert "not a backup" in messages["not a dump"][1] and "techmatch_never" not in postgres.databases()
    assert "pg_dump of techmatch@127.0.0.1" in messages["wrong password"][1] and not (tmp_path / "x.dump").exists()
    assert all(PG_PASSWORD not in err and "fault%3A" not in err for _, err in messages.values())
