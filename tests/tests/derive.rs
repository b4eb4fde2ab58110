//! The derive macros against the CLI's parser, without compiling anything:
//! the trybuild expectations (`tests/trybuild/fail/*.stderr`, checked
//! against rustc by `tests/trybuild/derive_trybuild.rs`) must hold exactly the parser's
//! diagnostics for the same file, every per-item diagnostic of the parser's
//! error corpus (the grammar's and those of the per-item lowering rules,
//! `shale_parser::check_table` / `check_enum`, which the derives report
//! too) must have a trybuild case, and the constants generated for the
//! example `schema/` crate must equal the model `shale generate` builds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use shale::{PgEnum, Table};
use shale_example_schema::{accounts, billing, platform, tracker};
use shale_parser::{grammar, load_sources, parse_sources, ParseOptions, SourceFile};
use shale_tests::repo_root;

/// Corpus cases that are not Rust syntax: rustc reports their errors
/// itself, in its own words. (Files whose every diagnostic needs the whole
/// schema simply have no per-item messages.)
const NOT_PER_ITEM: &[&str] = &[
    "0001_syntax_error.rs",
    "0025_unterminated_string.rs",
    "0026_unbalanced_delimiter.rs",
    "0030_syntax_error_no_cascade.rs",
];

fn trybuild_dir() -> PathBuf {
    repo_root().join("tests/trybuild/fail")
}

fn sorted_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// One `error:` of a rustc stderr: message (help included), line, column
/// and the number of carets under the first line of the span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Reported {
    message: String,
    line: usize,
    column: usize,
    width: usize,
}

/// The errors of a trybuild `.stderr` file. rustc indents the continuation
/// lines of a multi-line message; they are joined back with `\n`.
fn read_stderr(text: &str) -> Vec<Reported> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines[i].strip_prefix("error: ") else {
            i += 1;
            continue;
        };
        let mut message = vec![first.to_string()];
        i += 1;
        while i < lines.len() && !lines[i].trim_start().starts_with("--> ") {
            message.push(lines[i].trim().to_string());
            i += 1;
        }
        let Some(location) = lines
            .get(i)
            .map(|l| l.trim_start().trim_start_matches("--> "))
        else {
            break;
        };
        let mut parts = location.rsplitn(3, ':');
        let column: usize = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
        let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        // The caret line follows the source line: ` |     ^^^^`.
        let width = lines[i..]
            .iter()
            .find(|l| l.contains('^') && l.trim_start().starts_with('|'))
            .map_or(0, |l| l.chars().filter(|&c| c == '^').count());
        out.push(Reported {
            message: message.join("\n").trim_end().to_string(),
            line,
            column,
            width,
        });
        i += 1;
    }
    out
}

/// The parser's diagnostics for one file, shaped like rustc's.
fn parser_reports(path: &Path) -> Vec<Reported> {
    let text = std::fs::read_to_string(path).expect("trybuild case");
    let files = [SourceFile {
        path: path.to_path_buf(),
        text: text.clone(),
    }];
    let parsed = parse_sources(&files, &ParseOptions::default());
    parsed
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\n\nhelp: ");
                message.push_str(help);
            }
            let covered = &text[d.span.clone()];
            let first_line = covered.split('\n').next().unwrap_or("");
            Reported {
                message,
                line: d.line,
                column: d.column,
                width: first_line.chars().count().max(1),
            }
        })
        .collect()
}

/// Messages rustc reports itself, not through the derive (the helper
/// attributes it does not know, e.g. a misspelt `#[colum]`).
fn from_rustc(r: &Reported) -> bool {
    r.message.starts_with("cannot find attribute")
}

