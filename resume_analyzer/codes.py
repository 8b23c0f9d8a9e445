"""Every finding code the analysis can emit, defined once: its scope, what it means, how to fix
it, the message shown, and the points it costs or is worth.

Like spaCy's `Errors`, this module imports nothing of the package, so any module can use it
without a cycle and docs/scoring.md is tested against it (tests/test_codes.py).

Severity is not a property of a code: a feedback item's severity comes from the points its fix
would add (`scoring.feedback.severity`), so the same code is high on one resume and low on
another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

# "bullet": a finding on one achievement line (its feedback item takes the line's most
# important code); the others are resume-level feedback items.
Kind = Literal["bullet", "presentation", "competency", "job", "summary"]


@dataclass(frozen=True)
class Penalty:
    """Points a line loses per finding of one code, and the most that code can cost it."""

    each: int
    cap: int


@dataclass(frozen=True)
class FindingCode:
    """One code. `message` (and each of `variants`) is a `str.format` template."""

    code: str
    kind: Kind
    meaning: str
    fix: str
    message: str
    penalty: Penalty | None = None
    points: int | None = None  # a presentation check's points
    variants: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def scope(self) -> Literal["bullet", "resume"]:
        return "bullet" if self.kind == "bullet" else "resume"

    def format(self, variant: str | None = None, /, **fields: object) -> str:
        template = self.message if variant is None else self.variants[variant]
        return template.format(**fields)


class UnknownCodeError(KeyError):
    """A code that is not in the registry."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return (
            f"No finding code {self.code!r}. Add it to resume_analyzer/codes.py and "
            f"docs/scoring.md, or use one of: {', '.join(sorted(_BY_CODE))}."
        )


def _bullet(
    code: str, meaning: str, fix: str, message: str, penalty: Penalty | None = None
) -> FindingCode:
    return FindingCode(code, "bullet", meaning, fix, message, penalty)


def _check(code: str, points: int, meaning: str, fix: str, message: str) -> FindingCode:
    return FindingCode(code, "presentation", meaning, fix, message, points=points)


