"""Speaker attribution with the real spaCy pipeline: passages from the seed
articles in, quotes and their speakers out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.analysis import analyse_text

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "seeds" / "gold.jsonl"


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(first words of the quote, speaker) for every quote of `text`."""
    return [(" ".join(a.quote.text.split()[:3]), a.speaker) for a in analyse_text(text)]


def test_surname_takes_the_full_name_mentioned_earlier():
    text = (
        "The broad contours of a visit were discussed between China’s top diplomat Wang Yi and US "
        "National Security Adviser Jake Sullivan in Vienna this week, State Department counsellor "
        "Derek Chollet told the South China Morning Post in an interview in Stockholm on Saturday morning.\n\n"
        "“We would very much like to get back to where we were in the planning in February, prior to "
        "the surveillance balloon flying over the United States,” Chollet said."
    )
    assert speakers(text) == [("We would very", "Derek Chollet")]


def test_paragraph_continuing_a_quotation_keeps_its_speaker():
    text = (
        "State Department counsellor Derek Chollet spoke in Stockholm on Saturday morning.\n\n"
        "“We would very much like to get back to where we were in the planning in February, prior to "
        "the surveillance balloon flying over the United States,” Chollet said.\n\n"
        "“They talked about what we’re hoping to get out of such a visit and the structure of "
        "dialogue we’d like to have with the PRC [People’s Republic of China].”"
    )
    first, second = analyse_text(text)
    assert (first.speaker, first.kind) == ("Derek Chollet", "named")
    assert (second.speaker, second.kind) == ("Derek Chollet", "continuation")


def test_title_and_name_before_said_that():
    text = (
        "On Monday, before the Sullivan-Wang meeting, Chinese Foreign Minister Qin Gang said that "
        "“the relationship between the two countries has once again hit the cold ice”."
    )
    assert speakers(text) == [("the relationship between", "Qin Gang")]


def test_name_with_apposition_gives_both_partial_quotes():
    text = (
        "However, Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific Affairs, "
        "said on Wednesday that both the United States and China have come to a “shared conclusion "
        "that this is the right time to engage at this level,” but “we are not We are going to Beijing "
        "with the intention of having some kind of breakthrough or transformation in the way we treat "
        "each other.”"
    )
    assert speakers(text) == [
        ("shared conclusion that", "Daniel Kritenbrink"),
        ("we are not", "Daniel Kritenbrink"),
    ]


PATRICIA_KIM = (
    "“I think the fact that China has agreed to this meeting reflects that Beijing feels quite secure "
    "in its own position,” Patricia Kim, a fellow at the Brookings Institution, said at a news "
    "conference on Friday.\n\n"
    "“Both sides make comments about the fact that this trip, this visit will not fundamentally change "
    "the US-China relationship or resolve the many disputes between the two countries,” he explained."
)


def test_name_after_quote_with_apposition():
    first = analyse_text(PATRICIA_KIM)[0]
    assert (first.speaker, first.kind) == ("Patricia Kim", "named")


def test_pronoun_in_next_paragraph_resolves_to_the_previous_speaker():
    second = analyse_text(PATRICIA_KIM)[1]
    assert (second.speaker, second.mention, second.kind) == ("Patricia Kim", "he", "pronoun")


def test_two_partial_quotes_after_participle_clause():
    text = (
        "Speaking to reporters on Saturday, Biden acknowledged “legitimate differences” with China "
        "but said he was willing to discuss “areas where we can get along.”"
    )
    assert speakers(text) == [("legitimate differences", "Biden"), ("areas where we", "Biden")]


def test_inverted_said_name_after_quote():
    text = (
        "“China and the US have already had relatively frequent high-level diplomatic contacts, all of "
        "which indicates that the two sides are gradually returning to the right track,” said Shen "
        "Dingli, a China foreign policy expert in Shanghai."
    )
    assert speakers(text) == [("China and the", "Shen Dingli")]


def test_surname_said_with_full_name_in_lead():
    text = (
        "() — US Secretary of State Antony Blinken is located in Beijing for a high-profile visit aimed "
        "at putting US-China relations on track after months of tensions between the two nations.\n\n"
        "Blinken said that in his meetings with senior Chinese officials he intends to raise “our very "
        "real concerns on a variety of issues.”"
    )
    assert speakers(text) == [("our very real", "Antony Blinken")]


def test_definite_description_resolves_to_the_person_before():
    text = (
        "() — US Secretary of State Antony Blinken is located in Beijing for a high-profile visit.\n\n"
        "Blinken did not predict whether his visit would open the way for continued high-level "
        "engagements between the US and China.\n\n"
        "“As for what comes next, let’s see how the visit goes,” the top US diplomat said on Friday, "
        "referring to comments by his Singaporean counterpart. “This is an important step but, in a "
        "certain sense, insufficient because there is a lot of work to be done.”"
    )
    first, second = analyse_text(text)
    assert (first.speaker, first.mention, first.kind) == ("Antony Blinken", "the top US diplomat", "description")
    assert second.speaker == "Antony Blinken"


def test_unnamed_source_has_no_speaker():
    text = (
        "Officials from both governments have pointed out low expectations for the visit, and a senior "
        "State Department official told reporters earlier this week that he does not expect “a long "
        "list of results.”"
    )
    (quote,) = analyse_text(text)
    assert quote.speaker is None
    assert "senior State Department official" in quote.mention


def test_document_that_reads_is_not_a_speaker():
    text = (
        "The paper also flagged the mounting risks to Europe emanating from the intense US-China rivalry.\n\n"
        "“Coordination with the United States will remain essential,” it read. “However, the EU should "
        "not subscribe to an idea of a zero-sum game whereby there can only be one winner, in a binary "
        "contest between the US and China.”"
    )
    assert speakers(text) == [("Coordination with the", None), ("However, the EU", None)]


# ------------------------------------------------------------ whole seed articles


def gold_records(doc_id: str) -> list[dict]:
    if not GOLD.exists():
        pytest.skip(f"no gold file at {GOLD}")
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r["doc_id"] == doc_id]


def surname(name: str | None) -> str | None:
    return name.split()[-1].lower() if name else None


def right(predicted: str | None, record: dict) -> bool:
    """Same surname as the gold speaker (null for nominal/none), or an also_acceptable answer."""
    answers = [record["speaker"] if record["speaker_kind"] in ("named", "pronoun_resolved") else None]
    answers += record.get("also_acceptable") or []
    return surname(predicted) in {surname(a) for a in answers}


def wrong_records(doc_id: str) -> list[tuple[int, str, str | None, str | None]]:
    """(start, quoted words, gold speaker, predicted speaker) of each wrongly attributed gold record."""
    text = (ROOT / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
    attributions = analyse_text(text)
    wrong = []
    for record in gold_records(doc_id):
        found = [a for a in attributions if a.quote.start <= record["start"] < a.quote.end]
        predicted = found[0].speaker if found else "(not detected)"
        if not found or not right(predicted, record):
            wrong.append((record["start"], record["text"][:30], record["speaker"], predicted))
    return wrong


@pytest.mark.parametrize(
    "doc_id",
    [
        "000_773a398dc513c550",
        "001_9a482b09032d7b5c",
    ],
)
def test_seed_article_speakers_match_gold(doc_id):
    assert wrong_records(doc_id) == []