#[test]
fn trybuild_expectations_equal_the_parsers_diagnostics() {
    let cases = sorted_files(&trybuild_dir(), "rs");
    assert!(cases.len() >= 5, "trybuild cases missing: {cases:?}");
    for case in cases {
        let stderr_path = case.with_extension("stderr");
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run SHALE_BLESS=1 cargo test -p shale-derive-trybuild)",
                stderr_path.display()
            )
        });
        let mut compiler: Vec<Reported> = read_stderr(&stderr)
            .into_iter()
            .filter(|r| !from_rustc(r))
            .collect();
        let mut parser = parser_reports(&case);
        assert!(
            !parser.is_empty(),
            "{}: the parser reports nothing",
            case.display()
        );
        // A derive whose input is not a struct (or not an enum) cannot see
        // its own `#[derive(…)]` (rustc strips it), so it points at the
        // item's name instead; only the message is compared there.
        let misplaced = |r: &Reported| r.message.contains("cannot be derived for");
        let misplaced_parser: Vec<String> = parser
            .iter()
            .filter(|r| misplaced(r))
            .map(|r| r.message.clone())
            .collect();
        let misplaced_compiler: Vec<String> = compiler
            .iter()
            .filter(|r| misplaced(r))
            .map(|r| r.message.clone())
            .collect();
        assert_eq!(misplaced_parser, misplaced_compiler, "{}", case.display());
        parser.retain(|r| !misplaced(r));
        compiler.retain(|r| !misplaced(r));
        parser.sort();
        compiler.sort();
        assert_eq!(
            parser,
            compiler,
            "{}: `shale generate` (left) and the derive under rustc (right) disagree",
            case.display()
        );
    }
}

