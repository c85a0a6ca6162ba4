"""Start-up time of quizcli against a one-command Typer app in the same environment.

Runs each pair alternately, so that drift in the machine's load hits both
alike, and prints the medians and their ratio. The goal is a ratio of 1.3 or
less for every command.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    """Say hello."""
    print("hello")


if __name__ == "__main__":
    app()
'''


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()

    quizcli = shutil.which("quizcli", path=str(Path(sys.executable).parent))
    if not quizcli:
        sys.exit("quizcli is not installed in this environment: pip install . first")
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp, "one.py")
        app.write_text(BASELINE_APP)
        env = {**os.environ, "QUIZCLI_HOME": str(Path(tmp, "home")), "QUIZCLI_BANKS": ""}
        # As installed, modules are compiled once; let the warm-up runs write their .pyc.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cache = Path(tmp, "home", "cache", "banks.marshal")
        baseline = [sys.executable, str(app)]
        pairs = {
            "quizcli --help": (baseline + ["--help"], [quizcli, "--help"], None),
            "quizcli banks": (baseline, [quizcli, "banks"], None),
            "quizcli banks (cold cache)": (baseline, [quizcli, "banks"], cache),
        }
        header = f"{'command':28} {'baseline':>10} {'quizcli':>10} {'ratio':>6}"
        print(f"{header}   ({args.runs} runs each)")
        for name, (base_cmd, cmd, clear) in pairs.items():
            _time(base_cmd, env), _time(cmd, env)  # warm the file cache and bank cache
            base_times, times = [], []
            for _ in range(args.runs):
                base_times.append(_time(base_cmd, env))
                if clear is not None:
                    clear.unlink(missing_ok=True)
                times.append(_time(cmd, env))
            base, ours = statistics.median(base_times), statistics.median(times)
            print(f"{name:28} {base * 1000:8.1f}ms {ours * 1000:8.1f}ms {ours / base:6.2f}")


if __name__ == "__main__":
    main()
