"""The `askcheck` command line. All checking lives in the library; this module only wires I/O."""
from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import click

from . import __version__
from .cli_common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, INPUT_PATH, ConfigError, InterruptibleGroup,
                         build_settings, cluster_options, corpus_reading_options, fail, frozen_after_the_first,
                         interrupted, linter_for, load_file_config, open_output)
from .engine import Linter
from .formatters import FORMATS, FileReport, RenderOptions, render
from .registry import RegistryError, load_rules
from .settings import Settings, SettingsError
from .corpus import RECORD_SUFFIXES, Message, RecordError, iter_paths, read_path, read_stdin_as
from .parallel import ProgressBar, default_jobs, is_terminal, lint_pairs, progress_wanted
from .sources import DEFAULT_EXTENSIONS, InputError, Seen, read_file, read_stdin
from .writer import Interrupted, WriteError, Written, signals_raise, write_atomic

DEFAULT_GLOBS = tuple(f"*{ext}" for ext in DEFAULT_EXTENSIONS)


@dataclass(frozen=True)
class Reading:
    """How corpus files (.jsonl .csv .mbox .eml) are read into messages."""

    text_field: str = "text"
    id_field: str = "id"
    include_quoted: bool = False


def gather_sources(paths, stdin_filename, include, exclude, reading: Reading = Reading()):
    """Yield, in order, for each input: a Source (a whole text file or stdin, which --fix may rewrite),
    a corpus Message (a record inside a .jsonl/.csv/.mbox file, or an email's body), or an error."""
    seen = Seen()  # a file reached twice (a folder and a glob) is linted once
    for raw in paths:
        if raw == "-":
            if stdin_filename and Path(stdin_filename).suffix.lower() in RECORD_SUFFIXES:
                # Read as the file it names: an email (.eml) is linted on the writer's own words only.
                yield from read_stdin_as(stdin_filename, sys.stdin.buffer.read(), text_field=reading.text_field,
                                         id_field=reading.id_field, include_quoted=reading.include_quoted)
                continue
            try:
                yield read_stdin(stdin_filename or "-")
            except InputError as exc:
                yield exc
            continue
        for item in iter_paths([raw], include or DEFAULT_GLOBS, exclude, seen):
            if isinstance(item, RecordError):
                yield item
            elif item.suffix.lower() in RECORD_SUFFIXES:
                yield from read_path(item, text_field=reading.text_field, id_field=reading.id_field,
                                     include_quoted=reading.include_quoted)
            else:
                try:
                    yield read_file(item)
                except InputError as exc:
                    yield exc


def _file_report(item) -> FileReport:
    if isinstance(item, InputError):
        return FileReport(name=item.name, error=str(item))
    if isinstance(item, RecordError):
        return FileReport(name=item.filename, record=item.record, error=str(item))
    if isinstance(item, Message):
        return FileReport(name=item.filename, record=item.record)
    return FileReport(name=item.name, source=item)


def lint_sources(settings: Settings, items, jobs: int = 1, progress=None, asks: bool = True) -> Iterator[FileReport]:
    """A FileReport per input, in input order, linted on `jobs` processes (same output for any number).

    A stream: only the messages in flight are held, so a corpus of any size passes in flat memory."""
    in_flight: deque[FileReport] = deque()

    def lintable():
        for item in items:
            report = _file_report(item)
            in_flight.append(report)
            yield report.error or (item.text, report.name, report.record, getattr(item, "subject", None))

    for _, result, _ in lint_pairs(settings, lintable(), jobs, progress=progress, asks=asks):
        report = in_flight.popleft()
        report.result = result
        yield report


def lint_paths(paths, include, exclude) -> Iterator:
    """The files `lint` reads for these paths (folders searched for *.txt *.md *.eml unless --include),
    or the RecordError of a path that matches nothing, in order: what gather_sources opens."""
    for raw in paths:
        yield from iter_paths([raw], include or DEFAULT_GLOBS, exclude)


def cluster_sources(client, settings: Settings, paths, include, exclude, reading: Reading, part_bytes: int,
                    progress=None) -> Iterator[FileReport]:
    """lint_sources on a Dask cluster (askcheck.cluster): the workers read the files; same reports, same order."""
    from .cluster import cluster_pairs  # the cluster modules load only for --scheduler
    from .partitions import plan_parts

    units = plan_parts(lint_paths(paths, include, exclude), part_bytes)
    for item, result, _ in cluster_pairs(client, settings, units, reading=dict(
            text_field=reading.text_field, id_field=reading.id_field, include_quoted=reading.include_quoted,
            whole_text="source"), progress=progress, part_bytes=part_bytes):
        report = _file_report(item)
        report.result = result
        yield report


