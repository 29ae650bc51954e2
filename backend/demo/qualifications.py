"""What makes the targets board's computed targets and the volume by qualification show real
figures in the demo: the bureau's qualification lists (高新技术企业, 科技型中小企业, 专精特新,
龙头企业) for a plausible share of the ledger's and the platform's Huzhou enterprises, a few
innovation consortia (most led by a 龙头企业), and the city bureau's marks on the challenges
(重点项目; 标志性成果 on accepted ones).

Keyed by USCC like the real lists, with validity periods around the ledger's two years so a
contract's party holds a qualification on some contract dates and not on others. Written with
bulk_create and plain updates, as the rest of the demo is; each part is written once (the lists,
the consortia by name, the marks while no official has marked a challenge), so running seed_demo
again adds nothing. Deterministic for a given ledger and year."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from django.db.models import Count
from django.utils import timezone

from accounts.models import InnovationConsortium, Organisation, Qualification, User
from accounts.places import HUZHOU_REGIONS
from deals.models import Deal
from demo.ledger import NOTE, SEED
from marketplace.models import Challenge

K = Qualification.Kind
S = Challenge.Status
SOURCE = "演示数据：{year}年湖州市{kind}名单"
# Share of Huzhou enterprises holding each qualification: most firms that trade technology are
# 科技型中小企业 or 高新技术企业; fewer are 专精特新; 龙头企业 are the few largest (chosen by volume).
SHARES = {K.TECH_SME: 0.55, K.HIGH_TECH: 0.40, K.SPECIALISED: 0.15}
LEADING_FROM_LEDGER = 8
# (name, lead's demo account, members' demo accounts): the first four leads are given 龙头企业.
CONSORTIA = [
    ("湖州动力电池材料创新联合体", "tianneng", ("taihu_lab", "zju_hz")),
    ("湖州智能物流装备创新联合体", "nuoli", ("sh_lab", "zju_hz")),
    ("南浔高端合金特材创新联合体", "zhongchen", ("taihu_lab",)),
    ("德清地理信息与北斗应用创新联合体", "beidou", ("geo_lab", "zju_hz")),
    ("莫干山生物医药创新联合体", "bio", ("hz_pharma",)),  # its lead holds no 龙头企业: recorded, not counted
    ("安吉绿色家居创新联合体", "anjihome", ("zju_hz",)),  # likewise
]
LEADING_LEADS = 4


def _periods(kind: str, rng: random.Random, this_year: int) -> list[tuple[date, date | None]]:
    """Validity periods covering (most of) last year and this year, as each list grants them."""
    if kind == K.TECH_SME:  # evaluated every year, valid to the year's end
        return [(date(y, rng.randint(3, 6), 1), date(y, 12, 31)) for y in (this_year - 1, this_year)]
    start = date(rng.randint(this_year - 3, this_year - 1), 12, 1)  # three-year recognitions
    periods = [(start, start.replace(year=start.year + 3) - timedelta(days=1))]
    if periods[0][1] < date(this_year, 12, 31) and rng.random() < 0.8:  # renewed
        renewed = periods[0][1] + timedelta(days=1)
        periods.append((renewed, renewed.replace(year=renewed.year + 3) - timedelta(days=1)))
    return periods


def _huzhou_enterprises() -> list[tuple[str, str]]:
    """(USCC, name) of the ledger's and the platform's Huzhou enterprises, the busiest first."""
    seen: dict[str, tuple[str, int]] = {}
    for side in ("buyer", "seller"):
        rows = (
            Deal.objects.filter(note=NOTE, **{f"{side}_region__in": HUZHOU_REGIONS, f"{side}_uscc__startswith": "91"})
            .values_list(f"{side}_uscc", f"{side}_name")
            .annotate(n=Count("pk"))
        )
        for uscc, name, n in rows:
            seen[uscc] = (name, seen.get(uscc, ("", 0))[1] + n)
    for org in Organisation.objects.filter(kind=Organisation.Kind.ENTERPRISE, region__in=HUZHOU_REGIONS):
        seen.setdefault(org.uscc, (org.name, 0))
    return sorted(((u, name) for u, (name, _n) in seen.items()), key=lambda p: (-seen[p[0]][1], p[0]))


def qualifications_add(*, users: dict[str, User], today: date) -> int:
    """The lists, once. Returns the number of qualifications written."""
    if Qualification.objects.filter(source__startswith="演示数据").exists():
        return 0
    by, year = users["kjj"], today.year
    leads = {users[key].organisation.uscc for _n, key, _m in CONSORTIA[:LEADING_LEADS]}
    rows = []
    for rank, (uscc, name) in enumerate(_huzhou_enterprises()):
        rng = random.Random(f"{SEED}-{uscc}")
        kinds = [kind for kind, share in SHARES.items() if rng.random() < share]
        if rank < LEADING_FROM_LEDGER or uscc in leads:
            kinds += [K.HIGH_TECH, K.LEADING]  # the largest firms are recognised on every list
        for kind in dict.fromkeys(kinds):
            for start, until in _periods(kind, rng, year):
                if kind == K.LEADING:
                    start, until = date(year - 3, 3, 1), None  # named once, until the list is revised
                rows.append(
                    Qualification(
                        uscc=uscc,
                        name=name,
                        kind=kind,
                        valid_from=start,
                        valid_until=until,
                        certificate_number=f"GR{start.year}33{rng.randrange(10**6):06d}" if kind == K.HIGH_TECH else "",
                        source=SOURCE.format(year=start.year, kind=K(kind).label),
                        created_by=by,
                    )
                )
                if kind == K.LEADING:
                    break
    Qualification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def consortia_add(*, users: dict[str, User], today: date) -> int:
    """The consortia not recorded yet (by name). Returns how many were added."""
    have = set(InnovationConsortium.objects.values_list("name", flat=True))
    added = 0
    for i, (name, lead, members) in enumerate(CONSORTIA):
        if name in have:
            continue
        consortium = InnovationConsortium.objects.create(
            name=name,
            lead=users[lead].organisation,
            established_on=date(today.year - 1, 2 + 2 * i, 18),
            source="湖州市科技局关于组建创新联合体的批复（演示）",
            created_by=users["kjj"],
        )
        consortium.members.set([users[key].organisation for key in members])
        added += 1
    return added


def challenge_marks_add(*, users: dict[str, User], now: datetime) -> int:
    """The city bureau designates 重点项目 (a month after publication) among the challenges under
    way, done or failed and a few open ones; accepted challenges are marked 标志性成果 but one.
    Only while no official has designated any. Returns how many challenges were marked."""
    if Challenge.objects.filter(key_project_by__isnull=False).exists():
        return 0
    by, marked = users["kjj"], 0
    candidates = Challenge.objects.filter(
        status__in=[S.PUBLISHED, S.AWARDED, S.IN_PROGRESS, S.ACCEPTED, S.FAILED], published_at__isnull=False
    ).order_by("id")
    accepted = 0
    for challenge in candidates:
        rng = random.Random(f"{SEED}-{challenge.title}")
        key = rng.random() < (0.25 if challenge.status == S.PUBLISHED else 0.75)
        landmark = ""
        if challenge.status == S.ACCEPTED:
            accepted += 1
            landmark = ("", Challenge.Landmark.GAP_FILLING, Challenge.Landmark.IMPORT_SUBSTITUTION)[accepted % 3]
        if not key and not landmark:
            continue
        fields = {"landmark": landmark}
        if key:
            at = min(challenge.published_at + timedelta(days=rng.randint(20, 40)), now)
            fields |= {"key_project": True, "key_project_by": by, "key_project_at": at}
        Challenge.objects.filter(pk=challenge.pk).update(**fields)
        marked += 1
    return marked


def add(*, users: dict[str, User]) -> dict[str, int]:
    today, now = timezone.localdate(), timezone.now()
    return {
        "qualifications": qualifications_add(users=users, today=today),
        "innovation consortia": consortia_add(users=users, today=today),
        "challenges marked by the bureau": challenge_marks_add(users=users, now=now),
    }
