import pytest

from accounts.uscc import uscc_check_char, uscc_problem


@pytest.mark.parametrize(
    "code",
    [
        "91330100799655058B",  # 阿里巴巴（中国）有限公司
        "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
        "91110000802100433B",  # 中国石油化工股份有限公司
        "12100000400000624D",  # 事业单位（登记管理部门代码 1）
        "91350100M000100Y43",  # GB 32100-2015 附录中的示例
    ],
)
def test_it_accepts_real_codes(code):
    assert uscc_problem(code) is None


def test_it_rejects_a_wrong_check_character_without_naming_the_right_one():
    # Naming it invites "fixing" the last character when the typo is elsewhere.
    message = uscc_problem("91330100799655058C")
    assert message == "统一社会信用代码校验位不符：请从营业执照或法人证书上复制完整的代码"
    assert "B" not in message


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("9133010079965505", "统一社会信用代码应为18位，当前为16位"),
        ("91330100799655058BX", "统一社会信用代码应为18位，当前为19位"),
        ("9133010079965505IO", "统一社会信用代码含有不允许的字符：IO（不使用 I、O、Z、S、V 及小写字母）"),
        ("91AB0100799655058B", "统一社会信用代码第3-8位应为行政区划码（数字）"),
    ],
)
def test_it_says_what_is_wrong(code, message):
    assert uscc_problem(code) == message


def test_the_check_character_makes_the_weighted_sum_divisible_by_31():
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, 1]
    code = "91330500MA2B3C4D5" + uscc_check_char("91330500MA2B3C4D5")
    assert sum(alphabet.index(c) * w for c, w in zip(code, weights, strict=False)) % 31 == 0
