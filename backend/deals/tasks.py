from celery import shared_task

from deals.services import deals_import_run, deals_imports_resume


@shared_task(acks_late=True)
def deals_import_task(job_id: int) -> str:
    # A redelivered job starts over: nothing of an interrupted import was applied (one transaction).
    return deals_import_run(job_id=job_id).status


@shared_task
def deals_imports_resume_task() -> int:
    return deals_imports_resume()
