"""One exception hierarchy. Messages say what went wrong and what to do about it."""


class KeyprojError(Exception):
    """Base of every error keyproj raises on purpose; the CLI prints its message on one line."""


class ConfigError(KeyprojError):
    """A setting is missing or invalid."""


class IngestError(KeyprojError):
    """A file cannot be ingested (empty, binary, undecodable, too large, unsupported)."""


class StoreError(KeyprojError):
    """The SQLite store cannot be opened or migrated."""


class LLMError(KeyprojError):
    """The LLM endpoint failed for good (after retries) or returned nothing usable."""


class QuestionError(KeyprojError):
    """A question names something keyproj cannot interpret (unknown place, malformed amount)."""
