"""The demo's technology-contract ledger: a few thousand contracts over last year and this year
(up to today), shaped like a real registry's year.

- Volume: each year's counted technical amount is set against that year's target (deals'
  counting rule): last year a little above it, this year on course to beat it, so the dashboard
  reads like a city that is meeting the policy's trajectory (175亿 in 2026, 200亿 in 2027).
- Shape: registrations follow the working week, dip at the Spring Festival and National Day,
  rise at the end of each quarter and peak in December (the year-end rush every registry sees).
- Amounts: lognormal per contract type (many small service and consulting contracts, a few
  development, transfer and licence contracts of hundreds of millions).
- History: every contract has its 录入 entry a few days after signing, its 认定登记 entry on the
  day it was registered and, for the few voided ones, a 作废 entry later on: all in the past.

Written with bulk_create (about 8,000 rows), and the rollup moved with the same
deals.rollups.rollup_change the services and the import call, so the dashboard's maintained sums
equal the ledger. Deterministic for a given day (seeded random.Random)."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Max, Min, OuterRef, Subquery
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.places import HUZHOU_REGIONS, PlaceProblem, place_clean, place_from_uscc
from accounts.uscc import ALPHABET, uscc_check_char
from deals.models import (
    DEFAULT_REGISTRY,
    STATE_ATTNAMES,
    ContractType,
    Deal,
    DealEntry,
    DealOrigin,
    DealStatus,
)
from deals.rollups import rollup_change
from deals.selectors import counting_rule
from marketplace.models import IndustryChain

NOTE = "演示台账"  # marks the demo's contracts: the ledger is written once
SEED = 2027

# Contracts registered in a whole year, and the counted volume against the year's target.
CONTRACTS = {-1: 1900, 0: 2250}
VOLUME = {-1: Decimal("1.04"), 0: Decimal("1.10")}

# Share of registrations by month: Spring Festival in February, quarter ends, the December rush.
MONTHS = (4.5, 3.2, 7.0, 6.5, 7.0, 10.0, 6.5, 6.0, 9.0, 6.0, 10.5, 23.8)

# contract type: (share of contracts, median amount in yuan, lognormal sigma, technical share range)
TYPES = {
    "development": (0.36, 1_500_000, 1.6, (0.80, 0.98)),
    "service": (0.30, 500_000, 1.4, (0.85, 1.0)),
    "transfer": (0.12, 2_500_000, 1.6, (0.88, 1.0)),
    "license": (0.12, 2_000_000, 1.6, (0.88, 1.0)),
    "consulting": (0.10, 200_000, 1.0, (0.95, 1.0)),
}
LARGEST = 250_000_000  # no demo contract above 2.5亿, before and after scaling (a real registry has a handful)

CHAINS = {  # share of contracts, trades of its enterprises, subjects of its contracts
    "new_energy_vehicle": (
        18,
        ["新能源科技", "汽车零部件", "动力科技", "电驱技术"],
        ["动力电池正极材料", "电池管理系统", "电驱总成", "热管理系统", "轻量化车身", "电池回收"],
    ),
    "logistics_equipment": (
        8,
        ["智能物流装备", "叉车", "仓储设备", "输送机械"],
        ["电动叉车", "AGV调度", "立体仓库", "分拣系统", "输送线控制"],
    ),
    "semiconductor_optoelectronics": (
        12,
        ["半导体", "光电科技", "光伏科技", "电子材料"],
        ["功率器件封装", "光伏电池片", "LED外延", "光学镀膜", "碳化硅衬底"],
    ),
    "alloy_materials": (
        10,
        ["特种合金", "不锈钢管业", "铝业", "金属材料"],
        ["高温合金", "不锈钢无缝管", "铝合金型材", "钛合金锻件", "表面处理"],
    ),
    "biomedicine": (
        11,
        ["生物科技", "医疗器械", "制药", "中药饮片"],
        ["仿制药一致性评价", "医用敷料", "体外诊断试剂", "中药提取", "医用导管"],
    ),
    "geoinformation": (
        8,
        ["地理信息", "测绘科技", "遥感科技", "北斗导航"],
        ["实景三维", "北斗定位终端", "遥感解译", "时空数据平台", "地下管网探测"],
    ),
    "artificial_intelligence": (
        8,
        ["智能科技", "信息技术", "软件", "数据科技"],
        ["工业视觉检测", "行业大模型", "语音识别", "知识图谱", "智能安防"],
    ),
    "intelligent_equipment": (
        9,
        ["机械", "数控设备", "电梯部件", "自动化设备"],
        ["数控机床", "工业机器人集成", "电梯曳引机", "激光焊接", "伺服控制"],
    ),
    "green_home": (
        6,
        ["家居", "竹木制品", "地板", "家具"],
        ["竹材改性", "无醛胶黏剂", "定制家具排产", "水性涂装", "智能家居"],
    ),
    "digital_economy": (
        5,
        ["数字科技", "网络科技", "信息服务", "供应链管理"],
        ["工业互联网平台", "MES系统", "数字孪生", "供应链协同", "数据治理"],
    ),
    "green_energy": (
        5,
        ["能源科技", "环保科技", "储能科技", "节能技术"],
        ["储能系统", "余热回收", "废气治理", "氢能装备", "光伏运维"],
    ),
}
TYPE_TITLES = {
    "development": "研发技术开发合同",
    "service": "工艺优化技术服务合同",
    "transfer": "专利权转让合同",
    "license": "专利实施许可合同",
    "consulting": "技术方案论证技术咨询合同",
}
# Where a Huzhou enterprise is: (region, share, place in its name, division code in its USCC)
HUZHOU = [
    ("wuxing", 20, "湖州", "330502"),
    ("nanxun", 13, "南浔", "330503"),
    ("deqing", 17, "德清", "330521"),
    ("changxing", 20, "长兴", "330522"),
    ("anji", 12, "安吉", "330523"),
    ("nantaihu", 10, "湖州", "330500"),
    ("moganshan", 8, "湖州", "330500"),
]
# Where an outside party is (its USCC's division code says the same): mostly 长三角, as Huzhou's
# technology market is (上海, 杭州, 苏锡常, 南京, 合肥), and a few other provinces.
OUTSIDE = [
    ("上海", "310000"),
    ("杭州", "330100"),
    ("宁波", "330200"),
    ("苏州", "320500"),
    ("无锡", "320200"),
    ("常州", "320400"),
    ("南京", "320100"),
    ("合肥", "340100"),
    ("深圳", "440300"),
    ("北京", "110000"),
    ("嘉兴", "330400"),
    ("芜湖", "340200"),
    ("武汉", "420100"),
    ("西安", "610100"),
]
BRANDS = (
    "华瑞 恒远 金洲 凯盛 瑞丰 永兴 汇鑫 天正 博远 中铭 明峰 宏晟 新时代 万润 佳禾 众成 鼎力 嘉诚 "
    "通达 联创 科达 正和 华益 利源 卓越 荣达 森和 远卓 恒昌 协力 久盛 丰源 安泰 信达 富元 三立 "
    "旭辉 宇航 百合 鑫达 大禹 广源 昊天 立信 康达 东升 长丰 银河 德信 泰和 润泽 晶华 亿丰 志成"
).split()
INSTITUTE_FIELDS = (
    "先进材料",
    "智能制造",
    "微电子",
    "生物医药",
    "新能源",
    "信息技术",
    "精密机械",
    "化工新材料",
    "环境科学",
    "遥感与地理信息",
)
HUZHOU_INSTITUTES = [
    ("湖州绿色智造研究院", "wuxing"),
    ("南浔电梯产业技术研究院", "nanxun"),
    ("德清通用航空研究院", "deqing"),
    ("长兴蓄电池产业研究院", "changxing"),
    ("安吉白茶产业研究院", "anji"),
    ("南太湖新能源材料研究院", "nantaihu"),
    ("莫干山高新区产业技术研究院", "moganshan"),
    ("湖州织里童装设计研究院", "wuxing"),
    ("德清遥感应用研究中心", "deqing"),
    ("长兴先进制造技术研究院", "changxing"),
]


@dataclass(frozen=True)
class Side:
    name: str
    uscc: str
    region: str
    organisation_id: int | None = None
    province: str = ""
    city: str = ""

    @classmethod
    def of(cls, organisation: Organisation) -> Side:
        return cls(
            organisation.name,
            organisation.uscc,
            organisation.region,
            organisation.pk,
            organisation.province,
            organisation.city,
        )

    def place(self) -> tuple[str, str]:
        """(province, city) as the ledger records them: a generated party outside Huzhou is where
        its USCC was issued (its name says the same city), as the registry's import would infer."""
        province, city = self.province, self.city
        if self.region == "outside" and not province:
            inferred = place_from_uscc(self.uscc)
            province, city = inferred.province, inferred.city
        try:
            return place_clean(region=self.region, province=province, city=city)
        except PlaceProblem:
            return "", ""


