"""Package data of qe-desktop (installed as qe_desktop.resources)."""
