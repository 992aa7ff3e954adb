"""Real ACLED notes as documents: date, place within 25 km, fatalities.

Each note of ``../shared/realdata/acled/`` is read as a document of its own.
The note's first event gives the date; the place counts as right when one of
the note's extracted places lies within 25 km of ACLED's coordinates (ACLED
codes some notes as several rows, one per place); fatalities compare the sum
over the note's distinct incidents with ACLED's figure (a note coded as
several rows has its figure summed over them); the event type is the note's
first event's, against ACLED's.

    python -m bench.acled_notes [--show-misses] [--online]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from geopy.distance import great_circle

from geo.extraction.documents import document_from_text
from geo.gazetteer import Gazetteer
from geo.pipeline import extract

CSV = (
    Path(__file__).resolve().parents[2]
    / "shared/realdata/acled/acled_iraq_subset_2020-04-27_2020-05-09.csv"
)


#: ACLED's actor names → the words a news text uses for them (evaluation only: how
#: often the note's main actor is among ours).
ACTOR_WORDS = {
    "Islamic State": ("IS", "ISIS", "ISIL", "Daesh"),
    "Military Forces of Turkey": ("Turkish",),
    "Popular Mobilization Forces": ("PMF", "PMU", "Hashed"),
    "PKK": ("PKK",),
    "TMF": ("TMF",),
    "Protesters": ("Protesters",),
    "Rioters": ("Rioters", "Protesters"),
    "Military Forces of Iraq": (
        "Iraqi forces",
        "Iraqi army",
        "Iraqi air force",
        "Iraqi security forces",
        "Iraqi military",
    ),
    "Police Forces of Iraq": ("police", "Police"),
}


def _actor_found(gold: str, ours: tuple[str, ...]) -> bool | None:
    """Whether ACLED's ``gold`` actor is among ``ours``; ``None`` when we know no
    words for it ("Unidentified Armed Group", "Civilians")."""
    keys = [k for k in ACTOR_WORDS if k in gold]
    if not keys:
        return None
    words = ACTOR_WORDS[max(keys, key=len)]  # "... Popular Mobilization Forces" first
    return any(w in a for a in ours for w in words)


def evaluate(path: Path = CSV, show: bool = False, online: bool = False) -> dict[str, float]:
    """Score every note; return the rates and the counts.

    ``online``: look up the places the gazetteer lacks on Nominatim (needs the
    internet; about one second per new name, answers cached on disk).
    """
    gz = Gazetteer.load()
    lookup = None
    if online:
        from geo.gazetteer.online import OnlineLookup

        lookup = OnlineLookup()
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_note[r["notes"]].append(r)
    n = date_ok = place_ok = fat_ok = type_ok = no_event = actor_ok = actor_n = 0
    for note, group in by_note.items():
        doc = document_from_text("note", note)
        events = [e for e in extract(doc, gz, online=lookup).events if not e.is_aggregate]
        gold_date = datetime.strptime(group[0]["event_date"], "%d-%b-%y").date()
        first = next((e for e in events if e.event_date), None)
        got_date = first.event_date if first else None
        incidents = {e.incident_id: e.incident_fatalities for e in events}
        got_fat = sum(incidents.values())
        gold_fat = sum(int(r["fatalities"]) for r in group)
        got_type = events[0].event_type if events else None
        for r in group:
            n += 1
            point = (float(r["latitude"]), float(r["longitude"]))
            dists = [
                great_circle(point, (e.place.latitude, e.place.longitude)).km
                for e in events
                if e.place
            ]
            d_ok = got_date == gold_date
            p_ok = bool(dists) and min(dists) <= 25
            f_ok = got_fat == gold_fat
            type_ok += got_type == r["event_type"]
            found = _actor_found(r["actor1"], events[0].actors if events else ())
            if found is not None:
                actor_n += 1
                actor_ok += found
            no_event += not events
            date_ok += d_ok
            place_ok += p_ok
            fat_ok += f_ok
            if show and not (d_ok and p_ok and f_ok):
                print(
                    f"- {r['location']} {r['event_date']} fat={r['fatalities']}: "
                    f"date {got_date} place {min(dists) if dists else None!s:.6} "
                    f"fat {got_fat}/{gold_fat} | {note[:150]}"
                )
    return {
        "rows": n,
        "date": date_ok / n,
        "place_25km": place_ok / n,
        "fatalities": fat_ok / n,
        "event_type": type_ok / n,
        "no_event": no_event,
        "actor1": actor_ok / max(actor_n, 1),
        "actor1_rows": actor_n,
    }


def main() -> None:
    """Print the table."""
    p = argparse.ArgumentParser()
    p.add_argument("--show-misses", action="store_true")
    p.add_argument(
        "--online",
        action="store_true",
        help="also look up unknown places on Nominatim (needs the internet)",
    )
    args = p.parse_args()
    r = evaluate(show=args.show_misses, online=args.online)
    mode = "gazetteer + Nominatim" if args.online else "offline gazetteer"
    print(f"ACLED notes (Iraq, 27 Apr - 9 May 2020): {r['rows']} rows, {mode}")
    print("| measure | ours | target |\n|---|---|---|")
    print(f"| date right | {r['date']:.1%} | >= 95% |")
    print(f"| place within 25 km | {r['place_25km']:.1%} | >= 70% |")
    print(f"| fatalities exact | {r['fatalities']:.1%} | >= 90% |")
    print(f"| event type right (the note's first event) | {r['event_type']:.1%} | |")
    print(f"| rows whose note gave no event | {r['no_event']} | |")
    print(
        f"| ACLED's actor 1 among ours ({r['actor1_rows']} rows with a known name) "
        f"| {r['actor1']:.1%} | |"
    )


if __name__ == "__main__":
    main()
