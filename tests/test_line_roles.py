"""Every line of a section gets a role; only achievements are judged for impact."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
import resumes as r
from builders import BOLD, LEFT, RIGHT, Column, Sheet, _canvas, _finish

from resume_analyzer import analyze
from resume_analyzer.document import ROLES, Section
from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.roles import line_role

ROOT = Path(__file__).resolve().parent.parent

# (line, section kind, marker, expected role)
CASES = [
    # Achievements, including the shapes that look like something else at first sight.
    ("Led a team of 4 to launch onboarding, activation +12%", "experience", "•", "achievement"),
    ("Built MVP", "projects", "•", "achievement"),
    ("Led Product Discovery For The Checkout Redesign", "experience", "•", "achievement"),
    ("Managed client accounts", "experience", None, "achievement"),
    ("Impact: cut churn 8% by rebuilding the renewal emails", "experience", "•", "achievement"),
    ("Designed wireframes, screen flows, mockups, prototypes", "experience", "•", "achievement"),
    ("™ Established discovery sessions, personas, JTBD", "experience", None, "achievement"),
    ("Own the roadmap for checkout across web and iOS", "experience", "•", "achievement"),
    # Headers the entry finder missed.
    ("Senior Software Engineer", "experience", None, "header"),
    ("Acme Analytics Inc.", "experience", None, "header"),
    ("Walmart as Software Developer Intern", "experience", None, "header"),
    ("Wipro as machine learning engineer", "experience", None, "header"),
    ("Snapdeck - Real-time multiplayer card game | React · Node", "projects", "•", "header"),
    ("Stockholm, Sweden", "experience", None, "header"),
    ("Business Background: Acme is the largest seller of anvils", "experience", None, "header"),
    ("Acme is a B2B fintech building payment rails for small shops.", "experience", None, "header"),
    ("Payfi was a fintech platform providing BNPL loans.", "experience", "•", "header"),
    ("An early-stage startup that runs career trips for schools.", "experience", None, "header"),
    ("Acme (part of Globex) aims to make anvils safer.", "experience", None, "header"),
    ("Built a platform that serves 40 schools, cutting cost 9%", "experience", None, "achievement"),
    # Lists, labels, furniture, fragments.
    ("Python, SQL, Tableau, Figma", "experience", "•", "list"),
    ("Good knowledge of SQL Server.", "experience", "•", "list"),
    ("Self-directed", "experience", None, "list"),
    ("Deadline-oriented", "experience", "•", "list"),
    ("Tech: React, Node.js, PostgreSQL", "projects", "•", "label"),
    ("Notable clients: Globex, Initech, Umbrella.", "experience", None, "label"),
    ("Focus: B2B payments", "projects", None, "label"),
    ("2/2", "experience", None, "furniture"),
    ("Page 1 of 2", "projects", None, "furniture"),
    ("^ Back to Top", "experience", None, "furniture"),
    ("References available upon request", "experience", None, "furniture"),
    ("•", "experience", None, "fragment"),
    ("and the payments squad, cutting drop-off 12%", "experience", None, "fragment"),
    ("the onboarding flow for new accounts", "experience", "•", "achievement"),
    ("(Part of Globex, formerly Initech)", "experience", None, "fragment"),
    ("Philia: A Slack bot for empathy checks in team chats.", "projects", "•", "header"),
    ("Snapchat: Chat room web app that flags insults", "projects", None, "header"),
    ("Checkout: Rebuilt the app's payment flow for 3 markets", "projects", "•", "achievement"),
    ("Result: Revenue grew 20% after the new pricing page", "experience", "•", "achievement"),
    ("Strong problem solver with a record of shipping data tools.", "experience", "•", "text"),
    ("I believe every student can learn to code.", "experience", None, "text"),
    ("I led the move to weekly releases for 3 teams.", "experience", "•", "achievement"),
    ("Strong partnerships with 12 suppliers cut costs 8%", "experience", "•", "achievement"),
    ("Key initiatives:", "experience", "•", "label"),
    ("This position sits within the design team and covers print work.", "experience", "•", "text"),
    ("This included scheduling, room set-up and facilitation.", "experience", None, "text"),
    ("The team owns checkout, so I led its roadmap for 2 years", "experience", "•", "achievement"),
    # The employer in the third person, a roll of memberships, two lists glued together.
    (
        "GLOBEX provides consulting and enterprise software for retailers, with maintenance "
        "and support across twelve countries through its subsidiaries",
        "experience",
        None,
        "header",
    ),
    (
        "Member of the Campus Advisory Committee Executive Member of the Welfare Board "
        "Member of the Greeters Department",
        "leadership",
        None,
        "list",
    ),
    (
        "Operating Systems: Windows 7, XP, Server 2012, Active Directory, SharePoint, VMware, "
        "Cisco Routers and Switches, Storage Solutions Data Center Market Data Systems: "
        "Bloomberg, Reuters, Excel, Access",
        "experience",
        None,
        "label",
    ),
    ("Globex provides the data; I built the 4 dashboards on it", "experience", "•", "achievement"),
    # A roll of memberships with commas, and a skill named among the bullets (audit round 20).
    (
        "Member, State Association of Information Systems Officers Member, Regional "
        "Association of Telecommunications Advisors Previous Board Member, City Credit Union",
        "experience",
        None,
        "list",
    ),
    ("Auditing proficiency", "experience", "•", "list"),
    ("Strong analytical skills.", "experience", "•", "list"),
    ("Built the reporting skills matrix for 40 analysts", "experience", "•", "achievement"),
    # Outside the sections that report work, prose is text.
    ("Product-minded engineer who ships with design and sales.", "summary", None, "text"),
    ("Won first place among 40 teams at the campus hackathon", "awards", "•", "text"),
    ("SQL, Python, Figma, Jira", "skills", None, "list"),
]


@pytest.mark.parametrize(("text", "kind", "marker", "role"), CASES)
def test_line_role(text: str, kind: str, marker: str | None, role: str) -> None:
    assert line_role(text, kind, marker=marker) == role  # type: ignore[arg-type]


NOISY = replace(
    r.APM,
    projects=(
        r.Role(
            "Campus Marketplace",
            "Hackathon project",
            "Sep 2021 – May 2022",
            (
                "Snapdeck - Real-time multiplayer card game | React · Node",
                "Led a team of 4 to build a student marketplace used by 1,200 students",
                "Tech: React, Node.js, PostgreSQL",
            ),
        ),
    ),
)
NOT_ACHIEVEMENTS = {
    "Snapdeck - Real-time multiplayer card game | React · Node": "header",
    "Tech: React, Node.js, PostgreSQL": "label",
}


@pytest.mark.parametrize("render", [r.to_pdf, r.to_docx, r.to_text], ids=["pdf", "docx", "text"])
def test_roles_in_every_format_and_only_achievements_judged(render: object) -> None:
    data = render(NOISY)  # type: ignore[operator]
    name = {r.to_pdf: "cv.pdf", r.to_docx: "cv.docx", r.to_text: "cv.md"}[render]  # type: ignore[index]
    source = data if isinstance(data, bytes) else data.encode()
    resume = parse_resume(source, filename=name)
    roles = {b.text: b.role for s in resume.sections for b in s.bullets}
    for text, role in NOT_ACHIEVEMENTS.items():
        assert roles[text] == role
    achievements = {
        b.text for s in resume.sections if s.kind == "projects" for b in s.bullets
    } - set(NOT_ACHIEVEMENTS)
    assert achievements == {NOISY.projects[0].bullets[1]}
    judged = {b.text for b in analyze(source, filename=name).bullets}
    assert not judged & set(NOT_ACHIEVEMENTS)
    assert NOISY.projects[0].bullets[1] in judged
    assert all(role in ROLES for role in roles.values())


def test_parse_json_carries_the_role() -> None:
    resume = parse_resume(r.to_pdf(NOISY), filename="cv.pdf")
    bullet = resume.sections[1].bullets[0].to_dict()
    assert bullet["role"] in ROLES


def experience_of(body: str) -> Section:
    """The Experience section of a pasted-text resume with this body under its heading."""
    text = f"Jordan Example\njordan@example.com\n\nEXPERIENCE\n{body}"
    experience = parse_resume(text.encode(), filename="cv.txt").section("experience")
    assert experience is not None
    return experience


def test_a_tail_split_off_by_a_gap_rejoins_its_bullet() -> None:
    text = (
        "Product Intern | Acme Corp | 2023 – 2024\n"
        "- Led the redesign of the checkout flow with the design team and\n\n"
        "the payments squad, cutting drop-off by 12%\n"
        "- Ran 6 A/B tests on the pricing page\n"
    )
    experience = experience_of(text)
    assert [b.text for b in experience.bullets] == [
        "Led the redesign of the checkout flow with the design team and the payments squad, "
        "cutting drop-off by 12%",
        "Ran 6 A/B tests on the pricing page",
    ]
    assert {b.role for b in experience.bullets} == {"achievement"}


def test_a_finished_sentence_is_not_joined_to_a_lower_case_line() -> None:
    text = (
        "Product Intern | Acme Corp | 2023 – 2024\n"
        "- Led the redesign of the checkout flow.\n\n"
        "iOS app shipped to 2,000 beta users\n"
    )
    experience = experience_of(text)
    assert len(experience.bullets) == 2


def test_the_labels_hold_hashes_not_text() -> None:
    labels = json.loads((ROOT / "evaluation" / "labels" / "roles.json").read_text())
    assert len(labels["lines"]) >= 300
    assert len(labels["sources"]) >= 30
    hexes = re.compile(r"^[0-9a-f]{64}$")
    assert all(hexes.match(s) for s in labels["sources"])
    for line in labels["lines"]:
        assert set(line) == {"source", "key", "loose", "role", "second"}
        assert hexes.match(line["key"]) and hexes.match(line["loose"])
        assert line["role"] in ROLES and line["second"] in ROLES


def test_a_statement_naming_a_year_is_not_a_job_header() -> None:
    text = (
        "Support Engineer | Acme Corp | 2010 – 2014\n"
        "Migrated 400 mailboxes from Exchange 2003 to Exchange 2010\n"
        "Upgraded 30 servers to Windows Server 2012 R2\n"
        "Help Desk Analyst | Initech | 2008 – 2010\n"
        "Answered 40 tickets a day\n"
    )
    experience = experience_of(text)
    assert [e.organization for e in experience.entries] == ["Acme Corp", "Initech"]
    assert [(b.entry, b.role) for b in experience.bullets] == [
        (0, "achievement"),
        (0, "achievement"),
        (1, "achievement"),
    ]


def test_a_company_set_like_a_heading_stays_an_entry_of_experience() -> None:
    """Companies in the headings' bold capitals ("INITECH CORPORATION", "UMBRELLA
    LABS") open entries of Experience, not sections of their own."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    sheet.text(LEFT, 60, "Jordan Example", font=BOLD, size=20)
    sheet.text(LEFT, 80, "jordan@example.com | (415) 555-0199", size=9.5)
    col = Column(sheet, LEFT, RIGHT, 100.0)
    col.heading("Experience")
    for company, title in (
        ("Initech Corporation", "Product Intern"),
        ("Umbrella Labs", "Analyst"),
    ):
        col.heading(company, rule=False)
        col.line(title, right="Jun 2022 – Aug 2022")
        col.bullet("Interviewed 18 customers and turned the findings into a prioritized backlog")
        col.gap()
    col.heading("Education")
    col.line("B.S. Computer Science | University of Example | May 2024")
    resume = parse_resume(_finish(c, buffer), filename="cv.pdf")
    assert [s.kind for s in resume.sections] == ["experience", "education"]
    experience = resume.sections[0]
    assert len(experience.entries) == 2
    assert [b.role for b in experience.bullets] == ["achievement", "achievement"]


