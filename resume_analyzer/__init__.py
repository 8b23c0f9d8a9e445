"""resume-analyzer: how a resume reads against what APM hiring teams look for."""

from __future__ import annotations

from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError, ResumeAnalyzerError
from resume_analyzer.parsing import parse_resume

__version__ = "0.1.0"
__all__ = ["DocumentError", "Resume", "ResumeAnalyzerError", "__version__", "parse_resume"]
