//! Comparing SQL expressions (defaults, checks, index expressions and
//! predicates, generated columns) written by people with the same expressions
//! as a database prints them back.
//!
//! [`normalize`] parses the expression with PostgreSQL's operator precedence
//! and prints the tree in one canonical, fully parenthesised form, so that
//! parentheses people write and parentheses PostgreSQL's deparser adds (or
//! leaves out) no longer matter while the structure still does. On the way it
//! undoes exactly the rewrites PostgreSQL applies when it stores an
//! expression:
//!
//! - literals get an explicit cast to the type they resolved to (`'a'::text`,
//!   `'member'::auth.role`, `'{}'::jsonb`, `'-1'::integer`): casts directly on a
//!   literal are dropped, since the literal's type comes from its context
//!   either way, and a quoted number cast to a numeric type becomes the number;
//! - implicit casts of `varchar`/`char` columns to `text` become visible
//!   (`lower(email)` is stored as `lower((email)::text)`): a cast to a
//!   text-like type on a plain column reference is dropped;
//! - `x IN (a, b)` is stored as `x = ANY (ARRAY[a, b])`, `NOT IN` as
//!   `<> ALL (…)`, `BETWEEN` as two comparisons, `LIKE` as `~~`, `!=` as `<>`,
//!   `CAST(x AS t)` as `x::t`, `interval '1 day'` as `'1 day'::interval`;
//! - jsonb literals are re-spelled (`'{"b":1,"a":2}'` → `'{"a": 2, "b": 1}'`):
//!   object literals are compared in that spelling, cast or not;
//! - a date compared with a timestamp becomes a timestamp literal
//!   (`'2000-01-01'` → `'2000-01-01 00:00:00+00'`): UTC midnight maps back;
//! - `position(a IN b)`, `substring(… FROM … FOR …)`, `extract`, `trim`,
//!   `COLLATE`, `AT TIME ZONE`, `SIMILAR TO` (→ `~ similar_to_escape(…)`);
//! - keyword and identifier case outside quotes, `"plain"` quoted names,
//!   white space, and type spellings (via [`crate::types::canonical_type`]).
//!
//! Everything else is kept: `now()` and `CURRENT_TIMESTAMP` stay different
//! (PostgreSQL stores them differently too), and two expressions that
//! normalise differently are reported as different. Text the parser does not
//! understand (subqueries, exotic syntax) falls back to a token-level
//! comparison, which is stricter, never looser.

use crate::types::{canonical_type, split_array_suffix};

/// The normalised form of an SQL expression, for equality comparison only.
pub fn normalize(expr: &str) -> String {
    let tokens = tokenize(expr);
    let mut p = Parser {
        tokens: &tokens,
        pos: 0,
    };
    match p.expr(0) {
        Some(node) if p.pos == tokens.len() => print(&simplify(node)),
        _ => token_fallback(&tokens),
    }
}

/// Functions whose value differs per row: as the default of an added column
/// they make PostgreSQL rewrite the table (`now()` and `current_timestamp`
/// are stable and are not here). Shared by the online renderer and the
/// `volatile-default` lint rule.
pub const VOLATILE_FUNCTIONS: &[&str] = &[
    "random",
    "random_normal",
    "setseed",
    "gen_random_uuid",
    "gen_random_bytes",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "clock_timestamp",
    "timeofday",
    "nextval",
];

/// Whether two expressions are the same after [`normalize`].
pub fn equivalent(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    /// An unquoted word, lowercased (identifier, keyword, function name).
    Word(String),
    /// A quoted identifier with its quotes, or a plain word when quoting it
    /// changes nothing (`"email"` → `email`).
    Quoted(String),
    /// A string literal with its quotes (also `E'…'`).
    Str(String),
    /// A numeric literal.
    Num(String),
    /// An operator (a run of operator characters, PostgreSQL's lexer rule).
    Op(String),
    /// `(` `)` `[` `]` `,` `.` `::` `;`
    Punct(&'static str),
}

const OP_CHARS: &str = "+-*/<>=~!@#%^&|`?";

fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '\''
            || c == '"'
            || ((c == 'e' || c == 'E') && chars.get(i + 1) == Some(&'\''))
        {
            let start = i;
            if c != '\'' && c != '"' {
                i += 1;
            }
            let quote = chars[i];
            i += 1;
            while i < chars.len() {
                if chars[i] == quote {
                    if chars.get(i + 1) == Some(&quote) {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                if chars[i] == '\\' && start != i && chars[start] != '\'' && chars[start] != '"' {
                    i += 2;
                    continue;
                }
                i += 1;
            }
            let tok: String = chars[start..i.min(chars.len())].iter().collect();
            if quote == '"' {
                let inner = &tok[1..tok.len().saturating_sub(1)];
                let plain = !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    && !inner.starts_with(|c: char| c.is_ascii_digit());
                out.push(if plain {
                    Tok::Word(inner.to_string())
                } else {
                    Tok::Quoted(tok)
                });
            } else {
                out.push(Tok::Str(tok));
            }
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                // `1.e5`, `1e-5`
                if (chars[i] == 'e' || chars[i] == 'E')
                    && matches!(chars.get(i + 1), Some('-' | '+'))
                {
                    i += 1;
                }
                i += 1;
            }
            out.push(Tok::Num(chars[start..i].iter().collect()));
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
            {
                i += 1;
            }
            out.push(Tok::Word(
                chars[start..i].iter().collect::<String>().to_lowercase(),
            ));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Tok::Punct("::"));
            i += 2;
        } else if OP_CHARS.contains(c) {
            let start = i;
            while i < chars.len() && OP_CHARS.contains(chars[i]) {
                if chars[i] == '-' && chars.get(i + 1) == Some(&'-') && i > start {
                    break;
                }
                i += 1;
            }
            let mut op: String = chars[start..i].iter().collect();
            // A multi-character operator cannot end in + or - unless it also
            // holds one of ~ ! @ # % ^ & | ` ? (so `>-1` is `>` then `-1`).
            while op.len() > 1
                && (op.ends_with('+') || op.ends_with('-'))
                && !op.contains(|c| "~!@#%^&|`?".contains(c))
            {
                op.pop();
                i -= 1;
            }
            out.push(Tok::Op(if op == "!=" { "<>".to_string() } else { op }));
        } else {
            let p = match c {
                '(' => "(",
                ')' => ")",
                '[' => "[",
                ']' => "]",
                ',' => ",",
                '.' => ".",
                ';' => ";",
                _ => {
                    i += 1;
                    out.push(Tok::Op(c.to_string()));
                    continue;
                }
            };
            out.push(Tok::Punct(p));
            i += 1;
        }
    }
    out
}

