"""Words of English news writing the extractor reads by: one table each, defined once.

Every stage takes its words from here (numbers, months, weekdays, the words
around place names, waters and landforms, country aliases). A table is a
``frozenset`` or a read-only mapping, so no stage can change another's words.
To teach the extractor a word, add it to the table whose comment fits.

Example
-------
>>> CARDINALS["twelve"], FIGURE_WORDS["a dozen"], VAGUE_FIGURES["dozens of"]
(12, 12, 12)
>>> MONTHS["sept"], WEEKDAYS["friday"]
(9, 4)
>>> "gulf" in WATERS and "gulf" in STOP_WORDS
True
"""

from __future__ import annotations

import calendar
from types import MappingProxyType

# -- numbers -------------------------------------------------------------------------

#: Number words (cardinals) and their values.
CARDINALS = MappingProxyType(
    {
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
#: Words that give an exact figure in a toll: the cardinals, articles ("a soldier"),
#: "no", and round quantities ("a dozen", "a couple of").
FIGURE_WORDS = MappingProxyType(
    dict(CARDINALS)
    | {
        "no": 0,
        "a": 1,
        "an": 1,
        "single": 1,
        "dozen": 12,
        "a dozen": 12,
        "couple": 2,
        "a couple of": 2,
        "hundred": 100,
        "a hundred": 100,
        "thousand": 1000,
        "a thousand": 1000,
    }
)
#: Vague figures and the number ACLED's codebook codes them as (an estimate): "several"
#: and "many" are 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000.
VAGUE_FIGURES = MappingProxyType(
    {
        "several": 10,
        "many": 10,
        "scores": 20,
        "numerous": 10,
        "dozens": 12,
        "dozens of": 12,
        "hundreds": 100,
        "hundreds of": 100,
        "thousands": 1000,
        "thousands of": 1000,
        "a number of": 10,
        "some": 10,
    }
)

#: "33 of the killed", "of the wounded": part of a toll told before, not a new one.
PART_OF_A_TOLL = r"of\s+the\s+(?:killed|dead|victims|wounded|injured)\b"

# -- the calendar ----------------------------------------------------------------------

#: Month names and abbreviations (lower case) → month number.
MONTHS = MappingProxyType(
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
#: A regular expression for a month name as news writes it ("Sept.", "December").
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
MONTH_PATTERN = rf"(?P<month>{_MONTH_NAMES})\.?"
#: The same without a group name, to use more than once in one pattern.
MONTH_NAME = rf"(?:{_MONTH_NAMES})\.?"
#: Weekday names (lower case) → Monday 0 … Sunday 6.
WEEKDAYS = MappingProxyType({name.lower(): i for i, name in enumerate(calendar.day_name)})
#: Words that put a date in a clause about another time than the sentence's event:
#: the cause the event answers ("over the assault … on the previous day", "in protest
#: of the abduction … on 29 January"), what it demands or the plan it serves
#: ("demanding bonuses by June 10", "the blockade announced for 6-8 January", "ahead
#: of the 5 May election"), the wider campaign it was part of ("during their blockade
#: on 8-9 November"), an earlier event it followed ("following an attack on the
#: previous day"), or when a state began ("since 2018"). English news tells the
#: event's own date first, in the main clause ("On 5 May, …"): a later date after one
#: of these words in the same clause is not an event's.
OTHER_TIME_MARKERS = (
    # not "against": it tells an attack's target as often ("operations against the
    # PKK on June 14")
    *("over", "in protest of", "in protest against", "in response to"),
    *("demanding", "demanded", "urging", "calling for", "called for", "announced"),
    *("scheduled", "planned", "slated", "due", "deadline", "ahead of", "since"),
    *("called", "during", "amid", "following"),
)

# -- the whole country -----------------------------------------------------------------

#: Phrases that put a figure over the whole country (a tally, never one incident).
WHOLE_COUNTRY = r"(?:across|throughout)\s+the\s+country|nationwide|countrywide"

# -- words around place names ----------------------------------------------------------

#: Compass words, bare and as adjectives.
DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})
#: A direction as a region's words tell it ("south", "north-east", "southwest").
DIRECTION_PATTERN = (
    r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
)
#: What follows the first town of a road named by the towns it joins: the
#: others and the road word ("Eldoret|-Kitale road", "Nairobi|-Mombasa Highway").
ROAD_AFTER_TOWN = (
    r"(?:-[A-Z][a-z][\w'’]*)+\s+(?:[Rr]oad|[Hh]ighway|[Ee]xpressway|[Mm]otorway|"
    r"[Rr]ailway|[Bb]ypass)\b"
)
DIRECTION_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western"})
#: Lower-case words that may join the words of one name ("Dar es Salaam", "Bin Jawad").
NAME_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "upon",
        "on",
        "du",
        "da",
        "des",
        "dos",
        "le",
        "the",
        "es",
        "ul",
        "am",
        "an",
        "der",
    }
)
#: Titles and kinship words before a person's name ("President", "Sheikh", "Abu").
PERSON_TITLES = frozenset(
    {
        "president",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "ayatollah",
        "sheikh",
        "shaikh",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "imam",
        "sayyid",
        "lt",
        "col",
        "colonel",
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "judge",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "mayor",
        "bishop",
        "pope",
        "rev",
        "father",
        "sir",
        "lord",
        "lady",
        "saint",
        "commander",
        "chief",
        "spokesman",
        "spokeswoman",
        "secretary",
        "ambassador",
        "cleric",
        "leader",
        "deputy",
        "officer",
        "coach",
        "dear",
        "prof",
        "professor",
        "brother",
        "sister",
        "uncle",
        "mother",
        "son",
        "daughter",
        "wife",
        "husband",
        "mullah",
        "hajji",
        "haji",
        "emir",
        "sultan",
        "sayed",
        "sayyed",
        "abu",
        "umm",
    }
)
#: Bodies of water named after the land beside them ("Persian Gulf", "Indian Ocean").
WATERS = frozenset({"ocean", "sea", "gulf", "bay", "strait", "straits"})
#: Landforms named after a place ("Badush mountains"): the whole name is the place.
LANDFORMS = frozenset(
    {
        "mountains",
        "mountain",
        "hill",
        "hills",
        "desert",
        "valley",
        "plains",
        "plain",
        "river",
        "lake",
        "island",
        "forest",
    }
)
#: Landforms after a name that still locate an event on land ("Sinjar mountains").
LAND_LANDFORMS = frozenset({"mountains", "mountain", "desert", "forest"})
#: Organisations whose names gazetteers also carry as places: armed groups, parties
#: and aid bodies as ACLED's actor lists and news name them (GeoNames has a Shabāb in
#: Iran, a Jubilee in Canada, a Red Cross in the United States). Folded, without a
#: leading article ("al-Shabaab" → "shabaab").
NAMES_OF_GROUPS = frozenset(
    {
        *("shabaab", "shabab", "hezbollah", "hizbollah", "hamas", "taliban", "houthi"),
        *("houthis", "huthi", "boko haram", "mungiki", "jubilee", "red cross"),
        "red crescent",
    }
)
#: Words after a place name that make it part of the name of something else: a
#: newspaper, a school, a street, a company, a party, a force, a treaty ("Basra Oil
#: Company", "Sadr Movement", "Quds Force"), or a landform or water.
NAME_OF_SOMETHING_ELSE = frozenset(
    {
        "river",
        "times",
        "post",
        "news",
        "herald",
        "tribune",
        "journal",
        "university",
        "college",
        "school",
        "street",
        "road",
        "avenue",
        "hotel",
        "hospital",
        "airlines",
        "airways",
        "fc",
        "united",
        "rovers",
        "stadium",
        "bank",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "institute",
        "foundation",
        "party",
        "movement",
        "force",
        "forces",
        "brigade",
        "brigades",
        "army",
        "police",
        "club",
        "church",
        "mosque",
        "bridge",
        "park",
        "mall",
        "square",
        "center",
        "centre",
        "tower",
        "prize",
        "award",
        "agreement",
        "accord",
        "accords",
        "declaration",
        "treaty",
        "convention",
        "protocol",
        "summit",
        "conference",
        "committee",
        "council",
        "commission",
        "revolution",
        "boulevard",
        "lane",
        "drive",
        "mountains",
        "mountain",
        "desert",
        "lake",
        "valley",
        "sea",
        "ocean",
        "gulf",
        "bay",
    }
)
#: A preposition of place right before a name ("outside the", "in front of"), as a
#: pattern to search at the end of the text before it.
PLACE_PREPOSITION_BEFORE = (
    r"\b(?:at|in|on|outside|inside|near|in\s+front\s+of|opposite|before|towards?|into)\s+"
    r"(?:the\s+)?$"
)
#: Buildings and grounds often named after their town ("Larkana Press Club",
#: "Sambalpur University"): after a preposition of place the town is where it is.
FACILITY_NOUNS = frozenset(
    {
        "press",
        "club",
        "university",
        "college",
        "school",
        "hospital",
        "stadium",
        "mosque",
        "church",
        "temple",
        "bridge",
        "square",
        "park",
        "mall",
        "market",
        "bazar",
        "bazaar",
        "chowk",
        "airport",
        "station",
        "campus",
        "collectorate",
        "secretariat",
        "cantonment",
        "jail",
        "prison",
        "court",
        "road",
        "highway",
        "street",
        # a town's central business district ("Nairobi CBD")
        "cbd",
    }
)
#: Local bodies and buildings named after their town ("the Hyderabad Press Club",
#: "Ludhiana Municipal Corporation", "Delhi Police", "PTI Landi Kotal chapter",
#: "the Thalang police station"): a rule of how news names local things, the town is
#: where they are, and where the event was when the sentence names no other place.
#: Newspapers ("Dhaka Tribune"), parties, companies and armed forces are not here:
#: they are named after a town without being in it.
LOCAL_BODIES = FACILITY_NOUNS | frozenset(
    {
        "corporation",
        "municipal",
        "municipality",
        "metropolitan",
        "police",
        "bar",
        "chapter",
        "unit",
        "branch",
        "parishad",
        "panchayat",
        "council",
        "hotel",
        "zila",
        "zilla",
    }
)
#: Words before "of" that locate ("east of Amerli", "the outskirts of Abu Saida").
OF_WHERE = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "outskirts",
        "vicinity",
        "suburbs",
        "center",
        "centre",
        "heart",
    }
)
#: Words before a name that tell it is a place ("in", "near", "reached", "town").
LOCATIVES = frozenset(
    {
        "in",
        "to",
        "at",
        "near",
        "from",
        "into",
        "outside",
        "inside",
        "around",
        "across",
        "toward",
        "towards",
        "through",
        "reached",
        "entered",
        "city",
        "town",
    }
)
#: Nouns a country name modifies rather than locates ("US forces", "Iraq issue").
MODIFIED_NOUNS = frozenset(
    {
        "forces",
        "force",
        "troops",
        "military",
        "government",
        "officials",
        "official",
        "embassy",
        "consulate",
        "army",
        "police",
        "drone",
        "drones",
        "president",
        "authorities",
        "soldiers",
        "soldier",
        "personnel",
        "issue",
        "people",
        "regime",
        "ministry",
        "media",
        "citizens",
        "nationals",
        "diplomats",
        "contractor",
        "contractors",
        "navy",
        "air",
        "security",
        "intelligence",
        "state",
        "officers",
        "envoy",
        "delegation",
        "team",
        "side",
        "leaders",
        "leader",
        "parliament",
        "economy",
        "market",
        "markets",
        "prime",
    }
)
#: Words after a name that tell its kind of place ("Anbar province", "Sadr City").
PLACE_SUFFIXES = frozenset(
    {
        "province",
        "governorate",
        "state",
        "region",
        "district",
        "county",
        "city",
        "town",
        "village",
        "area",
        "municipality",
        "oblast",
        "prefecture",
        # second- and third-level divisions of South Asia and Myanmar, as the news
        # there names them ("Chakaria upazila", "Bara tehsil", "Kamaing township")
        "upazila",
        "tehsil",
        "taluk",
        "taluka",
        "township",
        "subdistrict",
        "sub-district",
        # a district's headquarters subdivision, named after its town ("Kurigram
        # Sadar upazila", "Jessore Sadar")
        "sadar",
    }
)
#: Division words used by one country's (or two neighbours') administration only:
#: a text that uses them is about that country, whatever namesakes its places have
#: elsewhere ("Tajpur in Osmaninagar upazila" is in Bangladesh). Sources: the
#: countries' own administrative units (Bangladesh's upazilas and union parishads,
#: Pakistan's and India's tehsils, India's taluks and mandals, Nepal's village
#: development committees, Nigeria's local government areas, the Philippines'
#: barangays, Pakistan's tribal agencies).
DIVISION_WORD_COUNTRIES = MappingProxyType(
    {
        "upazila": ("BD",),
        "upazilla": ("BD",),
        "union parishad": ("BD",),
        "tehsil": ("PK", "IN"),
        "taluk": ("IN",),
        "taluka": ("IN", "PK"),
        "mandal": ("IN",),
        "village development committee": ("NP",),
        "local government area": ("NG",),
        "barangay": ("PH",),
        "tribal agency": ("PK",),
        "federally administered tribal areas": ("PK",),
    }
)
#: The suffixes that make a settlement.
SETTLEMENTS = frozenset({"city", "town", "village"})
#: First words of a name that make it a place whatever the words around it
#: ("rockets hit Camp Taji", "Fort Hood", "Mount Sinjar").
PLACE_PREFIXES = frozenset({"camp", "fort", "mount"})
#: Generic words of landforms and waters: not the place they name alone ("the Bay of
#: Bengal" is not Somalia's Bay region, "the Gulf" not Papua New Guinea's Gulf province).
GEOGRAPHIC_GENERICS = frozenset(
    {
        "bay",
        "gulf",
        "sea",
        "ocean",
        "strait",
        "straits",
        "lake",
        "river",
        "cape",
        "coast",
        "island",
        "islands",
        "peninsula",
        "desert",
        "valley",
        "mount",
        "mountains",
    }
)
#: Capitalised words that are never a place on their own: dates, function words,
#: titles, religions, bodies of state, media, diseases, compass and size words.
STOP_WORDS = frozenset(
    {name.lower() for name in calendar.month_name if name}
    | set(WEEKDAYS)
    | DIRECTIONS
    | DIRECTION_ADJECTIVES
    | GEOGRAPHIC_GENERICS
    | {
        "god",
        "allah",
        "islam",
        "islamic",
        "muslim",
        "the",
        "a",
        "an",
        "this",
        "that",
        "but",
        "and",
        "or",
        "in",
        "on",
        "at",
        "of",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "mr",
        "mrs",
        "ms",
        "dr",
        "said",
        "according",
        "also",
        "however",
        "president",
        "prime",
        "minister",
        "government",
        "state",
        "city",
        "capital",
        "new",
        "old",
        "great",
        "little",
        "upper",
        "lower",
        "saint",
        "san",
        "santa",
        "university",
        "army",
        "police",
        "regime",
        "republic",
        "kingdom",
        "union",
        "twitter",
        "facebook",
        "reuters",
        "associated",
        "press",
        "television",
        "radio",
        "ebola",
        "zika",
        "covid",
        "sars",
        "mers",
        "aids",
        "hiv",
        "h1n1",
        "flu",
        "cholera",
        "parliament",
        "congress",
        "senate",
        "white",
        "house",
        "pentagon",
    }
)

