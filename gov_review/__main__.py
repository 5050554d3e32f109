"""`python -m gov_review` runs the command line."""

import sys

from gov_review.cli.main import main

sys.exit(main())
