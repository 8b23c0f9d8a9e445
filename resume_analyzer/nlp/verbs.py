"""English verb forms: which verb a word is, its tense, and a lemma's past tense.

The answers are lemminflect's (its dictionaries for words it knows, its rules for the rest),
but its dictionaries cover every part of speech and take about 0.7 s to load on the first
lookup, which a one-shot CLI call pays in full. `verb_forms.tsv` holds the verb part of
them, computed once from lemminflect: about 27,000 words, loaded in a few hundredths of a
second. Words it lacks go to lemminflect's rules, which load nothing large.

`make verbs` rewrites the table (`python -m resume_analyzer.nlp.verbs`); a test fails when
it no longer gives lemminflect's answers.

Table rows, tab-separated: `f  word  lemma  tags` (the word's first verb lemma, and the Penn
tags the word is as a form of it, space-separated, maybe none) and `p  lemma  forms` (the
past-tense forms lemminflect gives for a lemma it knows).
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

FILENAME = "verb_forms.tsv"

VerbForms = tuple[str, frozenset[str]]


def table_path() -> Path:
    return Path(str(resources.files(__package__).joinpath(FILENAME)))


@cache
def _table() -> tuple[dict[str, VerbForms], dict[str, tuple[str, ...]]]:
    forms: dict[str, VerbForms] = {}
    past: dict[str, tuple[str, ...]] = {}
    tag_sets: dict[str, frozenset[str]] = {}  # one frozenset per distinct tag string
    with table_path().open(encoding="utf-8") as rows:
        for row in rows:
            kind, key, value, *rest = row.rstrip("\n").split("\t")
            if kind == "f":
                tags = rest[0] if rest else ""
                if tags not in tag_sets:
                    tag_sets[tags] = frozenset(tags.split())
                forms[key] = (value, tag_sets[tags])
            elif kind == "p":
                past[key] = tuple(value.split())
    return forms, past


@cache
def verb_forms(word: str) -> VerbForms | None:
    """(lemma, the Penn tags this exact word is as a verb), e.g. "ran" → ("run", {VBD});
    None when the word is not a verb. `word` is lower case."""
    known = _table()[0].get(word)
    return known if known is not None else _regular_past(word)


def _regular_past(word: str) -> VerbForms | None:
    """A regular past tense no dictionary lists ("architected", "reimplemented", "reframed"):
    its lemma by lemminflect's rules, accepted only when inflecting it gives the word back."""
    if len(word) < 6 or not word.endswith("ed"):
        return None
    lemma = _oov_lemma(word)
    if lemma is None or word not in past_forms(lemma):
        return None
    return lemma, frozenset({"VBD", "VBN"})


def past_forms(lemma: str) -> tuple[str, ...]:
    """The past-tense forms of a verb lemma: "lead" → ("led",), "architect" → ("architected",)."""
    known = _table()[1].get(lemma)
    if known is not None:
        return known
    from lemminflect import getAllInflectionsOOV

    return tuple(getAllInflectionsOOV(lemma, "VERB").get("VBD", ()))


def past_tense(word: str) -> str | None:
    """The past tense of any form of a verb: "leading" → "led", "manage" → "managed"."""
    forms = verb_forms(word.lower())
    lemma = forms[0] if forms else _oov_lemma(word.lower())
    if lemma is None:
        return None
    return _compound_past(lemma) or next(iter(past_forms(lemma)), None)


# Prefixes that make a compound of a verb without changing how it inflects: "troubleshoot"
# is "trouble" + "shoot", so its past is "troubleshot", where the dictionary says
# "troubleshooted"; "co-lead" → "co-led", "upsell" → "upsold".
_COMPOUND_PREFIXES = ("co-", "re-", "trouble", "up", "out", "over", "under", "fore", "broad",
                      "with", "mis", "pre-")  # fmt: skip


def _compound_past(lemma: str) -> str | None:
    """The past of a compound verb whose last part is an irregular verb, or None."""
    for prefix in _COMPOUND_PREFIXES:
        head = lemma[len(prefix) :]
        if lemma.startswith(prefix) and len(head) >= 3:
            known = _table()[1].get(head)
            if known and not known[0].startswith(head):  # "led", "shot", "sold": irregular
                return prefix + known[0]
    return None


def _oov_lemma(word: str) -> str | None:
    from lemminflect import getAllLemmasOOV

    lemmas = getAllLemmasOOV(word, "VERB").get("VERB")
    return str(lemmas[0]) if lemmas else None


# Building the table (make verbs) -----------------------------------------------------------


def build_rows() -> list[str]:
    """The table's rows, from lemminflect's dictionaries (loads them: about 0.7 s)."""
    from lemminflect import Inflections, Lemmatizer, getAllInflections, getAllLemmas, getInflection

    rows = []
    for word in sorted(Lemmatizer()._getLemmaDict()):
        lemmas = getAllLemmas(word, upos="VERB").get("VERB")
        if not lemmas or word != word.lower():
            continue
        lemma = str(lemmas[0])
        inflections = getAllInflections(lemma, upos="VERB")
        tags = sorted(tag for tag, words in inflections.items() if word in words)
        rows.append(f"f\t{word}\t{lemma}\t{' '.join(tags)}")
    for lemma in sorted(Inflections()._getInflDict()):
        if lemma != lemma.lower():
            continue
        found = getInflection(lemma, tag="VBD", inflect_oov=False)
        if found:
            rows.append(f"p\t{lemma}\t{' '.join(found)}")
    return rows


def main() -> int:
    """Rewrite verb_forms.tsv from the installed lemminflect."""
    from importlib.metadata import version

    rows = build_rows()
    table_path().write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{table_path()}: {len(rows)} rows from lemminflect {version('lemminflect')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
