import json

from django.core.management import call_command

from tests.services import REPO_DIR

SMALL_SET = REPO_DIR / "tests" / "data" / "matching_small.json"


def test_compare_prints_both_variants_and_their_difference_with_intervals(db, capsys):
    call_command("evaluate_matching", str(SMALL_SET), "--compare", "e5", "--json")

    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert (result["queries"], result["baseline"], result["resamples"]) == (3, "e5", 2000)
    for metric in ("ndcg@10", "recall@10", "mrr"):
        mean, low, high = result[metric]["current"]
        assert low <= mean <= high
        assert len(result[metric]["e5"]) == 3 and len(result[metric]["difference"]) == 3
    assert result["mrr"]["current"][0] == 1.0  # each query's answer ranks first, as without --compare
    assert any(line.strip().startswith("ndcg@10") and "current - e5" in line for line in lines)
