"""Publishing a package folder: written beside it, then swapped in by one atomic exchange.

A build writes into a staging folder next to the package (``.datapackage-XXXX``) and,
once everything in it validates, exchanges the two directories with Linux's
``renameat2(RENAME_EXCHANGE)``: at every instant ``datapackage/`` is either the
whole old package or the whole new one. Where the exchange is not available (another
system, a file system without it) two renames do it, and a crash between them is
repaired by the next build (``recover``).

A build holds an exclusive ``flock`` on its staging folder while it lives; the lock
dies with the process, so the next build knows a folder nobody holds was left by a
killed build and removes it, and never touches the folder of a build still running.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Files the site serves or offers for download: everyone may read them.
PUBLISHED_MODE = 0o644
_AT_FDCWD = -100
_RENAME_EXCHANGE = 1 << 1
# What renameat2 answers where the kernel, the C library or the file system lacks it.
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP}


def previous_folder(out_dir: Path) -> Path:
    """Where the two-rename fallback keeps the old package between its two renames."""
    return out_dir.with_name(f".{out_dir.name}-previous")


def tidy(out_dir: Path) -> None:
    """What a build does first: put back a package a crash left aside, and remove the
    staging folders of killed builds."""
    if out_dir.parent.is_dir():
        recover(out_dir)
        remove_stale_staging(out_dir)


@contextlib.contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A fresh folder beside ``out_dir``, locked by this process, removed on exit
    (after an exchange it holds the old package)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging, lock = _locked_folder(out_dir)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


def _locked_folder(out_dir: Path) -> tuple[Path, int]:
    """A new staging folder and the descriptor that holds its lock. Another build's ``tidy``
    may remove a folder in the instant before it is locked: then it is made again."""
    while True:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
        staging.chmod(0o755)  # mkdtemp makes it private; the package is for everyone to read
        lock = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if os.stat(staging).st_ino == os.fstat(lock).st_ino:
                return staging, lock
        except FileNotFoundError:
            pass
        os.close(lock)


def recover(out_dir: Path) -> None:
    """Put back the old package a crash left between the fallback's two renames."""
    previous = previous_folder(out_dir)
    if previous.is_dir() and not out_dir.exists() and _unlocked(previous):
        os.rename(previous, out_dir)


def remove_stale_staging(out_dir: Path) -> list[Path]:
    """Remove the staging folders of builds that were killed (no process holds their lock)."""
    removed = []
    for folder in out_dir.parent.glob(f".{out_dir.name}-*"):
        if folder.is_dir() and not folder.is_symlink() and _unlocked(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _unlocked(folder: Path) -> bool:
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(handle)  # releases the lock just taken


def swap_into_place(staging: Path, out_dir: Path) -> None:
    """Make ``staging`` the package at ``out_dir``; the old package ends up at ``staging``."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    try:
        exchange(staging, out_dir)
    except OSError as exc:
        if exc.errno not in _UNSUPPORTED:
            raise
        _swap_by_two_renames(staging, out_dir)


def exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically (Linux ≥ 3.15, glibc ≥ 2.28); OSError(ENOSYS) elsewhere."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def _swap_by_two_renames(staging: Path, out_dir: Path) -> None:
    previous = previous_folder(out_dir)
    shutil.rmtree(previous, ignore_errors=True)
    os.rename(out_dir, previous)
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(previous, out_dir)
        raise
    os.rename(previous, staging)  # where the caller removes the old package


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
