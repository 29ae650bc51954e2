"""Does a capability's text meet an indicator of a challenge? met / unmet / unknown, with the sentence.

The rule (../shared/eval/indicators/README.md): the text must *claim a value of the same quantity*.
A claim is a number with its unit that follows the quantity's name in the same clause
("循环次数可达1.2万次", "定位精度3 μm", "423 K结温" with the name just after); a number that only
sets a test condition ("1000次循环后容量保持率95%") is the label of another quantity, a relative
change ("降低0.15", "提升30%") claims no value, and a name alone ("寿命长") is unknown. Names are
matched through a small table of general synonyms and the modifiers that tell quantities apart
(重复定位精度 is not 定位精度, 组件效率 is not 电池片效率); units through matching.units. A stated
range counts by its guaranteed end: the lower end against ≥ targets, the upper end against ≤.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matching.types import Indicator
from matching.units import (
    _WHOLE,
    CN_NUMBER,
    MULTIPLIERS,
    Unit,
    chinese_number,
    close,
    convert,
    parse_unit,
    same_dims,
)

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"
VERDICTS = (MET, UNMET, UNKNOWN)

# --- vocabulary ----------------------------------------------------------------------------------
# Phrases that name the same quantity. Tuned on what quantities are, not on cases.
SYNONYMS: list[set[str]] = [
    {"循环寿命", "循环次数", "循环圈数"},
    {"能量密度", "比能量", "质量比能量", "能量比"},
    {"功率密度", "比功率"},
    {"精度", "误差", "偏差", "准确度"},
    {"时间", "耗时", "用时", "延迟", "时延", "延时"},
    {"有效期", "保质期", "货架期", "储存期"},
    {"寿命", "使用寿命", "服役寿命", "工作寿命"},
    {"循环效率", "往返效率", "往返能量效率", "充放电效率", "RTE"},
    {"转导效率", "阳性率", "转染效率"},
    {"表达量", "表达滴度", "滴度", "表达水平", "产量"},
    {"能耗", "电耗", "耗电量", "耗电", "能量消耗", "功耗"},
    {"准确率", "正确率", "识别率", "识别准确率", "准确度"},
    {"检出率", "检测率", "召回率"},
    {"去除率", "脱除率", "去除效率", "净化效率"},
    {"检测限", "检出限", "LoD", "LOD"},
    {"平均无故障时间", "MTBF", "平均故障间隔时间"},
    {"平准化度电成本", "LCOE", "平准化发电成本"},
    {"度电成本", "单位电量成本"},
    {"亩产", "单产", "亩均产量"},
    {"含水率", "含水量", "水分含量", "水分"},
    {"弹性模量", "杨氏模量"},
    {"抗拉强度", "拉伸强度"},
    {"抗弯强度", "弯曲强度", "静曲强度"},
    {"粗糙度", "Ra"},
    {"电导率", "导电率"},
    {"热导率", "导热系数"},
    {"光电转换效率", "转换效率", "光电效率"},
    {"玻璃化转变温度", "玻璃化温度", "Tg"},
    {"首次定位时间", "TTFF", "定位时间"},
    {"续航里程", "续航", "续驶里程"},
    {"噪声", "噪音"},
    {"转速", "速度"},
]
# Modifier words that may stand for each other.
MODIFIER_SYNONYMS: list[set[str]] = [
    {"抗体", "单抗", "单克隆抗体"},
    {"检测", "识别", "检出"},
    {"采集", "测量", "测试", "检测"},
    {"年均", "逐年", "每年", "年平均"},
    {"室温", "常温", "25℃"},
    {"低温", "-20℃", "-30℃", "-40℃", "-10℃"},
    {"电芯", "单体", "电池"},
    {"产品", "制品"},
    {"污水", "废水", "水"},
]
# A quantity named by its complement: 检出率 = 1 − 漏检率, 纯度 = 1 − 杂质含量.
COMPLEMENTS: dict[str, set[str]] = {
    "检出率": {"漏检率"},
    "合格率": {"不合格率", "不良率"},
    "良率": {"不良率"},
    "良品率": {"不良率"},
    "纯度": {"杂质含量", "杂质总含量", "杂质总量"},
    "成活率": {"死亡率"},
    "存活率": {"死亡率"},
}
# The last word of a name that says what is measured, when no synonym group covers it.
HEADS = {
    "寿命",
    "效率",
    "密度",
    "电导率",
    "保持率",
    "精度",
    "误差",
    "偏差",
    "温差",
    "温升",
    "成本",
    "时间",
    "衰减",
    "厚度",
    "粗糙度",
    "电阻",
    "电阻率",
    "结温",
    "温度",
    "表达量",
    "纯度",
    "检测限",
    "残留",
    "释放量",
    "含水率",
    "模量",
    "强度",
    "比表面积",
    "跳动",
    "圆度",
    "能耗",
    "准确率",
    "检出率",
    "延迟",
    "倍数",
    "亩产",
    "产量",
    "系数",
    "铁损",
    "去除率",
    "有效期",
    "浓度",
    "含量",
    "总量",
    "速度",
    "转速",
    "功率",
    "容量",
    "电压",
    "电流",
    "压力",
    "流量",
    "噪声",
    "重量",
    "质量",
    "直径",
    "粒径",
    "线宽",
    "分辨率",
    "灵敏度",
    "良率",
    "合格率",
    "合格品率",
    "成活率",
    "转化率",
    "收率",
    "得率",
    "选择性",
    "回收率",
    "利用率",
    "覆盖率",
    "占比",
    "比例",
    "吸附量",
    "损耗",
    "功耗",
    "响应时间",
    "周期",
    "里程",
    "续航",
    "频率",
    "带宽",
    "通量",
    "硬度",
    "韧性",
    "黏度",
    "粘度",
    "磁感",
    "漏检率",
    "误检率",
    "阳性率",
    "滴度",
    "距离",
    "范围",
    "面积",
    "体积",
    "长度",
    "宽度",
    "高度",
    "深度",
    "尺寸",
    "载荷",
    "负载",
    "推力",
    "扭矩",
    "热导率",
    "透过率",
    "透光率",
    "反射率",
    "吸收率",
    "膨胀系数",
    "收缩率",
    "吸水率",
    "伸长率",
    "断裂伸长率",
    "孔隙率",
    "孔径",
    "产能",
    "能力",
    "指数",
    "可靠性",
    "稳定性",
    "一致性",
    "均匀性",
    "可用性",
    "光效",
    "倍率",
    "臂展",
    "发芽率",
}
# Words that tell two quantities of the same name apart. Within a group the members exclude each
# other: a claim named with one is not a claim of a name that carries another.
EXCLUSIVE: list[list[set[str]]] = [
    [{"水平", "平面"}, {"高程", "垂直", "竖直"}],
    [{"组件"}, {"电池片", "电池"}],
    [{"低温"}, {"常温", "室温"}, {"高温"}],
    [{"授时"}, {"守时"}],
    [{"拉伸", "抗拉"}, {"弯曲", "静曲", "抗弯"}, {"压缩", "抗压"}, {"剪切"}, {"冲击"}],
    [{"模组"}, {"电池包", "pack", "PACK"}],
    [{"出水", "出口"}, {"进水", "进口", "入口"}],
    [{"质量", "重量"}, {"体积"}],
    [{"首年"}, {"年均", "逐年", "每年", "此后"}],
    [{"冷启动"}, {"热启动", "温启动"}],
    [{"峰值", "瞬时"}, {"额定", "持续"}],
    [{"最大", "最高"}, {"最小", "最低"}, {"平均", "典型"}],
    [{"正向"}, {"反向"}],
    [{"静态"}, {"动态"}],
    [{"空载"}, {"满载", "负载"}],
]
# Words that must appear on both sides or on neither: 重复定位精度 is another test than 定位精度.
AGREE: list[set[str]] = [
    {"重复"},
    {"日历"},
    {"首年"},
    {"冷启动"},
    {"热启动"},
    {"守时"},
    {"体积"},
    {"漏检"},
    {"误检", "过检"},
]
# Modifiers that do not single a quantity out (a claim need not repeat them).
GENERIC = ("单位产品", "单位", "产品", "平均", "整体", "综合", "实测", "典型", "吨水", "每吨", "吨", "系统", "总")
# Qualities for which less is better: "优于0.5" then means ≤ 0.5, "6000" alone ≥ 6000 otherwise.
LOWER_IS_BETTER = (
    "误差",
    "偏差",
    "损耗",
    "损失",
    "铁损",
    "能耗",
    "耗电",
    "电耗",
    "功耗",
    "油耗",
    "水耗",
    "成本",
    "价格",
    "费用",
    "造价",
    "时间",
    "耗时",
    "延迟",
    "时延",
    "周期",
    "缺陷",
    "位错",
    "杂质",
    "残留",
    "释放量",
    "排放",
    "衰减",
    "粗糙度",
    "温差",
    "温升",
    "跳动",
    "漏检",
    "误检",
    "误报",
    "不良",
    "废品",
    "故障率",
    "噪声",
    "噪音",
    "振动",
    "内阻",
    "导通电阻",
    "收缩率",
    "膨胀率",
    "吸水率",
    "失重",
    "磨损",
    "检测限",
    "检出限",
    "漂移",
    "波动",
    "纹波",
    "失真",
    "泄漏",
    "漏电",
    "回收期",
    "出水",
    "圆度",
    "平面度",
    "直线度",
    "线宽",
    "饲料系数",
    "料肉比",
    "死亡率",
    "不合格",
    "占地",
)
DIFFERENCE_WORDS = ("温差", "温升", "温度差", "温度变化", "温度波动", "漂移", "温度均匀性")
CHANGE_VERBS = (
    "提升",
    "提高",
    "降低",
    "减少",
    "增加",
    "缩短",
    "下降",
    "增长",
    "节省",
    "节约",
    "减小",
    "增大",
    "改善",
    "增产",
    "减产",
    "延长",
    "降幅",
    "增幅",
    "上升",
    "优化",
    "节能",
)

# --- text ------------------------------------------------------------------------------------------
_WIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {
    0x00B5: "μ",
    0x2212: "-",
    0x3000: " ",
    0x2014: "-",
    0x2013: "-",
}
_CLAUSE_END = set(",，；;。！？!?\n:：、")
_SENTENCE_END = set("；;。！？!?\n")
_NUMBER = re.compile(r"(?<![A-Za-z0-9.×*/^_])(?<![A-Za-z] )(±|\+/-)?(-)?(\d+(?:\.\d+)?)")
_RANGE_SEP = re.compile(r"\s*(?:~|-|至|到)\s*(?=[-±]?\d)")
_CJK_UNITS = sorted(
    (k for k in list(_WHOLE) + list(MULTIPLIERS) if re.fullmatch(r"[\u4e00-\u9fff]+", k)), key=len, reverse=True
)
_UNIT_RUN = re.compile(r"(?:[A-Za-zμΩ℃°Å%‰²³⁻¹·•/^*()]|(?<=[A-Za-z])-?[23](?![0-9.])|" + "|".join(_CJK_UNITS) + ")+")
_PREFIX_CMP = [  # (words at the end of a label, comparator); negated forms before the plain ones
    (("小于等于", "不超过", "不大于", "不高于", "不多于", "不超出", "≤", "<=", "最多", "至多", "以内"), "le"),
    (("大于等于", "不低于", "不少于", "不小于", "≥", ">=", "至少", "最少"), "ge"),
    (("小于", "低于", "少于", "<", "＜", "不足"), "lt"),
    (("大于", "高于", "超过", "多于", ">", "＞", "突破"), "gt"),
    (("优于", "好于"), "better"),
]
_SUFFIX_CMP = [
    (("及以上", "以上", "或以上", "之上", "+"), "ge"),
    (("及以下", "以下", "或以下", "以内", "之内", "内"), "le"),
]


def normalise(text: str) -> str:
    """Full-width to half-width and µ to μ, one character for one (positions stay valid)."""
    return text.translate(_WIDTH)


@dataclass(frozen=True)
class Interval:
    """What a claim or a target allows, in the target's unit: lo..hi, open or closed ends."""

    lo: float = -math.inf
    hi: float = math.inf
    lo_open: bool = False
    hi_open: bool = False
    absolute: bool = False  # ±x: the size of a deviation

    def scaled(self, f) -> Interval:
        lo, hi = f(self.lo), f(self.hi)
        if lo > hi:
            return Interval(hi, lo, self.hi_open, self.lo_open, self.absolute)
        return Interval(lo, hi, self.lo_open, self.hi_open, self.absolute)


