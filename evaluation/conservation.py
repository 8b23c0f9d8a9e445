"""Conservation: does the parsed document keep every word the page says?

    python -m evaluation.conservation --corpus ../shared/corpus [--json report.json]

For each PDF, the words of pdfplumber's plain text (`page.extract_text()`) are compared with
everything the parsed `Resume` holds (contact fields, headings, entry fields, bullets); for each
DOCX, the words of python-docx's paragraphs (body and table cells). Tokens are normalised
(NFKC, so ligatures expand; case-folded; punctuation read as a space). A plain-text word counts
as kept when the document has it, when it is several of the document's words run together (a
justified line whose spaces the plain text lost), or when it is one of a run of plain-text
pieces the document holds as one word (a letter-spaced heading, a line-end hyphen).

Fragments are the opposite: tokens of the document that are not words of the plain text but
join with a neighbour into one that is ("De fi ned"), and runs of three or more single letters.

Lost words are counted by kind: page numbers and running headers (dropped on purpose),
encoding debris (separator glyphs pdfplumber's plain text decodes as "â" or "ï1 4", which the
parser reads as the glyphs they are), doubled glyphs (a bold face drawn twice, which the plain
text spells "lleeaadd"), bullet glyphs (a bullet drawn as the letter "o"), run-together text
(a justified paragraph the plain text gives without spaces, longer than a run is matched),
contact labels (a link's or a number's label in the first lines, "Portfolio", "Phone"; and
in LinkedIn exports the "Contact" heading and "(Mobile)": held as the field they name), company
totals of LinkedIn exports (a company's tenure: the sum of its positions' durations), list
numbers ("1." read as a bullet), and others, the losses not explained.

Only counts, ratios and file names are printed, never the documents' text.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, json_option
from evaluation.files import attempt_parse
from evaluation.metrics import LIVECAREER
from resume_analyzer.document import Resume
from resume_analyzer.parsing.contact import FIELD_LABEL, FIELD_LABEL_WORDS
from resume_analyzer.parsing.linkedin import EXPORT_WARNING

THRESHOLD = 0.995
# Characters of UTF-8 read as Latin-1 (or Windows-1252) in pdfplumber's plain text.
_MOJIBAKE = re.compile(r"[âïãžœ€ð]|Ã|Â")
PDF_GROUPS = ("pdf", "pm", "near", "linkedin")
_CID = re.compile(r"\(cid:\d+\)")
MAX_RUN = 16  # letters of a letter-spaced heading, or words a justified line ran together
_PAGE_FURNITURE = re.compile(
    r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|[-–(]?\s*\d{1,3}\s*[-–)]?)$",
    re.IGNORECASE,
)


def tokens(text: str) -> list[str]:
    """Words as compared here: NFKC (ligatures expand), case-folded, punctuation as space.

    Unreadable glyphs ("(cid:12)"), private-use symbols (icon fonts' bullets) and trademark
    signs are no words.
    """
    # Trademark signs are symbols, though NFKC spells "™" as the letters "TM".
    text = _CID.sub(" ", text).replace("™", " ").replace("℠", " ")
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    spaced = "".join(" " if _is_punct(ch) else ch for ch in text)
    return spaced.split()


def _is_punct(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Format characters (zero-width joiners and spaces, a byte-order mark) are invisible.
    return category[0] in "PSZ" or category in ("Cc", "Co", "Cf")


# --- What the parsed document holds ------------------------------------------------------------


def document_texts(resume: Resume) -> list[str]:
    """Every piece of text the parsed document holds, one string per field or bullet."""
    contact = resume.contact
    texts = [contact.name, contact.email, contact.phone, contact.location]
    texts += [link.url for link in contact.links]
    texts += resume.preamble
    for section in resume.sections:
        texts.append(section.heading)
        for entry in section.entries:
            texts += [entry.title, entry.organization, entry.location, entry.dates]
            texts += entry.details
            texts.append(entry.duration)
        texts += [bullet.text for bullet in section.bullets]
    return [t for t in texts if t]


@dataclass
class Held:
    """The document's tokens, and runs of them joined (what a space-less plain word matches)."""

    words: set[str] = field(default_factory=set)
    joined: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Held:
        held = cls()
        for text in texts:
            toks = tokens(text)
            held.words.update(toks)
            for i in range(len(toks)):
                run = toks[i]
                for tok in toks[i + 1 : i + MAX_RUN]:
                    run += tok
                    held.joined.add(run)
        return held

    def segments(self, word: str) -> bool:
        """Whether `word` is several of the document's words run together (a plain-text line
        that lost its spaces is often longer than MAX_RUN words)."""
        if len(word) < 6:
            return False
        ends = [True] + [False] * len(word)  # ends[i]: word[:i] splits into document words
        for i in range(1, len(word) + 1):
            ends[i] = any(
                ends[j] and (i - j >= 2 or word[j:i] == "a") and word[j:i] in self.words
                for j in range(max(0, i - 30), i)
            )
        return ends[-1]


# --- Comparing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlainLine:
    """One line of the plain text: its tokens, and whether it is page furniture."""

    words: tuple[str, ...]
    kind: str  # "page numbers", "running headers" or "others"
    text: str = ""


def kept_flags(lines: Sequence[PlainLine], held: Held) -> list[list[bool]]:
    """For each plain-text word, whether the document keeps it (see the module docstring)."""
    flags = [[w in held.words or w in held.joined for w in line.words] for line in lines]
    stream = [(li, wi) for li, line in enumerate(lines) for wi in range(len(line.words))]
    words = [lines[li].words[wi] for li, wi in stream]
    for start in range(len(stream)):
        li, wi = stream[start]
        if flags[li][wi]:
            continue
        if held.segments(words[start]):
            flags[li][wi] = True
            continue
        run = ""
        for end in range(start, min(start + MAX_RUN, len(stream))):
            run += words[end]
            if end > start and run in held.words:
                for lj, wj in stream[start : end + 1]:
                    flags[lj][wj] = True
                break
    _pair_lost_halves(flags, stream, words, held)
    return flags


def _pair_lost_halves(
    flags: list[list[bool]], stream: Sequence[tuple[int, int]], words: Sequence[str], held: Held
) -> None:
    """Two lost pieces that make one of the document's words: a hyphenated word that the plain
    text, reading across columns, wrote apart ("experi-" … "ence"); or, near each other, two
    pieces of a line that lost its spaces, cut inside a word at the line's end ("…thriveonap"
    / "plyingmyanalytical…")."""
    lost = [i for i, (li, wi) in enumerate(stream) if not flags[li][wi]]
    for a in lost:
        for b in lost:
            if b <= a:
                continue
            joined = words[a] + words[b]
            near = stream[b][0] - stream[a][0] <= _NEAR_LINES
            if joined in held.words or (near and held.segments(joined)):
                for li, wi in (stream[a], stream[b]):
                    flags[li][wi] = True


# Two columns read across put a word's second half at most a few lines below its first.
_NEAR_LINES = 3


def fragments(texts: Iterable[str], plain: set[str]) -> int:
    """Document tokens that are pieces of a plain-text word, plus runs of single letters."""
    count = 0
    for text in texts:
        toks = tokens(text)
        singles = 0
        for i, tok in enumerate(toks):
            singles = singles + 1 if len(tok) == 1 and tok.isalpha() else 0
            if singles == 3:
                count += 1
            if tok in plain:
                continue
            before = toks[i - 1] + tok if i else ""
            after = tok + toks[i + 1] if i + 1 < len(toks) else ""
            if before in plain or after in plain:
                count += 1
    return count


def furniture_kinds(pages: Sequence[Sequence[str]]) -> list[PlainLine]:
    """Plain-text lines with their kind: page numbers, headers repeated on pages, others."""
    # A running header or footer: the same line (digits aside) at the edge of several pages.
    edges = Counter(k for page in pages for k in {_key(ln) for ln in [*page[:2], *page[-2:]]})
    repeated = {k for k, n in edges.items() if n > 1}
    out = []
    for page in pages:
        for i, line in enumerate(page):
            edge = i < 2 or i >= len(page) - 2
            if _PAGE_FURNITURE.match(line.strip()):
                kind = "page numbers"
            elif edge and _key(line) in repeated:
                kind = "running headers"
            else:
                kind = "others"
            out.append(PlainLine(tuple(tokens(line)), kind, line))
    return out


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().casefold())


