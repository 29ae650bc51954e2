"""The industry chains named in the policy (tasks 6 and 9) and in the matching evaluation set.
They are data: the operator edits them in the admin afterwards."""
from django.db import migrations

CHAINS = [
    ("new_energy_vehicle", "新能源汽车", "整车、动力电池、电机电控与关键零部件"),
    ("logistics_equipment", "物流装备", "智能仓储、搬运、输送与分拣装备"),
    ("semiconductor_optoelectronics", "半导体及光电", "功率半导体、光电器件、光伏与显示材料"),
    ("alloy_materials", "合金特材", "高温合金、特种钢、轻合金与先进金属材料"),
    ("biomedicine", "生物医药", "创新药、医疗器械、生物制造与现代中药"),
    ("geoinformation", "地理信息", "地理信息+、北斗导航、遥感与时空大数据"),
    ("artificial_intelligence", "人工智能", "算法、算力、机器视觉与行业大模型"),
    ("intelligent_equipment", "智能装备", "高端装备、工业机器人与智能制造系统"),
    ("green_home", "绿色家居", "绿色建材、智能家居与木竹制品"),
    ("digital_economy", "数字经济", "工业互联网、软件与数字化服务"),
    ("green_energy", "绿色能源", "氢能、储能、光伏与节能环保"),
]


def seed(apps, schema_editor):
    IndustryChain = apps.get_model("marketplace", "IndustryChain")
    for order, (code, name, description) in enumerate(CHAINS):
        IndustryChain.objects.update_or_create(code=code, defaults={"name": name, "description": description, "sort_order": order})


def unseed(apps, schema_editor):
    apps.get_model("marketplace", "IndustryChain").objects.filter(code__in=[c for c, _n, _d in CHAINS]).delete()


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
