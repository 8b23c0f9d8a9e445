"""The `resume-analyzer` command: a thin door onto the library.

Exit codes are a contract: 0 success, 1 a document error (one `Error: …` line on stderr, no
traceback), 2 a usage error (click's own).
"""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from resume_analyzer._version import __version__
from resume_analyzer.document import Resume
from resume_analyzer.errors import ResumeAnalyzerError

if TYPE_CHECKING:
    from resume_analyzer.settings import Budget


class ExitCode(IntEnum):
    OK = 0
    DOCUMENT_ERROR = 1
    USAGE = 2
    BELOW_THRESHOLD = 3
    SOME_FAILED = 3  # batch: some inputs could not be scored


class DocumentFailure(click.ClickException):
    """A library error shown as one `Error: …` line, exit code 1."""

    exit_code = ExitCode.DOCUMENT_ERROR


# Options shared by analyze and batch.
job_option = click.option(
    "--job",
    "job",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A job posting (PDF, DOCX or TXT) to match the resume(s) against.",
)
taxonomy_option = click.option(
    "--taxonomy",
    "taxonomy_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your own skills taxonomy YAML instead of the built-in one.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resume-analyzer")
def main() -> None:
    """Analyze resumes for Associate Product Manager roles, locally and deterministically."""


# Set by a one-shot command (analyze, parse) once its whole output is written; see `run`.
_output_done = False


def run() -> None:
    """The console script and `python -m resume_analyzer`: the CLI, ended quickly.

    After `analyze` has written its output there is nothing left to do but
    Python's teardown, which frees spaCy's vocabulary and numpy's tables object by object:
    about 0.3 s, a tenth of a cold call, for memory the system takes back at once. So the
    process flushes its streams and ends there, as mypy does. Parse processes see their pipes
    close and end. Every other command (batch, serve) and every error ends normally.
    """
    try:
        main()  # click's standalone mode always ends in SystemExit
    except SystemExit as done:
        if not _output_done or not isinstance(done.code, int | None):
            raise
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise done from None  # a closed pipe: let Python report it as usual
        os._exit(int(done.code or 0))


def _finished() -> None:
    global _output_done  # noqa: PLW0603 - one flag per process, read once at exit
    _output_done = True


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text", "jsonresume"]),
    default="json",
    show_default=True,
    help="json: the parsed document; text: a readable outline; jsonresume: JSON Resume schema.",
)
def parse(file: Path, output_format: str) -> None:
    """Parse FILE (PDF, DOCX, TXT or MD; the type is read from the bytes) and print it."""
    resume = _parse(file)
    if output_format == "json":
        _print_json(resume.to_dict())
    elif output_format == "jsonresume":
        from resume_analyzer.jsonresume import to_json_resume

        _print_json(to_json_resume(resume))
    else:
        from resume_analyzer.render import outline

        click.echo(outline(resume))


BUDGET_ENV = ("RESUME_ANALYZER_BUDGET_SECONDS", "RESUME_ANALYZER_BUDGET_MEMORY_MIB")


def budget() -> Budget | None:
    """Each document's budget: the default, or RESUME_ANALYZER_BUDGET_SECONDS and
    RESUME_ANALYZER_BUDGET_MEMORY_MIB as the web app reads them (0 seconds: no budget)."""
    from resume_analyzer.settings import DEFAULT_BUDGET, Budget

    seconds, memory = (os.environ.get(name) for name in BUDGET_ENV)
    if seconds is None and memory is None:
        return DEFAULT_BUDGET
    try:
        if seconds is not None and float(seconds) == 0:
            return None
        return Budget(
            seconds=float(seconds) if seconds is not None else DEFAULT_BUDGET.seconds,
            memory_mib=int(memory) if memory is not None else DEFAULT_BUDGET.memory_mib,
        )
    except ValueError as error:
        raise click.UsageError(f"{' / '.join(BUDGET_ENV)}: {error}") from None


def _parse(file: Path) -> Resume:
    from resume_analyzer.analyzer import Analyzer
    from resume_analyzer.settings import AnalysisSettings

    if not file.exists():
        raise click.BadParameter(f"{file} does not exist.", param_hint="FILE")
    try:
        # Within the budget, as analyze reads it.
        return Analyzer(settings=AnalysisSettings(budget=budget())).parse(file)
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None


def _print_json(data: dict[str, Any]) -> None:
    from resume_analyzer.serialize import dumps

    sys.stdout.write(dumps(data))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@job_option
