"""The columns of the registry export (技术合同登记导出), as the import template lists them."""

from __future__ import annotations

from dataclasses import dataclass

from deals.models import DEFAULT_REGISTRY


class FileProblem(Exception):
    """The file as a whole cannot be read (wrong type, too big, no header…): nothing was imported."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help: str
    example: str


COLUMNS = [
    Column(
        "contract_number",
        "合同编号",
        True,
        "技术合同登记系统中的合同编号；同一登记机构内唯一，是导入的唯一标识",
        "2026330502000123",
    ),
    Column("title", "合同名称", True, "合同上的名称", "动力电池陶瓷涂覆隔膜技术开发合同"),
    Column("contract_type", "合同类型", True, "技术开发、技术转让、技术许可、技术咨询或技术服务", "技术开发"),
    Column("buyer_name", "买方名称", True, "委托方、受让方或被许可方", "长兴新能动力电池材料有限公司"),
    Column("buyer_uscc", "买方统一社会信用代码", True, "18位统一社会信用代码（含校验位）", "91330522MA2B7K3Q12"),
    Column(
        "buyer_region",
        "买方所在地区",
        False,
        "吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区、湖州莫干山高新区或湖州市外；不填时按信用代码中的行政区划判断"
        "（代码只能判断区县，不能判断功能区；代码为330500的须填写）",
        "长兴县",
    ),
    Column(
        "buyer_province",
        "买方所在省份",
        False,
        "湖州市外的买方填写省级行政区，如 上海市、江苏省、安徽省；不填时按信用代码判断（国家级代码等无法判断时为未注明）",
        "",
    ),
    Column(
        "buyer_city",
        "买方所在城市",
        False,
        "湖州市外的买方填写地级市，如 苏州市、杭州市；不填时按信用代码判断",
        "",
    ),
    Column("seller_name", "卖方名称", True, "受托方、让与方或许可方", "南太湖先进材料研究院"),
    Column("seller_uscc", "卖方统一社会信用代码", True, "18位统一社会信用代码（含校验位）", "12330500MB0A1B2C3A"),
    Column("seller_region", "卖方所在地区", False, "同买方所在地区", "南太湖新区"),
    Column("seller_province", "卖方所在省份", False, "同买方所在省份", ""),
    Column("seller_city", "卖方所在城市", False, "同买方所在城市", ""),
    Column("contract_amount", "合同金额（元）", True, "大于0，最多两位小数", "2800000.00"),
    Column("technical_amount", "技术交易额（元）", True, "合同金额中的技术部分，不大于合同金额", "2500000.00"),
    Column("signed_on", "签订日期", True, "如 2026-03-15", "2026-03-15"),
    Column("registered_on", "认定登记日期", False, "已认定登记的合同填写，不早于签订日期", "2026-04-02"),
    Column("registration_number", "认定登记编号", False, "与认定登记日期同时填写", "330502-2026-0123"),
    Column("industry", "产业链", False, "产业链名称或代码，如 新能源汽车", "新能源汽车"),
    Column("registry", "登记机构", False, f"不填为“{DEFAULT_REGISTRY}”", DEFAULT_REGISTRY),
]
HEADERS = {c.header: c for c in COLUMNS} | {c.key: c for c in COLUMNS}
REQUIRED = [c for c in COLUMNS if c.required]
BY_KEY = {c.key: c for c in COLUMNS}
