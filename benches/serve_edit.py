#!/usr/bin/env python3
"""Times one action edit in `planpress serve`: from saving the file to the new page being served.

Usage: serve_edit.py PLANPRESS PROJECT [EDITS]

Starts `PLANPRESS serve` on a free port, waits for the first build, then EDITS times (default 5)
changes the title of the first action area in the first priority file and polls its page until
the new title is served. As soon as it is, it saves a second change (as an editor fixing a typo
does), which comes in while the rest of the site is still being made, and times it the same way;
then polls the A to Z page (made after the action pages, with every action on it) until it lists
the second title: the whole site made again. Prints the median and every time in milliseconds
for the first save, the medians for the second save and for the whole site, and the server's
peak resident memory. The project is edited in place; the last edit is undone before it exits.
"""
import glob
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read().decode("utf-8", "replace")
    except OSError:
        return ""


def peak_mib(pid):
    """The server's peak resident memory so far, from Linux's /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        return f"{kib / 1024:.0f} MiB"
    except (OSError, StopIteration):
        return "not measured"


def measure(planpress, project, edits=5):
    """Runs one server through EDITS edits and returns the three lists of milliseconds (first
    save served, second save served, whole site made again) and the server's peak memory.
    benches/compare.py calls this for each of two binaries in turn."""
    register = sorted(glob.glob(os.path.join(project, "content", "priorities", "*.toml")))[0]
    original = open(register, encoding="utf-8").read()
    first = re.search(r'\[\[actions\]\]\nid = "([^"]+)"\ntitle = "([^"]+)"', original)
    action, title = first.group(1), first.group(2)
    server = subprocess.Popen(
        [planpress, "serve", "--port", "0", "--root", project],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = re.search(r"http://([^/\s]+)", server.stdout.readline()).group(1)
        page = f"http://{address}/actions/{action}.html"
        # The A to Z lists every action: made after the action pages, it shows the whole site
        # has been made again.
        everywhere = f"http://{address}/a-z.html"
        while title not in fetch(page):
            time.sleep(0.05)
        times, again, whole = [], [], []

        def save(new_title):
            """Saves the change and returns the milliseconds until its page is served."""
            text = original.replace(f'title = "{title}"', f'title = "{new_title}"', 1)
            started = time.perf_counter()
            with open(register, "w", encoding="utf-8") as out:
                out.write(text)
            while new_title not in fetch(page):
                time.sleep(0.002)
            return started, (time.perf_counter() - started) * 1000

        for n in range(1, edits + 1):
            times.append(save(f"{title} (edit {n})")[1])
            second = f"{title} (edit {n}, again)"
            started, took = save(second)
            again.append(took)
            while second not in fetch(everywhere):
                time.sleep(0.002)
            whole.append((time.perf_counter() - started) * 1000)
            time.sleep(0.5)  # let the watcher settle before the next save
        return times, again, whole, peak_mib(server.pid)
    finally:
        with open(register, "w", encoding="utf-8") as out:
            out.write(original)
        server.terminate()
        server.wait()


def main():
    planpress, project = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    times, again, whole, peak = measure(planpress, project, edits)
    print(f"median {statistics.median(times):.0f} ms; each: "
          + ", ".join(f"{t:.0f}" for t in times)
          + f"; a second save during the rebuild: median {statistics.median(again):.0f} ms"
          + f"; whole site: median {statistics.median(whole):.0f} ms"
          + f"; peak memory {peak}")


if __name__ == "__main__":
    main()
