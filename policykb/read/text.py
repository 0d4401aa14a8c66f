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
        pass
    for encoding in _guess_legacy(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "big5" if encoding in _BIG5 else encoding
    raise PolicyKBError(path, "cannot decode the text as UTF-8, GB18030/GBK or Big5")


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
