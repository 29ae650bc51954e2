"""Registry export files for the import tests, in realistic Chinese."""

import csv
import io
from collections.abc import Sequence

from django.core.files.uploadedfile import SimpleUploadedFile

from deals.imports import COLUMNS
from tests.factories.accounts import make_uscc

HEADER = [c.header for c in COLUMNS]


def row(n: int, **overrides) -> dict[str, str]:
    """A valid row: a Changxing battery maker buys a development contract from a Nantaihu institute."""
    values = {
        "合同编号": f"2026330522{n:06d}",
        "合同名称": f"高镍正极材料包覆改性技术开发合同（第{n}期）",
        "合同类型": "技术开发",
        "买方名称": f"长兴第{n}新能源电池材料有限公司",
        "买方统一社会信用代码": make_uscc(300_000 + n, prefix="91330522"),
        "买方所在地区": "长兴县",
        "卖方名称": "南太湖先进材料研究院",
        "卖方统一社会信用代码": make_uscc(7, prefix="12330500"),
        "卖方所在地区": "南太湖新区",
        "合同金额（元）": "1200000.00",
        "技术交易额（元）": "1000000.00",
        "签订日期": "2026-03-15",
        "认定登记日期": "2026-04-02",
        "认定登记编号": f"330522-2026-{n:05d}",
        "产业链": "新能源汽车",
        "登记机构": "",
    }
    return {**values, **overrides}


def csv_upload(
    rows: Sequence[dict],
    *,
    name: str = "技术合同登记导出.csv",
    encoding: str = "utf-8-sig",
    header: Sequence[str] = HEADER,
) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for values in rows:
        writer.writerow([values.get(h, "") for h in header])
    return SimpleUploadedFile(name, out.getvalue().encode(encoding), content_type="text/csv")


def xlsx_bytes(rows: Sequence[dict], header: Sequence[str] = HEADER) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for values in rows:
        sheet.append([values.get(h, "") for h in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_upload(rows: Sequence[dict], *, name: str = "技术合同登记导出.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, xlsx_bytes(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
