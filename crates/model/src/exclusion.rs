//! Exclusion constraints: `CONSTRAINT name EXCLUDE USING gist (room WITH =,
//! during WITH &&) [WHERE (…)] [DEFERRABLE …]`, no two rows for which every
//! operator returns true. Targets and predicates are SQL text, compared
//! through [`crate::expr`].

use crate::expr;
use crate::partition::strip_parens;

/// One element of an exclusion constraint: `room WITH =`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExclusionElement {
    /// A column name, or an expression in parentheses (`(lower(name))`),
    /// optionally followed by an operator class.
    pub target: String,
    /// The operator (`=`, `&&`, `<>`, …).
    pub operator: String,
}

/// `CONSTRAINT name EXCLUDE USING method (element WITH op, …) [INCLUDE (…)]
/// [WHERE (…)] [DEFERRABLE …]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExclusionConstraint {
    /// The constraint's name (PostgreSQL's default is
    /// [`crate::naming::exclusion`]).
    pub name: String,
    /// The index access method, lowercase (`gist` by default).
    pub method: String,
    /// The elements, in order.
    pub elements: Vec<ExclusionElement>,
    /// `WHERE (…)`: the predicate of a partial constraint.
    pub predicate: Option<String>,
    /// `DEFERRABLE …`.
    pub deferrable: crate::Deferrable,
    /// `COMMENT ON CONSTRAINT … ON table`.
    pub comment: Option<String>,
}

impl ExclusionConstraint {
    /// Whether two constraints exclude the same rows (targets and the
    /// predicate compared as expressions).
    pub fn equivalent_definition(&self, other: &ExclusionConstraint) -> bool {
        self.method == other.method
            && self.deferrable == other.deferrable
            && self.elements.len() == other.elements.len()
            && self.elements.iter().zip(&other.elements).all(|(a, b)| {
                a.operator == b.operator
                    && expr::equivalent(strip_parens(&a.target), strip_parens(&b.target))
            })
            && match (&self.predicate, &other.predicate) {
                (None, None) => true,
                (Some(a), Some(b)) => expr::equivalent(a, b),
                _ => false,
            }
    }

    /// The column names the constraint uses directly (plain column targets).
    pub fn column_targets(&self) -> impl Iterator<Item = &str> {
        self.elements.iter().filter_map(|e| column_of(&e.target))
    }
}

/// The column of a target that is a plain column, optionally with an
/// operator class (`room`, `room gist_int4_ops`); `None` for an expression.
pub fn column_of(target: &str) -> Option<&str> {
    let mut words = target.split_whitespace();
    let column = words.next()?;
    let plain = |w: &str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    };
    (plain(column) && words.all(plain) && !column.contains('.')).then_some(column)
}

/// Parses `room WITH =, during WITH &&` (as written in the schema, or as
/// `pg_get_constraintdef` prints the inside of `EXCLUDE USING m (…)`).
pub fn parse_elements(text: &str) -> Result<Vec<ExclusionElement>, String> {
    let mut out = Vec::new();
    for part in crate::partition::split_top_level(text) {
        let part = part.trim();
        if part.is_empty() {
            return Err("empty element: two commas in a row, or a trailing comma".into());
        }
        let at = last_top_level_with(part)
            .ok_or_else(|| format!("element `{part}` has no `WITH operator`"))?;
        let target = part[..at].trim();
        let operator = part[at + 4..].trim();
        if target.is_empty() {
            return Err(format!("element `{part}` has no column or expression"));
        }
        if operator.is_empty() || operator.contains(char::is_whitespace) {
            return Err(format!("element `{part}` needs one operator after `WITH`"));
        }
        out.push(ExclusionElement {
            target: target.to_string(),
            operator: operator.to_string(),
        });
    }
    Ok(out)
}

/// The byte offset of the last ` WITH ` outside parentheses and quotes.
fn last_top_level_with(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut found = None;
    for (i, &b) in bytes.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ if depth == 0
                    && b.is_ascii_whitespace()
                    && text
                        .get(i + 1..i + 5)
                        .is_some_and(|w| w.eq_ignore_ascii_case("with"))
                    && bytes.get(i + 5).is_some_and(u8::is_ascii_whitespace) =>
                {
                    found = Some(i + 1);
                }
                _ => {}
            },
        }
    }
    found
}

impl ExclusionConstraint {
    /// `room WITH =, during WITH &&`.
    pub fn elements_sql(&self) -> String {
        self.elements
            .iter()
            .map(|e| format!("{} WITH {}", e.target, e.operator))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The parts of PostgreSQL's default name (`FigureIndexColname`): each
    /// element's column, a function call's name, or `expr`.
    pub fn name_parts(&self) -> Vec<String> {
        self.elements
            .iter()
            .map(|e| {
                let t = e.target.trim();
                let (inner, wrapped) = match crate::partition::parenthesised_inner(t) {
                    Some(inner) => (inner.trim(), true),
                    None => (t, false),
                };
                let word_end = inner
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '"' || c == '.'))
                    .unwrap_or(inner.len());
                let word = &inner[..word_end];
                let rest = inner[word_end..].trim_start();
                let last = word.rsplit('.').next().unwrap_or(word);
                let unquoted = last
                    .strip_prefix('"')
                    .and_then(|c| c.strip_suffix('"'))
                    .map(str::to_string)
                    .unwrap_or_else(|| last.to_lowercase());
                if word.is_empty() {
                    "expr".to_string()
                } else if rest.starts_with('(') {
                    unquoted
                } else if rest.is_empty() || (!wrapped && !rest.contains(['(', ':', ' '])) {
                    // A column, or a column with its operator class.
                    unquoted
                } else {
                    "expr".to_string()
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_parse_with_operators_and_expressions() {
        let e = parse_elements("room WITH =, during WITH &&").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[1].target.as_str(), e[1].operator.as_str()),
            ("during", "&&")
        );
        let x = parse_elements("(lower(name)) with =, tstzrange(a, b, '[)') WITH &&").unwrap();
        assert_eq!(x[0].target, "(lower(name))");
        assert_eq!(x[1].target, "tstzrange(a, b, '[)')");
        assert!(parse_elements("room =").is_err());
        assert!(parse_elements("room WITH =,").is_err());
        assert!(parse_elements("WITH =").is_err());
        let c = ExclusionConstraint {
            comment: None,
            name: String::new(),
            method: "gist".into(),
            elements: x,
            predicate: None,
            deferrable: crate::Deferrable::No,
        };
        assert_eq!(c.name_parts(), vec!["lower", "tstzrange"]);
    }
}
