"""`analyze()`: a thin function over a default `Analyzer`, for scripts and one-off calls.

Programs that score many resumes hold their own `Analyzer` (the CLI, batch workers and the
web app do). This function keeps one per taxonomy and settings in the process, so repeated
calls stay warm.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from resume_analyzer.analyzer import Analyzer, TaxonomySource, taxonomy_key
from resume_analyzer.job import JobSource
from resume_analyzer.parsing.source import Source
from resume_analyzer.settings import AnalysisSettings, ParseSettings

if TYPE_CHECKING:
    from resume_analyzer.scoring.result import Analysis

# A few taxonomies at most per process (a coach trying an edit); each analyzer holds matchers.
_MAX_DEFAULTS = 4
_defaults: OrderedDict[tuple[object, object], Analyzer] = OrderedDict()
_defaults_lock = threading.Lock()


def analyze(
    source: Source,
    *,
    taxonomy: TaxonomySource = None,
    job_description: JobSource = None,
    settings: AnalysisSettings | ParseSettings | None = None,
    filename: str | None = None,
) -> Analysis:
    """Score a resume for APM roles and say, line by line, what to change.

    `source`: a path, bytes (pass `filename` for messages) or a binary file object.
    `taxonomy`: a loaded Taxonomy or the path of a YAML file; the built-in one by default.
    `job_description`: the posting's text (str), or the path of a PDF/DOCX/TXT file
    (`pathlib.Path`). Raises DocumentError subclasses for unreadable input and TaxonomyError
    for an invalid taxonomy.
    """
    analyzer = default_analyzer(taxonomy=taxonomy, settings=settings)
    return analyzer.analyze(source, job_description=job_description, filename=filename)


def default_analyzer(
    *,
    taxonomy: TaxonomySource = None,
    settings: AnalysisSettings | ParseSettings | None = None,
) -> Analyzer:
    """The process's shared Analyzer for this taxonomy and these settings."""
    key = (taxonomy_key(taxonomy), settings)
    with _defaults_lock:
        analyzer = _defaults.get(key)
        if analyzer is None:
            analyzer = Analyzer(taxonomy=taxonomy, settings=settings)
            _defaults[key] = analyzer
            while len(_defaults) > _MAX_DEFAULTS:
                _defaults.popitem(last=False)
        _defaults.move_to_end(key)
        return analyzer
