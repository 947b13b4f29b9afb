"""The suite runs without the shared eval folder beside the repository: what needs it skips (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model
def test_cluster_tests_skip_without_the_polnear_articles(tmp_path):
    env = {**os.environ, "QUOTES_SHARED": str(tmp_path / "no-shared")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "tests/test_cluster.py", "-k", "plain or bad_file or unchanged"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "3 skipped" in result.stdout and "no PolNeAR articles at" in result.stdout, result.stdout[-2000:]
