"""Every write of the ledger. A contract's state changes only here, and every change appends a
DealEntry holding the new state in the same transaction."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from accounts.places import PlaceProblem, place_clean
from core.events import emit
from core.exceptions import Conflict, Forbidden
from core.jobs import job_claim, job_failure_reported, job_update, jobs_resend
from deals import imports
from deals.models import (
    DEFAULT_REGISTRY,
    STATE_ATTNAMES,
    STATE_FIELDS,
    ContractType,
    CountingRule,
    Deal,
    DealEntry,
    DealImport,
    DealOrigin,
    DealStatus,
)
from deals.permissions import (
    can_record_from,
    is_ledger_keeper,
    is_recorder,
    official_district,
    require_correction,
    require_counting_rule_change,
    require_ledger_keeper,
)
from deals.rollups import rollup_change
from marketplace.models import Bid, Capability, Challenge, IndustryChain, Need

logger = logging.getLogger(__name__)

AWARDED_CHALLENGE = {
    Challenge.Status.AWARDED,
    Challenge.Status.IN_PROGRESS,
    Challenge.Status.ACCEPTED,
    Challenge.Status.FAILED,
}


@dataclass(frozen=True)
class Party:
    """A buyer or seller: an organisation on the platform, or a name, USCC and region (and outside
    Huzhou the province and city, accounts.places)."""

    organisation: Organisation | None = None
    name: str = ""
    uscc: str = ""
    region: str = ""
    province: str = ""
    city: str = ""

    @classmethod
    def of(cls, organisation: Organisation) -> Party:
        return cls(
            organisation=organisation,
            name=organisation.name,
            uscc=organisation.uscc,
            region=organisation.region,
            province=organisation.province,
            city=organisation.city,
        )

    def resolved(self) -> Party:
        """An organisation wins over typed-in data; a typed-in USCC that belongs to an organisation
        on the platform is linked to it, so the organisation sees the contract."""
        if self.organisation is not None:
            return Party.of(self.organisation)
        org = Organisation.objects.filter(uscc=self.uscc).first() if self.uscc else None
        return dataclasses.replace(self, organisation=org)


def _set_party(deal: Deal, side: str, party: Party) -> None:
    party = party.resolved()
    try:
        province, city = place_clean(region=party.region, province=party.province, city=party.city)
    except PlaceProblem as problem:
        if party.organisation is None:
            raise ValidationError({side: str(problem)}) from None
        province, city = "", ""  # an organisation's own record predates the place rules: unknown
    setattr(deal, f"{side}_organisation", party.organisation)
    setattr(deal, f"{side}_name", party.name)
    setattr(deal, f"{side}_uscc", party.uscc)
    setattr(deal, f"{side}_region", party.region)
    setattr(deal, f"{side}_province", province)
    setattr(deal, f"{side}_city", city)


def _state(deal: Deal) -> dict[str, Any]:
    return {attname: getattr(deal, attname) for attname in STATE_ATTNAMES}


def _as_text(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, bool)) else str(value)


def _entry(
    deal: Deal,
    *,
    kind: str,
    by: User,
    reason: str,
    before: dict | None,
    at=None,
    reverses: DealEntry | None = None,
    import_job: DealImport | None = None,
) -> DealEntry:
    """The ledger line for `deal`'s state now. Not saved: callers save one or bulk-create many."""
    after = _state(deal)
    changes = (
        {}
        if before is None
        else {k: [_as_text(before[k]), _as_text(after[k])] for k in STATE_ATTNAMES if before[k] != after[k]}
    )
    return DealEntry(
        deal=deal,
        kind=kind,
        by=by,
        reason=reason,
        at=at or timezone.now(),
        changes=changes,
        reverses=reverses,
        import_job=import_job,
        **after,
    )


