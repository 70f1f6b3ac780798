"""The one process pool: scoring a batch and rendering its reports run their work through it.

Results come back in input order. Workers ignore Ctrl-C (the parent handles it and stops them) and end on
SIGTERM; after their initializer they freeze what they have loaded (modules, questionnaires, templates,
fonts) so later garbage collections do not walk it again. With one job, or one item, the work runs in
this process: no pool is started, and the initializer runs here without the worker-only steps.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
import signal
from collections.abc import Callable, Generator, Iterable
from types import TracebackType
from typing import TypeVar

__all__ = ["WorkerPool", "worker_count"]

T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int, items: int) -> int:
    """The processes worth starting for ``items`` pieces of work: at least 1, at most ``jobs``, the cores and the items."""
    return max(1, min(jobs, os.cpu_count() or 1, items))


def _start(initializer: Callable[..., object] | None, initargs: tuple[object, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)
    # NOTE: the worker is ours and short-lived: freezing the long-lived heap spares every later collection.
    gc.collect()
    gc.freeze()


class WorkerPool:
    """Processes that run one function over many items, started once and reused for every :meth:`map`.

    Use it as a context manager: leaving normally waits for the workers, leaving by an exception
    (including ``KeyboardInterrupt``) stops them at once. Workers start on the first :meth:`map`.
    """

    def __init__(self, jobs: int, initializer: Callable[..., object] | None = None, initargs: tuple[object, ...] = ()) -> None:
        """Describe the pool; nothing starts yet.

        Args:
            jobs: Processes to start; ``1`` (or less) runs everything in this process.
            initializer: Called once in each worker (or once here when ``jobs`` is 1) before any work.
            initargs: Its arguments; they must pickle when ``fork`` is not available.
        """
        self.jobs = max(1, jobs)
        self._initializer = initializer
        self._initargs = initargs
        self._pool: multiprocessing.pool.Pool | None = None
        self._ready = False

    def __enter__(self) -> WorkerPool:
        """The pool itself."""
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Wait for the workers, or stop them at once when leaving by an exception."""
        self.close(stop=kind is not None)

    def _started(self) -> multiprocessing.pool.Pool | None:
        if self.jobs == 1:
            if not self._ready and self._initializer is not None:
                self._initializer(*self._initargs)
            self._ready = True
            return None
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = context.Pool(self.jobs, initializer=_start, initargs=(self._initializer, self._initargs))
        return self._pool

    def map(self, func: Callable[[T], R], items: Iterable[T], *, chunksize: int | None = None) -> Generator[R, None, None]:
        """``func`` over ``items``, results in input order, as they are ready.

        ``chunksize`` defaults to a size that keeps every worker busy without holding results back.
        """
        work = list(items)
        if not work:
            return
        pool = self._started()
        if pool is None:
            yield from map(func, work)
            return
        size = chunksize or max(1, min(16, len(work) // (self.jobs * 8) or 1))
        try:
            yield from pool.imap(func, work, chunksize=size)
        except BaseException:
            self.close(stop=True)
            raise

    def close(self, *, stop: bool = False) -> None:
        """Let the workers finish and end (``stop``: end them now); a later :meth:`map` starts new ones."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if stop:
            pool.terminate()
        else:
            pool.close()
        pool.join()