@dataclass
class FileConservation:
    file: str
    status: str
    words: int = 0
    kept: int = 0
    fragments: int = 0
    lost_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.kept / self.words if self.words else 1.0

    @property
    def unexplained_share(self) -> float:
        """The share kept, counting only the losses no reason explains ("others")."""
        return 1.0 - self.lost_by_kind.get("others", 0) / self.words if self.words else 1.0


def _artifact(word: str, kind: str) -> str:
    """What pdfplumber's plain text made of a word the page shows otherwise, or `kind`:
    a bold face drawn twice ("lleeaadd"), a bullet drawn as the letter "o", and words run
    together past what the document is compared with ("continuouslearningandthrive")."""
    if kind != "others":
        return kind
    if len(word) >= 4 and all(len(run.group()) > 1 for run in re.finditer(r"(.)\1*", word)):
        # Every letter two or three times over ("lleeaadd", "mmaarryylllaaannndd"): no word
        # is spelled so.
        return "doubled glyphs"
    if word == "o" or (len(word) == 1 and not word.isascii()):
        # Word's Courier "o", or a symbol font's bullet mapped to a letter ("ž").
        return "bullet glyphs"
    if len(word) > 2 * MAX_RUN and word.isalpha():
        return "run-together text"
    return kind


# What a LinkedIn export prints that the parsed document holds as a kind of field, not as
# text: the sidebar's "Contact" heading and the grey labels of its items; and a company's total
# tenure under its name, the sum of its positions' own durations, which each position keeps.
_LINKEDIN_LABELS = re.compile(rf"^Contact\b|{FIELD_LABEL.pattern}")
_LINKEDIN_TOTAL = re.compile(r"(?<![(\w])(?:\d+ years?(?: \d+ months?)?|\d+ months?)\s*$")


