//! Declarative partitioning: a partitioned table's key (`PARTITION BY RANGE
//! | LIST | HASH (…)`) and its partitions (`PARTITION OF … FOR VALUES …`).
//!
//! A partition is part of its parent [`crate::Table`]: it has the parent's
//! columns, and the indexes, keys, checks, foreign keys and triggers declared
//! on the parent are PostgreSQL's to propagate, so the model holds only each
//! partition's name and bound. Keys and bounds are SQL text, compared through [`crate::expr`] (PostgreSQL prints them back with
//! its own spacing, casts and case).

use crate::expr;

/// How a table is partitioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartitionStrategy {
    /// `RANGE`: each partition holds `FROM (…) TO (…)`.
    Range,
    /// `LIST`: each partition holds `IN (…)`.
    List,
    /// `HASH`: each partition holds `WITH (MODULUS m, REMAINDER r)`.
    Hash,
}

impl PartitionStrategy {
    /// The SQL keyword.
    pub fn as_sql(self) -> &'static str {
        match self {
            PartitionStrategy::Range => "RANGE",
            PartitionStrategy::List => "LIST",
            PartitionStrategy::Hash => "HASH",
        }
    }
}

/// `PARTITION BY strategy (key, …)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionKey {
    /// The strategy.
    pub strategy: PartitionStrategy,
    /// The key's elements as SQL (a column name, or an expression in
    /// parentheses), in order.
    pub elements: Vec<String>,
}

impl PartitionKey {
    /// Parses `RANGE (created_at)`, `list (region)`, `HASH (id, (lower(x)))`.
    pub fn parse(text: &str) -> Result<PartitionKey, String> {
        let text = text.trim();
        let end = text
            .find(|c: char| c.is_whitespace() || c == '(')
            .unwrap_or(text.len());
        let (word, rest) = (&text[..end], text[end..].trim_start());
        let strategy = match word.to_ascii_lowercase().as_str() {
            "range" => PartitionStrategy::Range,
            "list" => PartitionStrategy::List,
            "hash" => PartitionStrategy::Hash,
            _ => {
                return Err(format!(
                    "expected `RANGE`, `LIST` or `HASH`, found `{word}`"
                ))
            }
        };
        let inner = parenthesised(rest)
            .ok_or_else(|| "expected the key in parentheses: `RANGE (created_at)`".to_string())?;
        let elements: Vec<String> = split_top_level(inner)
            .into_iter()
            .map(|e| e.trim().to_string())
            .collect();
        if elements.iter().any(String::is_empty) {
            return Err("empty key element".into());
        }
        if strategy == PartitionStrategy::List && elements.len() != 1 {
            return Err("a LIST key has exactly one column or expression".into());
        }
        Ok(PartitionKey { strategy, elements })
    }

    /// `RANGE (created_at)`.
    pub fn to_sql(&self) -> String {
        format!("{} ({})", self.strategy.as_sql(), self.elements.join(", "))
    }

    /// Whether two keys partition the same way (elements compared as
    /// expressions).
    pub fn equivalent(&self, other: &PartitionKey) -> bool {
        self.strategy == other.strategy
            && self.elements.len() == other.elements.len()
            && self
                .elements
                .iter()
                .zip(&other.elements)
                .all(|(a, b)| expr::equivalent(strip_parens(a), strip_parens(b)))
    }
}

/// What a partition holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartitionBound {
    /// `DEFAULT`: every row no other partition takes.
    Default,
    /// `FOR VALUES …`: the text after `FOR VALUES` (`FROM ('2026-01-01') TO
    /// ('2026-02-01')`, `IN ('eu', 'us')`, `WITH (modulus 4, remainder 0)`).
    Values(String),
}

