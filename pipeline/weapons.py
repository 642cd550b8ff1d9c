"""Weapon mentions: an entity ruler generated from the weapons knowledge file."""

from __future__ import annotations

from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import register_extensions, set_entities
from .knowledge import Weapon


def alias_variants(alias: str) -> set[str]:
    """Spellings a text may use for one alias: plural, and hyphen or space between parts."""
    forms = {alias, alias.replace("-", " "), alias.replace(" ", "-")}
    plurals = {f + ("es" if f.endswith(("s", "x")) else "s") for f in forms if f[-1:].isalpha()}
    return {f for f in forms | plurals if f.strip()}


@Language.factory(
    "newsevents_weapons",
    assigns=["doc.ents", "span._.canonical", "span._.weapon_class", "span._.code"],
    requires=["doc.ents"],
    default_config={"label": "WEAPON"},
)
def make_weapon_ruler(nlp: Language, name: str, label: str) -> "WeaponRuler":
    return WeaponRuler(nlp, name, label=label)


class WeaponRuler:
    """Marks weapon systems (matched case-sensitively) and generic classes (any case) as entities.

    Named systems win over generic classes and over the base model's entities they overlap.
    ``span._.code`` is the origin country of a named system.
    """

    def __init__(self, nlp: Language, name: str, *, label: str) -> None:
        register_extensions()
        self.name = name
        self.label = label
        self.named = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.weapons: dict[str, Weapon] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language,
        weapons: list[Weapon],
    ) -> None:
        """Build the matchers from the knowledge file's entries."""
        self.weapons = {w.name: w for w in weapons}
        for weapon in weapons:
            matcher = self.generic if weapon.generic else self.named
            forms = set()
            for alias in (weapon.name, *weapon.aliases):
                forms |= alias_variants(alias)
            matcher.add(weapon.name, list(nlp.tokenizer.pipe(sorted(forms))))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.named, self.generic):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=self.label, kb_id=doc.vocab.strings[match_id]))
        spans = filter_spans(spans)
        set_entities(doc, spans)
        for span in spans:
            weapon = self.weapons[span.kb_id_]
            span._.canonical = weapon.name
            span._.weapon_class = weapon.weapon_class
            span._.code = weapon.origin
        return doc