# -- countries ---------------------------------------------------------------------------

#: Short, former and common names of countries that GeoNames' names miss.
COUNTRY_ALIASES = MappingProxyType(
    {
        "US": frozenset(
            {
                "U.S.",
                "USA",
                "U.S.A.",
                "America",
                "United States of America",
                "US",
                "the United States",
                "the US",
            }
        ),
        # England, Scotland, Wales and Northern Ireland are the UK's divisions
        # (GeoNames' first-level ones), not other names of the UK
        "GB": frozenset({"UK", "U.K.", "Britain", "Great Britain"}),
        "AE": frozenset({"UAE", "U.A.E.", "Emirates"}),
        "KR": frozenset({"South Korea", "Korea"}),
        "KP": frozenset({"North Korea"}),
        "RU": frozenset({"Russia", "Russian Federation"}),
        "IR": frozenset({"Iran", "Persia"}),
        "SY": frozenset({"Syria"}),
        "CD": frozenset({"DR Congo", "DRC", "Democratic Republic of Congo"}),
        "CI": frozenset({"Ivory Coast", "Cote d'Ivoire"}),
        "MM": frozenset({"Myanmar", "Burma"}),
        "CZ": frozenset({"Czech Republic", "Czechia"}),
        "PS": frozenset({"Palestine", "Palestinian Territories"}),
        "VA": frozenset({"Vatican"}),
        "TW": frozenset({"Taiwan"}),
        "VN": frozenset({"Vietnam"}),
        "LA": frozenset({"Laos"}),
        # former and other common names
        "MK": frozenset({"Macedonia", "North Macedonia"}),
        "SZ": frozenset({"Swaziland", "Eswatini"}),
        "TL": frozenset({"East Timor", "Timor-Leste"}),
        "CV": frozenset({"Cape Verde"}),
        "NL": frozenset({"Holland", "the Netherlands"}),
        "BA": frozenset({"Bosnia", "Bosnia-Herzegovina"}),
        "CG": frozenset({"Republic of Congo", "Congo-Brazzaville"}),
        "TR": frozenset({"Turkiye", "Türkiye"}),
        "SA": frozenset({"KSA"}),
        "XK": frozenset({"Kosovo"}),
        "GM": frozenset({"Gambia", "The Gambia"}),
        "BS": frozenset({"Bahamas", "The Bahamas"}),
    }
)

