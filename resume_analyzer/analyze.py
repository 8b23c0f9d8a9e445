"""The one pipeline: parse → extract → score → feedback.

The CLI, the web app, the JSON API and batch scoring all call `analyze()`; none of them
re-implements a step. Same input, same output, byte for byte: nothing here reads the clock,
the environment or randomness.
"""

from __future__ import annotations

import os
from pathlib import Path

from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError, NotAResumeError
from resume_analyzer.parsing import parse_resume, read_raw
from resume_analyzer.parsing.source import Source
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.settings import AnalysisSettings, ParseSettings
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

JobSource = str | os.PathLike[str] | None


def analyze(
    source: Source,
    *,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
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
    from resume_analyzer.nlp.evidence import extract
    from resume_analyzer.nlp.pipeline import load_nlp
    from resume_analyzer.scoring.jobmatch import read_posting
    from resume_analyzer.scoring.score import score

    options = _settings(settings)
    model = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    posting_text = _job_text(job_description, options)
    resume = parse_resume(source, filename=filename, settings=options.parse)
    _check_is_resume(resume, filename)
    nlp = load_nlp()
    evidence = extract(resume, model, nlp=nlp, use_model=options.use_model)
    posting = read_posting(posting_text, model, nlp) if posting_text is not None else None
    return score(resume, evidence, model, posting)


# Fewer words than this cannot show one role and its results; scoring them would only mislead.
MIN_WORDS = 25


def _check_is_resume(resume: Resume, filename: str | None) -> None:
    texts = [b.text for b in resume.bullets]
    texts += [e.title or "" for s in resume.sections for e in s.entries]
    words = sum(len(text.split()) for text in texts)
    if words < MIN_WORDS:
        name = filename or "The file"
        raise NotAResumeError(
            f"{name} holds only {words} words of resume text, too few to score. Upload the "
            "whole resume (PDF, DOCX or text), not a fragment or a cover page."
        )


def _settings(settings: AnalysisSettings | ParseSettings | None) -> AnalysisSettings:
    if settings is None:
        return AnalysisSettings()
    if isinstance(settings, ParseSettings):
        return AnalysisSettings(parse=settings)
    return settings


def _job_text(job: JobSource, options: AnalysisSettings) -> str | None:
    if job is None:
        return None
    if isinstance(job, os.PathLike):
        raw = read_raw(Path(job), settings=options.parse)
        text = "\n".join(line.text for line in raw.lines)
    else:
        text = job
    text = text.strip()
    if not text:
        raise DocumentError("The job description is empty; paste the posting's text.")
    if len(text) > options.max_job_chars:
        raise DocumentError(
            f"The job description is {len(text):,} characters; the limit is "
            f"{options.max_job_chars:,}. Paste the posting itself, not a whole page."
        )
    return text
