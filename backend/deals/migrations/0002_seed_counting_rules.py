"""The counting rule of each year from 2024 to 2027. The policy sets 200亿元 for 2027
(年技术交易额达到200亿元以上); earlier years ramp up linearly by 25亿元 a year (125, 150, 175, 200亿元),
so that the dashboard's progress line for a year before 2027 means something. The operator
changes any of them through the API (a new version, with its reason)."""
from decimal import Decimal

from django.db import migrations

TARGETS = {2024: "12500000000.00", 2025: "15000000000.00", 2026: "17500000000.00", 2027: "20000000000.00"}
REASON = "初始口径：2027年目标取自政策（200亿元以上），此前各年按每年递增25亿元线性爬坡"


def seed(apps, schema_editor):
    CountingRule = apps.get_model("deals", "CountingRule")
    for year, target in TARGETS.items():
        if not CountingRule.objects.filter(year=year).exists():
            CountingRule.objects.create(
                year=year, version=1, target_amount=Decimal(target), statuses=["registered"], date_field="registered_on",
                amount_field="technical_amount", require_huzhou_party=True, reason=REASON,
            )


def unseed(apps, schema_editor):
    apps.get_model("deals", "CountingRule").objects.filter(year__in=TARGETS, version=1, reason=REASON).delete()


class Migration(migrations.Migration):
    dependencies = [("deals", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