fn tok_text(t: &Tok) -> &str {
    match t {
        Tok::Word(s) | Tok::Quoted(s) | Tok::Str(s) | Tok::Num(s) | Tok::Op(s) => s,
        Tok::Punct(p) => p,
    }
}

/// The old, strictly token-level comparison for text the parser does not
/// understand: case, white space, quoting of plain names, `!=`.
fn token_fallback(tokens: &[Tok]) -> String {
    let mut s = String::new();
    let mut prev_word = false;
    for t in tokens {
        let word = matches!(t, Tok::Word(_) | Tok::Quoted(_) | Tok::Str(_) | Tok::Num(_));
        if prev_word && word {
            s.push(' ');
        }
        s.push_str(tok_text(t));
        prev_word = word;
    }
    s
}

// ---------------------------------------------------------------------------
// Parsing with PostgreSQL's precedence (lowest first)

const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_IS: u8 = 4;
const P_CMP: u8 = 5;
const P_LIKE: u8 = 6;
const P_OTHER: u8 = 7;
const P_ADD: u8 = 8;
const P_MUL: u8 = 9;
const P_EXP: u8 = 10;
const P_UNARY: u8 = 11;
/// `AT TIME ZONE` and `COLLATE` bind tighter than unary minus.
const P_AT: u8 = 12;

/// Functions with SQL-standard syntax: keywords separate their arguments
/// (`position('@' IN email)`, `substring(t FROM 1 FOR 2)`).
const KEYWORD_ARG_FUNCTIONS: &[&str] = &["position", "substring", "extract", "trim", "overlay"];
const ARG_KEYWORDS: &[&str] = &[
    "from", "for", "in", "both", "leading", "trailing", "placing",
];

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    /// A column reference, keyword constant or qualified name.
    Name(String),
    Str(String),
    Num(String),
    Call(String, Vec<Node>),
    Cast(Box<Node>, String),
    Unary(String, Box<Node>),
    Binary(String, Box<Node>, Box<Node>),
    /// `x IS NULL`, `x IS NOT TRUE`, …: the suffix words.
    Postfix(Box<Node>, String),
    Array(Vec<Node>),
    Subscript(Box<Node>, Box<Node>),
    Case(Option<Box<Node>>, Vec<(Node, Node)>, Option<Box<Node>>),
}

