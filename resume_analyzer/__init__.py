"""resume-analyzer: how a resume reads against what APM hiring teams look for."""

from __future__ import annotations

from resume_analyzer._version import __version__
from resume_analyzer.analyze import analyze
from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError, ResumeAnalyzerError
from resume_analyzer.parsing import parse_resume
from resume_analyzer.scoring.result import Analysis

__all__ = [
    "Analysis",
    "DocumentError",
    "Resume",
    "ResumeAnalyzerError",
    "__version__",
    "analyze",
    "parse_resume",
]
