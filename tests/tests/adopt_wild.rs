//! Adopting drizzle-kit projects as they are found in the wild, end to end on
//! real PostgreSQL with drizzle's own tools: drizzle-kit (installed from the
//! npm registry, once per test binary, cached under Cargo's target
//! directory) generates the folders, drizzle-orm's migrator applies them, and
//! shale takes them over:
//!
//! - two git branches that both generated, merged by hand: a broken `prevId`
//!   chain in drizzle's snapshots;
//! - a history with dropped columns and tables, renamed columns and tables
//!   (drizzle-kit's interactive rename prompt answered through a terminal)
//!   and enum values added and removed;
//! - a `.sql` file the journal never listed: refused, naming it, and adopted
//!   once it is removed.
//!
//! For each, `shale adopt` succeeds, `shale check` and `shale verify` pass on
//! the day of adoption (the adopted migrations are history: not linted), a
//! schema change generates the next number, `shale migrate` applies only it,
//! `shale status` tells drizzle's rows apart as applied at an unknown time,
//! and a later hand-written drop fails `check`. The same with `shale pull
//! --baseline` on a database built by hand (no npm needed there).
//!
//! Needs Node.js, npm and `script` (util-linux); `.ci/run` installs Node.js
//! and npm where missing. Without them the tests fail saying so.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use shale_tests::output_text as text;

const DRIZZLE_KIT: &str = "drizzle-kit@0.31.10";
const DRIZZLE_ORM: &str = "drizzle-orm@0.45.4";
const PG: &str = "pg@8.23.1";

const MIGRATE_JS: &str = r#"// drizzle-orm's own PostgreSQL migrator on a migrations folder.
const { drizzle } = require('drizzle-orm/node-postgres');
const { migrate } = require('drizzle-orm/node-postgres/migrator');
const { Pool } = require('pg');
(async () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    await migrate(drizzle(pool), { migrationsFolder: process.argv[2] });
  } finally {
    await pool.end();
  }
})().catch((e) => { console.error('drizzle migrate failed:', e.message); process.exit(1); });
"#;

const CONFIG_TS: &str = r#"import { defineConfig } from 'drizzle-kit';
export default defineConfig({ dialect: 'postgresql', schema: './schema.ts', out: './drizzle' });
"#;

// ---------------------------------------------------------------------------
// drizzle's tools.

/// The directory holding `node_modules` with drizzle-kit, drizzle-orm and
/// pg, installed once per test binary (and kept across runs).
fn node_dir() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(install).clone()
}

fn install() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("drizzle-kit");
    let marker = dir.join(format!("installed-{DRIZZLE_KIT}-{DRIZZLE_ORM}-{PG}"));
    if !marker.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let o = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&dir)
            .args([DRIZZLE_KIT, DRIZZLE_ORM, PG])
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "npm is needed for this test ({e}): install Node.js and npm (apt-get install nodejs npm; \
                     .ci/run does)"
                )
            });
        assert!(
            o.status.success(),
            "npm install {DRIZZLE_KIT} {DRIZZLE_ORM} {PG} failed: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        std::fs::write(&marker, "").unwrap();
    }
    std::fs::write(dir.join("migrate.cjs"), MIGRATE_JS).unwrap();
    dir
}

