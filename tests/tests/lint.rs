//! Golden cases for `shale lint`: every folder of `tests/lint/` is named
//! after a rule and holds `flagged*.sql` (each must raise that rule) and
//! `clean*.sql` (none may raise it) migration files; other `*.sql` files
//! (e.g. in `tests/lint/suppression/`) only compare. Every file's findings,
//! rendered as text, are compared with the `.expected` file beside it.
//! A file named `*.sqlite.sql` is linted with the SQLite dialect,
//! `*.config` beside a file (`rule = severity` lines) sets severities.
//!
//! All cases run in one test that lists every failing case at the end;
//! `SHALE_BLESS=1` rewrites the expected files instead of failing on them
//! (the flagged/clean invariants are still enforced).

use std::path::{Path, PathBuf};

use shale_lint::{lint, Dialect, LintConfig, Rule, Severity};

fn lint_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lint")
}

/// A case's configuration: `rule = severity` lines of the `.config` file beside it.
fn case_config(sql: &Path) -> Result<LintConfig, String> {
    let path = sql.with_extension("config");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(LintConfig::default());
    };
    let mut config = LintConfig::default();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (rule, severity) = line
            .split_once('=')
            .ok_or_else(|| format!("{}: expected `rule = severity`", path.display()))?;
        let rule: Rule = rule
            .trim()
            .parse()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let severity = match severity.trim().trim_matches('"') {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "off" => Severity::Off,
            other => return Err(format!("{}: unknown severity {other}", path.display())),
        };
        config = config.with(rule, severity);
    }
    Ok(config)
}

/// Lints one case file and checks it; the rendered findings end with a newline.
fn run_case(root: &Path, sql: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(sql).map_err(|e| format!("read {}: {e}", sql.display()))?;
    let name = sql.file_name().unwrap().to_string_lossy().into_owned();
    let dialect = if name.ends_with(".sqlite.sql") {
        Dialect::Sqlite
    } else {
        Dialect::Postgresql
    };
    let relative = sql.strip_prefix(root).unwrap();
    let findings = lint(relative, &text, dialect, &case_config(sql)?);
    let rendered: String = findings.iter().map(|f| format!("{f}\n")).collect();
    let folder = relative
        .parent()
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    if let Ok(rule) = folder.parse::<Rule>() {
        let raised = findings.iter().any(|f| f.rule == rule);
        if name.starts_with("flagged") && !raised {
            return Err(format!(
                "{}: expected a `{rule}` finding, got:\n{rendered}",
                relative.display()
            ));
        }
        if name.starts_with("clean") && raised {
            return Err(format!(
                "{}: expected no `{rule}` finding, got:\n{rendered}",
                relative.display()
            ));
        }
    }
    // Line endings do not move findings: the CRLF file reads the same.
    let crlf = lint(
        relative,
        &text.replace('\n', "\r\n"),
        dialect,
        &case_config(sql)?,
    );
    if crlf != findings {
        let crlf: String = crlf.iter().map(|f| format!("{f}\n")).collect();
        return Err(format!(
            "{}: with CRLF line endings the findings differ:\n{crlf}",
            relative.display()
        ));
    }
    let expected = sql.with_file_name(format!("{}.expected", name.trim_end_matches(".sql")));
    shale_tests::compare_or_bless(&expected, &rendered, true)
}

fn case_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn golden_lint_cases() {
    let root = lint_root();
    let files = case_files(&root);
    let mut failures = Vec::new();
    for file in &files {
        if let Err(e) = run_case(&root, file) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} lint cases failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// Every rule (but `syntax`, covered by its own folder too) has a folder with
/// at least one flagged and one clean case, so no rule goes untested.
#[test]
fn every_rule_has_flagged_and_clean_cases() {
    let root = lint_root();
    let mut missing = Vec::new();
    for rule in Rule::all() {
        let dir = root.join(rule.name());
        let has = |prefix: &str| {
            std::fs::read_dir(&dir)
                .into_iter()
                .flatten()
                .flatten()
                .any(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.starts_with(prefix) && n.ends_with(".sql")
                })
        };
        if !has("flagged") || !has("clean") {
            missing.push(rule.name());
        }
    }
    assert!(
        missing.is_empty(),
        "rules without flagged and clean golden cases: {missing:?}"
    );
}

fn lint_pg(text: &str, config: &LintConfig) -> Vec<shale_lint::Finding> {
    lint(Path::new("m.sql"), text, Dialect::Postgresql, config)
}

fn rules(findings: &[shale_lint::Finding]) -> Vec<(Rule, usize)> {
    findings.iter().map(|f| (f.rule, f.line)).collect()
}

