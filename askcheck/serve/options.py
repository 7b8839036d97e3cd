"""What `askcheck serve` is told on its command line, in one value a worker process can rebuild.

uvicorn starts each worker process afresh (spawn), so the options travel to the workers as JSON in
an environment variable; `from_environment` reads them back there.
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field

from ..settings import Settings

ENVIRONMENT_KEY = "ASKCHECK_SERVE_OPTIONS"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081  # LanguageTool's own port, which its add-ons' "local server" setting expects
DEFAULT_MAX_BODY = 128 * 1024  # bytes: far more than any email draft, small enough to lint in well under a second
DEFAULT_TIMEOUT = 10.0  # seconds a request may take, end to end


@dataclass(frozen=True)
class ServeOptions:
    settings: Settings = field(default_factory=Settings)  # from the config file: the default rule set
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    allow_origins: tuple[str, ...] = ()  # CORS: none unless asked for
    log_text: bool = False  # write the checked text to the log (never by default)

    def to_environment(self) -> str:
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, raw: str) -> "ServeOptions":
        data = json.loads(raw)
        s = data.pop("settings")
        settings = Settings(
            select=tuple(s["select"]), ignore=tuple(s["ignore"]), extend_select=tuple(s["extend_select"]),
            rule_options=s["rule_options"], model=s["model"],
            per_file_ignores=tuple((glob, tuple(rules)) for glob, rules in s["per_file_ignores"]),
        )
        return cls(settings=settings, max_body=data["max_body"], timeout=data["timeout"],
                   allow_origins=tuple(data["allow_origins"]), log_text=data["log_text"])

    @classmethod
    def from_environment(cls) -> "ServeOptions":
        raw = os.environ.get(ENVIRONMENT_KEY)
        return cls.from_json(raw) if raw else cls()
