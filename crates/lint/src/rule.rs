//! The rule catalogue: every rule's stable kebab-case name, why it matters,
//! the safe alternative and its default severity, in one place so the CLI,
//! the README and the config all agree.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How a finding counts: an error fails `shale lint`/`shale check` (exit 1),
/// a warning is printed, `off` disables the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rule is disabled.
    Off,
    /// Printed, does not fail the run.
    Warning,
    /// Fails the run.
    Error,
}

impl Severity {
    /// The spelling in `shale.toml` and in output: `error`, `warning`, `off`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! rules {
    ($(
        $(#[$doc:meta])*
        $variant:ident => $name:literal, $severity:ident,
            why: $why:literal,
            alternative: $alt:literal;
    )*) => {
        /// A lint rule. Its [`name`](Rule::name) is stable: it is what
        /// `-- shale:allow` comments and `[lint.rules]` in `shale.toml` use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in documentation order.
            pub fn all() -> &'static [Rule] {
                &[$(Rule::$variant,)*]
            }

            /// The stable kebab-case name.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// One line: why the flagged SQL is hazardous.
            pub fn why(self) -> &'static str {
                match self { $(Rule::$variant => $why,)* }
            }

            /// One line: the safe alternative.
            pub fn alternative(self) -> &'static str {
                match self { $(Rule::$variant => $alt,)* }
            }

            /// The severity when `shale.toml` does not set one.
            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }
        }
    };
}