class Outcome:
    """What the exit status needs, noted as reports stream past; errors are printed as they come."""

    def __init__(self, skip_bad_records: bool, progress):
        self.skip_bad_records = skip_bad_records
        self.progress = progress
        self.failed = False
        self.findings = False

    def watch(self, reports: Iterable[FileReport]) -> Iterator[FileReport]:
        for r in reports:
            if r.error:
                skipped = self.skip_bad_records and r.record is not None
                self.failed = self.failed or not skipped
                self.progress.log(f"askcheck: {'warning: skipped bad record' if skipped else 'error'}: {r.error}")
            self.findings = self.findings or bool(r.result and r.result.findings)
            yield r


@click.group(cls=InterruptibleGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="askcheck")
def main() -> None:
    """askcheck: lint a message that asks someone for help, before you send it."""


@main.command()
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format (default: full).")
@click.option("--select", multiple=True, help="Rules to check: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes or names.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--include", multiple=True, help="Glob of files to lint inside folders (default: *.txt *.md *.eml).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--stdin-filename", default=None,
              help="Name to report for text read from stdin (-); a .eml, .mbox, .jsonl or .csv name reads it as that kind of file.")
@click.option("--show-asks", is_flag=True, help="Also show the sentences taken as asks.")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even when there are findings.")
@click.option("--config", "config_path", type=INPUT_PATH, default=None, help="Config file (default: nearest pyproject.toml/askcheck.toml).")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--model", default=None, help='spaCy pipeline to load instead of spacy.blank("en").')
@click.option("--color/--no-color", default=None, help="Colour the output (default: when stdout is a terminal).")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix/--diff: also apply fixes that change what the message says.")
@click.option("--fix-only", is_flag=True, help="Apply fixes and report nothing else.")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of the findings.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of stdout.")
@corpus_reading_options
@click.option("--skip-bad-records", is_flag=True,
              help="Warn about unreadable records inside corpus files instead of exiting with status 2.")
@click.option("-j", "--jobs", type=int, default=None,
              help="Worker processes (default: all cores). Output is the same for any number.")
@cluster_options
@click.option("--progress/--no-progress", "progress_flag", default=None,
              help="Show progress (messages/s) on stderr (default: only when stderr is a terminal, outside CI, "
                   "and the findings go elsewhere).")