struct Parser<'t> {
    tokens: &'t [Tok],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn peek_at(&self, n: usize) -> Option<&Tok> {
        self.tokens.get(self.pos + n)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }

    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::Punct(x)) if *x == p)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        let yes = self.is_word(w);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn eat_punct(&mut self, p: &str) -> bool {
        let yes = self.is_punct(p);
        if yes {
            self.pos += 1;
        }
        yes
    }

    fn expect_punct(&mut self, p: &str) -> Option<()> {
        self.eat_punct(p).then_some(())
    }

    fn expr(&mut self, min: u8) -> Option<Node> {
        let mut lhs = self.prefix()?;
        while let Some(tok) = self.peek().cloned() {
            match tok {
                Tok::Punct("::") => {
                    self.pos += 1;
                    let ty = self.type_name()?;
                    lhs = Node::Cast(Box::new(lhs), ty);
                }
                Tok::Punct("[") => {
                    self.pos += 1;
                    let index = self.expr(0)?;
                    self.expect_punct("]")?;
                    lhs = Node::Subscript(Box::new(lhs), Box::new(index));
                }
                Tok::Word(w) => {
                    let (prec, negated) = match w.as_str() {
                        "or" => (P_OR, false),
                        "and" => (P_AND, false),
                        "is" | "isnull" | "notnull" => (P_IS, false),
                        "like" | "ilike" | "in" | "between" | "similar" => (P_LIKE, false),
                        "at" | "collate" => (P_AT, false),
                        "not" => match self.peek_at(1) {
                            Some(Tok::Word(n))
                                if matches!(
                                    n.as_str(),
                                    "like" | "ilike" | "in" | "between" | "similar"
                                ) =>
                            {
                                (P_LIKE, true)
                            }
                            _ => break,
                        },
                        _ => break,
                    };
                    if prec < min {
                        break;
                    }
                    self.pos += 1;
                    if negated {
                        self.pos += 1;
                    }
                    let w = if negated {
                        match &self.tokens[self.pos - 1] {
                            Tok::Word(x) => x.clone(),
                            _ => return None,
                        }
                    } else {
                        w
                    };
                    lhs = self.word_infix(lhs, &w, negated, prec)?;
                }
                Tok::Op(op) => {
                    let prec = match op.as_str() {
                        "<" | ">" | "=" | "<=" | ">=" | "<>" => P_CMP,
                        "+" | "-" => P_ADD,
                        "*" | "/" | "%" => P_MUL,
                        "^" => P_EXP,
                        _ => P_OTHER,
                    };
                    if prec < min {
                        break;
                    }
                    self.pos += 1;
                    let rhs = self.expr(prec + 1)?;
                    lhs = Node::Binary(op, Box::new(lhs), Box::new(rhs));
                }
                _ => break,
            }
        }
        Some(lhs)
    }

    fn word_infix(&mut self, lhs: Node, w: &str, negated: bool, prec: u8) -> Option<Node> {
        Some(match w {
            "or" | "and" => {
                let rhs = self.expr(prec + 1)?;
                Node::Binary(w.to_string(), Box::new(lhs), Box::new(rhs))
            }
            "isnull" => Node::Postfix(Box::new(lhs), "is null".into()),
            "notnull" => Node::Postfix(Box::new(lhs), "is not null".into()),
            "is" => {
                let not = self.eat_word("not");
                let prefix = if not { "is not" } else { "is" };
                if self.eat_word("distinct") {
                    if !self.eat_word("from") {
                        return None;
                    }
                    let rhs = self.expr(prec + 1)?;
                    return Some(Node::Binary(
                        format!("{prefix} distinct from"),
                        Box::new(lhs),
                        Box::new(rhs),
                    ));
                }
                let Some(Tok::Word(what)) = self.peek().cloned() else {
                    return None;
                };
                if !matches!(what.as_str(), "null" | "true" | "false" | "unknown") {
                    return None;
                }
                self.pos += 1;
                Node::Postfix(Box::new(lhs), format!("{prefix} {what}"))
            }
            "like" | "ilike" => {
                let rhs = self.expr(prec + 1)?;
                let op = match (w, negated) {
                    ("like", false) => "~~",
                    ("like", true) => "!~~",
                    ("ilike", false) => "~~*",
                    _ => "!~~*",
                };
                Node::Binary(op.into(), Box::new(lhs), Box::new(rhs))
            }
            "in" => {
                self.expect_punct("(")?;
                if self.is_word("select") || self.is_word("with") {
                    return None;
                }
                let items = self.list(")")?;
                let (op, quantifier) = if negated { ("<>", "all") } else { ("=", "any") };
                Node::Binary(
                    op.into(),
                    Box::new(lhs),
                    Box::new(Node::Call(quantifier.into(), vec![Node::Array(items)])),
                )
            }
            "similar" => {
                if !self.eat_word("to") {
                    return None;
                }
                let pattern = self.expr(prec + 1)?;
                if self.is_word("escape") {
                    return None;
                }
                // Stored as a regular expression match on the translated pattern.
                let op = if negated { "!~" } else { "~" };
                Node::Binary(
                    op.into(),
                    Box::new(lhs),
                    Box::new(Node::Call("similar_to_escape".into(), vec![pattern])),
                )
            }
            "at" => {
                if !(self.eat_word("time") && self.eat_word("zone")) {
                    return None;
                }
                let zone = self.expr(prec + 1)?;
                Node::Binary("at time zone".into(), Box::new(lhs), Box::new(zone))
            }
            "collate" => {
                let Some(Tok::Word(c) | Tok::Quoted(c)) = self.peek().cloned() else {
                    return None;
                };
                self.pos += 1;
                Node::Postfix(Box::new(lhs), format!("collate {c}"))
            }
            "between" => {
                if self.eat_word("symmetric") {
                    return None;
                }
                self.eat_word("asymmetric");
                let low = self.expr(P_LIKE + 1)?;
                if !self.eat_word("and") {
                    return None;
                }
                let high = self.expr(P_LIKE + 1)?;
                let (a, b, join) = if negated {
                    ("<", ">", "or")
                } else {
                    (">=", "<=", "and")
                };
                Node::Binary(
                    join.into(),
                    Box::new(Node::Binary(a.into(), Box::new(lhs.clone()), Box::new(low))),
                    Box::new(Node::Binary(b.into(), Box::new(lhs), Box::new(high))),
                )
            }
            _ => return None,
        })
    }

    /// Comma-separated expressions up to the closing `close`.
    fn list(&mut self, close: &str) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        if self.eat_punct(close) {
            return Some(items);
        }
        loop {
            items.push(self.expr(0)?);
            if self.eat_punct(close) {
                return Some(items);
            }
            self.expect_punct(",")?;
        }
    }

    fn prefix(&mut self) -> Option<Node> {
        let tok = self.peek()?.clone();
        self.pos += 1;
        match tok {
            Tok::Punct("(") => {
                if self.is_word("select") || self.is_word("with") || self.is_word("values") {
                    return None;
                }
                let inner = self.expr(0)?;
                // A row constructor `(a, b)` is not a parenthesised expression.
                self.expect_punct(")")?;
                Some(inner)
            }
            Tok::Str(s) => Some(Node::Str(s)),
            Tok::Num(n) => Some(Node::Num(n)),
            Tok::Op(op) if op == "-" || op == "+" => {
                let operand = self.expr(P_UNARY)?;
                Some(match (op.as_str(), operand) {
                    ("-", Node::Num(n)) => Node::Num(format!("-{n}")),
                    ("+", Node::Num(n)) => Node::Num(n),
                    (_, operand) => Node::Unary(op, Box::new(operand)),
                })
            }
            Tok::Op(op) => {
                // Prefix operators such as `~` or `@`.
                let operand = self.expr(P_UNARY)?;
                Some(Node::Unary(op, Box::new(operand)))
            }
            Tok::Quoted(q) => self.name_or_call(q),
            Tok::Word(w) => match w.as_str() {
                "not" => {
                    let operand = self.expr(P_NOT)?;
                    Some(Node::Unary("not".into(), Box::new(operand)))
                }
                "array" if self.is_punct("[") => {
                    self.pos += 1;
                    Some(Node::Array(self.list("]")?))
                }
                "cast" if self.is_punct("(") => {
                    self.pos += 1;
                    let inner = self.expr(0)?;
                    if !self.eat_word("as") {
                        return None;
                    }
                    let ty = self.type_name()?;
                    self.expect_punct(")")?;
                    Some(Node::Cast(Box::new(inner), ty))
                }
                "case" => self.case(),
                "exists" | "select" | "distinct" => None,
                // Typed literals: `interval '1 day'`, `date '2020-01-01'`.
                "interval" | "date" | "timestamp" | "timestamptz" | "time" | "timetz" | "uuid"
                | "jsonb" | "json" | "text" | "numeric" | "integer" | "bigint" | "boolean"
                | "inet"
                    if matches!(self.peek(), Some(Tok::Str(_))) =>
                {
                    let Some(Tok::Str(s)) = self.peek().cloned() else {
                        return None;
                    };
                    self.pos += 1;
                    Some(Node::Cast(Box::new(Node::Str(s)), w))
                }
                _ => self.name_or_call(w),
            },
            _ => None,
        }
    }

    fn name_or_call(&mut self, first: String) -> Option<Node> {
        let mut name = first;
        while self.is_punct(".") {
            self.pos += 1;
            match self.peek().cloned() {
                Some(Tok::Word(w)) | Some(Tok::Quoted(w)) => {
                    self.pos += 1;
                    name.push('.');
                    name.push_str(&w);
                }
                Some(Tok::Op(o)) if o == "*" => {
                    self.pos += 1;
                    name.push_str(".*");
                }
                _ => return None,
            }
        }
        if !self.is_punct("(") {
            return Some(Node::Name(name));
        }
        self.pos += 1;
        if matches!(self.peek(), Some(Tok::Op(o)) if o == "*")
            && matches!(self.peek_at(1), Some(Tok::Punct(")")))
        {
            self.pos += 2;
            return Some(Node::Call(name, vec![Node::Name("*".into())]));
        }
        if self.is_word("distinct") || self.is_word("order") || self.is_word("variadic") {
            return None;
        }
        if KEYWORD_ARG_FUNCTIONS.contains(&name.as_str()) {
            let mut args = Vec::new();
            loop {
                if self.eat_punct(")") {
                    return Some(Node::Call(name, args));
                }
                match self.peek() {
                    Some(Tok::Word(w)) if ARG_KEYWORDS.contains(&w.as_str()) => {
                        args.push(Node::Name(w.clone()));
                        self.pos += 1;
                    }
                    Some(Tok::Punct(",")) => self.pos += 1,
                    _ => args.push(self.expr(P_LIKE + 1)?),
                }
            }
        }
        let args = self.list(")")?;
        Some(Node::Call(name, args))
    }

    fn case(&mut self) -> Option<Node> {
        let operand = if self.is_word("when") {
            None
        } else {
            Some(Box::new(self.expr(0)?))
        };
        let mut arms = Vec::new();
        while self.eat_word("when") {
            let cond = self.expr(0)?;
            if !self.eat_word("then") {
                return None;
            }
            arms.push((cond, self.expr(0)?));
        }
        let otherwise = if self.eat_word("else") {
            Some(Box::new(self.expr(0)?))
        } else {
            None
        };
        if !self.eat_word("end") || arms.is_empty() {
            return None;
        }
        Some(Node::Case(operand, arms, otherwise))
    }

    /// A type name after `::` or `AS`, canonicalised.
    fn type_name(&mut self) -> Option<String> {
        let mut words: Vec<String> = Vec::new();
        match self.peek()?.clone() {
            Tok::Word(w) | Tok::Quoted(w) => {
                self.pos += 1;
                words.push(w);
            }
            _ => return None,
        }
        while self.is_punct(".") {
            self.pos += 1;
            match self.peek()?.clone() {
                Tok::Word(w) | Tok::Quoted(w) => {
                    self.pos += 1;
                    let last = words.pop().unwrap_or_default();
                    words.push(format!("{last}.{w}"));
                }
                _ => return None,
            }
        }
        let multi = |w: &str| {
            matches!(
                w,
                "varying" | "precision" | "with" | "without" | "time" | "zone"
            )
        };
        let starts_multi = matches!(
            words[0].as_str(),
            "character" | "double" | "timestamp" | "time" | "bit" | "char"
        );
        let mut modifier = String::new();
        loop {
            match self.peek() {
                Some(Tok::Word(w)) if starts_multi && multi(w) => {
                    words.push(w.clone());
                    self.pos += 1;
                }
                Some(Tok::Punct("(")) if modifier.is_empty() => {
                    self.pos += 1;
                    let mut args = Vec::new();
                    loop {
                        match self.peek()?.clone() {
                            Tok::Num(n) => args.push(n),
                            Tok::Word(w) => args.push(w),
                            _ => return None,
                        }
                        self.pos += 1;
                        if self.eat_punct(")") {
                            break;
                        }
                        self.expect_punct(",")?;
                    }
                    modifier = format!("({})", args.join(","));
                    // `timestamp(3) with time zone`: the modifier sits inside.
                    words.push(modifier.clone());
                }
                _ => break,
            }
        }
        let mut dims = 0usize;
        while self.is_punct("[") {
            self.pos += 1;
            if let Some(Tok::Num(_)) = self.peek() {
                self.pos += 1;
            }
            self.expect_punct("]")?;
            dims += 1;
        }
        let spelled = words.join(" ").replace(" (", "(");
        let (base, more) = split_array_suffix(&spelled);
        Some(format!(
            "{}{}",
            canonical_type(base),
            "[]".repeat(dims + more as usize)
        ))
    }
}

