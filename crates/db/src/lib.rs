//! Connections to PostgreSQL: URL parsing (`postgres://`, `postgresql://`),
//! `sslmode` with TLS through rustls, timeouts, and errors that never show a
//! password.
//!
//! **Architecture invariant:** with `shale-introspect` and `shale-runner`, the
//! only code that talks to a database; this crate owns how to connect.
//!
//! ```no_run
//! let mut client = shale_db::connect("postgres://app:secret@db.example.com/app?sslmode=require")?;
//! client.batch_execute("SELECT 1")?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod conninfo;
mod tls;

use std::error::Error as _;

pub use conninfo::{quote_literal, redact, ConnInfo, Host, Settings, SslMode, SUPPORTED_OPTIONS};
pub use postgres::Client;

use tls::Verify;

/// Why a connection could not be made. Every message is one line, names the
/// server but never the password, and says what to do.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum DbError {
    /// Not a usable database URL.
    #[error("invalid database url {url}: {reason}; expected postgres://user:password@host:port/database")]
    InvalidUrl {
        /// The URL, redacted.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// A query option shale does not know.
    #[error("unknown database url option `{name}`; supported options: {supported}")]
    UnknownOption {
        /// The option.
        name: String,
        /// The supported options.
        supported: String,
    },
    /// A query option with a bad value.
    #[error("database url option {name}={value} is invalid; expected {expected}")]
    InvalidOption {
        /// The option.
        name: String,
        /// Its value (`***` for a password).
        value: String,
        /// What it may be.
        expected: String,
    },
    /// No server answers there.
    #[error("cannot reach PostgreSQL at {target}: {reason}; check the host and port, and that the server is running")]
    Unreachable {
        /// `host:port`.
        target: String,
        /// The system's reason.
        reason: String,
    },
    /// Connecting took longer than `connect_timeout`.
    #[error("timed out after {seconds}s connecting to PostgreSQL at {target}; check the host, port and firewall, or raise connect_timeout in the database url")]
    Timeout {
        /// `host:port`.
        target: String,
        /// The timeout.
        seconds: u64,
    },
    /// Wrong password, unknown role, or no password given when one is required.
    #[error("authentication failed for user `{user}` at {target}: {reason}; check the user and password in the database url")]
    Authentication {
        /// The role.
        user: String,
        /// `host:port`.
        target: String,
        /// The server's message.
        reason: String,
    },
    /// The database does not exist.
    #[error("database `{dbname}` does not exist on {target}; create it (createdb {dbname}) or fix the database name in the url")]
    DatabaseMissing {
        /// The database.
        dbname: String,
        /// `host:port`.
        target: String,
    },
    /// TLS could not be set up or was refused.
    #[error("TLS connection to {target} failed: {reason}")]
    Tls {
        /// `host:port`.
        target: String,
        /// What failed and what to do.
        reason: String,
    },
    /// The server refused the connection for another reason.
    #[error("PostgreSQL at {target} refused the connection: {message}")]
    Server {
        /// `host:port`.
        target: String,
        /// The server's message.
        message: String,
    },
    /// A setting from the URL (`statement_timeout`, `lock_timeout`) was refused.
    #[error(
        "cannot apply {name}={value}: {message}; use a number of milliseconds or a value like 30s"
    )]
    Setting {
        /// The setting.
        name: String,
        /// Its value.
        value: String,
        /// The server's message.
        message: String,
    },
    /// Anything else.
    #[error("connection to PostgreSQL at {target} failed: {message}")]
    Other {
        /// `host:port`.
        target: String,
        /// The driver's message.
        message: String,
    },
}

/// Connects to the database a URL names, applying its settings. See
/// [`connect_info`].
pub fn connect(url: &str) -> Result<Client, DbError> {
    connect_info(&ConnInfo::parse(url)?)
}