@dataclass
class Contract:
    """One contract of the demo ledger and when each of its ledger entries happened."""

    number: str
    title: str
    contract_type: str
    buyer: Side
    seller: Side
    contract_amount: Decimal
    technical_amount: Decimal
    signed_on: date
    industry_id: int | None
    recorded_by: User
    registered_on: date | None = None  # None: recorded, not yet registered
    registration_number: str = ""
    voided_on: date | None = None
    origin: str = DealOrigin.OFFLINE
    links: dict[str, Any] = field(default_factory=dict)  # origin_challenge_id, origin_bid_id, …
    scaled_year: int | None = None  # the amount is scaled to this year's volume

    def state(self, status: str) -> dict[str, Any]:
        registered = status != DealStatus.RECORDED
        values = {
            "registry": DEFAULT_REGISTRY,
            "contract_number": self.number,
            "title": self.title[:200],
            "contract_type": self.contract_type,
            "contract_amount": self.contract_amount,
            "technical_amount": self.technical_amount,
            "signed_on": self.signed_on,
            "registered_on": self.registered_on if registered else None,
            "registration_number": self.registration_number if registered else "",
            "industry_id": self.industry_id,
            "origin": self.origin,
            "origin_challenge_id": None,
            "origin_bid_id": None,
            "origin_need_id": None,
            "origin_capability_id": None,
            "status": status,
        }
        for side, party in (("buyer", self.buyer), ("seller", self.seller)):
            province, city = party.place()
            values |= {
                f"{side}_organisation_id": party.organisation_id,
                f"{side}_name": party.name,
                f"{side}_uscc": party.uscc,
                f"{side}_region": party.region,
                f"{side}_province": province,
                f"{side}_city": city,
            }
        values.update(self.links)
        assert set(values) == set(STATE_ATTNAMES), set(values) ^ set(STATE_ATTNAMES)
        return values

    @property
    def status(self) -> str:
        if self.voided_on is not None:
            return DealStatus.VOIDED
        return DealStatus.RECORDED if self.registered_on is None else DealStatus.REGISTERED