@dataclass(frozen=True)
class Target:
    cmp: str  # ge gt le lt eq between abs
    value: float
    high: float | None = None
    text: str = ""


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    label: str
    interval: Interval  # as written, in `unit`
    units: tuple[Unit, ...]
    unit_text: str
    change: str = ""  # a relative change verb before the number
    raw_unit: str = ""  # the unit-like characters after the number, read or not
    superseded: bool = False  # "由95%提高到99.2%": 95% is the old value
    post: str = ""  # text right after the unit

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class IndicatorVerdict:
    verdict: str  # met | unmet | unknown
    evidence: str = ""  # the capability's sentence that states (or mentions) the quantity
    claim: str = ""  # the claim as written ("循环次数可达1.2万次")
    claimed: str = ""  # its guaranteed value in the indicator's unit ("12000 次")
    label: str = "未说明"  # for people: "达标：声明 12000 次 ≥ 10000 次", "未达标：…", "未说明"


# --- targets ---------------------------------------------------------------------------------------


def lower_is_better(name: str, unit: str = "") -> bool:
    if "精度" in name and unit.strip() not in ("%", ""):
        return True
    return any(word in name for word in LOWER_IS_BETTER)


def _number(text: str) -> float | None:
    text = text.strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*([万亿千百]?)", text)
    if m:
        return float(m.group(1)) * MULTIPLIERS.get(m.group(2), 1)
    return chinese_number(text)