// ---------------------------------------------------------------------------
// Undoing PostgreSQL's rewrites, then printing

fn is_numeric_type(ty: &str) -> bool {
    let base = ty.split('(').next().unwrap_or(ty);
    matches!(
        base,
        "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision"
    )
}

fn is_texty(ty: &str) -> bool {
    let base = ty.split('(').next().unwrap_or(ty);
    matches!(
        base,
        "text" | "varchar" | "char" | "bpchar" | "name" | "citext"
    )
}

fn simplify(node: Node) -> Node {
    match node {
        Node::Cast(inner, ty) => {
            let inner = simplify(*inner);
            match inner {
                // A literal's cast names the type it resolved to in context.
                Node::Str(s) if ty == "jsonb" => {
                    match canonical_jsonb(&s[1..s.len().saturating_sub(1)]) {
                        Some(json) => Node::Str(format!("'{json}'")),
                        None => Node::Str(s),
                    }
                }
                Node::Str(s) => {
                    let body = &s[1..s.len().saturating_sub(1)];
                    if is_numeric_type(&ty)
                        && !body.is_empty()
                        && body.parse::<f64>().is_ok()
                        && s.starts_with('\'')
                    {
                        Node::Num(body.to_string())
                    } else {
                        Node::Str(s)
                    }
                }
                Node::Num(n) if is_numeric_type(&ty) => Node::Num(n),
                // Implicit varchar → text casts PostgreSQL makes visible.
                // Implicit varchar → text and integer → numeric casts that
                // PostgreSQL makes visible on column references; both are
                // lossless, unlike casts to integer types, which are kept.
                Node::Name(n) if is_texty(&ty) || ty == "numeric" => Node::Name(n),
                Node::Array(items) if ty.ends_with("[]") && is_texty(ty.trim_end_matches("[]")) => {
                    Node::Array(items)
                }
                Node::Name(n) if n == "null" => Node::Name(n),
                other => Node::Cast(Box::new(other), ty),
            }
        }
        Node::Call(name, args) => Node::Call(name, args.into_iter().map(simplify).collect()),
        Node::Unary(op, x) => Node::Unary(op, Box::new(simplify(*x))),
        Node::Binary(op, a, b) => Node::Binary(op, Box::new(simplify(*a)), Box::new(simplify(*b))),
        Node::Postfix(x, s) => Node::Postfix(Box::new(simplify(*x)), s),
        Node::Array(items) => Node::Array(items.into_iter().map(simplify).collect()),
        Node::Subscript(a, b) => Node::Subscript(Box::new(simplify(*a)), Box::new(simplify(*b))),
        Node::Case(op, arms, otherwise) => Node::Case(
            op.map(|o| Box::new(simplify(*o))),
            arms.into_iter()
                .map(|(c, r)| (simplify(c), simplify(r)))
                .collect(),
            otherwise.map(|o| Box::new(simplify(*o))),
        ),
        // Object literals in PostgreSQL's jsonb spelling whether or not the
        // cast is written: people leave it out where the context is jsonb
        // (`DEFAULT '{"a":1}'`, `doc @> '{"a":1}'`), and a text value that is
        // a JSON object differing only in spacing or key order is not a
        // difference worth reporting.
        Node::Str(s) if s.starts_with("'{\"") => match canonical_jsonb(&s[1..s.len() - 1]) {
            Some(json) => Node::Str(format!("'{json}'")),
            None => Node::Str(s),
        },
        // A date compared with a timestamp column is stored as that
        // timestamp (`'2000-01-01'` → `'2000-01-01 00:00:00+00'`). Only the
        // UTC midnight form is mapped back: another offset depends on the
        // server's TimeZone when the expression was stored.
        Node::Str(s) if midnight_utc_date(&s).is_some() => {
            Node::Str(format!("'{}'", midnight_utc_date(&s).unwrap_or_default()))
        }
        other => other,
    }
}

