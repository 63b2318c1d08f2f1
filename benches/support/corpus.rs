//! A deterministic corpus of invented articles in SPEC layout, for benchmarks.
//!
//! Shared by `benches/throughput.rs` and `examples/gen_corpus.rs` (which
//! writes it to disk for the CLI). Every optional part appears: kickers of
//! each form, bylines with several authors and timestamps of every form,
//! credits, datelines of each form, boilerplate, CRLF files and NBSPs;
//! paragraphs are 80–900 characters and articles 2–8 KB.

#![allow(dead_code)]

/// SplitMix64: a small, fast, deterministic generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "harbor",
    "ministry",
    "said",
    "on",
    "Tuesday",
    "that",
    "its",
    "new",
    "budget",
    "would",
    "cover",
    "repairs",
    "to",
    "the",
    "old",
    "bridge",
    "and",
    "a",
    "second",
    "ferry",
    "line",
    "between",
    "towns",
    "officials",
    "expect",
    "prices",
    "to",
    "rise",
    "by",
    "3.5",
    "percent",
    "next",
    "year",
    "after",
    "talks",
    "with",
    "unions",
    "stalled",
    "in",
    "March",
    "while",
    "exports",
    "of",
    "steel",
    "fell",
    "sharply",
    "during",
    "winter",
    "months",
    "according",
    "data",
    "released",
    "Friday",
    "by",
    "statistics",
    "office",
    "in",
    "Velmora",
    "\"very",
    "constructive\"",
    "meetings",
    "(CVID)",
    "North",
    "Korean",
    "U.S.",
    "delegation",
    "Kim",
    "Lee",
    "Park",
    "analysts",
    "warned",
    "growth",
    "could",
    "slow",
    "further",
    "unless",
    "demand",
    "recovers",
];
const NAMES: &[&str] = &[
    "Lim Chang-won",
    "Ana Ruiz",
    "Björn Nyström",
    "Cora Fenn",
    "Park Eun-ji",
    "Farid Haddad",
    "Greta Lindqvist-Øberg",
    "HYUNG-JIN KIM",
    "Ines Koval",
    "Tomas O'Neill",
];
const KICKERS: &[&str] = &[
    "[SUMMIT] ",
    "[ECONOMY] ",
    "【NOTICE】",
    "［FINANCE］",
    "(LEAD) ",
    "(2nd LD) ",
    "(News Focus) ",
    "ANALYSIS: ",
    "FACT CHECK: ",
    "(Yonhap Interview) ",
];
const STAMPS: &[&str] = &[
    "February 28, 2019, 16:19",
    "Feb. 28, 2019 16:19",
    "Feb 28 2019 16:19:05",
    "28 February 2019 16:19",
    "2019-02-28 16:19:09",
    "2019-02-28T16:19:09+09:00",
    "2019.02.28 16:19",
    "2019/02/28 16:19",
    "Feb. 28, 2019 at 4:19 p.m. KST",
    "February 28, 2019 - 04:19 AM EST",
    "10:53 May 13, 2010",
    "Thursday 28 February 2019",
    "May 2nd, 2019",
    "June 3, 2018 / 9:05 PM / 3 months ago",
    "2019-02-28 16:19 (GMT+09:00)",
];
const CREDITS: &[&str] = &[
    "[Reuters/Yonhap News Photo]",
    "[Photo courtesy of Orvane Mills]",
    "[AP Photo/Ana Ruiz]",
    "[사진=연합뉴스]",
];
const DATELINES: &[&str] = &[
    "HANOI -- ",
    "SEOUL, Feb. 28 (Yonhap) -- ",
    "NEW YORK (AP) — ",
    "KESSEN BAY, Isle of Marsh, Jan. 3 (UPI) -- ",
    "BRENHOLT (Norland), March 12 (Bernama) -- ",
    "Tallinn (AFP) - ",
    "Aug. 10 (UPI) -- ",
    "TARNBY: ",
    "ST. LOUIS, Mo. (Reuters) - ",
];
const TRAILERS: &[&str] = &[
    "기사 이미지 확대 보기",
    "닫기",
    "(END)",
    "© 2021 Velmora Herald",
    "Share it",
    "<저작권자 ⓒ 아주경제>",
    "[Copyright The Velmora Press, Ltd.]",
];

fn sentence(rng: &mut Rng, min: usize, max: usize) -> String {
    let target = min + rng.below(max - min);
    let mut s = String::with_capacity(target + 16);
    s.push_str("Officials");
    while s.len() < target {
        s.push(' ');
        s.push_str(rng.pick(WORDS));
    }
    s.push('.');
    s
}

/// One article of roughly 2–8 KB.
pub fn article(rng: &mut Rng) -> String {
    let nl = if rng.chance(20) { "\r\n" } else { "\n" };
    let mut a = String::with_capacity(8 * 1024);
    if rng.chance(60) {
        a.push_str(rng.pick(KICKERS));
    }
    a.push_str(&sentence(rng, 30, 90));
    a.pop();
    a.push_str(nl);
    a.push_str(nl);
    if rng.chance(85) {
        a.push_str("By ");
        let n = 1 + rng.below(3);
        for i in 0..n {
            if i > 0 {
                a.push_str(if i + 1 == n { " and " } else { ", " });
            }
            a.push_str(rng.pick(NAMES));
        }
        if rng.chance(70) {
            a.push_str(" Posted : ");
            a.push_str(rng.pick(STAMPS));
            if rng.chance(60) {
                a.push_str(" Updated : ");
                a.push_str(rng.pick(STAMPS));
            }
        }
        a.push_str(nl);
    }
    if rng.chance(30) {
        a.push_str("입력 ");
        a.push_str(rng.pick(STAMPS));
        a.push_str(" | 수정 ");
        a.push_str(rng.pick(STAMPS));
        a.push_str(nl);
    }
    a.push_str(nl);
    if rng.chance(50) {
        a.push_str(rng.pick(CREDITS));
        a.push_str(nl);
        a.push_str(nl);
    }
    let size = 2048 + rng.below(6 * 1024);
    let dateline = rng.chance(60).then(|| rng.pick(DATELINES));
    let mut first = true;
    while a.len() < size {
        if first {
            if let Some(d) = dateline {
                a.push_str(d);
            }
            first = false;
        } else if rng.chance(5) {
            a.push_str(rng.pick(CREDITS));
            a.push_str(nl);
        }
        a.push_str(&sentence(rng, 80, 900));
        if rng.chance(10) {
            a.push('\u{A0}');
        }
        a.push_str(nl);
        if rng.chance(70) {
            a.push_str(nl);
        }
    }
    if rng.chance(60) {
        a.push('\u{A0}');
        a.push_str(nl);
        for _ in 0..1 + rng.below(3) {
            a.push_str(rng.pick(TRAILERS));
            a.push_str(nl);
        }
    }
    a
}

/// `n` articles from `seed`.
pub fn corpus(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| article(&mut rng)).collect()
}