def parse_target(indicator: Indicator) -> Target | None:
    """ "≥6000", "不少于一万", "85以上", "±2", "8-12", "达到5", "优于0.5"; None if there is no number."""
    raw = normalise(indicator.target or "").strip().replace(" ", "")
    unit = normalise(indicator.unit or "").strip()
    if unit and raw.endswith(unit):
        raw = raw[: -len(unit)]
    num = rf"(-?\d+(?:\.\d+)?[万亿千]?|{CN_NUMBER})"
    m = re.fullmatch(rf"{num}(?:~|-|—|至|到){num}", raw)
    if m and _number(m.group(1)) is not None and _number(m.group(2)) is not None:
        a, b = sorted((_number(m.group(1)), _number(m.group(2))))
        return Target("between", a, b, raw)
    m = re.fullmatch(rf"(?:±|\+/-|正负){num}", raw)
    if m and _number(m.group(1)) is not None:
        return Target("abs", abs(_number(m.group(1))), text=raw)
    m = re.fullmatch(rf"(.*?){num}(.*)", raw)
    if not m or _number(m.group(2)) is None:
        return None
    before, value, after = m.group(1), _number(m.group(2)), m.group(3)
    cmp = _prefix_cmp(before) or _suffix_cmp(after)
    if cmp in (None, "better", "eq_reach"):
        cmp = "le" if lower_is_better(indicator.name, unit) else "ge"
    return Target(cmp, value, text=raw)


