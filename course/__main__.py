"""``python -m course``: the course's command line (``python -m course --help``)."""

from .tools.cli import main

raise SystemExit(main())
