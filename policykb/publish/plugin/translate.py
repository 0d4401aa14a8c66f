"""Datasette's own templates in Chinese without copying them: a Jinja loader
that, as Datasette's index, database, table, row and query templates load,
replaces each English phrase of ``data/site_templates.yml`` with its Chinese.
Templates a deployment overrides itself (``--template-dir``) are left alone."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import datasette
from jinja2 import BaseLoader

#: Datasette's own templates: only these are translated
DATASETTE_TEMPLATES = Path(datasette.__file__).resolve().parent / "templates"


def translate(source: str, pairs: Sequence[tuple[str, str]]) -> tuple[str, list[str]]:
    """``source`` with every (English, Chinese) pair replaced, and the English
    phrases it did not find.

    >>> translate("<h3>Tables</h3>", [("Tables", "数据表"), ("Views", "视图")])
    ('<h3>数据表</h3>', ['Views'])
    """
    missing = []
    for english, chinese in pairs:
        if english not in source:
            missing.append(english)
        source = source.replace(english, chinese)
    return source, missing


class TranslatingLoader(BaseLoader):
    """Loads templates through ``inner``; Datasette's own named in ``pairs`` come out in Chinese."""

    def __init__(self, inner: BaseLoader, pairs: Mapping[str, Sequence[tuple[str, str]]]):
        self.inner = inner
        self.pairs = pairs

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template in self.pairs and filename and Path(filename).resolve().parent == DATASETTE_TEMPLATES:
            source, _ = translate(source, self.pairs[template])
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def install(datasette_app, pairs) -> None:
    """Put the translating loader in front of Datasette's (once)."""
    env = datasette_app.jinja_env
    if not isinstance(env.loader, TranslatingLoader):
        env.loader = TranslatingLoader(env.loader, pairs)
        if env.cache is not None:
            env.cache.clear()


def untranslated(pairs) -> dict[str, list[str]]:
    """The phrases of ``pairs`` that Datasette's templates no longer have (after an upgrade)."""
    found = {}
    for name, name_pairs in pairs.items():
        _, missing = translate((DATASETTE_TEMPLATES / name).read_text("utf-8"), name_pairs)
        if missing:
            found[name] = missing
    return found
