"""The deterministic, offline extraction engine: recognisers + linking rules, every field grounded."""

from extractor.engines.rules.engine import RulesEngine

__all__ = ["RulesEngine"]
