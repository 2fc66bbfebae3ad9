"""ui: the only package that imports PySide6."""
