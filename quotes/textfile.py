"""Article files to text: UTF-8 first, other encodings only when they are clear.

Folders of news are messy: Windows code pages, UTF-16 from Word, a PDF renamed
`.txt`, an empty file, a whole archive in one file. Each is either read with
its encoding named, or refused with a reason that names the file. A wrong
guess would store garbled quotes and names, so an encoding we are not sure of
is refused, not guessed.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path


# spaCy refuses texts over 1,000,000 characters; a news article is ~10 KB.
MAX_BYTES = 1_000_000
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
TEXT_CONTROLS = set("\t\n\r\f\v")
# Another reading of the bytes counts as a rival of the best guess when it is
# about as clean (chaos) and about as much like a language (coherence).
RIVAL_CHAOS, RIVAL_COHERENCE = 0.0, 0.05
MIN_COHERENCE = 0.1  # below this the guess matched no language at all
# A non-ASCII character between two lower-case ASCII letters, and what it may be in a word.
IN_WORD = re.compile(r"(?<=[a-z])([^\x00-\x7f])(?=[a-z])")
WORD_CATEGORIES = {"Ll", "Lo", "Lm", "Mn", "Pd"}  # lower-case letters, letters without case, accents, dashes
WORD_PUNCTUATION = set("’‘·")
GARBLED_MIN = 3  # odd characters inside words, at least a tenth of all, make a reading garbled
# The encodings news is written in besides UTF-8: Windows and ISO code pages,
# Mac Roman, UTF-16/32 and the East Asian ones. Old DOS code pages (cp437,
# cp775, cp850, ...) and rarer ones are left out: nobody writes articles in
# them now, and they read other files too well (Mac Roman as cp775, garbled).
NEWS_ENCODINGS = [
    "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "cp1252", "iso8859_15", "mac_roman", "cp1250", "iso8859_2", "cp1251", "koi8_r",
    "cp1253", "iso8859_7", "cp1254", "cp1255", "cp1256", "cp1257", "gb18030", "big5", "shift_jis",
    "euc_jp", "euc_kr",
]


class UnreadableFile(ValueError):
    """A file that is not an article we can read; the message names it and says why."""


@dataclass(frozen=True)
class ArticleText:
    text: str
    encoding: str  # "utf-8", or the encoding it was read in


def require_regular_file(path: Path) -> None:
    """UnreadableFile, saying what the path is, unless it is a regular file (or a link to one).

    A named pipe would block the read forever, and a link that loops or leads
    nowhere has nothing to read: each is named, never skipped in silence.
    """
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if path.is_symlink():
            target = os.readlink(path)
            if error.errno == errno.ELOOP:
                raise UnreadableFile(f"{path} is a symbolic link that loops (to {target}); there is nothing to read") from error
            raise UnreadableFile(f"{path} is a symbolic link to {target}, which does not exist") from error
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from error
    if not stat.S_ISREG(mode):
        kind = (
            "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "not a regular file"
        )
        raise UnreadableFile(f"{path} is {kind}, not a file; only regular files are read")


def read_article(path: Path, *, max_bytes: int = MAX_BYTES) -> ArticleText:
    """The text of one article file, reading at most `max_bytes` + 1 bytes."""
    require_regular_file(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1) if size <= max_bytes else b""
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from error
    if size > max_bytes or len(data) > max_bytes:
        raise UnreadableFile(
            f"{path} is {max(size, len(data)) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB "
            "limit for one article; split it into articles"
        )
    return decode(data, str(path))


def decode(data: bytes, name: str) -> ArticleText:
    """`data` as text, or UnreadableFile saying why it cannot be read as an article."""
    if not data:
        raise UnreadableFile(f"{name} is empty")
    result = _decode(data, name)
    if not result.text.strip():
        raise UnreadableFile(f"{name} holds only white space")
    if _looks_binary(result.text):
        raise UnreadableFile(f"{name} is binary, not text (it holds NUL or control bytes)")
    return result


def _decode(data: bytes, name: str) -> ArticleText:
    # 1. UTF-8, the normal case; a byte-order mark (from Windows tools) is dropped.
    try:
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        if "\x00" not in text:  # NULs: binary, or UTF-16 without a byte-order mark
            return ArticleText(text, "utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise UnreadableFile(
                f"{name} is not valid UTF-8 at byte {error.start}, though the rest is UTF-8 "
                "(damaged or cut short?)"
            ) from error
    # 2. Something else (UTF-16 and its byte-order marks included): only when one reading clearly wins.
    return _detect(data, name)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 characters than bad bytes: a damaged UTF-8 file, not a code page."""
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return len(UTF8_MULTIBYTE.findall(data)) > bad


def _detect(data: bytes, name: str) -> ArticleText:
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8; slow to import

    matches = list(from_bytes(data, cp_isolation=NEWS_ENCODINGS))
    readings = [m for m in matches if not _garbled(str(m))]  # in charset-normalizer's order, best first
    if not readings:
        if b"\x00" in data:
            raise UnreadableFile(f"{name} is binary, not text (it holds NUL bytes)")
        seen = f" (read as {matches[0].encoding} its words are garbled)" if matches else ""
        raise UnreadableFile(
            f"{name} is not UTF-8 text and its encoding could not be recognised{seen}; convert it to UTF-8"
        )
    best = readings[0]
    text = str(best)
    if _looks_binary(text):
        raise UnreadableFile(f"{name} is binary, not text (it holds NUL or control bytes)")
    rivals = [
        m.encoding for m in readings
        if m.chaos <= best.chaos + RIVAL_CHAOS
        and m.coherence >= best.coherence - RIVAL_COHERENCE
        and str(m) != text
    ]
    guess = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    if rivals or best.coherence < MIN_COHERENCE:
        alternatives = " or ".join([guess, *rivals[:2]])
        raise UnreadableFile(
            f"{name} is not UTF-8 text and its encoding is uncertain ({alternatives}?); "
            f"convert it to UTF-8, e.g. `iconv -f {guess} -t utf-8`"
        )
    return ArticleText(text, guess)


def _garbled(text: str) -> bool:
    """Do words read this way hold characters no word holds (`d‚clar‚`, `trŠs`, `donÕt`)?

    A wrong code page turns the accented letters and curly apostrophes inside
    words into symbols, punctuation or capitals; a right one gives lower-case
    letters (`déclaré`, `don’t`), dashes and apostrophes there.
    """
    inside = [m.group(1) for m in IN_WORD.finditer(text)]
    odd = sum(1 for ch in inside if ch not in WORD_PUNCTUATION and unicodedata.category(ch) not in WORD_CATEGORIES)
    return odd >= GARBLED_MIN and odd * 10 > len(inside)


def _looks_binary(text: str) -> bool:
    """NUL, or more than one C0 control character in a thousand: not prose.
    C1 controls (U+0080-U+009F) are left alone: they are what mojibake
    (`RaÃ\x83Âºl`) leaves in real articles, which are still worth reading."""
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ch < " " and ch not in TEXT_CONTROLS)
    return controls * 1000 > len(text)
