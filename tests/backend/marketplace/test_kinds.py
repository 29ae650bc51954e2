"""The posting kinds are declared once (marketplace.kinds); what others spell on their own must agree."""

import pytest

from marketplace.kinds import KINDS
from notifications.models import Notification
from search.types import KINDS as SEARCH_KINDS
from tests.services import REPO_DIR


def test_the_search_library_knows_the_same_kinds():
    assert tuple(KINDS) == SEARCH_KINDS


def test_each_kind_announces_itself_with_a_notification_kind_that_exists():
    assert {k.notification_kind for k in KINDS.values()} <= set(Notification.Kind.values)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_names_fields_and_statuses_its_model_has(name):
    kind = KINDS[name]
    fields = [kind.amount_field, kind.summary_field, kind.indicators_field, kind.trl_field, kind.deadline_field]
    for field in filter(None, fields):
        kind.model._meta.get_field(field)
    assert set(kind.matchable) <= set(kind.model.Status.values)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_links_to_a_page_of_the_web_app(name):
    routes = (REPO_DIR / "frontend" / "src" / "app" / "router.tsx").read_text(encoding="utf-8")
    assert f"path: '{KINDS[name].web_path.replace('{pk}', ':id')}'" in routes


def test_what_is_asked_for_is_matched_with_what_is_offered():
    assert KINDS["challenge"].counterparts == KINDS["need"].counterparts == ["capability"]
    assert KINDS["capability"].counterparts == ["challenge", "need"]
