//! Fleets: `shale migrate`, `status`, `verify` and `check` with `--targets`, across
//! every database (or tenant schema) a `shale.toml` names. There is no
//! coordinator: each target is migrated by the single-database runner, with
//! its own advisory lock and its own tracking rows, so two rollouts racing
//! over the same fleet are as safe as two `shale migrate` on one database.
//! Targets run on a bounded pool of threads; results are printed by the
//! main thread as each target finishes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Result};
use serde_json::json;
use shale_db::{Client, ConnInfo};
use shale_differ::MigrationPair;
use shale_migrations::folder::MigrationFolder;
use shale_model::{RenameHints, Schema};
use shale_runner::{MigrateOptions, RunError, TrackingTable};

use super::Context;
use crate::config::{QueryRows, Target};
use crate::drift;
use crate::output::Style;
use crate::Outcome;

/// The flags every fleet command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct TargetsArgs {
    /// Run on a fleet instead of one database: a target or group named in
    /// shale.toml, `all` (every target, targets_file and targets_query), or
    /// a comma-separated list of them.
    #[arg(long, value_name = "GROUP|NAME|all")]
    pub targets: Option<String>,
    /// How many targets are worked on at once (with --targets).
    #[arg(long, value_name = "N", default_value_t = 8, requires = "targets")]
    pub parallel: usize,
    /// Seconds to wait for each target's connection (with --targets;
    /// default: the URL's connect_timeout, else 10).
    #[arg(long, value_name = "SECS", requires = "targets")]
    pub connect_timeout: Option<u64>,
}

/// The options of a fleet rollout, beyond [`TargetsArgs`].
pub struct RolloutOptions<'a> {
    /// `--canary K`.
    pub canary: usize,
    /// `--stop-on-first-failure`.
    pub stop_on_first_failure: bool,
    /// `--dry-run`.
    pub dry_run: bool,
    /// `--to TAG`.
    pub to: Option<&'a str>,
    /// `--wait`, `--lock-timeout`, `--statement-timeout` as for one database.
    pub wait: Duration,
    /// `--lock-timeout`, else `[migrate] lock_timeout`, else online mode's.
    pub lock_timeout: Option<&'a str>,
    /// `--statement-timeout`.
    pub statement_timeout: Option<&'a str>,
    /// `--lock-retries`, else `[migrate] lock_retries`.
    pub lock_retries: u32,
    /// `--lock-retry-seconds`, else `[migrate] lock_retry_seconds`.
    pub lock_retry_limit: Duration,
}

impl Context<'_> {
    /// The targets `--targets` selects, with `[targets_query]` run on its
    /// control database when `all` is selected.
    pub fn fleet_targets(&self, args: &TargetsArgs) -> Result<Vec<Target>> {
        let selector = args.targets.as_deref().unwrap_or_default();
        if self.db_flag.is_some() {
            bail!("--db and --targets cannot be combined: --targets takes the databases from shale.toml");
        }
        if self.config.dialect == crate::config::Dialect::Sqlite {
            bail!("--targets is for PostgreSQL fleets; shale.toml says dialect = \"sqlite\"");
        }
        if args.parallel == 0 {
            bail!("--parallel must be at least 1");
        }
        let env = |k: &str| std::env::var(k).ok();
        self.config
            .select_targets(selector, &env, &run_targets_query)
    }
}

/// Why the folder cannot go to the schema-per-tenant targets among
/// `targets`: a migration that names the default schema explicitly. A tenant
/// target runs its migrations with `search_path` set to its schema; a name
/// qualified with `public` would create or change the object in the shared
/// `public` schema instead, once for the first tenant and as a failure (or
/// worse, a success) for the others.
fn public_names_for_tenants(folder: &MigrationFolder, targets: &[Target]) -> Option<String> {
    let tenants: Vec<&str> = targets
        .iter()
        .filter(|t| t.schema.is_some())
        .map(|t| t.name.as_str())
        .collect();
    if tenants.is_empty() {
        return None;
    }
    let places: Vec<String> = folder
        .migrations
        .iter()
        .flat_map(|m| {
            shale_runner::lines_naming_schema(&m.text, shale_model::DEFAULT_NAMESPACE)
                .into_iter()
                .map(|line| format!("{}:{line}", m.path.display()))
        })
        .collect();
    if places.is_empty() {
        return None;
    }
    let names: Vec<&str> = places.iter().map(String::as_str).collect();
    Some(format!(
        "{} of the targets are tenant schemas ({}), whose migrations run with search_path set to the \
         tenant's schema, but the migrations name the schema {} explicitly, which would put those \
         objects in the shared schema instead: {}. Generate a schema-per-tenant folder with \
         `[generate] qualify_public = false` in shale.toml (names then go to each tenant's schema), \
         or write those names unqualified (run `shale hash` after editing a migration no database \
         has applied), or list those targets as whole databases",
        tenants.len(),
        some_names(&tenants, 5),
        shale_model::DEFAULT_NAMESPACE,
        some_names(&names, 10)
    ))
}

