"""Reading inputs (JSON Lines, plain text, directories, stdin) into `Document`s."""

from eventwire.ingest.documents import DEFAULT_MAX_CHARS, read_inputs

__all__ = ["DEFAULT_MAX_CHARS", "read_inputs"]