def _linkedin_explained(text: str) -> dict[int, str]:
    """Word positions in a plain-text line of a LinkedIn export that are labels or totals."""
    out: dict[int, str] = {}
    kinds = ((_LINKEDIN_LABELS, "contact labels"), (_LINKEDIN_TOTAL, "company totals"))
    for pattern, kind in kinds:
        for match in pattern.finditer(text):
            first = len(tokens(text[: match.start()]))
            out.update((first + k, kind) for k in range(len(tokens(match.group(0)))))
    return out


# A resume's contact details are in the first lines of its first page.
_CONTACT_LINES = 12
_LIST_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")


def _labels_and_numbers(line: PlainLine, contact_area: bool) -> dict[int, str]:
    """Word positions of a plain-text line that the parser reads as marks, not text: a list's
    number ("1. Life Blood Bank …", a bullet written as a number), and in the contact area
    the labels of links and numbers ("Portfolio", "Phone:"), once the field is read."""
    out: dict[int, str] = {}
    if _LIST_NUMBER.match(line.text):
        out[0] = "list numbers"
    if contact_area:
        labels = (i for i, word in enumerate(line.words) if word in FIELD_LABEL_WORDS)
        out.update((i, "contact labels") for i in labels)
    return out


def conserve(name: str, resume: Resume, plain_pages: Sequence[Sequence[str]]) -> FileConservation:
    lines = furniture_kinds(plain_pages)
    texts = document_texts(resume)
    flags = kept_flags(lines, Held.of(texts))
    linkedin = any(w.code == EXPORT_WARNING for w in resume.warnings)
    top = len(plain_pages[0][:_CONTACT_LINES]) if plain_pages else 0
    lost: Counter[str] = Counter()
    for index, (line, line_flags) in enumerate(zip(lines, flags, strict=True)):
        debris = False
        explained = _linkedin_explained(line.text) if linkedin else {}
        explained |= _labels_and_numbers(line, contact_area=index < top)
        for i, (word, kept) in enumerate(zip(line.words, line_flags, strict=True)):
            # pdfplumber's plain text decodes some fonts' separator glyphs as Latin-1 debris
            # ("â", "ï1 4", "activitiesâ"); the parser reads those glyphs, so the debris is not
            # a loss of what the page says. A lone digit right after it is part of it.
            debris = bool(_MOJIBAKE.search(word)) or (debris and word.isdigit() and len(word) == 1)
            if not kept:
                kind = "encoding debris" if debris else _artifact(word, line.kind)
                lost[explained.get(i, kind) if kind == "others" else kind] += 1
    total = sum(len(line.words) for line in lines)
    plain = {w for line in lines for w in line.words}
    return FileConservation(
        file=name,
        status="ok",
        words=total,
        kept=total - sum(lost.values()),
        fragments=fragments(texts, plain),
        lost_by_kind={k: n for k, n in sorted(lost.items()) if n},
    )


