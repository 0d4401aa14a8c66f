"""The vocabulary policykb reads by, as data: department tables, places,
layout words, note cue words, units, number words, time words and the site's
labels, as YAML and CSV files beside this module.

Only :mod:`policykb.vocab` reads them (``DataFiles``), once, into one
``Vocabulary`` that the pipeline passes down; no stage opens a data file.
"""
