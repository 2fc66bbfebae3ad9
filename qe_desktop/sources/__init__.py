"""sources: HTTP to the official open data (conditional, resumable, cached); no Qt, no database."""
