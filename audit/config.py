"""Run settings: which rules are on, their severities and thresholds, score weights, the gate.

`Config` is plain data. Checks read thresholds through `Config.param(rule, name)`, which
falls back to the rule's declared default, so a threshold lives in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .rules import Rule

# Weights of the dimension scores in the overall score (README "Scores").
DEFAULT_WEIGHTS: dict[str, float] = {
    "noise": 0.20,
    "comments": 0.05,
    "dating": 0.15,
    "attribution": 0.20,
    "reliability": 0.10,
    "ai_style": 0.20,
    "readability": 0.05,
    "language": 0.05,
    "content": 0.15,
}


@dataclass
class Config:
    select: tuple[str, ...] = ()  # rule codes or prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code -> severity override
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> {param: value}
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    ratings_file: str | None = None  # user-supplied domain ratings CSV
    max_chars: int = 2_000_000  # analyse at most this many characters of one document
    unwrap: bool = True  # join the lines of plain text hard-wrapped at a fixed width (audit.reflow)

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def param(self, rule: Rule, name: str) -> Any:
        override = self.params.get(rule.code, {})
        if name in override:
            return override[name]
        return rule.params[name]

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)


DEFAULT_CONFIG = Config()


# ------------------------------------------------------------------ configuration files

CONFIG_FILES = ("audit.toml", "pyproject.toml")
# key -> what it takes (shown in errors)
KNOWN_KEYS = {
    "select": "list of rule codes or prefixes",
    "ignore": "list of rule codes or prefixes",
    "severity": "table of rule code = error|warning|info",
    "thresholds": "table of rule code = {parameter = value}",
    "weights": "table of dimension = number >= 0",
    "fail-under": "number 0..100",
    "fail-on": "error|warning",
    "fields": "table of id|text|html|url|date|crawl_date = field name",
    "ratings-file": "path to a domain ratings CSV",
    "max-chars": "integer > 0",
    "unwrap": "true|false: join the lines of plain text hard-wrapped at a fixed width",
    "format": "list of output formats",
}


class ConfigError(Exception):
    """A bad configuration file: names the file, the key and what is allowed (exit 2)."""


@dataclass
class Settings:
    """What a configuration file sets: the analysis Config plus run options."""

    config: Config
    fail_under: float | None = None
    fail_on: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    formats: tuple[str, ...] | None = None
    path: str | None = None  # the file it came from


def find_config_file(start: str | None = None) -> str | None:
    """audit.toml, or a pyproject.toml with [tool.audit], walking up from `start`."""
    import os

    here = os.path.abspath(start or os.getcwd())
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                if name == "audit.toml" or _has_tool_audit(candidate):
                    return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_tool_audit(path: str) -> bool:
    import tomllib

    try:
        with open(path, "rb") as handle:
            return "audit" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def load_settings(path: str | None) -> Settings:
    """Read settings from `path` (None: defaults). Data only: nothing is executed or imported."""
    import tomllib

    if path is None:
        return Settings(Config())
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.endswith("pyproject.toml") or "tool" in data:
        data = data.get("tool", {}).get("audit", {})
    return settings_from_mapping(data, path)


def settings_from_mapping(data: dict[str, Any], path: str) -> Settings:
    from .rules import REGISTRY, all_rules

    all_rules()

    def bad(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: key {key!r}: {problem}; allowed: {KNOWN_KEYS.get(key.split('.')[0], '')}")

    unknown = sorted(set(data) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; allowed keys: {', '.join(sorted(KNOWN_KEYS))}")
    cfg = Config()
    settings = Settings(cfg, path=path)
    codes = set(REGISTRY)

    def code_list(key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(key, f"expected a list of strings, got {value!r}")
        for v in value:
            if not any(c.startswith(v.upper()) for c in codes):
                raise bad(key, f"{v!r} matches no rule (see `audit rules`)")
        return tuple(v.upper() for v in value)

    if "select" in data:
        cfg.select = code_list("select")
    if "ignore" in data:
        cfg.ignore = code_list("ignore")
    for code, sev in _table(data, "severity", bad).items():
        if code.upper() not in codes:
            raise bad(f"severity.{code}", "unknown rule code")
        if sev not in ("error", "warning", "info"):
            raise bad(f"severity.{code}", f"{sev!r} is not error|warning|info")
        cfg.severity[code.upper()] = sev
    for code, params in _table(data, "thresholds", bad).items():
        rule = REGISTRY.get(code.upper())
        if rule is None:
            raise bad(f"thresholds.{code}", "unknown rule code")
        if not isinstance(params, dict):
            raise bad(f"thresholds.{code}", "expected a table of parameter = value")
        for name, value in params.items():
            if name not in rule.params:
                raise ConfigError(f"{path}: key 'thresholds.{code}.{name}': unknown parameter; "
                                  f"allowed: {', '.join(sorted(rule.params)) or 'none'}")
            if not _same_kind(value, rule.params[name]):
                raise ConfigError(f"{path}: key 'thresholds.{code}.{name}': expected a value like "
                                  f"{rule.params[name]!r}, got {value!r}")
        cfg.params[rule.code] = dict(params)
    weights = _table(data, "weights", bad)
    for dim, w in weights.items():
        if dim not in DEFAULT_WEIGHTS:
            raise ConfigError(f"{path}: key 'weights.{dim}': unknown dimension; allowed: {', '.join(DEFAULT_WEIGHTS)}")
        if not isinstance(w, (int, float)) or isinstance(w, bool) or w < 0:
            raise bad(f"weights.{dim}", f"expected a number >= 0, got {w!r}")
        cfg.weights[dim] = float(w)
    if "fail-under" in data:
        v = data["fail-under"]
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v <= 100:
            raise bad("fail-under", f"expected a number 0..100, got {v!r}")
        settings.fail_under = float(v)
    if "fail-on" in data:
        if data["fail-on"] not in ("error", "warning"):
            raise bad("fail-on", f"{data['fail-on']!r}")
        settings.fail_on = data["fail-on"]
    for name, value in _table(data, "fields", bad).items():
        if name not in ("id", "text", "html", "url", "date", "crawl_date") or not isinstance(value, str):
            raise bad(f"fields.{name}", f"{name} = {value!r}")
        settings.fields[name] = value
    if "ratings-file" in data:
        import os

        value = data["ratings-file"]
        if not isinstance(value, str):
            raise bad("ratings-file", f"{value!r}")
        resolved = os.path.join(os.path.dirname(os.path.abspath(path)), value)
        if not os.path.isfile(resolved):
            raise bad("ratings-file", f"no such file {value!r} (relative to the settings file)")
        cfg.ratings_file = resolved
    if "max-chars" in data:
        v = data["max-chars"]
        if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
            raise bad("max-chars", f"{v!r}")
        cfg.max_chars = v
    if "unwrap" in data:
        if not isinstance(data["unwrap"], bool):
            raise bad("unwrap", f"{data['unwrap']!r}")
        cfg.unwrap = data["unwrap"]
    if "format" in data:
        settings.formats = parse_formats(data["format"], lambda problem: bad("format", problem))
    return settings


def parse_formats(value: Any, error) -> tuple[str, ...]:
    from .runner import FORMATS  # here, not at the top: runner imports this module

    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) and not isinstance(items, tuple):
        raise error(f"expected a list, got {value!r}")
    out = []
    for item in items:
        item = str(item).strip()
        if item not in FORMATS:
            raise error(f"unknown format {item!r} (formats: {', '.join(FORMATS)})")
        if item not in out:
            out.append(item)
    return tuple(out)


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def _table(data: dict[str, Any], key: str, bad) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise bad(key, f"expected a table, got {value!r}")
    return value
