//! shale-shadow: throwaway PostgreSQL databases, for `shale check --shadow`,
//! `shale rebase` and shale's own tests.
//!
//! Two ways to get one:
//! * [`Server::start`] runs a real `postgres` from the local server binaries
//!   (`initdb`, `pg_ctl`) on a free loopback port, in a temporary directory
//!   that is deleted when the [`Server`] is dropped (`pg_ctl stop -m
//!   immediate`: nothing in it is worth a clean shutdown, so `fsync` is off
//!   too). PostgreSQL refuses to run as root, so as root the server runs as the
//!   `postgres` user (or `nobody`), which then owns the data directory.
//! * [`ShadowDatabase::create_on`] creates `shale_shadow_<random>` on a server
//!   the caller already has (CI systems without local binaries) and drops it
//!   again afterwards.
//!
//! The binaries are found in `$SHALE_PG_BIN`, else the newest
//! `/usr/lib/postgresql/*/bin`, else on `PATH`.
//!
//! **Architecture invariant:** no knowledge of migrations, schemas or the
//! command line: this crate hands out connections to empty databases and
//! cleans up after them.
#![deny(missing_docs)]

use std::collections::hash_map::RandomState;
use std::ffi::CString;
use std::hash::{BuildHasher, Hasher};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use shale_db::{Client, ConnInfo};

/// Why no throwaway database could be had.
#[derive(Debug, thiserror::Error)]
pub enum ShadowError {
    /// `initdb`/`pg_ctl` are not installed (or not where they were looked for).
    #[error(
        "no local PostgreSQL server binaries (initdb, pg_ctl) found in {searched}: install them \
         (apt-get install postgresql), point $SHALE_PG_BIN at their directory, or pass \
         --shadow-db URL to use a database server you already have"
    )]
    NoBinaries {
        /// Where shale looked.
        searched: String,
    },
    /// Running as root without an unprivileged user to run PostgreSQL as.
    #[error(
        "running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as \
         (it refuses to run as root): create one (useradd postgres), or pass --shadow-db URL"
    )]
    NoUser,
    /// A file or directory operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// `initdb` failed.
    #[error("initdb failed: {output}")]
    Initdb {
        /// Its output.
        output: String,
    },
    /// The server did not start.
    #[error("the throwaway PostgreSQL server did not start: {output}")]
    Start {
        /// `pg_ctl`'s output and the server log.
        output: String,
    },
    /// A connection failed.
    #[error("cannot connect to the shadow database server: {0}")]
    Connect(#[from] shale_db::DbError),
    /// A statement creating or dropping the shadow database failed.
    #[error("{context}: {message}")]
    Sql {
        /// What shale was doing.
        context: String,
        /// PostgreSQL's message.
        message: String,
    },
}

/// Extra settings for a server (see [`Server::start`]).
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Lines appended to `postgresql.conf`.
    pub conf: Vec<String>,
    /// Files to copy into the data directory before start, `(name, contents)`,
    /// readable only by the server's user (e.g. `server.crt`, `server.key`).
    pub files: Vec<(String, Vec<u8>)>,
    /// The `postgres` superuser's password; `None`: a random one.
    pub password: Option<String>,
    /// Where the server's temporary directory is made; `None`: the system's
    /// temporary directory (`$TMPDIR`, else `/tmp`).
    pub parent_dir: Option<PathBuf>,
}

