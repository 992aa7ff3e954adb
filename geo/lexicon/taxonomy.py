"""ACLED's event taxonomy: six event types, 25 sub-event types, in the codebook's words.

One row per event type, with what the map and the extractor need of it: the
sub-event types, the colour on the map, whether it is political violence,
and the actor a crowd event gets when the text names no group. The
definitions are summaries in our own words of ACLED's codebook (2023).

Example
-------
>>> EVENT_TYPES[0], len(SUB_EVENT_TYPES), TYPE_COLOURS["Protests"]
('Battles', 25, '#0072B2')
>>> is_sub_event_type("Riots", "Mob violence")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class EventType:
    """One of ACLED's event types."""

    name: str
    sub_event_types: tuple[str, ...]
    #: Colour on the map and in charts (Okabe–Ito, readable by colour-blind people).
    colour: str
    #: Political violence (a report of it may be the same incident as another violent
    #: report of another type: a crackdown told as a clash by one source, an attack by
    #: another).
    violent: bool
    #: The actor of a crowd event whose text names no group (ACLED: "Protesters",
    #: "Rioters"); empty for the others.
    crowd_actor: str = ""


TAXONOMY: tuple[EventType, ...] = (
    # Violent interaction between two organised armed groups (state forces, rebels,
    # militias), at a particular time and place.
    EventType(
        "Battles",
        (
            "Armed clash",  # neither side takes the place
            "Government regains territory",  # state forces retake it
            "Non-state actor overtakes territory",  # a non-state group takes it
        ),
        "#D55E00",
        violent=True,
    ),
    # A public demonstration in which the participants are not violent.
    EventType(
        "Protests",
        (
            "Peaceful protest",  # no one intervenes
            "Protest with intervention",  # forces disperse or arrest, no lethal force
            "Excessive force against protesters",  # lethal or severe force on peaceful protesters
        ),
        "#0072B2",
        violent=False,
        crowd_actor="Protesters",
    ),
    # A demonstration or crowd that is itself violent.
    EventType(
        "Riots",
        (
            "Violent demonstration",  # demonstrators who clash, burn, loot, storm
            "Mob violence",  # a crowd's violence outside a demonstration
        ),
        "#E69F00",
        violent=True,
        crowd_actor="Rioters",
    ),
    # Violence by an organised armed group on unarmed people who cannot fight back.
    EventType(
        "Violence against civilians",
        (
            "Sexual violence",
            "Attack",  # killing, wounding, beating civilians
            "Abduction/forced disappearance",  # by any armed group (an arrest by a
            # non-state group is an abduction)
        ),
        "#CC79A7",
        violent=True,
    ),
    # One-sided violence at a distance, where the target cannot respond.
    EventType(
        "Explosions/Remote violence",
        (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
        "#222222",
        violent=True,
    ),
    # Non-violent activity that shapes conflict: agreements, arrests by the state,
    # bases established, looting and destruction, transfers of territory.
    EventType(
        "Strategic developments",
        (
            "Agreement",
            "Arrests",  # by state forces
            "Change to group/activity",
            "Disrupted weapons use",  # a bomb defused, a weapons cache seized
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
        "#009E73",
        violent=False,
    ),
)

_BY_NAME = {t.name: t for t in TAXONOMY}

#: The six event types, in the codebook's order.
EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in TAXONOMY)
#: Every sub-event type, with its event type.
SUB_EVENT_TYPES: tuple[tuple[str, str], ...] = tuple(
    (t.name, s) for t in TAXONOMY for s in t.sub_event_types
)
#: Event type → colour.
TYPE_COLOURS = MappingProxyType({t.name: t.colour for t in TAXONOMY})
#: Event types of political violence.
VIOLENT_TYPES = frozenset(t.name for t in TAXONOMY if t.violent)
#: Event type → the crowd that is its actor when no group is named.
CROWD_ACTORS = MappingProxyType({t.name: t.crowd_actor for t in TAXONOMY if t.crowd_actor})


def is_sub_event_type(event_type: str, sub_event_type: str) -> bool:
    """Whether ``sub_event_type`` is one of ``event_type``'s in the codebook."""
    t = _BY_NAME.get(event_type)
    return t is not None and sub_event_type in t.sub_event_types
