"""Spreadsheets out: the import template and exports of ledger rows. An export uses the import's
columns first (plus a few read-only ones the import ignores), so an exported file re-imports as a
no-op. Rows are read through deals.selectors.ledger_for and shown through `disclosed`, like every
other output of contracts."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO

from accounts.models import Region
from deals.imports import COLUMNS
from deals.models import ContractType, DealOrigin, DealStatus, HuzhouParties
from deals.selectors import disclosed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
CONTENT_TYPES = {"xlsx": XLSX, "csv": CSV}


@dataclass(frozen=True)
class OutColumn:
    header: str
    value: Callable[[Any], Any]
    width: int = 16


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else (value or "")


LEDGER_COLUMNS = [
    OutColumn("合同编号", lambda d: d.contract_number, 20),
    OutColumn("合同名称", lambda d: disclosed(d).title, 36),  # rows read through deals.selectors.ledger_for
    OutColumn("合同类型", lambda d: _label(ContractType, d.contract_type), 10),
    OutColumn("买方名称", lambda d: d.buyer_name, 30),
    OutColumn("买方统一社会信用代码", lambda d: d.buyer_uscc, 22),
    OutColumn("买方所在地区", lambda d: _label(Region, d.buyer_region), 14),
    OutColumn("买方所在省份", lambda d: d.buyer_province, 12),
    OutColumn("买方所在城市", lambda d: d.buyer_city, 12),
    OutColumn("卖方名称", lambda d: d.seller_name, 30),
    OutColumn("卖方统一社会信用代码", lambda d: d.seller_uscc, 22),
    OutColumn("卖方所在地区", lambda d: _label(Region, d.seller_region), 14),
    OutColumn("卖方所在省份", lambda d: d.seller_province, 12),
    OutColumn("卖方所在城市", lambda d: d.seller_city, 12),
    OutColumn("合同金额（元）", lambda d: d.contract_amount, 16),
    OutColumn("技术交易额（元）", lambda d: d.technical_amount, 16),
    OutColumn("签订日期", lambda d: d.signed_on, 12),
    OutColumn("认定登记日期", lambda d: d.registered_on, 12),
    OutColumn("认定登记编号", lambda d: d.registration_number, 18),
    OutColumn("产业链", lambda d: d.industry.name if d.industry_id else "", 12),
    OutColumn("登记机构", lambda d: d.registry, 16),
    OutColumn("状态", lambda d: _label(DealStatus, d.status), 10),
    OutColumn("来源", lambda d: _label(DealOrigin, d.origin), 14),
]
COUNTED_COLUMNS = LEDGER_COLUMNS + [
    OutColumn("区县归属", lambda d: _label(Region, d.district), 14),
    OutColumn("流向", lambda d: _label(HuzhouParties, d.huzhou_parties), 18),
    OutColumn("计入日期", lambda d: d.counted_on, 12),
    OutColumn("计入金额（元）", lambda d: d.counted_amount, 16),
    OutColumn("台账ID", lambda d: d.deal_ref, 10),
]
assert [c.header for c in LEDGER_COLUMNS[: len(COLUMNS)]] == [c.header for c in COLUMNS], "exports must re-import"

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # A name beginning with "=" must not become a formula when the file is opened in Excel.
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


def write_csv(out: BinaryIO, header: list[str], rows: Iterable[list[Any]]) -> None:
    """Rows as UTF-8 CSV into a binary file, encoded as they are written (a whole year's export
    holds hundreds of thousands of rows: never all of them as one str)."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")  # the BOM tells Excel it is UTF-8
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    text.flush()
    text.detach()  # `out` stays open for the caller


def csv_bytes(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    out = io.BytesIO()
    write_csv(out, header, rows)
    return out.getvalue()


def write_xlsx(out: BinaryIO, sheets: list[tuple[str, list[str], Iterable[list[Any]], list[int]]]) -> None:
    """Sheets of (title, header, rows, column widths), streamed row by row into a binary file.
    Written with XlsxWriter (openpyxl reads the imports): tests/benchmarks/bench_deals_import.py
    exported 62,475 counted contracts in 29 s with openpyxl's write-only mode and 2.6 times faster
    with this. In constant-memory mode the rows wait in temporary files, not in memory."""
    import xlsxwriter

    # Every string is written as a string: a name beginning with "=" never becomes a formula.
    workbook = xlsxwriter.Workbook(
        out,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    bold = workbook.add_format({"bold": True})
    money = workbook.add_format({"num_format": "#,##0.00"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for title, header, rows, widths in sheets:
        sheet = workbook.add_worksheet(title)
        for index, width in enumerate(widths):
            sheet.set_column(index, index, width)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, header, bold)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif isinstance(value, Decimal):
                    sheet.write_number(r, c, float(value), money)  # cents are exact in a double up to 90万亿
                elif isinstance(value, date):
                    sheet.write_datetime(r, c, value, day)
                else:
                    sheet.write_number(r, c, value)
    workbook.close()


def xlsx_bytes(sheets: list[tuple[str, list[str], Iterable[list[Any]], list[int]]]) -> bytes:
    out = io.BytesIO()
    write_xlsx(out, sheets)
    return out.getvalue()


def write_ledger_file(
    out: BinaryIO, rows: Iterable[Any], *, columns: list[OutColumn], file_format: str, title: str
) -> None:
    header = [c.header for c in columns]
    values = ([c.value(row) for c in columns] for row in rows)
    if file_format == "csv":
        write_csv(out, header, values)
    else:
        write_xlsx(out, [(title, header, values, [c.width for c in columns])])


def ledger_file(rows: Iterable[Any], *, columns: list[OutColumn], file_format: str, title: str) -> bytes:
    out = io.BytesIO()
    write_ledger_file(out, rows, columns=columns, file_format=file_format, title=title)
    return out.getvalue()


def import_template(*, file_format: str) -> bytes:
    header = [c.header for c in COLUMNS]
    example = [c.example for c in COLUMNS]
    if file_format == "csv":
        return csv_bytes(header, [example])
    typed = [
        Decimal(v) if c.key.endswith("amount") else date.fromisoformat(v) if c.key.endswith("_on") else v
        for c, v in zip(COLUMNS, example, strict=True)
    ]
    guide = [[c.header, "必填" if c.required else "选填", c.help] for c in COLUMNS]
    return xlsx_bytes(
        [
            ("技术合同", header, [typed], [max(12, len(h) * 2 + 2) for h in header]),
            ("填写说明", ["列名", "是否必填", "说明"], guide, [22, 10, 80]),
        ]
    )
