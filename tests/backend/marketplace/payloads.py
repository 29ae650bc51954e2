"""Valid request bodies, in realistic Chinese, for the write endpoints."""

from datetime import timedelta

from django.utils import timezone


def challenge_body(**overrides) -> dict:
    body = {
        "title": "高镍三元正极材料循环寿命提升",
        "summary": "面向长续航动力电池，提升高镍正极的循环稳定性。",
        "description": "高镍NCM811正极在高温循环中容量衰减快，需通过表面包覆或掺杂改性，使1000次循环容量保持率达到90%。",
        "industry": "new_energy_vehicle",
        "list_type": "leading",
        "indicators": [{"name": "1000次循环容量保持率", "target": "≥90", "unit": "%"}],
        "keywords": ["高镍正极", "包覆改性"],
        "bounty": "5000000.00",
        "funding_mode": "enterprise",
        "mode": "jiebang",
        "bid_deadline": (timezone.now() + timedelta(days=60)).isoformat(),
        "confidentiality": "public",
    }
    return {**body, **overrides}


def bid_body(**overrides) -> dict:
    body = {
        "proposal": "采用单晶化与铝镁共掺杂，辅以快离子导体包覆。",
        "approach": "材料设计—小试—中试—电芯验证。",
        "price": "4600000.00",
        "duration_days": 480,
        "milestones": [{"title": "小试", "due_day": 150, "deliverable": "循环500次保持率≥95%"}],
    }
    return {**body, **overrides}


def need_body(**overrides) -> dict:
    body = {
        "title": "木制家具喷涂车间VOC超标",
        "description": "家具厂喷涂车间挥发性有机物排放超标，希望找到低成本的治理或水性涂料替代方案。",
        "industry": "green_home",
        "keywords": ["VOC", "水性涂料"],
        "budget_min": "300000.00",
        "budget_max": "800000.00",
        "cooperation_type": "development",
    }
    return {**body, **overrides}


def capability_body(**overrides) -> dict:
    body = {
        "title": "低温等离子体协同催化VOC治理技术",
        "description": "等离子体与催化剂协同降解苯系物，去除率95%以上，适用于家具、印刷行业中低浓度废气。",
        "industry": "green_energy",
        "kind": "achievement",
        "keywords": ["VOC治理", "等离子体"],
        "trl": 7,
        "patents": ["ZL202110123456.7"],
        "team": "教授2名、博士5名",
        "cooperation_types": ["transfer", "license"],
        "price_min": "500000.00",
        "price_max": "1500000.00",
    }
    return {**body, **overrides}
