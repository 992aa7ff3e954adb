"""The event map: a folium map of the events in view, and what a click selects.

One marker per location and event type.  A marker's *area* is proportional to
the killed there (a visible minimum when none), a thin outer ring's area to
killed plus injured, and its colour is the ACLED event type.  Country- and
region-level places are drawn dashed and almost empty, so they cannot be taken
for a city.  Reported totals are never drawn.  Every text is escaped
(:func:`geo.escape.esc`).  Scripts and styles come from the app itself
(:mod:`geo.assets`), the tiles from OpenStreetMap when they load, and under
them an outline basemap of Natural Earth countries that needs no network.

Example
-------
>>> from geo.table import rows_frame
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
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.assets import StaticAssets
from geo.escape import esc
from geo.models import EVENT_TYPES

#: Okabe–Ito colours (safe for colour-blind readers), by ACLED event type.
TYPE_COLOURS = dict(zip(
    EVENT_TYPES, ("#D55E00", "#0072B2", "#E69F00", "#CC79A7", "#222222", "#009E73"),
    strict=True))
OTHER_COLOUR = "#888888"
#: Pixels of radius for one killed; radius grows with the square root.
SCALE = 3.0
MIN_RADIUS = 4.0
#: Beyond this many markers, draw on a canvas instead of SVG.
SVG_LIMIT = 1000
COARSE = ("region", "country")
_KEY = re.compile(r"-?\d{1,2}\.\d{4},-?\d{1,3}\.\d{4}")
_BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


def marker_radius(killed: int) -> float:
    """Radius in pixels: area proportional to ``killed``, never below the minimum.

    >>> marker_radius(0) == MIN_RADIUS, marker_radius(1) == SCALE
    (True, False)
    """
    return max(MIN_RADIUS, SCALE * math.sqrt(max(0, killed)))


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

    def tooltip(self) -> str:
        """Date, place, killed and injured, as escaped HTML."""
        when = self.first if self.first == self.last else f"{self.first} – {self.last}"
        level = (f" <i>({esc(self.precision)}-level: no finer place given)</i>"
                 if self.precision in COARSE else "")
        n = f"{self.events} events, " if self.events > 1 else ""
        return (f"<b>{esc(self.name)}</b>{level}<br>{esc(when)}<br>"
                f"{esc(self.event_type or 'Unclassified')}: {n}"
                f"{self.killed} killed, {self.injured} injured"
                f'<br><span style="color:#777;font-size:10px">{esc(self.key)}</span>')


def marker_groups(on_map: pd.DataFrame) -> list[MarkerGroup]:
    """Group the drawable events by location and type, largest toll first."""
    if on_map.empty:
        return []
    g = on_map.groupby(["place_key", "event_type"], sort=False)
    agg = g.agg(lat=("lat", "first"), lon=("lon", "first"), name=("location", "first"),
                precision=("geo_precision", "first"), events=("row", "size"),
                killed=("killed", "sum"), injured=("injured", "sum"),
                first=("event_date", "min"), last=("event_date", "max")).reset_index()
    agg = agg.sort_values(["killed", "events"], ascending=False, kind="stable")
    return [MarkerGroup(r.place_key, float(r.lat), float(r.lon), r.name, r.precision,
                        r.event_type, int(r.events), int(r.killed), int(r.injured),
                        r.first, r.last) for r in agg.itertuples(index=False)]


class _Basemap(MacroElement):
    """Natural Earth country outlines under the tiles, fetched from the app."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>.leaflet-container{background:#dbe7f0}
        .em-legend{background:#fff;padding:6px 8px;border-radius:4px;font:12px/1.4 sans-serif;
        box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:210px;font-size:11px;opacity:.92}
        .em-legend i{display:inline-block;border-radius:50%;vertical-align:middle;margin-right:4px}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            var pane = map.createPane("em-basemap");
            pane.style.zIndex = 150; pane.style.pointerEvents = "none";
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })
              .then(function (d) {
                L.geoJSON(d, {pane: "em-basemap", interactive: false,
                  style: {color: "#9a9a9a", weight: 0.8, fillColor: "#f4f1ea",
                          fillOpacity: 1}}).addTo(map);
              }).catch(function (e) { console.warn("basemap", e); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "Basemap"
        self.url = url


class _Legend(MacroElement):
    """Colours and sizes, as a Leaflet control (HTML built from escaped text)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "em-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, types: list[str]) -> None:
        super().__init__()
        self._name = "Legend"
        rows = [f'<i style="width:10px;height:10px;background:{TYPE_COLOURS.get(t, OTHER_COLOUR)}">'
                f"</i>{esc(t or 'Unclassified')}" for t in types]
        sizes = " ".join(
            f'<i style="width:{2 * marker_radius(k):.0f}px;height:{2 * marker_radius(k):.0f}px;'
            f'border:1px solid #555"></i>{k}' for k in (1, 10, 50))
        self.html = (
            "<details open><summary><b>Legend</b></summary>"
            "<b>Event type</b><br>" + "<br>".join(rows)
            + f"<br><b>Killed</b> (area)<br>{sizes}"
            + '<br><i style="width:12px;height:12px;border:1px solid #555"></i>'
              "outer ring: killed + injured"
            + '<br><i style="width:12px;height:12px;border:2px dashed #555"></i>'
              "dashed: country/region only</details>")


def build_map(on_map: pd.DataFrame, *, assets: StaticAssets | None,
              tiles: bool = True, provinces: dict | None = None,
              province_metric: str = "events") -> folium.Map:
    """A folium map of ``on_map`` (rows that have a place and a date).

    ``assets`` points folium at the app's own scripts (``None``: folium's CDN
    defaults, for a standalone HTML file).  ``provinces`` is a GeoJSON dict
    from :func:`geo.provinces.province_counts`, drawn as a choropleth of
    ``province_metric`` (``events`` or ``killed``).
    """
    groups = marker_groups(on_map)
    m = folium.Map(location=[33.0, 44.0], zoom_start=5, tiles=None,
                   prefer_canvas=len(groups) > SVG_LIMIT, control_scale=True)
    if assets is not None:
        m.default_js = list(assets.js)
        m.default_css = list(assets.css)
        _Basemap(assets.countries_url).add_to(m)
    if tiles:
        folium.TileLayer("OpenStreetMap", error_tile_url=_BLANK_TILE).add_to(m)
    if provinces is not None:
        _choropleth(provinces, province_metric).add_to(m)
    coarse = [g for g in groups if g.precision in COARSE]
    fine = [g for g in groups if g.precision not in COARSE]
    for g in coarse + fine:
        colour = TYPE_COLOURS.get(g.event_type, OTHER_COLOUR)
        if g.injured:
            ring = folium.CircleMarker(
                [g.lat, g.lon], radius=marker_radius(g.killed + g.injured), color=colour,
                weight=1.2, fill=False, opacity=0.9,
                dash_array="6 4" if g.precision in COARSE else None,
            )
            ring.options["interactive"] = False     # clicks go to the marker inside
            ring.add_to(m)
        if g.precision in COARSE:
            style = {"weight": 2, "dash_array": "6 4", "fill_opacity": 0.06}
        else:
            style = {"weight": 1, "fill_opacity": 0.65}
        folium.CircleMarker(
            [g.lat, g.lon], radius=marker_radius(g.killed), color=colour, fill=True,
            fill_color=colour, tooltip=folium.Tooltip(g.tooltip(), sticky=False), **style,
        ).add_to(m)
    _Legend(sorted({g.event_type for g in groups},
                   key=lambda t: EVENT_TYPES.index(t) if t in EVENT_TYPES else 99)).add_to(m)
    if groups:
        lats = [g.lat for g in fine] or [g.lat for g in groups]
        lons = [g.lon for g in fine] or [g.lon for g in groups]
        pad = 0.5
        m.fit_bounds([[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]])
    return m


def _choropleth(provinces: dict, metric: str) -> folium.GeoJson:
    values = [f["properties"][metric] for f in provinces["features"]]
    top = max(values, default=0) or 1

    def style(feature: dict) -> dict:
        v = feature["properties"][metric]
        return {"fillColor": "#b30000", "fillOpacity": 0.05 + 0.6 * (v / top) if v else 0.0,
                "color": "#7a7a7a", "weight": 0.6}

    return folium.GeoJson(
        provinces, name=f"{metric} per province", style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
    )


def selected_place(tooltip: str | None, on_map: pd.DataFrame) -> str | None:
    """The place key of the clicked marker, read from its tooltip's text.

    st_folium returns the text of the clicked marker's tooltip; every tooltip
    ends with its place key (the coordinates, which analysts also want to
    see).  The last key in the text is taken, so a place name that looks like
    coordinates cannot redirect the click.

    >>> from geo.table import rows_frame
    >>> df = rows_frame([{"latitude": "32.0259", "longitude": "44.3462"}])
    >>> selected_place("Najaf 2019-11-28 … 22 killed 32.0259,44.3462", df)
    '32.0259,44.3462'
    >>> selected_place(None, df) is None, selected_place("Najaf", df) is None
    (True, True)
    """
    if not tooltip or on_map.empty:
        return None
    keys = _KEY.findall(str(tooltip))
    if not keys or not on_map["place_key"].eq(keys[-1]).any():
        return None
    return keys[-1]
