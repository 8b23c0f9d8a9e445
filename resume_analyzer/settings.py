"""Limits and knobs for parsing and analysis, validated when constructed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024


@dataclass(frozen=True)
class ParseSettings:
    """Limits that keep memory bounded and every input to a few seconds.

    The defaults fit any real resume with a wide margin: a 20-page CV is already unusual,
    and no honest DOCX inflates past 50 MiB. The shape limits keep every later step linear in
    practice as well as in theory: a PDF page's characters and graphics (lines, rectangles,
    curves, images) are counted while pdfminer reads the page, before any layout work; lines
    and their length are checked once the text is read; and before spaCy sees a line, a run
    of more than `max_token_chars` without a space is cut (its tokenizer slows down with the
    square of such a run), and a document of more than `max_tokens` tokens is refused.
    """

    max_bytes: int = 10 * MIB
    max_pages: int = 20
    max_uncompressed_bytes: int = 50 * MIB
    max_zip_members: int = 2000
    max_compression_ratio: int = 200
    max_chars_per_page: int = 30_000
    max_text_chars: int = 300_000
    max_graphics_per_page: int = 20_000
    max_lines: int = 5_000
    max_line_chars: int = 10_000
    max_token_chars: int = 100
    max_tokens: int = 30_000

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_pages",
            "max_uncompressed_bytes",
            "max_zip_members",
            "max_compression_ratio",
            "max_chars_per_page",
            "max_text_chars",
            "max_graphics_per_page",
            "max_lines",
            "max_line_chars",
            "max_token_chars",
            "max_tokens",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"ParseSettings.{name} must be a positive integer, got {value!r}")


DEFAULT_SETTINGS = ParseSettings()


@dataclass(frozen=True)
class Budget:
    """What one document may cost: wall-clock seconds and memory, enforced by the `Analyzer`.

    Parsing runs in a separate process that is stopped when the document runs past `seconds`
    or grows past `memory_mib` (an address-space limit on that process, above what the
    parsers themselves take); the NLP stage, in the calling process, checks the seconds left
    between lines. Either breach is a `BudgetExceededError`. `workers` is how many documents
    may be parsed at once, one process each (a server's threads each need one, so that a
    slow upload does not queue the others behind it).

    The defaults fit a resume with a wide margin: a two-page resume parses in well under a
    second and takes tens of MiB.
    """

    seconds: float = 15.0
    memory_mib: int = 1024
    workers: int = 4

    def __post_init__(self) -> None:
        if isinstance(self.seconds, bool) or not self.seconds > 0:
            raise ValueError(f"Budget.seconds must be positive, got {self.seconds!r}")
        for name in ("memory_mib", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"Budget.{name} must be a positive integer, got {value!r}")


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True)
class AnalysisSettings:
    """Knobs for an `Analyzer`: the parsing limits, the budget, and the learned area model.

    `budget`: the time and memory one document may take (`Budget`); None parses in the calling
    process with no budget, as `parse_resume()` does. `use_model`: run the area model beside
    the taxonomy's rules (off: rules only, a little faster). `require_model`: when the model
    cannot be loaded, raise `AreaModelError` instead of analysing by the rules alone with
    `"model": "rules-only"` and a warning. `model_path`: another trained artifact than the one
    shipped. `specificity_path`: another skill specificity table than the shipped one
    (`models/skill_specificity.json`). `rank_by_confidence`: rank the top fixes by gain ×
    how often their kind of finding is right (`models/finding_confidence.json`); off, by gain
    alone, and that table is never read (what `make confidence` needs to rebuild it).
    """

    parse: ParseSettings = DEFAULT_SETTINGS
    use_model: bool = True
    require_model: bool = False
    model_path: Path | None = None
    specificity_path: Path | None = None
    rank_by_confidence: bool = True
    max_job_chars: int = 100_000
    budget: Budget | None = DEFAULT_BUDGET

    def __post_init__(self) -> None:
        if not isinstance(self.parse, ParseSettings):
            raise ValueError("AnalysisSettings.parse must be a ParseSettings")
        if self.max_job_chars <= 0:
            raise ValueError("AnalysisSettings.max_job_chars must be positive")
        if self.model_path is not None and not isinstance(self.model_path, Path):
            raise ValueError("AnalysisSettings.model_path must be a pathlib.Path")
        if self.specificity_path is not None and not isinstance(self.specificity_path, Path):
            raise ValueError("AnalysisSettings.specificity_path must be a pathlib.Path")
        if self.budget is not None and not isinstance(self.budget, Budget):
            raise ValueError("AnalysisSettings.budget must be a Budget or None")