@taxonomy_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: a terminal report; json: the full analysis; markdown: a shareable report.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    help="Exit with code 3 when the score is below this number (for scripts).",
)
@click.option(
    "--no-model",
    is_flag=True,
    help="Use the taxonomy's rules only, without the learned competency model.",
)
def analyze(
    file: Path,
    job: Path | None,
    taxonomy_file: Path | None,
    output_format: str,
    fail_under: float | None,
    no_model: bool,
) -> None:
    """Score FILE for APM roles and say, line by line, what to change.

    Exit codes: 0 done; 1 the file (or posting, or taxonomy) cannot be read; 2 usage error;
    3 the score is below --fail-under.
    """
    from resume_analyzer.analyzer import Analyzer
    from resume_analyzer.settings import AnalysisSettings

    for path, hint in ((file, "FILE"), (job, "--job"), (taxonomy_file, "--taxonomy")):
        if path is not None and not path.exists():
            raise click.BadParameter(f"{path} does not exist.", param_hint=hint)
    settings = AnalysisSettings(use_model=not no_model, budget=budget())
    analyzer = Analyzer(taxonomy=taxonomy_file, settings=settings)
    try:
        result = analyzer.analyze(file, job_description=job)
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None
    if output_format == "json":
        _print_json(result.to_dict())
    elif output_format == "markdown":
        from resume_analyzer.report import to_markdown

        click.echo(to_markdown(result), nl=False)
    else:
        from resume_analyzer.report import to_text

        click.echo(to_text(result, colour=sys.stdout.isatty()), nl=False)
    _finished()
    if fail_under is not None and round(result.score) < fail_under:
        sys.exit(ExitCode.BELOW_THRESHOLD)


@main.group()
def taxonomy() -> None:
    """Inspect and validate skills taxonomies (the APM competency model)."""


