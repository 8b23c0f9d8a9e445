"""What each line of a section is: an achievement, or something that only sits among them.

Only an *achievement* (a bullet or sentence that reports work done) is judged for impact.
The other roles are the lines that share a section with achievements and used to be judged as
if they were: a project's or job's header line the entry finder missed ("AppName - Real-time
game | React · Node"), a skills list, a "Tech: …" label, a page number, or a piece of a
bullet too short to be a statement.

The reader has no part-of-speech tagger (it runs before spaCy is loaded, in a process of its
own), so the roles come from a line's shape: separators, capitals, a label before a colon,
length, punctuation. When a line's shape says nothing clear it is an achievement, as before:
the cost of a missed header is one unhelpful finding, the cost of a missed achievement is a
whole bullet never read.
"""

from __future__ import annotations

import re

from resume_analyzer.document import Role, SectionKind
from resume_analyzer.parsing.dates import DateRange
from resume_analyzer.parsing.entries import names_title

# Sections whose prose reports work done; prose elsewhere (summary, awards) is "text".
ACHIEVEMENT_SECTIONS = frozenset({"experience", "projects", "leadership"})

_PAGE_FURNITURE = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,3})?$"
    r"|^(?:references|referees)\b.{0,40}\b(?:request|available)\b.{0,20}$"
    r"|^(?:continued|cont(?:inued|'d)?\.?)$|^\W*back to top$",
    re.IGNORECASE,
)
# "Tech: React, Node", "Technologies used - Python", "Focus: B2B payments".
_LABEL = re.compile(
    r"^(?P<key>[A-Za-z][\w&/+ .'()-]{0,38}?)\s*(?P<sep>:|\s[-–—]\s)\s*(?P<value>\S.*)$"
)
# Keys that announce a detail, never an achievement: what a value after them lists.
_DETAIL_KEYS = re.compile(
    r"^(?:tech(?:nolog(?:y|ies))?(?: stack| used)?|stack|tools?(?: used)?|skills?(?: used)?|"
    r"environment|platforms?|languages?|frameworks?|libraries|software|tech used|built with|"
    r"focus|domain|industry|clients?|customers|team(?: size)?|role|position|course(?:work|s)?|"
    r"relevant course(?:work|s)?|keywords|technical skills|key skills|competencies|"
    r"location|duration|dates?|reporting to|reports? to|supervisor|manager|advisor|"
    r"link|links|url|website|github|demo|repo(?:sitory)?|award|grade|gpa|honou?rs|"
    r"subjects|modules|thesis|topics?|methods|methodolog(?:y|ies)|tools and technologies)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s[|·•◦▪–—-]\s|\s[|·•]|[|·•]\s")
