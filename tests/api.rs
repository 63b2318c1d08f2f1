//! The public API's promises: auto traits, error messages, the JSON contract
//! and its way back, owned values, spans, options and buffer reuse.

use wirecopy::{Article, Error, Mode, OwnedArticle, ParseOptions, Position, Span, Timestamp};

#[test]
fn public_types_are_send_sync_and_static_where_owned() {
    fn send_sync<T: Send + Sync>() {}
    fn owned<T: Send + Sync + 'static>() {}
    send_sync::<Article<'_>>();
    send_sync::<ParseOptions>();
    owned::<OwnedArticle>();
    owned::<Error>();
    owned::<Timestamp>();
    owned::<Span>();
    owned::<Position>();
}

const TRICKY: &str = "[\u{C18D}\u{BCF4}] Court rules on \"quoted\" C:\\path\\names\n\n\
By Zoë O'Brien, Jonas \"Jo\" Vik Posted : 2021-03-04 10:15 +09:00\n\n\
[Photo: \u{D3EC}\u{D1A0} \"A\\B\"]\n\
SEOUL, March 4 (Yonhap) -- A judge said \"no\" to C:\\Temp\\x and \u{2028} kept going.\n\
Emoji 🚢 and tab\tinside.\n\
(END)\n";

#[test]
fn json_round_trips_through_the_owned_form() {
    let article = wirecopy::parse(TRICKY).unwrap();
    assert_eq!(article.authors, ["Zoë O'Brien", "Jonas \"Jo\" Vik"]);
    let json = serde_json::to_string(&article).unwrap();
    // Text is written as UTF-8, not as \u escapes.
    assert!(json.contains("속보") && json.contains("🚢") && json.contains('\u{2028}'));
    let back: OwnedArticle = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article.to_owned_article());
    assert_eq!(back, OwnedArticle::from(&article));
    assert_eq!(article, back);
    assert_eq!(back, article);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    // And the owned form renders the same canonical text.
    assert_eq!(back.to_string(), article.to_string());
}

#[test]
fn json_keys_follow_the_contract() {
    let article = wirecopy::parse(TRICKY).unwrap();
    let json = serde_json::to_string(&article).unwrap();
    let keys = [
        "\"kicker\"",
        "\"headline\"",
        "\"byline\"",
        "\"authors\"",
        "\"posted\"",
        "\"updated\"",
        "\"photo_credits\"",
        "\"dateline\"",
        "\"place\"",
        "\"region\"",
        "\"date\"",
        "\"agency\"",
        "\"paragraph\"",
        "\"paragraphs\"",
        "\"boilerplate\"",
        "\"warnings\"",
    ];
    let mut last = 0;
    for key in keys {
        let at = json.find(key).unwrap_or_else(|| panic!("{key} missing"));
        assert!(at > last || last == 0, "{key} out of order in {json}");
        last = at;
    }
    assert!(json.contains("\"posted\":\"2021-03-04T10:15:00+09:00\""));
    assert!(json.contains("\"updated\":null"));
    assert!(json.contains("\"region\":null"));
}

#[test]
fn error_messages_name_the_position() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"",
            "empty input: no non-blank line at line 1, column 1 (offset 0)",
        ),
        (
            b"A\r\n\r\xc3\xa9\0",
            "binary input: NUL byte at line 3, column 2 (offset 6)",
        ),
        (
            b"Head\n\nBad \xff",
            "invalid UTF-8 at line 3, column 5 (offset 10)",
        ),
        (
            b"x\n\0\xff",
            "binary input: NUL byte at line 2, column 1 (offset 2)",
        ),
    ];
    for (input, message) in cases {
        assert_eq!(
            wirecopy::parse_bytes(input).unwrap_err().to_string(),
            message
        );
    }
    let strict = ParseOptions::new().mode(Mode::Strict);
    let e = strict.parse("[NOTICE]\n").unwrap_err();
    assert_eq!(e.kind(), "MissingHeadline");
    assert_eq!(
        e.to_string(),
        "missing headline: the kicker line is not followed by a headline at line 1, column 9 (offset 8)"
    );
    let e = strict.parse("Head\n\nBy Rosa Lind\n").unwrap_err();
    assert_eq!(e.kind(), "EmptyBody");
    let e = ParseOptions::new().max_size(3).parse("Head\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "input of 5 bytes is over the limit of 3 bytes at line 1, column 1 (offset 0)"
    );
    assert_eq!(e, Error::too_large(5, 3));
}

