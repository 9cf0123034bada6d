"""innertext.py OUTDIR PAGE...: each page's ``document.body.innerText`` as a browser gives it
(Debian's Chromium, headless, JavaScript off, driven by Playwright), into OUTDIR/NAME.txt."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def main(outdir: str, pages: list[str]) -> None:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        for page in map(Path, pages):
            tab.goto(page.resolve().as_uri(), wait_until="load")
            text = tab.evaluate("document.body.innerText")
            (Path(outdir) / f"{page.stem}.txt").write_text(text, encoding="utf-8")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
