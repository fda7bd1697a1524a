"""`python -m eventcoder` is the `eventcoder` command."""

from .cli.main import main

raise SystemExit(main())
