"""Quote detection: every quotation segment of a text, with character offsets.

No NLP here, only the marks and what stands beside them. Each paragraph (line)
is scanned for quotation marks; each mark gets a direction from its neighbours
(an opening mark has white space or an opening bracket before it and a word
after it), falling back on its glyph, so that mis-directed glyphs pair as the
writer meant. Marks are paired with a stack per paragraph. A quotation left open
at the end of a paragraph whose next paragraph opens a quotation runs over both
(news style: the opening mark repeated, one closing mark at the end).
Apostrophes (`don't`, `China’s`, `the countries’ leaders`, `'90s`) are not marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quotes.records import Quote

DETECTOR_VERSION = "2"

DOUBLE, SINGLE = "double", "single"
OPEN, CLOSE, EITHER = "open", "close", "either"

# glyph -> (family, direction the glyph itself suggests)
GLYPHS: dict[str, tuple[str, str]] = {
    "“": (DOUBLE, OPEN), "„": (DOUBLE, OPEN), "‟": (DOUBLE, OPEN), "«": (DOUBLE, OPEN),
    "”": (DOUBLE, CLOSE), "»": (DOUBLE, CLOSE), '"': (DOUBLE, EITHER),
    "``": (DOUBLE, OPEN), "''": (DOUBLE, EITHER), "‘‘": (DOUBLE, OPEN), "’’": (DOUBLE, CLOSE),
    "‘": (SINGLE, OPEN), "‚": (SINGLE, OPEN), "‹": (SINGLE, OPEN),
    "’": (SINGLE, CLOSE), "›": (SINGLE, CLOSE), "'": (SINGLE, EITHER),
}
MARK_RE = re.compile(r"``|''|‘‘|’’|[“”„‟«»\"‘’‚‹›']")
MAX_DEPTH = 3  # a quotation inside a quotation inside a quotation; deeper ones are dropped
OPENERS_BEFORE = set("([{<—–-/")  # a mark right after these may open a quotation
# Words that begin with an apostrophe standing for left-out letters.
ELISION_RE = re.compile(r"(?:em|tis|twas|til|cause|n|bout|round|cuz|\d0s|\d\d)\b", re.I)


@dataclass(frozen=True)
class Mark:
    pos: int  # offset of the mark in the text
    size: int  # 1, or 2 for `` and ''
    family: str
    direction: str


@dataclass(frozen=True)
class Detection:
    """A text's quotations, and what was passed over in it (an unpaired mark at an offset)."""

    quotes: list[Quote]
    warnings: list[str]  # for the user, with the file's name in front; the rest of the text was read


def detect(text: str) -> list[Quote]:
    """Every quotation segment in `text`, in order of its start (`find_quotes` without the warnings)."""
    return find_quotes(text).quotes


def find_quotes(text: str) -> Detection:
    """Every quotation segment in `text`, in order of its start, and a warning for each mark passed over.

    Never raises on odd input: an unpaired mark is a warning and is skipped.
    """
    warnings: list[str] = []

    def warn(message: str, *args: object) -> None:
        warnings.append(message % args)

    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    group = 0
    carried: int | None = None  # group of a quotation still open from the previous paragraph
    for index, (start, end) in enumerate(paragraphs):
        found, open_at_end = _pair(text, start, end, warn)
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        runs_on = open_at_end is not None and next_start is not None and _starts_with_open_mark(text, next_start)
        if open_at_end is not None and not runs_on:
            warn("unpaired quotation mark at offset %d", open_at_end - 1)
        if runs_on:  # the open quotation is one more segment, ending with the paragraph
            found.append((open_at_end, end, False))
        carried_in, carried = carried, None
        for q_start, q_end, nested in sorted(found):
            continues = carried_in is not None and not nested and _opens(text, start, q_start)
            if not continues:
                group += 1
            grp = carried_in if continues else group
            carried_in = None  # only the paragraph's first quotation continues the one above
            inside_run_on = runs_on and open_at_end < q_start  # type: ignore[operator]
            q = _quote(text, q_start, q_end, index, grp, nested or inside_run_on)
            if q:
                quotes.append(q)
            if runs_on and q_start == open_at_end:
                carried = grp
    return Detection(quotes, warnings)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _marks(text: str, start: int, end: int) -> list[Mark]:
    """The quotation marks of one paragraph, apostrophes left out."""
    marks = []
    skip_to = start
    for m in MARK_RE.finditer(text, start, end):
        glyph = m.group()
        family, default = GLYPHS[glyph]
        pos, size = m.start(), len(glyph)
        if pos < skip_to:
            continue
        before = text[pos - 1] if pos > start else " "
        if before == "=":  # markup left in the text: `<tweet tweet-id="6723...">`
            close = text.find(glyph, pos + size, end)
            skip_to = close + size if close != -1 else end
            continue
        after = text[pos + size] if pos + size < end else " "
        if family == SINGLE and size == 1 and _is_apostrophe(text, pos, end, before, after):
            continue
        marks.append(Mark(pos, size, family, _direction(before, after, default)))
    return marks


