"""Moved to tests/cli_inprocess.py, the one in-process runner of the whole suite.

Kept only so that branches written against the old path still import; import
`tests.cli_inprocess` in new tests.
"""

from tests.cli_inprocess import Outcome, invoke, run

__all__ = ["Outcome", "invoke", "run"]
