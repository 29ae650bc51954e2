"""Where a party is: Huzhou's districts and the zones within them, and outside Huzhou a province
and city. The one place that knows how regions nest, how a partner region is named for the
statistics (长三角: 上海, 江苏 and 浙江 by city, 安徽; other provinces) and what a USCC's
administrative-division code says about where its holder was registered.

A contract records each party's `region` (accounts.models.Region) and, for a party outside Huzhou,
its province and city; a party in Huzhou is in 浙江省湖州市 by definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Region

# --- Huzhou: districts and the functional zones within them -------------------------------------
# 南太湖新区 was formed (2019) from 吴兴区 territory (the former 湖州经济技术开发区 and 太湖旅游度假区);
# 湖州莫干山高新区 lies within 德清县. A contract in a zone counts for the zone and for its district,
# so a district's total includes its zones' contracts.
ZONES: dict[str, str] = {Region.NANTAIHU: Region.WUXING, Region.MOGANSHAN: Region.DEQING}
HUZHOU_REGIONS: list[str] = [r for r in Region.values if r != Region.OUTSIDE]
DISTRICTS: list[str] = [r for r in HUZHOU_REGIONS if r not in ZONES]


def district_of(region: str) -> str:
    """The district or county a region lies in: a zone's district, else the region itself."""
    return ZONES.get(region, region)


def regions_within(region: str) -> list[str]:
    """The region and the zones that lie within it (what a district's figures and officials cover)."""
    return [region, *(zone for zone, district in ZONES.items() if district == region)]


# --- outside Huzhou: province and city ----------------------------------------------------------
HUZHOU_PROVINCE, HUZHOU_CITY = "浙江省", "湖州市"
# Province-level divisions by the first two digits of the GB/T 2260 code.
PROVINCES: dict[str, str] = {
    "11": "北京市",
    "12": "天津市",
    "13": "河北省",
    "14": "山西省",
    "15": "内蒙古自治区",
    "21": "辽宁省",
    "22": "吉林省",
    "23": "黑龙江省",
    "31": "上海市",
    "32": "江苏省",
    "33": "浙江省",
    "34": "安徽省",
    "35": "福建省",
    "36": "江西省",
    "37": "山东省",
    "41": "河南省",
    "42": "湖北省",
    "43": "湖南省",
    "44": "广东省",
    "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市",
    "51": "四川省",
    "52": "贵州省",
    "53": "云南省",
    "54": "西藏自治区",
    "61": "陕西省",
    "62": "甘肃省",
    "63": "青海省",
    "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
}
PROVINCE_NAMES = list(PROVINCES.values())
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}  # the city is the province
# Prefecture-level cities of the 长三角 provinces whose inflow is reported by city, by the first four
# digits of the division code (Huzhou, 3305, is a region, not a partner).
CITIES: dict[str, str] = {
    "3201": "南京市",
    "3202": "无锡市",
    "3203": "徐州市",
    "3204": "常州市",
    "3205": "苏州市",
    "3206": "南通市",
    "3207": "连云港市",
    "3208": "淮安市",
    "3209": "盐城市",
    "3210": "扬州市",
    "3211": "镇江市",
    "3212": "泰州市",
    "3213": "宿迁市",
    "3301": "杭州市",
    "3302": "宁波市",
    "3303": "温州市",
    "3304": "嘉兴市",
    "3305": "湖州市",
    "3306": "绍兴市",
    "3307": "金华市",
    "3308": "衢州市",
    "3309": "舟山市",
    "3310": "台州市",
    "3311": "丽水市",
    "3401": "合肥市",
    "3402": "芜湖市",
    "3403": "蚌埠市",
    "3404": "淮南市",
    "3405": "马鞍山市",
    "3406": "淮北市",
    "3407": "铜陵市",
    "3408": "安庆市",
    "3410": "黄山市",
    "3411": "滁州市",
    "3412": "阜阳市",
    "3413": "宿州市",
    "3415": "六安市",
    "3416": "亳州市",
    "3417": "池州市",
    "3418": "宣城市",
}
CITIES_OF: dict[str, list[str]] = {}
for _code, _city in CITIES.items():
    CITIES_OF.setdefault(PROVINCES[_code[:2]], []).append(_city)


class PlaceProblem(ValueError):
    """A province or city that is not one, or that contradicts the region (a message in Chinese);
    `field` says which of the two is wrong."""

    def __init__(self, message: str, field: str = "province"):
        super().__init__(message)
        self.field = field


def place_clean(*, region: str, province: str, city: str) -> tuple[str, str]:
    """The canonical (province, city) of a party in `region`, or PlaceProblem. A Huzhou party is in
    浙江省湖州市 whatever was typed; outside Huzhou the province is a full name (上海 -> 上海市) or
    blank (unknown), and a 江苏/浙江/安徽 city is one of its prefecture cities (苏州 -> 苏州市)."""
    if region and region != Region.OUTSIDE:
        return HUZHOU_PROVINCE, HUZHOU_CITY
    province, city = (province or "").strip(), (city or "").strip()
    if not province:
        if city:
            raise PlaceProblem(_("填写城市时须同时填写省份"), "province")
        return "", ""
    province = _full_name(province, PROVINCE_NAMES)
    if province is None:
        raise PlaceProblem(_("未知的省份（请填写省级行政区全称，如 上海市、江苏省）"))
    if province in MUNICIPALITIES:
        return province, province
    if city and province in CITIES_OF:
        named = _full_name(city, CITIES_OF[province])
        if named is None:
            raise PlaceProblem(_("%(city)s不是%(province)s的地级市") % {"city": city, "province": province}, "city")
        city = named
    if (province, city) == (HUZHOU_PROVINCE, HUZHOU_CITY):
        raise PlaceProblem(_("湖州市内的机构请选择所在区县，而不是“湖州市外”"))
    return province, city


