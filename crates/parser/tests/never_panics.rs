//! The parser never panics and always returns well-formed diagnostics,
//! whatever the input: a property test over random mutations (deleted,
//! inserted, replaced and duplicated byte ranges and tokens) of the valid
//! fixtures in `test_data/ok`.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use shale_model::IndexTarget;
use shale_parser::{parse_sources, Dialect, ParseOptions, Parsed, SourceFile};

/// Fragments worth inserting: shale's own syntax, delimiters, quotes and
/// characters that stress offsets (multi-byte, BOM, CR).
const SNIPPETS: &[&str] = &[
    "#[column(",
    ")]",
    "primary_key",
    "references = \"user.id\"",
    "Option<",
    ">",
    ",",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "r#",
    "///",
    "/*",
    "*/",
    "é",
    "\u{feff}",
    "\r\n",
    "mod m {",
    "#[derive(Table)] struct X { a: i32 }",
    "#[derive(PgEnum)] enum E { A, B }",
    "#[index(columns(a(desc)), expr = \"x\")]",
    "Vec<",
    "#[pg_enum(rename = \"x\")]",
    "0",
    "-1",
    "=",
    "name = \"\"",
    "#[table(name = \"user\", schema = \"s\")]",
    "identity = \"always\"",
    "unique",
    "#[primary_key(columns(id, id))]",
    "#[foreign_key(columns(a), references = \"t(a, b)\")]",
    "skip",
    "::",
    "<<<<",
    ">>",
    "#[check(expr = \"\")]",
    "default = \"'zz'\"",
    "sql_type = \"numeric(10,\"",
    "pub",
    "struct",
    "enum",
    "impl",
    "#[unique(columns())]",
    "where = \"\"",
    "include(",
    "ops = \"x\"",
    "nulls_first",
    "renamed_from = \".\"",
];

fn fixtures() -> &'static Vec<String> {
    static FIXTURES: OnceLock<Vec<String>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/ok");
        common::fixtures(&dir)
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete {
        at: Index,
        len: usize,
    },
    Insert {
        at: Index,
        snippet: Index,
    },
    Replace {
        at: Index,
        len: usize,
        snippet: Index,
    },
    Duplicate {
        at: Index,
        len: usize,
        to: Index,
    },
    DeleteToken {
        token: Index,
    },
    DuplicateToken {
        token: Index,
    },
    ReplaceToken {
        token: Index,
        with: Index,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<Index>(), any::<Index>()).prop_map(|(at, snippet)| Mutation::Insert { at, snippet }),
        (any::<Index>(), 1..20usize, any::<Index>())
            .prop_map(|(at, len, snippet)| Mutation::Replace { at, len, snippet }),
        (any::<Index>(), 1..80usize, any::<Index>())
            .prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        any::<Index>().prop_map(|token| Mutation::DeleteToken { token }),
        any::<Index>().prop_map(|token| Mutation::DuplicateToken { token }),
        (any::<Index>(), any::<Index>())
            .prop_map(|(token, with)| Mutation::ReplaceToken { token, with }),
    ]
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte ranges of crude tokens: identifier runs, white-space runs, single characters.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let class = |c: char| {
            if c.is_alphanumeric() || c == '_' {
                0
            } else if c.is_whitespace() {
                1
            } else {
                2
            }
        };
        let mut end = start + c.len_utf8();
        if class(c) != 2 {
            while let Some(&(i, n)) = chars.peek() {
                if class(n) != class(c) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        out.push((start, end));
    }
    out
}

fn apply(text: &mut String, m: &Mutation) {
    let len_total = text.len().max(1);
    let range = |at: &Index, len: usize, text: &str| {
        let start = floor(text, at.index(len_total));
        (start, floor(text, start + len).max(start))
    };
    match m {
        Mutation::Delete { at, len } => {
            let (s, e) = range(at, *len, text);
            text.replace_range(s..e, "");
        }
        Mutation::Insert { at, snippet } => {
            let s = floor(text, at.index(len_total));
            let piece: &str = SNIPPETS[snippet.index(SNIPPETS.len())];
            text.insert_str(s, piece);
        }
        Mutation::Replace { at, len, snippet } => {
            let (s, e) = range(at, *len, text);
            let piece: &str = SNIPPETS[snippet.index(SNIPPETS.len())];
            text.replace_range(s..e, piece);
        }
        Mutation::Duplicate { at, len, to } => {
            let (s, e) = range(at, *len, text);
            let piece = text[s..e].to_string();
            let to = floor(text, to.index(len_total));
            text.insert_str(to, &piece);
        }
        Mutation::DeleteToken { token }
        | Mutation::DuplicateToken { token }
        | Mutation::ReplaceToken { token, .. } => {
            let toks = tokens(text);
            if toks.is_empty() {
                return;
            }
            let (s, e) = *token.get(&toks);
            match m {
                Mutation::DeleteToken { .. } => text.replace_range(s..e, ""),
                Mutation::DuplicateToken { .. } => {
                    let piece = text[s..e].to_string();
                    text.insert_str(e, &piece);
                }
                Mutation::ReplaceToken { with, .. } => {
                    let (ws, we) = *with.get(&toks);
                    let piece = text[ws..we].to_string();
                    text.replace_range(s..e, &piece);
                }
                _ => {}
            }
        }
    }
}

