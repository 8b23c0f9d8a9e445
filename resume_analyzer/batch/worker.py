"""What runs in a worker process (local or on a Dask cluster): bytes in, one row out.

A worker loads the spaCy pipeline, the taxonomy and the area model once (the caches in
`analyze()`'s modules are per process) and then scores every input it is sent. It never stops
the batch over one file: a `DocumentError` or any unexpected exception becomes an error row.
Only a setup problem that would fail every file alike (the spaCy or area model missing, an
invalid taxonomy) is raised, so the batch stops at once with that one message.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from resume_analyzer.batch.rows import Row, error_row, row_from_analysis
from resume_analyzer.errors import DocumentError, ResumeAnalyzerError
from resume_analyzer.settings import AnalysisSettings
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

# spaCy does not promise that one pipeline may be used from two threads at once, and a Dask
# worker may run several tasks in threads; the work is CPU-bound under the GIL anyway.
_LOCK = threading.Lock()
# Taxonomies are hashed by identity (matchers are cached per object): keep the first copy of
# each that reaches this process, whatever copy later tasks bring.
_TAXONOMIES: dict[str, Taxonomy] = {}
_WARM_NAME = "warm-up.md"
_WARM_RESUME = b"""# Jordan Example

jordan@example.com | (415) 555-0199 | Austin, TX

## Summary

Product-minded engineer who ships data-informed features with design and sales.

## Experience

**Product Management Intern | Example Co | May 2023 - Aug 2023**

- Interviewed 18 customers about onboarding and turned the findings into a backlog
- Wrote the PRD and user stories for a billing page that cut support tickets by 22%
- Responsible for running A/B tests on the pricing page with SQL and Amplitude
- Helped the team with sprint planning and worked on the roadmap

**Software Engineering Intern | Sample Labs | Jun 2022 - Aug 2022**

- Build a REST API in Python that served 40,000 requests a day
- Presented a latency analysis to the engineering director

## Education

B.S. Computer Science | University of Example | May 2024

## Skills

- SQL, Python, Figma, Jira, A/B testing, user interviews
"""
# The task of this process's pool, set once by `init_pool` so that each submission carries
# only a name and bytes.
_POOL_TASK: ScoreTask | None = None


@dataclass(frozen=True)
class ScoreTask:
    """How to score every input of one batch; picklable, so it can travel to any worker.

    `taxonomy`: None for the built-in one (each worker loads its own), else the loaded
    taxonomy, with `taxonomy_key` (a hash of its file) naming it.
    """

    job_text: str | None = None
    taxonomy: Taxonomy | None = None
    taxonomy_key: str = ""
    use_model: bool = True
    want_report: bool = False

    def warm(self) -> None:
        """Score a tiny built-in resume, so that the first real input does not pay for loading
        spaCy, building the taxonomy's matchers and the area model (seconds, once a process).
        A failure here is ignored: the first input meets it again and reports it."""
        try:
            self(_WARM_NAME, _WARM_RESUME)
        except Exception:
            return

    def _taxonomy(self) -> Taxonomy:
        if self.taxonomy is None:
            return load_taxonomy()
        return _TAXONOMIES.setdefault(self.taxonomy_key, self.taxonomy)

    def __call__(self, name: str, data: bytes) -> Row:
        return score_bytes(
            name,
            data,
            job_text=self.job_text,
            taxonomy=self._taxonomy(),
            use_model=self.use_model,
            want_report=self.want_report,
        )


def make_task(
    *,
    job_text: str | None = None,
    taxonomy_path: Path | None = None,
    use_model: bool = True,
    want_report: bool = False,
) -> ScoreTask:
    """Load and check everything once, in this process, so a bad taxonomy stops the batch."""
    taxonomy = load_taxonomy(taxonomy_path) if taxonomy_path is not None else None
    key = hashlib.sha256(Path(taxonomy_path).read_bytes()).hexdigest() if taxonomy_path else ""
    return ScoreTask(
        job_text=check_job_text(job_text),
        taxonomy=taxonomy,
        taxonomy_key=key,
        use_model=use_model,
        want_report=want_report,
    )


def check_job_text(job_text: str | None) -> str | None:
    """The posting as `analyze()` will read it; raises DocumentError once, not once a file."""
    if job_text is None:
        return None
    # The same check `analyze()` applies, so both doors refuse the same postings.
    from resume_analyzer.analyze import _job_text

    return _job_text(job_text, AnalysisSettings())


def read_job_file(path: Path) -> str:
    """The text of a posting file (PDF, DOCX or TXT), as `analyze --job FILE` reads it."""
    from resume_analyzer.analyze import _job_text

    text = _job_text(path, AnalysisSettings())
    assert text is not None  # a path always gives text, or raises
    return text


def score_bytes(
    name: str,
    data: bytes,
    *,
    job_text: str | None = None,
    taxonomy: Taxonomy | Path | None = None,
    use_model: bool = True,
    want_report: bool = False,
) -> Row:
    """Score one input. Returns its row; with `want_report`, the row also carries
    `report_markdown` and `report_html` (the student's own report), which the journal drops.
    """
    from resume_analyzer.analyze import analyze

    sha256 = hashlib.sha256(data).hexdigest()
    loaded = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    settings = AnalysisSettings(use_model=use_model)
    try:
        with _LOCK:
            analysis = analyze(
                data, taxonomy=loaded, job_description=job_text, settings=settings, filename=name
            )
            row = row_from_analysis(name, sha256, analysis)
            if want_report:
                from resume_analyzer.batch.report import student_html
                from resume_analyzer.report import to_markdown

                row["report_markdown"] = to_markdown(analysis)
                row["report_html"] = student_html(analysis, name)
    except DocumentError as error:
        return error_row(name, sha256, error)
    except ResumeAnalyzerError:
        raise
    except Exception as error:
        # Reported as internal_error, by its type only: its text may quote the resume.
        return error_row(name, sha256, error)
    return row


def init_pool(task: ScoreTask) -> None:
    """A pool process's initializer: keep the task and warm the pipeline."""
    global _POOL_TASK  # noqa: PLW0603 - one task per process, set once at start-up
    _POOL_TASK = task
    # Ctrl-C is the batch process's to handle: it stops submitting, lets the files in flight
    # finish and closes the pool. A worker interrupted mid-file would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    task.warm()


def _exit_with_parent() -> None:
    """End this worker when the batch process dies, even by SIGKILL.

    A pool worker holds both ends of its task queue, so it never sees the queue close: without
    this it would wait forever, holding its pipeline's memory.
    """
    import multiprocessing
    import os
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def score_in_pool(name: str, data: bytes) -> Row:
    assert _POOL_TASK is not None, "init_pool() runs first in every pool process"
    return _POOL_TASK(name, data)


def apply_task(task: ScoreTask, name: str, data: bytes) -> Row:
    """The function a Dask worker runs; `task` arrives scattered, one copy per worker."""
    return task(name, data)
