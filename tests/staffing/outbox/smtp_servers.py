"""Real local mail servers for the outbox tests: one that accepts (aiosmtpd), one that answers 421, one
that accepts the connection and never says a word, and a port where nothing listens."""

import asyncio
import contextlib
import socket
import threading
import time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps every message it accepted; waits `delay` seconds before accepting one (a
    slow server), so a client killed meanwhile leaves nothing recorded."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.messages = []
        self.started = threading.Event()  # a DATA command arrived

    async def handle_DATA(self, server, session, envelope):
        self.started.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(
            (list(envelope.rcpt_tos), message_from_bytes(envelope.original_content, policy=policy.default))
        )
        return "250 OK"

    def to(self) -> list[str]:
        return sorted(address for rcpts, _message in self.messages for address in rcpts)


@contextlib.contextmanager
def accepting_server(port: int | None = None, *, delay: float = 0.0):
    handler = Recorder(delay=delay)
    controller = Controller(handler, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


class _RawServer:
    """A TCP server on its own thread that does `behaviour(connection)` with every client."""

    def __init__(self, behaviour, port: int | None = None):
        self.behaviour = behaviour
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port or 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connected = threading.Event()
        self.clients = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                client, _address = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.clients.append(client)
            self.connected.set()
            self.behaviour(client)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)
        for client in self.clients:
            with contextlib.suppress(OSError):
                client.close()
        self.sock.close()


def silent_server(port: int | None = None) -> _RawServer:
    """Accepts the connection and never sends the greeting."""
    return _RawServer(lambda client: None, port)


def busy_server(port: int | None = None) -> _RawServer:
    """Greets with 421 (service not available) and hangs up."""

    def refuse(client):
        with contextlib.suppress(OSError):
            client.sendall(b"421 127.0.0.1 Service not available, try again later\r\n")
            time.sleep(0.05)
            client.close()

    return _RawServer(refuse, port)


def use_smtp(settings, port: int, timeout: float = 2) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = timeout
