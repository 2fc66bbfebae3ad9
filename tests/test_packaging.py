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
