"""Validation of annotation sets and gold files: the JSON Schemas plus the spec's own rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_NAMES = {
    "annotation-set": "annotation-set.schema.json",
    "gold": "gold.schema.json",
}


@dataclass(frozen=True)
class Issue:
    """One validation error: where (a JSON pointer) and why."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


def schema_path(name: str) -> Path:
    """The bundled schema file for `name` (annotation-set, gold) or a file name in schemas/."""
    file_name = SCHEMA_NAMES.get(name, name)
    path = SCHEMA_DIR / file_name
    if not path.is_file() or path.parent != SCHEMA_DIR:
        raise KeyError(name)
    return path


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load a bundled schema by name."""
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def plugin_type_schemas() -> dict[str, dict]:
    """Schema fragments that annotator plugins ship for the annotation types they add."""
    from .plugins import registry

    fragments: dict[str, dict] = {}
    for annotator in registry().annotators.values():
        schema = getattr(annotator, "schema", None)
        if isinstance(schema, dict):
            for kind in getattr(annotator, "types", ()):
                fragments[kind] = schema
    return fragments


def _pointer(path: Any) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)


@cache
def _annotation_validator() -> Draft202012Validator:
    """A validator for one annotation in its flat form: the set schema's `$defs/annotation`."""
    schema = load_schema("annotation-set")
    return Draft202012Validator(
        {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/annotation"}
    )


def annotation_issues(annotation: dict[str, Any], fragment: dict | None = None) -> list[Issue]:
    """Every schema problem of one annotation (flat JSON form), with its plugin type's fragment.

    Pointers are relative to the annotation ("/value"). The pipeline runs this on what
    third-party annotators produce, so that no invalid annotation reaches an output.
    """
    issues = _schema_issues(annotation, _annotation_validator())
    if fragment:
        issues.extend(_schema_issues(annotation, Draft202012Validator(fragment)))
    return issues


@cache
def _validator(name: str) -> Draft202012Validator:
    """A validator for a bundled schema, built once."""
    return Draft202012Validator(load_schema(name))


def _schema_issues(data: Any, validator: Draft202012Validator) -> list[Issue]:
    issues = []
    for error in sorted(
        validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    ):
        best = error
        if error.context:  # oneOf/anyOf: report the most specific sub-error
            best = min(error.context, key=lambda e: (-len(e.absolute_path), e.message))
        issues.append(Issue(_pointer(best.absolute_path), best.message))
    return issues


def _rule_issues(data: dict, fragments: dict[str, dict]) -> list[Issue]:
    """The rules a schema cannot state: offsets match the text, unique ids, references resolve."""
    issues: list[Issue] = []
    document = data.get("document")
    text = document.get("text") if isinstance(document, dict) else None
    annotations = data.get("annotations", [])
    if not isinstance(text, str) or not isinstance(annotations, list):
        return issues
    ids: dict[str, int] = {}
    for index, annotation in enumerate(annotations):
        if not isinstance(annotation, dict):
            continue
        here = f"/annotations/{index}"
        identifier = annotation.get("id")
        if isinstance(identifier, str):
            if identifier in ids:
                issues.append(
                    Issue(
                        f"{here}/id",
                        f"duplicate id {identifier!r} (first at /annotations/{ids[identifier]})",
                    )
                )
            ids.setdefault(identifier, index)
        start, end = annotation.get("start"), annotation.get("end")
        if isinstance(start, int) and isinstance(end, int):
            if start > end:
                issues.append(Issue(f"{here}/end", f"end {end} is before start {start}"))
            elif end > len(text):
                issues.append(
                    Issue(
                        f"{here}/end", f"end {end} is past the end of document.text ({len(text)})"
                    )
                )
            elif text[start:end] != annotation.get("text"):
                issues.append(
                    Issue(
                        f"{here}/text",
                        f"text {annotation.get('text')!r} != document.text[{start}:{end}] {text[start:end]!r}",
                    )
                )
        fragment = fragments.get(annotation.get("type"))
        if fragment:
            issues.extend(
                Issue(f"{here}{i.pointer}", i.message)
                for i in _schema_issues(annotation, Draft202012Validator(fragment))
            )
    for index, annotation in enumerate(annotations):
        if not isinstance(annotation, dict):
            continue
        for key in ("equivalent_of", "anchor"):
            ref = annotation.get(key)
            if isinstance(ref, str) and ref != "published" and ref not in ids:
                issues.append(
                    Issue(f"/annotations/{index}/{key}", f"refers to unknown annotation id {ref!r}")
                )
            if isinstance(ref, str) and ref == annotation.get("id"):
                issues.append(Issue(f"/annotations/{index}/{key}", "refers to itself"))
    return issues


def kind_of(data: Any) -> str:
    """'gold' for a gold file, else 'annotation-set'."""
    if (
        isinstance(data, dict)
        and "schema_version" not in data
        and "source" in data
        and "document" not in data
    ):
        return "gold"
    if (
        isinstance(data, dict)
        and "schema_version" not in data
        and isinstance(data.get("source"), str)
    ):
        return "gold"
    return "annotation-set"


def validate_data(
    data: Any, source: str | None = None, fragments: dict[str, dict] | None = None
) -> list[Issue]:
    """Every problem with an annotation set or gold file (empty list when valid)."""
    kind = kind_of(data)
    issues = _schema_issues(data, _validator(kind))
    if kind == "annotation-set" and isinstance(data, dict):
        issues.extend(_rule_issues(data, plugin_type_schemas() if fragments is None else fragments))
    return issues


def validate_file(path: Path) -> list[Issue]:
    """Validate a file holding one set (or gold file); unreadable content gives one issue.

    The JSON is read strictly (no NaN, duplicate keys, lone surrogates or runaway
    nesting: see stored/decode.py). For files of several sets use stored.check.
    """
    from .stored.decode import BadJson, loads

    try:
        data = loads(Path(path).read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [Issue("", "not UTF-8 text")]
    except BadJson as exc:
        return [Issue(exc.pointer, exc.reason)]
    return validate_data(data, str(path))