def _prefix_cmp(before: str) -> str | None:
    before = before.strip()
    if not before:
        return None
    for words, cmp in _PREFIX_CMP:
        if any(before.endswith(w) for w in words):
            return cmp
    if before.endswith(("=", "＝", "等于")):
        return "eq"
    if before.endswith(("达到", "达", "不劣于")):
        return "eq_reach"
    return None


def _suffix_cmp(after: str) -> str | None:
    after = after.strip()
    for words, cmp in _SUFFIX_CMP:
        if any(after.startswith(w) for w in words):
            return cmp
    return None


# --- claims ----------------------------------------------------------------------------------------


def _unit_at(text: str, pos: int) -> tuple[str, tuple[Unit, ...], int]:
    """The longest unit expression starting at pos (after one optional space)."""
    start = pos + 1 if pos < len(text) and text[pos] == " " else pos
    m = _UNIT_RUN.match(text, start)
    if not m:
        return "", (), pos
    run = m.group(0)
    for end in range(len(run), 0, -1):
        candidate = run[:end]
        if candidate.count("(") != candidate.count(")") or candidate.endswith(("/", "·")):
            continue
        readings = parse_unit(candidate)
        if readings:
            return candidate, readings, start + end
    return "", (), pos


def _raw_unit(text: str, pos: int) -> str:
    m = _UNIT_RUN.match(text, pos + 1 if pos < len(text) and text[pos] == " " else pos)
    return m.group(0) if m else ""


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and text[start - 1] not in _SENTENCE_END:
        start -= 1
    end = pos
    while end < len(text) and text[end] not in _SENTENCE_END:
        end += 1
    return start, end


def find_claims(text: str) -> list[Claim]:
    """Every number of the text with its unit, its range or bound, and the words before it."""
    text = normalise(text)
    claims: list[Claim] = []
    last_end = 0
    pos = 0
    while True:
        m = _NUMBER.search(text, pos)
        if not m:
            break
        sign, minus, digits = m.group(1), m.group(2), m.group(3)
        value = float(digits) * (-1 if minus else 1)
        unit_text, units, end = _unit_at(text, m.end())
        lo = hi = value
        absolute = bool(sign)
        # A range: "290～320 Wh/kg", "20%～45%", "0.3-0.6 cm⁻²", "-20℃～60℃".
        r = _RANGE_SEP.match(text, end)
        if r and not absolute:
            m2 = _NUMBER.match(text, r.end())
            if m2 and not m2.group(1):
                value2 = float(m2.group(3)) * (-1 if m2.group(2) else 1)
                unit2, units2, end2 = _unit_at(text, m2.end())
                if (unit2 == unit_text or not unit_text) and unit2 or (not unit2 and not unit_text):
                    unit_text, units, end = unit2 or unit_text, units2 or units, end2
                    lo, hi = sorted((value, value2))
                elif unit_text and not unit2:
                    lo, hi = sorted((value, value2))
                    end = m2.end()
        if absolute:
            lo, hi = -abs(value), abs(value)
        # "40℃±2℃": the tolerance belongs to the value before it.
        tol = re.match(r"\s*±\s*\d+(?:\.\d+)?", text[end:])
        if tol and not absolute:
            _, _, end = _unit_at(text, end + tol.end())
        start = max(_clause_start(text, m.start()), last_end)
        label = text[start : m.start()]
        superseded = bool(re.search(r"(?:由|从)\s*$", label))
        if claims and claims[-1].superseded and re.search(r"(?:至|到)\s*$", label):
            label = claims[-1].label + label  # "脱硫效率由95%提高到99.2%": the name is before 由
        interval = Interval(lo, hi, absolute=absolute)
        interval = _apply_words(interval, label, text[end : end + 4])
        change = next((v for v in CHANGE_VERBS if v in label[-8:] and not re.search(v + "(?:至|到)", label[-8:])), "")
        claims.append(
            Claim(
                start=start,
                end=end,
                label=label,
                interval=interval,
                units=units,
                unit_text=unit_text,
                change=change,
                post=text[end : end + 12],
                superseded=superseded,
                raw_unit=_raw_unit(text, m.end()),
            )
        )
        last_end = end
        pos = max(end, m.end())
    return claims


