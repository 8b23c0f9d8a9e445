"""`python -m resume_analyzer` runs the CLI."""

from resume_analyzer.cli import run

run()
