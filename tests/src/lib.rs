//! Test support for shale's end-to-end and golden tests: throwaway PostgreSQL
//! servers started from the local PostgreSQL binaries, fresh databases, and the
//! path of the `shale` binary under test.
//!
//! **Never a mock.** Every server is a real `postgres` started with
//! `initdb`/`pg_ctl` on a free loopback port, in a temporary directory that is
//! removed when the test process exits. PostgreSQL refuses to run as root, so
//! when the tests run as root (as in CI) the server runs as the `postgres` user
//! (or `nobody`), which owns the data directory.
//!
//! The binaries are found in `$SHALE_PG_BIN`, else the newest
//! `/usr/lib/postgresql/*/bin`, else on `PATH`.

pub mod arbitrary;

use std::ffi::CString;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

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
    root: PathBuf,
    bin: PathBuf,
    run_as: Option<(u32, u32)>,
    stopped: Mutex<bool>,
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

/// The server shared by every test of this process, started on first use.
pub fn server() -> &'static PgServer {
    SHARED.get_or_init(|| {
        let server = PgServer::start_with(ServerOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        extern "C" fn stop_shared() {
            if let Some(s) = SHARED.get() {
                s.stop();
            }
        }
        // SAFETY: registering a plain `extern "C"` function with no captured
        // state; it runs once at process exit.
        unsafe {
            libc::atexit(stop_shared);
        }
        server
    })
}

/// A fresh, empty database on the shared server; returns its URL.
pub fn fresh_database() -> String {
    server().create_database()
}

impl PgServer {
    /// Starts a dedicated server with extra settings.
    pub fn start_with(options: ServerOptions) -> Result<PgServer, String> {
        let bin = pg_bin_dir()?;
        let run_as = unprivileged_user();
        let root = std::env::temp_dir().join(format!(
            "shale-pg-{}-{}",
            std::process::id(),
            DB_COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).map_err(|e| format!("create {}: {e}", root.display()))?;
        let data_dir = root.join("data");
        let pwfile = root.join("pw");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).map_err(|e| e.to_string())?;
        if let Some((uid, gid)) = run_as {
            chown(&root, uid, gid)?;
            chown(&pwfile, uid, gid)?;
        }
        let out = run_cmd(
            Command::new(bin.join("initdb"))
                .arg("-D")
                .arg(&data_dir)
                .args(["-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8"])
                .args(["--locale=C", "--no-sync", "--no-instructions"])
                .arg(format!("--pwfile={}", pwfile.display()))
                .current_dir(&root),
            run_as,
        )?;
        if !out.status.success() {
            return Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let mut conf = vec![
            "listen_addresses = '127.0.0.1'".to_string(),
            "unix_socket_directories = ''".to_string(),
            "fsync = off".to_string(),
            "synchronous_commit = off".to_string(),
            "full_page_writes = off".to_string(),
            "max_connections = 200".to_string(),
            "shared_buffers = 64MB".to_string(),
            "log_min_messages = warning".to_string(),
        ];
        conf.extend(options.conf.iter().cloned());
        let conf_path = data_dir.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf_path).map_err(|e| e.to_string())?;
        text.push_str("\n# shale test server\n");
        for line in &conf {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&conf_path, text).map_err(|e| e.to_string())?;
        for (name, contents) in &options.files {
            let p = data_dir.join(name);
            std::fs::write(&p, contents).map_err(|e| e.to_string())?;
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).map_err(|e| e.to_string())?;
            if let Some((uid, gid)) = run_as {
                chown(&p, uid, gid)?;
            }
        }
        // A free port can be taken between probing and binding: retry a few times.
        let mut last_err = String::new();
        for _ in 0..5 {
            let port = free_port()?;
            let out = run_cmd(
                Command::new(bin.join("pg_ctl"))
                    .arg("-D")
                    .arg(&data_dir)
                    .arg("-l")
                    .arg(root.join("server.log"))
                    .arg("-o")
                    .arg(format!("-p {port}"))
                    .args(["-w", "-t", "60", "start"])
                    .current_dir(&root),
                run_as,
            )?;
            if out.status.success() {
                return Ok(PgServer { port, data_dir, root, bin, run_as, stopped: Mutex::new(false) });
            }
            last_err = format!(
                "pg_ctl start failed: {}{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr),
                std::fs::read_to_string(root.join("server.log")).unwrap_or_default()
            );
        }
        Err(last_err)
    }

    /// The URL of a database on this server, as the superuser, with password.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{}/{database}?sslmode=disable", self.port)
    }

    /// Creates a new empty database and returns its URL.
    pub fn create_database(&self) -> String {
        let name = format!("t{}_{}", std::process::id(), DB_COUNTER.fetch_add(1, Ordering::SeqCst));
        let mut client = self.connect("postgres");
        client.batch_execute(&format!("CREATE DATABASE \"{name}\"")).expect("create database");
        self.url(&name)
    }

    /// A plain client connection to a database of this server.
    pub fn connect(&self, database: &str) -> postgres::Client {
        connect(&self.url(database))
    }

    /// The server's log so far (for failure messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default()
    }

    /// Stops the server at once and deletes its files. Idempotent.
    pub fn stop(&self) {
        let mut stopped = self.stopped.lock().unwrap_or_else(|e| e.into_inner());
        if *stopped {
            return;
        }
        *stopped = true;
        let _ = run_cmd(
            Command::new(self.bin.join("pg_ctl"))
                .arg("-D")
                .arg(&self.data_dir)
                .args(["-m", "immediate", "-w", "stop"])
                .current_dir(&self.root),
            self.run_as,
        );
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A plain `postgres` client for a test URL (no TLS).
pub fn connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| panic!("connect to test database: {e}"))
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

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

fn pg_bin_dir() -> Result<PathBuf, String> {
    if let Ok(dir) = std::env::var("SHALE_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if dir.join("initdb").exists() && dir.join("pg_ctl").exists() {
            return Ok(dir);
        }
    }
    Err("PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL \
         (apt-get install postgresql) or set SHALE_PG_BIN"
        .into())
}

/// When running as root, the uid/gid of a user PostgreSQL will run as.
fn unprivileged_user() -> Option<(u32, u32)> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    for name in ["postgres", "nobody"] {
        let c = CString::new(name).expect("no NUL");
        // SAFETY: getpwnam returns NULL or a pointer to static storage that we
        // read immediately, before any other getpw* call.
        let pw = unsafe { libc::getpwnam(c.as_ptr()) };
        if !pw.is_null() {
            // SAFETY: pw is non-null and points at a valid passwd record.
            let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
            return Some((uid, gid));
        }
    }
    panic!("running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as");
}

fn chown(path: &Path, uid: u32, gid: u32) -> Result<(), String> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).map_err(|e| format!("chown {}: {e}", path.display()))
}

fn run_cmd(cmd: &mut Command, run_as: Option<(u32, u32)>) -> Result<std::process::Output, String> {
    use std::os::unix::process::CommandExt;
    if let Some((uid, gid)) = run_as {
        cmd.uid(uid).gid(gid);
    }
    cmd.stdin(Stdio::null()).output().map_err(|e| format!("run {:?}: {e}", cmd.get_program()))
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}
