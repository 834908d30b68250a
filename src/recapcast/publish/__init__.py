"""What is published: the catalog of episodes, the feed and its check, the show page, serve."""