def _check_numbers_free(deal: Deal) -> None:
    others = Deal.objects.filter(registry=deal.registry).exclude(pk=deal.pk)
    if others.filter(contract_number=deal.contract_number).exists():
        raise ValidationError({"contract_number": _("该登记机构下已有此合同编号")})
    if deal.registration_number and others.filter(registration_number=deal.registration_number).exists():
        raise ValidationError({"registration_number": _("该登记机构下已有此认定登记编号")})


def _save(deal: Deal) -> None:
    _check_numbers_free(deal)
    deal.full_clean(validate_constraints=False)  # uniqueness checked above with clearer messages
    try:
        with transaction.atomic():
            deal.save()
    except IntegrityError:
        raise Conflict(_("合同编号或认定登记编号刚被占用，请刷新后重试")) from None


def _locked(deal: Deal) -> Deal:
    return Deal.objects.select_for_update().get(pk=deal.pk)


# --- recording a contract ---------------------------------------------------------------------


@dataclass(frozen=True)
class Prefill:
    """What a contract that follows from a posting starts with.

    `values` are deal_record's defaults; `winners` the challenge's awarded bids (赛马制 may award
    several: the one signed with is then chosen, and until it is the seller and amount stay empty).
    """

    origin: str
    posting: Organisation | None = None
    values: dict[str, Any] = field(default_factory=dict)
    winners: tuple[Bid, ...] = ()


def _prefill(
    *, origin: str, challenge: Challenge | None, bid: Bid | None, need: Need | None, capability: Capability | None
) -> Prefill:
    if origin == DealOrigin.CHALLENGE:
        if challenge is None:
            raise ValidationError({"challenge": _("平台撮合的合同须选择来源榜单")})
        if challenge.status not in AWARDED_CHALLENGE:
            raise Conflict(_("榜单尚未定榜，不能据此录入合同"), extra={"status": challenge.status})
        winners = tuple(challenge.bids.filter(status=Bid.Status.AWARDED).select_related("organisation").order_by("id"))
        if bid is not None and bid not in winners:
            raise ValidationError({"bid": _("所选申请不是该榜单的中榜申请")})
        if bid is None and len(winners) == 1:
            bid = winners[0]
        values = {
            "buyer": Party.of(challenge.organisation),
            "industry": challenge.industry,
            "contract_type": ContractType.DEVELOPMENT,
            "title": challenge.title,
            "origin_challenge": challenge,
        }
        if bid is not None:
            values.update(seller=Party.of(bid.organisation), contract_amount=bid.price, origin_bid=bid)
        return Prefill(origin=origin, posting=challenge.organisation, values=values, winners=winners)
    if origin == DealOrigin.NEED:
        if need is None:
            raise ValidationError({"need": _("平台撮合的合同须选择来源需求")})
        if need.status == Need.Status.DRAFT:
            raise Conflict(_("草稿状态的需求不能据此录入合同"))
        contract_type = (
            need.cooperation_type if need.cooperation_type in ContractType.values else ContractType.DEVELOPMENT
        )
        return Prefill(
            origin=origin,
            posting=need.organisation,
            values={
                "buyer": Party.of(need.organisation),
                "industry": need.industry,
                "contract_type": contract_type,
                "title": need.title,
                "origin_need": need,
            },
        )
    if origin == DealOrigin.CAPABILITY:
        if capability is None:
            raise ValidationError({"capability": _("平台撮合的合同须选择来源能力成果")})
        if capability.status == Capability.Status.DRAFT:
            raise Conflict(_("草稿状态的能力成果不能据此录入合同"))
        return Prefill(
            origin=origin,
            posting=capability.organisation,
            values={
                "seller": Party.of(capability.organisation),
                "industry": capability.industry,
                "title": capability.title,
                "origin_capability": capability,
            },
        )
    return Prefill(origin=origin)


def _require_recorder(by: User, prefill: Prefill) -> None:
    if not can_record_from(by, prefill.posting):
        raise Forbidden(_("只能为本机构的榜单、需求或能力成果录入合同；线下合同由科技部门或平台运营方录入"))


