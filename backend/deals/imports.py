"""Reading the technology-market registry export (技术合同登记导出) into an import plan.

The file is CSV (UTF-8 or GB18030, as Excel saves it in China) or XLSX with one header row of the
Chinese column names below. `plan_import` validates every row and compares it with the ledger; it
writes nothing. The service applies a plan only when it has no errors (all-or-nothing).
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from accounts.models import Organisation, Region
from accounts.uscc import uscc_problem
from deals.models import DEFAULT_REGISTRY, MAX_CONTRACT_AMOUNT, ContractType, Deal, DealStatus, deal_state_problems
from marketplace.models import IndustryChain

# Limits on an upload come from settings (DEALS_IMPORT_*, read from the environment in base.py):
# a 100,000-row export is about 25 MB as CSV and 9 MB as XLSX, whose parts inflate to about 60 MB
# (tests/benchmarks). An XLSX is a zip: one whose parts would inflate beyond the limit (a zip
# bomb), or with a part declaring a DOCTYPE or an entity (XML entity expansion), is refused before
# any XML parser sees it.
MAX_XLSX_MEMBERS = 200
MAX_REPORTED_ERRORS = 2000
PROGRESS_EVERY = 5000


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_rows: int
    max_xlsx_uncompressed: int

    @property
    def max_mb(self) -> int:
        return max(self.max_bytes // 1024 // 1024, 1)


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_bytes=settings.DEALS_IMPORT_MAX_BYTES,
        max_rows=settings.DEALS_IMPORT_MAX_ROWS,
        max_xlsx_uncompressed=settings.DEALS_IMPORT_MAX_XLSX_UNCOMPRESSED,
    )


class FileProblem(Exception):
    """The file as a whole cannot be read (wrong type, too big, no header…): nothing was imported."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help: str
    example: str


COLUMNS = [
    Column(
        "contract_number",
        "合同编号",
        True,
        "技术合同登记系统中的合同编号；同一登记机构内唯一，是导入的唯一标识",
        "2026330502000123",
    ),
    Column("title", "合同名称", True, "合同上的名称", "动力电池陶瓷涂覆隔膜技术开发合同"),
    Column("contract_type", "合同类型", True, "技术开发、技术转让、技术许可、技术咨询或技术服务", "技术开发"),
    Column("buyer_name", "买方名称", True, "委托方、受让方或被许可方", "长兴新能动力电池材料有限公司"),
    Column("buyer_uscc", "买方统一社会信用代码", True, "18位统一社会信用代码（含校验位）", "91330522MA2B7K3Q12"),
    Column(
        "buyer_region",
        "买方所在地区",
        False,
        "吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区、湖州莫干山高新区或湖州市外；不填时按信用代码中的行政区划判断",
        "长兴县",
    ),
    Column("seller_name", "卖方名称", True, "受托方、让与方或许可方", "南太湖先进材料研究院"),
    Column("seller_uscc", "卖方统一社会信用代码", True, "18位统一社会信用代码（含校验位）", "12330500MB0A1B2C3A"),
    Column("seller_region", "卖方所在地区", False, "同买方所在地区", "南太湖新区"),
    Column("contract_amount", "合同金额（元）", True, "大于0，最多两位小数", "2800000.00"),
    Column("technical_amount", "技术交易额（元）", True, "合同金额中的技术部分，不大于合同金额", "2500000.00"),
    Column("signed_on", "签订日期", True, "如 2026-03-15", "2026-03-15"),
    Column("registered_on", "认定登记日期", False, "已认定登记的合同填写，不早于签订日期", "2026-04-02"),
    Column("registration_number", "认定登记编号", False, "与认定登记日期同时填写", "330502-2026-0123"),
    Column("industry", "产业链", False, "产业链名称或代码，如 新能源汽车", "新能源汽车"),
    Column("registry", "登记机构", False, f"不填为“{DEFAULT_REGISTRY}”", DEFAULT_REGISTRY),
]
HEADERS = {c.header: c for c in COLUMNS} | {c.key: c for c in COLUMNS}
REQUIRED = [c for c in COLUMNS if c.required]

