"""Limits and knobs for parsing, validated when constructed."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ParseSettings:
    """Limits that keep memory bounded and every input to a few seconds.

    The defaults fit any real resume with a wide margin: a 20-page CV is already unusual,
    and no honest DOCX inflates past 50 MiB.
    """

    max_bytes: int = 10 * MIB
    max_pages: int = 20
    max_uncompressed_bytes: int = 50 * MIB
    max_zip_members: int = 2000
    max_compression_ratio: int = 200
    max_chars_per_page: int = 30_000
    max_text_chars: int = 300_000

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_pages",
            "max_uncompressed_bytes",
            "max_zip_members",
            "max_compression_ratio",
            "max_chars_per_page",
            "max_text_chars",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"ParseSettings.{name} must be a positive integer, got {value!r}")


DEFAULT_SETTINGS = ParseSettings()


@dataclass(frozen=True)
class AnalysisSettings:
    """Knobs for `analyze()`: the parsing limits, and whether the learned area model runs
    beside the taxonomy's rules (off: rules only, a little faster, the model's arrays unread)."""

    parse: ParseSettings = DEFAULT_SETTINGS
    use_model: bool = True
    max_job_chars: int = 100_000

    def __post_init__(self) -> None:
        if not isinstance(self.parse, ParseSettings):
            raise ValueError("AnalysisSettings.parse must be a ParseSettings")
        if self.max_job_chars <= 0:
            raise ValueError("AnalysisSettings.max_job_chars must be positive")
