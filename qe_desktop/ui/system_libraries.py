"""Before the window: are the system libraries Qt's X11 (xcb) plugin needs installed?

PySide6 ships Qt but not the X11 helper libraries its xcb platform plugin links to
(libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 are missing from a fresh Debian). Without
them Qt aborts with a long message about plugins. We ask the dynamic loader (`ldd` on the
plugin, which follows Qt's own libraries too) what it cannot find, and print the one line
that installs it on Debian/Ubuntu and on Fedora. Nothing here imports Qt: loading Qt's
libraries is exactly what fails.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from importlib.util import find_spec
from pathlib import Path

SKIP_VARIABLE = "QE_DESKTOP_SKIP_LIBRARY_CHECK"

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libexpat.so.1": ("libexpat1", "expat"),
    "libz.so.1": ("zlib1g", "zlib"),
}
_OTHER_XCB = re.compile(r"^libxcb-([a-z0-9]+)\.so\.(\d+)$")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def packages_for(soname: str) -> tuple[str, str] | None:
    """The Debian and Fedora packages holding a library, when we know them."""
    known = PACKAGES.get(soname)
    if known:
        return known
    other = _OTHER_XCB.match(soname)
    if other:  # the other xcb extensions all follow Debian's naming; Fedora has them in libxcb
        return (f"libxcb-{other[1]}{other[2]}", "libxcb")
    return None


def needs_check(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Only when Qt will use its xcb plugin: Linux, and xcb asked for or picked by default."""
    if not platform.startswith("linux") or environ.get(SKIP_VARIABLE):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    # Unset: Qt prefers Wayland in a Wayland session (and falls back to xcb by itself).
    return not environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") != "wayland"


def has_no_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Linux without X11 or Wayland (a server, an SSH session): Qt could only abort."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM", "").strip():
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


NO_DISPLAY_ADVICE = (
    "qe-desktop : aucun écran disponible (ni DISPLAY ni WAYLAND_DISPLAY) : la fenêtre ne "
    "peut pas s'ouvrir.\n"
    "  Ouvrez une session graphique, ou utilisez la ligne de commande "
    "(qe-desktop --help) ;\n"
    "  « qe-desktop screenshot fichier.png » rend la fenêtre dans une image sans écran.\n"
)


def xcb_plugin() -> Path | None:
    """PySide6's `libqxcb.so`, in a virtual environment or in the standalone bundle."""
    spec = find_spec("PySide6")
    folders = list(spec.submodule_search_locations or []) if spec else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(str(Path(bundle) / "PySide6"))
    for folder in folders:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries the loader cannot find for the plugin (and the Qt libraries it uses)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return _missing_by_loading(list(PACKAGES))
    done = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, check=False, timeout=30
    )
    return list(dict.fromkeys(_NOT_FOUND.findall(done.stdout)))


def _missing_by_loading(sonames: Sequence[str]) -> list[str]:
    """No `ldd` (a minimal system): try to load the libraries we know Qt needs."""
    missing = []
    for soname in sonames:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def install_advice(missing: Sequence[str]) -> str:
    """The French message: what is missing and the lines that install it."""
    debian: list[str] = []
    fedora: list[str] = []
    unknown: list[str] = []
    for soname in missing:
        packages = packages_for(soname)
        if packages is None:
            unknown.append(soname)
            continue
        for wanted, names in zip(packages, (debian, fedora), strict=True):
            if wanted not in names:
                names.append(wanted)
    lines = [
        "qe-desktop : la fenêtre ne peut pas s'ouvrir, des bibliothèques système manquent "
        "(greffon Qt « xcb ») :",
        "  " + ", ".join(missing),
    ]
    if debian:
        lines += [
            "Installez-les, puis relancez :",
            "  Debian/Ubuntu : sudo apt-get install " + " ".join(debian),
            "  Fedora : sudo dnf install " + " ".join(fedora),
        ]
    for soname in unknown:
        lines.append(
            f"  {soname} : cherchez son paquet avec « apt-file search {soname} » "
            f"ou « dnf provides '*/{soname}' »"
        )
    return "\n".join(lines) + "\n"


def check_system_libraries(environ: Mapping[str, str] | None = None) -> str | None:
    """The advice to print when the window cannot start, else None (also when unsure)."""
    if not needs_check(os.environ if environ is None else environ):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    return install_advice(missing) if missing else None