def deal_prefill(
    *,
    by: User,
    origin: str,
    challenge: Challenge | None = None,
    bid: Bid | None = None,
    need: Need | None = None,
    capability: Capability | None = None,
) -> Prefill:
    """What recording a contract from this posting would start with, for whoever may record it
    (the posting's organisation, officials, the operator): the form shows exactly the server's
    pre-fill, and the challenge's winners to choose from."""
    prefill = _prefill(origin=origin, challenge=challenge, bid=bid, need=need, capability=capability)
    _require_recorder(by, prefill)
    return prefill


@transaction.atomic
def deal_record(
    *,
    by: User,
    contract_number: str,
    signed_on: date,
    origin: str = DealOrigin.OFFLINE,
    challenge: Challenge | None = None,
    bid: Bid | None = None,
    need: Need | None = None,
    capability: Capability | None = None,
    buyer: Party | None = None,
    seller: Party | None = None,
    contract_type: str | None = None,
    contract_amount: Decimal | None = None,
    technical_amount: Decimal | None = None,
    industry: IndustryChain | None = None,
    title: str = "",
    registry: str = DEFAULT_REGISTRY,
    note: str = "",
    reason: str = "",
) -> Deal:
    """Record a signed contract (status 已录入). One that follows from an awarded challenge is
    pre-filled from it: the challenge owner buys, the winning bidder sells, for the winning bid's
    price, in the challenge's industry chain. Anything passed explicitly overrides the pre-fill."""
    prefill = deal_prefill(by=by, origin=origin, challenge=challenge, bid=bid, need=need, capability=capability)
    if prefill.winners and "origin_bid" not in prefill.values:
        raise ValidationError({"bid": _("该榜单有多个中榜团队，请选择与之签约的中榜申请")})
    posting_org, defaults = prefill.posting, prefill.values
    values = {
        "buyer": buyer or defaults.get("buyer"),
        "seller": seller or defaults.get("seller"),
        "contract_type": contract_type or defaults.get("contract_type"),
        "industry": industry or defaults.get("industry"),
        "contract_amount": contract_amount if contract_amount is not None else defaults.get("contract_amount"),
        "title": title or defaults.get("title", ""),
    }
    missing = {
        name: _("该字段是必填项。")
        for name in ("buyer", "seller", "contract_type", "contract_amount", "title")
        if not values[name]
    }
    if missing:
        raise ValidationError(missing)
    deal = Deal(
        registry=registry,
        contract_number=contract_number.strip(),
        title=values["title"],
        contract_type=values["contract_type"],
        contract_amount=values["contract_amount"],
        technical_amount=technical_amount if technical_amount is not None else values["contract_amount"],
        signed_on=signed_on,
        industry=values["industry"],
        origin=origin,
        status=DealStatus.RECORDED,
        created_by=by,
        note=note,
        origin_challenge=defaults.get("origin_challenge"),
        origin_bid=defaults.get("origin_bid"),
        origin_need=defaults.get("origin_need"),
        origin_capability=defaults.get("origin_capability"),
    )
    _set_party(deal, "buyer", values["buyer"])
    _set_party(deal, "seller", values["seller"])
    if (
        posting_org is not None
        and not is_ledger_keeper(by)
        and posting_org.uscc not in (deal.buyer_uscc, deal.seller_uscc)
    ):
        raise Forbidden(_("本机构须为合同的一方"))
    _save(deal)
    _entry(deal, kind=DealEntry.Kind.RECORD, by=by, reason=reason or _("录入合同"), before=None).save()
    rollup_change(after=[_state(deal)])
    emit("deal.recorded", subject=deal, actor=by)
    return deal


# --- registration (ledger keepers) and corrections (also the recorder, until registered) -------


