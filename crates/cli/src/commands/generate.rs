//! `shale generate`: diff the schema source against the latest snapshot and
//! write the next migration, its journal entry and its snapshot.
//!
//! Nothing is written when there is no change, when a rename is ambiguous
//! (never guessed: a terminal gets a prompt, anything else exit 2 naming the
//! attribute or flag that settles it), or when the migration would delete data
//! without `--allow-data-loss` or an interactive yes (exit 1).

use std::io::IsTerminal;

use anyhow::{bail, Result};
use serde_json::json;
use shale_differ::{Ambiguities, Ambiguity, MigrationPair, ObjectKind, Plan};
use shale_migrations::journal::PrefixMode;
use shale_migrations::snapshot::{self, EncodedBody};
use shale_migrations::{down, sqlfile};
use shale_model::{QualifiedName, RenameHints, Schema};
use shale_sql::HazardKind;

use super::project::{write_atomic, Project};
use super::Context;
use crate::config::Prefix;
use crate::output::Style;
use crate::schema_cache::{LatestSnapshot, SchemaCache};
use crate::Outcome;

/// `shale generate` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The migration's name, after its number: `0003_<name>.sql`
    /// (default: `init` for the first migration, else `migration`).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Write an empty migration for hand-written SQL; the snapshot is carried
    /// over unchanged.
    #[arg(long)]
    pub custom: bool,
    /// Settle a rename: `table:OLD=NEW`, `column:TABLE.OLD=NEW`,
    /// `enum:OLD=NEW`, `value:ENUM.OLD=NEW`, `sequence:OLD=NEW` (names may be
    /// schema-qualified).
    #[arg(long, value_name = "KIND:OLD=NEW")]
    pub rename: Vec<String>,
    /// Settle an ambiguity as a drop, not a rename: `table:NAME`,
    /// `column:TABLE.NAME`, `enum:NAME`, `value:ENUM.NAME`, `sequence:NAME`.
    #[arg(long, value_name = "KIND:NAME")]
    pub no_rename: Vec<String>,
    /// Write the migration even though it deletes data (drops, removed enum
    /// values, lossy type changes). Without it such a migration is refused
    /// (exit 1) unless confirmed at an interactive prompt.
    #[arg(long)]
    pub allow_data_loss: bool,
    /// Parse the schema even when it is unchanged since the last run,
    /// without reading or writing the schema cache (`.shale/cache/schema/`).
    #[arg(long)]
    pub no_cache: bool,
    /// Online mode for this run (PostgreSQL): indexes built and dropped
    /// `CONCURRENTLY` in no-transaction files of their own, constraints added
    /// `NOT VALID` and validated, `SET NOT NULL` through a validated check;
    /// steps that cannot be online are refused with their expand/contract
    /// recipe. Default: `[generate] online` in shale.toml.
    #[arg(long, conflicts_with = "no_online")]
    pub online: bool,
    /// Plain mode for this run, whatever `[generate] online` says.
    #[arg(long)]
    pub no_online: bool,
}

/// One file `generate` writes: its name suffix and its statements.
struct File {
    /// Appended to the migration's name (`<name>_<suffix>`), empty for the first.
    suffix: &'static str,
    no_transaction: bool,
    statements: Vec<shale_sql::Statement>,
}

