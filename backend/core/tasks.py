from celery import shared_task


@shared_task(ignore_result=False)
def ping_task(payload: str) -> str:
    """Round trip through the broker and a worker; used by the broker health test."""
    return f"pong:{payload}"