/// Every diagnostic points into its file at a char boundary with a matching
/// line and column; a run without diagnostics gives a consistent schema.
fn check_well_formed(files: &[SourceFile], parsed: &Parsed) -> Result<(), TestCaseError> {
    for d in &parsed.diagnostics {
        prop_assert!(d.file < files.len(), "file index {} out of range", d.file);
        let text = &files[d.file].text;
        prop_assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "bad span {:?}",
            d.span
        );
        prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        let before = &text[..d.span.start];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        prop_assert_eq!(
            (d.line, d.column),
            (line, column),
            "line/column of {:?}",
            d.message
        );
        prop_assert!(!d.message.is_empty());
        prop_assert!(!d.message.ends_with('.'), "final period: {:?}", d.message);
        prop_assert!(
            !d.message.starts_with(char::is_uppercase),
            "uppercase: {:?}",
            d.message
        );
    }
    if parsed.diagnostics.is_empty() {
        let schema = &parsed.schema;
        for t in &schema.tables {
            prop_assert!(!t.name.name.is_empty());
            let has = |c: &str| t.columns.iter().any(|col| col.name == c);
            for c in t.primary_key.iter().flat_map(|pk| &pk.columns) {
                prop_assert!(has(c), "pk column {c} missing in {}", t.name);
            }
            for u in &t.uniques {
                prop_assert!(u.columns.iter().all(|c| has(c)) && !u.name.is_empty());
            }
            for ix in &t.indexes {
                prop_assert!(!ix.name.is_empty());
                for k in &ix.keys {
                    if let IndexTarget::Column(c) = &k.target {
                        prop_assert!(has(c), "index column {c} missing in {}", t.name);
                    }
                }
            }
            for fk in &t.foreign_keys {
                let target = schema.table(&fk.referenced_table);
                prop_assert!(
                    target.is_some(),
                    "fk target {} missing",
                    fk.referenced_table
                );
                let target = target.unwrap();
                prop_assert_eq!(fk.columns.len(), fk.referenced_columns.len());
                prop_assert!(fk
                    .referenced_columns
                    .iter()
                    .all(|c| target.column(c).is_some()));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_sources_never_panic(
        fixture in any::<Index>(),
        extra in any::<Index>(),
        with_extra in any::<bool>(),
        sqlite in any::<bool>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let mut text = fixture.get(fixtures()).clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        let mut files = vec![SourceFile { path: "mutated.rs".into(), text }];
        if with_extra {
            files.push(SourceFile { path: "extra.rs".into(), text: extra.get(fixtures()).clone() });
        }
        // Two files on two threads: spans cross no thread boundary.
        let options = ParseOptions {
            dialect: if sqlite { Dialect::Sqlite } else { Dialect::Postgres },
            threads: files.len(),
            ..ParseOptions::default()
        };
        let parsed = parse_sources(&files, &options);
        check_well_formed(&files, &parsed)?;
    }
}

#[test]
fn pathological_inputs_are_errors_not_crashes() {
    let deep_groups = format!("struct X {}{}", "(".repeat(100_000), ")".repeat(100_000));
    let deep_generics = format!(
        "#[derive(Table)] struct X {{ a: {}i32{} }}",
        "Vec<".repeat(5_000),
        ">".repeat(5_000)
    );
    let unary = format!("fn f() {{ {}x; }}", "!".repeat(20_000));
    for text in [
        deep_groups,
        deep_generics,
        unary,
        String::new(),
        "\u{feff}".into(),
        "#".into(),
        "\"".into(),
    ] {
        let files = vec![SourceFile {
            path: "p.rs".into(),
            text,
        }];
        let parsed = parse_sources(&files, &ParseOptions::default());
        check_well_formed(&files, &parsed).unwrap();
    }
}

/// A large file is cut into pieces without measuring its nesting first (each
/// piece is measured as it is lexed): an item nested too deep still gives
/// the whole file's diagnostics, wherever the file is cut and on any number
/// of threads.
#[test]
fn a_too_deep_item_in_a_large_file_reads_as_the_whole_file() {
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&format!(
            "#[derive(Table)]\npub struct T{i} {{\n    #[column(primary_key)]\n    pub id: i64,\n    pub name: String,\n}}\n\n"
        ));
    }
    text.push_str(&format!(
        "#[derive(Table)] struct Deep {{ a: {}i32{} }}\n",
        "Vec<".repeat(300),
        ">".repeat(300)
    ));
    text.push_str(
        "#[derive(Table)]\npub struct After {\n    #[column(primary_key)]\n    pub id: i64,\n}\n",
    );
    assert!(text.len() > 64 << 10, "the file must be cut by default");
    let files = vec![SourceFile {
        path: "big.rs".into(),
        text,
    }];
    let whole = parse_sources(
        &files,
        &ParseOptions {
            piece_bytes: usize::MAX,
            threads: 1,
            ..ParseOptions::default()
        },
    );
    assert!(
        whole
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nesting deeper than")),
        "{:?}",
        whole.diagnostics
    );
    for (piece_bytes, threads) in [(0, 1), (0, 2), (4096, 2), (200, 3)] {
        let cut = parse_sources(
            &files,
            &ParseOptions {
                piece_bytes,
                threads,
                ..ParseOptions::default()
            },
        );
        assert_eq!(
            cut.diagnostics, whole.diagnostics,
            "pieces of {piece_bytes} bytes, {threads} threads"
        );
        assert_eq!(cut.schema, whole.schema);
    }
}
