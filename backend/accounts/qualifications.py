"""Enterprise qualifications (高新技术企业, 科技型中小企业, 专精特新, 龙头企业) and innovation
consortia: officials record them one at a time or import the bureau's lists (CSV), and the targets
board and the dashboard's breakdowns read them. Writes and reads of both live here, apart from the
registration and powers code of accounts.services."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import InnovationConsortium, Organisation, Qualification, User
from core.exceptions import Forbidden

K = Qualification.Kind

# The bureau's lists run to a few thousand firms a year; a file past these is not one of them.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_ROWS = 50_000

# Column headings accepted in an imported file: the Chinese ones of the bureau's lists, or the field names.
COLUMNS = {
    "统一社会信用代码": "uscc",
    "企业名称": "name",
    "资质": "kind",
    "证书编号": "certificate_number",
    "有效期起": "valid_from",
    "有效期止": "valid_until",
    **{f: f for f in ("uscc", "name", "kind", "certificate_number", "valid_from", "valid_until")},
}
REQUIRED_COLUMNS = ("uscc", "name", "kind", "valid_from")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d")


def can_record_qualifications(user: User | None) -> bool:
    """Officials (any district: the lists are the province's) and the operator; nobody records their own."""
    return user is not None and user.is_authenticated and (user.is_official or user.is_operator)


def _require_recorder(by: User) -> None:
    if not can_record_qualifications(by):
        raise Forbidden(_("只有政府部门或平台运营方可以录入企业资质和创新联合体"))


# --- reads ---------------------------------------------------------------------------------------


def valid_on(day: Any, prefix: str = "") -> Q:
    """Qualifications in force on `day` (a date or an expression such as OuterRef("signed_on"))."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


def holds(*, kind: str, uscc: Any, on: Any) -> Exists:
    """Whether the party with `uscc` (an expression) held `kind` on `on`: one SQL expression, so a
    breakdown over any number of contracts or consortia stays one query."""
    return Exists(Qualification.objects.filter(valid_on(on), kind=kind, uscc=uscc))


def qualification_list(
    *, q: str = "", uscc: str = "", kind: str = "", current: bool = False
) -> QuerySet[Qualification]:
    """`q`: a USCC (whole) or any part of the enterprise's name, as an official remembers a firm."""
    qs = Qualification.objects.all()
    if q.strip():
        qs = qs.filter(Q(uscc=q.strip().upper()) | Q(name__icontains=q.strip()))
    if uscc:
        qs = qs.filter(uscc=uscc.strip().upper())
    if kind:
        qs = qs.filter(kind=kind)
    if current:
        qs = qs.filter(valid_on(timezone.localdate()))
    return qs


def consortium_list() -> QuerySet[InnovationConsortium]:
    """Every consortium, with `led_by_leading_enterprise`: its lead held 龙头企业 on the day it was formed."""
    return (
        InnovationConsortium.objects.select_related("lead")
        .prefetch_related("members")
        .annotate(
            led_by_leading_enterprise=holds(kind=K.LEADING, uscc=OuterRef("lead__uscc"), on=OuterRef("established_on"))
        )
    )


# --- writes --------------------------------------------------------------------------------------


@transaction.atomic
def qualification_add(
    *,
    by: User,
    uscc: str,
    name: str,
    kind: str,
    valid_from: date,
    source: str,
    valid_until: date | None = None,
    certificate_number: str = "",
) -> Qualification:
    _require_recorder(by)
    qualification = Qualification(
        uscc=uscc.strip().upper(),
        name=name.strip(),
        kind=kind,
        valid_from=valid_from,
        valid_until=valid_until,
        certificate_number=certificate_number.strip(),
        source=source.strip(),
        created_by=by,
    )
    qualification.full_clean()  # USCC check character, dates in order, one per (uscc, kind, start)
    qualification.save()
    return qualification


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)  # every problem of every row: row, field, message


def _decode(content: bytes) -> str:
    # The bureau's lists come from Excel: UTF-8 with a BOM, or GB18030 (a superset of GBK).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError({"file": [_("无法识别文件编码，请另存为 UTF-8 编码的 CSV")]})


