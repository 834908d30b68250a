"""recapcast: turn written TV-episode recaps into podcast episodes."""

__version__ = "0.1.0"
