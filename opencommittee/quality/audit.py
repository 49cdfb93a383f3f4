"""`make audit`: Lighthouse (npm, pinned) on the site served gzip-compressed, as GitHub
Pages serves it, printed as a table of category scores. A report, not a gate.

    python -m opencommittee.quality.audit [--form-factor mobile|desktop] [--scale 100] [--json OUT]

Pages: home, members and plan in both languages, a person page and a year page of the
embedded data, then the plan dashboard and a task page (the page of the plan list holding
the first task record) of a synthetic site at `--scale` (100x by default; 0 skips it), the
heaviest pages there are. Each site is built under a sub-path of a free 127.0.0.1 port and
served by a small server that gzips text responses (Content-Encoding: gzip).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .browser import CHROME_ARGS, chrome_path
from .serve import Handler, SiteServer, free_port

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["", "members/", "plan/", "en/", "en/members/", "en/plan/", "people/to-hung-khoa/", "years/2014/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PREFIX = "/oc-audit/"
SYNTHETIC_PREFIX = "/oc-audit-synthetic/"
# Compressed as GitHub Pages does (text formats); images and archives are sent as they are.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv", ".map")


class GzipHandler(Handler):
    """Serves files gzip-compressed when the client accepts it (as GitHub Pages does)."""

    cache: dict[str, tuple[float, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            super().do_GET()
            return
        stamp = path.stat().st_mtime
        hit = self.cache.get(str(path))
        if hit is None or hit[0] != stamp:
            hit = (stamp, gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
            self.cache[str(path)] = hit
        body = hit[1]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(site_dir: Path, site_url: str, data_dir: Path | None = None) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "1764201600")
    if data_dir is not None:
        env["SITE_DATA_DIR"] = str(data_dir)
        env.setdefault("SITE_AS_OF", "2025-06-30")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site_dir)],  # noqa: S603
                   cwd=ROOT, env=env, check=True)


def task_page(site: Path) -> str:
    """The first page of the plan list that holds a task record (e.g. plan/3/)."""
    plan = site / "plan"
    numbered = sorted((p for p in plan.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    for folder in [plan, *numbered]:
        if 'class="oc-record oc-task"' in (folder / "index.html").read_text(encoding="utf-8"):
            return folder.relative_to(site).as_posix() + "/"
    raise LookupError("no task record on any plan page")


def lighthouse(url: str, out: Path, form_factor: str) -> dict:
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    flags = " ".join(["--headless=new", *CHROME_ARGS])
    argv = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"]
    if form_factor == "desktop":
        argv.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome_path()}
    subprocess.run(argv, env=env, check=True, timeout=300)  # noqa: S603
    return dict(json.loads(out.read_text(encoding="utf-8")))


def row(label: str, report: dict) -> dict[str, Any]:
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    audits = report["audits"]
    return {
        "page": label,
        **{c: None if s is None else round(s * 100) for c, s in scores.items()},
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
        "largest": _largest(audits["total-byte-weight"]),
    }


# The heaviest request of a page (what its byte weight is made of): its file and size.
def _largest(audit: dict) -> str:
    items = (audit.get("details") or {}).get("items") or []
    if not items:
        return "-"
    top = max(items, key=lambda i: i.get("totalBytes", 0))
    return f"{top['url'].rsplit('/', 1)[-1] or top['url'].rstrip('/').rsplit('/', 1)[-1] + '/'}:{round(top['totalBytes'] / 1024)}KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form-factor", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--scale", type=int, default=100, help="synthetic site scale (0: embedded site only)")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="oc-audit-") as tmp:
        targets: list[tuple[Path, int, str, list[tuple[str, str]]]] = []
        port = free_port()
        site = Path(tmp) / "site"
        build(site, f"http://127.0.0.1:{port}{PREFIX}")
        targets.append((site, port, PREFIX, [("/" + p, p) for p in PAGES]))
        if args.scale:
            data = Path(tmp) / f"data-{args.scale}x"
            # The synthetic generator through its command (the quality tools do not import
            # the developer tools, which use them).
            subprocess.run([sys.executable, "-m", "opencommittee", "synthetic", "--scale", str(args.scale), str(data)],
                           check=True, stdout=subprocess.DEVNULL)
            big_port = free_port()
            big = Path(tmp) / f"site-{args.scale}x"
            build(big, f"http://127.0.0.1:{big_port}{SYNTHETIC_PREFIX}", data)
            tasks = task_page(big)
            targets.append((big, big_port, SYNTHETIC_PREFIX, [(f"{args.scale}x /plan/", "plan/"), (f"{args.scale}x /{tasks}", tasks)]))
        for directory, where, prefix, pages in targets:
            with SiteServer(directory, where, prefix, handler_class=GzipHandler) as server:
                for label, page in pages:
                    rows.append(row(label, lighthouse(server.url + page, Path(tmp) / "report.json", args.form_factor)))
    header = ["page", *CATEGORIES, "fcp_ms", "lcp_ms", "tbt_ms", "cls", "bytes", "largest"]
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in header]
    print(f"Lighthouse {args.form_factor} (simulated throttling), gzip-compressed, Chromium {chrome_path()}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(str(r[h]).ljust(w) for h, w in zip(header, widths, strict=True)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
