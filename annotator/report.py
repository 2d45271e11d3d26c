"""Human-readable tables for the CLI (rich): eval scores and the plugin list."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .evaluate import Report


def print_eval_report(report: Report, details: bool = False) -> None:
    """Print per-type and overall P/R/F1 with counts; with `details`, every miss and false alarm."""
    console = Console(highlight=False)
    table = Table(title=f"Accuracy on {report.pages} gold pages")
    for column in ("type", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = sorted(report.by_type.items()) + [("overall", report.overall)]
    for kind, counts in rows:
        table.add_row(
            kind,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
        )
    console.print(table)
    if not details:
        return
    for title, items in (
        ("Misses (in gold, not predicted)", report.misses),
        ("False alarms (predicted, not in gold)", report.false_alarms),
    ):
        console.print(f"\n[bold]{title}: {len(items)}[/bold]")
        for item in items:
            extra = ", ".join(
                f"{k}={v!r}" for k, v in item.items() if k not in ("page", "type", "text", "why")
            )
            console.print(
                f"  {item['page'][:12]}  {item['type']:<6} {item['text'][:70]!r}  {extra}  — {item['why']}",
                soft_wrap=True,
            )


def print_plugins(report: list[dict[str, Any]]) -> None:
    """Print each plugin, its origin, and what it registers."""
    table = Table(title="Loaded plugins")
    for column in ("plugin", "from", "registers"):
        table.add_column(column)
    for entry in report:
        registers = "; ".join(
            f"{kind}: {', '.join(entry[kind])}"
            for kind in ("extractors", "annotators", "exporters", "rate_sources")
            if entry.get(kind)
        )
        table.add_row(entry["name"], entry["origin"], registers or "commands/hooks only")
    Console(highlight=False).print(table)
