"""输出 / 吸纳 / 本地, partner regions, nested zones, 截至 and 账本回溯, computed by hand (yuan, technical
amount = contract amount; registered unless said otherwise; written on 2026-11-20 unless said):

  C1  吴兴 buys from 南太湖                 1,000,000.00 02-10  本地; amended to 800,000.00 on 11-21
  C2  上海 buys from 莫干山                 2,000,000.00 03-15  输出 to 上海市
  C3  德清 buys from 苏州                     300,000.00 05-20  吸纳 from 江苏省/苏州市
  C4  莫干山 buys from 杭州                   450,000.00 06-30  吸纳 from 浙江省/杭州市
  C5  吴兴 buys from 合肥                     250,000.00 08-01  吸纳 from 安徽省
  C6  南太湖 buys from 深圳                   100,000.00 09-09  吸纳 from another province
  C7  德清 buys from an outside party with no recorded place  50,000.00 10-10  吸纳, place unknown
  C8  苏州 buys from 上海                     700,000.00 04-01  no Huzhou party: never counted
  C9  吴兴 buys from 苏州, recorded only      900,000.00        not registered: not counted
  C10 德清 buys from 南太湖, voided          5,000,000.00 04-04  voided: never counted
  C11 杭州 buys from 吴兴                     600,000.00 07-07  输出 to 浙江省/杭州市
  C12 吴兴 buys from 上海 in 2025             800,000.00 2025-12-30

The 2026 rule is v1 (both flows) until 11-22, when the operator makes v2 count 吸纳 only. Today is
2026-11-25. Now: 本地 800,000 (C1); 输出 C1+C2+C11 = 3,400,000; 吸纳 C1+C3..C7 = 1,950,000; the rule
(v2, 吸纳) counts 1,950,000 in 6 contracts. As recorded on 11-20 (v1, C1 at 1,000,000): 4,750,000 in 8.
"""

from datetime import date
from decimal import Decimal

import pytest

from dashboard.selectors import dashboard_summary
from deals import services
from deals.models import Deal
from deals.rollups import rollup_drift
from deals.services import Party
from tests.backend.dashboard.conftest import _deal
from tests.backend.dashboard.test_summary import by_key, figures
from tests.backend.deals.helpers import add_district_official, frozen, moment
from tests.factories.accounts import make_uscc
from tests.factories.deals import ledger_keeper

D = Decimal


def place(n: int, name: str, region: str, prefix: str, province: str = "", city: str = "") -> Party:
    return Party(name=name, uscc=make_uscc(n, prefix=prefix), region=region, province=province, city=city)


WUXING = place(501, "湖州吴兴某精工有限公司", "wuxing", "91330502")
NANTAIHU = place(502, "南太湖某新材料研究院", "nantaihu", "12330500")
DEQING = place(503, "德清某地理信息有限公司", "deqing", "91330521")
MOGANSHAN = place(504, "莫干山某智能装备有限公司", "moganshan", "91330521")
SHANGHAI = place(505, "上海某智能制造有限公司", "outside", "91310000", "上海市", "上海市")
SUZHOU = place(506, "苏州某工业软件有限公司", "outside", "91320500", "江苏省", "苏州")  # 苏州 -> 苏州市
HANGZHOU = place(507, "杭州某生物医药研究中心", "outside", "12330100", "浙江省", "杭州市")
HEFEI = place(508, "合肥某量子科技有限公司", "outside", "91340100", "安徽", "合肥市")  # 安徽 -> 安徽省
SHENZHEN = place(509, "深圳某电子有限公司", "outside", "91440300", "广东省", "深圳市")
NOWHERE = place(510, "某外地技术服务有限公司", "outside", "91990000")


