#!/usr/bin/env python3
"""Prints the linear-time table of `cargo bench --bench pathological`.

Reads criterion's samples (target/criterion/pathological_*/FUNCTION/{N}MB/
new/sample.json) and prints, per shape, the time per parse of
`parse_into_cold` (the linear-time measure: input and result not cached) at
1, 4 and 16 MB, its MB/s at 16 MB and its 16 MB / 1 MB ratio (16 for
perfectly linear time; the bar is 20), then the same ratio for plain `parse`
(hot input, fresh result) and for the `lines_collect` floor.

The time is the fastest sample's time per iteration, not the median: on a
shared machine other work only ever adds time, so the fastest sample is the
one least disturbed, and ratios of medians swing by a third between runs.

    cargo bench --bench pathological && python3 benches/pathological_ratios.py [TARGET_DIR]
"""
import json
import os
import sys

SHAPES = ["brackets", "parens", "blank_lines", "by_lines", "dashes", "nbsp",
          "long_line", "tiny_paragraphs", "credit_lines", "at_signs", "controls"]
SIZES = [1, 4, 16]
MEASURE = "parse_into_cold"

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")


def sizes(shape):
    """The sizes measured for a shape, in MB."""
    d = os.path.join(root, f"pathological_{shape}", MEASURE)
    return sorted(int(n[:-2]) for n in os.listdir(d) if n.endswith("MB"))


def fastest(shape, function, mb):
    """The fastest sample's time per iteration, in seconds."""
    path = os.path.join(root, f"pathological_{shape}", function, f"{mb}MB", "new", "sample.json")
    with open(path) as f:
        sample = json.load(f)
    return min(t / n for t, n in zip(sample["times"], sample["iters"])) / 1e9


def fmt(t):
    return f"{t * 1e3:.2f} ms" if t >= 1e-3 else f"{t * 1e6:.0f} µs"


def ratio(shape, function):
    return fastest(shape, function, 16) / fastest(shape, function, 1)


print(f"| shape | 1 MB | 4 MB | 16 MB | MB/s at 16 MB | 16 MB / 1 MB "
      f"| `parse`, hot: 16 MB / 1 MB | `lines().collect()`: 16 MB / 1 MB |")
print("|---|---|---|---|---|---|---|---|")
worst = 0.0
for shape in SHAPES:
    try:
        t = [fastest(shape, MEASURE, mb) for mb in SIZES]
        hot, floor = ratio(shape, "parse"), ratio(shape, "lines_collect")
    except FileNotFoundError as e:
        print(f"| {shape} | missing: {e.filename} |")
        continue
    r = t[2] / t[0]
    worst = max(worst, r)
    print(f"| `{shape}` | {fmt(t[0])} | {fmt(t[1])} | {fmt(t[2])} | {16 / t[2]:.0f} "
          f"| {r:.1f}× | {hot:.1f}× | {floor:.1f}× |")
print(f"\nworst {MEASURE} 16 MB / 1 MB ratio: {worst:.1f}× (linear: 16×, bar: 20×)")

# Every size measured (PATHOLOGICAL_MB adds more): milliseconds per MB.
all_sizes = sorted({mb for shape in SHAPES for mb in sizes(shape)})
print(f"\nms per MB, {MEASURE} / parse / lines_collect:\n")
print("| shape | " + " | ".join(f"{mb} MB" for mb in all_sizes) + " |")
print("|---|" + "---|" * len(all_sizes))
for shape in SHAPES:
    cells = []
    for mb in all_sizes:
        try:
            cells.append(" / ".join(f"{fastest(shape, f, mb) * 1e3 / mb:.3f}"
                                    for f in (MEASURE, "parse", "lines_collect")))
        except FileNotFoundError:
            cells.append("")
    print(f"| `{shape}` | " + " | ".join(cells) + " |")
