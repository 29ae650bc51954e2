"""One cell's value: text, amount, date, contract type, USCC, region; a CellError says what is wrong."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Region
from accounts.uscc import uscc_problem
from deals.models import MAX_CONTRACT_AMOUNT, ContractType

# Districts by the administrative-division code inside a USCC (characters 3-8). 330500 (the city
# itself) is left out on purpose: the two functional zones register there, so it is ambiguous.
DIVISIONS = {"330502": "wuxing", "330503": "nanxun", "330521": "deqing", "330522": "changxing", "330523": "anji"}
REGION_NAMES = (
    {str(label): value for value, label in Region.choices}
    | {value: value for value in Region.values}
    | {
        "吴兴": "wuxing",
        "南浔": "nanxun",
        "德清": "deqing",
        "长兴": "changxing",
        "安吉": "anji",
        "南太湖": "nantaihu",
        "南太湖新区": "nantaihu",
        "莫干山高新区": "moganshan",
        "湖州莫干山高新区": "moganshan",
        "市外": "outside",
        "湖州市外": "outside",
    }
)


class CellError(ValueError):
    pass


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a contract number typed as a number in Excel
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


# A plain decimal number, after full-width characters are folded to ASCII: "1234.5", "-12", ".5",
# or with an exponent as Excel writes large floats ("1e+20"). Nothing else: not "NaN", "inf", "1_000"
# or digits of other scripts ("١٢٣"), which Decimal() would otherwise take.
AMOUNT_PATTERN = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
# Full-width forms (１２３．４５，typed with a Chinese IME) and the ideographic space, folded to ASCII.
# Only these: NFKC would also turn "²" into "2".
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _amount(value: Any) -> Decimal:
    """A cell's amount in yuan, or a CellError: no cell, however strange ("1e309", "NaN", "-inf",
    40 nines), may stop the import with anything but a row error."""
    if isinstance(value, bool):
        raise CellError(_("金额不是数字"))
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(_("金额不是数字"))
    text = cell_text(value if not isinstance(value, float) else repr(value))
    text = text.translate(FULL_WIDTH).replace(",", "").replace(" ", "").removesuffix("元")
    if not AMOUNT_PATTERN.match(text):
        raise CellError(_("金额不是数字"))
    try:
        amount = Decimal(text)
        in_range = Decimal("0") <= amount <= MAX_CONTRACT_AMOUNT
        # Only rounded within range: quantize() raises InvalidOperation beyond 28 digits ("1e309").
        rounded = amount.quantize(Decimal("0.01")) if in_range else amount
    except ArithmeticError:  # decimal's InvalidOperation and relatives: whatever it refuses is a row error
        raise CellError(_("金额不是数字")) from None
    if amount < 0:
        raise CellError(_("金额不能为负数"))
    if amount > MAX_CONTRACT_AMOUNT:
        raise CellError(_("金额超过100亿元，请核对"))
    if amount != rounded:
        raise CellError(_("金额最多两位小数"))
    return abs(rounded)  # abs: "-0" is 0.00, not -0.00


DATE_PATTERNS = [
    re.compile(p)
    for p in (
        r"^(\d{4})-(\d{1,2})-(\d{1,2})$",
        r"^(\d{4})/(\d{1,2})/(\d{1,2})$",
        r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$",
        r"^(\d{4})年(\d{1,2})月(\d{1,2})日$",
        r"^(\d{4})(\d{2})(\d{2})$",
    )
]


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{1,2}-\d{1,2} \d", text) else text
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                break
    raise CellError(_("日期无法识别，请使用 YYYY-MM-DD 格式"))


CONTRACT_TYPES = {str(label): value for value, label in ContractType.choices} | {v: v for v in ContractType.values}


def _contract_type(value: Any) -> str:
    text = cell_text(value).removesuffix("合同")
    if text not in CONTRACT_TYPES:
        raise CellError(_("未知的合同类型（可填：技术开发、技术转让、技术许可、技术咨询、技术服务）"))
    return CONTRACT_TYPES[text]


def _uscc(value: Any) -> str:
    code = cell_text(value).upper()
    problem = uscc_problem(code)
    if problem:
        raise CellError(problem)
    return code


def parse_region(value: Any, uscc: str) -> str:
    text = cell_text(value)
    if text:
        if text not in REGION_NAMES:
            raise CellError(
                _("未知的地区（可填：吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区、湖州莫干山高新区、湖州市外）")
            )
        return REGION_NAMES[text]
    division = uscc[2:8]
    if not division.startswith("3305"):
        return Region.OUTSIDE
    if division in DIVISIONS:
        return DIVISIONS[division]
    raise CellError(_("无法从信用代码判断所在区县，请填写所在地区"))


PARSERS: dict[str, Callable[[Any], Any]] = {
    "contract_type": _contract_type,
    "buyer_uscc": _uscc,
    "seller_uscc": _uscc,
    "contract_amount": _amount,
    "technical_amount": _amount,
    "signed_on": parse_date,
}
