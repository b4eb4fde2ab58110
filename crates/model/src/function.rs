//! Functions, procedures (`CREATE FUNCTION`, `CREATE PROCEDURE`) and the
//! triggers of tables (`CREATE TRIGGER`).
//!
//! A routine is identified by its name and the types of its arguments (its
//! signature, as PostgreSQL identifies overloads); everything else is its
//! definition. Bodies are kept as text, trimmed: PostgreSQL stores the body
//! of a `LANGUAGE plpgsql` or `LANGUAGE sql` routine byte for byte as it was
//! given, so text equality is the right comparison. Types are kept in their
//! canonical spelling ([`crate::types::canonical_type`]), defaults and
//! `WHEN` conditions are compared through [`crate::expr`] by the callers.

use crate::types::canonical_type;
use crate::QualifiedName;

/// A function or procedure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    /// The routine's name.
    pub name: QualifiedName,
    /// `CREATE PROCEDURE` rather than `CREATE FUNCTION`.
    pub procedure: bool,
    /// Its arguments, in order.
    pub arguments: Vec<Argument>,
    /// `RETURNS …` (functions only): a type (`trigger`, `integer`), `SETOF
    /// type` or `TABLE(name type, …)`, in canonical spelling
    /// ([`canonical_returns`]).
    pub returns: Option<String>,
    /// `LANGUAGE …`, lowercase (`plpgsql`, `sql`).
    pub language: String,
    /// The body: exactly what goes between the dollar quotes (PostgreSQL
    /// keeps it byte for byte, white space included, and so does pg_dump).
    pub body: String,
    /// `VOLATILE` (the default), `STABLE` or `IMMUTABLE` (functions only).
    pub volatility: Volatility,
    /// `STRICT` (`RETURNS NULL ON NULL INPUT`; functions only).
    pub strict: bool,
    /// `SECURITY DEFINER`: runs with its owner's privileges.
    pub security_definer: bool,
    /// `LEAKPROOF` (functions only).
    pub leakproof: bool,
    /// `PARALLEL UNSAFE` (the default), `RESTRICTED` or `SAFE` (functions only).
    pub parallel: Parallel,
    /// `SET search_path = …`, as PostgreSQL stores it (`public, pg_temp`).
    pub search_path: Option<String>,
    /// `COMMENT ON FUNCTION`.
    pub comment: Option<String>,
    /// Privileges granted to managed roles (`EXECUTE`), normalised.
    pub grants: Vec<crate::Grant>,
}

/// One argument of a routine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// Its name (optional in PostgreSQL).
    pub name: Option<String>,
    /// `IN` (the default), `OUT`, `INOUT` or `VARIADIC`.
    pub mode: ArgumentMode,
    /// Its type, canonical spelling.
    pub ty: String,
    /// `DEFAULT …`: SQL expression text.
    pub default: Option<String>,
}

/// The mode of an argument.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArgumentMode {
    /// `IN` (the default).
    #[default]
    In,
    /// `OUT`.
    Out,
    /// `INOUT`.
    InOut,
    /// `VARIADIC`.
    Variadic,
}

impl ArgumentMode {
    /// The SQL keyword; `None` for `IN`, which is not written.
    pub fn as_sql(self) -> Option<&'static str> {
        match self {
            ArgumentMode::In => None,
            ArgumentMode::Out => Some("OUT"),
            ArgumentMode::InOut => Some("INOUT"),
            ArgumentMode::Variadic => Some("VARIADIC"),
        }
    }
}

/// `VOLATILE`, `STABLE`, `IMMUTABLE`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Volatility {
    /// `VOLATILE` (the default).
    #[default]
    Volatile,
    /// `STABLE`.
    Stable,
    /// `IMMUTABLE`.
    Immutable,
}

impl Volatility {
    /// The schema language's and SQL's spelling, lowercase.
    pub fn as_str(self) -> &'static str {
        match self {
            Volatility::Volatile => "volatile",
            Volatility::Stable => "stable",
            Volatility::Immutable => "immutable",
        }
    }

    /// Parses `volatile`, `stable` or `immutable` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "volatile" => Volatility::Volatile,
            "stable" => Volatility::Stable,
            "immutable" => Volatility::Immutable,
            _ => return None,
        })
    }
}

/// `PARALLEL UNSAFE`, `RESTRICTED`, `SAFE`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Parallel {
    /// `PARALLEL UNSAFE` (the default).
    #[default]
    Unsafe,
    /// `PARALLEL RESTRICTED`.
    Restricted,
    /// `PARALLEL SAFE`.
    Safe,
}

impl Parallel {
    /// The schema language's and SQL's spelling, lowercase.
    pub fn as_str(self) -> &'static str {
        match self {
            Parallel::Unsafe => "unsafe",
            Parallel::Restricted => "restricted",
            Parallel::Safe => "safe",
        }
    }

    /// Parses `unsafe`, `restricted` or `safe` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "unsafe" => Parallel::Unsafe,
            "restricted" => Parallel::Restricted,
            "safe" => Parallel::Safe,
            _ => return None,
        })
    }
}

