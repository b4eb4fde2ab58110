//! `shale rebase`: repair the branch conflict of migrations. After `git merge
//! main` into a branch that also added migrations, both sides own migration
//! NNNN and `_journal.json`, `shale.sum` and `NNNN_snapshot.json` conflict.
//! This keeps the other side's (`--onto`, default `MERGE_HEAD` during a merge,
//! else `main`) journal entries and snapshots as they are, renumbers this
//! branch's migrations (those in `HEAD`'s journal only) after them, rebuilds
//! their snapshots with `prevId` chaining from the other side's last one, and
//! rewrites the journal and `shale.sum`. The SQL files keep their bytes; only
//! their names change.
//!
//! Snapshot contents are computed, not guessed: the other side's migrations
//! and then each of this branch's are replayed into a shadow database, which
//! is introspected after each one. Git state is only read (`git show`,
//! `git rev-parse`), never changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{anyhow, bail, Context as _, Result};
use serde_json::json;
use shale_differ::MigrationPair;
use shale_migrations::down;
use shale_migrations::folder::MigrationFolder;
use shale_migrations::journal::{Journal, JournalEntry, PrefixMode};
use shale_migrations::snapshot::{self, Snapshot};
use shale_model::{RenameHints, Schema};
use shale_runner::MigrateOptions;

use super::check::{open_shadow, replay_failure};
use super::project::write_atomic;
use super::verify::plan_assuming_drops;
use super::Context;
use crate::config::Prefix;
use crate::output::Style;
use crate::{drift, sources, Outcome};

/// `shale rebase` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The revision whose migrations stay as they are (default: `MERGE_HEAD`
    /// while a merge is in progress, else `main`).
    #[arg(long, value_name = "REV")]
    pub onto: Option<String>,
    /// Compute the snapshots in a temporary database created on this existing
    /// server instead of a throwaway server from the local binaries.
    #[arg(long, value_name = "URL")]
    pub shadow_db: Option<String>,
}

/// Runs `git` in the working directory; its stdout, or an error with stderr.
fn git(args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| anyhow!("cannot run git: {e}; `shale rebase` works on a git repository"))?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

fn git_line(args: &[&str]) -> Result<String> {
    Ok(String::from_utf8_lossy(&git(args)?).trim().to_string())
}

