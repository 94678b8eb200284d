import os
import subprocess
import sys

import pytest


@pytest.fixture
def cli(tmp_path):
    """Run the forewarn command as a user would, with a private store and config folder."""
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), FOREWARN_CONFIG=str(tmp_path / "none.toml"))
    env.pop("FOREWARN_DB", None)

    def run(*args, input=None, check=None):
        proc = subprocess.run([sys.executable, "-m", "forewarn", *map(str, args)], input=input,
                              capture_output=True, text=True, env=env, timeout=600)
        if check is not None:
            assert proc.returncode == check, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
        return proc

    run.env = env
    return run
