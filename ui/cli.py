"""The `keyproj` command: thin click commands over library calls.

Every command reads the one Settings object; flags override environment variables, which override
defaults. Errors keyproj expects print one line and exit 1.
"""

from __future__ import annotations

import sys

import click

from extractor.errors import KeyprojError
from extractor.settings import Settings
from extractor.store import Store


class KeyprojGroup(click.Group):
    """Turns expected errors into one clear line and a non-zero exit instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyprojError as err:
            click.secho(f"error: {err}", fg="red", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.secho("interrupted: finished documents are saved; run the same command again to resume.",
                        fg="yellow", err=True)
            sys.exit(130)


@click.group(cls=KeyprojGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Where the store and index live (default ./.keyproj, env KEYPROJ_DATA_DIR).")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    """keyproj: grounded records of Chinese key projects from news articles, with cited answers."""
    ctx.obj = Settings(**({"data_dir": data_dir} if data_dir else {}))


def settings_with(ctx: click.Context, **overrides) -> Settings:
    """The context's settings with the non-None flag values applied (and validated)."""
    base: Settings = ctx.obj
    changes = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**{**base.model_dump(), **changes}) if changes else base


def open_store(settings: Settings) -> Store:
    return Store.open(settings)


def main() -> None:
    from ui.commands import register

    register(cli)
    cli(prog_name="keyproj")


if __name__ == "__main__":
    main()
