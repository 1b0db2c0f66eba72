"""Open a page in headless Chromium with the network off, through the DevTools protocol over a pipe.

Reports what a person would see and what the page did: the requests it made, console errors and
exceptions, a value computed in the page, and a full-page screenshot. Also a command, to take the
README's screenshot:  python -m tests.chromium PAGE.html OUT.png
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    # Nowhere to go: every host resolves to nothing and any proxy use goes to a closed port.
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
]  # fmt: skip
TIMEOUT = 60.0


def find() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    value: Any = None
    screenshot: bytes = b""


class _Pipe:
    """One Chromium process and its DevTools pipe: JSON messages ended by NUL, both ways."""

    def __init__(self, profile: str) -> None:
        # The profile doubles as HOME: Chromium stops at start-up when HOME does not exist (as in the tests).
        self.to_browser_r, self.to_browser_w = os.pipe()
        self.from_browser_r, self.from_browser_w = os.pipe()
        chromium = find()
        assert chromium is not None
        # The browser reads commands on fd 3 and writes answers on fd 4 (a shell cannot be trusted with
        # fds past 9, so a tiny Python launcher puts the pipes there).
        launcher = (
            "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
            "os.execv(sys.argv[3], sys.argv[3:])"
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", launcher, str(self.to_browser_r), str(self.from_browser_w), chromium, *FLAGS,
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(self.to_browser_r, self.from_browser_w), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "HOME": profile},
        )  # fmt: skip
        os.close(self.to_browser_r)
        os.close(self.from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.from_browser_r], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_browser_r, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed its pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    def wait_for(self, method: str) -> dict[str, Any]:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self.receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError, TimeoutError, RuntimeError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_browser_w, self.from_browser_r):
            os.close(fd)


def visit(page: Path, expression: str = "document.title", width: int = 1000) -> Visit:
    """Load `page` offline, evaluate `expression` in it, and take a full-page screenshot."""
    with tempfile.TemporaryDirectory(prefix="relations-chromium-") as profile:
        pipe = _Pipe(profile)
        try:
            target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                pipe.send(f"{domain}.enable", session=session)
            pipe.send("Network.emulateNetworkConditions",
                      {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
                      session=session)  # fmt: skip
            pipe.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                session=session,
            )
            pipe.send("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
            pipe.wait_for("Page.loadEventFired")
            value = pipe.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                              session=session)["result"].get("value")  # fmt: skip
            size = pipe.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}
            shot = pipe.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip},
                             session=session)["data"]  # fmt: skip
        finally:
            pipe.close()
    result = Visit(value=value, screenshot=base64.b64decode(shot))
    for event in pipe.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            result.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            result.errors.append(str(params["exceptionDetails"].get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            result.errors.append(json.dumps(params.get("args")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            result.errors.append(str(params["entry"].get("text")))
    return result


if __name__ == "__main__":
    seen = visit(Path(sys.argv[1]))
    Path(sys.argv[2]).write_bytes(seen.screenshot)
    print(f"requests: {seen.requests}; errors: {seen.errors}")