/// Runs `shale generate`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    // An unchanged schema is known from the schema cache, after reading and
    // hashing the schema source and the latest snapshot (the bytes parsed and
    // decoded below when it is not). Flags that change the comparison skip it.
    let cache = SchemaCache::new(
        &ctx.config.root,
        !args.no_cache && !args.custom && args.rename.is_empty() && args.no_rename.is_empty(),
    );
    let schema_path = ctx.config.schema.clone();
    let sources = ctx.read_schema_at(&schema_path)?;
    let journal = ctx.load_journal()?;
    let latest = ctx.read_latest_snapshot(&journal)?;
    let key = cache.key(
        &ctx.config,
        &sources,
        match &latest {
            Some((path, bytes)) => LatestSnapshot::File(path, bytes),
            None => LatestSnapshot::None,
        },
    );
    if cache.unchanged(&key) {
        // The folder must still be consistent (journal and files agree).
        ctx.load_folder_if_any()?;
        ui.result("no schema changes");
        ui.document(&json!({ "status": "no_changes", "cached": true }));
        super::drop_in_background(sources);
        return Ok(Outcome::Clean);
    }
    // The folder must be consistent (journal and files agree) before a new
    // migration is appended to it. It is read on the second core while the
    // schema source is parsed.
    let (parsed, project) = std::thread::scope(|scope| {
        let project = scope.spawn(|| ctx.load_project_with(journal, latest));
        let parsed = ctx.parse_read_schema(&schema_path, &sources);
        let project = project
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (parsed, project)
    });
    super::drop_in_background(sources);
    let parsed = parsed?;
    let project = project?;
    let next = if args.custom {
        project.previous.clone()
    } else {
        parsed.schema
    };

    let mut hints = parsed.renames;
    for flag in &args.rename {
        parse_rename_flag(flag, &mut hints)?;
    }
    for flag in &args.no_rename {
        parse_no_rename_flag(flag, &mut hints)?;
    }

    let online = !args.custom && !args.no_online && (args.online || ctx.config.generate.online);
    if online && ctx.config.dialect == crate::config::Dialect::Sqlite {
        bail!("online mode is for PostgreSQL (SQLite has no concurrent index builds or NOT VALID constraints); drop --online or `[generate] online`");
    }
    let plan = if args.custom {
        None
    } else {
        let plan = plan_with_prompts(ui, MigrationPair::new(&project.previous, &next), &mut hints)?;
        if plan.is_empty() {
            cache.record_unchanged(&key);
            ui.result("no schema changes");
            ui.document(&json!({ "status": "no_changes", "cached": false }));
            super::drop_in_background((project, next));
            return Ok(Outcome::Clean);
        }
        Some(plan)
    };
    // The next snapshot's body is serialised on the other core while the
    // migration and its down file are rendered on this one.
    let outcome = std::thread::scope(|scope| {
        let body = scope.spawn(|| EncodedBody::new(&next));
        let body = move || {
            body.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        write_migration(ctx, args, project, &next, plan, &hints, online, body)
    });
    super::drop_in_background(next);
    outcome
}

