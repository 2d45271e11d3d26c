"""The pipeline: run annotators over a Document, check offsets, assign ids, link, add provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import __version__
from .batch.deadline import InputTimeout
from .errors import PluginError, UsageError, ValidationFailed
from .languages import language_gate
from .model import BUILT_IN_TYPES, Annotation, AnnotationSet, Document
from .plugins import Registry, identity, origin, registry
from .reading.plain import is_text_input
from .reading.supplied import checked_language, checked_published, with_supplied

REFERENCE_FIELDS = ("equivalent_of", "anchor")
INPUT_FORMATS = ("auto", "html", "text")
NON_ID_REFERENCES = {"published"}


@dataclass(frozen=True)
class Options:
    """What a run may change: which annotators, conversion targets, rate source, timestamps."""

    annotators: tuple[str, ...] | None = None
    convert_to: tuple[str, ...] = ("USD", "EUR")
    rate_source: str = "ecb"
    rates_file: str | None = None
    timestamp: bool = True
    extractor: str = "html"
    validate: bool = False  # check each whole set against the schemas before it is exported
    extra: dict[str, Any] = field(default_factory=dict)
    # What inputs are (auto: .txt/.txt.gz are plain text, the rest HTML) and metadata the
    # caller supplies for inputs that lack it (reading/supplied.py).
    input_format: str = "auto"
    published: str | None = None
    published_override: bool = False
    url: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        """Check the input format, normalise the supplied date and language; UsageError
        when any is not one."""
        if self.input_format not in INPUT_FORMATS:
            raise UsageError(
                f"unknown input format {self.input_format!r} (known: {', '.join(INPUT_FORMATS)})"
            )
        object.__setattr__(self, "published", checked_published(self.published))
        object.__setattr__(self, "language", checked_language(self.language))


@dataclass
class Context:
    """Handed to every annotator: the run's options and the plugin registry."""

    options: Options
    registry: Registry

    def rate_source(self) -> Any:
        """The exchange-rate source chosen by the options."""
        try:
            return self.registry.rate_sources[self.options.rate_source]
        except KeyError:
            known = ", ".join(sorted(self.registry.rate_sources)) or "none"
            raise UsageError(
                f"unknown rate source {self.options.rate_source!r} (known: {known})"
            ) from None


def select_annotators(reg: Registry, names: tuple[str, ...] | None) -> list[tuple[str, Any]]:
    """The annotators to run, in a stable order; UsageError for an unknown name."""
    if names is None:
        return sorted(reg.annotators.items())
    unknown = [n for n in names if n not in reg.annotators]
    if unknown:
        known = ", ".join(sorted(reg.annotators)) or "none"
        raise UsageError(f"unknown annotator(s) {', '.join(unknown)} (known: {known})")
    return [(n, reg.annotators[n]) for n in names]


def _trusted(reg: Registry, name: str) -> bool:
    """Whether an annotator is built in: the test suite proves its output valid on the whole
    corpus and on fuzzed pages, so its annotations skip the per-annotation schema check."""
    return origin(reg.owners.get(("annotators", name), "")) == "built-in"


def _schema_problem(annotation: Annotation, annotator: Any) -> str | None:
    """The first schema problem of a third-party annotator's annotation, or None when valid."""
    from .validation import annotation_issues

    fragment = getattr(annotator, "schema", None)
    if not isinstance(fragment, dict) or annotation.type not in getattr(annotator, "types", ()):
        fragment = None
    data = annotation.to_dict()
    data["id"] = data["id"] or f"{annotation.type}-0"  # ids are assigned after this check
    issues = annotation_issues(data, fragment)
    return str(issues[0]) if issues else None


def _checked(
    annotation: Annotation, document: Document, name: str, annotator: Any = None
) -> Annotation:
    """`annotation` with its annotator's name, once its offsets (and, for a third-party
    `annotator`, its schema) are checked; PluginError naming the annotator otherwise."""
    text = document.text
    if not (0 <= annotation.start <= annotation.end <= len(text)):
        raise PluginError(
            f"annotator {name} gave offsets {annotation.start}:{annotation.end} out of range"
        )
    if text[annotation.start : annotation.end] != annotation.text:
        raise PluginError(
            f"annotator {name} gave text {annotation.text!r} that is not text[{annotation.start}:{annotation.end}]"
        )
    annotation.annotator = annotation.annotator or name
    if annotator is not None:
        problem = _schema_problem(annotation, annotator)
        if problem:
            raise PluginError(
                f"annotator {name} gave an invalid {annotation.type} annotation "
                f"{annotation.text[:40]!r} at {annotation.start}: {problem}"
            )
    return annotation


def _assign_ids(produced: list[tuple[str, Annotation]]) -> list[Annotation]:
    """Sort by position and number per type ('date-1'…); rewrite annotator-local references."""
    produced.sort(key=lambda item: (item[1].start, -item[1].end, item[1].type, item[0]))
    renamed: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    for name, annotation in produced:
        counters[annotation.type] = counters.get(annotation.type, 0) + 1
        new_id = f"{annotation.type}-{counters[annotation.type]}"
        if annotation.id:
            renamed[(name, annotation.id)] = new_id
        annotation.id = new_id
    for name, annotation in produced:
        for key in REFERENCE_FIELDS:
            ref = annotation.fields.get(key)
            if isinstance(ref, str) and ref not in NON_ID_REFERENCES:
                annotation.fields[key] = renamed.get((name, ref), ref)
    return [annotation for _name, annotation in produced]


