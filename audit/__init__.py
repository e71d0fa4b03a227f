"""source-audit: audit scraped web documents for noise, comments, dates, attribution,
AI-style phrasing, language and readability, with explainable scores."""

__version__ = "0.1.0"

from .model import Document  # noqa: E402
from .pipeline import audit_document  # noqa: E402

__all__ = ["Document", "audit_document", "__version__"]
