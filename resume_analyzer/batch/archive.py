"""Resumes inside a `.zip`, read in memory and never extracted to disk.

Members are read one at a time, each capped at the parsing limit (`ParseSettings.max_bytes`),
so a hostile archive costs at most that much memory and `ArchiveLimits.max_total_bytes` of
inflating. A member whose name would reach outside the archive (`../x`, `/etc/x`, `C:\\x`),
that is a symbolic link, or that inflates like a zip bomb is never read. Nested archives are
not expanded: a `.zip` member is handed on as it is, and the analyzer refuses it as a resume.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsafeDocumentError,
)
from resume_analyzer.parsing.source import human_size
from resume_analyzer.settings import MIB, ParseSettings

# Small members may compress very well (a text resume of repeated lines); the ratio limit
# only applies to members big enough to hurt, as for DOCX parts (parsing/zipsafety.py).
_BOMB_MIN_SIZE = 1 * MIB
_DRIVE = re.compile(r"^[A-Za-z]:")
_BROKEN = (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError)

# (name, its bytes or why it was not read)
Member = tuple[str, bytes | DocumentError]


@dataclass(frozen=True)
class ArchiveLimits:
    """Limits for a `.zip` of resumes (a cohort's folder, zipped), checked before inflating."""

    max_members: int = 10_000
    max_total_bytes: int = 2048 * MIB
    max_compression_ratio: int = 200

    def __post_init__(self) -> None:
        for name in ("max_members", "max_total_bytes", "max_compression_ratio"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"ArchiveLimits.{name} must be a positive integer, got {value!r}")


def is_archive(path: Path) -> bool:
    """A `.zip` of resumes; a Word document renamed `.zip` is a resume, not an archive."""
    if path.suffix.lower() != ".zip":
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except _BROKEN:
        return True  # reported as a damaged archive
    return not ("word/document.xml" in names and "[Content_Types].xml" in names)


def count_members(path: Path, limits: ArchiveLimits) -> int:
    """How many inputs `read_archive` yields: its members, or 1 for a refused archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = _members(archive)
    except _BROKEN:
        return 1
    return 1 if check_archive(path.as_posix(), members, limits) else len(members)


def read_archive(
    path: Path, name: str, settings: ParseSettings, limits: ArchiveLimits
) -> Iterator[Member]:
    """Each member, in name order, as `name/member` and its bytes or the reason it was not
    read; a damaged or over-limit archive is one `(name, error)` for the whole file."""
    try:
        archive = zipfile.ZipFile(path)
    except _BROKEN:
        yield name, CorruptDocumentError(f"{name} is damaged or truncated; it is not a zip.")
        return
    with archive:
        members = _members(archive)
        problem = check_archive(name, members, limits)
        if problem is not None:
            yield name, problem
            return
        for info in members:
            member = f"{name}/{info.filename}"
            yield member, _read_member(archive, info, member, settings, limits)


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    # __MACOSX/ holds the metadata macOS adds when zipping a folder: not files anyone chose.
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir() and not info.filename.startswith("__MACOSX/")
    ]
    return sorted(members, key=lambda info: info.filename)


def check_archive(
    name: str, members: list[zipfile.ZipInfo], limits: ArchiveLimits
) -> DocumentError | None:
    """Limits the central directory alone can enforce, before inflating a byte."""
    if not members:
        return EmptyDocumentError(f"{name} is an empty archive: there are no files in it.")
    if len(members) > limits.max_members:
        return UnsafeDocumentError(
            f"{name} holds {len(members):,} files; the limit is {limits.max_members:,}. "
            "Split it into smaller archives, or pass the folder itself."
        )
    total = sum(info.file_size for info in members)
    if total > limits.max_total_bytes:
        return DocumentTooLargeError(
            f"{name} unpacks to {human_size(total)}; the limit is "
            f"{human_size(limits.max_total_bytes)}. Split it, or pass the folder itself."
        )
    return None


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    settings: ParseSettings,
    limits: ArchiveLimits,
) -> bytes | DocumentError:
    problem = _unsafe(info, limits)
    if problem:
        return UnsafeDocumentError(f"{name}: {problem}")
    if info.file_size > settings.max_bytes:
        return too_large(name, settings.max_bytes)
    try:
        # zipfile stops inflating at the declared size (and then fails the CRC check when the
        # member holds more), so a member that lies about its size still costs at most that.
        with archive.open(info) as handle:
            data = handle.read(settings.max_bytes + 1)
    except RuntimeError:  # zipfile's way of saying "encrypted, and no password given"
        return EncryptedDocumentError(f"{name} is password-protected inside the archive.")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return CorruptDocumentError(f"{name} is damaged inside the archive and cannot be read.")
    if len(data) > settings.max_bytes:
        return too_large(name, settings.max_bytes)
    return data


def _unsafe(info: zipfile.ZipInfo, limits: ArchiveLimits) -> str | None:
    """Why a member must not be read, or None."""
    filename = info.filename
    parts = PurePosixPath(filename.replace("\\", "/")).parts
    if filename.startswith(("/", "\\")) or _DRIVE.match(filename) or "\x00" in filename:
        return "an absolute path inside the archive; it was not read."
    if ".." in parts:
        return "a path that climbs out of the archive (..); it was not read."
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link inside the archive; it was not read."
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _BOMB_MIN_SIZE and ratio > limits.max_compression_ratio:
        return (
            f"expands {ratio:,.0f} times when unpacked (the limit is "
            f"{limits.max_compression_ratio}); files built like this are zip bombs, so it was "
            "not read."
        )
    return None


def too_large(name: str, limit: int) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"{name} is larger than the {human_size(limit)} limit; a resume is rarely over 2 MiB. "
        "Export it again without embedded images."
    )