def _apply_words(interval: Interval, label: str, after: str) -> Interval:
    """ "小于0.1" → (−∞, 0.1); "85%以上" → [85, ∞); "超过4000次" → (4000, ∞)."""
    if interval.absolute:
        return interval
    tail = label.rstrip(" 约为可达到是在控制")
    cmp = _suffix_cmp(after) or _prefix_cmp(tail[-6:] if tail else "")
    lo, hi = interval.lo, interval.hi
    if cmp == "le":
        return Interval(-math.inf, hi)
    if cmp == "lt":
        return Interval(-math.inf, hi, hi_open=True)
    if cmp == "ge":
        return Interval(lo, math.inf)
    if cmp == "gt":
        return Interval(lo, math.inf, lo_open=True)
    if cmp == "better":
        return Interval(lo, hi, absolute=False) if lo != hi else Interval(lo, hi)
    return interval


# --- names ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    core: str  # without qualifiers: "充电时间"
    variants: tuple[str, ...]  # the core and its synonyms
    phrase: tuple[str, ...]  # a synonym group a phrase of the core belongs to: 循环效率, 往返效率…
    head: tuple[str, ...]  # what is measured: "时间", "耗时", "延迟"…
    modifiers: tuple[str, ...]  # the rest, as 2-grams and Latin words: "充电"
    qualifiers: tuple[str, ...]  # from (…) and codes: "SOC 10%-80%", "P1.0/400"
    codes: tuple[str, ...]  # working-point codes such as "P1.0/400"
    complements: tuple[str, ...]
    error_like: bool  # 圆度误差: "圆度0.3 μm" names it too


_CODE = re.compile(r"[A-Za-z]+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?")


def _group_of(word: str, groups: Iterable[set[str]]) -> set[str]:
    found = {word}
    for group in groups:
        if word in group:
            found |= group
    return found


def _grams(text: str) -> set[str]:
    grams = set(re.findall(r"[A-Za-z][A-Za-z0-9\-]+", text))
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        if len(run) == 1:
            grams.add(run)
        grams |= {run[i : i + 2] for i in range(len(run) - 1)}
    return grams