def _uscc(prefix: str, division: str, n: int) -> str:
    body = "".join(ALPHABET[(n // 31**i) % 31] for i in range(6))
    first17 = f"{prefix}{division}{'MA6' if prefix == '91' else 'MB6'}{body}"
    return first17 + uscc_check_char(first17)


def _weighted(rng: random.Random, items: list, weights: list[float]) -> Any:
    return rng.choices(items, weights=weights, k=1)[0]


class Parties:
    """The market's buyers and sellers: Huzhou and outside enterprises per chain, institutes, and
    the demo's own organisations (so they find their contracts). A few buyers sign many contracts."""

    def __init__(self, rng: random.Random, platform: list[Organisation]):
        self.rng = rng
        self.huzhou: dict[str, list[Side]] = {}
        self.outside: dict[str, list[Side]] = {}
        names: set[str] = {o.name for o in platform}
        n = 0
        for chain, (_share, trades, _subjects) in CHAINS.items():
            self.huzhou[chain], self.outside[chain] = [], []
            while len(self.huzhou[chain]) < 36 or len(self.outside[chain]) < 14:
                n += 1
                trade, brand = rng.choice(trades), rng.choice(BRANDS)
                if len(self.huzhou[chain]) < 36:
                    region, _w, place, division = _weighted(rng, HUZHOU, [w for _r, w, _p, _d in HUZHOU])
                    name, target = f"{place}{brand}{trade}有限公司", self.huzhou[chain]
                else:
                    place, division = rng.choice(OUTSIDE)
                    region = "outside"
                    name, target = f"{place}{brand}{trade}有限公司", self.outside[chain]
                if name not in names:
                    names.add(name)
                    target.append(Side(name, _uscc("91", division, n), region))
        self.institutes = [
            Side(name, _uscc("12", "330500", 900 + i), r) for i, (name, r) in enumerate(HUZHOU_INSTITUTES)
        ]
        for i, (city, division) in enumerate(OUTSIDE[:8]):
            for j, topic in enumerate(INSTITUTE_FIELDS[i % 3 :: 3]):
                self.institutes.append(Side(f"{city}{topic}研究院", _uscc("12", division, 950 + i * 10 + j), "outside"))
        self.platform_buyers = [Side.of(o) for o in platform if o.kind == Organisation.Kind.ENTERPRISE]
        self.platform_sellers = [Side.of(o) for o in platform]

    def _zipf(self, sides: list[Side]) -> Side:
        return _weighted(self.rng, sides, [1 / (rank + 1) ** 0.9 for rank in range(len(sides))])

    def pair(self, chain: str) -> tuple[Side, Side]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            buyer = rng.choice(self.platform_buyers)
        elif roll < 0.80:
            buyer = self._zipf(self.huzhou[chain])
        else:
            buyer = self._zipf(self.outside[chain])
        roll = rng.random()
        if roll < 0.10:
            seller = rng.choice(self.platform_sellers)
        elif roll < 0.45:
            seller = rng.choice(self.institutes)
        elif roll < 0.75:
            seller = self._zipf(self.huzhou[chain])
        else:
            seller = self._zipf(self.outside[chain])
        both_outside = buyer.region not in HUZHOU_REGIONS and seller.region not in HUZHOU_REGIONS
        if both_outside and rng.random() > 0.05:  # a few contracts without a Huzhou party: the rule leaves them out
            seller = self._zipf(self.huzhou[chain])
        if seller.uscc == buyer.uscc:
            seller = rng.choice(self.institutes)
        return buyer, seller


def _day_weight(day: date) -> float:
    if day.weekday() >= 5 or (day.month == 10 and day.day <= 7):  # weekends and the National Day holiday
        return 0.08
    if day.month in (6, 9, 12):  # the rush builds towards the end of the quarter
        return 0.5 + day.day / 31
    return 1.0


def _days(year: int) -> tuple[list[date], list[float]]:
    days = [date(year, 1, 1) + timedelta(days=i) for i in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]
    per_month: dict[int, float] = {}
    for d in days:
        per_month[d.month] = per_month.get(d.month, 0.0) + _day_weight(d)
    return days, [MONTHS[d.month - 1] * _day_weight(d) / per_month[d.month] for d in days]


def share_of_year(today: date) -> float:
    """How much of a year's registrations the registry has seen by the end of `today`."""
    days, weights = _days(today.year)
    return sum(w for d, w in zip(days, weights, strict=True) if d <= today) / sum(weights)


def _amount(rng: random.Random, contract_type: str) -> tuple[float, float]:
    _share, median, sigma, (low, high) = TYPES[contract_type]
    amount = min(math.exp(rng.gauss(math.log(median), sigma)), LARGEST)
    return max(amount, 20_000), 1.0 if contract_type == "consulting" and rng.random() < 0.7 else rng.uniform(low, high)


def _yuan(value: float) -> Decimal:
    step = Decimal("1000") if value >= 1_000_000 else Decimal("100")
    return max(step, (Decimal(value) / step).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * step)


def offline_contracts(
    *, today: date, parties: Parties, chains: dict[str, IndustryChain], keeper: User
) -> list[Contract]:
    """Last year's and this year's contracts signed off the platform, registered up to today; the
    ones signed lately whose registration would fall after today are still only recorded."""
    rng = parties.rng
    kinds = list(TYPES)
    kind_weights = [TYPES[k][0] for k in kinds]
    codes = list(CHAINS)
    chain_weights = [CHAINS[c][0] for c in codes]
    contracts = []
    for offset, count in CONTRACTS.items():
        year = today.year + offset
        days, weights = _days(year)
        for registered in sorted(rng.choices(days, weights=weights, k=count)):
            signed = registered - timedelta(days=5 + min(int(rng.expovariate(1 / 18)), 110))
            if signed >= today:
                continue
            kind, chain = _weighted(rng, kinds, kind_weights), _weighted(rng, codes, chain_weights)
            buyer, seller = parties.pair(chain)
            amount, technical_share = _amount(rng, kind)
            contract = Contract(
                number=f"{signed.year}3305{len(contracts) + 1001:08d}",
                title=rng.choice(CHAINS[chain][2]) + TYPE_TITLES[kind],
                contract_type=kind,
                buyer=buyer,
                seller=seller,
                contract_amount=Decimal(amount),
                technical_amount=Decimal(amount * technical_share),
                signed_on=signed,
                industry_id=chains[chain].pk,
                recorded_by=keeper,
                registered_on=registered if registered <= today else None,
                scaled_year=year,
            )
            if contract.registered_on and rng.random() < 0.015:
                voided = registered + timedelta(days=rng.randint(10, 120))
                contract.voided_on = voided if voided <= today else None
            contracts.append(contract)
    return contracts


def _counted(contracts: Iterable[Contract], year: int) -> Decimal:
    return sum(
        (
            c.technical_amount
            for c in contracts
            if c.status == DealStatus.REGISTERED
            and c.registered_on.year == year
            and (c.buyer.region in HUZHOU_REGIONS or c.seller.region in HUZHOU_REGIONS)
        ),
        Decimal(0),
    )


def scale(contracts: list[Contract], *, today: date) -> None:
    """Scale the offline contracts so that each year's counted volume is VOLUME times its target
    (this year: of the part of the target its registrations so far stand for), then round them.
    A few rounds, because the largest contracts stop at LARGEST and the rest make up for them."""
    fixed = [c for c in contracts if c.scaled_year is None]
    for offset, ratio in VOLUME.items():
        year = today.year + offset
        target = counting_rule(year=year).target_amount * ratio
        if offset == 0:
            target *= Decimal(share_of_year(today))
        mine = [c for c in contracts if c.scaled_year == year]
        for _round in range(4):
            factor = (target - _counted(fixed, year)) / max(_counted(mine, year), Decimal(1))
            for c in mine:
                share = c.technical_amount / c.contract_amount
                c.contract_amount = min(c.contract_amount * factor, Decimal(LARGEST))
                c.technical_amount = c.contract_amount * share
        for c in mine:
            share = c.technical_amount / c.contract_amount
            c.contract_amount = _yuan(float(c.contract_amount))
            c.technical_amount = min(_yuan(float(c.contract_amount * share)), c.contract_amount)


def registration_numbers(contracts: list[Contract]) -> None:
    """Numbered in the order the registry registered them, per year."""
    serial: dict[int, int] = {}
    for c in sorted(
        (c for c in contracts if c.registered_on and not c.registration_number), key=lambda c: c.registered_on
    ):
        year = c.registered_on.year
        serial[year] = serial.get(year, 100) + 1
        c.registration_number = f"{year}-3305-{serial[year]:05d}"


def _moment(rng: random.Random, day: date, *, not_after: datetime) -> datetime:
    at = timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.randrange(60), rng.randrange(60))))
    return min(at, not_after)


