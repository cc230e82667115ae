#!/usr/bin/env python3
"""A static server as GitHub Pages, Netlify or S3 serve a site: the site under a path (a project
site's /plan/), and every missing address answered with the site's 404.html and status 404.

Usage: python3 serve-404.py SITE_DIR PATH   (PATH like /maternity-improvement-plan/)
Prints "port N" once listening.
"""
import functools
import http.server
import os
import sys

site, prefix = sys.argv[1], sys.argv[2]


class Host(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        local = path[len(prefix):] if path.startswith(prefix) else None
        if local is not None and os.path.isfile(os.path.join(site, local or "index.html")):
            self.path = "/" + local
            return super().do_GET()
        with open(os.path.join(site, "404.html"), "rb") as page:
            body = page.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Host, directory=site))
print(f"port {server.server_address[1]}", flush=True)
server.serve_forever()