def annotate_document(
    document: Document, options: Options | None = None, reg: Registry | None = None
) -> AnnotationSet:
    """Run the selected annotators over `document` and return the linked AnnotationSet.

    The document's own checks (what reading it noticed) come first in the set's checks.
    An annotator that raises, gives bad offsets or (for a third-party plugin) an annotation
    its schema rejects is reported in `checks` (type `plugin-error`) and its annotations
    dropped; the others' annotations are kept. On a page in a language an annotator does
    not read, only its language-independent finds are kept (`languages.py`), with a
    `language-not-supported` check.
    InputTimeout (the input's time limit) is not an annotator's fault: it goes through.
    """
    options = options or Options()
    reg = reg or registry()
    context = Context(options=options, registry=reg)
    chosen = select_annotators(reg, options.annotators)
    produced: list[tuple[str, Annotation]] = []
    checks: list[dict[str, Any]] = [dict(check) for check in document.checks]
    linked = []  # the annotators whose link step runs: all but those a language gate skips
    for name, annotator in chosen:
        built_in = _trusted(reg, name)
        gate = language_gate(name, annotator, document.language, built_in)
        if gate is not None:
            checks.append(gate.check())
            if not gate.runs:
                continue
        linked.append((name, annotator))
        try:
            found = [
                _checked(a, document, name, None if built_in else annotator)
                for a in annotator.annotate(document, context)
            ]
        except InputTimeout:  # the whole input is given up, not just this annotator
            raise
        except Exception as exc:
            checks.append(_plugin_error(name, exc))
            continue
        produced.extend((name, a) for a in (gate.keep(found) if gate else found))
    annotation_set = AnnotationSet(
        document=document, annotations=_assign_ids(produced), checks=checks
    )
    for name, annotator in linked:
        link = getattr(annotator, "link", None)
        if link is None:
            continue
        try:
            link(annotation_set, context)
        except InputTimeout:
            raise
        except Exception as exc:
            checks.append(_plugin_error(name, exc))
    annotation_set.provenance = provenance([name for name, _ in chosen], options.timestamp)
    plugins = plugin_provenance(reg, chosen)
    if plugins:
        annotation_set.provenance["plugins"] = plugins
    if options.validate:
        _require_valid(annotation_set)
    return annotation_set


def _require_valid(annotation_set: AnnotationSet) -> None:
    """ValidationFailed (naming the document) when the set breaks the schemas or the spec's rules."""
    from .validation import validate_data

    issues = validate_data(annotation_set.to_dict())
    if issues:
        raise ValidationFailed(issues, annotation_set.document.source)


def _plugin_error(name: str, exc: Exception) -> dict[str, Any]:
    reason = exc.reason if isinstance(exc, PluginError) else f"{type(exc).__name__}: {exc}"
    return {"type": "plugin-error", "annotator": name, "message": reason}


def plugin_provenance(reg: Registry, chosen: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """The plugins (not built in) whose annotators ran: name, version, and their types.

    `types` maps each annotation type a plugin's annotators declare to the `$id` of its
    schema fragment (None without one), so that `annotate validate` can say which plugin
    a type it cannot check came from.
    """
    entries: dict[str, dict[str, Any]] = {}
    for name, annotator in chosen:
        owner = reg.owners.get(("annotators", name), "")
        if origin(owner) == "built-in":
            continue
        plugin_name, version = identity(owner)
        entry = entries.setdefault(
            plugin_name, {"name": plugin_name, "version": version, "types": {}}
        )
        schema = getattr(annotator, "schema", None)
        schema_id = schema.get("$id") if isinstance(schema, dict) else None
        for kind in getattr(annotator, "types", ()):
            if kind not in BUILT_IN_TYPES:
                entry["types"][kind] = schema_id
    return [entries[name] for name in sorted(entries)]


def provenance(annotator_names: list[str], timestamp: bool) -> dict[str, Any]:
    """The provenance block; `created` (UTC, seconds) only when timestamps are wanted."""
    block: dict[str, Any] = {"generator": f"annotator {__version__}", "annotators": annotator_names}
    if timestamp:
        block["created"] = (
            datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        )
    return block


def extractor_name(source: str, options: Options) -> str:
    """The extractor for an input: `text` for plain text (by --input-format, else by a
    .txt/.txt.gz name), the options' extractor (HTML by default) for the rest."""
    if options.input_format == "text" or (options.input_format == "auto" and is_text_input(source)):
        return "text"
    return options.extractor


def extract(
    data: bytes, source: str, options: Options | None = None, reg: Registry | None = None
) -> Document:
    """Run the extractor plugin the input calls for over raw bytes, then fill in the
    metadata the options supply for what the input lacks."""
    options = options or Options()
    reg = reg or registry()
    name = extractor_name(source, options)
    try:
        extractor = reg.extractors[name]
    except KeyError:
        raise UsageError(f"unknown extractor {name!r}") from None
    return with_supplied(
        extractor.extract(data, source),
        published=options.published,
        url=options.url,
        language=options.language,
        override=options.published_override,
    )


def annotate_bytes(
    data: bytes, source: str, options: Options | None = None, reg: Registry | None = None
) -> AnnotationSet:
    """The whole per-article job: extract, annotate, link. Pure: no I/O beyond its arguments."""
    reg = reg or registry()
    return annotate_document(extract(data, source, options, reg), options, reg)
