//! `shale migrate --backup [DIR]`: a `pg_dump` of the target (custom format)
//! taken before anything is applied, named with the time and the migration
//! it was taken at, and the exact `pg_restore` command that brings it back.
//!
//! `pg_dump` is found like the shadow servers' binaries (`$SHALE_PG_BIN`, the
//! newest `/usr/lib/postgresql/*/bin`, `PATH`) and runs with the connection in
//! libpq's environment variables, so the password is never on a command line
//! nor in any output. A backup that fails stops `migrate` before it applies
//! anything (exit 2).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Result};

/// Where `pg_dump` is: `$SHALE_PG_BIN/pg_dump`, else the newest
/// `/usr/lib/postgresql/*/bin/pg_dump` (Debian's layout, not on `PATH`), else
/// `pg_dump` on `PATH`.
pub fn find_pg_dump() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("SHALE_PG_BIN").filter(|d| !d.is_empty()) {
        let bin = PathBuf::from(dir).join("pg_dump");
        if bin.is_file() {
            return Ok(bin);
        }
        bail!(
            "pg_dump not found in $SHALE_PG_BIN ({}); nothing was applied. Point SHALE_PG_BIN at \
             the directory holding PostgreSQL's client tools, or install them \
             (Debian/Ubuntu: apt-get install postgresql-client)",
            bin.parent()
                .map_or_else(String::new, |p| p.display().to_string())
        );
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin/pg_dump");
            bin.is_file().then_some((v, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        let bin = dir.join("pg_dump");
        if bin.is_file() {
            return Ok(bin);
        }
    }
    bail!(
        "pg_dump not found (searched $SHALE_PG_BIN, /usr/lib/postgresql/*/bin and PATH); nothing was \
         applied. Install PostgreSQL's client tools (Debian/Ubuntu: apt-get install postgresql-client; \
         macOS: brew install libpq) or set SHALE_PG_BIN, or run without --backup"
    )
}

/// A taken backup.
pub struct Backup {
    /// The dump file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The command that restores it.
    pub restore: String,
}

/// Dumps the database of `info` into `dir` as
/// `<dbname>-<UTC time>-at-<tag>.dump` (`tag`: the newest applied
/// migration, `empty` when none).
pub fn take(info: &shale_db::ConnInfo, dir: &Path, at: Option<&str>) -> Result<Backup> {
    let pg_dump = find_pg_dump()?;
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot create the backup directory {}: {e}; nothing was applied",
            dir.display()
        )
    })?;
    let path = dir.join(file_name(&info.dbname, at, "dump"));
    let mut command = Command::new(&pg_dump);
    command
        .args(["--format=custom", "--no-password", "--file"])
        .arg(&path);
    for var in ["PGSERVICE", "PGSERVICEFILE", "PGPASSFILE"] {
        command.env_remove(var);
    }
    command.envs(info.libpq_environment());
    let output = command.output().map_err(|e| {
        anyhow::anyhow!("cannot run {}: {e}; nothing was applied", pg_dump.display())
    })?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&path);
        let stderr = info.scrub(String::from_utf8_lossy(&output.stderr).trim());
        bail!(
            "the backup failed, so nothing was applied: {} exited with {}: {}",
            pg_dump.display(),
            output
                .status
                .code()
                .map_or_else(|| "a signal".to_string(), |c| format!("status {c}")),
            if stderr.is_empty() {
                "no message"
            } else {
                &stderr
            }
        );
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let host = match &info.host {
        shale_db::Host::Tcp(h) => h.clone(),
        shale_db::Host::Socket(p) => p.display().to_string(),
    };
    let restore = format!(
        "pg_restore --clean --if-exists --no-owner --single-transaction -h {} -p {} -U {} -d {} {}",
        shell_quote(&host),
        info.port,
        shell_quote(&info.user),
        shell_quote(&info.dbname),
        shell_quote(&path.display().to_string())
    );
    Ok(Backup {
        path,
        bytes,
        restore,
    })
}

/// `<db>-<UTC time>-at-<tag>.<extension>` (`tag`: the newest applied
/// migration, `empty` when none).
pub fn file_name(db: &str, at: Option<&str>, extension: &str) -> String {
    format!(
        "{}-{}-at-{}.{extension}",
        file_safe(db),
        utc_stamp(std::time::SystemTime::now()),
        file_safe(at.unwrap_or("empty"))
    )
}

/// `YYYYMMDDTHHMMSSZ` in UTC.
fn utc_stamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Letters, digits, `_`, `-` and `.` kept; anything else becomes `_`.
fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A POSIX shell word: as is when it is plain, else single-quoted.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ':' | '@'))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_civil_time() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_312_700);
        assert_eq!(utc_stamp(t), "20261203T154500Z");
        assert_eq!(utc_stamp(std::time::UNIX_EPOCH), "19700101T000000Z");
        // A leap day.
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(utc_stamp(t), "20000229T000000Z");
    }

    #[test]
    fn shell_words_and_file_names() {
        assert_eq!(shell_quote("backups/a.dump"), "backups/a.dump");
        assert_eq!(shell_quote("my db"), "'my db'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(file_safe("0001_a/b c"), "0001_a_b_c");
    }
}