/// `drizzle-kit generate --name NAME` in `project`. With `rename`, the run
/// goes through a terminal (`script`) and drizzle-kit's one "created or
/// renamed from another …?" prompt is answered with its first rename.
fn drizzle_kit_generate(project: &Path, name: &str, rename: bool) {
    let dir = node_dir();
    let bin = dir.join("node_modules/drizzle-kit/bin.cjs");
    let node_path = dir.join("node_modules");
    if !rename {
        let o = Command::new("node")
            .arg(&bin)
            .args(["generate", "--name", name])
            .current_dir(project)
            .env("NODE_PATH", &node_path)
            .output()
            .expect("node is needed for this test (apt-get install nodejs npm)");
        let out = text(&o);
        assert!(
            o.status.success() && out.contains("Your SQL migration file"),
            "drizzle-kit generate {name} failed:\n{out}"
        );
        return;
    }
    let command = format!("node '{}' generate --name {name}", bin.display());
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .current_dir(project)
        .env("NODE_PATH", &node_path)
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) is needed to answer drizzle-kit's rename prompt");
    let output = Arc::new(Mutex::new(String::new()));
    let reader = {
        let output = Arc::clone(&output);
        let mut stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                output
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        })
    };
    let seen = |needle: &str| output.lock().unwrap().contains(needle);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !seen("renamed from another") {
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!(
                "drizzle-kit generate {name}: no rename prompt:\n{}",
                output.lock().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(b"\x1b[B").unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(b"\r").unwrap();
    stdin.flush().unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "drizzle-kit generate {name} did not finish:\n{}",
                output.lock().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(stdin);
    reader.join().unwrap();
    let out = output.lock().unwrap().clone();
    assert!(
        status.success() && out.contains("Your SQL migration file"),
        "drizzle-kit generate {name} failed:\n{out}"
    );
}

/// drizzle-orm's migrator applies `folder` to `url`.
fn drizzle_migrate(folder: &Path, url: &str) {
    let dir = node_dir();
    // node-postgres does not know `sslmode=disable`; the test server speaks plain TCP.
    let url = url.replace("?sslmode=disable", "");
    let o = Command::new("node")
        .arg(dir.join("migrate.cjs"))
        .arg(folder)
        .env("DATABASE_URL", url)
        .output()
        .expect("node is needed for this test (apt-get install nodejs npm)");
    assert!(o.status.success(), "{}", text(&o));
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git is needed for this test")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A drizzle-kit project: `drizzle.config.ts` and `schema.ts`.
fn drizzle_project(schema: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("drizzle.config.ts"), CONFIG_TS).unwrap();
    std::fs::write(dir.path().join("schema.ts"), schema).unwrap();
    dir
}

fn set_schema(project: &Path, schema: &str) {
    std::fs::write(project.join("schema.ts"), schema).unwrap();
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sql_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// shale.

fn shale(dir: &Path, args: &[&str], db: Option<&str>) -> Output {
    let mut cmd = shale_tests::shale_command!(dir);
    cmd.args(args);
    if let Some(url) = db {
        cmd.env("DATABASE_URL", url);
    }
    cmd.output().expect("run shale")
}

fn ok(dir: &Path, args: &[&str], db: Option<&str>) -> String {
    let o = shale(dir, args, db);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "shale {args:?} failed:\n{t}");
    t
}

fn json_of(dir: &Path, args: &[&str], db: Option<&str>) -> (Option<i32>, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let o = shale(dir, &all, db);
    let v: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("shale {args:?}: not JSON ({e}):\n{}", text(&o)));
    (o.status.code(), v)
}

/// A table shale's schema language describes, appended to the adopted
/// schema source: the change after adoption.
const AUDIT: &str = r#"
/// Added after adoption.
#[derive(Table)]
#[table(name = "audit_log")]
pub struct AuditLog {
    #[column(primary_key, identity)]
    pub id: i64,
    pub note: Option<String>,
}
"#;

