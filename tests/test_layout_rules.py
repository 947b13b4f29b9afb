"""Sources the layout gives: a Q&A's turns, headlines, a colon after a
possessive. Each test is a made-up passage in the way such articles are
written; the parses are the real pipeline's, kept in
tests/parses/layout_rules.json (`handparse.frozen`)."""

from __future__ import annotations

from handparse import frozen
from quotes.attribute import attribute
from quotes.detect import detect


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(first words of the quote, speaker) for every quote of `text`."""
    doc = frozen(text, "layout_rules")
    return [(" ".join(a.quote.text.split()[:3]), a.speaker) for a in attribute(doc, detect(doc.text))]


QA = (
    "Harbour queues are back: a shipping boss on waiting, weather and her father\n\n"
    "Grace Okafor runs Tema Freight, a shipping firm in Accra. She took over the firm from her father, "
    "Samuel Okafor, in 2015.\n\n"
    "Q: How long do ships wait now?\n\n"
    "A: Two weeks, sometimes three. A captain told me, “We count the days in cigarettes.”\n\n"
    "Q: The minister, Daniel Mensah, said in March that the queues were “a thing of the past.”\n\n"
    "A: He has not been to the harbour. I told him, “Come and count the ships with me.”\n\n"
    "Q: People call you “the queen of the quay.” Do you mind?\n\n"
    "A: We have a motto at the firm, “Ships wait, we do not.” I would rather be known for that.\n\n"
    "Q. And your father?\n\n"
    "A. He comes in on Fridays and complains about the coffee."
)


def test_question_label_is_no_speaker_and_its_own_cue_names_the_source():
    got = dict(speakers(QA))
    assert got["a thing of"] == "Daniel Mensah"  # not `Q`, parsed as a second subject of `said`
    assert got["the queen of"] is None  # the interviewer's words


def test_answer_is_the_interviewees_unless_its_cue_names_someone_else():
    got = dict(speakers(QA))
    assert got["We count the"] is None  # `A captain told me`: an unnamed source
    assert got["Come and count"] == "Grace Okafor"  # `I told him`: the interviewee
    assert got["Ships wait, we"] == "Grace Okafor"  # no cue: whoever answers


LABELLED = (
    "Sarah Whitmore has cooked in Leeds for 30 years. Her restaurant, Hearth, opened in 1994.\n\n"
    "Interviewer: What is your rule in the kitchen?\n\n"
    "{label}: My rule is “Salt first, questions later.” I learnt it from my first boss.\n\n"
    "Interviewer: And the customers?\n\n"
    "{label}: I tell every new cook the same thing: “Taste it before you plate it.”"
)


def test_answers_labelled_with_the_interviewees_name_or_initials():
    for label in ("Whitmore", "SW"):
        assert speakers(LABELLED.format(label=label)) == [("Salt first, questions", "Sarah Whitmore"), ("Taste it before", "Sarah Whitmore")]