# Districts by the administrative-division code inside a USCC (characters 3-8). 330500 (the city
# itself) is left out on purpose: the two functional zones register there, so it is ambiguous.
DIVISIONS = {"330502": "wuxing", "330503": "nanxun", "330521": "deqing", "330522": "changxing", "330523": "anji"}
REGION_NAMES = (
    {str(label): value for value, label in Region.choices}
    | {value: value for value in Region.values}
    | {
        "吴兴": "wuxing",
        "南浔": "nanxun",
        "德清": "deqing",
        "长兴": "changxing",
        "安吉": "anji",
        "南太湖": "nantaihu",
        "南太湖新区": "nantaihu",
        "莫干山高新区": "moganshan",
        "湖州莫干山高新区": "moganshan",
        "市外": "outside",
        "湖州市外": "outside",
    }
)


@dataclass
class RowError:
    row: int
    column: str
    message: str
    value: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message, "value": self.value}


# A validated row is kept as a tuple in this order (a dict per row doubled the memory of a
# 100,000-row import), with repeated names and codes shared between rows.
ROW_FIELDS = (
    "registry",
    "contract_number",
    "title",
    "contract_type",
    "buyer_name",
    "buyer_uscc",
    "buyer_region",
    "seller_name",
    "seller_uscc",
    "seller_region",
    "contract_amount",
    "technical_amount",
    "signed_on",
    "registered_on",
    "registration_number",
    "industry_id",
    "status",
)
NEW_FIELDS = ROW_FIELDS + ("buyer_organisation_id", "seller_organisation_id")


@dataclass
class ImportPlan:
    total: int = 0
    new: list[tuple] = field(default_factory=list)  # Deal field values in NEW_FIELDS order
    registrations: list[tuple[int, tuple[date, str]]] = field(default_factory=list)  # (deal id, (date, number))
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)


# --- the upload ---------------------------------------------------------------------------------


def refuse_announced_oversize(content_length: str | None) -> None:
    """Refuse a request whose Content-Length already says the file is too big, before Django reads
    (and spools to disk) the body. A missing or malformed header is left to the upload checks."""
    limits = upload_limits()
    try:
        announced = int(content_length or 0)
    except ValueError:
        return
    if announced > limits.max_bytes + 64 * 1024:  # the multipart envelope around the file
        raise ValidationError({"file": _("文件超过%(mb)dMB上限，请分批导入") % {"mb": limits.max_mb}})


def check_upload(upload: UploadedFile) -> str:
    """'csv' or 'xlsx'; a ValidationError on `file` (a 400) for anything else: too big, empty, a name
    and content that disagree, a zip bomb or XML entities in an XLSX, or more rows than allowed."""
    limits = upload_limits()
    name = (upload.name or "").lower()
    if upload.size > limits.max_bytes:
        raise ValidationError({"file": _("文件超过%(mb)dMB上限，请分批导入") % {"mb": limits.max_mb}})
    if upload.size == 0:
        raise ValidationError({"file": _("文件是空的")})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if name.endswith(".xlsx"):
        if not head.startswith(b"PK\x03\x04"):
            raise ValidationError({"file": _("文件扩展名是 .xlsx，但内容不是 Excel 工作簿")})
        checker, file_format = _check_xlsx, "xlsx"
    elif name.endswith(".csv"):
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
            raise ValidationError({"file": _("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV")})
        if b"\x00" in head or head.startswith(b"PK\x03\x04"):
            raise ValidationError({"file": _("文件扩展名是 .csv，但内容不是文本")})
        checker, file_format = _check_csv_rows, "csv"
    else:
        raise ValidationError({"file": _("只支持 .xlsx 或 .csv 文件（可下载导入模板）")})
    try:
        checker(upload, limits)
    except FileProblem as problem:
        raise ValidationError({"file": str(problem)}) from None
    finally:
        upload.seek(0)
    return file_format


def _too_many_rows(limits: UploadLimits) -> FileProblem:
    return FileProblem(_("超过%(n)d行，请分批导入") % {"n": limits.max_rows})