@transaction.atomic
def deal_register(*, deal: Deal, by: User, registration_number: str, registered_on: date, reason: str = "") -> Deal:
    """认定登记. An official's registration always states its reason: the API requires one
    (DealRegisterInputSerializer). The default here is for programmatic callers only (the demo
    data, tests), whose entry then reads "认定登记"."""
    require_ledger_keeper(by)
    deal = _locked(deal)
    if deal.status != DealStatus.RECORDED:
        raise Conflict(
            _("合同当前状态为“%(status)s”，只有已录入的合同可以认定登记") % {"status": DealStatus(deal.status).label},
            extra={"status": deal.status},
        )
    before = _state(deal)
    deal.status, deal.registration_number, deal.registered_on = (
        DealStatus.REGISTERED,
        registration_number.strip(),
        registered_on,
    )
    _save(deal)
    _entry(deal, kind=DealEntry.Kind.REGISTER, by=by, reason=reason.strip() or _("认定登记"), before=before).save()
    rollup_change(before=[before], after=[_state(deal)])
    emit("deal.registered", subject=deal, actor=by)
    return deal


AMENDABLE = {
    "title",
    "contract_type",
    "contract_amount",
    "technical_amount",
    "signed_on",
    "registered_on",
    "registration_number",
    "industry",
    "buyer",
    "seller",
}


@transaction.atomic
def deal_amend(*, deal: Deal, by: User, reason: str, **changes: Any) -> Deal:
    """Correct a contract: ledger keepers, or the organisation that recorded it until it is
    registered (deals.permissions). The old values stay in the ledger; the entry records both."""
    unknown = set(changes) - AMENDABLE
    if unknown:
        raise ValidationError({name: _("该字段不能更正") for name in sorted(unknown)})
    deal = _locked(deal)
    require_correction(by, deal)  # on the locked row: a registration just committed is seen
    if deal.status == DealStatus.VOIDED:
        raise Conflict(_("已作废的合同不能更正"), extra={"status": deal.status})
    if deal.status != DealStatus.REGISTERED and ({"registered_on", "registration_number"} & set(changes)):
        raise Conflict(_("未认定登记的合同请使用“认定登记”填写登记信息"), extra={"status": deal.status})
    before = _state(deal)
    for side in ("buyer", "seller"):
        if changes.get(side) is not None:
            _set_party(deal, side, changes.pop(side))
        changes.pop(side, None)
    for name, value in changes.items():
        setattr(deal, name, value)
    if _state(deal) == before:
        raise ValidationError({"non_field_errors": [_("没有需要更正的内容")]})
    if not is_ledger_keeper(by) and not is_recorder(by, deal):
        raise Forbidden(_("本机构须为合同的一方"))  # as when recording: a recorder cannot hand it away
    _save(deal)
    _entry(deal, kind=DealEntry.Kind.AMEND, by=by, reason=reason, before=before).save()
    rollup_change(before=[before], after=[_state(deal)])
    return deal


@transaction.atomic
def deal_void(*, deal: Deal, by: User, reason: str) -> Deal:
    require_ledger_keeper(by)
    return _end(deal, by=by, reason=reason, kind=DealEntry.Kind.VOID)


@transaction.atomic
def deal_withdraw(*, deal: Deal, by: User, reason: str) -> Deal:
    """撤回: the organisation that recorded a contract takes it back before it is registered (a
    half-filled contract recorded by mistake). It ends 已作废 as a void does; the ledger line says
    撤回, and why."""
    deal = _locked(deal)
    require_correction(by, deal)
    if deal.status != DealStatus.RECORDED:
        raise Conflict(
            _("合同当前状态为“%(status)s”，只有尚未认定登记的合同可以撤回") % {"status": DealStatus(deal.status).label},
            extra={"status": deal.status},
        )
    return _end(deal, by=by, reason=reason, kind=DealEntry.Kind.WITHDRAW)


def _end(deal: Deal, *, by: User, reason: str, kind: str) -> Deal:
    deal = _locked(deal)
    if deal.status == DealStatus.VOIDED:
        raise Conflict(_("合同已作废"), extra={"status": deal.status})
    before = _state(deal)
    deal.status = DealStatus.VOIDED
    deal.save(update_fields=["status", "updated_at"])
    _entry(deal, kind=kind, by=by, reason=reason, before=before).save()
    rollup_change(before=[before], after=[_state(deal)])
    return deal


