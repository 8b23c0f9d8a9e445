"""The applicant's pages: upload a resume (and a posting), see the annotated result.

Nothing is stored: the result page carries its own downloads (JSON, Markdown) as data URLs.
The flow works without JavaScript; the script only adds drag and drop.
"""

from __future__ import annotations

from flask import Blueprint, render_template

from resume_analyzer.report import to_markdown

from . import uploads
from .analysis import run_analysis

bp = Blueprint("applicant", __name__)


@bp.get("/")
def index() -> str:
    return render_template("applicant/index.html")


@bp.post("/analyze")
def analyze() -> str:
    name, data = uploads.resume_upload("file")
    analysis = run_analysis(name, data, uploads.job_text())
    return render_template(
        "applicant/result.html",
        a=analysis.to_dict(),
        filename=name,
        markdown=to_markdown(analysis),
    )
