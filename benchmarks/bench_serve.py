"""`rawi serve` under load: concurrent clients sending `GET /api/check` to one server process on a
corpus of 10,000 articles (Baly articles repeated, as bench_check.py builds it), next to the same
checks through the Python API in the same run.

Three measures, all on the same store and claims:
- Python API: `Rawi.check` in one thread, warm (the service time of one check);
- server, 1 client: the same checks over HTTP one at a time (what HTTP and the app add);
- server, C clients: C threads sending R requests in all (throughput, errors, latency with queueing:
  one process on a 2-core machine serves about one check at a time, so a request waits for the
  ones ahead of it).

    python benchmarks/bench_serve.py --articles 10000 --clients 50 --requests 2000 [--encoder none|use]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from _corpus import baly_claims
from bench_check import build, percentile

from rawi.core import Rawi
from rawi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, encoder: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RAWI_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rawi", "serve", "--db", str(db), "--port", str(port), "--encoder", encoder],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    sys.exit("server did not start in 300 s")


def load(base: str, claims: list[str], clients: int, requests: int) -> tuple[list[float], list[str], float]:
    """``requests`` checks sent by ``clients`` threads; latencies, errors, wall time."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=900) as http:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t = time.perf_counter()
                try:
                    r = http.get("/api/check", params={"claim": claims[i % len(claims)]})
                    ok = r.status_code == 200 and r.json()["verdict"]["label"]
                    problem = None if ok else f"HTTP {r.status_code}: {r.text[:200]}"
                except (httpx.HTTPError, ValueError, KeyError) as e:
                    problem = f"{type(e).__name__}: {e}"
                took = time.perf_counter() - t
                with lock:
                    latencies.append(took)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0


def row(name: str, xs: list[float], wall: float | None = None, errors: int = 0) -> str:
    rate = f"{len(xs) / wall:8.2f}" if wall else f"{len(xs) / sum(xs):8.2f}"
    return (
        f"{name:<26} {len(xs):>6} {errors:>6} {1000 * statistics.median(xs):>10.1f} "
        f"{1000 * percentile(xs, 0.95):>10.1f} {rate}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000, help="requests in all, shared by the clients")
    ap.add_argument("--claims", type=int, default=30, help="distinct Baly claims, cycled")
    ap.add_argument("--encoder", default="none", help="use, e5 or none (lexical-only)")
    ap.add_argument("--db", type=Path, help="an existing corpus instead of building one")
    args = ap.parse_args()
    claims = baly_claims()[: args.claims]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / f"serve-{args.articles}.db"
        if not args.db:
            print(
                f"building {args.articles} articles ... {build(db, args.articles, args.encoder):.0f} s",
                flush=True,
            )
        with Rawi(db, Settings(encoder=args.encoder), readonly=True) as wb:
            n = wb.corpus.count()
            wb.check(claims[0])  # warm
            direct = []
            for claim in claims:
                t = time.perf_counter()
                wb.check(claim)
                direct.append(time.perf_counter() - t)
        port = free_port()
        server = start_server(db, port, args.encoder)
        base = f"http://127.0.0.1:{port}"
        try:
            load(base, claims[:1], 1, 1)  # warm the server's page cache
            one, one_errors, one_wall = load(base, claims, 1, len(claims))
            many, many_errors, many_wall = load(base, claims, args.clients, args.requests)
        finally:
            server.terminate()
            server.wait(30)
    print(f"\n{n} articles, {len(claims)} claims, top_k 20, encoder {args.encoder}, one server process")
    print(f"{'':<26} {'reqs':>6} {'errors':>6} {'p50 ms':>10} {'p95 ms':>10} {'req/s':>8}")
    print(row("Python API, 1 thread", direct))
    print(row("server, 1 client", one, one_wall, len(one_errors)))
    print(row(f"server, {args.clients} clients", many, many_wall, len(many_errors)))
    for e in (one_errors + many_errors)[:5]:
        print("error:", e)
    print(f"server throughput / Python API rate: {len(many) / many_wall / (len(direct) / sum(direct)):.2f}")


if __name__ == "__main__":
    main()