/// `git show REV:path`, `None` when the path does not exist at REV.
fn git_show(rev: &str, path: &str) -> Result<Option<Vec<u8>>> {
    let out = Command::new("git")
        .args(["show", &format!("{rev}:{path}")])
        .output()
        .map_err(|e| anyhow!("cannot run git: {e}"))?;
    if out.status.success() {
        return Ok(Some(out.stdout));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("does not exist") || err.contains("exists on disk, but not in") {
        return Ok(None);
    }
    bail!("git show {rev}:{path} failed: {}", err.trim())
}

/// A project directory as a path inside the repository (for `git show`),
/// with `/` separators.
fn repo_path(top: &Path, prefix: &str, dir: &Path) -> String {
    let relative = match std::fs::canonicalize(dir) {
        Ok(abs) => abs
            .strip_prefix(top)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| Path::new(prefix).join(dir)),
        Err(_) => Path::new(prefix).join(dir),
    };
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// The journal at a revision (an empty one when the revision has none).
fn journal_at(rev: &str, path: &str, dialect: &str) -> Result<Journal> {
    match git_show(rev, path)? {
        Some(bytes) => {
            let text =
                String::from_utf8(bytes).map_err(|_| anyhow!("{rev}:{path} is not UTF-8"))?;
            Journal::parse(&text).map_err(|e| anyhow!("{rev}:{path}: {e}"))
        }
        None => Ok(Journal::new(dialect)),
    }
}

/// A migration of the rebased folder: its entry and file bytes.
struct Planned {
    entry: JournalEntry,
    bytes: Vec<u8>,
    /// Its down file's bytes, when it has one (its header retagged).
    down: Option<Vec<u8>>,
    /// This branch's tag before renumbering (`None` for the other side's).
    old_tag: Option<String>,
}

/// Runs `shale rebase`.
pub fn run(ctx: &Context<'_>, args: &Args) -> Result<Outcome> {
    let ui = ctx.ui;
    // The schema must be resolved (no conflict markers) before anything is
    // rebuilt from it.
    let parsed = ctx.parse_schema()?;
    let top = PathBuf::from(git_line(&["rev-parse", "--show-toplevel"]).map_err(|e| {
        anyhow!("`shale rebase` works on the git repository holding the project: {e:#}")
    })?);
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let prefix = git_line(&["rev-parse", "--show-prefix"])?;
    let onto = match &args.onto {
        Some(rev) => rev.clone(),
        None if git(&["rev-parse", "-q", "--verify", "MERGE_HEAD"]).is_ok() => {
            "MERGE_HEAD".to_string()
        }
        None => "main".to_string(),
    };
    git(&["rev-parse", "-q", "--verify", &format!("{onto}^{{commit}}")]).map_err(|_| {
        anyhow!(
            "`{onto}` is no commit here: pass --onto REV (the branch whose migrations come first)"
        )
    })?;
    let migrations_dir = repo_path(&top, &prefix, &ctx.config.migrations);
    let snapshots_dir = repo_path(&top, &prefix, &ctx.config.snapshots);
    let journal_rel = join(&migrations_dir, "meta/_journal.json");
    let dialect = ctx.config.dialect.as_str();

    let theirs = journal_at(&onto, &journal_rel, dialect)?;
    let ours = journal_at("HEAD", &journal_rel, dialect)?;
    // A migration is shared when both sides have it with the same tag and
    // `when`: two branches that each ran `shale generate` without --name both
    // write `NNNN_migration`, so the tag alone would not tell them apart.
    let branch: Vec<&JournalEntry> = ours
        .entries
        .iter()
        .filter(|e| {
            !theirs
                .entries
                .iter()
                .any(|t| t.tag == e.tag && t.when == e.when)
        })
        .collect();

    // The other side's migrations, files and snapshots exactly as they are there.
    let mut planned: Vec<Planned> = Vec::new();
    for e in &theirs.entries {
        let path = join(&migrations_dir, &format!("{}.sql", e.tag));
        let bytes = git_show(&onto, &path)?
            .ok_or_else(|| anyhow!("{onto} has journal entry {} but no file {path}", e.tag))?;
        let down = git_show(&onto, &join(&migrations_dir, &down::file_name(&e.tag)))?;
        planned.push(Planned {
            entry: e.clone(),
            bytes,
            down,
            old_tag: None,
        });
    }
    let mut their_snapshots: Vec<(u32, String)> = Vec::new();
    for e in &theirs.entries {
        let path = join(&snapshots_dir, &snapshot::file_name(e.idx));
        let bytes = git_show(&onto, &path)?.ok_or_else(|| {
            anyhow!("{onto} has no {path} for its migration {}: fix that branch first (`shale check` there)", e.tag)
        })?;
        their_snapshots.push((
            e.idx,
            String::from_utf8(bytes).map_err(|_| anyhow!("{onto}:{path} is not UTF-8"))?,
        ));
    }
    let (mut prev_id, their_latest) = match their_snapshots.last() {
        Some((idx, text)) => {
            let snap = Snapshot::from_json(text)
                .map_err(|e| anyhow!("{onto}:{}: {e}", snapshot::file_name(*idx)))?;
            (snap.id, snap.schema)
        }
        None => (snapshot::ROOT_ID.to_string(), Schema::default()),
    };

    // This branch's migrations, renumbered after them.
    let mode = match ctx.config.prefix {
        Prefix::Index => PrefixMode::Index,
        Prefix::Timestamp => PrefixMode::Timestamp,
        Prefix::Unix => PrefixMode::Unix,
    };
    let mut last_when = theirs.entries.last().map_or(i64::MIN, |e| e.when);
    for (e, idx) in branch.iter().zip(theirs.entries.len() as u32..) {
        // Committed bytes: during a merge the working-tree file may hold
        // conflict markers (both sides wrote `NNNN_migration.sql`). A migration
        // not committed yet is read from the working tree.
        let rel = join(&migrations_dir, &format!("{}.sql", e.tag));
        let bytes = match git_show("HEAD", &rel)? {
            Some(b) => b,
            None => {
                let p = ctx.config.migrations.join(format!("{}.sql", e.tag));
                std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?
            }
        };
        let down_rel = join(&migrations_dir, &down::file_name(&e.tag));
        let down_bytes = match git_show("HEAD", &down_rel)? {
            Some(b) => Some(b),
            None => std::fs::read(ctx.config.migrations.join(down::file_name(&e.tag))).ok(),
        };
        let when = e.when.max(last_when.saturating_add(1));
        let name = e.tag.split_once('_').map_or(e.tag.as_str(), |(_, n)| n);
        let entry = JournalEntry {
            idx,
            version: e.version.clone(),
            when,
            tag: format!("{}_{}", mode.prefix(idx, when), name),
            breakpoints: e.breakpoints,
            extra: e.extra.clone(),
        };
        last_when = when;
        // The down file moves with its migration; its header names the new tag.
        let down = down_bytes.map(|b| match String::from_utf8(b) {
            Ok(text) => down::retag(&text, &entry.tag).into_bytes(),
            Err(e) => e.into_bytes(),
        });
        planned.push(Planned {
            entry,
            bytes,
            down,
            old_tag: Some(e.tag.clone()),
        });
    }
    let journal = Journal {
        version: theirs.version.clone(),
        dialect: theirs.dialect.clone(),
        entries: planned.iter().map(|p| p.entry.clone()).collect(),
    };
    let first_branch = theirs.entries.len();

    // The branch migrations' snapshots.
    let schemas = branch_schemas(
        ctx,
        args,
        &journal,
        &planned,
        first_branch,
        &parsed.schema,
        &their_latest,
    )?;
    let Some(schemas) = schemas else {
        return Ok(Outcome::Findings);
    };

    // Write: SQL files (renamed), snapshots, journal last but one, sum last.
    let mut renamed = Vec::new();
    for p in &planned {
        let path = ctx.config.migrations.join(format!("{}.sql", p.entry.tag));
        let current = std::fs::read(&path).ok();
        if current.as_deref() != Some(p.bytes.as_slice()) {
            write_atomic(&path, &p.bytes)?;
        }
        if let Some(d) = &p.down {
            let path = ctx.config.migrations.join(down::file_name(&p.entry.tag));
            if std::fs::read(&path).ok().as_deref() != Some(d.as_slice()) {
                write_atomic(&path, d)?;
            }
        }
        if let Some(old) = &p.old_tag {
            if old != &p.entry.tag {
                let old_path = ctx.config.migrations.join(format!("{old}.sql"));
                // The other side may own the old name now (same tag): keep theirs.
                if !planned.iter().any(|q| &q.entry.tag == old) {
                    let _ = std::fs::remove_file(&old_path);
                    let _ = std::fs::remove_file(ctx.config.migrations.join(down::file_name(old)));
                }
            }
            // A timestamp prefix may keep its name; its position still moves.
            renamed.push((old.clone(), p.entry.tag.clone(), p.entry.idx));
        }
    }
    for (idx, text) in &their_snapshots {
        write_atomic(&ctx.config.snapshots.join(snapshot::file_name(*idx)), text)?;
    }
    let mut written_snapshots = Vec::new();
    for (p, schema) in planned[first_branch..].iter().zip(schemas) {
        let salt = format!("{}@{}", p.entry.tag, p.entry.when);
        let snap = Snapshot::new(ctx.snapshot_dialect(), &prev_id, &salt, schema);
        let path = ctx.config.snapshots.join(snapshot::file_name(p.entry.idx));
        write_atomic(&path, snap.to_json())?;
        prev_id = snap.id.clone();
        written_snapshots.push(path);
    }
    remove_extra_snapshots(&ctx.config.snapshots, planned.len() as u32)?;
    write_atomic(&ctx.journal_path(), journal.to_json())?;
    let files: Vec<(String, Vec<u8>)> = planned
        .iter()
        .flat_map(|p| {
            std::iter::once((format!("{}.sql", p.entry.tag), p.bytes.clone())).chain(
                p.down
                    .iter()
                    .map(|d| (down::file_name(&p.entry.tag), d.clone())),
            )
        })
        .collect();
    ctx.write_sum(&files)?;

    if !ui.json() {
        if branch.is_empty() {
            ui.result(&format!(
                "this branch adds no migrations over {onto}: took its journal, snapshots and {}",
                shale_migrations::sum::FILE_NAME
            ));
        }
        for (old, new, idx) in &renamed {
            if old == new {
                ui.result(&format!(
                    "{} {new} (name unchanged) to position {idx}",
                    ui.paint(Style::Good, "moved")
                ));
            } else {
                ui.result(&format!(
                    "{} {old} -> {new}",
                    ui.paint(Style::Good, "renumbered")
                ));
            }
        }
        let kept = planned.len() - first_branch;
        ui.result(&format!(
            "{}: {} migration(s) of {onto} kept, {kept} of this branch after them; journal, snapshots and {} rewritten",
            ui.paint(Style::Good, "rebased"),
            first_branch,
            shale_migrations::sum::FILE_NAME
        ));
        ui.line(
            "next: `shale check`, then `git add` the migrations and snapshots folders and commit",
        );
    }
    ui.document(&json!({
        "onto": onto,
        "kept": theirs.entries.iter().map(|e| e.tag.as_str()).collect::<Vec<_>>(),
        "renumbered": renamed.iter().map(|(o, n, i)| json!({ "from": o, "to": n, "idx": i })).collect::<Vec<_>>(),
        "snapshots": written_snapshots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
    }));
    Ok(Outcome::Clean)
}

/// Snapshot files past the rebuilt chain (left by a side with more
/// migrations before, or by a previous run) would break the chain.
fn remove_extra_snapshots(dir: &Path, count: u32) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(prefix) = name
            .to_str()
            .and_then(|n| n.strip_suffix(snapshot::FILE_SUFFIX))
        else {
            continue;
        };
        if prefix.parse::<u32>().is_ok_and(|i| i >= count) {
            std::fs::remove_file(e.path())
                .with_context(|| format!("cannot remove {}", e.path().display()))?;
        }
    }
    Ok(())
}

