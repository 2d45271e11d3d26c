"""Validation of annotation sets and gold files: the JSON Schemas plus the spec's own rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .model import BUILT_IN_TYPES

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


def plugin_type_schemas() -> dict[str, dict | None]:
    """Every annotation type the loaded annotator plugins declare beyond the built-in ones,
    with the schema fragment its plugin ships (None when it ships none).

    The built-in annotators declare only built-in types, so they are left out (and not
    imported: `annotate validate` stays quick to start)."""
    from .plugins import registry

    fragments: dict[str, dict | None] = {}
    for annotator in registry(("annotators",), builtins=False).annotators.values():
        schema = getattr(annotator, "schema", None)
        for kind in getattr(annotator, "types", ()):
            if kind not in BUILT_IN_TYPES and fragments.get(kind) is None:
                fragments[kind] = schema if isinstance(schema, dict) else None
    return fragments


def recorded_plugin_types(data: Any) -> dict[str, str]:
    """Type → 'plugin NAME VERSION' for the plugin types a set's provenance records."""
    provenance = data.get("provenance") if isinstance(data, dict) else None
    plugins = provenance.get("plugins") if isinstance(provenance, dict) else None
    recorded: dict[str, str] = {}
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("types"), dict):
            label = " ".join(str(entry[k]) for k in ("name", "version") if entry.get(k))
            for kind in entry["types"]:
                recorded.setdefault(kind, f"plugin {label}")
    return recorded


def _set_types(data: Any) -> list[str]:
    annotations = data.get("annotations") if isinstance(data, dict) else None
    kinds = (a.get("type") for a in annotations or [] if isinstance(a, dict))
    return sorted({k for k in kinds if isinstance(k, str)})


def unchecked_types(data: Any, fragments: dict[str, dict | None] | None = None) -> list[str]:
    """What `validate_data` could not check in a set: one note per plugin type whose plugin
    (recorded in the set's provenance) is not loaded here."""
    known = plugin_type_schemas() if fragments is None else fragments
    recorded = recorded_plugin_types(data)
    return [
        f"type {kind!r} from {recorded[kind]} not checked: plugin not installed"
        for kind in _set_types(data)
        if kind not in BUILT_IN_TYPES and kind not in known and kind in recorded
    ]


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


def _rule_issues(data: dict, fragments: dict[str, dict | None]) -> list[Issue]:
    """The rules a schema cannot state: offsets match the text, unique ids, references
    resolve, and every type is built in, declared by a loaded plugin (then checked by its
    fragment) or recorded in the provenance as a plugin's (see unchecked_types)."""
    issues: list[Issue] = []
    document = data.get("document")
    text = document.get("text") if isinstance(document, dict) else None
    annotations = data.get("annotations", [])
    if not isinstance(text, str) or not isinstance(annotations, list):
        return issues
    ids: dict[str, int] = {}
    recorded = recorded_plugin_types(data)
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
        kind = annotation.get("type")
        if isinstance(kind, str) and not (
            kind in BUILT_IN_TYPES or kind in fragments or kind in recorded
        ):
            issues.append(Issue(f"{here}/type", f"unknown annotation type {kind!r}"))
        fragment = fragments.get(kind) if isinstance(kind, str) else None
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
    data: Any, source: str | None = None, fragments: dict[str, dict | None] | None = None
) -> list[Issue]:
    """Every problem with an annotation set or gold file (empty list when valid).

    `fragments` maps the plugin types known here to their schema fragments (default:
    those the loaded plugins declare). A type neither built in, nor known, nor recorded
    in the set's provenance as a plugin's is an error.
    """
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