def write(contracts: list[Contract], *, registrar: User, rng: random.Random) -> int:
    """Insert the contracts not in the ledger yet, with their entries dated when they happened,
    and move the rollup. Returns how many were inserted."""
    have = set(Deal.objects.filter(registry=DEFAULT_REGISTRY).values_list("contract_number", flat=True))
    contracts = [c for c in contracts if c.number not in have]
    now = timezone.now()
    deals = [Deal(created_by=c.recorded_by, note=NOTE, **c.state(c.status)) for c in contracts]
    Deal.objects.bulk_create(deals, batch_size=500)
    entries = []
    for deal, c in zip(deals, contracts, strict=True):
        last_day = c.voided_on or c.registered_on or c.signed_on
        recorded_on = min(c.signed_on + timedelta(days=rng.randint(1, 6)), c.registered_on or last_day, now.date())
        recorded_at = _moment(rng, recorded_on, not_after=now)
        entries.append(
            DealEntry(
                deal=deal,
                kind=DealEntry.Kind.RECORD,
                at=recorded_at,
                by=c.recorded_by,
                reason="录入合同",
                **c.state(DealStatus.RECORDED),
            )
        )
        if c.registered_on:
            registered_at = max(_moment(rng, c.registered_on, not_after=now), recorded_at)
            entries.append(
                DealEntry(
                    deal=deal,
                    kind=DealEntry.Kind.REGISTER,
                    at=registered_at,
                    by=registrar,
                    reason="材料齐全，认定为技术合同",
                    changes={
                        "registered_on": [None, str(c.registered_on)],
                        "registration_number": ["", c.registration_number],
                        "status": [DealStatus.RECORDED, DealStatus.REGISTERED],
                    },
                    **c.state(DealStatus.REGISTERED),
                )
            )
        if c.voided_on:
            entries.append(
                DealEntry(
                    deal=deal,
                    kind=DealEntry.Kind.VOID,
                    at=max(_moment(rng, c.voided_on, not_after=now), registered_at),
                    by=registrar,
                    reason="双方协商解除合同，撤销认定登记",
                    changes={"status": [DealStatus.REGISTERED, DealStatus.VOIDED]},
                    **c.state(DealStatus.VOIDED),
                )
            )
    # Sorted by time, so entry ids run in the order things happened, as they do in a live ledger.
    DealEntry.objects.bulk_create(sorted(entries, key=lambda e: e.at), batch_size=500)
    # A contract was created when it was recorded and last changed by its last entry (bulk_create
    # stamps both "now"); one UPDATE instead of a bulk_update of 4,000 CASE branches.
    history = DealEntry.objects.filter(deal=OuterRef("pk")).order_by().values("deal")
    Deal.objects.filter(pk__in=[d.pk for d in deals]).update(
        created_at=Subquery(history.annotate(first=Min("at")).values("first")),
        updated_at=Subquery(history.annotate(last=Max("at")).values("last")),
    )
    rollup_change(after=[c.state(c.status) for c in contracts])
    return len(contracts)


