"""The built wheel carries questionnaires/ and reports/ and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)], check=True, capture_output=True)
    wheel = next(dist.glob("kipmonev-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([str(bin_dir / "pip"), "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    # Dependencies come from the test environment; .pth files inside it (the editable checkout) are not processed.
    site = Path(subprocess.run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True).stdout.strip())
    (site / "_kipmonev_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import kipmonev.core.resources as r; print(r.questionnaires_dir()); print(r.reports_dir())"],
        cwd=tmp_path, env=clean_env, check=True, capture_output=True, text=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(env_dir) for p in where), where
    listed = subprocess.run([str(bin_dir / "kipmonev"), "questionnaires"], cwd=tmp_path, env=clean_env, check=True, capture_output=True, text=True)
    assert "ki-pusat-2025-bumn" in listed.stdout
    assert "ki-kaltim" in listed.stdout