/// Everything a team does after adopting: check and verify pass, the next
/// migration gets the next number and is the only one `migrate` applies,
/// drizzle's rows read as applied at an unknown time, and a later drop is
/// gated. `kept` is the number of adopted migrations, in the folder
/// `migrations`; `drizzle_rows` whether drizzle's migrator applied them.
fn after_adoption(project: &Path, db: &str, kept: usize, migrations: &str, drizzle_rows: bool) {
    let last_kept = format!("{:04}", kept - 1);
    let t = ok(project, &["check"], None);
    assert!(
        t.contains(&format!("{kept} migration(s) up to {last_kept}_"))
            && t.contains("are history (recorded in")
            && t.contains("gated from the next migration on"),
        "check must say what is history in one line:\n{t}"
    );
    ok(project, &["verify"], Some(db));
    ok(project, &["check", "--db", db], None);

    // A schema change: migration N+1.
    let schema = project.join("schema/schema.rs");
    let mut source = std::fs::read_to_string(&schema).unwrap();
    source.push_str(AUDIT);
    std::fs::write(&schema, source).unwrap();
    let t = ok(project, &["generate", "--name", "audit"], None);
    let next = format!("{kept:04}_audit");
    assert!(t.contains(&next), "{t}");
    assert!(project
        .join(migrations)
        .join(format!("{next}.sql"))
        .is_file());
    let t = ok(project, &["check"], None);
    assert!(t.contains(&format!("gated from {next} on")), "{t}");
    let t = ok(project, &["migrate"], Some(db));
    assert!(t.contains(&format!("applied {next}")), "{t}");
    assert_eq!(
        t.lines().filter(|l| l.starts_with("applied ")).count(),
        1,
        "only the new migration runs:\n{t}"
    );
    ok(project, &["verify"], Some(db));

    // drizzle applied the adopted ones and recorded no time: unknown, not
    // the moment shale first touched the tracking table.
    let (code, status) = json_of(project, &["status"], Some(db));
    assert_eq!(code, Some(0), "{status}");
    let applied = status["applied"].as_array().unwrap();
    assert_eq!(applied.len(), kept + 1, "{status}");
    for a in &applied[..kept] {
        assert_eq!(
            a["applied_at"].is_null(),
            drizzle_rows,
            "a row of drizzle's migrator has no time, one of shale's has: {a}"
        );
    }
    assert!(applied[kept]["applied_at"].is_string(), "{status}");
    let t = ok(project, &["status"], Some(db));
    assert_eq!(
        t.matches("at an unknown time").count(),
        if drizzle_rows { kept } else { 0 },
        "each of drizzle's rows reads as unknown:\n{t}"
    );

    // A migration written after adoption is gated: a drop in it fails check.
    let t = ok(
        project,
        &["generate", "--custom", "--name", "drop_note"],
        None,
    );
    let custom = format!("{:04}_drop_note", kept + 1);
    assert!(t.contains(&custom), "{t}");
    std::fs::write(
        project.join(migrations).join(format!("{custom}.sql")),
        "ALTER TABLE \"audit_log\" DROP COLUMN \"note\";\n",
    )
    .unwrap();
    ok(project, &["hash"], None);
    let o = shale(project, &["check"], None);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "the drop must fail check:\n{t}");
    assert!(
        t.contains(&format!("{custom}.sql:1: dropping-column")),
        "{t}"
    );
    assert_eq!(
        t.matches("error[lint]").count(),
        1,
        "history is not gated:\n{t}"
    );
}

/// The adopted history's hashes still hold: an edited historical file is
/// caught by the integrity record offline and by the tracking table.
fn history_stays_immutable(project: &Path, db: &str, migrations: &str, file: &str) {
    let path = project.join(migrations).join(file);
    let original = std::fs::read(&path).unwrap();
    let mut edited = original.clone();
    edited.extend_from_slice(b"\n-- edited\n");
    std::fs::write(&path, &edited).unwrap();
    let o = shale(project, &["check"], None);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains(&format!(
            "migration {file} was edited after it was generated"
        )),
        "{t}"
    );
    let o = shale(project, &["migrate"], Some(db));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("edited"), "{}", text(&o));
    std::fs::write(&path, &original).unwrap();
}

fn adopt(project: &Path, db: &str) -> Value {
    let started = Instant::now();
    let (code, v) = json_of(project, &["adopt", "--from-drizzle", "drizzle"], Some(db));
    eprintln!(
        "adopt took {:.2} s: {}",
        started.elapsed().as_secs_f64(),
        v["summary"]
    );
    assert_eq!(code, Some(0), "adopt failed: {v:#}");
    assert_eq!(v["status"], "adopted", "{v:#}");
    v
}

