"""`make bench`: build synthetic sites at 1x, 10x and 100x and print what the build costs.

For each scale: a synthetic data folder (synthetic.py; 20 bodies sharing people at 100x)
is built with `mkdocs build --strict` in a subprocess (wall and CPU seconds, peak memory
from `wait4`), then the output is measured (pages, total and largest HTML, raw and gzip),
`validate` is timed on the same folder, and Chromium (when it is installed) opens the home
page at 360 px and runs one search: the bytes of both phases, gzip-equivalent.

The same build dumps every page's Markdown as the macros rendered it; those files are
then built again with the macros plugin and the hooks removed: the same pages without
the data layer. The ratio of the two CPU times is the cost of the data layer.

`--varied` adds a 100x folder of other proportions (6x the organizations, 4x the duties
and indicators, 5x the agenda items, half the people, ...), as an independent generator
would make. `--compare REV` checks REV out in a git worktree, generates each scale's folder
with REV's own generator (so both revisions can read it), and builds it with REV and with
the working tree, alternating (`--runs` each), then prints the CPU ratios.

    python -m opencommittee.devtools.bench [--scales 1,10,100] [--compare REV] [--runs 2]
                                           [--varied] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from ..quality.browser import chrome_path, launch, weigh_search
from ..quality.serve import SiteServer, free_port
from .synthetic import write

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
AS_OF = "2025-06-30"
TARGETS = {
    "rebuild_s": 5.0,
    "build_100_s": 300.0,
    "peak_100_mb": 1228.8,  # 1.2 GB
    "flat": 0.25,
    "ratio": 1.3,
    "page_kb": 1024.0,
    "search_kb": 400.0,
    "validate_100_s": 3.0,
    "cpu_vs_old": 0.8,
}
# Other proportions than the generator's own (see --varied).
VARIED = {"organizations": 6, "mandate": 4, "indicators": 4, "agenda": 5, "outcomes": 5,
          "people": 0.5, "memberships": 2, "documents": 3, "updates": 1.25}
QUERY = "giao duc"


# --- measuring -----------------------------------------------------------------------


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Run a command; wall and CPU seconds and peak RSS (MB) of that process tree's root."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").splitlines()[-30:]
            raise SystemExit(f"failed: {' '.join(cmd)}\n" + "\n".join(tail))
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_site(site: Path) -> dict[str, Any]:
    """Pages and HTML sizes (raw and gzip), the largest page."""
    total = total_gz = 0
    largest = (0, 0, "")
    pages = 0
    for file in site.rglob("*.html"):
        data = file.read_bytes()
        pages += 1
        size, size_gz = len(data), gz(data)
        total += size
        total_gz += size_gz
        if size > largest[0]:
            largest = (size, size_gz, file.relative_to(site).as_posix())
    index = [f for f in site.glob("search/index/**/*.json")]
    return {
        "pages": pages, "html": total, "html_gz": total_gz,
        "largest": largest[0], "largest_gz": largest[1], "largest_path": largest[2],
        "index_files": len(index), "index_gz": sum(gz(f.read_bytes()) for f in index),
    }


def search_weight(site: Path) -> dict[str, Any]:
    """Chromium at 360 px: gzip bytes to open the home page, then to run one search.
    Empty when Chromium is missing (the figure is then not measured)."""
    if not Path(chrome_path()).exists():
        return {}
    port = free_port()
    out: dict[str, Any] = {}
    with SiteServer(site, port), sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for lang in ("", "en/"):
                w = weigh_search(browser, f"http://127.0.0.1:{port}/{lang}", QUERY)
                out[lang or "vi"] = {"page": w.page, "search": w.search, "total": w.total,
                                     "results": w.results, "early": len(w.early)}
        finally:
            browser.close()
    return out


# --- building ------------------------------------------------------------------------


def base_env(data_dir: Path | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_AS_OF": AS_OF, "SOURCE_DATE_EPOCH": "1751241600"}
    env.pop("OC_DUMP_MARKDOWN", None)
    if data_dir is not None:
        env["SITE_DATA_DIR"] = str(data_dir)
    return env


def plain_config(markdown_dir: Path, out: Path) -> Path:
    """mkdocs.yml without the macros plugin and the hooks, reading the dumped Markdown."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:[ \t]+.*\n|\n)*", "", text, flags=re.M)
    text = re.sub(r"^  - macros:.*\n(?:    .*\n)*", "", text, flags=re.M)
    text = re.sub(r"^docs_dir:.*$", f"docs_dir: {markdown_dir}", text, flags=re.M)
    text = re.sub(r"^strict:.*$", "strict: false", text, flags=re.M)
    text = re.sub(r"custom_dir: (\S+)", lambda m: f"custom_dir: {ROOT / m.group(1)}", text)
    text += "\nnot_in_nav: |\n  /*/[0-9]*.md\n"
    for item in (ROOT / "docs").iterdir():
        if item.is_dir():
            shutil.copytree(item, markdown_dir / item.name, dirs_exist_ok=True)
    config = out / "mkdocs.plain.yml"
    config.write_text(text, encoding="utf-8")
    return config


