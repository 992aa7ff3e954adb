"""Command line: ``python -m geo extract|import|places|store|geocode``.

Bad input files are reported on stderr, one line each naming the file; the
other files are still processed and the exit status is 2 at the end.
Output is built in full before anything is written, so stdout is never
half-written.

Example
-------
    python -m geo extract data/articles/seed-article.txt --format csv -o events.csv
    python -m geo extract data/articles/ --workers 2 --store events-store/
    python -m geo import acled-export.csv --store events-store/
    python -m geo places data/articles/seed-article.txt --format jsonl
    python -m geo geocode "Tahrir Square" --country IQ
    python -m geo extract note.txt --online     # unknown places from Nominatim, 1 request/s
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from datetime import date
from pathlib import Path

from geo.exc import DocumentError, GeoError
from geo.extraction.documents import read_bytes, read_document
from geo.gazetteer import Gazetteer, GazetteerGeocoder, location_of
from geo.io.corpus import SUFFIXES, extract_file
from geo.io.export import to_csv, to_geojson, to_parquet_bytes, write_atomic
from geo.io.linking import LINK_COLUMNS, linked_rows
from geo.io.schema import ALL_COLUMNS, event_row
from geo.pipeline import extract, toponym_roles

log = logging.getLogger("geo")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="events of documents, one row per event and place")
    ex.add_argument("files", nargs="+", help="files, or folders of .txt/.md/.html files")
    ex.add_argument(
        "--workers", type=int, default=1, help="documents read in parallel by N processes"
    )
    ex.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help="run on a Dask distributed scheduler, e.g. tcp://host:8786",
    )
    ex.add_argument(
        "--store",
        metavar="DIR",
        default=None,
        help="append the events to a GeoParquet store instead of printing",
    )
    ex.add_argument(
        "--reference-date",
        type=date.fromisoformat,
        default=None,
        help=(
            "publication date (YYYY-MM-DD) for years and relative dates; overrides the "
            "date a document states (HTML meta, a Published line, a dated dateline, the file name)"
        ),
    )
    ex.add_argument(
        "--format", choices=("csv", "geojson", "parquet"), default="csv", help="output format"
    )
    ex.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    im = sub.add_parser("import", help="an ACLED export to our columns")
    im.add_argument("file", help="an ACLED CSV export")
    im.add_argument(
        "--format", choices=("csv", "geojson", "parquet"), default="csv", help="output format"
    )
    im.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    im.add_argument(
        "--store",
        metavar="DIR",
        default=None,
        help="append the events to a GeoParquet store instead of printing",
    )
    pl = sub.add_parser("places", help="every toponym found")
    pl.add_argument("files", nargs="+", help="documents (.txt, .md, .html)")
    pl.add_argument(
        "--format", choices=("jsonl",), default="jsonl", help="output format: one JSON per line"
    )
    pl.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    st = sub.add_parser("store", help="check an event store's parts, or repair it")
    st.add_argument("dir", help="the store's folder")
    st.add_argument("--check", action="store_true", help="list damaged and orphaned parts")
    st.add_argument(
        "--repair", action="store_true", help="move damaged and orphaned parts to _quarantine/"
    )
    gc = sub.add_parser("geocode", help="resolve a place name offline")
    gc.add_argument("query", help='a place name, e.g. "Tahrir Square"')
    gc.add_argument("--country", default=None, help="ISO 3166-1 alpha-2 code")
    for s in (ex, im):
        s.add_argument(
            "--merge",
            action="store_true",
            help=(
                "one row per incident and place: reports of one incident from several "
                "documents merged (fatalities is the lowest firm figure; n_reports, "
                "fatalities_min, fatalities_max, sources beside it). Without it every report "
                "is a row, with its merged_id"
            ),
        )
    for s in (ex, pl, gc):
        s.add_argument(
            "--online",
            action="store_true",
            help="look up places the offline gazetteer lacks on OpenStreetMap's "
            "Nominatim (1 request/s, answers cached on disk); off by default",
        )
    for s in (ex, im, pl, gc, st):
        s.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    return p


def _fail(failed: list[str], name: str, err: Exception) -> None:
    """Report an input that could not be read: one line on stderr naming it."""
    failed.append(name)
    if isinstance(err, DocumentError):
        print(f"error: {err}", file=sys.stderr)
    else:
        print(f"error: {name}: {getattr(err, 'strerror', None) or err}", file=sys.stderr)


def _documents(files: list[str], reference: date | None, failed: list[str]):
    for name in files:
        try:
            yield read_document(name, source=name, publication_date=reference)
        except (DocumentError, OSError) as err:
            _fail(failed, name, err)


def _expand(names: list[str]) -> list[str]:
    """Files as given; a folder stands for its .txt/.md/.html files."""
    out = []
    for name in names:
        p = Path(name)
        if p.is_dir():
            out += sorted(str(f) for f in p.iterdir() if f.suffix.lower() in SUFFIXES)
        else:
            out.append(name)
    return out


def _payloads(names: list[str], failed: list[str]) -> list[tuple[str, bytes]]:
    """Each readable file's bytes; unreadable ones are reported and left out."""
    out = []
    seen: dict[str, str] = {}  # content hash -> first name: a document is its content
    for name in names:
        try:
            data = read_bytes(name)
        except (DocumentError, OSError) as err:
            _fail(failed, name, err)
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            print(f"note: {name}: same content as {seen[digest]}; read once", file=sys.stderr)
            continue
        seen[digest] = name
        out.append((name, data))
    return out


