"""Words in: the script format and import, speakable text, pronunciations, segments, check."""
