//! Classifying column type changes (does PostgreSQL rewrite the table, and
//! can values be lost or refused?) and the hazards of dropping a sequence.

use shale_model::{BaseType, ColumnType};

use crate::{hazard, Hazard, HazardKind};

/// The hazards of `DROP SEQUENCE`: its current value is lost (recreating it
/// starts over, and new rows may then reuse numbers already handed out),
/// and code calling `nextval` on it breaks.
pub(crate) fn dropped_sequence(label: &str) -> Vec<Hazard> {
    vec![
        hazard(
            HazardKind::DeletesData,
            format!("drops sequence {label} and its current value"),
        ),
        hazard(
            HazardKind::BackwardIncompatible,
            format!("code using sequence {label} breaks"),
        ),
    ]
}

/// What changing a column from one type to another costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeChange {
    /// The table is rewritten (the types are not binary-coercible).
    pub rewrite: bool,
    /// Values can be lost, truncated or refused (narrowing or unrelated types).
    pub lossy: bool,
}

const FREE: TypeChange = TypeChange {
    rewrite: false,
    lossy: false,
};
const WIDENING: TypeChange = TypeChange {
    rewrite: true,
    lossy: false,
};
const NARROWING: TypeChange = TypeChange {
    rewrite: true,
    lossy: true,
};

/// Splits `varchar(10)` into `("varchar", [10])`; arguments that are not
/// numbers make the list empty.
fn split(name: &str) -> (&str, Vec<u32>) {
    match name.find('(') {
        Some(open) if name.ends_with(')') => {
            let args = name[open + 1..name.len() - 1]
                .split(',')
                .map(|a| a.trim().parse::<u32>())
                .collect::<Result<Vec<_>, _>>();
            (&name[..open], args.unwrap_or_default())
        }
        _ => (name, Vec::new()),
    }
}

fn integer_rank(name: &str) -> Option<u8> {
    match name {
        "smallint" => Some(1),
        "integer" => Some(2),
        "bigint" => Some(3),
        _ => None,
    }
}

/// Classifies a change between two stored (non-serial) column types.
pub fn type_change(previous: &ColumnType, next: &ColumnType) -> TypeChange {
    if previous == next {
        return FREE;
    }
    if previous.array_dims != next.array_dims {
        return NARROWING;
    }
    let (previous_name, next_name) = match (&previous.base, &next.base) {
        (BaseType::Named(p), BaseType::Named(n)) => (p.as_str(), n.as_str()),
        // Every enum label fits in text.
        (BaseType::Enum(_), BaseType::Named(n)) if matches!(split(n), ("text" | "varchar", ref a) if a.is_empty()) => {
            return WIDENING
        }
        _ => return NARROWING,
    };
    let (p, p_args) = split(previous_name);
    let (n, n_args) = split(next_name);
    match (p, n) {
        // Length limits: raising or removing one is free, lowering rewrites
        // and can refuse values.
        ("varchar", "varchar") | ("varbit", "varbit") => match (p_args.first(), n_args.first()) {
            (_, None) => FREE,
            (Some(a), Some(b)) if b >= a => FREE,
            _ => NARROWING,
        },
        ("varchar", "text") | ("text", "varchar") if n_args.is_empty() => FREE,
        ("char" | "bpchar", "text" | "varchar") if n_args.is_empty() => WIDENING,
        ("char", "char") => match (p_args.first(), n_args.first()) {
            (Some(a), Some(b)) if b >= a => WIDENING,
            _ => NARROWING,
        },
        ("cidr", "inet") => FREE,
        ("numeric", "numeric") => match (p_args.as_slice(), n_args.as_slice()) {
            (_, []) => FREE,
            ([pp, ps], [np, ns]) if ns == ps && np >= pp => FREE,
            ([pp, ps], [np, ns])
                if ns >= ps
                    && i64::from(*np) - i64::from(*ns) >= i64::from(*pp) - i64::from(*ps) =>
            {
                WIDENING
            }
            _ => NARROWING,
        },
        // Raising the fractional-second precision keeps every value.
        ("timestamp", "timestamp")
        | ("timestamptz", "timestamptz")
        | ("time", "time")
        | ("timetz", "timetz")
        | ("interval", "interval") => match (p_args.first(), n_args.first()) {
            (_, None) => FREE,
            (Some(a), Some(b)) if b >= a => FREE,
            _ => NARROWING,
        },
        ("timestamp", "timestamptz")
        | ("timestamptz", "timestamp")
        | ("date", "timestamp" | "timestamptz") => WIDENING,
        ("json", "jsonb") | ("jsonb", "json") => WIDENING,
        ("real", "double precision") => WIDENING,
        (_, "text") => WIDENING,
        (_, "varchar") if n_args.is_empty() => WIDENING,
        (a, b) => match (integer_rank(a), integer_rank(b)) {
            (Some(x), Some(y)) if y > x => WIDENING,
            (Some(_), None) if b == "numeric" && n_args.is_empty() => WIDENING,
            (Some(x), None) if b == "double precision" && x <= 2 => WIDENING,
            _ => NARROWING,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_model::QualifiedName;

    fn change(a: &str, b: &str) -> TypeChange {
        type_change(&ColumnType::named(a), &ColumnType::named(b))
    }

    #[test]
    fn binary_coercible_changes_are_free() {
        for (a, b) in [
            ("varchar(10)", "text"),
            ("varchar(10)", "varchar(20)"),
            ("varchar(10)", "varchar"),
            ("text", "varchar"),
            ("numeric(10,2)", "numeric(12,2)"),
            ("numeric(10,2)", "numeric"),
            ("timestamptz(3)", "timestamptz(6)"),
            ("cidr", "inet"),
        ] {
            assert_eq!(change(a, b), FREE, "{a} -> {b}");
        }
    }

    #[test]
    fn widening_rewrites_without_loss() {
        for (a, b) in [
            ("integer", "bigint"),
            ("smallint", "integer"),
            ("integer", "numeric"),
            ("real", "double precision"),
            ("integer", "text"),
            ("timestamp", "timestamptz"),
            ("json", "jsonb"),
            ("numeric(10,2)", "numeric(12,4)"),
        ] {
            assert_eq!(change(a, b), WIDENING, "{a} -> {b}");
        }
        let e = ColumnType::enum_(QualifiedName::public("role"));
        assert_eq!(type_change(&e, &ColumnType::named("text")), WIDENING);
    }

    #[test]
    fn narrowing_is_lossy() {
        for (a, b) in [
            ("bigint", "integer"),
            ("text", "integer"),
            ("text", "varchar(10)"),
            ("varchar(20)", "varchar(10)"),
            ("numeric(10,2)", "numeric(10,1)"),
            ("timestamptz(6)", "timestamptz(3)"),
            ("text[]", "text"),
            ("jsonb", "uuid"),
        ] {
            assert_eq!(change(a, b), NARROWING, "{a} -> {b}");
        }
        let e = ColumnType::enum_(QualifiedName::public("role"));
        assert_eq!(type_change(&ColumnType::named("text"), &e), NARROWING);
    }
}
