//! `shale lint` agrees with `shale generate`: every generated migration of
//! the golden corpus (`tests/golden/*/expected.sql`) is linted, and
//! - it parses: no `syntax` finding;
//! - every `DELETES_DATA` hazard in its header has a matching
//!   `dropping-table`, `dropping-column` or `changing-column-type` finding
//!   (matched on the object's name);
//! - every `NOT_NULL_WITHOUT_DEFAULT` hazard has a matching
//!   `adding-not-null-column` or `setting-not-null` finding.

use std::path::{Path, PathBuf};

use shale_lint::{lint, Dialect, Finding, LintConfig, Rule};

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path().join("expected.sql"))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// `(KIND, message)` of each `-- hazard: KIND message` header line.
fn hazards(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("-- hazard: "))
        .map(|rest| {
            let (kind, message) = rest.split_once(' ').unwrap_or((rest, ""));
            (kind.to_string(), message.to_string())
        })
        .collect()
}

/// The last part of the first quoted name of a message: `column` of
/// `drops column "schema"."table"."column"`.
fn object_name(message: &str) -> Option<String> {
    let mut rest = &message[message.find('"')?..];
    let mut last = None;
    while let Some(after) = rest.strip_prefix('"') {
        let end = after.find('"')?;
        last = Some(after[..end].to_string());
        rest = &after[end + 1..];
        match rest.strip_prefix('.') {
            Some(more) if more.starts_with('"') => rest = more,
            _ => break,
        }
    }
    last
}

fn has(findings: &[Finding], rules: &[Rule], name: Option<&str>) -> bool {
    findings.iter().any(|f| {
        rules.contains(&f.rule) && name.is_none_or(|n| f.message.contains(&format!("\"{n}\"")))
    })
}

/// The disagreements between a generated file's hazards and its findings.
fn disagreements(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let findings = lint(path, &text, Dialect::Postgresql, &LintConfig::default());
    let mut out: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == Rule::Syntax)
        .map(|f| f.to_string())
        .collect();
    let data_loss = [
        Rule::DroppingTable,
        Rule::DroppingColumn,
        Rule::ChangingColumnType,
    ];
    let not_null = [Rule::AddingNotNullColumn, Rule::SettingNotNull];
    for (kind, message) in hazards(&text) {
        let name = object_name(&message);
        let ok = match kind.as_str() {
            "DELETES_DATA" if message.starts_with("drops table") => {
                has(&findings, &[Rule::DroppingTable], name.as_deref())
            }
            "DELETES_DATA" if message.starts_with("drops column") => {
                has(&findings, &[Rule::DroppingColumn], name.as_deref())
            }
            "DELETES_DATA" if message.starts_with("changes column") => {
                has(&findings, &[Rule::ChangingColumnType], name.as_deref())
            }
            // Removing enum values recreates the type and converts each
            // column using it (a TABLE_REWRITE "to convert column" hazard
            // each); with no such column there are no rows to lose.
            "DELETES_DATA" if message.starts_with("removes value") => {
                !text.contains("to convert column")
                    || has(&findings, &[Rule::ChangingColumnType], None)
            }
            "DELETES_DATA" => has(&findings, &data_loss, None),
            "NOT_NULL_WITHOUT_DEFAULT" if message.starts_with("adds NOT NULL column") => {
                has(&findings, &[Rule::AddingNotNullColumn], name.as_deref())
            }
            "NOT_NULL_WITHOUT_DEFAULT" if message.starts_with("sets column") => {
                has(&findings, &[Rule::SettingNotNull], name.as_deref())
            }
            "NOT_NULL_WITHOUT_DEFAULT" => has(&findings, &not_null, None),
            _ => true,
        };
        if !ok {
            out.push(format!(
                "hazard `{kind} {message}` has no matching lint finding"
            ));
        }
    }
    if !out.is_empty() {
        let rendered: String = findings.iter().map(|f| format!("{f}\n")).collect();
        out.push(format!("all findings:\n{rendered}"));
    }
    out
}

#[test]
fn lint_agrees_with_generated_hazards() {
    let files = corpus();
    assert!(
        !files.is_empty(),
        "no generated migrations under tests/golden/*/expected.sql"
    );
    let mut failures = Vec::new();
    for file in &files {
        let problems = disagreements(file);
        if !problems.is_empty() {
            failures.push(format!("{}:\n{}", file.display(), problems.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} generated migrations disagree with the lint:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// The checker itself: a header hazard without the matching statement, and
/// a file that does not parse, are both caught.
#[test]
fn the_consistency_check_can_fail() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("-- hazard: DELETES_DATA drops column \"public\".\"users\".\"bio\"\n\nALTER TABLE \"users\" DROP COLUMN \"name\";\n", "drops column"),
        ("-- hazard: NOT_NULL_WITHOUT_DEFAULT sets column \"users\".\"a\" NOT NULL: fails if any row holds NULL\n\nALTER TABLE \"users\" ADD COLUMN \"a\" int;\n", "sets column"),
        ("CREATE TABLE \"a\" (\"id\" int,);\n", "syntax"),
    ];
    for (i, (sql, expected)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("{i}.sql"));
        std::fs::write(&path, sql).unwrap();
        let problems = disagreements(&path).join("\n");
        assert!(problems.contains(expected), "case {i}: {problems}");
    }
    let good = dir.path().join("good.sql");
    std::fs::write(&good, "-- hazard: DELETES_DATA drops column \"public\".\"users\".\"bio\"\n\nALTER TABLE \"public\".\"users\" DROP COLUMN \"bio\";\n").unwrap();
    assert!(disagreements(&good).is_empty());
}
