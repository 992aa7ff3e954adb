"""The optional online fallback: OpenStreetMap's Nominatim, for places the
gazetteer does not know (villages, districts, hills).

Off unless the user turns it on (``--online`` on the command line, a switch in
the dashboard); the tests never reach the internet. When on:

* geopy's :class:`~geopy.geocoders.Nominatim`, behind geopy's
  :class:`~geopy.extra.rate_limiter.RateLimiter` at one request a second, as
  Nominatim's usage policy asks, with this project's user agent
  (``$GEO_NOMINATIM_USER_AGENT`` overrides it), on the public server or the
  one ``$GEO_NOMINATIM_URL`` names;
* each answer, found or not, kept in a SQLite file in the cache directory
  (``$GEO_CACHE_DIR``, default ``~/.cache/geo-eventmap``), so a name is asked
  once per set of countries; a failed request is not kept, and is asked again;
* a lookup is restricted to the countries the document is about.

Example
-------
>>> online = OnlineLookup(cache_dir="/tmp/geo-cache")               # doctest: +SKIP
>>> online.lookup("Sulayman Bak", ("IQ",)).precision                # doctest: +SKIP
'city'
"""

from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import threading
import time
from collections import deque
from pathlib import Path
from urllib.parse import urlparse

from geopy.adapters import URLLibAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geo.gazetteer import Entry, default_cache_dir, normalize

log = logging.getLogger("geo")

#: The public server; ``$GEO_NOMINATIM_URL`` points elsewhere (a self-hosted one).
DEFAULT_URL = "https://nominatim.openstreetmap.org"
USER_AGENT = "geo-eventmap/1.0 (offline-first event map; Nominatim fallback at 1 request/s)"

#: Nominatim's ``addresstype`` → our kind of place (and so its precision).
ADDRESS_KINDS = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "state_district": "admin1",
    "county": "admin2",
    "district": "admin2",
    "municipality": "admin2",
    "city": "city",
    "town": "city",
    "village": "city",
    "hamlet": "city",
    "suburb": "city",
    "quarter": "city",
    "neighbourhood": "city",
    "city_district": "city",
    "isolated_dwelling": "city",
    "locality": "city",
}


#: OpenStreetMap classes of features that cover an area or a line, not a point:
#: mountains, rivers, deserts are regions, never sites.
_AREA_CLASSES = ("natural", "waterway", "water", "boundary", "landuse")


#: Largest Nominatim answer read, in bytes, and the longest a request may take in
#: all (a server that sends a byte every few seconds never trips a socket timeout).
MAX_ANSWER_BYTES = 1_000_000
MAX_ANSWER_SECONDS = 30.0


class BoundedAdapter(URLLibAdapter):
    """geopy's urllib adapter with a cap on the answer's size and on the time to read it."""

    max_bytes = MAX_ANSWER_BYTES
    max_seconds = MAX_ANSWER_SECONDS

    def _decode_page(self, page: object) -> str:
        start = time.monotonic()
        encoding = page.headers.get_content_charset() or "utf-8"  # type: ignore[attr-defined]
        read = getattr(page, "read1", None) or page.read  # type: ignore[attr-defined]
        chunks, size = [], 0
        while True:
            try:
                chunk = read(65536)
            except Exception as err:
                raise GeocoderServiceError(f"unable to read the answer ({err})") from None
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise GeocoderParseError(f"answer over {self.max_bytes:,} bytes; not read")
            if time.monotonic() - start > self.max_seconds:
                raise GeocoderTimedOut(f"answer took over {self.max_seconds:.0f} s; not read")
            chunks.append(chunk)
        try:
            return b"".join(chunks).decode(encoding)
        except ValueError:
            raise GeocoderParseError("unable to decode the answer") from None


