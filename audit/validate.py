"""JSON Schema (draft 2020-12) validation of reports and summaries before they are written.

Validation runs for every report, so it uses jsonschema-rs (a compiled validator, ~100x
faster than the pure-Python one on a large report); the schemas themselves are checked
against the draft 2020-12 metaschema with the `jsonschema` library once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMAS = {"report": "report.schema.json", "summary": "summary.schema.json"}


class ReportInvalid(Exception):
    """A report broke its schema: a bug in the tool, so the run stops and says where."""


def schema_text(name: str) -> str:
    return resources.files("audit").joinpath("schemas", SCHEMAS[name]).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _validator(name: str):
    import jsonschema_rs
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_text(name))
    Draft202012Validator.check_schema(schema)
    return jsonschema_rs.Draft202012Validator(schema)


def validate(kind: str, data: dict[str, Any], label: str) -> None:
    """Raise ReportInvalid naming `label` and the first failing path."""
    import jsonschema_rs

    try:
        _validator(kind).validate(data)
    except jsonschema_rs.ValidationError as err:
        path = "/".join(str(p) for p in err.instance_path) or "(root)"
        raise ReportInvalid(f"{kind} for {label!r} fails its schema at {path}: {err.message}") from None
