"""The extractor's language knowledge, in one place.

* :mod:`geo.lexicon.words`: numbers, months, weekdays, the words around place
  names, waters, landforms, stop words, country aliases;
* :mod:`geo.lexicon.taxonomy`: ACLED's event types and sub-event types;
* :mod:`geo.lexicon.event_rules`: the trigger table that types a sentence.

Example
-------
>>> from geo.lexicon.words import CARDINALS
>>> CARDINALS["seven"]
7
"""