/// A running throwaway PostgreSQL server, stopped and deleted on drop.
pub struct Server {
    port: u16,
    data_dir: PathBuf,
    root: PathBuf,
    bin: PathBuf,
    run_as: Option<(u32, u32)>,
    password: String,
    stopped: Mutex<bool>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// 64 random bits as hex: std's per-process random hash keys, mixed with the
/// time and a counter, so no random-number crate is needed for names.
fn random_hex() -> String {
    let mut h = RandomState::new().build_hasher();
    h.write_usize(COUNTER.fetch_add(1, Ordering::SeqCst));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> ShadowError {
    let what = what.into();
    move |source| ShadowError::Io { what, source }
}

impl Server {
    /// Starts a server: `initdb` into a new temporary directory, settings
    /// for a disposable server (no fsync, loopback TCP only, no Unix socket),
    /// `pg_ctl start` on a free port. Takes one to two seconds.
    pub fn start(options: &ServerOptions) -> Result<Server, ShadowError> {
        let bin = find_binaries()?;
        let run_as = unprivileged_user()?;
        let root = options
            .parent_dir
            .clone()
            .unwrap_or_else(std::env::temp_dir)
            .join(format!("shale-pg-{}-{}", std::process::id(), random_hex()));
        std::fs::create_dir_all(&root).map_err(io(format!("cannot create {}", root.display())))?;
        // From here on the directory is ours to delete, also on error.
        let mut server = Server {
            port: 0,
            data_dir: root.join("data"),
            root,
            bin,
            run_as,
            password: options.password.clone().unwrap_or_else(random_hex),
            // Nothing to stop until pg_ctl start succeeded; the directory is
            // still removed by `stop` through `remove_only`.
            stopped: Mutex::new(false),
        };
        match server.init_and_start(options) {
            Ok(()) => Ok(server),
            Err(e) => {
                *server.stopped.get_mut().unwrap_or_else(|e| e.into_inner()) = true;
                let _ = std::fs::remove_dir_all(&server.root);
                Err(e)
            }
        }
    }

    fn init_and_start(&mut self, options: &ServerOptions) -> Result<(), ShadowError> {
        let root = self.root.clone();
        let pwfile = root.join("pw");
        std::fs::write(&pwfile, &self.password)
            .map_err(io(format!("cannot write {}", pwfile.display())))?;
        if let Some((uid, gid)) = self.run_as {
            chown(&root, uid, gid)?;
            chown(&pwfile, uid, gid)?;
        }
        let out = run_cmd(
            Command::new(self.bin.join("initdb"))
                .arg("-D")
                .arg(&self.data_dir)
                .args([
                    "-U",
                    "postgres",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "-E",
                    "UTF8",
                ])
                .args(["--locale=C", "--no-sync", "--no-instructions"])
                .arg(format!("--pwfile={}", pwfile.display()))
                .current_dir(&root),
            self.run_as,
        )?;
        let _ = std::fs::remove_file(&pwfile);
        if !out.status.success() {
            return Err(ShadowError::Initdb {
                output: output_text(&out),
            });
        }
        let mut conf = vec![
            "listen_addresses = '127.0.0.1'".to_string(),
            "unix_socket_directories = ''".to_string(),
            "fsync = off".to_string(),
            "synchronous_commit = off".to_string(),
            "full_page_writes = off".to_string(),
            "max_connections = 200".to_string(),
            "shared_buffers = 64MB".to_string(),
            // A throwaway server's databases live for seconds: vacuuming them
            // is wasted work (with hundreds of databases the launcher starts a
            // worker every few hundred milliseconds).
            "autovacuum = off".to_string(),
            "log_min_messages = warning".to_string(),
        ];
        conf.extend(options.conf.iter().cloned());
        let conf_path = self.data_dir.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf_path)
            .map_err(io(format!("cannot read {}", conf_path.display())))?;
        text.push_str("\n# shale throwaway server\n");
        for line in &conf {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&conf_path, text)
            .map_err(io(format!("cannot write {}", conf_path.display())))?;
        for (name, contents) in &options.files {
            use std::os::unix::fs::PermissionsExt;
            let p = self.data_dir.join(name);
            std::fs::write(&p, contents).map_err(io(format!("cannot write {}", p.display())))?;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))
                .map_err(io(format!("cannot chmod {}", p.display())))?;
            if let Some((uid, gid)) = self.run_as {
                chown(&p, uid, gid)?;
            }
        }
        // A free port can be taken between probing and binding: retry a few times.
        let mut last = String::new();
        for _ in 0..5 {
            let port = free_port()?;
            let out = run_cmd(
                Command::new(self.bin.join("pg_ctl"))
                    .arg("-D")
                    .arg(&self.data_dir)
                    .arg("-l")
                    .arg(root.join("server.log"))
                    .arg("-o")
                    .arg(format!("-p {port}"))
                    .args(["-w", "-t", "60", "start"])
                    .current_dir(&root),
                self.run_as,
            )?;
            if out.status.success() {
                self.port = port;
                running().push(Running {
                    bin: self.bin.clone(),
                    data_dir: self.data_dir.clone(),
                    root: self.root.clone(),
                    run_as: self.run_as,
                });
                return Ok(());
            }
            last = format!("{}\n{}", output_text(&out), self.log());
        }
        Err(ShadowError::Start { output: last })
    }

    /// The TCP port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The superuser's password.
    pub fn password(&self) -> &str {
        &self.password
    }

    /// The URL of a database on this server, as the `postgres` superuser,
    /// with its password, without TLS.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://postgres:{}@127.0.0.1:{}/{database}?sslmode=disable",
            self.password, self.port
        )
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
        running().retain(|r| r.root != self.root);
        stop_and_remove(&self.bin, &self.data_dir, &self.root, self.run_as);
    }
}

