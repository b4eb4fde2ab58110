//! Database URLs: parsing `postgres://`/`postgresql://` URLs (libpq's URI
//! syntax and query options) into [`ConnInfo`], and redacting passwords.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use percent_encoding::percent_decode_str;

use crate::DbError;

/// libpq's `sslmode`, as far as shale supports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS when the server offers it (certificate not verified), else plain;
    /// libpq's default.
    #[default]
    Prefer,
    /// TLS always; the certificate is not verified (libpq semantics), unless
    /// `sslrootcert` is given, which makes it behave as `verify-ca`.
    Require,
    /// TLS, certificate chain verified against trusted roots; host name not checked.
    VerifyCa,
    /// TLS, chain and host name verified.
    VerifyFull,
}

impl SslMode {
    /// Parses libpq's spelling.
    pub fn parse(s: &str) -> Option<SslMode> {
        Some(match s {
            "disable" => SslMode::Disable,
            "prefer" | "allow" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    /// libpq's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// Where the server is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// A host name or IP address, reached over TCP.
    Tcp(String),
    /// A directory holding the server's Unix socket.
    Socket(PathBuf),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Tcp(h) if h.contains(':') => write!(f, "[{h}]"),
            Host::Tcp(h) => f.write_str(h),
            Host::Socket(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Session settings applied right after connecting (PostgreSQL accepts a
/// number in milliseconds or a value with a unit, e.g. `5s`, `1min`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Settings {
    /// `statement_timeout`.
    pub statement_timeout: Option<String>,
    /// `lock_timeout`.
    pub lock_timeout: Option<String>,
    /// `search_path`: one schema name (a schema-per-tenant target of a
    /// fleet), set as a literal so any name is quoted as an identifier.
    pub search_path: Option<String>,
}

impl Settings {
    /// `SET` statements for these settings (`LOCAL` ones for use inside a
    /// transaction, which survive a transaction-mode pooler).
    pub fn set_sql(&self, local: bool) -> String {
        let scope = if local { "SET LOCAL" } else { "SET" };
        let mut out = String::new();
        for (name, value) in [
            ("statement_timeout", &self.statement_timeout),
            ("lock_timeout", &self.lock_timeout),
            ("search_path", &self.search_path),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("{scope} {name} = {};", quote_literal(v)));
            }
        }
        out
    }
}

/// A parsed database URL. The password is kept private and never printed
/// (`Debug` and [`ConnInfo::redacted`] hide it).
#[derive(Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// The role to connect as.
    pub user: String,
    pub(crate) password: Option<String>,
    /// The server.
    pub host: Host,
    /// The port.
    pub port: u16,
    /// The database.
    pub dbname: String,
    /// TLS mode.
    pub sslmode: SslMode,
    /// PEM file of trusted root certificates (`sslrootcert`).
    pub sslrootcert: Option<PathBuf>,
    /// `connect_timeout` (shale's default: 10 s, so nothing hangs).
    pub connect_timeout: Duration,
    /// `application_name`.
    pub application_name: Option<String>,
    /// `options` (command-line options sent to the server, e.g. `-c search_path=x`).
    pub options: Option<String>,
    /// `channel_binding` (`disable`, `prefer`, `require`).
    pub channel_binding: Option<String>,
    /// Settings applied after connecting.
    pub settings: Settings,
}

/// The query options shale understands, for the unknown-option message.
pub const SUPPORTED_OPTIONS: &[&str] = &[
    "sslmode",
    "sslrootcert",
    "connect_timeout",
    "application_name",
    "options",
    "statement_timeout",
    "lock_timeout",
    "channel_binding",
    "host",
    "port",
    "user",
    "password",
    "dbname",
];

impl fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnInfo")
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("host", &self.host)
            .field("port", &self.port)
            .field("dbname", &self.dbname)
            .field("sslmode", &self.sslmode)
            .field("sslrootcert", &self.sslrootcert)
            .field("connect_timeout", &self.connect_timeout)
            .field("application_name", &self.application_name)
            .field("options", &self.options)
            .field("channel_binding", &self.channel_binding)
            .field("settings", &self.settings)
            .finish()
    }
}