impl Function {
    /// A `LANGUAGE plpgsql` function with no arguments, returning `returns`.
    pub fn new(name: QualifiedName, returns: &str, body: &str) -> Self {
        Function {
            name,
            procedure: false,
            arguments: Vec::new(),
            returns: Some(canonical_returns(returns)),
            language: "plpgsql".into(),
            body: body.to_string(),
            volatility: Volatility::Volatile,
            strict: false,
            security_definer: false,
            leakproof: false,
            parallel: Parallel::Unsafe,
            search_path: None,
            comment: None,
            grants: Vec::new(),
        }
    }

    /// Brings spellings into their stored form: canonical types, lowercase
    /// language (the body is kept as it is).
    pub fn normalize(&mut self) {
        self.language = self.language.trim().to_ascii_lowercase();
        crate::grant::normalize_grants(&mut self.grants);
        for a in &mut self.arguments {
            a.ty = routine_type(&a.ty);
            if let Some(d) = &mut a.default {
                *d = d.trim().to_string();
            }
        }
        if let Some(r) = &mut self.returns {
            *r = canonical_returns(r);
        }
        if let Some(p) = &mut self.search_path {
            *p = canonical_search_path(p);
        }
    }

    /// `function` or `procedure`, for messages and SQL.
    pub fn kind(&self) -> &'static str {
        if self.procedure {
            "procedure"
        } else {
            "function"
        }
    }

    /// The types that identify it among overloads: every argument but the
    /// `OUT` ones of a function (a procedure's `OUT` arguments count).
    pub fn identity_types(&self) -> Vec<&str> {
        self.arguments
            .iter()
            .filter(|a| self.procedure || a.mode != ArgumentMode::Out)
            .map(|a| a.ty.as_str())
            .collect()
    }

    /// `name(type, …)` without the namespace, for messages and keys.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name.name, self.identity_types().join(", "))
    }

    /// Whether this is a trigger function (`RETURNS trigger`).
    pub fn is_trigger_function(&self) -> bool {
        self.returns.as_deref() == Some("trigger")
    }
}

/// The canonical spelling of a `RETURNS` clause: `SETOF type` and
/// `TABLE(name type, …)` with canonical types, else the canonical type.
pub fn canonical_returns(returns: &str) -> String {
    let r = returns.trim();
    let lower = r.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("setof ") {
        return format!("SETOF {}", routine_type(rest.trim()));
    }
    if lower.starts_with("table") && r[5..].trim_start().starts_with('(') && r.ends_with(')') {
        let inner = r[5..].trim_start();
        let inner = &inner[1..inner.len() - 1];
        let columns: Vec<String> = split_top_level(inner)
            .into_iter()
            .map(|c| {
                let c = c.trim();
                match c.split_once(char::is_whitespace) {
                    Some((name, ty)) => format!("{} {}", fold_identifier(name), routine_type(ty)),
                    None => routine_type(c),
                }
            })
            .collect();
        return format!("TABLE({})", columns.join(", "));
    }
    routine_type(r)
}

/// The canonical spelling of an argument or result type: PostgreSQL drops
/// type modifiers there (`varchar(10)` is stored as `varchar`).
pub fn routine_type(spelling: &str) -> String {
    let mut canonical = canonical_type(spelling);
    if !canonical.contains('"') {
        canonical = canonical.to_ascii_lowercase();
    }
    match (canonical.find('('), canonical.find(')')) {
        (Some(open), Some(close)) if close > open => {
            let mut out = canonical[..open].trim_end().to_string();
            out.push_str(&canonical[close + 1..]);
            out
        }
        _ => canonical,
    }
}

/// `search_path` as PostgreSQL stores it: names separated by `, `, quotes
/// kept as written.
pub fn canonical_search_path(path: &str) -> String {
    split_top_level(path)
        .into_iter()
        .map(|p| match p.trim() {
            "''" => "\"\"".to_string(),
            p => p.to_string(),
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An identifier as PostgreSQL prints it back: folded (quoted ones as
/// written, others lowercased), then quoted again unless it is a plain
/// lowercase word. Applying it twice gives the same text.
fn fold_identifier(name: &str) -> String {
    let folded = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => name.to_ascii_lowercase(),
    };
    let plain = !folded.is_empty()
        && !folded.starts_with(|c: char| c.is_ascii_digit())
        && folded
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain {
        folded
    } else {
        format!("\"{}\"", folded.replace('"', "\"\""))
    }
}

/// Splits at commas outside parentheses, brackets and quotes.
pub fn split_top_level(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    if !s[start..].trim().is_empty() || !out.is_empty() {
        out.push(&s[start..]);
    }
    out
}

/// When a trigger fires.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TriggerTiming {
    /// `BEFORE`.
    #[default]
    Before,
    /// `AFTER`.
    After,
    /// `INSTEAD OF` (views only).
    InsteadOf,
}

impl TriggerTiming {
    /// The SQL keywords.
    pub fn as_sql(self) -> &'static str {
        match self {
            TriggerTiming::Before => "BEFORE",
            TriggerTiming::After => "AFTER",
            TriggerTiming::InsteadOf => "INSTEAD OF",
        }
    }

    /// The schema language's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TriggerTiming::Before => "before",
            TriggerTiming::After => "after",
            TriggerTiming::InsteadOf => "instead_of",
        }
    }

    /// Parses `before`, `after` or `instead_of` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "before" => TriggerTiming::Before,
            "after" => TriggerTiming::After,
            "instead_of" | "instead of" => TriggerTiming::InsteadOf,
            _ => return None,
        })
    }
}

