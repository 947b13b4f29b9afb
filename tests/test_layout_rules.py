"""Sources the layout gives: a Q&A's turns, headlines, a colon after a
possessive. Each test is a made-up passage in the way such articles are
written; the parses are the real pipeline's, kept in
tests/parses/layout_rules.json (`handparse.frozen`)."""

from __future__ import annotations

from handparse import frozen
from quotes.attribute import attribute, rule_pass
from quotes.detect import detect


def speakers(text: str, *, rules_only: bool = False) -> list[tuple[str, str | None]]:
    """(first words of the quote, speaker) for every quote of `text`: the
    answer in the end, or the rules' own (what the learned model starts from)."""
    doc = frozen(text, "layout_rules")
    answers = rule_pass(doc, detect(doc.text)).answers if rules_only else attribute(doc, detect(doc.text))
    return [(" ".join(a.quote.text.split()[:3]), a.speaker) for a in answers]


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
    "Q. And your father? What did he tell you when you took over?\n\n"
    "A. He said, “Never sell the boats.” He comes in on Fridays and complains about the coffee."
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
    assert got["Never sell the"] == "Samuel Okafor"  # `He said`: the father the question asks about, named in the intro


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


def test_headline_quote_right_after_a_name_is_that_names_words():
    text = (
        "Ostland ‘firmly rejects’ new tariffs on steel imports\n\n"
        "Ostland’s trade ministry said on Monday that the tariffs broke a 2019 agreement and that it would "
        "take the matter to the World Trade Organization."
    )
    assert speakers(text) == [("firmly rejects", "Ostland")]


def test_headline_quote_after_a_title_is_the_person_the_body_gives_it():
    text = (
        "Minister ‘confident’ ferry deal will pass\n\n"
        "Transport Minister Leo Brandt said on Tuesday that he expected parliament to approve the new ferry "
        "contract before the summer recess."
    )
    assert speakers(text) == [("confident", "Leo Brandt")]


def test_headline_ceo_says_is_the_chief_executive_the_body_names():
    text = (
        "Kelso Mills cuts forecast as costs climb, CEO says orders ‘recovering’\n\n"
        "Kelso Mills lowered its annual profit forecast on Thursday. Chief Executive Maria Duval said orders "
        "had picked up in the last month and that the company would not cut jobs."
    )
    assert speakers(text) == [("recovering", "Maria Duval")]


def test_headline_quote_before_a_colon_is_the_bodys_speaker_of_those_words():
    text = (
        "‘A gentle giant’: Tributes pour in for rugby coach Tom Reid, dead at 61\n\n"
        "Tom Reid, who coached Harfield for two decades, died on Sunday. Harfield RFC said Reid was "
        "“a gentle giant who never once raised his voice.”"
    )
    assert speakers(text) == [("A gentle giant", "Harfield RFC"), ("a gentle giant", "Harfield RFC")]
    assert speakers(text, rules_only=True) == speakers(text)  # not `Tributes`, the subject of `pour`


def test_headline_quote_before_a_colon_in_a_qa_is_the_interviewees():
    text = (
        "‘The river is our road’: a Mekong boatman on drought, debt and his sons\n\n"
        "Peter Lam has carried rice and passengers on the Mekong for 40 years.\n\n"
        "Q: What has the drought done to your work?\n\n"
        "A: Half the year we cannot move. The river is our road, and the road is closing."
    )
    assert speakers(text) == [("The river is", "Peter Lam")]


def test_headline_partial_quote_is_the_bodys_speaker_not_the_verbs_subject():
    text = (
        "Vanta unveils smart glasses, bets on assistant that ‘reads the room’\n\n"
        "The assistant “reads the room so you do not have to,” Chief Executive Lena Fox told the audience "
        "at the launch in Austin."
    )
    assert speakers(text) == [("reads the room", "Lena Fox"), ("reads the room", "Lena Fox")]
    assert speakers(text, rules_only=True) == speakers(text)  # not `Vanta`, the subject of `unveils`


def test_headline_term_before_a_noun_is_no_ones():
    text = (
        "Exporters fear EU ‘dual-use’ rules will slow shipments\n\n"
        "European exporters say new rules on goods with military uses will add weeks to every shipment."
    )
    assert speakers(text) == [("dual-use", None)]



def test_possessive_noun_before_a_colon_is_the_possessors_words():
    text = (
        "The chancellor, Ruth Abbott, spoke for 50 minutes.\n\n"
        "Abbott is wrapping up now. Her closing line: “We have done the hard part. Now we grow.”\n\n"
        "The shadow chancellor, Omar Reyes, was scathing. Reyes’s reply to the House: “Growth on paper, cuts in real life.”"
    )
    assert speakers(text, rules_only=True) == [("We have done", "Ruth Abbott"), ("Growth on paper,", "Omar Reyes")]


def test_handle_posted_before_a_colon_still_gives_the_handle():
    text = "Fans were less kind online. @kestrel_fan_22 posted: “Three years of this. Enough.”"
    assert speakers(text, rules_only=True) == [("Three years of", "kestrel_fan_22")]


def test_you_said_in_a_question_is_the_interviewee():
    text = (
        "The rowing coach who learnt to be patient\n\n"
        "Martin Hale has coached the national rowing team since 2016.\n\n"
        "Q: In 2019 you said the team was “ten years from a medal.” Were you wrong?\n\n"
        "A: I was pessimistic. We won bronze three years later."
    )
    assert speakers(text, rules_only=True) == [("ten years from", "Martin Hale")]


def test_a_label_in_capitals_is_title_cased_only_where_the_article_writes_the_word():
    from quotes.attribute.interview import as_written_elsewhere

    assert as_written_elsewhere("PENCE", "Mike Pence spoke first.") == "Pence"
    assert as_written_elsewhere("UN", "The United Nations said.") == "UN"  # `Un` is in `United`, not a word of it
