"""Comparing the wording of a quotation with a stored one: same words, close, or a diff.

Both sides are read as word and punctuation tokens after folding what a
journalist may change freely: quote glyphs, dashes, white space. A draft
quotation may also leave words out with an ellipsis (`…`, `...`) and put a
[bracketed] insertion in; `Pattern` keeps those as gaps and wildcards.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from quotes.folding import query_text

# Glyph folding: every quote mark to a straight one, every dash to a hyphen.
FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-",
})
# NFKC has already turned `…` into `...`.
TOKEN = re.compile(r"\.\.\.|\w+(?:['-]\w+)*|[^\w\s]")
QUOTE_MARKS = frozenset({"'", '"'})
PUNCTUATION = re.compile(r"[^\w\s]+")
WILDCARD_MAX = 8  # tokens a [bracketed] insertion may stand for in the original
DIFF_MARGIN = 3  # original tokens either side of the aligned stretch that a diff may use


@dataclass(frozen=True)
class Gap:
    """Words left out (an ellipsis): any number of original tokens, zero included."""


@dataclass(frozen=True)
class Wildcard:
    """A [bracketed] insertion: up to WILDCARD_MAX original tokens, zero included."""

    shown: str


Element = str | Gap | Wildcard


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level diff from the original to the draft."""

    op: str  # equal | replace | delete | insert
    original: str
    draft: str


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens, glyphs folded, quote marks dropped."""
    folded = unicodedata.normalize("NFKC", text).translate(FOLD)
    return [t for t in TOKEN.findall(folded) if t not in QUOTE_MARKS]


def _is_punct(element: Element) -> bool:
    return isinstance(element, str) and bool(PUNCTUATION.fullmatch(element))


def parse(text: str) -> list[Element]:
    """A draft quotation as tokens, gaps and wildcards, without the punctuation
    at its ends or around a gap (neither needs to match the original)."""
    raw = tokens(text)
    out: list[Element] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if tok == "[" and "]" in raw[i + 1 :]:
            close = raw.index("]", i + 1)
            inside = raw[i + 1 : close]
            out.append(Gap() if inside in ([], ["..."]) else Wildcard("[" + " ".join(inside) + "]"))
            i = close + 1
            continue
        out.append(Gap() if tok == "..." else tok)
        i += 1
    # punctuation next to a gap or at either end, and gaps at the ends, go
    changed = True
    while changed:
        changed = False
        for j, el in enumerate(out):
            at_edge = j in (0, len(out) - 1)
            near_gap = any(isinstance(out[k], Gap) for k in (j - 1, j + 1) if 0 <= k < len(out))
            if (_is_punct(el) and (at_edge or near_gap)) or (isinstance(el, Gap) and at_edge):
                del out[j]
                changed = True
                break
    return out


def pieces(elements: list[Element]) -> list[list[str | Wildcard]]:
    """The runs between gaps: each must appear whole in the original, in order."""
    runs: list[list[str | Wildcard]] = [[]]
    for el in elements:
        if isinstance(el, Gap):
            runs.append([])
        else:
            runs[-1].append(el)
    return [r for r in runs if any(isinstance(x, str) for x in r)]


def _first_letter_free(tok: str) -> str:
    """A regex for `tok` whose first letter may be either case."""
    head, rest = tok[0], re.escape(tok[1:])
    if head.lower() != head.upper():
        return f"[{re.escape(head.lower())}{re.escape(head.upper())}]{rest}"
    return re.escape(head) + rest


@lru_cache(maxsize=512)
def _piece_regex(piece: tuple[str | Wildcard, ...]) -> re.Pattern[str]:
    parts = [" "]
    for n, el in enumerate(piece):
        if isinstance(el, Wildcard):
            parts.append(f"(?:\\S+ ){{0,{WILDCARD_MAX}}}?")
        else:
            parts.append((_first_letter_free(el) if n == 0 else re.escape(el)) + " ")
    return re.compile("".join(parts))


def _spaced(toks: list[str]) -> str:
    return " " + " ".join(toks) + " "


def same_words(draft: list[Element], original: str) -> bool:
    """Is the draft quotation the original, or a part of it with gaps and insertions?

    Each piece between gaps is found at the earliest place after the previous
    one, which is enough: an earlier end never leaves less room for the rest.
    """
    runs = pieces(draft)
    if not runs:
        return False
    haystack = _spaced(tokens(original))
    at = 0
    for run in runs:
        found = _piece_regex(tuple(run)).search(haystack, at)
        if found is None:
            return False
        at = found.end() - 1  # share the space after the match
    return True


def _words(run: list[str | Wildcard]) -> str:
    return " ".join(t.lower() for t in run if isinstance(t, str))


def closeness(draft: list[Element], original: str) -> float:
    """0-100: how near the draft's words come to some stretch of the original.

    Each piece is scored against its best-matching stretch (`partial_ratio`),
    weighted by length; a piece longer than the original is scored whole
    (`ratio`), so that a long draft does not match a short original it contains.
    """
    target = " ".join(tokens(original)).lower()
    runs = [_words(r) for r in pieces(draft)]
    total = sum(len(r) for r in runs)
    if not total or not target:
        return 0.0
    score = 0.0
    for run in runs:
        scorer = fuzz.partial_ratio if len(run) <= len(target) else fuzz.ratio
        score += scorer(run, target) * len(run)
    return score / total


def _draft_keys(draft: list[Element], original: set[str]) -> list[str]:
    """Diff keys for the draft: a piece's first word takes the original's case if it has one."""
    keys, first = [], True
    for el in draft:
        if isinstance(el, Gap):
            keys.append("…")
            first = True
            continue
        key = el.shown if isinstance(el, Wildcard) else el
        swapped = key[:1].swapcase() + key[1:]
        keys.append(swapped if first and key not in original and swapped in original else key)
        first = False
    return keys


def _trim_edges(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Drop the original's words outside the quoted stretch (a part may be quoted)."""
    while ops and ops[0][0] == "delete":
        ops = ops[1:]
    while ops and ops[-1][0] == "delete":
        ops = ops[:-1]
    if ops and ops[0][0] == "replace":
        op, i1, i2, j1, j2 = ops[0]
        ops[0] = (op, max(i1, i2 - (j2 - j1)), i2, j1, j2)
    if ops and ops[-1][0] == "replace":
        op, i1, i2, j1, j2 = ops[-1]
        ops[-1] = (op, i1, min(i2, i1 + (j2 - j1)), j1, j2)
    return ops