def _parse_date(text: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


# The lists and officials' own spreadsheets use shorthand as often as the full names.
KIND_SHORTHAND = {
    "高企": K.HIGH_TECH,
    "科小": K.TECH_SME,
    "科技型中小": K.TECH_SME,
    "专精特新": K.SPECIALISED,
    "专精特新中小企业": K.SPECIALISED,
}
KIND_BY_TEXT = {**{k.value: k.value for k in K}, **{str(k.label): k.value for k in K}, **KIND_SHORTHAND}


def _row_values(raw: dict[str, str], *, source: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    values: dict[str, Any] = {"source": source}
    problems: list[tuple[str, str]] = []
    text = {COLUMNS[h]: (v or "").strip() for h, v in raw.items() if h in COLUMNS}
    for name in REQUIRED_COLUMNS:
        if not text.get(name):
            problems.append((name, _("不能为空")))
    values["uscc"], values["name"] = text.get("uscc", "").upper(), text.get("name", "")
    values["certificate_number"] = text.get("certificate_number", "")
    if text.get("kind"):
        kind = KIND_BY_TEXT.get("".join(text["kind"].split()))
        if kind is None:
            problems.append(("kind", _("资质须为：%(kinds)s") % {"kinds": "、".join(str(k.label) for k in K)}))
        values["kind"] = kind
    for name in ("valid_from", "valid_until"):
        values.setdefault(name, None)
        if text.get(name):
            try:
                values[name] = _parse_date(text[name])
            except ValueError:
                problems.append((name, _("日期格式应为 2025-01-31")))
    return values, problems


@transaction.atomic
def qualifications_import(*, by: User, content: bytes, source: str) -> ImportReport:
    """Import a list: all rows or none. Every problem of every row is reported at once, so a list
    is fixed in one round. A row already stored (same USCC, qualification and start) is updated
    where it differs, so importing the same list twice changes nothing."""
    _require_recorder(by)
    if len(content) > IMPORT_MAX_BYTES:
        raise ValidationError({"file": [_("文件不能超过 5 MB")]})
    reader = csv.DictReader(io.StringIO(_decode(content)))
    missing = [
        c for c in REQUIRED_COLUMNS if not any(COLUMNS.get((h or "").strip()) == c for h in reader.fieldnames or [])
    ]
    if missing:
        raise ValidationError({"file": [_("缺少列：%(columns)s") % {"columns": "、".join(missing)}]})
    reader.fieldnames = [(h or "").strip() for h in reader.fieldnames or []]
    report, rows, seen = ImportReport(), [], {}
    for number, raw in enumerate(reader, start=2):  # row 1 is the heading
        if number - 1 > IMPORT_MAX_ROWS:
            raise ValidationError({"file": [_("文件不能超过 %(n)d 行") % {"n": IMPORT_MAX_ROWS}]})
        values, problems = _row_values(raw, source=source)
        candidate = Qualification(created_by=by, **values)
        # The model's checks run on every row, skipping only the cells already reported (an unread
        # date is None, so the order of the dates is checked only when both were read).
        try:
            candidate.full_clean(
                exclude=["created_by", *{f for f, _m in problems}], validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            problems += [(f, str(m)) for f, messages in exc.message_dict.items() for m in messages]
        key = (values["uscc"], values.get("kind"), values["valid_from"])
        if all(key) and key in seen:
            problems.append(("uscc", _("与第 %(row)d 行重复") % {"row": seen[key]}))
        if all(key):
            seen.setdefault(key, number)
        report.errors += [{"row": number, "field": f, "message": m} for f, m in problems]
        rows.append(candidate)
    if report.errors:
        return report  # nothing written: the list is fixed and imported whole
    for candidate in rows:
        stored = Qualification.objects.filter(
            uscc=candidate.uscc, kind=candidate.kind, valid_from=candidate.valid_from
        ).first()
        if stored is None:
            candidate.save()
            report.created += 1
            continue
        changed = [
            f for f in ("name", "valid_until", "certificate_number") if getattr(stored, f) != getattr(candidate, f)
        ]
        if changed:
            for f in changed:
                setattr(stored, f, getattr(candidate, f))
            stored.save(update_fields=[*changed, "updated_at"])
            report.updated += 1
        else:
            report.unchanged += 1
    return report


@transaction.atomic
def consortium_add(
    *,
    by: User,
    name: str,
    lead: Organisation,
    established_on: date,
    source: str,
    members: Sequence[Organisation] = (),
) -> InnovationConsortium:
    """Record a consortium. Whether its lead is a 龙头企业 is read from the qualifications when the
    target is computed, so a consortium recorded before its lead's qualification is imported counts
    once it is."""
    _require_recorder(by)
    if lead.kind != Organisation.Kind.ENTERPRISE:
        raise ValidationError({"lead": [_("创新联合体须由企业牵头")]})
    if any(m.pk == lead.pk for m in members):
        raise ValidationError({"members": [_("牵头单位不必再列为成员")]})
    consortium = InnovationConsortium(
        name=name.strip(), lead=lead, established_on=established_on, source=source.strip(), created_by=by
    )
    consortium.full_clean(exclude=["created_by"])
    consortium.save()
    consortium.members.set(members)
    return consortium
