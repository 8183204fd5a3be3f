"""ui: start the Streamlit app on 127.0.0.1 over the CLI's data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from extractor.settings import Settings
from ui.cli import settings_with

APP = Path(__file__).resolve().parent.parent / "app.py"


def streamlit_command(settings: Settings, port: int) -> tuple[list[str], dict[str, str]]:
    """The `streamlit run` command line and environment for the app (local only, no telemetry)."""
    upload_mb = max(1, settings.max_file_bytes // 1_000_000)
    argv = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.maxUploadSize", str(upload_mb),
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
    ]
    # The app builds its own Settings from the environment; the data dir is the one that must agree.
    env = {**os.environ, "KEYPROJ_DATA_DIR": str(Path(settings.data_dir).resolve())}
    return argv, env


@click.command()
@click.option("--port", type=int, default=None, help="Port to listen on (default 8501, env KEYPROJ_UI_PORT).")
@click.pass_context
def ui(ctx: click.Context, port: int | None) -> None:
    """Start the web app (ask, browse records, read articles, check evals) on 127.0.0.1."""
    settings = settings_with(ctx, ui_port=port)
    argv, env = streamlit_command(settings, settings.ui_port)
    click.echo(f"keyproj ui: http://127.0.0.1:{settings.ui_port} (data dir {env['KEYPROJ_DATA_DIR']}); "
               "Ctrl+C to stop", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # Become the server (rather than wait on a child) so Ctrl+C and SIGTERM reach streamlit directly
    # and no orphaned server is left behind.
    os.execve(argv[0], argv, env)


commands = [ui]