@transaction.atomic
def deal_reverse(*, deal: Deal, by: User, entry_id: int, reason: str) -> Deal:
    """Undo the contract's latest entry by appending one that restores the state before it.
    Only the latest can be reversed (so what is undone is exactly what the user saw); reversing a
    reversal re-applies the change. The first entry (录入) cannot be reversed: void the contract."""
    require_ledger_keeper(by)
    deal = _locked(deal)
    entries = list(deal.entries.order_by("-id")[:2])
    target = next((e for e in entries if e.pk == entry_id), None)
    if target is None and not deal.entries.filter(pk=entry_id).exists():
        raise ValidationError({"entry": _("该记录不属于这份合同")})
    if target is None or target.pk != entries[0].pk:
        raise Conflict(_("只能冲销这份合同最近的一条记录"), extra={"latest": entries[0].pk})
    if target.kind == DealEntry.Kind.RECORD or len(entries) < 2:
        raise Conflict(_("录入记录不能冲销；如合同无效请作废"))
    before = _state(deal)
    previous = entries[1]
    for attname in STATE_ATTNAMES:
        setattr(deal, attname, getattr(previous, attname))
    _save(deal)
    _entry(deal, kind=DealEntry.Kind.REVERSE, by=by, reason=reason, before=before, reverses=target).save()
    rollup_change(before=[before], after=[_state(deal)])
    return deal


# --- the counting rule --------------------------------------------------------------------------


@transaction.atomic
def counting_rule_set(
    *,
    by: User,
    year: int,
    target_amount: Decimal,
    statuses: list[str],
    date_field: str,
    amount_field: str,
    require_huzhou_party: bool,
    reason: str,
    flow: str = CountingRule.Flow.BOTH,
    target_source: str | None = None,
) -> CountingRule:
    """A new version of `year`'s rule. Past summaries keep the version that was in force. Unless
    told, the target keeps its source while its amount is unchanged; a new amount is the operator's."""
    require_counting_rule_change(by)
    versions = list(CountingRule.objects.select_for_update().filter(year=year).order_by("-version"))
    if target_source is None:
        same_target = versions and versions[0].target_amount == target_amount
        target_source = versions[0].target_source if same_target else CountingRule.TargetSource.OPERATOR
    rule = CountingRule(
        year=year,
        version=(versions[0].version + 1) if versions else 1,
        target_amount=target_amount,
        statuses=list(dict.fromkeys(statuses)),
        date_field=date_field,
        amount_field=amount_field,
        require_huzhou_party=require_huzhou_party,
        flow=flow,
        target_source=target_source,
        created_by=by,
        reason=reason,
        created_at=timezone.now(),
    )
    rule.full_clean(exclude=["version"], validate_constraints=False)
    if versions:
        current = versions[0]
        same = all(
            getattr(rule, f) == getattr(current, f)
            for f in ("target_amount", "date_field", "amount_field", "require_huzhou_party", "flow", "target_source")
        ) and sorted(rule.statuses) == sorted(current.statuses)
        if same:
            raise ValidationError({"non_field_errors": [_("与当前口径相同，无需新增版本")]})
    rule.save()
    return rule


# --- import of the technology-market registry export -------------------------------------------


@transaction.atomic
def deals_import_start(*, by: User, upload: UploadedFile) -> DealImport:
    """Check the file (size, type, XLSX bomb), keep it, and queue the import. The rows are read by
    `deals_import_run` in a worker; the job reports progress and the per-row result."""
    from deals.tasks import deals_import_task  # lazy: tasks.py imports this module

    require_ledger_keeper(by)
    file_format = imports.check_upload(upload)
    upload.seek(0)
    content = b"".join(upload.chunks())
    job = DealImport.objects.create(
        file_name=(upload.name or "upload")[-200:],
        file_format=file_format,
        file_size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        created_by=by,
        language=translation.get_language() or "zh-hans",
    )
    # robust: with the broker down the job stays queued and deals_imports_resume sends it later.
    transaction.on_commit(lambda: deals_import_task.delay(job.pk), robust=True)
    # Returned without the file: with eager tasks the import runs before this object is released.
    return DealImport.objects.defer("content").get(pk=job.pk)


