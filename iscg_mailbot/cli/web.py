"""The ``serve`` command: the group's website (uvicorn serving iscg_mailbot.web)."""

from __future__ import annotations

import logging
import os
from typing import Any

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.errors import ConfigError


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 in a container behind a proxy).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--base-url", default=None, envvar="ISCG_WEB_BASE_URL",
              help="Public address of the site for sign-in links (default: [web] base_url, "
                   "else http://HOST:PORT).")
@click.option("--proxy-headers/--no-proxy-headers", default=False, show_default=True,
              help="Trust X-Forwarded-For/-Proto from the reverse proxy (for the per-client "
                   "sign-in limit).")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True,
              help="Addresses of the reverse proxy whose X-Forwarded-* headers are trusted.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Server processes (more than one needs the secret configured, so that "
                   "every process accepts the others' sessions).")
@pass_state
def serve(state: CliState, host: str, port: int, base_url: str | None,
          proxy_headers: bool, forwarded_allow_ips: str, workers: int) -> None:
    """Serve the website: sign-in by e-mailed link, threads, action items, search, digests.

    Runs beside the worker (``run``) on the same database. Sign-in links point at
    --base-url (env ISCG_WEB_BASE_URL, else [web] base_url); sessions and links are
    signed with the secret in ISCG_WEB_SECRET. See docs/website.md.
    """
    # The web stack is imported by this command only (start-up time: see cli/base.py).
    import uvicorn

    from iscg_mailbot.web.app import create_app

    app = state.app()
    url = base_url or app.settings.web.base_url or f"http://{host}:{port}"
    logging.getLogger("iscg_mailbot").setLevel(logging.DEBUG if state.debug else logging.INFO)
    options: dict[str, Any] = {
        "host": host, "port": port, "proxy_headers": proxy_headers,
        "forwarded_allow_ips": forwarded_allow_ips, "server_header": False,
        "log_level": "debug" if state.debug else "info"}
    if workers == 1:
        uvicorn.run(create_app(app, base_url=url), **options)
        return
    if app.settings.web.secret() is None:
        raise ConfigError(f"--workers {workers}: set the signing secret ({app.settings.web.secret_env} "
                          "or [web] secret_file), which every process must share")
    app.close()
    # Each worker process builds its own app from the same configuration.
    os.environ["ISCG_WEB_BASE_URL"] = url
    if state.config_path:
        os.environ["ISCG_CONFIG"] = state.config_path
    uvicorn.run("iscg_mailbot.web.app:app_from_environment", factory=True, workers=workers,
                **options)
