"""Ray Data engine: the same per-document function, mapped over input shards on a cluster.

The driver reads the inputs (so names, template evidence and resume work exactly as in a
local run), cuts the stream into shards of `shard_size` work items, and maps
`runner.audit_and_render` over each shard with Ray Data, order preserved. Workers write the
per-document files with the same code as a local run (so on a cluster `--out` must be a
shared filesystem) and send digests back to the driver for the summary, the gate and the
JSONL file: the files are byte-identical to `--jobs 1`. Ray is an optional extra: `pip install .[ray]`.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

SHARD_SIZE = 512


def _audit_batch(batch: dict[str, Any], setup: bytes) -> dict[str, Any]:
    """Runs on a Ray worker: unpickle the work items, audit them, pickle the results."""
    from . import runner

    runner._init_worker(pickle.loads(setup))
    results = [pickle.dumps(runner.audit_and_render(pickle.loads(item))) for item in batch["item"]]
    return {"result": results}


def map_with_ray(items: Iterable[Any], setup: Any, num_cpus: int, address: str | None = None,
                 shard_size: int = SHARD_SIZE) -> Iterator[tuple[dict, str | None, bool]]:
    try:
        import ray
        import ray.data
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise RuntimeError("the ray engine needs Ray Data: pip install 'source-audit[ray]'") from exc

    import logging

    for name in ("ray", "ray.data"):  # keep the run's own output readable
        logging.getLogger(name).setLevel(logging.WARNING)
    started_here = False
    if not ray.is_initialized():
        init_args: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        if address:
            init_args["address"] = address
        else:
            init_args["num_cpus"] = num_cpus
        ray.init(**init_args)
        started_here = True
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        setup_blob = pickle.dumps(setup)
        iterator = iter(items)
        while True:
            shard = [pickle.dumps(item) for item in islice(iterator, shard_size)]
            if not shard:
                break
            dataset = ray.data.from_items([{"item": blob} for blob in shard])
            dataset = dataset.map_batches(_audit_batch, fn_kwargs={"setup": setup_blob}, batch_size=32)
            for row in dataset.iter_rows():
                yield pickle.loads(row["result"])
    finally:
        if started_here:
            ray.shutdown()
