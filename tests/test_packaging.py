"""The distribution has a name of its own on the package index; the import package and
the command stay ``extractor``; the README installs by that name."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = "iran-econ-extractor"


def test_pyproject_names_the_distribution():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^name = "([^"]+)"$', pyproject, re.M).group(1) == DISTRIBUTION
    assert 'extractor = "extractor.cli:main"' in pyproject


def test_readme_installs_the_distribution_by_its_name():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"pip install '([^'\[]+)\[", readme)
    assert named and set(named) == {DISTRIBUTION}
    assert not re.search(r"pip install ['\"]?extractor\b", readme)


def test_installed_distribution_provides_the_package_and_factories():
    dist = importlib.metadata.distribution(DISTRIBUTION)
    points = {(e.group, e.name) for e in dist.entry_points}
    assert ("console_scripts", "extractor") in points
    assert ("spacy_factories", "extractor_money") in points
