//! Test support for shale's end-to-end and golden tests: throwaway PostgreSQL
//! servers, fresh databases, and the path of the `shale` binary under test.
//!
//! **Never a mock.** Every server is a real `postgres` started by
//! [`shale_shadow::Server`] (the same code `shale check --shadow` runs) from
//! the local PostgreSQL binaries, on a free loopback port, in a temporary
//! directory that is removed when the server is dropped, and at process exit
//! for the shared one. As root the server runs as the `postgres` user (or
//! `nobody`). This file only adds what tests want on top: a fixed superuser
//! password, one shared server per test process, and panicking helpers.

pub mod arbitrary;
pub mod downs;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The password of the `postgres` superuser of every test server. Tests assert
/// that it never shows up in shale's output.
pub const SUPERUSER_PASSWORD: &str = "shale-test-s3cret";

/// A running throwaway PostgreSQL server. Stopped and deleted on drop, and at
/// process exit for the shared one.
pub struct PgServer {
    /// The TCP port on 127.0.0.1.
    pub port: u16,
    /// The data directory (inside a temporary directory).
    pub data_dir: PathBuf,
    inner: shale_shadow::Server,
    /// `server_version_num`, read on first use.
    version: OnceLock<i32>,
}

/// Extra settings for a dedicated server (see [`PgServer::start_with`]).
#[derive(Default, Clone)]
pub struct ServerOptions {
    /// Lines appended to `postgresql.conf`.
    pub conf: Vec<String>,
    /// Files to copy into the data directory before start, `(name, contents)`,
    /// readable only by the server's user (e.g. `server.crt`, `server.key`).
    pub files: Vec<(String, Vec<u8>)>,
}

static SHARED: OnceLock<PgServer> = OnceLock::new();
static DB_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The roles every test server has (roles are per server, and shale never
/// creates one): grants in tests are made to these.
pub const TEST_ROLES: &[&str] = &["app_ro", "app_rw", "app_admin", "reporting"];

/// The roles whose grants tests manage (`[grants] roles`): every `app_*`
/// role and `public`; `reporting` is left unmanaged (its grants are only
/// reported).
pub const MANAGED_ROLES: &[&str] = &["app_*", "public"];

/// The `shale.toml` lines of a test project that manages
/// [`MANAGED_ROLES`]' grants.
pub fn grants_toml() -> String {
    let roles: Vec<String> = MANAGED_ROLES.iter().map(|r| format!("{r:?}")).collect();
    format!("[grants]\nroles = [{}]\n", roles.join(", "))
}

/// The introspection options of tests that compare grants: the defaults,
/// managing [`MANAGED_ROLES`].
pub fn introspect_options() -> shale_introspect::IntrospectOptions {
    shale_introspect::IntrospectOptions {
        managed_roles: MANAGED_ROLES.iter().map(|r| r.to_string()).collect(),
        ..Default::default()
    }
}

/// The server shared by every test of this process, started on first use,
/// with [`TEST_ROLES`] created.
pub fn server() -> &'static PgServer {
    SHARED.get_or_init(|| {
        let server =
            PgServer::start_with(ServerOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let mut client = server.connect("postgres");
        for role in TEST_ROLES {
            client
                .batch_execute(&format!("CREATE ROLE {role} NOLOGIN"))
                .unwrap_or_else(|e| panic!("create role {role}: {e}"));
        }
        server
    })
}

/// Stops every server still running when the test process exits: the shared
/// one and any a test keeps in a `static` (neither is ever dropped).
fn stop_servers_at_exit() {
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    REGISTERED.call_once(|| {
        extern "C" fn stop_all() {
            shale_shadow::stop_all();
        }
        // SAFETY: registering a plain `extern "C"` function with no captured
        // state; it runs once at process exit.
        unsafe {
            libc::atexit(stop_all);
        }
    });
}

/// A fresh, empty database on the shared server; returns its URL.
pub fn fresh_database() -> String {
    server().create_database()
}

/// Where test servers keep their files: `$SHALE_TEST_PGDIR` if set, else
/// `/dev/shm` when it is a memory filesystem with 4 GiB free, else the
/// system's temporary directory. Even without fsync, a disk filesystem makes
/// every `CREATE DATABASE` (7.5 MB of files) and `DROP DATABASE` pay for
/// journalling and writeback: measured on a 2-core development machine, 100 databases
/// created four at a time took 11.7 s on ext4 and 3.3 s on tmpfs, and the
/// writeback of a test making hundreds of them could stall the whole server
/// for longer than a statement timeout.
fn server_parent_dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        if let Some(dir) = std::env::var_os("SHALE_TEST_PGDIR") {
            return Some(PathBuf::from(dir));
        }
        let shm = PathBuf::from("/dev/shm");
        (free_bytes(&shm)? >= 4 << 30).then_some(shm)
    })
    .as_ref()
}