/// Runs `[targets_query]`: a `url` column and optionally a `schema` column.
fn run_targets_query(url: &str, query: &str) -> Result<QueryRows> {
    let info = ConnInfo::parse(url).map_err(|e| anyhow!("{e}"))?;
    let mut client = shale_db::connect_info(&info).map_err(|e| anyhow!("{e}"))?;
    let rows = client
        .query(query, &[])
        .map_err(|e| anyhow!("{}", info.scrub(&shale_db::error_line(&e))))?;
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let url: Option<String> = row
            .try_get(0)
            .map_err(|_| anyhow!("row {}: the first column must be the url, as text", i + 1))?;
        let url = url.ok_or_else(|| anyhow!("row {}: the url is NULL", i + 1))?;
        let schema: Option<String> = if row.len() > 1 {
            row.try_get(1).map_err(|_| {
                anyhow!(
                    "row {}: the second column must be the schema, as text (or NULL)",
                    i + 1
                )
            })?
        } else {
            None
        };
        out.push((url, schema));
    }
    Ok(out)
}

/// A connection to one target: its URL's settings, `--connect-timeout`,
/// and `search_path` set to a tenant's schema. Errors never show a password.
fn connect_target(target: &Target, connect_timeout: Option<u64>) -> Result<Client, String> {
    let mut info = ConnInfo::parse(&target.url).map_err(|e| e.to_string())?;
    if let Some(s) = connect_timeout {
        info.connect_timeout = Duration::from_secs(s.max(1));
    }
    info.settings.search_path = target.schema.clone();
    shale_db::connect_info(&info).map_err(|e| info.scrub(&e.to_string()))
}

/// Scrubs a target's password out of a message (defence in depth: the
/// runner's and driver's messages should not contain it).
fn scrub(target: &Target, message: &str) -> String {
    match ConnInfo::parse(&target.url) {
        Ok(info) => info.scrub(message),
        Err(_) => message.to_string(),
    }
}

/// The tracking table of a target: the configured one, in the tenant's
/// schema for a schema-per-tenant target.
fn tracking_table(ctx: &Context<'_>, target: &Target) -> TrackingTable {
    let mut t = ctx.tracking_table();
    if let Some(s) = &target.schema {
        t.schema = s.clone();
    }
    t
}

/// Runs `job` on every index of `indices`, at most `parallel` at once, and
/// hands each result to `done` on the calling thread as it arrives. No new
/// index is started once `halt` or `interrupted` is set; those already
/// started finish.
fn run_pool<T: Send>(
    indices: &[usize],
    parallel: usize,
    halt: &AtomicBool,
    interrupted: &AtomicBool,
    job: &(dyn Fn(usize) -> T + Sync),
    done: &mut dyn FnMut(usize, T),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..parallel.min(indices.len()).max(1) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                if halt.load(Ordering::SeqCst) || interrupted.load(Ordering::SeqCst) {
                    break;
                }
                let k = next.fetch_add(1, Ordering::SeqCst);
                let Some(&i) = indices.get(k) else { break };
                if tx.send((i, job(i))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, r) in rx {
            done(i, r);
        }
    });
}

/// Where one target ended.
#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    /// Everything asked for is applied.
    Done,
    /// A migration failed (or the target's folder state refused the run:
    /// edited migrations); the message says which and why.
    Failed(String),
    /// No connection within the timeout, or refused.
    Unreachable(String),
    /// Stopped by SIGINT/SIGTERM between two migrations.
    Interrupted,
    /// Never started: the canary failed, --stop-on-first-failure, or a signal.
    NotStarted,
}

impl State {
    fn label(&self) -> &'static str {
        match self {
            State::Done => "ok",
            State::Failed(_) => "failed",
            State::Unreachable(_) => "unreachable",
            State::Interrupted => "interrupted",
            State::NotStarted => "not started",
        }
    }

    fn error(&self) -> Option<&str> {
        match self {
            State::Failed(m) | State::Unreachable(m) => Some(m),
            _ => None,
        }
    }

    fn is_failure(&self) -> bool {
        matches!(self, State::Failed(_) | State::Unreachable(_))
    }
}

/// One target's rollout.
struct TargetRun {
    state: State,
    /// Migrations this run applied.
    applied: Vec<String>,
    /// Migrations another runner applied while this one waited.
    by_another: Vec<String>,
    /// With --dry-run: what would be applied.
    planned: Vec<String>,
    /// The latest migration (journal order) applied on the target, when known.
    at: Option<String>,
    /// The migration that failed.
    failed_in: Option<String>,
    duration: Duration,
}

impl TargetRun {
    fn not_started() -> TargetRun {
        TargetRun {
            state: State::NotStarted,
            applied: Vec::new(),
            by_another: Vec::new(),
            planned: Vec::new(),
            at: None,
            failed_in: None,
            duration: Duration::ZERO,
        }
    }
}

