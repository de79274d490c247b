"""A learner on the course's JupyterHub, without a browser: what the hub test and the hub benchmark do as each learner.

A learner logs in with the shared password, follows their language's nbgitpuller link
(the hub starts their server), reads nbgitpuller's event stream until the course is in
their home (what the link's page does in a browser), opens the lesson the link names, and
runs code in a kernel of their own over the kernel's websocket, as JupyterLab does. Every
wait is bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from urllib.parse import parse_qs, urlencode, urlparse

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


class Learner:
    def __init__(self, hub: str, name: str):
        self.hub, self.name = hub.rstrip("/"), name
        self.server = f"{self.hub}/user/{name}"
        self.session = requests.Session()

    def cookie(self, name: str, path: str) -> str | None:
        return next((c.value for c in self.session.cookies if c.name == name and c.path.rstrip("/") == path), None)

    def log_in(self, password: str) -> None:
        """POST /hub/login with the shared password, as the hub's login form does (with its _xsrf field)."""
        self.session.get(f"{self.hub}/hub/login", timeout=60).raise_for_status()
        form = {"username": self.name, "password": password, "_xsrf": self.cookie("_xsrf", "/hub")}
        response = self.session.post(f"{self.hub}/hub/login", data=form, timeout=60, allow_redirects=False)
        if response.status_code != 302:
            raise AssertionError(f"{self.name} could not log in: HTTP {response.status_code}")

    def follow(self, link: str, seconds: float = 240) -> None:
        """Open the link: the hub starts the learner's server (its pending page is opened again until the server
        answers), then the server shows nbgitpuller's page."""
        deadline = time.monotonic() + seconds
        while True:
            response = self.session.get(link, timeout=60)
            if response.status_code == 200 and urlparse(response.url).path == f"/user/{self.name}/git-pull":
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}'s server did not open the link within {seconds} s: {response.url}")
            time.sleep(1)

    def pull(self, link: str, seconds: float = 240) -> list[dict]:
        """nbgitpuller's event stream for the link's repository, read until ``phase: finished``; its events."""
        query = {key: values[0] for key, values in parse_qs(urlparse(link).query).items()}
        api = f"{self.server}/git-pull/api?" + urlencode({k: query[k] for k in ("repo", "targetpath", "branch")})
        deadline, events = time.monotonic() + seconds, []
        with self.session.get(api, stream=True, timeout=(30, seconds)) as response:
            response.raise_for_status()
            for line in response.iter_lines(decode_unicode=True):
                if line.startswith("data:"):
                    events.append(json.loads(line.removeprefix("data:")))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
                if time.monotonic() > deadline:
                    break
        if not events or events[-1].get("phase") != "finished":
            raise AssertionError(f"nbgitpuller did not finish for {self.name}: {events[-3:]}")
        return events

    def open(self, link: str) -> requests.Response:
        """The page the link opens after the pull (a lesson in JupyterLab)."""
        urlpath = parse_qs(urlparse(link).query)["urlpath"][0]
        response = self.session.get(f"{self.server}/{urlpath}", timeout=60)
        response.raise_for_status()
        return response

    def _headers(self) -> dict:
        return {"X-XSRFToken": self.cookie("_xsrf", f"/user/{self.name}") or ""}

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """The learner's Jupyter server API, with the session cookie and the X-XSRFToken header."""
        response = self.session.request(
            method, f"{self.server}/api/{path}", headers=self._headers(), timeout=60, **kwargs
        )
        response.raise_for_status()
        return response

    def start_kernel(self, folder: str = "") -> str:
        """A kernel whose working folder is ``folder`` of the learner's home (a notebook's folder, as in JupyterLab)."""
        return self.api("POST", "kernels", json={"name": "python3", "path": folder}).json()["id"]

    def run(self, kernel: str, code: str, seconds: float = 120) -> str:
        """Run ``code`` in the kernel through its websocket; what it printed. An error raises, with its traceback."""
        return asyncio.run(self._run(kernel, code, seconds))

    async def _run(self, kernel: str, code: str, seconds: float) -> str:
        xsrf = self.cookie("_xsrf", f"/user/{self.name}") or ""
        url = f"{self.server.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels?_xsrf={xsrf}"
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies if self._sent(c.path))
        request = HTTPRequest(url, headers={"Cookie": cookies, "X-XSRFToken": xsrf}, connect_timeout=30)
        deadline = time.monotonic() + seconds
        connection = await asyncio.wait_for(websocket_connect(request), 30)
        try:
            msg_id = uuid.uuid4().hex
            header = {"msg_id": msg_id, "msg_type": "execute_request", "session": uuid.uuid4().hex}
            content = {"code": code, "silent": False, "store_history": False, "allow_stdin": False}
            message = {"header": header | {"username": self.name, "version": "5.3", "date": ""}, "content": content}
            connection.write_message(json.dumps(message | {"parent_header": {}, "metadata": {}, "channel": "shell"}))
            printed = []
            while True:
                raw = await asyncio.wait_for(connection.read_message(), max(0.1, deadline - time.monotonic()))
                if raw is None:
                    raise AssertionError(f"the kernel of {self.name} closed its websocket")
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if reply["msg_type"] == "stream":
                    printed.append(reply["content"]["text"])
                elif reply["msg_type"] == "error":
                    raise AssertionError("\n".join(reply["content"]["traceback"]))
                elif reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                    return "".join(printed)
        finally:
            connection.close()
            # the server answers the close: then the socket is closed, before the event loop ends
            with contextlib.suppress(asyncio.TimeoutError):
                while await asyncio.wait_for(connection.read_message(), 5) is not None:
                    pass

    def close(self) -> None:
        self.session.close()

    def _sent(self, path: str) -> bool:
        return path in ("", "/") or f"/user/{self.name}/".startswith(path.rstrip("/") + "/")
