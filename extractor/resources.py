"""Rule data shipped inside the package (``extractor/data/*.json``), loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str):
    """The parsed content of ``extractor/data/<name>.json``."""
    with resources.files("extractor").joinpath("data").joinpath(f"{name}.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"extractor/data/{name}.json must hold a JSON object")
    return data