/// Migrates one target, one pending migration per runner call so that an
/// interruption stops between two migrations, never inside one.
fn migrate_target(
    ctx: &Context<'_>,
    folder: &MigrationFolder,
    target: &Target,
    args: &TargetsArgs,
    options: &RolloutOptions<'_>,
    interrupted: &AtomicBool,
) -> TargetRun {
    let started = Instant::now();
    let mut run = TargetRun::not_started();
    let finish = |mut run: TargetRun, applied: &BTreeSet<String>| {
        run.at = folder
            .migrations
            .iter()
            .rev()
            .find(|m| applied.contains(m.tag()))
            .map(|m| m.tag().to_string());
        run.duration = started.elapsed();
        run
    };
    let mut client = match connect_target(target, args.connect_timeout) {
        Ok(c) => c,
        Err(e) => {
            run.state = State::Unreachable(e);
            return finish(run, &BTreeSet::new());
        }
    };
    let table = tracking_table(ctx, target);
    let status = match shale_runner::status(&mut client, folder, &table) {
        Ok(s) => s,
        Err(e) => {
            run.state = State::Failed(scrub(target, &e.to_string()));
            return finish(run, &BTreeSet::new());
        }
    };
    let mut applied: BTreeSet<String> = status
        .applied
        .iter()
        .map(|a| a.migration.tag.clone())
        .collect();
    let last = match options.to {
        Some(tag) => folder.migrations.iter().position(|m| m.tag() == tag),
        None => folder.migrations.len().checked_sub(1),
    };
    let pending: Vec<String> = folder
        .migrations
        .iter()
        .enumerate()
        .filter(|(i, m)| last.is_some_and(|l| *i <= l) && !applied.contains(m.tag()))
        .map(|(_, m)| m.tag().to_string())
        .collect();
    let mut run_options = MigrateOptions {
        dry_run: options.dry_run,
        to_tag: options.to.map(str::to_string),
        table,
        lock_timeout: options.wait,
        settings: shale_db::Settings {
            statement_timeout: options.statement_timeout.map(str::to_string),
            lock_timeout: options.lock_timeout.map(str::to_string),
            search_path: target.schema.clone(),
        },
        lock_retries: options.lock_retries,
        lock_retry_limit: options.lock_retry_limit,
    };
    // Nothing pending still goes through the runner once: it refuses edited
    // migrations, and a dry run reports the plan.
    let steps: Vec<Option<String>> = if pending.is_empty() || options.dry_run {
        vec![options.to.map(str::to_string)]
    } else {
        pending.into_iter().map(Some).collect()
    };
    run.state = State::Done;
    for step in steps {
        if interrupted.load(Ordering::SeqCst) {
            run.state = State::Interrupted;
            break;
        }
        run_options.to_tag = step;
        match shale_runner::migrate(&mut client, folder, &run_options) {
            Ok(report) => {
                for a in &report.applied {
                    applied.insert(a.migration.tag.clone());
                    run.applied.push(a.migration.tag.clone());
                }
                for m in &report.applied_by_another_runner {
                    applied.insert(m.tag.clone());
                    run.by_another.push(m.tag.clone());
                }
                run.planned
                    .extend(report.planned.iter().map(|p| p.migration.tag.clone()));
            }
            Err(e) => {
                if let RunError::Failed(f) = &e {
                    run.failed_in = Some(f.migration.tag.clone());
                }
                run.state = State::Failed(scrub(target, &e.to_string()));
                break;
            }
        }
    }
    finish(run, &applied)
}

/// Installs the SIGINT/SIGTERM handlers of a rollout: the first signal sets
/// the returned flag (no new target, no new migration; those in flight
/// finish), a second one ends the process at once (exit 130; the server
/// rolls back the migration in flight).
fn interrupt_flag() -> Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&flag))
            .map_err(|e| anyhow!("cannot install the signal handler: {e}"))?;
        signal_hook::flag::register(signal, Arc::clone(&flag))
            .map_err(|e| anyhow!("cannot install the signal handler: {e}"))?;
    }
    Ok(flag)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// At most `n` names, then "… and K more".
fn some_names(names: &[&str], n: usize) -> String {
    let mut s = names.iter().take(n).copied().collect::<Vec<_>>().join(", ");
    if names.len() > n {
        s.push_str(&format!(", … and {} more", names.len() - n));
    }
    s
}

