"""Pure parsers: bytes or text in, domain records out. No database, no Qt."""
