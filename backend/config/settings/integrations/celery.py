from celery.schedules import crontab

from config.env import env

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# No broker configured: tasks run on threads of the web process after the request has answered
# (core/background.py), so the embedded default needs no server and no request waits for indexing.
# True runs them inside the caller instead (the test settings; tests/benchmarks/bench_request_budgets.py
# --tasks eager measures what that costs a request).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or "cache+memory://")
# Fire-and-forget: nothing reads our tasks' results, and waiting on a result channel is what makes
# a send hang while Redis is down. A task that returns something to a caller says so itself.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a task killed mid-run is redelivered; tasks are written to be retried
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that enqueues a task must not hang while the broker is down (kombu's default is to
# retry the connection forever): the outbox and beat make a lost nudge harmless, so give up fast.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BEAT_SCHEDULE = {
    # The retry path when the broker or the search backend was down: the outbox catches up.
    "drain-search-outbox": {"task": "indexing.tasks.outbox_drain_task", "schedule": 60.0},
    "close-expired-challenges": {"task": "marketplace.tasks.challenges_close_expired_task", "schedule": 60.0},
    "deadline-soon-notices": {"task": "marketplace.tasks.challenges_deadline_soon_task", "schedule": 600.0},
    "resume-deal-imports": {"task": "deals.tasks.deals_imports_resume_task", "schedule": 60.0},
    "maintain-dashboard-exports": {"task": "dashboard.tasks.dashboard_exports_maintain_task", "schedule": 60.0},
    "email-digests": {"task": "notifications.tasks.digests_send_task", "schedule": crontab(minute=0, hour=8)},
}