// ---------------------------------------------------------------------------
// (a) Two branches that both generated, merged: a broken prevId chain.

fn shop_ts(bio: bool, posts: bool, guest: bool) -> String {
    let mut s = String::from(
        "import { pgTable, pgEnum, serial, text, integer, boolean, timestamp, index } from 'drizzle-orm/pg-core';\n",
    );
    s.push_str(if guest {
        "export const role = pgEnum('role', ['admin', 'member', 'guest']);\n"
    } else {
        "export const role = pgEnum('role', ['admin', 'member']);\n"
    });
    s.push_str(
        "export const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  email: text('email').notNull().unique(),\n  role: role('role').notNull().default('member'),\n  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),\n",
    );
    if bio {
        s.push_str("  bio: text('bio'),\n");
    }
    if guest {
        s.push_str("  active: boolean('active').notNull().default(true),\n");
    }
    s.push_str("});\n");
    if posts {
        s.push_str(
            "export const posts = pgTable('posts', {\n  id: serial('id').primaryKey(),\n  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),\n  title: text('title').notNull(),\n}, (t) => [index('posts_user_idx').on(t.userId)]);\n",
        );
    }
    s
}

/// What `drizzle-kit drop` does to the folder's last migration: its file,
/// its snapshot and its journal entry go.
fn drop_last(folder: &Path) {
    let path = folder.join("meta/_journal.json");
    let mut journal = read_json(&path);
    let entry = journal["entries"].as_array_mut().unwrap().pop().unwrap();
    let tag = entry["tag"].as_str().unwrap();
    std::fs::remove_file(folder.join(format!("{tag}.sql"))).unwrap();
    std::fs::remove_file(folder.join(format!("meta/{}_snapshot.json", &tag[..4]))).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&journal).unwrap()).unwrap();
}

