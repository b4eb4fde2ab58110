//! Sequences: standalone ones (`CREATE SEQUENCE`) and the options of the
//! sequence behind an identity column, which share [`SequenceOptions`].
//!
//! Options are stored normalised: a value PostgreSQL would pick by itself
//! (given the data type and the sign of the increment) is `None`, so a
//! sequence written with `start = 1` and one read back from the catalogs
//! compare equal. [`SequenceOptions::resolved`] gives the concrete values.

use crate::QualifiedName;

/// The integer type of a sequence (`AS smallint | integer | bigint`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SequenceType {
    /// `smallint`.
    Smallint,
    /// `integer`.
    Integer,
    /// `bigint` (PostgreSQL's default).
    #[default]
    Bigint,
}

impl SequenceType {
    /// The canonical SQL spelling: `smallint`, `integer` or `bigint`.
    pub fn as_sql(self) -> &'static str {
        match self {
            SequenceType::Smallint => "smallint",
            SequenceType::Integer => "integer",
            SequenceType::Bigint => "bigint",
        }
    }

    /// Reads a spelling (`int4`, `integer`, `bigint`, …, any case); `None`
    /// for a type a sequence cannot have.
    pub fn parse(spelling: &str) -> Option<Self> {
        match crate::types::canonical_type(spelling.trim()).as_str() {
            "smallint" => Some(SequenceType::Smallint),
            "integer" => Some(SequenceType::Integer),
            "bigint" => Some(SequenceType::Bigint),
            _ => None,
        }
    }

    /// The accepted spellings, for error messages.
    pub const SPELLINGS: &'static [&'static str] = &["smallint", "integer", "bigint"];

    /// The smallest value of the type.
    pub fn min(self) -> i64 {
        match self {
            SequenceType::Smallint => i64::from(i16::MIN),
            SequenceType::Integer => i64::from(i32::MIN),
            SequenceType::Bigint => i64::MIN,
        }
    }

    /// The largest value of the type.
    pub fn max(self) -> i64 {
        match self {
            SequenceType::Smallint => i64::from(i16::MAX),
            SequenceType::Integer => i64::from(i32::MAX),
            SequenceType::Bigint => i64::MAX,
        }
    }
}

/// `START`, `INCREMENT`, `MINVALUE`, `MAXVALUE`, `CACHE` and `CYCLE` of a
/// sequence; `None` means PostgreSQL's default (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SequenceOptions {
    /// `START WITH` (default: `min` when ascending, `max` when descending).
    pub start: Option<i64>,
    /// `INCREMENT BY` (default 1; never 0).
    pub increment: Option<i64>,
    /// `MINVALUE` (default 1 when ascending, the type's minimum when descending).
    pub min: Option<i64>,
    /// `MAXVALUE` (default the type's maximum when ascending, -1 when descending).
    pub max: Option<i64>,
    /// `CACHE` (default 1).
    pub cache: Option<i64>,
    /// `CYCLE` (default `NO CYCLE`).
    pub cycle: bool,
}

/// Every option of a sequence with PostgreSQL's defaults filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedOptions {
    /// `START WITH`.
    pub start: i64,
    /// `INCREMENT BY`.
    pub increment: i64,
    /// `MINVALUE`.
    pub min: i64,
    /// `MAXVALUE`.
    pub max: i64,
    /// `CACHE`.
    pub cache: i64,
    /// `CYCLE`.
    pub cycle: bool,
}

impl SequenceOptions {
    /// Whether every option is PostgreSQL's default.
    pub fn is_default(&self) -> bool {
        *self == SequenceOptions::default()
    }

    /// The concrete values, as PostgreSQL derives them for `ty`
    /// (`src/backend/commands/sequence.c`, `init_params`).
    pub fn resolved(&self, ty: SequenceType) -> ResolvedOptions {
        let increment = self.increment.filter(|&i| i != 0).unwrap_or(1);
        let ascending = increment > 0;
        let min = self.min.unwrap_or(if ascending { 1 } else { ty.min() });
        let max = self.max.unwrap_or(if ascending { ty.max() } else { -1 });
        let start = self.start.unwrap_or(if ascending { min } else { max });
        ResolvedOptions {
            start,
            increment,
            min,
            max,
            cache: self.cache.unwrap_or(1),
            cycle: self.cycle,
        }
    }

