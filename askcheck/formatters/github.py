"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding."""
from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command, as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a `key=value` property, which also may not contain `:` or `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


STREAMING = True


def render(reports, out, options) -> None:
    for r in reports:
        if r.error:
            out.write(command("error", {"file": r.name, "title": "askcheck"}, r.error) + "\n")
        if r.result is None:
            continue
        for f in r.result.findings:
            props = {
                "file": f.filename,
                "line": f.location.row,
                "col": f.location.column,
                "endLine": f.end_location.row,
                "endColumn": f.end_location.column,
                "title": f"{f.code} {f.name}" + (f" in {f.record}" if f.record is not None else ""),
            }
            # GitHub shows %0A as a line break: the rewrite goes on the annotation's second line.
            out.write(command(LEVELS[f.severity.value], props, f"{f.message}\nhelp: {f.suggestion}") + "\n")