/// The bytes free to unprivileged users on the filesystem of `dir`.
fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: `statvfs` writes into the zeroed struct we own and reads the
    // NUL-terminated path, which outlives the call.
    unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        (libc::statvfs(path.as_ptr(), &mut st) == 0)
            .then(|| st.f_bavail as u64 * st.f_frsize as u64)
    }
}

impl PgServer {
    /// Starts a dedicated server with extra settings.
    pub fn start_with(options: ServerOptions) -> Result<PgServer, String> {
        stop_servers_at_exit();
        let inner = shale_shadow::Server::start(&shale_shadow::ServerOptions {
            conf: options.conf,
            files: options.files,
            password: Some(SUPERUSER_PASSWORD.to_string()),
            parent_dir: server_parent_dir().cloned(),
        })
        .map_err(|e| e.to_string())?;
        Ok(PgServer {
            port: inner.port(),
            data_dir: inner.data_dir().to_path_buf(),
            inner,
            version: OnceLock::new(),
        })
    }

    /// The URL of a database on this server, as the superuser, with password.
    pub fn url(&self, database: &str) -> String {
        self.inner.url(database)
    }

    /// Creates a new empty database and returns its URL.
    pub fn create_database(&self) -> String {
        let name = format!(
            "t{}_{}",
            std::process::id(),
            DB_COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut client = self.connect("postgres");
        // FILE_COPY (PostgreSQL 15+, where WAL_LOG became the default) copies
        // the template's files without also writing them to the WAL: 100
        // databases four at a time in 2.0 s instead of 3.3 s.
        let strategy = if *self.version.get_or_init(|| {
            client
                .query_one("SELECT current_setting('server_version_num')::int4", &[])
                .expect("server version")
                .get::<_, i32>(0)
        }) >= 150000
        {
            " STRATEGY FILE_COPY"
        } else {
            ""
        };
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\"{strategy}"))
            .expect("create database");
        self.url(&name)
    }

    /// A plain client connection to a database of this server.
    pub fn connect(&self, database: &str) -> postgres::Client {
        connect(&self.url(database))
    }

    /// The server's log so far (for failure messages).
    pub fn log(&self) -> String {
        self.inner.log()
    }

    /// Stops the server at once and deletes its files. Idempotent.
    pub fn stop(&self) {
        self.inner.stop();
    }
}

/// Drops the database of a test URL (on whichever server it is), closing
/// its connections first. Tests that make hundreds of databases drop each
/// when done: the server's files stay small and never have to reach the disk.
pub fn drop_database(url: &str) {
    let (base, rest) = url.rsplit_once('/').expect("a database URL");
    let (name, query) = rest.split_once('?').unwrap_or((rest, ""));
    let admin = if query.is_empty() {
        format!("{base}/postgres")
    } else {
        format!("{base}/postgres?{query}")
    };
    connect(&admin)
        .batch_execute(&format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            name.replace('"', "\"\"")
        ))
        .unwrap_or_else(|e| panic!("drop database {name}: {e}"));
}

/// A plain `postgres` client for a test URL (no TLS).
pub fn connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("connect to test database: {e}"))
}

/// The `shale` binary built from this workspace (the `shale-under-test` target
/// of this package, a one-line wrapper around `shale_cli::main`). A macro
/// because Cargo only tells integration tests where the binary is.
#[macro_export]
macro_rules! shale_bin {
    () => {
        std::path::PathBuf::from(env!("CARGO_BIN_EXE_shale-under-test"))
    };
}

/// A `shale` command (the binary from [`shale_bin!`]) that runs in `dir`,
/// with no `DATABASE_URL` inherited and colours off; add arguments and run.
#[macro_export]
macro_rules! shale_command {
    ($dir:expr) => {
        $crate::command_in($crate::shale_bin!(), $dir)
    };
}

/// `bin` as a command in `dir`, without `DATABASE_URL` and colours (see
/// [`shale_command!`]).
pub fn command_in(bin: PathBuf, dir: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(bin);
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("NO_COLOR", "1");
    command
}

