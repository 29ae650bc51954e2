"""The public history of a challenge names organisations and roles, not accounts."""

from marketplace import services
from tests.factories.accounts import UserFactory


def history(world, challenge, role: str) -> list[dict]:
    response = world.client(role).get(f"/api/challenges/{challenge.pk}/history/")
    assert response.status_code == 200
    return response.json()


def test_the_public_history_shows_organisations_and_roles_and_no_usernames(world, draft):
    services.challenge_publish(challenge=draft, by=world.users["owner"])
    services.challenge_close(challenge=draft, by=world.users["operator"], reason="违规信息下架前截止")

    for role in ["anonymous", "institute", "other_enterprise", "official"]:
        entries = history(world, draft, role)
        assert [(e["by"], e["by_role"], e["by_role_label"], e["by_organisation"]) for e in entries] == [
            (None, "owner", "发榜单位", "长兴天能电池材料有限公司"),
            (None, "operator", "平台运营方", "湖州科技大市场运营中心"),
        ], role


def test_the_operator_sees_every_account_and_the_owner_its_colleagues_only(world):
    colleague = UserFactory(organisation=world.orgs["owner"], username="owner-colleague")
    challenge = services.challenge_create(by=colleague, **_draft_fields(world))
    services.challenge_publish(challenge=challenge, by=world.users["owner"])
    services.challenge_close(challenge=challenge, by=world.users["operator"])

    assert [e["by"] for e in history(world, challenge, "operator")] == ["owner-colleague", "owner", "operator"]
    assert [e["by"] for e in history(world, challenge, "owner")] == ["owner-colleague", "owner", None]
    assert [e["by"] for e in history(world, challenge, "institute")] == [None, None, None]


def _draft_fields(world) -> dict:
    from tests.factories.marketplace import ChallengeFactory

    template = ChallengeFactory.build(organisation=world.orgs["owner"], created_by=world.users["owner"])
    fields = [
        "title",
        "summary",
        "description",
        "industry",
        "list_type",
        "indicators",
        "keywords",
        "bounty",
        "funding_mode",
        "mode",
        "max_winners",
        "bid_deadline",
        "confidentiality",
    ]
    return {f: getattr(template, f) for f in fields}


def test_an_automatic_change_is_the_systems(world, published):
    published.bid_deadline = published.created_at
    published.save()

    services.challenges_close_expired()

    last = history(world, published, "anonymous")[-1]
    assert (last["by"], last["by_role"], last["by_role_label"], last["by_organisation"]) == (
        None,
        "system",
        "系统",
        None,
    )


def test_the_platforms_notes_are_stored_untranslated_and_read_in_the_readers_language(world, draft):
    english = world.client("owner")
    english.credentials(HTTP_AUTHORIZATION=f"Token {world.token('owner')}", HTTP_ACCEPT_LANGUAGE="en")
    english.post(f"/api/challenges/{draft.pk}/publish/")
    english.post(f"/api/challenges/{draft.pk}/close/", {}, format="json")
    english.post(f"/api/challenges/{draft.pk}/cancel/", {"reason": "技术路线调整"}, format="json")

    assert [t.reason for t in draft.transitions.all()] == ["", "手动截止", "技术路线调整"]
    response = world.client("anonymous").get(f"/api/challenges/{draft.pk}/history/", HTTP_ACCEPT_LANGUAGE="en")
    assert [e["reason"] for e in response.json()] == ["", "Closed manually", "技术路线调整"]
    assert [e["reason"] for e in history(world, draft, "anonymous")] == ["", "手动截止", "技术路线调整"]
