"""Reading article files: encodings that are clear, refusals that name the file and say why."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from quotes.textfile import MAX_BYTES, UnreadableFile, decode, read_article

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SEED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SEED.encode("utf-8"), "utf-8"),
        (SEED.encode("cp1252", "replace"), "cp1252"),  # Word's curly quotes, one byte each
        (SEED.encode("utf-16"), "utf_16"),
        (SEED.encode("utf-16-le"), "utf_16_le"),  # no byte-order mark
    ],
    ids=["utf-8", "utf-8 with BOM", "cp1252", "utf-16", "utf-16-le without BOM"],
)
def test_clear_encodings_are_read(data, encoding):
    result = decode(data, "a.txt")
    assert result.encoding == encoding
    assert result.text.splitlines()[0] == SEED.splitlines()[0]
    assert "“" in result.text and "\ufeff" not in result.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\n\t ", "only white space"),
        (gzip.compress(SEED.encode()), "binary"),
        (b"\x00" * 500, "binary"),
        (b"text\x01\x02\x03\x04\x05 more", "binary"),
        (SEED.encode()[:3000] + b"\xff" + SEED.encode()[3000:], "not valid UTF-8 at byte 3000"),
        (SEED.encode()[:-1] + "“".encode()[:2], "cut short"),
        ("Le ministre a déclaré « ça va » à Paris.".encode("latin-1"), "encoding is uncertain"),
        (b"caf\xe9", "encoding is uncertain"),
    ],
    ids=["empty", "blank", "gzip", "zeros", "controls", "damaged utf-8", "cut utf-8", "latin-1 short", "tiny"],
)
def test_bad_input_is_refused_with_the_reason(data, reason):
    with pytest.raises(UnreadableFile, match=reason) as caught:
        decode(data, "news/bad.txt")
    assert str(caught.value).startswith("news/bad.txt ")


def test_uncertain_encoding_suggests_a_conversion():
    with pytest.raises(UnreadableFile, match=r"not UTF-8 text.*iconv -f \w+ -t utf-8"):
        decode("Renée Müller à Paris: « très bien ».".encode("cp1252"), "x.txt")


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "archive.txt"
    with big.open("wb") as handle:  # sparse: the size is there, the bytes are not
        handle.truncate(50 * MAX_BYTES)
    with pytest.raises(UnreadableFile, match=r"archive.txt is 50.0 MB, over the 1 MB limit"):
        read_article(big)


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "long.txt"
    line = "“Yes,” he said.\n"
    path.write_text(line * (MAX_BYTES // len(line.encode())), encoding="utf-8")
    assert read_article(path).text.startswith(line)


def test_a_missing_file_names_it(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot read .*gone.txt"):
        read_article(tmp_path / "gone.txt")


FRENCH = "Le ministre a déclaré que la situation était très préoccupante, a-t-il ajouté à Genève. " * 20


@pytest.mark.parametrize("text", [SEED, FRENCH], ids=["curly quotes", "accents"])
def test_a_mac_roman_article_is_read_as_mac_roman(text):
    # it used to come out as cp775 (a DOS code page), garbled, its quotes lost (issue 15)
    data = text.encode("mac_roman", "replace")
    result = decode(data, "a.txt")
    assert (result.encoding, result.text) == ("mac_roman", data.decode("mac_roman"))


@pytest.mark.parametrize("encoding", ["cp437", "cp850"])
def test_a_reading_that_garbles_words_is_refused_not_stored(encoding):
    # cp1252 reads these bytes without a fault, as `d‚clar‚ ... trŠs`
    with pytest.raises(UnreadableFile, match="encoding could not be recognised .read as .* its words are garbled"):
        decode(FRENCH.encode(encoding), "a.txt")
