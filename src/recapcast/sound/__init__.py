"""Sound: the mix, BS.1770 mastering, short filters and the generated music."""
