#!/usr/bin/env python3
"""How much a search downloads from a built site, as the site's search.js does it: the manifest,
one word shard per word typed, and the document chunks of the first 20 results.

    python3 benches/search_fetch.py SITE_DIR WORD [WORD ...]

Each WORD is one search (quote several words to search for them together)."""
import json
import os
import sys

SHOWN = 20


def shard_key(word, split):
    n = 1
    while n < len(word) and word[:n] in split:
        n += 1
    return word[:n]


def one_slip(a, b):
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1:] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i + 1:] == b[i + 1:] or swapped


def file_name(prefix):
    return "".join(c if c.isascii() and c.isalnum() else "_%x" % ord(c) for c in prefix)


def search(site, query):
    fetched = {}

    def get(name):
        path = os.path.join(site, "search", name)
        if name not in fetched:
            fetched[name] = os.path.getsize(path) if os.path.exists(path) else 0
        if not os.path.exists(path):
            return {}
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    manifest = get("index.json")
    split = set(manifest["split"])
    sets = []
    for word in query.lower().split():
        index = get("words-%s.json" % file_name(shard_key(word, split)))
        hits = [word] if word in index else [w for w in index if w.startswith(word)]
        if not hits and len(word) >= 5:
            hits = [w for w in index if one_slip(word, w)]
        lists = [index[w] for w in hits]
        if any(lst is None for lst in lists):
            continue
        ids = set()
        for gaps in lists:
            n = 0
            for gap in gaps:
                n += gap
                ids.add(n)
        sets.append(ids)
    found = sorted(set.intersection(*sets)) if sets else []
    for chunk in sorted({i // manifest["chunk"] for i in found[:SHOWN]}):
        get("docs-%d.json" % chunk)
    return len(found), fetched


def main():
    site, queries = sys.argv[1], sys.argv[2:]
    for query in queries:
        count, fetched = search(site, query)
        total = sum(fetched.values())
        files = ", ".join("%s %.1f KB" % (name, size / 1024) for name, size in fetched.items())
        print("%-24s %6d found, %6.1f KB in %d files: %s" % (query, count, total / 1024, len(fetched), files))


if __name__ == "__main__":
    main()
