#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from the project's own texts,
# at run time (nothing is committed): tests/fixtures/ (and their CRLF
# variants), examples/data/, and, when it stands beside the repository,
# shared/seed/ and shared/conformance/cases/. The timestamp target gets
# SPEC 3.3's forms and the label values found in those texts.
#
#   fuzz/seed-corpus.sh            # writes fuzz/corpus/<target>/seed-*
#
# libFuzzer adds what it finds to the same directories; they are ignored
# by git (fuzz/.gitignore).
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz_dir")"
corpus="$fuzz_dir/corpus"

sources=()
for dir in "$root/tests/fixtures" "$root/examples/data" "$root/../shared/seed" "$root/../shared/conformance/cases"; do
    [ -d "$dir" ] || continue
    while IFS= read -r -d '' f; do
        sources+=("$f")
    done < <(find "$dir" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.wire' \) -print0 | sort -z)
done

mkdir -p "$corpus"/{parse_str,parse_bytes,roundtrip,timestamp}
n=0
for f in "${sources[@]}"; do
    # Keep the seeds small: libFuzzer's -max_len defaults to the largest.
    [ "$(wc -c <"$f")" -le 16384 ] || continue
    name="seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    for t in parse_str parse_bytes roundtrip; do
        cp "$f" "$corpus/$t/$name"
    done
    # The same text with CRLF line ends.
    sed 's/$/\r/' "$f" >"$corpus/parse_str/$name.crlf"
    n=$((n + 1))
done

# Timestamps: SPEC 3.3's forms, and every label value in the texts.
ts="$corpus/timestamp"
i=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    printf '%s' "$line" >"$ts/seed-$i"
    i=$((i + 1))
done < <(
    cat <<'FORMS'
February 28, 2019, 16:19
Feb. 28, 2019 16:19
Feb 28 2019 16:19:05
28 February 2019 16:19
28 Feb. 2019, 16:19
2019-02-28 16:19
2019-02-28 16:19:09
2019-02-28T16:19:09+09:00
2019.02.28 16:19
2019/02/28 16:19
Feb. 28, 2019 at 4:19 p.m.
March 18, 2021 04:19 a.m. KST
2021-03-17 23:53 PM
10:53 May 13, 2010
17:48 August 07, 2019
Feb 28, 2019 - 14:18
Sept 24, 2020 / 09:05
September 23, 2020 | 14:18
May 2nd, 2019
28th February 2019
Thu, February 28, 2019
Thursday 28 February 2019 16:19
2021-03-17 09:30 GMT+9
17 March 2021 08:45 UTC+09:00
March 17, 2021 08:45 (Gmt+09:00)
2021-03-17T09:30:00Z
February 28, 2019, 16:19 -05:00
June 3, 2018 / 9:05 PM / 2 days ago
FORMS
    if [ "${#sources[@]}" -gt 0 ]; then
        grep -ohE '(Posted|Updated|Published|Created|Date|Written|Modified|입력|수정|기사입력|업데이트|승인|등록)( on)? *:? *[^|;]+' "${sources[@]}" 2>/dev/null |
            sed -E 's/^[^ :]+( on)? *:? *//' | tr -d '\r' | sort -u | head -n 300 || true
    fi
)

echo "seed corpus: $n texts, $i timestamps in $corpus"
