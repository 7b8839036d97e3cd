"""Settings from `[tool.askcheck]` in pyproject.toml or a top-level askcheck.toml, found upward from a folder.

    [tool.askcheck]
    select = ["ALL"]
    ignore = ["missing-duration"]
    extend-select = []
    model = "en_core_web_sm"        # optional: any installed spaCy pipeline
    include = ["*.txt", "*.md"]      # file globs linted when a folder is given
    exclude = ["drafts/old/*"]

    [tool.askcheck.rules.excessive-apology]
    max_apologies = 2

    [tool.askcheck.per-file-ignores]
    "templates/*" = ["missing-timeframe"]   # path glob -> rules not checked there

Unknown keys warn; invalid values raise ConfigError naming the key (the CLI exits 2).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOP_KEYS = {"select", "ignore", "extend-select", "model", "include", "exclude", "rules", "format", "exit-zero",
            "per-file-ignores"}


_ASKCHECK_TABLE = re.compile(r"^\s*\[+\s*tool\s*\.\s*askcheck\b", re.MULTILINE)


class ConfigError(ValueError):
    pass


@dataclass
class FileConfig:
    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def find_config(start: Path) -> Path | None:
    """The nearest askcheck.toml, or pyproject.toml with a [tool.askcheck] table, from `start` upward."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        own = folder / "askcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                raw = pyproject.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            try:
                data = tomllib.loads(raw)
            except tomllib.TOMLDecodeError:
                # Broken TOML that has an askcheck table is askcheck's config: load_config reports it
                # (naming the file and the error) rather than linting as if there were no config.
                if _ASKCHECK_TABLE.search(raw):
                    return pyproject
                continue
            if "askcheck" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path | None, rule_names: set[str]) -> FileConfig:
    if path is None:
        return FileConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    table = data.get("tool", {}).get("askcheck", {}) if path.name == "pyproject.toml" else data
    prefix = "tool.askcheck." if path.name == "pyproject.toml" else ""
    cfg = FileConfig(path=path)
    for key, value in table.items():
        where = f"{path}: {prefix}{key}"
        if key not in TOP_KEYS:
            cfg.warnings.append(f"{where}: unknown key, ignored")
            continue
        if key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: must be a table of rule names")
            for rule, opts in value.items():
                if rule not in rule_names:
                    raise ConfigError(f"{where}.{rule}: no rule named {rule!r} (see `askcheck rules`)")
                if not isinstance(opts, dict):
                    raise ConfigError(f"{where}.{rule}: must be a table of options")
                cfg.rule_options[rule] = dict(opts)
        elif key in {"select", "ignore", "extend-select", "include", "exclude"}:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: must be a list of strings")
            cfg.values[key] = list(value)
        elif key in {"model", "format"}:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: must be a string")
            cfg.values[key] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict) or not all(
                    isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
                raise ConfigError(f"{where}: must be a table of path glob = [rules]")
            cfg.values[key] = {glob: list(v) for glob, v in value.items()}
        elif key == "exit-zero":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: must be true or false")
            cfg.values[key] = value
    return cfg
