"""The taxonomy loader (schema and semantic checks, error locations) and the built-in file."""

from __future__ import annotations

import copy
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from resume_analyzer.errors import TaxonomyError
from resume_analyzer.taxonomy import (
    Taxonomy,
    check_taxonomy,
    default_taxonomy_path,
    load_taxonomy,
)
from resume_analyzer.taxonomy.load import normalize, slug

AREA_IDS = (
    "user_research",
    "data_analysis",
    "backlog_specification",
    "cross_functional_execution",
    "technical_literacy",
    "product_strategy",
    "communication_influence",
    "impact_ownership",
)

# A small valid taxonomy. MINIMAL_BAD_SYNONYM breaks one synonym, on a line the test computes.
MINIMAL = """\
version: "1.0.0"
name: Test taxonomy
areas:
  - id: research
    name: Research
    description: Talked to users.
    weight: 3
    skills:
      - name: User interviews
        kind: method
        synonyms:
          - customer interviews
          - usability interviews
  - id: analysis
    name: Analysis
    description: Used numbers.
    weight: 1
    skills:
      - name: SQL
        kind: language
        abbreviations: [SQL]
lexicons:
  action_verbs: {strong: [launch], moderate: [manage], weak: [help]}
  weak_openers: [responsible for]
  buzzwords: [synergy]
  fillers: [very]
  pronouns: [i]
  metric_units: [users]
"""
MINIMAL_BAD_SYNONYM = MINIMAL.replace("          - usability interviews", "          - 42")