def validate_seconds(data: Path, env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """`validate` on a folder, in its own process (what an editor's check costs)."""
    return run([sys.executable, "-m", "opencommittee", "validate", str(data)], env, cwd)


def bench_scale(scale: int, work: Path, scales: dict[str, float] | None = None, tag: str = "") -> dict[str, Any]:
    """Build one synthetic folder, measure the site, `validate` and the search weight."""
    name = f"{scale}{tag}"
    data = work / f"data-{name}"
    counts = write(data, scale=scale, scales=scales or {})
    site, plain_site, markdown = work / f"site-{name}", work / f"plain-{name}", work / f"md-{name}"
    env = {**base_env(data), "OC_DUMP_MARKDOWN": str(markdown)}
    full = run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], env)
    config = plain_config(markdown, work)
    plain = run([str(BIN / "mkdocs"), "build", "-f", str(config), "--site-dir", str(plain_site)], base_env(data))
    checked = validate_seconds(data, base_env(data))
    result = {"scale": scale, "tag": tag, "records": sum(counts.values()), **full, **measure_site(site),
              "plain_wall": plain["wall"], "plain_cpu": plain["cpu"], "validate_s": checked["wall"],
              "validate_mb": checked["peak_mb"], "weight": search_weight(site)}
    result["ratio"] = full["cpu"] / plain["cpu"] if plain["cpu"] else float("nan")
    shutil.rmtree(plain_site, ignore_errors=True)
    shutil.rmtree(markdown, ignore_errors=True)
    return result


# --- against another revision --------------------------------------------------------


class Revision:
    """Another revision of this repository, checked out in a temporary git worktree and
    run with this virtual environment (its own package first on the path)."""

    def __init__(self, rev: str, where: Path) -> None:
        self.rev = rev
        self.dir = where
        subprocess.run(["git", "worktree", "add", "--detach", str(where), rev], cwd=ROOT, check=True,
                       capture_output=True)
        self.commit = subprocess.run(["git", "rev-parse", "--short=12", rev], cwd=ROOT, check=True,
                                     capture_output=True, text=True).stdout.strip()

    def env(self, data: Path) -> dict[str, str]:
        return {**base_env(data), "PYTHONPATH": str(self.dir)}

    def write(self, data: Path, scale: int) -> int:
        """A folder from this revision's own generator (both revisions can read it)."""
        script = ("import sys\n"
                  "try:\n from opencommittee.devtools.synthetic import write\n"
                  "except ImportError:\n from opencommittee.synthetic import write\n"
                  "print(sum(write(sys.argv[1], scale=int(sys.argv[2])).values()))\n")
        out = subprocess.run([sys.executable, "-c", script, str(data), str(scale)], cwd=self.dir,
                             env=self.env(data), check=True, capture_output=True, text=True)
        return int(out.stdout.strip().splitlines()[-1])

    def build(self, data: Path, site: Path) -> dict[str, float]:
        return run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], self.env(data), self.dir)

    def validate(self, data: Path) -> dict[str, float]:
        return validate_seconds(data, self.env(data), self.dir)

    def close(self) -> None:
        subprocess.run(["git", "worktree", "remove", "--force", str(self.dir)], cwd=ROOT, check=False,
                       capture_output=True)


