import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# core.background.Task: with no broker configured, tasks run on threads of this process.
app = Celery("techmatch", task_cls="core.background:Task")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _no_broker_no_amqp(sender: Celery, **kwargs) -> None:
    # Eager tasks (the test settings) still borrow a producer to serialise their arguments; with no
    # broker URL kombu would reach for AMQP on localhost and warn "No hostname was supplied". The
    # in-memory transport needs no server and says nothing.
    if not sender.conf.broker_url:
        sender.conf.broker_url = "memory://localhost/"
