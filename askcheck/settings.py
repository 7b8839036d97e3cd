"""What to check and how: rule selection and per-rule options, independent of where they came from."""
from __future__ import annotations

from dataclasses import dataclass, field
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

    def key(self) -> tuple:
        opts = tuple(sorted((k, tuple(sorted((kk, repr(vv)) for kk, vv in v.items()))) for k, v in self.rule_options.items()))
        return (self.select, self.ignore, self.extend_select, opts, self.model)


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