def compare_scale(old: Revision, scale: int, work: Path, runs: int) -> dict[str, Any]:
    """The same folder built by the old revision and the working tree, alternating."""
    data = work / f"cmp-data-{scale}"
    records = old.write(data, scale)
    new_cpu: list[float] = []
    old_cpu: list[float] = []
    new_peak: list[float] = []
    old_peak: list[float] = []
    for i in range(runs):
        for side in (("new", "old") if i % 2 == 0 else ("old", "new")):
            site = work / f"cmp-site-{scale}-{side}"
            got = run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], base_env(data)) \
                if side == "new" else old.build(data, site)
            (new_cpu if side == "new" else old_cpu).append(got["cpu"])
            (new_peak if side == "new" else old_peak).append(got["peak_mb"])
            shutil.rmtree(site, ignore_errors=True)
    new_val = validate_seconds(data, base_env(data))["wall"]
    old_val = old.validate(data)["wall"]
    return {"scale": scale, "records": records, "new_cpu": statistics.median(new_cpu),
            "old_cpu": statistics.median(old_cpu), "new_peak": max(new_peak), "old_peak": max(old_peak),
            "new_validate": new_val, "old_validate": old_val,
            "ratio": statistics.median(new_cpu) / statistics.median(old_cpu)}


_REBUILD = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
times = []
for _ in range(3):
    start = time.perf_counter()
    config = load_config(site_dir=sys.argv[1])
    build(config)
    times.append(time.perf_counter() - start)
