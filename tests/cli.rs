//! The `wire2json` example run as a user runs it: directories, stdin, JSON
//! Lines, `--strict`, error records, exit codes, and output that does not
//! depend on `--jobs`.
//!
//! The tests build the example first (`cargo test --test cli` alone does not
//! build examples; the build is a no-op when it is fresh) and run it from
//! `target/<profile>/examples/`, in temporary directories of their own.

#![cfg(feature = "serde")]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// The example binary, built once per test run.
fn wire2json() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/<profile>/deps/cli-HASH -> target/<profile>
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>");
        let bin = profile_dir
            .join("examples")
            .join(format!("wire2json{}", std::env::consts::EXE_SUFFIX));
        let mut build = Command::new(env!("CARGO"));
        build
            .args([
                "build",
                "--quiet",
                "--example",
                "wire2json",
                "--manifest-path",
            ])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
        if let Some(target_dir) = profile_dir.parent() {
            build.arg("--target-dir").arg(target_dir);
        }
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let out = build.output().expect("run cargo build");
        assert!(
            out.status.success() && bin.exists(),
            "cannot build the wire2json example ({}):\n{}",
            bin.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        bin
    })
}

/// A directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("wirecopy-cli-{}-{n}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `rel`, creating its directories.
    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Writes `n` articles, `Item 0` to `Item n-1`, as `dir/0000.txt` and on.
    fn write_articles(&self, dir: &str, n: usize) {
        for i in 0..n {
            self.write(
                &format!("{dir}/{i:04}.txt"),
                article(&format!("Item {i}"), "Text."),
            );
        }
    }

    fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(&path).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The stdout JSON Lines, each checked to be an object with "source" first.
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
                assert_eq!(
                    v.as_object().unwrap().keys().next().map(String::as_str),
                    Some("source")
                );
                v
            })
            .collect()
    }

    fn sources(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|r| r["source"].as_str().unwrap().to_owned())
            .collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// The numbers of `parsed N articles (F failed), B bytes in S s: T MB/s`.
    fn summary(&self) -> (u64, u64, u64) {
        let last = self.stderr.lines().last().unwrap_or_default();
        let rest = last
            .strip_prefix("parsed ")
            .unwrap_or_else(|| panic!("summary: {last:?}"));
        let (n, rest) = rest.split_once(" articles (").unwrap();
        let (f, rest) = rest.split_once(" failed), ").unwrap();
        let (b, rest) = rest.split_once(" bytes in ").unwrap();
        let (s, rest) = rest.split_once(" s: ").unwrap();
        let t = rest.strip_suffix(" MB/s").unwrap();
        assert!(
            s.parse::<f64>().unwrap() >= 0.0 && t.parse::<f64>().unwrap() >= 0.0,
            "{last}"
        );
        (n.parse().unwrap(), f.parse().unwrap(), b.parse().unwrap())
    }
}

