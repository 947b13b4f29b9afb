"""The draft of the issue's "Must show", built from the seed articles, and a seeded database.

Five quotations, in this order: verbatim, one word changed, shortened with an
ellipsis, a real quote given to another person, and an invented one.
"""

from __future__ import annotations

from pathlib import Path

from quotes.analysis import analyse
from quotes.store.db import open_db
from quotes.store.repo import add_article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SCMP = (SEEDS / "000_773a398dc513c550.txt").read_text(encoding="utf-8")
CNN = (SEEDS / "001_9a482b09032d7b5c.txt").read_text(encoding="utf-8")


def seed_quote(article: str, words: str) -> str:
    assert words in article, words
    return words


SHEN = seed_quote(
    CNN,
    "China and the US have already had relatively frequent high-level diplomatic contacts, "
    "all of which indicates that the two sides are gradually returning to the right track,",
)
QIN = seed_quote(SCMP, "the relationship between the two countries has once again hit the cold ice")
CHOLLET_HEAD = seed_quote(SCMP, "We would very much like to get back to where we were in the planning in February")
CHOLLET_TAIL = seed_quote(SCMP, "where Secretary Blinken would go to Beijing on behalf of the president")
KIM = seed_quote(
    CNN,
    "I think the fact that China has agreed to this meeting reflects that Beijing feels quite secure "
    "in its own position,",
)
INVENTED = "We will open a new chapter of trust with Beijing next spring,"

DRAFT = "\n\n".join([
    "Blinken heads to Beijing",
    f"“{SHEN}” said Shen Dingli, a China foreign policy expert in Shanghai.",
    f"Chinese Foreign Minister Qin Gang said that “{QIN.replace('cold', 'warm')}”.",
    f"“{CHOLLET_HEAD} … {CHOLLET_TAIL},” Chollet said.",
    f"“{KIM}” Antony Blinken said on Friday.",
    f"“{INVENTED}” said Janet Yellen, the Treasury Secretary.",
]) + "\n"

EXPECTED = ["verified", "altered", "verified", "misattributed", "unverified"]


def seed_database(path: Path) -> Path:
    """Both seed articles through the pipeline into a new database at `path`."""
    files = sorted(SEEDS.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    factory = open_db(path)
    with factory.begin() as session:
        for file, analysis in zip(files, analyse(texts), strict=True):
            add_article(session, file.stem, str(file), analysis.article, analysis.attributions)
    factory.kw["bind"].dispose()
    return path