/// The events a trigger fires on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TriggerEvents {
    /// `INSERT`.
    pub insert: bool,
    /// `UPDATE` (of the columns in [`Trigger::update_of`], or any).
    pub update: bool,
    /// `DELETE`.
    pub delete: bool,
    /// `TRUNCATE` (statement-level triggers only).
    pub truncate: bool,
}

impl TriggerEvents {
    /// Whether no event is set.
    pub fn is_empty(self) -> bool {
        !(self.insert || self.update || self.delete || self.truncate)
    }
}

/// A trigger on a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The trigger's name (unique per table).
    pub name: String,
    /// `BEFORE`, `AFTER`, `INSTEAD OF`.
    pub timing: TriggerTiming,
    /// `INSERT OR UPDATE OR …`.
    pub events: TriggerEvents,
    /// `UPDATE OF col, …` (in table column order once normalised by the
    /// callers that know the table; the model keeps the declared order).
    pub update_of: Vec<String>,
    /// `FOR EACH ROW` (else `FOR EACH STATEMENT`).
    pub for_each_row: bool,
    /// `WHEN (…)`: SQL condition text, without the parentheses.
    pub when: Option<String>,
    /// `EXECUTE FUNCTION name(…)`: a trigger function (no arguments).
    pub function: QualifiedName,
    /// The literal arguments passed to it (`TG_ARGV`).
    pub arguments: Vec<String>,
    /// `COMMENT ON TRIGGER`.
    pub comment: Option<String>,
}

impl Trigger {
    /// `INSERT OR UPDATE OF a, b OR DELETE`: the events clause.
    pub fn events_sql(&self, quote: impl Fn(&str) -> String) -> String {
        let mut parts = Vec::new();
        if self.events.insert {
            parts.push("INSERT".to_string());
        }
        if self.events.update {
            if self.update_of.is_empty() {
                parts.push("UPDATE".to_string());
            } else {
                let cols: Vec<String> = self.update_of.iter().map(|c| quote(c)).collect();
                parts.push(format!("UPDATE OF {}", cols.join(", ")));
            }
        }
        if self.events.delete {
            parts.push("DELETE".to_string());
        }
        if self.events.truncate {
            parts.push("TRUNCATE".to_string());
        }
        parts.join(" OR ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_clauses_are_canonical() {
        assert_eq!(canonical_returns("TRIGGER"), "trigger");
        assert_eq!(canonical_returns("int4"), "integer");
        assert_eq!(canonical_returns("setof  int8"), "SETOF bigint");
        assert_eq!(
            canonical_returns("TABLE (Id int8, \"Name\" varchar(3))"),
            "TABLE(id bigint, \"Name\" varchar)"
        );
        let once = canonical_returns("TABLE (x int4, \"Y\" text)");
        assert_eq!(canonical_returns(&once), once);
        assert_eq!(routine_type("numeric(10, 2)[]"), "numeric[]");
    }

    #[test]
    fn identity_skips_out_arguments_of_functions_only() {
        let mut f = Function::new(QualifiedName::public("f"), "integer", " BEGIN END ");
        assert_eq!(f.body, " BEGIN END ");
        f.arguments = vec![
            Argument {
                name: Some("a".into()),
                mode: ArgumentMode::In,
                ty: "int4".into(),
                default: None,
            },
            Argument {
                name: Some("b".into()),
                mode: ArgumentMode::Out,
                ty: "text".into(),
                default: None,
            },
        ];
        f.normalize();
        assert_eq!(f.signature(), "f(integer)");
        f.procedure = true;
        assert_eq!(f.signature(), "f(integer, text)");
    }

    #[test]
    fn top_level_split_respects_brackets_and_quotes() {
        assert_eq!(
            split_top_level("a numeric(10,2), b text DEFAULT 'x,y'"),
            vec!["a numeric(10,2)", " b text DEFAULT 'x,y'"]
        );
        assert!(split_top_level("  ").is_empty());
        assert_eq!(canonical_search_path("public,pg_temp"), "public, pg_temp");
    }
}
