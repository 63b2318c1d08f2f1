#!/usr/bin/env python3
"""Prints the linear-time table of `cargo bench --bench pathological`.

Reads criterion's estimates (target/criterion/pathological_*/{parse,lines_collect}/
{1,4,16}MB/new/estimates.json) and prints, per shape, the time at each
size (criterion's median), MB/s, and the 16 MB / 1 MB ratio (16 for perfectly linear time; the
bar is 20), for `parse` and for the `lines_collect` floor.

    cargo bench --bench pathological && python3 benches/pathological_ratios.py [TARGET_DIR]
"""
import json
import os
import sys

SHAPES = ["brackets", "parens", "blank_lines", "by_lines", "dashes", "nbsp",
          "long_line", "tiny_paragraphs", "credit_lines"]
SIZES = [1, 4, 16]

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")


def sizes(shape):
    """The sizes measured for a shape, in MB."""
    d = os.path.join(root, f"pathological_{shape}", "parse")
    return sorted(int(n[:-2]) for n in os.listdir(d) if n.endswith("MB"))


def mean(shape, function, mb):
    path = os.path.join(root, f"pathological_{shape}", function, f"{mb}MB", "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"] / 1e9  # seconds


def fmt(t):
    return f"{t * 1e3:.2f} ms" if t >= 1e-3 else f"{t * 1e6:.0f} µs"


print("| shape | 1 MB | 4 MB | 16 MB | MB/s at 16 MB | 16 MB / 1 MB | floor: lines().collect() 16 MB / 1 MB |")
print("|---|---|---|---|---|---|---|")
worst = 0.0
for shape in SHAPES:
    try:
        t = [mean(shape, "parse", mb) for mb in SIZES]
        f = [mean(shape, "lines_collect", mb) for mb in SIZES]
    except FileNotFoundError as e:
        print(f"| {shape} | missing: {e.filename} |")
        continue
    ratio = t[2] / t[0]
    worst = max(worst, ratio)
    print(f"| `{shape}` | {fmt(t[0])} | {fmt(t[1])} | {fmt(t[2])} | {16 / t[2]:.0f} "
          f"| {ratio:.1f}× | {f[2] / f[0]:.1f}× |")
print(f"\nworst 16 MB / 1 MB ratio: {worst:.1f}× (linear: 16×, bar: 20×)")

# Every size measured (PATHOLOGICAL_MB adds more): milliseconds per MB.
all_sizes = sorted({mb for shape in SHAPES for mb in sizes(shape)})
print("\nms per MB, parse / lines_collect floor:\n")
print("| shape | " + " | ".join(f"{mb} MB" for mb in all_sizes) + " |")
print("|---|" + "---|" * len(all_sizes))
for shape in SHAPES:
    cells = []
    for mb in all_sizes:
        try:
            cells.append(f"{mean(shape, 'parse', mb) * 1e3 / mb:.3f} / {mean(shape, 'lines_collect', mb) * 1e3 / mb:.3f}")
        except FileNotFoundError:
            cells.append("")
    print(f"| `{shape}` | " + " | ".join(cells) + " |")
