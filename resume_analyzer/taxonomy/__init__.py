"""The APM competency model (`skills_taxonomy.yaml`): loading, validation, typed access."""

from __future__ import annotations

from resume_analyzer.taxonomy.load import (
    check_taxonomy,
    default_taxonomy_path,
    load_taxonomy,
)
from resume_analyzer.taxonomy.model import (
    Area,
    Lexicons,
    RelatedRole,
    ScoringWeights,
    Skill,
    Taxonomy,
)

__all__ = [
    "Area",
    "Lexicons",
    "RelatedRole",
    "ScoringWeights",
    "Skill",
    "Taxonomy",
    "check_taxonomy",
    "default_taxonomy_path",
    "load_taxonomy",
]