def _full_name(text: str, names: list[str]) -> str | None:
    for name in names:
        if text == name or (len(text) >= 2 and name.startswith(text)):
            return name
    return None


# --- partner regions: where the other party of a contract is, for the statistics ----------------
LOCAL, OTHER_HUZHOU, OTHER_PROVINCES, UNKNOWN = "huzhou", "huzhou_other", "other", "unknown"
BY_CITY = ("江苏省", "浙江省")  # 长三角 provinces reported city by city
WHOLE = ("上海市", "安徽省")  # 长三角 provinces reported as one
PARTNER_GROUPS = {
    LOCAL: gettext_lazy("本地"),
    OTHER_HUZHOU: gettext_lazy("湖州市内其他区县"),
    "上海市": gettext_lazy("上海"),
    "江苏省": gettext_lazy("江苏"),
    "浙江省": gettext_lazy("浙江（湖州以外）"),
    "安徽省": gettext_lazy("安徽"),
    OTHER_PROVINCES: gettext_lazy("其他省份"),
    UNKNOWN: gettext_lazy("所在地未注明"),
}
YANGTZE_DELTA = ("上海市", "江苏省", "浙江省", "安徽省")


def partner_key(*, region: str, province: str, city: str, home: list[str] | tuple[str, ...]) -> str:
    """The partner region of a party seen from `home` (the regions counted as local: the city's, or
    one district's): "huzhou" (local), "huzhou_other" (in Huzhou but not home), "上海市", "安徽省",
    "江苏省/苏州市" (or "江苏省" when the city is unknown), "other" (another province) or "unknown".
    deals.selectors.partner_expression is the same rule in SQL (tests check they agree)."""
    if region in home:
        return LOCAL
    if region != Region.OUTSIDE:
        return OTHER_HUZHOU
    if not province:
        return UNKNOWN
    if province in WHOLE:
        return province
    if province in BY_CITY:
        return f"{province}/{city}" if city else province
    return OTHER_PROVINCES


@dataclass(frozen=True)
class Partner:
    key: str
    label: str
    group: str
    group_label: str


def partner(key: str) -> Partner:
    """How a partner key reads: its label and the group it is shown under."""
    province, _slash, city = key.partition("/")
    if city and province in BY_CITY:
        label = f"{province}{city}"
    elif key in WHOLE:
        label = key
    elif key in BY_CITY:
        label = _("%(province)s（城市未注明）") % {"province": key}
    elif key in PARTNER_GROUPS:
        label = str(PARTNER_GROUPS[key])
    else:
        raise ValueError(f"unknown partner region {key!r}")
    group = province if province in YANGTZE_DELTA else key
    return Partner(key=key, label=label, group=group, group_label=str(PARTNER_GROUPS[group]))


def partner_keys() -> list[str]:
    """Every partner key a drill-down may name."""
    keys = [LOCAL, OTHER_HUZHOU, *WHOLE, *BY_CITY, OTHER_PROVINCES, UNKNOWN]
    keys += [f"{p}/{c}" for p in BY_CITY for c in CITIES_OF[p] if (p, c) != (HUZHOU_PROVINCE, HUZHOU_CITY)]
    return keys


# --- what a USCC says about where its holder was registered --------------------------------------
# Districts by the division code (characters 3-8). 330500 (the city itself) and the zones have no
# code of their own: organisations there register under the city or a district, so a code never
# names a zone, and 330500 does not name a district.
HUZHOU_DIVISIONS = {
    "330502": Region.WUXING,
    "330503": Region.NANXUN,
    "330521": Region.DEQING,
    "330522": Region.CHANGXING,
    "330523": Region.ANJI,
}


@dataclass(frozen=True)
class InferredPlace:
    region: str | None  # None: in Huzhou, but the code does not say which district
    province: str
    city: str


def place_from_uscc(uscc: str) -> InferredPlace:
    """What the USCC's division code determines: the district of a Huzhou code (3305xx), else the
    province and, where the code names one, the city. It cannot tell a zone from its district (an
    organisation in 莫干山高新区 holds a 德清县 or city code), nor where an organisation is now if it
    moved after registering; a national code (10xxxx) or an unknown one says nothing."""
    division = uscc[2:8]
    if division.startswith("3305"):
        return InferredPlace(region=HUZHOU_DIVISIONS.get(division), province=HUZHOU_PROVINCE, city=HUZHOU_CITY)
    province = PROVINCES.get(division[:2], "")
    if province in MUNICIPALITIES:
        return InferredPlace(region=Region.OUTSIDE, province=province, city=province)
    return InferredPlace(region=Region.OUTSIDE, province=province, city=CITIES.get(division[:4], ""))