def original_contracts(
    rows, *, today: date, users: dict[str, User], offline: dict, chains: dict[str, IndustryChain], keeper: User
) -> list[Contract]:
    """originals.DEALS: the hand-made contracts that tests and walkthroughs name, some of them
    from the demo's postings, registered at their position in the year."""
    from marketplace.models import Capability, Challenge, Need

    contracts = []
    for number, buyer, seller, kind, chain, amount, technical, offset, position, status, origin, ref in rows:
        year = today.year + offset
        days = (today - date(year, 1, 1)).days if offset == 0 else 364
        registered = date(year, 1, 1) + timedelta(days=round(position * days))
        side = {}
        for key in (buyer, seller):
            if key in users:
                side[key] = Side.of(users[key].organisation)
            else:
                name, region, first17 = offline[key]
                side[key] = Side(name, first17 + uscc_check_char(first17), region)
        by, links, title = keeper, {}, ""
        if origin == DealOrigin.CHALLENGE:
            challenge = Challenge.objects.get(organisation=users[buyer].organisation, title=ref)
            bid = challenge.bids.get(status="awarded")
            by, title = users[buyer], ref
            links = {"origin_challenge_id": challenge.pk, "origin_bid_id": bid.pk}
        elif origin == DealOrigin.NEED:
            by, title = users[buyer], ref
            links = {"origin_need_id": Need.objects.get(organisation=users[buyer].organisation, title=ref).pk}
        elif origin == DealOrigin.CAPABILITY:
            by, title = users[seller], ref
            links = {
                "origin_capability_id": Capability.objects.get(organisation=users[seller].organisation, title=ref).pk
            }
        contract = Contract(
            number=f"{year}3305{number.zfill(8)}",
            title=title or f"{chains[chain].name}关键技术{ContractType(kind).label}合同",
            contract_type=kind,
            buyer=side[buyer],
            seller=side[seller],
            contract_amount=Decimal(amount),
            technical_amount=Decimal(technical),
            signed_on=registered - timedelta(days=10 + int(number) % 5 * 7),
            industry_id=chains[chain].pk,
            recorded_by=by,
            registered_on=None if status == "recorded" else registered,
            registration_number="" if status == "recorded" else f"{year}-3305-{number.zfill(4)}",
            origin=origin,
            links=links,
        )
        if status == "voided":
            contract.voided_on = min(registered + timedelta(days=30), today)
        contracts.append(contract)
    return contracts