@taxonomy.command("check")
@click.argument("file", required=False, type=click.Path(path_type=Path))
def taxonomy_check(file: Path | None) -> None:
    """Validate FILE (default: the built-in skills_taxonomy.yaml).

    Exit 0 when valid; 1 with one line per problem, each naming its YAML path and line.
    """
    from resume_analyzer.taxonomy import load_taxonomy

    try:
        loaded = load_taxonomy(file)
    except ResumeAnalyzerError as error:
        problems = getattr(error, "problems", ())
        if problems:
            click.echo(f"{file or 'The built-in taxonomy'} is not valid:", err=True)
            for problem in problems:
                click.echo(f"  {problem}", err=True)
            sys.exit(ExitCode.DOCUMENT_ERROR)
        raise DocumentFailure(error.message) from None
    areas = ", ".join(f"{area.id} ({area.weight:g})" for area in loaded.areas)
    click.echo(
        f"{loaded.source}: valid. {loaded.name} {loaded.version}: {len(loaded.areas)} areas, "
        f"{len(loaded.skills)} skills.\nAreas and weights: {areas}"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where the rows go (default: batch-results.jsonl, .csv or .json by --format).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "jsonl", "json"]),
    help="jsonl (default, or from --output's extension): a row per line, written as it goes; "
    "csv/json: derived at the end, with the journal kept beside as OUTPUT.jsonl.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    help="Worker processes (default: this machine's cores; 0: score in this process).",
)
@job_option
@taxonomy_option
@click.option(
    "--resume",
    is_flag=True,
    help="Keep the rows already in the output and skip those inputs (matched by path and "
    "content hash: a file edited since is scored again).",
)
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the cohort report (HTML + CSV) and one report per student into this folder.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on an existing Dask cluster (tcp://HOST:PORT) instead of local processes.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option(
    "--no-model",
    is_flag=True,
    help="Use the taxonomy's rules only, without the learned competency model.",
)
def batch(
    paths: tuple[Path, ...],
    output: Path | None,
    output_format: str | None,
    workers: int | None,
    job: Path | None,
    taxonomy_file: Path | None,
    resume: bool,
    report_dir: Path | None,
    scheduler: str | None,
    quiet: bool,
    no_model: bool,
) -> None:
    """Score every resume in PATHS (files, folders, .zip archives): one row per input.

    Rows are written as they complete, so a killed run loses only the files in flight;
    run it again with --resume to finish. Exit codes: 0 every input in the output scored;
    3 some could not be read (their rows say why); 1 the batch itself could not run;
    2 usage error.
    """
    from resume_analyzer.analyzer import Analyzer
    from resume_analyzer.batch.console import progress_bar, resolve_output, summary_line
    from resume_analyzer.batch.session import batch_files, own_files
    from resume_analyzer.settings import AnalysisSettings

    for path, hint in ((job, "--job"), (taxonomy_file, "--taxonomy")):
        if path is not None and not path.exists():
            raise click.BadParameter(f"{path} does not exist.", param_hint=hint)
    output, output_format = resolve_output(output, output_format)
    try:
        each = budget()
        job_text = Analyzer(settings=AnalysisSettings(budget=each)).read_job(job)
        show = not quiet and sys.stderr.isatty()
        mine = own_files(output, output_format, report_dir)
        with progress_bar(paths, enabled=show, exclude=mine) as bar:
            summary = batch_files(
                list(paths),
                output=output,
                output_format=output_format,
                workers=workers if workers is not None else _cores(),
                scheduler=scheduler,
                job_text=job_text,
                taxonomy_path=taxonomy_file,
                use_model=not no_model,
                resume=resume,
                report_dir=report_dir,
                progress=bar,
                budget=each,
            )
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None
    except OSError as error:
        raise DocumentFailure(f"{error.filename or 'output'}: {error.strerror or error}") from None
    if not quiet:
        click.echo(summary_line(summary), err=True)
    if not summary.ok:
        sys.exit(ExitCode.SOME_FAILED)


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=5000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port, shown at start).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes, each with its own warm copy of the app (~400 MiB each; "
    "default: this machine's cores). Analysis is CPU-bound: throughput comes from workers.",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Threads per worker: a quick request is answered beside a long analysis.",
)
@click.option(
    "--connection-limit",
    default=1000,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Open connections per worker, idle ones included; beyond it, new ones wait.",
)
@click.option(
    "--channel-timeout",
    default=30,
    show_default=True,
    type=click.IntRange(1, 3600),
    metavar="SECONDS",
    help="Close a connection that has sent nothing for this long.",
)
@click.option(
    "--trusted-proxy",
    metavar="ADDRESS",
    help="A reverse proxy in front (e.g. 127.0.0.1): believe its X-Forwarded-For and "
    "-Proto headers, and require the coach login as on a public address.",
)
@click.option("--no-model", is_flag=True, help="Rules only, without the learned area model.")
@click.option(
    "--taxonomy",
    "taxonomy_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Your own skills taxonomy YAML instead of the built-in one.",
)
def serve(
    host: str,
    port: int,
    workers: int | None,
    threads: int,
    connection_limit: int,
    channel_timeout: int,
    trusted_proxy: str | None,
    no_model: bool,
    taxonomy_file: Path | None,
) -> None:
    """Run the web app: gunicorn runs the worker processes, waitress serves in each.

    The app is loaded and warmed once, then forked. A worker that dies is replaced; SIGTERM
    or Ctrl+C stops them all, letting requests in progress finish. Idle connections hold no
    thread. For a public deployment, put a reverse proxy in front: docs/deployment.md.

    Beyond loopback (or with --trusted-proxy), the coach area needs a login: set
    RESUME_ANALYZER_COACH_USER and RESUME_ANALYZER_COACH_PASSWORD_HASH (from
    `resume-analyzer hash-password`).
    """
    import logging
    import os

    from resume_analyzer.extras import requires_extra

    public = host not in LOOPBACK or trusted_proxy is not None
    try:
        with requires_extra("web"):
            from resume_analyzer.web import create_app, serving
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None
    if hasattr(os, "fork"):
        try:
            serving.check_address(host, port)
        except OSError as error:
            shown = f"[{host}]" if ":" in host else host
            raise click.ClickException(
                f"Cannot listen on {shown}:{port}: {error.strerror or error}. "
                "Is another server running there? Choose another --port."
            ) from None
    try:
        app = create_app(
            {
                "PUBLIC": public,
                "USE_MODEL": not no_model,
                "TAXONOMY": str(taxonomy_file) if taxonomy_file else None,
                "WARM_UP": True,
                "PRELOAD": hasattr(os, "fork"),  # built once here, then forked into workers
                "PARSE_WORKERS": threads,  # a slow upload holds one, not the others' too
            }
        )
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None
    # The servers log their own messages (never request bodies); not debug noise.
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if public and not (app.config["COACH_USER"] and app.config["COACH_PASSWORD_HASH"]):
        click.echo(
            "Public (beyond loopback or behind a proxy) without coach credentials: the coach "
            "area is closed. Set RESUME_ANALYZER_COACH_USER and "
            "RESUME_ANALYZER_COACH_PASSWORD_HASH to open it.",
            err=True,
        )

    def ready(url: str) -> None:
        click.echo(f"resume-analyzer {__version__} on {url} (Ctrl+C to stop)")

    if not hasattr(os, "fork"):  # Windows: one waitress process, no supervisor
        from waitress import serve as waitress_serve

        ready(f"http://{host}:{port}/")
        waitress_serve(app, host=host, port=port, threads=threads, ident="resume-analyzer")
        return

    settings = serving.ServerSettings(
        host=host,
        port=port,
        workers=workers or _cores(),
        threads=threads,
        connection_limit=connection_limit,
        channel_timeout=channel_timeout,
        trusted_proxy=trusted_proxy,
    )
    serving.serve(app, settings, ready=ready)


@main.command("hash-password")
@click.password_option(prompt="Coach password", help="The password to hash (prompted).")
def hash_password(password: str) -> None:
    """Print a hash of the coach password for RESUME_ANALYZER_COACH_PASSWORD_HASH."""
    from resume_analyzer.extras import requires_extra

    try:
        with requires_extra("web"):
            from werkzeug.security import generate_password_hash
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None
    click.echo(generate_password_hash(password))
