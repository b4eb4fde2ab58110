//! Connections through `shale_db`: TLS modes against a throwaway server with a
//! certificate from a private test CA, and the one-line, password-free errors
//! for a wrong password, a missing database, an unreachable server and a
//! server without TLS.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use shale_db::DbError;
use shale_tests::{PgServer, ServerOptions, SUPERUSER_PASSWORD};

/// A CA, and a server certificate for `localhost` signed by it, made with the
/// `openssl` command line.
struct Certs {
    _dir: tempfile::TempDir,
    ca: PathBuf,
    crt: Vec<u8>,
    key: Vec<u8>,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("the TLS tests need the openssl command line (apt-get install openssl): {e}")
        });
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn certs() -> Certs {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=shale test CA",
    ]);
    openssl(d, &ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    openssl(d, &csr);
    std::fs::write(
        d.join("ext.cnf"),
        "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
    Certs {
        ca: d.join("ca.crt"),
        crt: std::fs::read(d.join("server.crt")).unwrap(),
        key: std::fs::read(d.join("server.key")).unwrap(),
        _dir: dir,
    }
}

/// One TLS server (and its certificates) for all tests of this file.
fn tls_server() -> &'static (PgServer, Certs) {
    static SERVER: OnceLock<(PgServer, Certs)> = OnceLock::new();
    SERVER.get_or_init(|| {
        let certs = certs();
        let server = PgServer::start_with(ServerOptions {
            conf: vec![
                "ssl = on".into(),
                "ssl_cert_file = 'server.crt'".into(),
                "ssl_key_file = 'server.key'".into(),
            ],
            files: vec![
                ("server.crt".into(), certs.crt.clone()),
                ("server.key".into(), certs.key.clone()),
            ],
        })
        .unwrap_or_else(|e| panic!("{e}"));
        (server, certs)
    })
}

fn url(host: &str, port: u16, query: &str) -> String {
    format!("postgres://postgres:{SUPERUSER_PASSWORD}@{host}:{port}/postgres?{query}")
}

fn uses_tls(client: &mut postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0)
}

fn assert_clean(msg: &str) {
    assert!(!msg.contains(SUPERUSER_PASSWORD), "password leaked: {msg}");
    assert!(!msg.contains('\n'), "not one line: {msg}");
    assert!(!msg.ends_with('.'), "ends with a period: {msg}");
}

fn connect_err(url: &str) -> DbError {
    match shale_db::connect(url) {
        Ok(_) => panic!("connected to {}", shale_db::redact(url)),
        Err(e) => {
            assert_clean(&e.to_string());
            assert!(
                !format!("{e:?}").contains(SUPERUSER_PASSWORD),
                "password in Debug: {e:?}"
            );
            e
        }
    }
}

#[test]
fn require_encrypts_without_verifying() {
    let (server, _) = tls_server();
    let mut c = shale_db::connect(&url("127.0.0.1", server.port, "sslmode=require"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&mut c));
    let mut c = shale_db::connect(&url("localhost", server.port, "sslmode=prefer"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&mut c), "prefer uses TLS when offered");
    let mut c = shale_db::connect(&url("127.0.0.1", server.port, "sslmode=disable"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&mut c));
}