_LIST_SPLIT = re.compile(r"\s*(?:[,;|·•◦▪/]|\s[-–—]\s)\s*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?$")
# A final full stop that only ends an abbreviation does not make a sentence ("Acme Inc.").
_ABBREVIATION_END = re.compile(
    r"\b(?:inc|ltd|co|corp|llc|plc|jr|sr|st|dept|univ|govt|pvt|intl|assoc|bros|u\.s|e\.g|etc)\.$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
_SMALL_WORDS = frozenset("a an and or of the to for in on at by with from via into & vs".split())


# Verbs that open an achievement without the "-ed"/"-ing" ending the shape test looks for:
# irregular pasts and the present forms of current roles. Not a dictionary of English: the
# few dozen that start resume bullets, so that "Led Product Discovery" is not a title.
_VERBS = frozenset(
    """led lead leads built build builds ran run runs drove drive drives wrote write writes made
    make makes grew grow grows won win cut set took take gave give sold sell spent spend began
    begin brought bring taught teach oversaw oversee held hold kept keep met meet sent send found
    chose drew became rose saw understood own owns manage manages develop develops design designs
    create creates support supports serve serves work works help helps plan plans coordinate
    coordinates conduct conducts handle handles maintain maintains deliver delivers partner
    partners collaborate collaborates analyze analyse analyzes implement implements launch
    launches ship ships mentor mentors train trains teach spearheaded architect oversee rebuilt
    rewrote reran undertook sought spun""".split()
)
_SKILL_NOUN_END = re.compile(
    r"\b(?:proficiency|skills|expertise|knowledge|abilities)\.?$", re.IGNORECASE
)
_SKILL_CLAIM = re.compile(
    r"^(?:(?:good|strong|sound|solid|basic|working|skill(?:ful|ed)|excellent|in-depth|deep|"
    r"hands-on)\s+)?(?:knowledge|command|understanding|proficiency|expertise|familiarity)"
    r"\s+(?:of|over|in|with)\b|^(?:proficient|familiar|well[- ]versed|experienced)\s+(?:in|with)\b|"
    r"^good\s+.{0,30}\bskills\b",
    re.IGNORECASE,
)
# After a name and a colon, what the thing is: "A Slack bot for…", "Chat room web app that…".
_NAMES_A_THING = re.compile(
    r"^(?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:app|application|web app|tool|bot|platform|website|"
    r"site|game|library|package|system|dashboard|template|extension|plugin|api|service|"
    r"framework|prototype|model)\b(?!\s+(?:for\s+)?\d)",
    re.IGNORECASE,
)
# A profile sentence set among the bullets: "Strong problem solver with…", "Excellent
# communicator, adept at…", "Results-driven engineer with…".
_SELF_DESCRIPTION = re.compile(
    r"^(?:strong|excellent|experienced|proven|results[- ]driven|detail[- ]oriented|dedicated|"
    r"motivated|passionate|skilled|seasoned|dynamic|versatile)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:solver|communicator|professional|leader|engineer|developer|player|thinker|"
    r"individual|person|specialist|analyst)\b",
    re.IGNORECASE,
)


# A first-person statement of belief, feeling or intent: a teaching philosophy or a cover
# letter's sentence set among the bullets, not a report of work done.
_BELIEF = re.compile(
    r"^(?:I|We)\s+(?:am|believe|feel|think|love|enjoy|hope|strive|aim|would|want|wish|"
    r"consider|value)\b",
)


# A line that says what the employer, team or project was (held-out audit round 8).
_CONTEXT = re.compile(
    r"^(?:They|It|This\s+(?:role|position|team|project|company|program(?:me)?)|"
    r"The\s+(?:goal|aim|objective|purpose|mission|scope)\s+of\s+(?:[\w-]+\s+){1,4}?)"
    r"\s*(?:is|was|are|were|has|had|aims?|focus(?:es|ed)?)\b"
)
_DIGIT = re.compile(r"\d")
# A lower-case word that continues a sentence begun on another line.
_CONTINUES = re.compile(r"^(?:is|are|was|were|and|or|but|which|that|of|with)\s")
# A line that ends on an abbreviation's stop was cut there ("Worked as a Sr.").
_CUT_AT_ABBREVIATION = re.compile(r"\b(?:Sr|Jr|Mr|Ms|Mrs|Dr|St|vs|No)\.$")


# Keys after which a value describes the employer or the program, not the person's work.
_DESCRIPTION_KEYS = re.compile(
    r"^(?:company|business|client|project|program|team)?\s*(?:profile|background|overview|"
    r"description|about|summary|goal|context)$",
    re.IGNORECASE,
)


# A line that describes the job or its setting in the third person: "This position…", "This
# role…", "This included scheduling…", "The position is responsible for…"; not "The team
# owns checkout, so I led…".
_ABOUT_THE_JOB = re.compile(
    r"^(?:(?:this|that|these)\s+(?:position|role|job|post|team|department|office|work|"
    r"included|includes|involved|involves|required|requires)|the\s+(?:position|role|job))\b",
    re.IGNORECASE,
)


# A line about the employer, not the person: "Acme is a B2B fintech…", "Payfi was a
# platform…", "An early-stage startup that…", "Not-for-profit that recruits…".
_DESCRIBES_EMPLOYER = re.compile(
    r"^(?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}(?:\s*\([^)]{0,40}\))?\s+"
    r"(?:(?:is|was|are|were|aims)\s+(?:a|an|the|to|one)\b|"
    r"(?:provides|offers|helps|builds|operates|serves|develops|delivers|specializes|"
    r"specialises|manufactures|sells|designs)\s+\w)"
    r"|(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,4}(?:startup|start-up|company|firm|agency|platform|"
    r"provider|marketplace|non-?profit|not-for-profit|organi[sz]ation|consultancy|brand|"
    r"business|fintech|bank|retailer|manufacturer|studio|bootcamp|program(?:me)?)\s+"
    r"(?:that|which|with|for|in|serving|building|providing|offering|focused|based)\b"
    r"|(?:[Nn]ot-for-profit|[Nn]on-?profit)\s+(?:that|which|organi[sz]ation)\b)",
)


def line_role(text: str, section_kind: SectionKind, *, marker: str | None) -> Role:
    """The role of one item of a section (an item is a line or a joined wrapped bullet)."""
    stripped = text.strip()
    if _PAGE_FURNITURE.match(stripped):
        return "furniture"
    words = stripped.split()
    if not any(ch.isalnum() for ch in stripped):
        return "fragment"  # a glyph or a rule left on a line of its own
    label = _LABEL.match(stripped)
    if label:
        key, value = label.group("key").strip(), label.group("value")
        if _DETAIL_KEYS.match(key) or _DETAIL_KEYS.match(key.split()[-1]):
            return "label"
        if _DESCRIPTION_KEYS.match(key):
            return "header" if section_kind in ACHIEVEMENT_SECTIONS else "text"
        # "Tools: Jira, Figma, Miro." is a list even with its full stop. After a dash the
        # "key" is more often a name ("Snapdeck - card game | React"): that is a header.
        items = value.rstrip(".")
        listed = not opens_with_verb(items.split()) and _reads_as_list(items, items.split())
        if listed and label.group("sep") == ":":
            return "label"
        named = label.group("sep") == ":" and len(key.split()) <= 3
        if named and _NAMES_A_THING.match(value) and not opens_with_verb(value.split()):
            return "header"  # "Philia: A Slack bot for…": a project's name and what it is
    if _SKILL_CLAIM.match(stripped) or (len(words) <= 4 and _SKILL_NOUN_END.search(stripped)):
        return "list"  # "Strong knowledge of SQL", "Auditing proficiency": a skill, not work
    if _SELF_DESCRIPTION.match(stripped) or _BELIEF.match(stripped):
        return "text"  # "Strong problem solver with…", "I believe every student…": not work
    if stripped.endswith(":") and not _DIGIT.search(stripped):
        return "label"  # it leads into a list: "In this role, I was responsible for:"
    if _CONTEXT.match(stripped):
        return "text"  # what the team or project was: context for the achievements
    if _CONTINUES.match(stripped) or _CUT_AT_ABBREVIATION.search(stripped):
        return "fragment"  # "is to directly integrate…", "Worked as a Sr.": a line cut apart
    # Dashes and pipes without commas set a name apart from its tagline and stack: a header
    # ("Snapdeck - Real-time card game | React · Node"); commas make a list.
    in_work = section_kind in ACHIEVEMENT_SECTIONS
    if in_work and "," not in stripped and _reads_as_header(stripped, words, marker):
        return "header"
    if in_work and not opens_with_verb(words) and _describes_employer(stripped):
        return "header"  # what the employer is: context, not work the person did
    if not opens_with_verb(words) and _reads_as_list(stripped, words):
        return "list"
    if len(_MEMBERSHIP.findall(stripped)) >= 2 and not opens_with_verb(words):
        return "list"
    if in_work and len(words) == 1:
        # A trait or skill set among the bullets: "Self-directed", "Deadline-oriented".
        return "list"
    if section_kind not in ACHIEVEMENT_SECTIONS:
        return "text"
    if marker is None and stripped[:1].islower() and not opens_with_verb(words):
        return "fragment"  # the tail of a bullet whose start is elsewhere
    if stripped[:1] in "(=" and not opens_with_verb(words[1:] or words):
        return "fragment"  # "(Part of Acme, formerly Initech)", "= Energy…": a piece of a line
    if stripped.endswith(":") and len(words) <= 5:
        return "label"  # "Key initiatives:", "Bottom line:": a lead-in to what follows
    if _ABOUT_THE_JOB.match(stripped):
        return "text"  # "This position lies within…": a description of the job, not work done
    if _reads_as_header(stripped, words, marker):
        return "header"
    if marker is None and len(words) <= 3 and not opens_with_verb(words):
        return "header"  # "Hackathon project" under a project's name: a sub-header, no work
    short = len(words) <= 8 and not _is_sentence(stripped)
    if short and names_title(stripped, section_kind) and not opens_with_verb(words):
        return "header"  # "Wipro as machine learning engineer": a title in lower case
    return "achievement"


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION_END.search(text)


def opens_with_verb(words: list[str]) -> bool:
    if not words:
        return False
    # Symbol fonts leave odd glyphs where the bullet was ("™ Designed …").
    first = words[0].lower().strip(",.;:()")
    if not first[:1].isalnum() and len(words) > 1:
        first = words[1].lower().strip(",.;:()")
    return (len(first) > 4 and first.endswith(("ed", "ing"))) or first in _VERBS


def _reads_as_list(text: str, words: list[str]) -> bool:
    """Three or more short, comma- or pipe-separated items and no sentence among them. In a
    long list one item in six may run long: two lists glued at a missed line break
    ("…, Cisco Routers, Data Center Management Market Data & Trading Systems: Bloomberg, …")."""
    if _SENTENCE_END.search(text) and len(words) > 8:
        return False
    parts = [p for p in _LIST_SPLIT.split(text) if p]
    if len(parts) < 3:
        return False
    lengths = [len(p.split()) for p in parts]
    long = sum(n > 5 for n in lengths)
    return long <= len(parts) // 6 and sum(lengths) / len(lengths) <= 3


# The person speaking: "Globex provides the data; I built the dashboards" reports work.
_I = re.compile(r"\b(?:I|my|me)\b")


def _describes_employer(text: str) -> bool:
    return bool(_DESCRIBES_EMPLOYER.match(text)) and not _I.search(text)


# "Member of the Advisory Committee Member of the Welfare Ministry …": a roll of memberships.
_MEMBERSHIP = re.compile(r"\bmember(?: of\b|,)", re.IGNORECASE)  # "Member of X", "Member, X"


def _reads_as_header(text: str, words: list[str], marker: str | None) -> bool:
    """A name, a title, a place: short, unpunctuated, its words capitalised, no verb first
    ("Senior Software Engineer", "Acme Corp as Product Intern", "AppName - Real-time game |
    React · Node"). A bullet in title case that opens with a verb stays an achievement."""
    if opens_with_verb(words) or _is_sentence(text):
        return False
    separated = bool(_SEPARATORS.search(f" {text} "))
    if len(words) > (14 if separated else 10):
        return False
    if len(words) == 1:
        return True
    rest = [w for w in words[1:] if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    if not rest:
        return True
    capitalised = sum(w[:1].isupper() for w in rest) / len(rest)
    return capitalised >= (0.5 if separated or "," in text else 0.6)


def mentions_a_year(text: str, dates: DateRange) -> bool:
    """A statement that names a year ("Migrated 400 mailboxes from Exchange 2003") rather
    than a header dated by it: a lone year, in a line of five words or more that opens with
    a verb."""
    lone_year = dates.start is None and dates.text.isdigit()
    return lone_year and len(text.split()) >= 5 and opens_with_verb(text.split())