    /// The options with every value equal to its default left out, so that
    /// options with the same [`resolved`](Self::resolved) values compare
    /// equal. Idempotent.
    pub fn normalized(&self, ty: SequenceType) -> SequenceOptions {
        let r = self.resolved(ty);
        let ascending = r.increment > 0;
        let keep = |value: i64, default: i64| (value != default).then_some(value);
        SequenceOptions {
            start: keep(r.start, if ascending { r.min } else { r.max }),
            increment: keep(r.increment, 1),
            min: keep(r.min, if ascending { 1 } else { ty.min() }),
            max: keep(r.max, if ascending { ty.max() } else { -1 }),
            cache: keep(r.cache, 1),
            cycle: r.cycle,
        }
    }

    /// What PostgreSQL would refuse about these options for `ty`: the
    /// option at fault (the one to point at) and a message (lowercase, no
    /// final period); empty when valid.
    pub fn problems(&self, ty: SequenceType) -> Vec<(SequenceOption, String)> {
        let mut out = Vec::new();
        if self.increment == Some(0) {
            out.push((
                SequenceOption::Increment,
                "the increment must not be zero".to_string(),
            ));
        }
        let type_name = ty.as_sql();
        for (option, value) in [
            (SequenceOption::Start, self.start),
            (SequenceOption::Increment, self.increment),
            (SequenceOption::Min, self.min),
            (SequenceOption::Max, self.max),
        ] {
            if let Some(v) = value {
                if v < ty.min() || v > ty.max() {
                    out.push((
                        option,
                        format!(
                            "{} {v} is out of range for a {type_name} sequence ({} to {})",
                            option.noun(),
                            ty.min(),
                            ty.max()
                        ),
                    ));
                }
            }
        }
        if let Some(cache) = self.cache {
            if cache < 1 {
                out.push((
                    SequenceOption::Cache,
                    format!("the cache {cache} must be at least 1"),
                ));
            }
        }
        if !out.is_empty() {
            return out;
        }
        let r = self.resolved(ty);
        if r.min >= r.max {
            let at = if self.min.is_some() {
                SequenceOption::Min
            } else {
                SequenceOption::Max
            };
            out.push((
                at,
                format!(
                    "the minimum {} must be less than the maximum {}",
                    r.min, r.max
                ),
            ));
        } else if r.start < r.min || r.start > r.max {
            let at = match (self.start, self.min, self.max) {
                (Some(_), _, _) => SequenceOption::Start,
                (None, Some(_), _) => SequenceOption::Min,
                _ => SequenceOption::Max,
            };
            out.push((
                at,
                format!(
                    "the start {} is outside the range {} to {}",
                    r.start, r.min, r.max
                ),
            ));
        }
        out
    }
}

/// One numeric option of a sequence, to say which one a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SequenceOption {
    /// `START WITH`.
    Start,
    /// `INCREMENT BY`.
    Increment,
    /// `MINVALUE`.
    Min,
    /// `MAXVALUE`.
    Max,
    /// `CACHE`.
    Cache,
}

impl SequenceOption {
    /// `the start`, `the increment`, …
    pub fn noun(self) -> &'static str {
        match self {
            SequenceOption::Start => "the start",
            SequenceOption::Increment => "the increment",
            SequenceOption::Min => "the minimum",
            SequenceOption::Max => "the maximum",
            SequenceOption::Cache => "the cache",
        }
    }
}

/// The column a sequence belongs to (`OWNED BY table.column`): dropping the
/// column or its table drops the sequence.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SequenceOwner {
    /// The table.
    pub table: QualifiedName,
    /// The column.
    pub column: String,
}

impl std::fmt::Display for SequenceOwner {
    /// `table.column` (the table as [`QualifiedName`] shows it).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.table, self.column)
    }
}

