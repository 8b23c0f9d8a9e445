"""Train the competency-area tagger: `python -m training.area_model --corpus DIR`.

The labels (models/data/area_labels.json) hold bullet hashes, never text: the text is recovered
by parsing the listed corpus files and hashing their bullets. Split by source file, thresholds
tuned by grouped CV on the train split only, every random choice seeded: the same corpus and
labels give the same metrics. Prints counts, never text.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from evaluation.roles import loose_key
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.nlp.areas import AREAS, FORMAT, AreaModel, metadata_path, model_file

MODEL_VERSION = 1
BULLET_KINDS = frozenset({"experience", "projects", "leadership", "summary", "other"})
MIN_WORDS = 4
TEST_MODULUS = 5  # files whose SHA-256, read as an integer, is 0 mod 5 are held out (~20 %)
CV_FOLDS = 5
MAX_MISSING = 0.02  # a parser change may re-split a few bullets; more means stale labels
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
CARD_START, CARD_END = "<!-- metrics:start -->", "<!-- metrics:end -->"

Matrix = NDArray[np.bool_]
Probabilities = NDArray[np.float64]


def bullet_key(text: str) -> str:
    """The labels' key: SHA-256 of the NFC, whitespace-collapsed, stripped, lower-cased text."""
    normal = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Example:
    text: str
    source: str  # SHA-256 of the source file: the split and the CV group
    areas: frozenset[str]


def bullet_texts(path: Path) -> Iterable[str]:
    """Bullets of the sections that show work, exactly as the labels were collected."""
    from resume_analyzer.parsing import parse_resume

    for section in parse_resume(path).sections:
        if section.kind in BULLET_KINDS:
            yield from (b.text for b in section.bullets if len(b.text.split()) >= MIN_WORDS)


def recover(corpus: Path, labels: dict[str, Any]) -> tuple[list[Example], int]:
    """Labeled bullets with their text, parsing only the listed files; and the count missing.

    A bullet is found by its key, or by its loose key (letters and digits alone) where the
    parser has since repaired its spacing, ligatures or hyphens."""
    from resume_analyzer.errors import DocumentError

    sources = [s["sha256"] for s in labels["sources"]]
    wanted: dict[str, dict[str, frozenset[str]]] = {sha: {} for sha in sources}
    loose: dict[str, dict[str, str]] = {sha: {} for sha in sources}
    for item in labels["items"]:
        sha = sources[item["file"]]
        wanted[sha][item["key"]] = frozenset(item["areas"])
        if "loose" in item:
            loose[sha][item["loose"]] = item["key"]
    found: dict[str, Example] = {}
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in {".pdf", ".docx"} or not path.is_file():
            continue
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        keys = wanted.pop(sha, None)  # pop: a file copied twice is parsed once
        if not keys:
            continue
        try:
            for text in bullet_texts(path):
                key = bullet_key(text)
                key = key if key in keys else loose[sha].get(loose_key(text), "")
                if key:
                    found.setdefault(key, Example(text, sha, keys[key]))
        except DocumentError:
            continue
    ordered = [found[item["key"]] for item in labels["items"] if item["key"] in found]
    return ordered, len(labels["items"]) - len(ordered)


def to_matrix(area_sets: Sequence[Iterable[str]]) -> Matrix:
    return np.array([[area in set(s) for area in AREAS] for s in area_sets], dtype=np.bool_)


def build_pipeline(char_ngrams: bool) -> Any:
    """Word 1–2-gram TF-IDF, optionally with character 3–5-grams (for inflections and tool
    names the word vocabulary misses), then one balanced logistic regression per area.

    The n-grams are hashed, not kept in a vocabulary: the artifact then holds numbers only,
    never words from the real resumes it was trained on (employer names, say).
    """
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline

    def hashed(analyzer: str, ngrams: tuple[int, int], bits: int) -> Any:
        vectorizer = HashingVectorizer(
            analyzer=analyzer,
            ngram_range=ngrams,
            n_features=2**bits,
            alternate_sign=False,
            norm=None,
            lowercase=True,
        )
        return make_pipeline(vectorizer, TfidfTransformer(sublinear_tf=True))

    words = hashed("word", (1, 2), 14)
    chars = hashed("char_wb", (3, 5), 15)
    features = FeatureUnion([("words", words), ("chars", chars)]) if char_ngrams else words
    regression = LogisticRegression(class_weight="balanced", max_iter=2000, random_state=0)
    return Pipeline([("features", features), ("classifier", OneVsRestClassifier(regression))])


