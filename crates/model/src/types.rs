//! Column types and their canonical spelling.
//!
//! PostgreSQL accepts many spellings of one type (`int4`, `integer`, `int`);
//! the model stores exactly one, chosen by [`canonical_type`], so that a type
//! written in a schema, stored in a snapshot and read back from a live database
//! compare equal. The canonical spelling is valid PostgreSQL.

use crate::QualifiedName;

/// A column's type: a base type and a number of array dimensions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ColumnType {
    /// The element type.
    pub base: BaseType,
    /// `0` for a scalar, `1` for `T[]`, `2` for `T[][]`, …
    pub array_dims: u8,
}

/// The element type of a column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BaseType {
    /// A built-in or extension type in canonical spelling: `integer`,
    /// `varchar(320)`, `numeric(10,2)`, `timestamptz(3)`, `citext`, …
    Named(String),
    /// A user-defined enum of the schema.
    Enum(QualifiedName),
    /// A domain or composite type of the schema ([`crate::Domain`],
    /// [`crate::CompositeType`]).
    UserType(QualifiedName),
}

impl ColumnType {
    /// A scalar built-in type, canonicalised (`"int4"` becomes `integer`).
    pub fn named(spelling: &str) -> Self {
        let (base, dims) = split_array_suffix(spelling);
        ColumnType {
            base: BaseType::Named(canonical_type(base)),
            array_dims: dims,
        }
    }

    /// A scalar enum type.
    pub fn enum_(name: QualifiedName) -> Self {
        ColumnType {
            base: BaseType::Enum(name),
            array_dims: 0,
        }
    }

    /// The same element type with one more array dimension.
    pub fn array_of(mut self) -> Self {
        self.array_dims += 1;
        self
    }

    /// The canonical name of a built-in base type, `None` for an enum, a
    /// domain or a composite type.
    pub fn base_name(&self) -> Option<&str> {
        match &self.base {
            BaseType::Named(n) => Some(n),
            BaseType::Enum(_) | BaseType::UserType(_) => None,
        }
    }

    /// Whether this is `smallserial`, `serial` or `bigserial` (a scalar
    /// integer with an owned sequence as its default).
    pub fn is_serial(&self) -> bool {
        self.array_dims == 0
            && matches!(
                self.base_name(),
                Some("smallserial" | "serial" | "bigserial")
            )
    }

    /// For a serial type, the integer type it stores (`serial` → `integer`).
    pub fn serial_storage(&self) -> Option<&'static str> {
        if self.array_dims != 0 {
            return None;
        }
        match self.base_name()? {
            "smallserial" => Some("smallint"),
            "serial" => Some("integer"),
            "bigserial" => Some("bigint"),
            _ => None,
        }
    }
}

impl std::fmt::Display for ColumnType {
    /// A human-readable spelling, for messages (`text[]`, `auth.role`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.base {
            BaseType::Named(n) => f.write_str(n)?,
            BaseType::Enum(q) | BaseType::UserType(q) => write!(f, "{q}")?,
        }
        for _ in 0..self.array_dims {
            f.write_str("[]")?;
        }
        Ok(())
    }
}

/// Splits trailing `[]` (or `[N]`) suffixes off a type spelling.
pub fn split_array_suffix(spelling: &str) -> (&str, u8) {
    let mut s = spelling.trim();
    let mut dims = 0u8;
    while s.ends_with(']') {
        match s.rfind('[') {
            Some(open) if s[open + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit()) => {
                s = s[..open].trim_end();
                dims = dims.saturating_add(1);
            }
            _ => break,
        }
    }
    (s, dims)
}

