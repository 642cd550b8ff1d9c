"""Readers for the knowledge files under ``models/``, validated on load.

Knowledge is data: adding a missile, a sea or a trigger word is one line in a file. Each reader is
registered under a versioned name so the pipeline config can refer to it, and each rejects unknown
keys, missing fields, bad values and duplicate aliases with a message naming the file and line.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from spacy.util import registry

from .errors import Errors, KnowledgeError

EVENT_TYPES = (
    "weapons_test",
    "military_exercise",
    "deployment",
    "procurement",
    "weapons_development",
    "threat",
    "protest",
    "sanction",
    "meeting",
    "attack",
)
WEAPON_CLASSES = (
    "cruise missile",
    "ballistic missile",
    "hypersonic missile",
    "air defence system",
    "rocket artillery",
    "artillery",
    "drone",
    "nuclear weapon",
    "missile",
    "other",
)
MODALITIES = ("asserted", "planned", "threatened", "hypothetical", "claimed")
CUE_KINDS = MODALITIES + ("generic", "condition")
ROLE_KINDS = ("body", "title")


def knowledge_dir() -> Path:
    """The shipped ``models/`` folder: beside the package in a checkout or editable install,
    installed as the ``pipeline.models`` package data otherwise."""
    checkout = Path(__file__).resolve().parent.parent / "models"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("pipeline.models")))


@dataclass(frozen=True)
class Weapon:
    name: str
    weapon_class: str
    origin: str
    aliases: tuple[str, ...]
    generic: bool = False


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Organisation:
    name: str
    code: str
    state: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    role: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    country: str


@dataclass(frozen=True)
class Trigger:
    pattern: str
    event_type: str
    pos: str = ""
    needs: str = ""
    subject: str = ""  # "supplier": the subject hands the weapon over ("X sold Y to Z": Z acquires)


@dataclass(frozen=True)
class Cue:
    cue: str
    modality: str


def _jsonl_records(path: Path, required: set[str], optional: set[str]) -> Iterator[tuple[int, dict]]:
    """Yield (line number, record) for each data line, skipping blanks and the ``meta`` header."""
    allowed = required | optional
    with open(path, encoding="utf8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise KnowledgeError(Errors.E005.format(path=path, line=line_no, reason=err.msg)) from None
            if not isinstance(record, dict):
                raise KnowledgeError(Errors.E005.format(path=path, line=line_no, reason="not a JSON object"))
            if "meta" in record:
                continue
            unknown = sorted(set(record) - allowed)
            if unknown:
                raise KnowledgeError(Errors.E008.format(path=path, line=line_no, unknown=unknown))
            missing = sorted(required - set(record))
            if missing:
                raise KnowledgeError(Errors.E009.format(path=path, line=line_no, missing=missing))
            yield line_no, record


def _check_choice(path: Path, line: int, what: str, value: str, expected: tuple[str, ...]) -> None:
    if value not in expected:
        raise KnowledgeError(
            Errors.E011.format(path=path, line=line, what=what, value=value, expected=", ".join(expected))
        )


def _check_strings(path: Path, line: int, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(
            Errors.E012.format(path=path, line=line, field=field, expected="a list of non-empty strings", value=value)
        )
    return tuple(value)


def _check_number(path: Path, line: int, field: str, value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise KnowledgeError(
            Errors.E012.format(path=path, line=line, field=field, expected="a number", value=value)
        ) from None


class _AliasRegistry:
    """Rejects an alias (case-insensitively) that a second entry of the same file claims."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, tuple[str, int]] = {}

    def claim(self, owner: str, aliases: Any, line: int) -> tuple[str, ...]:
        """Validate an entry's alias list and claim its name and aliases for it."""
        names = _check_strings(self.path, line, "aliases", aliases) if aliases else ()
        for alias in (owner, *names):
            self.add(alias, owner, line)
        return names

    def add(self, alias: str, owner: str, line: int) -> None:
        key = alias.casefold()
        other = self.seen.get(key)
        if other is not None and other[0] != owner:
            raise KnowledgeError(
                Errors.E010.format(path=self.path, line=line, alias=alias, other=other[0], other_line=other[1])
            )
        self.seen.setdefault(key, (owner, line))


@registry.misc("newsevents.read_weapons.v1")
def read_weapons(path: Path) -> list[Weapon]:
    """Weapon systems and generic classes: canonical name, class, origin and aliases."""
    path = Path(path)
    aliases = _AliasRegistry(path)
    weapons = []
    for line, rec in _jsonl_records(path, {"name", "class", "origin", "aliases"}, {"generic"}):
        _check_choice(path, line, "weapon class", rec["class"], WEAPON_CLASSES)
        generic = bool(rec.get("generic", False))
        if generic != (rec["origin"] == "") or not (generic or len(rec["origin"]) == 3):
            expected = "empty for a generic class" if generic else "the ISO alpha-3 code of a named system's country"
            raise KnowledgeError(Errors.E012.format(path=path, line=line, field="origin", expected=expected, value=rec["origin"]))
        names = aliases.claim(rec["name"], rec["aliases"], line)
        weapons.append(Weapon(rec["name"], rec["class"], rec["origin"], names, generic))
    return weapons


