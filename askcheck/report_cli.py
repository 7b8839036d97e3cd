"""`askcheck report CORPUS...`: lint a corpus of messages and summarise it, optionally as a CI gate.

Exit status: 0 done (and any gate passed), 1 a gate failed, 2 bad input (unreadable records,
unless --skip-bad-records) or bad usage. Registered on the main group in cli.py.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from .cli_common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, INPUT_PATH, ConfigError, build_settings, cluster_options,
                         corpus_reading_options, fail, linter_for, load_file_config, open_output)
from .cluster import ClusterError, check_settings, cluster_pairs, connect
from .corpus import estimate_count, iter_messages, iter_paths
from .finding import Severity
from .parallel import DEFAULT_CHUNK_SIZE, ProgressBar, default_jobs, is_terminal, progress_wanted
from .partitions import plan_parts
from .registry import RegistryError, load_rules
from .report import FORMATS, build_report, render
from .report.accumulate import rule_infos
from .report.gate import Gate, GateError, load_baseline, parse_max_rate
from .report.gate import write_baseline as save_baseline
from .report.json_stream import JsonStream
from .settings import SettingsError


def _connect(stack: contextlib.ExitStack, scheduler: str):
    """A Dask client for --scheduler, closed with `stack`; a one-line error (exit 2) if there is none."""
    try:
        return stack.enter_context(connect(scheduler))
    except ClusterError as exc:
        fail(str(exc))


@click.command("report")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: aligned tables; json: summary plus every message's results (streamed); "
                   "markdown: for a PR comment or CI job summary; html: one self-contained page with charts.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), default=None,
              help="Write the report here instead of stdout.")
@corpus_reading_options
@click.option("--include", multiple=True,
              help="Glob of files to read inside folders (default: *.txt *.md *.eml *.mbox *.jsonl *.csv).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip.")
@click.option("--skip-bad-records", is_flag=True,
              help="Count and report unreadable records instead of exiting with status 2.")
@click.option("-j", "--jobs", type=int, default=None,
              help="Worker processes (default: all cores). Output is the same for any number.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK_SIZE, show_default=True,
              help="Messages sent to a worker at a time.")
@click.option("--select", multiple=True, help="Rules to check: codes, code prefixes or names (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, code prefixes or names.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--config", "config_path", type=INPUT_PATH, default=None,
              help="Config file (default: nearest pyproject.toml/askcheck.toml).")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--model", default=None, help='spaCy pipeline to load instead of spacy.blank("en").')
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), default=None,
              help="Exit 1 if any finding (with --baseline: any new finding) is this severe or worse.")
@click.option("--max-rate", multiple=True, metavar="RULE=PCT",
              help="Exit 1 if RULE (code or name; ALL for every rule together) has more than PCT findings "
                   "per 100 messages. Repeatable.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Baseline of known findings: fail only on findings not in it (any severity, unless --fail-on).")
@click.option("--write-baseline", is_flag=False, flag_value="", default=None, metavar="[FILE]",
              help="Write the current findings as a baseline: to FILE, or to the --baseline file.")
@click.option("--worst", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many of the worst messages to show.")
@cluster_options
@click.option("--progress/--no-progress", "progress_flag", default=None,
              help="Show progress (messages/s) on stderr (default: only when stderr is a terminal, outside CI).")
def report(paths, fmt, output_file, text_field, id_field, include_quoted, include, exclude, skip_bad_records, jobs,
           chunk_size, select, ignore, extend_select, config_path, isolated, model, fail_on, max_rate, baseline,
           write_baseline, worst, scheduler, partition_size, progress_flag):
    """Summarise a corpus: files, folders, globs; .txt .md .eml .mbox .jsonl .csv."""
    paths, baseline, write_baseline = _baseline_to_write(paths, baseline, write_baseline)
    if not paths:
        fail("no corpus given (files, folders or globs)")
    try:
        cfg = load_file_config(config_path, isolated)
        settings = build_settings(cfg, select, ignore, extend_select, model)
        all_rules = rule_infos(load_rules().values())
        max_rates = dict(parse_max_rate(v, all_rules) for v in max_rate)
        known = load_baseline(baseline) if baseline and not write_baseline else None
    except (ConfigError, RegistryError, GateError) as exc:
        fail(str(exc))
    if scheduler:
        try:
            check_settings(settings)  # the workers load the pipeline; the client needs none
        except (SettingsError, RegistryError) as exc:
            fail(str(exc))
    else:
        linter_for(settings)  # validates the settings and loads the pipeline once; forked workers share it
    gate = Gate(fail_on=Severity(fail_on) if fail_on else None, max_rates=max_rates, baseline=known,
                writing=write_baseline)
    exclude = tuple(cfg.values.get("exclude", ())) + tuple(exclude)
    jobs = jobs if jobs and jobs > 0 else default_jobs()

    show_progress = progress_wanted() if progress_flag is None else progress_flag
    # Counting the messages for an ETA reads the whole corpus: not on a cluster's client.
    total = estimate_count(paths, include, exclude) if show_progress and not scheduler else None
    cluster = contextlib.ExitStack()
    client = _connect(cluster, scheduler) if scheduler else None
    out, close = open_output(output_file)
    bad = missing = 0
    with cluster, ProgressBar(enabled=show_progress, total=total, description="askcheck report",
                              plain=not is_terminal()) as progress:
        def on_error(err):
            nonlocal bad, missing
            if getattr(err, "path_error", False):  # a path that is not there: an input error, never skipped
                missing += 1
                progress.log(f"askcheck: error: {err}")
                return
            bad += 1
            label = "warning: skipped bad record" if skip_bad_records else "error"
            progress.log(f"askcheck: {label}: {err}")

        stream = JsonStream(out) if fmt == "json" else None
        items = iter_messages(paths, text_field=text_field, id_field=id_field, include_quoted=include_quoted,
                              include=include, exclude=exclude)
        pairs = None
        if client is not None:
            from .report.readability import measure

            pairs = cluster_pairs(client, settings, plan_parts(iter_paths(paths, include, exclude), partition_size),
                                  reading=dict(text_field=text_field, id_field=id_field, include_quoted=include_quoted),
                                  annotate=measure, progress=progress, part_bytes=partition_size)
        try:
            summary = build_report(items, settings, jobs=jobs, chunk_size=chunk_size, worst=worst, gate=gate,
                                   json_out=stream, progress=progress, on_error=on_error, inputs=paths, pairs=pairs)
        except ClusterError as exc:  # a part that failed on every worker that tried it
            progress.close()
            fail(str(exc))
        finally:
            progress.close()
        if stream is not None:
            stream.finish(summary)
        else:
            render(fmt, summary, out)
    out.flush()
    if close:
        out.close()
    if write_baseline:
        try:
            save_baseline(baseline, gate.collected)
        except GateError as exc:
            fail(str(exc))
        n = sum(gate.collected.values())
        click.echo(f"askcheck: wrote {n} finding{'s' if n != 1 else ''} to the baseline {baseline}", err=True)
    if missing:
        sys.exit(EXIT_ERROR)
    if bad and not skip_bad_records:
        click.echo(f"askcheck: error: {bad} bad record{'s' if bad != 1 else ''} (see above; "
                   f"--skip-bad-records to count them and go on)", err=True)
        sys.exit(EXIT_ERROR)
    gate_result = summary.get("gate")
    if gate_result and not gate_result["passed"]:
        for reason in gate_result["failures"]:
            click.echo(f"askcheck: gate failed: {reason}", err=True)
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _baseline_to_write(paths, baseline, value):
    """(paths, baseline file, whether to write it) from `--write-baseline [FILE]`: both `--write-baseline
    FILE` and `--baseline FILE --write-baseline` name the file to write."""
    if value is None:
        return paths, baseline, False
    if value and baseline and Path(value) != Path(baseline):
        # `--baseline b.json --write-baseline corpus.jsonl`: the flag took the corpus path after it.
        return (value, *paths), baseline, True
    baseline = baseline or value
    if not baseline:
        fail("--write-baseline needs a file: --write-baseline FILE, or --baseline FILE --write-baseline")
    if Path(baseline).suffix.lower() in CORPUS_SUFFIXES or Path(baseline).is_dir():
        fail(f"{baseline}: a baseline is a JSON file (e.g. known.json), not a corpus: not overwriting it")
    return paths, baseline, True


CORPUS_SUFFIXES = {".txt", ".md", ".eml", ".mbox", ".jsonl", ".csv"}


if __name__ == "__main__":  # python -m askcheck.report_cli, before `askcheck report` is registered
    report(prog_name="askcheck report")
