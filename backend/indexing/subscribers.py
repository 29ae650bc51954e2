"""What indexing does when the marketplace changes (core.events): the posting goes through the
search outbox, in the transaction that changed it."""

from core.events import Event, subscribe
from indexing.services import outbox_add
from marketplace.kinds import KINDS


def posting_changed(event: Event) -> None:
    outbox_add(posting=event.subject)


def organisation_changed(event: Event) -> None:
    """Every posting carries its organisation's region (a search filter)."""
    organisation = event.subject
    for kind in KINDS.values():
        for posting in kind.model.objects.filter(organisation=organisation):
            outbox_add(posting=posting)


def connect() -> None:
    subscribe("posting.changed", posting_changed)
    subscribe("organisation.changed", organisation_changed)
