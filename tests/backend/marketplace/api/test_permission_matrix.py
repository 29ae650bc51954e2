"""Role × endpoint × object state. Every operation of the OpenAPI schema has rows here; a new
endpoint without rows fails `test_every_endpoint_is_in_the_matrix`."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from drf_spectacular.generators import SchemaGenerator

from marketplace.models import Capability, Challenge, Need
from tests.backend.conftest import ROLES, World, capability_for, need_for
from tests.backend.marketplace.payloads import bid_body, capability_body, challenge_body, need_body
from tests.factories.marketplace import BidFactory, ChallengeFactory

S = Challenge.Status


def expect(default: int, **by_role: int) -> dict[str, int]:
    return {role: by_role.get(role, default) for role in ROLES}


def no_body(w: World, role: str) -> dict:
    return {}


@dataclass
class Row:
    method: str
    path: str  # OpenAPI path template
    expected: dict[str, int]
    setup: Callable[[World], dict] = lambda w: {}
    body: Callable[[World, str], dict] = no_body
    note: str = ""
    ids: dict = field(default_factory=dict)


def challenge_in(state: str, **kw) -> Callable[[World], dict]:
    def make(w: World) -> dict:
        c = ChallengeFactory(organisation=w.orgs["owner"], created_by=w.users["owner"], status=state, **kw)
        return {"id": c.pk}

    return make


def closed_with_bid(w: World) -> dict:
    c = ChallengeFactory(organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.CLOSED)
    bid = BidFactory(challenge=c, organisation=w.orgs["institute"], created_by=w.users["institute"])
    return {"id": c.pk, "bid": bid.pk}


def published_with_bid(w: World) -> dict:
    c = ChallengeFactory(organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.PUBLISHED)
    bid = BidFactory(challenge=c, organisation=w.orgs["institute"], created_by=w.users["institute"])
    return {"id": c.pk, "bid_id": bid.pk}


def published_with_question(w: World) -> dict:
    from marketplace.models import ChallengeQuestion

    c = ChallengeFactory(organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.PUBLISHED)
    q = ChallengeQuestion.objects.create(
        challenge=c, organisation=w.orgs["institute"], asked_by=w.users["institute"], text="耐热指标如何考核？"
    )
    return {"id": c.pk, "question_id": q.pk}


def indexed(make: Callable[[World], dict], model) -> Callable[[World], dict]:
    """The posting exists and its vectors are in the index (its match request must not encode)."""
    from indexing.services import index_now

    def setup(w: World) -> dict:
        ids = make(w)
        index_now(posting=model.objects.get(pk=ids["id"]))
        return ids

    return setup


def institute_notification(w: World) -> dict:
    from notifications.models import Notification

    note = Notification.objects.create(
        recipient=w.users["institute"],
        kind="new_challenge",
        posting_kind="challenge",
        posting_id=1,
        about_kind="capability",
        about_id=1,
        title="高镍正极",
        body="匹配",
        score=0.93,
    )
    return {"id": note.pk}


def unsubscribe_token(w: World) -> dict:
    from notifications.models import EmailPreference

    return {"token": EmailPreference.objects.create(user=w.users["institute"]).unsubscribe_token}


def government_clerk(w: World) -> dict:
    from tests.factories.accounts import UserFactory

    return {"user": UserFactory(organisation=w.orgs["official"], grant=False).pk}


def official_grant(w: World) -> dict:
    return {"id": w.users["official"].grants.get().pk}


def org(key: str) -> Callable[[World], dict]:
    return lambda w: {"id": w.orgs[key].pk}


def need_in(state: str) -> Callable[[World], dict]:
    return lambda w: {"id": need_for(w, status=state).pk}


def capability_in(state: str) -> Callable[[World], dict]:
    return lambda w: {"id": capability_for(w, status=state).pk}


def credentials(w: World, role: str) -> dict:
    if role == "anonymous":
        return {"username": "nobody", "password": "wrong-password"}
    return {"username": role, "password": "Huzhou-2027-keji"}


def new_user(w: World, role: str) -> dict:
    return {"username": f"new-{role}", "password": "Taihu-lake-2027"}


def joining_user(w: World, role: str) -> dict:
    return {"username": f"joiner-{role}", "password": "Taihu-lake-2027", "join_organisation": w.orgs["owner"].pk}


def join_request(w: World) -> dict:
    """A newcomer (no organisation yet) asks to join the owner's organisation, whose admin is `owner`."""
    from accounts.services_membership import membership_request
    from tests.factories.accounts import UserFactory

    joining = membership_request(user=UserFactory(organisation=None), organisation=w.orgs["owner"])
    return {"id": joining.pk, "user": joining.user_id}


