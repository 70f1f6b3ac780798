"""The one process pool (core/pool.py) that batch scoring and report rendering share."""

from __future__ import annotations

import os

import pytest

from kipmonev.core.pool import WorkerPool, worker_count

_READY: list[str] = []


def _ready(tag: str) -> None:
    _READY.append(tag)


def _pid_and_square(n: int) -> tuple[int, int, tuple[str, ...]]:
    return os.getpid(), n * n, tuple(_READY)


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("tiga")
    return n


@pytest.mark.parametrize(
    ("jobs", "items", "cores", "expected"),
    [(4, 100, 2, 2), (1, 100, 2, 1), (2, 1, 2, 1), (0, 5, 2, 1), (8, 3, 16, 3), (2, 0, 2, 1)],
)
def test_worker_count(jobs: int, items: int, cores: int, expected: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert worker_count(jobs, items) == expected


def test_one_job_runs_here_and_initialises_once() -> None:
    _READY.clear()
    with WorkerPool(1, _ready, ("sini",)) as pool:
        first = list(pool.map(_pid_and_square, [1, 2, 3]))
        second = list(pool.map(_pid_and_square, [4]))
    assert [r[1] for r in first + second] == [1, 4, 9, 16]
    assert {r[0] for r in first + second} == {os.getpid()}
    assert _READY == ["sini"]


def test_workers_keep_order_and_serve_every_map() -> None:
    _READY.clear()
    with WorkerPool(2, _ready, ("pekerja",)) as pool:
        first = list(pool.map(_pid_and_square, range(40)))
        second = list(pool.map(_pid_and_square, range(40, 80)))
    assert [r[1] for r in first + second] == [n * n for n in range(80)]
    pids = {r[0] for r in first + second}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2  # the same workers for both maps, not a new pool each time
    assert {r[2] for r in first + second} == {("pekerja",)}  # each worker ran the initializer once
    assert _READY == []  # and this process did not


def test_a_failure_stops_the_workers_and_reaches_the_caller() -> None:
    pool = WorkerPool(2)
    with pytest.raises(ValueError, match="tiga"), pool:
        list(pool.map(_fail_on_three, range(10)))
    assert pool._pool is None


def test_no_items_start_nothing() -> None:
    with WorkerPool(2, _ready, ("x",)) as pool:
        assert list(pool.map(_pid_and_square, [])) == []
        assert pool._pool is None


def test_stopping_early_ends_the_workers() -> None:
    pool = WorkerPool(2)
    with pool:
        results = pool.map(_pid_and_square, range(1000))
        assert next(results)[1] == 0
        results.close()  # the consumer gave up (as a batch does on Ctrl-C)
        assert pool._pool is None