# --- Reading the corpus ------------------------------------------------------------------------


def pdf_plain_pages(path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


def docx_plain_pages(path: Path) -> list[list[str]]:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return [lines]


def targets(corpus: Path, livecareer_sample: int) -> Iterator[tuple[str, Path]]:
    for group in PDF_GROUPS:
        folder = corpus / "resumes" / group
        yield from (("pdf", p) for p in sorted(folder.glob("*.pdf")) if p.is_file())
    root = corpus / LIVECAREER
    if root.is_dir():
        for category in sorted(d for d in root.iterdir() if d.is_dir()):
            yield from (("pdf", p) for p in sorted(category.glob("*.pdf"))[:livecareer_sample])
    yield from (("docx", p) for p in sorted((corpus / "resumes" / "docx").glob("*.docx")))


def evaluate(corpus: Path, livecareer_sample: int) -> list[FileConservation]:
    rows = []
    for kind, path in targets(corpus, livecareer_sample):
        name = path.relative_to(corpus).as_posix()
        attempt = attempt_parse(path)
        if attempt.resume is None:
            rows.append(FileConservation(name, attempt.status))
            continue
        plain = pdf_plain_pages(path) if kind == "pdf" else docx_plain_pages(path)
        rows.append(conserve(name, attempt.resume, plain))
    return rows


def render(rows: Sequence[FileConservation]) -> Iterator[str]:
    for kind in ("pdf", "docx"):
        group = [r for r in rows if r.status == "ok" and r.file.endswith(f".{kind}")]
        if not group:
            continue
        shares = [r.share for r in group]
        at = sum(s >= THRESHOLD for s in shares)
        yield f"{kind.upper()}: {at} of {len(group)} files keep >= {THRESHOLD:.1%} of their words"
        yield f"  worst {min(shares):.1%}, median {statistics.median(shares):.1%}"
        clear = [r.unexplained_share for r in group]
        yield (
            f"  counting only unexplained losses: {sum(s >= THRESHOLD for s in clear)} of "
            f"{len(group)} files keep >= {THRESHOLD:.1%}; worst {min(clear):.1%}, median "
            f"{statistics.median(clear):.1%}"
        )
        fragmented = sum(r.fragments > 0 for r in group)
        yield f"  fragments: {sum(r.fragments for r in group)} in {fragmented} files"
        lost: Counter[str] = Counter()
        for r in group:
            lost.update(r.lost_by_kind)
        yield "  words lost by kind: " + (", ".join(f"{k} {n}" for k, n in lost.items()) or "none")
        for r in sorted(group, key=lambda r: r.share):
            if r.share >= THRESHOLD and not r.fragments:
                continue
            kinds = ", ".join(f"{k} {n}" for k, n in r.lost_by_kind.items())
            yield (
                f"  {r.share:6.1%} {r.words - r.kept:4d} lost of {r.words:5d}"
                f" fragments {r.fragments:3d}  {r.file}  [{kinds}]"
            )
    failed = [r for r in rows if r.status != "ok"]
    for r in failed:
        yield f"not parsed ({r.status}): {r.file}"


@click.command()
@corpus_option
@json_option("the per-file figures")
@click.option(
    "--livecareer-sample",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="How many livecareer PDFs to compare per category (first by name).",
)
def main(corpus: Path, json_path: Path | None, livecareer_sample: int) -> None:
    """Report the share of each file's plain-text words the parsed document keeps."""
    if not corpus.is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    rows = evaluate(corpus, livecareer_sample)
    for line in render(rows):
        click.echo(line)
    if json_path is not None:
        report: list[dict[str, Any]] = [asdict(r) | {"share": r.share} for r in rows]
        json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
