import math

import pytest

from matching.indicator_evaluation import figures, load_cases
from matching.indicators import Interval, Target, assess, decide, find_claims, parse_name, parse_target
from matching.types import Indicator
from matching.units import chinese_number, convert, parse_unit


def one(unit: str):
    (reading,) = parse_unit(unit)
    return reading


# --- units -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (0.15, "S/m", "mS/cm", 1.5),
        (238, "kWh/t", "Wh/kg", 238),
        (1.5, "Å", "nm", 0.15),
        (3, "μm", "mm", 0.003),
        (12500, "MPa", "GPa", 12.5),
        (0.2, "小时", "分钟", 12),
        (1.2, "万次", "次", 12000),
        (6200, "mg/L", "g/L", 6.2),
        (22, "分/kWh", "元/kWh", 0.22),
        (210, "元/MWh", "元/kWh", 0.21),
        (0.1, "cm⁻²", "个/cm²", 0.1),
        (50, "ng/mg", "ppm", 50),
        (1350, "斤", "kg", 675),
        (0.05, "μs", "ns", 50),
        (5900, "MPa", "GPa", 5.9),
        (400, "kWh/t", "kWh/kg", 0.4),
    ],
)
def test_units_convert_within_a_dimension(value, source, target, expected):
    readings = [(s, t) for s in parse_unit(source) for t in parse_unit(target) if s.dims == t.dims]
    assert readings, f"{source} and {target} share no dimension"
    assert convert(value, *readings[0]) == pytest.approx(expected)


def test_absolute_temperatures_shift_but_differences_only_scale():
    assert convert(423, one("K"), one("℃")) == pytest.approx(149.85)
    assert convert(2.5, one("K"), one("℃"), difference=True) == pytest.approx(2.5)


def test_ambiguous_symbols_keep_every_reading():
    assert {u.dims for u in parse_unit("ppm")} == {(), (("g", 1), ("m", -3))}  # a ratio, or mg/L in water
    assert len(parse_unit("分/kWh")) == 2  # a minute or a cent
    assert parse_unit("Wh/L")[0].dims != parse_unit("Wh/kg")[0].dims
    assert parse_unit("blorp") == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [("一万", 10000), ("两千", 2000), ("三十", 30), ("一千五百", 1500), ("十五", 15), ("一点五", 1.5)],
)
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


# --- targets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "target", "unit", "expected"),
    [
        ("循环寿命", "≥6000", "次", ("ge", 6000, None)),
        ("循环寿命", "不少于一万", "次", ("ge", 10000, None)),
        ("效率", "85以上", "%", ("ge", 85, None)),
        ("总磷", "0.3以下", "mg/L", ("le", 0.3, None)),
        ("电压采集精度", "±2", "mV", ("abs", 2, None)),
        ("含水率", "8-12", "%", ("between", 8, 12)),
        ("表达量", "达到5", "g/L", ("ge", 5, None)),
        ("圆度误差", "优于0.5", "μm", ("le", 0.5, None)),
        ("授时精度", "小于等于50", "ns", ("le", 50, None)),
        ("准确率", ">99", "%", ("gt", 99, None)),
        ("成本", "<0.2", "元/kWh", ("lt", 0.2, None)),
        ("冷启动时间", "不超过三十", "秒", ("le", 30, None)),
        ("循环寿命", "6000", "次", ("ge", 6000, None)),
        ("推理延迟", "50", "ms", ("le", 50, None)),
        ("循环寿命", "≥6000次", "次", ("ge", 6000, None)),
    ],
)
def test_targets_read_comparators_ranges_and_chinese_numbers(name, target, unit, expected):
    t = parse_target(Indicator(name, target, unit))
    assert (t.cmp, t.value, t.high) == expected


def test_a_target_without_a_number_is_none():
    assert parse_target(Indicator("寿命", "长", "年")) is None


# --- claims and names ------------------------------------------------------------------------------


def test_claims_carry_their_bounds_ranges_and_the_words_before_them():
    claims = find_claims("电芯比能量为290～320 Wh/kg，微管密度小于0.1 cm⁻²，-20℃放电容量保持率85%以上，误差±0.003 V。")

    by_unit = {c.unit_text: c for c in claims}
    assert (by_unit["Wh/kg"].interval.lo, by_unit["Wh/kg"].interval.hi) == (290, 320)
    assert by_unit["Wh/kg"].label.endswith("比能量为")
    assert by_unit["cm⁻²"].interval == Interval(-math.inf, 0.1, hi_open=True)
    assert by_unit["%"].interval == Interval(85, math.inf)
    assert by_unit["V"].interval.absolute and by_unit["V"].interval.hi == 0.003


def test_a_relative_change_is_marked_and_codes_are_not_numbers():
    claims = find_claims("饲料系数降低0.15，P1.0/400铁损14.2 W/kg")

    assert claims[0].change == "降低"
    assert [c.interval.lo for c in claims] == [0.15, 14.2]  # 1.0 and 400 belong to the code P1.0/400


def test_names_split_into_what_is_measured_and_what_singles_it_out():
    name = parse_name("充电时间（SOC 10%-80%）")
    assert name.core == "充电时间" and "时间" in name.head and "充电" in name.modifiers
    assert "SOC 10%-80%" in name.qualifiers
    assert "循环次数" in parse_name("循环寿命").variants
    assert "P1.0/400" in parse_name("铁损P1.0/400").codes


