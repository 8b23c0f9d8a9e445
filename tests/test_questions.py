"""Questions asked where only the applicant knows the missing result: a table of lines, and
properties (never on a measured line, never quoting words the line does not have)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from resume_analyzer.nlp.impact import analyze_impact
from resume_analyzer.nlp.questions import ask_all
from resume_analyzer.taxonomy import Taxonomy

QUESTIONS = [
    (
        "Built an internal onboarding hub for new interns",
        "How many people used the internal onboarding hub, and what changed for them: "
        "time saved, a rate that moved, revenue?",
    ),
    (
        "Designed and launched a referral program for the consumer app",
        "How many people used the referral program, and what changed for them: "
        "time saved, a rate that moved, revenue?",
    ),
    (
        "Managed a team of engineers across the web and mobile apps",
        "What did the team deliver, and how big was it: people, budget, deadline?",
    ),
    (
        "Analyzed funnel data in SQL to find drop-off points",
        "What decision came from the funnel data, and what did it change?",
    ),
    (
        "Wrote the product requirements document for the pricing page",
        "Who used the product requirements document, and what did it make possible?",
    ),
    (
        "Reduced churn among trial users through a new onboarding email series",
        "By how much did churn fall, from what to what, and over what period?",
    ),
    (
        "Improved page load time for the mobile app by rewriting the image pipeline",
        "How much did page load time improve, measured how, and over what period?",
    ),
    # No question: a measured line, a verb of no known kind, no object, several objects.
    ("Reduced churn by 12% among trial users through a new email series", None),
    ("Answered customer phone calls and emails for the front desk", None),
    ("Worked closely with the design team on the new checkout flow", None),
    ("Launched it with the partnerships team ahead of the holiday season", None),
    ("Built dashboards and alerts for the operations team in Looker", None),
]


def ask(nlp: Language, taxonomy: Taxonomy, text: str) -> str | None:
    impact = analyze_impact(nlp(text), taxonomy.lexicons, past_role=True, nlp=nlp)
    return ask_all(nlp, [(text, impact)])[0]


@pytest.mark.parametrize(("line", "question"), QUESTIONS)
def test_question_for_a_line(
    nlp: Language, taxonomy: Taxonomy, line: str, question: str | None
) -> None:
    assert ask(nlp, taxonomy, line) == question


VERBS = ["Built", "Launched", "Led", "Managed", "Analyzed", "Wrote", "Reduced", "Improved"]
WORDS = ["the", "a", "new", "checkout", "flow", "team", "churn", "for", "users", "with", "sales"]


@settings(max_examples=60, deadline=None)
@given(
    verb=st.sampled_from(VERBS),
    rest=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    number=st.sampled_from(["", " by 20%", " for 3,000 users"]),
)
def test_a_question_quotes_only_the_lines_words_and_skips_measured_lines(
    nlp: Language, taxonomy: Taxonomy, verb: str, rest: list[str], number: str
) -> None:
    line = f"{verb} {' '.join(rest)}{number}"
    question = ask(nlp, taxonomy, line)
    if number:
        assert question is None
    if question is None:
        return
    # The object quoted between the template's words comes from the line itself.
    template = {
        "how", "many", "people", "used", "the", "and", "what", "changed", "for", "them",
        "time", "saved", "a", "rate", "that", "moved", "revenue", "did", "deliver", "was",
        "it", "big", "budget", "deadline", "decision", "came", "from", "change", "who",
        "make", "possible", "by", "much", "fall", "rise", "to", "over", "period", "improve",
        "measured",
    }  # fmt: skip
    quoted = set(re.findall(r"[a-z]+", question.lower())) - template
    assert quoted <= set(re.findall(r"[a-z]+", line.lower()))


def test_no_outcome_is_said_only_where_a_question_can_be_asked() -> None:
    from resume_analyzer import Analyzer

    resume = (
        "Jordan Example\njordan@example.com\n\nEXPERIENCE\n"
        "Product Analyst, Example Corp, Jan 2021 - Dec 2023\n"
        "- Built an internal onboarding hub for new interns\n"
        "- Answered customer phone calls for the front desk every morning\n"
        "- Reduced refund requests by 30% by rewriting the checkout help page with support\n"
        "\nEDUCATION\nB.S. Economics, Example University, 2020\n"
        "\nSKILLS\nSQL, Jira, Figma, A/B testing, user interviews, roadmapping\n"
    )
    analysis = Analyzer().analyze(resume.encode(), filename="resume.txt")
    by_text = {b.text: b for b in analysis.bullets}
    built = by_text["Built an internal onboarding hub for new interns"]
    assert "no_outcome" in {f.code for f in built.findings}
    assert built.question and "onboarding hub" in built.question
    routine = by_text["Answered customer phone calls for the front desk every morning"]
    assert "no_outcome" not in {f.code for f in routine.findings}
    assert routine.question is None
    # The routine line still scores lower than it would with a result: only the note goes.
    assert routine.strength != "strong"
