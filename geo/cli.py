"""Command line: ``python -m geo extract|places|geocode``.

Bad input files are reported on stderr, one line each naming the file; the
other files are still processed and the exit status is 2 at the end.
Output is built in full before anything is written, so stdout is never
half-written.

Example
-------
    python -m geo extract data/articles/seed-article.txt --format csv -o events.csv
    python -m geo places data/articles/seed-article.txt --format jsonl
    python -m geo geocode "Tahrir Square" --country IQ
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date

from geo.documents import read_document
from geo.exc import DocumentError, ExtractionTimeoutError
from geo.export import event_row, to_csv, to_geojson, to_parquet_bytes, write_atomic
from geo.gazetteer import Gazetteer, GazetteerGeocoder
from geo.pipeline import extract

log = logging.getLogger("geo")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="events of documents, one row per event and place")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--reference-date", type=date.fromisoformat, default=None,
                    help="publication date (YYYY-MM-DD) for years and relative dates")
    ex.add_argument("--format", choices=("csv", "geojson", "parquet"), default="csv")
    ex.add_argument("-o", "--output", default=None)
    pl = sub.add_parser("places", help="every toponym found")
    pl.add_argument("files", nargs="+")
    pl.add_argument("--format", choices=("jsonl",), default="jsonl")
    pl.add_argument("-o", "--output", default=None)
    gc = sub.add_parser("geocode", help="resolve a place name offline")
    gc.add_argument("query")
    gc.add_argument("--country", default=None, help="ISO 3166-1 alpha-2 code")
    for s in (ex, pl, gc):
        s.add_argument("-v", "--verbose", action="store_true")
    return p


def _documents(files: list[str], reference: date | None, failed: list[str]):
    for name in files:
        try:
            yield read_document(name, source=name, publication_date=reference)
        except DocumentError as err:
            failed.append(name)
            print(f"error: {err}", file=sys.stderr)
        except OSError as err:
            failed.append(name)
            print(f"error: {name}: {err.strerror or err}", file=sys.stderr)


def _emit(data: bytes, output: str | None) -> None:
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    failed: list[str] = []
    if args.command == "geocode":
        geocoder = GazetteerGeocoder(Gazetteer.load())
        loc = geocoder.geocode(args.query, country_codes=args.country)
        if loc is None:
            print(f"error: no place found for {args.query!r}", file=sys.stderr)
            return 1
        print(json.dumps({"query": args.query, "address": loc.address,
                          "latitude": loc.latitude, "longitude": loc.longitude,
                          **loc.raw}, ensure_ascii=False))
        return 0
    gazetteer = Gazetteer.load()
    if args.command == "extract":
        rows = []
        for doc in _documents(args.files, args.reference_date, failed):
            try:
                rows += [event_row(e) for e in extract(doc, gazetteer).events]
            except ExtractionTimeoutError as err:
                failed.append(doc.source)
                print(f"error: {err}", file=sys.stderr)
        if args.format == "csv":
            data = to_csv(rows).encode("utf-8")
        elif args.format == "geojson":
            data = to_geojson(rows).encode("utf-8")
        else:
            if not args.output:
                print("error: --format parquet needs -o FILE", file=sys.stderr)
                return 2
            data = to_parquet_bytes(rows)
        _emit(data, args.output)
    else:
        lines = []
        for doc in _documents(args.files, None, failed):
            for t in extract(doc, gazetteer).toponyms:
                p = t.place
                lines.append(json.dumps({
                    "source": doc.source, "start": t.start, "end": t.end, "text": t.text,
                    "name": p.name if p else None,
                    "latitude": p.latitude if p else None,
                    "longitude": p.longitude if p else None,
                    "geo_precision": p.precision if p else None,
                    "country_code": p.country_code if p else None,
                    "kind": t.kind,
                }, ensure_ascii=False))
        _emit(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"), args.output)
    return 2 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