/// A standalone sequence (`CREATE SEQUENCE`): not the sequence of a serial
/// or identity column, which belong to their column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sequence {
    /// The sequence's name.
    pub name: QualifiedName,
    /// `AS …`.
    pub data_type: SequenceType,
    /// The options, normalised for `data_type`.
    pub options: SequenceOptions,
    /// `OWNED BY`.
    pub owned_by: Option<SequenceOwner>,
    /// `COMMENT ON SEQUENCE`.
    pub comment: Option<String>,
    /// Privileges granted to managed roles, normalised.
    pub grants: Vec<crate::Grant>,
}

impl Sequence {
    /// A `bigint` sequence with default options.
    pub fn new(name: QualifiedName) -> Self {
        Sequence {
            name,
            data_type: SequenceType::Bigint,
            options: SequenceOptions::default(),
            owned_by: None,
            comment: None,
            grants: Vec::new(),
        }
    }

    /// Brings the options into their normalised form.
    pub fn normalize(&mut self) {
        self.options = self.options.normalized(self.data_type);
        crate::grant::normalize_grants(&mut self.grants);
    }
}

/// How PostgreSQL prints a relation in `nextval('…'::regclass)` with
/// `search_path = public`: unqualified in `public`, each part quoted unless
/// it is a plain lowercase identifier.
fn regclass_text(name: &QualifiedName) -> String {
    let quote = |s: &str| {
        let plain = s.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$');
        if plain {
            s.to_string()
        } else {
            format!("\"{}\"", s.replace('"', "\"\""))
        }
    };
    let text = if name.is_public() {
        quote(&name.name)
    } else {
        format!("{}.{}", quote(&name.namespace), quote(&name.name))
    };
    text.replace('\'', "''")
}

