"""Build the pipeline: the base spaCy model plus the components and settings of ``config.cfg``.

The base model is loaded with ``spacy.load`` so its vocabulary, lookups and weights are exactly
the trained ones; our components are added in the config's order and initialised from its
``[initialize.components]`` blocks, which name the knowledge readers.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config, registry
from thinc.api import Config

# Importing the component modules registers their factories and the knowledge readers.
from . import actors, dates, events, knowledge, places, rows, sentences, weapons  # noqa: F401
from . import DEFAULT_MODEL
from .errors import Errors, NewsEventsError

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")


def read_config(
    path: Path = DEFAULT_CONFIG, knowledge_path: Path | None = None, overrides: dict | None = None
) -> Config:
    """The pipeline config with ``paths.knowledge`` filled in (the shipped ``models/`` by default)
    and any ``overrides`` ("components.newsevents_rows.portable": True) applied."""
    folder = knowledge_path or knowledge.knowledge_dir()
    try:
        return load_config(path, overrides={"paths.knowledge": str(folder), **(overrides or {})}, interpolate=True)
    except Exception as err:  # thinc raises several error types for a bad config
        raise NewsEventsError(Errors.E014.format(path=path, reason=str(err).splitlines()[0])) from None


def load_pipeline(model: str | None = None, config: Config | None = None) -> Language:
    """Load ``model`` (an installed spaCy pipeline, ``DEFAULT_MODEL`` if none) and add and
    initialise our components."""
    config = config or read_config()
    section = config["newsevents"]
    model = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise NewsEventsError(Errors.E013.format(name=model, reason=str(err).splitlines()[0])) from None
    order: list[str] = section["order"]
    missing = [name for name in order if name not in nlp.pipe_names and name not in config["components"]]
    if missing:
        raise NewsEventsError(Errors.E013.format(name=model, reason=f"it has no component(s) {missing}"))
    ours = [name for name in order if name in config["components"]]
    for name in ours:
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        position = order.index(name)
        before = next((n for n in order[position + 1 :] if n in nlp.pipe_names), None)
        nlp.add_pipe(factory, name=name, config=settings, before=before)
    init = registry.resolve(config["initialize"]["components"])
    for name in ours:
        component = nlp.get_pipe(name)
        if hasattr(component, "initialize"):
            component.initialize(lambda: [], nlp=nlp, **init.get(name, {}))
    return nlp
