"""CLI commands, one module per area; `register` attaches them to the group."""

from __future__ import annotations

import importlib

import click

# Each module defines `commands: list[click.Command]`.
MODULES = ["ui.commands.corpus", "ui.commands.ask", "ui.commands.evaluate", "ui.commands.serve", "ui.commands.llm"]


def register(group: click.Group) -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        for command in module.commands:
            group.add_command(command)