def out_of_fold(char_ngrams: bool, train: Sequence[Example]) -> Probabilities:
    """Probabilities for each train bullet from a model that never saw its resume."""
    from sklearn.model_selection import GroupKFold, cross_val_predict

    texts, truth = [e.text for e in train], to_matrix([e.areas for e in train]).astype(int)
    folds = GroupKFold(n_splits=CV_FOLDS).split(texts, truth, [e.source for e in train])
    result: Probabilities = cross_val_predict(
        build_pipeline(char_ngrams), texts, truth, cv=list(folds), method="predict_proba"
    )
    return result


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def scores(truth: Matrix, predicted: Matrix) -> dict[str, dict[str, float]]:
    """Per-area precision/recall/F1 and support, plus micro and macro averages."""
    tp, fp = (truth & predicted).sum(axis=0), (~truth & predicted).sum(axis=0)
    fn = (truth & ~predicted).sum(axis=0)
    out = {
        area: {**prf(int(tp[i]), int(fp[i]), int(fn[i])), "support": int(truth[:, i].sum())}
        for i, area in enumerate(AREAS)
    }
    out["micro"] = {**prf(int(tp.sum()), int(fp.sum()), int(fn.sum())), "support": 0}
    out["macro"] = {m: round(float(np.mean([out[a][m] for a in AREAS])), 4) for m in out["micro"]}
    out["micro"]["support"] = out["macro"]["support"] = int(truth.sum())
    return out


def choose_thresholds(truth: Matrix, probabilities: Probabilities) -> dict[str, float]:
    """Per area, the grid threshold with the best out-of-fold F1 (ties: nearest 0.5)."""
    chosen = {}
    for i, area in enumerate(AREAS):
        y, by_f1 = truth[:, i], {}
        for t in THRESHOLDS:
            hit = probabilities[:, i] >= t
            by_f1[t] = prf(int((y & hit).sum()), int((~y & hit).sum()), int((y & ~hit).sum()))
        chosen[area] = max(THRESHOLDS, key=lambda t: (by_f1[t]["f1"], -abs(t - 0.5)))
    return chosen


def apply(thresholds: dict[str, float], probabilities: Probabilities) -> Matrix:
    return probabilities >= np.array([thresholds[a] for a in AREAS])


def fit(train: Sequence[Example]) -> tuple[Any, dict[str, float], dict[str, Any]]:
    """Features picked and thresholds tuned on out-of-fold train predictions; then refit."""
    truth = to_matrix([e.areas for e in train])
    trials = {}
    for char_ngrams in (False, True):
        probabilities = out_of_fold(char_ngrams, train)
        thresholds = choose_thresholds(truth, probabilities)
        trials[char_ngrams] = (scores(truth, apply(thresholds, probabilities)), thresholds)
    char_ngrams = trials[True][0]["micro"]["f1"] > trials[False][0]["micro"]["f1"]
    pipeline = build_pipeline(char_ngrams)
    pipeline.fit([e.text for e in train], truth.astype(int))
    name = "word 1-2-grams + char_wb 3-5-grams" if char_ngrams else "word 1-2-grams"
    cv = {"features": name, "word_only": trials[False][0], "word_and_char": trials[True][0]}
    return pipeline, trials[char_ngrams][1], cv


def evaluate(model: Any, thresholds: dict[str, float], test: Sequence[Example]) -> dict[str, Any]:
    """Held-out scores for the taxonomy rules alone, the model alone, and their union."""
    texts, truth = [e.text for e in test], to_matrix([e.areas for e in test])
    predicted = apply(thresholds, model.predict_proba(texts))
    out: dict[str, Any] = {"model": scores(truth, predicted), "rules": None}
    try:
        from resume_analyzer.nlp.evidence import rule_areas
        from resume_analyzer.taxonomy import load_taxonomy
    except ImportError:  # the rules are optional for training; their columns read n/a
        return {**out, "rules_plus_model": None}
    rules = to_matrix(rule_areas(texts, load_taxonomy()))
    both = scores(truth, rules | predicted)
    return {**out, "rules": scores(truth, rules), "rules_plus_model": both}