/// `generate` once the plan is known: renders the migration (or the online
/// files) and the down file, asks about data loss, and writes them with the
/// next snapshot (`body`, encoded meanwhile).
#[allow(clippy::too_many_arguments)]
fn write_migration(
    ctx: &Context<'_>,
    args: &Args,
    project: Project,
    next: &Schema,
    plan: Option<shale_differ::Plan>,
    hints: &RenameHints,
    online: bool,
    body: impl FnOnce() -> EncodedBody,
) -> Result<Outcome> {
    let ui = ctx.ui;
    let Project {
        folder,
        mut journal,
        prev_id,
        previous,
    } = project;
    let previous = &previous;
    let mut notes = Vec::new();
    let files: Vec<File> = match plan {
        None => vec![File {
            suffix: "",
            no_transaction: false,
            statements: Vec::new(),
        }],
        Some(plan) => {
            if online {
                let options = shale_sql::OnlineOptions {
                    lock_timeout: ctx.config.generate.lock_timeout.clone(),
                };
                match ctx.postgres_names(|| {
                    shale_sql::Postgres.render_online(
                        &plan,
                        MigrationPair::new(previous, next),
                        &options,
                    )
                }) {
                    Ok(rendered) => {
                        notes = rendered.notes;
                        rendered
                            .parts
                            .into_iter()
                            .map(|p| File {
                                suffix: p.role.suffix(),
                                no_transaction: p.no_transaction,
                                statements: p.statements,
                            })
                            .collect()
                    }
                    Err(shale_sql::OnlineError::Refused(refusals)) => {
                        let e = shale_sql::OnlineError::Refused(refusals.clone());
                        ui.result(&format!(
                            "{}: {e}\nnothing was written",
                            ui.paint(Style::Bad, "refused")
                        ));
                        ui.document(
                        &json!({ "status": "refused", "reason": "not_online", "steps": refusals }),
                    );
                        return Ok(Outcome::Findings);
                    }
                    Err(e) => bail!("{e}"),
                }
            } else {
                vec![File {
                    suffix: "",
                    no_transaction: false,
                    statements: ctx.render_plan(&plan, MigrationPair::new(previous, next))?,
                }]
            }
        }
    };
    let statements: Vec<&shale_sql::Statement> = files.iter().flat_map(|f| &f.statements).collect();
    // The down file: the same differ the other way (next → previous), with
    // the renames reversed; whatever the reverse would ask about is an object
    // the migration created, so it is dropped. An online run's files get
    // none: each file's reverse would need the schema between the files,
    // which the run does not compute (see README, Down files).
    let down_statements = if args.custom || online {
        Vec::new()
    } else {
        let forward = MigrationPair::new(previous, next);
        let plan = shale_differ::down_plan(forward, hints);
        ctx.render_plan(&plan, forward.reversed())?
    };

    let hazards: Vec<&shale_sql::Hazard> = statements.iter().flat_map(|s| &s.hazards).collect();
    let deletes_data = hazards.iter().any(|h| h.kind == HazardKind::DeletesData);
    if deletes_data && !args.allow_data_loss && !confirm_data_loss(ui, &hazards)? {
        print_hazards(ui, &hazards);
        ui.result(&format!(
            "{}: this migration deletes data; nothing was written. Review the hazards above, \
             then re-run with --allow-data-loss",
            ui.paint(Style::Bad, "refused")
        ));
        ui.document(&json!({ "status": "refused", "reason": "data_loss", "hazards": hazards_json(&hazards) }));
        return Ok(Outcome::Findings);
    }

    let name = match &args.name {
        Some(n) => sanitize_name(n)?,
        None if previous.is_empty() && journal.entries.is_empty() => "init".to_string(),
        None if args.custom => "custom".to_string(),
        None => "migration".to_string(),
    };
    let mut texts: Vec<(String, String)> = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let text = if args.custom {
            None
        } else {
            let mut sqls: Vec<String> = file.statements.iter().map(|s| s.sql.clone()).collect();
            if deletes_data {
                acknowledge_data_loss(ctx, &mut sqls, file.no_transaction);
            }
            // Online files name each hazard once (several statements of a
            // file lock the same table briefly).
            let file_hazards: Vec<&shale_sql::Hazard> = if online {
                shale_sql::all_hazards(&file.statements)
            } else {
                file.statements.iter().flat_map(|s| &s.hazards).collect()
            };
            let header: Vec<(String, String)> = file_hazards
                .iter()
                .map(|h| (h.kind.as_str().to_string(), h.message.clone()))
                .collect();
            Some(sqlfile::render_file(&sqls, &header, file.no_transaction))
        };
        let base = if file.suffix.is_empty() {
            name.clone()
        } else {
            format!("{name}_{}", file.suffix)
        };
        // Names stay unique within the run (a timestamp prefix may repeat):
        // `…_build_index`, `…_build_index_2`, …
        let same = files[..k]
            .iter()
            .filter(|f| f.suffix == file.suffix)
            .count();
        let part_name = if same == 0 {
            base
        } else {
            format!("{base}_{}", same + 1)
        };
        texts.push((part_name, text.unwrap_or_default()));
    }
    if online {
        lint_online(ctx, &texts)?;
    }
    let custom = args.custom;
    let down_sqls: Vec<String> = down_statements.iter().map(|s| s.sql.clone()).collect();
    let down_loss = shale_sql::data_loss_messages(&down_statements);
    let items: Vec<(String, RenderFn<'_>)> = texts
        .into_iter()
        .map(|(n, text)| {
            let (down_sqls, down_loss) = (&down_sqls, &down_loss);
            let render: RenderFn<'_> = Box::new(move |tag: &str| {
                if custom {
                    (custom_template(tag), Some(down::render_custom(tag)))
                } else if online {
                    (text, None)
                } else {
                    (text, Some(down::render(tag, down_sqls, down_loss)))
                }
            });
            (n, render)
        })
        .collect();
    let written = write_next_migrations(ctx, folder, &mut journal, &prev_id, items, &body())?;

    if !ui.json() {
        print_hazards(ui, &hazards);
        for (w, file) in written.iter().zip(&files) {
            let what = if args.custom {
                "empty custom migration".to_string()
            } else {
                let n = file.statements.len();
                format!(
                    "{n} statement{}{}",
                    if n == 1 { "" } else { "s" },
                    if file.no_transaction {
                        ", outside a transaction"
                    } else {
                        ""
                    }
                )
            };
            ui.result(&format!(
                "{} {} ({what})",
                ui.paint(Style::Good, "wrote"),
                w.sql_path.display()
            ));
            if let Some(down_path) = &w.down_path {
                ui.line(&format!("      {}", down_path.display()));
            }
            ui.line(&format!("      {}", w.snap_path.display()));
        }
        ui.line(&format!("      {}", ctx.journal_path().display()));
        for note in &notes {
            ui.result(&format!("{} {note}", ui.paint(Style::Warn, "note")));
        }
    }
    let migration_json = |w: &Written, file: &File| {
        json!({
            "idx": w.entry.idx,
            "tag": w.entry.tag,
            "when": w.entry.when,
            "file": w.sql_path.display().to_string(),
            "custom": args.custom,
            "no_transaction": file.no_transaction,
            "statements": file.statements.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
        })
    };
    let first = written.first().expect("at least one file");
    ui.document(&json!({
        "status": "written",
        "online": online,
        "migration": migration_json(first, &files[0]),
        "migrations": written.iter().zip(&files).map(|(w, f)| migration_json(w, f)).collect::<Vec<_>>(),
        "down": first.down_path.as_ref().map(|p| p.display().to_string()),
        "down_statements": down_statements.iter().map(|s| s.sql.as_str()).collect::<Vec<_>>(),
        "snapshot": first.snap_path.display().to_string(),
        "hazards": hazards_json(&hazards),
        "notes": notes,
    }));
    Ok(Outcome::Clean)
}