@registry.misc("newsevents.read_countries.v1")
def read_countries(path: Path) -> list[Country]:
    """Short English names, demonyms, seats of government and a representative point per state."""
    path = Path(path)
    expected = ["code", "name", "demonyms", "seats", "lat", "lon"]
    aliases = _AliasRegistry(path)
    countries = []
    with open(path, encoding="utf8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != expected:
            raise KnowledgeError(
                Errors.E006.format(path=path, missing=reader.fieldnames, expected=",".join(expected))
            )
        for line, row in enumerate(reader, start=2):
            if len(row["code"]) != 3 or not row["code"].isupper():
                raise KnowledgeError(
                    Errors.E012.format(path=path, line=line, field="code", expected="ISO alpha-3", value=row["code"])
                )
            demonyms = tuple(d for d in row["demonyms"].split("|") if d)
            seats = tuple(s for s in row["seats"].split("|") if s)
            for alias in (row["name"], *demonyms, *seats):
                aliases.add(alias, row["code"], line)
            countries.append(
                Country(
                    row["code"],
                    row["name"],
                    demonyms,
                    seats,
                    _check_number(path, line, "lat", row["lat"]),
                    _check_number(path, line, "lon", row["lon"]),
                )
            )
    return countries


@registry.misc("newsevents.read_organisations.v1")
def read_organisations(path: Path) -> list[Organisation]:
    """International organisations (with their own code) and named bodies of a state."""
    path = Path(path)
    aliases = _AliasRegistry(path)
    orgs = []
    for line, rec in _jsonl_records(path, {"name", "aliases"}, {"code", "state"}):
        if ("code" in rec) == ("state" in rec):
            raise KnowledgeError(
                Errors.E012.format(path=path, line=line, field="code/state", expected="exactly one of them", value=rec)
            )
        names = aliases.claim(rec["name"], rec["aliases"], line)
        orgs.append(Organisation(rec["name"], rec.get("code", ""), rec.get("state", ""), names))
    return orgs


@registry.misc("newsevents.read_roles.v1")
def read_roles(path: Path) -> list[Role]:
    """Words for state bodies ("Defence Ministry", "Navy") and officials' titles ("Prime Minister")."""
    path = Path(path)
    aliases = _AliasRegistry(path)
    roles = []
    for line, rec in _jsonl_records(path, {"role", "kind", "aliases"}, set()):
        _check_choice(path, line, "role kind", rec["kind"], ROLE_KINDS)
        names = aliases.claim(rec["role"], rec["aliases"], line)
        roles.append(Role(rec["role"], rec["kind"], names))
    return roles


@registry.misc("newsevents.read_places.v1")
def read_places(path: Path) -> list[Place]:
    """Curated places the offline gazetteer lacks: seas, straits, islands, disputed regions."""
    path = Path(path)
    aliases = _AliasRegistry(path)
    places = []
    for line, rec in _jsonl_records(path, {"name", "aliases", "lat", "lon", "country"}, set()):
        names = aliases.claim(rec["name"], rec["aliases"], line)
        lat = _check_number(path, line, "lat", rec["lat"])
        lon = _check_number(path, line, "lon", rec["lon"])
        places.append(Place(rec["name"], names, lat, lon, rec["country"]))
    return places


@registry.misc("newsevents.read_triggers.v1")
def read_triggers(path: Path) -> list[Trigger]:
    """Trigger lemmas and phrases mapped to the spec's event types."""
    path = Path(path)
    triggers = []
    seen: dict[tuple[str, str], int] = {}
    for line, rec in _jsonl_records(path, {"pattern", "type"}, {"pos", "needs", "subject"}):
        _check_choice(path, line, "event type", rec["type"], EVENT_TYPES)
        _check_choice(path, line, "pos", rec.get("pos", ""), ("", "VERB", "NOUN"))
        _check_choice(path, line, "needs", rec.get("needs", ""), ("", "weapon"))
        _check_choice(path, line, "subject", rec.get("subject", ""), ("", "supplier"))
        key = (rec["pattern"].lower(), rec.get("pos", ""))
        if key in seen:
            raise KnowledgeError(
                Errors.E010.format(path=path, line=line, alias=rec["pattern"], other=rec["pattern"], other_line=seen[key])
            )
        seen[key] = line
        triggers.append(
            Trigger(rec["pattern"].lower(), rec["type"], rec.get("pos", ""), rec.get("needs", ""), rec.get("subject", ""))
        )
    return triggers


@registry.misc("newsevents.read_cues.v1")
def read_cues(path: Path) -> list[Cue]:
    """Words that make an event planned, hypothetical, claimed, or a generic habit (not an event)."""
    path = Path(path)
    cues = []
    for line, rec in _jsonl_records(path, {"cue", "modality"}, set()):
        _check_choice(path, line, "modality", rec["modality"], CUE_KINDS)
        cues.append(Cue(rec["cue"].lower(), rec["modality"]))
    return cues