def _is_apostrophe(text: str, pos: int, end: int, before: str, after: str) -> bool:
    """A single mark inside a word (`don't`) or before an elision (`'90s`)."""
    if before.isalnum() and after.isalnum():
        return True
    return not before.isalnum() and ELISION_RE.match(text, pos + 1, end) is not None


def _direction(before: str, after: str, default: str) -> str:
    """Open, close or either, from the characters around the mark."""
    can_open = not after.isspace() and (before.isspace() or before in OPENERS_BEFORE or _is_mark(before))
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return default


def _is_mark(ch: str) -> bool:
    return ch in GLYPHS


def _pair(text: str, start: int, end: int, warn: Callable[..., None]) -> tuple[list[tuple[int, int, bool]], int | None]:
    """Pair the marks of one paragraph, in time linear in its marks.

    Returns the quotations found as (start, end, nested) and the
    content offset of a double quotation still open at the end of the paragraph.
    """
    stack: list[Mark] = []
    on_stack = {DOUBLE: 0, SINGLE: 0}  # so a mark with no opener of its family is known without a scan
    found: list[tuple[int, int]] = []
    leading_close: int | None = None
    for mark in _marks(text, start, end):
        top_family = stack[-1].family if stack else None
        closes = mark.direction == CLOSE or (mark.direction == EITHER and top_family == mark.family)
        if not closes:
            stack.append(mark)
            on_stack[mark.family] += 1
            continue
        if not on_stack[mark.family]:
            if mark.family == DOUBLE and not found and leading_close is None:
                leading_close = mark.pos  # a closing mark with no opening one
            continue  # a lone single closing mark is an apostrophe (`the countries’`)
        # The scan down to the opener costs what it then removes, so the whole loop stays linear.
        opener = next(i for i in range(len(stack) - 1, -1, -1) if stack[i].family == mark.family)
        begin = stack[opener]
        for dropped in stack[opener:]:  # marks opened inside and never closed were not quotations
            on_stack[dropped.family] -= 1
        del stack[opener:]
        found.append((begin.pos + begin.size, mark.pos))
    if leading_close is not None:
        warn("closing quotation mark with no opening one at offset %d", leading_close)
    doubles = [m for m in stack if m.family == DOUBLE]
    open_at_end = doubles[0].pos + doubles[0].size if doubles else None
    return _nesting(found, warn), open_at_end


def _nesting(found: list[tuple[int, int]], warn: Callable[..., None]) -> list[tuple[int, int, bool]]:
    """Each quotation with whether it lies inside another, those nested past MAX_DEPTH left out.

    Pairing with a stack gives quotations that nest or are apart, never
    overlap, so one pass in order of start with a stack of the ends around
    tells each one's depth. The bound keeps every character in at most
    MAX_DEPTH quotations: their texts together are never more than a few
    times the article, whatever its marks.
    """
    kept: list[tuple[int, int, bool]] = []
    around: list[int] = []  # ends of the quotations around the current one
    too_deep: int | None = None
    for q_start, q_end in sorted(found, key=lambda q: (q[0], -q[1])):
        while around and around[-1] < q_end:
            around.pop()
        if len(around) >= MAX_DEPTH:
            too_deep = q_start if too_deep is None else too_deep
            continue
        kept.append((q_start, q_end, bool(around)))
        around.append(q_end)
    if too_deep is not None:
        warn("quotations nested more than %d deep at offset %d; the innermost were left out", MAX_DEPTH, too_deep)
    return kept


def _starts_with_open_mark(text: str, pos: int) -> bool:
    """Does the paragraph starting at `pos` open with a double quotation mark?"""
    m = MARK_RE.match(text, pos)
    return m is not None and GLYPHS[m.group()][0] == DOUBLE


def _opens(text: str, para_start: int, content_start: int) -> bool:
    """Is the quotation whose content starts here the first thing in its paragraph?"""
    return text[para_start:content_start].strip() in GLYPHS


def _quote(text: str, start: int, end: int, paragraph: int, group: int, nested: bool) -> Quote | None:
    """A Quote with white space trimmed off both ends, or None if it is empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Quote(start=start, end=end, text=text[start:end], paragraph=paragraph, group=group, nested=nested)
