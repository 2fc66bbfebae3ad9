"""Entry point for `python -m qe_desktop` and the `qe-desktop` gui-script."""

import sys


def main() -> int:
    from qe_desktop.app import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
