"""The one error type a user can cause, with a hint on what to do next."""

__all__ = [
    "RecapcastError",
    "ConfigError",
    "ScriptError",
    "EngineError",
    "BuildError",
    "UsageError",
]


class RecapcastError(Exception):
    """A failure the user can fix; the CLI prints it as one ``error:`` line plus a hint."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(RecapcastError, ValueError):
    """The command line itself is wrong (bad id, bad option value)."""

    exit_code = 2


class ConfigError(RecapcastError, ValueError):
    """The show config is missing or invalid."""


class ScriptError(RecapcastError, ValueError):
    """A recap or narration script cannot be read."""


class EngineError(RecapcastError, RuntimeError):
    """A speech engine is unknown or failed."""


class BuildError(RecapcastError, RuntimeError):
    """A build step failed (audio, tags, feed)."""
