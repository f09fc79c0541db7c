"""A TCP proxy between a campus and HQ that can cut the connection in the middle of one of HQ's responses.

`CutProxy(upstream_port)` listens on a free loopback port and forwards every byte both ways (one thread per
direction and connection). `cut(request, after_body_bytes, skip=0)` arms a one-shot fault: the response to the next
request whose first line starts with `request` (for example b"POST /v1/push"), after skipping `skip` such requests,
is forwarded up to the end of its headers plus `after_body_bytes` bytes of body, then both sockets are closed. HQ has
done its work by then; the client sees a status line and a truncated body. Plain HTTP/1.1 only: a client sends its
next request on a connection only after the whole previous response (httpx does not pipeline), so the bytes that
follow a request are its response.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass


@dataclass
class _Fault:
    request: bytes
    after_body_bytes: int
    skip: int


class CutProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._fault: _Fault | None = None
        #: set when an armed cut has happened
        self.done = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._closed = False
        threading.Thread(target=self._accept, name="cut-proxy", daemon=True).start()

    def cut(self, request: bytes, after_body_bytes: int, *, skip: int = 0) -> None:
        with self._lock:
            self._fault = _Fault(request, after_body_bytes, skip)
            self.done.clear()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            for s in list(self._sockets):
                _close(s)

    def __enter__(self) -> CutProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._sockets |= {client, server}
            cut: list[int] = []  # the byte budget of the response to cut on this connection, when armed
            threading.Thread(target=self._upstream, args=(client, server, cut), daemon=True).start()
            threading.Thread(target=self._downstream, args=(server, client, cut), daemon=True).start()

    def _matches(self, data: bytes) -> int | None:
        """The body budget if `data` starts the request the armed fault waits for (and it is not skipped)."""
        with self._lock:
            fault = self._fault
            if fault is None or not data.startswith(fault.request):
                return None
            if fault.skip > 0:
                fault.skip -= 1
                return None
            self._fault = None
            return fault.after_body_bytes

    def _upstream(self, client: socket.socket, server: socket.socket, cut: list[int]) -> None:
        try:
            while data := client.recv(65536):
                budget = self._matches(data)
                if budget is not None:
                    cut.append(budget)  # before HQ can answer
                server.sendall(data)
        except OSError:
            pass
        finally:
            _close(server)

    def _downstream(self, server: socket.socket, client: socket.socket, cut: list[int]) -> None:
        head = b""
        try:
            while data := server.recv(65536):
                if not cut:
                    client.sendall(data)
                    continue
                head += data
                end = head.find(b"\r\n\r\n")
                if end < 0 or len(head) < end + 4 + cut[0]:
                    continue  # not yet the headers and the first bytes of the body
                client.sendall(head[: end + 4 + cut[0]])
                self.done.set()
                break
        except OSError:
            pass
        finally:
            _close(client)
            _close(server)


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        s.close()
