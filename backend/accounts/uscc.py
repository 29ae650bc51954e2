"""统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.

18 characters from a 31-character alphabet (no I, O, Z, S, V): registration authority (1),
organisation type (1), administrative division (6 digits), organisation code (9), check (1).
The check character makes the weighted sum of all 18 values divisible by 31.
"""

from django.utils.translation import gettext as _

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def uscc_check_char(first17: str) -> str:
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """None if `code` is a well-formed USCC, else a Chinese message saying what is wrong."""
    if len(code) != LENGTH:
        return _("统一社会信用代码应为18位，当前为%(n)d位") % {"n": len(code)}
    bad = sorted({c for c in code if c not in ALPHABET})
    if bad:
        return _("统一社会信用代码含有不允许的字符：%(chars)s（不使用 I、O、Z、S、V 及小写字母）") % {
            "chars": "".join(bad)
        }
    if not code[2:8].isdigit():
        return _("统一社会信用代码第3-8位应为行政区划码（数字）")
    if code[17] != uscc_check_char(code[:17]):
        # The expected character is not named: a typo elsewhere would be "fixed" by changing the last
        # character to it, giving a valid code of another organisation instead of the licence's.
        return _("统一社会信用代码校验位不符：请从营业执照或法人证书上复制完整的代码")
    return None
