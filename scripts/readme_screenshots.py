"""Take the README's screenshots: the search page, the numbers page and an agency page.

Indexes the bundled samples, the relevance fixtures and the multi-year
agency fixtures (`tests/fixtures/agencies.py`, generated reports) into a temporary folder, serves them on a free local port and photographs the pages with
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
AGENCY = "330500:湖州市司法局"  # 2019-2023 without 2021, with a broken carry-over (tests/fixtures/agencies.py)


def build(base: Path):
    from indexer.config import Config
    from indexer.indexing import index_corpus

    corpus = base / "corpus"
    shutil.copytree(ROOT / "corpus" / "samples", corpus / "samples")
    shutil.copytree(ROOT / "tests" / "fixtures" / "relevance", corpus / "relevance")
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.agencies import write_corpus

    write_corpus(corpus / "agencies")
    index_corpus(corpus, base / "index", workers=1)
    return Config(corpus=corpus, index=base / "index")


def shrink(path: Path) -> int:
    """Reduce a screenshot to a 128-colour palette when Pillow is installed (a third of the bytes); its size."""
    try:
        from PIL import Image
    except ImportError:
        return path.stat().st_size
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    return path.stat().st_size


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
            "screenshot.png": ("/?q=行政处罚&sort=-active.penalty.decisions", None),
            "metrics.png": ("/metrics?year=2022&m=active.published_total&m=active.penalty.decisions"
                            "&m=apply.new.total&m=apply.granted.total&m=review.total&by=agency", None),
            "agency.png": ("/agencies/" + quote(AGENCY, safe=":"), None),
        }
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                page = browser.new_page(viewport={"width": 1200, "height": 820}, locale="zh-CN")
                for name, (path, _) in shots.items():
                    page.goto(base + path)
                    page.screenshot(path=str(out / name))
                    print(f"wrote {out / name} ({shrink(out / name) // 1024} KB)")
                browser.close()
        finally:
            server.close()
            app.extensions["nianbao"].live.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