impl ConnInfo {
    /// Parses a `postgres://` or `postgresql://` URL. Errors never contain the
    /// password.
    pub fn parse(url: &str) -> Result<ConnInfo, DbError> {
        let url = url.trim();
        let invalid = |reason: &str| DbError::InvalidUrl {
            url: redact(url),
            reason: reason.to_string(),
        };
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("postgres://") || lower.starts_with("postgresql://")) {
            return Err(invalid(
                "it does not start with postgres:// or postgresql://",
            ));
        }
        let parsed = url::Url::parse(url).map_err(|e| invalid(&e.to_string()))?;
        let decode = |s: &str| -> Result<String, DbError> {
            percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|_| invalid("a percent-encoded part is not UTF-8"))
        };
        let mut user = decode(parsed.username())?;
        let mut password = match parsed.password() {
            Some(p) => Some(decode(p)?),
            None => None,
        };
        let mut host = match parsed.host() {
            Some(url::Host::Ipv6(ip)) => Some(Host::Tcp(ip.to_string())),
            Some(url::Host::Ipv4(ip)) => Some(Host::Tcp(ip.to_string())),
            Some(url::Host::Domain(d)) if !d.is_empty() => {
                let d = decode(d)?;
                if d.contains(',') {
                    return Err(invalid("several hosts are not supported; give one host"));
                }
                Some(if d.starts_with('/') {
                    Host::Socket(PathBuf::from(d))
                } else {
                    Host::Tcp(d)
                })
            }
            _ => None,
        };
        let mut port = parsed.port();
        let path = parsed.path().strip_prefix('/').unwrap_or(parsed.path());
        let mut dbname = if path.is_empty() {
            None
        } else {
            Some(decode(path)?)
        };
        let mut info_sslmode = SslMode::default();
        let mut sslrootcert = None;
        let mut connect_timeout = Duration::from_secs(10);
        let mut application_name = None;
        let mut options = None;
        let mut channel_binding = None;
        let mut settings = Settings::default();
        for (key, value) in parsed.query_pairs() {
            let value = value.into_owned();
            let bad = |expected: &str| DbError::InvalidOption {
                name: key.to_string(),
                value: if key == "password" {
                    "***".into()
                } else {
                    value.clone()
                },
                expected: expected.to_string(),
            };
            match key.as_ref() {
                "sslmode" => {
                    info_sslmode = SslMode::parse(&value)
                        .ok_or_else(|| bad("disable, prefer, require, verify-ca or verify-full"))?
                }
                "sslrootcert" => sslrootcert = Some(PathBuf::from(value)),
                "connect_timeout" => {
                    let secs: u64 = value
                        .trim()
                        .parse()
                        .map_err(|_| bad("a whole number of seconds"))?;
                    // libpq: 0 means wait forever; shale keeps a bound but a generous one.
                    connect_timeout =
                        Duration::from_secs(if secs == 0 { 3600 } else { secs.max(2) });
                }
                "application_name" => application_name = Some(value),
                "options" => options = Some(value),
                "statement_timeout" => settings.statement_timeout = Some(value),
                "lock_timeout" => settings.lock_timeout = Some(value),
                "channel_binding" => {
                    if !matches!(value.as_str(), "disable" | "prefer" | "require") {
                        return Err(bad("disable, prefer or require"));
                    }
                    channel_binding = Some(value)
                }
                "host" => {
                    host = Some(if value.starts_with('/') {
                        Host::Socket(value.into())
                    } else {
                        Host::Tcp(value)
                    })
                }
                "port" => port = Some(value.parse().map_err(|_| bad("a port number"))?),
                "user" => user = value,
                "password" => password = Some(value),
                "dbname" => dbname = Some(value),
                other => {
                    return Err(DbError::UnknownOption {
                        name: other.to_string(),
                        supported: SUPPORTED_OPTIONS.join(", "),
                    })
                }
            }
        }
        if user.is_empty() {
            user = std::env::var("PGUSER")
                .or_else(|_| std::env::var("USER"))
                .unwrap_or_else(|_| "postgres".into());
        }
        let host = host.unwrap_or_else(|| Host::Tcp("localhost".into()));
        Ok(ConnInfo {
            dbname: dbname.unwrap_or_else(|| user.clone()),
            user,
            password: password.filter(|p| !p.is_empty()),
            host,
            port: port.unwrap_or(5432),
            sslmode: info_sslmode,
            sslrootcert,
            connect_timeout,
            application_name,
            options,
            channel_binding,
            settings,
        })
    }

    /// The connection as libpq's environment variables (`PGHOST`, `PGPORT`,
    /// `PGUSER`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`, `PGPASSWORD`,
    /// `PGCONNECT_TIMEOUT`, `PGAPPNAME`, `PGOPTIONS`), for running PostgreSQL's
    /// own tools (`pg_dump`) without the password on their command line,
    /// where other users of the machine could read it.
    pub fn libpq_environment(&self) -> Vec<(&'static str, String)> {
        let host = match &self.host {
            Host::Tcp(h) => h.clone(),
            Host::Socket(p) => p.display().to_string(),
        };
        let mut env = vec![
            ("PGHOST", host),
            ("PGPORT", self.port.to_string()),
            ("PGUSER", self.user.clone()),
            ("PGDATABASE", self.dbname.clone()),
            ("PGSSLMODE", self.sslmode.as_str().to_string()),
            (
                "PGCONNECT_TIMEOUT",
                self.connect_timeout.as_secs().max(1).to_string(),
            ),
        ];
        if let Some(p) = &self.password {
            env.push(("PGPASSWORD", p.clone()));
        }
        if let Some(c) = &self.sslrootcert {
            env.push(("PGSSLROOTCERT", c.display().to_string()));
        }
        if let Some(a) = &self.application_name {
            env.push(("PGAPPNAME", a.clone()));
        }
        if let Some(o) = &self.options {
            env.push(("PGOPTIONS", o.clone()));
        }
        env
    }

    /// Whether a password was given.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// `host:port` (or the socket directory), for messages.
    pub fn target(&self) -> String {
        match &self.host {
            Host::Socket(p) => format!("{} (port {})", p.display(), self.port),
            h => format!("{h}:{}", self.port),
        }
    }

    /// The URL without its password, for messages and logs.
    pub fn redacted(&self) -> String {
        let pw = if self.password.is_some() { ":***" } else { "" };
        let host = match &self.host {
            Host::Socket(_) => String::new(),
            h => h.to_string(),
        };
        let mut q = vec![format!("sslmode={}", self.sslmode.as_str())];
        if let Host::Socket(p) = &self.host {
            q.push(format!("host={}", p.display()));
        }
        format!(
            "postgres://{}{pw}@{host}:{}/{}?{}",
            self.user,
            self.port,
            self.dbname,
            q.join("&")
        )
    }

    /// Removes the password from a message (defence in depth: messages from
    /// the driver or server should not contain it, but must never show it).
    pub fn scrub(&self, message: &str) -> String {
        match &self.password {
            Some(p) if !p.is_empty() => message.replace(p.as_str(), "***"),
            _ => message.to_string(),
        }
    }

    /// The driver configuration (without TLS, which is chosen at connect).
    pub(crate) fn to_config(&self) -> postgres::Config {
        let mut c = postgres::Config::new();
        c.user(&self.user)
            .dbname(&self.dbname)
            .port(self.port)
            .connect_timeout(self.connect_timeout);
        match &self.host {
            Host::Tcp(h) => c.host(h),
            Host::Socket(p) => c.host_path(p),
        };
        if let Some(p) = &self.password {
            c.password(p);
        }
        c.application_name(self.application_name.as_deref().unwrap_or("shale"));
        if let Some(o) = &self.options {
            c.options(o);
        }
        if let Some(cb) = &self.channel_binding {
            c.channel_binding(match cb.as_str() {
                "disable" => postgres::config::ChannelBinding::Disable,
                "require" => postgres::config::ChannelBinding::Require,
                _ => postgres::config::ChannelBinding::Prefer,
            });
        }
        c
    }
}

