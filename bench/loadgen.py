"""A small HTTP/1.1 load generator: N concurrent clients for a fixed time, then figures.

    python bench/loadgen.py URL_BASE --mode post|get --concurrency 16 --seconds 10 [--targets FILE]

Runs in its own process so it does not share an interpreter with the server. Reuses
connections when the server keeps them alive. Prints one JSON object: requests,
requests/s, p50/p99 latency in ms, and errors (non-2xx answers and failed connections).
"""

import argparse
import asyncio
import json
import random
import time
from pathlib import Path
from urllib.parse import urlsplit


def post_request(host: str, n: int) -> bytes:
    body = json.dumps(
        {
            "subject": f"Load test {n}",
            "body": f"How do I export project {n}?",
            "customer_email": f"l{n}@example.com",
        }
    ).encode()
    head = (
        f"POST /tickets/ HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def get_request(host: str, target: dict) -> bytes:
    return (
        f"GET /tickets/{target['id']} HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {target['token']}\r\n\r\n"
    ).encode()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length, close = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "connection" and value.strip().lower() == "close":
            close = True
    if length:
        await reader.readexactly(length)
    return status, close


async def client(args, host, port, deadline, latencies, errors, counter, targets):
    reader = writer = None
    while time.monotonic() < deadline:
        counter[0] += 1
        request = (
            post_request(host, counter[0])
            if args.mode == "post"
            else get_request(host, random.choice(targets))
        )
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 30)
            writer.write(request)
            status, close = await asyncio.wait_for(read_response(reader), 60)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ConnectionError, ValueError):
            errors["connection"] += 1
            if writer:
                writer.close()
            reader = writer = None
            continue
        latencies.append(time.monotonic() - started)
        if not 200 <= status < 300:
            errors[str(status)] = errors.get(str(status), 0) + 1
        if close:
            writer.close()
            reader = writer = None
    if writer:
        writer.close()


async def run(args) -> dict:
    parts = urlsplit(args.url)
    targets = (
        [json.loads(line) for line in Path(args.targets).read_text().splitlines()] if args.targets else []
    )
    latencies, errors, counter = [], {"connection": 0}, [0]
    started = time.monotonic()
    deadline = started + args.seconds
    await asyncio.gather(
        *(
            client(args, parts.hostname, parts.port, deadline, latencies, errors, counter, targets)
            for _ in range(args.concurrency)
        )
    )
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float | None:
        return (
            round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)
            if latencies
            else None
        )

    return {
        "mode": args.mode,
        "concurrency": args.concurrency,
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "errors": sum(errors.values()),
        "error_kinds": {k: v for k, v in errors.items() if v},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--mode", choices=["post", "get"], default="post")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--targets", help="JSONL of {id, token} for --mode get")
    print(json.dumps(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
