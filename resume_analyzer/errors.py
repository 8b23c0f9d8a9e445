"""Errors the library raises. Each message says what happened and what the person can do.

The library never prints or exits: the CLI and the web app turn these into `Error: …` lines,
exit codes and JSON error bodies. `code` is stable and machine-readable.
"""

from __future__ import annotations


class ResumeAnalyzerError(Exception):
    """Base class for every error this package raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentError(ResumeAnalyzerError):
    """The input document cannot be turned into a resume."""

    code = "document_error"


class UnsupportedFileTypeError(DocumentError):
    """The bytes are not a PDF, DOCX or plain-text resume."""

    code = "unsupported_file_type"


class LegacyWordDocumentError(UnsupportedFileTypeError):
    """A Word 97–2003 `.doc` file (OLE2), which we do not read."""

    code = "legacy_doc"


class EmptyDocumentError(DocumentError):
    """The file has no bytes, or no text at all."""

    code = "empty_document"


class EncryptedDocumentError(DocumentError):
    """The PDF needs a password to open."""

    code = "encrypted_document"


class ScannedDocumentError(DocumentError):
    """The PDF holds images of pages and no text layer."""

    code = "scanned_document"


class CorruptDocumentError(DocumentError):
    """The file claims a format but its content is broken or truncated."""

    code = "corrupt_document"


class DocumentTooLargeError(DocumentError):
    """The file is over a size, page or uncompressed-size limit."""

    code = "document_too_large"


class UnsafeDocumentError(DocumentError):
    """The file is built to exhaust memory or reach outside itself (zip bomb, XML entities)."""

    code = "unsafe_document"


class BudgetExceededError(DocumentError):
    """The document took longer or more memory to read than its budget (`Budget`) allows.

    `resource` is "time" or "memory". The process that served it keeps serving.
    """

    code = "over_budget"

    def __init__(self, message: str, resource: str = "time") -> None:
        super().__init__(message)
        self.resource = resource

    def __reduce__(self) -> tuple[type[BudgetExceededError], tuple[str, str]]:
        return type(self), (self.message, self.resource)


class TaxonomyError(ResumeAnalyzerError):
    """A taxonomy file is missing, not YAML, or breaks the schema.

    `problems` holds one line per fault, each naming the YAML path (and line) it is about.
    """

    code = "invalid_taxonomy"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class ModelNotInstalledError(ResumeAnalyzerError):
    """The spaCy English model is not installed in this environment."""

    code = "model_not_installed"


class AreaModelError(ResumeAnalyzerError):
    """The learned area model's files are missing, unreadable, or do not match each other."""

    code = "area_model_unavailable"


class SpecificityError(ResumeAnalyzerError):
    """The skill specificity table (`models/skill_specificity.json`) is missing or broken."""

    code = "specificity_unreadable"


class ConfidenceError(ResumeAnalyzerError):
    """The finding confidence table (`models/finding_confidence.json`) is missing or broken."""

    code = "confidence_unreadable"


class WordsRunTogetherError(DocumentError):
    """Most lines' words have no spaces between them ("Ledtheproductstrategy…"): text copied
    out of a PDF that stores none. Judging such lines would only mislead."""

    code = "words_run_together"


class NotAResumeError(DocumentError):
    """The file reads, but holds too little text to be a resume."""

    code = "not_a_resume"


class JobDescriptionError(DocumentError):
    """The job posting is empty, or cannot be read."""

    code = "invalid_job_description"


class JobDescriptionTooLongError(JobDescriptionError):
    """The job posting is longer than one posting can be (`max_job_chars`)."""

    code = "job_description_too_long"


class MissingExtraError(ResumeAnalyzerError):
    """A command needs an optional part (an extra, e.g. `[web]`) that is not installed."""

    code = "missing_extra"
