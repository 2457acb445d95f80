"""extractor: facts from English-language news about the Iranian economy.

Public API::

    from extractor import extract, extract_many
    record = extract(text, published="2019-10-08", doc_id="a1")

Importing this package has no side effects; the spaCy pipeline is built on
first use.
"""

from .api import extract, extract_many, load_pipeline
from .records import Record

__all__ = ["extract", "extract_many", "load_pipeline", "Record"]
__version__ = "0.1.0"
