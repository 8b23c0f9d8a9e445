"""The web's one call into the pipeline, with the app's taxonomy and model settings."""

from __future__ import annotations

from flask import current_app

from resume_analyzer.analyze import analyze
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.settings import AnalysisSettings


def run_analysis(name: str, data: bytes, job_text: str | None) -> Analysis:
    return analyze(
        data,
        filename=name,
        taxonomy=current_app.config["TAXONOMY"],
        job_description=job_text,
        settings=AnalysisSettings(use_model=bool(current_app.config["USE_MODEL"])),
    )