def entry_from_nominatim(raw: dict) -> Entry:
    """A gazetteer entry for one Nominatim answer (``format=json``, with address
    details): settlements are cities, divisions regions, natural features
    (mountains, rivers, deserts) regions, and the rest (bridges, bases) sites.

    >>> e = entry_from_nominatim({"osm_type": "node", "osm_id": 1, "lat": "35.1",
    ...     "lon": "44.4", "name": "Sulayman Bak", "addresstype": "town",
    ...     "display_name": "Sulayman Bak, Tuz, Saladin, Iraq",
    ...     "address": {"country_code": "iq", "state": "Saladin"}})
    >>> (e.gazetteer_id, e.name, e.kind, e.country_code, e.admin1)
    ('osm:node:1', 'Sulayman Bak', 'city', 'IQ', 'Saladin')
    """
    address = raw.get("address") or {}
    name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0].strip()
    lat, lon = float(raw["lat"]), float(raw["lon"])
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates {raw['lat']!r}, {raw['lon']!r} are not on the globe")
    return Entry(
        gazetteer_id=f"osm:{raw.get('osm_type', '')}:{raw.get('osm_id', '')}",
        name=name,
        latitude=lat,
        longitude=lon,
        kind=ADDRESS_KINDS.get(str(raw.get("addresstype", "")))
        or ("region" if raw.get("class") in _AREA_CLASSES else "site"),
        country_code=str(address.get("country_code", "")).upper(),
        admin1=str(address.get("state") or address.get("province") or ""),
        population=0,
    )


class OnlineLookup:
    """Nominatim at one request a second, with an answer cache on disk.

    ``domain`` and ``scheme`` (or ``$GEO_NOMINATIM_URL``) point it at another
    Nominatim server: a self-hosted one, or the tests' stand-in on the loopback
    address.
    """

    def __init__(
        self,
        *,
        cache_dir: str | Path | None = None,
        domain: str | None = None,
        scheme: str | None = None,
        user_agent: str | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
    ) -> None:
        server = urlparse(os.environ.get("GEO_NOMINATIM_URL") or DEFAULT_URL)
        domain = domain or server.netloc
        scheme = scheme or server.scheme or "https"

        cache = Path(cache_dir) if cache_dir else default_cache_dir()
        cache.mkdir(parents=True, exist_ok=True)
        self.cache_path = cache / "nominatim.sqlite"
        self.domain = domain
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.cache_path, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (domain TEXT, query TEXT, "
            "countries TEXT, answer TEXT, PRIMARY KEY (domain, query, countries))"
        )
        self._db.commit()
        nominatim = Nominatim(
            user_agent=user_agent or os.environ.get("GEO_NOMINATIM_USER_AGENT") or USER_AGENT,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            adapter_factory=BoundedAdapter,
        )
        # errors raise (not swallowed into "not found", which would be cached)
        self.limiter = RateLimiter(
            nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=1,
            error_wait_seconds=min_delay_seconds * 2,
            swallow_exceptions=False,
        )
        #: Requests sent (cached answers are not counted).
        self.requests = 0
        #: The latest failures, in words naming the place: the dashboard shows them.
        self.failures: deque[str] = deque(maxlen=50)

    def lookup(self, name: str, country_codes: tuple[str, ...] = ()) -> Entry | None:
        """The place Nominatim gives for ``name`` within ``country_codes``, or ``None``."""
        query = normalize(name)
        countries = ",".join(sorted(c.lower() for c in country_codes))
        key = (self.domain, query, countries)
        with self._lock:
            row = self._db.execute(
                "SELECT answer FROM answers WHERE domain=? AND query=? AND countries=?", key
            ).fetchone()
            if row is None:
                self.requests += 1
                try:
                    loc = self.limiter(
                        name,
                        exactly_one=True,
                        addressdetails=True,
                        country_codes=countries.split(",") if countries else None,
                    )
                except (GeopyError, ValueError) as err:  # ValueError: a point off the globe
                    log.warning("Nominatim lookup of %r failed (%s); not cached", name, err)
                    self.failures.append(f"looking up {name!r} online failed: {err}")
                    return None
                answer = json.dumps(loc.raw if loc is not None else None)
                self._db.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", (*key, answer)
                )
                self._db.commit()
            else:
                answer = row[0]
        raw = json.loads(answer)
        try:
            return entry_from_nominatim(raw) if raw else None
        except (KeyError, TypeError, ValueError) as err:
            log.warning("Nominatim answer for %r unreadable (%s)", name, err)
            self.failures.append(f"the online answer for {name!r} was unreadable: {err}")
            return None

    def close(self) -> None:
        """Close the cache file."""
        self._db.close()
