"""End-to-end throughput of `eventcoder code --workers N` against spaCy's `nlp.pipe(n_process=N)`.

    .venv/bin/python benchmarks/parallel_throughput.py [--corpus PATH ...] [--limit N] [--workers 2]

Reads real news from ../shared/corpora (skips when absent) and, on the same cleaned
texts and with the same model, runs from a fresh process each:

  spaCy      `spacy.load(model)` + `nlp.pipe(texts, n_process=N)` (parsing only)
  eventcoder `eventcoder code corpus.jsonl --workers N --format jsonl --quiet` (the whole
             command: reading, a local Dask cluster, parsing, events, dates, places, JSON)
  eventcoder the same with --workers 1, for scaling

Wall-clock time covers the whole process (interpreter start, model loading, cluster
start and shut-down); each side's fixed start-up cost is measured separately on two
articles and also reported subtracted ("steady").  Peak memory is the highest
resident set size (VmHWM) of any eventcoder worker process.  A benchmark, not a test:
it never fails, it reports; other programs running on the machine slow every figure, so
the 1-minute load average is sampled during each phase and printed with it (on an idle
machine it stays near the number of processes the phase runs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import DEFAULT_CORPORA, read_rows  # benchmarks/corpus.py

SPACY_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
import spacy
from eventcoder.ingest.clean import clean_text
model, path, n_process, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
nlp = spacy.load(model)
with open(path, encoding="utf-8") as f:
    texts = [clean_text(json.loads(line)["text"]) for line in f]
t1 = time.perf_counter()
for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch):
    pass
print(json.dumps({"load": t1 - t0, "pipe": time.perf_counter() - t1}))
"""


class PeakMemory:
    """Polls the process tree of `pid` and keeps each process's peak RSS (VmHWM, in bytes)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            try:
                children = self.root.children(recursive=True)
            except psutil.Error:
                return
            for child in children:
                try:
                    cmd = " ".join(child.cmdline())
                    peak = _vmhwm(child.pid) or child.memory_info().rss
                except (psutil.Error, OSError):
                    continue
                self.peaks[child.pid] = (cmd, max(peak, self.peaks.get(child.pid, ("", 0))[1]))

    def stop(self) -> dict[int, int]:
        self._stop.set()
        self._thread.join()
        return {pid: peak for pid, (cmd, peak) in self.peaks.items() if "spawn_main" in cmd}


def _vmhwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


class LoadAverage:
    """Samples the 1-minute load average every few seconds while a phase runs (other programs slow every figure)."""

    def __init__(self, every: float = 2.0) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(every,), daemon=True)
        self._thread.start()

    def _poll(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> str:
        self._stop.set()
        self._thread.join()
        if not self.samples:
            return f"load {os.getloadavg()[0]:.1f}"
        return f"load mean {sum(self.samples) / len(self.samples):.1f}, max {max(self.samples):.1f}"


def cpu_of_children() -> float:
    """User + system CPU seconds of all waited-for descendants so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_eventcoder(corpus: Path, workers: int, out: Path) -> tuple[float, float, dict[int, int], int]:
    """(wall s, CPU s, {worker pid: peak RSS}, exit status) of one `eventcoder code --workers` run."""
    argv = [sys.executable, "-m", "eventcoder.cli.main", "code", str(corpus), "--workers", str(workers)]
    argv += ["--format", "jsonl", "--quiet"]
    cpu0, t0 = cpu_of_children(), time.perf_counter()
    with out.open("wb") as f:
        proc = subprocess.Popen(argv, stdout=f, stderr=subprocess.PIPE)
        memory = PeakMemory(proc.pid)
        _, err = proc.communicate()
    seconds, cpu = time.perf_counter() - t0, cpu_of_children() - cpu0
    peaks = memory.stop()
    if proc.returncode not in (0, 1):
        print(err.decode(errors="replace"), file=sys.stderr)
    return seconds, cpu, peaks, proc.returncode