OWNER_ONLY = expect(403, anonymous=401, owner=200, operator=200)
OWNER_ONLY_HIDDEN = expect(404, anonymous=401, owner=200, operator=200)  # others cannot even see it
CREATE_POSTING = expect(201, anonymous=401, official=403)
READ_ALL = expect(200)

ROWS = [
    Row("get", "/api/health/", READ_ALL),
    Row("get", "/api/schema/", READ_ALL),
    Row("post", "/api/auth/token/", expect(200, anonymous=400), body=credentials),
    Row("post", "/api/auth/register/", expect(201), body=new_user),
    Row("delete", "/api/auth/token/", expect(204, anonymous=401)),
    Row("get", "/api/auth/me/", expect(200, anonymous=401)),
    Row("get", "/api/organisations/", READ_ALL),
    Row("get", "/api/organisations/{id}/", READ_ALL, setup=org("owner")),
    Row(
        "patch",
        "/api/organisations/{id}/",
        OWNER_ONLY,
        setup=org("owner"),
        body=lambda w, r: {"description": "动力电池隔膜与电解液材料供应商"},
    ),
    Row(
        "post",
        "/api/organisations/{id}/verify/",
        expect(403, anonymous=401, operator=200),
        setup=org("unverified_institute"),
        body=lambda w, r: {"approved": True},
    ),
    Row(
        "post",
        "/api/organisations/{id}/members/",
        expect(403, anonymous=401, owner=201, operator=201),
        setup=org("owner"),
        body=lambda w, r: {"username": f"member-{r}", "password": "Taihu-lake-2027"},
    ),
    Row(
        "post",
        "/api/organisations/",
        expect(403, anonymous=401, operator=201),
        body=lambda w, r: {
            "name": "德清县科学技术局",
            "kind": "government",
            "uscc": "11330521002600019C",
            "region": "deqing",
            "reason": "县科技局来函",
        },
        note="government bodies and operator offices are opened by the operator",
    ),
    Row("get", "/api/grants/", expect(403, anonymous=401, operator=200)),
    Row("get", "/api/grants/{id}/", expect(403, anonymous=401, operator=200), setup=official_grant),
    Row(
        "post",
        "/api/grants/",
        expect(403, anonymous=401, operator=201),
        setup=government_clerk,
        body=lambda w, r: {"user": w.ids["user"], "power": "official", "district": "deqing", "reason": "县科技局来函"},
    ),
    Row(
        "post",
        "/api/grants/{id}/revoke/",
        expect(403, anonymous=401, operator=200),
        setup=official_grant,
        body=lambda w, r: {"reason": "调岗"},
    ),
    Row("post", "/api/auth/register/", expect(201), body=joining_user, note="asks to join: no membership yet"),
    Row("get", "/api/membership-requests/", expect(200, anonymous=401), note="one's own, and one's organisation's"),
    Row(
        "post",
        "/api/membership-requests/",
        expect(409, anonymous=401),
        body=lambda w, r: {"organisation": w.orgs["other_enterprise"].pk},
        note="everyone here already belongs to an organisation",
    ),
    Row("get", "/api/membership-requests/{id}/", expect(404, anonymous=401, owner=200), setup=join_request),
    Row(
        "post",
        "/api/membership-requests/{id}/approve/",
        expect(404, anonymous=401, owner=200),
        setup=join_request,
        note="only the organisation's admin; the operator does not decide membership",
    ),
    Row(
        "post",
        "/api/membership-requests/{id}/decline/",
        expect(404, anonymous=401, owner=200),
        setup=join_request,
        note="the note is optional, so no body is the plain decline (an empty body is valid input)",
    ),
    Row("get", "/api/industries/", READ_ALL),
    Row("get", "/api/challenges/", READ_ALL),
    Row(
        "post",
        "/api/challenges/",
        expect(201, anonymous=401),
        body=lambda w, r: challenge_body(),
        note="officials may post fiscal lists",
    ),
    Row(
        "get",
        "/api/challenges/{id}/",
        expect(404, owner=200, operator=200),
        setup=challenge_in(S.DRAFT),
        note="drafts are private",
    ),
    Row("get", "/api/challenges/{id}/", READ_ALL, setup=challenge_in(S.PUBLISHED)),
    Row(
        "patch",
        "/api/challenges/{id}/",
        OWNER_ONLY_HIDDEN,
        setup=challenge_in(S.DRAFT),
        body=lambda w, r: {"title": "钠离子电池正极材料"},
    ),
    Row(
        "patch",
        "/api/challenges/{id}/",
        OWNER_ONLY,
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: {"summary": "补充说明"},
    ),
    Row("post", "/api/challenges/{id}/publish/", OWNER_ONLY_HIDDEN, setup=challenge_in(S.DRAFT)),
    Row("post", "/api/challenges/{id}/close/", OWNER_ONLY, setup=challenge_in(S.PUBLISHED)),
    Row(
        "post",
        "/api/challenges/{id}/cancel/",
        OWNER_ONLY,
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: {"reason": "需求变更"},
    ),
    Row(
        "post",
        "/api/challenges/{id}/award/",
        OWNER_ONLY,
        setup=closed_with_bid,
        body=lambda w, r: {"bids": [w.ids["bid"]]},
    ),
    Row("post", "/api/challenges/{id}/start/", OWNER_ONLY, setup=challenge_in(S.AWARDED)),
    Row(
        "post",
        "/api/challenges/{id}/conclude/",
        OWNER_ONLY,
        setup=challenge_in(S.IN_PROGRESS),
        body=lambda w, r: {"accepted": True, "reason": "指标全部达到"},
    ),
    Row(
        "post",
        "/api/challenges/{id}/accept-terms/",
        expect(403, anonymous=401, institute=200),
        setup=challenge_in(S.PUBLISHED, confidentiality=Challenge.Confidentiality.SUMMARY_ONLY),
    ),
    Row("get", "/api/challenges/{id}/history/", READ_ALL, setup=challenge_in(S.PUBLISHED)),
    Row("get", "/api/challenges/{id}/bids/", READ_ALL, setup=published_with_bid, note="contents filtered per viewer"),
    Row(
        "post",
        "/api/challenges/{id}/bids/",
        expect(201, anonymous=401, owner=403, unverified_institute=403, official=403, operator=403),
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: bid_body(),
    ),
    Row(
        "post",
        "/api/challenges/{id}/bids/{bid_id}/withdraw/",
        expect(404, anonymous=401, institute=200, owner=403, operator=200),
        setup=published_with_bid,
    ),
    Row(
        "post",
        "/api/challenges/{id}/bids/{bid_id}/shortlist/",
        expect(404, anonymous=401, owner=200, institute=403, operator=200),
        setup=published_with_bid,
    ),
    Row("get", "/api/challenges/{id}/questions/", READ_ALL, setup=published_with_question, note="filtered per viewer"),
    Row(
        "post",
        "/api/challenges/{id}/questions/",
        expect(201, anonymous=401, owner=403, unverified_institute=403, official=403, operator=403),
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: {"text": "耐热指标如何考核？"},
    ),
    Row(
        "post",
        "/api/challenges/{id}/questions/{question_id}/answer/",
        expect(404, anonymous=401, owner=200, institute=403, operator=403),
        setup=published_with_question,
        body=lambda w, r: {"answer": "按 150℃/1h 考核。", "public": True},
        note="the asker reads it; others do not",
    ),
    Row(
        "post",
        "/api/challenges/{id}/extend-deadline/",
        expect(403, anonymous=401, owner=200),
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: {"bid_deadline": "2099-01-01T00:00:00+08:00", "reason": "答疑后补充了测试条件"},
    ),
    Row(
        "post",
        "/api/challenges/{id}/invitations/",
        expect(403, anonymous=401, owner=201),
        setup=challenge_in(S.PUBLISHED),
        body=lambda w, r: {"organisation": w.orgs["institute"].pk},
    ),
    Row(
        "get",
        "/api/challenges/{id}/matches/",
        expect(403, anonymous=401, owner=200, operator=200),
        setup=indexed(challenge_in(S.PUBLISHED), Challenge),
    ),
    Row("get", "/api/search/", READ_ALL),
    Row("get", "/api/recommendations/", expect(200, anonymous=401)),
    Row("get", "/api/bids/", expect(200, anonymous=401)),
    Row(
        "get", "/api/bids/invitations/", expect(200, anonymous=401), note="each organisation's own pending invitations"
    ),
    Row(
        "post",
        "/api/bids/{id}/partners/accept/",
        expect(404, anonymous=401, other_enterprise=200),
        setup=lambda w: {
            "id": BidFactory(
                challenge=ChallengeFactory(
                    organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.PUBLISHED
                ),
                organisation=w.orgs["institute"],
                created_by=w.users["institute"],
                partners=[w.orgs["other_enterprise"]],
            ).pk
        },
        note="only a member of the named partner answers; for everybody else the invitation does not exist",
    ),
    Row(
        "post",
        "/api/bids/{id}/partners/decline/",
        expect(404, anonymous=401, other_enterprise=200),
        setup=lambda w: {
            "id": BidFactory(
                challenge=ChallengeFactory(
                    organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.PUBLISHED
                ),
                organisation=w.orgs["institute"],
                created_by=w.users["institute"],
                partners=[w.orgs["other_enterprise"]],
            ).pk
        },
    ),
    Row("get", "/api/stats/", READ_ALL),
    Row(
        "get",
        "/api/needs/{id}/matches/",
        expect(403, anonymous=401, owner=200, operator=200),
        setup=indexed(need_in(Need.Status.OPEN), Need),
    ),
    Row(
        "get",
        "/api/capabilities/{id}/matches/",
        expect(403, anonymous=401, institute=200, operator=200),
        setup=indexed(capability_in(Capability.Status.PUBLISHED), Capability),
    ),
    Row("get", "/api/notifications/", expect(200, anonymous=401)),
    Row("get", "/api/notifications/unread-count/", expect(200, anonymous=401)),
    Row("post", "/api/notifications/read-all/", expect(200, anonymous=401)),
    Row("get", "/api/notifications/preferences/", expect(200, anonymous=401)),
    Row(
        "patch",
        "/api/notifications/preferences/",
        expect(200, anonymous=401),
        body=lambda w, r: {"digest": True, "kinds": [{"kind": "bid_received", "digest": False, "email": True}]},
    ),
    Row(
        "post", "/api/notifications/{id}/read/", expect(404, anonymous=401, institute=200), setup=institute_notification
    ),
    Row(
        "get",
        "/api/notifications/unsubscribe/",
        READ_ALL,
        setup=unsubscribe_token,
        body=lambda w, r: {"token": w.ids["token"]},
    ),
    Row("get", "/api/needs/", READ_ALL),
    Row("post", "/api/needs/", CREATE_POSTING, body=lambda w, r: need_body()),
    Row("get", "/api/needs/{id}/", expect(404, owner=200, operator=200), setup=need_in(Need.Status.DRAFT)),
    Row("get", "/api/needs/{id}/", READ_ALL, setup=need_in(Need.Status.OPEN)),
    Row(
        "patch",
        "/api/needs/{id}/",
        OWNER_ONLY,
        setup=need_in(Need.Status.OPEN),
        body=lambda w, r: {"budget_max": "900000.00"},
    ),
    Row("post", "/api/needs/{id}/publish/", OWNER_ONLY_HIDDEN, setup=need_in(Need.Status.DRAFT)),
    Row("post", "/api/needs/{id}/close/", OWNER_ONLY, setup=need_in(Need.Status.OPEN)),
    Row("post", "/api/needs/{id}/reopen/", OWNER_ONLY, setup=need_in(Need.Status.CLOSED)),
    Row("get", "/api/capabilities/", READ_ALL),
    Row("post", "/api/capabilities/", CREATE_POSTING, body=lambda w, r: capability_body()),
    Row(
        "get",
        "/api/capabilities/{id}/",
        expect(404, institute=200, operator=200),
        setup=capability_in(Capability.Status.DRAFT),
    ),
    Row("get", "/api/capabilities/{id}/", READ_ALL, setup=capability_in(Capability.Status.PUBLISHED)),
    Row(
        "patch",
        "/api/capabilities/{id}/",
        expect(403, anonymous=401, institute=200, operator=200),
        setup=capability_in(Capability.Status.PUBLISHED),
        body=lambda w, r: {"trl": 8},
    ),
    Row(
        "post",
        "/api/capabilities/{id}/publish/",
        expect(404, anonymous=401, institute=200, operator=200),
        setup=capability_in(Capability.Status.DRAFT),
    ),
    Row(
        "post",
        "/api/capabilities/{id}/withdraw/",
        expect(403, anonymous=401, institute=200, operator=200),
        setup=capability_in(Capability.Status.PUBLISHED),
    ),
]


