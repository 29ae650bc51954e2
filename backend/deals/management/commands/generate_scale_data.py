"""Large synthetic volumes for benchmarks: realistic Chinese text assembled from fragments per
industry chain. Inserted with bulk_create in batches; never run against production data."""

import random
import time
from datetime import datetime, timedelta
from datetime import time as dt_time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, Region, User
from accounts.uscc import ALPHABET, uscc_check_char
from deals.models import STATE_ATTNAMES, ContractType, Deal, DealEntry, DealOrigin, DealStatus
from deals.rollups import rollup_change
from marketplace.models import Capability, Challenge, IndustryChain, Need

SUBJECTS = {
    "new_energy_vehicle": ["动力电池隔膜", "高镍正极", "固态电解质", "电驱系统", "热管理系统", "电池管理算法"],
    "logistics_equipment": ["AGV调度", "智能叉车", "立体仓库", "分拣机器人", "输送线控制"],
    "semiconductor_optoelectronics": ["碳化硅模块", "光伏电池片", "LED外延", "功率器件封装"],
    "alloy_materials": ["高温合金", "钛合金锻件", "特种不锈钢", "铝合金压铸"],
    "biomedicine": ["抗体表达", "中药提取", "医用敷料", "诊断试剂"],
    "geoinformation": ["北斗定位", "实景三维", "遥感解译", "时空数据库"],
    "artificial_intelligence": ["工业视觉检测", "大模型问答", "语音识别", "知识图谱"],
    "intelligent_equipment": ["机器人抓取", "数控机床", "激光焊接", "伺服控制"],
    "green_home": ["水性涂料", "竹材改性", "智能家居", "无醛胶黏剂"],
    "digital_economy": ["工业互联网", "预测性维护", "数字孪生", "供应链协同"],
    "green_energy": ["氢能储运", "储能变流", "余热回收", "废气治理"],
}
GOALS = ["性能提升", "成本降低", "国产替代", "工艺优化", "可靠性验证", "中试放大"]
DETAILS = [
    "目标指标达到国内领先水平",
    "需完成中试并形成工艺包",
    "要求两年内实现量产",
    "需配合企业完成应用验证",
    "已有初步样品但一致性不足",
    "希望与高校院所联合攻关",
]


SCALE_PLACES = [
    ("上海市", "上海市"),
    ("江苏省", "苏州市"),
    ("江苏省", "南京市"),
    ("浙江省", "杭州市"),
    ("安徽省", "合肥市"),
    ("广东省", "深圳市"),
]