/// Connects with a parsed URL: TLS per `sslmode` (rustls, `ring` provider),
/// then applies `statement_timeout`/`lock_timeout` as session settings.
///
/// * `disable`: plain TCP.
/// * `prefer`: TLS without certificate verification if the server offers it,
///   else plain; a failed TLS handshake is retried in plain (libpq's behaviour).
/// * `require`: TLS, certificate not verified (libpq semantics, so managed
///   servers with any certificate work); with `sslrootcert` it verifies the
///   chain, as libpq does.
/// * `verify-ca`: TLS, chain verified against `sslrootcert` or the Mozilla roots.
/// * `verify-full`: as `verify-ca`, plus the host name.
pub fn connect_info(info: &ConnInfo) -> Result<Client, DbError> {
    use postgres::config::SslMode as Pg;
    let rootcert = info.sslrootcert.as_deref();
    let tls_error = |reason: String| DbError::Tls {
        target: info.target(),
        reason,
    };
    let mut client = match info.sslmode {
        SslMode::Disable => connect_plain(info)?,
        SslMode::Prefer => {
            let config = tls::client_config(Verify::Nothing, None).map_err(tls_error)?;
            match connect_tls(info, config, Pg::Prefer) {
                Err(DbError::Tls { .. }) => connect_plain(info)?,
                other => other?,
            }
        }
        SslMode::Require => {
            let verify = if rootcert.is_some() {
                Verify::Chain
            } else {
                Verify::Nothing
            };
            connect_tls(
                info,
                tls::client_config(verify, rootcert).map_err(tls_error)?,
                Pg::Require,
            )?
        }
        SslMode::VerifyCa => connect_tls(
            info,
            tls::client_config(Verify::Chain, rootcert).map_err(tls_error)?,
            Pg::Require,
        )?,
        SslMode::VerifyFull => connect_tls(
            info,
            tls::client_config(Verify::ChainAndName, rootcert).map_err(tls_error)?,
            Pg::Require,
        )?,
    };
    for (name, value) in [
        ("statement_timeout", &info.settings.statement_timeout),
        ("lock_timeout", &info.settings.lock_timeout),
        ("search_path", &info.settings.search_path),
    ] {
        if let Some(value) = value {
            client
                .batch_execute(&format!("SET {name} = {}", quote_literal(value)))
                .map_err(|e| DbError::Setting {
                    name: name.into(),
                    value: value.clone(),
                    message: info.scrub(&error_line(&e)),
                })?;
        }
    }
    Ok(client)
}

fn connect_plain(info: &ConnInfo) -> Result<Client, DbError> {
    let mut config = info.to_config();
    config.ssl_mode(postgres::config::SslMode::Disable);
    bounded(info, move || config.connect(postgres::NoTls))
}

fn connect_tls(
    info: &ConnInfo,
    tls: rustls::ClientConfig,
    mode: postgres::config::SslMode,
) -> Result<Client, DbError> {
    let mut config = info.to_config();
    config.ssl_mode(mode);
    bounded(info, move || {
        config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
    })
}

/// Runs a connection attempt with `connect_timeout` bounding the whole of it.
/// The driver's own timeout covers only the TCP connect; a peer that accepts
/// and then never answers (a proxy, a wrong port) would otherwise hang the
/// TLS or startup exchange forever. On timeout the attempt is left to finish
/// on its thread and its result is dropped.
fn bounded<F>(info: &ConnInfo, attempt: F) -> Result<Client, DbError>
where
    F: FnOnce() -> Result<Client, postgres::Error> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("shale-db-connect".into())
        .spawn(move || {
            let _ = tx.send(attempt());
        })
        .map_err(|e| DbError::Other {
            target: info.target(),
            message: format!("cannot start a thread: {e}"),
        })?;
    match rx.recv_timeout(info.connect_timeout) {
        Ok(result) => result.map_err(|e| classify(info, &e)),
        Err(_) => Err(DbError::Timeout {
            target: info.target(),
            seconds: info.connect_timeout.as_secs(),
        }),
    }
}