/// A standalone sequence declared exactly as `serial` would create it is
/// that serial column: named `<table>_<column>_seq` in the table's
/// namespace, owned by the column, of the column's integer type, with
/// default options and no comment, and the column's default calling
/// `nextval` on it. Introspection reads such a database as a serial
/// column, so the model folds the declaration into one too: equal
/// databases give equal schemas whatever the source. Returns the indexes
/// of the folded sequences (to remove).
pub(crate) fn fold_serials(sequences: &[Sequence], tables: &mut [crate::Table]) -> Vec<usize> {
    let mut folded = Vec::new();
    for (i, s) in sequences.iter().enumerate() {
        let Some(owner) = &s.owned_by else {
            continue;
        };
        if s.comment.is_some()
            || !s.options.normalized(s.data_type).is_default()
            || s.name.namespace != owner.table.namespace
            || s.name.name != crate::naming::serial_sequence(&owner.table.name, &owner.column)
        {
            continue;
        }
        let Some(column) = tables
            .iter_mut()
            .find(|t| t.name == owner.table)
            .and_then(|t| t.columns.iter_mut().find(|c| c.name == owner.column))
        else {
            continue;
        };
        if column.ty.array_dims != 0 || column.identity.is_some() || column.generated.is_some() {
            continue;
        }
        let serial = match (column.ty.base_name(), s.data_type) {
            (Some("smallint"), SequenceType::Smallint) => "smallserial",
            (Some("integer"), SequenceType::Integer) => "serial",
            (Some("bigint"), SequenceType::Bigint) => "bigserial",
            _ => continue,
        };
        let expected = format!("nextval('{}'::regclass)", regclass_text(&s.name));
        if !column
            .default
            .as_deref()
            .is_some_and(|d| crate::expr::equivalent(d, &expected))
        {
            continue;
        }
        column.ty = crate::ColumnType::named(serial);
        column.default = None;
        folded.push(i);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sequence_in_serial_form_is_a_serial_column() {
        use crate::{Column, ColumnType, Schema, Table};
        let schema = |default: &str, name: &str, comment: Option<&str>| {
            let mut t = Table::new(QualifiedName::new("billing", "invoices"));
            let mut c = Column::new("number", ColumnType::named("integer"));
            c.default = Some(default.into());
            t.columns.push(c);
            let mut seq = Sequence::new(QualifiedName::new("billing", name));
            seq.data_type = SequenceType::Integer;
            seq.owned_by = Some(SequenceOwner {
                table: t.name.clone(),
                column: "number".into(),
            });
            seq.comment = comment.map(str::to_string);
            let mut s = Schema {
                tables: vec![t],
                sequences: vec![seq],
                ..Schema::default()
            };
            s.normalize();
            s
        };
        let folded = schema(
            "nextval('billing.invoices_number_seq')",
            "invoices_number_seq",
            None,
        );
        assert!(folded.sequences.is_empty());
        assert_eq!(folded.tables[0].columns[0].ty, ColumnType::named("serial"));
        assert_eq!(folded.tables[0].columns[0].default, None);
        // Another name, a comment or another default: a sequence of its own.
        for kept in [
            schema("nextval('billing.numbers')", "numbers", None),
            schema(
                "nextval('billing.invoices_number_seq')",
                "invoices_number_seq",
                Some("kept"),
            ),
            schema(
                "nextval('invoices_number_seq')",
                "invoices_number_seq",
                None,
            ),
        ] {
            assert_eq!(kept.sequences.len(), 1, "{kept:?}");
        }
    }

    #[test]
    fn defaults_depend_on_type_and_direction() {
        let up = SequenceOptions::default().resolved(SequenceType::Integer);
        assert_eq!((up.start, up.min, up.max), (1, 1, i64::from(i32::MAX)));
        let down = SequenceOptions {
            increment: Some(-2),
            ..Default::default()
        }
        .resolved(SequenceType::Smallint);
        assert_eq!((down.start, down.min, down.max), (-1, -32768, -1));
        // The start follows an explicit minimum.
        let from_ten = SequenceOptions {
            min: Some(10),
            ..Default::default()
        };
        assert_eq!(from_ten.resolved(SequenceType::Bigint).start, 10);
    }

    #[test]
    fn explicit_defaults_normalise_away() {
        let explicit = SequenceOptions {
            start: Some(1),
            increment: Some(1),
            min: Some(1),
            max: Some(i64::MAX),
            cache: Some(1),
            cycle: false,
        };
        assert!(explicit.normalized(SequenceType::Bigint).is_default());
        // The same maximum is explicit for a smaller type... and default for bigint.
        let max = SequenceOptions {
            max: Some(i64::from(i32::MAX)),
            ..Default::default()
        };
        assert_eq!(
            max.normalized(SequenceType::Integer),
            SequenceOptions::default()
        );
        assert_eq!(max.normalized(SequenceType::Bigint), max);
        // A start equal to an explicit minimum is the default start.
        let min = SequenceOptions {
            start: Some(5),
            min: Some(5),
            ..Default::default()
        };
        let normal = min.normalized(SequenceType::Bigint);
        assert_eq!((normal.start, normal.min), (None, Some(5)));
        assert_eq!(normal.normalized(SequenceType::Bigint), normal);
    }

    #[test]
    fn invalid_options_are_named() {
        let zero = SequenceOptions {
            increment: Some(0),
            ..Default::default()
        };
        assert_eq!(
            zero.problems(SequenceType::Bigint),
            vec![(
                SequenceOption::Increment,
                "the increment must not be zero".to_string()
            )]
        );
        let crossed = SequenceOptions {
            min: Some(10),
            max: Some(5),
            ..Default::default()
        };
        assert!(crossed.problems(SequenceType::Bigint)[0]
            .1
            .contains("less than"));
        let outside = SequenceOptions {
            start: Some(100),
            max: Some(50),
            ..Default::default()
        };
        assert_eq!(
            outside.problems(SequenceType::Bigint)[0].0,
            SequenceOption::Start
        );
        let wide = SequenceOptions {
            max: Some(100_000),
            ..Default::default()
        };
        assert!(wide.problems(SequenceType::Smallint)[0]
            .1
            .contains("out of range"));
        assert!(SequenceOptions::default()
            .problems(SequenceType::Smallint)
            .is_empty());
    }
}
