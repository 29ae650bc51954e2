"""The import plan: every row validated and compared with the ledger. Nothing is written here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.utils.translation import gettext as _

from accounts.models import Organisation
from deals.imports.cells import PARSERS, CellError, cell_text, parse_date
from deals.imports.columns import BY_KEY, HEADERS, REQUIRED, FileProblem
from deals.imports.places import PlaceError, parse_place
from deals.imports.rows import rows_csv, rows_xlsx
from deals.imports.upload import too_many_rows, upload_limits
from deals.models import DEFAULT_REGISTRY, Deal, DealStatus, deal_state_problems
from marketplace.models import IndustryChain

MAX_REPORTED_ERRORS = 2000
PROGRESS_EVERY = 5000


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
    "buyer_province",
    "buyer_city",
    "seller_name",
    "seller_uscc",
    "seller_region",
    "seller_province",
    "seller_city",
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


# Compared with the ledger when a contract number is already there. Names and titles are not
# compared: the USCC identifies a party, and registries spell names in more than one way.
IDENTITY = ["contract_type", "buyer_uscc", "seller_uscc", "contract_amount", "technical_amount", "signed_on"]


def _header_map(header: list[Any] | tuple[Any, ...]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = cell_text(cell).lstrip("\ufeff").replace(" ", "")
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


# A value the row's cell did not give (its problem is reported): rules and comparisons that need
# it are skipped, so a row reports every other problem in the same round.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


def _known(value: Any) -> bool:
    return value is not MISSING


def _parse_row(
    cells: list[Any] | tuple[Any, ...],
    positions: dict[str, int],
    number: int,
    industries: dict[str, int],
    errors: list[RowError],
) -> tuple[dict[str, Any], bool]:
    """The row's values and whether every cell was read. Every problem of the row is reported:
    each cell's, then the rules of a contract's state (deals.models.deal_state_problems) over the
    cells that were read, so that fixing a file takes one round, not one per problem."""

    def cell(key: str) -> Any:
        index = positions.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    values: dict[str, Any] = {}
    failed: set[str] = set()
    by_key = BY_KEY

    def fail(key: str, message: str) -> None:
        failed.add(key)
        errors.append(
            RowError(row=number, column=by_key[key].header, message=message, value=cell_text(cell(key))[:100])
        )

    for key in ("contract_number", "title", "buyer_name", "seller_name"):
        text = cell_text(cell(key))
        limit = {"contract_number": 40, "title": 200}.get(key, 120)
        if not text:
            fail(key, _("必填"))
        elif len(text) > limit:
            fail(key, _("超过%(n)d个字符") % {"n": limit})
        else:
            values[key] = text
    for key, parse in PARSERS.items():
        raw = cell(key)
        if cell_text(raw) == "":
            fail(key, _("必填"))
            continue
        try:
            values[key] = parse(raw)
        except CellError as problem:
            fail(key, str(problem))
    for side in ("buyer", "seller"):
        if f"{side}_uscc" in values:
            try:
                values.update(parse_place(side, cell, values[f"{side}_uscc"]))
            except PlaceError as problem:
                fail(problem.column, str(problem))
    registry = cell_text(cell("registry")) or DEFAULT_REGISTRY
    if len(registry) > 60:
        fail("registry", _("超过%(n)d个字符") % {"n": 60})
    else:
        values["registry"] = registry
    registered_raw, number_raw = cell("registered_on"), cell_text(cell("registration_number"))
    values["registered_on"] = None
    if cell_text(registered_raw):
        try:
            values["registered_on"] = parse_date(registered_raw)
        except CellError as problem:
            values["registered_on"] = MISSING
            fail("registered_on", str(problem))
        if not number_raw:
            fail("registration_number", _("填写了认定登记日期时必须填写认定登记编号"))
    elif number_raw:
        fail("registered_on", _("填写了认定登记编号时必须填写认定登记日期"))
    if len(number_raw) > 40:
        fail("registration_number", _("超过%(n)d个字符") % {"n": 40})
    elif "registration_number" not in failed:
        values["registration_number"] = number_raw
    industry = cell_text(cell("industry"))
    values["industry_id"] = None
    if industry:
        if industry not in industries:
            values["industry_id"] = MISSING
            fail("industry", _("未知的产业链"))
        else:
            values["industry_id"] = industries[industry]
    values["status"] = DealStatus.REGISTERED if cell_text(registered_raw) else DealStatus.RECORDED
    readable = {k: v for k, v in values.items() if _known(v)}
    for key, message in deal_state_problems(readable).items():
        column = key if key in by_key else "seller_uscc"
        if column not in failed:  # a cell already reported is not reported again by a rule over it
            fail(column, message)
    return values, not failed


def _chunks(items: list, size: int = 5000) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_import(
    handle: IO[bytes], *, file_format: str, on_progress: Callable[[int, int], Any] | None = None
) -> ImportPlan:
    """Read and validate every row and compare it with the ledger. Writes nothing."""
    estimate, rows = (rows_xlsx if file_format == "xlsx" else rows_csv)(handle)
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
        if not any(cell_text(c) for c in cells):
            continue
        plan.total += 1
        if plan.total > limits.max_rows:
            raise too_many_rows(limits)
        if on_progress and plan.total % PROGRESS_EVERY == 0:
            on_progress(plan.total, max(estimate, plan.total))
        values, complete = _parse_row(cells, positions, number, industries, plan.errors)
        if "contract_number" not in values or "registry" not in values:
            continue  # nothing to compare it with
        key = (values["registry"], values["contract_number"])
        if key in parsed:
            first_row, first, _complete = parsed[key]
            if _differences(dict(zip(ROW_FIELDS, first, strict=False)), values, compare_optional=True):
                plan.errors.append(
                    RowError(number, "合同编号", _("与第%(row)d行合同编号相同但数据不同") % {"row": first_row}, key[1])
                )
            elif complete:
                plan.unchanged += 1  # the same contract twice in one file: once is enough
            continue
        if _known(values.get("registration_number", MISSING)) and values["registration_number"]:
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
                complete = False
            else:
                registration_rows[reg_key] = number
        parsed[key] = (
            number,
            tuple(
                shared.setdefault(v, v) if isinstance(v, str) else v
                for v in (values.get(f, MISSING) for f in ROW_FIELDS)
            ),
            complete,
        )
    if on_progress:
        on_progress(plan.total, plan.total)
    if plan.total == 0 and not plan.errors:
        raise FileProblem(_("文件没有数据行"))
    _compare_with_ledger(parsed, registration_rows, plan)
    return plan


def _differences(ledger: dict[str, Any], row: dict[str, Any], *, compare_optional: bool) -> list[str]:
    """The fields in which the two disagree; a field either side could not read is no disagreement."""
    fields = list(IDENTITY)
    if compare_optional or (row.get("industry_id") not in (None, MISSING) and ledger.get("industry_id") is not None):
        fields.append("industry_id")  # a chain missing on either side is not a contradiction
    if compare_optional or ledger.get("registered_on"):
        fields += ["registered_on", "registration_number"]
    if compare_optional:
        fields += [f"{s}_{f}" for s in ("buyer", "seller") for f in ("region", "province", "city")]
    return [
        f
        for f in fields
        if _known(ledger.get(f, MISSING)) and _known(row.get(f, MISSING)) and ledger.get(f) != row.get(f)
    ]


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
    parsed: dict[tuple[str, str], tuple[int, tuple, bool]],
    registration_rows: dict[tuple[str, str], int],
    plan: ImportPlan,
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
    usccs = sorted(
        {
            v[ROW_FIELDS.index(f"{s}_uscc")]
            for _row, v, complete in parsed.values()
            if complete
            for s in ("buyer", "seller")
        }
    )
    organisations: dict[str, int] = {}
    for chunk in _chunks(usccs):
        organisations.update(Organisation.objects.filter(uscc__in=chunk).values_list("uscc", "pk"))

    for key, (number, packed, complete) in parsed.items():
        # Every check of the row against the ledger runs, whatever else is wrong with it; only a
        # row with no problem at all becomes part of the plan.
        values = dict(zip(ROW_FIELDS, packed, strict=False))
        problems = len(plan.errors)
        reg_key = (values["registry"], values["registration_number"])
        owner = taken.get(reg_key) if _known(values["registration_number"]) and values["registration_number"] else None
        if owner is not None and owner != values["contract_number"]:
            plan.errors.append(
                RowError(
                    number,
                    "认定登记编号",
                    _("认定登记编号已被合同%(number)s使用") % {"number": owner},
                    values["registration_number"],
                )
            )
        ledger = existing.get(key)
        if ledger is not None and ledger["status"] == DealStatus.VOIDED:
            plan.errors.append(RowError(number, "合同编号", _("该合同已在台账中作废，不能再导入"), key[1]))
        elif ledger is not None:
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
            elif ledger["status"] == DealStatus.REGISTERED and complete and not values["registered_on"]:
                plan.errors.append(
                    RowError(number, "认定登记日期", _("台账中该合同已认定登记，文件中却没有登记信息"), key[1])
                )
        if not complete or len(plan.errors) > problems:
            continue
        if ledger is None:
            plan.new.append(
                packed + (organisations.get(values["buyer_uscc"]), organisations.get(values["seller_uscc"]))
            )
        elif ledger["status"] == DealStatus.RECORDED and values["registered_on"]:
            plan.registrations.append((ledger["pk"], (values["registered_on"], values["registration_number"])))
        else:
            plan.unchanged += 1
