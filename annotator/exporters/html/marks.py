"""The article text with every annotation highlighted in place, nested or overlapping.

Each annotation becomes one `<mark>`, or several pieces when it crosses another
annotation's edge without containing it. Where one annotation contains another (a date
inside a quotation) the marks nest; where two cross, the one that opened later is closed
at the other's end and reopened just after, so every character of every annotation sits
inside exactly one piece of that annotation, and the text between the tags is the
document text itself, unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ...model import Annotation
from . import escape

CLOSE = "</mark>"

OpenTag = Callable[[Annotation, bool], str]


def _spans(text: str, annotations: Sequence[Annotation]) -> list[tuple[int, int, Annotation]]:
    """(start, end, annotation) clamped to the text, longest first where two start together."""
    length = len(text)
    spans = []
    for annotation in annotations:
        start = min(max(annotation.start, 0), length)
        end = min(max(annotation.end, start), length)
        spans.append((start, end, annotation))
    spans.sort(key=lambda span: (span[0], -span[1]))
    return spans


def highlighted(text: str, annotations: Sequence[Annotation], open_tag: OpenTag) -> str:
    """`text` as HTML with each annotation marked; `open_tag(annotation, first_piece)` opens one."""
    spans = _spans(text, annotations)
    opening: dict[int, list[tuple[int, Annotation]]] = defaultdict(list)
    for start, end, annotation in spans:
        opening[start].append((end, annotation))
    boundaries = sorted({0, len(text), *(s for s, _e, _a in spans), *(e for _s, e, _a in spans)})
    out: list[str] = []
    stack: list[tuple[int, Annotation]] = []  # open marks, outermost first: (end, annotation)
    position = 0
    for boundary in boundaries:
        out.append(escape.text(text[position:boundary]))
        position = boundary
        _close_ending(stack, boundary, out, open_tag)
        for end, annotation in opening.get(boundary, ()):
            out.append(open_tag(annotation, True))
            if end == boundary:  # an empty span: a mark with nothing inside
                out.append(CLOSE)
            else:
                stack.append((end, annotation))
    out.append(CLOSE * len(stack))
    return "".join(out)


def _close_ending(
    stack: list[tuple[int, Annotation]], boundary: int, out: list[str], open_tag: OpenTag
) -> None:
    """Close every open mark ending at `boundary`; reopen the ones closed only to get out."""
    lowest = next((i for i, (end, _a) in enumerate(stack) if end <= boundary), None)
    if lowest is None:
        return
    closed = stack[lowest:]
    del stack[lowest:]
    out.append(CLOSE * len(closed))
    for end, annotation in closed:
        if end > boundary:  # crossed, not ended: its next piece starts here
            out.append(open_tag(annotation, False))
            stack.append((end, annotation))