# A running import writes its progress at least every few seconds and applies 100,000 rows in well
# under a minute (tests/benchmarks/bench_deals_import.py); one silent for this long has lost its worker.
STALE_IMPORT = timedelta(minutes=10)


# Failures that say nothing about the file, after which the same file may well import: the
# database was busy or briefly out of reach. Django raises the drivers' errors as these two:
# OperationalError for SQLite's "database is locked" (another writer held the file past the busy
# timeout: the "导入时发生内部错误" that succeeded 8 s later, issue 15), PostgreSQL's lock and
# statement timeouts (55P03, 57014), deadlocks and serialization failures (40P01, 40001) and a
# lost server; InterfaceError for a connection closed under the worker. An import is safe to run
# again after any of them: validation writes nothing, and the apply phase is one transaction.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
# Seconds before each automatic rerun within one claim of the job: a lock held by another writer
# clears within seconds; three reruns over ~13 s, then the failure is reported with a retry button.
RETRY_DELAYS = (1.0, 3.0, 9.0)
# Claims of one job (a worker that dies mid-run leaves it claimed until STALE_IMPORT, then
# deals_imports_resume sends it again): after this many, the job is reported failed instead.
MAX_IMPORT_RUNS = 3


def _transient_reason(exc: Exception) -> str:
    """What went wrong, in words an official can act on (wait, then retry)."""
    cause = exc.__cause__
    code = str(getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None) or "")
    text = str(exc).lower()
    if code in ("55P03", "40P01", "40001") or "lock" in text:
        return _("台账正被其他操作占用，等待超时")
    if code == "57014" or "timeout" in text:
        return _("数据库响应超时")
    if isinstance(exc, InterfaceError) or code.startswith(("08", "57P")) or "connection" in text:
        return _("与数据库的连接中断")
    return _("数据库暂时不可用")


def deals_import_run(*, job_id: int) -> DealImport:
    """Validate every row, then apply all of them in one transaction, or none. Safe to run again:
    a finished or running job is left alone, one whose worker died starts over (nothing of it was
    applied), and rows already in the ledger with the same data are no-ops. A transient failure
    (TRANSIENT_ERRORS) is retried here after RETRY_DELAYS; if it persists, or a bug stops the run,
    the job fails with its reason and `retryable`, so that its user can run the same file again."""
    # Claimed once, so no import is applied twice.
    if not job_claim(
        DealImport, job_id, stale=STALE_IMPORT, errors=[], error_count=0, retryable=False, attempts=F("attempts") + 1
    ):
        return DealImport.objects.defer("content").get(pk=job_id)
    job = DealImport.objects.defer("content").get(pk=job_id)
    with translation.override(job.language):  # the report speaks the uploader's language
        if job.attempts > MAX_IMPORT_RUNS:
            return _import_failed_for_system(
                job,
                _("处理导入的后台进程已%(n)d次意外中止，未写入任何数据；请点击“重新导入”再试") % {"n": MAX_IMPORT_RUNS},
            )
        unexpected = _(
            "导入程序出现意外错误（已记录，导入编号%(id)d），未写入任何数据；可点击“重新导入”再试，仍失败请联系平台运营方"
        ) % {"id": job.pk}
        with job_failure_reported(job, message=unexpected, cleanup=lambda: job_update(job, retryable=True)):
            return _import_with_retries(job)