# --- deals and dashboard (issue 6): parties see their contracts; officials and the operator keep the ledger ---


def deal_between_owner_and_institute(*, registered: bool = False) -> Callable[[World], dict]:
    from datetime import date
    from decimal import Decimal

    from deals.services import Party, deal_record, deal_register
    from tests.factories.deals import ledger_keeper

    def make(w: World) -> dict:
        deal = deal_record(
            by=ledger_keeper(),
            contract_number="2026330502000777",
            title="动力电池隔膜涂覆工艺技术开发合同",
            contract_type="development",
            contract_amount=Decimal("1200000.00"),
            signed_on=date(2026, 9, 1),
            buyer=Party.of(w.orgs["owner"]),
            seller=Party.of(w.orgs["institute"]),
        )
        if registered:
            deal = deal_register(
                deal=deal, by=ledger_keeper(), registration_number="330502-2026-0777", registered_on=date(2026, 9, 20)
            )
        return {"id": deal.pk, "entry": deal.entries.order_by("-id").first().pk}

    return make


def deal_recorded_by_owner(*, registered: bool = False) -> Callable[[World], dict]:
    """The owner records the contract of its award (so the owner is its recorder, the institute
    the other party); a keeper registers it if asked."""
    from datetime import date

    from deals.services import deal_record, deal_register
    from tests.factories.deals import ledger_keeper

    def make(w: World) -> dict:
        challenge = Challenge.objects.get(pk=awarded_challenge(w)["challenge"])
        deal = deal_record(
            by=w.users["owner"],
            contract_number="2026330502000318",
            origin="challenge",
            challenge=challenge,
            signed_on=date(2026, 9, 18),
        )
        if registered:
            deal_register(
                deal=deal, by=ledger_keeper(), registration_number="330502-2026-0318", registered_on=date(2026, 9, 25)
            )
        return {"id": deal.pk}

    return make


