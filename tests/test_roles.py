"""Does the resume read as product management, or as a role often confused with it?"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import resumes as r

from resume_analyzer import Analysis, Analyzer, analyze
from resume_analyzer.scoring.result import Component
from resume_analyzer.settings import AnalysisSettings

PROJECT_MANAGER = r.Spec(
    experience=(
        r.Role(
            "Project Coordinator",
            "Initech",
            "Jan 2022 – Dec 2023",
            (
                "Tracked milestones and deliverables against the project plan for a warehouse move",
                "Kept the budget and timeline for 3 vendors on track with weekly status reports",
                "Ran the risk register and the change requests for a 12-month project schedule",
                "Built the Gantt chart and resource allocation for 20 contractors",
            ),
        ),
    ),
    skills=("MS Project, Excel",),
)
ENGINEER = r.Spec(
    experience=(
        r.Role(
            "Backend Engineer",
            "Initech",
            "Jan 2022 – Dec 2023",
            (
                "Implemented 14 endpoints in the payments backend and deployed them with Docker",
                "Refactored the codebase and raised test coverage from 40% to 85% with unit tests",
                "Debugged latency in microservices and cut p95 latency by 30%",
                "Migrated the deployment to Kubernetes with CI/CD and fixed bugs in code reviews",
            ),
        ),
    ),
)
NO_PRODUCT = r.Spec(
    experience=(
        r.Role(
            "Line Cook",
            "Bistro Example",
            "Jan 2022 – Dec 2023",
            (
                "Prepared 200 plates a night on the grill station with two other cooks",
                "Kept the walk-in cooler stocked and rotated for a 90-seat restaurant",
            ),
        ),
    ),
    skills=("Knife skills, food safety",),
)


@pytest.mark.parametrize(
    ("spec", "reads_as"),
    [
        pytest.param(r.APM, "product_management", id="apm"),
        pytest.param(PROJECT_MANAGER, "project_management", id="project-manager"),
        pytest.param(ENGINEER, "engineering", id="engineer"),
        pytest.param(NO_PRODUCT, "unclear", id="line-cook"),
    ],
)
def test_role_reading(spec: r.Spec, reads_as: str) -> None:
    analysis = analyze(
        r.to_text(spec).encode(), filename="r.md", settings=AnalysisSettings(use_model=False)
    )
    assert analysis.role.reads_as == reads_as, analysis.role.signals
    assert analysis.role.message


# Lines a campaign-heavy PM writes: marketing terms, few product skills. Under engineering or
# marketing titles the resume reads as marketing; under product titles as product work.
def _campaign_lines(title: str) -> r.Spec:
    return r.Spec(
        experience=tuple(
            r.Role(
                title,
                company,
                dates,
                (
                    "Launched 3 campaigns with SEO and social media for a 40,000-user app",
                    "Ran campaigns on brand awareness that grew signups 25% in a quarter",
                    "Wrote the PRD for the referral feature from 12 user interviews",
                ),
            )
            for company, dates in (
                ("Initech", "Jan 2023 – Dec 2024"),
                ("Globex", "Jan 2021 – Dec 2022"),
            )
        ),
    )


def _read(spec: r.Spec, discount: float | None = None) -> Analysis:
    taxonomy = None
    if discount is not None:
        builtin = Analyzer().taxonomy
        scoring = replace(builtin.scoring, role_discount=discount)
        taxonomy = replace(builtin, scoring=scoring)
    analyzer = Analyzer(taxonomy=taxonomy, settings=AnalysisSettings(use_model=False))
    return analyzer.analyze(r.to_text(spec).encode(), filename="r.md")


@pytest.mark.parametrize(
    ("title", "reads_as"),
    [
        ("Product Manager", "product_management"),
        ("Associate Product Manager", "product_management"),
        ("Marketing Coordinator", "marketing"),
        # "Product Marketing Manager" is a marketing title, not a product one.
        ("Product Marketing Manager", "marketing"),
    ],
)
def test_job_titles_are_signals(title: str, reads_as: str) -> None:
    role = _read(_campaign_lines(title)).role
    assert role.reads_as == reads_as, role.signals


def test_the_reading_says_what_would_change_it_and_the_builtin_does_not_discount() -> None:
    analysis = _read(ENGINEER)
    role = analysis.role
    assert role.reads_as == "engineering"
    assert re.search(r"About \d+ more product skill", role.message)
    assert "from job titles" in role.message  # "Backend Engineer" counted
    # Cross-validation chose no discount for the built-in taxonomy (docs/scoring.md).
    assert role.discount == 0
    assert "counts" not in role.message
    assert _coverage(analysis).score == pytest.approx(_undiscounted(analysis))


def test_a_taxonomy_with_a_role_discount_takes_it_off_coverage() -> None:
    analysis = _read(ENGINEER, discount=0.1)
    role = analysis.role
    assert role.discount == pytest.approx(0.1)
    assert "Competency coverage counts 10% less" in role.message
    assert _coverage(analysis).details["role_discount"] == pytest.approx(0.1)
    assert _coverage(analysis).score == pytest.approx(_undiscounted(analysis) * 0.9)
    assert analysis.to_dict()["role"]["discount"] == pytest.approx(0.1)
    plain = _read(ENGINEER)
    assert analysis.score < plain.score


@pytest.mark.parametrize("spec", [r.APM, NO_PRODUCT], ids=["apm", "line-cook"])
def test_product_and_unclear_readings_are_not_discounted(spec: r.Spec) -> None:
    analysis = _read(spec, discount=0.3)
    assert analysis.role.discount == 0
    assert _coverage(analysis).score == pytest.approx(_undiscounted(analysis))


def _coverage(analysis: Analysis) -> Component:
    return next(c for c in analysis.components if c.id == "competencies")


def _undiscounted(analysis: Analysis) -> float:
    return sum(c.score * c.weight for c in analysis.competencies)
