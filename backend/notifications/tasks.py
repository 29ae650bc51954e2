from celery import shared_task

from notifications.services import digests_send, notify_matches


@shared_task
def notify_matches_task(kind: str, posting_id: int) -> int:
    return notify_matches(kind=kind, posting_id=posting_id)


@shared_task
def digests_send_task() -> int:
    return digests_send()