/// The URL with any password (in the user-info part or a `password=` query
/// option) replaced by `***`. Works on malformed URLs too.
pub fn redact(url: &str) -> String {
    let mut out = url.to_string();
    // user:password@ — the password runs from the first ':' after "://" in
    // the authority up to the last '@' before the path.
    if let Some(scheme_end) = out.find("://") {
        let auth_start = scheme_end + 3;
        let rest = &out[auth_start..];
        let auth_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..auth_len];
        if let Some(at) = authority.rfind('@') {
            if let Some(colon) = authority[..at].find(':') {
                let from = auth_start + colon + 1;
                let to = auth_start + at;
                out.replace_range(from..to, "***");
            }
        }
    }
    // ?password=… / &password=…
    let mut search = 0;
    while let Some(pos) = out[search..].find("password=").map(|p| p + search) {
        let preceded = pos > 0 && matches!(out.as_bytes()[pos - 1], b'?' | b'&' | b' ');
        let start = pos + "password=".len();
        if preceded {
            let end = out[start..]
                .find(['&', '#', ' '])
                .map_or(out.len(), |e| start + e);
            out.replace_range(start..end, "***");
        }
        search = start.min(out.len());
    }
    out
}

/// A string as an SQL literal (`'…'` with quotes doubled).
pub fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_url() {
        let i = ConnInfo::parse(
            "postgresql://al%40ice:p%40ss%3Aw@db.example.com:6543/my%20db?sslmode=verify-full&connect_timeout=5&application_name=app&options=-c%20search_path%3Dx&statement_timeout=30s&lock_timeout=5s",
        )
        .unwrap();
        assert_eq!(i.user, "al@ice");
        assert_eq!(i.password.as_deref(), Some("p@ss:w"));
        assert_eq!(i.host, Host::Tcp("db.example.com".into()));
        assert_eq!(i.port, 6543);
        assert_eq!(i.dbname, "my db");
        assert_eq!(i.sslmode, SslMode::VerifyFull);
        assert_eq!(i.connect_timeout, Duration::from_secs(5));
        assert_eq!(i.application_name.as_deref(), Some("app"));
        assert_eq!(i.options.as_deref(), Some("-c search_path=x"));
        assert_eq!(i.settings.statement_timeout.as_deref(), Some("30s"));
        assert_eq!(
            i.settings.set_sql(true),
            "SET LOCAL statement_timeout = '30s';SET LOCAL lock_timeout = '5s';"
        );
        assert!(!format!("{i:?}").contains("p@ss"));
        assert!(!i.redacted().contains("p@ss"));
        assert_eq!(
            i.redacted(),
            "postgres://al@ice:***@db.example.com:6543/my db?sslmode=verify-full"
        );
    }

    #[test]
    fn defaults_and_hosts() {
        let i = ConnInfo::parse("postgres://bob@[::1]/").unwrap();
        assert_eq!(i.host, Host::Tcp("::1".into()));
        assert_eq!(
            (i.port, i.dbname.as_str(), i.sslmode),
            (5432, "bob", SslMode::Prefer)
        );
        assert_eq!(i.target(), "[::1]:5432");
        let i = ConnInfo::parse("postgres://bob@%2Fvar%2Frun%2Fpostgresql/db").unwrap();
        assert_eq!(i.host, Host::Socket("/var/run/postgresql".into()));
        let i = ConnInfo::parse("postgres:///db?host=/tmp&user=u&password=x").unwrap();
        assert_eq!(
            (i.host.clone(), i.user.as_str(), i.has_password()),
            (Host::Socket("/tmp".into()), "u", true)
        );
    }

    #[test]
    fn bad_urls_are_errors_without_password() {
        for (url, needle) in [
            ("mysql://u:hunter2@h/db", "postgres://"),
            ("postgres://u:hunter2@h/db?sslmode=maybe", "sslmode"),
            (
                "postgres://u:hunter2@h/db?pool=5",
                "unknown database url option `pool`",
            ),
            ("postgres://u:hunter2@h:99999/db", "invalid"),
            (
                "postgres://u:hunter2@h/db?connect_timeout=soon",
                "connect_timeout",
            ),
            ("postgres://u@h/db?password=hunter2&port=x", "port"),
        ] {
            let msg = ConnInfo::parse(url).unwrap_err().to_string();
            assert!(msg.contains(needle), "{msg}");
            assert!(!msg.contains("hunter2"), "password leaked: {msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }

    #[test]
    fn redacts() {
        assert_eq!(
            redact("postgres://u:hunter2@h:5/db?x=1"),
            "postgres://u:***@h:5/db?x=1"
        );
        assert_eq!(
            redact("postgres://u:hun@ter2@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(
            redact("postgres://u@h/db?password=hunter2&a=b"),
            "postgres://u@h/db?password=***&a=b"
        );
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
        assert_eq!(redact("not a url :: @"), "not a url :: @");
        assert_eq!(redact(""), "");
    }
}
