"""A small OpenAI-compatible chat-completions server on 127.0.0.1, for tests and benchmarks.

It speaks the real wire format: every answer is a real `openai.types.chat.ChatCompletion` serialised
to JSON, so the openai SDK and instructor run their whole HTTP and parsing path against it. It is a
test double for the *endpoint*; what it answers is scripted by the test (or produced by a trivial
responder that quotes the first words of the text), never passed off as a model's extraction.

Scripted actions, consumed in order, then `responder` for the rest:
  Reply(answer)     the JSON answer, placed where the request's instructor mode expects it
  Raw(text)         message content exactly as given (e.g. malformed JSON)
  Status(code)      an HTTP error (429, 500, ...) with optional headers
  Stall(seconds)    wait, then answer with the responder (provokes client timeouts)
`delay` is added before every answer; after `die_after` answers the server drops every connection
and stops listening (a crash mid-batch).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional, Union

from openai.types.chat import ChatCompletion, ChatCompletionMessage
from openai.types.chat.chat_completion import Choice
from openai.types.chat.chat_completion_message_tool_call import ChatCompletionMessageToolCall, Function
from openai.types.completion_usage import CompletionUsage

from extractor.tokens import count_tokens


@dataclass
class Reply:
    answer: dict


@dataclass
class Raw:
    text: str


@dataclass
class Status:
    code: int
    headers: dict = field(default_factory=dict)


@dataclass
class Stall:
    seconds: float


Action = Union[Reply, Raw, Status, Stall]
_TEXT = re.compile(r"<text>\n(.*?)\n</text>", re.S)


def chunk_text(request: dict) -> str:
    """The text the engine asked about (between its <text> markers), '' if none."""
    for message in request.get("messages", []):
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str):
            m = _TEXT.search(content)
            if m:
                return m.group(1)
    return ""


def first_words(request: dict) -> Action:
    """A trivially grounded answer: one 'project' named by the first words of the text."""
    line = next((s.strip() for s in chunk_text(request).splitlines() if s.strip()), "")
    if not line:
        return Reply({"projects": []})
    name = " ".join(line.split()[:4]) if " " in line else line[:8]
    return Reply({"projects": [{"name": name}]})


def completion(request: dict, content: Optional[str] = None, tool_args: Optional[str] = None) -> ChatCompletion:
    tool_calls = None
    if tool_args is not None:
        name = request["tools"][0]["function"]["name"]
        tool_calls = [ChatCompletionMessageToolCall(id="call_0", type="function",
                                                    function=Function(name=name, arguments=tool_args))]
    written = content if content is not None else tool_args or ""
    prompt = prompt_tokens(request)
    used = count_tokens(written)
    return ChatCompletion(
        id="chatcmpl-fake", object="chat.completion", created=int(time.time()), model=request.get("model", "fake"),
        choices=[Choice(index=0, finish_reason="stop",
                        message=ChatCompletionMessage(role="assistant", content=content, tool_calls=tool_calls))],
        usage=CompletionUsage(prompt_tokens=prompt, completion_tokens=used, total_tokens=prompt + used))


def prompt_tokens(request: dict) -> int:
    """What a server would count: every message, plus the schema sent as tools or response_format."""
    parts = [m.get("content") or "" for m in request.get("messages", []) if isinstance(m.get("content"), str)]
    for extra in ("tools", "response_format"):
        if request.get(extra):
            parts.append(json.dumps(request[extra], ensure_ascii=False))
    return sum(count_tokens(p) for p in parts)


def encode_answer(request: dict, answer: dict) -> ChatCompletion:
    body = json.dumps(answer, ensure_ascii=False)
    if request.get("tools"):
        return completion(request, tool_args=body)
    wants_fence = any("```json" in (m.get("content") or "") for m in request.get("messages", [])
                      if isinstance(m.get("content"), str))
    return completion(request, content=f"```json\n{body}\n```" if wants_fence else body)


class FakeOpenAI:
    def __init__(self, script: tuple[Action, ...] | list[Action] = (),
                 responder: Callable[[dict], Action] = first_words, delay: float = 0.0,
                 die_after: Optional[int] = None) -> None:
        self.script = deque(script)
        self.responder = responder
        self.delay = delay
        self.die_after = die_after
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.dead = False
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests the server held at once
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> "FakeOpenAI":
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def next_action(self, request: dict, headers: dict) -> Optional[Action]:
        """The action for this request; None once the server has died."""
        with self._lock:
            if self.dead:
                return None
            if self.die_after is not None and len(self.requests) >= self.die_after:
                self.dead = True
                threading.Thread(target=self.stop, daemon=True).start()
                return None
            self.requests.append(request)
            self.headers.append(headers)
            return self.script.popleft() if self.script else None

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def respond(self, request: dict, action: Optional[Action]) -> tuple[int, dict, bytes]:
        action = action or self.responder(request)
        if isinstance(action, Stall):
            time.sleep(action.seconds)
            action = self.responder(request)
        if isinstance(action, Status):
            body = json.dumps({"error": {"message": f"fake error {action.code}", "type": "fake"}}).encode()
            return action.code, action.headers, body
        if isinstance(action, Raw):
            return 200, {}, completion(request, content=action.text).model_dump_json().encode()
        return 200, {}, encode_answer(request, action.answer).model_dump_json().encode()


def _handler(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            request = json.loads(self.rfile.read(length) or b"{}")
            if server.dead:
                self._drop()
                return
            scripted = server.next_action(request, dict(self.headers))
            if server.dead:
                self._drop()
                return
            server.enter()
            try:
                if server.delay:
                    time.sleep(server.delay)
                code, headers, body = server.respond(request, scripted)
            finally:
                server.leave()
            try:
                self.send_response(code)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, str(value))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): nothing to do

        def _drop(self) -> None:
            self.close_connection = True
            try:
                self.connection.shutdown(2)
            except OSError:
                pass

    return Handler


def main() -> None:
    """Serve in its own process (benchmarks): `python -m tests.fake_openai_server --delay 0.25`."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before every answer")
    args = parser.parse_args()
    server = FakeOpenAI(delay=args.delay)
    print(server.url, flush=True)
    try:
        server._server.serve_forever(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        server._server.server_close()


if __name__ == "__main__":
    main()
