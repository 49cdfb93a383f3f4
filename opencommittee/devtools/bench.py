"""`make bench`: build synthetic sites at 1x, 10x and 100x and print what the build costs.

For each scale: a synthetic data folder (synthetic.py) is built with `mkdocs build
--strict` in a subprocess (wall and CPU seconds, peak memory of that process from
`wait4`), then the output is measured (pages, total and largest HTML, raw and gzip).
The same build dumps every page's Markdown as the macros rendered it; those files are
then built again with the macros plugin and the hooks removed: the same pages without
the data layer (loading and validating YAML, macros, paging, data downloads and feeds,
page metadata). The ratio of the two CPU times is the cost of the data layer.

Also: the embedded site's rebuild time in one process (what `mkdocs serve` does on a
change), and the home page's weight with the CSS, JS and fonts it loads (gzip).

    python -m opencommittee.devtools.bench [--scales 1,10,100] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .synthetic import write

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
AS_OF = "2025-06-30"
TARGETS = {
    "rebuild_s": 5.0,
    "build_100_s": 300.0,
    "peak_100_mb": 1536.0,
    "flat": 0.25,
    "ratio": 1.3,
    "page_kb": 1024.0,
    "home_kb": 150.0,
}


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
    search = site / "search" / "search_index.json"
    return {
        "pages": pages, "html": total, "html_gz": total_gz,
        "largest": largest[0], "largest_gz": largest[1], "largest_path": largest[2],
        "search_gz": gz(search.read_bytes()) if search.exists() else 0,
    }


_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
_FONT = re.compile(r"url\(([^)]+\.(?:woff2?|ttf|otf))\)")


def home_weight(site: Path) -> dict[str, int]:
    """gzip bytes of the home page and the CSS, JS and fonts it loads (same-site only)."""
    html = (site / "index.html").read_bytes()
    parts = {"html": gz(html), "css": 0, "js": 0, "fonts": 0}
    for ref in _ASSET.findall(html.decode("utf-8")):
        if "://" in ref:
            continue
        path = (site / ref.split("?")[0]).resolve()
        if not path.is_file():
            continue
        data = path.read_bytes()
        kind = "css" if path.suffix == ".css" else "js"
        parts[kind] += gz(data)
        if kind == "css":
            for font in _FONT.findall(data.decode("utf-8", "replace")):
                font_path = (path.parent / font.strip("'\"")).resolve()
                if font_path.is_file():
                    parts["fonts"] += len(font_path.read_bytes())
    return parts


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


def bench_scale(scale: int, work: Path) -> dict[str, Any]:
    data = work / f"data-{scale}"
    counts = write(data, scale=scale)
    site, plain_site, markdown = work / f"site-{scale}", work / f"plain-{scale}", work / f"md-{scale}"
    env = {**base_env(data), "OC_DUMP_MARKDOWN": str(markdown)}
    full = run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], env)
    config = plain_config(markdown, work)
    plain = run([str(BIN / "mkdocs"), "build", "-f", str(config), "--site-dir", str(plain_site)], base_env(data))
    result = {"scale": scale, "records": sum(counts.values()), **full, **measure_site(site),
              "plain_wall": plain["wall"], "plain_cpu": plain["cpu"]}
    result["ratio"] = full["cpu"] / plain["cpu"] if plain["cpu"] else float("nan")
    return result


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


def table(rows: list[dict[str, Any]]) -> str:
    head = ["scale", "records", "pages", "wall s", "CPU s", "peak MB", "HTML MB", "HTML gz MB",
            "largest KB", "largest gz KB", "search gz MB", "ms/page", "ms/record", "plain CPU s", "data layer"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [f"{r['scale']}x", f"{r['records']:,}", f"{r['pages']:,}", f"{r['wall']:.1f}", f"{r['cpu']:.1f}",
                 f"{r['peak_mb']:.0f}", f"{r['html'] / 1e6:.1f}", f"{r['html_gz'] / 1e6:.2f}",
                 f"{r['largest'] / 1024:.0f}", f"{r['largest_gz'] / 1024:.0f}", f"{r['search_gz'] / 1e6:.2f}",
                 f"{1000 * r['cpu'] / r['pages']:.1f}", f"{1000 * r['cpu'] / r['records']:.2f}",
                 f"{r['plain_cpu']:.1f}", f"{r['ratio']:.2f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(rows: list[dict[str, Any]], rebuild: float, home_kb: float) -> list[str]:
    by = {r["scale"]: r for r in rows}
    out = [f"embedded rebuild {rebuild:.2f} s (target < {TARGETS['rebuild_s']:.0f} s): {'met' if rebuild < TARGETS['rebuild_s'] else 'MISSED'}"]
    if 100 in by:
        r = by[100]
        ok = r["wall"] < TARGETS["build_100_s"] and r["peak_mb"] < TARGETS["peak_100_mb"]
        out.append(f"100x build {r['wall']:.0f} s, {r['peak_mb']:.0f} MB (target < 300 s, < 1536 MB): {'met' if ok else 'MISSED'}")
    if 10 in by and 100 in by:
        a, b = by[10]["cpu"] / by[10]["records"], by[100]["cpu"] / by[100]["records"]
        change = b / a - 1
        out.append(f"CPU per record 10x -> 100x: {1000 * a:.2f} -> {1000 * b:.2f} ms ({change:+.0%}, target within ±25 %): {'met' if abs(change) <= TARGETS['flat'] else 'MISSED'}")
    worst = max(r["ratio"] for r in rows)
    out.append(f"data layer at most {worst:.2f}x the same pages without it (target <= 1.3x): {'met' if worst <= TARGETS['ratio'] else 'MISSED'}")
    big = max(r["largest"] for r in rows)
    out.append(f"largest HTML page {big / 1024:.0f} KB (target <= 1024 KB): {'met' if big <= TARGETS['page_kb'] * 1024 else 'MISSED'}")
    out.append(f"home page with CSS/JS/fonts {home_kb:.0f} KB gzip (target < 150 KB): {'met' if home_kb < TARGETS['home_kb'] else 'MISSED'}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m opencommittee.devtools.bench")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default 1,10,100)")
    parser.add_argument("--keep", help="keep data folders and sites in this directory")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="oc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"machine: {machine()}", flush=True)
        first, rebuild = rebuild_seconds(work)
        home = home_weight(work / "site-embedded")
        home_kb = sum(home.values()) / 1024
        search_kb = measure_site(work / "site-embedded")["search_gz"] / 1024
        print(f"embedded site: first build {first:.2f} s, rebuild in the same process {rebuild:.2f} s", flush=True)
        print("home page gzip: " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in home.items())
              + f" = {home_kb:.1f} KB (+ search index {search_kb:.1f} KB, fetched by the search worker)", flush=True)
        rows = []
        for scale in scales:
            row = bench_scale(scale, work)
            rows.append(row)
            print(f"  {scale}x: {row['pages']} pages in {row['wall']:.1f} s; largest {row['largest_path']}", flush=True)
        print()
        print(table(rows))
        print()
        for line in verdicts(rows, rebuild, home_kb):
            print(line)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
