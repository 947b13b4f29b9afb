"""The steps between files and storage pass records, not positions: no model needed here."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest
import spacy
from sqlalchemy import event

from quotes import analysis
from quotes.analysis import PARSE_BATCH, WORKER_BATCH, Analysis, analyse, analyse_among
from quotes.ingest import ingest
from quotes.pipeline import QUOTE_SPANS, ner_tokens

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")


def shouting(texts):
    """A stand-in pipeline: each text's analysis is its words in capitals."""
    for text in texts:
        yield Analysis(text, [], [text.upper()])


def test_the_items_not_analysed_keep_their_place_among_the_analyses():
    items = ["a", 1, "b", 2, 3, "c", 4]
    out = list(analyse_among(items, lambda item: isinstance(item, str), shouting))
    assert [o.warnings[0] if isinstance(o, Analysis) else o for o in out] == ["A", 1, "B", 2, 3, "C", 4]


def test_an_analysis_out_of_order_is_an_error_not_a_wrong_pairing():
    def backwards(texts):
        yield from reversed(list(shouting(texts)))

    with pytest.raises(RuntimeError, match="out of order"):
        list(analyse_among(["a", 1, "b"], lambda item: isinstance(item, str), backwards))


def test_the_recognizer_reads_the_quotations_found_before_the_parse_off_the_doc():
    nlp = spacy.blank("en")
    words = "Mr Smith said Big Words From The Middle Of It all Here and Jones left".split()
    doc = nlp.make_doc(" ".join(words))
    every = {doc[i].text for i in ner_tokens(doc)}
    assert {"Big", "Middle", "Jones"} <= every  # no quotation marks: everything capitalised is read
    start = doc.text.index("Big")
    doc.user_data[QUOTE_SPANS] = [(start, doc.text.index(" and"))]  # as if `Big ... Here` had been quoted
    read = {doc[i].text for i in ner_tokens(doc)}
    assert "Middle" not in read and "Jones" in read  # deep inside the quotation: not read


def test_articles_already_stored_are_looked_up_one_query_per_batch(session_factory, tmp_path, detector_only_ingest):
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"“Words {i},” said Qin Gang.\n", encoding="utf-8")
    ingest(session_factory, [tmp_path])
    selects: list[str] = []
    engine = session_factory.kw["bind"]
    listen = lambda *args: selects.append(args[2]) if args[2].lstrip().upper().startswith("SELECT") else None  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        summary = ingest(session_factory, [tmp_path], batch_size=2)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert summary.skipped == 5 and summary.articles == 0
    assert len([s for s in selects if "FROM articles" in s]) == 3  # batches of 2, 2 and 1


def test_warnings_come_in_the_order_of_the_files(session_factory, tmp_path, detector_only_ingest):
    (tmp_path / "1.txt").write_text("He said “we are ready.\n", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(SEED.encode("cp1252", "replace"))  # read ahead of 1.txt's analysis
    (tmp_path / "3.txt").write_text("She said “fine.\n", encoding="utf-8")
    summary = ingest(session_factory, [tmp_path])
    assert [w.path.name for w in summary.warnings] == ["1.txt", "2.txt", "3.txt"]
    assert "2.txt is not UTF-8; read it as cp1252" in summary.warnings[1].reason


@spacy.Language.factory("test_batch_sizes")
def batch_sizes(nlp, name):
    return BatchSizes()


class BatchSizes:
    """A pipeline component that notes how many Docs it is given at once."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size=128):
        for batch in spacy.util.minibatch(docs, batch_size):
            self.seen.append(len(batch))
            yield from batch


def test_spacy_parses_a_few_texts_at_once_whatever_the_batch_articles_come_in(monkeypatch):
    nlp = spacy.blank("en")
    sizes = nlp.add_pipe("test_batch_sizes")
    monkeypatch.setattr(analysis, "load_nlp", lambda: nlp)
    monkeypatch.setattr(analysis, "attribute", lambda doc, quotes: [])
    texts = [f"“Words {i},” said Qin Gang." for i in range(16)]
    out = list(analyse(texts, batch_size=16))  # ingest's batch: 16 articles stored together
    assert [a.article for a in out] == texts
    assert sum(sizes.seen) == 16 and max(sizes.seen) == PARSE_BATCH  # spaCy's arrays held for 2 texts, not 16


class InProcessPool:
    """A stand-in for the worker pool: runs each batch here at once and notes its size."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    def submit(self, work, batch):
        self.sent.append(len(batch))
        done = Future()
        done.set_result([Analysis(text, [], [text.upper()]) for text in batch])
        return done

    def shutdown(self, cancel_futures=False):
        pass


def test_workers_are_sent_a_few_articles_at_a_time_and_give_them_back_in_order(monkeypatch):
    pool = InProcessPool()
    monkeypatch.setattr(analysis, "worker_pool", lambda workers, initializer: pool)
    texts = [f"article {i}" for i in range(18)]
    out = list(analyse(texts, batch_size=16, workers=2))  # ingest stores 16 at a time
    assert [a.article for a in out] == texts
    assert pool.sent == [WORKER_BATCH] * 4 + [2]  # no worker waits long for another's last batch
