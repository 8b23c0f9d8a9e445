"""Read a taxonomy file, validate it, and build the typed model.

Validation has two layers: the JSON Schema in `schema.json` (shape and types), then checks a
schema cannot express (unique ids, one skill per surface form, weights that add up to
something). Every problem names its YAML path and line, e.g.
`areas[2].skills[5].synonyms[1] (line 140): 3 is not of type 'string'`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from resume_analyzer.errors import TaxonomyError
from resume_analyzer.taxonomy.model import (
    Area,
    Lexicons,
    RelatedRole,
    ScoringWeights,
    Skill,
    SkillKind,
    Taxonomy,
)

FILENAME = "skills_taxonomy.yaml"
MAX_BYTES = 2 * 1024 * 1024  # a taxonomy is text a person edits; anything larger is a mistake

PathPart = str | int


def default_taxonomy_path() -> Path:
    """The taxonomy shipped with the package: beside its modules in every kind of install.

    The checkout's root (a symlink to that file) stays a fallback for trees laid out before.
    """
    package_dir = Path(str(resources.files("resume_analyzer")))
    for candidate in (package_dir / FILENAME, package_dir.parent / FILENAME):
        if candidate.is_file():
            return candidate
    raise TaxonomyError(
        f"The built-in {FILENAME} is missing from {package_dir}. Reinstall resume-analyzer, "
        "or pass your own with --taxonomy FILE."
    )


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """Load and validate a taxonomy; the built-in one when `path` is None.

    Raises TaxonomyError listing every problem found, each with its YAML path and line.
    """
    resolved = Path(path) if path is not None else default_taxonomy_path()
    return _load_cached(resolved.resolve(), *_stamp(resolved))


def check_taxonomy(path: str | os.PathLike[str] | None = None) -> list[str]:
    """Every problem in a taxonomy file, as lines; an empty list when it is valid."""
    try:
        load_taxonomy(path)
    except TaxonomyError as error:
        return list(error.problems) or [error.message]
    return []


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return -1, -1
    return stat.st_mtime_ns, stat.st_size


# The C loader when PyYAML was built with libyaml: 100× faster on a 2,000-line file.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _load_cached(path: Path, _mtime_ns: int, _size: int) -> Taxonomy:
    # Keyed on mtime and size so that a coach editing the file sees the change in a
    # long-lived server.
    from resume_analyzer.taxonomy.compiled import content_hash, validated_data

    text = _read(path)
    known = validated_data(content_hash(text.encode("utf-8")))
    if known is not None:
        return build(known, source=str(path))  # this exact text was validated at build time
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise TaxonomyError(
            f"{path} is not valid YAML{where}: {problem}.",
            (f"line {mark.line + 1 if mark else '?'}: {problem}",),
        ) from None
    found = list(_duplicate_keys(root)) or validate(data)
    problems = [_locate(root, where, message) for where, message in found]
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        raise TaxonomyError(
            f"{path} is not a valid taxonomy ({count}):\n  " + "\n  ".join(problems),
            tuple(problems),
        )
    return build(data, source=str(path))


def read_data(text: str) -> Any:
    """The YAML document as plain data (no validation)."""
    return yaml.load(text, Loader=_Loader)


def _read(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TaxonomyError(f"{path} is {size:,} bytes; a taxonomy must be under 2 MiB.")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TaxonomyError(f"Taxonomy file {path} does not exist.") from None
    except IsADirectoryError:
        raise TaxonomyError(f"{path} is a folder; pass the taxonomy YAML file itself.") from None
    except UnicodeDecodeError:
        raise TaxonomyError(f"{path} is not UTF-8 text; save it as UTF-8 YAML.") from None
    except OSError as error:
        raise TaxonomyError(f"Cannot read taxonomy {path}: {error.strerror}.") from None


@cache
def _schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))


def validate(data: Any) -> list[tuple[tuple[PathPart, ...], str]]:
    """(path, message) for each problem in parsed taxonomy data."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(_schema())
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: [(isinstance(p, str), p) for p in e.absolute_path],
    )
    found = [(tuple(error.absolute_path), _schema_message(error.message)) for error in errors]
    if found:
        return found  # semantic checks assume the shape is right
    return list(_semantic_problems(data))


