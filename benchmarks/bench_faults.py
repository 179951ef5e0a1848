"""Faults, measured: fuzzed files and claims, two writers at once, kill -9 during ingest, hostile text
through every output, the largest input each text stage takes in linear time, start-up times.

    python benchmarks/bench_faults.py                      # the full run (~15-25 min on 2 cores)
    python benchmarks/bench_faults.py --quick              # a smaller run of every section
    python benchmarks/bench_faults.py --only races,kills   # some sections only

Sections (each prints a Markdown table; goals in brackets):

- files: N fuzzed files (tests/fuzzing.py: txt/md/html/json/jsonl/csv in UTF-8, BOM, cp1256,
  UTF-16/32, truncated, bit-flipped, deeply nested, lone surrogates, raw U+2028, payloads, hostile
  URLs, long punctuation runs) read one by one in a worker process with a 15 s limit each
  [0 unhandled, 0 hung], then ingested together with good files into one corpus [0 good lost].
- claims: fuzzed claims through ``Rawi.check`` on the example corpus [0 unhandled].
- races: two ``rawi ingest`` into one new database at once [0 failed, 0 lost].
- kills: ``kill -9`` of ``rawi ingest`` at a random moment, ``PRAGMA integrity_check`` after each,
  workers left running, then a full re-run [integrity ok, exact input set, 0 orphans].
- payloads: hostile titles, ids, outlets, URLs and file names through every command and format of
  the real CLI [0 passed through, 0 crashes].
- linear: each text stage on hostile shapes of text, doubling the size [time ratio per doubling ~2].
- startup: ``rawi --help`` and ``rawi check`` start-up (min of 5 runs).
- large: peak RSS of ``rawi ingest`` of one 200 MB file (``--large-mb``), this code and the code at
  ``--compare-src`` (e.g. a checkout of the previous version's ``src``) in the same run.
- quickcheck: the writer's check on opening a corpus of 10,000 articles, and a damaged one refused.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the fuzz generators the tests use
sys.path.insert(0, str(ROOT / "benchmarks"))

from _faults_io import payload_section, startup_section  # noqa: E402
from _faults_large import large_section, quick_check_section  # noqa: E402
from _faults_linear import linear_section  # noqa: E402

from fuzzing import EXTENSIONS, PAYLOADS, mutate, seed  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
HANG_S = 15.0


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    sys.stdout.flush()


def rawi(*args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rawi", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        **kw,  # type: ignore[arg-type]
    )


_REGISTRY = None  # the sources registry of the worker process, loaded on its first file


# -- files --------------------------------------------------------------------------------------
def _read_one(path: str) -> tuple[str, float, str | None]:
    """In a worker: read one file as ingest does (readers, then outlet detection)."""
    from rawi.ingest import read_file
    from rawi.provenance import Registry, detect_outlet
    from rawi.records import Article

    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = Registry.load()
    registry = _REGISTRY
    start = time.perf_counter()
    try:
        for item in read_file(path):
            if isinstance(item, Article):
                detect_outlet(item, registry)
                item.text.encode("utf-8")
    except Exception as e:
        return path, time.perf_counter() - start, f"{type(e).__name__}: {e!s:.100}"
    return path, time.perf_counter() - start, None


def files_section(n: int, work: Path) -> None:
    rng = random.Random(11)
    folder = work / "fuzz"
    folder.mkdir()
    bad, expected = [], set()
    for k in range(n):
        ext = EXTENSIONS[k % len(EXTENSIONS)]
        path = folder / f"bad{k:05d}{ext}"
        path.write_bytes(mutate(rng, ext))
        bad.append(str(path))
        if k % 4 == 0:  # a good file next to every fourth bad one
            good = EXTENSIONS[(k // 4) % len(EXTENSIONS)]
            (folder / f"good{k:05d}{good}").write_text(seed(good, n=2), "utf-8")
            name = f"good{k:05d}{good}"
            expected |= {name} if good in (".txt", ".md", ".html") else {f"{name}#r0", f"{name}#r1"}
    unhandled: list[str] = []
    hung: list[str] = []
    slowest = (0.0, "")
    ctx = get_context("fork")
    todo = list(bad)
    while todo:
        with ctx.Pool(1) as pool:
            results = pool.imap(_read_one, todo)
            done = 0
            try:
                for _ in todo:
                    path, seconds, error = results.next(timeout=HANG_S)
                    done += 1
                    slowest = max(slowest, (seconds, Path(path).name))
                    if error:
                        unhandled.append(f"{Path(path).name}: {error}")
            except Exception:  # multiprocessing.TimeoutError: the next file hung
                hung.append(Path(todo[done]).name)
                done += 1
                pool.terminate()
            todo = todo[done:]
    from rawi import Rawi

    start = time.perf_counter()
    with Rawi(work / "fuzz.db") as wb:
        report = wb.ingest([folder])
        stored = {a.id for a in wb.corpus.iter_articles()}
    seconds = time.perf_counter() - start
    lost = expected - stored
    table(
        "Fuzzed files",
        ["files tried", "unhandled errors", "hung > 15 s", "slowest file", "good files", "good articles",
         "good articles lost", "problems reported", "ingest time"],
        [[n, len(unhandled), len(hung), f"{slowest[0]:.2f} s", (n + 3) // 4, len(expected), len(lost),
          len(report.problems), f"{seconds:.1f} s"]],
    )  # fmt: skip
    for line in unhandled[:10] + hung[:10]:
        print(f"- {line}")


# -- claims -------------------------------------------------------------------------------------
def claims_section(n: int, work: Path) -> None:
    from rawi import Rawi
    from rawi.errors import RawiError

    rng = random.Random(5)
    alphabet = "انهارسدوادي الرملفيحماة؟!.…«»()[]" + "abcdefg \x1b\x00\u2028\ud800\u200f" + "0123456789"
    claims = [
        *PAYLOADS,
        "",
        " " * 100,
        "س" * 100_000,
        "!" * 100_000,
        *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200))) for _ in range(n)),
    ]
    unhandled, clear, answered = [], 0, 0
    start = time.perf_counter()
    with Rawi(work / "claims.db") as wb:
        wb.ingest([ROOT / "examples" / "corpus"])
        for claim in claims:
            try:
                wb.check(claim)
                answered += 1
            except RawiError:
                clear += 1
            except Exception as e:
                unhandled.append(f"{claim[:30]!r}: {type(e).__name__}: {e!s:.80}")
    table(
        "Fuzzed claims",
        ["claims tried", "answered", "clear error (E2xx)", "unhandled errors", "time"],
        [[len(claims), answered, clear, len(unhandled), f"{time.perf_counter() - start:.1f} s"]],
    )
    for line in unhandled[:10]:
        print(f"- {line}")


# -- races --------------------------------------------------------------------------------------
def _folder(path: Path, ids: range) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    body = seed(".txt").split("\n", 1)[1]
    for i in ids:
        (path / f"{i:05d}.txt").write_text(f"خبر رقم {i}\n{body} الخبر رقم {i}.", "utf-8")
    return path


def races_section(n: int, work: Path) -> None:
    a, b = _folder(work / "race-a", range(0, 600)), _folder(work / "race-b", range(400, 1000))
    failed, lost, seconds = 0, 0, []
    for k in range(n):
        db = work / f"race{k}.db"
        start = time.perf_counter()
        procs = [rawi("ingest", str(folder), "--db", str(db), "--json") for folder in (a, b)]
        outs = [p.communicate(timeout=600) for p in procs]
        seconds.append(time.perf_counter() - start)
        failed += sum(
            p.returncode != 0 or '"problems": []' not in o for p, (o, _) in zip(procs, outs, strict=True)
        )
        with sqlite3.connect(db) as conn:
            lost += 1000 - conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    table(
        "Two writers at once (600 + 600 files, 200 in common, into one new db)",
        ["races", "ingests failed", "articles lost", "mean race time"],
        [[n, failed, lost, f"{sum(seconds) / max(1, n):.1f} s"]],
    )


# -- kills --------------------------------------------------------------------------------------
def _workers_of(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kills_section(n: int, files: int, work: Path) -> None:
    """Each round: a new db, ``rawi ingest`` killed 0-4 s after its analysis worker started, the
    integrity check, the workers it leaves, then a re-run to the end and its exact id set."""
    folder = _folder(work / "kill", range(files))
    expected = {f"{i:05d}.txt" for i in range(files)}
    rng = random.Random(3)
    integrity_ok, orphans, exact, finished_first, stored_at_kill = 0, 0, 0, 0, []
    for k in range(n):
        db = work / f"kill{k}.db"
        proc = rawi("ingest", str(folder), "--db", str(db))
        deadline = time.monotonic() + 120
        while not _workers_of(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # analysis has started: the first batch is on its way to the db
        time.sleep(rng.uniform(0.0, 4.0))
        workers = _workers_of(proc.pid)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        else:
            finished_first += 1
        proc.communicate()
        time.sleep(3)
        orphans += sum(_alive(w) for w in workers)
        for w in workers:  # never leave them to the next round
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        with sqlite3.connect(db) as conn:
            integrity_ok += conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            try:
                stored_at_kill.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            except sqlite3.OperationalError:  # killed before it created the schema
                stored_at_kill.append(0)
        rerun = rawi("ingest", str(folder), "--db", str(db), "--json")
        rerun.communicate(timeout=1800)
        with sqlite3.connect(db) as conn:
            ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
        exact += ids == expected
    table(
        f"kill -9 during ingest ({files:,} files, a new db each round, killed 0-4 s into the analysis)",
        ["kills", "integrity ok after the kill", "articles stored at each kill", "workers running 3 s later",
         "re-run stores exactly the input set", "ended before the kill"],
        [[n, f"{integrity_ok}/{n}", ", ".join(map(str, stored_at_kill)), orphans, f"{exact}/{n}",
          finished_first]],
    )  # fmt: skip


SECTIONS = ("files", "claims", "races", "kills", "payloads", "linear", "startup", "large", "quickcheck")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts in every section")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--max-mb", type=float, default=8.0, help="largest input of the linear section")
    parser.add_argument("--large-mb", type=float, default=200.0, help="file size of the large section")
    parser.add_argument("--compare-src", type=Path, help="another rawi src folder for the large section")
    args = parser.parse_args()
    only = set(args.only.split(","))
    q = args.quick
    load = os.getloadavg()[0]
    print(f"# bench_faults ({'quick' if q else 'full'}), load average {load:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="rawi-faults-") as tmp:
        work = Path(tmp)
        if "files" in only:
            files_section(600 if q else 4500, work)
        if "claims" in only:
            claims_section(30 if q else 200, work)
        if "races" in only:
            races_section(3 if q else 20, work)
        if "kills" in only:
            kills_section(3 if q else 10, 2000 if q else 4000, work)
        if "payloads" in only:
            payload_section(work, table, rawi)
        if "linear" in only:
            linear_section(1.0 if q else args.max_mb, table)
        if "startup" in only:
            startup_section(table, ENV)
        if "large" in only:
            sources = {"this code": ROOT / "src"}
            if args.compare_src:
                sources[f"code at {args.compare_src}"] = args.compare_src
            large_section(20.0 if q else args.large_mb, work, table, sources)
        if "quickcheck" in only:
            quick_check_section(2000 if q else 10_000, work, table)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
