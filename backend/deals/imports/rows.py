"""The rows of an uploaded file, streamed from CSV or XLSX."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from django.utils.translation import gettext as _

from deals.imports.columns import FileProblem


def rows_csv(handle: IO[bytes]) -> tuple[int, Iterator[list[Any]]]:
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


def rows_xlsx(handle: IO[bytes]) -> tuple[int, Iterator[tuple[Any, ...]]]:
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