def _window(draft: list[Element], old: list[str]) -> list[str]:
    """The stretch of the original that the draft's pieces line up with, plus a margin,
    so that a common word far away is not taken for the draft's."""
    target = " ".join(old).lower()
    spans = [fuzz.partial_ratio_alignment(_words(run), target) for run in pieces(draft)]
    spans = [a for a in spans if a is not None and a.dest_end > a.dest_start]
    if not spans:
        return old
    first = target.count(" ", 0, min(a.dest_start for a in spans)) - DIFF_MARGIN
    last = target.count(" ", 0, max(a.dest_end for a in spans)) + 1 + DIFF_MARGIN
    return old[max(0, first) : last]


def word_diff(draft: list[Element], original: str) -> list[DiffOp]:
    """Word-level diff from the original to the draft, over the stretch the draft quotes."""
    old = _window(draft, tokens(original))
    new = _draft_keys(draft, set(old))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        DiffOp(op, join_tokens(old[i1:i2]), join_tokens(new[j1:j2]))
        for op, i1, i2, j1, j2 in _trim_edges(matcher.get_opcodes())
    ]


def join_tokens(toks: list[str]) -> str:
    """Tokens back to text: no space before closing punctuation."""
    return re.sub(r" ([,.;:!?)\]])", r"\1", " ".join(toks))


def render_diff(ops: list[DiffOp]) -> str:
    """`[-old-]` for words only in the original, `{+new+}` for words only in the draft."""
    out = []
    for d in ops:
        if d.op == "equal":
            out.append(d.original)
        if d.op in ("delete", "replace"):
            out.append(f"[-{d.original}-]")
        if d.op in ("insert", "replace"):
            out.append(f"{{+{d.draft}+}}")
    return " ".join(out)


def word_count(draft: list[Element]) -> int:
    """The draft's words, gaps, wildcards and punctuation left out."""
    return sum(1 for el in draft if isinstance(el, str) and not _is_punct(el))


def changed_words(ops: list[DiffOp] | tuple[DiffOp, ...]) -> int:
    """Words that differ in a diff: the larger side of each change; a gap counts none."""

    def words(text: str) -> int:
        return sum(1 for t in text.split() if t != "…" and not PUNCTUATION.fullmatch(t))

    def changed(d: DiffOp) -> int:
        if "…" in d.draft.split():  # words the draft leaves out are not changed
            return words(d.draft)
        return max(words(d.original), words(d.draft))

    return sum(changed(d) for d in ops if d.op != "equal")


def search_terms(text: str) -> list[str]:
    """The distinct index terms of a text as the index holds them: folded as who-said and
    search fold a query (quotes.folding.query_text), split as FTS5's unicode61 tokenizer splits."""
    return list(dict.fromkeys(re.findall(r"[^\W_]+", query_text(text))))
