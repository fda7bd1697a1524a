"""The `eventcoder` command: argument parsing, logging set-up, and dispatch to one module per command.

Each command lives in ``eventcoder/cli/<name>.py`` with a pair of functions:
``register(subparsers) -> argparse.ArgumentParser`` (adds its sub-parser) and
``run(args) -> int`` (does the work and returns the exit status).  Adding a command is
adding its name to `COMMANDS`.

Exit status: 0 success, 1 some articles failed (or another error the user can fix),
2 usage error (bad option or argument, missing model, malformed data file).  Errors
the user can cause are printed as one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from ..errors import DataFileError, EventcoderError, ModelNotFoundError, UsageError

PROG = "eventcoder"
COMMANDS = ("code", "evaluate", "places", "dates", "ingest", "events", "stats", "export", "serve")


def package_version() -> str:
    try:
        return version("eventcoder")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Offline political event coding: news text in, PLOVER/CAMEO event records out.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging details on stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"{__package__}.{name}")
        sub = module.register(subparsers)
        sub.set_defaults(run=module.run)
        # -v also works after the command name; SUPPRESS keeps a value given before it.
        sub.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = super().format(record)
        if record.levelno >= logging.WARNING:
            return f"{PROG}: {record.levelname.lower()}: {message}"
        return f"{PROG}: {record.name}: {message}"


def configure_logging(verbose: bool) -> None:
    """Log records of the eventcoder package to stderr (warnings, or everything with -v)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter("%(message)s"))
    logger = logging.getLogger("eventcoder")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False


def error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
        return status
    except (UsageError, ModelNotFoundError, DataFileError) as exc:
        error(str(exc))
        return 2
    except EventcoderError as exc:
        error(str(exc))
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
