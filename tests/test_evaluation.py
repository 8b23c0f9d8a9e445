"""The evaluation's metrics on tiny synthetic inputs, and the command's behaviour.

No corpus data here: every resume, label and name below is invented in the test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import evaluation as ev
from evaluation import files as ev_files
from resume_analyzer.document import Bullet, Contact, Link, Resume, Section
from resume_analyzer.errors import CorruptDocumentError

FAKE_NAME = "Zorblax Quuxington"
FAKE_EMAIL = "zorblax.q@example.org"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Led the  LAUNCH of X!  ", "led the launch of x"),
        ("end-to-end", "end to end"),
        ("end- to-end", "end to end"),
        ("“Quoted” — dash", "quoted dash"),
        ("...", ""),
    ],
)
def test_normalize_bullet(text: str, expected: str) -> None:
    assert ev.normalize_bullet(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a.b@example.com", True),
        ("  a.b@example.com \n", True),
        ("indeed.com/r/Some-One/0123abcd", False),
        ("Email: a@b.co", False),
        ("", False),
    ],
)
def test_looks_like_email(text: str, expected: bool) -> None:
    assert ev.looks_like_email(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+1 (555) 010-2030", True),
        ("555-0102", True),
        ("+44 20 7946 0000 ext. 12", True),
        ("2019 - 2021", False),
        ("Call 555", False),
        ("", False),
    ],
)
def test_looks_like_phone(text: str, expected: bool) -> None:
    assert ev.looks_like_phone(text) is expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Ada Lovelace", "ada  LOVELACE", 1.0),
        ("Ada", "Ada Lovelace", 0.5),
        ("Ada B. Lovelace", "Ada Lovelace", 2 / 3),
        ("Someone Else", "Ada Lovelace", 0.0),
        ("", "Ada Lovelace", 0.0),
    ],
)
def test_token_overlap(predicted: str, gold: str, expected: float) -> None:
    assert ev.token_overlap(predicted, gold) == pytest.approx(expected)


def test_multiset_jaccard_counts_repeats() -> None:
    assert ev.multiset_jaccard(Counter(a=2, b=1), Counter(a=1, c=1)) == pytest.approx(1 / 4)
    assert ev.multiset_jaccard(Counter(a=1), Counter(a=1)) == 1.0
    assert ev.multiset_jaccard(Counter(), Counter()) == 1.0
    assert ev.multiset_jaccard(Counter(a=1), Counter()) == 0.0


def test_percentile_interpolates_and_timing_stats() -> None:
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert ev.percentile(values, 50) == 3.0
    assert ev.percentile(values, 95) == pytest.approx(4.8)
    assert ev.percentile([7.0], 95) == 7.0
    assert ev.timing_stats(values) == {"median": 3.0, "p95": 4.8, "max": 5.0}
    assert ev.timing_stats([]) == {"median": 0.0, "p95": 0.0, "max": 0.0}


def test_labeled_contact_reads_span_texts_and_strips_them() -> None:
    record = {
        "content": "irrelevant",
        "annotation": [
            {"label": ["Name"], "points": [{"start": 0, "end": 3, "text": " Ada L \n"}]},
            {"label": ["Email Address"], "points": [{"start": 5, "end": 9, "text": "a@b.io"}]},
            {"label": ["Skills"], "points": [{"start": 0, "end": 1, "text": "Python"}]},
        ],
    }
    labeled = ev.labeled_contact(record)
    assert labeled.names == ("Ada L",)
    assert labeled.emails == ("a@b.io",)
    assert ev.labeled_contact({"content": "x", "annotation": None}).names == ()


def _pair(emails: tuple[str, ...], names: tuple[str, ...], contact: Contact | None) -> ev.Pair:
    return ev.LabeledContact("text with @", emails, names), contact


def test_score_emails_skips_obfuscated_labels() -> None:
    pairs = [
        _pair(("Ada@Example.com ",), (), Contact(email="ada@example.com")),
        _pair(("b@example.com",), (), Contact(email="other@example.com")),
        _pair(("c@example.com",), (), None),  # the parse failed
        _pair(("indeed.com/r/Some-One/ab12",), (), Contact()),
    ]
    scores = ev.score_emails(pairs)
    assert scores["labeled_items"] == 4
    assert scores["skipped_not_an_email"] == 1
    assert scores["docs_evaluated"] == 3
    assert scores["correct"] == 1
    assert scores["found"] == 2
    assert scores["accuracy"] == pytest.approx(0.333)
    assert scores["coverage"] == pytest.approx(0.667)


def test_score_names_exact_and_overlap() -> None:
    pairs = [
        _pair((), ("Ada  Lovelace",), Contact(name="ada lovelace")),
        _pair((), ("Grace Hopper",), Contact(name="Grace")),
        _pair((), ("Alan Turing",), Contact(name="Curriculum Vitae")),
        _pair((), ("Edsger Dijkstra",), Contact()),
        _pair((), (), Contact(name="Unlabeled Person")),
    ]
    scores = ev.score_names(pairs)
    assert scores["docs_evaluated"] == 4
    assert (scores["exact"], scores["overlap"], scores["found"]) == (1, 2, 3)
    assert scores["accuracy_overlap"] == 0.5


def test_score_phones_counts_phone_looking_values_only() -> None:
    pairs = [
        _pair((), (), Contact(phone="+44 20 7946 0000")),
        _pair((), (), Contact(phone="ext. 12")),
        _pair((), (), None),
    ]
    scores = ev.score_phones(pairs)
    assert (scores["phone_returned"], scores["phone_like"]) == (2, 1)
    assert scores["phone_like_rate"] == pytest.approx(0.333)


def _resume(kinds: list[str], bullets: list[str], **contact: str) -> Resume:
    sections = tuple(
        Section(
            kind=kind,  # type: ignore[arg-type]
            heading=kind.title(),
            page=1,
            line=i,
            bullets=tuple(Bullet(text=t, page=1, line=i) for t in (bullets if i == 0 else [])),
        )
        for i, kind in enumerate(kinds)
    )
    links = (Link("linkedin", "https://linkedin.com/in/x"),)
    return Resume(Contact(links=links, **contact), sections, pages=1, source_format="pdf")


def test_compare_layouts_reports_counts_not_text() -> None:
    a = ev.layout_signature(
        _resume(["experience", "skills"], ["Shipped X.", "Grew Y by 5%", "Grew Y by 5%"], name="A")
    )
    b = ev.layout_signature(
        _resume(["skills", "experience"], ["shipped x", "Grew Y by 5%", "Cut Z"], name="A B")
    )
    result = ev.compare_layouts(a, b)
    assert result["same_section_kinds"] is False
    assert result["bullet_jaccard"] == pytest.approx(0.5)  # {x, y} of {x, y, y, z}
    assert (result["bullets_only_in_first"], result["bullets_only_in_second"]) == (1, 1)
    assert result["contact_equal"] is False
    assert result["contact_fields_differing"] == ["name"]
    assert ev.compare_layouts(a, a)["contact_equal"] is True


def _row(status: str, sections: list[str], bullets: int = 1, group: str = "pdf") -> ev.FileResult:
    name = f"{group}/f{len(sections)}{status}.pdf"
    return ev.FileResult(name, group, None, status, 10.0, sections=sections, bullets=bullets)


def test_section_and_failure_stats() -> None:
    rows = [
        _row("ok", ["experience", "education"]),
        _row("ok", ["other"], bullets=0),
        _row("ok", []),
        _row("scanned_document", []),
        _row("bug", [], group="docx"),
    ]
    sections = ev.section_stats(rows)
    assert sections["files"] == 3
    assert sections["files_with_kind"]["experience"] == 1
    assert sections["mean_sections"] == 1.0
    assert (len(sections["zero_sections"]), len(sections["only_other"])) == (1, 1)
    assert len(sections["no_bullets"]) == 1
    failures = ev.failure_stats(rows)
    assert (failures["files"], failures["ok"]) == (5, 3)
    assert failures["failed"] == {"bug": 1, "scanned_document": 1}
    assert set(failures["by_group"]) == {"pdf", "docx"}


def test_unexpected_exception_is_a_bug_without_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Resume:
        raise RuntimeError(f"leaked {FAKE_NAME}")

    monkeypatch.setattr(ev_files, "parse_resume", broken)
    attempt = ev.attempt_parse(b"anything", "x.txt")
    assert (attempt.status, attempt.error_type) == ("bug", "RuntimeError")
    assert FAKE_NAME not in repr(attempt)


def test_document_error_is_recorded_by_code() -> None:
    assert ev.attempt_parse(b"", "x.txt").status == "empty_document"


def test_command_on_missing_corpus_exits_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(ev.main, ["--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 0
    assert "corpus not found, nothing evaluated" in result.output


def test_command_never_prints_names_or_emails(tmp_path: Path) -> None:
    text = f"{FAKE_NAME}\n{FAKE_EMAIL}\n\nExperience\n- Built a synthetic thing\n"
    start = text.index(FAKE_NAME)
    record = {
        "content": text,
        "annotation": [
            {
                "label": ["Name"],
                "points": [{"start": start, "end": start + len(FAKE_NAME) - 1, "text": FAKE_NAME}],
            }
        ],
    }
    labeled = tmp_path / "labeled"
    labeled.mkdir()
    (labeled / "DataTurks-synthetic-traindata.json").write_text(json.dumps(record) + "\n")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(ev.main, ["--corpus", str(tmp_path), "--json", str(report)])
    assert result.exit_code == 0, result.output
    written = report.read_text()
    for secret in (FAKE_NAME, FAKE_EMAIL, "synthetic thing"):
        assert secret.casefold() not in result.output.casefold()
        assert secret.casefold() not in written.casefold()
    assert json.loads(written)["contacts"]["name"]["docs_evaluated"] == 1


def test_document_error_hiding_our_exception_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    def reader(*_args: object, **_kwargs: object) -> Resume:
        try:
            int("not a number")  # stands for a bug in our own layout code
        except ValueError:
            raise CorruptDocumentError("damaged") from None
        raise AssertionError("unreachable")

    monkeypatch.setattr(ev_files, "parse_resume", reader)
    monkeypatch.setattr(
        ev_files, "_is_ours", lambda filename: filename.endswith("test_evaluation.py")
    )
    attempt = ev.attempt_parse(b"anything", "x.pdf")
    assert attempt.status == "corrupt_document"
    assert attempt.wrapped is not None
    assert attempt.wrapped.startswith("ValueError at test_evaluation.py:")


def test_a_round_on_rare_codes_keeps_their_findings_and_renumbers_sources() -> None:
    from evaluation.audit_round import only_codes

    def item(source: int, code: str, kind: str = "finding") -> dict[str, object]:
        return {"source": source, "code": code, "kind": kind, "id": f"{source}{code}"}

    items = [
        item(3, "buzzword"),  # a source the audit already had: never taken
        item(5, "buzzword"),
        item(7, "filler"),
        item(7, "no_outcome"),  # another code: left out
        item(9, "spelling"),
        item(11, "buzzword", kind="rewrite"),
    ]
    kept, used = only_codes(items, {"buzzword", "spelling"}, per_code=5, first_new=4, seed=1)
    assert sorted((i["code"], i["source"]) for i in kept) == [("buzzword", 4), ("spelling", 5)]
    assert used == [5, 9]  # the new sources that gave an item, in order
    capped, _ = only_codes(items * 3, {"buzzword"}, per_code=2, first_new=4, seed=1)
    assert len(capped) == 2


def test_the_audit_counts_how_top_fixes_were_judged() -> None:
    """A top fix is matched to its line's label by the exact key, else the loose one; one no
    label covers is counted apart, never as right or wrong."""
    from evaluation.audit import Today, _judged_fixes

    fixes = (
        (("k1", "loose:l1"), "no_metric"),
        (("k2", "loose:l2"), "too_long"),
        (("k3", "loose:l3"), "weak_verb"),
    )
    today = {"d1": Today(set(), {}, top_fixes=fixes)}
    judgement = {("d1", "k1", "no_metric"): "true", ("d1", "loose:l2", "too_long"): "false"}
    assert _judged_fixes(today, judgement, "top_fixes") == {
        "on_lines": 3,
        "labeled": 2,
        "true": 1,
        "false": 1,
        "pedantic": 0,
        "true_share": 0.5,
    }
