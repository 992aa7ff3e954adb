"""The event store: GeoParquet files partitioned by month, queried with DuckDB.

A store is a folder::

    STORE/month=2019-12/part-<uuid>.parquet
    STORE/month=undated/part-<uuid>.parquet
    STORE/month=aggregate/part-<uuid>.parquet     (reported totals, by period)

Each part is GeoParquet (written by geopandas: a WKB ``geometry`` point in
EPSG:4326 and the ``geo`` metadata) holding the string columns of
``python -m geo extract`` plus typed columns for fast filters (``date``,
``killed``, ``injured``, ``lat``, ``lon``).

Saving never rewrites what is there: every :meth:`EventStore.append` writes new
parts under temporary names and renames them into place, so a reader never
sees half a file, and two sessions saving at once both land.  An event saved
twice (same ``event_id``) is read once: queries keep its latest copy, so
nothing is double counted; :meth:`EventStore.compact` rewrites the store
without the duplicates, again by writing new parts before removing old ones.

Example
-------
>>> import tempfile
>>> from geo.io.schema import rows_frame
>>> store = EventStore(tempfile.mkdtemp())
>>> store.append(rows_frame([{"event_id": "e1", "event_date": "2019-12-06",
...     "latitude": "33.3365", "longitude": "44.4150", "fatalities": "19",
...     "event_type": "Violence against civilians"}]))
1
>>> store.query(EventFilter(start=date(2019, 12, 1), end=date(2019, 12, 31)))["killed"].tolist()
[19]
"""

from __future__ import annotations

import logging
import os
import uuid
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.extraction.casualties import MAX_FIGURE
from geo.io.linking import REPORT_STRINGS, ids_for
from geo.io.query import EventFilter
from geo.io.query import where as query_where
from geo.io.schema import ALL_COLUMNS, MAP_COLUMNS, rows_frame

#: Columns the store keeps beside the event table's: the incident each report
#: belongs to (:mod:`geo.io.linking`), set as reports arrive.
STORE_COLUMNS = ("merged_id",)

log = logging.getLogger("geo")


def _month(d: pd.Series) -> pd.Series:
    return d.dt.strftime("%Y-%m").fillna("undated")


#: The folder of commit marks: one empty-named file per finished save.
COMMITS = "_commits"


def _looks_like_parquet(path: Path) -> bool:
    """Whether a file starts and ends with Parquet's magic bytes (a truncated part does not)."""
    try:
        size = path.stat().st_size
        if size < 12:
            return False
        with path.open("rb") as fh:
            head = fh.read(4)
            fh.seek(-4, os.SEEK_END)
            return head == b"PAR1" and fh.read(4) == b"PAR1"
    except OSError:
        return False