#[test]
fn serialized_errors_are_the_json_error_object() {
    let e = wirecopy::parse_bytes(b"a\n\xff").unwrap_err();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"kind":"InvalidUtf8","offset":2,"line":2,"column":1,"message":"invalid UTF-8 at line 2, column 1 (offset 2)"}"#
    );
}

#[test]
fn lenient_warnings_have_positions() {
    let input = "Ferry\n\nPosted : February 30, 2021 Updated : 2021-03-01 09:00\n\nIt sails.\n";
    let a = wirecopy::parse(input).unwrap();
    assert_eq!(a.posted, None);
    assert_eq!(a.updated.unwrap().to_string(), "2021-03-01T09:00:00");
    assert_eq!(a.warnings.len(), 1);
    let w = &a.warnings[0];
    assert_eq!((w.offset, w.line, w.column), (16, 3, 10));
    assert_eq!(w.message, "invalid posted timestamp \"February 30, 2021\"");
    assert_eq!(&input[w.offset..w.offset + 8], "February");
}

#[test]
fn messages_quote_values_as_written() {
    // An NBSP stays an NBSP in the message; a quote and a control
    // character are escaped, so the quoted value stays on one line.
    let input =
        "Ferry\n\nPosted : Feb\u{A0}30, 2019 Updated : May 40 \"draft\"\u{B}\n\nIt sails.\n";
    let a = wirecopy::parse(input).unwrap();
    let messages: Vec<&str> = a.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "invalid posted timestamp \"Feb\u{A0}30, 2019\"",
            r#"invalid updated timestamp "May 40 \"draft\"\u{b}""#,
        ]
    );
    let e = wirecopy::ParseOptions::new()
        .strict(true)
        .parse(input)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid posted timestamp \"Feb\u{A0}30, 2019\" at line 3, column 10 (offset 16)"
    );
    let e = "2019-02-28\u{A0}16:19"
        .parse::<wirecopy::Timestamp>()
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("invalid timestamp \"2019-02-28\u{A0}16:19\": expected"),
        "{e}"
    );
}

#[test]
fn spans_point_into_the_input() {
    let input = "\u{FEFF}[LEAD] Ferry opens\r\n\r\nBy Ana Ruiz Posted : 2021-03-04 10:15\r\n\r\nHOLM (AP) -- It sails.\r\n";
    let a = wirecopy::parse(input).unwrap();
    let kicker = Span::of(input, a.kicker.unwrap()).unwrap();
    assert_eq!(kicker, Span { start: 4, end: 8 });
    assert_eq!((kicker.len(), kicker.is_empty()), (4, false));
    // A span built by hand the wrong way round is empty, not a panic.
    let reversed = Span { start: 8, end: 4 };
    assert_eq!((reversed.len(), reversed.is_empty()), (0, true));
    let posted = a.posted.unwrap().span.unwrap();
    assert_eq!(&input[posted.range()], "2021-03-04 10:15");
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(
        &input[Span::of(input, d.place.unwrap()).unwrap().range()],
        "HOLM"
    );
    let p: Vec<_> = a.paragraph_spans(input).collect();
    assert_eq!(p.len(), 1);
    assert_eq!(&input[p[0].unwrap().range()], "It sails.");
    assert_eq!(a.dateline_paragraph(), Some("It sails."));
    assert_eq!(
        Span::of(input, "It sails."),
        None,
        "a string elsewhere has no span"
    );
}

/// A default offset with seconds keeps its whole minutes, so that the
/// timestamp's JSON form reads back and the layout round-trips.
#[test]
fn default_offsets_are_whole_minutes() {
    use wirecopy::chrono::FixedOffset;
    for (seconds, written) in [
        (5 * 3600 + 30 * 60 + 15, "+05:30"),
        (-(5 * 3600 + 30 * 60 + 15), "-05:30"),
    ] {
        let options = ParseOptions::new().default_offset(FixedOffset::east_opt(seconds));
        let a = options
            .parse("Ferry\n\nPosted : 2021-03-04 10:15\n\nIt sails.\n")
            .unwrap();
        let posted = a.posted.unwrap();
        assert_eq!(posted.to_string(), format!("2021-03-04T10:15:00{written}"));
        assert_eq!(posted.to_string().parse::<Timestamp>().unwrap(), posted);
        a.check_round_trip(&options).unwrap();
    }
}

