"""Writes the demo's bulk postings and bids (demo.postings) straight into the tables,
each with a past that fits its status: a challenge that was awarded was published, closed at a
deadline that has passed and awarded afterwards, and its history says so with those dates.

The rows bypass marketplace.services on purpose: the services stamp everything "now" and emit
events whose on-commit indexing encodes every posting with the bundled model, about 0.8 s a
posting on two cores (seed_demo would take minutes). `reindex`, which `make run` runs right
after seed_demo, indexes them. Everything here is a function of the data and today's date, and
rows that exist (same organisation and title) are left alone, so running it again adds nothing."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Organisation, User
from accounts.uscc import uscc_check_char
from demo import postings as data
from marketplace.models import (
    Bid,
    BidPartner,
    Capability,
    Challenge,
    ChallengeTransition,
    IndustryChain,
    Need,
)

S = Challenge.Status
R = ChallengeTransition.ActorRole


def organisations_add(*, users: dict[str, User], operator: User, password_hash: str) -> dict[str, User]:
    """The bulk part's organisations, verified, each with an admin account named by its key."""
    now = timezone.now()
    for key, name, kind, institute_type, region, first17, place in data.ORGANISATIONS:
        province, city = place or ("", "")
        org, _ = Organisation.objects.get_or_create(
            uscc=first17 + uscc_check_char(first17),
            defaults={
                "name": name,
                "kind": kind,
                "institute_type": institute_type,
                "region": region,
                "province": province,
                "city": city,
                "verification": Organisation.Verification.VERIFIED,
                "verified_at": now,
                "verified_by": operator,
                "verification_note": "演示数据",
            },
        )
        user, _ = User.objects.get_or_create(
            username=key, defaults={"organisation": org, "org_role": User.Role.ADMIN, "password": password_hash}
        )
        users[key] = user
    return users


def _at(rng: random.Random, day: datetime) -> datetime:
    """A moment in office hours on `day`'s date."""
    return day.replace(hour=rng.randint(9, 17), minute=rng.randrange(60), second=rng.randrange(60), microsecond=0)


def _missing(model, rows, users) -> list:
    have = set(model.objects.values_list("organisation_id", "title"))
    return [row for row in rows if (users[row[0]].organisation_id, row[2]) not in have]


def postings_add(*, users: dict[str, User]) -> dict[str, int]:
    """Insert the capabilities, needs and challenges (with bids) that are not there yet."""
    chains = {c.code: c for c in IndustryChain.objects.all()}
    now = timezone.now()
    capabilities = []
    for owner, chain, title, kind, trl, description, keywords in _missing(Capability, data.CAPABILITIES, users):
        rng = random.Random(title)
        created = _at(rng, now - timedelta(days=rng.randint(20, 420)))
        capabilities.append(
            Capability(
                organisation=users[owner].organisation,
                created_by=users[owner],
                title=title,
                description=description,
                industry=chains[chain],
                keywords=keywords,
                kind=kind,
                trl=trl,
                cooperation_types=["development", "transfer", "license"] if trl >= 6 else ["development", "joint"],
                team="学科带头人领衔，博士和工程师组成的研发团队",
                status=Capability.Status.PUBLISHED,
                created_at=created,
                updated_at=created,
            )
        )
    needs = []
    for owner, chain, title, cooperation, low, high, description, keywords, status in _missing(Need, data.NEEDS, users):
        rng = random.Random(title)
        created = _at(rng, now - timedelta(days=rng.randint(150, 320) if status == "closed" else rng.randint(3, 120)))
        needs.append(
            Need(
                organisation=users[owner].organisation,
                created_by=users[owner],
                title=title,
                description=description,
                industry=chains[chain],
                keywords=keywords,
                cooperation_type=cooperation,
                budget_min=Decimal(low),
                budget_max=Decimal(high),
                status=status,
                created_at=created,
                updated_at=created,
            )
        )
    for objects in (capabilities, needs):
        if objects:
            type(objects[0]).objects.bulk_create(objects)
            # bulk_create stamps auto_now_add "now"; the past goes in with an update
            type(objects[0]).objects.bulk_update(objects, ["created_at", "updated_at"])
    rows = _missing(Challenge, data.CHALLENGES, users)
    for row in rows:
        _challenge_add(row, users=users, chains=chains, now=now)
    return {"capabilities": len(capabilities), "needs": len(needs), "challenges": len(rows)}


def _timeline(rng: random.Random, status: str, now: datetime) -> dict[str, datetime]:
    """When each step of a challenge in `status` happened; the deadline is ahead only for an open one."""
    day = timedelta(days=1)
    if status == S.DRAFT:
        created = now - 3 * day
        return {"created": created, "deadline": now + 60 * day}
    if status == S.PUBLISHED:
        published = now - rng.randint(5, 40) * day
        return {"created": published - 2 * day, "published": published, "deadline": now + rng.randint(15, 75) * day}
    if status == S.CANCELLED:
        published = now - rng.randint(90, 160) * day
        return {
            "created": published - 3 * day,
            "published": published,
            "deadline": published + 60 * day,
            "cancelled": published + 25 * day,
        }
    closed_ago = {
        S.CLOSED: (3, 30),
        S.AWARDED: (40, 90),
        S.IN_PROGRESS: (100, 220),
        S.ACCEPTED: (420, 560),
        S.FAILED: (420, 560),
    }[status]
    deadline = now - rng.randint(*closed_ago) * day
    published = deadline - rng.randint(45, 75) * day
    steps = {"created": published - 4 * day, "published": published, "deadline": deadline, "closed": deadline}
    if status != S.CLOSED:
        steps["awarded"] = deadline + rng.randint(12, 25) * day
    if status in (S.IN_PROGRESS, S.ACCEPTED, S.FAILED):
        steps["started"] = steps["awarded"] + rng.randint(15, 30) * day
    if status in (S.ACCEPTED, S.FAILED):
        steps["concluded"] = min(steps["started"] + rng.randint(330, 400) * day, now - 10 * day)
    return steps


