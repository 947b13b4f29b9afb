"""Showing draft-check verdicts: a report read at a glance, or JSON for programs.

Problems come first, grouped by verdict, each with the original beside it.
Diff marks (`[-old-]`, `{+new+}`) are printed with or without colour, so the
report reads the same in a pipe or a log.
"""

from __future__ import annotations

from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from quotes.check import ALTERED, CONFLICT, MISATTRIBUTED, UNVERIFIED, VERIFIED, Source, Verdict

ORDER = (ALTERED, MISATTRIBUTED, CONFLICT, UNVERIFIED, VERIFIED)
STYLES = {
    VERIFIED: "bold green",
    ALTERED: "bold yellow",
    MISATTRIBUTED: "bold magenta",
    CONFLICT: "bold cyan",
    UNVERIFIED: "bold red",
}
DELETED, INSERTED = "red strike", "green bold"


def records(verdicts: list[Verdict]) -> list[dict]:
    """Verdicts as JSON-ready dicts: text, speaker, verdict, source, diff, start, end."""
    return [asdict(v) for v in verdicts]


def speaker_of(source: Source) -> str:
    if source.speaker:
        return source.speaker
    return f"an unnamed source ({source.speaker_mention})" if source.speaker_mention else "no named speaker"


def _quoted(verdict: Verdict) -> Text:
    return Text.assemble((verdict.speaker or "(no speaker)", "bold"), f": “{verdict.text}”")


def _diff(verdict: Verdict) -> Text:
    out = Text()
    for op in verdict.diff or ():
        if out:
            out.append(" ")
        if op.op == "equal":
            out.append(op.original)
        if op.op in ("delete", "replace"):
            out.append(f"[-{op.original}-]", style=DELETED)
        if op.op in ("insert", "replace"):
            out.append(" " if op.op == "replace" else "")
            out.append(f"{{+{op.draft}+}}", style=INSERTED)
    return out


def _entry(verdict: Verdict) -> list[Text]:
    """The lines shown for one quotation."""
    lines = [Text("  • ") + _quoted(verdict)]
    source = verdict.source
    if verdict.verdict == VERIFIED and source:
        lines[0].append(f"  ({source.article})", style="dim")
    elif verdict.verdict == ALTERED and source:
        lines.append(Text("      diff      ") + _diff(verdict))
        lines.append(Text(f"      original  {speaker_of(source)} in {source.article}: “{source.text}”"))
    elif verdict.verdict == MISATTRIBUTED and source:
        lines.append(Text.assemble("      said by   ", (speaker_of(source), "bold"), f" in {source.article}"))
        lines.append(Text(f"      original  “{source.text}”"))
    elif verdict.verdict == CONFLICT and source:
        sure = f"{source.confidence:.2f}" if source.confidence is not None else "?"
        lines.append(Text.assemble("      stored as ", (speaker_of(source), "bold"), f" in {source.article}",
                                   (f", but only {sure} sure: look at the article", "dim")))
        lines.append(Text(f"      original  “{source.text}”"))
    elif verdict.verdict == UNVERIFIED:
        lines.append(Text("      nothing close in the database", style="dim"))
    return lines


def summary(name: str, verdicts: list[Verdict]) -> Text:
    counts = [(v, sum(1 for x in verdicts if x.verdict == v)) for v in (VERIFIED, *ORDER[:-1])]
    parts = [Text(f"{n} {v}", style=STYLES[v] if n else "") for v, n in counts]
    noun = "quotation" if len(verdicts) == 1 else "quotations"
    return Text(f"{name}: {len(verdicts)} {noun} — ") + Text(", ").join(parts)


def print_report(console: Console, name: str, verdicts: list[Verdict]) -> None:
    """The summary line, then each verdict group that has members, problems first."""
    console.print(summary(name, verdicts))
    for kind in ORDER:
        group = [v for v in verdicts if v.verdict == kind]
        if not group:
            continue
        console.print()
        console.print(Text(f"{kind.upper()} ({len(group)})", style=STYLES[kind]))
        for verdict in group:
            for line in _entry(verdict):
                console.print(line)
