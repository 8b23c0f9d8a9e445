"""The built-in taxonomy, validated at build time and shipped in a compiled form.

Validating `skills_taxonomy.yaml` (JSON Schema, spaCy's pattern validator) and lemmatising its
2,000-odd phrases for the lemma matcher cost seconds on every cold start, for a file that
only changes when someone edits it. `compiled.json` holds the result for one exact file: its
SHA-256, the validated data, and each phrase's lemmas under the spaCy model that made them.
Plain JSON, never pickle. A file whose hash differs (a coach's edit, a custom taxonomy) is
validated and lemmatised as before, so the compiled form can only ever save time.

`make taxonomy` rewrites it (`python -m resume_analyzer.taxonomy.compiled`); a test fails
when it is stale.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

FORMAT = 1
FILENAME = "compiled.json"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compiled_path() -> Path:
    return Path(str(resources.files(__package__).joinpath(FILENAME)))


@cache
def _compiled() -> dict[str, Any] | None:
    try:
        found = json.loads(compiled_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # missing or damaged: everything is computed, as for any other file
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        return None
    return found


def validated_data(sha256: str) -> dict[str, Any] | None:
    """The validated data of the taxonomy file with this hash, when it is the compiled one."""
    compiled = _compiled()
    if compiled is None or compiled.get("sha256") != sha256:
        return None
    data = compiled.get("data")
    return data if isinstance(data, dict) else None


def model_id(nlp: Language) -> str:
    """Which pipeline made a lemma: a different model may lemmatise differently."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def known_lemmas(nlp: Language) -> dict[str, list[str]]:
    """phrase → its tokens' lower-cased lemmas, as computed at build time by this model."""
    compiled = _compiled()
    if compiled is None:
        return {}
    lemmas = compiled.get("lemmas") or {}
    if lemmas.get("model") != model_id(nlp):
        return {}
    phrases = lemmas.get("phrases")
    return phrases if isinstance(phrases, dict) else {}


def lemmatize(phrases: Iterable[str], nlp: Language) -> dict[str, list[str]]:
    """Each phrase's tokens' lower-cased lemmas: from the compiled table where it has them,
    else from the pipeline (without the parser, which the lemmatiser does not need)."""
    table = known_lemmas(nlp)
    wanted = list(dict.fromkeys(phrases))
    missing = [phrase for phrase in wanted if phrase not in table]
    found = {phrase: table[phrase] for phrase in wanted if phrase in table}
    for phrase, doc in zip(missing, nlp.pipe(missing, disable=["parser"]), strict=True):
        found[phrase] = [(token.lemma_ or token.text).lower() for token in doc]
    return found


def compile_file(source: Path, nlp: Language) -> dict[str, Any]:
    """The compiled form of a taxonomy file; raises TaxonomyError when it is invalid."""
    from resume_analyzer.nlp.skills import lemma_phrases
    from resume_analyzer.taxonomy.load import _read, load_taxonomy, read_data

    text = _read(source)
    taxonomy = load_taxonomy(source)  # validates, with every problem named
    phrases = lemma_phrases(taxonomy)
    lemmas = {}
    for phrase, doc in zip(phrases, nlp.pipe(phrases, disable=["parser"]), strict=True):
        lemmas[phrase] = [(token.lemma_ or token.text).lower() for token in doc]
    return {
        "format": FORMAT,
        "sha256": content_hash(text.encode("utf-8")),
        "source": source.name,
        "data": read_data(text),
        "lemmas": {"model": model_id(nlp), "phrases": lemmas},
    }


def main(argv: list[str] | None = None) -> int:
    """Rewrite compiled.json from the built-in skills_taxonomy.yaml (or the file given)."""
    from resume_analyzer.errors import ResumeAnalyzerError
    from resume_analyzer.nlp.pipeline import load_nlp
    from resume_analyzer.taxonomy.load import default_taxonomy_path

    args = argv if argv is not None else sys.argv[1:]
    source = Path(args[0]) if args else default_taxonomy_path()
    try:
        compiled = compile_file(source, load_nlp())
    except ResumeAnalyzerError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    text = json.dumps(compiled, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    compiled_path().write_text(text + "\n", encoding="utf-8")
    phrases = len(compiled["lemmas"]["phrases"])
    print(f"{compiled_path()}: {source.name} {compiled['sha256'][:12]}, {phrases} phrases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
