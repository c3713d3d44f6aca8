"""One exception root for everything newsdesk raises on purpose.

Foreign exceptions are converted once per boundary (httpx in the fetcher, SQLAlchemy in
storage, CTranslate2 in the translator); bugs are left unwrapped so they show as bugs.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of all expected failures; `resource` names what failed (feed, file, article)."""

    exit_code = 1

    def __init__(self, message: str, resource: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.resource = resource

    def __str__(self) -> str:
        if self.resource and self.resource not in self.message:
            return f"{self.resource}: {self.message}"
        return self.message


class ConfigError(NewsdeskError):
    """feeds.yaml or a command-line value is wrong (exit 2)."""

    exit_code = 2


class UsageError(ConfigError):
    """A command was called in a way that cannot work (exit 2)."""


class NotFoundError(NewsdeskError):
    """A resource asked for by id does not exist (exit 1: the command was well formed)."""


class StoryNotFoundError(NotFoundError):
    """No story with that id."""


class FeedError(NewsdeskError):
    """One feed could not be fetched or parsed; the others go on."""


class StorageError(NewsdeskError):
    """The database is locked, corrupt, too new, or unreachable."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer newsdesk; refusing to touch it."""


class TranslationError(NewsdeskError):
    """Translation could not run (engine failure, bad model)."""


class ModelMissingError(TranslationError):
    """No installed Argos package for a language pair."""


class ModelInstallError(TranslationError):
    """An Argos package could not be installed (bad file, index unreachable)."""


class DigestError(NewsdeskError):
    """The digest could not be built, written or sent."""


class LockedError(NewsdeskError):
    """Another newsdesk run holds the poll lock."""
