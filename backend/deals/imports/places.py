"""Where each party of an imported row is: the region, province and city columns when the file has
them, else what the USCC's administrative-division code (characters 3-8) determines.

A code determines the district of a Huzhou organisation (3305xx: 330502 吴兴区 … 330523 安吉县) and
the province, and for most codes the city, of one outside Huzhou. It cannot name a zone (南太湖新区
and 莫干山高新区 have no code: their organisations hold the city's 330500, which names no district,
or their district's), nor say where an organisation is now if it moved after registering, nor
anything for a national code (10xxxx). The columns say that; they win over the code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Region
from accounts.places import HUZHOU_CITY, HUZHOU_PROVINCE, PlaceProblem, place_clean, place_from_uscc
from deals.imports.cells import CellError, cell_text, parse_region


class PlaceError(CellError):
    """A place that cannot be read, and the column to report it on."""

    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def _names_huzhou(province: str, city: str) -> bool:
    return HUZHOU_PROVINCE.startswith(province[:2]) and HUZHOU_CITY.startswith(city[:2]) and bool(city)


def parse_place(side: str, cell: Callable[[str], Any], uscc: str) -> dict[str, str]:
    """{side_region, side_province, side_city} of one party, or PlaceError."""
    province, city = cell_text(cell(f"{side}_province")), cell_text(cell(f"{side}_city"))
    typed_region = cell_text(cell(f"{side}_region"))
    if not typed_region and province and not _names_huzhou(province, city):
        region = Region.OUTSIDE  # the columns say where it is; the code only where it registered
    else:
        try:
            region = parse_region(cell(f"{side}_region"), uscc)
        except CellError as problem:
            raise PlaceError(f"{side}_region", str(problem)) from None
    if region != Region.OUTSIDE and province and not _names_huzhou(province, city or HUZHOU_CITY):
        raise PlaceError(f"{side}_province", _("所在地区为湖州市内，省份和城市却不是浙江省湖州市"))
    if region == Region.OUTSIDE and not (province or city):
        inferred = place_from_uscc(uscc)
        if inferred.region == Region.OUTSIDE:  # a Huzhou code of a party now outside says nothing
            province, city = inferred.province, inferred.city
    try:
        province, city = place_clean(region=region, province=province, city=city)
    except PlaceProblem as problem:
        raise PlaceError(f"{side}_{problem.field}", str(problem)) from None
    return {f"{side}_region": region, f"{side}_province": province, f"{side}_city": city}