def test_dated_work_under_an_unlisted_heading_is_judged() -> None:
    text = (
        "# Jordan Example\n\njordan@example.com\n\n## Experience\n\n"
        "**Product Intern | Acme Corp | 2023 – 2024**\n\n"
        "- Ran 6 A/B tests on the pricing page, lifting paid conversion by 9%\n\n"
        "## What I've Shipped\n\n"
        "**Snapdeck | Side project | 2022 – 2023**\n\n"
        "- Built a card game app used by 300 students, growing weekly players by 40%\n"
    )
    resume = parse_resume(text.encode(), filename="cv.md")
    shipped = next(s for s in resume.sections if s.heading == "What I've Shipped")
    assert shipped.kind == "other"
    assert [b.role for b in shipped.bullets] == ["achievement"]
    judged = {b.text for b in analyze(text.encode(), filename="cv.md").bullets}
    assert "Built a card game app used by 300 students, growing weekly players by 40%" in judged


# Context and cut lines among the bullets (held-out audit round 8's false findings).
CONTEXT_CASES = [
    ("In this role, I was responsible for:", "label"),
    ("They were originally a part of Globex and now serve 40 countries.", "text"),
    ("The goal of the project was to reduce onboarding time for new hires.", "text"),
    ("It was a 6-month engagement with 3 banks", "text"),
    ("is to directly integrate the payments APIs with the partner banks", "fragment"),
    ("Worked as a Sr.", "fragment"),
    # Achievements that look a little like those.
    ("Led the billing squad of 5, cutting churn 4%", "achievement"),
    ("Reduced churn 4% vs. last year across 3 markets", "achievement"),
    ("Led 3 launches: billing, refunds and payouts", "achievement"),
]


@pytest.mark.parametrize(("text", "role"), CONTEXT_CASES)
def test_context_and_cut_lines_are_not_achievements(text: str, role: str) -> None:
    assert line_role(text, "experience", marker="•") == role
