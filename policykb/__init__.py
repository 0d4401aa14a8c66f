"""policykb: read Chinese government policy plans into sections, tasks,
departments and targets, store them in SQLite and publish them with Datasette.

The pipeline reads in one direction: ``read`` -> ``structure`` -> ``extract``
-> ``store`` -> ``publish``; :mod:`policykb.pipeline` strings the stages
together for the CLI and for tests.
"""

__version__ = "0.1.0"