def platform_contracts(*, today: date, rng: random.Random, parties: Parties, keeper: User) -> list[Contract]:
    """Contracts that followed from the bulk part's postings: every award old enough to have been
    signed, and a few capabilities licensed or developed further."""
    from demo import postings as data
    from marketplace.models import Bid, Capability, Challenge

    contracts = []
    titles = [row[2] for row in data.CHALLENGES]
    winners = (
        Bid.objects.filter(status=Bid.Status.AWARDED, challenge__title__in=titles)
        .select_related("challenge__organisation", "organisation", "challenge__created_by")
        .order_by("id")
    )
    for n, bid in enumerate(winners):
        challenge = bid.challenge
        awarded = challenge.transitions.filter(to_status=Challenge.Status.AWARDED).values_list("at", flat=True).first()
        signed = timezone.localdate(awarded) + timedelta(days=rng.randint(15, 35))
        if signed >= today:
            continue
        registered = signed + timedelta(days=rng.randint(10, 40))
        contracts.append(
            Contract(
                number=f"{signed.year}3305{9001 + n:08d}",
                title=challenge.title,
                contract_type="development",
                buyer=Side.of(challenge.organisation),
                seller=Side.of(bid.organisation),
                contract_amount=bid.price,
                technical_amount=(bid.price * Decimal("0.92")).quantize(Decimal("1")),
                signed_on=signed,
                industry_id=challenge.industry_id,
                recorded_by=challenge.created_by,
                registered_on=registered if registered <= today else None,
                origin=DealOrigin.CHALLENGE,
                links={"origin_challenge_id": challenge.pk, "origin_bid_id": bid.pk},
            )
        )
    ripe = Capability.objects.filter(title__in=[row[2] for row in data.CAPABILITIES], trl__gte=7).select_related(
        "organisation", "created_by", "industry"
    )
    for n, capability in enumerate(ripe.order_by("id")):
        signed = today - timedelta(days=rng.randint(20, 600))
        registered = signed + timedelta(days=rng.randint(10, 40))
        kind = rng.choice(["license", "development", "transfer"])
        amount = _yuan(math.exp(rng.gauss(math.log(1_500_000), 0.8)))
        buyer, _seller = parties.pair(capability.industry.code)
        if buyer.uscc == capability.organisation.uscc or buyer.region not in HUZHOU_REGIONS:
            buyer = parties.huzhou[capability.industry.code][n]
        contracts.append(
            Contract(
                number=f"{signed.year}3305{9501 + n:08d}",
                title=capability.title,
                contract_type=kind,
                buyer=buyer,
                seller=Side.of(capability.organisation),
                contract_amount=amount,
                technical_amount=_yuan(float(amount) * 0.93),
                signed_on=signed,
                industry_id=capability.industry_id,
                recorded_by=capability.created_by,
                registered_on=registered if registered <= today else None,
                origin=DealOrigin.CAPABILITY,
                links={"origin_capability_id": capability.pk},
            )
        )
    return contracts
