"""resume-analyzer: how a resume reads against what APM hiring teams look for.

The public API: `Analyzer` (the warm state every door holds) and `analyze()` over a default
one; `parse_resume`; the settings; `read_job_description`; `dumps` (the JSON every door
prints); errors in `resume_analyzer.errors`; batch scoring in `resume_analyzer.batch`;
reports in `resume_analyzer.report`; `scale_note(score)`, where a score falls among resumes
whose field is known.

Names are imported on first use, so `resume-analyzer --help` and `import resume_analyzer`
stay fast: parsing pulls in pdfplumber, and the analyzer spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from resume_analyzer._version import __version__

if TYPE_CHECKING:
    from resume_analyzer._default import analyze, default_analyzer
    from resume_analyzer.analyzer import Analyzer
    from resume_analyzer.document import Resume
    from resume_analyzer.errors import BudgetExceededError, DocumentError, ResumeAnalyzerError
    from resume_analyzer.job import read_job_description
    from resume_analyzer.parsing import parse_resume
    from resume_analyzer.scoring.result import Analysis
    from resume_analyzer.scoring.scale import scale_note
    from resume_analyzer.serialize import dumps
    from resume_analyzer.settings import AnalysisSettings, Budget, ParseSettings

_HOMES = {
    "Analysis": "resume_analyzer.scoring.result",
    "AnalysisSettings": "resume_analyzer.settings",
    "Analyzer": "resume_analyzer.analyzer",
    "Budget": "resume_analyzer.settings",
    "BudgetExceededError": "resume_analyzer.errors",
    "DocumentError": "resume_analyzer.errors",
    "ParseSettings": "resume_analyzer.settings",
    "Resume": "resume_analyzer.document",
    "ResumeAnalyzerError": "resume_analyzer.errors",
    "analyze": "resume_analyzer._default",
    "default_analyzer": "resume_analyzer._default",
    "dumps": "resume_analyzer.serialize",
    "parse_resume": "resume_analyzer.parsing",
    "read_job_description": "resume_analyzer.job",
    "scale_note": "resume_analyzer.scoring.scale",
}

__all__ = [
    "Analysis",
    "AnalysisSettings",
    "Analyzer",
    "Budget",
    "BudgetExceededError",
    "DocumentError",
    "ParseSettings",
    "Resume",
    "ResumeAnalyzerError",
    "__version__",
    "analyze",
    "default_analyzer",
    "dumps",
    "parse_resume",
    "read_job_description",
    "scale_note",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'resume_analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
