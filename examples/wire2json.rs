//! Minimal placeholder: parses each path given and prints one JSON line per file.
use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let rec = match wirecopy::parse_bytes(&bytes) {
            Ok(a) => {
                let mut v = serde_json::to_value(&a).unwrap();
                let mut m = serde_json::Map::new();
                m.insert("source".into(), path.clone().into());
                m.extend(std::mem::take(v.as_object_mut().unwrap()));
                serde_json::Value::Object(m)
            }
            Err(e) => serde_json::json!({"source": path, "error": e}),
        };
        writeln!(out, "{}", rec).unwrap();
    }
}