@pytest.fixture(scope="module")
def builtin() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def builtin_data() -> dict[str, Any]:
    data = yaml.safe_load(default_taxonomy_path().read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def trimmed_data(builtin_data: dict[str, Any]) -> dict[str, Any]:
    """The built-in data with five skills per area: the same shape, a tenth of the parse time."""
    data = copy.deepcopy(builtin_data)
    for area in data["areas"]:
        area["skills"] = area["skills"][:5]
    return data


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    return caught.value.problems or (caught.value.message,)


# --- the built-in taxonomy ----------------------------------------------------------------


def test_builtin_loads_with_the_eight_areas(builtin: Taxonomy) -> None:
    assert tuple(area.id for area in builtin.areas) == AREA_IDS
    assert len(builtin.skills) >= 300
    assert builtin.version == "1.0.0"
    assert Path(builtin.source) == default_taxonomy_path().resolve()


def test_builtin_checks_clean() -> None:
    assert check_taxonomy() == []
    assert check_taxonomy(default_taxonomy_path()) == []


@pytest.mark.parametrize("area_id", AREA_IDS)
def test_every_area_has_at_least_25_skills_and_10_to_30_evidence_phrases(
    builtin: Taxonomy, area_id: str
) -> None:
    area = builtin.area(area_id)
    assert len(area.skills) >= 25
    assert 10 <= len(area.evidence) <= 30
    assert area.advice
    assert all(" " in phrase or "-" in phrase for phrase in area.evidence), "multi-word only"


def test_examples_roles_and_scoring_of_the_builtin(builtin: Taxonomy) -> None:
    assert all("[" in area.example and "]" in area.example for area in builtin.areas)
    assert [role.id for role in builtin.related_roles] == [
        "project_management",
        "engineering",
        "marketing",
    ]
    assert all(len(role.terms) >= 15 and role.advice for role in builtin.related_roles)
    levels = (builtin.scoring.weak, builtin.scoring.solid, builtin.scoring.strong)
    assert levels == (15, 45, 75)


def test_weights_are_positive_and_sum_to_one(builtin: Taxonomy) -> None:
    assert all(area.weight > 0 for area in builtin.areas)
    assert builtin.total_weight == pytest.approx(1.0, abs=1e-9)


def test_every_ambiguous_skill_has_context_words(builtin: Taxonomy) -> None:
    ambiguous = [skill for skill in builtin.skills if skill.ambiguous]
    assert len(ambiguous) >= 13
    assert [skill.id for skill in ambiguous if not skill.context] == []


@pytest.mark.parametrize(
    ("name", "context_word"),
    [
        ("R", "RStudio"),
        ("Go", "Golang"),
        ("C", "programming"),
        ("Excel", "spreadsheet"),
        ("Swift", "iOS"),
        ("Rust", "Cargo"),
        ("Looker", "LookML"),
        ("Notion", "Confluence"),
        ("Linear", "Jira"),
        ("Segment", "Twilio"),
        ("Heap", "analytics"),
        ("Asana", "Trello"),
        ("Dash", "Plotly"),
        ("React", "JavaScript"),
    ],
)
def test_short_names_that_are_ordinary_words_are_ambiguous(
    builtin: Taxonomy, name: str, context_word: str
) -> None:
    [skill] = [skill for skill in builtin.skills if skill.name == name]
    assert skill.ambiguous
    assert context_word in skill.context


@pytest.mark.parametrize(
    ("skill_id", "area_id", "form"),
    [
        ("user_interviews", "user_research", "customer interviews"),
        ("jobs_to_be_done", "user_research", "jobs-to-be-done"),
        ("sql", "data_analysis", "SQL"),
        ("a_b_testing", "data_analysis", "split testing"),
        ("product_requirements_document", "backlog_specification", "product requirement document"),
        ("rice_scoring", "backlog_specification", "RICE framework"),
        ("scrum", "cross_functional_execution", "Scrum"),
        ("c_plus_plus", "technical_literacy", "C++"),
        ("c_sharp", "technical_literacy", "C#"),
        ("node_js", "technical_literacy", "NodeJS"),
        ("go_to_market_strategy", "product_strategy", "go-to-market"),
        ("mentoring", "communication_influence", "mentorship"),
        ("end_to_end_ownership", "impact_ownership", "end to end ownership"),
    ],
)
def test_known_skills_sit_in_their_area(
    builtin: Taxonomy, skill_id: str, area_id: str, form: str
) -> None:
    skill = builtin.skill(skill_id)
    assert skill.area == area_id
    assert form in skill.phrases


@pytest.mark.parametrize(
    ("skill_id", "abbreviation"),
    [
        ("product_requirements_document", "PRD"),
        ("sql", "SQL"),
        ("key_performance_indicators", "KPI"),
        ("objectives_and_key_results", "OKR"),
        ("go_to_market_strategy", "GTM"),
        ("jobs_to_be_done", "JTBD"),
        ("minimum_viable_product", "MVP"),
        ("api", "API"),
        ("amazon_web_services", "AWS"),
        ("google_cloud_platform", "GCP"),
        ("machine_learning", "ML"),
    ],
)
def test_abbreviations_table(builtin: Taxonomy, skill_id: str, abbreviation: str) -> None:
    assert abbreviation in builtin.skill(skill_id).abbreviations


def test_every_abbreviation_has_an_uppercase_letter_or_digit(builtin: Taxonomy) -> None:
    bad = [
        (skill.id, abbreviation)
        for skill in builtin.skills
        for abbreviation in skill.abbreviations
        if not any(char.isupper() or char.isdigit() for char in abbreviation)
    ]
    assert bad == []


def test_no_abbreviation_belongs_to_two_skills(builtin: Taxonomy) -> None:
    counts = Counter(abbr for skill in builtin.skills for abbr in set(skill.abbreviations))
    assert [abbr for abbr, count in counts.items() if count > 1] == []


@pytest.mark.parametrize(
    "generic",
    ["data", "product", "team", "management", "design", "analysis", "customer", "project",
     "strategy", "research", "leadership", "communication", "analytics", "marketing", "sales",
     "engineering", "pricing", "scale"],
)  # fmt: skip
def test_no_skill_is_a_generic_word(builtin: Taxonomy, generic: str) -> None:
    forms = {normalize(form) for skill in builtin.skills for form in skill.phrases}
    assert generic not in forms


def test_evidence_phrases_are_not_skill_forms(builtin: Taxonomy) -> None:
    forms = {normalize(form) for skill in builtin.skills for form in skill.phrases}
    overlap = [e for area in builtin.areas for e in area.evidence if normalize(e) in forms]
    assert overlap == []


# --- the lexicons -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "tier"),
    [
        ("launch", "strong"),
        ("ship", "strong"),
        ("lead", "strong"),
        ("drive", "strong"),
        ("own", "strong"),
        ("spearhead", "strong"),
        ("found", "strong"),
        ("prioritize", "strong"),
        ("validate", "strong"),
        ("Launch", "strong"),
        ("manage", "moderate"),
        ("build", "moderate"),
        ("analyze", "moderate"),
        ("coordinate", "moderate"),
        ("help", "weak"),
        ("assist", "weak"),
        ("participate", "weak"),
        ("utilize", "weak"),
        ("photosynthesize", None),
    ],
)
def test_verb_tiers(builtin: Taxonomy, lemma: str, tier: str | None) -> None:
    assert builtin.lexicons.verb_tier(lemma) == tier


@pytest.mark.parametrize(
    "past_tense",
    ["launched", "shipped", "led", "drove", "owned", "spearheaded", "founded", "managed",
     "built", "created", "analyzed", "helped", "assisted", "worked", "participated", "increased",
     "reduced", "designed", "prioritized", "delivered"],
)  # fmt: skip
def test_verbs_are_lemmas_not_past_tense(builtin: Taxonomy, past_tense: str) -> None:
    assert builtin.lexicons.verb_tier(past_tense) is None


