"""`Analyzer`: the warm state every door holds, and the one pipeline parse → extract → score.

The CLI, each batch worker and the Flask app each keep one Analyzer and call `analyze()` on it
for every resume; `resume_analyzer.analyze()` is a thin function over a default one, as
httpx's `request()` is over a `Client`. Same input, same output, byte for byte: nothing here
reads the environment or randomness, and the clock only to stop a document that runs past its
budget.

Budget, decided once: with `settings.budget` (the default), parsing runs in a parse process
that is stopped when the document runs past the budget's seconds or memory (`sandbox.py`),
and the NLP stage, which the shape limits of `ParseSettings` already bound, checks the seconds
left between lines. Either breach is a `BudgetExceededError` for that document alone.

Concurrency, decided once: an Analyzer may be shared by any number of threads. Loading is
guarded, so it happens once; parsing and scoring run concurrently; the spaCy stage (extraction
and reading a posting) runs one document at a time per process under `PIPELINE_LOCK`, because
spaCy does not promise that one pipeline may be used from two threads at once and the work is
CPU-bound under the GIL anyway. For parallel speed use processes, one Analyzer each, as
`resume-analyzer batch` and `serve` do.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_analyzer.document import DocumentWarning, Resume
from resume_analyzer.errors import (
    BudgetExceededError,
    NotAResumeError,
    ResumeAnalyzerError,
    WordsRunTogetherError,
)
from resume_analyzer.job import JobSource, read_job_description
from resume_analyzer.parsing.source import Loaded, Source, load
from resume_analyzer.resume_shape import not_a_resume_reason, run_together_reason
from resume_analyzer.settings import AnalysisSettings, ParseSettings
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

    from resume_analyzer.nlp.areas import AreaModel
    from resume_analyzer.nlp.skills import SkillMatcher
    from resume_analyzer.nlp.spelling import Speller
    from resume_analyzer.scoring.confidence import Confidence
    from resume_analyzer.scoring.result import Analysis
    from resume_analyzer.scoring.specificity import Specificity

TaxonomySource = Taxonomy | str | os.PathLike[str] | None
# Fewer words than this cannot show one role and its results; scoring them would only mislead.
MIN_WORDS = 25
RULES_ONLY = "rules-only"


class Analyzer:
    """The taxonomy, spaCy pipeline, skill matchers and area model, loaded once and shared.

    `taxonomy`: a loaded Taxonomy or the path of a YAML file; the built-in one by default.
    `settings`: parsing limits and whether the learned area model runs (`use_model`). When
    the model is wanted but cannot be loaded, analyses say `"model": "rules-only"` with a
    warning, or, with `settings.require_model`, `warm()` and `analyze()` raise
    `AreaModelError`.

    Everything loads on first use, or at once with `warm()`.
    """

    def __init__(
        self,
        *,
        taxonomy: TaxonomySource = None,
        settings: AnalysisSettings | ParseSettings | None = None,
    ) -> None:
        self.settings = _settings(settings)
        self._taxonomy_source = taxonomy
        self._taxonomy: Taxonomy | None = taxonomy if isinstance(taxonomy, Taxonomy) else None
        self._nlp: Language | None = None
        self._matcher: SkillMatcher | None = None
        self._area_model: AreaModel | None = None
        self._specificity: Specificity | None = None
        self._confidence: Confidence | None = None
        self._speller: tuple[Taxonomy, Speller] | None = None
        self._model_problem: ResumeAnalyzerError | None = None
        self._model_tried = False
        self._load_lock = threading.RLock()

    def __repr__(self) -> str:
        taxonomy = self._taxonomy.source if self._taxonomy else self._taxonomy_source
        return f"<Analyzer taxonomy={taxonomy or 'built-in'} model={self.model_mode}>"

    # Loading ---------------------------------------------------------------------------

    @property
    def taxonomy(self) -> Taxonomy:
        """The competency model; raises TaxonomyError when the file is invalid.

        A taxonomy given by path (or the built-in one) is re-stamped on each use, so a coach
        editing the YAML under a running server sees the edit; the matchers follow it.
        """
        source = self._taxonomy_source
        if isinstance(source, Taxonomy):
            return source
        current = load_taxonomy(source)  # cached per file stamp: a stat call when unchanged
        if current is not self._taxonomy:
            with self._load_lock:
                if current is not self._taxonomy:
                    self._taxonomy, self._matcher = current, None
        return current

    @property
    def nlp(self) -> Language:
        """The English spaCy pipeline (shared per process: it is read-only once loaded)."""
        if self._nlp is None:
            with self._load_lock:
                if self._nlp is None:
                    from resume_analyzer.nlp.pipeline import load_nlp

                    self._nlp = load_nlp()
        return self._nlp

    @property
    def matcher(self) -> SkillMatcher:
        """The taxonomy's skill and evidence matchers over this pipeline's vocabulary."""
        taxonomy = self.taxonomy
        matcher = self._matcher
        if matcher is None or matcher.taxonomy is not taxonomy:
            with self._load_lock:
                matcher = self._matcher
                if matcher is None or matcher.taxonomy is not taxonomy:
                    from resume_analyzer.nlp.pipeline import PIPELINE_LOCK
                    from resume_analyzer.nlp.skills import skill_matcher

                    nlp = self.nlp
                    with PIPELINE_LOCK:  # building runs the pipeline on the taxonomy's phrases
                        matcher = skill_matcher(taxonomy, nlp)
                    self._matcher = matcher
        return matcher

    @property
    def speller(self) -> Speller:
        """The spelling check, knowing the taxonomy's words; its dictionary loads on first
        use (or in `warm()`)."""
        taxonomy = self.taxonomy
        held = self._speller
        if held is None or held[0] is not taxonomy:
            from resume_analyzer.nlp.spelling import Speller

            held = self._speller = (taxonomy, Speller(taxonomy.words()))
        return held[1]

    @property
    def specificity(self) -> Specificity:
        """How specific each skill is to product work: what a line earns for an area."""
        if self._specificity is None:
            with self._load_lock:
                if self._specificity is None:
                    from resume_analyzer.models import artifact_path
                    from resume_analyzer.scoring.specificity import FILENAME, Specificity

                    path = self.settings.specificity_path or artifact_path(FILENAME)
                    self._specificity = Specificity.load(path)
        return self._specificity

    @property
    def confidence(self) -> Confidence:
        """How often each finding code was right on the feedback audit: ranks top fixes (every
        code 1 with `settings.rank_by_confidence` off)."""
        if self._confidence is None:
            with self._load_lock:
                if self._confidence is None:
                    from resume_analyzer.models import artifact_path
                    from resume_analyzer.scoring.confidence import FILENAME, NEUTRAL, Confidence

                    if self.settings.rank_by_confidence:
                        self._confidence = Confidence.load(artifact_path(FILENAME))
                    else:
                        self._confidence = NEUTRAL
        return self._confidence

    @property
    def area_model(self) -> AreaModel | None:
        """The learned area tagger; None when turned off or (visibly) unavailable."""
        if not self.settings.use_model:
            return None
        if not self._model_tried:
            with self._load_lock:
                if not self._model_tried:
                    self._load_model()
        if self._model_problem is not None and self.settings.require_model:
            raise self._model_problem
        return self._area_model

    def _load_model(self) -> None:
        from resume_analyzer.errors import AreaModelError
        from resume_analyzer.nlp.areas import AreaModel

        try:
            self._area_model = AreaModel.load(self.settings.model_path)
        except ResumeAnalyzerError as error:
            self._model_problem = AreaModelError(error.message)
        except ImportError as error:
            self._model_problem = AreaModelError(
                f"The area model needs {error.name or 'a package'} installed; reinstall "
                "resume-analyzer, or turn the model off (--no-model)."
            )
        self._model_tried = True

    @property
    def model_mode(self) -> str:
        """ "model" when the area model runs beside the rules, else "rules-only"."""
        if not self.settings.use_model:
            return RULES_ONLY
        if not self._model_tried:
            return "model (not loaded yet)"
        return "model" if self._area_model is not None else RULES_ONLY

    def warm(self, *, parsers: bool = True) -> Analyzer:
        """Load everything now rather than on the first resume; returns the analyzer.

        `parsers`: also start the budget's parse processes. A server that warms before it
        forks its workers says False: processes started in the parent serve no worker.
        Raises TaxonomyError, ModelNotInstalledError, SpecificityError, ConfidenceError, or
        AreaModelError (with
        `settings.require_model`) so that a server or batch fails at start, not per file.
        """
        _ = self.matcher
        _ = self.specificity
        _ = self.confidence
        _ = self.area_model
        _ = self.speller.checker
        self._warm_lazy_tables()
        if parsers and self.settings.budget is not None:
            from resume_analyzer.parsing.sandbox import shared_pool

            shared_pool(self.settings.budget).warm()
        return self

    def _warm_lazy_tables(self) -> None:
        # Some tables load on first call (the verb forms, lemminflect's rules, the pipeline's
        # first run): one short line pays for them here, not the first applicant.
        from resume_analyzer.nlp.impact import warm_up
        from resume_analyzer.nlp.pipeline import PIPELINE_LOCK

        with PIPELINE_LOCK:
            warm_up(self.nlp, self.taxonomy)

    # The pipeline ----------------------------------------------------------------------

    def parse(self, source: Source, *, filename: str | None = None) -> Resume:
        """The structured resume (contact, sections, entries, bullets); no NLP.

        Within the budget: raises BudgetExceededError past its time or memory.
        """
        resume, _seconds = self._read("parse", load(source, filename, self.settings.parse))
        return resume  # type: ignore[no-any-return]

    def read_job(
        self, source: JobSource, *, filename: str | None = None, allow_empty: bool = False
    ) -> str | None:
        """A posting's text from text, a path, or bytes with a file name; see `job.py`.

        A file is read within the budget, as a resume is.
        """
        return read_job_description(
            source,
            filename=filename,
            settings=self.settings,
            allow_empty=allow_empty,
            reader=self._posting_text,
        )

    def _posting_text(self, loaded: Loaded) -> str:
        text, _seconds = self._read("text", loaded)
        return text  # type: ignore[no-any-return]

    def _read(self, operation: str, loaded: Loaded) -> tuple[Any, float]:
        """Parse ("parse") or read the text of ("text") a loaded document, in a parse process
        within the budget when there is one; returns the result and the seconds it took."""
        budget, settings = self.settings.budget, self.settings.parse
        if budget is None:
            from resume_analyzer.parsing.read import parse_loaded, text_of

            read = parse_loaded if operation == "parse" else text_of
            return read(loaded, settings), 0.0
        from resume_analyzer.parsing.sandbox import shared_pool

        return shared_pool(budget).run(operation, loaded, settings, budget.seconds)

    def analyze(
        self,
        source: Source,
        *,
        job_description: JobSource = None,
        filename: str | None = None,
    ) -> Analysis:
        """Score a resume for APM roles and say, line by line, what to change.

        `source`: a path, bytes (pass `filename` for messages) or a binary file object.
        `job_description`: the posting's text (str), or the path of a PDF/DOCX/TXT file
        (`pathlib.Path`). Raises DocumentError subclasses for unreadable input.
        """
        loading = self._load_meanwhile()
        try:
            posting_text = self.read_job(job_description)
            loaded = load(source, filename, self.settings.parse)
            resume, spent = self._read("parse", loaded)
        finally:
            if loading is not None:
                loading.join()
        check_is_resume(resume, filename)
        return self._analyze(resume, posting_text, spent, loaded.name)

    def _load_meanwhile(self) -> threading.Thread | None:
        """On a cold analyzer with a budget, load spaCy and the rest in a thread while the
        parse process reads the document: the two run on different cores, which takes most
        of the parse out of a one-shot CLI call. Errors are left for the main thread to meet.
        """
        if self.settings.budget is None or self._matcher is not None:
            return None

        def load_all() -> None:
            try:
                _ = self.matcher, self.area_model, self.speller.checker, self.specificity
                _ = self.confidence
                self._warm_lazy_tables()
            except Exception:
                return

        thread = threading.Thread(target=load_all, name="analyzer-load", daemon=True)
        thread.start()
        return thread

    def analyze_resume(self, resume: Resume, job_text: str | None = None) -> Analysis:
        """Extract and score an already parsed resume (and a posting's text, if any)."""
        return self._analyze(resume, job_text, 0.0, "The resume")

    def _analyze(self, resume: Resume, job_text: str | None, spent: float, name: str) -> Analysis:
        from dataclasses import replace

        from resume_analyzer.nlp.evidence import extract
        from resume_analyzer.nlp.pipeline import PIPELINE_LOCK
        from resume_analyzer.scoring.jobmatch import read_posting
        from resume_analyzer.scoring.score import score

        matcher, model, nlp, speller = self.matcher, self.area_model, self.nlp, self.speller
        taxonomy = matcher.taxonomy  # the pair stays consistent if the file is edited now
        budget, limits = self.settings.budget, self.settings.parse
        with PIPELINE_LOCK:
            # The clock starts once the lock is held: waiting behind others is not the
            # document's doing.
            check = _deadline(budget.seconds - spent, name) if budget else None
            evidence = extract(
                resume,
                taxonomy,
                nlp=nlp,
                matcher=matcher,
                area_model=model,
                limits=limits,
                check=check,
                speller=speller,
            )
            posting = None
            if job_text is not None:
                posting = read_posting(job_text, taxonomy, nlp, matcher=matcher, limits=limits)
        analysis = score(resume, evidence, taxonomy, posting, self.specificity, self.confidence)
        if self.settings.use_model and model is None:
            problem = self._model_problem
            reason = problem.message if problem else "the area model is not available"
            warning = DocumentWarning(
                "rules_only",
                f"Competency areas were read by the taxonomy's rules alone: {reason}",
            )
            analysis = replace(analysis, model=RULES_ONLY, warnings=(*analysis.warnings, warning))
        return analysis


def _linkedin_export(resume: Resume) -> bool:
    # Imported here: the LinkedIn reader pulls in the whole PDF layout code, which a process
    # that leaves parsing to its parse processes does not otherwise load.
    from resume_analyzer.parsing.linkedin import EXPORT_WARNING

    return any(w.code == EXPORT_WARNING for w in resume.warnings)


def check_is_resume(resume: Resume, filename: str | None) -> None:
    """Refuse a document with too little resume text to score, or one that does not read as
    a resume at all (NotAResumeError)."""
    words = resume_words(resume)
    name = filename or "The file"
    if words < MIN_WORDS and _linkedin_export(resume):
        raise NotAResumeError(
            f"{name} is a LinkedIn profile export with only {words} words of resume text: the "
            "profile's positions have no descriptions. Describe what you did in each position "
            "on LinkedIn and export it again, or upload your resume instead."
        )
    if words < MIN_WORDS:
        raise NotAResumeError(
            f"{name} holds only {words} words of resume text, too few to score. Upload the "
            "whole resume (PDF, DOCX or text), not a fragment or a cover page."
        )
    reason = not_a_resume_reason(resume, name)
    if reason is not None:
        raise NotAResumeError(reason)
    glued = run_together_reason(resume, name)
    if glued is not None:
        raise WordsRunTogetherError(glued)


def resume_words(resume: Resume) -> int:
    """Words of resume text: bullets and entry titles."""
    texts = [b.text for b in resume.bullets]
    texts += [e.title or "" for s in resume.sections for e in s.entries]
    return sum(len(text.split()) for text in texts)


def _deadline(seconds: float, name: str) -> Callable[[], None]:
    """A check that raises BudgetExceededError once `seconds` have passed from now."""
    end = time.monotonic() + seconds

    def check() -> None:
        if time.monotonic() > end:
            raise BudgetExceededError(
                f"{name} took too long to analyze: it was stopped after its time budget, "
                "where a resume takes about a second. Upload the resume alone, as a plain "
                "PDF or DOCX.",
                "time",
            )

    return check


def _settings(settings: AnalysisSettings | ParseSettings | None) -> AnalysisSettings:
    if settings is None:
        return AnalysisSettings()
    if isinstance(settings, ParseSettings):
        return AnalysisSettings(parse=settings)
    if not isinstance(settings, AnalysisSettings):
        raise TypeError("settings must be AnalysisSettings or ParseSettings")
    return settings


def taxonomy_key(taxonomy: TaxonomySource) -> object:
    """What identifies a taxonomy for sharing analyzers: the object, or the resolved path."""
    if taxonomy is None or isinstance(taxonomy, Taxonomy):
        return taxonomy
    return Path(taxonomy).resolve()