# --- verdicts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cmp", "value", "claim", "verdict"),
    [
        ("ge", 300, Interval(290, 320), "unmet"),
        ("ge", 300, Interval(300, 300), "met"),
        ("gt", 99, Interval(99, 99), "unmet"),
        ("gt", 99, Interval(99, math.inf, lo_open=True), "met"),
        ("le", 1, Interval(-math.inf, 2, hi_open=True), "unmet"),
        ("le", 0.5, Interval(-math.inf, 0.1, hi_open=True), "met"),
        ("le", 3, Interval(85, math.inf), "unmet"),
        ("ge", 90, Interval(-math.inf, 95), "unknown"),
        ("abs", 2, Interval(-3, 3, absolute=True), "unmet"),
        ("abs", 30, Interval(-25, 25, absolute=True), "met"),
        ("lt", 0.2, Interval(0.2, 0.2), "unmet"),
    ],
)
def test_decide_uses_the_guaranteed_end(cmp, value, claim, verdict):
    assert decide(Target(cmp, value), claim) == verdict


def test_between_targets_need_the_whole_claim_inside():
    assert decide(Target("between", 8, 12), Interval(10, 14)) == "unmet"
    assert decide(Target("between", 8, 12), Interval(9, 11)) == "met"


@pytest.mark.parametrize(
    ("indicator", "text", "verdict", "claimed"),
    [
        (("循环寿命", "≥6000", "次"), "储能电芯循环次数可达1.2万次。", "met", "12000 次"),
        (("循环寿命", "≥6000", "次"), "314Ah电芯在1000次循环后容量保持率为95.2%。", "unknown", ""),
        (("循环寿命", "≥6000", "次"), "SiC模块功率循环寿命较传统焊料提升3倍以上。", "unknown", ""),
        (("循环寿命", "≥8000", "次"), "设计日历寿命20年，循环寿命长。", "unknown", ""),
        (("循环寿命", "≥6000", "次"), "电芯循环寿命1000次，适用于两轮车。", "unmet", "1000 次"),
        (("能量密度", "≥300", "Wh/kg"), "电芯比能量为290～320 Wh/kg。", "unmet", "290–320 Wh/kg"),
        (("室温离子电导率", "≥1", "mS/cm"), "25℃离子电导率为0.15 S/m。", "met", "1.5 mS/cm"),
        (("最高工作结温", "≥175", "℃"), "模块可在最高423 K结温下长期工作。", "unmet", "149.85℃"),
        (("定位精度", "≤0.008", "mm"), "重复定位精度±2 μm，热漂移小于3 μm。", "unknown", ""),
        (("组件转换效率", "≥23.5", "%"), "电池片效率25.8%，封装后组件效率为22.9%。", "unmet", "22.9%"),
        (("缺陷检出率", "≥99.9", "%"), "对隐裂等缺陷的漏检率为0.05%。", "met", "99.95%"),
        (("系统循环效率", "85以上", "%"), "交流侧往返能量效率（RTE）为0.85。", "met", "85%"),
        (("单位产品能耗", "≤0.45", "kWh/kg"), "实测吨制品耗电量为400 kWh。", "met", "0.4 kWh/kg"),
        (("出水总磷", "0.3以下", "mg/L"), "出水总磷长期低于0.2 ppm。", "met", "<0.2 mg/L"),
        (("脱硫效率", "≥98", "%"), "脱硫效率由95%提高到99.2%。", "met", "99.2%"),
        (("SOC估算误差", "≤3", "%"), "SOC估算精度高，电压采集精度±2 mV。", "unknown", ""),
    ],
)
def test_assess(indicator, text, verdict, claimed):
    result = assess(Indicator(*indicator), text)
    assert (result.verdict, result.claimed) == (verdict, claimed)


def test_the_verdict_says_why_in_words_and_quotes_the_sentence():
    result = assess(Indicator("循环寿命", "≥6000", "次"), "团队开发的电芯，循环寿命1000次。另有专利3项。")

    assert result.label == "未达标：声明 1000 次，目标 ≥ 6000 次"
    assert result.evidence == "团队开发的电芯，循环寿命1000次"  # the original sentence, full-width comma kept
    assert assess(Indicator("循环寿命", "≥6000", "次"), "寿命长。").label == "未说明"


# --- figures ---------------------------------------------------------------------------------------


def test_figures_count_accuracy_and_met_precision_and_recall():
    result = figures(["met", "met", "unmet", "unknown"], ["met", "unknown", "met", "unknown"], resamples=200)

    assert (result["accuracy"], result["met_precision"], result["met_recall"], result["cases"]) == (0.5, 0.5, 0.5, 4)
    assert 0 <= result["accuracy_ci95"][0] <= 0.5 <= result["accuracy_ci95"][1] <= 1


def test_load_cases_rejects_an_unknown_label():
    with pytest.raises(ValueError, match="expected must be one of"):
        load_cases(
            {
                "cases": [
                    {"id": "a", "indicator": {"name": "x", "target": "1", "unit": ""}, "text": "", "expected": "yes"}
                ]
            }
        )
