"""Toponym recognition and resolution against real gold corpora.

Reads TR-News, GeoVirus, LGL and GeoWebNews from ``../shared/realdata/geoparsing/``
(never copied into the project) and runs the whole pipeline on each article.
A predicted toponym matches a gold one when their character spans overlap.

- precision = matched predictions / predictions; recall = matched gold / gold;
- words/s = the whole pipeline's speed on these unseen articles (one process,
  extraction time only, after a one-sentence warm-up builds the lazy tables);
- acc@161 = matched gold toponyms whose predicted point lies within 161 km of
  the gold point (the field's usual "accuracy within 161 km", over the toponyms
  both found); rec@161 = the same over all gold toponyms.

GeoWebNews toponyms marked non-locational, and gold toponyms without
coordinates, are left out of the gold.

    python -m bench.geoparsing [--corpus TR-News] [--limit N] [--show-misses]
"""

from __future__ import annotations

import argparse
import logging
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import great_circle

from geo.extraction.documents import document_from_text
from geo.gazetteer import Gazetteer
from geo.pipeline import extract

log = logging.getLogger("geo")
DIR = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "geoparsing"
CORPORA = {
    "TR-News": "TR-News.xml",
    "GeoVirus": "GeoVirus.xml",
    "LGL": "lgl.xml",
    "GeoWebNews": "GWN.xml",
}


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold toponym: its span, its text and its point."""

    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and its gold toponyms."""

    text: str
    gold: tuple[Gold, ...]


def _f(el: ET.Element | None, *paths: str) -> str:
    for p in paths:
        x = el.find(p) if el is not None else None
        if x is not None and x.text and x.text.strip():
            return x.text.strip()
    return ""


def _align(text: str, s: int, e: int, phrase: str) -> tuple[int, int]:
    """The gold span, moved onto its phrase when the corpus's offsets drift
    (some TR-News articles are off by a few characters)."""
    if not phrase or text[s:e] == phrase:
        return s, e
    best = None
    for m in re.finditer(re.escape(phrase), text):
        if best is None or abs(m.start() - s) < abs(best - s):
            best = m.start()
    if best is None or abs(best - s) > 200:
        return s, e
    return best, best + len(phrase)


def read_corpus(name: str) -> list[Article]:
    """The articles of a corpus, in its own XML layout."""
    root = ET.parse(DIR / CORPORA[name]).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in [*art.iter("toponym"), *art.iter("location")]:
            if _f(t, "nonLocational") == "Yes":
                continue
            lat = _f(t, "gaztag/lat", "lat", "latitude")
            lon = _f(t, "gaztag/lon", "lon", "longitude")
            start, end = _f(t, "start"), _f(t, "end")
            if not (lat and lon and start and end):
                continue
            s, e = _align(text, int(start), int(end), _f(t, "phrase", "name", "extractedName"))
            gold.append(Gold(s, e, text[s:e], float(lat), float(lon)))
        out.append(Article(text, tuple(gold)))
    return out


@dataclass
class Score:
    """Counts for one corpus."""

    predicted: int = 0
    gold: int = 0
    matched_pred: int = 0
    matched_gold: int = 0
    within: int = 0
    seconds: float = 0.0
    words: int = 0

    def row(self) -> tuple[float, float, float, float, float]:
        p = self.matched_pred / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.within / self.matched_gold if self.matched_gold else 0.0
        rec161 = self.within / self.gold if self.gold else 0.0
        return p, r, f1, acc, rec161


def evaluate(
    name: str, gazetteer: Gazetteer, *, limit: int | None = None, show: bool = False
) -> Score:
    """Score the pipeline's toponyms on one corpus."""
    score = Score()
    for i, art in enumerate(read_corpus(name)[:limit]):
        doc = document_from_text(f"{name}-{i}", art.text)
        if doc.text != art.text:  # line ends normalised: offsets would drift
            log.warning("%s article %d: text changed on reading; skipped", name, i)
            continue
        t0 = time.perf_counter()
        preds = list(extract(doc, gazetteer, time_limit=None).toponyms)
        score.seconds += time.perf_counter() - t0
        score.words += len(art.text.split())
        score.predicted += len(preds)
        score.gold += len(art.gold)
        hit_pred = set()
        for g in art.gold:
            over = [j for j, t in enumerate(preds) if t.start < g.end and g.start < t.end]
            if not over:
                if show:
                    print(f"MISS  {name}-{i} {g.text!r}")
                continue
            hit_pred.update(over)
            score.matched_gold += 1
            t = preds[over[0]]
            if t.place is not None:
                km = great_circle((g.lat, g.lon), (t.place.latitude, t.place.longitude)).km
                if km <= 161:
                    score.within += 1
                elif show:
                    print(
                        f"FAR   {name}-{i} {g.text!r} -> {t.place.name} "
                        f"({t.place.country_code}, {t.place.precision}) {km:.0f} km"
                    )
            elif show:
                print(f"NOPT  {name}-{i} {g.text!r}")
        score.matched_pred += len(hit_pred)
        if show:
            for j, t in enumerate(preds):
                if j not in hit_pred:
                    print(f"EXTRA {name}-{i} {t.text!r} -> {t.place.name if t.place else None}")
    return score


def main(argv: list[str] | None = None) -> None:
    """Print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=list(CORPORA), action="append")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if not DIR.exists():
        raise SystemExit(f"{DIR} is absent: this benchmark needs ../shared")
    gz = Gazetteer.load()
    # once loaded: lazy tables (common words, name lengths) are built on a first text
    extract(document_from_text("warm-up", "Protests in Baghdad on 3 May 2020."), gz)
    print(
        f"{'corpus':<11} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'acc@161':>8} {'rec@161':>8} {'s':>6} {'words/s':>8}"
    )
    for name in args.corpus or CORPORA:
        s = evaluate(name, gz, limit=args.limit, show=args.show_misses)
        p, r, f1, acc, rec = s.row()
        print(
            f"{name:<11} {s.gold:>5} {s.predicted:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f} "
            f"{acc:>8.3f} {rec:>8.3f} {s.seconds:>6.1f} {s.words / s.seconds:>8,.0f}"
        )


if __name__ == "__main__":
    main()
