"""The settings a document is linted with: `[tool.askcheck]` (or askcheck.toml) found from the
document's folder upward, read as the command line reads it (`config.load_config`,
`cli_common.build_settings`). Read afresh for each lint, so an edited config applies at the next one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..cli_common import build_settings
from ..config import ConfigError, FileConfig, find_config, load_config
from ..registry import RegistryError, load_rules
from ..settings import Settings, SettingsError
from ..sources import matches_globs


class SettingsProblem(Exception):
    """The config for a document is invalid; str() names the file and key, as `askcheck lint` does."""


@dataclass(frozen=True)
class DocumentSettings:
    settings: Settings
    config_path: Path | None
    excluded: bool = False  # the config's `exclude` globs name this document: it is not linted
    warnings: tuple[str, ...] = field(default=())


def settings_for(path: str | None) -> DocumentSettings:
    """Settings for a document at `path` (None: an unsaved buffer, read with the defaults)."""
    try:
        rules = load_rules()
        config_path = find_config(Path(path).parent) if path else None
        cfg = load_config(config_path, {r.name for r in rules.values()}) if config_path else FileConfig()
        settings = build_settings(cfg, (), (), (), None)
    except (ConfigError, RegistryError, SettingsError) as exc:
        raise SettingsProblem(str(exc)) from exc
    excluded = bool(path) and matches_globs(_relative(path, config_path), cfg.values.get("exclude", ()))
    return DocumentSettings(settings, config_path, excluded, tuple(cfg.warnings))


def _relative(path: str, config_path: Path | None) -> PurePath:
    """The document's path from the config's folder, as `askcheck lint` run there would name it."""
    resolved = Path(path).resolve()
    if config_path is not None:
        try:
            return resolved.relative_to(config_path.parent.resolve())
        except ValueError:
            pass
    return resolved