def awarded_challenge(w: World) -> dict:
    from marketplace.services import challenge_award

    c = ChallengeFactory(organisation=w.orgs["owner"], created_by=w.users["owner"], status=S.CLOSED)
    bid = BidFactory(challenge=c, organisation=w.orgs["institute"], created_by=w.users["institute"])
    challenge_award(challenge=c, by=w.users["owner"], bid_ids=[bid.pk])
    return {"challenge": c.pk}


def finished_import(w: World) -> dict:
    from deals.models import DealImport

    job = DealImport.objects.create(
        file_name="登记导出.csv",
        file_format="csv",
        file_size=3,
        sha256="0" * 64,
        content=b"abc",
        created_by=w.users["operator"],
        status=DealImport.Status.SUCCEEDED,
    )
    return {"id": job.pk}


def import_failed_for_the_system(w: World) -> dict:
    from deals.models import DealImport

    ids = finished_import(w)
    DealImport.objects.filter(pk=ids["id"]).update(
        status=DealImport.Status.FAILED, retryable=True, message="台账正被其他操作占用，等待超时"
    )
    return ids


def official_export(w: World) -> dict:
    from dashboard.models import DashboardExport, DashboardExportPart

    job = DashboardExport.objects.create(
        created_by=w.users["official"],
        year=2026,
        figure="total",
        file_format="csv",
        file_name="2026年技术合同-全年.csv",
        status=DashboardExport.Status.SUCCEEDED,
        file_size=14,
    )
    DashboardExportPart.objects.create(export=job, number=0, content="合同编号\r\n".encode())
    return {"id": job.pk}


