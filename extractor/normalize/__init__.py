"""Deterministic normalisers (money, dates, places): shared by the rules engine and the LLM validator."""