def _extract_all(args: argparse.Namespace, failed: list[str]) -> list:
    """Events of every input, in input order, on one process, N, or a Dask cluster."""
    from tqdm import tqdm

    payloads = _payloads(_expand(args.files), failed)
    names = [n for n, _ in payloads]
    datas = [d for _, d in payloads]
    refs = [args.reference_date] * len(payloads)
    bar = tqdm(total=len(payloads), unit="doc", file=sys.stderr, disable=None)
    if args.dask:
        from distributed import Client, as_completed

        with Client(args.dask) as client:
            futures = client.map(extract_file, names, datas, refs, pure=False)
            for _ in as_completed(futures):
                bar.update()
            results = client.gather(futures)
    elif args.workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            results = []
            for r in pool.map(extract_file, names, datas, refs, chunksize=4):
                results.append(r)
                bar.update()
    else:
        online = _online() if args.online else None
        results = []
        for name, data, ref in zip(names, datas, refs, strict=True):
            results.append(extract_file(name, data, ref, online=online))
            bar.update()
    bar.close()
    events = []
    for r in results:
        if r.error:
            failed.append(r.source)
            print(f"error: {r.source}: {r.error}", file=sys.stderr)
        events += r.events
    return events


def _online():
    from geo.gazetteer.online import OnlineLookup

    return OnlineLookup()


def _import(name: str, failed: list[str]) -> list[dict[str, str]]:
    """Rows of an ACLED export; each unreadable row is reported with its line."""
    from geo.io.acled import read_acled

    try:
        data = Path(name).read_bytes()
    except OSError as err:
        _fail(failed, name, err)
        return []
    result = read_acled(data, source=name)
    for err in result.errors:
        failed.append(name)
        print(f"error: {err}", file=sys.stderr)
    print(f"{len(result.events)} of {result.rows} rows read from {name}", file=sys.stderr)
    return [event_row(e) for e in result.events]


def _emit(data: bytes, output: str | None) -> None:
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _store_check(folder: str, *, repair: bool) -> int:
    """List the store's damaged and orphaned parts (exit 2 when there are some)."""
    from geo.io.store import EventStore

    if not Path(folder).is_dir():
        print(f"error: {folder}: no such store", file=sys.stderr)
        return 2
    damaged, orphaned = EventStore(folder).check(repair=repair)
    for p in damaged:
        print(f"damaged: {p}")
    for p in orphaned:
        print(f"orphaned (a save that never finished): {p}")
    verb = "moved to _quarantine/" if repair else "found"
    print(f"{len(damaged)} damaged, {len(orphaned)} orphaned part(s) {verb}", file=sys.stderr)
    return 2 if (damaged or orphaned) and not repair else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    failed: list[str] = []
    if getattr(args, "online", False) and (
        getattr(args, "workers", 1) > 1 or getattr(args, "dask", None)
    ):
        print(
            "error: --online runs in one process (Nominatim allows one request a "
            "second); leave out --workers and --dask",
            file=sys.stderr,
        )
        return 2
    if args.command == "store":
        return _store_check(args.dir, repair=args.repair)
    if args.command == "geocode":
        geocoder = GazetteerGeocoder(Gazetteer.load())
        loc = geocoder.geocode(args.query, country_codes=args.country)
        if loc is None and args.online:
            entry = _online().lookup(args.query, (args.country,) if args.country else ())
            loc = location_of(entry) if entry is not None else None
        if loc is None:
            print(f"error: no place found for {args.query!r}", file=sys.stderr)
            return 1
        print(
            json.dumps(
                {
                    "query": args.query,
                    "address": loc.address,
                    "latitude": loc.latitude,
                    "longitude": loc.longitude,
                    **loc.raw,
                },
                ensure_ascii=False,
            )
        )
        return 0
    if args.command in ("extract", "import"):
        columns = ALL_COLUMNS
        if args.command == "extract":
            rows = [event_row(e) for e in _extract_all(args, failed)]
        else:
            rows = _import(args.file, failed)
        if not args.store:  # reports of one incident in several documents, or files
            rows, columns = linked_rows(rows, merge=args.merge), ALL_COLUMNS + LINK_COLUMNS
        if args.store:
            from geo.io.schema import rows_frame
            from geo.io.store import EventStore

            n = EventStore(args.store).append(rows_frame(rows))
            print(f"{n} events saved to {args.store}", file=sys.stderr)
            return 2 if failed else 0
        if args.format == "csv":
            data = to_csv(rows, columns).encode("utf-8")
        elif args.format == "geojson":
            data = to_geojson(rows).encode("utf-8")
        else:
            if not args.output:
                print("error: --format parquet needs -o FILE", file=sys.stderr)
                return 2
            data = to_parquet_bytes(rows, columns)
        _emit(data, args.output)
    else:
        gazetteer = Gazetteer.load()
        online = _online() if args.online else None
        lines = []
        for doc in _documents(args.files, None, failed):
            try:
                result = extract(doc, gazetteer, online=online)
                toponyms, roles = result.toponyms, toponym_roles(result)
            except GeoError as err:
                _fail(failed, doc.source, err)
                continue
            except Exception as err:  # a bug on one document must not lose the others
                log.debug("places of %s failed", doc.source, exc_info=True)
                _fail(failed, doc.source, RuntimeError(f"{type(err).__name__}: {err}"))
                continue
            for t, place_role in zip(toponyms, roles, strict=True):
                p = t.place
                lines.append(
                    json.dumps(
                        {
                            "source": doc.source,
                            "start": t.start,
                            "end": t.end,
                            "text": t.text,
                            "name": p.name if p else None,
                            "latitude": p.latitude if p else None,
                            "longitude": p.longitude if p else None,
                            "geo_precision": p.precision if p else None,
                            "country_code": p.country_code if p else None,
                            "kind": t.kind,
                            "role": place_role,
                        },
                        ensure_ascii=False,
                    )
                )
        _emit(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"), args.output)
    return 2 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