/// `'YYYY-MM-DD 00:00:00'` or `'YYYY-MM-DD 00:00:00+00'` → `YYYY-MM-DD`.
fn midnight_utc_date(literal: &str) -> Option<&str> {
    let body = literal.strip_prefix('\'')?.strip_suffix('\'')?;
    let rest = body.get(10..)?;
    let date = &body[..10];
    let date_ok = date.char_indices().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == '-'
        } else {
            c.is_ascii_digit()
        }
    });
    (date_ok && matches!(rest, " 00:00:00" | " 00:00:00+00")).then_some(date)
}

/// A jsonb literal's text as PostgreSQL prints jsonb: `", "` and `": "`
/// separators, object keys sorted by length then bytes, the last of
/// duplicate keys kept. `None` when the text is not JSON (SQL quotes are
/// still doubled inside; JSON text never needs them, so `''` fails).
fn canonical_jsonb(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let out = json_value(&chars, &mut pos)?;
    skip_ws(&chars, &mut pos);
    (pos == chars.len()).then_some(out)
}

fn skip_ws(c: &[char], pos: &mut usize) {
    while *pos < c.len() && c[*pos].is_whitespace() {
        *pos += 1;
    }
}

fn json_value(c: &[char], pos: &mut usize) -> Option<String> {
    skip_ws(c, pos);
    match *c.get(*pos)? {
        '{' => {
            *pos += 1;
            let mut members: Vec<(String, String)> = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&'}') {
                *pos += 1;
                return Some("{}".into());
            }
            loop {
                skip_ws(c, pos);
                let key = json_string(c, pos)?;
                skip_ws(c, pos);
                if c.get(*pos) != Some(&':') {
                    return None;
                }
                *pos += 1;
                let value = json_value(c, pos)?;
                members.retain(|(k, _)| *k != key);
                members.push((key, value));
                skip_ws(c, pos);
                match c.get(*pos)? {
                    ',' => *pos += 1,
                    '}' => {
                        *pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
            members.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
            let inner: Vec<String> = members
                .into_iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect();
            Some(format!("{{{}}}", inner.join(", ")))
        }
        '[' => {
            *pos += 1;
            let mut items = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&']') {
                *pos += 1;
                return Some("[]".into());
            }
            loop {
                items.push(json_value(c, pos)?);
                skip_ws(c, pos);
                match c.get(*pos)? {
                    ',' => *pos += 1,
                    ']' => {
                        *pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
            Some(format!("[{}]", items.join(", ")))
        }
        '"' => json_string(c, pos),
        _ => {
            let start = *pos;
            while *pos < c.len() && (c[*pos].is_ascii_alphanumeric() || "+-.".contains(c[*pos])) {
                *pos += 1;
            }
            let word: String = c[start..*pos].iter().collect();
            let ok = matches!(word.as_str(), "true" | "false" | "null")
                || (!word.is_empty() && word.parse::<f64>().is_ok());
            ok.then_some(word)
        }
    }
}

fn json_string(c: &[char], pos: &mut usize) -> Option<String> {
    if c.get(*pos) != Some(&'"') {
        return None;
    }
    let start = *pos;
    *pos += 1;
    while *pos < c.len() {
        match c[*pos] {
            '\\' => *pos += 2,
            '"' => {
                *pos += 1;
                return Some(c[start..*pos].iter().collect());
            }
            _ => *pos += 1,
        }
    }
    None
}

fn print(node: &Node) -> String {
    match node {
        Node::Name(n) | Node::Str(n) | Node::Num(n) => n.clone(),
        Node::Call(name, args) => {
            format!(
                "{name}({})",
                args.iter().map(print).collect::<Vec<_>>().join(",")
            )
        }
        Node::Cast(inner, ty) => format!("{}::{ty}", print(inner)),
        Node::Unary(op, x) if op == "not" => format!("(not {})", print(x)),
        Node::Unary(op, x) => format!("({op}{})", print(x)),
        Node::Binary(op, a, b) => format!("({} {op} {})", print(a), print(b)),
        Node::Postfix(x, s) => format!("({} {s})", print(x)),
        Node::Array(items) => format!(
            "array[{}]",
            items.iter().map(print).collect::<Vec<_>>().join(",")
        ),
        Node::Subscript(a, b) => format!("{}[{}]", print(a), print(b)),
        Node::Case(op, arms, otherwise) => {
            let mut s = String::from("case");
            if let Some(o) = op {
                s.push(' ');
                s.push_str(&print(o));
            }
            for (c, r) in arms {
                s.push_str(&format!(" when {} then {}", print(c), print(r)));
            }
            if let Some(o) = otherwise {
                s.push_str(&format!(" else {}", print(o)));
            }
            s.push_str(" end");
            s
        }
    }
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
        assert!(equivalent("a != b", "a <> b"));
    }

    #[test]
    fn real_differences_stay() {
        assert!(!equivalent("age > 0", "age >= 0"));
        assert!(!equivalent("'A'", "'a'"));
        assert!(!equivalent("\"Email\"", "email"));
        assert!(!equivalent("now()", "CURRENT_TIMESTAMP"));
        assert!(!equivalent("(a + b) * c", "a + b * c"));
        assert!(!equivalent("(a OR b) AND c", "a OR b AND c"));
        assert!(!equivalent("1", "'1'"));
        assert!(!equivalent("x::integer", "x"));
        assert!(!equivalent("'{}'::jsonb", "'[]'::jsonb"));
        assert!(!equivalent("a IS NULL", "a IS NOT NULL"));
        assert!(!equivalent("x IN (1, 2)", "x NOT IN (1, 2)"));
        assert!(!equivalent("a - b - c", "a - (b - c)"));
        assert!(!equivalent("'{\"a\": 1}'::jsonb", "'{\"a\": 2}'::jsonb"));
        assert!(!equivalent("'2000-01-01'", "'2000-01-01 00:00:00+01'"));
        assert!(!equivalent("'2000-01-01'", "'2000-01-01 00:00:01'"));
    }

    /// Pairs of (as written in a schema, as PostgreSQL 15 prints it back with
    /// `pg_get_expr(…, true)` / `pg_get_constraintdef`), from a real server.
    #[test]
    fn postgres_deparsed_forms_match_what_people_write() {
        for (written, stored) in [
            // defaults
            ("'member'", "'member'::role"),
            ("'active'::auth.status", "'active'::auth.status"),
            ("'active'", "'active'::\"Status\""),
            ("'{}'", "'{}'::text[]"),
            ("0", "0"),
            ("-1", "'-1'::integer"),
            ("1.5", "1.5"),
            ("now()", "now()"),
            ("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"),
            ("'{}'::jsonb", "'{}'::jsonb"),
            ("'{}'", "'{}'::jsonb"),
            ("true", "true"),
            ("gen_random_uuid()", "gen_random_uuid()"),
            ("now() + interval '1 day'", "now() + '1 day'::interval"),
            ("nextval('users_id_seq')", "nextval('users_id_seq'::regclass)"),
            // generated
            ("lower(handle) || '@' || email", "(lower(handle) || '@'::text) || email::text"),
            ("lower(handle) || '@' || email", "((lower(handle) || '@'::text) || (email)::text)"),
            ("price * quantity", "price * quantity::numeric"),
            // checks
            ("age > 0", "age > 0"),
            ("age > 0", "CHECK ((age > 0))".trim_start_matches("CHECK ")),
            (
                "email LIKE '%@%' AND length(email) < 320",
                "email::text ~~ '%@%'::text AND length(email::text) < 320",
            ),
            (
                "(email LIKE '%@%') AND (length(email) < 320)",
                "(((email)::text ~~ '%@%'::text) AND (length((email)::text) < 320))",
            ),
            ("status IN ('a', 'b')", "status = ANY (ARRAY['a'::text, 'b'::text])"),
            (
                "kind IN ('YES', 'NO')",
                "kind::text = ANY (ARRAY['YES'::character varying, 'NO'::character varying]::text[])",
            ),
            ("role NOT IN ('admin')", "role <> ALL (ARRAY['admin'::role])"),
            ("age BETWEEN 0 AND 150", "age >= 0 AND age <= 150"),
            ("price >= 0 OR price IS NULL", "price >= 0::numeric OR price IS NULL"),
            ("NOT (a AND b)", "NOT (a AND b)"),
            ("starts_at < ends_at", "(starts_at < ends_at)"),
            ("CAST(x AS text) <> ''", "x::text <> ''::text"),
            // index expressions and predicates
            ("lower(email)", "lower((email)::text)"),
            ("position('@' in email) > 1", "POSITION(('@'::text) IN (email)) > 1"),
            ("substring(t from 1 for 2) = 'ab'", "SUBSTRING(t FROM 1 FOR 2) = 'ab'::text"),
            ("extract(year from d) > 2000", "EXTRACT(year FROM d) > 2000::numeric"),
            ("trim(both ' ' from t) <> ''", "TRIM(BOTH ' '::text FROM t) <> ''::text"),
            ("t collate \"C\" > 'a'", "(t COLLATE \"C\") > 'a'::text"),
            ("coalesce(n, 0) >= 0 AND nullif(t, '') IS NOT NULL", "COALESCE(n, 0) >= 0 AND NULLIF(t, ''::text) IS NOT NULL"),
            (
                "j ? 'a' and j->>'k' = 'v' and j @> '{\"a\":1}'",
                "j ? 'a'::text AND (j ->> 'k'::text) = 'v'::text AND j @> '{\"a\": 1}'::jsonb",
            ),
            ("greatest(n, 1) < 10 and n % 2 = 0 and -n < 0", "GREATEST(n, 1) < 10 AND (n % 2) = 0 AND (- n) < 0"),
            ("case when b then n > 0 else n < 0 end", "CASE\n    WHEN b THEN n > 0\n    ELSE n < 0\nEND"),
            ("d > now() - interval '1 day'", "d > (now() - '1 day'::interval)"),
            (
                "t ~ '^[a-z]+$' and t ilike 'a%' and t not like 'b%'",
                "t ~ '^[a-z]+$'::text AND t ~~* 'a%'::text AND t !~~ 'b%'::text",
            ),
            ("n between 1 and 10 and n not between 20 and 30", "n >= 1 AND n <= 10 AND (n < 20 OR n > 30)"),
            (
                "b is true and b is not false and t is distinct from 'x'",
                "b IS TRUE AND b IS NOT FALSE AND t IS DISTINCT FROM 'x'::text",
            ),
            (
                "array_length(arr, 1) > 0 and arr[1] = 1 and 1 = any(arr)",
                "array_length(arr, 1) > 0 AND arr[1] = 1 AND (1 = ANY (arr))",
            ),
            (
                "n::text <> '' and cast(n as bigint) > 0 and price > 0.5",
                "n::text <> ''::text AND n::bigint > 0 AND price > 0.5",
            ),
            (
                "current_date > '2020-01-01' and date_trunc('day', d) = d",
                "CURRENT_DATE > '2020-01-01'::date AND date_trunc('day'::text, d) = d",
            ),
            (
                "n in (1,2,3) and email in ('a','b') and not (n = 5)",
                "(n = ANY (ARRAY[1, 2, 3])) AND (email::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])) AND NOT n = 5",
            ),
            ("email similar to 'x%'", "email::text ~ similar_to_escape('x%'::text)"),
            ("(1 > 0)", "1 > 0"),
            ("'it''s'", "'it''s'::text"),
            ("-5", "'-5'::integer"),
            ("9999999999", "'9999999999'::bigint"),
            ("now() at time zone 'utc'", "(now() AT TIME ZONE 'utc'::text)"),
            ("'{1,2}'", "'{1,2}'::integer[]"),
            ("joined_at > '2000-01-01'", "joined_at > '2000-01-01 00:00:00+00'::timestamp with time zone"),
            ("d < '2000-01-01'", "d < '2000-01-01 00:00:00'::timestamp without time zone"),
            ("(at AT TIME ZONE 'utc')::date", "(at AT TIME ZONE 'utc'::text)::date"),
            ("array['a','b']", "ARRAY['a'::text, 'b'::text]"),
            ("deleted_at IS NULL", "(deleted_at IS NULL)"),
            ("age + 1", "(age + 1)"),
        ] {
            assert_eq!(normalize(written), normalize(stored), "{written}  vs  {stored}");
        }
    }

    #[test]
    fn jsonb_literals_compare_as_postgres_stores_them() {
        assert!(equivalent(
            "'{\"b\":1,\"a\":[1,2]}'::jsonb",
            "'{\"a\": [1, 2], \"b\": 1}'::jsonb"
        ));
        assert!(equivalent(
            "'{\"a\":1,\"a\":2}'::jsonb",
            "'{\"a\": 2}'::jsonb"
        ));
        assert!(equivalent(
            "'{\"aa\":1,\"b\":2}'::jsonb",
            "'{\"b\": 2, \"aa\": 1}'::jsonb"
        ));
        assert_eq!(canonical_jsonb("not json"), None);
    }

    #[test]
    fn unparsable_text_still_compares_by_tokens() {
        assert!(equivalent("EXISTS (SELECT 1)", "exists (select 1)"));
        assert!(!equivalent("EXISTS (SELECT 1)", "EXISTS (SELECT 2)"));
    }
}