#[test]
fn verify_full_refuses_an_unknown_certificate() {
    let (server, _) = tls_server();
    let err = connect_err(&url("localhost", server.port, "sslmode=verify-full"));
    assert!(matches!(err, DbError::Tls { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("not signed by a trusted authority"), "{msg}");
    assert!(msg.contains("sslmode=verify-full"), "{msg}");
    let err = connect_err(&url("localhost", server.port, "sslmode=verify-ca"));
    assert!(
        err.to_string()
            .contains("not signed by a trusted authority"),
        "{err}"
    );
}

#[test]
fn verify_with_the_servers_ca() {
    let (server, certs) = tls_server();
    let ca = format!("sslrootcert={}", certs.ca.display());
    let mut c = shale_db::connect(&url(
        "localhost",
        server.port,
        &format!("sslmode=verify-full&{ca}"),
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&mut c));
    // The certificate names localhost, not 127.0.0.1: verify-full refuses,
    // verify-ca (chain only) accepts.
    let err = connect_err(&url(
        "127.0.0.1",
        server.port,
        &format!("sslmode=verify-full&{ca}"),
    ));
    assert!(
        err.to_string().contains("not valid for host 127.0.0.1"),
        "{err}"
    );
    let mut c = shale_db::connect(&url(
        "127.0.0.1",
        server.port,
        &format!("sslmode=verify-ca&{ca}"),
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&mut c));
    let err = connect_err(&url(
        "localhost",
        server.port,
        "sslmode=verify-full&sslrootcert=/nonexistent/ca.crt",
    ));
    assert!(
        err.to_string()
            .contains("cannot read sslrootcert /nonexistent/ca.crt"),
        "{err}"
    );
}

#[test]
fn server_without_tls() {
    let db = shale_tests::fresh_database();
    let port = shale_tests::server().port;
    let err = connect_err(&db.replace("sslmode=disable", "sslmode=require"));
    assert!(err.to_string().contains("does not support TLS"), "{err}");
    let mut c = shale_db::connect(&db.replace("sslmode=disable", "sslmode=prefer"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&mut c));
    let mut c = shale_db::connect(&url("127.0.0.1", port, "")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !uses_tls(&mut c),
        "the default (prefer) falls back to plain"
    );
}

#[test]
fn connection_errors_are_one_line_without_password() {
    let db = shale_tests::fresh_database();
    let port = shale_tests::server().port;

    let err = connect_err(&db.replace(SUPERUSER_PASSWORD, "wrong-password"));
    assert!(matches!(err, DbError::Authentication { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("authentication failed for user `postgres`"),
        "{err}"
    );
    assert!(!err.to_string().contains("wrong-password"), "{err}");

    let err = connect_err(
        &url("127.0.0.1", port, "sslmode=disable").replace("/postgres?", "/no_such_db?"),
    );
    assert!(matches!(err, DbError::DatabaseMissing { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("database `no_such_db` does not exist on 127.0.0.1:"),
        "{err}"
    );

    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = connect_err(&url("127.0.0.1", free, "sslmode=disable"));
    assert!(matches!(err, DbError::Unreachable { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("cannot reach PostgreSQL at 127.0.0.1:{free}")),
        "{err}"
    );

    let err = connect_err(&url(
        "no-such-host.invalid",
        5432,
        "sslmode=disable&connect_timeout=3",
    ));
    assert!(
        matches!(err, DbError::Unreachable { .. } | DbError::Timeout { .. }),
        "{err:?}"
    );

    // A peer that accepts and never answers: bounded by connect_timeout.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let holder = std::thread::spawn(move || {
        let conn = silent.accept();
        std::thread::sleep(std::time::Duration::from_secs(5));
        drop(conn);
    });
    let started = std::time::Instant::now();
    let err = connect_err(&url(
        "127.0.0.1",
        silent_port,
        "sslmode=disable&connect_timeout=2",
    ));
    assert!(
        matches!(err, DbError::Timeout { seconds: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("timed out after 2s"), "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    holder.join().unwrap();

    let err = connect_err(&format!("{db}&pool_size=5"));
    assert!(
        err.to_string()
            .contains("unknown database url option `pool_size`"),
        "{err}"
    );
}

#[test]
fn settings_from_the_url_apply_to_the_session() {
    let db = shale_tests::fresh_database();
    let mut c = shale_db::connect(&format!(
        "{db}&statement_timeout=150ms&lock_timeout=2s&application_name=shale-test"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let row = c.query_one("SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('application_name')", &[]).unwrap();
    assert_eq!(
        (
            row.get::<_, String>(0),
            row.get::<_, String>(1),
            row.get::<_, String>(2)
        ),
        ("150ms".into(), "2s".into(), "shale-test".into())
    );
    let err = c.batch_execute("SELECT pg_sleep(1)").unwrap_err();
    assert!(
        shale_db::error_line(&err).contains("statement timeout"),
        "{err}"
    );
    let err = connect_err(&format!("{db}&statement_timeout=soon"));
    assert!(matches!(err, DbError::Setting { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("cannot apply statement_timeout=soon"),
        "{err}"
    );
}