class EventStore:
    """A folder of monthly GeoParquet parts (see the module docstring)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._dups: tuple[tuple[str, ...], bool] | None = None
        self._names: tuple[tuple[str, ...], frozenset[str]] | None = None

    # ---- writing -----------------------------------------------------------------
    def append(self, frame: pd.DataFrame, *, link: bool = True) -> int:
        """Add the rows of ``frame`` (a :func:`geo.io.schema.rows_frame`); return how many.

        With ``link`` each new report is linked with the stored ones of its days
        (:func:`geo.io.linking.ids_for`) and saved with its incident's ``merged_id``:
        incidents are kept as reports arrive, and saving a document again changes
        nothing. Without it, a ``merged_id`` column of ``frame`` is kept as it is.
        """
        if frame.empty:
            return 0
        self.path.mkdir(parents=True, exist_ok=True)
        df = pd.DataFrame({c: frame[c].astype(str) for c in ALL_COLUMNS})
        if link:
            df["merged_id"] = self._merged_ids(frame)
        else:
            ids = frame["merged_id"] if "merged_id" in frame else pd.Series("", index=frame.index)
            df["merged_id"] = ids.fillna("").astype(str).to_numpy()
        df["date"] = pd.to_datetime(frame["event_date"], errors="coerce")
        df["period_lo"] = frame["start_date"]
        df["period_hi"] = frame["end_date"]
        for col in ("killed", "injured"):
            values = frame[col].astype("int64")
            bad = ~values.between(0, MAX_FIGURE)
            if bad.any():  # never wrap or zero a count: refuse the save, naming the rows
                ids = ", ".join(frame.loc[bad, "event_id"].astype(str).head(5))
                raise ValueError(f"{col} outside 0 – {MAX_FIGURE:,} in events {ids}")
            df[col] = values
        df["lat"] = frame["lat"].astype("float64")
        df["lon"] = frame["lon"].astype("float64")
        df["saved_ns"] = pd.Timestamp.now().value
        months = _month(df["date"]).where(df["is_aggregate"] != "true", "aggregate")
        # all or nothing: the parts of one save are read only once its commit mark is
        # written, last (a save killed half-way leaves orphans that `--check` lists)
        batch = uuid.uuid4().hex
        for n, (month, part) in enumerate(df.groupby(months, sort=False)):
            geom = gpd.points_from_xy(part["lon"], part["lat"], crs="EPSG:4326")
            gdf = gpd.GeoDataFrame(part.reset_index(drop=True), geometry=geom)
            folder = self.path / f"month={month}"
            folder.mkdir(exist_ok=True)
            name = f"part-{batch}-{n}.parquet"
            tmp = folder / f".{name}.tmp"
            try:
                gdf.to_parquet(tmp, index=False)
                os.replace(tmp, folder / name)
            finally:
                tmp.unlink(missing_ok=True)
        commits = self.path / COMMITS
        commits.mkdir(exist_ok=True)
        mark = commits / f".{batch}.tmp"
        mark.write_text(str(len(df)), encoding="utf-8")
        os.replace(mark, commits / batch)
        log.info("saved %d events to %s", len(df), self.path)
        return len(df)

    def _merged_ids(self, frame: pd.DataFrame) -> list[str]:
        """The incident of each new row, linked with the stored rows of its days."""
        dated = frame["date"].notna()
        existing = rows_frame([]).assign(merged_id="")
        if dated.any() and self._parts():
            lo = (frame.loc[dated, "date"].min() - pd.Timedelta(days=1)).date()
            hi = (frame.loc[dated, "date"].max() + pd.Timedelta(days=1)).date()
            existing = self.frame(EventFilter(start=lo, end=hi), strings=REPORT_STRINGS)
            existing = existing[existing["date"].notna()]
        return ids_for(frame, existing)

    def compact(self) -> int:
        """Rewrite the store with one copy of each event; return how many remain."""
        old = self._parts()
        if not old:
            return 0

        df = self.query(EventFilter(), columns=ALL_COLUMNS + STORE_COLUMNS)
        rows = rows_frame(df[list(ALL_COLUMNS)].to_dict("records"))
        self.append(rows.assign(merged_id=df["merged_id"].fillna("").to_numpy()), link=False)
        for p in old:
            p.unlink(missing_ok=True)
        return len(df)

    # ---- reading -----------------------------------------------------------------
    def _parts(self) -> list[Path]:
        """The parts of finished saves that read as Parquet (see :meth:`check`)."""
        good, damaged, _ = self._sort_parts()
        for p in damaged:
            log.warning("%s: damaged part skipped (run `python -m geo store --check`)", p)
        return good

    def _sort_parts(self) -> tuple[list[Path], list[Path], list[Path]]:
        committed = {p.name for p in (self.path / COMMITS).glob("[0-9a-f]*")}
        good, damaged, orphaned = [], [], []
        for p in sorted(self.path.glob("month=*/part-*.parquet")):
            batch = p.stem.split("-")[1] if p.stem.count("-") >= 2 else ""
            if batch and batch not in committed:
                orphaned.append(p)  # a save that never finished
            elif not _looks_like_parquet(p):
                damaged.append(p)
            else:
                good.append(p)  # (parts of stores saved before commit marks: no batch)
        return good, damaged, orphaned

    def check(self, *, repair: bool = False) -> tuple[list[Path], list[Path]]:
        """The damaged and the orphaned parts (of saves that never finished); with
        ``repair``, move them to ``_quarantine/`` so that the rest reads cleanly."""
        _, damaged, orphaned = self._sort_parts()
        if repair and (damaged or orphaned):
            quarantine = self.path / "_quarantine"
            quarantine.mkdir(exist_ok=True)
            for p in damaged + orphaned:
                os.replace(p, quarantine / f"{p.parent.name}-{p.name}")
        return damaged, orphaned

    def _source(self, f: EventFilter | None = None) -> str:
        """The parts to read: only the months a date filter can touch."""
        parts = self._parts()
        if f is not None and (f.start is not None or f.end is not None):
            lo = f"{(f.start or date.min):%Y-%m}" if f.start else "0000-00"
            hi = f"{f.end:%Y-%m}" if f.end else "9999-99"
            parts = [
                p
                for p in parts
                if p.parent.name[6:] in ("undated", "aggregate") or lo <= p.parent.name[6:] <= hi
            ] or parts[:1]
        files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in parts)
        return (
            f"read_parquet([{files}], hive_partitioning = true, "
            f"hive_types = {{'month': VARCHAR}}, union_by_name = true)"
        )

    def query(
        self, f: EventFilter, *, columns: tuple[str, ...] = MAP_COLUMNS, limit: int | None = None
    ) -> pd.DataFrame:
        """The events matching ``f`` (one copy per ``event_id``), as a DataFrame."""

        if not self._parts():
            return pd.DataFrame(columns=list(columns))
        return self._select(self._columns(columns), f, limit)

    def _select(
        self, cols: str, f: EventFilter, limit: int | None = None, categories: tuple[str, ...] = ()
    ) -> pd.DataFrame:
        import duckdb
        import pyarrow as pa

        where, args = query_where(f, months=True)
        sql = f"SELECT {cols} FROM {self._source(f)} WHERE {where}"
        if self._has_duplicates():
            sql += " QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY saved_ns DESC) = 1"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with duckdb.connect() as con:
            # through Arrow: several times faster than .df() for string columns
            table = con.sql(sql, params=args).to_arrow_table()
        for c in categories:  # dictionary-encoded: pandas categories
            i = table.schema.get_field_index(c)
            if i >= 0:
                table = table.set_column(
                    i, c, pa.compute.dictionary_encode(table.column(c).fill_null(""))
                )
        return table.to_pandas()

    def _columns(self, columns: tuple[str, ...]) -> str:
        """``columns`` as a select list; a column the store's parts predate (saved
        before it existed) reads as empty, so an old store still opens."""
        import duckdb

        parts = tuple(p.name for p in self._parts())
        if self._names is None or self._names[0] != parts:
            with duckdb.connect() as con:
                names = {
                    r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {self._source()}").fetchall()
                }
            self._names = (parts, frozenset(names))
        have = self._names[1]
        return ", ".join(f'"{c}"' if c in have else f'NULL::VARCHAR AS "{c}"' for c in columns)

    def _has_duplicates(self) -> bool:
        """Whether some event was saved twice (checked once per set of parts)."""
        import duckdb

        parts = tuple(p.name for p in self._parts())
        if self._dups is None or self._dups[0] != parts:
            with duckdb.connect() as con:
                n = con.execute(
                    f"SELECT count(*) - count(DISTINCT event_id) FROM {self._source()}"
                ).fetchone()[0]
            self._dups = (parts, n > 0)
        return self._dups[1]

    def signature(self) -> tuple[tuple[str, int], ...]:
        """Names and sizes of the parts: changes whenever the store does."""
        return tuple((str(p.relative_to(self.path)), p.stat().st_size) for p in self._parts())

    def texts(self, columns: tuple[str, ...]) -> pd.DataFrame:
        """String ``columns`` of every event, indexed by ``event_id`` (one copy each):
        what :meth:`frame` with fewer ``strings`` left out."""
        if not self._parts():
            return pd.DataFrame(columns=list(columns), index=pd.Index([], name="event_id"))
        df = self._select(self._columns(("event_id", *columns)), EventFilter())
        return df.set_index("event_id").fillna("")

    def frame(
        self,
        f: EventFilter | None = None,
        *,
        categories: tuple[str, ...] = (),
        strings: tuple[str, ...] = ALL_COLUMNS,
    ) -> pd.DataFrame:
        """The events as a typed table, like :func:`geo.io.schema.rows_frame` gives.

        The typed columns come from the store, so nothing is parsed again;
        ``categories`` come back as pandas categories (see
        :data:`geo.io.schema.CATEGORY_COLUMNS`); only the string columns in ``strings`` are
        read (``event_id`` always), the others are left out.
        """
        typed = ("date", "killed", "injured", "lat", "lon", "period_lo", "period_hi")
        if not self._parts():
            return rows_frame([])
        keep = ("event_id", *STORE_COLUMNS)
        strings = tuple(c for c in ALL_COLUMNS + STORE_COLUMNS if c in strings or c in keep)
        cols = self._columns(strings + typed)
        df = self._select(
            cols + ", CASE WHEN lat IS NULL OR lon IS NULL THEN '' ELSE "
            "printf('%.4f,%.4f', lat, lon) END AS place_key",
            f or EventFilter(),
            categories=categories,
        )
        if df.empty:
            return rows_frame([])
        for c in strings:
            if c not in categories:
                df[c] = df[c].fillna("")
        df["date"] = pd.to_datetime(df["date"])
        df["start_date"] = pd.to_datetime(df.pop("period_lo"))
        df["end_date"] = pd.to_datetime(df.pop("period_hi"))
        df["killed"] = df["killed"].astype(int)
        df["injured"] = df["injured"].astype(int)
        df["aggregate"] = df["is_aggregate"].eq("true")
        df["row"] = range(len(df))
        return df

    def count(self, f: EventFilter | None = None) -> int:
        """How many distinct events match ``f`` (all by default)."""
        f = f or EventFilter()
        import duckdb

        if not self._parts():
            return 0
        where, args = query_where(f, months=True)
        with duckdb.connect() as con:
            return con.execute(
                f"SELECT count(DISTINCT event_id) FROM {self._source(f)} WHERE {where}", args
            ).fetchone()[0]

    def date_range(self) -> tuple[date, date] | None:
        """The first and last event dates, or ``None`` for an empty store."""
        import duckdb

        if not self._parts():
            return None
        with duckdb.connect() as con:
            lo, hi = con.execute(f"SELECT min(date), max(date) FROM {self._source()}").fetchone()
        return (lo.date(), hi.date()) if lo is not None else None