#[test]
fn two_branches_that_both_generated_and_were_merged_are_adopted() {
    let p = drizzle_project(&shop_ts(false, false, false));
    let dir = p.path();
    let folder = dir.join("drizzle");
    git_ok(dir, &["init", "-q", "-b", "main"]);
    drizzle_kit_generate(dir, "init", false);
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "init"]);

    // Branch `posts` generates 0001; branch `bio` starts from it.
    git_ok(dir, &["checkout", "-qb", "posts"]);
    set_schema(dir, &shop_ts(false, true, false));
    drizzle_kit_generate(dir, "posts", false);
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "posts"]);
    git_ok(dir, &["branch", "bio"]);
    let old_posts_id = read_json(&folder.join("meta/0001_snapshot.json"))["id"].clone();
    // Review: `posts` drops its migration and generates it again (a new id).
    drop_last(&folder);
    drizzle_kit_generate(dir, "create_posts", false);
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "create posts, regenerated"]);
    // Meanwhile `bio` generates 0002 on top of the first 0001.
    git_ok(dir, &["checkout", "-q", "bio"]);
    set_schema(dir, &shop_ts(true, true, false));
    drizzle_kit_generate(dir, "bio", false);
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "bio"]);
    let bio_journal = read_json(&folder.join("meta/_journal.json"));

    // Both are merged; the journal is resolved by hand to list all three.
    git_ok(dir, &["checkout", "-q", "main"]);
    git_ok(dir, &["merge", "-q", "--ff-only", "posts"]);
    let _ = git(dir, &["merge", "-q", "--no-ff", "--no-commit", "bio"]);
    let mut journal: Value =
        serde_json::from_str(&git_ok(dir, &["show", "posts:drizzle/meta/_journal.json"])).unwrap();
    journal["entries"]
        .as_array_mut()
        .unwrap()
        .push(bio_journal["entries"][2].clone());
    std::fs::write(
        folder.join("meta/_journal.json"),
        serde_json::to_string_pretty(&journal).unwrap(),
    )
    .unwrap();
    let posts_snapshot = git_ok(dir, &["show", "posts:drizzle/meta/0001_snapshot.json"]);
    std::fs::write(folder.join("meta/0001_snapshot.json"), posts_snapshot).unwrap();
    set_schema(dir, &shop_ts(true, true, false));
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "merge bio"]);
    let prev = read_json(&folder.join("meta/0002_snapshot.json"))["prevId"].clone();
    assert_eq!(prev, old_posts_id, "0002 follows the first 0001");
    assert_ne!(
        prev,
        read_json(&folder.join("meta/0001_snapshot.json"))["id"],
        "the chain must be broken"
    );

    // drizzle-kit keeps generating on top of the merge.
    set_schema(dir, &shop_ts(true, true, true));
    drizzle_kit_generate(dir, "guest", false);
    assert_eq!(
        sql_files(&folder),
        [
            "0000_init.sql",
            "0001_create_posts.sql",
            "0002_bio.sql",
            "0003_guest.sql"
        ]
    );
    let guest = std::fs::read_to_string(folder.join("0003_guest.sql")).unwrap();
    assert!(
        guest.contains("ADD VALUE 'guest'") && !guest.contains("posts"),
        "{guest}"
    );
    git_ok(dir, &["add", "-A"]);
    git_ok(dir, &["commit", "-qm", "guest"]);

    let db = shale_tests::fresh_database();
    drizzle_migrate(&folder, &db);

    // In place: shale's migrations folder is drizzle's.
    std::fs::write(
        dir.join("shale.toml"),
        "migrations = \"drizzle\"\nprefix = \"index\"\n",
    )
    .unwrap();
    let v = adopt(dir, &db);
    let summary = &v["summary"];
    assert_eq!(summary["migrations_kept"], 4, "{v:#}");
    assert_eq!(summary["migrations_copied"], false, "{v:#}");
    assert_eq!(summary["tables"], 2, "{v:#}");
    assert_eq!(summary["enums"], 1, "{v:#}");
    assert_eq!(summary["snapshots_written"], 4, "{v:#}");
    assert_eq!(summary["snapshots_from_drizzle"], 3, "{v:#}");
    assert_eq!(summary["drizzle_snapshot_problems_ignored"], 1, "{v:#}");
    assert_eq!(summary["history"], 4, "{v:#}");
    let ignored = v["ignored"][0].as_str().unwrap();
    assert!(
        ignored.contains("0002_snapshot.json: prevId")
            && ignored.contains("the snapshot chain is broken"),
        "{v:#}"
    );
    assert!(
        v["warnings"].as_array().unwrap().iter().any(|w| w
            .as_str()
            .unwrap()
            .contains("1 problem(s) with drizzle's snapshots ignored")),
        "{v:#}"
    );
    // drizzle's files are untouched (shale adds its integrity record), so
    // drizzle-kit still works on them.
    let changed = git_ok(dir, &["status", "--porcelain", "drizzle/"]);
    assert_eq!(changed.trim(), "?? drizzle/meta/shale.sum", "{changed}");
    after_adoption(dir, &db, 4, "drizzle", true);
    history_stays_immutable(dir, &db, "drizzle", "0002_bio.sql");
}

// ---------------------------------------------------------------------------
// (b) A history of drops, renames and enum changes.

fn accounts_ts(step: usize) -> String {
    let mut s = String::from(
        "import { pgTable, pgEnum, serial, text, integer } from 'drizzle-orm/pg-core';\n",
    );
    let values = match step {
        0..=2 => "['active', 'banned', 'deleted']",
        3 => "['active', 'banned', 'deleted', 'pending']",
        _ => "['active', 'banned', 'pending']",
    };
    s.push_str(&format!(
        "export const status = pgEnum('status', {values});\n"
    ));
    let table = if step >= 5 { "members" } else { "users" };
    let name = if step >= 2 {
        "fullName: text('full_name')"
    } else {
        "name: text('name')"
    };
    s.push_str(&format!(
        "export const users = pgTable('{table}', {{\n  id: serial('id').primaryKey(),\n  {name}.notNull(),\n"
    ));
    if step == 0 {
        s.push_str("  legacy: text('legacy'),\n");
    }
    s.push_str("  status: status('status').notNull().default('active'),\n});\n");
    if step == 0 {
        s.push_str(
            "export const sessions = pgTable('sessions', {\n  id: serial('id').primaryKey(),\n  userId: integer('user_id').references(() => users.id),\n  token: text('token').notNull(),\n});\n",
        );
    }
    s
}

