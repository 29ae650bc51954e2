"""The ledger over HTTP: recording from an award, visibility per role, registration and
corrections, imports with progress and per-row reports, the template, the counting rules."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from deals.imports import COLUMNS
from deals.models import Deal, DealImport
from deals.services import Party, deal_record
from marketplace import services as marketplace
from marketplace.models import Challenge
from tests.backend.deals.files import csv_upload, row, xlsx_upload
from tests.factories.accounts import OrganisationFactory, make_uscc
from tests.factories.deals import DealFactory, ledger_keeper
from tests.factories.marketplace import BidFactory, ChallengeFactory


@pytest.fixture
def awarded(world) -> Challenge:
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.CLOSED,
        title="矿山边坡毫米级形变监测",
    )
    bid = BidFactory(
        challenge=challenge,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        price=Decimal("1900000.00"),
    )
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[bid.pk])
    return challenge


def between(world, number: str, buyer="owner", seller="institute", **kw) -> Deal:
    return deal_record(
        by=ledger_keeper(),
        contract_number=number,
        title="北斗形变监测系统技术开发合同",
        contract_type="development",
        contract_amount=Decimal("1900000.00"),
        signed_on=date(2026, 9, 1),
        buyer=Party.of(world.orgs[buyer]),
        seller=Party.of(world.orgs[seller]),
        **kw,
    )


def test_the_challenge_owner_records_the_contract_of_its_award(world, awarded):
    response = world.client("owner").post(
        "/api/deals/",
        {
            "contract_number": "2026330521000045",
            "origin": "challenge",
            "challenge": awarded.pk,
            "signed_on": "2026-10-12",
            "technical_amount": "1750000.00",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        body["buyer"]["organisation"] == world.orgs["owner"].pk
        and body["seller"]["organisation"] == world.orgs["institute"].pk
    )
    assert (body["contract_amount"], body["technical_amount"], body["status"]) == (
        "1900000.00",
        "1750000.00",
        "recorded",
    )
    assert body["title"] == "矿山边坡毫米级形变监测" and body["origin_challenge"] == awarded.pk
    assert [e["kind"] for e in body["entries"]] == ["record"] and body["entries"][0]["by"] == "owner"


def test_parties_see_their_contracts_and_keepers_see_all(world):
    mine = between(world, "V-1")
    theirs = between(world, "V-2", buyer="other_enterprise")
    newcomer_uscc = make_uscc(77, prefix="91330503")
    later = deal_record(
        by=ledger_keeper(),
        contract_number="V-3",
        title="合金棒材无损检测技术服务合同",
        contract_type="service",
        contract_amount=Decimal("260000.00"),
        signed_on=date(2026, 9, 3),
        buyer=Party(name="南浔某特种合金有限公司", uscc=newcomer_uscc, region="nanxun"),
        seller=Party.of(world.orgs["institute"]),
    )
    newcomer = OrganisationFactory(
        name="南浔某特种合金有限公司", uscc=newcomer_uscc, region="nanxun"
    )  # joins the platform afterwards
    from tests.factories.accounts import UserFactory

    newcomer_user = UserFactory(organisation=newcomer, username="nanxun-alloy")

    def numbers(client):
        return sorted(d["contract_number"] for d in client.get("/api/deals/").json()["results"])

    assert numbers(world.client("owner")) == ["V-1"]
    assert numbers(world.client("institute")) == ["V-1", "V-2", "V-3"]
    assert numbers(world.client("other_enterprise")) == ["V-2"]
    assert numbers(world.client("official")) == numbers(world.client("operator")) == ["V-1", "V-2", "V-3"]
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(newcomer_user)
    assert numbers(client) == ["V-3"]  # matched by USCC
    assert world.client("other_enterprise").get(f"/api/deals/{mine.pk}/").status_code == 404
    assert theirs.pk and later.pk


def test_the_ledger_list_filters(world):
    registered = between(world, "F-1", industry=None)
    from deals.services import deal_register

    deal_register(deal=registered, by=ledger_keeper(), registration_number="R-F-1", registered_on=date(2026, 9, 20))
    between(world, "F-2", buyer="other_enterprise")
    client = world.client("official")

    def numbers(**params):
        return sorted(d["contract_number"] for d in client.get("/api/deals/", params).json()["results"])

    assert numbers(status="registered") == ["F-1"]
    assert numbers(region="deqing") == ["F-2"]
    assert numbers(q="北斗") == ["F-1", "F-2"]
    assert numbers(registered_year=2026) == ["F-1"]
    assert numbers(organisation=world.orgs["other_enterprise"].pk) == ["F-2"]
    assert client.get("/api/deals/", {"status": "lost"}).status_code == 400


def test_registration_amendment_and_void_through_the_api(world):
    deal = between(world, "L-1")
    client = world.client("official")

    registered = client.post(
        f"/api/deals/{deal.pk}/register/",
        {
            "registration_number": "330521-2026-0045",
            "registered_on": "2026-10-20",
            "reason": "经技术市场审核，符合认定条件",
        },
        format="json",
    )
    again = client.post(
        f"/api/deals/{deal.pk}/register/",
        {"registration_number": "330521-2026-0046", "registered_on": "2026-10-21", "reason": "重复登记"},
        format="json",
    )
    amended = client.post(
        f"/api/deals/{deal.pk}/amend/", {"technical_amount": "1600000.00", "reason": "核减设备费"}, format="json"
    )
    voided = client.post(f"/api/deals/{deal.pk}/void/", {"reason": "双方解除合同"}, format="json")
    void_again = client.post(f"/api/deals/{deal.pk}/void/", {"reason": "再次作废"}, format="json")

    assert registered.status_code == 200 and registered.json()["status"] == "registered"
    assert again.status_code == 409 and again.json()["code"] == "conflict"
    assert amended.status_code == 200 and amended.json()["entries"][-1]["changes"] == {
        "technical_amount": ["1900000.00", "1600000.00"]
    }
    assert voided.status_code == 200 and void_again.status_code == 409
    entries = voided.json()["entries"]
    assert [e["kind"] for e in entries] == ["record", "register", "amend", "void"]
    assert entries[1]["reason"] == "经技术市场审核，符合认定条件"

    reversed_ = client.post(
        f"/api/deals/{deal.pk}/reverse/", {"entry": entries[-1]["id"], "reason": "作废有误"}, format="json"
    )
    assert reversed_.status_code == 200 and reversed_.json()["status"] == "registered"
    assert (
        client.post(
            f"/api/deals/{deal.pk}/reverse/", {"entry": entries[0]["id"], "reason": "x"}, format="json"
        ).status_code
        == 409
    )


@pytest.mark.parametrize("reason", [None, "", "   "], ids=["missing", "empty", "blank"])
def test_a_registration_without_a_reason_is_refused_and_changes_nothing(world, reason):
    # docs/deals-and-dashboard.md: officials register, amend, void or reverse "always with a reason"; registration
    # used to accept none and record a generic "认定登记".
    deal = between(world, "N-1")
    body = {"registration_number": "330521-2026-0101", "registered_on": "2026-10-20"}
    if reason is not None:
        body["reason"] = reason

    response = world.client("official").post(f"/api/deals/{deal.pk}/register/", body, format="json")

    assert response.status_code == 400 and list(response.json()["fields"]) == ["reason"]
    deal.refresh_from_db()
    assert deal.status == "recorded" and deal.entries.count() == 1


def test_a_correction_of_the_chain_or_a_party_reads_as_names_in_the_ledger(world):
    from marketplace.models import IndustryChain

    deal = between(world, "N-1")
    chain = IndustryChain.objects.exclude(pk=deal.industry_id).first()
    client = world.client("official")

    body = client.post(
        f"/api/deals/{deal.pk}/amend/", {"industry": chain.code, "reason": "产业链归类更正"}, format="json"
    ).json()

    before = IndustryChain.objects.get(pk=deal.industry_id).name if deal.industry_id else None
    assert body["entries"][-1]["changes"] == {"industry_id": [before, chain.name]}


def test_nothing_can_be_deleted_over_http(world):
    deal = between(world, "X-1")

    assert world.client("operator").delete(f"/api/deals/{deal.pk}/").status_code == 405
    assert Deal.objects.filter(pk=deal.pk).exists()


def test_errors_are_chinese_by_default_and_english_on_request(world):
    deal = between(world, "E-1")
    client = world.client("official")
    body = {"registration_number": "R", "registered_on": "2026-08-01", "reason": "审核通过"}  # before the signing date

    chinese = client.post(f"/api/deals/{deal.pk}/register/", body, format="json").json()
    english = client.post(f"/api/deals/{deal.pk}/register/", body, format="json", HTTP_ACCEPT_LANGUAGE="en").json()

    assert chinese["fields"]["registered_on"] == ["认定登记日期不能早于签订日期"]
    assert english["fields"]["registered_on"] == ["The registration date cannot be earlier than the signing date"]


def test_an_import_over_http_reports_progress_and_its_result(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("operator").post(
            "/api/deals/import/", {"file": xlsx_upload([row(1), row(2), row(3)])}, format="multipart"
        )

    assert response.status_code == 202 and response.json()["status"] == "pending"
    job = world.client("official").get(f"/api/deals/imports/{response.json()['id']}/").json()
    assert (job["status"], job["total_rows"], job["processed_rows"], job["progress"], job["created_count"]) == (
        "succeeded",
        3,
        3,
        1.0,
        3,
    )
    assert "新增3份" in job["message"]
    assert [j["id"] for j in world.client("operator").get("/api/deals/imports/").json()["results"]] == [job["id"]]


def test_an_import_with_bad_rows_reports_them_and_writes_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("official").post(
            "/api/deals/import/",
            {
                "file": csv_upload(
                    [row(1), row(2, **{"技术交易额（元）": "2000000"}), row(3, **{"合同类型": "技术入股"})]
                )
            },
            format="multipart",
        )

    job = world.client("official").get(f"/api/deals/imports/{response.json()['id']}/").json()
    assert job["status"] == "failed" and job["error_count"] == 2 and Deal.objects.count() == 0
    assert [(e["row"], e["column"]) for e in job["errors"]] == [(3, "技术交易额（元）"), (4, "合同类型")]


def test_a_bad_upload_is_a_400_naming_the_file_field(world):
    response = world.client("operator").post(
        "/api/deals/import/", {"file": SimpleUploadedFile("合同.docx", b"PK\x03\x04...")}, format="multipart"
    )
    missing = world.client("operator").post("/api/deals/import/", {}, format="multipart")

    assert response.status_code == 400 and "file" in response.json()["fields"]
    assert missing.status_code == 400 and "file" in missing.json()["fields"]


@pytest.mark.parametrize("role", ["owner", "institute"])
def test_enterprises_and_institutes_cannot_import(world, role):
    response = world.client(role).post("/api/deals/import/", {"file": csv_upload([row(1)])}, format="multipart")

    assert response.status_code == 403 and DealImport.objects.count() == 0


def test_the_template_downloads_as_xlsx_with_a_guide_and_as_csv(world):
    client = world.client("owner")

    xlsx = client.get("/api/deals/import-template/")
    as_csv = client.get("/api/deals/import-template/", {"file_format": "csv"})

    assert (
        xlsx.status_code == 200
        and "attachment" in xlsx["Content-Disposition"]
        and "spreadsheetml" in xlsx["Content-Type"]
    )
    workbook = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert workbook.sheetnames == ["技术合同", "填写说明"]
    header, example = list(workbook["技术合同"].iter_rows(values_only=True))
    assert list(header) == [c.header for c in COLUMNS] and example[0] == "2026330502000123"
    assert as_csv.content.decode("utf-8-sig").splitlines()[0].split(",") == [c.header for c in COLUMNS]


def test_the_template_example_imports_cleanly(world, django_capture_on_commit_callbacks):
    content = world.client("operator").get("/api/deals/import-template/").content

    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("operator").post(
            "/api/deals/import/", {"file": SimpleUploadedFile("模板.xlsx", content)}, format="multipart"
        )

    job = world.client("operator").get(f"/api/deals/imports/{response.json()['id']}/").json()
    assert job["status"] == "succeeded" and job["created_count"] == 1, job["errors"]


def test_the_counting_rules_are_public_and_versioned_by_the_operator(world):
    anonymous = world.client("anonymous")
    years = [r["year"] for r in anonymous.get("/api/deals/counting-rules/").json()]
    assert years == [2024, 2025, 2026, 2027]

    response = world.client("operator").post(
        "/api/deals/counting-rules/",
        {
            "year": 2026,
            "target_amount": "18000000000.00",
            "statuses": ["registered"],
            "date_field": "registered_on",
            "amount_field": "technical_amount",
            "require_huzhou_party": True,
            "reason": "市政府工作报告上调目标",
        },
        format="json",
    )

    assert (
        response.status_code == 201
        and response.json()["version"] == 2
        and "18,000,000,000.00元" in response.json()["text_zh"]
    )
    detail = anonymous.get("/api/deals/counting-rules/2026/").json()
    assert [h["version"] for h in detail["history"]] == [2, 1] and detail["target_amount"] == "18000000000.00"
    assert anonymous.get("/api/deals/counting-rules/2031/").status_code == 404
    summary = world.client("official").get("/api/dashboard/summary/", {"year": 2026}).json()
    assert summary["target_amount"] == "18000000000.00" and summary["rule"]["version"] == 2


def test_a_deal_between_two_outsiders_is_listed_but_never_counted(world):
    keeper = ledger_keeper()
    DealFactory(
        contract_number="O-1",
        buyer_region="outside",
        buyer_uscc=make_uscc(5, prefix="91310000"),
        seller_region="outside",
        seller_uscc=make_uscc(6, prefix="12330100"),
        signed_on=date(2026, 5, 1),
        registered_on=date(2026, 5, 20),
        by=keeper,
    )

    assert world.client("official").get("/api/deals/").json()["count"] == 1
    assert world.client("official").get("/api/dashboard/summary/", {"year": 2026}).json()["counted_deals"] == 0


def test_an_upload_announced_as_too_big_is_refused_before_it_is_read(world, settings):
    settings.DEALS_IMPORT_MAX_BYTES = 1024

    response = world.client("operator").post(
        "/api/deals/import/", {"file": csv_upload([row(n) for n in range(1, 400)])}, format="multipart"
    )

    assert (
        response.status_code == 400
        and "上限" in response.json()["fields"]["file"][0]
        and DealImport.objects.count() == 0
    )