rules! {
    /// A statement that does not parse.
    Syntax => "syntax", Error,
        why: "the statement does not parse as SQL of the project's dialect, so the database will reject it and no other rule can check it",
        alternative: "fix the statement; `shale check --shadow` replays the migrations on a real database";
    /// `ADD COLUMN … NOT NULL` without a default on an existing table.
    AddingNotNullColumn => "adding-not-null-column", Error,
        why: "adding a NOT NULL column without a default fails on any table that already has rows",
        alternative: "give the column a constant DEFAULT (no table rewrite on PostgreSQL 11+), or add it nullable, backfill, then set NOT NULL";
    /// `ALTER COLUMN … SET NOT NULL` on an existing table.
    SettingNotNull => "setting-not-null", Warning,
        why: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes meanwhile",
        alternative: "add `CHECK (col IS NOT NULL) NOT VALID`, run `VALIDATE CONSTRAINT`, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check";
    /// `ALTER COLUMN … TYPE` on an existing table.
    ChangingColumnType => "changing-column-type", Warning,
        why: "changing a column's type usually rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, and a narrowing cast can lose data",
        alternative: "add a column of the new type, backfill it in batches, switch the application to it, then drop the old column";
    /// `ALTER TABLE … DROP COLUMN` on an existing table.
    DroppingColumn => "dropping-column", Error,
        why: "dropping a column deletes its data and breaks application code that still reads or writes it",
        alternative: "stop using the column in the application and deploy first, then drop it with `-- shale:allow dropping-column`";
    /// `DROP TABLE` of an existing table.
    DroppingTable => "dropping-table", Error,
        why: "dropping a table deletes its data and breaks application code that still uses it",
        alternative: "stop using the table in the application and deploy first, then drop it with `-- shale:allow dropping-table`";
    /// `ALTER TABLE … RENAME COLUMN` on an existing table.
    RenamingColumn => "renaming-column", Warning,
        why: "renaming a column breaks every running application instance that still uses the old name",
        alternative: "add the new column, write to both, backfill, move reads to it, then drop the old column in a later migration";
    /// `ALTER TABLE … RENAME TO` of an existing table.
    RenamingTable => "renaming-table", Warning,
        why: "renaming a table breaks every running application instance that still uses the old name",
        alternative: "create the new table (or a view with the new name), move the application to it, then drop the old name in a later migration";
    /// `CREATE INDEX` without `CONCURRENTLY` on an existing table.
    IndexWithoutConcurrently => "index-without-concurrently", Warning,
        why: "CREATE INDEX without CONCURRENTLY blocks all writes to the table for the whole index build",
        alternative: "use `CREATE INDEX CONCURRENTLY` in a migration whose first line is `-- shale:no-transaction`";
    /// `DROP INDEX` without `CONCURRENTLY`.
    DropIndexWithoutConcurrently => "drop-index-without-concurrently", Warning,
        why: "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, queueing every query behind it",
        alternative: "use `DROP INDEX CONCURRENTLY` in a migration whose first line is `-- shale:no-transaction`";
    /// `CONCURRENTLY` inside a transaction block.
    ConcurrentlyInTransaction => "concurrently-in-transaction", Error,
        why: "CONCURRENTLY cannot run inside a transaction block, so PostgreSQL rejects the migration",
        alternative: "start the file with the line `-- shale:no-transaction` and keep the statement outside BEGIN/COMMIT";
    /// `ADD CONSTRAINT … FOREIGN KEY | CHECK` without `NOT VALID` on an existing table.
    ConstraintWithoutNotValid => "constraint-without-not-valid", Warning,
        why: "adding a FOREIGN KEY or CHECK constraint checks every existing row while holding a lock that blocks writes",
        alternative: "add the constraint with NOT VALID, then `ALTER TABLE … VALIDATE CONSTRAINT` in a following statement, which takes a weaker lock";
    /// `ADD UNIQUE | PRIMARY KEY` on an existing table without `USING INDEX`.
    AddingUniqueConstraint => "adding-unique-constraint", Warning,
        why: "adding a UNIQUE or PRIMARY KEY constraint builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes",
        alternative: "`CREATE UNIQUE INDEX CONCURRENTLY`, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX` (or PRIMARY KEY USING INDEX)";
    /// A column added to an existing table with a volatile default.
    VolatileDefault => "volatile-default", Warning,
        why: "adding a column whose default is volatile (random(), gen_random_uuid(), clock_timestamp(), nextval()) rewrites the whole table under an ACCESS EXCLUSIVE lock",
        alternative: "add the column without a default (or with a constant one), then SET DEFAULT and backfill existing rows in batches";
    /// `ALTER TYPE … ADD VALUE` and the new value used later in the same transaction.
    EnumValueUsedInSameTransaction => "enum-value-used-in-same-transaction", Error,
        why: "a value added with ALTER TYPE … ADD VALUE cannot be used before its transaction commits, so PostgreSQL rejects the migration",
        alternative: "add the enum value in its own migration (or a `-- shale:no-transaction` one) and use it in a later migration";
    /// Strong locks taken before `SET lock_timeout`.
    MissingLockTimeout => "missing-lock-timeout", Warning,
        why: "a statement waiting for a strong lock queues every later query on that table behind it; without lock_timeout a migration can stall production",
        alternative: "start the migration with `SET lock_timeout = '5s';` and retry the migration if it times out";
    /// A `-- shale:allow` comment naming a rule that does not exist.
    UnknownAllow => "unknown-allow", Warning,
        why: "a `-- shale:allow` comment names a rule that does not exist, so it suppresses nothing",
        alternative: "use one of the rule names listed by the message (`shale lint` rules are listed in the README)";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not a rule, with the closest rule name when one is close.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown lint rule `{name}`{}; valid rules: {}", did_you_mean(.suggestion), valid_names())]
pub struct UnknownRule {
    /// The name as written.
    pub name: String,
    /// The closest valid name, if any is close enough to be a typo.
    pub suggestion: Option<&'static str>,
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// Every rule name, comma-separated.
pub fn valid_names() -> String {
    Rule::all()
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Rule, UnknownRule> {
        let name = s.trim();
        if let Some(rule) = Rule::all()
            .iter()
            .find(|r| r.name().eq_ignore_ascii_case(name))
        {
            return Ok(*rule);
        }
        let suggestion = Rule::all()
            .iter()
            .map(|r| {
                (
                    strsim::jaro_winkler(&name.to_ascii_lowercase(), r.name()),
                    r.name(),
                )
            })
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, n)| n);
        Err(UnknownRule {
            name: name.to_string(),
            suggestion,
        })
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// The README's rule table: one markdown row per rule (name, default
/// severity, why, alternative), with its header.
pub fn markdown_table() -> String {
    let mut out = String::from("| rule | default | why | safe alternative |\n|---|---|---|---|\n");
    for rule in Rule::all() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.name(),
            rule.default_severity(),
            rule.why().replace('|', "\\|"),
            rule.alternative().replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::all() {
            assert!(seen.insert(rule.name()), "duplicate {}", rule.name());
            assert!(
                rule.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name()
            );
            assert_eq!(rule.name().parse::<Rule>(), Ok(*rule));
            assert!(!rule.why().contains('\n') && !rule.alternative().contains('\n'));
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let err = "droping-table".parse::<Rule>().unwrap_err();
        assert_eq!(err.suggestion, Some("dropping-table"));
        let msg = err.to_string();
        assert!(msg.starts_with("unknown lint rule `droping-table` (did you mean `dropping-table`?); valid rules: syntax, "), "{msg}");
        assert_eq!("zzz".parse::<Rule>().unwrap_err().suggestion, None);
    }
}
