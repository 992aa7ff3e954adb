"""Events and killed per first-level province, for the choropleth view.

Boundaries are Natural Earth's admin-1 polygons for the Middle East
(``data/provinces-middle-east.geojson``, public domain).  Events are joined to
provinces by point in polygon.  Country-level events are left out: their point
is only the country's centre, and counting it in whichever province holds
that point would invent a location.

Example
-------
>>> from geo.io.schema import rows_frame
>>> fc = province_counts(rows_frame([]))
>>> fc["type"], sum(f["properties"]["events"] for f in fc["features"])
('FeatureCollection', 0)
"""

from __future__ import annotations

import json
from functools import cache

import geopandas as gpd
import pandas as pd

from geo.resources import DATA_DIR
from geo.view.escape import esc

PROVINCES = DATA_DIR / "provinces-middle-east.geojson"


@cache
def provinces(path: str = str(PROVINCES)) -> gpd.GeoDataFrame:
    """The province polygons (EPSG:4326), simplified for drawing (about 1 km)."""
    gdf = gpd.read_file(path)[["name", "admin", "iso_a2", "geometry"]]
    gdf["geometry"] = gdf.geometry.simplify(0.01, preserve_topology=True)
    return gdf


def province_counts(on_map: pd.DataFrame) -> dict:
    """A GeoJSON FeatureCollection of provinces with ``events`` and ``killed``.

    ``label`` is an escaped HTML line for the tooltip.
    """
    gdf = provinces().copy()
    pts = on_map[~on_map["geo_precision"].isin(["country"]) & on_map["lat"].notna()]
    gdf["events"] = 0
    gdf["killed"] = 0
    if not pts.empty:
        points = gpd.GeoDataFrame(
            pts[["killed"]], geometry=gpd.points_from_xy(pts["lon"], pts["lat"]), crs="EPSG:4326"
        )
        joined = gpd.sjoin(points, gdf[["geometry"]], predicate="within", how="inner")
        per = joined.groupby("index_right").agg(events=("killed", "size"), killed=("killed", "sum"))
        gdf.loc[per.index, "events"] = per["events"].to_numpy()
        gdf.loc[per.index, "killed"] = per["killed"].to_numpy()
    gdf["label"] = [
        f"<b>{esc(n)}</b> ({esc(a)}): {plural(e, 'event')}, {k} killed"
        for n, a, e, k in zip(gdf["name"], gdf["admin"], gdf["events"], gdf["killed"], strict=True)
    ]
    return json.loads(gdf.to_json())


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one.

    >>> plural(1, "event"), plural(0, "event"), plural(3, "incident")
    ('1 event', '0 events', '3 incidents')
    """
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
