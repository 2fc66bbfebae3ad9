"""The window side of highlights, notes and tags (issue 6)."""