def metrics_table(meta: dict[str, Any]) -> str:
    m, cv = meta["metrics"], meta["cv"]
    lines = [
        f"Held-out test split: {meta['test']['bullets']} bullets from {meta['test']['files']} "
        f"files (train: {meta['train']['bullets']} bullets, {meta['train']['files']} files). "
        f"Features chosen on train CV: {cv['features']} (out-of-fold micro-F1 "
        f"{cv['word_and_char']['micro']['f1']:.2f} with character n-grams, "
        f"{cv['word_only']['micro']['f1']:.2f} without).",
        "",
        "| area | train / test positives | threshold | rules P | R | F1 | model P | R | F1 "
        "| rules + model P | R | F1 |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in (*AREAS, "micro", "macro"):
        cells = []
        for block in (m["rules"], m["model"], m["rules_plus_model"]):
            s = block[row] if block else None
            cells += [f"{s[k]:.2f}" if s else "n/a" for k in ("precision", "recall", "f1")]
        head = [f"**{row}**", "", ""]
        if row in AREAS:
            support = f"{meta['label_counts']['train'][row]} / {m['model'][row]['support']}"
            head = [row, support, f"{meta['thresholds'][row]:.2f}"]
        lines.append(f"| {' | '.join(head + cells)} |")
    return "\n".join(lines)


def update_card(card: Path, table: str) -> None:
    """Replace the generated block between the markers; the rest is written by hand."""
    text = card.read_text(encoding="utf-8") if card.exists() else ""
    head, _, rest = text.partition(CARD_START)  # no markers yet: the block goes at the end
    tail = rest.partition(CARD_END)[2] if rest else "\n"
    card.write_text(f"{head}{CARD_START}\n{table}\n{CARD_END}{tail}", encoding="utf-8")


def load_examples(corpus: Path, labels_path: Path) -> tuple[list[Example], int]:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    if list(labels["areas"]) != list(AREAS):
        raise ValueError(f"{labels_path.name} labels other areas than the model's")
    examples, missing = recover(corpus, labels)
    total = len(labels["items"])
    print(f"labels: {total} bullets; found {len(examples)}, not found {missing}")
    if missing > MAX_MISSING * total:
        raise ValueError(f"{missing} of {total} labeled bullets are not in the corpus (> 2 %)")
    return examples, missing


# What scoring assumes of each block (areas.py and nlp/hashed_tfidf.py).
HASHING_PARAMS: dict[str, Any] = {
    "input": "content",
    "lowercase": True,
    "preprocessor": None,
    "tokenizer": None,
    "strip_accents": None,
    "stop_words": None,
    "token_pattern": r"(?u)\b\w\w+\b",
    "binary": False,
    "norm": None,
    "alternate_sign": False,
    "dtype": np.float64,
}
TFIDF_PARAMS: dict[str, Any] = {"norm": "l2", "use_idf": True, "sublinear_tf": True}


def to_arrays(pipeline: Any) -> tuple[list[dict[str, Any]], dict[str, NDArray[np.float64]]]:
    """A fitted pipeline as the feature blocks and plain arrays `AreaModel` scores with NumPy.

    Refuses any setting that scoring does not reproduce, so a change to `build_pipeline` fails
    here, at training time, rather than giving different probabilities after loading.
    """
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion

    features = pipeline.named_steps["features"]
    parts = (
        features.transformer_list if isinstance(features, FeatureUnion) else [("words", features)]
    )
    blocks, arrays = [], {}
    for name, part in parts:
        vectorizer, tfidf = (step for _, step in part.steps)
        if not isinstance(vectorizer, HashingVectorizer) or not isinstance(tfidf, TfidfTransformer):
            raise ValueError(f"feature block {name}: not HashingVectorizer + TfidfTransformer")
        _check_params(name, vectorizer.get_params(), HASHING_PARAMS)
        _check_params(name, tfidf.get_params(), TFIDF_PARAMS)
        blocks.append(
            {
                "name": name,
                "analyzer": vectorizer.analyzer,
                "ngram_range": list(vectorizer.ngram_range),
                "n_features": vectorizer.n_features,
            }
        )
        arrays[f"idf_{name}"] = np.asarray(tfidf.idf_, dtype=np.float64)
    classifier = pipeline.named_steps["classifier"]
    estimators = classifier.estimators_
    if not classifier.multilabel_ or len(estimators) != len(AREAS):
        raise ValueError("the classifier is not a multilabel one-vs-rest over the eight areas")
    for estimator in estimators:
        if not isinstance(estimator, LogisticRegression) or list(estimator.classes_) != [0, 1]:
            raise ValueError(f"an area's classifier is {estimator!r}, not a binary logistic one")
    arrays["coef"] = np.vstack([e.coef_ for e in estimators]).astype(np.float64)
    arrays["intercept"] = np.concatenate([e.intercept_ for e in estimators]).astype(np.float64)
    return blocks, arrays


def _check_params(block: str, params: dict[str, Any], expected: dict[str, Any]) -> None:
    wrong = {k: params[k] for k, v in expected.items() if params[k] != v}
    if wrong:
        raise ValueError(f"feature block {block}: NumPy scoring does not implement {wrong}")


def write_model(pipeline: Any, meta: dict[str, Any], target: Path) -> dict[str, Any]:
    """Write the .npz arrays and the JSON beside them; return the full metadata."""
    blocks, arrays = to_arrays(pipeline)
    meta = {**meta, "format": FORMAT, "areas": list(AREAS), "features": blocks}
    target.parent.mkdir(parents=True, exist_ok=True)
    save_arrays(arrays, target)
    text = json.dumps(meta, indent=2, sort_keys=True) + "\n"
    metadata_path(target).write_text(text, encoding="utf-8")
    AreaModel.load(target)  # the loader's checks, before anyone commits the files
    return meta


def save_arrays(arrays: dict[str, NDArray[np.float64]], target: Path) -> None:
    """`np.savez_compressed`, but byte-for-byte reproducible: fixed entry dates and order."""
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(
                buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False
            )
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, buffer.getvalue(), zipfile.ZIP_DEFLATED, compresslevel=9)


