"""Does the resume read as product management, or as a role often confused with it?"""

from __future__ import annotations

import pytest
import resumes as r

from resume_analyzer import analyze
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
