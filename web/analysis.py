"""The app's one `Analyzer`, kept in `app.extensions`, and the web's call into it."""

from __future__ import annotations

from flask import Flask, current_app

from resume_analyzer import Analysis, AnalysisSettings, Analyzer, Budget

EXTENSION = "resume_analyzer"


def init_app(app: Flask) -> Analyzer:
    """Create the app's analyzer from its config (warmed now when WARM_UP is set)."""
    analyzer = Analyzer(
        taxonomy=app.config["TAXONOMY"],
        settings=AnalysisSettings(use_model=bool(app.config["USE_MODEL"]), budget=budget(app)),
    )
    app.extensions[EXTENSION] = analyzer
    if app.config["WARM_UP"]:
        # A preloaded app is forked into workers next: parse processes started here would
        # belong to the parent and serve nobody, so each worker starts its own on first use.
        analyzer.warm(parsers=not app.config["PRELOAD"])
    return analyzer


def budget(app: Flask) -> Budget | None:
    """Each upload's time and memory, from BUDGET_SECONDS and BUDGET_MEMORY_MIB (0 for no
    budget), with one parse process per server thread (PARSE_WORKERS)."""
    seconds = float(app.config["BUDGET_SECONDS"])
    if not seconds:
        return None
    return Budget(
        seconds=seconds,
        memory_mib=int(app.config["BUDGET_MEMORY_MIB"]),
        workers=int(app.config["PARSE_WORKERS"]),
    )


def analyzer(app: Flask | None = None) -> Analyzer:
    found: Analyzer = (app or current_app).extensions[EXTENSION]
    return found


def run_analysis(name: str, data: bytes, job_text: str | None) -> Analysis:
    return analyzer().analyze(data, filename=name, job_description=job_text)
