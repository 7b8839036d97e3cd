"""Loads rules from the `askcheck.rules` entry-point group: built-in rules and plugins alike."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import entry_points

from .rule import Rule

ENTRY_POINT_GROUP = "askcheck.rules"
_CODE_RE = re.compile(r"^[A-Z]+[0-9]+$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class RegistryError(Exception):
    """A plugin is broken or clashes with another rule."""


def load_rules(extra: tuple[type[Rule], ...] = ()) -> dict[str, type[Rule]]:
    """All rule classes by code, sorted by code. Duplicate codes or names raise RegistryError."""
    # Asked for on every askcheck.check() call (a linter is found by its settings and rules): worked
    # out once per set of entry points, which is read once per process.
    return dict(_load_rules(_entry_points(), tuple(extra)))


@lru_cache(maxsize=8)
def _load_rules(eps: tuple, extra: tuple[type[Rule], ...]) -> dict[str, type[Rule]]:
    found: list[tuple[str, type[Rule]]] = []
    for ep in eps:
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must say which one it is
            raise RegistryError(f"rule plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        found.append((f"{ep.value}", cls))
    found += [(f"{c.__module__}:{c.__qualname__}", c) for c in extra]
    by_code: dict[str, type[Rule]] = {}
    by_name: dict[str, str] = {}
    for origin, cls in found:
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            raise RegistryError(f"rule plugin {origin} is not an askcheck Rule subclass")
        for attr in ("code", "name", "summary"):
            if not isinstance(getattr(cls, attr, None), str):
                raise RegistryError(f"rule plugin {origin} does not declare `{attr}`")
        if not _CODE_RE.match(cls.code):
            raise RegistryError(f"rule plugin {origin}: code {cls.code!r} must look like ABC123")
        if not _NAME_RE.match(cls.name):
            raise RegistryError(f"rule plugin {origin}: name {cls.name!r} must be lowercase-with-dashes")
        if cls.code in by_code and by_code[cls.code] is not cls:
            raise RegistryError(
                f"duplicate rule code {cls.code}: {by_code[cls.code].__module__} and {cls.__module__}")
        if cls.name in by_name and by_name[cls.name] != cls.code:
            raise RegistryError(f"duplicate rule name {cls.name!r}: codes {by_name[cls.name]} and {cls.code}")
        by_code[cls.code] = cls
        by_name[cls.name] = cls.code
    return dict(sorted(by_code.items()))


def describe(rule: type[Rule]) -> dict:
    """A rule as JSON (`askcheck rules --format json`, the server's `/api/rules`)."""
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity.value, "summary": rule.summary,
        "needs_ask": rule.needs_ask, "options": {k: o.default for k, o in rule.options.items()},
        "module": rule.__module__,
    }


@lru_cache(maxsize=1)
def _entry_points():
    return tuple(entry_points(group=ENTRY_POINT_GROUP))
