"""Runs the ``forewarn`` command with the tests' stand-in coder (not a test module).

Used by test_watch_crash.py so the crash test depends on the watcher, not on the event coder.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import fake_clean, fake_code_batch  # noqa: E402

from forewarn.cli import main  # noqa: E402
from forewarn.pipeline import Pipeline  # noqa: E402

Pipeline.code_batch = fake_code_batch
Pipeline.clean = fake_clean
sys.argv[0] = "forewarn"
main()
