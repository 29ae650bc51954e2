"""The policy's 八大新兴产业链 as the official list, and where the product's other chains count.

The draft policy names seven of the eight: 新能源汽车, 物流装备, 半导体及光电 (task 6), 合金特材,
生物医药 (task 9), 地理信息 and 人工智能 (task 2). The eighth is not named in the text; 智能装备
(高端装备) is set here as the operator's choice to confirm. Of the others, 数字经济 counts under
人工智能; 绿色家居 and 绿色能源 overlap no policy chain well enough and show as 其他. All of it is
data: the operator changes it in the admin."""

from django.db import migrations

POLICY_CHAINS = [
    "new_energy_vehicle",
    "logistics_equipment",
    "semiconductor_optoelectronics",
    "alloy_materials",
    "biomedicine",
    "geoinformation",
    "artificial_intelligence",
    "intelligent_equipment",
]
MAPPING = {"digital_economy": "artificial_intelligence"}


def forward(apps, schema_editor):
    IndustryChain = apps.get_model("marketplace", "IndustryChain")
    IndustryChain.objects.filter(code__in=POLICY_CHAINS).update(is_policy_chain=True, maps_to=None)
    for code, target in MAPPING.items():
        IndustryChain.objects.filter(code=code).update(maps_to=IndustryChain.objects.filter(code=target).first())


def backward(apps, schema_editor):
    apps.get_model("marketplace", "IndustryChain").objects.update(is_policy_chain=False, maps_to=None)


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0004_key_projects_landmarks_policy_chains")]
    operations = [migrations.RunPython(forward, backward)]