print(" ".join(f"{t:.3f}" for t in times))
"""


def rebuild_seconds(work: Path) -> tuple[float, float]:
    """The embedded site: a fresh build, then rebuilds in the same process (as in serve)."""
    out = subprocess.run([sys.executable, "-c", _REBUILD, str(work / "site-embedded")], cwd=ROOT, env=base_env(None),
                         capture_output=True, text=True, check=True)
    times = [float(t) for t in out.stdout.split()]
    return times[0], min(times[1:])


# --- report --------------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    return f"{os.cpu_count()} cores ({model}), {ram}, Python {platform.python_version()}, {platform.system()}"


def _weight(r: dict[str, Any]) -> str:
    w = r["weight"].get("vi")
    return f"{w['page'] / 1024:.0f}+{w['search'] / 1024:.0f}" if w else "n/m"


def table(rows: list[dict[str, Any]]) -> str:
    head = ["scale", "records", "pages", "wall s", "CPU s", "peak MB", "HTML MB", "largest KB",
            "home+search gz KB", "validate s", "ms/page", "ms/record", "plain CPU s", "data layer"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [f"{r['scale']}x{r['tag']}", f"{r['records']:,}", f"{r['pages']:,}", f"{r['wall']:.1f}",
                 f"{r['cpu']:.1f}", f"{r['peak_mb']:.0f}", f"{r['html'] / 1e6:.1f}",
                 f"{r['largest'] / 1024:.0f}", _weight(r), f"{r['validate_s']:.2f}",
                 f"{1000 * r['cpu'] / r['pages']:.1f}", f"{1000 * r['cpu'] / r['records']:.2f}",
                 f"{r['plain_cpu']:.1f}", f"{r['ratio']:.2f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def compare_table(rows: list[dict[str, Any]], old: str) -> str:
    head = ["scale", "records", f"CPU s {old}", "CPU s now", "ratio", f"peak MB {old}", "peak MB now",
            f"validate s {old}", "validate s now"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join([
            f"{r['scale']}x", f"{r['records']:,}", f"{r['old_cpu']:.1f}", f"{r['new_cpu']:.1f}", f"{r['ratio']:.2f}x",
            f"{r['old_peak']:.0f}", f"{r['new_peak']:.0f}", f"{r['old_validate']:.2f}", f"{r['new_validate']:.2f}",
        ]) + " |")
    return "\n".join(lines)


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def verdicts(rows: list[dict[str, Any]], rebuild: float, compared: list[dict[str, Any]]) -> list[str]:
    out = [f"embedded rebuild {rebuild:.2f} s (target < {TARGETS['rebuild_s']:.0f} s): {_mark(rebuild < TARGETS['rebuild_s'])}"]
    for r in (r for r in rows if r["scale"] == 100):
        ok = r["wall"] < TARGETS["build_100_s"] and r["peak_mb"] <= TARGETS["peak_100_mb"]
        out.append(f"100x{r['tag']} build {r['wall']:.0f} s, peak {r['peak_mb']:.0f} MB "
                   f"(target < 300 s, <= 1.2 GB): {_mark(ok)}")
        out.append(f"100x{r['tag']} validate {r['validate_s']:.2f} s (target <= 3 s): "
                   f"{_mark(r['validate_s'] <= TARGETS['validate_100_s'])}")
    by = {r["scale"]: r for r in rows if not r["tag"]}
    if 10 in by and 100 in by:
        a, b = by[10]["cpu"] / by[10]["records"], by[100]["cpu"] / by[100]["records"]
        change = b / a - 1
        out.append(f"CPU per record 10x -> 100x: {1000 * a:.2f} -> {1000 * b:.2f} ms ({change:+.0%}, "
                   f"target within ±25 %): {_mark(abs(change) <= TARGETS['flat'])}")
        va, vb = by[10]["validate_s"] / by[10]["records"], by[100]["validate_s"] / by[100]["records"]
        out.append(f"validate per record 10x -> 100x: {1e6 * va:.0f} -> {1e6 * vb:.0f} µs ({vb / va - 1:+.0%}, linear)")
    # Per scale: at 1x the ratio is mostly the data layer's fixed cost (imports, loading,
    # the publication) over a one-second theme build.
    for r in rows:
        out.append(f"data layer at {r['scale']}x{r['tag']}: {r['ratio']:.2f}x the same pages without it "
                   f"(target <= 1.3x): {_mark(r['ratio'] <= TARGETS['ratio'])}")
    big = max(rows, key=lambda r: r["largest"])
    out.append(f"largest HTML page {big['largest'] / 1024:.0f} KB, {big['largest_path']} at {big['scale']}x{big['tag']} "
               f"(target <= 1024 KB): {_mark(big['largest'] <= TARGETS['page_kb'] * 1024)}")
    for r in rows:
        for lang, w in r["weight"].items():
            out.append(f"{r['scale']}x{r['tag']} {lang}: home {w['page'] / 1024:.0f} KB + search '{QUERY}' "
                       f"{w['search'] / 1024:.0f} KB = {w['total'] / 1024:.0f} KB gzip, {w['results']} results, "
                       f"{w['early']} search files before searching (target <= 400 KB, 0): "
                       f"{_mark(w['total'] <= TARGETS['search_kb'] * 1024 and not w['early'])}")
    for c in compared:
        if c["scale"] >= 10:
            out.append(f"CPU at {c['scale']}x against the old revision: {c['ratio']:.2f}x (target <= 0.8x): "
                       f"{_mark(c['ratio'] <= TARGETS['cpu_vs_old'])}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m opencommittee.devtools.bench")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default 1,10,100)")
    parser.add_argument("--compare", help="a git revision to build the same folders with, side by side")
    parser.add_argument("--runs", type=int, default=2, help="builds per revision per scale with --compare")
    parser.add_argument("--varied", action="store_true", help="also a 100x folder of other proportions")
    parser.add_argument("--keep", help="keep data folders and sites in this directory")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="oc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    old = Revision(args.compare, work / "old-revision") if args.compare else None
    try:
        print(f"machine: {machine()}", flush=True)
        first, rebuild = rebuild_seconds(work)
        print(f"embedded site: first build {first:.2f} s, rebuild in the same process {rebuild:.2f} s", flush=True)
        rows = []
        for scale in scales:
            rows.append(bench_scale(scale, work))
            print(f"  {scale}x: {rows[-1]['pages']} pages in {rows[-1]['wall']:.1f} s; largest {rows[-1]['largest_path']}", flush=True)
        if args.varied:
            rows.append(bench_scale(100, work, VARIED, tag=" varied"))
            print(f"  100x varied: {rows[-1]['pages']} pages in {rows[-1]['wall']:.1f} s", flush=True)
        compared = []
        if old is not None:
            for scale in scales:
                compared.append(compare_scale(old, scale, work, args.runs))
                print(f"  compare {scale}x: {compared[-1]['ratio']:.2f}x", flush=True)
        print()
        print(table(rows))
        if old is not None:
            print()
            print(f"Against {args.compare} ({old.commit}), same folders (its generator), "
                  f"{args.runs} alternating builds each, median CPU:")
            print(compare_table(compared, old.commit[:7]))
        print()
        for line in verdicts(rows, rebuild, compared):
            print(line)
    finally:
        if old is not None:
            old.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
