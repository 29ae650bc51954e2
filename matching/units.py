"""Units of measure as Chinese technical writing uses them, and numbers as it writes them.

A unit is a product of base dimensions with a factor to the base unit ("mS/cm" is S·m⁻¹ × 0.1,
"kWh/t" and "Wh/kg" are both J·g⁻¹ × 3.6). Symbols that mean different things in different
quantities ("分" a minute or a cent, "ppm" a mass ratio or mg/L in water, "度" a degree or a kWh)
have several readings; the caller keeps the one whose dimension matches the indicator's unit.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

Dims = tuple[tuple[str, int], ...]

# --- units ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    dims: Dims
    factor: float = 1.0
    offset: float = 0.0  # ℃ → K: absolute temperatures only; a difference ignores it

    def __mul__(self, other: Unit) -> Unit:
        if self == ONE:
            return other
        return Unit(_combine(self.dims, other.dims, 1), self.factor * other.factor)

    def __truediv__(self, other: Unit) -> Unit:
        return Unit(_combine(self.dims, other.dims, -1), self.factor / other.factor)

    def power(self, n: int) -> Unit:
        return Unit(tuple((d, e * n) for d, e in self.dims), self.factor**n)

    def scaled(self, k: float) -> Unit:
        return Unit(self.dims, self.factor * k, self.offset * k)


def _combine(a: Dims, b: Dims, sign: int) -> Dims:
    out = dict(a)
    for d, e in b:
        out[d] = out.get(d, 0) + sign * e
    return tuple(sorted((d, e) for d, e in out.items() if e))


def _u(base: str | None = None, factor: float = 1.0, offset: float = 0.0) -> Unit:
    return Unit(((base, 1),) if base else (), factor, offset)


ONE = _u()
SECOND, METRE, GRAM, JOULE, YUAN = _u("s"), _u("m"), _u("g"), _u("J"), _u("yuan")

# Symbols that take SI prefixes (case-sensitive: "T" is a tesla, "t" a tonne).
_SI: dict[str, Unit] = {
    "g": GRAM,
    "m": METRE,
    "s": SECOND,
    "S": _u("S"),
    "Ω": _u("Ω"),
    "W": JOULE / SECOND,
    "Wh": JOULE.scaled(3600),
    "J": JOULE,
    "V": _u("V"),
    "A": _u("A"),
    "Ah": _u("A") * SECOND.scaled(3600),
    "Pa": _u("Pa"),
    "Hz": ONE / SECOND,
    "L": METRE.power(3).scaled(1e-3),
    "N": _u("N"),
    "eV": JOULE.scaled(1.602176634e-19),
    "F": _u("F"),
    "T": _u("T"),
    "bps": _u("bit") / SECOND,
    "B": _u("bit").scaled(8),
    "bit": _u("bit"),
    "lm": _u("lm"),
    "lx": _u("lx"),
    "mol": _u("mol"),
    "VA": JOULE / SECOND,
    "var": JOULE / SECOND,
    "Gy": _u("Gy"),
    "Bq": _u("Bq"),
}
_PREFIX = {
    "G": 1e9,
    "M": 1e6,
    "k": 1e3,
    "K": 1e3,
    "c": 1e-2,
    "m": 1e-3,
    "μ": 1e-6,
    "u": 1e-6,
    "n": 1e-9,
    "p": 1e-12,
    "T": 1e12,
    "d": 1e-1,
}

_MINUTE, _HOUR, _DAY = SECOND.scaled(60), SECOND.scaled(3600), SECOND.scaled(86400)
_MONTH, _YEAR = SECOND.scaled(2629800), SECOND.scaled(31557600)
_MU = METRE.power(2).scaled(2000 / 3)  # 亩
_COUNT = _u("count")  # 次: cycles, times, operations
_COPIES = _u("copies")

# Whole symbols, tried before prefix + symbol. A list means several readings.
_WHOLE: dict[str, Unit | list[Unit]] = {
    "%": ONE.scaled(1e-2),
    "‰": ONE.scaled(1e-3),
    "ppm": [ONE.scaled(1e-6), GRAM.scaled(1e-3) / METRE.power(3).scaled(1e-3)],
    "ppb": [ONE.scaled(1e-9), GRAM.scaled(1e-6) / METRE.power(3).scaled(1e-3)],
    "ppt": ONE.scaled(1e-12),
    "℃": _u("K", 1, 273.15),
    "°C": _u("K", 1, 273.15),
    "摄氏度": _u("K", 1, 273.15),
    "K": _u("K"),
    "°": _u("deg"),
    "Å": METRE.scaled(1e-10),
    "min": _MINUTE,
    "h": _HOUR,
    "hr": _HOUR,
    "d": _DAY,
    "a": _YEAR,
    "yr": _YEAR,
    "t": GRAM.scaled(1e6),
    "rpm": _COUNT / _MINUTE,
    "r": _COUNT,
    "dB": _u("dB"),
    "dBm": _u("dBm"),
    "dBA": _u("dB"),
    "bar": _u("Pa", 1e5),
    "MPa": _u("Pa", 1e6),
    "mAh": _u("A") * SECOND.scaled(3.6),
    "nit": _u("cd") / METRE.power(2),
    "gf": _u("N", 0.00980665),
    "kgf": _u("N", 9.80665),
    "cd": _u("cd"),
    "dB(A)": _u("dB"),
    "C": _u("C-rate"),
    "mu": _MU,
    "copies": _COPIES,
    "copy": _COPIES,
    "cfu": _u("cfu"),
    "CFU": _u("cfu"),
    "IU": _u("IU"),
    "TOPS": _u("op", 1e12) / SECOND,
    "FPS": ONE / SECOND,
    "fps": ONE / SECOND,
    "LMH": METRE.scaled(1e-3) / _HOUR,
    "wt%": ONE.scaled(1e-2),
    "vol%": ONE.scaled(1e-2),
    "mol%": ONE.scaled(1e-2),
    "at%": ONE.scaled(1e-2),
    "RH": ONE,
    # Chinese
    "次": _COUNT,
    "次数": _COUNT,
    "转": _COUNT,
    "圈": _COUNT,
    "周次": _COUNT,
    "秒": SECOND,
    "毫秒": SECOND.scaled(1e-3),
    "微秒": SECOND.scaled(1e-6),
    "纳秒": SECOND.scaled(1e-9),
    "分钟": _MINUTE,
    "分": [_MINUTE, YUAN.scaled(0.01)],
    "小时": _HOUR,
    "钟头": _HOUR,
    "天": _DAY,
    "日": _DAY,
    "周": SECOND.scaled(604800),
    "星期": SECOND.scaled(604800),
    "个月": _MONTH,
    "月": _MONTH,
    "年": _YEAR,
    "元": YUAN,
    "角": YUAN.scaled(0.1),
    "米": METRE,
    "厘米": METRE.scaled(1e-2),
    "毫米": METRE.scaled(1e-3),
    "微米": METRE.scaled(1e-6),
    "纳米": METRE.scaled(1e-9),
    "公里": METRE.scaled(1e3),
    "千米": METRE.scaled(1e3),
    "丝": METRE.scaled(1e-5),
    "克": GRAM,
    "毫克": GRAM.scaled(1e-3),
    "千克": GRAM.scaled(1e3),
    "公斤": GRAM.scaled(1e3),
    "斤": GRAM.scaled(500),
    "吨": GRAM.scaled(1e6),
    "亩": _MU,
    "公顷": METRE.power(2).scaled(1e4),
    "平方米": METRE.power(2),
    "平米": METRE.power(2),
    "立方米": METRE.power(3),
    "方": METRE.power(3),
    "升": METRE.power(3).scaled(1e-3),
    "毫升": METRE.power(3).scaled(1e-6),
    "度": [JOULE.scaled(3.6e6), _u("K", 1, 273.15), _u("deg")],
    "瓦": JOULE / SECOND,
    "千瓦": JOULE.scaled(1e3) / SECOND,
    "兆瓦": JOULE.scaled(1e6) / SECOND,
    "伏": _u("V"),
    "千伏": _u("V", 1e3),
    "安": _u("A"),
    "倍": ONE,
    "个": ONE,
    "台": ONE,
    "套": ONE,
    "件": ONE,
    "块": ONE,
    "片": ONE,
    "颗": ONE,
    "只": ONE,
    "株": ONE,
    "头": ONE,
    "尾": ONE,
    "条": ONE,
    "项": ONE,
    "人": ONE,
    "人次": ONE,
    "路": ONE,
    "帧": ONE,
    "级": _u("grade"),
    "类": _u("kind"),
}
# Number words that scale the unit after them: "1.2万次", "3亿元".
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "十": 10}
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _atom(symbol: str) -> list[Unit]:
    symbol = symbol.strip()
    if not symbol:
        return []
    power = 1
    m = re.fullmatch(r"(.*?)(\^?-?[23]|[⁻]?[²³¹])", symbol)
    if m and m.group(1) and not m.group(1)[-1].isdigit():
        symbol, power = m.group(1), int(m.group(2).translate(_SUPERSCRIPT).lstrip("^"))
    if symbol in _WHOLE:
        found = _WHOLE[symbol]
        readings = found if isinstance(found, list) else [found]
    elif symbol in _SI:
        readings = [_SI[symbol]]
    elif len(symbol) > 1 and symbol[0] in _PREFIX and symbol[1:] in _SI:
        readings = [_SI[symbol[1:]].scaled(_PREFIX[symbol[0]])]
    elif len(symbol) > 2 and symbol[:2] == "da" and symbol[2:] in _SI:
        readings = [_SI[symbol[2:]].scaled(10)]
    elif symbol[0] in MULTIPLIERS:
        readings = [u.scaled(MULTIPLIERS[symbol[0]]) for u in (_atom(symbol[1:]) if len(symbol) > 1 else [ONE])]
    else:
        return []
    return [u.power(power) if power != 1 else u for u in readings]


def _product(expr: str) -> list[Unit]:
    parts = (
        [p for p in re.split(r"[·*•⋅.]", expr) if p]
        if re.search(r"[·*•⋅]|(?<=[A-Za-zΩ])\.(?=[A-Za-zΩ])", expr)
        else [expr]
    )
    results = [ONE]
    for part in parts:
        readings = _atom(part)
        if not readings:
            return []
        results = [r * u for r in results for u in readings]
    return results


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> tuple[Unit, ...]:
    """Every reading of a unit expression, or () when it is not one. "" is the plain number."""
    text = text.strip().replace("（", "(").replace("）", ")").replace("／", "/").replace(" ", "")
    if not text:
        return (ONE,)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    numerator, *denominators = _split_top(text)
    results = _product(numerator) if numerator else [ONE]
    for den in denominators:
        den = den[1:-1] if den.startswith("(") and den.endswith(")") else den
        readings = _product(den)
        results = [r / d for r in results for d in readings]
        if not results:
            return ()
    # "分" in 元/kWh is a cent, in 次/分 a minute: keep every reading, distinct ones only.
    unique: list[Unit] = []
    for r in results:
        if r not in unique:
            unique.append(r)
    return tuple(unique)


def _split_top(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "/" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def convert(value: float, source: Unit, target: Unit, *, difference: bool = False) -> float:
    """`value` in `source` expressed in `target` (same dimensions)."""
    if difference:
        return value * source.factor / target.factor
    return (value * source.factor + source.offset - target.offset) / target.factor


def same_dims(a: Unit, b: Unit) -> bool:
    return a.dims == b.dims


# --- numbers -------------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
CN_NUMBER = r"[零〇一二两三四五六七八九十百千万亿点]+"


def chinese_number(text: str) -> float | None:
    """一万 → 10000, 两千五百 → 2500, 三十 → 30, 一点五 → 1.5; None if it is not a number."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch != "点" for ch in text):
        return None
    if "点" in text:
        whole, frac = text.split("点", 1)
        head = chinese_number(whole) if whole else 0
        if head is None or not frac or any(ch not in _CN_DIGITS for ch in frac):
            return None
        return head + float("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    total, section, digit = 0.0, 0.0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) or 1
            total = (total + section) * _CN_UNITS[ch]
            section, digit = 0.0, None
        else:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