def _import_with_retries(job: DealImport) -> DealImport:
    for delay in (*RETRY_DELAYS, None):
        try:
            return _import_run(job)
        except TRANSIENT_ERRORS as exc:
            reason = _transient_reason(exc)
            logger.warning("deal import %s: transient failure (%s), retry in %s s", job.pk, exc, delay)
            if not connection.in_atomic_block:  # a broken connection is replaced on the next query
                connection.close_if_unusable_or_obsolete()
            if delay is None:
                return _import_failed_for_system(
                    job,
                    _("%(reason)s，已自动重试%(n)d次仍未成功，未写入任何数据；请稍后点击“重新导入”")
                    % {"reason": reason, "n": len(RETRY_DELAYS)},
                )
            try:
                job_update(
                    job,
                    status=DealImport.Status.VALIDATING,
                    processed_rows=0,
                    message=_("%(reason)s，%(delay)d秒后自动重试") % {"reason": reason, "delay": delay},
                )
            except TRANSIENT_ERRORS:
                pass  # the note is for the progress page only; the rerun does not need it
            time.sleep(delay)
    raise AssertionError("unreachable: the last delay returns")


def _import_failed_for_system(job: DealImport, message: str) -> DealImport:
    """Failed for a reason outside the file: nothing was written, and the same file may run again."""
    return job_update(job, status=DealImport.Status.FAILED, retryable=True, message=message, finished_at=timezone.now())


def _import_run(job: DealImport) -> DealImport:
    S = DealImport.Status
    try:
        # One copy of the file in memory: the row's value is dropped once BytesIO holds it.
        handle = io.BytesIO(DealImport.objects.filter(pk=job.pk).values_list("content", flat=True).get())
        plan = imports.plan_import(
            handle,
            file_format=job.file_format,
            on_progress=lambda done, total: job_update(job, processed_rows=done, total_rows=total),
        )
        del handle
        if plan.errors:
            return job_update(
                job,
                status=S.FAILED,
                processed_rows=plan.total,
                total_rows=plan.total,
                error_count=len(plan.errors),
                errors=[e.as_dict() for e in plan.errors[: imports.MAX_REPORTED_ERRORS]],
                message=_("共有%(n)d处错误，未写入任何数据；请修正后重新导入整个文件") % {"n": len(plan.errors)},
                finished_at=timezone.now(),
            )
        job_update(job, status=S.APPLYING, processed_rows=plan.total, total_rows=plan.total)
        # The contracts and the job's "succeeded" commit together: a worker killed in between
        # leaves neither, and the rerun reports what this file did, not "0 new".
        with transaction.atomic():
            created, registered = _apply_plan(plan, job=job)
            return job_update(
                job,
                status=S.SUCCEEDED,
                created_count=created,
                registered_count=registered,
                unchanged_count=plan.unchanged,
                finished_at=timezone.now(),
                message=_("新增%(created)d份，补登记%(registered)d份，%(unchanged)d份与台账一致未变化")
                % {"created": created, "registered": registered, "unchanged": plan.unchanged},
            )
    except imports.FileProblem as problem:
        return job_update(job, status=S.FAILED, message=str(problem), finished_at=timezone.now())
    except IntegrityError:
        logger.warning("deal import %s collided with a concurrent write", job.pk, exc_info=True)
        return _import_failed_for_system(job, _("导入期间台账被同时修改，未写入任何数据；请点击“重新导入”"))


@transaction.atomic
def deals_import_retry(*, job: DealImport, by: User) -> DealImport:
    """Run a failed import again on the file it stored, when it failed for a reason outside the
    file (`retryable`): its creator, or an official or operator who keeps the whole city's ledger.
    Row errors are not retried: the same file would give the same report."""
    from deals.tasks import deals_import_task  # lazy: tasks.py imports this module

    require_ledger_keeper(by)
    job = DealImport.objects.select_for_update().defer("content").get(pk=job.pk)
    if job.created_by_id != by.pk and official_district(by) is not None:
        raise Forbidden(_("只能重新导入本人上传的文件"))
    if job.status != DealImport.Status.FAILED or not job.retryable:
        raise Conflict(
            _("只有因系统原因失败的导入可以重新导入；文件中的错误请修正后重新上传"),
            extra={"status": job.status},
        )
    job_update(
        job,
        status=DealImport.Status.PENDING,
        attempts=0,
        retryable=False,
        message="",
        errors=[],
        error_count=0,
        processed_rows=0,
        started_at=None,
        finished_at=None,
    )
    transaction.on_commit(lambda: deals_import_task.delay(job.pk), robust=True)
    return job