/// Every file online mode writes must pass `shale lint` with no finding at
/// all; one that does not is a bug in shale, never written.
fn lint_online(ctx: &Context<'_>, texts: &[(String, String)]) -> Result<()> {
    for (name, text) in texts {
        let findings = shale_lint::lint(
            std::path::Path::new(&format!("{name}.sql")),
            text,
            ctx.snapshot_dialect(),
            &shale_lint::LintConfig::default(),
        );
        if let Some(f) = findings.first() {
            bail!(
                "online mode wrote {name}.sql with lint finding {} (line {}: {}); this is a bug in shale, please report it; \
                 `shale generate --no-online` writes the plain form. Nothing was written",
                f.rule.name(),
                f.line,
                f.message
            );
        }
    }
    Ok(())
}

/// A migration file's text and its down file's (if any), given its tag.
pub type RenderFn<'r> = Box<dyn FnOnce(&str) -> (String, Option<String>) + 'r>;

/// One migration of a run, rendered, before anything is written.
struct Pending {
    entry: shale_migrations::journal::JournalEntry,
    sql_path: std::path::PathBuf,
    text: String,
    down_path: std::path::PathBuf,
    down_text: Option<String>,
    snap_path: std::path::PathBuf,
    snap: String,
}

/// What [`write_next_migration`] wrote.
pub struct Written {
    /// The new journal entry.
    pub entry: shale_migrations::journal::JournalEntry,
    /// The migration file.
    pub sql_path: std::path::PathBuf,
    /// The down file, when one was written.
    pub down_path: Option<std::path::PathBuf>,
    /// The snapshot file.
    pub snap_path: std::path::PathBuf,
}

