"""Entry point for `python -m qe_desktop` and the `qe-desktop` gui-script."""

import gc
import sys

INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def main() -> int:
    """Start the window or run a command; Ctrl-C ends it with a French word, not a trace.

    Nothing is left half-written: exports and backups write a temporary file and move
    it into place, and the library's transaction is rolled back.
    """
    try:
        return _main()
    except KeyboardInterrupt:
        sys.stderr.write(
            "\ninterrompu (Ctrl+C) : rien n'a été écrit à moitié, "
            "un fichier précédent est resté tel quel.\n"
        )
        return INTERRUPTED


def _main() -> int:
    """Start the window or run a command, with logging and crash reports set up first."""
    # No cyclic garbage collection while the modules load: start-up allocates many
    # objects that all live on, and the collector would scan them again and again
    # (about 60 ms of the window's start). The window turns it back on once shown,
    # the command line before running its command.
    gc.disable()
    if "import" in sys.argv[1:4]:  # its reading process first, before anything loads (#25)
        from qe_desktop.services.import_start import start_early

        start_early(sys.argv[1:])
    from qe_desktop.quick_cli import answer_quickly

    # `search`, `list`, `show`: answered before the rest of the command line and the log
    # file are set up (#25); None when the full command line must run.
    if (code := answer_quickly(sys.argv[1:])) is not None:
        return code
    from qe_desktop.app import main as app_main
    from qe_desktop.services.logs import (
        configure_logging,
        enable_fault_handler,
        install_exception_hooks,
    )

    configure_logging()  # the process's own hooks: a crash anywhere ends in the log
    enable_fault_handler()
    install_exception_hooks()
    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