#[test]
fn a_history_of_drops_renames_and_enum_changes_is_adopted() {
    let p = drizzle_project(&accounts_ts(0));
    let dir = p.path();
    let folder = dir.join("drizzle");
    let steps = [
        ("init", false),
        ("drop_legacy", false),
        ("rename_name", true),
        ("add_pending", false),
        ("drop_deleted", false),
        ("rename_users", true),
    ];
    for (i, (name, rename)) in steps.iter().enumerate() {
        set_schema(dir, &accounts_ts(i));
        drizzle_kit_generate(dir, name, *rename);
    }
    let read = |f: &str| std::fs::read_to_string(folder.join(f)).unwrap();
    let drops = read("0001_drop_legacy.sql");
    assert!(
        drops.contains("DROP TABLE \"sessions\"") && drops.contains("DROP COLUMN \"legacy\""),
        "{drops}"
    );
    assert!(
        read("0002_rename_name.sql").contains("RENAME COLUMN \"name\" TO \"full_name\""),
        "{}",
        read("0002_rename_name.sql")
    );
    assert!(read("0003_add_pending.sql").contains("ADD VALUE 'pending'"));
    assert!(read("0004_drop_deleted.sql").contains("DROP TYPE"));
    assert!(
        read("0005_rename_users.sql").contains("RENAME TO \"members\""),
        "{}",
        read("0005_rename_users.sql")
    );

    let db = shale_tests::fresh_database();
    drizzle_migrate(&folder, &db);
    // Into shale's own folder: the files are copied byte for byte.
    let v = adopt(dir, &db);
    let summary = &v["summary"];
    assert_eq!(summary["migrations_kept"], 6, "{v:#}");
    assert_eq!(summary["migrations_copied"], true, "{v:#}");
    assert_eq!(summary["tables"], 1, "{v:#}");
    assert_eq!(summary["enums"], 1, "{v:#}");
    assert_eq!(summary["drizzle_snapshot_problems_ignored"], 0, "{v:#}");
    assert!(
        summary["lint_findings_exempt"].as_u64().unwrap() >= 2,
        "the drops are lint errors, exempt as history: {v:#}"
    );
    let source = std::fs::read_to_string(dir.join("schema/schema.rs")).unwrap();
    assert!(
        source.contains("pub struct Members")
            && source.contains("pub full_name: String")
            && source.contains("Pending")
            && !source.contains("Deleted"),
        "{source}"
    );
    for f in sql_files(&folder) {
        assert_eq!(
            std::fs::read(folder.join(&f)).unwrap(),
            std::fs::read(dir.join("migrations").join(&f)).unwrap(),
            "{f} must be copied byte for byte"
        );
    }
    after_adoption(dir, &db, 6, "migrations", true);
    history_stays_immutable(dir, &db, "migrations", "0001_drop_legacy.sql");
}

// ---------------------------------------------------------------------------
// (c) A `.sql` file the journal never listed.

