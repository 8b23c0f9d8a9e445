"""evaluation.facts: each refusal the analyzer makes is counted, never a traceback."""

from __future__ import annotations

from resume_analyzer.parsing import parse_resume


def test_facts_counts_text_with_lost_spaces_as_a_refusal() -> None:
    """evaluation.facts stopped with a traceback on the first such corpus text."""
    from evaluation.facts import refusal

    glued = [f"- Managedtheonboardingflowforenterpriseaccount{n}acrossregions" for n in range(12)]
    plain = [f"- Shipped release {n} of the billing page with the design team" for n in range(10)]
    lines = "\n".join(glued + plain)
    text = f"Jordan Example\njordan@example.com\n\nEXPERIENCE\n{lines}\n"
    resume = parse_resume(text.encode(), filename="cv.txt")
    assert refusal(resume, "dataturks/1") == "words_run_together"
