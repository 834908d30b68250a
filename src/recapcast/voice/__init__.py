"""Voices: the engines, the take cache and previews of single takes."""