#[test]
fn timestamps_convert_to_chrono_only_with_an_offset() {
    let a = wirecopy::parse(
        "F\n\nPosted : Feb. 28, 2019 at 4:19 p.m. KST Updated : 2019-02-28 17:00\n\nx.\n",
    )
    .unwrap();
    let posted = a.posted.unwrap();
    assert_eq!(
        posted.to_datetime().unwrap().to_rfc3339(),
        "2019-02-28T16:19:00+09:00"
    );
    let updated = a.updated.unwrap();
    assert_eq!(updated.to_datetime(), None);
    assert_eq!(updated.naive().unwrap().to_string(), "2019-02-28 17:00:00");
    assert_eq!(
        "2019-02-28T16:19:00+09:00".parse::<Timestamp>().unwrap(),
        posted
    );
    assert!("2019-02-30".parse::<Timestamp>().is_err());
    // RFC 3339's `Z` reads as +00:00; a leap second, which SPEC 3.3 never
    // gives, is refused.
    let utc = "2019-02-28T07:19:00Z".parse::<Timestamp>().unwrap();
    assert_eq!(utc.to_string(), "2019-02-28T07:19:00+00:00");
    assert_eq!(utc.to_datetime(), posted.to_datetime());
    for bad in [
        "2019-02-28T16:19:60",
        "2019-02-28T16:19:60+09:00",
        "2019-02-28T16:19:60Z",
        "2019-02-28Z",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }

    let kst = chrono::FixedOffset::east_opt(9 * 3600);
    let a = ParseOptions::new()
        .default_offset(kst)
        .parse("F\n\nPosted : 2019-02-28 17:00 Updated : 2019-03-01\n\nx.\n")
        .unwrap();
    assert_eq!(a.posted.unwrap().to_string(), "2019-02-28T17:00:00+09:00");
    assert_eq!(
        a.updated.unwrap().to_string(),
        "2019-03-01",
        "a date alone gets no offset"
    );
}

#[test]
fn options_extend_the_lists() {
    let options = ParseOptions::new()
        .kicker_label("MARKETS")
        .boilerplate_phrase("Subscribe now")
        .agency("Tarnby Wire");
    let a = options
        .parse("MARKETS: Shares rise\n\nBy Ana Ruiz Tarnby Wire, Tarnby Wire\n\nShares rose.\nSubscribe now\n")
        .unwrap();
    assert_eq!(a.kicker, Some("MARKETS"));
    assert_eq!(a.authors, ["Ana Ruiz"]);
    assert_eq!(a.boilerplate, ["Subscribe now"]);
    a.check_round_trip(&options).unwrap();
    let plain = wirecopy::parse("MARKETS: Shares rise\n\nShares rose.\nSubscribe now\n").unwrap();
    assert_eq!(plain.kicker, None);
    assert!(plain.boilerplate.is_empty());
}

/// SPEC 3.6: trailer lines are never credits, so an added phrase of a
/// credit's shape at the end is boilerplate, with the trailer lines around
/// it; in the body it stays a credit.
#[test]
fn added_phrases_shaped_like_credits_end_the_article_as_boilerplate() {
    let options = ParseOptions::new().boilerplate_phrase("[Advertisement]");
    let a = options
        .parse("Pier reopens\n\nThe pier reopened.\nShare\n[Advertisement]\nPrint\n")
        .unwrap();
    assert_eq!(a.photo_credits, Vec::<&str>::new());
    assert_eq!(a.paragraphs, ["The pier reopened."]);
    assert_eq!(a.boilerplate, ["Share", "[Advertisement]", "Print"]);
    a.check_round_trip(&options).unwrap();
    let a = options
        .parse("Pier reopens\n\nThe pier reopened.\n[Advertisement]\nCrowds came back.\n")
        .unwrap();
    assert_eq!(a.photo_credits, ["Advertisement"]);
    assert_eq!(a.paragraphs, ["The pier reopened.", "Crowds came back."]);
    assert!(a.boilerplate.is_empty());
    // A last paragraph that reads as boilerplate only without its dateline
    // keeps the credits before it in the canonical layout: at the end, the
    // added phrase would be a trailer line.
    let a = options
        .parse("Head\n\n[Advertisement]\nSEOUL (AP) -- Share\n")
        .unwrap();
    assert_eq!((a.photo_credits.len(), a.paragraphs.len()), (1, 1));
    assert!(a.warnings.is_empty());
    a.check_round_trip(&options).unwrap();
}

