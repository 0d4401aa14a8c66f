"""Plain text in the encodings Chinese offices use: UTF-8 (with or without a
BOM) and GB18030/GBK, told apart by trying the strict decoders in turn."""
from __future__ import annotations

import re

from ..models import PolicyKBError

# GB18030 is a superset of GBK and GB2312, so one decoder reads all three
_ENCODINGS = ("utf-8-sig", "gb18030")


def decode_bytes(data: bytes, path) -> tuple[str, str]:
    """Decode a text file's bytes; return the text and the encoding used.

    >>> decode_bytes("节能减排".encode("gbk"), "plan.txt")
    ('节能减排', 'gb18030')
    >>> decode_bytes(b"\\xef\\xbb\\xbf\\xe8\\x8a\\x82\\xe8\\x83\\xbd", "plan.txt")
    ('节能', 'utf-8-sig')
    """
    if b"\x00" in data[:4096]:
        raise PolicyKBError(path, "binary file, not text (it contains NUL bytes)")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise PolicyKBError(path, "cannot decode the text as UTF-8 or GB18030/GBK")


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