def lint(paths, fmt, select, ignore, extend_select, include, exclude, stdin_filename, show_asks, exit_zero,
         config_path, isolated, model, color, fix, unsafe_fixes, fix_only, diff, statistics, output_file,
         text_field, id_field, include_quoted, skip_bad_records, jobs, scheduler, partition_size, progress_flag):
    """Lint messages: files, folders, globs, or - for stdin.

    Text files (.txt .md) are one message each; .jsonl and .csv hold a message per record, .mbox a
    message per email, and an .eml file one email (its own words, without quoted replies). Folders
    are searched for .txt .md .eml unless --include says otherwise."""
    if not paths:
        fail("no paths given (use - to read stdin)")
    try:
        cfg = load_file_config(config_path, isolated)
        settings = build_settings(cfg, select, ignore, extend_select, model)
    except (ConfigError, RegistryError) as exc:
        fail(str(exc))
    fmt = fmt or cfg.values.get("format", "full")
    if fmt not in FORMATS:
        fail(f"format {fmt!r} is not one of {', '.join(sorted(FORMATS))}")
    include = include or tuple(cfg.values.get("include", ()))
    exclude = tuple(cfg.values.get("exclude", ())) + tuple(exclude)
    reading = Reading(text_field=text_field, id_field=id_field, include_quoted=include_quoted)
    fix = fix or fix_only
    cluster = contextlib.ExitStack()
    if scheduler:
        client = _connect_for_lint(cluster, scheduler, settings, paths, fix or diff)
    else:
        linter = linter_for(settings)
    # A progress bar only when the findings go somewhere else than the terminal it is drawn on.
    show_progress = not (fix or diff) and (output_file is not None or not sys.stdout.isatty())
    show_progress = progress_wanted() and show_progress if progress_flag is None else progress_flag
    written = Written()
    try:
        with cluster, signals_raise(), ProgressBar(enabled=show_progress, description="askcheck lint",
                                                   plain=not is_terminal()) as progress:
            outcome = Outcome(skip_bad_records, progress)
            if scheduler:
                reports = outcome.watch(_failing_cleanly(cluster_sources(
                    client, settings, paths, include, exclude, reading, partition_size, progress=progress), progress))
            else:
                reports = outcome.watch(frozen_after_the_first(lint_sources(
                    settings, gather_sources(paths, stdin_filename, include, exclude, reading),
                    jobs=jobs or default_jobs(), progress=progress, asks=show_asks)))
            if diff:
                changed = _show_diffs(linter, list(reports), unsafe_fixes)
                sys.exit(EXIT_ERROR if outcome.failed else (EXIT_FINDINGS if changed else EXIT_OK))
            stdout = sys.stdout
            if fix:
                reports = list(reports)
                to_stdin = _apply_fixes(linter, reports, unsafe_fixes, outcome, written)
                outcome.findings = any(r.result and r.result.findings for r in reports)
                if to_stdin is not None:
                    stdout.write(to_stdin)
                    stdout.flush()
                if "-" in paths:
                    stdout = sys.stderr  # stdout is the fixed text's: findings must not mix into it
            out, close = open_output(output_file)
            out = stdout if out is sys.stdout else out
            try:
                if color is None:
                    color = out is sys.stdout and sys.stdout.isatty() and "NO_COLOR" not in os.environ
                if statistics:
                    _statistics(reports, out, unsafe_fixes)
                elif fix_only:
                    for _ in reports:
                        pass
                else:
                    render(fmt, reports, out, RenderOptions(show_asks=show_asks, color=color,
                                                            unsafe_fixes=unsafe_fixes))
            finally:
                if close:
                    out.close()
    except (KeyboardInterrupt, Interrupted) as exc:
        interrupted(exc, f"; {written.describe()}" if fix else "")
    if outcome.failed:
        sys.exit(EXIT_ERROR)
    if fix_only:
        sys.exit(EXIT_OK)
    exit_zero = exit_zero if exit_zero is not None else cfg.values.get("exit-zero", False)
    sys.exit(EXIT_FINDINGS if outcome.findings and not exit_zero else EXIT_OK)


def _connect_for_lint(stack, scheduler: str, settings: Settings, paths, rewrites: bool):
    if rewrites:
        fail("--scheduler only lints: --fix and --diff rewrite files here (run them without --scheduler)")
    if "-" in paths:
        fail("--scheduler: the workers read the files themselves, so stdin (-) cannot be linted there")
    from .cluster import ClusterError, check_settings, connect

    try:
        check_settings(settings)  # the workers load the pipeline; the client needs none
        return stack.enter_context(connect(scheduler))
    except (SettingsError, RegistryError, ClusterError) as exc:
        fail(str(exc))


def _failing_cleanly(reports, progress):
    """Reports passed through; a failure of the cluster mid-run is the usual one-line error, exit 2."""
    from .cluster import ClusterError

    try:
        yield from reports
    except ClusterError as exc:
        progress.close()
        fail(str(exc))


def _apply_fixes(linter: Linter, reports: list[FileReport], unsafe: bool, outcome: Outcome,
                 written: Written) -> str | None:
    """Fix every readable file in place; return the fixed text of stdin, if stdin was linted.

    A file that cannot be written (a read-only folder, changed on disk since it was read, hard
    links) is a one-line error naming it, and the others are still fixed."""
    from .fixer import fix_loop

    stdin_text = None
    fixed_total = 0
    _warn_records_not_fixed(reports)
    for r in reports:
        if r.result is None or r.source is None:
            continue  # never touch a file that could not be read or decoded, nor a corpus file
        new, remaining, applied = fix_loop(linter, r.source.text, unsafe=unsafe, display=False, filename=r.name)
        if r.source.path is None:
            stdin_text = new
        elif new != r.source.text:
            try:
                write_atomic(r.source, new, done=lambda: written.add(applied))
            except WriteError as exc:
                outcome.progress.log(f"askcheck: error: {exc}")
                outcome.failed = True
                continue  # its findings stay as they were: they are still in the file
        fixed_total += applied
        r.result = linter.run(new, filename=r.name)
        r.source.text = new
    if fixed_total:
        click.echo(f"Fixed {fixed_total} finding{'s' if fixed_total != 1 else ''}.", err=True)
    return stdin_text