/// Appends the next migration to the project: its file and optional down
/// file (texts from `render`, given the new tag), its snapshot of the next
/// schema (`body`, encoded) chained to `prev_id`, the journal entry, and the
/// integrity record. The one place these files are written together.
pub fn write_next_migration(
    ctx: &Context<'_>,
    folder: Option<shale_migrations::folder::MigrationFolder>,
    journal: &mut shale_migrations::journal::Journal,
    prev_id: &str,
    name: &str,
    render: impl FnOnce(&str) -> (String, Option<String>),
    body: &EncodedBody,
) -> Result<Written> {
    let items: Vec<(String, RenderFn<'_>)> = vec![(name.to_string(), Box::new(render))];
    let mut written = write_next_migrations(ctx, folder, journal, prev_id, items, body)?;
    Ok(written.remove(0))
}

/// [`write_next_migration`] for several migrations of one run (online mode):
/// each gets its journal entry and its snapshot, chained; every snapshot
/// holds `body`, the schema once the last of them has run (the files of one
/// run are one change; `shale rebase` rebuilds exact intermediate snapshots
/// by replaying).
pub fn write_next_migrations<'r>(
    ctx: &Context<'_>,
    folder: Option<shale_migrations::folder::MigrationFolder>,
    journal: &mut shale_migrations::journal::Journal,
    prev_id: &str,
    items: Vec<(String, RenderFn<'r>)>,
    body: &EncodedBody,
) -> Result<Vec<Written>> {
    let prefix = match ctx.config.prefix {
        Prefix::Index => PrefixMode::Index,
        Prefix::Timestamp => PrefixMode::Timestamp,
        Prefix::Unix => PrefixMode::Unix,
    };
    let mut pending = Vec::new();
    let mut prev_id = prev_id.to_string();
    for (name, render) in items {
        let entry = journal
            .push_next(&name, prefix, shale_migrations::journal::now_millis())
            .clone();
        let sql_path = ctx.config.migrations.join(format!("{}.sql", entry.tag));
        if sql_path.exists() {
            bail!(
                "{} already exists but has no journal entry: move it away or add it to the journal",
                sql_path.display()
            );
        }
        let down_path = ctx.config.migrations.join(down::file_name(&entry.tag));
        if down_path.exists() {
            bail!(
                "{} already exists but its migration has no journal entry: move it away",
                down_path.display()
            );
        }
        let (text, down_text) = render(&entry.tag);
        let salt = format!("{}@{}", entry.tag, entry.when);
        let id = body.id(&prev_id, &salt);
        let snap = body.file(ctx.snapshot_dialect(), &id, &prev_id);
        prev_id = id;
        let snap_path = ctx.config.snapshots.join(snapshot::file_name(entry.idx));
        pending.push(Pending {
            entry,
            sql_path,
            text,
            down_path,
            down_text,
            snap_path,
            snap,
        });
    }
    // The journal is the index of the folder: written after the files it
    // names, so an interrupted run leaves at worst orphan files that
    // `shale check` names.
    for p in &pending {
        write_atomic(&p.sql_path, &p.text)?;
        if let Some(d) = &p.down_text {
            write_atomic(&p.down_path, d)?;
        }
        write_atomic(&p.snap_path, &p.snap)?;
    }
    write_atomic(&ctx.journal_path(), journal.to_json())?;
    let mut files: Vec<(String, Vec<u8>)> = folder.map(|f| f.recorded_files()).unwrap_or_default();
    let mut written = Vec::new();
    for p in pending {
        files.push((format!("{}.sql", p.entry.tag), p.text.into_bytes()));
        let down_path = p.down_text.map(|d| {
            files.push((down::file_name(&p.entry.tag), d.into_bytes()));
            p.down_path
        });
        written.push(Written {
            entry: p.entry,
            sql_path: p.sql_path,
            down_path,
            snap_path: p.snap_path,
        });
    }
    ctx.write_sum(&files)?;
    Ok(written)
}

/// The text of an empty custom migration. It is all comments, so `shale
/// check` reads it as a migration with no statements: it never spells the
/// breakpoint marker itself, since splitting on it would turn the rest of the
/// comment into SQL.
fn custom_template(tag: &str) -> String {
    format!(
        "-- Custom migration {tag}: write your SQL below. Separate statements with a\n\
         -- line holding drizzle's breakpoint marker (`-->` then ` statement-breakpoint`).\n\
         -- Add `{}` as the first line to run it outside a transaction.\n\
         -- Write its reverse in {}, then run `shale hash`.\n",
        sqlfile::NO_TRANSACTION,
        down::file_name(tag)
    )
}

/// The user accepted the data loss (`--allow-data-loss` or the prompt):
/// record it in the file, on exactly the statements the lint rules about
/// dropping data would flag, so `shale check` and `shale lint` see an
/// acknowledged drop and a reviewer sees who accepted what.
fn acknowledge_data_loss(ctx: &Context<'_>, sqls: &mut [String], no_transaction: bool) {
    use shale_lint::Rule;
    let acknowledged = [Rule::DroppingColumn, Rule::DroppingTable];
    let text = sqlfile::render_file(sqls, &[], no_transaction);
    let findings = shale_lint::lint(
        std::path::Path::new("generated.sql"),
        &text,
        ctx.snapshot_dialect(),
        &ctx.config.lint,
    );
    let mut rules_by_statement: Vec<Vec<&str>> = vec![Vec::new(); sqls.len()];
    for f in &findings {
        // One statement per breakpoint chunk in generated files.
        if acknowledged.contains(&f.rule) {
            if let Some(list) = f
                .statement_index
                .checked_sub(1)
                .and_then(|i| rules_by_statement.get_mut(i))
            {
                if !list.contains(&f.rule.name()) {
                    list.push(f.rule.name());
                }
            }
        }
    }
    for (sql, rules) in sqls.iter_mut().zip(rules_by_statement) {
        if !rules.is_empty() {
            *sql = format!(
                "-- shale:allow {} (data loss accepted at generation)\n{sql}",
                rules.join(", ")
            );
        }
    }
}

/// Plans the migration; on ambiguous renames asks at a terminal, else fails
/// with the attribute or flag that settles each one.
fn plan_with_prompts(
    ui: &crate::output::Ui,
    schemas: MigrationPair<&Schema>,
    hints: &mut RenameHints,
) -> Result<Plan> {
    loop {
        match shale_differ::diff(schemas, hints) {
            Ok(plan) => return Ok(plan),
            Err(Ambiguities(list)) => {
                if !std::io::stdin().is_terminal() || ui.json() {
                    bail!("{}", ambiguity_message(&list));
                }
                for a in &list {
                    ask_rename(a, hints)?;
                }
            }
        }
    }
}

fn kind_word(kind: ObjectKind) -> (&'static str, &'static str) {
    match kind {
        ObjectKind::Table => ("table", "table"),
        ObjectKind::Column => ("column", "column"),
        ObjectKind::Enum => ("enum", "pg_enum"),
        ObjectKind::EnumValue => ("value", "pg_enum"),
        ObjectKind::Sequence => ("sequence", "sequence"),
    }
}

fn qualified(parent: Option<&QualifiedName>, name: &str) -> String {
    match parent {
        Some(p) => format!("{p}.{name}"),
        None => name.to_string(),
    }
}

/// The message for unsettled renames: each candidate with the exact
/// attribute and flag that settle it.
pub fn ambiguity_message(list: &[Ambiguity]) -> String {
    let mut msg = String::from("the schema change is ambiguous and shale never guesses a rename:");
    for a in list {
        let (flag_kind, attr) = kind_word(a.kind);
        let parent = a.parent.as_ref();
        let what = match a.kind {
            ObjectKind::EnumValue => "enum value",
            _ => flag_kind,
        };
        msg.push_str(&format!(
            "\n  {what} {} disappeared while {} appeared: renamed or dropped?",
            qualified(parent, &a.previous),
            a.candidates
                .iter()
                .map(|c| qualified(parent, c))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for c in &a.candidates {
            let attr_text = match a.kind {
                ObjectKind::EnumValue => format!(
                    "#[pg_enum(renamed_from = \"{}\")] on the variant",
                    a.previous
                ),
                ObjectKind::Column => {
                    format!("#[column(renamed_from = \"{}\")] on the field", a.previous)
                }
                _ => format!("#[{attr}(renamed_from = \"{}\")]", a.previous),
            };
            msg.push_str(&format!(
                "\n    renamed to {c}: add {attr_text}, or pass --rename {flag_kind}:{}={c}",
                qualified(parent, &a.previous)
            ));
        }
        msg.push_str(&format!(
            "\n    dropped: pass --no-rename {flag_kind}:{}",
            qualified(parent, &a.previous)
        ));
    }
    msg
}

fn ask_rename(a: &Ambiguity, hints: &mut RenameHints) -> Result<()> {
    let parent = a.parent.as_ref();
    let mut items: Vec<String> = a
        .candidates
        .iter()
        .map(|c| format!("renamed to {}", qualified(parent, c)))
        .collect();
    items.push("dropped (and the new ones created)".to_string());
    let (flag_kind, _) = kind_word(a.kind);
    let choice = dialoguer::Select::new()
        .with_prompt(format!(
            "{flag_kind} {} is gone: was it renamed?",
            qualified(parent, &a.previous)
        ))
        .items(&items)
        .default(0)
        .interact()?;
    let spec = qualified(parent, &a.previous);
    if choice < a.candidates.len() {
        parse_rename_flag(
            &format!("{flag_kind}:{spec}={}", a.candidates[choice]),
            hints,
        )
    } else {
        parse_no_rename_flag(&format!("{flag_kind}:{spec}"), hints)
    }
}

fn confirm_data_loss(ui: &crate::output::Ui, hazards: &[&shale_sql::Hazard]) -> Result<bool> {
    if !std::io::stdin().is_terminal() || ui.json() {
        return Ok(false);
    }
    print_hazards(ui, hazards);
    Ok(dialoguer::Confirm::new()
        .with_prompt("this migration deletes data; write it anyway?")
        .default(false)
        .interact()?)
}

fn print_hazards(ui: &crate::output::Ui, hazards: &[&shale_sql::Hazard]) {
    for h in hazards {
        let style = if h.kind == HazardKind::DeletesData {
            Style::Bad
        } else {
            Style::Warn
        };
        ui.result(&format!(
            "{} {} {}",
            ui.paint(style, "hazard"),
            ui.paint(Style::Bold, h.kind.as_str()),
            h.message
        ));
    }
}

fn hazards_json(hazards: &[&shale_sql::Hazard]) -> serde_json::Value {
    hazards
        .iter()
        .map(|h| json!({ "kind": h.kind.as_str(), "message": h.message }))
        .collect()
}

/// Keeps a migration name to `[a-z0-9_]`.
fn sanitize_name(name: &str) -> Result<String> {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_string();
    if out.is_empty() {
        bail!("--name {name:?} has no letters or digits");
    }
    Ok(out)
}

/// Splits `[schema.]name` at the last dot.
fn parse_qualified(s: &str) -> QualifiedName {
    match s.rsplit_once('.') {
        Some((ns, name)) => QualifiedName::new(ns, name),
        None => QualifiedName::public(s),
    }
}

/// `column:[schema.]table.col` → (table, col).
fn parse_member(kind: &str, s: &str) -> Result<(QualifiedName, String)> {
    match s.rsplit_once('.') {
        Some((parent, member)) if !parent.is_empty() && !member.is_empty() => {
            Ok((parse_qualified(parent), member.to_string()))
        }
        _ => bail!("`{kind}:{s}` needs the parent too: `{kind}:TABLE_OR_ENUM.NAME`"),
    }
}

/// Adds a `--rename KIND:OLD=NEW` to the hints.
pub fn parse_rename_flag(flag: &str, hints: &mut RenameHints) -> Result<()> {
    let usage = "expected KIND:OLD=NEW with KIND one of table, column, enum, value, sequence";
    let Some((kind, rest)) = flag.split_once(':') else {
        bail!("--rename {flag}: {usage}")
    };
    let Some((old, new)) = rest.split_once('=') else {
        bail!("--rename {flag}: {usage}")
    };
    let (old, new) = (old.trim(), new.trim());
    if old.is_empty() || new.is_empty() {
        bail!("--rename {flag}: {usage}");
    }
    match kind {
        "table" => {
            let old = parse_qualified(old);
            let new = if new.contains('.') {
                parse_qualified(new)
            } else {
                QualifiedName::new(old.namespace.clone(), new)
            };
            hints.tables.push((old, new));
        }
        "enum" => {
            let old = parse_qualified(old);
            let new = if new.contains('.') {
                parse_qualified(new)
            } else {
                QualifiedName::new(old.namespace.clone(), new)
            };
            hints.enums.push((old, new));
        }
        "sequence" => {
            let old = parse_qualified(old);
            let new = if new.contains('.') {
                parse_qualified(new)
            } else {
                QualifiedName::new(old.namespace.clone(), new)
            };
            hints.sequences.push((old, new));
        }
        "column" => {
            let (table, col) = parse_member(kind, old)?;
            hints.columns.push((table, col, new.to_string()));
        }
        "value" => {
            let (e, value) = parse_member(kind, old)?;
            hints.enum_values.push((e, value, new.to_string()));
        }
        _ => bail!("--rename {flag}: unknown kind `{kind}`; {usage}"),
    }
    Ok(())
}

/// Adds a `--no-rename KIND:NAME` (a confirmed drop) to the hints.
pub fn parse_no_rename_flag(flag: &str, hints: &mut RenameHints) -> Result<()> {
    let usage = "expected KIND:NAME with KIND one of table, column, enum, value, sequence";
    let Some((kind, name)) = flag.split_once(':') else {
        bail!("--no-rename {flag}: {usage}")
    };
    let name = name.trim();
    if name.is_empty() {
        bail!("--no-rename {flag}: {usage}");
    }
    match kind {
        "table" => hints.dropped_tables.push(parse_qualified(name)),
        "enum" => hints.dropped_enums.push(parse_qualified(name)),
        "sequence" => hints.dropped_sequences.push(parse_qualified(name)),
        "column" => hints.dropped_columns.push(parse_member(kind, name)?),
        "value" => hints.dropped_enum_values.push(parse_member(kind, name)?),
        _ => bail!("--no-rename {flag}: unknown kind `{kind}`; {usage}"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_flags_parse_into_hints() {
        let mut h = RenameHints::default();
        parse_rename_flag("table:users=people", &mut h).unwrap();
        parse_rename_flag("table:auth.users=members", &mut h).unwrap();
        parse_rename_flag("column:auth.users.bio=about", &mut h).unwrap();
        parse_rename_flag("value:role.guest=visitor", &mut h).unwrap();
        parse_no_rename_flag("column:users.nickname", &mut h).unwrap();
        parse_rename_flag("sequence:billing.numbers=invoice_numbers", &mut h).unwrap();
        parse_no_rename_flag("sequence:old_seq", &mut h).unwrap();
        assert_eq!(
            h.sequences,
            [(
                QualifiedName::new("billing", "numbers"),
                QualifiedName::new("billing", "invoice_numbers")
            )]
        );
        assert_eq!(h.dropped_sequences, [QualifiedName::public("old_seq")]);
        assert_eq!(
            h.tables[0],
            (
                QualifiedName::public("users"),
                QualifiedName::public("people")
            )
        );
        assert_eq!(
            h.tables[1],
            (
                QualifiedName::new("auth", "users"),
                QualifiedName::new("auth", "members")
            )
        );
        assert_eq!(
            h.columns[0],
            (
                QualifiedName::new("auth", "users"),
                "bio".into(),
                "about".into()
            )
        );
        assert_eq!(
            h.enum_values[0],
            (
                QualifiedName::public("role"),
                "guest".into(),
                "visitor".into()
            )
        );
        assert_eq!(
            h.dropped_columns[0],
            (QualifiedName::public("users"), "nickname".into())
        );
        assert!(parse_rename_flag("column:bio=about", &mut h).is_err());
        assert!(parse_rename_flag("index:a=b", &mut h).is_err());
        assert!(parse_no_rename_flag("table:", &mut h).is_err());
    }

    #[test]
    fn the_custom_template_is_comments_only() {
        let text = custom_template("0003_custom");
        assert!(sqlfile::split(&text).is_empty(), "{text}");
        assert!(!text.contains(sqlfile::BREAKPOINT), "{text}");
        assert!(text.contains("0003_custom.down.sql"), "{text}");
    }

    #[test]
    fn names_are_sanitised() {
        assert_eq!(sanitize_name("Add Billing!").unwrap(), "add_billing");
        assert!(sanitize_name("--").is_err());
    }
}
