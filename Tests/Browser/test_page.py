"""The map page in real headless Chromium, against a running `borderflow serve`.

    python Tests/Browser/test_page.py --url http://127.0.0.1:PORT/ [--screenshot PATH]

Closes Lukeville by clicking its marker, runs the diversion and finds the crossings that take its traffic in
the table; opens the page's shared link afresh and finds the same state; finds the route Sonoyta → Phoenix;
draws December 2023 and checks the screenshot is not blank; and fails on any error in the browser console.
Exits 1 when a check fails.
"""

import argparse
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from png import distinct_colours, read_png  # noqa: E402

# Lukeville's travellers go to Sasabe, Nogales or San Luis (README: "a handful going to Sasabe and San Luis").
RECEIVERS = ("sasabe", "nogales-", "san-luis-")
TIMEOUT = 90


class Failure(Exception):
    pass


def change(text):
    """The number a change cell starts with: "+9.1 +12 %" is 9.1, "−1,249 −100 %" is -1249."""
    return float(text.split()[0].replace("\u2212", "-").replace(",", ""))


def check(condition, message):
    if not condition:
        raise Failure(message)


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    # The viewport itself 1400×900, whatever the headless window's frame takes.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return driver


class PageTest:
    def __init__(self, driver, url):
        self.driver = driver
        self.url = url if url.endswith("/") else url + "/"
        self.console_errors = []

    # ---- helpers -------------------------------------------------------------------------------------------

    def wait(self, condition, what, timeout=TIMEOUT):
        try:
            return WebDriverWait(self.driver, timeout).until(condition)
        except TimeoutException:
            error = self.driver.find_elements(By.CSS_SELECTOR, "#error:not([hidden])")
            shown = f"; the page shows: {error[0].text}" if error else ""
            raise Failure(f"timed out waiting for {what}{shown}") from None

    def load(self, url):
        self.driver.get(url)
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "body[data-ready='true']")), "the page to load")
        self.collect_console()

    def idle(self, what):
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-busy") is None, what)
        errors = self.driver.find_elements(By.CSS_SELECTOR, "#error:not([hidden])")
        check(not errors, f"the page shows an error: {errors[0].text if errors else ''}")

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def changes_table(self):
        """The changes table's rows as (crossing id, mode, status, change text)."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#changes tbody tr[data-crossing]")
        return [(r.get_attribute("data-crossing"), r.get_attribute("data-mode"), r.get_attribute("data-status"),
                 " ".join(r.find_element(By.CSS_SELECTOR, "td.change").get_attribute("textContent").split()))
                for r in rows]

    def collect_console(self):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.console_errors.append(entry.get("message"))

    # ---- the checks ----------------------------------------------------------------------------------------

    def close_lukeville_by_its_marker(self):
        self.load(self.url)
        marker = self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, ".crossing[data-crossing='lukeville']")),
                           "Lukeville's marker")
        check(marker.get_attribute("tabindex") == "0" and marker.get_attribute("role") == "button",
              "Lukeville's marker cannot be reached with the keyboard")
        marker.click()
        button = self.wait(EC.element_to_be_clickable(
            (By.CSS_SELECTOR, "[data-popup='lukeville'] button[data-toggle-crossing]")), "Lukeville's popup")
        check("Close" in button.text, f"the popup offers {button.text!r}, not to close Lukeville")
        button.click()
        self.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".crossing[data-crossing='lukeville']")
                  .get_attribute("data-status") == "closed", "Lukeville's marker to show it closed")
        check(self.driver.find_elements(By.CSS_SELECTOR, "#closures li[data-closure='crossing:lukeville:']"),
              "Lukeville is not in the list of closures")

    def run_and_find_receivers(self):
        self.css("#run").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#changes tbody tr[data-crossing]")),
                  "the table of changes")
        self.idle("the diversion to finish")
        rows = self.changes_table()
        check(any(r[0] == "lukeville" and r[2] == "closed" for r in rows), "Lukeville is not closed in the table")
        receivers = [r for r in rows if r[0].startswith(RECEIVERS) and r[2] == "open" and change(r[3]) > 0]
        check(receivers, f"none of Sasabe, Nogales or San Luis gains in the table: {rows}")
        check("close=lukeville" in self.driver.current_url, f"the URL does not hold the state: {self.driver.current_url}")
        self.collect_console()
        return rows, receivers

    def shared_link_restores(self, rows):
        share = self.css("#share").get_attribute("href")
        check(share and "close=lukeville" in share, f"the share link does not hold the closure: {share!r}")
        self.driver.get("about:blank")
        self.load(share)
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#changes tbody tr[data-crossing]")),
                  "the shared view to rerun")
        self.idle("the shared view's diversion")
        marker = self.css(".crossing[data-crossing='lukeville']")
        check(marker.get_attribute("data-status") == "closed", "Lukeville is not closed in the shared view")
        check(self.driver.find_elements(By.CSS_SELECTOR, "#closures li[data-closure='crossing:lukeville:']"),
              "Lukeville is not in the shared view's list of closures")
        again = self.changes_table()
        check(again == rows, f"the shared view's table differs:\n  {again}\nfrom\n  {rows}")
        self.collect_console()

    def route_sonoyta_phoenix(self):
        self.load(self.url)
        self.css("#tab-route").click()
        self.css("#from").send_keys("Sonoyta")
        self.css("#to").send_keys("Phoenix")
        self.css("#route-run").click()
        summary = self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#route-summary[data-crossing]")),
                            "the route")
        self.idle("the route")
        crossing = summary.get_attribute("data-crossing")
        check(crossing == "lukeville", f"Sonoyta → Phoenix crosses at {crossing}, not Lukeville")
        lines = self.driver.find_elements(By.CSS_SELECTOR, ".leaflet-routes-pane path")
        check(lines, "no route drawn on the map")
        alternatives = self.driver.find_elements(By.CSS_SELECTOR, "#route-table tbody tr[data-crossing]")
        check(len(alternatives) >= 2, f"{len(alternatives)} rows in the table of route times")
        check("view=route" in self.driver.current_url and "from=" in self.driver.current_url,
              f"the URL does not hold the route: {self.driver.current_url}")
        self.collect_console()
        return crossing, len(alternatives)

    def screenshot_of_december_2023(self, path):
        self.load(self.url + "?view=divert&scenario=dec-2023")
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#changes tbody tr[data-crossing]")),
                  "December 2023's table")
        self.idle("December 2023's diversion")
        closed = {r[0] for r in self.changes_table() if r[2] == "closed"}
        check({"lukeville", "san-ysidro-pedwest"} <= closed, f"December 2023 closes {sorted(closed)}")
        time.sleep(0.5)  # let the map's last frame paint
        data = self.driver.get_screenshot_as_png()
        with open(path, "wb") as file:
            file.write(data)
        width, height, rows = read_png(data)
        colours = distinct_colours(rows)
        check(width >= 800 and height >= 600, f"the screenshot is {width}×{height}")
        check(colours >= 200, f"the screenshot looks blank: {colours} distinct colours")
        self.collect_console()
        return width, height, colours


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the server's address, such as http://127.0.0.1:8080/")
    parser.add_argument("--screenshot", help="where to write the PNG (default: a temporary folder)")
    args = parser.parse_args()
    path = args.screenshot or os.path.join(tempfile.mkdtemp(prefix="borderflow-browser-"), "page.png")

    driver = start_browser()
    test = PageTest(driver, args.url)
    steps = [
        ("close Lukeville by clicking its marker", test.close_lukeville_by_its_marker),
        ("run the diversion; Sasabe, Nogales or San Luis gains", None),
        ("the shared link restores the closures and the table", None),
        ("route Sonoyta → Phoenix", test.route_sonoyta_phoenix),
        ("December 2023 drawn; screenshot not blank", lambda: test.screenshot_of_december_2023(path)),
        ("no errors in the browser console", None),
    ]
    failed = 0
    rows = None
    try:
        for number, (name, step) in enumerate(steps, 1):
            started = time.monotonic()
            try:
                if number == 2:
                    rows, receivers = test.run_and_find_receivers()
                    detail = ", ".join(f"{r[0]} {r[1]} {r[3]}" for r in receivers)
                elif number == 3:
                    check(rows is not None, "no table to compare with")
                    test.shared_link_restores(rows)
                    detail = f"{len(rows)} rows alike"
                elif number == 6:
                    test.collect_console()
                    check(not test.console_errors, "console errors:\n    " + "\n    ".join(test.console_errors))
                    detail = ""
                else:
                    result = step()
                    detail = {4: lambda r: f"via {r[0]}, {r[1]} routes in the table",
                              5: lambda r: f"{r[0]}×{r[1]}, {r[2]} colours, {path}"}.get(number, lambda r: "")(result)
                print(f"ok {number} - {name}{' (' + detail + ')' if detail else ''} [{time.monotonic() - started:.1f} s]",
                      flush=True)
            except Failure as failure:
                failed += 1
                print(f"not ok {number} - {name}: {failure}", flush=True)
            except Exception as error:  # a Selenium error is a failed step, not a crash of the suite
                failed += 1
                print(f"not ok {number} - {name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}",
                      flush=True)
    finally:
        driver.quit()
    print(f"{len(steps) - failed} of {len(steps)} browser checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
