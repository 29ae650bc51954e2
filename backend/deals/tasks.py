from celery import shared_task

from deals.services import deals_import_run


@shared_task(acks_late=True)
def deals_import_task(job_id: int) -> str:
    # A redelivered job starts over: nothing of an interrupted import was applied (one transaction).
    return deals_import_run(job_id=job_id).status
