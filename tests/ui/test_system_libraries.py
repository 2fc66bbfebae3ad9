"""The start-up check of the libraries Qt's xcb plugin needs (no Qt involved)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qe_desktop.ui import system_libraries
from qe_desktop.ui.system_libraries import (
    check_system_libraries,
    install_advice,
    needs_check,
    packages_for,
)

FOUND = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)\n"


def fake_ldd(folder: Path, output: str) -> Path:
    """An `ldd` on the PATH that reports what we tell it to."""
    folder.mkdir(exist_ok=True)
    script = folder / "ldd"
    script.write_text(f"#!/bin/sh\ncat <<'END'\n{output}END\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:no-glx"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "darwin", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "win32", False),
        ({"QT_QPA_PLATFORM": "xcb", "QE_DESKTOP_SKIP_LIBRARY_CHECK": "1"}, "linux", False),
    ],
)
def test_only_the_xcb_platform_is_checked(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert needs_check(environ, platform) is expected


def test_known_and_unknown_libraries_get_their_packages() -> None:
    assert packages_for("libxcb-cursor.so.0") == ("libxcb-cursor0", "xcb-util-cursor")
    assert packages_for("libxcb-xinput.so.0") == ("libxcb-xinput0", "libxcb")
    assert packages_for("libinconnue.so.3") is None
    advice = install_advice(["libxcb-shape.so.0", "libxcb-randr.so.0", "libinconnue.so.3"])
    assert "sudo apt-get install libxcb-shape0 libxcb-randr0\n" in advice
    assert "sudo dnf install libxcb\n" in advice  # one package, named once
    assert "apt-file search libinconnue.so.3" in advice


def test_a_missing_library_gives_the_install_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ldd = fake_ldd(tmp_path / "bin", FOUND + "\tlibxcb-icccm.so.4 => not found\n" * 2)
    monkeypatch.setenv("PATH", f"{ldd}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "linux")
    advice = check_system_libraries({"QT_QPA_PLATFORM": "xcb"})
    assert advice is not None
    assert "  libxcb-icccm.so.4\n" in advice
    assert "Debian/Ubuntu : sudo apt-get install libxcb-icccm4\n" in advice
    assert "Fedora : sudo dnf install xcb-util-wm\n" in advice
    fake_ldd(tmp_path / "bin", FOUND)
    assert check_system_libraries({"QT_QPA_PLATFORM": "xcb"}) is None


def test_without_ldd_the_known_libraries_are_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_libraries.shutil, "which", lambda _name: None)
    monkeypatch.setattr(system_libraries, "PACKAGES", {"libqe-absente.so.9": ("a", "b")})
    missing = system_libraries.missing_libraries(Path("libqxcb.so"))
    assert missing == ["libqe-absente.so.9"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_window_command_stops_with_the_line_instead_of_qt_traceback(tmp_path: Path) -> None:
    ldd = fake_ldd(tmp_path / "bin", FOUND + "\tlibxcb-cursor.so.0 => not found\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QE_DESKTOP_SKIP_LIBRARY_CHECK")
    }
    env |= {"PATH": f"{ldd}{os.pathsep}{env['PATH']}", "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "sudo apt-get install libxcb-cursor0\n" in done.stderr
    assert "sudo dnf install xcb-util-cursor\n" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.sqlite").exists()  # stopped before anything was opened


def test_the_readme_lists_the_libraries_for_both_families() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    apt = readme.split("sudo apt-get install", 1)[1].split("#", 1)[0]
    dnf = readme.split("sudo dnf install", 1)[1].split("```", 1)[0]
    for soname in (
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxcb-image.so.0",
        "libxcb-render-util.so.0",
        "libxcb-shape.so.0",
        "libxcb-xinerama.so.0",
        "libxcb-randr.so.0",
        "libxkbcommon-x11.so.0",
        "libX11-xcb.so.1",
        "libGL.so.1",
        "libEGL.so.1",
        "libfontconfig.so.1",
        "libdbus-1.so.3",
    ):
        debian, fedora = packages_for(soname) or ("?", "?")
        assert f" {debian} " in f" {' '.join(apt.split())} ", soname
        assert f" {fedora} " in f" {' '.join(dnf.split())} ", soname


def test_without_a_screen_only_linux_without_display_or_platform_counts() -> None:
    assert system_libraries.has_no_display({}, "linux")
    assert not system_libraries.has_no_display({"DISPLAY": ":0"}, "linux")
    assert not system_libraries.has_no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not system_libraries.has_no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not system_libraries.has_no_display({}, "darwin")


def _headless_env() -> dict[str, str]:
    gone = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QE_DESKTOP_SKIP_LIBRARY_CHECK")
    return {key: value for key, value in os.environ.items() if key not in gone}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are Linux's here")
def test_without_a_screen_the_window_says_so_and_the_screenshot_still_renders(
    tmp_path: Path,
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qe_desktop", "--db", str(tmp_path / "x.sqlite"), *args],
            capture_output=True,
            text=True,
            env=_headless_env(),
            timeout=180,
            check=False,
        )

    window = run()
    assert window.returncode == 1
    assert "aucun écran disponible" in window.stderr
    assert "Traceback" not in window.stderr and "qt.qpa" not in window.stderr
    assert not (tmp_path / "x.sqlite").exists()  # stopped before anything was opened
    png = tmp_path / "window.png"
    shot = run("screenshot", str(png), "--size", "800x600")
    assert shot.returncode == 0, shot.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
