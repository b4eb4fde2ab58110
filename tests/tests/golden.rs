//! The golden migration corpus: every folder of `tests/golden/` is a schema
//! change (`before.rs` → `after.rs`, optional `renames.txt`) with the migration
//! file shale must generate for it (`expected.sql`); every folder of
//! `tests/golden/errors/` is a change the differ must refuse to guess
//! (`expected.txt` holds the ambiguities as text).
//!
//! Each case is parsed, diffed, rendered and formatted like `shale generate`
//! does it, compared with its expected file, re-parsed statement by statement
//! with sqlparser's PostgreSQL dialect, and then applied to a real PostgreSQL
//! (`empty → before`, then `before → after`) and introspected back: the live
//! database must diff empty against `after.rs` ("there is drift" otherwise).
//!
//! All cases run in one test function that lists every failing case at the
//! end. `SHALE_GOLDEN=substring` runs only the matching cases;
//! `SHALE_BLESS=1` rewrites the expected files instead of failing on them.

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

use shale_tests::{bless, compare_or_bless};

use shale_differ::{Ambiguities, MigrationPair};
use shale_migrations::sqlfile;
use shale_model::{QualifiedName, RenameHints, Schema};
use shale_parser::{ParseOptions, Parsed, SourceFile};
use shale_sql::{Postgres, SqlDialect, Statement};
use sqlparser::dialect::PostgreSqlDialect;

#[test]
fn golden_migrations() {
    let cases = case_dirs(&golden_root());
    assert!(
        cases.len() >= 70,
        "the corpus shrank to {} cases (at least 70 expected)",
        cases.len()
    );
    if let Ok(filter) = std::env::var("SHALE_GOLDEN") {
        let errors = case_dirs(&golden_root().join("errors"));
        let matches = cases.iter().chain(&errors).any(|d| {
            d.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(&filter))
        });
        assert!(matches, "SHALE_GOLDEN={filter:?} matches no case");
    }
    run_all(&cases, migration_case);
}

#[test]
fn golden_ambiguities() {
    let cases = case_dirs(&golden_root().join("errors"));
    assert!(
        cases.len() >= 4,
        "only {} ambiguity cases (at least 4 expected)",
        cases.len()
    );
    run_all(&cases, ambiguity_case);
}

/// The example application schema in `schema/` parses cleanly and its whole
/// migration from an empty database applies to PostgreSQL without drift.
#[test]
fn example_schema_applies() {
    let outcome = catching(|| {
        let dir = shale_tests::repo_root().join("schema");
        let files =
            shale_parser::load_sources(&dir).map_err(|e| format!("read {}: {e}", dir.display()))?;
        if files.len() < 3 {
            return Err(format!("the example schema has only {} files", files.len()));
        }
        let parsed = parse_files(&files)?;
        if parsed.schema.tables.len() < 10 {
            return Err(format!(
                "the example schema has only {} tables",
                parsed.schema.tables.len()
            ));
        }
        let statements = migrate_sql(&Schema::default(), &parsed.schema, &RenameHints::default())?;
        for s in &statements {
            reparse(&s.sql)?;
        }
        let url = shale_tests::fresh_database();
        apply(&url, &statements).map_err(|e| format!("empty → schema/: {e}"))?;
        check_no_drift(&url, &parsed.schema)
    });
    if let Err(e) = outcome {
        panic!("example schema: {e}");
    }
}

// ---------------------------------------------------------------- running

fn golden_root() -> PathBuf {
    shale_tests::repo_root().join("tests").join("golden")
}

/// Case folders (those holding an `after.rs`) below `root`, sorted.
fn case_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("read {}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("after.rs").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// How many cases run at once. Most of a case's time is spent waiting on
/// PostgreSQL (creating a database, applying, introspecting), so a few
/// threads overlap that waiting even on a small machine.
const WORKERS: usize = 4;

/// Runs every selected case and fails once at the end, listing all failures
/// in case order.
fn run_all(cases: &[PathBuf], run: fn(&Path) -> Result<(), String>) {
    let filter = std::env::var("SHALE_GOLDEN").ok().filter(|f| !f.is_empty());
    let selected: Vec<(String, &PathBuf)> = cases
        .iter()
        .map(|dir| {
            (
                dir.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                dir,
            )
        })
        .filter(|(name, _)| filter.as_deref().is_none_or(|f| name.contains(f)))
        .collect();
    if selected.is_empty() {
        // A filter for the other kind of case; `golden_migrations` checks
        // that the filter matches something at all.
        return;
    }

    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; selected.len()]);
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(selected.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((name, dir)) = selected.get(i) else {
                    break;
                };
                if let Err(e) = catching(|| run(dir)) {
                    outcomes.lock().unwrap_or_else(|p| p.into_inner())[i] =
                        Some(format!("── {name}\n{e}"));
                }
            });
        }
    });
    let failures: Vec<String> = outcomes
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect();
    if !failures.is_empty() {
        panic!(
            "{} of {} golden cases failed:\n\n{}\n",
            failures.len(),
            selected.len(),
            failures.join("\n\n")
        );
    }
}