def summary(client, **params) -> dict:
    response = client.get("/api/dashboard/summary/", {"year": 2026, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def amounts(items) -> dict[str, tuple[str, int]]:
    return {i["key"]: (i["amount"], i["deals"]) for i in items if i["deals"]}


@pytest.fixture
def ledger(world):
    keeper = ledger_keeper()
    with frozen(moment(2026, 11, 20)):
        for number, buyer, seller, amount, registered in (
            ("C1", WUXING, NANTAIHU, "1000000.00", date(2026, 2, 10)),
            ("C2", SHANGHAI, MOGANSHAN, "2000000.00", date(2026, 3, 15)),
            ("C3", DEQING, SUZHOU, "300000.00", date(2026, 5, 20)),
            ("C4", MOGANSHAN, HANGZHOU, "450000.00", date(2026, 6, 30)),
            ("C5", WUXING, HEFEI, "250000.00", date(2026, 8, 1)),
            ("C6", NANTAIHU, SHENZHEN, "100000.00", date(2026, 9, 9)),
            ("C7", DEQING, NOWHERE, "50000.00", date(2026, 10, 10)),
            ("C8", SUZHOU, SHANGHAI, "700000.00", date(2026, 4, 1)),
            ("C11", HANGZHOU, WUXING, "600000.00", date(2026, 7, 7)),
            ("C12", WUXING, SHANGHAI, "800000.00", date(2025, 12, 30)),
        ):
            _deal(number, buyer=buyer, seller=seller, kind="development", amount=D(amount), registered_on=registered)
        _deal(
            "C9",
            buyer=WUXING,
            seller=SUZHOU,
            kind="service",
            amount=D("900000.00"),
            registered_on=None,
            signed_on=date(2026, 7, 1),
        )
        _deal(
            "C10",
            buyer=DEQING,
            seller=NANTAIHU,
            kind="development",
            amount=D("5000000.00"),
            registered_on=date(2026, 4, 4),
            void=True,
        )
    with frozen(moment(2026, 11, 21)):
        services.deal_amend(
            deal=Deal.objects.get(contract_number="C1"), by=keeper, technical_amount=D("800000.00"), reason="核减"
        )
    with frozen(moment(2026, 11, 22)):
        services.counting_rule_set(
            by=keeper,
            year=2026,
            target_amount=D("17500000000.00"),
            statuses=["registered"],
            date_field="registered_on",
            amount_field="technical_amount",
            require_huzhou_party=True,
            flow="inflow",
            reason="市局要求按吸纳统计",
        )
    with frozen(moment(2026, 11, 25)):
        yield world


def test_the_places_are_recorded_as_canonical_names(ledger):
    c3, c5, c7 = (Deal.objects.get(contract_number=n) for n in ("C3", "C5", "C7"))
    assert (c3.seller_province, c3.seller_city) == ("江苏省", "苏州市")
    assert (c5.seller_province, c5.seller_city) == ("安徽省", "合肥市")
    assert (c7.seller_province, c7.seller_city) == ("", "")  # not recorded: unknown
    assert (c3.buyer_province, c3.buyer_city) == ("浙江省", "湖州市")  # a Huzhou party


def test_flows_partners_and_nested_districts_are_the_hand_computed_ones(ledger):
    body = summary(ledger.client("official"))

    assert (body["rule"]["flow"], body["rule"]["version"]) == ("inflow", 2)
    assert "只计入吸纳" in body["rule"]["text"]
    assert (body["counted_amount"], body["counted_deals"]) == ("1950000.00", 6)
    assert amounts(body["by_flow"]) == {
        "outflow": ("3400000.00", 3),
        "inflow": ("1950000.00", 6),
        "local": ("800000.00", 1),
    }
    assert amounts(body["inflow_by_partner"]) == {
        "huzhou": ("800000.00", 1),
        "江苏省/苏州市": ("300000.00", 1),
        "浙江省/杭州市": ("450000.00", 1),
        "安徽省": ("250000.00", 1),
        "other": ("100000.00", 1),
        "unknown": ("50000.00", 1),
    }
    assert [i["group"] for i in body["inflow_by_partner"]] == [
        "huzhou",
        "江苏省",
        "浙江省",
        "安徽省",
        "other",
        "unknown",
    ]
    assert amounts(body["outflow_by_partner"]) == {
        "huzhou": ("800000.00", 1),
        "上海市": ("2000000.00", 1),
        "浙江省/杭州市": ("600000.00", 1),
    }
    # 吸纳 is counted for the buyer's district; a district includes its zones.
    districts = by_key(body["by_district"])
    assert amounts(body["by_district"]) == {
        "wuxing": ("1150000.00", 3),  # C1, C5 and 南太湖新区's C6
        "deqing": ("800000.00", 3),  # C3, C7 and 莫干山高新区's C4
        "nantaihu": ("100000.00", 1),
        "moganshan": ("450000.00", 1),
    }
    assert (districts["moganshan"]["parent"], districts["deqing"]["parent"]) == ("deqing", None)
    assert sum(D(i["amount"]) for i in body["by_district"] if i["parent"] is None) == D(body["counted_amount"])


def test_every_figure_equals_the_sum_of_its_drilldown_rows_and_the_rollup_equals_the_ledger(ledger):
    client = ledger.client("official")
    for params in ({}, {"as_of": "2026-06-30"}, {"recorded_as_of": "2026-11-20"}):
        for figure, key, amount, deals in figures(summary(client, **params)):
            rows = client.get(
                "/api/dashboard/drilldown/",
                {"year": 2026, "figure": figure, "key": key, "page_size": 200, **params},
            ).json()
            assert sum(D(r["counted_amount"]) for r in rows["results"]) == D(amount), (params, figure, key)
            assert (rows["amount"], rows["deals"]) == (amount, deals), (params, figure, key)
    assert rollup_drift() == {}
    for year in (2025, 2026):
        assert dashboard_summary(year=year) == dashboard_summary(year=year, from_ledger=True)


def test_as_of_counts_what_was_registered_by_that_day_in_todays_ledger(ledger):
    client = ledger.client("official")

    june = summary(client, as_of="2026-06-30")
    assert (june["date_mode"], june["counted_amount"], june["counted_deals"]) == ("as_of", "1550000.00", 3)
    assert summary(client, as_of="2026-06-29")["counted_amount"] == "1100000.00"  # C1, C3
    # 2025 全年 has its figures whether or not the ledger's entries were written in 2025.
    year_2025 = summary(client, year=2025, as_of="2025-12-31")
    assert (year_2025["counted_amount"], year_2025["counted_deals"]) == ("800000.00", 1)
    assert amounts(year_2025["inflow_by_partner"]) == {"上海市": ("800000.00", 1)}


def test_recorded_as_of_reproduces_what_the_ledger_said_that_day(ledger):
    client = ledger.client("official")

    then = summary(client, recorded_as_of="2026-11-20")
    assert (then["date_mode"], then["rule"]["version"], then["rule"]["flow"]) == ("recorded", 1, "both")
    assert (then["counted_amount"], then["counted_deals"]) == ("4750000.00", 8)
    assert amounts(then["by_flow"]) == {
        "outflow": ("3600000.00", 3),
        "inflow": ("2150000.00", 6),
        "local": ("1000000.00", 1),
    }
    assert amounts(then["by_district"]) == {
        "wuxing": ("1950000.00", 4),  # C1, C5, C11 and 南太湖新区's C6
        "deqing": ("2800000.00", 4),  # C3, C7 and 莫干山高新区's C2 (its seller) and C4
        "nantaihu": ("100000.00", 1),
        "moganshan": ("2450000.00", 2),
    }
    # Nothing of 2025 had been written by the end of 2025: the audit view says so.
    assert summary(client, year=2025, recorded_as_of="2025-12-31")["counted_amount"] == "0.00"


def test_a_county_official_sees_its_district_with_its_zone_and_the_city_sees_all(ledger):
    deqing = add_district_official(ledger, district="deqing")
    county, city = ledger.client(deqing), ledger.client("official")

    body = summary(county)
    assert (body["district"], body["counted_amount"], body["counted_deals"]) == ("deqing", "800000.00", 3)
    assert body["counted_amount"] == by_key(summary(city)["by_district"])["deqing"]["amount"]
    assert amounts(body["by_flow"]) == {"outflow": ("2000000.00", 1), "inflow": ("800000.00", 3)}  # C2; C3, C4, C7
    assert amounts(body["inflow_by_partner"]) == {
        "江苏省/苏州市": ("300000.00", 1),
        "浙江省/杭州市": ("450000.00", 1),
        "unknown": ("50000.00", 1),
    }
    total = county.get("/api/dashboard/drilldown/", {"year": 2026, "figure": "total"}).json()
    assert sorted(r["contract_number"] for r in total["results"]) == ["C3", "C4", "C7"]
    listed = county.get("/api/deals/", {"page_size": 100}).json()["results"]
    assert sorted(d["contract_number"] for d in listed) == ["C10", "C2", "C3", "C4", "C7"]  # and its zone's C2
    exported = county.get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": "flow", "key": "outflow", "file_format": "csv"}
    )
    assert exported.status_code == 200 and "C2" in exported.content.decode("utf-8-sig")
    assert "C1" not in exported.content.decode("utf-8-sig")
    assert summary(city)["counted_deals"] == 6  # the city bureau: every district


def test_the_interim_target_is_labelled_the_operators_and_2027s_the_policys(ledger):
    client = ledger.client("official")
    assert summary(client)["target_source"] == "operator"
    rule = summary(client, year=2027)["rule"]
    assert (rule["target_source"], rule["target_amount"]) == ("policy", "20000000000.00")
    assert "政策文件" in rule["target_source_text"]