def _schema_message(message: str) -> str:
    # jsonschema quotes whole sub-documents; a person needs the first line only.
    return message if len(message) < 160 else message[:157] + "..."


def _semantic_problems(data: Mapping[str, Any]) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    seen_areas: dict[str, int] = {}
    seen_skills: dict[str, tuple[PathPart, ...]] = {}
    seen_forms: dict[str, tuple[str, tuple[PathPart, ...]]] = {}
    seen_abbreviations: dict[str, tuple[PathPart, ...]] = {}
    areas = data["areas"]
    levels = data.get("scoring", {}).get("levels", {})
    bounds = [levels.get(k) for k in ("weak", "solid", "strong")]
    if all(b is not None for b in bounds) and not bounds[0] < bounds[1] < bounds[2]:
        yield ("scoring", "levels"), "levels must rise: weak < solid < strong"
    if sum(float(area["weight"]) for area in areas) <= 0:
        yield ("areas",), "the area weights add up to 0; give at least one area a weight above 0"
    for a, area in enumerate(areas):
        if area["id"] in seen_areas:
            first = seen_areas[area["id"]]
            yield ("areas", a, "id"), f"area id {area['id']!r} is already used by areas[{first}]"
        seen_areas.setdefault(area["id"], a)
        for s, skill in enumerate(area["skills"]):
            where: tuple[PathPart, ...] = ("areas", a, "skills", s)
            skill_id = skill.get("id") or slug(skill["name"])
            if skill_id in seen_skills:
                yield (
                    (*where, "name"),
                    f"skill id {skill_id!r} is already used at {_dotted(seen_skills[skill_id])}",
                )
            seen_skills.setdefault(skill_id, where)
            if skill.get("ambiguous") and not skill.get("context"):
                yield (
                    (*where, "context"),
                    "an ambiguous skill needs context words, or it can only match in a skills list",
                )
            for a_index, abbreviation in enumerate(skill.get("abbreviations", [])):
                owner = seen_abbreviations.setdefault(abbreviation, where)
                if owner != where:
                    yield (
                        (*where, "abbreviations", a_index),
                        f"abbreviation {abbreviation!r} is already used at {_dotted(owner)}",
                    )
            forms: list[tuple[tuple[PathPart, ...], str]] = [(("name",), skill["name"])]
            forms += [(("synonyms", i), x) for i, x in enumerate(skill.get("synonyms", []))]
            for field, form in forms:
                key = normalize(form)
                if not key:
                    yield (*where, *field), f"{form!r} has no letters or digits to match"
                    continue
                other = seen_forms.get(key)
                if other and other[0] != skill_id:
                    yield (
                        (*where, *field),
                        f"{form!r} is already a form of skill {other[0]!r} at "
                        f"{_dotted(other[1])}; a phrase may belong to one skill only",
                    )
                seen_forms.setdefault(key, (skill_id, where))
            for p, pattern in enumerate(skill.get("patterns", [])):
                for message in _pattern_problems(pattern):
                    yield (*where, "patterns", p), message


def _pattern_problems(pattern: Sequence[Mapping[str, Any]]) -> list[str]:
    from spacy.schemas import validate_token_pattern

    return [str(problem) for problem in validate_token_pattern(list(pattern))]


def normalize(phrase: str) -> str:
    """The case- and spacing-insensitive key two surface forms collide on."""
    return " ".join(re.findall(r"[\w+#./&-]+", phrase.lower()))


