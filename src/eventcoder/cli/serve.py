"""`eventcoder serve`: the HTTP API and the web UI on an event database (a thin shell over `api.create_app`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .events import add_db_argument

LOOPBACK = ("127.0.0.1", "localhost", "::1")

DESCRIPTION = """\
Serve the event database over HTTP: the web UI at /, the API at /api/... (OpenAPI
schema at /openapi.json, browsable at /docs).

The server binds 127.0.0.1 unless --host says otherwise.  On any other address the
write endpoints (coding, ingesting, correcting) need the token of --token-file, sent
as "Authorization: Bearer <token>", and serve refuses to start without one.  With
--token-file on 127.0.0.1 the writes need the token too.  While it runs, the server
holds the database (other eventcoder commands on the same file wait for it to stop)."""


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="serve the web UI and the HTTP API on the event database",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--token-file", metavar="FILE", help="file holding the token write requests must send")
    parser.add_argument("--model", metavar="NAME", help="installed spaCy pipeline for coding posted text")
    parser.add_argument("--max-body-bytes", type=int, default=2_000_000, metavar="N",
                        help="largest request body accepted (default 2000000)")
    return parser


def read_token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UsageError(f"cannot read the token file {path}: {exc.strerror or exc}") from None
    if len(token) < 16:
        raise UsageError(f"the token in {path} is too short: use at least 16 characters")
    return token


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import create_app
    from ..api.app import WEB, missing_web_packages

    loopback = args.host in LOOPBACK
    token = read_token(args.token_file) if args.token_file else None
    if not loopback and token is None:
        raise UsageError(
            f"refusing to serve on {args.host} without a token: anyone who can reach it could change the "
            "database; give --token-file FILE (write requests then need 'Authorization: Bearer <token>'), "
            "or serve on 127.0.0.1"
        )
    if not 0 < args.port < 65536:
        raise UsageError(f"bad --port {args.port}: choose 1-65535")

    def coder_factory() -> Any:
        from ..pipeline import Coder

        return Coder(model=args.model)

    app = create_app(
        args.db, token=token, writes_need_token=not loopback, max_body_bytes=args.max_body_bytes,
        coder_factory=coder_factory, allowed_hosts=LOOPBACK if loopback else None,
    )
    missing = missing_web_packages()
    if missing:
        print(f"eventcoder: the web UI's browser packages are not installed ({', '.join(missing)}): the API works, "
              f"the pages will not; install them with `npm ci --prefix {WEB}` (the README's set-up does)",
              file=sys.stderr, flush=True)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    writes = "writes need the token" if token else "writes open to this machine"
    print(f"eventcoder: serving {args.db} at http://{shown}:{args.port}/ ({writes}); Ctrl-C stops",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
