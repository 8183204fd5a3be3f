"""Run every benchmarks/bench_*.py, print the machine and each script's figures.

    python benchmarks/run_all.py                 # all of them
    python benchmarks/run_all.py rules rag       # only bench_rules.py and bench_rag.py
    python benchmarks/run_all.py --write-readme  # also put the figures into benchmarks/README.md

Each script runs in its own process (so one's imports and caches do not speed up another) and
prints its own figures and ratios; this runner adds the machine they ran on and the wall time.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = HERE / "README.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def _first(path: str, pattern: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unknown"
    m = re.search(pattern, text, re.MULTILINE)
    return m.group(1).strip() if m else "unknown"


def machine() -> dict[str, str]:
    mem_kb = _first("/proc/meminfo", r"^MemTotal:\s+(\d+)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": str(cores),
        "cpu": _first("/proc/cpuinfo", r"^model name\s*:\s*(.+)$") if sys.platform == "linux" else platform.processor(),
        "ram": f"{int(mem_kb) / 1024 ** 2:.1f} GiB" if mem_kb.isdigit() else "unknown",
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def scripts(only: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    return [p for p in found if not only or p.stem.removeprefix("bench_") in only or p.stem in only]


def run(script: Path) -> tuple[int, float, str]:
    """Run one script, echoing its output as it comes; returns (exit code, seconds, output)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        print("  " + line, end="", flush=True)
        lines.append(line)
    code = proc.wait()
    return code, time.perf_counter() - started, "".join(lines)


def markdown(info: dict[str, str], results: list[tuple[Path, int, float, str]]) -> str:
    lines = [f"Measured {info['date']} on {info['nproc']} cores ({info['cpu']}), {info['ram']} RAM, "
             f"Python {info['python']}, {info['os']}.", ""]
    for script, code, seconds, output in results:
        status = "" if code == 0 else f", FAILED with exit code {code}"
        lines += [f"### {script.name} ({seconds:.1f} s{status})", "", "```", output.rstrip(), "```", ""]
    return "\n".join(lines)


def write_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{README} lacks the {START} / {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="bench names to run (rules, llm, rag); default all")
    parser.add_argument("--write-readme", action="store_true", help="replace the figures in benchmarks/README.md")
    args = parser.parse_args(argv)
    info = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    todo = scripts(args.only)
    if not todo:
        print("no benchmarks/bench_*.py matched", file=sys.stderr)
        return 1
    results = []
    for script in todo:
        print(f"\n== {script.name}", flush=True)
        code, seconds, output = run(script)
        print(f"== {script.name}: exit {code}, {seconds:.1f} s", flush=True)
        results.append((script, code, seconds, output))
    if args.write_readme:
        write_readme(markdown(info, results))
        print(f"\nfigures written to {README}")
    return 0 if all(code == 0 for _, code, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
