"""Serve a built site on 127.0.0.1 under a path prefix (its site_url path), in a thread."""

from __future__ import annotations

import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class Handler(SimpleHTTPRequestHandler):
    """Files of one folder under a URL prefix; anything outside the prefix is a 404."""

    prefix = "/"

    def __init__(self, *args: Any, prefix: str, **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        clean = unquote(urlsplit(path).path)
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-prefix")  # never exists: 404
        return super().translate_path("/" + clean[len(self.prefix) :])

    # As GitHub Pages does: every response may be reused for 10 minutes, so a visitor's
    # second page does not download the theme's CSS and script again.
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet server
        pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SiteServer:
    """`with SiteServer(dir, port, "/oc/") as server:` serves dir at server.url."""

    def __init__(self, directory: Path, port: int, prefix: str = "/", handler_class: type[Handler] | None = None) -> None:
        handler = partial(handler_class or Handler, directory=str(directory), prefix=prefix)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