/// The schema after each of this branch's migrations (`planned[first..]`).
/// With a shadow database: replayed and introspected, the last one being the
/// parsed schema when the replay produces it. Without one: the other side's
/// latest schema for all but the last, with a warning. `None` when a
/// migration does not apply (reported as findings).
fn branch_schemas(
    ctx: &Context<'_>,
    args: &Args,
    journal: &Journal,
    planned: &[Planned],
    first: usize,
    schema: &Schema,
    their_latest: &Schema,
) -> Result<Option<Vec<Schema>>> {
    let ui = ctx.ui;
    let count = planned.len() - first;
    if count == 0 {
        return Ok(Some(Vec::new()));
    }
    let shadow = match open_shadow(args.shadow_db.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            ui.warn(&format!(
                "{e:#}\nwithout a shadow database the snapshots of this branch's migrations are approximated: \
                 the last one is the schema in {}, the ones before it the latest schema of the other side; \
                 run `shale rebase` again where PostgreSQL is available (or with --shadow-db URL) for exact ones",
                ctx.config.schema.display()
            ));
            let mut out = vec![their_latest.clone(); count - 1];
            out.push(schema.clone());
            return Ok(Some(out));
        }
    };
    // The rebased folder, laid out in a temporary directory for the runner.
    let tmp = tempfile::Builder::new()
        .prefix("shale-rebase-")
        .tempdir()
        .context("cannot create a temporary directory")?;
    let result = replay(ctx, &shadow, tmp.path(), journal, planned, first, schema);
    drop(tmp);
    let schemas = result?;
    shadow.close().map_err(|e| anyhow!("{e}"))?;
    Ok(schemas)
}

