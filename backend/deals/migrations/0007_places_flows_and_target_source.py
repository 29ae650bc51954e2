"""Each party's place (province and city outside Huzhou), the counting rule's flow (输出/吸纳/both)
and the source of its target, and the rollup keyed by which parties are in Huzhou.

Backfill: a party in Huzhou is in 浙江省湖州市; a party outside Huzhou recorded before places were
kept gets a blank (unknown) place: nothing on the old rows says where it was. The rule's target
is the policy's only for 2027 (200亿元); the seeded 2024-2026 targets were the operator's ramp.
The rollup is derived data: it is emptied and rebuilt with its new key."""

from django.db import migrations, models

HUZHOU = ["wuxing", "nanxun", "deqing", "changxing", "anji", "nantaihu", "moganshan"]
STATE_MODELS = ("deal", "dealentry")


def backfill(apps, schema_editor):
    for name in STATE_MODELS:
        model = apps.get_model("deals", name)
        for side in ("buyer", "seller"):
            model.objects.filter(**{f"{side}_region__in": HUZHOU}).update(
                **{f"{side}_province": "浙江省", f"{side}_city": "湖州市"}
            )
    apps.get_model("deals", "CountingRule").objects.filter(year=2027, target_amount="20000000000.00").update(
        target_source="policy"
    )


def rebuild(apps, schema_editor):
    from deals.rollups import rollup_rebuild

    rollup_rebuild(apps.get_model("deals", "Deal"), apps.get_model("deals", "DealRollup"))


def empty_rollup(apps, schema_editor):
    apps.get_model("deals", "DealRollup").objects.all().delete()


def place_fields(side: str, label: str):
    return [
        migrations.AddField(
            model_name=model,
            name=f"{side}_{field}",
            field=models.CharField(blank=True, default="", max_length=20, verbose_name=f"{label}所在{word}"),
        )
        for model in STATE_MODELS
        for field, word in (("province", "省份"), ("city", "城市"))
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("deals", "0006_import_retry_and_withdraw"),
    ]

    operations = [
        *place_fields("buyer", "买方"),
        *place_fields("seller", "卖方"),
        migrations.AddField(
            model_name="countingrule",
            name="flow",
            field=models.CharField(
                choices=[
                    ("both", "输出和吸纳（本地合同只计一次）"),
                    ("outflow", "输出（卖方在湖州）"),
                    ("inflow", "吸纳（买方在湖州）"),
                ],
                default="both",
                max_length=10,
                verbose_name="计入流向",
            ),
        ),
        migrations.AddField(
            model_name="countingrule",
            name="target_source",
            field=models.CharField(
                choices=[("policy", "政策文件"), ("operator", "平台运营方设定")],
                default="operator",
                max_length=10,
                verbose_name="目标来源",
            ),
        ),
        migrations.RunPython(empty_rollup, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="dealrollup", name="deal_rollup_key"),
        migrations.RemoveField(model_name="dealrollup", name="huzhou_party"),
        migrations.AddField(
            model_name="dealrollup",
            name="huzhou_parties",
            field=models.CharField(
                choices=[
                    ("both", "买卖双方均在湖州（本地）"),
                    ("seller", "卖方在湖州（输出）"),
                    ("buyer", "买方在湖州（吸纳）"),
                    ("none", "双方均不在湖州"),
                ],
                default="none",
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="dealrollup",
            name="dimension",
            field=models.CharField(
                choices=[
                    ("day", "日"),
                    ("buyer_region", "买方所在地区"),
                    ("seller_region", "卖方所在地区"),
                    ("partner", "对方所在地"),
                    ("industry", "产业链"),
                    ("contract_type", "合同类型"),
                    ("origin", "来源"),
                    ("buyer", "买方"),
                    ("seller", "卖方"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="dealrollup",
            constraint=models.UniqueConstraint(
                fields=("date_field", "period", "status", "huzhou_parties", "dimension", "key"),
                name="deal_rollup_key",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