def parse_name(name: str) -> Name:
    name = normalise(name).strip()
    qualifiers = [q.strip() for q in re.findall(r"[(（\[]([^()（）\[\]]*)[)）\]]", name) if q.strip()]
    core = re.sub(r"[(（\[][^()（）\[\]]*[)）\]]", "", name).strip()
    codes = [c for c in _CODE.findall(core) if re.search(r"\d", c)]
    for code in codes:
        core = core.replace(code, "")
    latin_tail = re.search(r"[A-Za-z]{1,4}$", core)
    if latin_tail and re.search(r"[\u4e00-\u9fff]", core[: latin_tail.start()]):
        qualifiers.append(latin_tail.group(0))
        core = core[: latin_tail.start()]
    core = core.strip(" -_/")
    qualifiers += codes
    # Synonyms of the whole core and of any phrase in it.
    variants = {core}
    phrase: set[str] = set()
    for group in SYNONYMS:
        for member in sorted(group, key=len, reverse=True):
            if member in core:
                variants |= {core.replace(member, other) for other in group}
                if len(member) >= 3 and (not phrase or len(member) > max(map(len, phrase))):
                    phrase = set(group)
                break
    for q in qualifiers:  # an acronym in parentheses is the name too: (LCOE), (MTBF)
        if re.fullmatch(r"[A-Za-z][A-Za-z\-]{1,7}", q):
            variants.add(q)
    head = ""
    for size in range(2, len(core) + 1):  # the shortest suffix that names what is measured
        suffix = core[-size:]
        if suffix in HEADS or any(suffix in g for g in SYNONYMS):
            head = suffix
            break
    if not head:
        head = core[-2:] if len(core) >= 2 else core
    heads = _group_of(head, SYNONYMS)
    rest = core[: len(core) - len(head)]
    for word in GENERIC:
        rest = rest.replace(word, "")
    error_like = head in ("误差", "偏差", "精度") and len(rest) >= 2
    complements = set()
    for word, others in COMPLEMENTS.items():
        if core.endswith(word):
            complements |= others
    return Name(
        core=core,
        variants=tuple(sorted(variants, key=len, reverse=True)),
        phrase=tuple(sorted(phrase, key=len, reverse=True)),
        head=tuple(sorted(heads, key=len, reverse=True)),
        modifiers=tuple(sorted(_grams(rest))),
        qualifiers=tuple(qualifiers),
        codes=tuple(codes),
        complements=tuple(sorted(complements)),
        error_like=error_like,
    )


def _modifier_hits(modifiers: Sequence[str], text: str) -> int:
    hits = 0
    for gram in modifiers:
        alternatives = {gram}
        for group in MODIFIER_SYNONYMS:
            if any(gram in member for member in group):
                alternatives |= group
        if any(a in text for a in alternatives):
            hits += 1
    return hits


def _vetoed(name: Name, label: str, full_name: str) -> bool:
    for group in AGREE:
        if any(w in label for w in group) != any(w in name.core for w in group):
            return True
    for group in EXCLUSIVE:
        mine = {i for i, members in enumerate(group) if any(w in full_name for w in members)}
        theirs = {i for i, members in enumerate(group) if any(w in label for w in members)}
        if mine and theirs and not mine & theirs:
            return True
    # A working point in the label that is not the indicator's: P1.5/50 is not P1.0/400.
    label_codes = {c for c in _CODE.findall(label) if re.search(r"\d", c) and "/" in c}
    if label_codes and name.codes and not label_codes & set(name.codes):
        return True
    return False


def name_score(name: Name, label: str, context: str, full_name: str) -> float:
    """How surely `label` (the words before a number) names the indicator's quantity; 0 if not."""
    if _vetoed(name, label, full_name):
        return 0.0
    if any(v and v in label for v in name.variants):
        return 3.0
    if any(p in label for p in name.phrase):
        return 2.0 + 0.5 * bool(_modifier_hits(name.modifiers, label))
    head_found = any(h in label for h in name.head)
    if not head_found and name.error_like:
        bare = name.core[: len(name.core) - len(next(h for h in name.head if name.core.endswith(h)))]
        head_found = len(bare) >= 2 and bare in label
    if not head_found:
        return 0.0
    if not name.modifiers:
        return 2.0
    in_label = _modifier_hits(name.modifiers, label)
    qualifier_hit = any(q and q in label for q in name.qualifiers)
    if in_label or qualifier_hit:
        return 1.0 + in_label / len(name.modifiers) + 0.5 * qualifier_hit
    if _modifier_hits(name.modifiers, context) or any(q and q in context for q in name.qualifiers):
        return 0.8
    # The object a name adds ("灯具寿命", "网络可靠性") is often only hinted at ("路灯", "专网").
    chars = {ch for gram in name.modifiers for ch in gram if "\u4e00" <= ch <= "\u9fff"}
    if chars & set(context):
        return 0.5
    return 0.0


# --- deciding --------------------------------------------------------------------------------------


def _reading(claim: Claim, targets: Sequence[Unit], label: str, unit_name: str) -> tuple[Unit, Unit, float] | None:
    """A reading of the claim's unit with the dimension of the target's, and a factor for
    denominators the label gives in words ("吨制品耗电量400 kWh" is kWh per tonne)."""
    for target in targets:
        for unit in claim.units:
            if same_dims(unit, target) and (claim.unit_text or not target.dims):
                return unit, target, 1.0
    for target in targets:  # "每处理千吨污水耗电600 kWh", "亩产1350斤"
        for word, per in _PER_WORDS:
            if word in label:
                for unit in claim.units:
                    if claim.unit_text and same_dims(unit / per, target):
                        return unit / per, target, 1.0
    return None


