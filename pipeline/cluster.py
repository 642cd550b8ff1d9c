"""The Dask engine: the same pipeline on a Dask distributed cluster.

Articles are cut into partitions and sent to the workers; each worker process loads the pipeline
once and keeps it; results come back in input order, with a bounded number of partitions in
flight so memory stays flat on the client too.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.util import minibatch

from .corpus import Article
from .errors import Errors, NewsEventsError
from .extract import ArticleResult, extract

PARTITION_SIZE = 32  # articles per task
IN_FLIGHT = 8  # partitions submitted ahead of the one being collected


@lru_cache(maxsize=2)
def worker_pipeline(model: str, overrides: tuple[tuple[str, object], ...]):
    """The pipeline of this worker process, loaded on first use and kept."""
    from .assemble import load_pipeline, read_config

    return load_pipeline(model, read_config(overrides=dict(overrides)))


def process_partition(articles: list[Article], model: str, overrides: tuple, batch_size: int) -> list[ArticleResult]:
    """Runs on a worker: one partition of articles through the pipeline."""
    return list(extract(worker_pipeline(model, overrides), articles, batch_size=batch_size))


def extract_on_dask(
    articles: Iterable[Article],
    *,
    scheduler: str | None,
    model: str,
    overrides: dict,
    batch_size: int = 16,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[ArticleResult]:
    """Yield each article's rows in input order, computed on the cluster at ``scheduler``."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise NewsEventsError(Errors.E021) from None
    if not scheduler:
        raise NewsEventsError(Errors.E022)
    frozen = tuple(sorted(overrides.items()))
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as err:
        raise NewsEventsError(Errors.E023.format(address=scheduler, reason=err)) from None
    try:
        in_flight: deque = deque()
        for chunk in minibatch(articles, partition_size):
            in_flight.append(client.submit(process_partition, chunk, model, frozen, batch_size, pure=False))
            if len(in_flight) >= IN_FLIGHT:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        client.close()