def _warn_records_not_fixed(reports: list[FileReport]) -> None:
    # A record's text is not the file's text (JSON escapes, CSV quoting, MIME encodings), so an
    # edit to it cannot be written back byte for byte; such messages are reported, never rewritten.
    n = sum(1 for r in reports if r.result is not None and r.source is None and r.result.findings)
    if n:
        click.echo(f"askcheck: warning: {n} message{'s' if n != 1 else ''} with findings inside corpus files "
                   f"(.jsonl .csv .mbox .eml) not fixed: only text files are rewritten", err=True)


def _show_diffs(linter: Linter, reports: list[FileReport], unsafe: bool) -> bool:
    from .fixer import fix_loop
    from .writer import unified_diff

    changed = 0
    _warn_records_not_fixed(reports)
    for r in reports:
        if r.result is None or r.source is None:
            continue
        new, _, applied = fix_loop(linter, r.source.text, unsafe=unsafe, display=False, filename=r.name)
        if new != r.source.text:
            changed += applied
            click.echo(unified_diff(r.source, new), nl=False)
    if changed:
        click.echo(f"Would fix {changed} finding{'s' if changed != 1 else ''}.", err=True)
    return bool(changed)


def _statistics(reports: list[FileReport], out, unsafe_fixes: bool = False) -> None:
    # [*] as in the full format: what --fix would apply (an unsafe fix only with --unsafe-fixes).
    counts: dict[tuple[str, str], list[int]] = {}
    for r in reports:
        for f in (r.result.findings if r.result else []):
            c = counts.setdefault((f.code, f.name), [0, 0])
            c[0] += 1
            c[1] += 1 if f.fixable and (f.fix.applicability.value == "safe" or unsafe_fixes) else 0
    for (code, name), (n, fixable) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        out.write(f"{n:>6}  {code}  {'[*]' if fixable else '   '}  {name}\n")


@main.command("rewrite")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--config", "config_path", type=INPUT_PATH, default=None, help="Config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--model", default=None, help='spaCy pipeline to load instead of spacy.blank("en").')
def rewrite_cmd(paths, config_path, isolated, model):
    """Print the whole message with every suggestion applied (placeholders included), for editing."""
    from .fixer import rewrite_text

    if not paths:
        fail("no paths given (use - to read stdin)")
    try:
        settings = build_settings(load_file_config(config_path, isolated), (), (), (), model)
    except (ConfigError, RegistryError) as exc:
        fail(str(exc))
    linter = linter_for(settings)
    failed = False
    items = [(_file_report(item), item) for item in gather_sources(paths, None, (), ())]
    for report, item in items:
        if report.error:
            click.echo(f"askcheck: error: {report.error}", err=True)
            failed = True
            continue
        if len(items) > 1:
            click.echo(f"==> {report.label} <==")
        click.echo(rewrite_text(linter, item.text, report.name), nl=not item.text.endswith("\n"))
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(fmt):
    """List every rule: code, name, severity, fix, summary."""
    try:
        rules = load_rules()
    except RegistryError as exc:
        fail(str(exc))
    if fmt == "json":
        import json

        from .registry import describe

        click.echo(json.dumps([describe(r) for r in rules.values()], indent=2))
        return
    rows = [(r.code, r.name, r.severity.value, r.summary) for r in rules.values()]
    widths = [max(len(row[i]) for row in rows + [("CODE", "NAME", "SEVERITY", "")]) for i in range(3)]
    click.echo(f"{'CODE':<{widths[0]}}  {'NAME':<{widths[1]}}  {'SEVERITY':<{widths[2]}}  SUMMARY")
    for code, name, sev, summary in rows:
        click.echo(f"{code:<{widths[0]}}  {name:<{widths[1]}}  {sev:<{widths[2]}}  {summary}")


@main.command("rule")
@click.argument("rule")
def rule_cmd(rule):
    """Show a rule's documentation (by name or code)."""
    try:
        rules = load_rules()
    except RegistryError as exc:
        fail(str(exc))
    for r in rules.values():
        if rule.upper() == r.code or rule.lower() == r.name:
            click.echo(r.documentation())
            return
    fail(f"no rule named {rule!r} (see `askcheck rules`)")