/// What a finished command printed: its stdout, then its stderr.
pub fn output_text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Whether `SHALE_BLESS=1`: expected files are rewritten, not compared.
pub fn bless() -> bool {
    std::env::var("SHALE_BLESS").is_ok_and(|v| v == "1")
}

/// Compares `actual` with the expected file at `path`, or, under
/// `SHALE_BLESS=1` and when `blessable`, rewrites the file (and creates its
/// folder). A mismatch is an error with a unified diff.
pub fn compare_or_bless(path: &Path, actual: &str, blessable: bool) -> Result<(), String> {
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    if bless() && blessable {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        }
        return std::fs::write(path, actual).map_err(|e| format!("write {}: {e}", path.display()));
    }
    let Some(expected) = expected else {
        return Err(format!(
            "{} is missing; create it with SHALE_BLESS=1\n{actual}",
            path.display()
        ));
    };
    let diff = similar::TextDiff::from_lines(expected.as_str(), actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string();
    let how = if bless() {
        "not rewritten: the case failed (see below)"
    } else {
        "SHALE_BLESS=1 rewrites it"
    };
    Err(format!("{} differs ({how}):\n{diff}", path.display()))
}

/// [`compare_or_bless`], panicking on a mismatch.
pub fn assert_golden_file(path: &Path, actual: &str) {
    if let Err(e) = compare_or_bless(path, actual, true) {
        panic!("{e}");
    }
}

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `pg_dump --schema-only --no-owner` of a database, without what differs
/// between any two databases of the same schema: the comments pg_dump writes
/// about itself, session settings, the `\restrict` keys and blank lines. The
/// judge of the tests that must not trust shale's own introspection. The
/// tracking table's schema (`drizzle`) is left out: a database shale migrated
/// has it, the one it is compared with may not.
pub fn pg_dump_schema(url: &str) -> Result<String, String> {
    let bin = shale_shadow::find_binaries().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(bin.join("pg_dump"))
        .args([
            "--schema-only",
            "--no-owner",
            "--exclude-schema",
            shale_introspect::DEFAULT_TRACKING_SCHEMA,
            "--dbname",
            url,
        ])
        .output()
        .map_err(|e| format!("pg_dump: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "pg_dump failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            !(l.is_empty()
                || l.starts_with("--")
                || l.starts_with("SET ")
                || l.starts_with("SELECT pg_catalog.set_config")
                || l.starts_with("\\restrict")
                || l.starts_with("\\unrestrict"))
        })
        .collect();
    // pg_dump prints an object's grants in the order of its access list,
    // which is the order they were made in; grants commute, so each run of
    // them is sorted.
    let mut start = 0;
    while start < lines.len() {
        let end = start
            + lines[start..]
                .iter()
                .take_while(|l| l.starts_with("GRANT "))
                .count();
        lines[start..end].sort_unstable();
        start = end.max(start + 1);
    }
    Ok(lines.join("\n"))
}

/// A unified diff of two texts, for failure messages.
pub fn text_diff(expected: &str, actual: &str, expected_name: &str, actual_name: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header(expected_name, actual_name)
        .to_string()
}

/// The database at `url` holds exactly `expected`: introspected (grants of
/// [`MANAGED_ROLES`] compared) and diffed, view queries compared as
/// PostgreSQL prints them (on a scratch database, dropped after). `Err`
/// lists the steps that would reconcile them.
pub fn no_drift(url: &str, expected: &shale_model::Schema) -> Result<(), String> {
    let printed;
    let expected = if expected.views.is_empty() {
        expected
    } else {
        let scratch_url = fresh_database();
        let mut scratch = connect(&scratch_url);
        let canonical = shale_introspect::canonical_views(expected, &mut scratch)
            .map_err(|e| format!("canonical view text: {e}"));
        drop(scratch);
        drop_database(&scratch_url);
        printed = canonical?;
        &printed
    };
    let mut client = connect(url);
    let live = shale_introspect::introspect(&mut client, &introspect_options())
        .map_err(|e| format!("introspection failed: {e}"))?;
    let pair = shale_differ::MigrationPair::new(&live, expected);
    let plan = shale_differ::diff(pair, &shale_model::RenameHints::default())
        .map_err(|a| format!("there is drift (ambiguous):\n{a}"))?;
    if plan.is_empty() {
        return Ok(());
    }
    let steps: Vec<String> = plan.steps.iter().map(|s| format!("  {s:?}")).collect();
    Err(format!(
        "there is drift between the database and the schema; steps:\n{}",
        steps.join("\n")
    ))
}
