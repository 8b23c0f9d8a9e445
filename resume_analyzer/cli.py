"""The `resume-analyzer` command: a thin door onto the library.

Exit codes are a contract: 0 success, 1 a document error (one `Error: …` line on stderr, no
traceback), 2 a usage error (click's own).
"""

from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import Any

import click

from resume_analyzer import __version__
from resume_analyzer.document import Resume
from resume_analyzer.errors import ResumeAnalyzerError


class ExitCode(IntEnum):
    OK = 0
    DOCUMENT_ERROR = 1
    USAGE = 2
    BELOW_THRESHOLD = 3


class DocumentFailure(click.ClickException):
    """A library error shown as one `Error: …` line, exit code 1."""

    exit_code = ExitCode.DOCUMENT_ERROR


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resume-analyzer")
def main() -> None:
    """Analyze resumes for Associate Product Manager roles, locally and deterministically."""


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


def _parse(file: Path) -> Resume:
    from resume_analyzer.parsing import parse_resume

    if not file.exists():
        raise click.BadParameter(f"{file} does not exist.", param_hint="FILE")
    try:
        return parse_resume(file)
    except ResumeAnalyzerError as error:
        raise DocumentFailure(error.message) from None


def _print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--job",
    "job",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A job posting (PDF, DOCX or TXT) to match the resume against.",
)
@click.option(
    "--taxonomy",
    "taxonomy_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your own skills taxonomy YAML instead of the built-in one.",
)
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
    from resume_analyzer.analyze import analyze as run_analysis
    from resume_analyzer.settings import AnalysisSettings

    for path, hint in ((file, "FILE"), (job, "--job"), (taxonomy_file, "--taxonomy")):
        if path is not None and not path.exists():
            raise click.BadParameter(f"{path} does not exist.", param_hint=hint)
    try:
        result = run_analysis(
            file,
            taxonomy=taxonomy_file,
            job_description=job,
            settings=AnalysisSettings(use_model=not no_model),
        )
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
