"""Importing the technology-market registry export: every row validated and reported, all or
nothing, idempotent."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from deals import services
from deals.models import Deal, DealEntry, DealImport, DealOrigin
from tests.backend.deals.files import csv_upload, row, xlsx_bytes, xlsx_upload
from tests.factories.accounts import OrganisationFactory, make_uscc
from tests.factories.deals import DealFactory, ledger_keeper
from tests.factories.marketplace import industry


def run(upload, django_capture_on_commit_callbacks) -> DealImport:
    with django_capture_on_commit_callbacks(execute=True):
        job = services.deals_import_start(by=ledger_keeper(), upload=upload)
    job.refresh_from_db()
    return job


@pytest.fixture
def importer(db, django_capture_on_commit_callbacks):
    return lambda upload: run(upload, django_capture_on_commit_callbacks)


def ledger_snapshot():
    return (
        Deal.objects.count(),
        DealEntry.objects.count(),
        sorted(Deal.objects.values_list("contract_number", "status", "technical_amount", "registered_on")),
    )


@pytest.mark.parametrize("make", [csv_upload, xlsx_upload], ids=["csv", "xlsx"])
def test_a_valid_export_creates_registered_contracts_with_one_ledger_entry_each(importer, make):
    job = importer(
        make([row(1), row(2, **{"认定登记日期": "", "认定登记编号": ""}), row(3, **{"产业链": "", "买方所在地区": ""})])
    )

    assert job.status == DealImport.Status.SUCCEEDED, job.errors
    assert (job.total_rows, job.created_count, job.registered_count, job.unchanged_count) == (3, 3, 0, 0)
    first = Deal.objects.get(contract_number="2026330522000001")
    assert (
        first.status == "registered"
        and first.registered_on == date(2026, 4, 2)
        and first.technical_amount == Decimal("1000000.00")
    )
    assert first.buyer_region == "changxing" and first.seller_region == "nantaihu" and first.industry == industry()
    assert first.origin == DealOrigin.OFFLINE and first.entries.get().import_job == job
    assert Deal.objects.get(contract_number="2026330522000002").status == "recorded"
    third = Deal.objects.get(contract_number="2026330522000003")
    assert third.industry is None and third.buyer_region == "changxing"  # from the USCC's division code 330522


def test_importing_the_same_file_twice_changes_nothing(importer):
    rows = [row(n) for n in range(1, 6)]
    importer(xlsx_upload(rows))
    before = ledger_snapshot()

    again = importer(xlsx_upload(rows))

    assert again.status == DealImport.Status.SUCCEEDED
    assert (again.created_count, again.registered_count, again.unchanged_count) == (0, 0, 5)
    assert ledger_snapshot() == before


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_applied(importer):
    DealFactory(contract_number="2026330522000009", contract_amount=Decimal("500000.00"), signed_on=date(2026, 3, 15))
    before = ledger_snapshot()
    rows = [
        row(1),
        row(2, **{"买方统一社会信用代码": "91330522MA2B7K3Q1X"}),  # row 3: bad check character
        row(3, **{"合同类型": "技术入股"}),  # row 4: unknown type
        row(4, **{"合同金额（元）": "-1200000"}),  # row 5: negative amount
        row(5, **{"技术交易额（元）": "1500000.00"}),  # row 6: technical > contract
        row(6, **{"签订日期": "2026-02-30"}),  # row 7: no such date
        row(7, **{"认定登记日期": "2026-03-01"}),  # row 8: registered before signed
        row(1, **{"合同金额（元）": "1300000.00"}),  # row 9: same number as row 2, other data
        row(9),  # row 10: in the ledger with other data
        row(10, **{"卖方所在地区": "苏州工业园区"}),  # row 11: unknown region
        row(11, **{"认定登记编号": ""}),  # row 12: registered without a number
        row(12, **{"签订日期": "明年春天"}),  # row 13: not a date
    ]

    job = importer(csv_upload(rows))

    assert job.status == DealImport.Status.FAILED and job.created_count == 0
    found = {(e["row"], e["column"]) for e in job.errors}
    assert found == {
        (3, "买方统一社会信用代码"),
        (4, "合同类型"),
        (5, "合同金额（元）"),
        (6, "技术交易额（元）"),
        (7, "签订日期"),
        (8, "认定登记日期"),
        (9, "合同编号"),
        (10, "合同编号"),
        (11, "卖方所在地区"),
        (12, "认定登记编号"),
        (13, "签订日期"),
    }
    messages = {e["row"]: e["message"] for e in job.errors}
    assert "校验位" in messages[3] and "负数" in messages[5] and "不能大于合同金额" in messages[6]
    assert "第2行" in messages[9] and "数据不同" in messages[10]
    assert job.error_count == 11 and "未写入任何数据" in job.message
    assert ledger_snapshot() == before  # row 2 was valid, but nothing is applied


def test_the_report_speaks_english_when_the_upload_was_made_in_english(importer):
    from django.utils import translation

    with translation.override("en"):
        job = importer(csv_upload([row(1, **{"合同类型": "技术入股"})]))

    assert job.status == DealImport.Status.FAILED
    assert job.errors[0]["message"].startswith("Unknown contract type")


def test_a_contract_recorded_on_the_platform_is_registered_by_the_import(importer):
    from tests.factories.accounts import OrganisationFactory

    buyer = OrganisationFactory(
        name="长兴新能动力电池材料有限公司", uscc=make_uscc(300_001, prefix="91330522"), region="changxing"
    )
    recorded = DealFactory(
        contract_number="2026330522000001",
        buyer_name=buyer.name,
        buyer_uscc=buyer.uscc,
        seller_uscc=make_uscc(7, prefix="12330500"),
        contract_amount=Decimal("1200000.00"),
        technical_amount=Decimal("1000000.00"),
        signed_on=date(2026, 3, 15),
    )
    assert recorded.buyer_organisation == buyer  # typed-in USCC linked to the platform organisation

    job = importer(csv_upload([row(1), row(2)]))

    assert (job.created_count, job.registered_count) == (1, 1), job.errors
    recorded.refresh_from_db()
    assert recorded.status == "registered" and recorded.registration_number == "330522-2026-00001"
    assert list(recorded.entries.values_list("kind", flat=True)) == ["record", "register"]


def test_a_row_that_contradicts_a_registered_contract_is_refused(importer):
    importer(csv_upload([row(1)]))

    job = importer(csv_upload([row(1, **{"技术交易额（元）": "900000.00"})]))

    assert job.status == DealImport.Status.FAILED
    assert "技术交易额（元）" in job.errors[0]["message"]


def test_new_rows_link_parties_to_platform_organisations_by_uscc(importer):
    institute = OrganisationFactory(
        kind="institute", name="南太湖先进材料研究院", uscc=make_uscc(7, prefix="12330500"), region="nantaihu"
    )

    importer(csv_upload([row(1)]))

    assert Deal.objects.get().seller_organisation == institute


def test_a_gb18030_csv_saved_by_excel_is_read(importer):
    job = importer(csv_upload([row(1)], encoding="gb18030"))

    assert (
        job.status == DealImport.Status.SUCCEEDED and Deal.objects.get().buyer_name == "长兴第1新能源电池材料有限公司"
    )


def test_a_file_without_the_required_columns_fails_as_a_whole(importer):
    job = importer(csv_upload([{"合同编号": "1"}], header=["合同编号", "金额"]))

    assert job.status == DealImport.Status.FAILED and "缺少必填列" in job.message and Deal.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("合同.pdf", b"%PDF-1.7", "只支持"),
        ("合同.xlsx", b"not a zip at all", "不是 Excel"),
        ("合同.csv", b"PK\x03\x04\x00\x00binary", "不是文本"),
        ("合同.csv", b"", "空的"),
    ],
)
def test_uploads_of_the_wrong_type_are_refused_before_anything_is_stored(db, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.deals_import_start(by=ledger_keeper(), upload=SimpleUploadedFile(name, content))

    assert message in str(error.value.message_dict["file"]) and DealImport.objects.count() == 0


def test_an_xlsx_bomb_is_refused_without_being_inflated(db):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr(
            "xl/worksheets/sheet1.xml", b"<" + b"0" * (450 * 1024 * 1024) + b"/>"
        )  # 450 MB of zeros, ~0.5 MB zipped

    with pytest.raises(ValidationError) as error:
        services.deals_import_start(by=ledger_keeper(), upload=SimpleUploadedFile("登记导出.xlsx", archive.getvalue()))

    assert "解压后超过" in str(error.value.message_dict["file"])


def test_an_xlsx_with_an_xml_entity_declaration_is_refused(db):
    data = io.BytesIO(xlsx_bytes([row(1)]))
    patched = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = content.split(b"?>", 1)[-1]
                content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + body
            target.writestr(item, content)

    with pytest.raises(ValidationError):
        services.deals_import_start(by=ledger_keeper(), upload=SimpleUploadedFile("登记导出.xlsx", patched.getvalue()))


def test_an_oversized_upload_is_refused(db, settings):
    settings.DEALS_IMPORT_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        services.deals_import_start(by=ledger_keeper(), upload=csv_upload([row(n) for n in range(1, 20)]))

    assert "上限" in str(error.value.message_dict["file"])


def test_only_ledger_keepers_import(db):
    from core.exceptions import ApplicationError
    from tests.factories.accounts import UserFactory

    with pytest.raises(ApplicationError) as error:
        services.deals_import_start(by=UserFactory(), upload=csv_upload([row(1)]))
    assert error.value.status_code == 403


def test_running_a_finished_job_again_changes_nothing(importer):
    job = importer(csv_upload([row(1)]))
    before = ledger_snapshot()

    assert services.deals_import_run(job_id=job.pk).status == DealImport.Status.SUCCEEDED
    assert ledger_snapshot() == before


def test_an_imported_contracts_ledger_entry_holds_exactly_its_state(importer):
    from deals.models import STATE_ATTNAMES
    from tests.backend.deals.helpers import frozen, moment

    with frozen(moment(2026, 5, 6, 9)):
        job = importer(xlsx_upload([row(1), row(2, **{"认定登记日期": "", "认定登记编号": ""})]))

    for deal in Deal.objects.all():
        entry = deal.entries.get()
        assert {a: getattr(entry, a) for a in STATE_ATTNAMES} == {a: getattr(deal, a) for a in STATE_ATTNAMES}
        assert (entry.kind, entry.by, entry.import_job, entry.changes) == ("record", ledger_keeper(), job, {})
        assert entry.at == moment(2026, 5, 6, 9) and "技术合同登记导出.xlsx" in entry.reason


def test_a_file_with_an_encoding_error_late_in_the_file_fails_as_a_whole(importer):
    good = csv_upload([row(n) for n in range(1, 3)]).read()
    broken = SimpleUploadedFile("登记导出.csv", good + "2026330522000099,坏行".encode() + b"\xff\xfe\xfa\n")

    job = importer(broken)

    assert job.status == DealImport.Status.FAILED and "编码" in job.message and Deal.objects.count() == 0


def test_an_import_queued_while_the_broker_was_down_is_sent_again_and_applied_once(
    db, django_capture_on_commit_callbacks, monkeypatch
):
    from datetime import timedelta

    from django.utils import timezone

    from deals.tasks import deals_import_task

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("redis is down")

    monkeypatch.setattr(deals_import_task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        job = services.deals_import_start(
            by=ledger_keeper(), upload=csv_upload([row(1), row(2)])
        )  # no error for the uploader
    job.refresh_from_db()
    assert job.status == DealImport.Status.PENDING and Deal.objects.count() == 0

    sent = []
    monkeypatch.setattr(deals_import_task, "delay", lambda job_id: sent.append(job_id))
    assert services.deals_imports_resume() == 0  # queued less than a minute ago: the first send may still arrive
    DealImport.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    assert services.deals_imports_resume() == 1 and sent == [job.pk]

    assert services.deals_import_run(job_id=job.pk).status == DealImport.Status.SUCCEEDED
    assert services.deals_import_run(job_id=job.pk).status == DealImport.Status.SUCCEEDED  # a second delivery
    assert Deal.objects.count() == 2 and DealEntry.objects.count() == 2


def test_an_import_whose_worker_died_is_taken_over_only_once_it_is_stale(importer):
    from datetime import timedelta

    from django.utils import timezone

    job = importer(csv_upload([row(1)]))
    DealImport.objects.filter(pk=job.pk).update(status=DealImport.Status.APPLYING)  # as a killed worker left it
    assert (
        services.deals_import_run(job_id=job.pk).status == DealImport.Status.APPLYING
    )  # maybe still running: left alone

    DealImport.objects.filter(pk=job.pk).update(
        updated_at=timezone.now() - services.STALE_IMPORT - timedelta(seconds=1)
    )
    rerun = services.deals_import_run(job_id=job.pk)

    assert rerun.status == DealImport.Status.SUCCEEDED and rerun.unchanged_count == 1 and Deal.objects.count() == 1


@pytest.mark.parametrize(
    "amount",
    ["1e309", "1E+999999999", "9" * 40, "NaN", "sNaN", "inf", "-inf", "-Infinity", "١٢٣", "1_000", "0x10", "²"],
)
def test_an_amount_that_is_no_number_is_a_row_error_not_an_internal_one(importer, amount):
    # "1e309" used to pass Decimal() and then raise InvalidOperation when rounded to cents: the
    # whole import stopped with "An internal error stopped the import".
    job = importer(csv_upload([row(1), row(2, **{"合同金额（元）": amount})]))

    assert job.status == DealImport.Status.FAILED, job.message
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "合同金额（元）")]
    assert "内部错误" not in job.message and Deal.objects.count() == 0


def test_full_width_amounts_typed_with_a_chinese_ime_are_read_as_numbers(importer):
    job = importer(
        csv_upload([row(1, **{"合同金额（元）": "１２０００００．００", "技术交易额（元）": "１，０００，０００元"})])
    )

    assert job.status == DealImport.Status.SUCCEEDED, job.errors
    deal = Deal.objects.get()
    assert (deal.contract_amount, deal.technical_amount) == (Decimal("1200000.00"), Decimal("1000000.00"))
