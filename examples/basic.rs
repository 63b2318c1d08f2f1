//! Library use: parse a text, print its fields, walk the paragraphs with their
//! byte spans, handle the error. Run with `cargo run --example basic`.

const STORY: &str = "(LEAD) Tidal plant opens on Marrow Island\n\
    \n\
    By Ida Kovach and Ben Solberg Posted : 2024-05-06 08:30 KST\n\
    [Marrow Energy photo]\n\
    PORT ELLIS, Marrow Island (Reuters) -- The first tidal plant began feeding the grid.\n\
    It should cover a fifth of winter demand.\n\
    (END)\n";

fn main() {
    let options = wirecopy::ParseOptions::new().strict(true);
    for text in [STORY, "[ONLY A KICKER]\n"] {
        match options.parse(text) {
            Ok(article) => {
                println!("kicker:   {}", article.kicker.unwrap_or("-"));
                println!("headline: {}", article.headline);
                println!("authors:  {}", article.authors.join("; "));
                println!(
                    "posted:   {}",
                    article.posted.map_or("-".into(), |t| t.to_string())
                );
                println!("dateline: {:?}", article.dateline);
                // Every field is a slice of `text`: its byte span comes for free.
                for (p, span) in article.paragraphs.iter().zip(article.paragraph_spans(text)) {
                    let span = span.unwrap_or_default();
                    println!("bytes {}..{}: {p}", span.start, span.end);
                }
            }
            // Every error names its kind, line, column and byte offset.
            Err(e) => println!("{} at line {}: {e}", e.kind(), e.position().line),
        }
    }
}
