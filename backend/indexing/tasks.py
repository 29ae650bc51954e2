from celery import shared_task

from indexing.services import outbox_drain, outbox_pending
from search.backends import SearchUnavailable


@shared_task(autoretry_for=(SearchUnavailable,), retry_backoff=5, retry_backoff_max=300, max_retries=None)
def outbox_drain_task() -> int:
    settled = outbox_drain(batch_size=500)
    if settled and outbox_pending():
        outbox_drain_task.delay()  # more than one batch waiting: keep going
    return settled
