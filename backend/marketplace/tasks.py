from celery import shared_task

from marketplace.services import challenges_close_expired, challenges_deadline_soon


@shared_task
def challenges_close_expired_task() -> int:
    return challenges_close_expired()


@shared_task
def challenges_deadline_soon_task() -> int:
    return challenges_deadline_soon()