/// Added kicker labels: a label that a shorter one starts is still tried
/// when the shorter one lacks the space after its colon, and the canonical
/// layout of the articles reads back with the same options.
#[test]
fn added_labels_read_and_round_trip() {
    let options = ParseOptions::new().kicker_label("UPDATE:LIVE");
    let a = options
        .parse("UPDATE:LIVE: Storm nears\n\nRain.\n")
        .unwrap();
    assert_eq!((a.kicker, a.headline), (Some("UPDATE:LIVE"), "Storm nears"));
    a.check_round_trip(&options).unwrap();
    // Labels that neither `[K]` nor `(K)` can carry are written as labels,
    // on a line of their own: with `[x:` and a headline that holds `]` on
    // one line, `[x: Shares ]` would read as a bracket kicker.
    let long = "A".repeat(41);
    for (label, headline) in [
        (long.as_str(), "Shares rise"),
        ("Mkt[x]", "Shares rise"),
        ("[x", "Shares ] rise"),
    ] {
        let options = ParseOptions::new().kicker_label(label);
        let text = format!("{label}:\n{headline}\n\nShares rose.\n");
        let a = options.parse(&text).unwrap();
        assert_eq!((a.kicker, a.headline), (Some(label), headline));
        let rendered = a.display_with(&options).to_string();
        assert!(
            rendered.starts_with(&text[..label.len() + headline.len() + 3]),
            "{rendered:?}"
        );
        a.check_round_trip(&options).unwrap();
    }
}

#[test]
fn options_trim_what_they_add_and_ignore_empty_entries() {
    let options = ParseOptions::new()
        .kicker_label("")
        .kicker_label(" Markets\u{A0}")
        .boilerplate_phrase(" \u{3000}")
        .boilerplate_phrase(" Subscribe now ")
        .agency("\t")
        .agency(" Tarnby Wire ");
    // An empty label would make `: x` a kicker `""`.
    let a = options.parse(": Shares rise\n\nShares rose.\n").unwrap();
    assert_eq!((a.kicker, a.headline), (None, ": Shares rise"));
    let a = options
        .parse("Markets: Shares rise\n\nBy Ana Ruiz Tarnby Wire\n\nShares rose.\nSubscribe now\n")
        .unwrap();
    assert_eq!(a.kicker, Some("Markets"));
    assert_eq!(a.authors, ["Ana Ruiz"]);
    assert_eq!(a.boilerplate, ["Subscribe now"]);
    a.check_round_trip(&options).unwrap();
}

#[test]
fn parse_into_reuses_buffers_and_clears_them() {
    let options = ParseOptions::new();
    let mut buffers = Article::default();
    let texts = [
        "One\n\nBy Ana Ruiz and Cora Fenn\n[Photo]\nA.\nB.\nC.\n(END)\n".to_owned(),
        "Two\n\nOnly.\n".to_owned(),
    ];
    for (i, text) in texts.iter().enumerate() {
        let mut article = buffers.recycle();
        options.parse_into(text, &mut article).unwrap();
        assert_eq!(article, wirecopy::parse(text).unwrap(), "text {i}");
        buffers = article.recycle();
        assert!(buffers.paragraphs.is_empty() && buffers.paragraphs.capacity() >= 3);
    }
    // An error leaves the article empty, also one that stops the parse
    // after some fields were read (strict mode).
    let mut article = buffers.recycle();
    assert!(options.parse_bytes_into(b"\xff", &mut article).is_err());
    assert_eq!(article, Article::default());
    let strict = ParseOptions::new().strict(true);
    for text in [
        "Ferry\n\nBy Ana Ruiz\n[Photo]\n\n(END)\n",
        "Ferry\n\nBy Ana Ruiz Posted : February 30, 2021\n\nIt sails.\n",
    ] {
        assert!(strict.parse_into(text, &mut article).is_err(), "{text:?}");
        assert_eq!(article, Article::default(), "{text:?}");
    }
}
