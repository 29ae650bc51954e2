"""The targets the platform itself knows (task 8 and task 12 of the policy), computed by
dashboard.targets rather than entered. Two have no figure in the policy (四张清单, 先投后股): their
target value stays empty and the board shows what the platform holds."""

from decimal import Decimal

from django.db import migrations, models

# (code, group, name, target as written, value, unit)
TARGETS = [
    ("key_research_projects", "重点科研攻关项目 / 标志性科技成果", "重点科研攻关项目", "500项以上", "500", "项"),
    (
        "landmark_achievements",
        "重点科研攻关项目 / 标志性科技成果",
        "标志性科技成果（填补国内空白、实现进口替代）",
        "50项",
        "50",
        "项",
    ),
    ("innovation_consortia", "创新联合体", "龙头企业牵头组建的创新联合体", "10家以上", "10", "家"),
    (
        "challenges_by_list",
        "关键核心技术攻坚：四张清单",
        "揭榜挂帅榜额（按四张清单）",
        "政策未设数值目标",
        None,
        "万元",
    ),
    ("invest_then_equity", "创新链资金链融合：先投后股", "先投后股榜额", "政策未设数值目标", None, "万元"),
]


def seed(apps, schema_editor):
    PolicyTarget = apps.get_model("dashboard", "PolicyTarget")
    for order, (code, group, name, text, value, unit) in enumerate(TARGETS, start=100):
        PolicyTarget.objects.update_or_create(
            code=code,
            defaults={
                "group": group,
                "name": name,
                "target_text": text,
                "target_value": None if value is None else Decimal(value),
                "unit": unit,
                "direction": "at_least",
                "year": 2027,
                "sort_order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("dashboard", "PolicyTarget").objects.filter(code__in=[t[0] for t in TARGETS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ('dashboard', '0003_dashboard_export'),
    ]

    operations = [
        migrations.AlterField(
            model_name='policytarget',
            name='target_value',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='目标值'),
        ),
        migrations.RunPython(seed, unseed),
    ]