def test_verb_tiers_are_disjoint_lowercase_single_words(builtin: Taxonomy) -> None:
    lex = builtin.lexicons
    tiers = (lex.strong_verbs, lex.moderate_verbs, lex.weak_verbs)
    assert len(lex.strong_verbs) >= 100
    assert len(lex.moderate_verbs) >= 60
    assert len(lex.weak_verbs) >= 20
    assert not (tiers[0] & tiers[1] or tiers[0] & tiers[2] or tiers[1] & tiers[2])
    for verb in tiers[0] | tiers[1] | tiers[2]:
        assert verb == verb.lower() and " " not in verb, verb


def test_lexicon_lists(builtin: Taxonomy) -> None:
    lex = builtin.lexicons
    assert {"responsible for", "helped with", "worked on", "duties included"} <= set(
        lex.weak_openers
    )
    assert {"synergy", "team player", "results-driven"} <= set(lex.buzzwords)
    assert {"very", "successfully"} <= set(lex.fillers) and "various" not in lex.fillers
    first_person = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
    assert lex.pronouns == first_person
    assert {"users", "customers", "hours", "ARR"} <= set(lex.metric_units)
    assert {"increased", "reduced", "resulting in"} <= set(lex.outcome_words)
    assert {"across", "company-wide", "cross-functional"} <= set(lex.scope_words)
    assert len(lex.buzzwords) >= 40 and len(lex.metric_units) >= 50


# --- broken copies ------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _synonym_not_a_string(data: dict[str, Any]) -> None:
    data["areas"][0]["skills"][0]["synonyms"][0] = 3


def _weight_missing(data: dict[str, Any]) -> None:
    del data["areas"][1]["weight"]


def _weight_negative(data: dict[str, Any]) -> None:
    data["areas"][2]["weight"] = -0.5


def _area_id_twice(data: dict[str, Any]) -> None:
    data["areas"][3]["id"] = data["areas"][0]["id"]


def _synonym_in_two_skills(data: dict[str, Any]) -> None:
    data["areas"][1]["skills"][0].setdefault("synonyms", []).append("Customer  Interviews")


def _skill_id_twice(data: dict[str, Any]) -> None:
    data["areas"][4]["skills"].append({"name": "User-Research", "kind": "method"})


def _unknown_key(data: dict[str, Any]) -> None:
    data["areas"][0]["skills"][0]["colour"] = "red"


def _area_id_bad_pattern(data: dict[str, Any]) -> None:
    data["areas"][0]["id"] = "User Research"


def _all_weights_zero(data: dict[str, Any]) -> None:
    for area in data["areas"]:
        area["weight"] = 0


def _bad_token_pattern(data: dict[str, Any]) -> None:
    data["areas"][0]["skills"][0]["patterns"] = [[{"LOWERR": "x"}]]


def _unknown_kind(data: dict[str, Any]) -> None:
    data["areas"][0]["skills"][0]["kind"] = "framework"


def _lexicons_missing(data: dict[str, Any]) -> None:
    del data["lexicons"]


def _no_letters(data: dict[str, Any]) -> None:
    data["areas"][0]["skills"][0]["synonyms"][0] = "!!!"


BROKEN: list[tuple[Mutation, tuple[str, ...]]] = [
    (
        _synonym_not_a_string,
        ("areas[0].skills[0].synonyms[0] (line ", "3 is not of type 'string'"),
    ),
    (_weight_missing, ("areas[1] (line ", "'weight' is a required property")),
    (_weight_negative, ("areas[2].weight (line ", "-0.5 is less than the minimum of 0")),
    (_area_id_twice, ("areas[3].id (line ", "area id 'user_research' is already used by areas[0]")),
    (
        _synonym_in_two_skills,
        (
            "areas[1].skills[0].synonyms[",
            "already a form of skill 'user_interviews'",
            "a phrase may belong to one skill only",
        ),
    ),
    (
        _skill_id_twice,
        ("areas[4].skills[5].name (line ", "skill id 'user_research' is already used at areas[0]"),
    ),
    (
        _unknown_key,
        ("areas[0].skills[0] (line ", "Additional properties are not allowed ('colour'"),
    ),
    (_area_id_bad_pattern, ("areas[0].id (line ", "does not match '^[a-z][a-z0-9_]*$'")),
    (_all_weights_zero, ("areas (line ", "the area weights add up to 0")),
    (_bad_token_pattern, ("areas[0].skills[0].patterns[0] (line ", "LOWERR")),
    (_unknown_kind, ("areas[0].skills[0].kind (line ", "'framework' is not one of")),
    (_lexicons_missing, ("(top level) (line 1)", "'lexicons' is a required property")),
    (_no_letters, ("areas[0].skills[0].synonyms[0] (line ", "has no letters or digits")),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), BROKEN, ids=[mutate.__name__.strip("_") for mutate, _ in BROKEN]
)
def test_broken_copy_is_rejected_with_its_path_and_line(
    tmp_path: Path, trimmed_data: dict[str, Any], mutate: Mutation, expected: tuple[str, ...]
) -> None:
    data = copy.deepcopy(trimmed_data)
    mutate(data)
    path = write_yaml(tmp_path / "broken.yaml", data)
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    error = caught.value
    assert error.code == "invalid_taxonomy"
    matching = [problem for problem in error.problems if all(e in problem for e in expected)]
    assert matching, error.problems
    assert str(path) in error.message
    assert matching[0] in error.message
    assert check_taxonomy(path) == list(error.problems)


