"""ui: the only package that imports PySide6.

Importing it first protects `None` from a reference-counting fault of PySide6 6.12 on
Python 3.11 (see `none_guard`), before any Qt call can be made.
"""

from qe_desktop.ui.none_guard import keep_none_alive

keep_none_alive()