/// `shale migrate --targets`: the rollout.
pub fn migrate(
    ctx: &Context<'_>,
    args: &TargetsArgs,
    options: &RolloutOptions<'_>,
) -> Result<Outcome> {
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    if let Some(tag) = options.to {
        if !folder.migrations.iter().any(|m| m.tag() == tag) {
            bail!(
                "no migration tagged `{tag}` in the journal; --to takes a file name without .sql"
            );
        }
    }
    let targets = ctx.fleet_targets(args)?;
    if let Some(problem) = public_names_for_tenants(&folder, &targets) {
        bail!("{problem}; nothing was applied");
    }
    let interrupted = interrupt_flag()?;
    let halt = AtomicBool::new(false);
    let total = targets.len();
    let canary = options.canary.min(total);
    let started = Instant::now();
    ui.line(&format!(
        "rolling out {} migration(s) to {total} target(s), {} at a time{}",
        folder.migrations.len(),
        args.parallel,
        if canary > 0 {
            format!(", {canary} canary target(s) first")
        } else {
            String::new()
        }
    ));
    let mut runs: Vec<Option<TargetRun>> = (0..total).map(|_| None).collect();
    let mut finished = 0usize;
    // A worker decides --stop-on-first-failure itself, before it takes its
    // next target.
    let job = |i: usize| {
        let run = migrate_target(ctx, &folder, &targets[i], args, options, &interrupted);
        if run.state.is_failure() && options.stop_on_first_failure {
            halt.store(true, Ordering::SeqCst);
        }
        run
    };
    let mut phase = |indices: &[usize], runs: &mut Vec<Option<TargetRun>>| {
        let mut done = |i: usize, run: TargetRun| {
            finished += 1;
            print_run(ctx, finished, total, &targets[i], &run);
            runs[i] = Some(run);
        };
        run_pool(indices, args.parallel, &halt, &interrupted, &job, &mut done);
    };
    let canary_targets: Vec<usize> = (0..canary).collect();
    phase(&canary_targets, &mut runs);
    let canary_failed = runs[..canary]
        .iter()
        .any(|r| r.as_ref().is_some_and(|r| r.state.is_failure()));
    if canary_failed {
        ui.result(&format!(
            "{}: a canary target failed; the rollout stops before the other {} target(s)",
            ui.paint(Style::Bad, "stopped"),
            total - canary
        ));
    } else {
        let rest: Vec<usize> = (canary..total).collect();
        phase(&rest, &mut runs);
    }
    let was_interrupted = interrupted.load(Ordering::SeqCst);
    let runs: Vec<TargetRun> = runs
        .into_iter()
        .map(|r| r.unwrap_or_else(TargetRun::not_started))
        .collect();
    print_summary(
        ctx,
        &folder,
        &targets,
        &runs,
        started.elapsed(),
        was_interrupted,
        canary_failed,
    );
    let clean = runs.iter().all(|r| r.state == State::Done);
    Ok(if clean {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// The line printed as a target finishes.
fn print_run(ctx: &Context<'_>, n: usize, total: usize, target: &Target, run: &TargetRun) {
    let ui = ctx.ui;
    let width = total.to_string().len();
    let progress = ui.paint(Style::Dim, &format!("[{n:>width$}/{total}]"));
    let at = match &run.at {
        Some(tag) => format!("at {tag}"),
        None => "nothing applied yet".to_string(),
    };
    let line = match &run.state {
        State::Done if !run.planned.is_empty() => format!(
            "{progress} {} {}: would apply {} ({} migration(s)), now {at}",
            ui.paint(Style::Warn, "plan"),
            target.name,
            run.planned.join(", "),
            run.planned.len()
        ),
        State::Done => {
            let mut s = format!(
                "{progress} {} {}: {} applied",
                ui.paint(Style::Good, "ok"),
                target.name,
                run.applied.len()
            );
            if !run.by_another.is_empty() {
                s.push_str(&format!(
                    ", {} by another runner meanwhile",
                    run.by_another.len()
                ));
            }
            s.push_str(&format!(", {at} in {}", ms(run.duration)));
            s
        }
        State::Failed(e) => format!(
            "{progress} {} {}: {} applied, {}{at}\n      {e}",
            ui.paint(Style::Bad, "FAILED"),
            target.name,
            run.applied.len(),
            run.failed_in
                .as_deref()
                .map(|t| format!("failed in {t}, "))
                .unwrap_or_default()
        ),
        State::Unreachable(e) => format!(
            "{progress} {} {}: {e}",
            ui.paint(Style::Bad, "UNREACHABLE"),
            target.name
        ),
        State::Interrupted => format!(
            "{progress} {} {}: {} applied, stopped {at} (interrupted)",
            ui.paint(Style::Warn, "interrupted"),
            target.name,
            run.applied.len()
        ),
        State::NotStarted => return,
    };
    if run.state.is_failure() {
        ui.result(&line);
    } else {
        ui.line(&line);
    }
}

/// The rollout's summary: how many targets are at which migration, which
/// failed, which were unreachable, which never started.
#[allow(clippy::too_many_arguments)]
fn print_summary(
    ctx: &Context<'_>,
    folder: &MigrationFolder,
    targets: &[Target],
    runs: &[TargetRun],
    elapsed: Duration,
    interrupted: bool,
    canary_failed: bool,
) {
    let ui = ctx.ui;
    let latest = folder.migrations.last().map(|m| m.tag().to_string());
    // Journal order of the `at` values, newest first; "nothing applied" last.
    let order: BTreeMap<&str, usize> = folder
        .migrations
        .iter()
        .enumerate()
        .map(|(i, m)| (m.tag(), i))
        .collect();
    let mut at: BTreeMap<(std::cmp::Reverse<isize>, String), Vec<&str>> = BTreeMap::new();
    let mut by_state: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    for (t, r) in targets.iter().zip(runs) {
        if matches!(r.state, State::Done | State::Failed(_) | State::Interrupted) {
            let key = match &r.at {
                Some(tag) => (
                    std::cmp::Reverse(order.get(tag.as_str()).map_or(-1, |&i| i as isize)),
                    tag.clone(),
                ),
                None => (std::cmp::Reverse(-1), String::new()),
            };
            at.entry(key).or_default().push(&t.name);
        }
        if r.state != State::Done {
            by_state.entry(r.state.label()).or_default().push(&t.name);
        }
    }
    ui.result(&format!(
        "\nrollout of {} target(s) in {}{}:",
        targets.len(),
        ms(elapsed),
        if interrupted {
            " (interrupted: no new target or migration was started after the signal; run again to resume)"
        } else if canary_failed {
            " (stopped after the canary)"
        } else {
            ""
        }
    ));
    for ((_, tag), names) in &at {
        let label = if tag.is_empty() {
            "nothing applied".to_string()
        } else if Some(tag) == latest.as_ref() {
            format!("at {tag} (latest)")
        } else {
            format!("at {tag}")
        };
        let list = if Some(tag) == latest.as_ref() && !tag.is_empty() {
            String::new()
        } else {
            format!(": {}", some_names(names, 20))
        };
        ui.result(&format!("  {:>5} {label}{list}", names.len()));
    }
    for (state, names) in &by_state {
        let style = if *state == "not started" || *state == "interrupted" {
            Style::Warn
        } else {
            Style::Bad
        };
        ui.result(&format!(
            "  {:>5} {}: {}",
            names.len(),
            ui.paint(style, state),
            some_names(names, 20)
        ));
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in runs {
        if let Some(tag) = &r.at {
            *counts.entry(tag.clone()).or_default() += 1;
        }
    }
    ui.document(&json!({
        "targets": targets.iter().zip(runs).map(|(t, r)| json!({
            "name": t.name,
            "schema": t.schema,
            "state": r.state.label(),
            "at": r.at,
            "applied": r.applied,
            "applied_by_another_runner": r.by_another,
            "planned": r.planned,
            "failed_in": r.failed_in,
            "error": r.state.error(),
            "duration_ms": r.duration.as_secs_f64() * 1000.0,
        })).collect::<Vec<_>>(),
        "summary": {
            "targets": targets.len(),
            "at": counts,
            "ok": runs.iter().filter(|r| r.state == State::Done).count(),
            "failed": by_state.get("failed").map_or(0, Vec::len),
            "unreachable": by_state.get("unreachable").map_or(0, Vec::len),
            "interrupted": by_state.get("interrupted").map_or(0, Vec::len),
            "not_started": by_state.get("not started").map_or(0, Vec::len),
        },
        "interrupted": interrupted,
        "canary_failed": canary_failed,
        "total_ms": elapsed.as_secs_f64() * 1000.0,
    }));
}

/// One target's state for `status --targets`.
enum StatusRow {
    /// Per migration of the folder: `applied`, `pending`, `edited` or
    /// `in progress`; and the tracking rows the journal does not know.
    Read {
        cells: Vec<&'static str>,
        unknown: usize,
    },
    /// Could not connect.
    Unreachable(String),
    /// Connected, but the tracking table could not be read.
    Failed(String),
}

impl StatusRow {
    fn up_to_date(&self) -> bool {
        matches!(self, StatusRow::Read { cells, unknown } if *unknown == 0 && cells.iter().all(|c| *c == "applied"))
    }
}

fn status_target(
    ctx: &Context<'_>,
    folder: &MigrationFolder,
    target: &Target,
    args: &TargetsArgs,
) -> StatusRow {
    let mut client = match connect_target(target, args.connect_timeout) {
        Ok(c) => c,
        Err(e) => return StatusRow::Unreachable(e),
    };
    let s = match shale_runner::status(&mut client, folder, &tracking_table(ctx, target)) {
        Ok(s) => s,
        Err(e) => return StatusRow::Failed(scrub(target, &e.to_string())),
    };
    let mut state: BTreeMap<&str, &'static str> = BTreeMap::new();
    for a in &s.applied {
        state.insert(&a.migration.tag, "applied");
    }
    for e in &s.edited {
        state.insert(&e.migration.tag, "edited");
    }
    for p in &s.in_progress {
        state.insert(&p.migration.tag, "in progress");
    }
    let cells = folder
        .migrations
        .iter()
        .map(|m| state.get(m.tag()).copied().unwrap_or("pending"))
        .collect();
    StatusRow::Read {
        cells,
        unknown: s.unknown.len(),
    }
}

/// `shale status --targets`: a matrix of targets × migrations.
pub fn status(ctx: &Context<'_>, args: &TargetsArgs) -> Result<Outcome> {
    let ui = ctx.ui;
    let folder = ctx.load_folder()?;
    let targets = ctx.fleet_targets(args)?;
    let never = AtomicBool::new(false);
    let mut rows: Vec<Option<StatusRow>> = (0..targets.len()).map(|_| None).collect();
    let indices: Vec<usize> = (0..targets.len()).collect();
    run_pool(
        &indices,
        args.parallel,
        &never,
        &never,
        &|i| status_target(ctx, &folder, &targets[i], args),
        &mut |i, row| rows[i] = Some(row),
    );
    let rows: Vec<StatusRow> = rows.into_iter().flatten().collect();
    let tags: Vec<&str> = folder.migrations.iter().map(|m| m.tag()).collect();
    let width = targets.iter().map(|t| t.name.len()).max().unwrap_or(0);
    ui.line(&format!(
        "{} migration(s), one column each: {}",
        tags.len(),
        match (tags.first(), tags.last()) {
            (Some(a), Some(b)) if tags.len() > 1 => format!("{a} … {b}"),
            (Some(a), _) => a.to_string(),
            _ => "none".into(),
        }
    ));
    ui.line(&format!(
        "  {} applied  {} pending  {} edited  {} in progress (outside a transaction)",
        ui.paint(Style::Good, "#"),
        ui.paint(Style::Warn, "."),
        ui.paint(Style::Bad, "E"),
        ui.paint(Style::Bad, "!")
    ));
    let mut up_to_date = 0;
    for (t, row) in targets.iter().zip(&rows) {
        let line = match row {
            StatusRow::Read { cells, unknown } => {
                let matrix: String = cells
                    .iter()
                    .map(|c| match *c {
                        "applied" => ui.paint(Style::Good, "#"),
                        "pending" => ui.paint(Style::Warn, "."),
                        "edited" => ui.paint(Style::Bad, "E"),
                        _ => ui.paint(Style::Bad, "!"),
                    })
                    .collect();
                let applied = cells.iter().filter(|c| **c == "applied").count();
                let mut note = format!("{applied}/{} applied", cells.len());
                let edited = cells.iter().filter(|c| **c == "edited").count();
                if edited > 0 {
                    note.push_str(&format!(", {edited} edited"));
                }
                if *unknown > 0 {
                    note.push_str(&format!(
                        ", {unknown} unknown (applied, not in the journal)"
                    ));
                }
                format!("{:<width$}  {matrix}  {note}", t.name)
            }
            StatusRow::Unreachable(e) => format!(
                "{:<width$}  {}: {e}",
                t.name,
                ui.paint(Style::Bad, "unreachable")
            ),
            StatusRow::Failed(e) => {
                format!("{:<width$}  {}: {e}", t.name, ui.paint(Style::Bad, "error"))
            }
        };
        if row.up_to_date() {
            up_to_date += 1;
            ui.line(&line);
        } else {
            ui.result(&line);
        }
    }
    let unreachable = rows
        .iter()
        .filter(|r| matches!(r, StatusRow::Unreachable(_)))
        .count();
    ui.result(&format!(
        "{up_to_date} of {} target(s) up to date{}",
        targets.len(),
        if unreachable > 0 {
            format!(", {unreachable} unreachable")
        } else {
            String::new()
        }
    ));
    ui.document(&json!({
        "migrations": tags,
        "targets": targets.iter().zip(&rows).map(|(t, r)| match r {
            StatusRow::Read { cells, unknown } => json!({
                "name": t.name,
                "schema": t.schema,
                "reachable": true,
                "up_to_date": r.up_to_date(),
                "migrations": tags.iter().zip(cells).map(|(tag, c)| (tag.to_string(), json!(c))).collect::<serde_json::Map<_, _>>(),
                "unknown": unknown,
            }),
            StatusRow::Unreachable(e) => json!({
                "name": t.name, "schema": t.schema, "reachable": false, "up_to_date": false, "error": e,
            }),
            StatusRow::Failed(e) => json!({
                "name": t.name, "schema": t.schema, "reachable": true, "up_to_date": false, "error": e,
            }),
        }).collect::<Vec<_>>(),
        "up_to_date": up_to_date,
        "unreachable": unreachable,
    }));
    Ok(if up_to_date == targets.len() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// What `verify` found on one target: the drift lines (empty when in
/// sync), or why it could not look.
enum VerifyRow {
    /// Compared: the drift, one line each, and the census summary when the
    /// target holds objects shale does not model.
    Compared {
        drift: Vec<String>,
        not_compared: Option<String>,
    },
    /// Could not connect.
    Unreachable(String),
    /// Could not read the target.
    Failed(String),
}

/// A tenant schema's model as if it were `public`: what the project's
/// schema describes, so the two compare. The tracking table is dropped
/// first; names qualified with the tenant schema (in `schema` fields and
/// in expressions such as `nextval('tenant.seq')`) lose the qualification.
fn as_public(mut schema: Schema, tenant: &str, tracking: &str) -> Result<Schema> {
    schema
        .tables
        .retain(|t| !(t.name.namespace == tenant && t.name.name == tracking));
    let snap = shale_migrations::snapshot::Snapshot::new(
        shale_migrations::snapshot::Dialect::Postgresql,
        shale_migrations::snapshot::ROOT_ID,
        "fleet",
        schema,
    );
    let mut value: serde_json::Value = serde_json::from_str(&snap.to_json())?;
    fn walk(v: &mut serde_json::Value, tenant: &str) {
        use serde_json::Value;
        match v {
            Value::Object(map) => {
                map.retain(|k, v| !(k.ends_with("chema") && v.as_str() == Some(tenant)));
                if let Some(Value::Array(ns)) = map.get_mut("namespaces") {
                    ns.retain(|n| n.as_str() != Some(tenant));
                }
                for v in map.values_mut() {
                    walk(v, tenant);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, tenant)),
            Value::String(s) => {
                let quoted = format!("\"{tenant}\".");
                let bare = format!("{tenant}.");
                if s.contains(&quoted) || s.contains(&bare) {
                    *s = s.replace(&quoted, "").replace(&bare, "");
                }
            }
            _ => {}
        }
    }
    walk(&mut value, tenant);
    let text = serde_json::to_string(&value)?;
    Ok(shale_migrations::snapshot::Snapshot::from_json(&text)
        .map_err(|e| anyhow!("{e}"))?
        .schema)
}

/// What one target holds, as the project's schema describes it (a tenant
/// schema read alone and named as `public`), and its census. Errors are
/// scrubbed of the target's password.
fn read_target(
    ctx: &Context<'_>,
    client: &mut Client,
    target: &Target,
) -> Result<(Schema, shale_introspect::Census), String> {
    let mut options = crate::sources::introspect_options(ctx);
    if let Some(s) = &target.schema {
        // Only the tenant's schema, its tracking table included (dropped below).
        options.include_namespaces = vec![s.clone()];
        options.tracking_schema = None;
    }
    let read = shale_introspect::introspect_all(client, &options)
        .map_err(|e| scrub(target, &e.to_string()))?;
    let database = match &target.schema {
        Some(s) => as_public(read.schema, s, &ctx.config.migrations_table.table)
            .map_err(|e| scrub(target, &format!("{e:#}")))?,
        None => read.schema,
    };
    Ok((database, read.census))
}

fn verify_target(
    ctx: &Context<'_>,
    target: &Target,
    args: &TargetsArgs,
    expected: &Schema,
) -> VerifyRow {
    let mut client = match connect_target(target, args.connect_timeout) {
        Ok(c) => c,
        Err(e) => return VerifyRow::Unreachable(e),
    };
    let (database, census) = match read_target(ctx, &mut client, target) {
        Ok(r) => r,
        Err(e) => return VerifyRow::Failed(e),
    };
    let pair = MigrationPair::new(&database, expected);
    let (plan, _) = super::verify::plan_assuming_drops(pair, &RenameHints::default());
    let mut lines = Vec::new();
    for d in drift::describe(&plan, pair) {
        lines.push(format!("{} {}", d.mark(), d.object));
        if let Some(s) = &d.schema {
            lines.push(format!("    schema:   {s}"));
        }
        if let Some(db) = &d.database {
            lines.push(format!("    database: {db}"));
        }
    }
    let not_compared = (!census.is_complete()).then(|| {
        format!(
            "{} object(s) of kinds shale does not model: {}",
            census.unmodelled.len(),
            drift::census_counts(&census)
        )
    });
    VerifyRow::Compared {
        drift: lines,
        not_compared,
    }
}

/// What groups targets in `verify --targets`: the kind of finding (0 in
/// sync, 1 drift, 2 unreachable, 3 could not read) and its lines.
type GroupKey = (u8, Vec<String>);

/// `shale verify --targets`: every target compared with the schema, targets
/// with identical findings reported together.
pub fn verify(
    ctx: &Context<'_>,
    args: &TargetsArgs,
    targets: Vec<Target>,
    expected: &Schema,
) -> Result<Outcome> {
    let ui = ctx.ui;
    let never = AtomicBool::new(false);
    let mut rows: Vec<Option<VerifyRow>> = (0..targets.len()).map(|_| None).collect();
    let indices: Vec<usize> = (0..targets.len()).collect();
    let total = targets.len();
    let mut finished = 0;
    run_pool(
        &indices,
        args.parallel,
        &never,
        &never,
        &|i| verify_target(ctx, &targets[i], args, expected),
        &mut |i, row| {
            finished += 1;
            if finished % 50 == 0 && finished < total {
                ui.line(&format!("verified {finished} of {total} target(s)…"));
            }
            rows[i] = Some(row);
        },
    );
    let rows: Vec<VerifyRow> = rows.into_iter().flatten().collect();
    // Group by identical findings: the key is the whole report of a target.
    let mut groups: BTreeMap<GroupKey, Vec<&str>> = BTreeMap::new();
    for (t, r) in targets.iter().zip(&rows) {
        let key = match r {
            VerifyRow::Compared {
                drift,
                not_compared,
            } if drift.is_empty() && not_compared.is_none() => (0, Vec::new()),
            VerifyRow::Compared {
                drift,
                not_compared,
            } => {
                let mut k = drift.clone();
                if let Some(n) = not_compared {
                    k.push(format!("not compared: {n}"));
                }
                (1, k)
            }
            VerifyRow::Unreachable(e) => (2, vec![e.clone()]),
            VerifyRow::Failed(e) => (3, vec![e.clone()]),
        };
        groups.entry(key).or_default().push(&t.name);
    }
    let in_sync = groups.get(&(0, Vec::new())).map_or(0, Vec::len);
    ui.result(&format!(
        "{}: {in_sync} of {total} target(s) match the schema",
        ui.paint(
            if in_sync == total {
                Style::Good
            } else {
                Style::Bad
            },
            if in_sync == total { "in sync" } else { "drift" }
        )
    ));
    // Largest group first among the findings.
    let mut findings: Vec<(&GroupKey, &Vec<&str>)> =
        groups.iter().filter(|(k, _)| k.0 != 0).collect();
    findings.sort_by_key(|(k, names)| (k.0, std::cmp::Reverse(names.len())));
    for ((kind, lines), names) in &findings {
        let heading = match kind {
            1 => "drift",
            2 => "unreachable",
            _ => "could not read",
        };
        ui.result(&format!(
            "\n{} in {} target(s): {}",
            ui.paint(Style::Bad, heading),
            names.len(),
            some_names(names, 20)
        ));
        for l in lines {
            ui.result(&format!("  {l}"));
        }
    }
    ui.document(&json!({
        "in_sync": in_sync == total,
        "targets": total,
        "in_sync_targets": in_sync,
        "groups": findings.iter().map(|((kind, lines), names)| json!({
            "kind": match kind { 1 => "drift", 2 => "unreachable", _ => "error" },
            "targets": names,
            "findings": lines,
        })).collect::<Vec<_>>(),
    }));
    Ok(if in_sync == total {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// What `check --targets` read of one target.
enum CheckRow {
    /// Its migrations' status (when the folder is usable), what it holds and
    /// its census.
    Read(
        Option<shale_runner::Status>,
        Schema,
        shale_introspect::Census,
    ),
    /// Could not connect.
    Unreachable(String),
    /// Could not read the target.
    Failed(String),
}

fn check_target(
    ctx: &Context<'_>,
    folder: Option<&MigrationFolder>,
    target: &Target,
    args: &TargetsArgs,
) -> CheckRow {
    let mut client = match connect_target(target, args.connect_timeout) {
        Ok(c) => c,
        Err(e) => return CheckRow::Unreachable(e),
    };
    // Read-only catalog queries, bounded in time as for `check --db`.
    if let Err(e) = client.batch_execute("SET statement_timeout = '30s'") {
        return CheckRow::Failed(scrub(target, &shale_db::error_line(&e)));
    }
    let status = match folder
        .map(|f| shale_runner::status(&mut client, f, &tracking_table(ctx, target)))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => return CheckRow::Failed(scrub(target, &e.to_string())),
    };
    match read_target(ctx, &mut client, target) {
        Ok((database, census)) => CheckRow::Read(status, database, census),
        Err(e) => CheckRow::Failed(e),
    }
}

/// Stands for the target's name in the findings of one target, until the
/// targets with the same finding are grouped under one message.
const TARGET: &str = "\u{1}target\u{1}";

/// `shale check --targets`: the `--db` gate on every target of the fleet
/// (migrations applied, none edited or unknown or half-applied, no drift
/// from `schema`, whose views are already as PostgreSQL prints them).
/// Targets with the same finding share one message naming them, so a fleet
/// with one bad apple reads in a few lines; an unreachable or unreadable
/// target is a finding too.
pub fn check(
    ctx: &Context<'_>,
    args: &TargetsArgs,
    folder: Option<&MigrationFolder>,
    schema: &Schema,
    findings: &mut Vec<super::check::Finding>,
    passed: &mut Vec<String>,
) -> Result<()> {
    let targets = ctx.fleet_targets(args)?;
    if let Some(problem) = folder.and_then(|f| public_names_for_tenants(f, &targets)) {
        findings.push(super::check::Finding::new("tenant-schema", None, problem));
    }
    let never = AtomicBool::new(false);
    let mut rows: Vec<Option<CheckRow>> = (0..targets.len()).map(|_| None).collect();
    let indices: Vec<usize> = (0..targets.len()).collect();
    run_pool(
        &indices,
        args.parallel,
        &never,
        &never,
        &|i| check_target(ctx, folder, &targets[i], args),
        &mut |i, row| rows[i] = Some(row),
    );
    // (code, file, message with TARGET) → the targets that have it.
    type Key = (&'static str, Option<std::path::PathBuf>, String);
    let mut found: BTreeMap<Key, Vec<&str>> = BTreeMap::new();
    let mut ok: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (t, row) in targets.iter().zip(rows.into_iter().flatten()) {
        let mut mine = Vec::new();
        let mut fine = Vec::new();
        match row {
            CheckRow::Read(status, database, census) => super::check::database_findings(
                ctx,
                TARGET,
                folder.zip(status),
                (&database, &census),
                schema,
                &mut mine,
                &mut fine,
            ),
            CheckRow::Unreachable(e) => mine.push(super::check::Finding::new(
                "unreachable",
                None,
                format!("{TARGET} could not be reached: {e}"),
            )),
            CheckRow::Failed(e) => mine.push(super::check::Finding::new(
                "target",
                None,
                format!("{TARGET} could not be read: {e}"),
            )),
        }
        for f in mine {
            found
                .entry((f.code, f.file, f.message))
                .or_default()
                .push(&t.name);
        }
        for p in fine {
            ok.entry(p).or_default().push(&t.name);
        }
    }
    let label = |names: &[&str]| match names {
        [one] => one.to_string(),
        _ => format!("each of {} targets ({})", names.len(), some_names(names, 10)),
    };
    // Most targets first: the common case reads before the exceptions.
    let mut ok: Vec<_> = ok.into_iter().collect();
    ok.sort_by_key(|(_, names)| std::cmp::Reverse(names.len()));
    for (line, names) in ok {
        passed.push(line.replace(TARGET, &label(&names)));
    }
    let mut found: Vec<_> = found.into_iter().collect();
    found.sort_by_key(|(_, names)| std::cmp::Reverse(names.len()));
    for ((code, file, message), names) in found {
        findings.push(super::check::Finding::new(
            code,
            file.as_deref(),
            message.replace(TARGET, &label(&names)),
        ));
    }
    Ok(())
}