#[test]
fn suppression_is_per_statement_and_per_rule() {
    let sql = "SET lock_timeout = '1s';\nDROP TABLE a; -- shale:allow dropping-table\nDROP TABLE b;\n--> statement-breakpoint\n-- shale:allow dropping-column, renaming-column\nALTER TABLE c DROP COLUMN x, RENAME COLUMN y TO z, ALTER COLUMN w SET DATA TYPE int;\n";
    let findings = lint_pg(sql, &LintConfig::default());
    assert_eq!(
        rules(&findings),
        vec![(Rule::DroppingTable, 3), (Rule::ChangingColumnType, 6)],
        "{findings:#?}"
    );
    // The same statements without the comments raise every rule.
    let bare: String = sql
        .lines()
        .map(|l| l.split(" -- shale").next().unwrap())
        .filter(|l| !l.starts_with("-- shale"))
        .map(|l| format!("{l}\n"))
        .collect();
    let all = rules(&lint_pg(&bare, &LintConfig::default()));
    assert_eq!(all.len(), 5, "{all:?}");
}

#[test]
fn severities_follow_the_config() {
    let sql = "DROP TABLE a;\nCREATE INDEX i ON b (c);\n";
    let defaults = lint_pg(sql, &LintConfig::default());
    let got: Vec<(Rule, Severity)> = defaults.iter().map(|f| (f.rule, f.severity)).collect();
    assert_eq!(
        got,
        vec![
            (Rule::DroppingTable, Severity::Error),
            (Rule::MissingLockTimeout, Severity::Warning),
            (Rule::IndexWithoutConcurrently, Severity::Warning),
        ]
    );
    assert!(shale_lint::has_errors(&defaults));
    let relaxed = LintConfig::default()
        .with(Rule::DroppingTable, Severity::Warning)
        .with(Rule::MissingLockTimeout, Severity::Off)
        .with(Rule::IndexWithoutConcurrently, Severity::Error);
    let got: Vec<(Rule, Severity)> = lint_pg(sql, &relaxed)
        .iter()
        .map(|f| (f.rule, f.severity))
        .collect();
    assert_eq!(
        got,
        vec![
            (Rule::DroppingTable, Severity::Warning),
            (Rule::IndexWithoutConcurrently, Severity::Error)
        ]
    );
    let off = Rule::all()
        .iter()
        .fold(LintConfig::default(), |c, r| c.with(*r, Severity::Off));
    assert!(lint_pg(sql, &off).is_empty());
}

#[test]
fn findings_carry_file_statement_and_help() {
    let sql = "-- hazard: DELETES_DATA drops column \"users\".\"bio\"\n\nSET lock_timeout = '1s';\n--> statement-breakpoint\nALTER TABLE \"users\"\n  DROP COLUMN \"bio\";\n";
    let findings = lint(
        Path::new("migrations/0003_x.sql"),
        sql,
        Dialect::Postgresql,
        &LintConfig::default(),
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(
        (f.rule, f.line, f.column, f.statement_index),
        (Rule::DroppingColumn, 6, 15, 2)
    );
    assert_eq!(f.path, Path::new("migrations/0003_x.sql"));
    assert_eq!(f.help, Rule::DroppingColumn.alternative());
    assert_eq!(
        f.to_string(),
        format!("migrations/0003_x.sql:6:15: error[dropping-column]: dropping column \"bio\" of \"users\" deletes its data\n  help: {}", f.help)
    );
}

#[test]
fn unparsable_files_report_file_statement_and_line() {
    let sql = "CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int;\n--> statement-breakpoint\nCREATE TABLE c (id int);\n";
    let findings = lint(
        Path::new("migrations/0001_b.sql"),
        sql,
        Dialect::Postgresql,
        &LintConfig::default(),
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        (
            findings[0].rule,
            findings[0].line,
            findings[0].statement_index
        ),
        (Rule::Syntax, 3, 2)
    );
    assert!(
        findings[0]
            .message
            .starts_with("statement 2 does not parse: expected: "),
        "{}",
        findings[0].message
    );
    // The same file is fine once fixed, and SQLite reads it too.
    let fixed = sql.replace("id int;", "id int);");
    assert!(lint_pg(&fixed, &LintConfig::default()).is_empty());
    assert!(lint(
        Path::new("x.sql"),
        &fixed,
        Dialect::Sqlite,
        &LintConfig::default()
    )
    .is_empty());
}

#[test]
fn the_rule_table_lists_every_rule() {
    let table = shale_lint::markdown_table();
    assert_eq!(table.lines().count(), Rule::all().len() + 2);
    for rule in Rule::all() {
        assert!(
            table.contains(&format!(
                "| `{}` | {} |",
                rule.name(),
                rule.default_severity()
            )),
            "{}",
            rule.name()
        );
    }
}

#[test]
fn lint_path_reads_files_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("0000_a.sql");
    std::fs::write(&good, "DROP TABLE a;\n").unwrap();
    let findings =
        shale_lint::lint_path(&good, Dialect::Postgresql, &LintConfig::default()).unwrap();
    assert_eq!(findings[0].path, good);
    let missing = shale_lint::lint_path(
        &dir.path().join("nope.sql"),
        Dialect::Postgresql,
        &LintConfig::default(),
    )
    .unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("cannot read migration file "),
        "{missing}"
    );
    let binary = dir.path().join("0001_b.sql");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let err =
        shale_lint::lint_path(&binary, Dialect::Postgresql, &LintConfig::default()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("is not UTF-8 text; save it as UTF-8"),
        "{err}"
    );
}
