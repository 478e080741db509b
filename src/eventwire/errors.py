"""Errors eventwire reports to users: one clear line each, never a traceback."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of the errors a user can fix."""


class DocumentError(EventwireError):
    """One input document cannot be processed; the rest of the batch goes on.

    `where` names the document for the user: its id, or file and line.
    """

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class MissingModelError(EventwireError):
    """The spaCy model package is not installed."""
