"""``--engine dask`` on a local multi-process Dask cluster: the same records as the local engine."""

from __future__ import annotations

import json

import pytest

from extractor.batch import BatchError, BatchOptions, DaskEngine, run_batch
from extractor.cli import main
from extractor.stores import open_store


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        with Client(local) as client:
            yield local.scheduler_address, client


def test_dask_writes_what_the_local_engine_writes(cluster, corpus_jsonl, tmp_path):
    address, client = cluster
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(corpus_jsonl), "--out", str(local), "--quiet"]) == 0
    assert main(["extract", str(corpus_jsonl), "--out", str(remote), "--quiet", "--engine", "dask",
                 "--scheduler", address, "--batch-size", "3"]) == 0
    assert remote.read_bytes() == local.read_bytes()

    # each worker built the pipeline once and then reused it for every chunk it was given
    from extractor.api import load_pipeline

    caches = client.run(lambda: load_pipeline.cache_info()._asdict())
    chunks = -(-len(corpus_jsonl.read_text().splitlines()) // 3)
    assert [c["misses"] for c in caches.values()] == [1, 1]
    assert sum(c["hits"] for c in caches.values()) >= chunks


def test_dask_results_stream_into_a_sql_store(cluster, corpus_jsonl, tmp_path):
    address, _ = cluster
    url = f"sqlite:///{tmp_path}/dask.db"
    summary = run_batch([str(corpus_jsonl)], url, BatchOptions(engine="dask", scheduler=address, batch_size=4,
                                                               progress=False))
    expected = [json.loads(line)["doc_id"] for line in corpus_jsonl.read_text().splitlines()]
    assert (summary.written, summary.failed) == (len(expected), 0)
    store = open_store(url, resume=True)
    try:
        assert sorted(r.doc_id for r in store.iter_records()) == sorted(expected)
        (run,) = store.runs()
        assert (run.engine, run.workers, run.status) == ("dask", 2, "finished")
    finally:
        store.close()


def test_an_unreachable_scheduler_is_a_clear_error():
    engine = DaskEngine("tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        engine.start()
