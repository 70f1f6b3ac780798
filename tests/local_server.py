"""A local HTTP server for the link tests: 127.0.0.1 only, a thread, stopped on leaving."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: The recorded cloud pages (modelled on the services' pages; see the README there).
PAGES = Path(__file__).parent / "data" / "links"
#: (host, path) → (status, redirect target or None, recorded page or None); ``{port}`` is the server's.
Routes = dict[tuple[str, str], tuple[int, str | None, str | None]]


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """Serve ``handler`` on 127.0.0.1 at a free port, which is given."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


def recorded_pages(routes: Routes, seen: list[tuple[str, str]] | None = None, slow: tuple[str, str] | None = None) -> type[BaseHTTPRequestHandler]:
    """A handler answering by the ``Host`` header and path from ``routes`` (anything else: 200 and a PDF).

    Every host name is meant to resolve to the one local server (the link checker's ``lookup``).
    ``seen`` collects (method, host) of each request; ``slow`` is answered after 1,5 seconds.
    """

    class Recorded(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _route(self, head: bool) -> None:
            host, port = self.headers["Host"].rsplit(":", 1)
            key = (host, self.path.split("?", 1)[0])
            if seen is not None:
                seen.append((self.command, host))
            if key == slow:
                time.sleep(1.5)
            status, location, page = routes.get(key, (200, None, None))
            body = (PAGES / page).read_bytes() if page else b"%PDF-1.7 dokumen"
            self.send_response(status)
            if location:
                self.send_header("Location", location.format(port=port))
            self.send_header("Content-Type", "text/html; charset=utf-8" if page else "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self._route(head=True)

        def do_GET(self) -> None:
            self._route(head=False)

    return Recorded
