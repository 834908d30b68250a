"""The one error type a user can cause, with a hint on what to do next."""

__all__ = [
    "RecapcastError",
    "ConfigError",
    "ScriptError",
    "EngineError",
    "BuildError",
    "UsageError",
    "PublishError",
]


class RecapcastError(Exception):
    """A failure the user can fix; the CLI prints it as one ``error:`` line plus a hint."""

    exit_code = 1
    default_hint = "rerun with --debug for details"
    """The hint printed when the raiser gives none: every error ends with what to do next."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or self.default_hint


class UsageError(RecapcastError, ValueError):
    """The command line itself is wrong (bad id, bad option value)."""

    exit_code = 2
    default_hint = "see recapcast --help"


class ConfigError(RecapcastError, ValueError):
    """The show config is missing or invalid."""

    default_hint = "fix recapcast.toml (the README's section 'The show config' lists the settings)"


class ScriptError(RecapcastError, ValueError):
    """A recap or narration script cannot be read."""

    default_hint = "fix the file (the README's section 'The narration script' shows the format)"


class EngineError(RecapcastError, RuntimeError):
    """A speech engine is unknown or failed."""

    default_hint = "check [voice] in recapcast.toml, or build offline with --engine piper"


class BuildError(RecapcastError, RuntimeError):
    """A build step failed (audio, tags, feed)."""


class PublishError(RecapcastError, RuntimeError):
    """Copying the show to its host failed (credentials, bucket, server, disk)."""

    default_hint = "check [publish] to in recapcast.toml and the target's rclone settings"
