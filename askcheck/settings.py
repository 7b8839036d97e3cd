"""What to check and how: rule selection and per-rule options, independent of where they came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import PurePath
from typing import Any

from .rule import Rule


class SettingsError(ValueError):
    """An invalid setting; the message names the key."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule name -> options
    model: str | None = None
    # (path glob, rule selectors) pairs: rules not checked in files whose path matches the glob.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def key(self) -> tuple:
        opts = tuple(sorted((k, tuple(sorted((kk, repr(vv)) for kk, vv in v.items()))) for k, v in self.rule_options.items()))
        return (self.select, self.ignore, self.extend_select, opts, self.model, self.per_file_ignores)


def _matches(selector: str, rule: type[Rule]) -> bool:
    sel = selector.strip()
    return sel.upper() == "ALL" or rule.code.startswith(sel.upper()) or sel.lower() == rule.name


def check_selectors(selectors, rules: dict[str, type[Rule]], key: str) -> None:
    for sel in selectors:
        if not any(_matches(sel, r) for r in rules.values()):
            raise SettingsError(f"{key}: {sel!r} matches no rule (see `askcheck rules`)")


def selected_rules(settings: Settings, rules: dict[str, type[Rule]]) -> list[type[Rule]]:
    """Rules chosen by select + extend-select, minus ignore (names, codes or code prefixes)."""
    for key, sels in (("select", settings.select), ("extend-select", settings.extend_select), ("ignore", settings.ignore)):
        check_selectors(sels, rules, key)
    chosen = []
    for rule in rules.values():
        picked = any(_matches(s, rule) for s in settings.select + settings.extend_select)
        if picked and not any(_matches(s, rule) for s in settings.ignore):
            chosen.append(rule)
    return chosen


class PerFileIgnores:
    """Which rule codes to skip for a file, from `per-file-ignores` globs. A glob matches the path as
    given or any tail of it, and its `*` crosses folders: "templates/*" matches
    "templates/a.txt", "team/templates/2024/b.txt" and "/home/me/project/templates/c.md"."""

    def __init__(self, pairs, rules: dict[str, type[Rule]]):
        self.pairs = []
        for glob, selectors in pairs:
            check_selectors(selectors, rules, f"per-file-ignores.{glob}")
            codes = frozenset(r.code for r in rules.values() if any(_matches(s, r) for s in selectors))
            self.pairs.append((glob, codes))
        self._cache: dict[str, frozenset[str]] = {}

    def codes_for(self, filename: str | None) -> frozenset[str]:
        if not self.pairs or not filename or filename == "-":
            return frozenset()
        codes = self._cache.get(filename)
        if codes is None:
            path = PurePath(filename).as_posix()
            codes = frozenset().union(*(c for glob, c in self.pairs
                                        if fnmatchcase(path, glob) or fnmatchcase(path, "*/" + glob)))
            self._cache[filename] = codes
        return codes


def rule_kwargs(rule: type[Rule], settings: Settings) -> dict[str, Any]:
    given = dict(settings.rule_options.get(rule.name, {}))
    out = {}
    for key, value in given.items():
        if key not in rule.options:
            raise SettingsError(f"{rule.name}.{key}: unknown option for rule {rule.name} "
                                f"(known: {', '.join(rule.options) or 'none'})")
        try:
            out[key] = rule.options[key].coerce(f"{rule.name}.{key}", value)
        except ValueError as exc:
            raise SettingsError(str(exc)) from exc
    return out