_PER_WORDS = sorted(
    [
        (w, u)
        for w, u in (
            (w, parse_unit(w)[0])
            for w in (
                "千吨",
                "万吨",
                "吨",
                "公斤",
                "千克",
                "亩",
                "公顷",
                "平方米",
                "立方米",
                "方",
                "小时",
                "天",
                "日",
                "年",
                "台",
                "度",
            )
        )
    ],
    key=lambda p: -len(p[0]),
)


def _as_target(claim: Claim, unit: Unit, target: Unit, *, difference: bool) -> Interval:
    return claim.interval.scaled(lambda v: v if math.isinf(v) else convert(v, unit, target, difference=difference))


def decide(target: Target, claim: Interval) -> str:
    """met / unmet from the claim's guaranteed end; unknown if the claim bounds the wrong side."""
    lo, hi = claim.lo, claim.hi
    if target.cmp == "abs" or claim.absolute and target.cmp in ("le", "lt"):
        size = max(abs(lo), abs(hi))
        if math.isinf(size):
            return UNKNOWN
        return MET if size < target.value or close(size, target.value) else UNMET
    if target.cmp in ("ge", "gt"):
        if math.isinf(lo):
            return UNMET if hi < target.value or close(hi, target.value) and target.cmp == "gt" else UNKNOWN
        if target.cmp == "ge":
            return MET if lo > target.value or close(lo, target.value) else UNMET
        return (
            MET
            if lo > target.value and not close(lo, target.value) or close(lo, target.value) and claim.lo_open
            else UNMET
        )
    if target.cmp in ("le", "lt"):
        if math.isinf(hi):
            return UNMET if lo > target.value and not close(lo, target.value) else UNKNOWN
        if target.cmp == "le":
            return MET if hi < target.value or close(hi, target.value) else UNMET
        return (
            MET
            if hi < target.value and not close(hi, target.value) or close(hi, target.value) and claim.hi_open
            else UNMET
        )
    if target.cmp == "between":
        high = target.high if target.high is not None else target.value
        if math.isinf(lo) or math.isinf(hi):
            inside = (math.isinf(lo) and hi < target.value) or (math.isinf(hi) and lo > high)
            return UNMET if inside else UNKNOWN
        ok = (lo > target.value or close(lo, target.value)) and (hi < high or close(hi, high))
        return MET if ok else UNMET
    if target.cmp == "eq":
        if close(lo, target.value) and close(hi, target.value):
            return MET
        return UNMET if not math.isinf(lo) and not math.isinf(hi) else UNKNOWN
    return UNKNOWN


def assess(indicator: Indicator, text: str) -> IndicatorVerdict:
    """The verdict on one indicator for a capability's text, with the evidence sentence."""
    source = normalise(text)
    name = parse_name(indicator.name)
    full_name = normalise(indicator.name)
    target = parse_target(indicator)
    unit_text = normalise(indicator.unit or "").strip()
    target_units = parse_unit(unit_text) or ()
    difference = any(w in name.core for w in DIFFERENCE_WORDS)
    best: tuple[float, int, Claim, Interval, str] | None = None
    mention = ""
    for index, claim in enumerate(find_claims(source)):
        if claim.superseded:
            continue
        s_start, _ = sentence_bounds(source, claim.start)
        context = source[s_start : claim.start]
        label = claim.label
        score = name_score(name, label, context, full_name)
        complement = False
        if not score and name.complements and any(c in label for c in name.complements):
            score, complement = 1.5, True
        if not score and not any(h in label for h in name.head):
            # "423 K结温": the name right after the number.
            post_head = next((v for v in name.variants + name.head if claim.post.startswith(v)), "")
            if post_head and not claim.post[len(post_head) :].startswith(("后", "时", "条件")):
                score = 0.9 * name_score(name, label + post_head, context, full_name)
        if not score:
            continue
        mention = mention or _sentence(text, claim.start)
        interval = _claim_in_target_unit(claim, label, target_units, unit_text, difference, complement)
        if claim.change:
            interval = _relative(claim, unit_text)
        if interval is None:
            continue
        key = (score, -index)
        if best is None or key > (best[0], -best[1]):
            best = (score, index, claim, interval, label)
    if best is None or target is None:
        evidence = mention or _mention_sentence(text, source, name)
        return IndicatorVerdict(UNKNOWN, evidence=evidence, label="未说明")
    _, _, claim, interval, _ = best
    verdict = decide(target, interval)
    evidence = _sentence(text, claim.start)
    claimed = _display(interval, target, unit_text)
    return IndicatorVerdict(
        verdict,
        evidence=evidence,
        claim=text[claim.start : claim.end].strip(" ，,"),
        claimed=claimed,
        label=_label(verdict, claimed, target, unit_text),
    )


