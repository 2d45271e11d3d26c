"""Check stored sets: every record of every file against the schemas and the spec's rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..validation import Issue, plugin_type_schemas, unchecked_types, validate_data
from .records import Record, read_records, stored_files


@dataclass
class Checked:
    """One record and what checking it found: errors, and notes (what could not be checked)."""

    record: Record
    errors: list[Issue]
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the record has no error (notes do not count)."""
        return not self.errors


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class Tally:
    """How many files and sets were checked, and how many sets were valid."""

    files: int = 0
    valid: int = 0
    invalid: int = 0
    _last_source: str | None = None

    def add(self, checked: Checked) -> None:
        """Count one checked record (a new source counts as a new file)."""
        if checked.record.source != self._last_source:
            self.files += 1
            self._last_source = checked.record.source
        if checked.valid:
            self.valid += 1
        else:
            self.invalid += 1

    def line(self) -> str:
        """'181 sets in 1 file: 179 valid, 2 invalid'."""
        sets = _plural(self.valid + self.invalid, "set")
        return (
            f"{sets} in {_plural(self.files, 'file')}: {self.valid} valid, {self.invalid} invalid"
        )


def check_record(
    record: Record, strict: bool = False, fragments: dict[str, dict | None] | None = None
) -> Checked:
    """Check one record; a record that could not be read is one error.

    A plugin type whose plugin is not loaded is a note, or an error when `strict`;
    `fragments` are the loaded plugins' types (see validation.plugin_type_schemas).
    """
    if record.error is not None:
        return Checked(record, [Issue(record.error.pointer, record.error.reason)])
    fragments = plugin_type_schemas() if fragments is None else fragments
    errors = validate_data(record.data, record.where, fragments)
    notes = unchecked_types(record.data, fragments)
    if strict and notes:
        errors.extend(Issue("", f"{note} (--strict)") for note in notes)
        notes = []
    return Checked(record, errors, notes)


def check_stored(specs: list[str], max_bytes: int, strict: bool = False) -> Iterator[Checked]:
    """Every record of every file named by `specs`, checked, in order."""
    fragments = plugin_type_schemas()
    for entry in stored_files(specs):
        if isinstance(entry, Record):
            yield check_record(entry, strict, fragments)
            continue
        for record in read_records(entry, max_bytes):
            yield check_record(record, strict, fragments)
