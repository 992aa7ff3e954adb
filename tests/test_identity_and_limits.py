"""A document is its text; every stage keeps the time limit; a save killed at any
moment leaves the store with whole saves only."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from geo.exc import ExtractionTimeoutError
from geo.extraction.documents import document_from_text
from geo.io.corpus import corpus_from_texts
from geo.io.query import EventFilter
from geo.io.schema import events_frame
from geo.io.store import EventStore
from geo.pipeline import extract
from tests.conftest import ROOT, SEED

TEXT = (
    "On 3 May 2020, 3 people were killed in Najaf. "
    "On 5 May 2020, protesters gathered in Basra.\n"
    "Two more were wounded in the attack."
)


# ---- a document's identity is its content -------------------------------------------


def test_the_same_text_under_two_names_gives_the_same_ids(gazetteer):
    a = extract(document_from_text("data/a.txt", TEXT), gazetteer).events
    b = extract(document_from_text("/home/u/copy of a.txt", TEXT), gazetteer).events
    assert a and [e.event_id for e in a] == [e.event_id for e in b]
    assert [e.incident_id for e in a] == [e.incident_id for e in b]
    assert {e.source for e in b} == {"/home/u/copy of a.txt"}  # the name is still shown
    other = extract(document_from_text("data/a.txt", TEXT + " "), gazetteer).events
    assert not {e.event_id for e in a} & {e.event_id for e in other}  # another text


def test_a_corpus_reads_one_text_once_and_says_so(gazetteer):
    c = corpus_from_texts([("a.txt", TEXT), ("b.txt", TEXT)], gazetteer)
    single = corpus_from_texts([("a.txt", TEXT)], gazetteer)
    assert [e.event_id for e in c.events] == [e.event_id for e in single.events]
    assert [d.source for d in c.documents] == ["a.txt"]
    assert [(e.source, e.reason) for e in c.errors] == [("b.txt", "same text as a.txt; read once")]
    # adding an upload of a text already shown changes nothing
    again = single + corpus_from_texts([("upload.txt", TEXT)], gazetteer)
    assert len(again.events) == len(single.events) and len(again.documents) == 1


def test_the_cli_reads_a_file_given_twice_once(tmp_path, capsys):
    from geo.cli import main

    out = tmp_path / "out.csv"
    relative = os.path.relpath(SEED)
    assert main(["extract", relative, str(SEED), "-o", str(out)]) == 0
    once = tmp_path / "once.csv"
    assert main(["extract", relative, "-o", str(once)]) == 0
    assert out.read_text(encoding="utf-8") == once.read_text(encoding="utf-8")
    assert "same content as" in capsys.readouterr().err


def test_the_store_keeps_one_copy_of_a_document_saved_under_two_paths(tmp_path, gazetteer):
    store = EventStore(tmp_path / "s")
    first = corpus_from_texts([("a.txt", TEXT)], gazetteer).events
    second = corpus_from_texts([("elsewhere/a-copy.txt", TEXT)], gazetteer).events
    store.append(events_frame(first))
    store.append(events_frame(second))
    assert store.count(EventFilter()) == len(first) > 0


def test_one_document_that_breaks_the_extractor_loses_only_itself(gazetteer, monkeypatch):
    import geo.io.corpus as corpus

    real = corpus.extract

    def breaks_on_b(doc, *args, **kwargs):
        if doc.source == "b.txt":
            raise TypeError("a bug")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(corpus, "extract", breaks_on_b)
    texts = [("a.txt", TEXT), ("b.txt", TEXT + " x"), ("c.txt", TEXT + " y")]
    c = corpus.corpus_from_texts(texts, gazetteer)
    assert {e.source for e in c.events} == {"a.txt", "c.txt"}
    assert [(e.source, e.reason) for e in c.errors] == [("b.txt", "extraction failed (TypeError)")]


# ---- every stage checks the time limit -----------------------------------------------


class _StopError(Exception):
    pass


def _stop() -> None:
    raise _StopError


def test_every_stage_checks_the_deadline(gazetteer):
    from geo.extraction.casualties import read_casualties
    from geo.extraction.events import SentenceFacts
    from geo.extraction.incidents import build_events
    from geo.extraction.places import find_toponyms
    from geo.extraction.roles import mark_roles
    from geo.extraction.sentences import split_sentences

    doc = document_from_text("long.txt", TEXT * 50)
    with pytest.raises(_StopError):
        split_sentences(doc, _stop)
    sentences = split_sentences(doc)
    spans = [(s.start, s.end) for s in sentences]
    with pytest.raises(_StopError):
        find_toponyms(doc.text, gazetteer, check=_stop, sentences=spans)
    toponyms = tuple(find_toponyms(doc.text, gazetteer, sentences=spans))
    assert toponyms
    with pytest.raises(_StopError):
        mark_roles(toponyms, doc.text, _stop)
    facts = [
        SentenceFacts(
            s.start, s.end, s.text, s.text, s.paragraph, (), (), read_casualties(s.text, s.start)
        )
        for s in sentences
    ]
    with pytest.raises(_StopError):
        build_events("long.txt", facts, check=_stop)


def test_a_megabyte_of_text_is_stopped_naming_the_file(gazetteer):
    doc = document_from_text("huge name.txt", "Mr. Najaf " * 110_000)  # ~1.1 MB
    with pytest.raises(ExtractionTimeoutError, match=r"huge name\.txt"):
        extract(doc, gazetteer, time_limit=0.05)


# ---- a save killed at a random moment ------------------------------------------------

SAVER = """
import sys
from geo.io.schema import rows_frame
from geo.io.store import EventStore
store = EventStore(sys.argv[1])
for b in range(1000):
    rows = [
        {"event_id": f"b{b}-{i}", "event_date": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "latitude": "33.3", "longitude": "44.4", "fatalities": "1", "event_type": "Protests"}
        for i in range(int(sys.argv[2]))
    ]
    store.append(rows_frame(rows))
    print(b, flush=True)
"""


@pytest.mark.parametrize("seed", range(4))
def test_a_save_killed_at_a_random_moment_leaves_only_whole_saves(tmp_path, seed):
    """Every event of a finished save, none of an unfinished one (12 monthly parts each)."""
    batch = 24
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(tmp_path / "s"), str(batch)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    finished = -1
    try:
        finished = int(proc.stdout.readline())  # the first save is done: the store exists
        time.sleep(random.Random(seed).uniform(0.0, 0.5))  # then kill it mid-way somewhere
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    for line in proc.stdout:
        finished = int(line)
    store = EventStore(tmp_path / "s")
    n = store.count(EventFilter())
    # saves printed as finished are all there; one more may have committed before the kill
    assert n in (batch * (finished + 1), batch * (finished + 2))
    ids = set(store.query(EventFilter(), columns=("event_id",))["event_id"])
    whole = {i.split("-")[0] for i in ids}
    assert len(ids) == batch * len(whole)  # no save is there in part
    store.check(repair=True)
    assert store.check() == ([], []) and store.count(EventFilter()) == n
