"""`python -m opencommittee`: the command line (see opencommittee/cli/main.py)."""

import sys

from opencommittee.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
