"""What a batch reads: files, folders (recursively) and `.zip` archives, as names and bytes.

Nothing is extracted to disk: archive members are read in memory, with limits
(`archive.py`). Order is deterministic: the paths as given, each folder walked in sorted
order, each archive's members sorted by name. Every file is an input, hidden ones too, so
nothing is dropped silently (a file that is not a resume gets an error row saying what it is);
only the `__MACOSX/` metadata folder macOS adds to archives is left out.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_analyzer.batch.archive import (
    ArchiveLimits,
    count_members,
    is_archive,
    read_archive,
    too_large,
)
from resume_analyzer.errors import DocumentError, EmptyDocumentError
from resume_analyzer.settings import DEFAULT_SETTINGS, ParseSettings

__all__ = ["ArchiveLimits", "BatchInput", "InputError", "collect_inputs", "count_inputs"]

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BatchInput:
    """One resume to score: a display name (`folder/a.pdf`, `cohort.zip/b.docx`) and its bytes."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def key(self) -> str:
        """What `--resume` matches on: the content hash."""
        return self.sha256


@dataclass(frozen=True)
class InputError:
    """An input that could not even be read; it becomes an error row.

    `sha256` is None when the bytes were never read (an unsafe archive member, a file we may
    not open); such an input is then matched on its name by `--resume`.
    """

    name: str
    code: str
    message: str
    sha256: str | None = None

    @property
    def key(self) -> str:
        return self.sha256 or f"file:{self.name}"

    @classmethod
    def of(cls, name: str, error: DocumentError, sha256: str | None = None) -> InputError:
        return cls(name=name, code=error.code, message=error.message, sha256=sha256)


def collect_inputs(
    paths: Sequence[Path],
    *,
    settings: ParseSettings = DEFAULT_SETTINGS,
    limits: ArchiveLimits | None = None,
    exclude: Collection[Path] = (),
) -> Iterator[BatchInput | InputError]:
    """Yield every input under `paths`, lazily: at most one file's bytes are held at a time.

    `exclude`: files and folders to leave out (the batch's own outputs and report, so that a
    folder holding them can be scored again). A file reached twice (a path and its folder)
    counts once.
    """
    limits = limits or ArchiveLimits()
    for path in _walk(paths, exclude):
        name = path.as_posix()
        if not is_archive(path):
            yield _read_file(path, name, settings)
            continue
        for member, content in read_archive(path, name, settings, limits):
            if isinstance(content, bytes):
                yield BatchInput(member, content)
            else:  # a refused archive as a whole is matched by its hash; a member by its name
                yield InputError.of(member, content, _hash_file(path) if member == name else None)


def count_inputs(
    paths: Sequence[Path], *, limits: ArchiveLimits | None = None, exclude: Collection[Path] = ()
) -> int:
    """How many inputs `collect_inputs` will yield, reading only archive directories."""
    limits = limits or ArchiveLimits()
    return sum(
        count_members(path, limits) if is_archive(path) else 1 for path in _walk(paths, exclude)
    )


def _walk(paths: Sequence[Path], exclude: Collection[Path]) -> Iterator[Path]:
    skip = {_identity(path) for path in exclude if path.exists()}
    seen = set(skip)
    for root in paths:
        candidates = _files_under(root, skip) if root.is_dir() else iter([root])
        for path in candidates:
            identity = _identity(path)
            if identity in seen:
                continue
            seen.add(identity)
            yield path


def _files_under(folder: Path, skip: set[tuple[int, int]]) -> Iterator[Path]:
    # Symlinked folders are not followed (a loop would never end); symlinked files are read.
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if _identity(Path(current) / d) not in skip)
        for name in sorted(files):
            yield Path(current) / name


def _identity(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, hash(path.as_posix()))
    return (info.st_dev, info.st_ino)


def _read_file(path: Path, name: str, settings: ParseSettings) -> BatchInput | InputError:
    limit = settings.max_bytes
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
            if len(data) <= limit:
                return BatchInput(name=name, data=data)
            digest = hashlib.sha256(data)
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return InputError.of(name, EmptyDocumentError(f"{name} cannot be read ({reason})."))
    return InputError.of(name, too_large(name, limit), sha256=digest.hexdigest())


def _hash_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