def _uscc(n: int, prefix: str) -> str:
    body = "".join(ALPHABET[(n // 31**i) % 31] for i in range(9))
    return prefix + body + uscc_check_char(prefix + body)


class Command(BaseCommand):
    help = "Generate synthetic organisations, challenges, needs and capabilities for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=500)
        parser.add_argument("--challenges", type=int, default=10_000)
        parser.add_argument("--needs", type=int, default=10_000)
        parser.add_argument("--capabilities", type=int, default=100_000)
        parser.add_argument(
            "--deals",
            type=int,
            default=0,
            help="technology contracts (with their ledger entries), e.g. 1000000 for the dashboard at scale",
        )
        parser.add_argument("--batch-size", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=2027)

    def handle(self, *args, **opts):
        if opts["organisations"] < 2:
            raise CommandError("--organisations must be at least 2 (enterprises and institutes)")
        rng = random.Random(opts["seed"])
        self.batch = opts["batch_size"]
        industries = list(IndustryChain.objects.filter(is_active=True))
        if not industries:
            raise CommandError("no industry chains: run migrate first")
        enterprises, institutes = self._organisations(opts["organisations"], rng)
        self._bulk("challenges", opts["challenges"], lambda i: self._challenge(i, rng, enterprises, industries))
        self._bulk("needs", opts["needs"], lambda i: self._need(i, rng, enterprises, industries))
        self._bulk("capabilities", opts["capabilities"], lambda i: self._capability(i, rng, institutes, industries))
        if opts["deals"] > 0:
            self._deals(opts["deals"], rng, enterprises, institutes, industries)

    def _organisations(self, n: int, rng: random.Random):
        start = Organisation.objects.filter(name__startswith="规模测试").count()
        regions = [r for r in Region.values if r != Region.OUTSIDE]
        orgs = []
        for i in range(start, start + n):
            kind = Organisation.Kind.INSTITUTE if i % 3 == 0 else Organisation.Kind.ENTERPRISE
            orgs.append(
                Organisation(
                    name=f"规模测试{'研究院' if kind == 'institute' else '科技有限公司'}{i:06d}",
                    kind=kind,
                    institute_type="research_institute" if kind == "institute" else "",
                    uscc=_uscc(500_000 + i, "91330599"),
                    region=rng.choice(regions),
                    verification=Organisation.Verification.VERIFIED,
                )
            )
        with transaction.atomic():
            Organisation.objects.bulk_create(orgs, batch_size=self.batch)
            created = list(Organisation.objects.filter(name__startswith="规模测试"))
            User.objects.bulk_create(
                [
                    User(username=f"scale-{o.pk}", organisation=o, org_role=User.Role.ADMIN)
                    for o in created
                    if not User.objects.filter(username=f"scale-{o.pk}").exists()
                ],
                batch_size=self.batch,
            )
        users = {u.organisation_id: u for u in User.objects.filter(username__startswith="scale-")}
        enterprises = [(o, users[o.pk]) for o in created if o.kind == "enterprise"]
        institutes = [(o, users[o.pk]) for o in created if o.kind == "institute"]
        self.stdout.write(
            f"organisations: {len(created)} ({len(enterprises)} enterprises, {len(institutes)} institutes)"
        )
        return enterprises, institutes

    def _text(self, rng, industry):
        subject, goal = rng.choice(SUBJECTS.get(industry.code, ["关键技术"])), rng.choice(GOALS)
        return (
            subject,
            goal,
            f"{subject}{goal}",
            f"围绕{industry.name}产业链的{subject}开展{goal}研究，{rng.choice(DETAILS)}，{rng.choice(DETAILS)}。",
        )

    def _challenge(self, i, rng, owners, industries):
        org, user = rng.choice(owners)
        industry = rng.choice(industries)
        subject, goal, title, description = self._text(rng, industry)
        saima = i % 5 == 0
        return Challenge(
            organisation=org,
            created_by=user,
            title=f"{title}（{i}）",
            summary=description[:120],
            description=description,
            industry=industry,
            list_type=rng.choice(Challenge.ListType.values),
            indicators=[{"name": f"{subject}关键指标", "target": f"≥{rng.randint(50, 99)}", "unit": "%"}],
            keywords=[subject, goal],
            bounty=Decimal(rng.randrange(100_000, 20_000_000, 10_000)),
            funding_mode=rng.choice(Challenge.FundingMode.values),
            mode="saima" if saima else "jiebang",
            max_winners=3 if saima else 1,
            bid_deadline=timezone.now() + timedelta(days=rng.randint(10, 120)),
            status=Challenge.Status.PUBLISHED,
            published_at=timezone.now(),
        )

    def _need(self, i, rng, owners, industries):
        org, user = rng.choice(owners)
        industry = rng.choice(industries)
        subject, goal, title, description = self._text(rng, industry)
        low = rng.randrange(50_000, 2_000_000, 10_000)
        return Need(
            organisation=org,
            created_by=user,
            title=f"{title}需求（{i}）",
            description=description,
            industry=industry,
            keywords=[subject],
            budget_min=Decimal(low),
            budget_max=Decimal(low * 2),
            status=Need.Status.OPEN,
            cooperation_type=rng.choice(["development", "transfer", "license", "consulting", "service"]),
        )

    def _capability(self, i, rng, owners, industries):
        org, user = rng.choice(owners)
        industry = rng.choice(industries)
        subject, goal, title, description = self._text(rng, industry)
        return Capability(
            organisation=org,
            created_by=user,
            title=f"{subject}技术（{i}）",
            description=description,
            industry=industry,
            keywords=[subject, goal],
            trl=rng.randint(3, 9),
            cooperation_types=["development", "license"],
            status=Capability.Status.PUBLISHED,
        )

    def _bulk(self, label: str, total: int, make) -> None:
        if total <= 0:
            return
        model = {"challenges": Challenge, "needs": Need, "capabilities": Capability}[label]
        started, done = time.monotonic(), 0
        while done < total:
            size = min(self.batch, total - done)
            with transaction.atomic():
                model.objects.bulk_create([make(done + k) for k in range(size)], batch_size=self.batch)
            done += size
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"\r{label}: {done}/{total} ({done * 100 // total}%, {rate:,.0f}/s)", ending="")
            self.stdout.flush()
        self.stdout.write("")

    def _deals(self, total: int, rng: random.Random, enterprises, institutes, industries) -> None:
        """Registered contracts over the last three years between the synthetic organisations (a
        tenth with a party outside Huzhou, 2% voided), each with its ledger entry, bulk-inserted."""
        keeper = enterprises[0][1]
        start = Deal.objects.filter(contract_number__startswith="SCALE").count()
        today = timezone.localdate()
        first = today.replace(year=today.year - 2, month=1, day=1)
        span = (today - first).days
        types = ContractType.values
        started, done = time.monotonic(), 0
        while done < total:
            size = min(self.batch, total - done)
            deals = []
            for k in range(size):
                i = start + done + k
                (buyer, _u), (seller, _v) = rng.choice(enterprises), rng.choice(institutes)
                registered = first + timedelta(days=rng.randrange(span))
                contract = Decimal(rng.randrange(50_000, 30_000_000, 1_000))
                # A tenth bought from outside (输出) and a tenth sold from outside (吸纳), from places
                # across the partner regions the dashboard reports.
                outside, outside_seller = i % 10 == 0, i % 10 == 5
                province, city = SCALE_PLACES[(i // 10) % len(SCALE_PLACES)]
                deals.append(
                    Deal(
                        contract_number=f"SCALE{i:010d}",
                        title=f"规模测试技术合同{i}",
                        contract_type=types[i % len(types)],
                        buyer_organisation=None if outside else buyer,
                        buyer_name="上海规模测试科技有限公司" if outside else buyer.name,
                        buyer_uscc=_uscc(900_000 + i % 1000, "91310000") if outside else buyer.uscc,
                        buyer_region="outside" if outside else buyer.region,
                        buyer_province=province if outside else "浙江省",
                        buyer_city=city if outside else "湖州市",
                        seller_organisation=None if outside_seller else seller,
                        seller_name=f"{city}规模测试研究院" if outside_seller else seller.name,
                        seller_uscc=_uscc(800_000 + i % 1000, "12310000") if outside_seller else seller.uscc,
                        seller_region="outside" if outside_seller else seller.region,
                        seller_province=province if outside_seller else "浙江省",
                        seller_city=city if outside_seller else "湖州市",
                        contract_amount=contract,
                        technical_amount=(contract * Decimal("0.9")).quantize(Decimal("1")),
                        signed_on=registered - timedelta(days=rng.randint(5, 60)),
                        registered_on=registered,
                        registration_number=f"SCALE-DJ-{i:010d}",
                        industry=rng.choice(industries),
                        origin=DealOrigin.OFFLINE,
                        status=DealStatus.VOIDED if i % 50 == 7 else DealStatus.REGISTERED,
                        created_by=keeper,
                    )
                )
            with transaction.atomic():
                Deal.objects.bulk_create(deals, batch_size=1000)
                # Each entry is dated on its registration day, so "as of" figures have a history to reproduce.
                DealEntry.objects.bulk_create(
                    [
                        DealEntry(
                            deal=d,
                            kind=DealEntry.Kind.RECORD,
                            by=keeper,
                            reason="规模测试数据",
                            at=timezone.make_aware(datetime.combine(d.registered_on, dt_time(10))),
                            **{a: getattr(d, a) for a in STATE_ATTNAMES},
                        )
                        for d in deals
                    ],
                    batch_size=1000,
                )
                rollup_change(after=[{a: getattr(d, a) for a in STATE_ATTNAMES} for d in deals])
            done += size
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"\rdeals: {done}/{total} ({done * 100 // total}%, {rate:,.0f}/s)", ending="")
            self.stdout.flush()
        self.stdout.write("")
