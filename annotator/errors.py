"""One exception hierarchy: every error carries the file it concerns and the reason."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base error: `source` names the input (file, WARC record, '-'), `reason` says what is wrong."""

    exit_code = 1

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason

    def with_source(self, source: str) -> AnnotatorError:
        """Return this error with `source` filled in when it was unknown."""
        if self.source is None:
            self.source = source
        return self


class InputError(AnnotatorError):
    """The input cannot be read or is not an article page (too large, not HTML, empty body)."""


class ValidationFailed(AnnotatorError):
    """An annotation set or gold file does not satisfy the schemas or the spec's rules."""

    def __init__(self, errors: list, source: str | None = None) -> None:
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        first = f": {errors[0]}{more}" if errors else ""
        super().__init__(f"{len(errors)} validation error(s){first}", source)


class OutputError(AnnotatorError):
    """An output (file, failures.jsonl, standard output) cannot be written.

    `stops_batch` is True when the output location itself is unusable (full, over quota,
    read-only): no later input could be written there either. `cause` is the system's
    reason in lower case ("no space left on device").
    """

    def __init__(
        self, reason: str, source: str | None = None, cause: str = "", stops_batch: bool = False
    ) -> None:
        super().__init__(reason, source)
        self.cause = cause or reason
        self.stops_batch = stops_batch


class PluginError(AnnotatorError):
    """A plugin failed to load or raised while working."""


class UsageError(AnnotatorError):
    """The command was called wrongly (unknown format, bad option value)."""

    exit_code = 2