class Codes:
    """The registry. Bullet codes come first, most important first: the first of a line's
    findings in this order names its feedback item."""

    WEAK_OPENER = _bullet(
        "weak_opener",
        'starts with a duty ("Responsible for", "Helped with", "Worked on")',
        "start with what you did",
        '"{opener}" describes a duty, not an action. Start with what you did, in a strong verb '
        "(launched, built, reduced, led).",
        Penalty(15, 15),
    )
    NO_METRIC = _bullet(
        "no_metric",
        "states a result, but no number sizes it",
        "add one you can stand behind",
        "The line states a result, but no number says how big it was. Add one you can stand "
        "behind: how many users, what percentage, how much money or time, how often.",
    )
    NO_OUTCOME = _bullet(
        "no_outcome",
        "says what you did, not what changed",
        "add the result",
        "The line says what you did but not what changed. Add the result: "
        '"…, which increased [metric] by [X%]" or "…, resulting in [outcome]".',
    )
    NO_ACTION_VERB = _bullet(
        "no_action_verb",
        'the work is named as a noun ("Implementation of…") where a verb would say who did it',
        "lead with an action verb",
        "The line names the work as a noun instead of saying what you did. Lead with the verb "
        "(implemented, coordinated, installed), then the result.",
    )
    WEAK_VERB = _bullet(
        "weak_verb",
        "starts with a verb that hides your part (helped, assisted)",
        "say exactly what you did",
        '"{verb}" hides your part. Say exactly what you did (built, ran, wrote, decided) so the '
        "reader sees your contribution.",
    )
    PASSIVE_VOICE = _bullet(
        "passive_voice",
        '"was launched by", "were reviewed"',
        "say who acted, actively",
        '"{phrase}" is passive: it hides who acted. Say what you did in the active voice.',
        Penalty(10, 10),
    )
    FIRST_PERSON = _bullet(
        "first_person",
        "I or we anywhere; me, my, our… opening the line",
        "drop them; start with the verb",
        '"{word}": resumes leave out first-person pronouns; start with the verb.',
        Penalty(10, 10),
    )
    TENSE_MISMATCH = _bullet(
        "tense_mismatch",
        "present tense in a role that has ended",
        "past roles in the past tense",
        'This role has ended but "{verb}" is in the present tense; use the past tense for past '
        "roles.",
        Penalty(5, 5),
    )
    VAGUE_METRIC = _bullet(
        "vague_metric",
        'a percentage of something no one can count ("improved efficiency by 30%")',
        "say what was measured",
        '"{metric}" measures "{measure}", which a reader cannot picture or check. Say what was '
        "counted: time per task, errors per week, tickets closed, a survey score.",
    )  # advice, not a deduction: the line is still measured, and PM resumes carry the most
    VERB_OVERUSED = _bullet(
        "verb_overused",
        "the same verb starts four or more bullets",
        "vary the verbs",
        '"{verb}" starts {count} of your bullets; vary the verb so each line reads as a '
        "different achievement.",
        Penalty(5, 5),
    )
    CUT_OFF = _bullet(
        "cut_off",
        'the line stops on a bare number, its end lost ("…, resulting in a 30")',
        "finish the line",
        'The line stops at "{word}", as if its end were lost (a unit such as "%" and what '
        "followed). If you write your resume in LaTeX, an unescaped % starts a comment and "
        "cuts the rest of the line: write \\% instead.",
    )  # advice, not a deduction: the applicant's line is whole in their head
    PLACEHOLDER = _bullet(
        "placeholder",
        'template text left in: "[Job Title]", "XXXX", "Lorem ipsum"',
        "replace it with your own words",
        '"{word}" is template text a reader will notice at once. Replace it with the real '
        "detail, or cut it.",
        Penalty(20, 20),
    )
    REPEATED_WORD = _bullet(
        "repeated_word",
        'a word typed twice ("in in", "the the")',
        "delete the repeat",
        '"{word}" is typed twice in a row; delete one.',
        Penalty(5, 5),
    )
    SPELLING = _bullet(
        "spelling",
        'a word that looks misspelled ("managment")',
        "correct it",
        '"{word}" looks misspelled: did you mean "{suggestion}"?',
        Penalty(5, 10),
    )
    DUPLICATE_LINE = _bullet(
        "duplicate_line",
        "the same achievement appears twice (under two roles, or in Projects and Experience)",
        "say it once",
        "This line repeats one on page {page}, line {line}. Keep it where it fits best and use "
        "the space here for something this role did that the other did not.",
        Penalty(10, 10),
    )
    BUZZWORD = _bullet(
        "buzzword",
        '"results-driven", "synergy": claims a reader cannot check',
        "replace with evidence",
        '"{word}" is a claim a reader cannot check. Replace it with the evidence: what you did '
        "and what it changed.",
        Penalty(5, 10),
    )
    FILLER = _bullet(
        "filler",
        '"successfully", "various": length without meaning',
        "cut it",
        '"{word}" adds length without meaning; cut it.',
        Penalty(3, 6),
    )
    TOO_LONG = FindingCode(
        "too_long",
        "bullet",
        "over 40 words",
        "one to two lines: action, then result",
        "{words} words runs past two lines; keep the action and the result and cut the rest "
        "(aim for 12–30 words).",
        variants={
            # A paragraph is several achievements (or duties) in one item: cutting it to one
            # would lose the others.
            "sentences": "{words} words in {sentences} sentences: give each achievement a "
            "bullet of its own, leading with what it changed (12–30 words each).",
        },
    )
    TOO_SHORT = _bullet(
        "too_short",
        "under 6 words",
        "one to two lines: action, then result",
        "{words} words is too few to show action and result; aim for 12–30 words.",
    )

    PRESENTATION_NAME = _check(
        "presentation_name",
        5,
        "name on the first line",
        "your full name on the first line, as text",
        "No name was found at the top. Put your full name on the first line, as plain text "
        "(not in a header image).",
    )
    PRESENTATION_EMAIL = _check(
        "presentation_email",
        10,
        "email",
        "an email address near your name, as text",
        "No email address was found. Add one near your name, as text (not only as a link or an "
        "icon).",
    )
    PRESENTATION_PHONE = _check(
        "presentation_phone",
        5,
        "phone",
        "a phone number near your name",
        "No phone number was found. Add one near your name.",
    )
    PRESENTATION_LINKEDIN = _check(
        "presentation_linkedin",
        5,
        "LinkedIn URL",
        "linkedin.com/in/your-name next to your email",
        "No LinkedIn URL was found. Add linkedin.com/in/your-name next to your email.",
    )
    PRESENTATION_EXPERIENCE_SECTION = _check(
        "presentation_experience_section",
        10,
        "an Experience or Projects section",
        "a standard heading",
        'No "Experience" or "Projects" section was recognised. Use a standard heading so readers '
        "and ATS find your work.",
    )
    PRESENTATION_EDUCATION_SECTION = _check(
        "presentation_education_section",
        10,
        "an Education section",
        "degree, school and graduation date",
        'No "Education" section was recognised. Add one with your degree, school and graduation '
        "date.",
    )
    PRESENTATION_SKILLS_SECTION = _check(
        "presentation_skills_section",
        5,
        "a Skills section",
        'tools and methods under a "Skills" heading',
        'No "Skills" section was recognised. List your tools and methods (SQL, Figma, A/B '
        'testing) under a "Skills" heading.',
    )
    PRESENTATION_LENGTH = FindingCode(
        "presentation_length",
        "presentation",
        "length: one page; two with 3+ years of experience (two pages early-career: half)",
        "keep the strongest lines, cut the rest",
        "{pages} pages is too long for an APM application; aim for one page (two at most with "
        "several years of experience).",
        points=15,
        variants={
            "two_pages": "Two pages with about {years:.0f} years of experience: one page is the "
            "norm for APM applicants. Keep your strongest, most product-like lines and cut the "
            "rest.",
            "two_pages_under_a_year": "Two pages with less than a year of experience: one page "
            "is the norm for APM applicants. Keep your strongest, most product-like lines and "
            "cut the rest.",
            # Without dated roles the years are unknown: better say nothing than a wrong number.
            "two_pages_undated": "Two pages: one page is the norm for APM applicants unless you "
            "have several years of experience. Keep your strongest, most product-like lines and "
            "cut the rest.",
        },
    )
    PRESENTATION_DATED_ENTRIES = _check(
        "presentation_dated_entries",
        10,
        "every experience entry dated",
        "a start and end date for each entry",
        "{undated} of {entries} experience entries have no dates. Give each a start and end "
        "(e.g. Jun 2023 – Aug 2023).",
    )
    PRESENTATION_DATE_FORMAT = _check(
        "presentation_date_format",
        5,
        "one date style throughout",
        "one style, e.g. Jun 2023 – Aug 2023",
        "Dates are written in more than one style ({styles}). Pick one, e.g. Jun 2023 – Aug "
        "2023, and use it everywhere.",
    )
    PRESENTATION_BULLET_LENGTH = _check(
        "presentation_bullet_length",
        10,
        "80% of bullets between 8 and 40 words",
        "one to two lines per bullet",
        "{off} of {total} bullets are under {low} or over {high} words. Aim for one to two "
        "lines: the action, then the result.",
    )
    PRESENTATION_LAYOUT = _check(
        "presentation_layout",
        10,
        "no layout warnings (text on image-only pages, no recognisable headings)",
        "text a machine can read, under standard headings",
        "{warnings}",  # the document's own warnings, which say what to do
    )

    COMPETENCY_MISSING = FindingCode(
        "competency_missing",
        "competency",
        "an APM competency area shows almost no evidence (below 15)",
        "add a measured achievement that shows it",
        "{area}: missing ({score:.0f}/100). {advice}",
    )
    COMPETENCY_WEAK = FindingCode(
        "competency_weak",
        "competency",
        "an area has some evidence but is not yet solid (15 to 45)",
        "add a measured achievement that shows it",
        "{area}: weak ({score:.0f}/100). {advice}",
    )
    COMPETENCY_LISTED_ONLY = FindingCode(
        "competency_listed_only",
        "competency",
        "an area below 45 whose skills are only listed (Skills, summary), never shown at work",
        "show the skill at work in a bullet",
        "{area}: only listed ({score:.0f}/100). {advice}",
    )
    SUMMARY_GENERIC = FindingCode(
        "summary_generic",
        "summary",
        'the summary is claims a reader cannot check ("results-driven", "passionate") with '
        "no number and at most one skill",
        "say what you built or changed, for whom, and how much",
        "Your summary leans on claims a reader cannot check ({words}) and names no result or "
        "number. Trade them for one line of evidence: what you built or changed, for whom, and "
        "how much.",
    )
    JOB_MISSING_SKILL = FindingCode(
        "job_missing_skill",
        "job",
        "the posting requires a skill the resume does not show",
        "show it in a line if you have it; never claim it if not",
        'The posting asks for "{skill}" and the resume does not show it. If you have it, add a '
        "line that shows you using it; if not, do not claim it.",
    )


ALL: tuple[FindingCode, ...] = tuple(
    value for value in vars(Codes).values() if isinstance(value, FindingCode)
)
BULLET: tuple[FindingCode, ...] = tuple(c for c in ALL if c.kind == "bullet")
_BY_CODE = {c.code: c for c in ALL}
_RANK = {c.code: n for n, c in enumerate(BULLET)}


def lookup(code: str) -> FindingCode:
    """The registry's entry for `code`; `UnknownCodeError` (a KeyError) when there is none."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownCodeError(code) from None


def priority(code: str) -> tuple[int, str]:
    """Sort key for a line's codes, most important first.

    The one rule for a code the registry does not know (a finding added without an entry):
    it ranks after every known code, costs no points, and never raises, wherever codes are
    ordered or weighed.
    """
    return _RANK.get(code, len(_RANK)), code