/// What it takes to stop a server, kept for [`stop_all`].
struct Running {
    bin: PathBuf,
    data_dir: PathBuf,
    root: PathBuf,
    run_as: Option<(u32, u32)>,
}

static RUNNING: Mutex<Vec<Running>> = Mutex::new(Vec::new());

fn running() -> std::sync::MutexGuard<'static, Vec<Running>> {
    RUNNING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Stops every server of this process that is still running. For an
/// `atexit` hook: a [`Server`] kept in a `static` is never dropped, and its
/// postmaster would outlive the process otherwise.
pub fn stop_all() {
    let all = std::mem::take(&mut *running());
    for r in all {
        stop_and_remove(&r.bin, &r.data_dir, &r.root, r.run_as);
    }
}

fn stop_and_remove(bin: &Path, data_dir: &Path, root: &Path, run_as: Option<(u32, u32)>) {
    let _ = run_cmd(
        Command::new(bin.join("pg_ctl"))
            .arg("-D")
            .arg(data_dir)
            .args(["-m", "immediate", "-w", "stop"])
            .current_dir(root),
        run_as,
    );
    let _ = std::fs::remove_dir_all(root);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("port", &self.port)
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

enum Owner {
    /// A server started for this database (dropped with it).
    Local(Server),
    /// A database created on the caller's server, dropped through `admin`.
    Remote { admin: ConnInfo },
}

/// An empty database that exists as long as this value: on a throwaway
/// [`Server`], or created on an existing server and dropped again.
pub struct ShadowDatabase {
    info: ConnInfo,
    name: String,
    owner: Owner,
    released: bool,
}

impl ShadowDatabase {
    /// Starts a throwaway server from the local binaries and creates an
    /// empty database on it.
    pub fn start_local() -> Result<ShadowDatabase, ShadowError> {
        let server = Server::start(&ServerOptions::default())?;
        let admin = ConnInfo::parse(&server.url("postgres"))?;
        let name = "shale_shadow".to_string();
        create(&admin, &name)?;
        let mut info = admin;
        info.dbname = name.clone();
        Ok(ShadowDatabase {
            info,
            name,
            owner: Owner::Local(server),
            released: false,
        })
    }

    /// Creates `shale_shadow_<random>` on the server that `url` points at
    /// (any database of it; the role needs `CREATEDB`), to be dropped again
    /// when this value is dropped.
    pub fn create_on(url: &str) -> Result<ShadowDatabase, ShadowError> {
        let admin = ConnInfo::parse(url)?;
        let name = format!("shale_shadow_{}", random_hex());
        create(&admin, &name)?;
        let mut info = admin.clone();
        info.dbname = name.clone();
        Ok(ShadowDatabase {
            info,
            name,
            owner: Owner::Remote { admin },
            released: false,
        })
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the database is, for messages (no password).
    pub fn describe(&self) -> String {
        match &self.owner {
            Owner::Local(server) => format!(
                "a throwaway PostgreSQL server on 127.0.0.1:{}",
                server.port()
            ),
            Owner::Remote { .. } => {
                format!("temporary database {} on {}", self.name, self.info.target())
            }
        }
    }

    /// A new connection to the database.
    pub fn connect(&self) -> Result<Client, ShadowError> {
        Ok(shale_db::connect_info(&self.info)?)
    }

    /// Drops the database (and stops a local server), reporting a failure
    /// to drop, which `Drop` can only ignore.
    pub fn close(mut self) -> Result<(), ShadowError> {
        self.release()
    }

    fn release(&mut self) -> Result<(), ShadowError> {
        if std::mem::replace(&mut self.released, true) {
            return Ok(());
        }
        match &self.owner {
            // Stopping the server deletes everything in it.
            Owner::Local(server) => {
                server.stop();
                Ok(())
            }
            Owner::Remote { admin } => {
                let mut client = shale_db::connect_info(admin)?;
                let ident = quote_ident(&self.name);
                // WITH (FORCE) (PostgreSQL 13+) ends sessions a failed replay
                // may have left behind; older servers get the plain form.
                let forced =
                    client.batch_execute(&format!("DROP DATABASE IF EXISTS {ident} WITH (FORCE)"));
                if forced.is_err() {
                    client.batch_execute(&format!("DROP DATABASE IF EXISTS {ident}")).map_err(|e| {
                        ShadowError::Sql {
                            context: format!(
                                "cannot drop the temporary database {}; drop it by hand with DROP DATABASE {ident}",
                                self.name
                            ),
                            message: shale_db::error_line(&e),
                        }
                    })?;
                }
                Ok(())
            }
        }
    }
}

impl Drop for ShadowDatabase {
    fn drop(&mut self) {
        let _ = self.release();
    }
}

fn create(admin: &ConnInfo, name: &str) -> Result<(), ShadowError> {
    let mut client = shale_db::connect_info(admin)?;
    client
        .batch_execute(&format!("CREATE DATABASE {}", quote_ident(name)))
        .map_err(|e| ShadowError::Sql {
            context: format!(
                "cannot create the temporary database {name} on {} (the role needs CREATEDB)",
                admin.target()
            ),
            message: shale_db::error_line(&e),
        })
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The directory holding `initdb` and `pg_ctl`: `$SHALE_PG_BIN`, else the
/// newest `/usr/lib/postgresql/*/bin` (Debian's layout, not on `PATH`), else
/// `PATH`.
pub fn find_binaries() -> Result<PathBuf, ShadowError> {
    if let Some(dir) = std::env::var_os("SHALE_PG_BIN").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        if dir.join("initdb").exists() && dir.join("pg_ctl").exists() {
            return Ok(dir);
        }
        return Err(ShadowError::NoBinaries {
            searched: format!("$SHALE_PG_BIN ({})", dir.display()),
        });
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").exists() && bin.join("pg_ctl").exists()).then_some((v, bin))
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
    Err(ShadowError::NoBinaries {
        searched: "/usr/lib/postgresql/*/bin and PATH".into(),
    })
}

/// When running as root, the uid/gid of a user PostgreSQL will run as.
fn unprivileged_user() -> Result<Option<(u32, u32)>, ShadowError> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    for name in ["postgres", "nobody"] {
        let c = CString::new(name).expect("no NUL");
        // SAFETY: getpwnam returns NULL or a pointer to static storage that we
        // read immediately, before any other getpw* call.
        let pw = unsafe { libc::getpwnam(c.as_ptr()) };
        if !pw.is_null() {
            // SAFETY: pw is non-null and points at a valid passwd record.
            let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
            return Ok(Some((uid, gid)));
        }
    }
    Err(ShadowError::NoUser)
}

fn chown(path: &Path, uid: u32, gid: u32) -> Result<(), ShadowError> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
        .map_err(io(format!("cannot chown {}", path.display())))
}

fn run_cmd(cmd: &mut Command, run_as: Option<(u32, u32)>) -> Result<Output, ShadowError> {
    use std::os::unix::process::CommandExt;
    if let Some((uid, gid)) = run_as {
        cmd.uid(uid).gid(gid);
    }
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.stdin(Stdio::null())
        .output()
        .map_err(io(format!("cannot run {program}")))
}

fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .trim()
    .to_string()
}

fn free_port() -> Result<u16, ShadowError> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(io("cannot find a free port on 127.0.0.1"))?;
    Ok(l.local_addr()
        .map_err(io("cannot find a free port on 127.0.0.1"))?
        .port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_names_differ() {
        let a = random_hex();
        let b = random_hex();
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_ident("shale_shadow_1"), "\"shale_shadow_1\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn a_missing_binary_directory_is_a_clear_error() {
        // SHALE_PG_BIN is read per call; this test process sets it only here.
        std::env::set_var("SHALE_PG_BIN", "/nonexistent/shale-pg-bin");
        let err = find_binaries().unwrap_err().to_string();
        std::env::remove_var("SHALE_PG_BIN");
        assert!(err.contains("apt-get install postgresql"), "{err}");
        assert!(err.contains("--shadow-db"), "{err}");
        assert!(err.contains("/nonexistent/shale-pg-bin"), "{err}");
    }
}
