#!/usr/bin/env python3
"""Fails when a normal (non-dev) dependency declares a rust-version newer than ours.

Only the stable toolchain is installed here, so the MSRV cannot be built
against; this checks the declared minimums of what the library pulls in.
"""
import json
import subprocess
import sys

meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--locked"], text=True))
pkgs = {p["id"]: p for p in meta["packages"]}
root = meta["resolve"]["root"]
ours = pkgs[root]["rust_version"]


def key(v):
    return tuple(int(x) for x in (v or "0").split(".")) + (0,) * (3 - len((v or "0").split(".")))


nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
seen, todo, bad = set(), [root], []
while todo:
    pid = todo.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        if any(k["kind"] in (None, "build") for k in dep["dep_kinds"]):
            todo.append(dep["pkg"])
for pid in seen:
    p = pkgs[pid]
    if p["rust_version"] and key(p["rust_version"]) > key(ours):
        bad.append("%s %s needs Rust %s" % (p["name"], p["version"], p["rust_version"]))
print("crate rust-version: %s; %d normal dependencies checked" % (ours, len(seen) - 1))
for b in bad:
    print("too new: " + b)
sys.exit(1 if bad else 0)
