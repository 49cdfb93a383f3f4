"""`make audit`: Lighthouse (npm, pinned) on the home, members and plan pages of both
languages, printed as a table of category scores. A report, not a gate.

    python -m opencommittee.quality.audit [--site-dir DIR] [--json OUT]

Builds the site under a sub-path of a free 127.0.0.1 port (unless --site-dir points at a
site built for that URL), serves it, and runs Lighthouse's CLI with CHROME_PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .browser import CHROME_ARGS, chrome_path
from .serve import SiteServer, free_port

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["", "members/", "plan/", "en/", "en/members/", "en/plan/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PREFIX = "/oc-audit/"


def build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "1764201600")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site_dir)],  # noqa: S603
                   cwd=ROOT, env=env, check=True)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form-factor", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{PREFIX}"
    rows = []
    with tempfile.TemporaryDirectory(prefix="oc-audit-") as tmp:
        site = Path(tmp) / "site"
        build(site, site_url)
        with SiteServer(site, port, PREFIX):
            for page in PAGES:
                report = lighthouse(site_url + page, Path(tmp) / "report.json", args.form_factor)
                scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
                audits = report["audits"]
                rows.append({
                    "page": "/" + page,
                    **{c: None if s is None else round(s * 100) for c, s in scores.items()},
                    "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
                    "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                    "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                    "bytes": round(audits["total-byte-weight"]["numericValue"]),
                })
    header = ["page", *CATEGORIES, "fcp_ms", "lcp_ms", "cls", "bytes"]
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in header]
    print(f"Lighthouse {args.form_factor} (simulated throttling), Chromium {chrome_path()}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[h]).ljust(w) for h, w in zip(header, widths, strict=True)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
