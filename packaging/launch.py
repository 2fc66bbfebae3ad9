"""PyInstaller's entry script: the same `main` as the `qe-desktop` gui-script."""

import sys

from qe_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