impl PartitionBound {
    /// Parses `DEFAULT`, `[FOR VALUES] FROM (…) TO (…)`, `IN (…)`,
    /// `WITH (MODULUS m, REMAINDER r)`, checking the form fits `strategy`.
    pub fn parse(text: &str, strategy: PartitionStrategy) -> Result<PartitionBound, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("default") {
            if strategy == PartitionStrategy::Hash {
                return Err("a hash-partitioned table cannot have a default partition".into());
            }
            return Ok(PartitionBound::Default);
        }
        let body = strip_keyword(text, "for")
            .and_then(|t| strip_keyword(t, "values"))
            .unwrap_or(text);
        let parts = bound_parts(body).ok_or_else(|| expected_form(strategy))?;
        // Kept in one spelling (keywords upper case, values as written).
        let (form, canonical) = match parts {
            BoundParts::Range(from, to) => (
                PartitionStrategy::Range,
                format!(
                    "FROM ({}) TO ({})",
                    special_upper(&from),
                    special_upper(&to)
                ),
            ),
            BoundParts::List(values) => (
                PartitionStrategy::List,
                format!("IN ({})", values.join(", ")),
            ),
            BoundParts::Hash(m, r) => (
                PartitionStrategy::Hash,
                format!("WITH (MODULUS {m}, REMAINDER {r})"),
            ),
        };
        if form != strategy {
            return Err(expected_form(strategy));
        }
        Ok(PartitionBound::Values(canonical))
    }

    /// `DEFAULT` or `FOR VALUES …`.
    pub fn to_sql(&self) -> String {
        match self {
            PartitionBound::Default => "DEFAULT".into(),
            PartitionBound::Values(v) => format!("FOR VALUES {v}"),
        }
    }

    /// Whether two bounds hold the same rows (values compared as
    /// expressions, keywords in any case).
    pub fn equivalent(&self, other: &PartitionBound) -> bool {
        match (self, other) {
            (PartitionBound::Default, PartitionBound::Default) => true,
            (PartitionBound::Values(a), PartitionBound::Values(b)) => {
                match (bound_parts(a), bound_parts(b)) {
                    (Some(BoundParts::Range(f1, t1)), Some(BoundParts::Range(f2, t2))) => {
                        values_equivalent(&f1, &f2) && values_equivalent(&t1, &t2)
                    }
                    (Some(BoundParts::List(a)), Some(BoundParts::List(b))) => {
                        values_equivalent(&a, &b)
                    }
                    (Some(BoundParts::Hash(m1, r1)), Some(BoundParts::Hash(m2, r2))) => {
                        m1 == m2 && r1 == r2
                    }
                    _ => a == b,
                }
            }
            _ => false,
        }
    }
}

/// A partition of a partitioned table, in the parent's namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    /// The partition's own table name.
    pub name: String,
    /// What it holds.
    pub bound: PartitionBound,
}

enum BoundParts {
    Range(Vec<String>, Vec<String>),
    List(Vec<String>),
    Hash(String, String),
}

fn expected_form(strategy: PartitionStrategy) -> String {
    match strategy {
        PartitionStrategy::Range => {
            "a RANGE partition holds `FROM (…) TO (…)` or `DEFAULT`".to_string()
        }
        PartitionStrategy::List => "a LIST partition holds `IN (…)` or `DEFAULT`".to_string(),
        PartitionStrategy::Hash => {
            "a HASH partition holds `WITH (MODULUS m, REMAINDER r)`".to_string()
        }
    }
}

fn bound_parts(body: &str) -> Option<BoundParts> {
    let body = body.trim();
    if let Some(rest) = strip_keyword(body, "from") {
        let (from, rest) = take_parenthesised(rest)?;
        let rest = strip_keyword(rest, "to")?;
        let (to, rest) = take_parenthesised(rest)?;
        if !rest.trim().is_empty() {
            return None;
        }
        return Some(BoundParts::Range(values(from)?, values(to)?));
    }
    if let Some(rest) = strip_keyword(body, "in") {
        let (list, rest) = take_parenthesised(rest)?;
        if !rest.trim().is_empty() {
            return None;
        }
        return Some(BoundParts::List(values(list)?));
    }
    if let Some(rest) = strip_keyword(body, "with") {
        let (inner, rest) = take_parenthesised(rest)?;
        if !rest.trim().is_empty() {
            return None;
        }
        let mut modulus = None;
        let mut remainder = None;
        for part in split_top_level(inner) {
            let mut words = part.split_whitespace();
            let key = words.next()?.to_ascii_lowercase();
            let value = words.next()?;
            if words.next().is_some() || value.parse::<u32>().is_err() {
                return None;
            }
            match key.as_str() {
                "modulus" => modulus = Some(value.to_string()),
                "remainder" => remainder = Some(value.to_string()),
                _ => return None,
            }
        }
        let (m, r) = (modulus?, remainder?);
        if r.parse::<u32>().ok()? >= m.parse::<u32>().ok()? || m == "0" {
            return None;
        }
        return Some(BoundParts::Hash(m, r));
    }
    None
}

