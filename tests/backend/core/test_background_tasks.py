"""With no broker, tasks run on threads of the web process after the request has answered
(core/background.py): the request never waits for indexing, and the outbox drains afterwards;
beat's schedule runs on a thread of the web process too."""

import threading
import time

import pytest
from django.core.signals import request_started

from core import background
from indexing.models import SearchOutbox
from marketplace.models import Need
from matching.encoders import load_encoder
from tests.backend.marketplace.payloads import need_body

# The worker thread has a database connection of its own: it sees only what the request committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WAIT_S = 120  # a bound for a busy machine, not a speed expectation


@pytest.fixture
def no_broker(settings):
    settings.CELERY_BROKER_URL = ""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield
    assert background.wait_idle(WAIT_S), "background tasks still running after the test"


@pytest.fixture
def held_encoder(settings, monkeypatch):
    """The encoder waits for `release` before it embeds a query view. Only the drain does that: the
    request embeds the posting as a passage (its duplicate check), which the drain then reuses."""
    release = threading.Event()
    encoder = load_encoder(settings.MATCHING_ENCODER)
    real = encoder.encode_queries

    def held(texts):
        assert release.wait(WAIT_S), "the test never released the encoder"
        return real(texts)

    monkeypatch.setattr(encoder, "encode_queries", held)
    yield release
    release.set()


def eventually(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"not within {WAIT_S} s: {what}"
        time.sleep(0.05)


def test_a_request_answers_before_its_posting_is_indexed_and_the_outbox_drains_afterwards(
    world, no_broker, held_encoder
):
    client = world.client("owner")

    created = client.post("/api/needs/", need_body(), format="json")

    assert created.status_code == 201, created.content
    # The encoder is still held: nothing has been indexed, and the recommendations say so.
    assert SearchOutbox.objects.filter(object_id=created.data["id"]).exists()
    pending = client.get(f"/api/needs/{created.data['id']}/matches/")
    assert (pending.status_code, pending.data["code"]) == (503, "index_pending")

    held_encoder.set()

    eventually(lambda: not SearchOutbox.objects.exists(), "the outbox drained")
    eventually(lambda: client.get(f"/api/needs/{created.data['id']}/matches/").status_code == 200, "matches answer")


def test_changes_made_while_a_drain_is_held_are_indexed_too(world, no_broker, held_encoder):
    client = world.client("owner")
    first = client.post("/api/needs/", need_body(), format="json").data["id"]
    second = client.post("/api/needs/", need_body(title="竹材重组材防霉处理工艺"), format="json").data["id"]

    held_encoder.set()

    eventually(lambda: not SearchOutbox.objects.exists(), "the outbox drained")
    assert background.wait_idle(WAIT_S)
    assert Need.objects.filter(pk__in=[first, second]).count() == 2
    for pk in (first, second):
        assert client.get(f"/api/needs/{pk}/matches/").status_code == 200


def test_under_the_test_settings_tasks_still_run_in_the_caller(world, settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER and not background.in_process()

    created = world.client("owner").post("/api/needs/", need_body(), format="json")

    assert created.status_code == 201 and not SearchOutbox.objects.exists()


@pytest.fixture
def quick_schedule(settings, no_broker):
    """Beat's outbox drain every 0.2 s instead of every minute."""
    settings.CELERY_BEAT_SCHEDULE = {"drain": {"task": "indexing.tasks.outbox_drain_task", "schedule": 0.2}}
    yield
    background.stop_schedule()
    request_started.disconnect(dispatch_uid="core.background.schedule")


def test_every_entry_of_the_beat_schedule_runs_without_a_broker(settings):
    entries = background.schedule_entries()

    assert set(entries) == set(settings.CELERY_BEAT_SCHEDULE)
    assert {task.name for task, *_ in entries.values()} == {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}


def test_the_first_request_of_a_web_process_starts_the_schedule(world, quick_schedule):
    # A row nothing nudges (written behind the services' back): only a scheduled drain settles it.
    SearchOutbox.objects.create(kind="need", object_id=987654)
    background.serve_schedule()  # what config/wsgi.py does

    world.client("owner").get("/api/health/")

    eventually(lambda: not SearchOutbox.objects.exists(), "a scheduled drain settled the row")


def test_with_a_broker_or_eager_tasks_the_process_runs_no_schedule(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER and not background.start_schedule()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    assert not background.start_schedule()  # beat sends the schedule to the broker instead
