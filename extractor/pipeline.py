"""Build the spaCy pipeline from ``config.cfg`` on top of ``spacy.blank("en")``."""

from __future__ import annotations

from importlib import resources
from typing import Optional

import spacy
from spacy.language import Language
from spacy.util import load_config_from_str


def default_config_text() -> str:
    return resources.files("extractor").joinpath("config.cfg").read_text(encoding="utf-8")


def register_components() -> None:
    """Import the component modules so their factories are registered."""
    import importlib

    for name in ("money", "periods", "organizations", "officials", "destinations"):
        importlib.import_module(f"extractor.components.{name}")


def build_nlp(config_text: Optional[str] = None, overrides: Optional[dict] = None) -> Language:
    """A blank English pipeline with the extractor's components, as configured."""
    register_components()
    config = load_config_from_str(config_text or default_config_text(), overrides=overrides or {})
    return spacy.blank("en", config=config)
