"""Reading the technology-market registry export (技术合同登记导出) into an import plan.

The file is CSV (UTF-8 or GB18030, as Excel saves it in China) or XLSX with one header row of the
Chinese column names of `columns.COLUMNS`. `plan_import` validates every row and compares it with the ledger; it
writes nothing. The service applies a plan only when it has no errors (all-or-nothing).

`upload` checks a file before it is stored, `rows` streams its rows, `cells` reads each value,
`plan` validates the rows and compares them with the ledger; `columns` is the template.
"""

from deals.imports.columns import COLUMNS, FileProblem
from deals.imports.plan import MAX_REPORTED_ERRORS, NEW_FIELDS, ImportPlan, plan_import
from deals.imports.upload import check_upload, refuse_announced_oversize

__all__ = [
    "COLUMNS",
    "MAX_REPORTED_ERRORS",
    "NEW_FIELDS",
    "FileProblem",
    "ImportPlan",
    "check_upload",
    "plan_import",
    "refuse_announced_oversize",
]
