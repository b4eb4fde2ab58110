//! Comparing SQL expressions (defaults, checks, index expressions and
//! predicates, generated columns) written by people with the same expressions
//! as a database prints them back.
//!
//! [`normalize`] maps spellings that mean the same thing to one string:
//! keyword and identifier case outside quotes, white space, redundant outer
//! parentheses, and the explicit casts PostgreSQL adds to literals
//! (`'a'::text`). It is deliberately conservative: two expressions that
//! normalise differently are reported as different.

/// The normalised form of an SQL expression, for equality comparison only.
pub fn normalize(expr: &str) -> String {
    let tokens = tokenize(expr);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Drop `::<type>` casts that follow a string literal or a NULL, which
        // PostgreSQL adds when it deparses (e.g. `'x'::text`,
        // `'{}'::jsonb` stays since jsonb is not text-like).
        if t == "::" && i + 1 < tokens.len() {
            let prev_is_literal = out.last().is_some_and(|p| p.starts_with('\'') || p == "null");
            let ty = tokens[i + 1].as_str();
            let mut j = i + 2;
            let mut full_ty = ty.to_string();
            // multi-word types: "character varying", "timestamp with time zone"
            while j < tokens.len() && is_type_word(&tokens[j]) && is_type_word(&full_ty) {
                full_ty.push(' ');
                full_ty.push_str(&tokens[j]);
                j += 1;
            }
            if prev_is_literal && is_texty(&full_ty) {
                i = j;
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    let mut s = join_tokens(&out);
    loop {
        let stripped = strip_outer_parens(&s);
        if stripped.len() == s.len() {
            break;
        }
        s = stripped.to_string();
    }
    s
}

/// Whether two expressions are the same after [`normalize`].
pub fn equivalent(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

fn is_type_word(w: &str) -> bool {
    matches!(w, "character" | "varying" | "timestamp" | "time" | "with" | "without" | "zone" | "double" | "precision")
        || w.starts_with("character")
        || w.starts_with("timestamp")
}

fn is_texty(ty: &str) -> bool {
    matches!(ty, "text" | "character varying" | "varchar" | "bpchar" | "name")
}

fn tokenize(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let quote = c;
            let start = i;
            i += 1;
            while i < chars.len() {
                if chars[i] == quote {
                    if i + 1 < chars.len() && chars[i + 1] == quote {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            let tok: String = chars[start..i].iter().collect();
            // "name" → name when it is a plain lowercase identifier
            if quote == '"' {
                let inner = &tok[1..tok.len().saturating_sub(1)];
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') && !inner.starts_with(|c: char| c.is_ascii_digit()) {
                    out.push(inner.to_string());
                    continue;
                }
            }
            out.push(tok);
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$' || (chars[i] == '.' && chars[start].is_ascii_digit())) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect::<String>().to_lowercase());
        } else if c == ':' && i + 1 < chars.len() && chars[i + 1] == ':' {
            out.push("::".into());
            i += 2;
        } else if "<>=!|&".contains(c) {
            let start = i;
            while i < chars.len() && "<>=!|&".contains(chars[i]) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

fn join_tokens(tokens: &[String]) -> String {
    let mut s = String::new();
    for (i, t) in tokens.iter().enumerate() {
        let word = |x: &str| x.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '\'' || c == '"');
        if i > 0 && word(t) && word(&tokens[i - 1]) {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

fn strip_outer_parens(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'(' || b[b.len() - 1] != b')' {
        return s;
    }
    let mut depth = 0i32;
    let mut in_quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        match in_quote {
            Some(q) if c == q => in_quote = None,
            Some(_) => {}
            None => match c {
                b'\'' | b'"' => in_quote = Some(c),
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 && i != b.len() - 1 {
                        return s;
                    }
                }
                _ => {}
            },
        }
    }
    &s[1..s.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_differences_vanish() {
        assert!(equivalent("now()", "NOW( )"));
        assert!(equivalent("(age > 0)", "age>0"));
        assert!(equivalent("'member'::text", "'member'"));
        assert!(equivalent("'a'::character varying", "'a'"));
        assert!(equivalent("lower(\"email\")", "lower(email)"));
    }

    #[test]
    fn real_differences_stay() {
        assert!(!equivalent("age > 0", "age >= 0"));
        assert!(!equivalent("'A'", "'a'"));
        assert!(!equivalent("\"Email\"", "email"));
    }
}
