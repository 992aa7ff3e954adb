"""The event map: a folium map of the events in view, and what a click selects.

One marker per location and event type.  A marker's *area* is proportional to
the killed there (a visible minimum when none), a thin outer ring's area to
killed plus injured, and its colour is the ACLED event type.  Country- and
region-level places are drawn dashed and almost empty, so they cannot be taken
for a city.  Reported totals are never drawn.  Every text is escaped
(:func:`geo.view.escape.esc`).  Scripts and styles come from the app itself
(:mod:`geo.view.assets`), the tiles from OpenStreetMap when they load, and under
them an outline basemap of Natural Earth countries that needs no network.

Example
-------
>>> from geo.io.schema import rows_frame
>>> m = build_map(rows_frame([]), assets=None)
>>> type(m).__name__
'Map'
>>> round(marker_radius(100) / marker_radius(25), 2)   # area ∝ killed
2.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.lexicon.taxonomy import EVENT_TYPES, TYPE_COLOURS
from geo.view.assets import StaticAssets
from geo.view.escape import esc

OTHER_COLOUR = "#888888"
#: Pixels of radius for one killed; radius grows with the square root.
SCALE = 3.0
MIN_RADIUS = 4.0
#: Beyond this many markers, draw on a canvas instead of SVG.
SVG_LIMIT = 1000
#: Beyond this many markers, sum the events into grid cells ...
MARKER_LIMIT = 2000
#: ... at most this many, so that they stay readable at a country's zoom.
GRID_LIMIT = 600
#: Largest radius (pixels) of a grid cell; the area scale follows from it.
GRID_MAX_RADIUS = 25
CELL_COLOUR = "#555555"
COARSE = ("region", "country")
#: Radius (pixels) of a country- or region-level marker, whatever its toll: its
#: area would claim a precision it does not have (and could leave the map).
COARSE_RADIUS = 7.0
_KEY = re.compile(r"(?:cell:)?-?\d{1,2}\.\d{4},-?\d{1,3}\.\d{4}(?:,\d+(?:\.\d+)?)?")
_BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


def marker_radius(killed: int, scale: float = 3.0) -> float:
    """Radius in pixels: area proportional to ``killed``, never below the minimum.

    >>> marker_radius(0) == MIN_RADIUS, marker_radius(1) == SCALE
    (True, False)
    """
    return max(MIN_RADIUS, scale * math.sqrt(max(0, killed)))


@dataclass(frozen=True, slots=True)
class MarkerGroup:
    """The events of one type at one location, drawn as one marker."""

    key: str
    lat: float
    lon: float
    name: str
    precision: str
    event_type: str
    events: int
    killed: int
    injured: int
    first: str
    last: str
    #: Reports behind the events (more than ``events`` when several tell one incident).
    reports: int = 0

    def tooltip(self) -> str:
        """Date, place, killed and injured, as escaped HTML."""
        when = self.first if self.first == self.last else f"{self.first} – {self.last}"
        level = (
            f" <i>({esc(self.precision)}-level: no finer place given)</i>"
            if self.precision in COARSE
            else ""
        )
        n = f"{self.events} events, " if self.events > 1 else ""
        if self.reports > self.events:
            n += f"{self.reports} reports, "
        if self.precision == "cell":
            return (
                f"<b>{esc(self.name)}</b><br>{esc(when)}<br>{self.events:,} events, "
                f"{self.killed:,} killed, {self.injured:,} injured<br>"
                f"{esc(self.event_type)}"
                f'<br><span style="color:#777;font-size:10px">{esc(self.key)}</span>'
            )
        return (
            f"<b>{esc(self.name)}</b>{level}<br>{esc(when)}<br>"
            f"{esc(self.event_type or 'Unclassified')}: {n}"
            f"{self.killed} killed, {self.injured} injured"
            f'<br><span style="color:#777;font-size:10px">{esc(self.key)}</span>'
        )


def marker_groups(on_map: pd.DataFrame) -> list[MarkerGroup]:
    """Group the drawable events by location and type, largest toll first."""
    if on_map.empty:
        return []
    g = on_map.groupby(["place_key", "event_type"], sort=False)
    agg = g.agg(
        lat=("lat", "first"),
        lon=("lon", "first"),
        name=("location", "first"),
        precision=("geo_precision", "first"),
        events=("row", "size"),
        killed=("killed", "sum"),
        injured=("injured", "sum"),
        first=("date", "min"),
        last=("date", "max"),
        reports=("n_reports", "sum") if "n_reports" in on_map else ("row", "size"),
    ).reset_index()
    agg = agg.sort_values(["killed", "events"], ascending=False, kind="stable")
    return [
        MarkerGroup(
            r.place_key,
            float(r.lat),
            float(r.lon),
            r.name,
            r.precision,
            r.event_type,
            int(r.events),
            int(r.killed),
            int(r.injured),
            _day(r.first),
            _day(r.last),
            int(r.reports),
        )
        for r in agg.itertuples(index=False)
    ]


class _Basemap(MacroElement):
    """The offline basemap, fetched from the app: Natural Earth country outlines,
    province lines, and city names (GeoNames, largest first, denser as you zoom
    in). With tiles the tiles win: the city names show only when tiles are off
    or fail to load (no internet)."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>.leaflet-container{background:#dbe7f0}
        .em-legend{background:#fff;padding:6px 8px;border-radius:4px;font:12px/1.4 sans-serif;
        box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:210px;font-size:11px;opacity:.92}
        .em-legend i{display:inline-block;border-radius:50%;vertical-align:middle;margin-right:4px}
        .em-city{font:11px/1.1 sans-serif;color:#333;white-space:nowrap;
        text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
        .em-city b{display:inline-block;width:4px;height:4px;border-radius:50%;background:#555;
        margin-right:3px;vertical-align:middle}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            var pane = map.createPane("em-basemap");
            pane.style.zIndex = 150; pane.style.pointerEvents = "none";
            var labelPane = map.createPane("em-labels");
            labelPane.style.zIndex = 450; labelPane.style.pointerEvents = "none";
            function load(url, then) {
                if (!url) { return; }
                fetch(url).then(function (r) { return r.json(); }).then(then)
                  .catch(function (e) { console.warn("basemap", url, e); });
            }
            load({{ this.url|tojson }}, function (d) {
                L.geoJSON(d, {pane: "em-basemap", interactive: false,
                  style: {color: "#9a9a9a", weight: 0.8, fillColor: "#f4f1ea",
                          fillOpacity: 1}}).addTo(map);
            });
            load({{ this.provinces_url|tojson }}, function (d) {
                L.geoJSON(d, {pane: "em-basemap", interactive: false,
                  style: {color: "#b0a999", weight: 0.5, dashArray: "2 3",
                          fill: false}}).addTo(map);
            });
            var cities = null, labels = L.layerGroup().addTo(map);
            var tiles = {{ this.tiles|tojson }}, failed = false;
            function least(z) {  // fewest people a city needs to be named at zoom z
                return z <= 4 ? 3e6 : z === 5 ? 1e6 : z === 6 ? 4e5 : z === 7 ? 1.5e5
                     : z === 8 ? 6e4 : 15000;
            }
            function draw() {
                labels.clearLayers();
                if (!cities || (tiles && !failed)) { return; }
                var view = map.getBounds().pad(0.1), min = least(map.getZoom()), n = 0;
                var placed = [];
                for (var i = 0; i < cities.length && n < 150; i++) {
                    var c = cities[i];
                    if (c[3] < min) { break; }
                    if (!view.contains([c[0], c[1]])) { continue; }
                    var pt = map.latLngToContainerPoint([c[0], c[1]]), clash = false;
                    for (var j = 0; j < placed.length && !clash; j++) {  // no overlaps
                        clash = Math.abs(placed[j].x - pt.x) < 70
                             && Math.abs(placed[j].y - pt.y) < 14;
                    }
                    if (clash) { continue; }
                    placed.push(pt);
                    var el = document.createElement("span");
                    el.appendChild(document.createElement("b"));
                    el.appendChild(document.createTextNode(c[2]));  // text, never HTML
                    L.marker([c[0], c[1]], {pane: "em-labels", interactive: false,
                        keyboard: false, icon: L.divIcon({className: "em-city",
                        html: el, iconSize: null, iconAnchor: [2, 6]})}).addTo(labels);
                    n++;
                }
            }
            map.on("moveend zoomend", draw);
            setTimeout(function () {
                map.eachLayer(function (l) {
                    if (l instanceof L.TileLayer) {
                        l.on("tileerror", function () {
                            if (!failed) { failed = true; draw(); }
                        });
                    }
                });
            }, 0);
            load({{ this.cities_url|tojson }}, function (d) { cities = d; draw(); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(
        self, url: str, provinces_url: str = "", cities_url: str = "", tiles: bool = True
    ) -> None:
        super().__init__()
        self._name = "Basemap"
        self.url = url
        self.provinces_url = provinces_url
        self.cities_url = cities_url
        self.tiles = tiles


class _Legend(MacroElement):
    """Colours and sizes, as a Leaflet control (HTML built from escaped text)."""

    position = "topright"

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (parent) {
            var legend = L.control({position: {{ this.position|tojson }}});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "em-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            if (parent instanceof L.Map) { legend.addTo(parent); return; }
            // on a layer the filters replace: the legend comes and goes with it
            function show() { if (parent._map) { legend.addTo(parent._map); } }
            parent.on("add", show);
            parent.on("remove", function () { legend.remove(); });
            show();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, types: list[str], scale: float = 3.0, cell: float | None = None) -> None:
        super().__init__()
        self._name = "Legend"
        rows = [
            f'<i style="width:10px;height:10px;background:{TYPE_COLOURS.get(t, OTHER_COLOUR)}">'
            f"</i>{esc(t or 'Unclassified')}"
            for t in types
        ]
        steps = (
            (1, 10, 50)
            if scale >= SCALE
            else tuple(
                k
                for k in (10, 100, 1000, 10_000, 100_000)
                if marker_radius(k, scale) <= GRID_MAX_RADIUS
            )[-3:]
        )
        sizes = " ".join(
            f'<i style="width:{2 * marker_radius(k, scale):.0f}px;'
            f'height:{2 * marker_radius(k, scale):.0f}px;border:1px solid #555"></i>{k:,}'
            for k in steps
        )
        grid = (
            ""
            if cell is None
            else f'<br><i style="width:12px;height:12px;background:{CELL_COLOUR}"></i>'
            f"grey: all events in a {cell:g}° cell (zoom in or filter to see each place)"
        )
        self.html = (
            # closed at first: open, it would cover the markers under it
            "<details><summary><b>Legend</b></summary>"
            + (
                "<b>Event type</b><br>" + "<br>".join(rows)
                if cell is None
                else "<b>Event types</b> (per cell, in the tooltip)"
            )
            + f"<br><b>Killed</b> (area)<br>{sizes}"
            + '<br><i style="width:12px;height:12px;border:1px solid #555"></i>'
            "outer ring: killed + injured"
            + '<br><i style="width:12px;height:12px;border:2px dashed #555"></i>'
            "dashed, fixed size: country/region only"
            + '<br><i style="width:12px;height:12px;border:2px solid #222"></i>'
            "dark ring: told by several reports" + grid + "</details>"
        )


class _Markers(MacroElement):
    """All markers as one compact JSON array and a loop: clustered (places a few
    pixels apart join a cluster with a count that fans out on click; needs
    Leaflet.markercluster, served by the app) or, for grid cells and standalone
    maps, circles on an SVG or canvas renderer.

    A folium ``CircleMarker`` per event costs about a kilobyte of generated
    script; this costs a few dozen bytes.  Tooltips are escaped HTML, and the
    array is embedded with ``tojson`` (which escapes ``<``, ``>`` and ``&``).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var d = {{ this.data|tojson }}, colours = {{ this.colours|tojson }};
            if ({{ this.cluster|tojson }} && typeof L.markerClusterGroup === "function") {
                // markers closer than a few pixels join a cluster with a count;
                // a click zooms in, and at the last zoom the cluster fans out
                var group = L.markerClusterGroup({maxClusterRadius: 24,
                    showCoverageOnHover: false, spiderfyOnMaxZoom: true,
                    spiderfyDistanceMultiplier: 1.6});
                for (var i = 0; i < d.length; i++) {
                    var x = d[i], c = colours[x[3]], size = 2 * x[2];
                    var css = "width:" + size + "px;height:" + size + "px;border-radius:50%;"
                        + "box-sizing:border-box;border:" + (x[4] ? "2px dashed " : "1px solid ")
                        + c + ";background:" + c + (x[4] ? "10" : "a6") + ";";
                    if (x[5]) {  // outer ring: killed + injured
                        css += "outline:1.2px solid " + c + ";outline-offset:"
                            + (x[5] - x[2]).toFixed(1) + "px;";
                    }
                    if (x[7]) {  // told by several reports: a dark ring
                        css += "box-shadow:0 0 0 2px #fff,0 0 0 3.5px #222;";
                    }
                    var icon = L.divIcon({className: "em-marker", iconSize: [size, size],
                        html: '<div style="' + css + '"></div>'});
                    group.addLayer(L.marker([x[0], x[1]], {icon: icon, keyboard: false})
                        .bindTooltip(x[6], {sticky: false}));
                }
                group.addTo(map);
                return;
            }
            var renderer = {{ "L.canvas({padding: 0.5})" if this.canvas else "L.svg()" }};
            for (var i = 0; i < d.length; i++) {
                var x = d[i], c = colours[x[3]], dash = x[4] ? "6 4" : null;
                if (x[5]) {
                    L.circleMarker([x[0], x[1]], {radius: x[5], color: c, weight: 1.2,
                        fill: false, opacity: 0.9, interactive: false, dashArray: dash,
                        renderer: renderer}).addTo(map);
                }
                if (x[7]) {  // told by several reports: a dark ring around the marker
                    L.circleMarker([x[0], x[1]], {radius: x[2] + 3, color: "#222", weight: 1.5,
                        fill: false, opacity: 0.8, interactive: false,
                        renderer: renderer}).addTo(map);
                }
                L.circleMarker([x[0], x[1]], {radius: x[2], color: c, fillColor: c,
                    fill: true, weight: x[4] ? 2 : 1, fillOpacity: x[4] ? 0.06 : 0.65,
                    dashArray: dash, renderer: renderer})
                  .bindTooltip(x[6], {sticky: false}).addTo(map);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(
        self, groups: list[MarkerGroup], scale: float, canvas: bool, cluster: bool = False
    ) -> None:
        super().__init__()
        self._name = "Markers"
        self.canvas = canvas
        self.cluster = cluster
        self.colours = [*TYPE_COLOURS.values(), OTHER_COLOUR, CELL_COLOUR]
        index = {t: i for i, t in enumerate(TYPE_COLOURS)}
        self.data = []
        for g in groups:
            colour = (
                len(TYPE_COLOURS) + 1
                if g.precision == "cell"
                else index.get(g.event_type, len(TYPE_COLOURS))
            )
            ring = marker_radius(g.killed + g.injured, scale) if g.injured else 0
            radius = marker_radius(g.killed, scale)
            if g.precision in COARSE:  # a point standing for a country: a fixed size, no ring
                radius, ring = COARSE_RADIUS, 0
            self.data.append(
                [
                    round(g.lat, 5),
                    round(g.lon, 5),
                    round(radius, 1),
                    colour,
                    int(g.precision in COARSE),
                    round(ring, 1),
                    g.tooltip(),
                    int(g.reports > g.events),
                ]
            )


def grid_groups(on_map: pd.DataFrame, limit: int = GRID_LIMIT) -> tuple[list[MarkerGroup], float]:
    """Events summed into grid cells, the finest grid with at most ``limit`` cells.

    Each cell is drawn at the mean position of its events; its counts are
    exact.  Returns the groups and the cell size in degrees.
    """
    pts = on_map[["lat", "lon"]].drop_duplicates().to_numpy()  # few distinct places
    for size in (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0):
        cells = np.floor(pts[:, 0] / size) * 100_000 + np.floor(pts[:, 1] / size)
        if len(np.unique(cells)) <= limit:
            break
    lat, lon = on_map["lat"].to_numpy(), on_map["lon"].to_numpy()
    cy = np.floor(lat / size).astype(np.int64)
    cx = np.floor(lon / size).astype(np.int64)
    cell = cy * 100_000 + cx
    df = on_map.assign(_cell=cell, _cy=cy, _cx=cx)
    agg = df.groupby("_cell", sort=False).agg(
        lat=("lat", "mean"),
        lon=("lon", "mean"),
        cy=("_cy", "first"),
        cx=("_cx", "first"),
        events=("lat", "size"),
        killed=("killed", "sum"),
        injured=("injured", "sum"),
        places=("place_key", "nunique"),
        first=("date", "min"),
        last=("date", "max"),
    )
    by_type = df.groupby(["_cell", "event_type"]).size().sort_values(ascending=False)
    breakdown: dict[int, list[str]] = {}
    for (c, t), n in by_type.items():
        breakdown.setdefault(c, []).append(f"{t or 'Unclassified'} {n}")
    agg = agg.sort_values(["killed", "events"], ascending=False, kind="stable")
    out = []
    for c, r in zip(agg.index, agg.itertuples(index=False), strict=True):
        out.append(
            MarkerGroup(
                f"cell:{r.cy * size:.4f},{r.cx * size:.4f},{size:g}",
                float(r.lat),
                float(r.lon),
                f"{r.places} places in a {size:g}° cell",
                "cell",
                "; ".join(breakdown[c]),
                int(r.events),
                int(r.killed),
                int(r.injured),
                _day(r.first),
                _day(r.last),
            )
        )
    return out, size


def _day(value: object) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def build_map(
    on_map: pd.DataFrame,
    *,
    assets: StaticAssets | None,
    tiles: bool = True,
    provinces: dict | None = None,
    province_metric: str = "events",
) -> folium.Map:
    """A folium map of ``on_map`` (rows that have a place and a date).

    Up to :data:`MARKER_LIMIT` markers (one per place and type) are drawn one
    by one, on a canvas beyond :data:`SVG_LIMIT`; past that the events are
    summed into grid cells, and the size scale shrinks so that the largest
    cell stays readable (the legend shows the scale in use).  ``assets``
    points folium at the app's own scripts (``None``: folium's CDN defaults,
    for a standalone HTML file).  ``provinces`` is a GeoJSON dict from
    :func:`geo.view.provinces.province_counts`, drawn as a choropleth of
    ``province_metric`` (``events`` or ``killed``).
    """
    m, layer = map_parts(
        on_map, assets=assets, tiles=tiles, provinces=provinces, province_metric=province_metric
    )
    layer.add_to(m)
    return m


def map_parts(
    on_map: pd.DataFrame,
    *,
    assets: StaticAssets | None,
    tiles: bool = True,
    provinces: dict | None = None,
    province_metric: str = "events",
    extent: pd.DataFrame | None = None,
) -> tuple[folium.Map, folium.FeatureGroup]:
    """The map in two parts: the base (basemap, tiles, legend, the first view
    fitted to ``extent``, default ``on_map``) and a layer of what the filters
    choose (markers, provinces).

    The dashboard hands the layer to ``st_folium(feature_group_to_add=...)``: as
    long as the base is the same, a filter change redraws the markers in place
    and the reader's zoom and pan stay. Arguments are those of :func:`build_map`.
    """
    groups = marker_groups(on_map) if len(on_map) <= 20 * MARKER_LIMIT else None
    cell = None
    if groups is None or len(groups) > MARKER_LIMIT:
        groups, cell = grid_groups(on_map)
    scale = SCALE
    if cell is not None and groups:
        scale = min(SCALE, GRID_MAX_RADIUS / math.sqrt(max(1, max(g.killed for g in groups))))
    m = folium.Map(location=[33.0, 44.0], zoom_start=5, tiles=None, control_scale=True)
    if assets is not None:
        m.default_js = list(assets.js)
        m.default_css = list(assets.css)
        _Basemap(assets.countries_url, assets.provinces_url, assets.cities_url, tiles).add_to(m)
    if tiles:
        folium.TileLayer("OpenStreetMap", error_tile_url=_BLANK_TILE).add_to(m)
    layer = folium.FeatureGroup(name="events", control=False)
    if provinces is not None:
        _choropleth(provinces, province_metric).add_to(layer)
        top = max((f["properties"][province_metric] for f in provinces["features"]), default=0)
        _ProvinceLegend(province_metric, top).add_to(layer)
    coarse = [g for g in groups if g.precision in COARSE]
    fine = [g for g in groups if g.precision not in COARSE]
    _Markers(
        coarse + fine,
        scale,
        canvas=len(groups) > SVG_LIMIT,
        cluster=cell is None and assets is not None,  # grid cells are already sums
    ).add_to(layer)
    types = sorted(
        {g.event_type for g in groups} if cell is None else set(on_map["event_type"].unique()),
        key=lambda t: EVENT_TYPES.index(t) if t in EVENT_TYPES else 99,
    )
    # on the layer: its sizes follow the data in view, and the base map stays the same
    _Legend(types, scale, cell).add_to(layer)
    view = extent if extent is not None else on_map
    view = view[view["lat"].notna() & view["lon"].notna()]
    if not view.empty:
        fine_rows = view[~view["geo_precision"].astype(str).isin(COARSE)]
        pts = fine_rows if not fine_rows.empty else view
        pad = 0.5
        m.fit_bounds(
            [
                [float(pts["lat"].min()) - pad, float(pts["lon"].min()) - pad],
                [float(pts["lat"].max()) + pad, float(pts["lon"].max()) + pad],
            ]
        )
    return m, layer


class _ProvinceLegend(MacroElement):
    """The province shading's scale, shown while its layer is on the map (it comes
    and goes with the layer, which filters replace): :class:`_Legend`'s control."""

    _template = _Legend._template
    position = "bottomright"

    def __init__(self, metric: str, top: int) -> None:
        super().__init__()
        self._name = "ProvinceLegend"
        what = "events" if metric == "events" else "killed"
        self.html = (
            f"<b>Provinces: {esc(what)} in view</b><br>"
            '<i style="display:inline-block;width:90px;height:10px;border-radius:0;'
            "background:linear-gradient(to right,rgba(179,0,0,.05),rgba(179,0,0,.65));"
            f'vertical-align:middle"></i> 0 – {int(top):,}'
        )


def _choropleth(provinces: dict, metric: str) -> folium.GeoJson:
    values = [f["properties"][metric] for f in provinces["features"]]
    top = max(values, default=0) or 1

    def style(feature: dict) -> dict:
        v = feature["properties"][metric]
        return {
            "fillColor": "#b30000",
            "fillOpacity": 0.05 + 0.6 * (v / top) if v else 0.0,
            "color": "#7a7a7a",
            "weight": 0.6,
        }

    return folium.GeoJson(
        provinces,
        name=f"{metric} per province",
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
    )


def selected_place(tooltip: str | None, on_map: pd.DataFrame) -> str | None:
    """The key of the clicked marker, read from its tooltip's text.

    st_folium returns the text of the clicked marker's tooltip; every tooltip
    ends with its key: a place's coordinates (which analysts also want to
    see) or a grid cell's ``cell:south,west,size``.  The last key in the text
    is taken, so a place name that looks like coordinates cannot redirect the
    click.

    >>> from geo.io.schema import rows_frame
    >>> df = rows_frame([{"latitude": "32.0259", "longitude": "44.3462"}])
    >>> selected_place("Najaf 2019-11-28 … 22 killed 32.0259,44.3462", df)
    '32.0259,44.3462'
    >>> selected_place("3 places in a 0.5° cell … cell:32.0000,44.0000,0.5", df)
    'cell:32.0000,44.0000,0.5'
    >>> selected_place(None, df) is None, selected_place("Najaf", df) is None
    (True, True)
    """
    if not tooltip or on_map.empty:
        return None
    keys = _KEY.findall(str(tooltip))
    if not keys:
        return None
    key = keys[-1]
    return key if not rows_at(key, on_map).empty else None


def rows_at(key: str, on_map: pd.DataFrame) -> pd.DataFrame:
    """The rows of a marker: a place's, or every row inside a grid cell."""
    if key.startswith("cell:"):
        lat0, lon0, size = (float(x) for x in key[5:].split(","))
        eps = 1e-9
        inside = (
            (on_map["lat"] >= lat0 - eps)
            & (on_map["lat"] < lat0 + size - eps)
            & (on_map["lon"] >= lon0 - eps)
            & (on_map["lon"] < lon0 + size - eps)
        )
        return on_map[inside]
    return on_map[on_map["place_key"] == key]