thread_local! {
    /// Whether this thread is inside [`catching`]: only then does the panic
    /// hook swallow a panic (keeping its message) instead of printing it.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The first panic message seen while catching on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`, turning a panic inside shale's crates into an error naming it,
/// so that one crashing case does not hide the others.
fn catching(f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                LAST_PANIC.with(|p| {
                    p.borrow_mut().get_or_insert_with(|| info.to_string());
                });
            } else {
                default(info);
            }
        }));
    });
    LAST_PANIC.with(|p| *p.borrow_mut() = None);
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    let message = LAST_PANIC.with(|p| p.borrow_mut().take());
    match result {
        Ok(r) => r,
        Err(_) => Err(format!("panicked: {}", message.unwrap_or_default())),
    }
}

// ---------------------------------------------------------------- one case

/// Every case says what it covers in the `//!` line(s) opening `after.rs`.
fn check_documented(dir: &Path) -> Result<(), String> {
    if read(&dir.join("after.rs"))?.starts_with("//!") {
        Ok(())
    } else {
        Err("after.rs must start with a `//!` comment saying what the case covers".into())
    }
}

fn migration_case(dir: &Path) -> Result<(), String> {
    check_documented(dir)?;
    let before = parse_file(&dir.join("before.rs"))?;
    let after = parse_file(&dir.join("after.rs"))?;
    let mut hints = after.renames.clone();
    let hints_path = dir.join("renames.txt");
    if hints_path.is_file() {
        merge_hints(&mut hints, parse_hints(&read(&hints_path)?)?);
    }

    let statements = migrate_sql(&before.schema, &after.schema, &hints)?;
    let text = sql_file_text(&statements);

    // Every check runs even when the text differs, so that a failing case
    // also says whether the SQL it produced works; a file is blessed only
    // when the migration it holds re-parses and applies cleanly.
    let mut problems: Vec<String> = statements
        .iter()
        .filter_map(|s| reparse(&s.sql).err())
        .collect();
    let chunks = sqlfile::split(&text).len();
    if chunks != statements.len() {
        problems.push(format!(
            "the migration file splits into {chunks} statements, not the {} rendered",
            statements.len()
        ));
    }
    if let Err(e) = apply_case(&before.schema, &after.schema, &text) {
        problems.push(e);
    }
    // A hand-written expected file (kept while shale is wrong) must itself be
    // a working migration, or it proves nothing.
    let expected_path = dir.join("expected.sql");
    if let Ok(expected) = std::fs::read_to_string(&expected_path) {
        if expected != text && !bless() {
            if let Err(e) = apply_case(&before.schema, &after.schema, &expected) {
                problems.push(format!("expected.sql itself does not work: {e}"));
            }
        }
    }
    let bless_ok = problems.is_empty();
    if let Err(e) = compare_or_bless(&expected_path, &text, bless_ok) {
        problems.insert(0, e);
    }
    let online = dir
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains("online"));
    if online {
        if let Err(e) = online_case(dir, &before.schema, &after.schema, &hints) {
            problems.push(format!("online mode: {e}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Applies `empty → before`, then the migration file `text`, on a fresh
/// database, checking for drift after each.
fn apply_case(before: &Schema, after: &Schema, text: &str) -> Result<(), String> {
    apply_files_case(before, after, &[text.to_string()])
}

/// [`apply_case`] for the several files of an online migration, in order.
fn apply_files_case(before: &Schema, after: &Schema, texts: &[String]) -> Result<(), String> {
    let setup = migrate_sql(&Schema::default(), before, &RenameHints::default())?;
    let url = shale_tests::fresh_database();
    apply(&url, &setup).map_err(|e| format!("empty → before: {e}"))?;
    check_no_drift(&url, before).map_err(|e| format!("after empty → before: {e}"))?;
    for (k, text) in texts.iter().enumerate() {
        apply_file(&url, text).map_err(|e| format!("before → after, file {}: {e}", k + 1))?;
    }
    check_no_drift(&url, after).map_err(|e| format!("after before → after: {e}"))
}

/// A case whose name contains `online` is also generated in online mode:
/// `online/NN[_role].sql` holds each file `shale generate --online` writes
/// (or `online/refused.txt` the refusal). Each file must re-parse, pass
/// every lint rule with no finding, and the files applied in order must
/// leave no drift.
fn online_case(
    dir: &Path,
    before: &Schema,
    after: &Schema,
    hints: &RenameHints,
) -> Result<(), String> {
    let pair = MigrationPair::new(before, after);
    let plan = shale_differ::diff(pair, hints)
        .map_err(|a| format!("the differ asks about renames:\n{}", ambiguities_text(&a)))?;
    let online_dir = dir.join("online");
    let mut files: Vec<(String, String)> = Vec::new();
    let mut problems = Vec::new();
    match Postgres.render_online(&plan, pair, &shale_sql::OnlineOptions::default()) {
        Err(e @ shale_sql::OnlineError::Refused(_)) => {
            files.push(("refused.txt".into(), format!("{e}\n")));
        }
        Err(e) => return Err(e.to_string()),
        Ok(rendered) => {
            let mut texts = Vec::new();
            for (k, part) in rendered.parts.iter().enumerate() {
                let sqls: Vec<String> = part.statements.iter().map(|s| s.sql.clone()).collect();
                let hazards: Vec<(String, String)> = shale_sql::all_hazards(&part.statements)
                    .into_iter()
                    .map(|h| (h.kind.as_str().to_string(), h.message.clone()))
                    .collect();
                let text = sqlfile::render_file(&sqls, &hazards, part.no_transaction);
                let suffix = part.role.suffix();
                let name = if suffix.is_empty() {
                    format!("{:02}.sql", k + 1)
                } else {
                    format!("{:02}_{suffix}.sql", k + 1)
                };
                problems.extend(part.statements.iter().filter_map(|s| reparse(&s.sql).err()));
                for f in shale_lint::lint(
                    Path::new(&name),
                    &text,
                    shale_migrations::snapshot::Dialect::Postgresql,
                    &shale_lint::LintConfig::default(),
                ) {
                    problems.push(format!(
                        "{name}:{}: lint finding {}: {}",
                        f.line,
                        f.rule.name(),
                        f.message
                    ));
                }
                texts.push(text.clone());
                files.push((name, text));
            }
            if let Err(e) = apply_files_case(before, after, &texts) {
                problems.push(e);
            }
        }
    }
    let bless_ok = problems.is_empty();
    for (name, text) in &files {
        if let Err(e) = compare_or_bless(&online_dir.join(name), text, bless_ok) {
            problems.insert(0, e);
        }
    }
    // A file the run no longer writes is stale.
    if let Ok(entries) = std::fs::read_dir(&online_dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !files.iter().any(|(n, _)| *n == name) {
                if bless() && bless_ok {
                    let _ = std::fs::remove_file(entry.path());
                } else {
                    problems.push(format!(
                        "online/{name} is no longer written (SHALE_BLESS=1 removes it)"
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn ambiguity_case(dir: &Path) -> Result<(), String> {
    check_documented(dir)?;
    let before = parse_file(&dir.join("before.rs"))?;
    let after = parse_file(&dir.join("after.rs"))?;
    let text = match shale_differ::diff(
        MigrationPair::new(&before.schema, &after.schema),
        &after.renames,
    ) {
        Ok(plan) => {
            return Err(format!(
                "the differ guessed instead of asking: it planned {} steps",
                plan.steps.len()
            ))
        }
        Err(ambiguities) => ambiguities_text(&ambiguities),
    };
    compare_or_bless(&dir.join("expected.txt"), &text, true)
}

/// Parses one schema file; an empty file is the empty schema.
fn parse_file(path: &Path) -> Result<Parsed, String> {
    let text = read(path)?;
    parse_files(&[SourceFile {
        path: path.to_path_buf(),
        text,
    }])
}

fn parse_files(files: &[SourceFile]) -> Result<Parsed, String> {
    let parsed = shale_parser::parse_sources(files, &ParseOptions::default());
    if !parsed.diagnostics.is_empty() {
        let mut out = String::from("the parser reports diagnostics:\n");
        for d in &parsed.diagnostics {
            let _ = writeln!(
                out,
                "  {}:{}:{}: {}",
                files[d.file].path.display(),
                d.line,
                d.column,
                d.message
            );
        }
        return Err(out);
    }
    let mut normalized = parsed.schema.clone();
    normalized.normalize();
    if normalized != parsed.schema {
        return Err("the parser returned a schema that is not normalised".into());
    }
    Ok(parsed)
}

/// Plans and renders the statements turning `previous` into `next`.
fn migrate_sql(
    previous: &Schema,
    next: &Schema,
    hints: &RenameHints,
) -> Result<Vec<Statement>, String> {
    let pair = MigrationPair::new(previous, next);
    let plan = shale_differ::diff(pair, hints)
        .map_err(|a| format!("the differ asks about renames:\n{}", ambiguities_text(&a)))?;
    let statements = Postgres.render(&plan, pair);
    for s in &statements {
        if !s.sql.trim_end().ends_with(';') {
            return Err(format!("a statement does not end in `;`:\n{}", s.sql));
        }
    }
    Ok(statements)
}

/// The migration file's text exactly as `shale generate` writes it (the
/// hazard header, then the statements between breakpoint lines); empty when
/// there is nothing to do, as `generate` then writes no file.
fn sql_file_text(statements: &[Statement]) -> String {
    if statements.is_empty() {
        return String::new();
    }
    let sqls: Vec<String> = statements.iter().map(|s| s.sql.clone()).collect();
    let hazards: Vec<(String, String)> = statements
        .iter()
        .flat_map(|s| &s.hazards)
        .map(|h| (h.kind.as_str().to_string(), h.message.clone()))
        .collect();
    sqlfile::render(&sqls, &hazards)
}

/// Runs rendered statements as the migration file `shale generate` writes
/// for them (see [`apply_file`]).
fn apply(url: &str, statements: &[Statement]) -> Result<(), String> {
    let text = sql_file_text(statements);
    let chunks = sqlfile::split(&text).len();
    if chunks != statements.len() {
        return Err(format!(
            "the migration file splits into {chunks} statements, not the {} rendered:\n{text}",
            statements.len()
        ));
    }
    apply_file(url, &text)
}

/// Runs a migration file on the database as `shale migrate` does: split at
/// its breakpoints, in one transaction unless the file opts out. Going
/// through the file, not the rendered statements, also proves the file
/// format keeps every statement intact.
fn apply_file(url: &str, text: &str) -> Result<(), String> {
    let chunks = sqlfile::split(text);
    let mut client = shale_tests::connect(url);
    let in_transaction = !sqlfile::is_no_transaction(text);
    if in_transaction {
        client
            .batch_execute("BEGIN")
            .map_err(|e| format!("begin: {e}"))?;
    }
    for (i, chunk) in chunks.iter().enumerate() {
        client.batch_execute(&chunk.sql).map_err(|e| {
            let detail = e
                .as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string());
            format!(
                "PostgreSQL refuses statement {} of {} (line {}): {detail}\n{}",
                i + 1,
                chunks.len(),
                chunk.line,
                sqlfile::strip_leading_comments(&chunk.sql)
            )
        })?;
    }
    if in_transaction {
        client
            .batch_execute("COMMIT")
            .map_err(|e| format!("commit: {e}"))?;
    }
    Ok(())
}

/// Statement shapes sqlparser 0.59 cannot parse although PostgreSQL accepts
/// them and no other spelling exists (the same list as shale-sql's renderer
/// tests). They are still checked: the apply step runs them on PostgreSQL.
const SQLPARSER_GAPS: &[&str] = &[
    "COMMENT ON TYPE ",
    "ALTER DOMAIN ",
    "CREATE DOMAIN ",
    "COMMENT ON DOMAIN ",
    "COMMENT ON CONSTRAINT ",
    "COMMENT ON INDEX ",
    "COMMENT ON POLICY ",
    " ATTRIBUTE ",
    " DROP IDENTITY;",
    " SET GENERATED ",
    " DROP EXPRESSION;",
    " SET SCHEMA ",
    "ALTER SEQUENCE ",
    ") NO INHERIT",
    " FORCE ROW LEVEL SECURITY;",
    "ALTER EXTENSION ",
    "COMMENT ON SEQUENCE ",
    " SET INCREMENT BY ",
    " SET START WITH ",
    " SET MINVALUE ",
    " SET MAXVALUE ",
    " SET CACHE ",
    " SET CYCLE",
    " SET NO CYCLE",
    " CHECK OPTION;",
    "COMMENT ON MATERIALIZED VIEW ",
    "COMMENT ON VIEW ",
    "ALTER VIEW ",
    "\n SECURITY DEFINER\n",
    "\n SET search_path = ",
    "CREATE PROCEDURE ",
    "REVOKE GRANT OPTION FOR ",
    ") MATCH FULL",
    "CREATE OR REPLACE PROCEDURE ",
    "COMMENT ON FUNCTION ",
    "COMMENT ON PROCEDURE ",
    "COMMENT ON TRIGGER ",
    "EXECUTE FUNCTION \"public\".\"audit\"('",
    "DROP INDEX CONCURRENTLY IF EXISTS ",
    " USING INDEX ",
    " COLLATE \"",
    " PARTITION OF ",
    ") PARTITION BY ",
    " DETACH PARTITION ",
    " ATTACH PARTITION ",
    " EXCLUDE USING ",
];

/// One generated statement must re-parse as exactly one statement with
/// sqlparser's PostgreSQL dialect.
fn reparse(sql: &str) -> Result<(), String> {
    match sqlparser::parser::Parser::parse_sql(&PostgreSqlDialect {}, sql) {
        Ok(parsed) if parsed.len() == 1 => Ok(()),
        Ok(parsed) => Err(format!(
            "sqlparser reads {} statements in one:\n{sql}",
            parsed.len()
        )),
        Err(_) if SQLPARSER_GAPS.iter().any(|gap| sql.contains(gap)) => Ok(()),
        Err(e) => Err(format!("sqlparser rejects a statement: {e}\n{sql}")),
    }
}

/// The live database must hold exactly `expected`: introspect it and diff.
fn check_no_drift(url: &str, expected: &Schema) -> Result<(), String> {
    // View queries compare as PostgreSQL prints them, as `shale verify` does.
    let printed;
    let expected = if expected.views.is_empty() {
        expected
    } else {
        let mut scratch = shale_tests::connect(&shale_tests::fresh_database());
        printed = shale_introspect::canonical_views(expected, &mut scratch)
            .map_err(|e| format!("canonical view text: {e}"))?;
        &printed
    };
    let mut client = shale_tests::connect(url);
    let live = shale_introspect::introspect(&mut client, &shale_tests::introspect_options())
        .map_err(|e| format!("introspection failed: {e}"))?;
    let plan = shale_differ::diff(MigrationPair::new(&live, expected), &RenameHints::default())
        .map_err(|a| format!("there is drift (ambiguous):\n{}", ambiguities_text(&a)))?;
    if plan.is_empty() {
        return Ok(());
    }
    let mut out = String::from("there is drift between the database and the schema; steps:\n");
    for step in &plan.steps {
        let _ = writeln!(out, "  {step:?}");
    }
    Err(out)
}

// ---------------------------------------------------------------- files

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("read {}: {e}", path.display()))
}

/// The ambiguities as the differ words them, one line each.
fn ambiguities_text(ambiguities: &Ambiguities) -> String {
    format!("{ambiguities}\n")
}

// ---------------------------------------------------------------- renames.txt

/// Parses `renames.txt`: one hint per line in `--rename` spelling
/// (`table:OLD=NEW`, `column:TABLE.OLD=NEW`, `enum:OLD=NEW`,
/// `value:ENUM.OLD=NEW`, `sequence:OLD=NEW`) or a confirmed drop
/// (`drop:table:NAME`, `drop:column:TABLE.NAME`, `drop:enum:NAME`,
/// `drop:value:ENUM.VALUE`, `drop:sequence:NAME`).
/// Names may be schema-qualified; blank lines and `#` comments are skipped.
fn parse_hints(text: &str) -> Result<RenameHints, String> {
    let mut hints = RenameHints::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| format!("renames.txt line {}: {why}: `{line}`", n + 1);
        let (kind, rest) = line.split_once(':').ok_or_else(|| bad("expected KIND:…"))?;
        if kind == "drop" {
            let (kind, name) = rest
                .split_once(':')
                .ok_or_else(|| bad("expected drop:KIND:NAME"))?;
            match kind {
                "table" => hints.dropped_tables.push(qualified(name)),
                "enum" => hints.dropped_enums.push(qualified(name)),
                "sequence" => hints.dropped_sequences.push(qualified(name)),
                "column" => hints
                    .dropped_columns
                    .push(member(name).ok_or_else(|| bad("expected TABLE.COLUMN"))?),
                "value" => hints
                    .dropped_enum_values
                    .push(member(name).ok_or_else(|| bad("expected ENUM.VALUE"))?),
                _ => return Err(bad("unknown kind (table, column, enum, value)")),
            }
            continue;
        }
        let (old, new) = rest
            .split_once('=')
            .ok_or_else(|| bad("expected OLD=NEW"))?;
        let new = new.trim().to_string();
        match kind {
            "table" => hints.tables.push((qualified(old), qualified(&new))),
            "enum" => hints.enums.push((qualified(old), qualified(&new))),
            "sequence" => hints.sequences.push((qualified(old), qualified(&new))),
            "column" => {
                let (table, old) = member(old).ok_or_else(|| bad("expected TABLE.OLD=NEW"))?;
                hints.columns.push((table, old, new));
            }
            "value" => {
                let (enum_, old) = member(old).ok_or_else(|| bad("expected ENUM.OLD=NEW"))?;
                hints.enum_values.push((enum_, old, new));
            }
            _ => return Err(bad("unknown kind (table, column, enum, value, drop)")),
        }
    }
    Ok(hints)
}

/// `schema.name` or `name` (in `public`).
fn qualified(s: &str) -> QualifiedName {
    match s.trim().split_once('.') {
        Some((ns, name)) => QualifiedName::new(ns, name),
        None => QualifiedName::public(s.trim()),
    }
}

/// `[schema.]parent.member` split at the last dot.
fn member(s: &str) -> Option<(QualifiedName, String)> {
    let (parent, name) = s.trim().rsplit_once('.')?;
    Some((qualified(parent), name.to_string()))
}

fn merge_hints(into: &mut RenameHints, from: RenameHints) {
    into.tables.extend(from.tables);
    into.columns.extend(from.columns);
    into.enums.extend(from.enums);
    into.enum_values.extend(from.enum_values);
    into.dropped_tables.extend(from.dropped_tables);
    into.dropped_columns.extend(from.dropped_columns);
    into.dropped_enums.extend(from.dropped_enums);
    into.dropped_enum_values.extend(from.dropped_enum_values);
    into.sequences.extend(from.sequences);
    into.dropped_sequences.extend(from.dropped_sequences);
}

#[test]
fn hint_lines_parse() {
    let hints = parse_hints(
        "# a comment\n\
         table:billing.invoice=billing.invoices\n\
         column:users.name=full_name\n\
         enum:status=state\n\
         value:billing.status.old=new\n\
         drop:column:users.bio\n\
         drop:table:legacy\n",
    )
    .unwrap();
    assert_eq!(
        hints.tables,
        vec![(
            QualifiedName::new("billing", "invoice"),
            QualifiedName::new("billing", "invoices")
        )]
    );
    assert_eq!(
        hints.columns,
        vec![(
            QualifiedName::public("users"),
            "name".into(),
            "full_name".into()
        )]
    );
    assert_eq!(
        hints.enums,
        vec![(
            QualifiedName::public("status"),
            QualifiedName::public("state")
        )]
    );
    assert_eq!(
        hints.enum_values,
        vec![(
            QualifiedName::new("billing", "status"),
            "old".into(),
            "new".into()
        )]
    );
    assert_eq!(
        hints.dropped_columns,
        vec![(QualifiedName::public("users"), "bio".into())]
    );
    assert_eq!(hints.dropped_tables, vec![QualifiedName::public("legacy")]);
    assert!(parse_hints("column:nodot=x").is_err());
    assert!(parse_hints("colum:users.a=b").is_err());
}

#[test]
fn panics_become_case_failures() {
    let outcome = catching(|| panic!("boom in a case"));
    let message = outcome.expect_err("a panic is a failure");
    assert!(message.contains("boom in a case"), "{message}");
    assert!(
        !CATCHING.with(Cell::get),
        "the hook stays armed after the case"
    );
    assert_eq!(
        catching(|| Err("plain failure".into())),
        Err("plain failure".to_string())
    );
}
