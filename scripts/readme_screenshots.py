"""Take the README's screenshots: the search page, the numbers page and an agency page.

Indexes the bundled samples and the relevance fixtures into a temporary
folder, serves them on a free local port and photographs the pages with
Debian's chromium (Playwright), as the browser test does:

    .venv/bin/python scripts/readme_screenshots.py            # writes docs/*.png
    .venv/bin/python scripts/readme_screenshots.py --out /tmp/shots
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
AGENCY = "370685:招远市卫生健康局"  # three years of reports among the bundled files


def build(base: Path):
    from indexer.config import Config
    from indexer.indexing import index_corpus

    corpus = base / "corpus"
    shutil.copytree(ROOT / "corpus" / "samples", corpus / "samples")
    shutil.copytree(ROOT / "tests" / "fixtures" / "relevance", corpus / "relevance")
    index_corpus(corpus, base / "index", workers=1)
    return Config(corpus=corpus, index=base / "index")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"), help="folder for the PNG files (default: docs/)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    from webui import create_app
    from webui.server import make_server

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(build(Path(tmp)))
        server = make_server(app, "127.0.0.1", 0, threads=4)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.effective_port}"
        shots = {
            "screenshot.png": ("/?q=行政处罚", None),
            "metrics.png": ("/metrics?year=2022&m=active.published_total&m=active.penalty.decisions"
                            "&m=apply.new.total&m=apply.granted.total&m=review.total&by=agency", None),
            "agency.png": ("/agencies/" + quote(AGENCY, safe=":"), None),
        }
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
                for name, (path, _) in shots.items():
                    page.goto(base + path)
                    page.screenshot(path=str(out / name))
                    print(f"wrote {out / name}")
                browser.close()
        finally:
            server.close()
            app.extensions["nianbao"].live.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