def first_policy_target(w: World) -> dict:
    from dashboard.models import PolicyTarget

    return {"id": PolicyTarget.objects.get(code="high_tech_enterprises").pk}


def computed_policy_target(w: World) -> dict:
    from dashboard.models import PolicyTarget

    return {"id": PolicyTarget.objects.get(code="key_research_projects").pk}


def offline_deal_body(w: World, role: str) -> dict:
    return {
        "contract_number": "2026330523000456",
        "title": "竹木家具水性涂装工艺技术服务合同",
        "origin": "offline",
        "buyer": {"name": "安吉竹木绿色家居有限公司", "uscc": "91330523MA2G5M6N81", "region": "anji"},
        "seller": {"organisation": w.orgs["institute"].pk},
        "contract_type": "service",
        "contract_amount": "680000.00",
        "technical_amount": "600000.00",
        "signed_on": "2026-08-05",
        "industry": "green_home",
    }


LEDGER_KEEPERS = expect(403, anonymous=401, official=200, operator=200)
PARTIES_AND_KEEPERS = expect(404, anonymous=401, owner=200, institute=200, official=200, operator=200)
KEEPERS_CHANGE = expect(
    404, anonymous=401, owner=403, institute=403, official=200, operator=200
)  # others cannot see it

ROWS += [
    Row("get", "/api/deals/", expect(200, anonymous=401), note="filtered: parties see their own contracts"),
    Row(
        "post",
        "/api/deals/",
        expect(403, anonymous=401, official=201, operator=201),
        body=offline_deal_body,
        note="offline contracts are recorded by ledger keepers",
    ),
    Row(
        "post",
        "/api/deals/",
        expect(403, anonymous=401, owner=201, official=201, operator=201),
        setup=awarded_challenge,
        body=lambda w, r: {
            "contract_number": "2026330502000318",
            "origin": "challenge",
            "challenge": w.ids["challenge"],
            "signed_on": "2026-09-18",
        },
        note="the challenge owner records from its award",
    ),
    Row(
        "get",
        "/api/deals/prefill/",
        expect(403, anonymous=401, owner=200, official=200, operator=200),
        setup=awarded_challenge,
        body=lambda w, r: {"challenge": w.ids["challenge"]},
        note="who may record from the challenge: its organisation and ledger keepers",
    ),
    Row("get", "/api/deals/{id}/", PARTIES_AND_KEEPERS, setup=deal_between_owner_and_institute()),
    Row(
        "post",
        "/api/deals/{id}/register/",
        KEEPERS_CHANGE,
        setup=deal_between_owner_and_institute(),
        body=lambda w, r: {
            "registration_number": "330502-2026-0778",
            "registered_on": "2026-09-25",
            "reason": "经技术市场审核",
        },
    ),
    Row(
        "post",
        "/api/deals/{id}/amend/",
        KEEPERS_CHANGE,
        setup=deal_between_owner_and_institute(registered=True),
        body=lambda w, r: {"technical_amount": "1100000.00", "reason": "登记机构核减设备费用"},
    ),
    Row(
        "post",
        "/api/deals/{id}/void/",
        KEEPERS_CHANGE,
        setup=deal_between_owner_and_institute(),
        body=lambda w, r: {"reason": "双方解除合同"},
    ),
    Row(
        "post",
        "/api/deals/{id}/amend/",
        expect(404, anonymous=401, owner=200, institute=403, official=200, operator=200),
        setup=deal_recorded_by_owner(),
        body=lambda w, r: {"contract_amount": "3000000.00", "reason": "补录合同金额"},
        note="the recording organisation corrects its contract until it is registered",
    ),
    Row(
        "post",
        "/api/deals/{id}/amend/",
        KEEPERS_CHANGE,
        setup=deal_recorded_by_owner(registered=True),
        body=lambda w, r: {"contract_amount": "3000000.00", "reason": "补录合同金额"},
        note="registered: only keepers correct it, its recorder no longer",
    ),
    Row(
        "post",
        "/api/deals/{id}/withdraw/",
        expect(404, anonymous=401, owner=200, institute=403, official=200, operator=200),
        setup=deal_recorded_by_owner(),
        body=lambda w, r: {"reason": "录入时误提交，信息不完整"},
        note="the recording organisation withdraws (撤回) its contract until it is registered",
    ),
    Row(
        "post",
        "/api/deals/{id}/withdraw/",
        expect(404, anonymous=401, owner=403, institute=403, official=409, operator=409),
        setup=deal_recorded_by_owner(registered=True),
        body=lambda w, r: {"reason": "双方解除合同"},
        note="registered: nobody withdraws it; keepers void it instead",
    ),
    Row(
        "post",
        "/api/deals/{id}/withdraw/",
        expect(404, anonymous=401, owner=403, institute=403, official=200, operator=200),
        setup=deal_between_owner_and_institute(),
        note="recorded by a keeper: the parties did not record it",
        body=lambda w, r: {"reason": "重复录入"},
    ),
    Row(
        "post",
        "/api/deals/{id}/reverse/",
        KEEPERS_CHANGE,
        setup=deal_between_owner_and_institute(registered=True),
        body=lambda w, r: {"entry": w.ids["entry"], "reason": "登记日期录错，冲销后重新登记"},
    ),
    Row(
        "post",
        "/api/deals/import/",
        expect(403, anonymous=401, official=415, operator=415),
        note="takes a multipart file, not JSON: keepers get 415 here; uploads are tested in tests/backend/deals/api",
    ),
    Row("get", "/api/deals/import-template/", expect(200, anonymous=401)),
    Row("get", "/api/deals/imports/", LEDGER_KEEPERS),
    Row("get", "/api/deals/imports/{id}/", LEDGER_KEEPERS, setup=finished_import),
    Row(
        "post",
        "/api/deals/imports/{id}/retry/",
        expect(403, anonymous=401, official=202, operator=202),
        setup=import_failed_for_the_system,
        note="its creator (the operator here) or a city-wide official runs the stored file again",
    ),
    Row(
        "post",
        "/api/deals/imports/{id}/retry/",
        expect(403, anonymous=401, official=409, operator=409),
        setup=finished_import,
        note="a finished import is not run again",
    ),
    Row("get", "/api/deals/counting-rules/", READ_ALL, note="the rule is what the figures mean: public"),
    Row("get", "/api/deals/counting-rules/{year}/", READ_ALL, setup=lambda w: {"year": 2027}),
    Row(
        "post",
        "/api/deals/counting-rules/",
        expect(403, anonymous=401, operator=201),
        body=lambda w, r: {
            "year": 2028,
            "target_amount": "22000000000.00",
            "statuses": ["registered"],
            "date_field": "registered_on",
            "amount_field": "technical_amount",
            "require_huzhou_party": True,
            "reason": "2028年目标",
        },
    ),
    Row("get", "/api/dashboard/summary/", LEDGER_KEEPERS, body=lambda w, r: {"year": 2026}),
    Row(
        "get",
        "/api/dashboard/drilldown/",
        LEDGER_KEEPERS,
        body=lambda w, r: {"year": 2026, "figure": "district", "key": "wuxing"},
    ),
    Row(
        "get",
        "/api/dashboard/drilldown/export/",
        LEDGER_KEEPERS,
        body=lambda w, r: {"year": 2026, "figure": "total", "file_format": "csv"},
    ),
    Row("get", "/api/dashboard/exports/", LEDGER_KEEPERS, note="each keeper's own exports"),
    Row(
        "post",
        "/api/dashboard/exports/",
        expect(403, anonymous=401, official=202, operator=202),
        body=lambda w, r: {"year": 2026, "figure": "total", "file_format": "csv"},
    ),
    Row(
        "get",
        "/api/dashboard/exports/{id}/",
        expect(403, anonymous=401, official=200, operator=404),
        setup=official_export,
        note="an export is its maker's: another keeper gets 404",
    ),
    Row(
        "get",
        "/api/dashboard/exports/{id}/download/",
        expect(403, anonymous=401, official=200, operator=404),
        setup=official_export,
    ),
    Row("get", "/api/dashboard/targets/", LEDGER_KEEPERS),
    Row("get", "/api/dashboard/targets/{id}/", LEDGER_KEEPERS, setup=first_policy_target),
    Row(
        "post",
        "/api/dashboard/targets/{id}/progress/",
        expect(403, anonymous=401, official=201, operator=201),
        setup=first_policy_target,
        body=lambda w, r: {"value": "1980", "as_of": "2026-09-30", "note": "省科技厅高企认定公示（第二批）"},
    ),
    # --- issue 15: computed targets, qualifications, consortia and the officials' marks ---
    Row("get", "/api/dashboard/targets/{id}/records/", LEDGER_KEEPERS, setup=computed_policy_target),
    Row("get", "/api/dashboard/qualifications/", LEDGER_KEEPERS, body=lambda w, r: {"year": 2026}),
    Row(
        "post",
        "/api/challenges/{id}/key-project/",
        expect(403, anonymous=401, official=200),
        setup=challenge_in(S.AWARDED),
        body=lambda w, r: {"key_project": True},
        note="the government's designation: not the owner, not the operator",
    ),
    Row("get", "/api/qualifications/", expect(200, anonymous=401), note="public announcements"),
    Row(
        "post",
        "/api/qualifications/",
        expect(403, anonymous=401, official=201, operator=201),
        body=lambda w, r: {
            "uscc": w.orgs["owner"].uscc,
            "name": w.orgs["owner"].name,
            "kind": "high_tech",
            "valid_from": "2025-12-01",
            "source": "2025年第一批高新技术企业认定名单",
        },
    ),
    Row(
        "post",
        "/api/qualifications/import/",
        expect(403, anonymous=401, official=415, operator=415),
        note="takes a multipart file: recorders get 415 here; uploads are tested in tests/backend/accounts/api",
    ),
    Row("get", "/api/consortia/", expect(200, anonymous=401)),
    Row(
        "post",
        "/api/consortia/",
        expect(403, anonymous=401, official=201, operator=201),
        body=lambda w, r: {
            "name": "动力电池材料创新联合体",
            "lead": w.orgs["owner"].pk,
            "established_on": "2026-03-01",
            "source": "备案",
        },
    ),
]

CASES = [
    pytest.param(row, role, id=f"{i:02d} {row.method.upper()} {row.path} as {role}")
    for i, row in enumerate(ROWS)
    for role in ROLES
]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_role_gets_the_expected_status(world, row: Row, role: str):
    world.ids = row.setup(world)
    url = row.path.format(**world.ids)

    response = getattr(world.client(role), row.method)(url, row.body(world, role), format="json")

    assert response.status_code == row.expected[role], response.content.decode()[:500]


def test_every_endpoint_is_in_the_matrix(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    covered = {(row.path, row.method) for row in ROWS} - {("/api/schema/", "get")}  # the schema omits itself

    assert operations - covered == set(), "add permission-matrix rows for these endpoints"
    assert covered - operations == set(), "these rows name endpoints that no longer exist"