/// The diagnostics reported for each table, view and enum of a file on its
/// own, by the grammar and by the parser's per-item lowering rules
/// (`check_table`, `check_view`, `check_enum`, `check_sequence`,
/// `check_extension`): exactly what a derive macro sees.
fn grammar_messages(text: &str) -> Option<Vec<String>> {
    let file = syn::parse_file(text).ok()?;
    let mut out = Vec::new();
    let mut items = file.items;
    while let Some(item) = items.pop() {
        match item {
            syn::Item::Struct(s) if grammar::is_table(&s.attrs) => {
                let (def, errors) = grammar::table(s);
                let lowering = shale_parser::check_table(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::is_sequence(&s.attrs) => {
                let (def, errors) = grammar::sequence(&s);
                let lowering = shale_parser::check_sequence(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::is_extension(&s.attrs) => {
                let (def, errors) = grammar::extension(&s);
                let lowering = shale_parser::check_extension(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::is_view(&s.attrs) => {
                let (def, errors) = grammar::view(s);
                let lowering = shale_parser::check_view(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::is_domain(&s.attrs) => {
                let (def, errors) = grammar::domain(&s);
                let lowering = shale_parser::check_domain(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::is_composite_type(&s.attrs) => {
                let (def, errors) = grammar::composite_type(&s);
                let lowering = shale_parser::check_composite_type(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Struct(s) if grammar::derives(&s.attrs, "PgEnum").is_some() => {
                out.push("`PgEnum` cannot be derived for a struct".to_string());
            }
            syn::Item::Enum(e) if grammar::is_pg_enum(&e.attrs) => {
                let (def, errors) = grammar::pg_enum(&e);
                let lowering = shale_parser::check_enum(&def);
                out.extend(errors.into_iter().chain(lowering).map(|e| e.message));
            }
            syn::Item::Enum(e) if grammar::derives(&e.attrs, "Table").is_some() => {
                out.push("`Table` cannot be derived for an enum".to_string());
            }
            syn::Item::Mod(m) => items.extend(m.content.map(|(_, c)| c).unwrap_or_default()),
            _ => {}
        }
    }
    Some(out)
}

#[test]
fn every_per_item_diagnostic_of_the_corpus_has_a_trybuild_case() {
    let corpus = repo_root().join("crates/parser/test_data/err");
    let mut expected_by_rustc: BTreeSet<String> = BTreeSet::new();
    for path in sorted_files(&trybuild_dir(), "stderr") {
        let text = std::fs::read_to_string(&path).expect("stderr file");
        for r in read_stderr(&text) {
            expected_by_rustc.insert(r.message.lines().next().unwrap_or("").to_string());
        }
    }
    let mut missing = Vec::new();
    let mut per_item_cases = 0;
    for path in sorted_files(&corpus, "rs") {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("corpus file");
        match grammar_messages(&text) {
            None => assert!(
                NOT_PER_ITEM.contains(&name.as_str()),
                "{name} does not parse as Rust; list it in NOT_PER_ITEM"
            ),
            Some(messages) => {
                assert!(
                    !NOT_PER_ITEM.contains(&name.as_str()),
                    "{name} parses; remove it from NOT_PER_ITEM"
                );
                per_item_cases += usize::from(!messages.is_empty());
                for m in messages {
                    if !expected_by_rustc.contains(&m) {
                        missing.push(format!("{name}: {m}"));
                    }
                }
            }
        }
    }
    assert!(
        per_item_cases >= 10,
        "only {per_item_cases} corpus files with per-item errors"
    );
    assert!(
        missing.is_empty(),
        "per-item diagnostics of the corpus without a trybuild case in tests/trybuild/fail:\n{}",
        missing.join("\n")
    );
}

/// One table's generated metadata.
type TableConsts = (
    &'static str,
    &'static str,
    &'static str,
    Vec<String>,
    Vec<String>,
);

fn table<T: Table>() -> TableConsts {
    let strings = |s: &[&str]| s.iter().map(|c| c.to_string()).collect();
    (
        T::SCHEMA,
        T::NAME,
        T::QUALIFIED_NAME,
        strings(T::COLUMNS),
        strings(T::PRIMARY_KEY),
    )
}

fn pg_enum<E: PgEnum>() -> (&'static str, &'static str, Vec<String>) {
    (
        E::SCHEMA,
        E::NAME,
        E::VALUES.iter().map(|v| v.to_string()).collect(),
    )
}

#[test]
fn example_schema_constants_equal_the_model_shale_generate_builds() {
    let files = load_sources(&repo_root().join("schema")).expect("schema/ loads");
    let parsed = parse_sources(&files, &ParseOptions::default());
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);

    // Every table and enum of the compiled crate; a table added to schema/
    // and not here fails the comparison below.
    let mut compiled_tables = vec![
        table::<accounts::Organisation>(),
        table::<accounts::User>(),
        table::<accounts::Membership>(),
        table::<billing::Customer>(),
        table::<billing::Invoice>(),
        table::<billing::Payment>(),
        table::<platform::AuditLog>(),
        table::<platform::ApiKey>(),
        table::<platform::webhooks::WebhookEndpoint>(),
        table::<platform::webhooks::WebhookDelivery>(),
        table::<tracker::Project>(),
        table::<tracker::Issue>(),
        table::<tracker::Comment>(),
        table::<tracker::Label>(),
        table::<tracker::IssueLabel>(),
    ];
    let mut model_tables: Vec<TableConsts> = parsed
        .schema
        .tables
        .iter()
        .map(|t| {
            let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let qualified = format!("{}.{}", quote(&t.name.namespace), quote(&t.name.name));
            (
                &*String::leak(t.name.namespace.clone()),
                &*String::leak(t.name.name.clone()),
                &*String::leak(qualified),
                t.columns.iter().map(|c| c.name.clone()).collect(),
                t.primary_key
                    .as_ref()
                    .map(|pk| pk.columns.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    compiled_tables.sort();
    model_tables.sort();
    assert_eq!(compiled_tables, model_tables);

    let mut compiled_enums = vec![
        pg_enum::<accounts::Plan>(),
        pg_enum::<accounts::MemberRole>(),
        pg_enum::<billing::InvoiceStatus>(),
        pg_enum::<tracker::IssueState>(),
    ];
    let mut model_enums: Vec<(&'static str, &'static str, Vec<String>)> = parsed
        .schema
        .enums
        .iter()
        .map(|e| {
            (
                &*String::leak(e.name.namespace.clone()),
                &*String::leak(e.name.name.clone()),
                e.values.clone(),
            )
        })
        .collect();
    compiled_enums.sort();
    model_enums.sort();
    assert_eq!(compiled_enums, model_enums);
}

#[test]
fn generated_metadata_reads_as_documented() {
    assert_eq!(accounts::User::NAME, "users");
    assert_eq!(accounts::User::SCHEMA, "public");
    assert_eq!(accounts::User::QUALIFIED_NAME, "\"public\".\"users\"");
    // `password` is `#[column(skip)]`.
    assert!(!accounts::User::COLUMNS.contains(&"password"));
    assert_eq!(accounts::user_columns::EMAIL, "email");
    assert_eq!(
        accounts::Membership::PRIMARY_KEY,
        ["organisation_id", "user_id"]
    );
    assert_eq!(
        format!(
            "SELECT {} FROM {}",
            accounts::Organisation::COLUMNS[..2].join(", "),
            accounts::Organisation::QUALIFIED_NAME
        ),
        "SELECT id, slug FROM \"public\".\"organisations\""
    );
    assert_eq!(accounts::MemberRole::ReadOnly.as_str(), "read-only");
    assert_eq!(accounts::MemberRole::ReadOnly.to_string(), "read-only");
    assert!(matches!(
        "read-only".parse::<accounts::MemberRole>(),
        Ok(accounts::MemberRole::ReadOnly)
    ));
    let Err(error) = "ReadOnly".parse::<accounts::MemberRole>() else {
        panic!("`ReadOnly` is the Rust name, not the database value");
    };
    assert_eq!(
        error.to_string(),
        "`ReadOnly` is not a value of enum `member_role`; expected one of: owner, admin, member, read-only"
    );
}

#[test]
fn enums_convert_to_and_from_postgres_by_database_value() {
    use postgres::types::{FromSql, Kind, ToSql, Type};

    let enum_type = |schema: &str, name: &str| {
        Type::new(name.into(), 16_400, Kind::Enum(Vec::new()), schema.into())
    };
    let role = enum_type("public", "member_role");
    assert!(<accounts::MemberRole as ToSql>::accepts(&role));
    assert!(<accounts::MemberRole as FromSql>::accepts(&role));
    // Another enum, the same name in another namespace, or plain text: refused.
    assert!(!<accounts::MemberRole as ToSql>::accepts(&enum_type(
        "public", "plan"
    )));
    assert!(!<accounts::MemberRole as ToSql>::accepts(&enum_type(
        "billing",
        "member_role"
    )));
    assert!(!<accounts::MemberRole as FromSql>::accepts(&Type::TEXT));

    let mut buffer = postgres::types::private::BytesMut::new();
    accounts::MemberRole::ReadOnly
        .to_sql_checked(&role, &mut buffer)
        .expect("to_sql");
    assert_eq!(&buffer[..], b"read-only");
    assert!(accounts::MemberRole::ReadOnly
        .to_sql_checked(&Type::TEXT, &mut buffer)
        .is_err());

    let read = accounts::MemberRole::from_sql(&role, b"read-only").expect("from_sql");
    assert!(matches!(read, accounts::MemberRole::ReadOnly));
    let Err(error) = accounts::MemberRole::from_sql(&role, b"read_only") else {
        panic!("`read_only` is not a value");
    };
    assert!(
        error
            .to_string()
            .starts_with("`read_only` is not a value of enum `member_role`"),
        "{error}"
    );
}

/// Sequences and extensions derive like tables: the constants name them.
#[test]
fn sequence_and_extension_derives_generate_their_names() {
    use shale::{Extension, Sequence};

    /// Invoice numbers.
    #[derive(shale::Sequence)]
    #[sequence(schema = "billing", start = 1000, increment = -1, max = 1000, min = -5, cycle)]
    #[allow(dead_code)]
    struct InvoiceNumbers;

    #[derive(shale::Sequence)]
    #[sequence(name = "Tally")]
    #[allow(dead_code)]
    struct Counter;

    #[derive(shale::Extension)]
    #[allow(dead_code)]
    struct PgTrgm;

    #[derive(shale::Extension)]
    #[extension(name = "uuid-ossp", schema = "public", version = "1.1")]
    #[allow(dead_code)]
    struct UuidOssp;

    assert_eq!(InvoiceNumbers::NAME, "invoice_numbers");
    assert_eq!(<InvoiceNumbers as Sequence>::SCHEMA, "billing");
    assert_eq!(
        InvoiceNumbers::QUALIFIED_NAME,
        "\"billing\".\"invoice_numbers\""
    );
    assert_eq!(
        <Counter as Sequence>::QUALIFIED_NAME,
        "\"public\".\"Tally\""
    );
    assert_eq!(<PgTrgm as Extension>::NAME, "pg_trgm");
    assert_eq!(UuidOssp::NAME, "uuid-ossp");
}