def run_spacy(corpus: Path, model: str, n_process: int, batch: int) -> tuple[float, float, dict]:
    """(wall s, CPU s, {load, pipe} s) of spaCy alone in a fresh process."""
    cpu0, t0 = cpu_of_children(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", SPACY_SCRIPT, model, str(corpus), str(n_process), str(batch)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, cpu = time.perf_counter() - t0, cpu_of_children() - cpu0
    return seconds, cpu, json.loads(done.stdout.strip().splitlines()[-1])


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="JSONL corpus (id, text); repeatable")
    ap.add_argument("--limit", type=int, default=None, help="articles to code (default: all)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes to compare (default 2)")
    ap.add_argument("--skip-scaling", action="store_true", help="do not run --workers 1")
    args = ap.parse_args(argv)

    rows = read_rows(args.corpus or DEFAULT_CORPORA, args.limit, ("id", "text", "published", "source", "title"))
    if not rows:
        print("no corpus found (../shared/corpora absent): skipping", file=sys.stderr)
        return 0

    from eventcoder.config import load_settings
    from eventcoder.ingest.clean import clean_text

    settings = load_settings()
    words = sum(len(clean_text(r["text"]).split()) for r in rows)
    n = args.workers
    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as tmp:
        corpus = write_jsonl(rows, Path(tmp) / "corpus.jsonl")
        tiny = write_jsonl(rows[:2], Path(tmp) / "tiny.jsonl")
        out = Path(tmp) / "events.jsonl"
        print(f"articles {len(rows)}  words {words}  model {settings.model}  cpus {os.cpu_count()}", flush=True)

        load = LoadAverage()
        sp = run_spacy(corpus, settings.model, n, settings.batch_size)
        sp_fixed = run_spacy(tiny, settings.model, n, settings.batch_size)
        print(f"spaCy nlp.pipe(n_process={n}): {sp[0]:.1f} s (model load {sp[2]['load']:.1f} s; {load.stop()})",
              flush=True)

        load = LoadAverage()
        ec = run_eventcoder(corpus, n, out)
        events = sum(1 for _ in out.open(encoding="utf-8"))
        ec_fixed = run_eventcoder(tiny, n, out)
        peaks = dict(ec[2])
        print(f"eventcoder code --workers {n}: {ec[0]:.1f} s, {events} events, exit {ec[3]} ({load.stop()})",
              flush=True)

        one = one_fixed = None
        if not args.skip_scaling:
            load = LoadAverage()
            one = run_eventcoder(corpus, 1, out)
            one_fixed = run_eventcoder(tiny, 1, out)
            peaks.update(one[2])
            print(f"eventcoder code --workers 1: {one[0]:.1f} s ({load.stop()})", flush=True)

    rows_out = [(f"spaCy nlp.pipe n_process={n}", sp, sp_fixed), (f"eventcoder code --workers {n}", ec, ec_fixed)]
    if one is not None and one_fixed is not None:
        rows_out.append(("eventcoder code --workers 1", one, one_fixed))
    print()
    print(f"{'':32}{'wall s':>8}{'start s':>9}{'CPU s':>8}{'words/s':>9}{'steady w/s':>12}{'w/CPU-s':>9}")
    for name, full, fixed in rows_out:
        rate = words / max(full[0] - fixed[0], 1e-9)
        print(f"{name:32}{full[0]:8.1f}{fixed[0]:9.1f}{full[1]:8.1f}{words / full[0]:9.0f}{rate:12.0f}"
              f"{words / full[1]:9.0f}")

    def steady(full: tuple, fixed: tuple) -> float:
        return words / max(full[0] - fixed[0], 1e-9)

    print()
    print(f"ratio eventcoder --workers {n} / spaCy n_process={n}: {sp[0] / ec[0]:.2f} end to end, "
          f"{steady(ec, ec_fixed) / steady(sp, sp_fixed):.2f} steady, {sp[1] / ec[1]:.2f} per CPU-second"
          "   (target >= 0.80)")
    if one is not None and one_fixed is not None:
        print(f"scaling --workers 1 -> {n}: {one[0] / ec[0]:.2f}x end to end, "
              f"{steady(ec, ec_fixed) / steady(one, one_fixed):.2f}x steady   (target >= 1.70x)")
    if peaks:
        top = max(peaks.values())
        print(f"peak memory per worker: {top / 2**20:.0f} MB = {top / 2**30:.2f} of 1 GB   (target < 1.00)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(other programs slow every figure)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