def deals_imports_resume() -> int:
    """Beat, every minute: send again every import no worker is running (core.jobs.jobs_resend)."""
    from deals.tasks import deals_import_task  # lazy: tasks.py imports this module

    return jobs_resend(DealImport, stale=STALE_IMPORT, send=deals_import_task.delay)


# Rows per INSERT: 1,000 keeps SQLite under its variable limit (26 columns) and was as fast as
# 5,000 on PostgreSQL in tests/benchmarks/bench_deals_import.py.
BATCH = 1000


def _record_entries_from_rows(ids: list[int], *, by: User, at, reason: str, job: DealImport) -> None:
    """The 录入 entry of each new contract, as INSERT … SELECT from its row: the state is copied
    by the database, so the entry equals the row exactly. Building 100,000 DealEntry objects in
    Python instead made the apply phase of tests/benchmarks/bench_deals_import.py twice as slow."""
    from django.db import connection

    quote = connection.ops.quote_name
    state = ", ".join(quote(f.column) for f in STATE_FIELDS)
    sql = (
        f"INSERT INTO {quote(DealEntry._meta.db_table)} "
        f"({quote('deal_id')}, {quote('kind')}, {quote('at')}, {quote('by_id')}, {quote('reason')}, {quote('import_job_id')}, "
        f"{quote('changes')}, {state}) "
        f"SELECT {quote('id')}, %s, %s, %s, %s, %s, '{{}}', {state} FROM {quote(Deal._meta.db_table)} "
        f"WHERE {quote('id')} IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [DealEntry.Kind.RECORD, connection.ops.adapt_datetimefield_value(at), by.pk, reason, job.pk, *ids]
        )


@transaction.atomic
def _apply_plan(plan: imports.ImportPlan, *, job: DealImport) -> tuple[int, int]:
    by = job.created_by
    now = timezone.now()
    reason = _("导入：%(file)s") % {"file": job.file_name}
    # New contracts: bulk insert, then their first ledger lines copied from the rows just written.
    for start in range(0, len(plan.new), BATCH):
        deals = [
            Deal(created_by=by, origin=DealOrigin.OFFLINE, **dict(zip(imports.NEW_FIELDS, values, strict=False)))
            for values in plan.new[start : start + BATCH]
        ]
        Deal.objects.bulk_create(deals, batch_size=BATCH)
        _record_entries_from_rows([d.pk for d in deals], by=by, at=now, reason=reason, job=job)
        rollup_change(after=[_state(d) for d in deals])
    # Contracts recorded on the platform that the registry has now registered.
    registered = 0
    for start in range(0, len(plan.registrations), BATCH):
        chunk = dict(plan.registrations[start : start + BATCH])
        locked = list(Deal.objects.select_for_update().filter(pk__in=chunk, status=DealStatus.RECORDED))
        if len(locked) != len(chunk):
            raise IntegrityError("a contract changed status during the import")
        entries, befores = [], []
        for deal in locked:
            before = _state(deal)
            befores.append(before)
            deal.status = DealStatus.REGISTERED
            deal.registered_on, deal.registration_number = chunk[deal.pk]
            deal.updated_at = now
            entries.append(
                _entry(deal, kind=DealEntry.Kind.REGISTER, by=by, reason=reason, before=before, at=now, import_job=job)
            )
        Deal.objects.bulk_update(
            locked, ["status", "registered_on", "registration_number", "updated_at"], batch_size=BATCH
        )
        DealEntry.objects.bulk_create(entries, batch_size=BATCH)
        rollup_change(before=befores, after=[_state(d) for d in locked])
        registered += len(locked)
    return len(plan.new), registered
