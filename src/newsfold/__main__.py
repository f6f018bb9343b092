"""``python -m newsfold``: the same command line as ``newsfold``."""
import sys

from .cli import main

sys.exit(main())
