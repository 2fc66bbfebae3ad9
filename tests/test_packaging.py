"""What `pip install .` must provide: the gui-script, the package data, the migrations."""

from __future__ import annotations

import tomllib
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_gui_script_points_at_the_entry_point() -> None:
    scripts = {ep.name: ep.value for ep in metadata.entry_points(group="gui_scripts")}
    assert scripts.get("qe-desktop") == "qe_desktop.__main__:main"


def test_bundled_samples_are_package_data() -> None:
    samples = resources.files("qe_desktop.resources") / "samples" / "senat"
    names = {node.name for node in samples.iterdir()}
    assert "genet-2025-ia-services-publics.txt" in names


def test_migrations_ship_inside_the_package() -> None:
    versions = resources.files("qe_desktop.storage.migrations") / "versions"
    assert any(node.name.startswith("0001") for node in versions.iterdir())


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "qe_desktop").rglob("__init__.py")
    }
    assert on_disk <= listed, on_disk - listed


def test_lower_bounds_are_pinned() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in config["project"]["dependencies"]:
        assert ">=" in requirement, requirement


def test_the_wheel_ships_resources_migrations_and_the_gui_script(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    # The PEP 517 backend itself: a uv-made environment has no pip, and no network is needed.
    build = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
    subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("qe_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "qe_desktop/resources/samples/senat/genet-2025-ia-services-publics.txt" in names
    assert "qe_desktop/resources/translations/qe_desktop_fr.ts" in names
    assert any(n.startswith("qe_desktop/storage/migrations/versions/0001") for n in names)
    assert "qe_desktop/storage/migrations/script.py.mako" in names
    assert "qe_desktop/storage/migrations/schema_sqlite.sql" in names  # new libraries' schema
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "qe-desktop = qe_desktop.__main__:main" in text
