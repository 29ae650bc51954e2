"""The registry import is the one upload: checked before anything is stored, over HTTP, with the
limits from settings (DEALS_IMPORT_*). Size, a type that the content confirms, zip bombs, XML
entity declarations and too many rows are each a 400 on `file` with a message, and no job."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from deals.models import DealImport
from tests.backend.deals.files import HEADER, csv_upload, row, xlsx_bytes, xlsx_upload


def upload(world, file, role: str = "operator"):
    return world.client(role).post("/api/deals/import/", {"file": file}, format="multipart")


def refused(response, message: str) -> bool:
    return (
        response.status_code == 400
        and message in response.json()["fields"]["file"][0]
        and DealImport.objects.count() == 0
    )


def rewritten(data: bytes, change) -> bytes:
    """The same workbook with `change(name, content) -> content` applied to each part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item)))
    return out.getvalue()


# --- size and type ---------------------------------------------------------------------------


def test_the_size_limit_comes_from_settings(world, settings):
    settings.DEALS_IMPORT_MAX_BYTES = 2 * 1024 * 1024
    big = csv_upload([row(n, 合同名称="高镍正极材料包覆改性技术开发合同" * 40) for n in range(1, 2000)])

    assert big.size > settings.DEALS_IMPORT_MAX_BYTES
    assert refused(upload(world, big), "文件超过2MB上限")


def test_a_file_within_the_limit_is_accepted(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(world, csv_upload([row(1), row(2)]))

    assert response.status_code == 202


def test_a_malformed_content_length_is_not_a_500(world):
    response = world.client("operator").generic(
        "POST",
        "/api/deals/import/",
        b"--x--",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="not-a-number",
    )

    assert response.status_code < 500


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("合同.exe", b"MZ\x90\x00", "只支持"),
        ("合同.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "只支持"),  # old binary Excel
        ("合同.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "不是 Excel"),  # renamed .xls
        ("合同.xlsx", "合同编号,合同名称\n1,2\n".encode(), "不是 Excel"),  # renamed .csv
        ("合同.csv", b"PK\x03\x04" + b"\x00" * 64, "不是文本"),  # renamed .xlsx
        ("合同.csv", "合同编号".encode("utf-16"), "无法识别文件编码"),  # Excel's "Unicode text"
        ("合同.csv", "contract".encode("utf-16-le"), "不是文本"),  # NUL bytes
        ("合同.csv.exe", b"a,b\n", "只支持"),
        ("合同", b"a,b\n", "只支持"),
    ],
)
def test_the_content_must_be_what_the_name_says(world, name, content, message):
    assert refused(upload(world, SimpleUploadedFile(name, content)), message)


def test_a_zip_that_is_not_a_workbook_is_refused(world):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "hello")

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", archive.getvalue())), "不是 Excel")


def test_a_damaged_workbook_is_refused(world):
    data = xlsx_bytes([row(1)])
    damaged = data[: len(data) // 2]

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", damaged)), "损坏")


# --- XLSX bombs and XML entities ---------------------------------------------------------------


def test_a_workbook_that_would_inflate_beyond_the_limit_is_refused_unread(world, settings):
    settings.DEALS_IMPORT_MAX_XLSX_UNCOMPRESSED = 4 * 1024 * 1024
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"<" + b"0" * (8 * 1024 * 1024) + b"/>")

    assert len(archive.getvalue()) < 100 * 1024  # the ratio of a bomb
    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", archive.getvalue())), "解压后超过4MB")


def test_a_workbook_with_too_many_parts_is_refused(world):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for n in range(250):
            z.writestr(f"xl/media/image{n}.png", b"x")

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", archive.getvalue())), "部件过多")


def test_billion_laughs_is_refused(world):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10)
        )
        + b"]>"
    )
    data = rewritten(
        xlsx_bytes([row(1)]),
        lambda name, content: laughs + content.split(b"?>", 1)[-1] if name == "xl/worksheets/sheet1.xml" else content,
    )

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", data)), "不允许的 XML 声明")


def test_a_doctype_hidden_behind_a_long_comment_is_found(world):
    hidden = b'<?xml version="1.0"?><!--' + b" " * 20_000 + b'--><!doctype x [<!ENTITY a "b">]>'
    data = rewritten(
        xlsx_bytes([row(1)]),
        lambda name, content: (
            hidden + content.split(b"?>", 1)[-1]
            if name == "xl/sharedStrings.xml" or name == "xl/workbook.xml"
            else content
        ),
    )

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", data)), "不允许的 XML 声明")


def test_openpyxl_reads_uploads_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


# --- rows ------------------------------------------------------------------------------------


@pytest.fixture
def five_rows(settings):
    settings.DEALS_IMPORT_MAX_ROWS = 5
    return settings


def test_a_csv_with_more_rows_than_allowed_is_refused_at_once(world, five_rows):
    assert refused(upload(world, csv_upload([row(n) for n in range(1, 7)])), "超过5行")


def test_a_csv_with_as_many_rows_as_allowed_is_accepted(world, five_rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(world, csv_upload([row(n) for n in range(1, 6)])).status_code == 202


def test_line_breaks_inside_cells_are_not_rows(world, five_rows, django_capture_on_commit_callbacks):
    rows = [row(n, 合同名称="高镍正极材料\n包覆改性\n技术开发合同") for n in range(1, 6)]  # 15 lines, 5 rows

    with django_capture_on_commit_callbacks(execute=True):
        assert upload(world, csv_upload(rows)).status_code == 202


def test_an_xlsx_with_more_rows_than_allowed_is_refused_at_once(world, five_rows):
    assert refused(upload(world, xlsx_upload([row(n) for n in range(1, 7)])), "超过5行")


def test_an_xlsx_with_as_many_rows_as_allowed_is_accepted(world, five_rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(world, xlsx_upload([row(n) for n in range(1, 6)])).status_code == 202


def test_styled_empty_rows_do_not_count(world, five_rows, django_capture_on_commit_callbacks):
    """Excel writes a row element for every formatted cell; the import skips rows without values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for n in range(1, 6):
        sheet.append([row(n).get(h, "") for h in HEADER])
    for r in range(7, 40):
        sheet.cell(row=r, column=1).font = Font(bold=True)
    out = io.BytesIO()
    workbook.save(out)
    assert zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").count(b"<row") > 30

    with django_capture_on_commit_callbacks(execute=True):
        assert upload(world, SimpleUploadedFile("合同.xlsx", out.getvalue())).status_code == 202


def test_rows_with_a_namespace_prefix_are_counted(world, five_rows):
    def prefixed(name: str, content: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return content
        return (
            content.replace(
                b"<worksheet ", b"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            )
            .replace(b"<row", b"<x:row")
            .replace(b"</row>", b"</x:row>")
        )

    data = rewritten(xlsx_bytes([row(n) for n in range(1, 7)]), prefixed)

    assert refused(upload(world, SimpleUploadedFile("合同.xlsx", data)), "超过5行")


def test_only_ledger_keepers_may_upload_at_all(world):
    for role in ("anonymous", "owner", "institute"):
        assert upload(world, csv_upload([row(1)]), role=role).status_code in (401, 403)
    assert DealImport.objects.count() == 0
