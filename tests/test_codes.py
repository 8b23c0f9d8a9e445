"""The finding-code registry: docs/scoring.md lists exactly its codes with their points, every
code has a code path that emits it, and a code the registry does not know gets one rule.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from resume_analyzer import codes
from resume_analyzer.codes import ALL, Codes, FindingCode, Kind, UnknownCodeError
from resume_analyzer.nlp.evidence import OVERUSE
from resume_analyzer.nlp.impact import MAX_WORDS, MIN_WORDS, Finding, Impact
from resume_analyzer.scoring import feedback
from resume_analyzer.scoring.bullets import bullet_quality, penalty
from resume_analyzer.scoring.presentation import CHECKS
from resume_analyzer.scoring.result import BulletResult

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "scoring.md"
# Each generated block in the docs: <!-- codes: KIND… --> table <!-- /codes -->
BLOCK = re.compile(r"<!-- codes: ([a-z ]+) -->\n(.*?)<!-- /codes -->", re.S)


def _points_off(code: FindingCode) -> str:
    if code.penalty is None:
        return "—"
    if code.penalty.each == code.penalty.cap:
        return f"−{code.penalty.each}"
    return f"−{code.penalty.each} each, at most −{code.penalty.cap}"


def render(kinds: tuple[Kind, ...]) -> str:
    """The docs table for codes of these kinds, in registry order."""
    rows = [code for code in ALL if code.kind in kinds]
    if kinds == ("bullet",):
        head = "| code | what it means | how to fix it | points off |\n|---|---|---|---:|\n"
        body = [f"| `{c.code}` | {c.meaning} | {c.fix} | {_points_off(c)} |" for c in rows]
    elif kinds == ("presentation",):
        head = "| check | points | code | how to fix it |\n|---|---:|---|---|\n"
        body = [f"| {c.meaning} | {c.points} | `{c.code}` | {c.fix} |" for c in rows]
    else:
        head = "| code | what it means | how to fix it |\n|---|---|---|\n"
        body = [f"| `{c.code}` | {c.meaning} | {c.fix} |" for c in rows]
    return head + "\n".join(body) + "\n"


def _blocks() -> dict[tuple[str, ...], str]:
    text = DOCS.read_text(encoding="utf-8")
    return {tuple(kinds.split()): table for kinds, table in BLOCK.findall(text)}


def test_docs_list_exactly_the_registry() -> None:
    listed = [
        row.split("`")[1]
        for table in _blocks().values()
        for row in table.splitlines()
        if row.count("`") >= 2
    ]
    registry = [code.code for code in ALL]
    assert len(listed) == len(set(listed)), "a code is listed twice"
    assert set(listed) - set(registry) == set(), "listed in the docs, not in codes.py"
    assert set(registry) - set(listed) == set(), "in codes.py, missing from the docs"


@pytest.mark.parametrize(
    "kinds", [("bullet",), ("presentation",), ("competency", "summary", "job")]
)
def test_docs_tables_match_the_registry(kinds: tuple[Kind, ...]) -> None:
    """Meanings, fixes, penalties and points as the registry says. To update the docs, paste
    the expected table from the failure."""
    assert _blocks().get(kinds) == render(kinds)


def test_docs_severity_matches_feedback() -> None:
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"Severity: high from (\d+) points, medium from (\d+), low below", text)
    assert found, "docs/scoring.md no longer states the severity thresholds"
    high, medium = (float(n) for n in found.groups())
    assert feedback.severity(high) == "high"
    assert feedback.severity(high - 0.01) == "medium"
    assert feedback.severity(medium) == "medium"
    assert feedback.severity(medium - 0.01) == "low"


def test_thresholds_in_meanings_match_the_code() -> None:
    assert f"under {MIN_WORDS} words" == Codes.TOO_SHORT.meaning
    assert f"over {MAX_WORDS} words" == Codes.TOO_LONG.meaning
    assert OVERUSE == 4 and "four or more" in Codes.VERB_OVERUSED.meaning


def test_presentation_points_add_up_to_100() -> None:
    assert sum(code.points or 0 for code in CHECKS.values()) == 100
    presentation = {code for code in ALL if code.kind == "presentation"}
    assert set(CHECKS.values()) == presentation
    assert all(code.points is None for code in ALL if code.kind != "presentation")


def test_codes_are_unique_snake_case_and_named_by_their_attribute() -> None:
    names = {name: value for name, value in vars(Codes).items() if not name.startswith("_")}
    assert len({code.code for code in ALL}) == len(ALL) == len(names)
    for name, code in names.items():
        assert code.code == name.lower()
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", code.code)


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


def test_every_template_formats() -> None:
    for code in ALL:
        for template in (code.message, *code.variants.values()):
            values = {name.split(":")[0]: 1 for name in _fields(template)}
            assert "{" not in template.format(**values), code.code


# ------------------------------------------------------------------ every code is emitted


def _registry_references() -> dict[str, set[str]]:
    """Codes.X attribute names used in each package module outside the registry."""
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "resume_analyzer").rglob("*.py")):
        if path.name == "codes.py" and path.parent.name == "resume_analyzer":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "Codes"
            ):
                used.setdefault(node.attr, set()).add(str(path.relative_to(ROOT)))
    return used


def test_every_code_has_a_code_path_that_emits_it() -> None:
    """No code is reserved: each is used outside the registry (bullet codes are also emitted
    for real by the table in test_impact.py; presentation codes through `CHECKS`)."""
    used = _registry_references()
    unused = [name for name in vars(Codes) if not name.startswith("_") and name not in used]
    assert unused == []


def test_no_code_is_spelled_as_a_string_outside_the_registry() -> None:
    registry = {code.code for code in ALL}
    # POINTS["weak_verb"] is the points a weak verb earns, not the finding.
    allowed = {("resume_analyzer/scoring/bullets.py", "weak_verb")}
    spelled = set()
    for folder in ("resume_analyzer", "web"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = str(path.relative_to(ROOT))
            if where == "resume_analyzer/codes.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in registry:
                    spelled.add((where, node.value))
    assert spelled - allowed == set()


# ------------------------------------------------------------------ unknown codes: one rule


def test_lookup_finds_a_code_and_names_the_known_ones_for_an_unknown() -> None:
    assert codes.lookup("no_metric") is Codes.NO_METRIC
    with pytest.raises(KeyError) as error:
        codes.lookup("no_metrics")
    assert isinstance(error.value, UnknownCodeError)
    assert "No finding code 'no_metrics'" in str(error.value)
    assert "no_metric," in str(error.value)


def _impact(*findings: Finding) -> Impact:
    return Impact(
        verb="Launched",
        verb_lemma="launch",
        verb_tier="strong",
        verb_span=(0, 8),
        tense="past",
        metrics=(),
        outcome=False,
        scope=False,
        words=12,
        findings=findings,
    )


def _bullet(impact: Impact) -> BulletResult:
    quality = bullet_quality(impact)
    return BulletResult(
        "Launched a thing",
        "experience",
        1,
        3,
        quality,
        "weak",
        impact.findings,
        None,
        (),
        (),
        None,
        (),
    )


def test_an_unknown_code_ranks_last_costs_nothing_and_never_crashes_feedback() -> None:
    """A finding added without a registry entry: scored and ranked, after every known code."""
    known = Finding.of(Codes.NO_METRIC)
    strays = (Finding("zz_new_check", "A new check."), Finding("aa_new_check", "Another."))
    impact = _impact(strays[0], known, strays[1])
    assert penalty([f.code for f in impact.findings]) == 0
    assert bullet_quality(impact) == bullet_quality(_impact(known))
    [item] = feedback.bullet_items([(_bullet(impact), impact)], weight=0.35, thin=1.0)
    assert item.code == "no_metric"
    assert item.message.endswith(" Also: aa new check, zz new check.")
    # Only unknown codes: the first alphabetically names the item, as with any sort.
    only = _impact(*strays)
    [item] = feedback.bullet_items([(_bullet(only), only)], weight=0.35, thin=1.0)
    assert item.code == "aa_new_check"
    assert item.message == "Another. Also: zz new check."
