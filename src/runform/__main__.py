"""`python -m runform …` does what the `runform` command does."""

import sys

from runform.cli import main

sys.exit(main())
