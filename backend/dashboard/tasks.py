from celery import shared_task

from dashboard.services import dashboard_export_run, dashboard_exports_maintain


@shared_task(acks_late=True)
def dashboard_export_task(job_id: int) -> str:
    # A redelivered job starts over: its file is stored whole or not at all.
    return dashboard_export_run(job_id=job_id).status


@shared_task
def dashboard_exports_maintain_task() -> list[int]:
    return list(dashboard_exports_maintain())
