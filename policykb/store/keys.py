"""Stable, readable keys: a document's from its 发文字号 (``cq-2022-39``) or
title, a department's within its jurisdiction, and paths made unique."""
from __future__ import annotations

import hashlib
import re
from typing import Iterable

from ..patterns import compile_patterns
from ..patterns.parts import HAN
from ..vocab import default_vocabulary

# what a key keeps of a name: letters, digits and Han characters (parts.HAN)
_NOT_SLUG = re.compile(rf"[^0-9A-Za-z_{HAN}]+")


def load_prefixes(vocab=None) -> dict:
    """The Latin forms of 发文字号 prefixes (``data/doc_number_prefixes.yml``):
    a view of the vocabulary's ``store`` part."""
    words = default_vocabulary(vocab).store
    return {"regions": words.regions, "series": words.series}


def slug_prefix(prefix: str, prefixes: dict | None = None, vocab=None) -> str:
    """A Latin slug for the issuer part of a 发文字号: region, then series.

    >>> slug_prefix("渝府发"), slug_prefix("国发"), slug_prefix("渝府办发"), slug_prefix("国办函")
    ('cq', 'cn', 'cq-b', 'cn-bh')

    A prefix the data does not know keeps its own characters, which are as
    stable and as readable to a staff member (add it to the data for a Latin
    form); one with no usable character gets a short stable hash.

    >>> slug_prefix("发改环资"), slug_prefix("〔〕")
    ('发改环资', 'x0e84c9')
    """
    data = prefixes or load_prefixes(vocab)
    regions, series = data["regions"], data["series"]
    for region in sorted(regions, key=len, reverse=True):
        if prefix.startswith(region) and prefix[len(region):] in series:
            tail = series[prefix[len(region):]]
            return regions[region] + (f"-{tail}" if tail else "")
    return _NOT_SLUG.sub("", prefix) or "x" + hashlib.sha1(prefix.encode("utf-8")).hexdigest()[:6]


def document_key(doc_number: str | None, title: str | None, fallback: str = "document", vocab=None) -> str:
    """The stable key of a document: from its 发文字号, else a slug of its title.

    >>> document_key("渝府发〔2022〕39号", "重庆市“十四五”节能减排综合工作实施方案")
    'cq-2022-39'
    >>> document_key(None, "重庆市“十四五”节能减排综合工作实施方案")
    '重庆市十四五节能减排综合工作实施方案'
    >>> document_key(None, None, "chongqing_jnjp_2022")
    'chongqing_jnjp_2022'
    """
    if doc_number:
        m = compile_patterns(vocab).store.doc_number.match(doc_number)
        if m:
            return f"{slug_prefix(m['prefix'], vocab=vocab)}-{m['year']}-{int(m['number'])}"
        slug = _NOT_SLUG.sub("-", doc_number).strip("-")
        if slug:
            return slug
    slug = _NOT_SLUG.sub("", title or "")[:60] or _NOT_SLUG.sub("-", fallback).strip("-")
    return slug or "document"


def department_key(name: str, jurisdiction: str | None) -> str:
    """Departments are keyed within their jurisdiction: 市发展改革委 of 重庆市 is
    not 市发展改革委 of 天津市.

    >>> department_key("市发展改革委", "重庆市"), department_key("国家发展改革委", None)
    ('重庆市/市发展改革委', '国家发展改革委')
    """
    return f"{jurisdiction}/{name}" if jurisdiction else name


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Keys made unique in order: a repeated path gets ``(2)``, ``(3)``…

    >>> unique_keys(["d/1", "d/2", "d/1"])
    ['d/1', 'd/2', 'd/1(2)']
    """
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}({seen[key]})")
    return out


