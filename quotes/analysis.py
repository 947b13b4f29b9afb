"""Articles in, `Analysis` records out: each text parsed, its quotations found
once, attributed and given their speakers' roles, in this process, in worker
processes (`--workers N`) or on a Dask cluster (quotes.cluster).

Whatever runs it, an article's result is the same record, carrying the
article it was made from, so nothing downstream pairs results with inputs by
their position. The detector's warnings (an unpaired mark) are fields of the
record, not log lines: a worker sends them back with the attributions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Generic, Protocol, TypeVar

from quotes.attribute import attribute, model
from quotes.detect import find_quotes
from quotes.long_texts import parse
from quotes.names import is_first_name
from quotes.pipeline import QUOTE_SPANS, TEXT, load_nlp
from quotes.records import Attribution
from quotes.speaker_evidence import checked
from quotes.workers import WorkerDied, worker_pool


class HasText(Protocol):
    text: str


A = TypeVar("A", bound="HasText | str")
T = TypeVar("T")
FOUND = "quotes.analysis"  # a Doc's user_data: its article and the Detection of its text
# Texts spaCy parses at once, whatever the batches articles come and are stored in. Its arrays
# for a batch are held together, about 15 KB a token: 16 articles of ~900 tokens took 410 MB
# over the loaded model, 2 take 105 MB; on a CPU a larger batch is no faster (bench figures in
# BENCHMARKS.md, "Memory at 10,000 articles"), and a Doc does not depend on its batch.
PARSE_BATCH = 2
# Articles sent to a worker process at a time: when the last batches are out, a worker that has
# finished waits for the other, so the smaller a batch the less of the run is one worker alone.
WORKER_BATCH = 4


@dataclass(frozen=True)
class Analysis(Generic[A]):
    """One article through the pipeline: its attributed quotes and what the detector passed over."""

    article: A  # as given: ingest's Todo, extract's ArticleFile, a stored row (reanalyse), a draft's text
    attributions: list[Attribution]
    warnings: list[str]  # e.g. an unpaired quotation mark at an offset; the rest of the text was analysed


# What turns articles into analyses, one each, in input order (`analyse`, or quotes.cluster's).
Pipeline = Callable[[Iterable[A]], Iterable[Analysis[A]]]


def text_of(article: HasText | str) -> str:
    return article if isinstance(article, str) else article.text


def analyse(articles: Iterable[A], *, batch_size: int = 32, workers: int = 1) -> Iterator[Analysis[A]]:
    """One Analysis per article (anything with a `.text`, or a str), in input order.

    `batch_size` articles go to a worker at a time; spaCy parses PARSE_BATCH at
    once. With `workers` > 1, that many processes do all the work (each loads
    the model once) and send back only the records, never a parsed Doc.
    """
    if workers > 1:
        before_the_workers()
        pool = worker_pool(workers, initializer=load_nlp)  # they end when this process does
        try:
            send = min(batch_size, WORKER_BATCH)
            yield from in_order(lambda batch: pool.submit(analyse_batch, batch), articles, send, 3 * workers)
        except BrokenProcessPool as error:
            raise WorkerDied(
                "a worker process died while parsing (killed, or out of memory?); "
                "articles stored before this are kept, run the same ingest again to finish"
            ) from error
        finally:
            pool.shutdown(cancel_futures=True)
        return
    # 1. Detect first, the whole text: the recognizer reads the quotations off the Doc (it skips their
    #    insides), attribution takes them as they are, so no text is scanned twice, even in pieces.
    def found() -> Iterator[tuple[str, dict]]:
        for article in articles:
            text = text_of(article)
            detection = find_quotes(text)
            spans = [(q.start, q.end) for q in detection.quotes]
            yield text, {QUOTE_SPANS: spans, TEXT: text, FOUND: (article, detection)}

    # 2. Parse; 3. attribute (the speakers' roles too); 4. the article's words have the last say on each speaker.
    for doc in parse(load_nlp(), found(), batch_size=min(batch_size, PARSE_BATCH)):
        article, detection = doc.user_data.pop(FOUND)
        # the article's text is the Doc's, character for character (Doc.text joins every token again)
        yield Analysis(article, checked(text_of(article), attribute(doc, detection.quotes)), detection.warnings)


def before_the_workers() -> None:
    """Load here, before the workers are forked, what they and this process both read: the given
    names (attribution checks names against them, and this process's `consolidate` after the last
    batch) and the resolver's models. Forked workers share them instead of each loading its own
    copy at its first batch (0.25 s of CPU each), and the end of the run waits for no load."""
    is_first_name("Ana")
    model.shipped()


def analyse_batch(articles: list[A]) -> list[Analysis[A]]:
    """Runs in a worker process (or on a Dask worker): a batch's records."""
    return list(analyse(articles, batch_size=len(articles)))


def in_order(
    submit: Callable[[list[A]], Future], articles: Iterable[A], batch_size: int, window: int
) -> Iterator[Analysis[A]]:
    """Articles sent off in batches with `submit` (to a process pool, a Dask
    cluster) and their analyses, in input order.

    At most `window` batches are out at a time, so the input streams; results
    are taken oldest first.
    """
    batches = iter(lambda it=iter(articles): list(islice(it, batch_size)), [])
    out: deque[Future] = deque()
    while True:
        for batch in islice(batches, window - len(out)):
            out.append(submit(batch))
        if not out:
            return
        yield from out.popleft().result()


def analyse_among(items: Iterable[T], wanted: Callable[[T], bool], pipeline: Pipeline) -> Iterator[T | Analysis]:
    """The items, each that `wanted` picks replaced by its Analysis, the others passed
    through in their place (a file that could not be read, an article already stored).

    `pipeline` reads ahead, so items wait here until the analyses before them are out;
    each analysis is matched with its own article, never taken on trust by position.
    """
    waiting: deque[T] = deque()

    def picked() -> Iterator[T]:
        for item in items:
            waiting.append(item)
            if wanted(item):
                yield item

    for analysis in pipeline(picked()):
        while not wanted(waiting[0]):
            yield waiting.popleft()
        if waiting.popleft() != analysis.article:
            raise RuntimeError("the pipeline gave back its analyses out of order")
        yield analysis
    yield from waiting


def analyse_text(text: str) -> list[Attribution]:
    """Attributed quotes of a single text."""
    return next(analyse([text])).attributions