def _challenge_add(row, *, users, chains, now) -> None:
    (
        owner,
        chain,
        title,
        list_type,
        mode,
        bounty,
        funding,
        status,
        summary,
        description,
        indicators,
        keywords,
        bids,
    ) = row
    rng = random.Random(title)
    by = users[owner]
    when = {k: _at(rng, v) for k, v in _timeline(rng, status, now).items()}
    winners = max(2, sum(1 for b in bids if b[3] == "awarded")) if mode == Challenge.Mode.SAIMA else 1
    challenge = Challenge(
        organisation=by.organisation,
        created_by=by,
        title=title,
        summary=summary,
        description=description,
        industry=chains[chain],
        keywords=keywords,
        list_type=list_type,
        indicators=indicators,
        bounty=Decimal(bounty),
        funding_mode=funding,
        mode=mode,
        max_winners=winners,
        bid_deadline=when["deadline"],
        confidentiality=Challenge.Confidentiality.PUBLIC,
        status=status,
        published_at=when.get("published"),
    )
    challenge.full_clean(exclude=["organisation", "created_by"])
    challenge.save()
    last = max(when[k] for k in when if k != "deadline")
    Challenge.objects.filter(pk=challenge.pk).update(created_at=when["created"], updated_at=last)
    steps = [("", S.DRAFT, "created", "创建草稿", by)]
    if "published" in when:
        steps.append((S.DRAFT, S.PUBLISHED, "published", "", by))
    if "closed" in when:
        steps.append((S.PUBLISHED, S.CLOSED, "closed", "到达揭榜截止时间，自动截止", None))
    if "awarded" in when:
        steps.append((S.CLOSED, S.AWARDED, "awarded", "专家评审推荐", by))
    if "started" in when:
        steps.append((S.AWARDED, S.IN_PROGRESS, "started", "启动攻关", by))
    if "concluded" in when:
        reason = "各项指标达到榜单要求，通过验收" if status == S.ACCEPTED else "关键指标未达到榜单要求，未通过验收"
        steps.append((S.IN_PROGRESS, status, "concluded", reason, by))
    if "cancelled" in when:
        steps.append((S.PUBLISHED, S.CANCELLED, "cancelled", "企业研发方向调整，撤销榜单", by))
    transitions = ChallengeTransition.objects.bulk_create(
        [
            ChallengeTransition(
                challenge=challenge,
                from_status=before,
                to_status=after,
                by=actor,
                by_role=R.SYSTEM if actor is None else R.GOVERNMENT if actor.is_official else R.OWNER,
                by_organisation=None if actor is None else actor.organisation,
                reason=reason,
            )
            for before, after, _step, reason, actor in steps
        ]
    )
    for transition, (_b, _a, step, _r, _u) in zip(transitions, steps, strict=True):
        transition.at = when[step]
    ChallengeTransition.objects.bulk_update(transitions, ["at"])
    _bids_add(challenge, bids, users=users, when=when, rng=rng)


NOT_AWARDED_REASONS = [r for r in Bid.NotAwardedReason.values if r != Bid.NotAwardedReason.OTHER]


def _bids_add(challenge: Challenge, bids, *, users, when, rng: random.Random) -> None:
    opened, closes = when.get("published"), when["deadline"]
    decided = when.get("awarded") or when.get("cancelled") or timezone.now()
    for bidder, price, days, status, partners in bids:
        submitted = opened + (min(closes, when.get("cancelled", closes), timezone.now()) - opened) * rng.uniform(
            0.3, 0.9
        )
        lead = users[bidder]
        bid = Bid.objects.create(
            challenge=challenge,
            organisation=lead.organisation,
            created_by=lead,
            proposal=f"{lead.organisation.name}针对“{challenge.title}”提出分阶段攻关方案，依托已有中试平台和前期成果开展验证。",
            approach="需求分析与方案设计—关键工艺小试—中试放大—用户现场验证与验收",
            price=Decimal(price),
            duration_days=days,
            milestones=[
                {"title": "方案评审与小试", "due_day": days // 3, "deliverable": "小试报告"},
                {"title": "中试验证", "due_day": days * 2 // 3, "deliverable": "中试报告"},
                {"title": "现场验证与验收", "due_day": days, "deliverable": "验收材料"},
            ],
            status=status,
            # The owner's coded reason, as the award asks for one (a steady pick per bid, not the rng's).
            not_awarded_reason=NOT_AWARDED_REASONS[int(price) % len(NOT_AWARDED_REASONS)]
            if status == Bid.Status.NOT_AWARDED
            else "",
        )
        changed = {
            Bid.Status.SUBMITTED: submitted,
            Bid.Status.SHORTLISTED: submitted + timedelta(days=3),
            Bid.Status.WITHDRAWN: submitted + timedelta(days=5),
        }.get(status, decided)
        Bid.objects.filter(pk=bid.pk).update(created_at=submitted, updated_at=min(changed, timezone.now()))
        BidPartner.objects.bulk_create(
            [
                BidPartner(
                    bid=bid,
                    organisation=users[key].organisation,
                    role=role,
                    state=state,
                    decided_by=None if state == BidPartner.State.PENDING else users[key],
                    decided_at=None if state == BidPartner.State.PENDING else submitted + timedelta(days=2),
                )
                for key, role, state in partners
            ]
        )
