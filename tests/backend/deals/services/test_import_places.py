"""The import reads each party's place: the province and city columns, else what the USCC's
division code determines (the district in Huzhou, the province and city outside; never a zone)."""

import pytest

from deals.models import Deal, DealImport
from tests.backend.deals.files import csv_upload, row
from tests.backend.deals.services.test_deals_import import importer  # noqa: F401  (the fixture)
from tests.factories.accounts import make_uscc


def parties(number: str) -> dict[str, str]:
    deal = Deal.objects.get(contract_number=number)
    return {
        side: (getattr(deal, f"{side}_region"), getattr(deal, f"{side}_province"), getattr(deal, f"{side}_city"))
        for side in ("buyer", "seller")
    }


def test_the_columns_name_the_outside_party_and_a_huzhou_party_is_in_huzhou(importer):  # noqa: F811
    job = importer(
        csv_upload(
            [
                row(1, 卖方所在地区="湖州市外", 卖方所在省份="江苏", 卖方所在城市="苏州"),
                # Registered in Changxing, now in Shanghai: the columns win over the code.
                row(2, 买方所在地区="", 买方所在省份="上海市", 卖方所在地区="德清县"),
            ]
        )
    )

    assert job.status == DealImport.Status.SUCCEEDED, job.errors
    assert parties("2026330522000001") == {
        "buyer": ("changxing", "浙江省", "湖州市"),
        "seller": ("outside", "江苏省", "苏州市"),
    }
    assert parties("2026330522000002")["buyer"] == ("outside", "上海市", "上海市")


def test_without_columns_the_code_gives_the_district_or_the_province_and_city(importer):  # noqa: F811
    job = importer(
        csv_upload(
            [
                row(1, 买方所在地区="", 卖方所在地区="", 卖方统一社会信用代码=make_uscc(8, prefix="12330100")),
                row(2, 买方所在地区="", 卖方所在地区="", 卖方统一社会信用代码=make_uscc(9, prefix="12310000")),
                row(3, 卖方所在地区="", 卖方统一社会信用代码=make_uscc(10, prefix="12100000")),  # national
            ]
        )
    )

    assert job.status == DealImport.Status.SUCCEEDED, job.errors
    assert parties("2026330522000001") == {
        "buyer": ("changxing", "浙江省", "湖州市"),  # 330522
        "seller": ("outside", "浙江省", "杭州市"),  # 330100
    }
    assert parties("2026330522000002")["seller"] == ("outside", "上海市", "上海市")
    assert parties("2026330522000003")["seller"] == ("outside", "", "")  # a national code says nothing


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (
            {"卖方所在地区": "", "卖方统一社会信用代码": make_uscc(11, prefix="12330500")},
            "卖方所在地区",
            "无法从信用代码判断",
        ),
        ({"卖方所在地区": "湖州市外", "卖方所在省份": "火星"}, "卖方所在省份", "未知的省份"),
        (
            {"卖方所在地区": "湖州市外", "卖方所在省份": "江苏省", "卖方所在城市": "杭州市"},
            "卖方所在城市",
            "不是江苏省的地级市",
        ),
        ({"买方所在省份": "上海市"}, "买方所在省份", "省份和城市却不是浙江省湖州市"),  # with 长兴县
    ],
)
def test_a_place_that_cannot_be_read_is_reported_on_its_column(importer, cells, column, message):  # noqa: F811
    job = importer(csv_upload([row(1, **cells)]))

    assert job.status == DealImport.Status.FAILED
    assert [(e["column"], message in e["message"]) for e in job.errors] == [(column, True)], job.errors
