"""Qualifications and innovation consortia: officials and the operator record them, one at a time
or by importing a list (every problem of every row at once, all or nothing); everyone signed in reads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from accounts.models import InnovationConsortium, Qualification
from tests.factories.accounts import make_uscc

USCC = make_uscc(71)
LIST = (
    "统一社会信用代码,企业名称,资质,证书编号,有效期起,有效期止\n"
    f"{USCC},湖州某新材料有限公司,高新技术企业,GR202533000001,2025-12-01,2028-11-30\n"
    f"{make_uscc(72)},湖州某装备有限公司,专精特新,,2025/06/30,\n"
)


def body(**kw) -> dict:
    return {
        "uscc": USCC,
        "name": "湖州某新材料有限公司",
        "kind": "high_tech",
        "valid_from": "2025-12-01",
        "valid_until": "2028-11-30",
        "source": "2025年第一批高新技术企业认定名单",
        **kw,
    }


def upload(world, role, text, encoding="utf-8-sig"):
    file = SimpleUploadedFile("list.csv", text.encode(encoding), content_type="text/csv")
    return world.client(role).post("/api/qualifications/import/", {"file": file, "source": "2025年名单"})


@pytest.mark.parametrize("role", ["official", "operator"])
def test_officials_and_the_operator_record_a_qualification(world, role):
    response = world.client(role).post("/api/qualifications/", body(), format="json")

    assert response.status_code == 201 and response.json()["kind_label"] == "高新技术企业"


@pytest.mark.parametrize(("role", "status"), [("owner", 403), ("institute", 403), ("anonymous", 401)])
def test_nobody_else_records_one_not_even_for_their_own_organisation(world, role, status):
    own = world.orgs.get(role)
    response = world.client(role).post("/api/qualifications/", body(uscc=own.uscc if own else USCC), format="json")

    assert response.status_code == status and not Qualification.objects.exists()


def test_a_wrong_uscc_or_reversed_dates_are_refused(world):
    response = world.client("official").post(
        "/api/qualifications/", body(uscc="91330500MA2B3C4D5X", valid_until="2024-01-01"), format="json"
    )

    assert response.status_code == 400
    assert {"uscc", "valid_until"} <= set(response.json()["fields"])


def test_a_list_is_imported_and_importing_it_again_changes_nothing(world):
    first = upload(world, "official", LIST)
    again = upload(world, "official", LIST, encoding="gb18030")

    assert first.status_code == again.status_code == 200
    assert (first.json()["created"], again.json()["created"], again.json()["unchanged"]) == (2, 0, 2)
    listed = world.client("owner").get("/api/qualifications/", {"uscc": USCC}).json()
    assert [(q["kind"], q["valid_until"]) for q in listed["results"]] == [("high_tech", "2028-11-30")]


def test_every_problem_of_every_row_is_reported_at_once_and_nothing_is_imported(world):
    bad = LIST + "91330500MA2B3C4D5X,,龙头,,2025-13-01,\n" + LIST.splitlines()[1] + "\n"

    report = upload(world, "official", bad).json()

    assert {(e["row"], e["field"]) for e in report["errors"]} == {
        (4, "uscc"),  # its check character: checked although the row has other problems (was: left for a second round)
        (4, "name"),
        (4, "kind"),
        (4, "valid_from"),
        (5, "uscc"),  # the same as row 2
    }
    assert not Qualification.objects.exists()


def test_reversed_dates_are_reported_with_the_rows_other_problems(world):
    bad = (
        "统一社会信用代码,企业名称,资质,证书编号,有效期起,有效期止\n"
        f"{USCC},,龙头,,2025-12-01,2024-11-30\n"  # no name, unknown kind, and the dates reversed
        f"{make_uscc(72)},湖州某装备有限公司,高企,,2025-12-01,2025-01-01\n"  # only the dates
    )

    report = upload(world, "official", bad).json()

    assert sorted((e["row"], e["field"]) for e in report["errors"]) == [
        (2, "kind"),
        (2, "name"),
        (2, "valid_until"),
        (3, "valid_until"),
    ]
    assert not Qualification.objects.exists()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("高企", "high_tech"),
        ("科小", "tech_sme"),
        ("科技型中小", "tech_sme"),
        ("专精特新中小企业", "specialised"),
        ("专精特新", "specialised"),
        ("科技型 中小企业", "tech_sme"),
        ("龙头企业", "leading"),
    ],
)
def test_the_lists_shorthand_for_a_qualification_is_read(world, text, kind):
    report = upload(
        world, "official", f"统一社会信用代码,企业名称,资质,有效期起\n{USCC},湖州某公司,{text},2025-01-01\n"
    )

    assert report.json()["created"] == 1 and Qualification.objects.get().kind == kind


def test_the_list_is_searched_by_part_of_the_name_or_the_whole_uscc(world):
    upload(world, "official", LIST)
    reader = world.client("owner")

    def found(q):
        return [r["name"] for r in reader.get("/api/qualifications/", {"q": q}).json()["results"]]

    assert found("新材料") == ["湖州某新材料有限公司"]
    assert found(USCC.lower()) == ["湖州某新材料有限公司"]
    assert sorted(found("湖州某")) == ["湖州某新材料有限公司", "湖州某装备有限公司"]
    assert found(USCC[:8]) == []  # part of a USCC is not a firm


def test_the_import_is_refused_to_an_enterprise(world):
    assert upload(world, "owner", LIST).status_code == 403


def test_the_management_command_imports_the_same_way(world, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")

    call_command("import_qualifications", str(path), "--source", "2025年名单", "--by", "official")

    assert Qualification.objects.count() == 2
    path.write_text(LIST + "bad,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_qualifications", str(path), "--source", "2025年名单", "--by", "official")


def test_an_official_records_a_consortium_led_by_an_enterprise(world):
    client = world.client("official")
    created = client.post(
        "/api/consortia/",
        {
            "name": "动力电池材料创新联合体",
            "lead": world.orgs["owner"].pk,
            "members": [world.orgs["institute"].pk],
            "established_on": "2026-03-01",
            "source": "湖科发〔2026〕12号",
        },
        format="json",
    )
    led_by_institute = client.post(
        "/api/consortia/",
        {"name": "研究院牵头", "lead": world.orgs["institute"].pk, "established_on": "2026-03-01", "source": "备案"},
        format="json",
    )

    assert created.status_code == 201 and created.json()["led_by_leading_enterprise"] is False  # no 龙头企业 record yet
    assert led_by_institute.status_code == 400
    assert world.client("owner").post("/api/consortia/", {}, format="json").status_code == 403
    assert InnovationConsortium.objects.count() == 1
