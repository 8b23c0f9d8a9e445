"""Contact details: name, email, phone, location and profile links.

Read from the lines above the first section (where resumes put them), from header/footer
lines, and from link targets the document carries (a LinkedIn icon with a URL behind it).
Email, phone and links are also looked for in the whole text as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency

from resume_analyzer.document import Contact, Link, LinkKind
from resume_analyzer.parsing.lines import Line

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
# Where a number is read without a +country code. Resumes without one are mostly North
# American; numbers written with a country code are read for their own country.
DEFAULT_REGION = "US"
_IDD_00 = re.compile(r"(?<![\d+])00(?=[1-9])")
# A number right after one of these labels is not a phone.
_ID_LABEL = re.compile(
    r"\b(?:ISBN|ISSN|DOI|ID|Roll\s+No|Reg(?:istration)?(?:\s+No)?|Account|Acct|Card|SSN|"
    r"Passport|Licen[cs]e|Patent|Order|Ref)\b\W*$",
    re.IGNORECASE,
)
# How North American and Indian ten-digit numbers are grouped when written without a country
# code: "(555) 123-4567", "555.123.4567", "98765 43210", "9876 543 210", "1-555-123-4567".
# Anything else ("2010 - 2014 3.8") is a run of other numbers.
_NATIONAL_GROUPS = frozenset({(10,), (3, 3, 4), (3, 7), (5, 5), (4, 3, 3), (1, 3, 3, 4), (11,)})
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()|,;]+|"
    r"\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com)"
    r"/[^\s<>()|,;]+",
    re.IGNORECASE,
)
# A domain starts at the start of its run of letters, digits and hyphens, never after "x-":
# each such start would scan the rest of the run again ("a-a-a-…-a.comx" took minutes).
_DOMAIN = re.compile(
    r"(?<![@\w.])(?<![a-z0-9]-)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|io|dev|me|net|org|app|xyz|site|co)(?:/[^\s<>()|,;]*)?\b",
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"\b([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}),\s*"
    r"([A-Z]{2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:,\s*([A-Z][A-Za-z]+(?: [A-Z][a-z]+)?))?"
    r"(?:\s+\d{5})?(?![\w'])"
)
_STATE_CODES = frozenset(
    (
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
        "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC QC AB UK "
        "NSW VIC QLD"
    ).split()
)
# Regions that may follow "City, ": US states and the countries resumes commonly come from.
# A place must end in one of these, so "Beta Inc" and "Berkeley" are not places.
_REGIONS = frozenset(
    r.strip()
    for r in (
        "alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, "
        "florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, "
        "maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, "
        "nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north "
        "dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south "
        "dakota, tennessee, texas, utah, vermont, virginia, washington, west virginia, wisconsin, "
        "wyoming, usa, us, united states, india, canada, uk, united kingdom, england, scotland, "
        "ireland, germany, france, spain, italy, netherlands, sweden, norway, denmark, finland, "
        "switzerland, austria, belgium, portugal, poland, israel, singapore, australia, new "
        "zealand, japan, china, hong kong, korea, south korea, taiwan, vietnam, philippines, "
        "indonesia, malaysia, thailand, pakistan, bangladesh, sri lanka, nepal, uae, dubai, saudi "
        "arabia, qatar, egypt, nigeria, kenya, south africa, brazil, mexico, argentina, chile, "
        "colombia, peru, karnataka, maharashtra, tamil nadu, telangana, kerala, delhi, haryana, "
        "uttar pradesh, west bengal, gujarat, rajasthan, punjab, ontario, quebec, british "
        "columbia, alberta, andhra pradesh, madhya pradesh, bihar, odisha, assam, goa, "
        "manitoba, saskatchewan, nova scotia, new brunswick, newfoundland, victoria, new south "
        "wales, queensland, western australia, south australia, tasmania, wales, northern "
        "ireland, bavaria, hesse, saxony, united arab emirates, turkey, greece, ukraine, "
        "romania, czech republic, czechia, hungary, ghana, ethiopia, morocco, jordan, lebanon, "
        "kuwait, oman, bahrain, luxembourg, estonia, latvia, lithuania, croatia, serbia, "
        "bulgaria, slovakia, slovenia, iceland, uruguay, costa rica, panama, ecuador"
    ).split(",")
)


# More profile and project links than any resume lists.
MAX_LINKS = 50


def _is_region(text: str | None) -> bool:
    if not text:
        return False
    return text in _STATE_CODES or text.casefold() in _REGIONS


def _is_name_word(word: str) -> bool:
    """ "María", "O'Neil", "Jean-Luc", "Q." or "DOE": capitalised letters, any alphabet."""
    core = word.rstrip(".")
    if not core or not core[0].isupper():
        return False
    return all(ch.isalpha() or ch in "'’-" for ch in core)


def find_email(text: str) -> str | None:
    match = EMAIL.search(text)
    return match.group(0).rstrip(".") if match else None


# The shortest numbers anywhere, with their country code: "+683 1234" (Niue), seven digits.
_LEAST_DIGITS = 7
# Digits with only what numbers are written with between them (a run of a date range, "Jan
# 2019 – Dec 2021", stops at the month); possessive, so a long hostile run is read once.
_DIGIT_RUN = re.compile(r"\d[\d\s().\-‐-―−/]*+")


def find_phone(text: str, region: str = DEFAULT_REGION) -> str | None:
    """The first phone number in the text, as written (whitespace normalised).

    Read by Google's libphonenumber (the `phonenumbers` port), which knows every country's
    number lengths: any number written with its +country code (or 00 before it), and numbers
    without one that are possible in `region` (US by default: ten digits). Dates, years, zip
    codes, grades and IDs are refused by the checks in `_is_phone`.
    """
    if not any(sum(map(str.isdigit, run)) >= _LEAST_DIGITS for run in _DIGIT_RUN.findall(text)):
        return None  # most lines of a resume: checked before the library's slower matcher
    found = _first_phone(text, text, region)
    if found is None and "00" in text:
        # "0044 20 …": the international prefix most of the world dials, read like "+44 20 …"
        # (a second try: a "00" inside a number must not be read so). Replaced in place by
        # " +" so that the match's offsets still index the original text.
        found = _first_phone(_IDD_00.sub(" +", text), text, region)
    return found


def _first_phone(dialled: str, text: str, region: str) -> str | None:
    for match in phonenumbers.PhoneNumberMatcher(dialled, region, leniency=Leniency.POSSIBLE):
        start = match.start
        if dialled[start] == "+" and text[start - 1 : start + 1] == "00":
            start -= 1
        written = text[start : match.end]
        if _is_phone(match.number, written, text[max(0, start - 16) : start]):
            return " ".join(written.split())
    return None


def _is_phone(number: phonenumbers.PhoneNumber, written: str, before: str) -> bool:
    if _ID_LABEL.search(before) or "/" in written or re.search(r"\d\s*/\s*$", before):
        return False  # "ISBN 0-306-…", "Student ID 20191…", "01/2019 - 12/2023"
    if written.lstrip().startswith(("+", "00")):
        return True  # an international number: the library checked its length for the country
    # A number in the default region's own form. NANP (+1) numbers have ten digits and
    # an area code that cannot start with 0 or 1 (an ISBN-10 or an account number can).
    national = str(number.national_number)
    groups = tuple(len(g) for g in re.findall(r"\d+", written))
    if number.extension and groups:
        groups = groups[:-1]  # "… ext. 12"
    if number.country_code == 1:
        return len(national) == 10 and national[0] not in "01" and groups in _NATIONAL_GROUPS
    return phonenumbers.is_valid_number(number)


def classify_link(url: str) -> LinkKind:
    lowered = url.casefold()
    if "linkedin.com" in lowered:
        return "linkedin"
    if "github.com" in lowered:
        return "github"
    return "portfolio"


def normalise_url(url: str) -> str:
    url = unquote(url.strip().rstrip(".,;:)"))
    if not re.match(r"^[a-z]+:", url, re.IGNORECASE):
        url = "https://" + url
    return url


def find_links(texts: Iterable[str], targets: Sequence[str]) -> tuple[Link, ...]:
    """Profile links from link targets first (they are exact), then from printed URLs."""
    seen: dict[str, Link] = {}
    candidates = [t for t in targets if not t.casefold().startswith(("mailto:", "tel:"))]
    for text in texts:
        bare = EMAIL.sub(" ", text) if "@" in text else text
        candidates.extend(m.group(0) for m in _URL.finditer(bare))
        candidates.extend(m.group(0) for m in _DOMAIN.finditer(bare))
    for raw in candidates:
        if len(seen) >= MAX_LINKS:
            break  # each new link is compared with every kept one
        url = normalise_url(raw)
        key = re.sub(r"^https?://(www\.)?", "", url.casefold()).rstrip("/")
        if len(key) < 4 or "." not in key.split("/")[0] or key in seen:
            continue
        if any(key.startswith(k) or k.startswith(key) for k in seen):
            continue
        seen[key] = Link(kind=classify_link(url), url=url)
    return tuple(seen.values())


_PLACE_PLACEHOLDER = re.compile(r"\bCity\s*,\s*State\b")
# One of the grey labels a LinkedIn export prints after a contact item, in English:
# "+1 555 0100 (Mobile)", "… (LinkedIn)".
FIELD_LABEL = re.compile(r"\((?:Mobile|Home|Work|LinkedIn|Portfolio|Company|Personal|Blog|Other)\)")
# A place written out: capitalised words joined by commas ("Skien, Vestfold og Telemark,
# Norway"), with the small words of place names in several languages.
_PLACE_WORD = (
    r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|do|da|del|la|le|län|am|upon|og|och|und|y|di|von|van))*"
)


def is_place_line(text: str, parts: tuple[int, int] = (1, 4)) -> bool:
    """Whether a whole line is shaped like a place of `parts` comma-separated parts."""
    least, most = parts
    shape = rf"{_PLACE_WORD}(?:,\s*{_PLACE_WORD}){{{least - 1},{most - 1}}}"
    return re.fullmatch(shape, text.strip()) is not None


def find_location(texts: Iterable[str]) -> str | None:
    """ "City, ST", "City, State" or "City, Country" (optionally ", Country"), or "Remote"."""
    for text in texts:
        for piece in re.split(r"\s*[|｜•·◦▪♦]\s*|\s[-–—]\s|\s{3,}|\t", text):
            part = _URL.sub(" , ", EMAIL.sub(" , ", piece))
            # A template's own placeholder ("Company Name ｜ City , State"), as the
            # anonymised resumes of job sites print it: a location, not a job title.
            placeholder = _PLACE_PLACEHOLDER.search(part)
            if placeholder:
                return placeholder.group(0)
            # Overlapping tries: "Hooli, Palo Alto, CA" fails at "Hooli, Palo Alto" and
            # succeeds at "Palo Alto, CA".
            match = _LOCATION.search(part)
            while match:
                if _is_region(match.group(2)) and (
                    match.group(3) is None or _is_region(match.group(3))
                ):
                    return match.group(0)
                match = _LOCATION.search(part, match.start() + 1)
            if part.strip().casefold() == "remote":
                return part.strip()
    return None


# Words that only say what the next part is: a link's or a number's label. Not kept once the
# field they label is read.
FIELD_LABEL_WORDS = frozenset(
    "linkedin github gitlab portfolio website web site blog email e-mail mail phone mobile "
    "tel cell contact in".split()
)
_PARTS = re.compile(r"\s*[|｜•·◦▪♦,;]\s*|\s[-–—]\s|\s{2,}|\t")


def unheld_parts(text: str, contact: Contact) -> list[str]:
    """The parts of a contact line that no contact field holds ("US Citizen", a postcode, a
    second number, "Open to relocation"): the line without its email, links, phone, name and
    place, cut at its separators, less the labels of what was taken out."""
    rest = " ".join(text.split())
    for held in (contact.phone, contact.location, contact.name):
        if held:
            rest = rest.replace(held, " | ")
    for pattern in (EMAIL, _URL, _DOMAIN, FIELD_LABEL):
        rest = pattern.sub(" | ", rest)
    # Icons and punctuation at a part's edges go ("📞 ", "/"), but not a closing bracket.
    parts = (re.sub(r"^[^\w(]+|[^\w)]+$", "", p) for p in _PARTS.split(rest))
    return [p for p in parts if p and p.casefold() not in FIELD_LABEL_WORDS]


def find_name(lines: Sequence[Line]) -> str | None:
    """The most name-like of the first lines: 2–4 capitalised words (5 in the largest type),
    largest type preferred.

    Scored like OpenResume's feature scoring: letters and spaces only, bold, large, all caps,
    and no "@", digits or separators.
    """
    best: tuple[float, int, str] | None = None
    largest = max((ln.size or 0 for ln in lines[:8]), default=0)
    for index, line in enumerate(lines[:8]):
        text = re.sub(r"^(?:full\s+)?name\s*[:\-]\s*", "", line.text.strip(), flags=re.I)
        text = re.split(r"\s*[|•·,\t]\s*|\s{3,}", text)[0].strip()
        words = text.split()
        # Five words only in the page's largest type: many names are that long ("Muhammad
        # Daniel Fahmi Md Nasrein", "Ana María García López"), few headlines that short.
        most = 5 if largest and line.size == largest else 4
        if not 2 <= len(words) <= most or any(not _is_name_word(w) for w in words):
            continue
        if any(w.casefold().strip(".") in _NOT_NAME for w in words):
            continue
        score = 3.0 - index * 0.3
        score += 1.0 if line.bold else 0.0
        score += 2.0 if line.size and line.size == max(ln.size for ln in lines[:8]) else 0.0
        score += 0.5 if text == line.text.strip() else 0.0
        if best is None or score > best[0]:
            best = (score, index, text)
    if best is None:
        return None
    name = best[2]
    if name.isupper():
        name = " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())
    return name


_NOT_NAME = {
    "resume",
    "curriculum",
    "vitae",
    "cv",
    "experience",
    "education",
    "skills",
    "summary",
    "profile",
    "objective",
    "product",
    "manager",
    "engineer",
    "developer",
    "analyst",
    "associate",
    "intern",
    "university",
    "college",
    "street",
    "road",
    "avenue",
    "contact",
    "page",
    "phone",
    "email",
    "address",
    "linkedin",
    "github",
    "portfolio",
    "senior",
    "software",
    "data",
    "designer",
    "consultant",
    "specialist",
    "director",
    "lead",
    "the",
    "and",
    "of",
    "project",
    "technical",
    "professional",
    "personal",
    "information",
}


def extract_contact(
    top_lines: Sequence[Line], all_text: Sequence[str], link_targets: Sequence[str]
) -> Contact:
    top_text = [line.text for line in top_lines]
    email = find_email(" ".join(top_text)) or find_email("\n".join(all_text))
    if email is None:
        mailto = next((t for t in link_targets if t.casefold().startswith("mailto:")), None)
        email = find_email(mailto[7:]) if mailto else None
    # The top first; then the body, where a phone may sit in a footer or a closing line: line
    # by line, so that the many lines without enough digits skip the library's matcher.
    phone = find_phone("\n".join(top_text)) or next(filter(None, map(find_phone, all_text)), None)
    return Contact(
        name=find_name(top_lines),
        email=email,
        phone=phone,
        location=next((ln.text.strip() for ln in top_lines if ln.place), None)
        or find_location(top_text),
        links=find_links([*top_text, *all_text], link_targets),
    )
