#!/usr/bin/env python3
"""Runs axe-core (as shipped by axe-selenium-python) on an HTML file in headless Chromium
(Debian's chromium + chromium-driver), at a desktop and a phone width.

    python3 scripts/check-html-a11y.py reports/<name>/output/Bericht.html

Prints one line per violation (rule, impact, element) and a closing line
"axe: N violations"; exits 1 if there is any, 2 if the tools are missing.
"""
import json
import shutil
import sys
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    page = Path(sys.argv[1]).resolve()
    try:
        from axe_selenium_python import Axe
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        print(f"missing: {error} (python3 -m pip install axe-selenium-python selenium)", file=sys.stderr)
        return 2
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not Path(driver_path).exists():
        print("missing: chromedriver (apt-get install chromium-driver)", file=sys.stderr)
        return 2
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    violations = []
    try:
        for width, height in ((1280, 900), (400, 860)):
            driver.set_window_size(width, height)
            driver.get(page.as_uri())
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                for node in violation["nodes"]:
                    violations.append((width, violation["id"], violation["impact"], " ".join(node["target"])))
    finally:
        driver.quit()
    for width, rule, impact, target in violations:
        print(f"{width}px {rule} ({impact}): {target}")
    print(json.dumps({"violations": len(violations)}))
    print(f"axe: {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
