"""What every askcheck command shares: exit codes, the one-line error, and settings from config + flags."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from .config import ConfigError, FileConfig, find_config, load_config
from .engine import Linter, get_linter
from .registry import RegistryError, load_rules
from .settings import Settings, SettingsError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it (128 + SIGINT)

# Paths are checked when they are read, not by click: an unreadable file is then one error among
# the inputs (named, exit 2, the others still checked) instead of a usage error that checks nothing.
INPUT_PATH = click.Path(readable=False)


def fail(message: str) -> None:
    """Print a one-line error and exit with status 2."""
    click.echo(f"askcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def interrupted(exc: BaseException, done: str = "") -> None:
    """Ctrl-C (KeyboardInterrupt) or SIGTERM (writer.Interrupted): say so, and what was already done, and
    exit 130 or 128 + the signal, as a shell reports a process ended by it (never 1, "findings")."""
    signum = getattr(exc, "signum", None)
    click.echo(f"askcheck: {'terminated' if signum else 'interrupted'}{done}", err=True)
    sys.exit(128 + signum if signum else EXIT_INTERRUPTED)


_FROZEN: list[bool] = []


def _freeze_imports() -> None:
    """Move what the imports made (spaCy's and click's modules, hundreds of thousands of objects that
    live as long as the process) out of the garbage collector's sight, once per process. Otherwise
    every full collection set off while the linter is built walks all of them again: about 50 ms a
    time, a tenth of a one-line lint. It also keeps `--jobs N` workers from touching (and so copying)
    the parent's pages when they collect."""
    if not _FROZEN:
        import gc

        gc.freeze()
        _FROZEN.append(True)


def frozen_after_the_first(reports: Iterable) -> Iterator:
    """The reports, with what linting the first chunk made (the linter, its phrase tables and compiled
    regexes, the common words' entries) moved out of the garbage collector's sight as the first report
    comes: it lives as long as the process, and every full collection of a long run walked it again
    (with `--jobs N`, before the workers are forked). Once per process, as for the imports."""
    it = iter(reports)
    for report in it:
        if not _FROZEN_LINTER:
            import gc

            gc.freeze()
            _FROZEN_LINTER.append(True)
        yield report
        yield from it
        return


_FROZEN_LINTER: list[bool] = []


class InterruptibleGroup(click.Group):
    """The askcheck group: Ctrl-C in any command exits 130 with one line, instead of click's "Aborted!"
    and status 1 (the status for findings).

    Commands in `lazy` ({name: "module:attribute"}) are imported only when run or listed, so that
    `askcheck lint` does not pay for the batch report's and the server's imports (click's documented
    lazy-loading pattern)."""

    lazy: dict[str, str] = {}

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx, name):
        if name in self.lazy and name not in self.commands:
            import importlib

            module, attribute = self.lazy[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx):
        _freeze_imports()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            interrupted(exc)


def open_output(path: str | None):
    """(stream, whether to close it) for --output-file; a path that cannot be written is a one-line error."""
    if path is None:
        return sys.stdout, False
    try:
        return open(path, "w", encoding="utf-8", newline="\n"), True
    except OSError as exc:
        fail(f"{path}: cannot write the report ({exc.strerror or exc})")


def split_values(values) -> tuple[str, ...]:
    """--select a,b --select c -> ("a", "b", "c")"""
    out = []
    for v in values or ():
        out += [p.strip() for p in v.split(",") if p.strip()]
    return tuple(out)


def load_file_config(config_path: str | None, isolated: bool) -> FileConfig:
    rules = load_rules()
    if isolated:
        return FileConfig()
    path = Path(config_path) if config_path else find_config(Path.cwd())
    if config_path and not path.is_file():
        raise ConfigError(f"{config_path}: config file not found")
    cfg = load_config(path, {r.name for r in rules.values()})
    for w in cfg.warnings:
        click.echo(f"askcheck: warning: {w}", err=True)
    return cfg


def build_settings(cfg: FileConfig, select, ignore, extend_select, model) -> Settings:
    """Config file values, overridden (select, model) or extended (ignore, extend-select) by flags."""
    v = cfg.values
    return Settings(
        select=split_values(select) or tuple(v.get("select", ("ALL",))),
        ignore=tuple(v.get("ignore", ())) + split_values(ignore),
        extend_select=tuple(v.get("extend-select", ())) + split_values(extend_select),
        rule_options=cfg.rule_options,
        model=model or v.get("model"),
        per_file_ignores=tuple((glob, tuple(rules)) for glob, rules in v.get("per-file-ignores", {}).items()),
    )


def corpus_reading_options(command):
    """The options `lint` and `report` share for reading corpus files (.jsonl .csv .mbox .eml)."""
    options = [
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the message."),
        click.option("--id-field", default="id", show_default=True,
                     help="JSONL/CSV field naming the record (else its line or row number)."),
        click.option("--include-quoted", is_flag=True,
                     help="Lint the quoted replies and signatures of emails too (default: only the writer's own words)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class ByteSize(click.ParamType):
    """A number of bytes: 4000000, 512k, 4M, 1G (powers of 1024)."""

    name = "size"
    _UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().lower().removesuffix("b")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        try:
            n = int(float(text[: len(text) - len(unit)]) * self._UNITS[unit])
        except ValueError:
            n = 0
        if n < 1:
            self.fail(f"{value!r} is not a size in bytes (e.g. 4M, 512k, 1000000)", param, ctx)
        return n


def cluster_options(command):
    """The options `lint` and `report` share for running on a Dask cluster (askcheck.cluster)."""
    from .partitions import DEFAULT_PART_BYTES

    options = [
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Lint on a Dask cluster: tcp://HOST:PORT of a running `dask scheduler`, or local:N for a "
                          "cluster of N worker processes started for this run. Needs the dask extra "
                          "(pip install 'askcheck[dask]'); workers read the files at the same paths."),
        click.option("--partition-size", type=ByteSize(), default=DEFAULT_PART_BYTES, show_default="4M",
                     help="With --scheduler: bytes of corpus per task (big .jsonl/.mbox files are cut into "
                          "ranges of this size, small files grouped up to it)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def linter_for(settings: Settings) -> Linter:
    try:
        return get_linter(settings)
    except (SettingsError, RegistryError) as exc:
        fail(str(exc))
    except OSError as exc:  # spacy.load of a model that is not installed
        fail(f"cannot load spaCy model {settings.model!r}: {exc}")


__all__ = ["EXIT_OK", "EXIT_FINDINGS", "EXIT_ERROR", "EXIT_INTERRUPTED", "INPUT_PATH", "ConfigError", "InterruptibleGroup",
           "fail", "interrupted", "open_output", "split_values", "load_file_config", "build_settings",
           "corpus_reading_options", "linter_for", "ByteSize", "cluster_options"]
