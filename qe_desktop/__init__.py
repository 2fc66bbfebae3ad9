"""qe-desktop: read, annotate and follow French parliamentary written questions."""

__version__ = "0.1.0"
