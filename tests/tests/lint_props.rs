//! `shale lint` never panics: a few thousand migration files made by
//! mutating the golden lint cases (cutting, duplicating, and inserting
//! quotes, comments, breakpoints, keywords and odd characters) are linted
//! under both dialects, and every finding points inside the file.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::Config;
use shale_lint::{lint, Dialect, LintConfig};

/// The golden lint cases, read once.
fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lint");
        let mut out = Vec::new();
        for dir in std::fs::read_dir(root).unwrap().flatten() {
            for file in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if file.path().extension().is_some_and(|e| e == "sql") {
                    out.push(std::fs::read_to_string(file.path()).unwrap());
                }
            }
        }
        out.sort();
        assert!(
            out.len() >= 30,
            "the lint corpus has only {} files",
            out.len()
        );
        out
    })
}

const PIECES: &[&str] = &[
    "'",
    "\"",
    "$$",
    "$tag$",
    ";",
    "--",
    "/*",
    "*/",
    "(",
    ")",
    ",",
    ".",
    "::",
    "\n",
    "\r\n",
    "\u{feff}",
    "é",
    "\u{0}",
    "--> statement-breakpoint",
    "-- shale:no-transaction\n",
    "-- shale:allow ",
    "dropping-table",
    "BEGIN",
    "COMMIT",
    "BEGIN ATOMIC",
    "END",
    "CASE",
    "CONCURRENTLY",
    "USING INDEX",
    "ON DELETE SET NULL (",
    "ALTER TABLE",
    "DROP INDEX",
    "ALTER COLUMN",
    "DROP IDENTITY",
    "SET SCHEMA",
    "ADD VALUE",
    "NOT VALID",
    "PRAGMA",
    "DO",
    "E'\\'",
    "x",
    "1e",
    "0x",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(a, p)| Mutation::Insert(a, p)),
        (any::<usize>(), 0usize..80).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut s: String, m: &Mutation) -> String {
    match *m {
        Mutation::Delete(a, n) => {
            let from = boundary(&s, a);
            let to = boundary(&s, (from + n).min(s.len()));
            s.replace_range(from..to.max(from), "");
        }
        Mutation::Insert(a, p) => {
            let at = boundary(&s, a);
            s.insert_str(at, PIECES[p]);
        }
        Mutation::Duplicate(a, n) => {
            let from = boundary(&s, a);
            let to = boundary(&s, (from + n).min(s.len())).max(from);
            let piece = s[from..to].to_string();
            s.insert_str(to, &piece);
        }
        Mutation::Truncate(a) => {
            let at = boundary(&s, a);
            s.truncate(at);
        }
    }
    s
}

proptest! {
    #![proptest_config(Config { cases: 3000, ..Config::default() })]

    #[test]
    fn lint_never_panics_on_mutated_sql(case in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let corpus = corpus();
        let text = mutations.iter().fold(corpus[case % corpus.len()].clone(), apply);
        let lines = text.lines().count().max(1);
        for dialect in [Dialect::Postgresql, Dialect::Sqlite] {
            for f in lint(Path::new("m.sql"), &text, dialect, &LintConfig::default()) {
                prop_assert!(f.line >= 1 && f.line <= lines + 1, "{f}\n--- in ---\n{text}");
                prop_assert!(f.column >= 1 && f.statement_index >= 1, "{f}\n--- in ---\n{text}");
                prop_assert!(!f.message.contains('\n') && !f.help.contains('\n'), "{f}");
            }
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 2000, ..Config::default() })]

    /// Files assembled from SQL fragments and arbitrary text, without any
    /// valid starting point.
    #[test]
    fn lint_never_panics_on_fragment_soup(parts in prop::collection::vec(prop_oneof![
        (0..PIECES.len()).prop_map(|p| PIECES[p].to_string()),
        "[ -~]{0,12}",
        any::<String>(),
    ], 0..40)) {
        let text = parts.join(" ");
        for dialect in [Dialect::Postgresql, Dialect::Sqlite] {
            for f in lint(Path::new("m.sql"), &text, dialect, &LintConfig::default()) {
                prop_assert!(f.line >= 1 && f.column >= 1 && f.statement_index >= 1, "{f}");
            }
        }
    }
}