/// Turns a driver error at connect time into a [`DbError`].
fn classify(info: &ConnInfo, e: &postgres::Error) -> DbError {
    let target = info.target();
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let message = info.scrub(db.message());
        return match code {
            "3D000" => DbError::DatabaseMissing {
                dbname: info.dbname.clone(),
                target,
            },
            "28P01" | "28000" => DbError::Authentication {
                user: info.user.clone(),
                target,
                reason: message,
            },
            _ => DbError::Server { target, message },
        };
    }
    let top = e.to_string();
    // The rustls error, if any, sits inside an io::Error in the chain.
    let mut io_kind = None;
    let mut io_message = None;
    let mut source = e.source();
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return DbError::Tls {
                    target,
                    reason: describe_tls(info, tls),
                };
            }
            io_kind.get_or_insert(io.kind());
            io_message.get_or_insert_with(|| io.to_string());
        }
        if let Some(tls) = s.downcast_ref::<rustls::Error>() {
            return DbError::Tls {
                target,
                reason: describe_tls(info, tls),
            };
        }
        source = s.source();
    }
    let detail = error_chain(e);
    if top.contains("TLS") || detail.contains("does not support TLS") {
        let reason = if detail.contains("does not support TLS") {
            format!(
                "the server does not support TLS; use sslmode=disable or sslmode=prefer if an unencrypted connection is acceptable (sslmode={})",
                info.sslmode.as_str()
            )
        } else {
            info.scrub(&detail)
        };
        return DbError::Tls { target, reason };
    }
    if top.contains("authentication") || detail.contains("password missing") {
        let reason = if detail.contains("password missing") {
            "the server asks for a password and the url has none".to_string()
        } else {
            info.scrub(&detail)
        };
        return DbError::Authentication {
            user: info.user.clone(),
            target,
            reason,
        };
    }
    match io_kind {
        Some(std::io::ErrorKind::TimedOut) => DbError::Timeout {
            target,
            seconds: info.connect_timeout.as_secs(),
        },
        Some(_) if top.contains("connecting") => DbError::Unreachable {
            target,
            reason: info.scrub(io_message.as_deref().unwrap_or(&detail)),
        },
        _ if top.contains("timeout") => DbError::Timeout {
            target,
            seconds: info.connect_timeout.as_secs(),
        },
        _ => DbError::Other {
            target,
            message: info.scrub(&detail),
        },
    }
}

fn describe_tls(info: &ConnInfo, e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    let mode = info.sslmode.as_str();
    match e {
        rustls::Error::InvalidCertificate(C::UnknownIssuer) => format!(
            "the server's certificate is not signed by a trusted authority (sslmode={mode}); give the server's CA with sslrootcert=PATH, or use sslmode=require to encrypt without verifying the certificate"
        ),
        rustls::Error::InvalidCertificate(C::NotValidForName | C::NotValidForNameContext { .. }) => format!(
            "the server's certificate is not valid for host {} (sslmode={mode}); connect with the name the certificate was issued for, or use sslmode=verify-ca",
            info.host
        ),
        rustls::Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => {
            format!("the server's certificate has expired (sslmode={mode}); renew it on the server")
        }
        other => format!("{} (sslmode={mode})", info.scrub(&other.to_string())),
    }
}

/// One line describing a driver error: the server's message (with detail and
/// hint when present) or the driver's error and its causes.
pub fn error_line(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = db.message().to_string();
        if let Some(d) = db.detail() {
            s.push_str(&format!(" (detail: {d})"));
        }
        if let Some(h) = db.hint() {
            s.push_str(&format!(" (hint: {h})"));
        }
        return s.replace('\n', " ");
    }
    error_chain(e)
}

/// The error and its sources joined with `: `, on one line.
fn error_chain(e: &postgres::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ").replace('\n', " ")
}
