"""The posting kinds (challenge, need, capability), each declared once, as NetBox declares its search
indexes. Search documents, matching, notifications and the API read this table; none keeps a
table or an isinstance chain of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from marketplace.models import Capability, Challenge, Need, Posting
from marketplace.selectors import (
    capability_audience,
    capability_list,
    challenge_audience,
    challenge_list,
    need_audience,
    need_list,
)

# Matching pairs the sides: what is asked for (challenges, needs) with what is offered (capabilities).
DEMAND, SUPPLY = "demand", "supply"


def _always(posting: Posting) -> bool:
    return True


@dataclass(frozen=True)
class PostingKind:
    name: str  # the search kind, the outbox kind and a notification's posting_kind
    model: type[Posting]
    visible: Callable[..., QuerySet]  # selector(viewer=...): the postings a viewer may know exist
    audience: Callable[[Posting], list[str]]  # the search audience tokens of one posting
    matchable: tuple[str, ...]  # statuses a match may point at: open for business
    side: str  # DEMAND or SUPPLY: a posting is matched with the kinds of the other side
    amount_field: str  # 榜额, budget or price ceiling: the search's amount filter
    web_path: str  # the web app's page of one posting ("{pk}" is filled in)
    notification_kind: str  # the notifications.Notification.Kind of "a new one fits yours"
    summary_field: str  # the text a list of hits shows, and all a hidden posting's index holds
    # Indexing: False keeps the details out of the index (only title and summary_field go in).
    details_public: Callable[[Posting], bool] = _always
    indicators_field: str | None = None
    trl_field: str | None = None
    deadline_field: str | None = None

    def amount(self, posting: Posting) -> Decimal | None:
        return getattr(posting, self.amount_field)

    def indicators(self, posting: Posting) -> list[dict]:
        return (getattr(posting, self.indicators_field) or []) if self.indicators_field else []

    def trl(self, posting: Posting) -> int | None:
        return getattr(posting, self.trl_field) if self.trl_field else None

    def deadline(self, posting: Posting):
        return getattr(posting, self.deadline_field) if self.deadline_field else None

    def page(self, pk: int) -> str:
        return self.web_path.format(pk=pk)

    @property
    def counterparts(self) -> list[str]:
        """The kinds a posting of this kind is matched with."""
        return [k.name for k in KINDS.values() if k.side != self.side]


KINDS: dict[str, PostingKind] = {
    k.name: k
    for k in (
        PostingKind(
            name="challenge",
            model=Challenge,
            visible=challenge_list,
            audience=challenge_audience,
            matchable=(Challenge.Status.PUBLISHED.value,),
            side=DEMAND,
            amount_field="bounty",
            web_path="challenges/{pk}",
            notification_kind="new_challenge",
            summary_field="summary",
            details_public=lambda c: c.confidentiality == Challenge.Confidentiality.PUBLIC,
            indicators_field="indicators",
            deadline_field="bid_deadline",
        ),
        PostingKind(
            name="need",
            model=Need,
            visible=need_list,
            audience=need_audience,
            matchable=(Need.Status.OPEN.value,),
            side=DEMAND,
            amount_field="budget_max",
            web_path="needs/{pk}",
            notification_kind="new_need",
            summary_field="description",
        ),
        PostingKind(
            name="capability",
            model=Capability,
            visible=capability_list,
            audience=capability_audience,
            matchable=(Capability.Status.PUBLISHED.value,),
            side=SUPPLY,
            amount_field="price_max",
            web_path="capabilities/{pk}",
            notification_kind="new_capability",
            summary_field="description",
            trl_field="trl",
        ),
    )
}
_BY_MODEL = {k.model: k for k in KINDS.values()}


def kind_of(posting: Posting) -> PostingKind:
    return _BY_MODEL[type(posting)]
