"""``python -m govinfo_report`` runs the command line."""

import sys

from govinfo_report.io.cli import main

sys.exit(main())
