"""Answer coverage in the window: the reader's strip and links (issue #20)."""
