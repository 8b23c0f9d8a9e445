"""The report as lines of text: counts and ratios, never resume text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from evaluation.metrics import HEADLINE_KINDS, NAME_OVERLAP_THRESHOLD, rate

# --- Rendering ----------------------------------------------------------------------------------


def _ratio(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.1f}%)" if total else f"{count}/0"


def _ms(stats: dict[str, float]) -> str:
    return f"median {stats['median']} ms, p95 {stats['p95']} ms, max {stats['max']} ms"


def _names(files: Sequence[str], shown: int = 8) -> str:
    names = ", ".join(Path(f).name for f in files[:shown])
    return names + (f", … (+{len(files) - shown})" if len(files) > shown else "")


def render_failures(failures: dict[str, Any]) -> list[str]:
    lines = ["== 1. Parse failures"]
    for group, stats in [("all", failures), *failures["by_group"].items()]:
        failed = ", ".join(f"{code} {n}" for code, n in stats["failed"].items()) or "none"
        lines.append(
            f"  {group:<11} ok {_ratio(stats['ok'], stats['files'])}; failed: {failed}; "
            f"per file {_ms(stats['ms'])}; per page median {stats['ms_per_page']['median']} ms"
        )
    lines.append(f"  bugs (exceptions that are not DocumentError): {len(failures['bugs'])}")
    # One line per distinct exception and place: a single broken import fails every file.
    grouped: dict[str, list[str]] = {}
    for bug in failures["bugs"]:
        grouped.setdefault(f"{bug['error_type']} at {bug['at']}", []).append(bug["file"])
    lines += [f"    {where}: {len(files)} ({_names(files)})" for where, files in grouped.items()]
    slowest = ", ".join(
        f"{Path(r['file']).name} {r['ms']:.0f} ms/{r['pages']} p" for r in failures["slowest"]
    )
    lines.append(f"  slowest: {slowest}")
    wrapped = failures["wrapped_bugs"]
    lines.append(f"  DocumentErrors hiding an exception raised in our code: {len(wrapped)}")
    lines += [f"    {w['file']}: {w['code']} from {w['wrapped']}" for w in wrapped]
    return lines


def render_sections(sections: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["== 2. Sections found (files that parsed)"]
    for group, stats in sections.items():
        n = stats["files"]
        kinds = ", ".join(f"{k} {v}" for k, v in stats["files_with_kind"].items() if v)
        lines += [
            f"  {group}: {n} files, mean {stats['mean_sections']} sections; files with: {kinds}",
            f"    zero sections {len(stats['zero_sections'])}, only 'other' "
            f"{len(stats['only_other'])}, no bullets {len(stats['no_bullets'])}",
        ]
        if group in ("pdf", "docx"):
            for label in ("zero_sections", "only_other", "no_bullets"):
                if stats[label]:
                    lines.append(f"      {label}: {_names(stats[label])}")
    return lines


def render_categories(categories: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["== livecareer category -> section kinds (files having it / files parsed)"]
    for category, info in categories.items():
        kinds = ", ".join(f"{k} {v}" for k, v in info["kinds"].items())
        lines.append(f"  {category:<22} {info['files']:>3}: {kinds}")
    return lines


def render_contacts(contacts: dict[str, Any] | None) -> list[str]:
    if contacts is None:
        return ["== 3. Contacts: DataTurks labels not found, skipped"]
    email, name, phone = contacts["email"], contacts["name"], contacts["phone"]
    status = ", ".join(f"{k} {v}" for k, v in sorted(contacts["status"].items()))
    return [
        f"== 3. Contacts vs DataTurks labels ({contacts['docs']} texts; parse: {status}; "
        f"{_ms(contacts['ms'])}; bugs {len(contacts['bugs'])})",
        f"  name: exact {_ratio(name['exact'], name['docs_evaluated'])}, token overlap >= "
        f"{NAME_OVERLAP_THRESHOLD} {_ratio(name['overlap'], name['docs_evaluated'])}, "
        f"coverage {_ratio(name['found'], name['docs_evaluated'])}",
        f"  email: {email['labeled_items']} labeled, {email['skipped_not_an_email']} skipped "
        "(label is not an email, e.g. an obfuscated indeed.com/r/… path); "
        f"correct {_ratio(email['correct'], email['docs_evaluated'])}, "
        f"coverage {_ratio(email['found'], email['docs_evaluated'])}",
        f"    an email was returned for {email['docs_with_email_returned']} texts, "
        f"{email['returned_without_at_in_text']} of them without '@' in the text",
        f"  phone: no phone label in DataTurks; phone-looking value found in "
        f"{_ratio(phone['phone_like'], phone['docs'])} (any phone {phone['phone_returned']}; "
        f"texts with a 10-13 digit run: {phone['texts_with_phone_like_digits']})",
    ]


def render_layouts(layouts: dict[str, Any] | None) -> list[str]:
    if layouts is None:
        return ["== 4. Layouts: the three srbhr_Resume-Matcher layout PDFs not found, skipped"]
    lines = ["== 4. Same content, three layouts"]
    for name, info in layouts["layouts"].items():
        sections = zip(info.get("sections", []), info.get("bullets_per_section", []), strict=True)
        detail = f"{info.get('bullets', 0)} bullets; " + " > ".join(
            f"{kind} ({count})" for kind, count in sections
        )
        lines.append(f"  {name:<18} {info['status']}: {detail}")
    for pair, c in layouts["pairs"].items():
        differing = ", ".join(c["contact_fields_differing"]) or "none"
        lines.append(
            f"  {pair}: same kinds {c['same_section_kinds']}, bullet Jaccard "
            f"{c['bullet_jaccard']}, only in first {c['bullets_only_in_first']}, only in second "
            f"{c['bullets_only_in_second']}, contact differs: {differing}"
        )
    return lines


def headline(report: dict[str, Any]) -> list[str]:
    """The figures to compare between runs."""
    f, s = report["failures"], report["sections"]["all"]
    lines = [
        "== Summary",
        f"  parsed ok {_ratio(f['ok'], f['files'])}, bugs {len(f['bugs'])} "
        f"(+{len(f['wrapped_bugs'])} hidden in DocumentErrors), {_ms(f['ms'])}",
        "  files with "
        + ", ".join(f"{k} {_ratio(s['files_with_kind'][k], s['files'])}" for k in HEADLINE_KINDS),
        f"  zero sections {len(s['zero_sections'])}, only 'other' {len(s['only_other'])}, "
        f"no bullets {len(s['no_bullets'])}, mean sections {s['mean_sections']}",
    ]
    if (c := report["contacts"]) is not None:
        n = c["name"]["docs_evaluated"]
        lines.append(
            f"  DataTurks name exact {rate(c['name']['exact'], n)}, overlap "
            f"{rate(c['name']['overlap'], n)}; email scorable {c['email']['docs_evaluated']} "
            f"(skipped {c['email']['skipped_not_an_email']}); phone-like "
            f"{c['phone']['phone_like_rate']}"
        )
    if (lay := report["layouts"]) is not None and lay["pairs"]:
        pairs = list(lay["pairs"].values())
        lines.append(
            f"  layouts: same kinds {sum(p['same_section_kinds'] for p in pairs)}/{len(pairs)} "
            f"pairs, min bullet Jaccard {min(p['bullet_jaccard'] for p in pairs)}, contact equal "
            f"{sum(p['contact_equal'] for p in pairs)}/{len(pairs)}"
        )
    return lines


def render_report(report: dict[str, Any]) -> Iterable[str]:
    limit = report["livecareer_limit"]
    yield f"Corpus: {report['corpus']} (livecareer: first {limit} per category)"
    yield from render_failures(report["failures"])
    yield from render_sections(report["sections"])
    yield from render_contacts(report["contacts"])
    yield from render_layouts(report["layouts"])
    yield from render_categories(report["livecareer_categories"])
    yield from headline(report)