def slug(name: str) -> str:
    """A stable id from a skill name: "A/B testing" → "a_b_testing", "C++" → "c_plus_plus"."""
    text = name.lower().replace("++", " plus plus").replace("#", " sharp").replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text if text and text[0].isalpha() else f"s_{text}"


def _dotted(where: Iterable[PathPart]) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def _duplicate_keys(
    node: yaml.Node | None, where: tuple[PathPart, ...] = ()
) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    """Keys written twice in one mapping: YAML keeps the last silently, which hides edits."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(getattr(key, "value", ""))
            if name in seen:
                yield (*where, name), f"key {name!r} appears twice here; keep one"
            seen.add(name)
            yield from _duplicate_keys(value, (*where, name))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*where, index))


def _locate(root: yaml.Node | None, where: tuple[PathPart, ...], message: str) -> str:
    """`path (line N): message`, with the line of the deepest node the path reaches."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in where:
        child = _child(node, part)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    at = f" (line {line})" if line is not None else ""
    return f"{_dotted(where)}{at}: {message}"


def _child(node: yaml.Node | None, part: PathPart) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if getattr(key, "value", None) == part:
                return cast(yaml.Node, value)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return cast(yaml.Node, node.value[part])
    return None


def build(data: Mapping[str, Any], *, source: str) -> Taxonomy:
    """The typed taxonomy from data that passed `validate`."""
    areas = tuple(_build_area(area) for area in data["areas"])
    lex = data["lexicons"]
    verbs = lex["action_verbs"]
    lexicons = Lexicons(
        strong_verbs=frozenset(v.lower() for v in verbs["strong"]),
        moderate_verbs=frozenset(v.lower() for v in verbs["moderate"]),
        weak_verbs=frozenset(v.lower() for v in verbs["weak"]),
        weak_openers=tuple(lex["weak_openers"]),
        buzzwords=tuple(lex["buzzwords"]),
        fillers=tuple(lex["fillers"]),
        pronouns=frozenset(p.lower() for p in lex["pronouns"]),
        metric_units=tuple(lex["metric_units"]),
        outcome_words=tuple(lex.get("outcome_words", ())),
        scope_words=tuple(lex.get("scope_words", ())),
    )
    scoring = data.get("scoring", {})
    weights = ScoringWeights(
        **scoring.get("components", {}),
        **({"saturation": scoring["saturation"]} if "saturation" in scoring else {}),
        **scoring.get("levels", {}),
        **({"role_discount": scoring["role_discount"]} if "role_discount" in scoring else {}),
    )
    roles = tuple(
        RelatedRole(
            id=role["id"],
            name=role["name"],
            description=role["description"],
            advice=role.get("advice", ""),
            terms=tuple(role["terms"]),
            titles=tuple(role.get("titles", ())),
        )
        for role in data.get("related_roles", ())
    )
    return Taxonomy(
        version=str(data["version"]),
        name=str(data["name"]),
        areas=areas,
        lexicons=lexicons,
        source=source,
        scoring=weights,
        related_roles=roles,
        product_titles=tuple(data.get("product_titles", ())),
    )


def _build_area(area: Mapping[str, Any]) -> Area:
    skills = tuple(
        Skill(
            id=skill.get("id") or slug(skill["name"]),
            name=skill["name"],
            area=area["id"],
            kind=cast(SkillKind, skill.get("kind", "concept")),
            synonyms=tuple(skill.get("synonyms", ())),
            abbreviations=tuple(skill.get("abbreviations", ())),
            patterns=tuple(tuple(token) for token in skill.get("patterns", ())),
            ambiguous=bool(skill.get("ambiguous", False)),
            context=tuple(skill.get("context", ())),
        )
        for skill in area["skills"]
    )
    return Area(
        id=area["id"],
        name=area["name"],
        description=area["description"],
        weight=float(area["weight"]),
        advice=area.get("advice", ""),
        evidence=tuple(area.get("evidence", ())),
        skills=skills,
        example=area.get("example", ""),
    )
