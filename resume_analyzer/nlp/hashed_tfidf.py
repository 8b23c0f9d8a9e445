"""Hashed TF-IDF features, computed with NumPy exactly as scikit-learn computes them.

One `HashedTfidf` block is `HashingVectorizer(analyzer=…, ngram_range=…, n_features=…,
alternate_sign=False, norm=None, lowercase=True)` followed by a fitted
`TfidfTransformer(sublinear_tf=True)` (l2 norm); the area model joins blocks as a
`FeatureUnion` does. scikit-learn is not imported: loading it costs seconds of start-up, and
tests/test_area_model.py checks every step against it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import mmh3
import numpy as np
from numpy.typing import NDArray

ANALYZERS = ("word", "char_wb")
# scikit-learn's default token_pattern for the word analyzer.
TOKEN_PATTERN = re.compile(r"(?u)\b\w\w+\b")
# _VectorizerMixin._white_spaces: runs of two or more, so a single tab or newline is kept.
_WHITE_SPACES = re.compile(r"\s\s+")

Indices = NDArray[np.int64]
Values = NDArray[np.float64]


def word_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """`_VectorizerMixin._word_ngrams` over the default tokenizer, in its order."""
    tokens = TOKEN_PATTERN.findall(text)
    min_n, max_n = ngram_range
    grams: list[str] = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """`_VectorizerMixin._char_wb_ngrams`: n-grams inside space-padded words."""
    min_n, max_n = ngram_range
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        padded = f" {word} "
        for n in range(min_n, max_n + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            # A padded word no longer than n gives itself once; scikit-learn then stops.
            if offset == 0:
                break
    return grams


TOKENIZERS: dict[str, Callable[[str, tuple[int, int]], list[str]]] = {
    "word": word_ngrams,
    "char_wb": char_wb_ngrams,
}


def buckets(hashes: NDArray[np.int64], n_features: int) -> Indices:
    """Column of each signed 32-bit hash, as `_hashing_fast.transform` takes it.

    scikit-learn takes abs(h) % n_features and special-cases h = -2**31, whose abs overflows in
    C, as (2**31 - 1 - (n_features - 1)) % n_features. That equals 2**31 % n_features, which is
    what abs() gives in 64 bits, so one expression covers both.
    """
    result: Indices = np.abs(hashes) % n_features
    return result


def hash_ngrams(grams: list[str]) -> NDArray[np.int64]:
    """Signed MurmurHash3 (seed 0) of each n-gram's UTF-8 bytes, as scikit-learn hashes them
    (mmh3.hash's defaults are seed 0, signed).

    The bytes are encoded here, not by mmh3: mmh3 crashes the process on a str holding a lone
    surrogate, and scikit-learn raises on one. "surrogatepass" scores such text instead and
    leaves every other string's bytes unchanged.
    """
    encoded = [gram.encode("utf-8", "surrogatepass") for gram in grams]
    return np.fromiter(map(mmh3.hash, encoded), dtype=np.int64, count=len(encoded))


@dataclass(frozen=True, eq=False)
class HashedTfidf:
    """One feature block: its tokenizer settings and the fitted IDF weight per hashed column."""

    name: str
    analyzer: str
    ngram_range: tuple[int, int]
    n_features: int
    idf: Values

    def __post_init__(self) -> None:
        if self.analyzer not in ANALYZERS:
            raise ValueError(f"feature block {self.name!r}: unsupported analyzer {self.analyzer!r}")
        low, high = self.ngram_range
        if not 1 <= low <= high:
            raise ValueError(f"feature block {self.name!r}: bad ngram_range {self.ngram_range}")
        if not 0 < self.n_features < 2**31:
            raise ValueError(f"feature block {self.name!r}: bad n_features {self.n_features}")
        if self.idf.dtype != np.float64 or self.idf.shape != (self.n_features,):
            raise ValueError(
                f"feature block {self.name!r}: IDF is {self.idf.dtype} {self.idf.shape}, "
                f"expected float64 ({self.n_features},)"
            )
        if not np.isfinite(self.idf).all():
            raise ValueError(f"feature block {self.name!r}: IDF holds NaN or infinite values")

    def transform(self, texts: Sequence[str]) -> tuple[Indices, Indices, Values]:
        """The texts' non-zero cells as (row, column, value), sorted by row then column: the
        CSR matrix scikit-learn builds, with l2-normalised sublinear TF-IDF values."""
        tokenize = TOKENIZERS[self.analyzer]
        grams = [tokenize(text.lower(), self.ngram_range) for text in texts]
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), [len(g) for g in grams])
        columns = buckets(hash_ngrams([gram for text in grams for gram in text]), self.n_features)
        # One sort for the whole batch: cells keyed by row and column, counted as duplicates.
        cells, counts = np.unique(rows * self.n_features + columns, return_counts=True)
        rows, columns = np.divmod(cells, self.n_features)
        # Sublinear tf: counts are >= 1, so 1 + log(count) is >= 1 and never drops a cell.
        values = (1.0 + np.log(counts)) * self.idf[columns]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts)))
        values /= norms[rows]  # rows without cells (empty text) stay all-zero, as in sklearn
        return rows, columns, values
