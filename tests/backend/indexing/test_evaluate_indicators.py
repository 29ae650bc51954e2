import json

import pytest
from django.core.management import CommandError, call_command

CASES = [
    {
        "id": "a",
        "indicator": {"name": "循环寿命", "target": "≥6000", "unit": "次"},
        "text": "储能电芯循环次数可达1.2万次。",
        "expected": "met",
    },
    {
        "id": "b",
        "indicator": {"name": "循环寿命", "target": "≥6000", "unit": "次"},
        "text": "电芯在1000次循环后容量保持率为95%。",
        "expected": "unknown",
    },
    {
        "id": "c",
        "indicator": {"name": "能量密度", "target": "≥300", "unit": "Wh/kg"},
        "text": "电芯比能量为290～320 Wh/kg。",
        "expected": "unmet",
    },
    # Labelled wrong on purpose: the command lists it as a mistake.
    {
        "id": "d",
        "indicator": {"name": "定位精度", "target": "≤0.005", "unit": "mm"},
        "text": "X/Y/Z轴定位精度3 μm。",
        "expected": "unmet",
    },
]


@pytest.fixture
def small_set(tmp_path):
    path = tmp_path / "indicators.json"
    path.write_text(json.dumps({"name": "small", "version": 1, "cases": CASES}, ensure_ascii=False), encoding="utf-8")
    return path


def test_evaluate_indicators_lists_the_mistakes_and_ends_with_one_json_line(small_set, capsys):
    call_command("evaluate_indicators", str(small_set), "--json")

    lines = capsys.readouterr().out.strip().splitlines()
    figures = json.loads(lines[-1])
    assert {"accuracy", "met_precision", "met_recall", "cases", "accuracy_ci95"} <= set(figures)
    assert (figures["accuracy"], figures["cases"]) == (0.75, 4)
    assert (figures["met_precision"], figures["met_recall"]) == (0.5, 1.0)  # "d" is called met, labelled unmet
    assert figures["confusion"] == {"met->met": 1, "unknown->unknown": 1, "unmet->met": 1, "unmet->unmet": 1}
    assert [line for line in lines if line.startswith("✗")] == [
        "✗ d  定位精度 ≤0.005 mm: expected unmet, got met (达标：声明 0.003 mm，目标 ≤ 0.005 mm; X/Y/Z轴定位精度3 μm)"
    ]
    assert lines[-2].startswith("accuracy 0.7500 (95% CI ")


def test_evaluate_indicators_without_json_prints_the_summary_last(small_set, capsys):
    call_command("evaluate_indicators", str(small_set))

    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("accuracy 0.7500")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "not UTF-8 JSON"),
        ('{"name": "x"}', "missing 'cases'"),
        ('{"cases": []}', "at least one case"),
        ('{"cases": [{"indicator": {"name": "x"}, "text": "", "expected": "yes"}]}', "expected must be one of"),
    ],
)
def test_evaluate_indicators_explains_a_bad_file(tmp_path, content, message):
    path = tmp_path / "set.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("evaluate_indicators", str(path))
