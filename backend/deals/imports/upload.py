"""Checks of an upload before it is stored: size, type, XLSX bombs and entities, the number of rows."""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from deals.imports.columns import FileProblem
from deals.imports.rows import rows_csv

# Limits on an upload come from settings (DEALS_IMPORT_*, read from the environment in base.py):
# a 100,000-row export is about 25 MB as CSV and 9 MB as XLSX, whose parts inflate to about 60 MB
# (tests/benchmarks). An XLSX is a zip: one whose parts would inflate beyond the limit (a zip
# bomb), or with a part declaring a DOCTYPE or an entity (XML entity expansion), is refused before
# any XML parser sees it.
MAX_XLSX_MEMBERS = 200


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


def too_many_rows(limits: UploadLimits) -> FileProblem:
    return FileProblem(_("超过%(n)d行，请分批导入") % {"n": limits.max_rows})


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


def _check_csv_rows(handle: IO[bytes], limits: UploadLimits) -> None:
    """Count rows before the file is stored, so an oversized export is a 400 at once rather than a
    failed job later. Line ends bound the rows from above (memchr speed); only a file with more
    lines than the limit is read as CSV, since a quoted cell may hold a line break."""
    handle.seek(0)
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1024 * 1024), b""))
    if lines <= limits.max_rows:  # header + max_rows rows, the last possibly without a line end
        return
    handle.seek(0)
    _estimate, rows = rows_csv(handle)
    try:
        data_rows = sum(1 for cells in rows if any(c.strip() for c in cells)) - 1  # the header
    finally:
        rows.close()
    if data_rows > limits.max_rows:
        raise too_many_rows(limits)


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
                            raise too_many_rows(limits)
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
