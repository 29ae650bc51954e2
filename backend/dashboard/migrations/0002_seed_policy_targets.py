"""The policy's other 2027 targets (../shared/seed/README.md, 《关于长三角科创枢纽城市的建设意见》).
Rows of the policy that name two or three indicators ("10家 / 1家") become one target each, in the
same group, so that each has its own progress."""
from decimal import Decimal

from django.db import migrations

# (code, group, name, target as written, value, unit, direction)
TARGETS = [
    ("innovative_city_rank", "国家创新型城市排名", "国家创新型城市排名", "全国前20位", "20", "位", "at_most"),
    ("provincial_key_labs", "全省重点实验室 / 省技术创新中心", "全省重点实验室", "10家", "10", "家", "at_least"),
    ("provincial_innovation_centres", "全省重点实验室 / 省技术创新中心", "省技术创新中心", "1家", "1", "家", "at_least"),
    ("high_tech_enterprises", "高新技术企业（累计）", "高新技术企业（累计）", "2500家", "2500", "家", "at_least"),
    ("tech_smes", "省科技型中小企业（累计）", "省科技型中小企业（累计）", "10000家", "10000", "家", "at_least"),
    ("rd_activity_rate", "规上工业企业研发活动率 / 研发机构设置率", "规上工业企业研发活动率", "≥80%", "80", "%", "at_least"),
    ("rd_institution_rate", "规上工业企业研发活动率 / 研发机构设置率", "规上工业企业研发机构设置率", "≥60%", "60", "%", "at_least"),
    ("high_tech_value_added_share", "高新技术产业增加值占规上工业增加值比重", "高新技术产业增加值占规上工业增加值比重", "≥70%", "70", "%", "at_least"),
    ("rd_spending_growth", "全社会R&D经费支出", "全社会R&D经费支出年均增长", "≥10%", "10", "%", "at_least"),
    ("rd_spending_gdp_share", "全社会R&D经费支出", "全社会R&D经费支出占GDP比重", "≥3.8%", "3.8", "%", "at_least"),
    ("talent_total", "人才资源总量", "人才资源总量", ">100万人", "100", "万人", "at_least"),
    ("rd_staff_per_10k", "每万名就业人员R&D人员数", "每万名就业人员R&D人员数", "210人年", "210", "人年", "at_least"),
    ("high_skill_share", "高技能人才占技能人才比重", "高技能人才占技能人才比重", "≥36%", "36", "%", "at_least"),
    ("xisai_new_rd", "西塞科学谷：新型研发机构 / 头部企业 / 青年人才", "西塞科学谷新型研发机构", "50家", "50", "家", "at_least"),
    ("xisai_leading_firms", "西塞科学谷：新型研发机构 / 头部企业 / 青年人才", "西塞科学谷头部企业", "≥14家", "14", "家", "at_least"),
    ("xisai_young_talent", "西塞科学谷：新型研发机构 / 头部企业 / 青年人才", "西塞科学谷青年人才", "4.5万人", "4.5", "万人", "at_least"),
    ("xisai_doctors", "西塞科学谷：新型研发机构 / 头部企业 / 青年人才", "西塞科学谷青年人才中的博士", "1千人", "1000", "人", "at_least"),
    ("hitech_zone_rd_intensity", "高新区R&D投入强度 / 亩均税收", "高新区R&D投入强度", "≥8%", "8", "%", "at_least"),
    ("hitech_zone_tax_per_mu", "高新区R&D投入强度 / 亩均税收", "高新区亩均税收", "50万元", "50", "万元", "at_least"),
    ("chain_output", "产业链产值 / 规上工业总产值", "产业链产值", ">6000亿元", "6000", "亿元", "at_least"),
    ("industrial_output", "产业链产值 / 规上工业总产值", "规上工业总产值", ">1万亿元", "10000", "亿元", "at_least"),
    ("provincial_new_rd", "省级新型研发机构", "省级新型研发机构", "5家左右", "5", "家", "about"),
    ("leading_teams", "领军型创新创业团队和人才项目", "领军型创新创业团队和人才项目", "≥600个", "600", "个", "at_least"),
    ("top_talents", "领军型创新创业团队和人才项目", "顶尖人才、领军人才", "200名", "200", "名", "at_least"),
    ("university_partners", "高校合作 / 来湖大学生 / 青创项目", "合作高校", "≥500所", "500", "所", "at_least"),
    ("graduates_arriving", "高校合作 / 来湖大学生 / 青创项目", "来湖大学生", "30万人", "30", "万人", "at_least"),
    ("youth_startups", "高校合作 / 来湖大学生 / 青创项目", "青创项目", "5000个", "5000", "个", "at_least"),
    ("postdoc_stations", "博士后工作站 / 进站博士 / 来湖博士", "博士后工作站", "≥100家", "100", "家", "at_least"),
    ("postdocs_in_station", "博士后工作站 / 进站博士 / 来湖博士", "进站博士", "≥300名", "300", "名", "at_least"),
    ("doctors_arriving", "博士后工作站 / 进站博士 / 来湖博士", "来湖博士", "≥3000名", "3000", "名", "at_least"),
    ("fiscal_st_growth", "财政科技投入", "财政科技投入年均增长", "≥15%", "15", "%", "at_least"),
]


def seed(apps, schema_editor):
    PolicyTarget = apps.get_model("dashboard", "PolicyTarget")
    for order, (code, group, name, text, value, unit, direction) in enumerate(TARGETS):
        PolicyTarget.objects.update_or_create(code=code, defaults={
            "group": group, "name": name, "target_text": text, "target_value": Decimal(value), "unit": unit,
            "direction": direction, "year": 2027, "sort_order": order,
        })


def unseed(apps, schema_editor):
    apps.get_model("dashboard", "PolicyTarget").objects.filter(code__in=[t[0] for t in TARGETS], progress__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("dashboard", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