#: Abbreviations of US states (the AP Stylebook's, used in US datelines and copy:
#: "GLASGOW, Ky.", "Springfield, Mass.") and of Canadian provinces (The Canadian
#: Press's: "Surrey, B.C."), without their final period, with the division each
#: names. Read only with their periods (a dotted one also spaced: "W. Va.") and,
#: for one-word forms that are also words ("Mass.", "Wash.", "Miss."), only after a
#: place and a comma.
STATE_ABBREVIATIONS = MappingProxyType(
    {
        "Ala": ("US", "Alabama"),
        "Ariz": ("US", "Arizona"),
        "Ark": ("US", "Arkansas"),
        "Calif": ("US", "California"),
        "Colo": ("US", "Colorado"),
        "Conn": ("US", "Connecticut"),
        "Del": ("US", "Delaware"),
        "Fla": ("US", "Florida"),
        "Ga": ("US", "Georgia"),
        "Ill": ("US", "Illinois"),
        "Ind": ("US", "Indiana"),
        "Kan": ("US", "Kansas"),
        "Kans": ("US", "Kansas"),
        "Ky": ("US", "Kentucky"),
        "La": ("US", "Louisiana"),
        "Md": ("US", "Maryland"),
        "Mass": ("US", "Massachusetts"),
        "Mich": ("US", "Michigan"),
        "Minn": ("US", "Minnesota"),
        "Miss": ("US", "Mississippi"),
        "Mo": ("US", "Missouri"),
        "Mont": ("US", "Montana"),
        "Neb": ("US", "Nebraska"),
        "Nev": ("US", "Nevada"),
        "N.H": ("US", "New Hampshire"),
        "N.J": ("US", "New Jersey"),
        "N.M": ("US", "New Mexico"),
        "N.Y": ("US", "New York"),
        "N.C": ("US", "North Carolina"),
        "N.D": ("US", "North Dakota"),
        "Okla": ("US", "Oklahoma"),
        "Ore": ("US", "Oregon"),
        "Pa": ("US", "Pennsylvania"),
        "R.I": ("US", "Rhode Island"),
        "S.C": ("US", "South Carolina"),
        "S.D": ("US", "South Dakota"),
        "Tenn": ("US", "Tennessee"),
        "Tex": ("US", "Texas"),
        "Vt": ("US", "Vermont"),
        "Va": ("US", "Virginia"),
        "Wash": ("US", "Washington"),
        "W.Va": ("US", "West Virginia"),
        "Wis": ("US", "Wisconsin"),
        "Wyo": ("US", "Wyoming"),
        "D.C": ("US", "District of Columbia"),
        "B.C": ("CA", "British Columbia"),
        "Alta": ("CA", "Alberta"),
        "Sask": ("CA", "Saskatchewan"),
        "Man": ("CA", "Manitoba"),
        "Ont": ("CA", "Ontario"),
        "Que": ("CA", "Quebec"),
        "N.S": ("CA", "Nova Scotia"),
        "N.B": ("CA", "New Brunswick"),
        "P.E.I": ("CA", "Prince Edward Island"),
        "Nfld": ("CA", "Newfoundland and Labrador"),
    }
)