@main.command("eval")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--show", "show", default=None,
              help="Also list the misses (false positives/negatives) of this rule, or of 'asks' (ask detection).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--corpora", type=click.Path(file_okay=False), default=None,
              help="Where the texts of real-message labels live (default: the nearest shared/corpora above them).")
@click.option("--no-fixes", is_flag=True, help="Do not apply each fix to score it (faster).")
@click.option("--model", default=None, help='spaCy pipeline to load instead of spacy.blank("en").')
def eval_cmd(paths, show, fmt, corpora, no_fixes, model):
    """Precision, recall and F1 per rule, and ask detection, over labelled messages.

    Each PATH (a JSONL file or a folder of them) is scored on its own. Default: corpus/labelled,
    corpus/holdout, corpus/real and corpus/real-check (real messages, whose texts are read from the
    shared corpora; they are skipped with a note where those are absent)."""
    from .evaluate import CorpusError, evaluate, needs_corpora

    explicit = bool(paths)
    paths = paths or tuple(p for p in ("corpus/labelled", "corpus/holdout", "corpus/real", "corpus/real-check")
                           if Path(p).exists())
    if not paths:
        fail("no labelled corpus here (give a path)")
    for p in paths:
        if not Path(p).exists():
            fail(f"{p}: no such file or directory")
    linter = linter_for(Settings(model=model))
    results = {}
    for p in paths:
        try:
            results[p] = evaluate(linter, [p], Path(corpora) if corpora else None, fixes=not no_fixes)
        except CorpusError as exc:
            if not explicit and needs_corpora([p]):
                click.echo(f"askcheck: {p}: skipped: {exc}", err=True)
                continue
            fail(str(exc))
    if fmt == "json":
        import json

        click.echo(json.dumps({p: {"messages": count, "rules": {n: s.to_dict() for n, s in scores.items()},
                                   "asks": asks.to_dict() if asks.labelled else None}
                               for p, (scores, count, asks) in results.items()}, indent=2))
        return
    for p, (scores, count, asks) in results.items():
        _print_scores(p, scores, count, asks, show)


def _print_scores(path, scores, count, asks, show) -> None:
    click.echo(f"{path}: {count} labelled messages")
    click.echo(f"{'RULE':<20} {'PREC':>6} {'RECALL':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'SUPPORT':>7}"
               f" {'FIXES':>6} {'CLEARS':>6}")
    rows = list(scores.items())
    if asks.labelled:
        rows.append(("(ask detection)", asks.detection))
    for name, s in rows:
        fixes = f" {s.fix_share:>6.0%} {s.clear_share:>6.0%}" if name in scores else ""
        click.echo(f"{name:<20} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}"
                   f" {s.support:>7}{fixes}")
    if asks.labelled:
        kinds = sorted({k for pair in asks.kinds for k in pair if k}, key=str)
        click.echo(f"\nMAIN ASK KIND (rows: labelled, columns: detected; accuracy {asks.kind_accuracy:.3f}"
                   " where both see an ask)")
        click.echo(f"{'':<10}" + "".join(f"{k or 'none':>10}" for k in kinds + [None]))
        for a in kinds + [None]:
            click.echo(f"{a or 'none':<10}" + "".join(f"{asks.kinds.get((a, b), 0):>10}" for b in kinds + [None]))
    click.echo("\nFIXES: share of findings with a fix; CLEARS: share of fixes that, applied alone, remove"
               " their finding.\n")
    if show:
        if show == "asks":
            score = asks.detection
        elif show in scores:
            score = scores[show]
        else:
            fail(f"no rule named {show!r}")
        for title, items in (("false positives", score.fp_examples), ("false negatives", score.fn_examples)):
            click.echo(f"{show} {title} ({len(items)}):")
            for e in items:
                click.echo("  " + e.replace("\n", " | "))
            click.echo("")


@main.command("lsp")
@click.option("--debounce-ms", type=click.IntRange(min=0), default=250, show_default=True,
              help="Wait this long after the last change before linting a document.")
def lsp_cmd(debounce_ms):
    """Run the language server on stdin/stdout, for an editor (see the README for set-up)."""
    from .lsp.server import serve

    serve(debounce_ms)


# Their own modules (the batch report has many options; the HTTP server is a package), imported when used.
main.lazy = {"report": "askcheck.report_cli:report", "serve": "askcheck.serve.command:serve"}
