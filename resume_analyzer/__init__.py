"""resume-analyzer: how a resume reads against what APM hiring teams look for.

The public API: `Analyzer` (the warm state every door holds) and `analyze()` over a default
one; `parse_resume`; the settings; `read_job_description`; `dumps` (the JSON every door
prints); errors in `resume_analyzer.errors`; batch scoring in `resume_analyzer.batch`;
reports in `resume_analyzer.report`.
"""

from __future__ import annotations

from resume_analyzer._version import __version__
from resume_analyzer.analyze import analyze, default_analyzer
from resume_analyzer.analyzer import Analyzer
from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError, ResumeAnalyzerError
from resume_analyzer.job import read_job_description
from resume_analyzer.parsing import parse_resume
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.serialize import dumps
from resume_analyzer.settings import AnalysisSettings, ParseSettings

__all__ = [
    "Analysis",
    "AnalysisSettings",
    "Analyzer",
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
]