/// Range values joined, `MINVALUE` and `MAXVALUE` in upper case.
fn special_upper(values: &[String]) -> String {
    values
        .iter()
        .map(|v| match v.to_ascii_lowercase().as_str() {
            "minvalue" => "MINVALUE".to_string(),
            "maxvalue" => "MAXVALUE".to_string(),
            _ => v.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn values(list: &str) -> Option<Vec<String>> {
    let v: Vec<String> = split_top_level(list)
        .into_iter()
        .map(|s| s.trim().to_string())
        .collect();
    (!v.iter().any(String::is_empty)).then_some(v)
}

fn values_equivalent(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let special = |v: &str| {
                let l = v.to_ascii_lowercase();
                (l == "minvalue" || l == "maxvalue").then_some(l)
            };
            match (special(x), special(y)) {
                (None, None) => expr::equivalent(x, y),
                (p, q) => p == q,
            }
        })
}

/// `rest` after a leading case-insensitive keyword followed by a space or
/// `(`, trimmed.
fn strip_keyword<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    let text = text.trim_start();
    let head = text.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = &text[keyword.len()..];
    match rest.chars().next() {
        Some(c) if c.is_whitespace() || c == '(' => Some(rest.trim_start()),
        _ => None,
    }
}

/// The inside of `( … )` when the whole text is one parenthesised group.
fn parenthesised(text: &str) -> Option<&str> {
    let (inner, rest) = take_parenthesised(text)?;
    rest.trim().is_empty().then_some(inner)
}

/// Splits a leading `( … )` group: its inside and what follows.
fn take_parenthesised(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((&text[1..i], &text[i + 1..]));
                    }
                }
                _ => {}
            },
        }
    }
    None
}

/// Splits at commas outside parentheses and quotes.
pub(crate) fn split_top_level(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    out.push(&text[start..i]);
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    out.push(&text[start..]);
    out
}

/// The inside of `( … )` when the whole text is one parenthesised group.
pub(crate) fn parenthesised_inner(text: &str) -> Option<&str> {
    parenthesised(text.trim())
}

/// An expression element without its one pair of wrapping parentheses.
pub(crate) fn strip_parens(text: &str) -> &str {
    let t = text.trim();
    parenthesised(t).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_compare_as_expressions() {
        let k = PartitionKey::parse("range (created_at)").unwrap();
        assert_eq!(k.to_sql(), "RANGE (created_at)");
        let e = PartitionKey::parse("RANGE ((lower(region)), id)").unwrap();
        assert_eq!(e.elements, vec!["(lower(region))", "id"]);
        assert!(e.equivalent(&PartitionKey::parse("RANGE (lower(region), id)").unwrap()));
        assert!(!k.equivalent(&PartitionKey::parse("LIST (created_at)").unwrap()));
        assert!(PartitionKey::parse("RANGE created_at").is_err());
        assert!(PartitionKey::parse("SPLIT (a)").is_err());
        assert!(PartitionKey::parse("LIST (a, b)").is_err());
    }

    #[test]
    fn bounds_parse_by_strategy_and_compare_as_postgres_prints_them() {
        use PartitionStrategy::*;
        let b = PartitionBound::parse("FROM ('2026-01-01') TO ('2026-02-01')", Range).unwrap();
        assert_eq!(
            b.to_sql(),
            "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"
        );
        let printed =
            PartitionBound::parse("FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')", Range)
                .unwrap();
        assert!(b.equivalent(&printed));
        let h = PartitionBound::parse("WITH (MODULUS 4, REMAINDER 1)", Hash).unwrap();
        let hp = PartitionBound::parse("FOR VALUES WITH (modulus 4, remainder 1)", Hash).unwrap();
        assert!(h.equivalent(&hp));
        let l = PartitionBound::parse("in ('eu','us')", List).unwrap();
        assert!(l.equivalent(&PartitionBound::parse("IN ('eu', 'us')", List).unwrap()));
        assert!(!l.equivalent(&PartitionBound::parse("IN ('eu')", List).unwrap()));
        let m = PartitionBound::parse("FROM (MINVALUE) TO (0)", Range).unwrap();
        assert!(m.equivalent(&PartitionBound::parse("FROM (minvalue) TO (0)", Range).unwrap()));
        assert_eq!(
            PartitionBound::parse("default", List),
            Ok(PartitionBound::Default)
        );
        assert!(PartitionBound::parse("DEFAULT", Hash).is_err());
        assert!(PartitionBound::parse("IN (1)", Range).is_err());
        assert!(PartitionBound::parse("WITH (MODULUS 2, REMAINDER 2)", Hash).is_err());
        assert!(PartitionBound::parse("FROM (1)", Range).is_err());
    }
}
