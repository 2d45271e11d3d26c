"""How `annotate validate` reports: plain lines, GitHub Actions annotations, or JUnit XML.

Every report gets each checked record as it comes (`add`), then the tally (`close`).
Errors go to standard output (they are the report); the summary line and notes go to
standard error, and `quiet` leaves only the errors.
"""

from __future__ import annotations

import sys
from typing import TextIO

from ..exporters.xmltext import xml_safe
from .check import Checked, Tally

REPORT_FORMATS = ("text", "github", "junit")


class TextReport:
    """`FILE[:LINE]: /pointer: reason`, one line per error."""

    def __init__(self, out: TextIO, err: TextIO, quiet: bool = False, verbose: bool = False):
        self.out, self.err, self.quiet, self.verbose = out, err, quiet, verbose
        self._noted: set[tuple[str, str]] = set()

    def add(self, checked: Checked) -> None:
        """Report one record's errors (and, unless quiet, its notes once per file)."""
        where = checked.record.where
        for issue in checked.errors:
            self.error(where, checked, issue.pointer or "/", issue.message)
        for note in checked.notes:
            if not self.quiet and (checked.record.source, note) not in self._noted:
                self._noted.add((checked.record.source, note))
                self.note(checked, note)
        if checked.valid and self.verbose:
            print(f"{where}: valid", file=self.err)

    def error(self, where: str, checked: Checked, pointer: str, message: str) -> None:
        """Print one error line."""
        print(f"{where}: {pointer}: {message}", file=self.out)

    def note(self, checked: Checked, note: str) -> None:
        """Print one note (something that could not be checked)."""
        print(f"annotate: {checked.record.source}: note: {note}", file=self.err)

    def close(self, tally: Tally) -> None:
        """Print the summary line unless quiet."""
        if not self.quiet:
            print(f"annotate: {tally.line()}", file=self.err)


def _github_value(text: str) -> str:
    """Escape a value for a GitHub workflow command (%, CR, LF; also , and : in properties)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_value(text).replace(":", "%3A").replace(",", "%2C")


class GithubReport(TextReport):
    """`::error file=F,line=N,title=annotate validate::/pointer: reason` workflow commands."""

    def _location(self, checked: Checked) -> str:
        location = f"file={_github_property(checked.record.source)}"
        if checked.record.line is not None:
            location += f",line={checked.record.line}"
        return location

    def error(self, where: str, checked: Checked, pointer: str, message: str) -> None:
        """Print one ::error command."""
        text = _github_value(f"{pointer}: {message}")
        print(f"::error {self._location(checked)},title=annotate validate::{text}", file=self.out)

    def note(self, checked: Checked, note: str) -> None:
        """Print one ::warning command."""
        text = _github_value(note)
        print(f"::warning {self._location(checked)},title=annotate validate::{text}", file=self.out)


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape  # here: it pulls in urllib, which text reports skip

    return escape(xml_safe(text)[0])


def _xml_attribute(text: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(xml_safe(text)[0])


class JunitReport:
    """A JUnit XML report: one test suite per file, one test case per set."""

    def __init__(self, out: TextIO, err: TextIO, quiet: bool = False, verbose: bool = False):
        self.out, self.err, self.quiet = out, err, quiet
        self._source: str | None = None
        self._cases: list[str] = []
        self._failures = 0
        self._suites: list[str] = []

    def add(self, checked: Checked) -> None:
        """Add one test case (failed when the record has errors)."""
        if checked.record.source != self._source:
            self._flush()
            self._source = checked.record.source
        name = _xml_attribute(checked.record.where)
        case = f"    <testcase classname={_xml_attribute(checked.record.source)} name={name}"
        if checked.valid:
            self._cases.append(case + "/>")
            return
        self._failures += 1
        lines = "\n".join(f"{issue.pointer or '/'}: {issue.message}" for issue in checked.errors)
        first = checked.errors[0]
        message = _xml_attribute(f"{first.pointer or '/'}: {first.message}")
        self._cases.append(
            f'{case}>\n      <failure message={message} type="invalid">'
            f"{_xml_text(lines)}</failure>\n    </testcase>"
        )

    def _flush(self) -> None:
        if self._source is None:
            return
        suite = (
            f'  <testsuite name={_xml_attribute(self._source)} tests="{len(self._cases)}" '
            f'failures="{self._failures}" errors="0">'
        )
        self._suites.append("\n".join([suite, *self._cases, "  </testsuite>"]))
        self._cases, self._failures = [], 0

    def close(self, tally: Tally) -> None:
        """Write the whole XML document, then the summary line unless quiet."""
        self._flush()
        total = tally.valid + tally.invalid
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(
            f'<testsuites name="annotate validate" tests="{total}" failures="{tally.invalid}">\n'
        )
        for suite in self._suites:
            self.out.write(suite + "\n")
        self.out.write("</testsuites>\n")
        if not self.quiet:
            print(f"annotate: {tally.line()}", file=self.err)


def make_report(
    format: str, quiet: bool = False, verbose: bool = False
) -> TextReport | JunitReport:
    """The report for `format` (text, github, junit), writing to stdout and stderr."""
    kinds = {"text": TextReport, "github": GithubReport, "junit": JunitReport}
    return kinds[format](sys.stdout, sys.stderr, quiet, verbose)
