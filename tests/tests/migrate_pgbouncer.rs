//! Concurrent runners through PgBouncer in transaction pooling mode (fewer
//! server connections than runners, so consecutive transactions of one runner
//! land on different server sessions): the transaction-scoped advisory lock
//! and the simple-protocol queries still apply each migration exactly once,
//! including a migration run outside a transaction.
//!
//! Needs the `pgbouncer` binary (`apt-get install pgbouncer`; CI installs it).

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use shale_migrations::folder::{MigrationFolder, JOURNAL_PATH};
use shale_migrations::journal::{Journal, PrefixMode};
use shale_migrations::sqlfile;
use shale_runner::{migrate, status, MigrateOptions, TrackingTable};
use shale_tests::SUPERUSER_PASSWORD;

struct Bouncer {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Bouncer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pgbouncer_bin() -> PathBuf {
    for p in [
        "/usr/sbin/pgbouncer",
        "/usr/bin/pgbouncer",
        "/usr/local/bin/pgbouncer",
    ] {
        if std::path::Path::new(p).exists() {
            return p.into();
        }
    }
    panic!("this test needs PgBouncer: apt-get install pgbouncer");
}

/// Starts PgBouncer in transaction mode in front of the shared test server,
/// with a pool of 2 server connections.
fn start_bouncer() -> Bouncer {
    let server_port = shale_tests::server().port;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let users = dir.path().join("users.txt");
    std::fs::write(&users, format!("\"postgres\" \"{SUPERUSER_PASSWORD}\"\n")).unwrap();
    let ini = dir.path().join("pgbouncer.ini");
    let mut f = std::fs::File::create(&ini).unwrap();
    writeln!(
        f,
        "[databases]\n* = host=127.0.0.1 port={server_port}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\n\
         unix_socket_dir =\nauth_type = scram-sha-256\nauth_file = {}\npool_mode = transaction\ndefault_pool_size = 2\n\
         max_client_conn = 100\nlogfile = {}\npidfile = {}\n",
        users.display(),
        dir.path().join("pgbouncer.log").display(),
        dir.path().join("pgbouncer.pid").display()
    )
    .unwrap();
    drop(f);
    for p in [&users, &ini] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut cmd = Command::new(pgbouncer_bin());
    // PgBouncer refuses to run as root.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        std::os::unix::fs::chown(dir.path(), Some(postgres_uid()), None).unwrap();
        cmd.args(["-u", "postgres"]);
    }
    let child = cmd
        .arg(&ini)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let b = Bouncer {
        child,
        port,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "pgbouncer did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    b
}

fn postgres_uid() -> u32 {
    let name = std::ffi::CString::new("postgres").unwrap();
    // SAFETY: getpwnam returns NULL or a pointer to static storage read at once.
    let pw = unsafe { libc::getpwnam(name.as_ptr()) };
    assert!(!pw.is_null(), "no `postgres` user to run pgbouncer as");
    // SAFETY: pw is non-null.
    unsafe { (*pw).pw_uid }
}

fn folder() -> (tempfile::TempDir, MigrationFolder) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("meta")).unwrap();
    let mut j = Journal::new("postgresql");
    let files: [&[&str]; 5] = [
        &["CREATE TABLE a (id int);"],
        &["CREATE TABLE b (id int);", "SELECT pg_sleep(0.01);"],
        &["INSERT INTO a VALUES (1);"],
        &["CREATE INDEX CONCURRENTLY a_id ON a (id);"],
        &["INSERT INTO b VALUES (1);"],
    ];
    for (i, stmts) in files.iter().enumerate() {
        let e = j
            .push_next(
                &format!("m{i}"),
                PrefixMode::Index,
                1_700_000_000_000 + i as i64 * 1000,
            )
            .clone();
        let stmts: Vec<String> = stmts.iter().map(|s| s.to_string()).collect();
        std::fs::write(
            dir.path().join(format!("{}.sql", e.tag)),
            sqlfile::render(&stmts, &[]),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join(JOURNAL_PATH), j.to_json()).unwrap();
    let folder = MigrationFolder::load(dir.path()).unwrap();
    (dir, folder)
}

#[test]
fn concurrent_runners_through_a_transaction_pooler() {
    let bouncer = start_bouncer();
    let (_dir, folder) = folder();
    let folder = std::sync::Arc::new(folder);
    for rep in 0..5 {
        let direct = shale_tests::fresh_database();
        let db = direct
            .rsplit('/')
            .next()
            .unwrap()
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let pooled = format!(
            "postgres://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{}/{db}?sslmode=disable",
            bouncer.port
        );
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (url, folder, barrier) = (pooled.clone(), folder.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut client = shale_db::connect(&url).map_err(|e| e.to_string())?;
                    barrier.wait();
                    migrate(&mut client, &folder, &MigrateOptions::default())
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        let mut applied = 0;
        for h in handles {
            applied += h
                .join()
                .unwrap()
                .unwrap_or_else(|e| panic!("repetition {rep}: {e}"))
                .applied
                .len();
        }
        assert_eq!(applied, 5, "repetition {rep}");
        let mut client = shale_tests::connect(&direct);
        let rows: i64 = client
            .query_one("SELECT count(*) FROM drizzle.__drizzle_migrations", &[])
            .unwrap()
            .get(0);
        assert_eq!(rows, 5, "repetition {rep}");
        let n: i64 = client
            .query_one("SELECT count(*) FROM a", &[])
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "repetition {rep}");
        let mut pooled_client = shale_db::connect(&pooled).unwrap();
        assert!(
            status(&mut pooled_client, &folder, &TrackingTable::default())
                .unwrap()
                .is_up_to_date()
        );
    }
}
