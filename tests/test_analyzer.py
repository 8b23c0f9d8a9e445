"""The `Analyzer`: one warm object every door holds, safe to share between threads, honest
about what it could load; and the compiled built-in taxonomy it starts from."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from resumes import APM, to_docx, to_pdf, to_text

from resume_analyzer import AnalysisSettings, Analyzer, analyze, default_analyzer
from resume_analyzer.errors import AreaModelError, JobDescriptionError, JobDescriptionTooLongError
from resume_analyzer.taxonomy import compiled as compiled_module
from resume_analyzer.taxonomy import load_taxonomy
from resume_analyzer.taxonomy.compiled import compiled_path, content_hash, model_id
from resume_analyzer.taxonomy.load import default_taxonomy_path

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
RULES = AnalysisSettings(use_model=False)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(settings=RULES).warm()


def _inputs() -> list[tuple[str, bytes]]:
    return [
        ("alex.pdf", to_pdf(replace(APM, name="Alex Example"))),
        ("blair.docx", to_docx(APM.with_bullet(0, 1, "Helped with various tasks"))),
        ("casey.md", to_text(replace(APM, name="Casey Example")).encode()),
    ]


def test_threads_sharing_one_analyzer_get_the_sequential_results(analyzer: Analyzer) -> None:
    inputs = _inputs()
    expected = {name: analyzer.analyze(data, filename=name).to_dict() for name, data in inputs}
    work = inputs * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(lambda item: (item[0], analyzer.analyze(item[1], filename=item[0])), work)
        )
    assert len(results) == len(work)
    for name, analysis in results:
        assert analysis.to_dict() == expected[name], name


def test_loading_from_many_threads_at_once_loads_once() -> None:
    fresh = Analyzer(settings=RULES)
    with ThreadPoolExecutor(max_workers=8) as pool:
        matchers = list(pool.map(lambda _: fresh.matcher, range(8)))
    assert all(matcher is matchers[0] for matcher in matchers)


def test_analyze_is_a_thin_function_over_a_default_analyzer(analyzer: Analyzer) -> None:
    assert default_analyzer(settings=RULES) is default_analyzer(settings=RULES)
    assert default_analyzer(settings=RULES) is not default_analyzer()
    name, data = _inputs()[0]
    assert (
        analyze(data, filename=name, settings=RULES).to_dict()
        == analyzer.analyze(data, filename=name).to_dict()
    )


def test_warm_loads_everything_before_the_first_resume() -> None:
    warmed = Analyzer(settings=RULES).warm()
    assert warmed._matcher is not None and warmed._nlp is not None
    assert "rules-only" in repr(warmed)


def test_a_model_that_cannot_load_is_said_in_the_output(tmp_path: Path) -> None:
    settings = AnalysisSettings(model_path=tmp_path / "missing_model.npz")
    degraded = Analyzer(settings=settings)
    name, data = _inputs()[0]
    result = degraded.analyze(data, filename=name).to_dict()
    assert result["model"] == "rules-only"
    assert [w["code"] for w in result["warnings"]][-1] == "rules_only"
    assert degraded.model_mode == "rules-only"


def test_a_required_model_that_cannot_load_is_an_error(tmp_path: Path) -> None:
    settings = AnalysisSettings(model_path=tmp_path / "missing_model.npz", require_model=True)
    with pytest.raises(AreaModelError) as raised:
        Analyzer(settings=settings).warm()
    assert raised.value.code == "area_model_unavailable"


def test_rules_only_by_request_adds_no_model_key(analyzer: Analyzer) -> None:
    name, data = _inputs()[0]
    result = analyzer.analyze(data, filename=name).to_dict()
    assert "model" not in result
    assert "rules_only" not in [w["code"] for w in result["warnings"]]


def test_an_edited_taxonomy_file_is_picked_up_by_a_live_analyzer(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yaml"
    shutil.copyfile(default_taxonomy_path(), path)
    live = Analyzer(taxonomy=path, settings=RULES)
    line = "Ran three zorblax sessions with 12 users to learn why they churned in March"
    text = to_text(APM.with_bullet(0, 0, line))
    before = live.analyze(text.encode(), filename="r.md")
    assert "zorblax" not in _skill_texts(before.to_dict())
    original = path.read_text(encoding="utf-8")
    edited = original.replace(
        "      - name: User interviews\n",
        "      - name: Zorblax\n        kind: method\n      - name: User interviews\n",
        1,
    )
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    after = live.analyze(text.encode(), filename="r.md")
    assert live.matcher.taxonomy is live.taxonomy
    assert "zorblax" in _skill_texts(after.to_dict())


def _skill_texts(result: dict[str, Any]) -> list[str]:
    return [skill["name"].lower() for line in result["resume"]["lines"] for skill in line["skills"]]


# ---------------------------------------------------------------------------- job postings


@pytest.mark.parametrize(
    ("source", "error"),
    [("   \n ", JobDescriptionError), ("x" * 100_001, JobDescriptionTooLongError)],
)
def test_one_posting_reader_refuses_empty_and_overlong(
    analyzer: Analyzer, source: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        analyzer.read_job(source)


def test_a_posting_reads_the_same_from_text_path_and_bytes(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    text = "Associate Product Manager\n\nRequirements:\n- SQL and A/B testing\n- Write PRDs"
    path = tmp_path / "posting.txt"
    path.write_text(text, encoding="utf-8")
    assert analyzer.read_job(text) == text  # pasted text is taken as it is
    from_file = analyzer.read_job(path)
    assert from_file is not None and "Write PRDs" in from_file
    assert analyzer.read_job(text.encode(), filename="posting.txt") == from_file
    assert analyzer.read_job(None) is None


# ---------------------------------------------------------------------- compiled taxonomy


def test_the_compiled_taxonomy_is_current(nlp: Language) -> None:
    """Fails after an edit of skills_taxonomy.yaml: run `make taxonomy`."""
    compiled = compiled_module._compiled()
    assert compiled is not None, f"{compiled_path()} is missing or unreadable"
    text = default_taxonomy_path().read_text(encoding="utf-8")
    assert compiled["sha256"] == content_hash(text.encode("utf-8")), "run `make taxonomy`"
    assert compiled["lemmas"]["model"] == model_id(nlp), "run `make taxonomy`"


def test_the_compiled_taxonomy_equals_the_validated_file(tmp_path: Path) -> None:
    copy = tmp_path / "skills_taxonomy.yaml"
    # One more comment line: another hash, so this copy is validated from scratch.
    copy.write_text(
        default_taxonomy_path().read_text(encoding="utf-8") + "\n# a copy\n", encoding="utf-8"
    )
    shipped, validated = load_taxonomy(), load_taxonomy(copy)
    assert shipped.areas == validated.areas
    assert shipped.lexicons == validated.lexicons
    assert shipped.scoring == validated.scoring
    assert shipped.related_roles == validated.related_roles


LINES = [
    "Interviewed 18 customers and turned the findings into a prioritized backlog",
    "Wrote PRDs and user stories; ran A/B tests with SQL and Amplitude",
    "Led sprint planning with engineering and design on the roadmap",
    "Python, Go, Excel, Tableau, Jira, Figma",
    "Defined OKRs and success metrics for the onboarding funnel",
    "Conducted user interviews and usability tests with 12 participants",
]


def test_matchers_from_compiled_lemmas_find_what_fresh_ones_find(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resume_analyzer.nlp.skills import SkillMatcher, lemma_norms

    taxonomy = load_taxonomy()
    shipped = SkillMatcher(taxonomy, nlp)
    monkeypatch.setattr(compiled_module, "known_lemmas", lambda _nlp: {})
    fresh = SkillMatcher(taxonomy, nlp)
    for line in LINES:
        doc = lemma_norms(nlp(line))
        assert shipped.find(doc) == fresh.find(doc), line
        assert shipped.find(doc, listed=True) == fresh.find(doc, listed=True), line


# ------------------------------------------------------------------------------- doors

PUBLIC = {
    "resume_analyzer",
    "resume_analyzer.errors",
    "resume_analyzer.batch",
    "resume_analyzer.report",
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "resume_analyzer"}


@pytest.mark.parametrize("module", sorted((ROOT / "web").glob("*.py")), ids=lambda p: p.name)
def test_the_web_app_imports_only_the_public_api(module: Path) -> None:
    assert _imports(module) <= PUBLIC, f"{module.name} reaches into the library's internals"


def test_the_web_app_holds_one_analyzer(tmp_path: Path) -> None:
    from resume_analyzer.web import create_app

    app = create_app(
        {
            "TESTING": True,
            "USE_MODEL": False,
            "SECRET_KEY": "x",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    held: Any = app.extensions["resume_analyzer"]
    assert isinstance(held, Analyzer)
    assert held.settings.use_model is False
    app.extensions["resume_analyzer_db"].dispose()


def test_importing_every_module_leaves_analyze_a_function() -> None:
    """A submodule named like a public function replaces it when imported first, so a
    fresh process imports every submodule before it touches the public names."""
    script = (
        "import importlib, inspect, pkgutil, sys\n"
        "import resume_analyzer as ra\n"
        "for m in pkgutil.walk_packages(ra.__path__, 'resume_analyzer.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [n for n in ra.__all__ if inspect.ismodule(getattr(ra, n))]\n"
        "sys.exit(str(bad) if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def _glue(line: str) -> str:
    """A line as a PDF with no space characters gives it to the clipboard."""
    return line.replace(" ", "")


def test_text_whose_words_run_together_is_refused_with_a_way_out(analyzer: Analyzer) -> None:
    from resume_analyzer.errors import WordsRunTogetherError

    spec = replace(
        APM,
        experience=tuple(
            replace(role, bullets=tuple(_glue(b) for b in role.bullets)) for role in APM.experience
        ),
    )
    with pytest.raises(WordsRunTogetherError) as caught:
        analyzer.analyze(to_text(spec).encode(), filename="resume.txt")
    assert caught.value.code == "words_run_together"
    assert "Upload the PDF itself" in caught.value.message


def test_a_few_long_compound_words_are_not_refused(analyzer: Analyzer) -> None:
    role = APM.experience[0]
    glued = (_glue(role.bullets[0]), *role.bullets[1:])
    spec = replace(APM, experience=(replace(role, bullets=glued), *APM.experience[1:]))
    assert analyzer.analyze(to_text(spec).encode(), filename="resume.txt").score > 0
