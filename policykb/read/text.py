"""Plain text in the encodings Chinese offices use: UTF-8 (with or without a
BOM), GB18030/GBK, and Big5 for Traditional text. UTF-8 is tried first with a
strict decoder; other bytes could decode as either GB18030 or Big5 (their
byte ranges overlap), so charset-normalizer judges which reads as language."""
from __future__ import annotations

import re

from ..models import PolicyKBError

# GB18030 is a superset of GBK and GB2312, so one decoder reads all three;
# cp950 is Big5 with Microsoft's additions, big5hkscs Hong Kong's
_GB = ("gb18030",)
_BIG5 = ("cp950", "big5hkscs")


def _guess_legacy(data: bytes) -> tuple[str, ...]:
    """The legacy decoders to try, most likely first.

    >>> _guess_legacy("節能減排綜合工作實施方案".encode("big5"))
    ('cp950', 'big5hkscs', 'gb18030')
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["gb18030", "big5"]).best()
    return _BIG5 + _GB if best is not None and best.encoding == "big5" else _GB + _BIG5


def decode_bytes(data: bytes, path) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the encoding used.

    >>> decode_bytes("节能减排".encode("gbk"), "plan.txt")
    ('节能减排', 'gb18030')
    >>> decode_bytes(b"\\xef\\xbb\\xbf\\xe8\\x8a\\x82\\xe8\\x83\\xbd", "plan.txt")
    ('节能', 'utf-8-sig')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Notepad's "Unicode")
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise PolicyKBError(path, "cannot decode the text as UTF-16 (truncated?)") from None
    if b"\x00" in data[:4096]:
        raise PolicyKBError(path, "binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
        if _looks_like_text(text):
            return text, "utf-8-sig"
    except UnicodeDecodeError:
        text = _utf8_with_strays(data)
        if text is not None and _looks_like_text(text):
            return text, "utf-8-sig"
    for encoding in _guess_legacy(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "big5" if encoding in _BIG5 else encoding
    raise PolicyKBError(path, "cannot decode the text as UTF-8, GB18030/GBK or Big5")


#: a UTF-8 file with a few invalid bytes (at most this many, and one per
#: 2,000 bytes) is read as UTF-8, each replaced by U+FFFD, with a warning
STRAY_BYTES_MAX, STRAY_BYTES_PER = 16, 2000


def _utf8_with_strays(data: bytes) -> str | None:
    text = data.decode("utf-8-sig", errors="replace")
    strays = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    return text if 0 < strays <= min(STRAY_BYTES_MAX, max(1, len(data) // STRAY_BYTES_PER)) else None


def decode_warnings(data: bytes, text: str, encoding: str) -> list[str]:
    r"""What the reader of a decoded text should know: invalid UTF-8 bytes
    replaced, or a legacy decoding that reads as gibberish (Han characters
    mostly outside GB2312's common level, as UTF-8 read as GB18030 gives).

    >>> decode_warnings(b"ab\xffcd", "ab\ufffdcd", "utf-8-sig")
    ['1 invalid UTF-8 byte sequence(s) replaced by U+FFFD']
    """
    strays = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if encoding.startswith("utf-8") and strays > 0:
        return [f"{strays} invalid UTF-8 byte sequence(s) replaced by U+FFFD"]
    if encoding == "gb18030" and _garbled(text):
        return ["decoded as GB18030 but reads as gibberish (few common characters): "
                "check the file's encoding (UTF-8 with damaged bytes?)"]
    return []


def _garbled(text: str, sample: int = 5000) -> bool:
    common = rare = 0
    for ch in text[:sample * 4]:
        if 0x4E00 <= ord(ch) <= 0x9FFF:
            try:
                lead = ch.encode("gb2312")[0]
            except UnicodeEncodeError:
                lead = 0
            common, rare = (common + 1, rare) if 0xB0 <= lead <= 0xD7 else (common, rare + 1)
            if common + rare >= sample:
                break
    return common + rare >= 20 and common < rare


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters (binary data that
    happens to decode)."""
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad <= max(2, len(text) // 100)


_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x0b|\x0c|\x85")


def clean_text(text: str) -> str:
    """Normalise line breaks to ``\\n`` and drop a leading BOM.

    >>> clean_text("\\ufeff一、总体要求\\r\\n内容")
    '一、总体要求\\n内容'
    """
    return _NEWLINES.sub("\n", text.lstrip("\ufeff"))