#: Political parties, their wings and armed groups that belong to one country, by
#: the names news copy uses for them (English Wikipedia's article titles and their
#: common short forms; only names no other country's party shares: not "BNP", which
#: is Bangladesh's and Balochistan's, nor "Jamaat-e-Islami" or "Congress"). A
#: document that names one is, that much, about its country: a vote in the
#: document's focus, like a division word.
GROUPS_OF_COUNTRIES = MappingProxyType(
    {
        "BD": (
            "Awami League",
            "Chhatra League",
            "Jubo League",
            "Swechchhasebak League",
            "Jatiyatabadi",
            "Chhatra Dal",
            "Jubo Dal",
            "Chhatra Shibir",
            "Hefazat-e-Islam",
            "Jatiya Party",
        ),
        "IN": (
            "Bharatiya Janata Party",
            "BJP",
            "Trinamool",
            "Shiv Sena",
            "Rashtriya Swayamsevak Sangh",
            "Samajwadi Party",
            "Bahujan Samaj Party",
            "CPI(M)",
            "Aam Aadmi Party",
            "NSUI",
            "ABVP",
            "Akali Dal",
            "AIADMK",
            "Telugu Desam",
            "Hurriyat",
        ),
        "PK": (
            "Tehreek-e-Insaf",
            "Tehrik-e-Insaf",
            "PML-N",
            "Muttahida Qaumi Movement",
            "MQM",
            "JUI-F",
            "Awami National Party",
            "Tehrik-i-Taliban Pakistan",
            "Lashkar-e-Jhangvi",
            "Baloch Liberation Army",
        ),
        "NP": ("Nepali Congress", "CPN-UML", "UCPN", "Madhesi Morcha"),
        "LK": ("UPFA", "United National Party", "Janatha Vimukthi Peramuna", "SLFP"),
        "MM": ("Tatmadaw", "USDP", "Kachin Independence Army", "MNDAA", "TNLA"),
        "KE": ("Orange Democratic Movement", "ODM", "Jubilee Party", "IEBC", "KANU", "Mungiki"),
    }
)
