import pytest

from matching.glossary import GlossaryError, default, expand, parse

CHAINS = {
    "new_energy_vehicle",
    "logistics_equipment",
    "semiconductor_optoelectronics",
    "alloy_materials",
    "biomedicine",
    "geoinformation",
    "artificial_intelligence",
    "intelligent_equipment",
    "green_home",
    "digital_economy",
    "green_energy",
}

SMALL = parse(
    "# a comment\n"
    "chain\twhen\tterms\n"
    "\n"
    "new_energy_vehicle\t剩余电量+跳|续航+估不准\tSOC估计|电池管理系统BMS\n"
    "logistics_equipment\tAGV+堵\t多AGV调度|路径规划\n"
    "green_energy\t臭味\t生物除臭|SOC估计\n"
)


def test_the_shipped_glossary_seeds_every_industry_chain_with_entries():
    sizes = default().sizes()

    assert set(sizes) == CHAINS
    assert min(sizes.values()) >= 15 and sum(sizes.values()) >= 250


def test_it_turns_plain_symptoms_into_the_terms_a_capability_uses():
    terms = expand("仪表上的剩余电量经常跳变，还能跑多少公里也估不准")

    assert {"SOC估计", "电池管理系统BMS"} <= set(terms)


def test_a_trigger_needs_all_its_fragments_in_one_sentence():
    assert SMALL.expand("剩余电量经常跳变") == ["SOC估计", "电池管理系统BMS"]
    assert SMALL.expand("剩余电量正常。仪表偶尔跳一下") == []


def test_latin_fragments_match_whatever_the_case():
    assert SMALL.expand("车间的agv经常堵在路口") == ["多AGV调度", "路径规划"]


def test_terms_come_once_in_file_order():
    assert SMALL.expand("猪场臭味大；剩余电量跳变") == ["SOC估计", "电池管理系统BMS", "生物除臭"]


def test_a_chain_keeps_only_its_own_entries():
    text = "剩余电量跳变，AGV也常堵"

    assert SMALL.expand(text, chain="logistics_equipment") == ["多AGV调度", "路径规划"]
    assert SMALL.expand(text, chain="biomedicine") == []
    assert SMALL.expand(text) == ["SOC估计", "电池管理系统BMS", "多AGV调度", "路径规划"]


def test_text_that_triggers_nothing_expands_to_nothing():
    assert expand("") == []
    assert SMALL.expand("我们想开拓海外市场") == []


@pytest.mark.parametrize(
    "line",
    ["new_energy_vehicle\t剩余电量+跳", "new_energy_vehicle\t\tSOC估计", "\t剩余电量\tSOC估计", "a\tb\tc\td"],
)
def test_a_malformed_line_is_reported_with_its_number(line):
    with pytest.raises(GlossaryError, match=r"^ops:2: "):
        parse(f"# header\n{line}\n", source="ops")
