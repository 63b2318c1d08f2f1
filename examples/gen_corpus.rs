//! Writes the deterministic benchmark corpus (`benches/support/corpus.rs`) to a
//! directory, one file per article, for timing `wire2json` on real files.
//!
//! `cargo run --release --example gen_corpus -- DIR [COUNT] [SEED]`

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: gen_corpus DIR [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count: usize = args
        .next()
        .map_or(2_000, |n| n.parse().expect("COUNT is a number"));
    let seed: u64 = args
        .next()
        .map_or(0x5EED, |n| n.parse().expect("SEED is a number"));
    std::fs::create_dir_all(&dir)?;
    let mut rng = corpus::Rng::new(seed);
    let mut bytes = 0;
    for i in 0..count {
        let article = corpus::article(&mut rng);
        bytes += article.len();
        std::fs::write(format!("{dir}/{i:06}.txt"), article)?;
    }
    eprintln!("wrote {count} articles, {bytes} bytes, to {dir}");
    Ok(())
}