/// The canonical spelling of a scalar type.
///
/// Known types are lowercased and mapped to one spelling (`int4` → `integer`,
/// `character varying(10)` → `varchar(10)`, `timestamp(3) with time zone` →
/// `timestamptz(3)`, `numeric(10)` → `numeric(10,0)`, `decimal` → `numeric`,
/// `float` → `double precision`). Unknown types (extensions, domains) keep
/// their spelling with whitespace collapsed.
pub fn canonical_type(spelling: &str) -> String {
    let collapsed = collapse_ws(spelling);
    let lower = collapsed.to_ascii_lowercase();
    // Separate the modifier list "(…)" which may sit in the middle:
    // "timestamp(3) with time zone".
    let (head, args, tail) = match (lower.find('('), lower.find(')')) {
        (Some(open), Some(close)) if close > open => (
            lower[..open].trim().to_string(),
            Some(
                lower[open + 1..close]
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .collect::<Vec<_>>(),
            ),
            lower[close + 1..].trim().to_string(),
        ),
        _ => (lower.clone(), None, String::new()),
    };
    let full = if tail.is_empty() {
        head.clone()
    } else {
        format!("{head} {tail}")
    };
    let args_ok = args.as_ref().is_none_or(|a| {
        a.iter()
            .all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
    });
    if !args_ok {
        return collapsed;
    }
    let with_args = |name: &str| match &args {
        Some(a) => format!("{name}({})", a.join(",")),
        None => name.to_string(),
    };
    match full.as_str() {
        "int2" | "smallint" => "smallint".into(),
        "int" | "int4" | "integer" => "integer".into(),
        "int8" | "bigint" => "bigint".into(),
        "serial2" | "smallserial" => "smallserial".into(),
        "serial" | "serial4" => "serial".into(),
        "serial8" | "bigserial" => "bigserial".into(),
        "float4" | "real" => "real".into(),
        "float8" | "double precision" => "double precision".into(),
        "float" => match args
            .as_ref()
            .and_then(|a| a.first())
            .and_then(|p| p.parse::<u32>().ok())
        {
            Some(p) if p <= 24 => "real".into(),
            _ => "double precision".into(),
        },
        "bool" | "boolean" => "boolean".into(),
        "text" => "text".into(),
        "varchar" | "character varying" => with_args("varchar"),
        "char" | "character" | "bpchar" => match &args {
            Some(_) => with_args("char"),
            None if full == "bpchar" => "bpchar".into(),
            None => "char(1)".into(),
        },
        "numeric" | "decimal" => match args.as_deref() {
            Some([p]) => format!("numeric({p},0)"),
            _ => with_args("numeric"),
        },
        "timestamp" | "timestamp without time zone" => with_args("timestamp"),
        "timestamptz" | "timestamp with time zone" => with_args("timestamptz"),
        "time" | "time without time zone" => with_args("time"),
        "timetz" | "time with time zone" => with_args("timetz"),
        "bit varying" | "varbit" => with_args("varbit"),
        "bit" => match &args {
            Some(_) => with_args("bit"),
            None => "bit(1)".into(),
        },
        "date" | "uuid" | "json" | "jsonb" | "bytea" | "inet" | "cidr" | "macaddr" | "macaddr8"
        | "money" | "xml" | "tsvector" | "tsquery" | "interval" | "point" | "line" | "lseg"
        | "box" | "path" | "polygon" | "circle" | "oid" | "citext" | "int4range" | "int8range"
        | "numrange" | "tsrange" | "tstzrange" | "daterange" => with_args(&full),
        _ => collapsed,
    }
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty()
            && !out.ends_with('(')
            && !word.starts_with(')')
            && !word.starts_with(',')
            && !out.ends_with(',')
        {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(" (", "(")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_collapse_to_one_spelling() {
        for (input, want) in [
            ("int4", "integer"),
            ("INT", "integer"),
            ("int8", "bigint"),
            ("character varying(10)", "varchar(10)"),
            ("VARCHAR ( 10 )", "varchar(10)"),
            ("timestamp(3) with time zone", "timestamptz(3)"),
            ("timestamp without time zone", "timestamp"),
            ("numeric(10)", "numeric(10,0)"),
            ("decimal(10, 2)", "numeric(10,2)"),
            ("float", "double precision"),
            ("float(10)", "real"),
            ("double   precision", "double precision"),
            ("character", "char(1)"),
            ("serial4", "serial"),
            ("geometry(Point,4326)", "geometry(Point,4326)"),
        ] {
            assert_eq!(canonical_type(input), want, "{input}");
        }
    }

    #[test]
    fn array_suffixes_are_counted() {
        assert_eq!(split_array_suffix("text[]"), ("text", 1));
        assert_eq!(split_array_suffix("integer[][]"), ("integer", 2));
        assert_eq!(split_array_suffix("integer[3]"), ("integer", 1));
        let t = ColumnType::named("int4[]");
        assert_eq!(t.to_string(), "integer[]");
        assert!(!t.is_serial());
        assert!(ColumnType::named("bigserial").is_serial());
    }
}