def test_every_problem_in_a_full_copy_is_reported_not_only_the_first(
    tmp_path: Path, builtin_data: dict[str, Any]
) -> None:
    data = copy.deepcopy(builtin_data)
    _synonym_not_a_string(data)
    _weight_negative(data)
    _unknown_kind(data)
    path = write_yaml(tmp_path / "three.yaml", data)
    problems = problems_of(path)
    assert len(problems) == 3
    assert problems[0].startswith("areas[0].skills[0].kind (line ")
    assert problems[1].startswith("areas[0].skills[0].synonyms[0] (line ")
    assert problems[2].startswith("areas[2].weight (line ")
    with pytest.raises(TaxonomyError, match=r"\(3 problems\)"):
        load_taxonomy(path)


def test_error_line_number_points_at_the_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(MINIMAL_BAD_SYNONYM, encoding="utf-8")
    line = MINIMAL_BAD_SYNONYM.splitlines().index("          - 42") + 1
    assert line == 13  # the table above: a change to MINIMAL must keep this honest
    assert problems_of(path) == (
        f"areas[0].skills[0].synonyms[1] (line {line}): 42 is not of type 'string'",
    )


def test_minimal_taxonomy_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert check_taxonomy(path) == []
    taxonomy = load_taxonomy(path)
    assert [area.id for area in taxonomy.areas] == ["research", "analysis"]
    assert taxonomy.total_weight == 4  # weights are relative; scoring normalises them
    skill = taxonomy.skill("user_interviews")
    assert skill.area == "research"
    assert skill.phrases == ("User interviews", "customer interviews", "usability interviews")
    assert taxonomy.skill("sql").abbreviations == ("SQL",)
    assert taxonomy.lexicons.outcome_words == ()  # optional lists default to empty
    assert taxonomy.lexicons.verb_tier("launch") == "strong"


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "edited.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert len(load_taxonomy(path).skills) == 2
    path.write_text(MINIMAL_BAD_SYNONYM, encoding="utf-8")
    later = path.stat().st_mtime + 5  # do not depend on the file system's mtime resolution
    os.utime(path, (later, later))
    assert check_taxonomy(path) != []


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("unclosed.yaml", "version: '1.0.0'\nareas: [\n  {id: x\n", ("not valid YAML", "line")),
        ("tabs.yaml", "version: 1\n\tname: x\n", ("not valid YAML", "line 2")),
        ("empty.yaml", "", ("(top level)", "None is not of type 'object'")),
        ("list.yaml", "- a\n- b\n", ("(top level) (line 1)", "is not of type 'object'")),
        ("latin1.yaml", b"name: caf\xe9\n", ("not UTF-8",)),
        ("utf16.yaml", "name: x\n".encode("utf-16"), ("not UTF-8",)),
    ],
)
def test_unreadable_or_non_taxonomy_files(
    tmp_path: Path, name: str, content: str | bytes, expected: tuple[str, ...]
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    text = caught.value.message + "\n" + "\n".join(caught.value.problems)
    for part in expected:
        assert part in text
    assert check_taxonomy(path) != []


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(TaxonomyError, match="does not exist"):
        load_taxonomy(path)
    assert check_taxonomy(path) == [f"Taxonomy file {path} does not exist."]


def test_a_directory_is_not_a_taxonomy(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="is a folder"):
        load_taxonomy(tmp_path)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(TaxonomyError, match="under 2 MiB"):
        load_taxonomy(path)


# --- ids ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("A/B testing", "a_b_testing"),
        ("C++", "c_plus_plus"),
        ("C#", "c_sharp"),
        ("Node.js", "node_js"),
        ("P&L ownership", "p_and_l_ownership"),
        ("Aha!", "aha"),
        (".NET", "net"),
        ("0-to-1 launches", "s_0_to_1_launches"),
        ("  User   Interviews ", "user_interviews"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Customer Interviews", "customer  interviews", True),
        ("A/B testing", "a/b testing", True),
        ("C++", "C#", False),
        ("user interview", "user interviews", False),
    ],
)
def test_normalize_decides_which_forms_collide(a: str, b: str, same: bool) -> None:
    assert (normalize(a) == normalize(b)) is same
