"""One episode's release: ID3 tags, cover, transcripts and chapter lists."""
