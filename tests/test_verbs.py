"""The verb-forms table gives lemminflect's answers, and is not stale (`make verbs`)."""

from __future__ import annotations

import pytest
from lemminflect import (
    Lemmatizer,
    getAllInflections,
    getAllLemmas,
    getInflection,
    getLemma,
)

from resume_analyzer.nlp import verbs


def lemminflect_verb_forms(word: str) -> tuple[str, frozenset[str]] | None:
    """What the analyzer asked lemminflect before the table, written out as it was."""
    lemmas = getAllLemmas(word, upos="VERB").get("VERB")
    if not lemmas:
        if len(word) < 6 or not word.endswith("ed"):
            return None
        found = getLemma(word, upos="VERB", lemmatize_oov=True)
        if not found or word not in getInflection(found[0], tag="VBD", inflect_oov=True):
            return None
        return found[0], frozenset({"VBD", "VBN"})
    lemma = str(lemmas[0])
    inflections = getAllInflections(lemma, upos="VERB")
    return lemma, frozenset(tag for tag, words in inflections.items() if word in words)


def lemminflect_past(word: str) -> str | None:
    lemmas = getLemma(word.lower(), upos="VERB")
    if not lemmas:
        return None
    forms = getInflection(lemmas[0], tag="VBD")
    return forms[0] if forms else None


# Words no dictionary lists, and ones that are not verbs at all.
UNLISTED = [
    "architected", "reimplemented", "reframed", "productized", "dockerized", "upleveled",
    "onboarded", "sunsetted", "deduped", "kanban", "roadmap", "figma", "led", "ran", "sat",
    "cut", "put", "spearheaded", "leading", "managing", "grew", "dedupe", "okrs",
]  # fmt: skip


def test_every_dictionary_verb_has_lemminflects_answer() -> None:
    words = sorted(
        word
        for word in Lemmatizer()._getLemmaDict()
        if word == word.lower() and getAllLemmas(word, upos="VERB").get("VERB")
    )
    assert len(words) > 20_000
    wrong = [w for w in words if verbs.verb_forms(w) != lemminflect_verb_forms(w)]
    assert wrong == []


@pytest.mark.parametrize("word", UNLISTED)
def test_unlisted_words_fall_back_to_the_rules(word: str) -> None:
    assert verbs.verb_forms(word) == lemminflect_verb_forms(word)


@pytest.mark.parametrize(
    "word", [*UNLISTED, "Leading", "Manage", "Drive", "Build", "Analyzing", "Architect"]
)
def test_past_tense_is_lemminflects(word: str) -> None:
    assert verbs.past_tense(word) == lemminflect_past(word)


@pytest.mark.parametrize(
    ("word", "past"),
    [("troubleshoot", "troubleshot"), ("Co-lead", "co-led"), ("upsell", "upsold"),
     ("outsell", "outsold"), ("co-found", "co-founded"), ("upgrade", "upgraded"),
     ("outline", "outlined")],
)  # fmt: skip
def test_a_compound_inflects_as_its_last_verb(word: str, past: str) -> None:
    # lemminflect says "troubleshooted" and "co-leaded"; a coach would not.
    assert verbs.past_tense(word) == past


def test_examples() -> None:
    assert verbs.verb_forms("led") == ("lead", frozenset({"VBD", "VBN"}))
    assert verbs.verb_forms("architected") == ("architect", frozenset({"VBD", "VBN"}))
    assert verbs.verb_forms("roadmap") is None
    assert verbs.past_tense("Leading") == "led"


def test_the_table_is_current() -> None:
    """A new lemminflect (or an edit) changes the rows: run `make verbs`."""
    rows = verbs.table_path().read_text(encoding="utf-8").splitlines()
    assert rows == verbs.build_rows(), "verb_forms.tsv is stale: run `make verbs`"