/// Runs the example in `dir` with `args`, `stdin` piped in (or empty).
fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(wire2json())
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wire2json");
    // Fed from another thread: the program writes records while it reads,
    // so a large input could fill both pipes. It may also exit without
    // reading (a usage error): EPIPE is ignored.
    let feeder = stdin.map(|bytes| {
        let bytes = bytes.to_vec();
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(feeder) = feeder {
        feeder.join().unwrap();
    }
    let run = Run {
        code: out.status.code().expect("exit status, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 messages"),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn article(headline: &str, body: &str) -> String {
    format!(
        "{headline}\n\nBy Mara Quist Posted : June 3, 2022, 14:10\n\nBRENNVIK -- {body}\nThe council meets again in July.\n"
    )
}

#[test]
fn no_arguments_print_the_bundled_sample_as_pretty_json() {
    let dir = TempDir::new("sample");
    let r = run(dir.path(), &[], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("{\n  \"source\": \"examples/data/velmora_cable_car.txt\",\n")
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["kicker"], "TRANSPORT");
    assert_eq!(v["authors"], serde_json::json!(["Tomas Eberhardt-Kahn"]));
    assert_eq!(v["posted"], "2023-03-14T09:42:00");
    assert_eq!(v["dateline"]["place"], "VELMORA");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 6);
    assert_eq!(
        v["boilerplate"],
        serde_json::json!(["기사 이미지 확대 보기", "닫기"])
    );
    assert_eq!(v["warnings"], serde_json::json!([]));
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/velmora_cable_car.txt");
    assert_eq!(r.summary(), (1, 0, fs::metadata(sample).unwrap().len()));
    assert_eq!(r.stderr_lines().len(), 1, "{}", r.stderr);
}

#[test]
fn directories_are_walked_in_sorted_order_without_hidden_entries() {
    let dir = TempDir::new("walk");
    for name in [
        "corpus/b.txt",
        "corpus/a.txt",
        "corpus/B.txt",
        "corpus/a/z.txt",
        "corpus/sub/deep/c.txt",
    ] {
        dir.write(name, article(&format!("Story {name}"), "Text."));
    }
    dir.write("corpus/.hidden.txt", "not read");
    dir.write("corpus/.git/config", "not read");
    dir.write("corpus/sub/.cache/x.txt", "not read");
    dir.write(
        ".explicit.txt",
        article("Named hidden file", "Read: it is named."),
    );

    let r = run(dir.path(), &["corpus", ".explicit.txt", "corpus/"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let walked = ["B.txt", "a/z.txt", "a.txt", "b.txt", "sub/deep/c.txt"];
    let mut expected: Vec<String> = walked.iter().map(|p| format!("corpus/{p}")).collect();
    expected.push(".explicit.txt".into());
    expected.extend(walked.iter().map(|p| format!("corpus/{p}")));
    assert_eq!(r.sources(), expected);
    assert_eq!(r.records()[0]["headline"], "Story corpus/B.txt");
    assert_eq!(r.summary().0, 11);
    assert_eq!(
        r.stderr_lines().len(),
        1,
        "no progress bar on a pipe: {}",
        r.stderr
    );
}

#[test]
fn dash_reads_standard_input() {
    let dir = TempDir::new("stdin");
    let text = article("Bridge reopens in Brennvik", "The bridge reopened.");
    let r = run(dir.path(), &["-"], Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let records = r.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], "-");
    assert_eq!(records[0]["headline"], "Bridge reopens in Brennvik");
    assert_eq!(records[0]["dateline"]["place"], "BRENNVIK");

    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"body": text}),
        serde_json::json!({"body": "Second\n\nx"})
    );
    let r = run(
        dir.path(),
        &["--jsonl-field", "body", "-"],
        Some(jsonl.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.sources(), ["-:1", "-:2"]);

    // Stdin can be read once only.
    let r = run(dir.path(), &["-", "-"], Some(b"x"));
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}

#[test]
fn json_lines_give_one_record_per_line_and_error_records_for_bad_lines() {
    let dir = TempDir::new("jsonl");
    let good = article("Ferry fares frozen", "Fares stay as they are.");
    let lines = [
        serde_json::json!({"id": 1, "text": good, "tags": ["a", {"text": 0}]}).to_string(),
        String::new(),
        "not json at all".into(),
        r#"{"id": 3}"#.into(),
        r#"{"id": 4, "text": null}"#.into(),
        r#"{"id": 5, "text": "   \n "}"#.into(),
        r#"["text", "an array"]"#.into(),
        r#"{"text": "Cut short"#.into(),
        r#"{"text": "Headline\n\nBody.", "text": "Last one wins\n\nBody."}"#.into(),
        r#"{"é": x}"#.into(),
    ];
    dir.write("dump.jsonl", lines.join("\n"));

    let r = run(dir.path(), &["--jsonl-field", "text", "dump.jsonl"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records = r.records();
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "dump.jsonl:1",
            "dump.jsonl:3",
            "dump.jsonl:4",
            "dump.jsonl:5",
            "dump.jsonl:6",
            "dump.jsonl:7",
            "dump.jsonl:8",
            "dump.jsonl:9",
            "dump.jsonl:10"
        ]
    );
    assert_eq!(records[0]["headline"], "Ferry fares frozen");
    assert_eq!(records[0]["byline"], "Mara Quist");
    let kind = |i: usize| {
        records[i]["error"]["kind"]
            .as_str()
            .unwrap_or("(article)")
            .to_owned()
    };
    let kinds: Vec<String> = (1..8).map(kind).collect();
    assert_eq!(
        kinds,
        [
            "InvalidJson",
            "MissingField",
            "InvalidField",
            "Empty",
            "InvalidJson",
            "InvalidJson",
            "(article)"
        ]
    );
    assert_eq!(records[7]["headline"], "Last one wins");
    // Positions are in the JSON line; the column counts characters.
    let e = &records[8]["error"];
    assert_eq!(
        (&e["kind"], &e["offset"], &e["line"], &e["column"]),
        (
            &Value::from("InvalidJson"),
            &Value::from(7),
            &Value::from(1),
            &Value::from(7)
        )
    );
    for record in &records[1..7] {
        let error = record["error"].as_object().unwrap();
        let keys: Vec<&str> = error.keys().map(String::as_str).collect();
        assert_eq!(keys, ["kind", "offset", "line", "column", "message"]);
        assert!(!error["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        (
            records[1]["error"]["line"].as_u64(),
            records[1]["error"]["column"].as_u64()
        ),
        (Some(1), Some(2))
    );
    assert!(
        records[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("\"text\"")
    );
    assert_eq!(r.summary().0, 9);
    assert_eq!(r.summary().1, 7);
}

#[test]
fn strict_turns_warnings_into_error_records() {
    let dir = TempDir::new("strict");
    dir.write("bad_date.txt", "Tram line extended\n\nBy Ola Brink Posted : 2022-13-45 10:00\n\nThe tram now reaches the harbor.\n");
    dir.write(
        "fine.txt",
        article("Market hall restored", "The hall reopened."),
    );

    let lenient = run(dir.path(), &["bad_date.txt", "fine.txt"], None);
    assert_eq!(lenient.code, 0, "{}", lenient.stderr);
    let records = lenient.records();
    assert_eq!(records[0]["posted"], Value::Null);
    assert_eq!(records[0]["warnings"].as_array().unwrap().len(), 1);

    let strict = run(dir.path(), &["--strict", "bad_date.txt", "fine.txt"], None);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    let records = strict.records();
    assert_eq!(records[0]["error"]["kind"], "InvalidTimestamp");
    assert_eq!(records[0]["error"]["line"], 3);
    assert_eq!(records[1]["headline"], "Market hall restored");
    assert_eq!(strict.summary().1, 1);
}

#[test]
fn failed_inputs_give_error_records_and_processing_goes_on() {
    let dir = TempDir::new("errors");
    dir.write("in/1_empty.txt", "");
    dir.write("in/2_blank.txt", " \n\u{a0}\r\n");
    dir.write("in/3_binary.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    dir.write(
        "in/4_latin1.txt",
        b"Caf\xe9 opens\n\nIt serves cr\xe8pes.\n",
    );
    dir.write(
        "in/5_good.txt",
        article("Library extends hours", "Open until nine."),
    );
    let huge = fs::File::create(dir.path().join("in/6_huge.txt")).unwrap();
    huge.set_len(64 * 1024 * 1024 + 1).unwrap(); // sparse: never read, the size says enough
    drop(huge);

    let r = run(dir.path(), &["in"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records = r.records();
    assert_eq!(records.len(), 6);
    let error = |i: usize| &records[i]["error"];
    assert_eq!(records[0]["source"], "in/1_empty.txt");
    assert_eq!(error(0)["kind"], "Empty");
    assert_eq!(error(1)["kind"], "Empty");
    assert_eq!(error(2)["kind"], "Binary");
    assert_eq!(
        (&error(2)["offset"], &error(2)["line"], &error(2)["column"]),
        (&Value::from(8), &Value::from(3), &Value::from(1))
    );
    assert_eq!(error(3)["kind"], "InvalidUtf8");
    assert_eq!(
        (&error(3)["offset"], &error(3)["line"], &error(3)["column"]),
        (&Value::from(3), &Value::from(1), &Value::from(4))
    );
    assert_eq!(records[4]["headline"], "Library extends hours");
    assert_eq!(error(5)["kind"], "TooLarge");
    assert!(error(5)["message"].as_str().unwrap().contains("67108865"));
    let keys: Vec<&str> = records[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["source", "error"]);
    assert_eq!(r.summary().0, 6);
    assert_eq!(r.summary().1, 5);
}

#[test]
fn inputs_over_max_size_give_too_large_and_are_not_counted_as_parsed_bytes() {
    let dir = TempDir::new("max_size");
    let small = article("Pier opens", "It opened.");
    let large = article("Market hall reopens", &"The stalls are back. ".repeat(20));
    assert!(small.len() < 300 && large.len() > 300);
    dir.write("in/1_small.txt", &small);
    dir.write("in/2_large.txt", &large);
    let line = |text: &str| format!("{}\n", serde_json::json!({ "text": text }));
    dir.write("dump.jsonl", line(&small) + &line(&large));

    for args in [
        &["--max-size", "300", "in"][..],
        &["--max-size", "300", "--jsonl-field", "text", "dump.jsonl"],
    ] {
        let r = run(dir.path(), args, None);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        let records = r.records();
        assert_eq!(records[0]["headline"], "Pier opens", "{args:?}");
        assert_eq!(records[1]["error"]["kind"], "TooLarge", "{args:?}");
        // B counts only the article that was parsed.
        assert_eq!(r.summary(), (2, 1, small.len() as u64), "{args:?}");
    }
    let r = run(
        dir.path(),
        &["--max-size", "300", "-"],
        Some(large.as_bytes()),
    );
    assert_eq!(r.records()[0]["error"]["kind"], "TooLarge");
    assert_eq!(r.summary(), (1, 1, 0));
}

#[test]
fn a_path_that_cannot_be_read_exits_2_with_a_message_naming_it() {
    let dir = TempDir::new("missing");
    dir.write("there.txt", article("Pier opens", "It opened."));
    let r = run(dir.path(), &["there.txt", "nowhere.txt", "gone/"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "paths are checked before any output");
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(
        lines[0].starts_with("wire2json: nowhere.txt: "),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("wire2json: gone/: "), "{}", lines[1]);
}

#[cfg(unix)]
#[test]
fn unreadable_entries_inside_a_directory_exit_2_after_the_rest_is_written() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = TempDir::new("unreadable");
    dir.write("corpus/a.txt", article("First", "One."));
    dir.write("corpus/c.txt", article("Last", "Three."));
    symlink(
        dir.path().join("corpus/missing-target"),
        dir.path().join("corpus/b-broken-link"),
    )
    .unwrap();
    let r = run(dir.path(), &["corpus"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.sources(), ["corpus/a.txt", "corpus/c.txt"]);
    assert!(
        r.stderr_lines()[0].starts_with("wire2json: corpus/b-broken-link: "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr_lines()[1].starts_with("parsed 2 articles (0 failed)"),
        "{}",
        r.stderr
    );

    // A directory without read permission (root reads it anyway: then skip).
    let locked = dir.mkdir("locked");
    dir.write("locked/inner/x.txt", article("Hidden", "Away."));
    let inner = locked.join("inner");
    fs::set_permissions(&inner, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read_dir(&inner).is_ok();
    let r = run(dir.path(), &["locked"], None);
    let r_top = run(dir.path(), &["locked/inner"], None);
    fs::set_permissions(&inner, fs::Permissions::from_mode(0o755)).unwrap();
    if !readable_anyway {
        assert_eq!(r.code, 2);
        assert!(
            r.stderr_lines()[0].starts_with("wire2json: locked/inner: "),
            "{}",
            r.stderr
        );
        assert_eq!(r_top.code, 2);
        assert!(r_top.stdout.is_empty());
        assert!(
            r_top.stderr.starts_with("wire2json: locked/inner: "),
            "{}",
            r_top.stderr
        );
    }
}

#[test]
fn output_is_in_input_order_and_the_same_for_any_number_of_jobs() {
    let dir = TempDir::new("order");
    let mut jsonl = String::new();
    for i in 0..120 {
        // Sizes vary a lot so that parallel parsing finishes out of order.
        let body = "More council business was read into the record. ".repeat(1 + (i * 37) % 200);
        let text = if i % 17 == 0 {
            String::new()
        } else {
            article(&format!("Item {i}"), &body)
        };
        dir.write(&format!("corpus/{:03}/{i:03}.txt", i / 10), &text);
        jsonl.push_str(&serde_json::json!({ "text": text }).to_string());
        jsonl.push('\n');
    }
    dir.write("dump.jsonl", &jsonl);

    let first = run(
        dir.path(),
        &["--jobs", "2", "--batch-items", "7", "corpus"],
        None,
    );
    assert_eq!(first.code, 1, "{}", first.stderr);
    let expected: Vec<String> = (0..120)
        .map(|i| format!("corpus/{:03}/{i:03}.txt", i / 10))
        .collect();
    assert_eq!(first.sources(), expected);
    for args in [
        &["--jobs", "2", "--batch-items", "7", "corpus"][..],
        &["--jobs", "2", "--batch-bytes", "1000", "corpus"],
        &["--jobs", "3", "--batch-items", "1", "corpus"],
        &["--jobs", "4", "--batch-bytes", "1", "corpus"],
        &["--jobs", "1", "--batch-items", "7", "corpus"],
        &["--jobs", "1", "corpus"],
        &["corpus"],
    ] {
        let again = run(dir.path(), args, None);
        assert!(again.stdout == first.stdout, "output differs with {args:?}");
        assert_eq!(again.summary(), first.summary(), "{args:?}");
    }
    // Stdin and a file after a directory cut into many batches stay in place.
    let text = article("From stdin", "Piped in.");
    for jobs in ["1", "3"] {
        let args = [
            "--jobs",
            jobs,
            "--batch-bytes",
            "3000",
            "corpus",
            "-",
            "corpus/000/001.txt",
        ];
        let mixed = run(dir.path(), &args, Some(text.as_bytes()));
        let mut sources = expected.clone();
        sources.extend(["-".to_owned(), "corpus/000/001.txt".to_owned()]);
        assert_eq!(mixed.sources(), sources, "{args:?}");
        assert!(mixed.stdout.starts_with(&first.stdout));
    }

    let pretty = run(
        dir.path(),
        &["--jobs", "1", "--format", "json", "corpus"],
        None,
    );
    for args in [
        &[
            "--jobs",
            "3",
            "--batch-items",
            "7",
            "--format",
            "json",
            "corpus",
        ][..],
        &[
            "--jobs",
            "2",
            "--batch-bytes",
            "1",
            "--format",
            "json",
            "corpus",
        ],
    ] {
        let again = run(dir.path(), args, None);
        assert!(
            again.stdout == pretty.stdout,
            "output differs with {args:?}"
        );
    }

    let a = run(
        dir.path(),
        &[
            "--jobs",
            "2",
            "--batch-items",
            "5",
            "--jsonl-field",
            "text",
            "dump.jsonl",
        ],
        None,
    );
    let b = run(
        dir.path(),
        &["--jobs", "1", "--jsonl-field", "text", "dump.jsonl"],
        None,
    );
    assert!(a.stdout == b.stdout);
    let c = run(
        dir.path(),
        &[
            "--jobs",
            "3",
            "--batch-bytes",
            "1",
            "--jsonl-field",
            "text",
            "-",
        ],
        Some(jsonl.as_bytes()),
    );
    assert!(c.stdout == b.stdout.replace("dump.jsonl:", "-:"));
    assert_eq!(a.summary(), b.summary());
    let from_files = first.records();
    let from_lines = a.records();
    for (i, (x, y)) in from_files.iter().zip(&from_lines).enumerate() {
        assert_eq!(y["source"], format!("dump.jsonl:{}", i + 1));
        let strip = |v: &Value| {
            let mut v = v.clone();
            v.as_object_mut().unwrap().remove("source");
            v
        };
        assert_eq!(strip(x), strip(y));
    }
}

/// A JSON Lines record is, byte for byte, `{"source":…,` and what
/// `serde_json` writes for the library's article without its `{`: the
/// CLI's faster encoder changes no byte, on every fixture and on text full
/// of characters that JSON escapes.
#[test]
fn json_lines_are_the_bytes_serde_json_writes() {
    let dir = TempDir::new("bytes");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut inputs = 0;
    for entry in fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_str().unwrap();
            dir.write(&format!("in/{name}"), fs::read(&path).unwrap());
            inputs += 1;
        }
    }
    let controls: String = (1u8..0x20)
        .filter(|b| !matches!(b, b'\n' | b'\r'))
        .map(char::from)
        .collect();
    dir.write(
        "in/escapes.txt",
        format!(
            "Quotes \"in\" a back\\slash headline\n\n\
             A paragraph with {controls} controls, \u{7F}, \u{2028}, \u{2029}, \
             \u{FEFF}, \u{1F600}, \"quotes\" and \\ back\\slashes.\n"
        ),
    );
    inputs += 1;
    let r = run(dir.path(), &["--jobs", "1", "in"], None);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), inputs);
    let mut articles = 0;
    for line in lines {
        let record: Value = serde_json::from_str(line).unwrap();
        let source = record["source"].as_str().unwrap();
        let bytes = fs::read(dir.path().join(source)).unwrap();
        let Ok(article) = wirecopy::parse_bytes(&bytes) else {
            assert!(record["error"].is_object(), "{line}");
            continue;
        };
        let object = serde_json::to_string(&article).unwrap();
        let want = format!(
            "{{\"source\":{},{}",
            serde_json::to_string(source).unwrap(),
            &object[1..]
        );
        assert_eq!(line, want);
        articles += 1;
    }
    assert!(articles > inputs / 2, "{articles} articles of {inputs}");
    // The controls reached a paragraph, escaped.
    assert!(r.stdout.contains(r#"\u001e\u001f controls"#));
}

#[test]
fn json_format_is_a_pretty_array_of_the_same_records_and_none_prints_nothing() {
    let dir = TempDir::new("formats");
    dir.write(
        "d/1.txt",
        article("Orchard harvest early", "Apples ripened early."),
    );
    dir.write("d/2.txt", "");
    dir.write("d/3.txt", article("Ferry strike ends", "Crews returned."));
    dir.mkdir("empty");

    let lines = run(dir.path(), &["d"], None);
    let json = run(dir.path(), &["--format", "json", "d"], None);
    assert_eq!(json.code, 1);
    assert!(
        json.stdout
            .starts_with("[\n  {\n    \"source\": \"d/1.txt\",\n    \"kicker\": null,\n"),
        "{}",
        json.stdout
    );
    assert!(json.stdout.ends_with("\n  }\n]\n"));
    let array: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(array, Value::Array(lines.records()));

    let empty = run(dir.path(), &["--format", "json", "empty"], None);
    assert_eq!((empty.code, empty.stdout.as_str()), (0, "[]\n"));
    assert_eq!(empty.summary(), (0, 0, 0));

    let none = run(dir.path(), &["--format", "none", "--jobs", "1", "d"], None);
    assert_eq!(none.code, 1);
    assert!(none.stdout.is_empty());
    let bytes = fs::metadata(dir.path().join("d/1.txt")).unwrap().len()
        + fs::metadata(dir.path().join("d/3.txt")).unwrap().len();
    assert_eq!(none.summary(), (3, 1, bytes));
}

#[test]
fn default_offset_is_given_to_times_without_a_zone() {
    let dir = TempDir::new("offset");
    dir.write("a.txt", article("Night market returns", "Stalls opened."));
    let posted = |args: &[&str]| {
        let r = run(dir.path(), args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.records()[0]["posted"].clone()
    };
    assert_eq!(posted(&["a.txt"]), "2022-06-03T14:10:00");
    assert_eq!(
        posted(&["--default-offset", "+09:00", "a.txt"]),
        "2022-06-03T14:10:00+09:00"
    );
    assert_eq!(
        posted(&["--default-offset", "-05:00", "a.txt"]),
        "2022-06-03T14:10:00-05:00"
    );
    assert_eq!(
        posted(&["--default-offset=-03:30", "a.txt"]),
        "2022-06-03T14:10:00-03:30"
    );
    for bad in ["+9", "0900", "+0900", "+24:00", "+09:60", "KST", ""] {
        let r = run(dir.path(), &["--default-offset", bad, "a.txt"], None);
        assert_eq!(r.code, 2, "{bad}");
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn list_options_extend_the_boilerplate_kicker_labels_and_agencies() {
    let dir = TempDir::new("lists");
    dir.write(
        "a.txt",
        "DISPATCH: Ferry returns to the outer isles\n\nBy Mara Quist Holm Wire\n\n\
         The ferry sailed at dawn.\nTweet\n- Advertisement -\nShare\n",
    );
    let record = |args: &[&str]| {
        let r = run(dir.path(), args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.records()[0].clone()
    };
    // The fields the options change, in one value.
    let fields = |r: &Value| {
        serde_json::json!({
            "kicker": r["kicker"],
            "headline": r["headline"],
            "authors": r["authors"],
            "paragraphs": r["paragraphs"],
            "boilerplate": r["boilerplate"],
        })
    };
    assert_eq!(
        fields(&record(&["a.txt"])),
        serde_json::json!({
            "kicker": null,
            "headline": "DISPATCH: Ferry returns to the outer isles",
            "authors": ["Mara Quist Holm Wire"],
            "paragraphs": ["The ferry sailed at dawn.", "Tweet", "- Advertisement -"],
            "boilerplate": ["Share"],
        })
    );
    let extended = record(&[
        "--boilerplate",
        "Tweet",
        "--boilerplate=- Advertisement -",
        "--kicker-label",
        "DISPATCH",
        "--agency",
        "Holm Wire",
        "a.txt",
    ]);
    assert_eq!(
        fields(&extended),
        serde_json::json!({
            "kicker": "DISPATCH",
            "headline": "Ferry returns to the outer isles",
            "authors": ["Mara Quist"],
            "paragraphs": ["The ferry sailed at dawn."],
            "boilerplate": ["Tweet", "- Advertisement -", "Share"],
        })
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new("usage");
    dir.write("a.txt", article("Pier opens", "It opened."));
    for args in [
        &["--bogus", "a.txt"][..],
        &["--jobs", "0", "a.txt"],
        &["--jobs", "1025", "a.txt"],
        &["--jobs", "many", "a.txt"],
        &["--format", "yaml", "a.txt"],
        &["--jsonl-field"],
        &["--jsonl-field", "text"],
        // A list option does not take the next option as its value; a label
        // given with its colon could never match.
        &["--boilerplate", "--strict", "a.txt"],
        &["--kicker-label", "MARKETS:", "a.txt"],
    ] {
        let r = run(dir.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
    let help = run(dir.path(), &["--help"], None);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--jsonl-field <NAME>"));
    assert!(!help.stdout.contains("batch"), "tuning options stay hidden");
}

#[cfg(unix)]
#[test]
fn messages_records_and_counts_do_not_depend_on_jobs_or_batches() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("mixed");
    for i in 0..60 {
        let rel = format!("corpus/{:02}/{i:02}.txt", i / 8);
        match i % 9 {
            0 => drop(dir.write(&rel, "")),
            3 => drop(dir.write(&rel, b"Headline\n\nBody \0 with a NUL.\n")),
            5 => {
                dir.mkdir(&format!("corpus/{:02}", i / 8));
                symlink(dir.path().join("nowhere"), dir.path().join(&rel)).unwrap();
            }
            _ => drop(dir.write(&rel, article(&format!("Item {i}"), "Text."))),
        }
    }
    let huge = fs::File::create(dir.path().join("corpus/03/27b.txt")).unwrap();
    huge.set_len(64 * 1024 * 1024 + 1).unwrap(); // sparse: never read
    drop(huge);

    let first = run(dir.path(), &["--jobs", "1", "corpus"], None);
    assert_eq!(first.code, 2, "{}", first.stderr);
    let messages = first.stderr_lines();
    let broken = messages.len() - 1;
    assert_eq!(broken, 7, "{}", first.stderr);
    assert!(
        messages[..broken]
            .iter()
            .all(|m| m.starts_with("wire2json: corpus/"))
    );
    assert!(messages[..broken].is_sorted(), "{}", first.stderr);
    let (n, failed, _) = first.summary();
    assert_eq!((n, failed), (39 + 7 + 7 + 1, 7 + 7 + 1));
    assert!(
        first
            .stdout
            .contains(r#""source":"corpus/03/27b.txt","error":{"kind":"TooLarge""#)
    );
    // `--early-all` lets the task that processes files while the first
    // batch is listed take every file offered (all of them here: the
    // walk lists every directory for the first batch), up to a batch's
    // bytes (300: a file or two).
    let early_all = ["--early-all", "--read-stats"];
    for args in [
        &["--jobs", "2", "corpus"][..],
        &["--jobs", "3", "--batch-items", "1", "corpus"],
        &["--jobs", "2", "--batch-items", "5", "corpus"],
        &["--jobs", "4", "--batch-bytes", "300", "corpus"],
        &[&early_all[..], &["--jobs", "2", "corpus"]].concat(),
        &[
            &early_all[..],
            &["--jobs", "3", "--batch-bytes", "300", "corpus"],
        ]
        .concat(),
        &[
            &early_all[..],
            &["--jobs", "2", "--batch-items", "5", "corpus"],
        ]
        .concat(),
    ] {
        let again = run(dir.path(), args, None);
        assert_eq!(again.code, 2, "{args:?}");
        assert!(again.stdout == first.stdout, "output differs with {args:?}");
        assert_eq!(
            again.stderr_lines()[..broken],
            messages[..broken],
            "{args:?}"
        );
        assert_eq!(again.summary(), first.summary(), "{args:?}");
        if args.contains(&"--early-all") {
            let early = processed_while_listing(&again);
            if args.contains(&"300") {
                assert!(early < 10, "{args:?}: {early}");
            } else if args.contains(&"5") {
                assert_eq!(early, 5, "at most a batch's items: {args:?}");
            } else {
                // Every regular file: 53 and the huge one (too large, not
                // read); symbolic links are not offered.
                assert_eq!(early, 54, "{args:?}");
            }
        }
    }
    let pretty = run(
        dir.path(),
        &["--jobs", "1", "--format", "json", "corpus"],
        None,
    );
    let args = [
        &early_all[..],
        &["--jobs", "2", "--format", "json", "corpus"],
    ]
    .concat();
    let again = run(dir.path(), &args, None);
    assert!(
        again.stdout == pretty.stdout,
        "output differs with {args:?}"
    );
    assert_eq!(processed_while_listing(&again), 54);
}

/// A file that the task processing files while the first batch is listed
/// cannot read gives its message where the file comes in the output, as
/// when it is read in order (root reads it anyway: then there is nothing
/// to check).
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_while_listing_keeps_its_message_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("early-unreadable");
    dir.write("corpus/a.txt", article("First", "One."));
    let locked = dir.write("corpus/b.txt", article("Second", "Two."));
    dir.write("corpus/c.txt", article("Third", "Three."));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read(&locked).is_ok();
    let first = run(dir.path(), &["--jobs", "1", "corpus"], None);
    let args = ["--jobs", "2", "--early-all", "--read-stats", "corpus"];
    let early = run(dir.path(), &args, None);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    if readable_anyway {
        return;
    }
    assert_eq!((first.code, early.code), (2, 2), "{}", early.stderr);
    assert_eq!(early.sources(), ["corpus/a.txt", "corpus/c.txt"]);
    assert!(early.stdout == first.stdout);
    let message = first.stderr_lines()[0];
    assert!(
        message.starts_with("wire2json: corpus/b.txt: "),
        "{message}"
    );
    assert_eq!(early.stderr_lines()[0], message);
    assert_eq!(processed_while_listing(&early), 3);
}

/// N of `wire2json: files processed while listing: N` (`--read-stats`).
fn processed_while_listing(r: &Run) -> u64 {
    let prefix = "wire2json: files processed while listing: ";
    r.stderr_lines()
        .iter()
        .find_map(|line| line.strip_prefix(prefix))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", r.stderr))
}

/// Files far larger than the walk guessed (the mean of the files read so
/// far) make a chunk stop at its budget, and the main thread reads the rest
/// of the chunk itself, in order. The records are those of the same files
/// named one by one on the command line, whose sizes are known before any
/// is read.
#[test]
fn files_much_larger_than_guessed_keep_their_order_and_records() {
    let dir = TempDir::new("budget");
    let mut names = Vec::new();
    let mut add = |i: usize, text: String| {
        let rel = format!("corpus/{i:03}.txt");
        dir.write(&rel, text);
        names.push(rel);
    };
    let long_body = "The harbor board read the whole report aloud, page by page. ".repeat(700);
    for i in 0..90 {
        let text = match i {
            // Small articles, then large ones among small, then small.
            30..=59 if i % 3 != 0 => article(&format!("Long {i}"), &long_body),
            _ => article(&format!("Short {i}"), "Text."),
        };
        add(i, text);
    }
    add(90, String::new()); // an empty file fails: a record all the same
    let long = fs::metadata(dir.path().join(&names[31])).unwrap().len();
    assert!(long > 40_000, "{long}");

    let named: Vec<&str> = names.iter().map(String::as_str).collect();
    let reference = run(dir.path(), &[&["--jobs", "1"][..], &named].concat(), None);
    assert_eq!(reference.code, 1, "{}", reference.stderr);
    assert_eq!(reference.summary().0, 91);
    for args in [
        &["--jobs", "1", "corpus"][..],
        &["--jobs", "2", "corpus"],
        &["--jobs", "2", "--batch-items", "4", "corpus"],
        &["--jobs", "3", "--batch-items", "7", "corpus"],
        &["--jobs", "2", "--batch-bytes", "2000", "corpus"],
        &["--jobs", "4", "--batch-items", "1", "corpus"],
    ] {
        let again = run(dir.path(), args, None);
        assert_eq!(again.code, 1, "{args:?}: {}", again.stderr);
        assert!(
            again.stdout == reference.stdout,
            "output differs with {args:?}"
        );
        assert_eq!(again.summary(), reference.summary(), "{args:?}");
    }
}

/// A chunk reads at most twice the bytes it was planned for, and a piece of
/// a chunk's rest that the writer reads at most a batch's bytes or one
/// file: files far larger than guessed do not pile up in one chunk, which
/// is what keeps memory bounded. `--read-stats` (hidden) reports the most
/// one chunk or piece read.
#[test]
fn a_chunk_reads_about_the_bytes_it_was_planned_for() {
    let dir = TempDir::new("chunk-bytes");
    let big_body = "The port authority published every tide table of the year. ".repeat(2_500);
    let mut largest = 0;
    for i in 0..140 {
        let text = match i {
            80..=119 => article(&format!("Long {i}"), &big_body),
            _ => article(&format!("Short {i}"), "Text."),
        };
        let path = dir.write(&format!("corpus/{i:03}.txt"), text);
        largest = largest.max(fs::metadata(path).unwrap().len());
    }
    assert!(largest > 100_000, "{largest}");
    let batch_bytes = 100_000;
    for jobs in ["1", "2"] {
        let args = ["--jobs", jobs, "--format", "none", "--read-stats"];
        let r = run(
            dir.path(),
            &[&args[..], &["--batch-bytes", "100000", "corpus"]].concat(),
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.summary().0, 140);
        let line = r.stderr_lines()[0];
        let most: u64 = line
            .strip_prefix("wire2json: the most one chunk read: ")
            .and_then(|l| l.strip_suffix(" bytes"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line}"));
        // A batch is cut once its guessed bytes reach the limit, so it holds
        // at most the limit and one more file's guess (a mean, at most the
        // largest file); a chunk may read twice its share of that.
        assert!(most >= largest, "{jobs}: {most}");
        assert!(most <= 2 * (batch_bytes + largest), "{jobs}: {most}");
    }
}

/// The largest thread count seen in `/proc/PID/status` while `child` runs
/// for `time` (it waits for its stdin, held open meanwhile).
#[cfg(target_os = "linux")]
fn most_threads(child: &std::process::Child, time: std::time::Duration) -> usize {
    let status = format!("/proc/{}/status", child.id());
    let deadline = std::time::Instant::now() + time;
    let mut most = 0;
    while std::time::Instant::now() < deadline {
        let threads = fs::read_to_string(&status)
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("Threads:"))?;
                line["Threads:".len()..].trim().parse().ok()
            })
            .unwrap_or(0);
        most = most.max(threads);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    most
}

/// Starts the example in `dir` with `args` and then `-`: it reads the
/// inputs of `args`, then waits for its stdin, held open, while the test
/// looks at it.
#[cfg(target_os = "linux")]
fn start_waiting(dir: &Path, args: &[&str]) -> std::process::Child {
    Command::new(wire2json())
        .args(args)
        .arg("-")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wire2json")
}

/// Gives a child of [`start_waiting`] one more article on its stdin, waits
/// for it to succeed, and returns its stdout.
#[cfg(target_os = "linux")]
fn finish_waiting(mut child: std::process::Child) -> String {
    let text = article("Last one", "From stdin.");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(text.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

/// The CPUs of the `Cpus_allowed_list:` line of a `/proc` status file.
#[cfg(target_os = "linux")]
fn allowed_cpus(status: &str) -> Vec<usize> {
    let list = status
        .lines()
        .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))
        .unwrap_or_else(|| panic!("no Cpus_allowed_list in {status}"));
    let mut cpus = Vec::new();
    for part in list.trim().split(',') {
        let (first, last) = part.split_once('-').unwrap_or((part, part));
        let (first, last): (usize, usize) = (first.parse().unwrap(), last.parse().unwrap());
        cpus.extend(first..=last);
    }
    cpus
}

/// The CPUs each thread of process `pid` may run on.
#[cfg(target_os = "linux")]
fn thread_cpus(pid: u32) -> Vec<Vec<usize>> {
    let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .filter_map(|task| fs::read_to_string(task.ok()?.path().join("status")).ok())
        .map(|status| allowed_cpus(&status))
        .collect()
}

/// With one thread per CPU the process may use, each thread keeps to a CPU
/// of its own; with more threads or fewer, the scheduler places them. (On a
/// machine or in a cpuset with one CPU there is nothing to place.)
#[cfg(target_os = "linux")]
#[test]
fn threads_get_a_cpu_each_only_when_there_is_one_per_cpu() {
    let ours = allowed_cpus(&fs::read_to_string("/proc/self/status").unwrap());
    let n = ours.len();
    if n < 2 {
        return;
    }
    let dir = TempDir::new("placement");
    dir.write_articles("corpus", 10);
    for (jobs, pinned) in [(n, true), (n + 1, false), (1, false)] {
        let child = start_waiting(dir.path(), &["--jobs", &jobs.to_string(), "corpus"]);
        let placed = |cpus: &[Vec<usize>]| {
            cpus.len() == jobs && (!pinned || cpus.iter().all(|c| c.len() == 1))
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut cpus = thread_cpus(child.id());
        while !placed(&cpus) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
            cpus = thread_cpus(child.id());
        }
        let stdout = finish_waiting(child);
        assert_eq!(stdout.lines().count(), 11);

        assert_eq!(cpus.len(), jobs, "--jobs {jobs}: {cpus:?}");
        if pinned {
            let mut each: Vec<usize> = cpus.iter().flatten().copied().collect();
            each.sort_unstable();
            assert_eq!(each, ours, "--jobs {jobs}: one CPU each, all of them");
        } else {
            assert!(cpus.iter().all(|c| *c == ours), "--jobs {jobs}: {cpus:?}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn jobs_is_the_number_of_threads_of_the_whole_program() {
    let dir = TempDir::new("threads");
    dir.write_articles("corpus", 40);
    for (jobs, threads) in [("1", 1), ("3", 3)] {
        let child = start_waiting(
            dir.path(),
            &["--jobs", jobs, "--batch-items", "3", "corpus"],
        );
        let most = most_threads(&child, std::time::Duration::from_millis(400));
        let stdout = finish_waiting(child);
        assert_eq!(stdout.lines().count(), 41);
        assert!(stdout.ends_with("\"warnings\":[]}\n"));
        assert_eq!(most, threads, "--jobs {jobs}");
    }
}

/// Runs the example with stdin, stdout and stderr as given, and fails if it
/// is not done within a minute (an input it would read forever): a watchdog
/// kills it then.
fn run_bounded(
    dir: &Path,
    args: &[&str],
    stdin: Stdio,
    stdout: Stdio,
    stderr: Stdio,
) -> std::process::Output {
    let child = Command::new(wire2json())
        .args(args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("start wire2json");
    let pid = child.id().to_string();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let late = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .is_err();
        if late {
            let _ = Command::new("kill").args(["-9", &pid]).status();
        }
        late
    });
    let out = child.wait_with_output().unwrap();
    let _ = done.send(());
    assert!(
        !watchdog.join().unwrap(),
        "wire2json {args:?} did not finish"
    );
    out
}

#[test]
fn the_largest_max_size_is_no_limit_and_streams_over_a_limit_end() {
    let dir = TempDir::new("limits");
    dir.write("a.txt", article("Pier opens", "It opened."));
    let most = usize::MAX.to_string();
    let r = run(
        dir.path(),
        &["--max-size", &most, "a.txt", "-"],
        Some(b"Ferry\n\nIt sails.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let headlines: Vec<Value> = r.records().iter().map(|v| v["headline"].clone()).collect();
    assert_eq!(headlines, ["Pier opens", "Ferry"]);
    if !Path::new("/dev/zero").exists() {
        return;
    }
    // An endless stream is not read to its end to learn its size.
    let out = run_bounded(
        dir.path(),
        &["--max-size", "1000", "/dev/zero"],
        Stdio::null(),
        Stdio::piped(),
        Stdio::piped(),
    );
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["error"]["kind"], "TooLarge");
    assert_eq!(out.status.code(), Some(1));
    // Nor is an endless JSON line: it gives `TooLarge`, and the input ends.
    let out = run_bounded(
        dir.path(),
        &["--max-size", "1000", "--jsonl-field", "text", "/dev/zero"],
        Stdio::null(),
        Stdio::piped(),
        Stdio::piped(),
    );
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["source"], "/dev/zero:1");
    assert_eq!(record["error"]["kind"], "TooLarge");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("/dev/zero: line 1 has no end within"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_lines_over_the_line_limit_are_skipped_and_cut_lines_fail_at_their_end() {
    let dir = TempDir::new("long-lines");
    // With --max-size 100 a line is read whole up to 6 * 100 bytes + 1 MiB.
    let long = format!(
        "{{\"text\": \"Head\\n\\nBody.\", \"html\": \"{}\"}}\n",
        "x".repeat((1 << 20) + 1000)
    );
    let text = format!(
        "{{\"text\": \"Ferry\\n\\nIt sails.\"}}\n{long}{{\"text\": \"Pier\\n\\nIt opens.\"}}\n{{\"text\": \"Cut short\n"
    );
    dir.write("a.jsonl", text);
    let r = run(
        dir.path(),
        &["--max-size", "100", "--jsonl-field", "text", "a.jsonl"],
        None,
    );
    let records = r.records();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(records[0]["headline"], "Ferry");
    assert_eq!(records[1]["error"]["kind"], "TooLarge");
    assert_eq!(
        records[1]["error"]["message"],
        format!(
            "input of {} bytes is over the limit of {} bytes at line 1, column 1 (offset 0)",
            long.len(),
            600 + (1 << 20)
        )
    );
    assert_eq!(records[2]["headline"], "Pier");
    // A line cut short fails where it stops, not at its start.
    assert_eq!(records[3]["error"]["kind"], "InvalidJson");
    assert_eq!(records[3]["error"]["column"], 19);
    assert_eq!(records.len(), 4);
}

#[cfg(unix)]
#[test]
fn write_problems_end_the_run_as_documented() {
    let dir = TempDir::new("writes");
    dir.write_articles("c", 2000);
    dir.write("c/0001.txt", "Binary\n\0\n");
    std::os::unix::net::UnixListener::bind(dir.path().join("sock")).unwrap();
    std::os::unix::fs::symlink("missing", dir.path().join("c/0000-broken")).unwrap();

    // A reader that stops early: status 0, whatever was left.
    for jobs in ["1", "2"] {
        let mut child = Command::new(wire2json())
            .args(["--jobs", jobs, "c"])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        assert_eq!(child.wait().unwrap().code(), Some(0), "--jobs {jobs}");
    }
    // Output that cannot be written: status 2, the error, then the summary.
    if Path::new("/dev/full").exists() {
        let full = || {
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap()
        };
        let out = run_bounded(
            dir.path(),
            &["c"],
            Stdio::null(),
            Stdio::from(full()),
            Stdio::piped(),
        );
        let stderr = String::from_utf8(out.stderr).unwrap();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            lines[lines.len() - 2].starts_with("wire2json: cannot write the output"),
            "{stderr}"
        );
        assert!(lines[lines.len() - 1].starts_with("parsed "), "{stderr}");
        // A stderr that cannot be written loses its lines, not the records.
        let out = run_bounded(
            dir.path(),
            &["c"],
            Stdio::null(),
            Stdio::piped(),
            Stdio::from(full()),
        );
        assert_eq!(out.status.code(), Some(2), "the broken link");
        assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2000);
    }
    // A socket named on the command line is refused before anything is read.
    let r = run(dir.path(), &["c/0002.txt", "sock"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert_eq!(r.stderr_lines(), ["wire2json: sock: a socket, not a file"]);
}