def versions(*names: str) -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in names}


def train_and_write(corpus: Path, labels_path: Path, out: Path) -> dict[str, Any]:
    examples, missing = load_examples(corpus, labels_path)
    test = [e for e in examples if int(e.source, 16) % TEST_MODULUS == 0]
    train = [e for e in examples if int(e.source, 16) % TEST_MODULUS != 0]
    pipeline, thresholds, cv = fit(train)
    meta = {
        "model_version": MODEL_VERSION,
        "thresholds": thresholds,
        "versions": {"trained_with": versions("scikit-learn", "numpy", "scipy")},
        "labels_sha256": hashlib.sha256(labels_path.read_bytes()).hexdigest(),
        "missing_keys": missing,
        "train": {"bullets": len(train), "files": len({e.source for e in train})},
        "test": {"bullets": len(test), "files": len({e.source for e in test})},
        "label_counts": {
            name: {area: sum(area in e.areas for e in part) for area in AREAS}
            for name, part in (("all", examples), ("train", train), ("test", test))
        },
        "cv": cv,
        "metrics": evaluate(pipeline, thresholds, test),
    }
    meta = write_model(pipeline, meta, out / model_file().name)
    update_card(out / "area_model.md", metrics_table(meta))
    return meta


# Type roots a legacy .skops model's allow-list may name.
TRUSTED_ROOTS = frozenset({"numpy", "scipy", "sklearn"})


def foreign_types(names: Sequence[str]) -> list[str]:
    """The type names outside the packages a model may need (scikit-learn, NumPy, SciPy)."""
    return sorted(name for name in names if name.split(".", 1)[0] not in TRUSTED_ROOTS)


def read_skops(path: Path) -> Any:
    """A pipeline from a legacy .skops model, with skops' safe loader and the allow-list kept
    in the JSON beside it (`trusted_types`): nothing is unpickled."""
    import skops.io as sio

    allowed = [str(name) for name in json.loads(metadata_path(path).read_text())["trusted_types"]]
    if foreign_types(allowed):
        raise ValueError(f"{path.name}'s allow-list names foreign types: {foreign_types(allowed)}")
    unexpected = sorted(set(sio.get_untrusted_types(file=path)) - set(allowed))
    if unexpected:
        raise ValueError(f"{path.name} holds types not on its allow-list: {unexpected}")
    return sio.load(path, trusted=allowed)


def convert_skops(source: Path, target: Path) -> dict[str, Any]:
    """Rewrite a trained .skops model (and its JSON) as .npz + JSON, without retraining.

    The thresholds, counts and metrics are carried over; the versions record both the
    libraries it was trained with and those that converted it.
    """
    old = json.loads(metadata_path(source).read_text(encoding="utf-8"))
    if old.get("areas") != list(AREAS):
        raise ValueError(f"{source.name} was trained for other areas")
    kept = {
        k: v
        for k, v in old.items()
        if k not in {"trusted_types", "sklearn_version", "skops_version"}
    }
    kept["versions"] = {
        "trained_with": {"scikit-learn": old["sklearn_version"], "skops": old["skops_version"]},
        "converted_with": versions("scikit-learn", "skops", "numpy"),
        "converted_from": source.name,
    }
    pipeline = read_skops(source)  # before write_model replaces the JSON it shares with source
    return write_model(pipeline, kept, target)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the competency-area model.")
    parser.add_argument("--corpus", type=Path, required=True, help="e.g. ../shared/corpus")
    parser.add_argument("--labels", type=Path, default=model_file("data/area_labels.json"))
    parser.add_argument("--out", type=Path, default=model_file().parent, help="artifact dir")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"Error: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    try:
        meta = train_and_write(args.corpus, args.labels, args.out)
    except (OSError, ValueError, KeyError, ResumeAnalyzerError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    f1 = meta["metrics"]["model"]["micro"]["f1"]
    print(f"wrote {args.out / model_file().name}; held-out micro-F1 of the model {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