#[test]
fn an_orphan_sql_file_is_refused_by_name_and_adopted_once_removed() {
    let p = drizzle_project(&shop_ts(false, false, false));
    let dir = p.path();
    drizzle_kit_generate(dir, "init", false);
    set_schema(dir, &shop_ts(true, true, false));
    drizzle_kit_generate(dir, "posts_and_bio", false);
    let folder = dir.join("drizzle");
    // Hand-written and never registered: drizzle's migrator ignores it.
    std::fs::write(
        folder.join("0002_hotfix.sql"),
        "CREATE INDEX \"users_bio_idx\" ON \"users\" (\"bio\");\n",
    )
    .unwrap();
    let db = shale_tests::fresh_database();
    drizzle_migrate(&folder, &db);

    let o = shale(dir, &["adopt", "--from-drizzle", "drizzle"], Some(&db));
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("0002_hotfix.sql has no journal entry")
            && t.contains("(or delete the file)")
            && t.contains("nothing was written"),
        "{t}"
    );
    for p in ["schema", "migrations", "snapshots", "shale.toml"] {
        assert!(!dir.join(p).exists(), "{p} was written:\n{t}");
    }

    std::fs::remove_file(folder.join("0002_hotfix.sql")).unwrap();
    let v = adopt(dir, &db);
    assert_eq!(v["summary"]["migrations_kept"], 2, "{v:#}");
    assert_eq!(v["summary"]["tables"], 2, "{v:#}");
    after_adoption(dir, &db, 2, "migrations", true);
}

// ---------------------------------------------------------------------------
// (d) `shale pull --baseline` on a database built by hand.

#[test]
fn a_database_built_by_hand_is_baselined_and_its_baseline_is_history() {
    let db = shale_tests::fresh_database();
    shale_tests::connect(&db)
        .batch_execute(
            "CREATE TYPE mood AS ENUM ('happy', 'sad');
             CREATE TABLE people (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                                  name text NOT NULL, mood mood NOT NULL DEFAULT 'happy', legacy text);
             ALTER TABLE people DROP COLUMN legacy;
             CREATE TABLE pets (id serial PRIMARY KEY, owner bigint NOT NULL REFERENCES people (id));
             CREATE INDEX pets_owner_idx ON pets (owner);",
        )
        .unwrap();
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    let t = ok(dir, &["pull", "--baseline"], Some(&db));
    assert!(t.contains("as history in shale.sum"), "{t}");
    let sum = std::fs::read_to_string(dir.join("migrations/meta/shale.sum")).unwrap();
    assert!(sum.ends_with("\nhistory 0000_baseline.sql\n"), "{sum}");
    // The baseline is gated by nothing, then everything after it is.
    after_adoption(dir, &db, 1, "migrations", false);
    history_stays_immutable(dir, &db, "migrations", "0000_baseline.sql");
}

// ---------------------------------------------------------------------------
// (e) `shale lint --accept-history` and a tracking table upgraded by an
// older shale.

