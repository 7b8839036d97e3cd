"""`askcheck serve`: run the HTTP server (see askcheck/serve/__init__.py for what it serves).

Only click and the options are imported here, so the rest of the command line starts as fast as
before and works where the `serve` extra (starlette, uvicorn) is not installed.
"""
from __future__ import annotations

import copy
import ipaddress
import os

import click

from ..cli_common import ConfigError, build_settings, fail, linter_for, load_file_config
from ..registry import RegistryError
from .options import DEFAULT_HOST, DEFAULT_MAX_BODY, DEFAULT_PORT, DEFAULT_TIMEOUT, ENVIRONMENT_KEY, ServeOptions

MAX_CONNECTIONS = 256  # per worker; past it uvicorn answers 503 instead of queueing without end


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _log_config() -> dict:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["askcheck.serve"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (8081 is where LanguageTool add-ons look for a local server).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes, each with its own warm pipeline.")
@click.option("--max-body", default=DEFAULT_MAX_BODY, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes (larger: 413).")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(0, min_open=True),
              help="Seconds a request may take (longer: 503).")
@click.option("--allow-origin", "allow_origins", multiple=True,
              help="Origin allowed to call the API from a web page of its own (CORS); '*' for any. Default: none.")
@click.option("--log-text", is_flag=True, help="Also log the text of each request (never logged otherwise).")
@click.option("--config", "config_path", type=click.Path(readable=False), default=None,
              help="Config file (default: nearest pyproject.toml/askcheck.toml): the rules checked by default.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--model", default=None, help='spaCy pipeline to load instead of spacy.blank("en").')
def serve(host, port, workers, max_body, timeout, allow_origins, log_text, config_path, isolated, model):
    """Serve askcheck over HTTP: a LanguageTool-compatible API (/v2/check), a JSON API (/api/...)
    and a page to compose a message against it (/)."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401  (the serve extra)
    except ImportError:
        fail("askcheck serve needs the serve extra: pip install 'askcheck[serve]'")
    try:
        settings = build_settings(load_file_config(config_path, isolated), (), (), (), model)
    except (ConfigError, RegistryError) as exc:
        fail(str(exc))
    linter_for(settings)  # a bad rule selection or model fails here, with exit 2, not in every worker
    options = ServeOptions(settings=settings, max_body=max_body, timeout=timeout,
                           allow_origins=tuple(allow_origins), log_text=log_text)
    if not _is_loopback(host):
        click.echo(f"askcheck serve: warning: listening on {host}: anyone who can reach this machine can use "
                   "the server", err=True)
    where = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    click.echo(f"askcheck serve: the page at {where}/, the LanguageTool API at {where}/v2", err=True)
    os.environ[ENVIRONMENT_KEY] = options.to_environment()  # read by each worker (spawned processes too)
    import uvicorn

    uvicorn.run("askcheck.serve.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_config=_log_config(), access_log=False, limit_concurrency=MAX_CONNECTIONS,
                server_header=False, proxy_headers=False)