def _check_csv_rows(handle: IO[bytes], limits: UploadLimits) -> None:
    """Count rows before the file is stored, so an oversized export is a 400 at once rather than a
    failed job later. Line ends bound the rows from above (memchr speed); only a file with more
    lines than the limit is read as CSV, since a quoted cell may hold a line break."""
    handle.seek(0)
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1024 * 1024), b""))
    if lines <= limits.max_rows:  # header + max_rows rows, the last possibly without a line end
        return
    handle.seek(0)
    _estimate, rows = _rows_csv(handle)
    try:
        data_rows = sum(1 for cells in rows if any(c.strip() for c in cells)) - 1  # the header
    finally:
        rows.close()
    if data_rows > limits.max_rows:
        raise _too_many_rows(limits)


# Row starts with a namespace prefix, and (for the exact count) row starts and values, with or without.
PREFIXED_ROW_START = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s>/]")
ROW_OR_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|v|is)[\s>/]")
XML_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_xlsx(handle: IO[bytes], limits: UploadLimits) -> None:
    """Refuse zip bombs and XML entity tricks before any XML parser sees the file, and count the
    rows of every worksheet. A zip member can claim a small size, but Python's zipfile never
    inflates past the size it claims, so checking the claimed sizes bounds what is read here and by
    openpyxl (which, with defusedxml installed, refuses entity declarations itself as well)."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            if len(members) > MAX_XLSX_MEMBERS:
                raise FileProblem(_("Excel 文件结构异常（部件过多）"))
            if sum(m.file_size for m in members) > limits.max_xlsx_uncompressed:
                raise FileProblem(
                    _("Excel 文件解压后超过%(mb)dMB，拒绝处理") % {"mb": limits.max_xlsx_uncompressed // 1024 // 1024}
                )
            names = {m.filename for m in members}
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                raise FileProblem(_("文件扩展名是 .xlsx，但内容不是 Excel 工作簿"))
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                sheet = member.filename.startswith("xl/worksheets/")
                with archive.open(member) as part:
                    rows = _scan_xml_part(part, count="row elements" if sheet else None)
                if rows > limits.max_rows + 1:  # + the header row
                    # Row elements bound the rows from above; rows of styled empty cells, which the
                    # import skips, are told apart only when the bound is exceeded (1.5 s per 100,000 rows).
                    with archive.open(member) as part:
                        if _scan_xml_part(part, count="rows with a value") > limits.max_rows + 1:
                            raise _too_many_rows(limits)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        raise FileProblem(_("Excel 文件已损坏或无法读取")) from exc


def _scan_xml_part(part: IO[bytes], *, count: Literal["row elements", "rows with a value"] | None) -> int:
    """Streams one XML part: a FileProblem if it declares a DOCTYPE or an entity anywhere (one may
    follow a long comment, so the whole part is read); else the rows counted as asked."""
    rows, in_counted_row, tail = 0, False, b""
    overlap = 16  # longer than any tag prefix the patterns need
    while True:
        chunk = part.read(1024 * 1024)
        buffer = tail + chunk
        cut = len(buffer) if not chunk else max(len(buffer) - overlap, 0)
        if XML_DECLARATIONS.search(buffer):
            raise FileProblem(_("Excel 文件含有不允许的 XML 声明"))
        if count == "row elements":  # an upper bound (it counts <rowBreaks too); bytes.count is 5x a regex
            rows += buffer.count(b"<row", 0, cut + 3)  # those starting before `cut`
            if b":row" in buffer:  # a namespace prefix, as some writers use
                rows += len(PREFIXED_ROW_START.findall(buffer)) - len(PREFIXED_ROW_START.findall(buffer, cut))
        elif count == "rows with a value":
            for match in ROW_OR_VALUE.finditer(buffer):
                if match.start() >= cut:
                    break
                if match.group(1) == b"row":
                    in_counted_row = False
                elif not in_counted_row:
                    rows, in_counted_row = rows + 1, True
        if not chunk:
            return rows
        tail = buffer[cut:]


# --- reading rows ---------------------------------------------------------------------------------


def _rows_csv(handle: IO[bytes]) -> tuple[int, Iterator[list[Any]]]:
    """Rows streamed from the file (never the whole text in memory). The encoding is decided on the
    first megabyte: UTF-8 (with or without BOM) if it decodes as such, else GB18030, which is what
    Excel writes for a Chinese CSV; a byte sequence invalid later in the file fails the import."""
    head = handle.read(1024 * 1024)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "gb18030"
    size = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    lines_in_head = head.count(b"\n")
    estimate = max(int(size / max(len(head), 1) * lines_in_head) - 1, 0)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")

    def rows():
        try:
            yield from csv.reader(text)
        except UnicodeDecodeError as exc:
            raise FileProblem(_("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV")) from exc
        except csv.Error as exc:
            raise FileProblem(_("CSV 格式有误：%(problem)s") % {"problem": exc}) from exc
        finally:
            text.detach()  # the caller owns (and closes) the file

    return estimate, rows()


def _rows_xlsx(handle: IO[bytes]) -> tuple[int, Iterator[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        estimate = max((sheet.max_row or 1) - 1, 0)
    except Exception as exc:  # openpyxl raises many types on damaged files; all mean "cannot read"
        raise FileProblem(_("Excel 文件已损坏或无法读取")) from exc

    def rows():
        try:
            yield from sheet.iter_rows(values_only=True)
        except Exception as exc:
            raise FileProblem(_("Excel 文件已损坏或无法读取")) from exc
        finally:
            workbook.close()

    return estimate, rows()


# --- cells ----------------------------------------------------------------------------------------


class CellError(ValueError):
    pass


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a contract number typed as a number in Excel
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


# A plain decimal number, after full-width characters are folded to ASCII: "1234.5", "-12", ".5",
# or with an exponent as Excel writes large floats ("1e+20"). Nothing else: not "NaN", "inf", "1_000"
# or digits of other scripts ("١٢٣"), which Decimal() would otherwise take.
AMOUNT_PATTERN = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
# Full-width forms (１２３．４５，typed with a Chinese IME) and the ideographic space, folded to ASCII.
# Only these: NFKC would also turn "²" into "2".
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _amount(value: Any) -> Decimal:
    """A cell's amount in yuan, or a CellError: no cell, however strange ("1e309", "NaN", "-inf",
    40 nines), may stop the import with anything but a row error."""
    if isinstance(value, bool):
        raise CellError(_("金额不是数字"))
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(_("金额不是数字"))
    text = _text(value if not isinstance(value, float) else repr(value))
    text = text.translate(FULL_WIDTH).replace(",", "").replace(" ", "").removesuffix("元")
    if not AMOUNT_PATTERN.match(text):
        raise CellError(_("金额不是数字"))
    try:
        amount = Decimal(text)
        in_range = Decimal("0") <= amount <= MAX_CONTRACT_AMOUNT
        # Only rounded within range: quantize() raises InvalidOperation beyond 28 digits ("1e309").
        rounded = amount.quantize(Decimal("0.01")) if in_range else amount
    except ArithmeticError:  # decimal's InvalidOperation and relatives: whatever it refuses is a row error
        raise CellError(_("金额不是数字")) from None
    if amount < 0:
        raise CellError(_("金额不能为负数"))
    if amount > MAX_CONTRACT_AMOUNT:
        raise CellError(_("金额超过100亿元，请核对"))
    if amount != rounded:
        raise CellError(_("金额最多两位小数"))
    return abs(rounded)  # abs: "-0" is 0.00, not -0.00


DATE_PATTERNS = [
    re.compile(p)
    for p in (
        r"^(\d{4})-(\d{1,2})-(\d{1,2})$",
        r"^(\d{4})/(\d{1,2})/(\d{1,2})$",
        r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$",
        r"^(\d{4})年(\d{1,2})月(\d{1,2})日$",
        r"^(\d{4})(\d{2})(\d{2})$",
    )
]


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{1,2}-\d{1,2} \d", text) else text
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                break
    raise CellError(_("日期无法识别，请使用 YYYY-MM-DD 格式"))


CONTRACT_TYPES = {str(label): value for value, label in ContractType.choices} | {v: v for v in ContractType.values}


def _contract_type(value: Any) -> str:
    text = _text(value).removesuffix("合同")
    if text not in CONTRACT_TYPES:
        raise CellError(_("未知的合同类型（可填：技术开发、技术转让、技术许可、技术咨询、技术服务）"))
    return CONTRACT_TYPES[text]


def _uscc(value: Any) -> str:
    code = _text(value).upper()
    problem = uscc_problem(code)
    if problem:
        raise CellError(problem)
    return code


def _region(value: Any, uscc: str) -> str:
    text = _text(value)
    if text:
        if text not in REGION_NAMES:
            raise CellError(
                _("未知的地区（可填：吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区、湖州莫干山高新区、湖州市外）")
            )
        return REGION_NAMES[text]
    division = uscc[2:8]
    if not division.startswith("3305"):
        return Region.OUTSIDE
    if division in DIVISIONS:
        return DIVISIONS[division]
    raise CellError(_("无法从信用代码判断所在区县，请填写所在地区"))


BY_KEY = {c.key: c for c in COLUMNS}
PARSERS: dict[str, Callable[[Any], Any]] = {
    "contract_type": _contract_type,
    "buyer_uscc": _uscc,
    "seller_uscc": _uscc,
    "contract_amount": _amount,
    "technical_amount": _amount,
    "signed_on": _date,
}


# --- the plan ---------------------------------------------------------------------------------------

# Compared with the ledger when a contract number is already there. Names and titles are not
# compared: the USCC identifies a party, and registries spell names in more than one way.
IDENTITY = ["contract_type", "buyer_uscc", "seller_uscc", "contract_amount", "technical_amount", "signed_on"]


def _header_map(header: list[Any] | tuple[Any, ...]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _text(cell).lstrip("\ufeff").replace(" ", "")
        column = HEADERS.get(name)
        if column is None:
            continue  # extra columns (an export's 状态, 来源…) are ignored
        if column.key in positions:
            raise FileProblem(_("列“%(header)s”出现了两次") % {"header": column.header})
        positions[column.key] = index
    missing = [c.header for c in REQUIRED if c.key not in positions]
    if missing:
        raise FileProblem(_("缺少必填列：%(columns)s（请使用导入模板）") % {"columns": "、".join(missing)})
    return positions


def _parse_row(
    cells: list[Any] | tuple[Any, ...],
    positions: dict[str, int],
    number: int,
    industries: dict[str, int],
    errors: list[RowError],
) -> dict[str, Any] | None:
    def cell(key: str) -> Any:
        index = positions.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    values: dict[str, Any] = {}
    failed = False
    by_key = BY_KEY

    def fail(key: str, message: str) -> None:
        nonlocal failed
        failed = True
        errors.append(RowError(row=number, column=by_key[key].header, message=message, value=_text(cell(key))[:100]))

    for key in ("contract_number", "title", "buyer_name", "seller_name"):
        text = _text(cell(key))
        limit = {"contract_number": 40, "title": 200}.get(key, 120)
        if not text:
            fail(key, _("必填"))
        elif len(text) > limit:
            fail(key, _("超过%(n)d个字符") % {"n": limit})
        values[key] = text
    for key, parse in PARSERS.items():
        raw = cell(key)
        if _text(raw) == "":
            fail(key, _("必填"))
            continue
        try:
            values[key] = parse(raw)
        except CellError as problem:
            fail(key, str(problem))
    for side in ("buyer", "seller"):
        if f"{side}_uscc" in values:
            try:
                values[f"{side}_region"] = _region(cell(f"{side}_region"), values[f"{side}_uscc"])
            except CellError as problem:
                fail(f"{side}_region", str(problem))
    values["registry"] = _text(cell("registry")) or DEFAULT_REGISTRY
    if len(values["registry"]) > 60:
        fail("registry", _("超过%(n)d个字符") % {"n": 60})
    registered_raw, number_raw = cell("registered_on"), _text(cell("registration_number"))
    values["registered_on"], values["registration_number"] = None, number_raw
    if _text(registered_raw):
        try:
            values["registered_on"] = _date(registered_raw)
        except CellError as problem:
            fail("registered_on", str(problem))
        if not number_raw:
            fail("registration_number", _("填写了认定登记日期时必须填写认定登记编号"))
    elif number_raw:
        fail("registered_on", _("填写了认定登记编号时必须填写认定登记日期"))
    if len(number_raw) > 40:
        fail("registration_number", _("超过%(n)d个字符") % {"n": 40})
    industry = _text(cell("industry"))
    values["industry_id"] = None
    if industry:
        if industry not in industries:
            fail("industry", _("未知的产业链"))
        else:
            values["industry_id"] = industries[industry]
    if failed:
        return None
    values["status"] = DealStatus.REGISTERED if values["registered_on"] else DealStatus.RECORDED
    for key, message in deal_state_problems(values).items():
        fail(key if key in by_key else "seller_uscc", message)
    return None if failed else values


def _chunks(items: list, size: int = 5000) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_import(
    handle: IO[bytes], *, file_format: str, on_progress: Callable[[int, int], Any] | None = None
) -> ImportPlan:
    """Read and validate every row and compare it with the ledger. Writes nothing."""
    estimate, rows = (_rows_xlsx if file_format == "xlsx" else _rows_csv)(handle)
    try:
        return _plan(rows, estimate, on_progress)
    finally:
        rows.close()  # release the reader while the file is still open


def _plan(rows: Iterator, estimate: int, on_progress: Callable[[int, int], Any] | None) -> ImportPlan:
    try:
        header = next(rows)
    except StopIteration:
        raise FileProblem(_("文件没有表头行（请使用导入模板）")) from None
    positions = _header_map(header)
    industries = {}
    for pk, code, name in IndustryChain.objects.values_list("pk", "code", "name"):
        industries[code] = industries[name] = pk

    limits = upload_limits()
    plan = ImportPlan()
    parsed: dict[tuple[str, str], tuple[int, tuple]] = {}  # (registry, number) -> (row, values in ROW_FIELDS order)
    shared: dict[str, str] = {}
    registration_rows: dict[tuple[str, str], int] = {}
    number = 1
    for cells in rows:
        number += 1
        if not any(_text(c) for c in cells):
            continue
        plan.total += 1
        if plan.total > limits.max_rows:
            raise _too_many_rows(limits)
        if on_progress and plan.total % PROGRESS_EVERY == 0:
            on_progress(plan.total, max(estimate, plan.total))
        values = _parse_row(cells, positions, number, industries, plan.errors)
        if values is None:
            continue
        key = (values["registry"], values["contract_number"])
        if key in parsed:
            first_row, first = parsed[key]
            if _differences(dict(zip(ROW_FIELDS, first, strict=False)), values, compare_optional=True):
                plan.errors.append(
                    RowError(number, "合同编号", _("与第%(row)d行合同编号相同但数据不同") % {"row": first_row}, key[1])
                )
            else:
                plan.unchanged += 1  # the same contract twice in one file: once is enough
            continue
        if values["registration_number"]:
            reg_key = (values["registry"], values["registration_number"])
            if reg_key in registration_rows:
                plan.errors.append(
                    RowError(
                        number,
                        "认定登记编号",
                        _("与第%(row)d行的认定登记编号重复") % {"row": registration_rows[reg_key]},
                        values["registration_number"],
                    )
                )
                continue
            registration_rows[reg_key] = number
        parsed[key] = (
            number,
            tuple(shared.setdefault(v, v) if isinstance(v, str) else v for v in map(values.get, ROW_FIELDS)),
        )
    if on_progress:
        on_progress(plan.total, plan.total)
    if plan.total == 0 and not plan.errors:
        raise FileProblem(_("文件没有数据行"))
    _compare_with_ledger(parsed, registration_rows, plan)
    return plan


def _differences(ledger: dict[str, Any], row: dict[str, Any], *, compare_optional: bool) -> list[str]:
    fields = list(IDENTITY)
    if compare_optional or (row.get("industry_id") is not None and ledger.get("industry_id") is not None):
        fields.append("industry_id")  # a chain missing on either side is not a contradiction
    if compare_optional or ledger.get("registered_on"):
        fields += ["registered_on", "registration_number"]
    if compare_optional:
        fields += ["buyer_region", "seller_region"]
    return [f for f in fields if ledger.get(f) != row.get(f)]


LABELS = {
    "contract_type": "合同类型",
    "buyer_uscc": "买方统一社会信用代码",
    "seller_uscc": "卖方统一社会信用代码",
    "contract_amount": "合同金额（元）",
    "technical_amount": "技术交易额（元）",
    "signed_on": "签订日期",
    "industry_id": "产业链",
    "registered_on": "认定登记日期",
    "registration_number": "认定登记编号",
}


def _compare_with_ledger(
    parsed: dict[tuple[str, str], tuple[int, tuple]], registration_rows: dict[tuple[str, str], int], plan: ImportPlan
) -> None:
    columns = [
        "pk",
        "registry",
        "contract_number",
        "status",
        "registration_number",
        "origin",
        *IDENTITY,
        "industry_id",
        "registered_on",
    ]
    keys = list(parsed)
    existing: dict[tuple[str, str], dict[str, Any]] = {}
    for registry in {k[0] for k in keys}:
        numbers = [k[1] for k in keys if k[0] == registry]
        for chunk in _chunks(numbers):
            for row in Deal.objects.filter(registry=registry, contract_number__in=chunk).values(*columns):
                existing[(row["registry"], row["contract_number"])] = row
    taken: dict[tuple[str, str], str] = {}
    for registry in {k[0] for k in registration_rows}:
        numbers = [k[1] for k in registration_rows if k[0] == registry]
        for chunk in _chunks(numbers):
            for reg, contract in Deal.objects.filter(registry=registry, registration_number__in=chunk).values_list(
                "registration_number", "contract_number"
            ):
                taken[(registry, reg)] = contract
    usccs = sorted({v[ROW_FIELDS.index(f"{s}_uscc")] for _row, v in parsed.values() for s in ("buyer", "seller")})
    organisations: dict[str, int] = {}
    for chunk in _chunks(usccs):
        organisations.update(Organisation.objects.filter(uscc__in=chunk).values_list("uscc", "pk"))

    for key, (number, packed) in parsed.items():
        values = dict(zip(ROW_FIELDS, packed, strict=False))
        reg_key = (values["registry"], values["registration_number"])
        owner = taken.get(reg_key) if values["registration_number"] else None
        if owner is not None and owner != values["contract_number"]:
            plan.errors.append(
                RowError(
                    number,
                    "认定登记编号",
                    _("认定登记编号已被合同%(number)s使用") % {"number": owner},
                    values["registration_number"],
                )
            )
            continue
        ledger = existing.get(key)
        if ledger is None:
            plan.new.append(
                packed + (organisations.get(values["buyer_uscc"]), organisations.get(values["seller_uscc"]))
            )
            continue
        if ledger["status"] == DealStatus.VOIDED:
            plan.errors.append(RowError(number, "合同编号", _("该合同已在台账中作废，不能再导入"), key[1]))
            continue
        different = _differences(ledger, values, compare_optional=False)
        if different:
            names = "、".join(LABELS.get(f, f) for f in different)
            plan.errors.append(
                RowError(
                    number,
                    "合同编号",
                    _("合同编号已存在但数据不同（%(fields)s）；如需更正请在台账中更正") % {"fields": names},
                    key[1],
                )
            )
        elif ledger["status"] == DealStatus.RECORDED and values["registered_on"]:
            plan.registrations.append((ledger["pk"], (values["registered_on"], values["registration_number"])))
        elif ledger["status"] == DealStatus.REGISTERED and not values["registered_on"]:
            plan.errors.append(
                RowError(number, "认定登记日期", _("台账中该合同已认定登记，文件中却没有登记信息"), key[1])
            )
        else:
            plan.unchanged += 1