fn replay(
    ctx: &Context<'_>,
    shadow: &shale_shadow::ShadowDatabase,
    tmp: &Path,
    journal: &Journal,
    planned: &[Planned],
    first: usize,
    schema: &Schema,
) -> Result<Option<Vec<Schema>>> {
    let ui = ctx.ui;
    std::fs::create_dir_all(tmp.join("meta"))
        .with_context(|| format!("cannot create {}", tmp.display()))?;
    std::fs::write(tmp.join("meta/_journal.json"), journal.to_json())?;
    for p in planned {
        std::fs::write(tmp.join(format!("{}.sql", p.entry.tag)), &p.bytes)?;
    }
    let folder = MigrationFolder::load(tmp)
        .map_err(|e| anyhow!("the rebased migrations folder is inconsistent: {e}"))?;
    let mut client = shadow.connect().map_err(|e| anyhow!("{e}"))?;
    let mut apply = |tag: &str| -> Result<bool> {
        let options = MigrateOptions {
            to_tag: Some(tag.to_string()),
            table: ctx.tracking_table(),
            ..Default::default()
        };
        match shale_runner::migrate(&mut client, &folder, &options) {
            Ok(_) => Ok(true),
            Err(e) => match replay_failure(&e) {
                Some(mut f) => {
                    // Name the file as it is in the working tree (before renumbering).
                    let failed = planned.iter().find(|p| p.entry.tag == tag);
                    let name = failed
                        .map(|p| p.old_tag.as_deref().unwrap_or(&p.entry.tag))
                        .unwrap_or(tag);
                    f.file = Some(ctx.config.migrations.join(format!("{name}.sql")));
                    let location = f
                        .file
                        .as_ref()
                        .map(|p| format!("{}: ", p.display()))
                        .unwrap_or_default();
                    ui.result(&format!(
                        "{}: {location}{}",
                        ui.paint(Style::Bad, "error"),
                        f.message
                    ));
                    ui.result("nothing was written: the two branches' migrations conflict; fix this branch's migration by hand");
                    ui.document(&json!({ "error": f.message, "file": f.file.map(|p| p.display().to_string()) }));
                    Ok(false)
                }
                None => bail!(
                    "the shadow replay could not run on {}: {e}",
                    shadow.describe()
                ),
            },
        }
    };
    if first > 0 && !apply(&planned[first - 1].entry.tag)? {
        return Ok(None);
    }
    let mut out = Vec::new();
    for p in &planned[first..] {
        if !apply(&p.entry.tag)? {
            return Ok(None);
        }
        let mut c = shadow.connect().map_err(|e| anyhow!("{e}"))?;
        out.push(sources::introspect(ctx, &mut c)?);
    }
    let replayed = out.last().expect("at least one branch migration").clone();
    let pair = MigrationPair::new(&replayed, schema);
    let (plan, _) = plan_assuming_drops(pair, &RenameHints::default());
    if plan.is_empty() {
        // The parsed schema is what `shale generate` would have written:
        // the same bytes, and the same base for the next generate.
        *out.last_mut().expect("at least one") = schema.clone();
    } else {
        // The last snapshot stays what the migrations really produce, so the
        // next `shale generate` writes exactly the missing difference.
        let drift = drift::describe(&plan, pair);
        let mut text = format!(
            "the merged migrations do not produce the schema in {} ({} difference(s); \"database\" is what they produce):",
            ctx.config.schema.display(),
            drift.len()
        );
        for d in &drift {
            text.push_str(&format!("\n    {} {}", d.kind, d.object));
        }
        text.push_str("\nthe last snapshot records what the migrations produce: run `shale generate` to add the rest");
        ui.warn(&text);
    }
    Ok(Some(out))
}