#[test]
fn accepting_history_marks_the_folder_and_later_migrations_stay_gated() {
    let db = shale_tests::fresh_database();
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    std::fs::write(
        dir.join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Thing {\n    #[column(primary_key)]\n    pub id: i64,\n    pub note: Option<String>,\n}\n",
    )
    .unwrap();
    ok(dir, &["generate", "--name", "things"], None);
    // A drop applied long ago, by a team that had shale run at warning level.
    std::fs::write(
        dir.join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Thing {\n    #[column(primary_key)]\n    pub id: i64,\n}\n",
    )
    .unwrap();
    ok(
        dir,
        &["generate", "--name", "drop_note", "--allow-data-loss"],
        None,
    );
    let path = dir.join("migrations/0001_drop_note.sql");
    let without_allow: String = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("shale:allow"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, without_allow).unwrap();
    ok(dir, &["hash"], None);
    ok(dir, &["migrate"], Some(&db));
    let o = shale(dir, &["check"], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let o = shale(dir, &["lint"], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));

    // An edited file is not accepted as history.
    let original = std::fs::read(&path).unwrap();
    std::fs::write(&path, b"ALTER TABLE \"thing\" DROP COLUMN \"other\";\n").unwrap();
    let o = shale(dir, &["lint", "--accept-history"], None);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(
        t.contains("0001_drop_note.sql was edited after it was generated")
            && t.contains("nothing was written"),
        "{t}"
    );
    std::fs::write(&path, &original).unwrap();

    let (code, v) = json_of(dir, &["lint", "--accept-history"], None);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["history"], 2, "{v:#}");
    assert_eq!(v["until"], "0001_drop_note", "{v:#}");
    assert_eq!(v["exempt_errors"], 1, "{v:#}");
    let t = ok(dir, &["check"], None);
    assert!(
        t.contains("2 migration(s) up to 0001_drop_note are history"),
        "{t}"
    );
    let t = ok(dir, &["lint"], None);
    assert!(
        t.contains("skipped 2 migration(s) recorded as history"),
        "{t}"
    );
    // Naming a historical file lints it all the same.
    let o = shale(dir, &["lint", "migrations/0001_drop_note.sql"], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // The history survives the next generate (and a fresh clone: it is a file).
    std::fs::write(
        dir.join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Thing {\n    #[column(primary_key)]\n    pub id: i64,\n    pub label: Option<String>,\n}\n",
    )
    .unwrap();
    ok(dir, &["generate", "--name", "label"], None);
    let t = ok(dir, &["check"], None);
    assert!(t.contains("gated from 0002_label on"), "{t}");
}

#[test]
fn rows_an_older_shale_stamped_with_the_column_addition_read_as_unknown() {
    let db = shale_tests::fresh_database();
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    std::fs::write(
        dir.join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Thing {\n    #[column(primary_key)]\n    pub id: i64,\n}\n",
    )
    .unwrap();
    ok(dir, &["generate", "--name", "things"], None);
    let folder = shale_migrations::folder::MigrationFolder::load(dir.join("migrations")).unwrap();
    let m = &folder.migrations[0];
    // drizzle's migrator applied 0000 (its table, its row, no time), then an
    // older shale added `applied_at` with `DEFAULT now()` in ADD COLUMN.
    let mut client = shale_tests::connect(&db);
    client
        .batch_execute(&format!(
            "{}; CREATE SCHEMA drizzle;
             CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);
             INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('{}', {});
             ALTER TABLE drizzle.__drizzle_migrations ADD COLUMN IF NOT EXISTS name text,
               ADD COLUMN IF NOT EXISTS applied_at timestamptz DEFAULT now();",
            m.text.replace("--> statement-breakpoint", ""),
            m.hash,
            m.entry.when
        ))
        .unwrap();
    std::fs::write(
        dir.join("schema/schema.rs"),
        "#[derive(Table)]\npub struct Thing {\n    #[column(primary_key)]\n    pub id: i64,\n    pub note: Option<String>,\n}\n",
    )
    .unwrap();
    ok(dir, &["generate", "--name", "note"], None);
    ok(dir, &["migrate"], Some(&db));
    let (code, v) = json_of(dir, &["status"], Some(&db));
    assert_eq!(code, Some(0), "{v:#}");
    assert!(v["applied"][0]["applied_at"].is_null(), "{v:#}");
    assert!(v["applied"][1]["applied_at"].is_string(), "{v:#}");
    // The old row still holds the stamp; shale only reads it as unknown.
    let stamped: bool = client
        .query_one(
            "SELECT applied_at IS NOT NULL FROM drizzle.__drizzle_migrations ORDER BY id LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(stamped);

    // A table shale adds its columns to now: drizzle's rows stay NULL.
    let db = shale_tests::fresh_database();
    let mut client = shale_tests::connect(&db);
    client
        .batch_execute(&format!(
            "{}; CREATE SCHEMA drizzle;
             CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);
             INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('{}', {});",
            m.text.replace("--> statement-breakpoint", ""),
            m.hash,
            m.entry.when
        ))
        .unwrap();
    ok(dir, &["migrate"], Some(&db));
    let rows: Vec<(Option<String>, Option<String>)> = client
        .query(
            "SELECT applied_at::text, column_default FROM drizzle.__drizzle_migrations,
               information_schema.columns WHERE table_schema = 'drizzle' AND column_name = 'applied_at' ORDER BY id",
            &[],
        )
        .unwrap()
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, None, "drizzle's row must stay NULL: {rows:?}");
    assert!(rows[1].0.is_some(), "{rows:?}");
    assert_eq!(rows[0].1.as_deref(), Some("now()"), "{rows:?}");
}
