"""Articles (written for these tests), the threaded uvicorn server, and small HTTP helpers."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import httpx
import uvicorn

from eventcoder.types import Article

# Articles written for these tests.
ARTICLES = [
    Article("wire", "Turkish Foreign Minister Hakan Fidan met his Azerbaijani counterpart Jeyhun Bayramov in Baku on "
            "Monday. Russian forces attacked Kharkiv on Tuesday, local officials said.",
            published="2024-03-15", source="Wire", url="https://wire.example/1", title="Ministers meet in Baku"),
    Article("paper", "Turkey's foreign minister Hakan Fidan held talks with Azerbaijan's Jeyhun Bayramov in Baku on "
            "Monday.", published="2024-03-14", source="Paper", url="https://paper.example/2"),
    Article("protest", "Protesters rallied in Paris against the pension reform. Police arrested dozens of protesters "
            "in Santiago on Tuesday.", published="2024-04-02", source="Paper"),
    Article("world", "The European Union imposed new sanctions on Iran on 12 January 2024. Japan sent humanitarian "
            "aid to Ukraine in February 2024. Chinese President Xi Jinping visited Moscow in March 2023 and met "
            "Vladimir Putin.", published="2024-03-01", source="Digest"),
    Article("xss", "Armenia accused Azerbaijan of shelling border villages on Sunday. <script>alert('x')</script> "
            "Residents posted <img src=x onerror=alert(1)> photos of the damage.",
            published="2024-05-06", source="<b>Forum</b>", title="<script>alert('title')</script>"),
]


class Server:
    """A uvicorn server on 127.0.0.1 in a background thread."""

    def __init__(self, app: Any) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the server (and so close its database); stopping twice is harmless."""
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(timeout=30)
        self.socket.close()


def events(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()["events"]


def event_id(client: httpx.Client, event_type: str, **params: Any) -> str:
    """The id of the newest event of a type."""
    found = events(client, event_type=event_type, **params)
    assert found, f"no {event_type} event"
    return found[0]["id"]
