"""Domain events: one dispatcher for "what happened".

A service calls `emit(...)` inside its own transaction once the change is made (a challenge
published, a bid submitted, an award, a contract registered). The event is stored (`DomainEvent`,
append-only: the audit trail of the marketplace) and handed to every subscriber, synchronously and
in the same transaction, so that an index update or a notice is committed with the change or not
at all. Subscribers (indexing, notifications, …) subscribe in their AppConfig.ready(), never at
import time, so that the domain never imports its consequences: marketplace knows nothing of
indexing or notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

Handler = Callable[["Event"], None]
_handlers: dict[str, list[Handler]] = {}


@dataclass(frozen=True)
class Event:
    name: str  # "<subject>.<what happened>", e.g. "bid.submitted"
    subject: models.Model  # the object it happened to
    actor: Any = None  # the user who did it; None for the system (a deadline, a task)
    data: dict[str, Any] = field(default_factory=dict)


def subscribe(name: str, handler: Handler) -> None:
    """Call from an AppConfig.ready(). Subscribing the same handler twice has no effect."""
    handlers = _handlers.setdefault(name, [])
    if handler not in handlers:
        handlers.append(handler)


def subscribers(name: str) -> list[Handler]:
    return list(_handlers.get(name, []))


def emit(name: str, *, subject: models.Model, actor: Any = None, **data: Any) -> Event:
    """Record the event and run its subscribers in the caller's transaction."""
    from core.models import DomainEvent

    event = Event(name=name, subject=subject, actor=actor, data=data)
    DomainEvent.objects.create(
        name=name,
        subject_type=subject._meta.label_lower,
        subject_id=subject.pk,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        data=_plain(data),
    )
    for handler in subscribers(name):
        handler(event)
    return event


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """What of the event's data is stored: JSON values as they are, model instances by id."""

    def one(value: Any) -> Any:
        if isinstance(value, models.Model):
            return {"type": value._meta.label_lower, "id": value.pk}
        if isinstance(value, list | tuple | set):
            return [one(v) for v in value]
        if isinstance(value, dict):
            return {str(k): one(v) for k, v in value.items()}
        if value is None or isinstance(value, str | int | float | bool):
            return value
        return str(value)

    return {key: one(value) for key, value in data.items()}
