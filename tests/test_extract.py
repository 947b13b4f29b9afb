"""`extract` in the library: each article's quotes as the records `quotes extract` prints."""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict

import pytest

from quotes.extract import Extracted, ExtractedQuote, extract

pytestmark = pytest.mark.usefixtures("detector_only_ingest")  # every quotation, no speaker: no model


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.txt").write_text("“First,” he said.\nHe said “we are ready.\n", encoding="utf-8")
    (tmp_path / "b.bin.txt").write_bytes(gzip.compress(b"not an article" * 50))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "line-one", "text": "“Yes,” she said."}) + "\nnot json\n", encoding="utf-8")
    return tmp_path


def test_each_article_gives_its_quotes_as_records_in_input_order(files):
    a, binary, line, bad_line = extract([files / "a.txt", files / "b.bin.txt", files / "c.jsonl"])
    assert a == Extracted(files / "a.txt", [ExtractedQuote("a", 1, 7, "First,", None, None, None)],
                          ["unpaired quotation mark at offset 26"])
    assert binary.quotes == [] and "binary" in binary.error
    assert line.quotes == [ExtractedQuote("line-one", 1, 5, "Yes,", None, None, None)] and line.error is None
    assert bad_line.error.startswith(f"{files / 'c.jsonl'} line 2 is not JSON")


def test_a_record_has_the_fields_of_the_jsonl_output_in_its_order(files):
    (record,) = next(extract([files / "a.txt"])).quotes
    assert list(asdict(record)) == ["doc_id", "start", "end", "text", "speaker", "speaker_type", "confidence"]
    text = (files / "a.txt").read_text(encoding="utf-8")
    assert text[record.start : record.end] == record.text
