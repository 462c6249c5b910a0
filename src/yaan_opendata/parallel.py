"""Extract documents in a pool of processes, each one once: cached by its key.

Documents are independent until they are merged into one package, so each is
read, extracted, checked and stamped on its own, by as many processes as there
are cores. The results come back in the order of the documents given, whatever
the number of workers, so the package is the same bytes either way. When a
document fails, the error raised is that of the first failing document in
order, as a build with one worker would raise it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .cache import DocumentCache, document_key
from .checks import run_checks
from .dimensions import stamp
from .errors import SourceError
from .extract import extract_disclosure
from .model import Disclosure
from .source import load_document


def default_workers() -> int:
    """One process per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_documents(
    entries: Sequence[tuple[dict, Path]],
    *,
    lenient: bool = False,
    workers: int | None = None,
    cache: DocumentCache | None = None,
) -> list[Disclosure]:
    """The disclosure of every (manifest entry, folder), in the order given."""
    keys = [document_key(entry, _files(entry, folder), lenient=lenient) if cache else None
            for entry, folder in entries]
    found = [cache.get(key) if cache else None for key in keys]
    missing = [n for n, disclosure in enumerate(found) if disclosure is None]
    jobs = [(*entries[n], lenient, keys[n], cache.folder if cache else None) for n in missing]
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1:
        for n, job in zip(missing, jobs):
            found[n] = _extracted(*job)
    else:
        with _pool(workers) as pool:
            for n, result in zip(missing, pool.map(_extract_one, jobs)):
                found[n] = _unpacked(result)  # the first failure in order stops the build here
    # A cached disclosure was read from files elsewhere, perhaps: ship the ones given now.
    return [dataclasses.replace(disclosure, source_files=tuple(_files(entry, folder)), cache_key=key)
            for (entry, folder), disclosure, key in zip(entries, found, keys)]


def _files(entry: dict, folder: Path) -> list[Path]:
    return [folder / name for name in entry.get("files") or [entry["file"]]]


def map_in_workers(function, jobs, workers: int | None = None) -> list:
    """``[function(job) for job in jobs]`` by up to ``workers`` forked processes (default: one
    per core), in order. The function and what it reads are inherited by the fork, not pickled."""
    jobs = list(jobs)
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(job) for job in jobs]
    with _pool(workers) as pool:
        return list(pool.map(function, jobs))


def _pool(workers: int) -> ProcessPoolExecutor:
    # Forked workers start at once with the lexicon and code lists already loaded.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _read(entry: dict, folder: Path, lenient: bool) -> Disclosure:
    return stamp(run_checks(extract_disclosure(load_document(entry, folder), lenient=lenient)))


def _extracted(entry: dict, folder: Path, lenient: bool, key: str | None, cache_folder: Path | None) -> Disclosure:
    disclosure = _read(entry, folder, lenient)
    if cache_folder is not None:
        DocumentCache(cache_folder).put_bytes(key, pickle.dumps(disclosure, protocol=pickle.HIGHEST_PROTOCOL))
    return disclosure


def _extract_one(job) -> tuple[str, object]:
    """In a worker: ("disclosure", pickled bytes) or ("error", SourceError's arguments);
    a SourceError does not survive pickling (its constructor takes three arguments)."""
    entry, folder, lenient, key, cache_folder = job
    try:
        disclosure = _read(entry, folder, lenient)
    except SourceError as exc:
        return "error", (exc.document_id, exc.reason, exc.paragraph_id)
    data = pickle.dumps(disclosure, protocol=pickle.HIGHEST_PROTOCOL)
    if cache_folder is not None:
        DocumentCache(cache_folder).put_bytes(key, data)
    return "disclosure", data


def _unpacked(result: tuple[str, object]) -> Disclosure:
    kind, value = result
    if kind == "error":
        raise SourceError(*value)
    return pickle.loads(value)
