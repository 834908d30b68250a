"""Crash safety: atomic writes, the build lock, interrupts and safe characters."""