def _claim_in_target_unit(
    claim: Claim, label: str, target_units: Sequence[Unit], unit_text: str, difference: bool, complement: bool
) -> Interval | None:
    if complement:
        reading = next((u for u in claim.units if not u.dims), None) if claim.unit_text else None
        if reading is None or not target_units or target_units[0].dims:
            return None
        ratio = claim.interval.scaled(lambda v: v if math.isinf(v) else v * reading.factor)
        flipped = ratio.scaled(lambda v: 1 - v if not math.isinf(v) else -v)
        return flipped.scaled(lambda v: v if math.isinf(v) else v / target_units[0].factor)
    if not target_units:  # a unit we cannot read: the same characters only
        if unit_text and claim.raw_unit.startswith(unit_text) or claim.unit_text == unit_text:
            return claim.interval
        return None
    found = _reading(claim, target_units, label, unit_text)
    if found is not None:
        unit, target, _ = found
        return _as_target(claim, unit, target, difference=difference)
    target = target_units[0]
    if not claim.unit_text and not target.dims:
        # A share written as a fraction: "往返效率为0.85" against a % target.
        if close(target.factor, 0.01) and 0 < claim.interval.hi <= 1 and not claim.interval.absolute:
            return claim.interval.scaled(lambda v: v if math.isinf(v) else v * 100)
        return claim.interval
    return None


def _relative(claim: Claim, unit_text: str) -> Interval | None:
    """ "效率较人工提升300%" against a target in 倍: 4 倍. Any other relative change claims no value."""
    if (
        unit_text == "倍"
        and claim.change in ("提升", "提高", "增加", "增长", "上升")
        and claim.unit_text in ("%", "倍")
    ):
        if claim.unit_text == "%":
            return claim.interval.scaled(lambda v: v if math.isinf(v) else 1 + v / 100)
        return claim.interval
    return None


def _sentence(text: str, pos: int, limit: int = 160) -> str:
    start, end = sentence_bounds(text, pos)
    sentence = text[start:end].strip()
    if len(sentence) <= limit:
        return sentence
    offset = pos - start
    lo = max(0, min(offset - limit // 2, len(sentence) - limit))
    return ("…" if lo else "") + sentence[lo : lo + limit] + ("…" if lo + limit < len(sentence) else "")


def _mention_sentence(text: str, source: str, name: Name) -> str:
    for variant in name.variants + name.phrase:
        pos = source.find(variant)
        if variant and pos >= 0:
            return _sentence(text, pos)
    return ""


_SYMBOL = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "=", "abs": "±", "between": "∈"}
_NEGATION = {"ge": "<", "gt": "≤", "le": ">", "lt": "≥", "eq": "≠", "abs": "超出 ±", "between": "∉"}


def _fmt(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == 0:
        return "0"
    text = f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"
    if "e" in text:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


def _display(interval: Interval, target: Target, unit: str) -> str:
    sep = " " if unit and not unit.startswith(("%", "‰", "℃")) else ""
    if interval.absolute or target.cmp == "abs":
        return f"±{_fmt(max(abs(interval.lo), abs(interval.hi)))}{sep}{unit}"
    if math.isinf(interval.lo) and not math.isinf(interval.hi):
        return f"{'<' if interval.hi_open else '≤'}{_fmt(interval.hi)}{sep}{unit}"
    if math.isinf(interval.hi) and not math.isinf(interval.lo):
        return f"{'>' if interval.lo_open else '≥'}{_fmt(interval.lo)}{sep}{unit}"
    if close(interval.lo, interval.hi):
        return f"{_fmt(interval.lo)}{sep}{unit}"
    return f"{_fmt(interval.lo)}–{_fmt(interval.hi)}{sep}{unit}"


def _target_text(target: Target, unit: str) -> str:
    sep = " " if unit and not unit.startswith(("%", "‰", "℃")) else ""
    if target.cmp == "between":
        return f"{_fmt(target.value)}–{_fmt(target.high or target.value)}{sep}{unit}"
    return f"{_fmt(target.value)}{sep}{unit}"


def _label(verdict: str, claimed: str, target: Target, unit: str) -> str:
    goal = _target_text(target, unit)
    if verdict == MET:
        return (
            f"达标：声明 {claimed}，目标 {_SYMBOL[target.cmp]} {goal}"
            if target.cmp != "between"
            else f"达标：声明 {claimed}，目标 {goal}"
        )
    if verdict == UNMET:
        return (
            f"未达标：声明 {claimed}，目标 {_SYMBOL[target.cmp]} {goal}"
            if target.cmp != "between"
            else f"未达标：声明 {claimed}，目标 {goal}"
        )
    return f"未说明：声明 {claimed}，无法判断" if claimed else "未说明"
