//! From a migration file's text to located statements: split on breakpoints
//! (`shale_migrations::sqlfile::split`), tokenize each chunk with sqlparser,
//! cut the tokens into statements at top-level `;`, bridge the PostgreSQL
//! syntax sqlparser 0.59 lacks, parse, and collect `-- shale:allow` comments.
//!
//! Everything works on sqlparser tokens, never on raw text, so quotes, dollar
//! quotes and comments can never be mistaken for SQL.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use shale_migrations::snapshot::Dialect;
use shale_migrations::sqlfile;
use sqlparser::ast::Statement;
use sqlparser::dialect::{Dialect as SqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Tokenizer, Whitespace};

/// A position in the file: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Maps chunk-relative token locations to file positions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineMap {
    /// File line of the chunk's first line.
    base: usize,
    /// Characters the chunk's first line was trimmed of.
    first_column_offset: usize,
}

impl LineMap {
    /// The file position of a chunk location; `None` for the empty location
    /// sqlparser uses when it has no span.
    pub fn pos(&self, loc: Location) -> Option<Pos> {
        if loc.line == 0 {
            return None;
        }
        let line = loc.line as usize;
        let column = loc.column as usize
            + if line == 1 {
                self.first_column_offset
            } else {
                0
            };
        Some(Pos {
            line: self.base + line - 1,
            column,
        })
    }
}

/// One statement of the file, located.
pub(crate) struct Piece {
    /// 1-based number of the statement in the file.
    pub index: usize,
    /// Where its first token is.
    pub pos: Pos,
    /// Maps the spans inside `kind` to file positions.
    pub map: LineMap,
    /// Rule names from `-- shale:allow` comments inside the statement, just
    /// before it, or after its `;` on the same line, with their positions.
    pub allows: Vec<(String, Pos)>,
    /// What the statement is.
    pub kind: PieceKind,
}

/// A statement's content.
pub(crate) enum PieceKind {
    /// Parsed by sqlparser (possibly after bridging PostgreSQL syntax).
    Parsed(Box<Statement>, Marks),
    /// Valid PostgreSQL that sqlparser 0.59 cannot parse; only its form is known.
    Opaque {
        form: &'static str,
        concurrently: bool,
    },
    /// Does not parse.
    Invalid { message: String, pos: Pos },
}

/// Facts about a parsed statement that sqlparser's AST cannot carry because
/// they were bridged at the token level.
#[derive(Clone, Debug, Default)]
pub(crate) struct Marks {
    /// `DROP INDEX CONCURRENTLY`.
    pub drop_index_concurrently: bool,
    /// `ADD … UNIQUE | PRIMARY KEY USING INDEX name`.
    pub using_index: bool,
    /// `ALTER TABLE` operations sqlparser cannot parse (e.g. `SET SCHEMA`),
    /// by form, and whether each says CONCURRENTLY.
    pub opaque_ops: Vec<(&'static str, bool)>,
}

/// sqlparser's dialect for a shale dialect.
fn sql_dialect(dialect: Dialect) -> Box<dyn SqlDialect> {
    match dialect {
        Dialect::Postgresql => Box::new(PostgreSqlDialect {}),
        Dialect::Sqlite => Box::new(SQLiteDialect {}),
    }
}

/// Below this much SQL a file is read on one thread.
const BYTES_PER_EXTRA_THREAD: usize = 256 << 10;

/// Every statement of a migration file, in order (see [`each_batch`]).
#[cfg(test)]
pub(crate) fn pieces(text: &str, dialect: Dialect) -> Vec<Piece> {
    let mut out = Vec::new();
    each_batch(text, dialect, |batch| out.extend(batch));
    out
}

/// Chunks per batch a worker reads at a time.
const BATCH_CHUNKS: usize = 64;

/// Calls `f` with every statement of a migration file, in order, a batch of
/// consecutive statements at a time (their `index` numbered from the file's
/// start). A large file's chunks (the text between `--> statement-breakpoint`
/// lines, independent of each other) are tokenized and parsed on several
/// threads, a batch at a time, at most a few batches ahead of `f`: a 15,000
/// statement migration is checked as it is read, without holding every
/// statement's syntax tree at once.
pub(crate) fn each_batch(text: &str, dialect: Dialect, mut f: impl FnMut(Vec<Piece>)) {
    let file_lines: Vec<&str> = text.lines().collect();
    let chunks = sqlfile::split(text);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Twice as many threads as cores: inside `shale check` the schema is
    // parsed at the same time, and the lint, the longer job, takes its
    // share of the cores that way.
    let threads = (2 * cores)
        .min(8)
        .min(1 + text.len() / BYTES_PER_EXTRA_THREAD);
    let mut next_index = 1;
    let mut number = |mut batch: Vec<Piece>| {
        for piece in &mut batch {
            piece.index = next_index;
            next_index += 1;
        }
        f(batch)
    };
    let batches: Vec<&[sqlfile::Statement]> = chunks.chunks(BATCH_CHUNKS).collect();
    if threads <= 1 || batches.len() <= 1 {
        for batch in batches {
            number(chunk_pieces(batch, dialect, &file_lines));
        }
        return;
    }
    // A worker takes a permit before it claims the next batch, and the
    // consumer gives one back per batch it has passed on: at most `window`
    // batches are read and not yet checked.
    let window = 2 * threads;
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = permit_tx.send(());
    }
    let permits = Mutex::new(permit_rx);
    let next = AtomicUsize::new(0);
    // A worker's panic comes back as its batch, so the consumer never
    // waits for a batch no one will send.
    type Batch = std::thread::Result<Vec<Piece>>;
    let (done_tx, done_rx) = mpsc::channel::<(usize, Batch)>();
    let panicked = std::thread::scope(|scope| {
        for _ in 0..threads {
            let (permits, next, done_tx) = (&permits, &next, done_tx.clone());
            let (batches, file_lines) = (&batches, &file_lines);
            // No thread to be had: the consumer reads the batches itself.
            let _ = std::thread::Builder::new()
                .name("shale-lint".into())
                .spawn_scoped(scope, move || loop {
                    let permit = permits.lock().map(|rx| rx.recv());
                    if !matches!(permit, Ok(Ok(()))) {
                        return;
                    }
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(batch) = batches.get(k) else {
                        return;
                    };
                    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        chunk_pieces(batch, dialect, file_lines)
                    }));
                    let failed = read.is_err();
                    if done_tx.send((k, read)).is_err() || failed {
                        return;
                    }
                });
        }
        drop(done_tx);
        let mut ready = std::collections::BTreeMap::new();
        let mut want = 0;
        let mut panicked = None;
        while want < batches.len() {
            if let Some(batch) = ready.remove(&want) {
                number(batch);
                want += 1;
                // Never blocks: a permit comes back for each one taken (and
                // none are taken when the consumer reads alone).
                let _ = permit_tx.try_send(());
                continue;
            }
            match done_rx.recv() {
                Ok((k, Ok(batch))) => {
                    ready.insert(k, batch);
                }
                Ok((_, Err(panic))) => {
                    panicked = Some(panic);
                    break;
                }
                // No thread could be had, or every one is gone: the rest on
                // this one.
                Err(_) => {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    match batches.get(k) {
                        Some(batch) => {
                            ready.insert(k, chunk_pieces(batch, dialect, &file_lines));
                        }
                        None => break,
                    }
                }
            }
        }
        // Workers waiting for a permit give up once the permits are gone.
        drop(permit_tx);
        panicked
    });
    if let Some(panic) = panicked {
        std::panic::resume_unwind(panic);
    }
}

/// The pieces of consecutive chunks (their `index` set by [`each_batch`]).
fn chunk_pieces(
    chunks: &[sqlfile::Statement],
    dialect: Dialect,
    file_lines: &[&str],
) -> Vec<Piece> {
    let sql_dialect = sql_dialect(dialect);
    let mut out = Vec::new();
    for chunk in chunks {
        let map = line_map(chunk, file_lines);
        let (tokens, error) =
            match Tokenizer::new(&*sql_dialect, &chunk.sql).tokenize_with_location() {
                Ok(tokens) => (tokens, None),
                Err(e) => {
                    // Keep the complete statements before the bad token; the
                    // statement holding it is reported with the tokenizer's error.
                    let prefix = offset_of(&chunk.sql, e.location).map_or("", |o| &chunk.sql[..o]);
                    let tokens = Tokenizer::new(&*sql_dialect, prefix)
                        .tokenize_with_location()
                        .unwrap_or_default();
                    (tokens, Some(e))
                }
            };
        let mut groups = statements(tokens);
        let mut incomplete_start = None;
        if error.is_some()
            && groups
                .last()
                .is_some_and(|g| !g.iter().any(|t| t.token == Token::SemiColon))
        {
            let last = groups.pop().expect("checked");
            incomplete_start = last
                .iter()
                .find(|t| !is_trivia(&t.token))
                .and_then(|t| map.pos(t.span.start));
        }
        for group in groups {
            let Some(first) = group
                .iter()
                .find(|t| !is_trivia(&t.token) && t.token != Token::SemiColon)
            else {
                continue;
            };
            let pos = map.pos(first.span.start).unwrap_or(Pos {
                line: chunk.line,
                column: 1,
            });
            let allows = allow_comments(&group, &map);
            for kind in parse_group(group, dialect, &*sql_dialect, &map, pos) {
                out.push(Piece {
                    index: 0,
                    pos,
                    map,
                    allows: allows.clone(),
                    kind,
                });
            }
        }
        if let Some(e) = error {
            let pos = map.pos(e.location).unwrap_or(Pos {
                line: chunk.line,
                column: 1,
            });
            out.push(Piece {
                index: 0,
                pos: incomplete_start.unwrap_or(pos),
                map,
                allows: Vec::new(),
                kind: PieceKind::Invalid {
                    message: lowercase_first(&e.message),
                    pos,
                },
            });
        }
    }
    out
}

/// The byte offset of a (1-based line, character column) location in `text`.
fn offset_of(text: &str, loc: Location) -> Option<usize> {
    let mut line = 1u64;
    let mut column = 1u64;
    for (i, c) in text.char_indices() {
        if line == loc.line && column == loc.column {
            return Some(i);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line == loc.line && column == loc.column).then_some(text.len())
}

/// The line map of a chunk: `split` trims the chunk and reports the line of
/// its first SQL line, skipping blank and `--` lines.
fn line_map(chunk: &sqlfile::Statement, file_lines: &[&str]) -> LineMap {
    let skipped = chunk
        .sql
        .lines()
        .take_while(|l| {
            let t = l.trim();
            t.is_empty() || t.starts_with("--")
        })
        .count();
    let base = chunk.line.saturating_sub(skipped).max(1);
    let first = chunk.sql.lines().next().unwrap_or("");
    let first_column_offset = file_lines
        .get(base - 1)
        .and_then(|l| l.find(first).map(|i| l[..i].chars().count()))
        .unwrap_or(0);
    LineMap {
        base,
        first_column_offset,
    }
}

fn is_trivia(token: &Token) -> bool {
    matches!(token, Token::Whitespace(_))
}

fn is_word(token: &Token, keyword: &str) -> bool {
    matches!(token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(keyword))
}

/// Cuts a chunk's tokens into statements at top-level `;`. A `;` inside
/// `BEGIN ATOMIC … END` (SQL-standard function bodies) does not end the
/// statement. Comments after a `;` on the same line stay with the statement
/// they follow.
fn statements(mut tokens: Vec<TokenWithSpan>) -> Vec<Vec<TokenWithSpan>> {
    // Most chunks (every generated one) hold one statement: no `;`, or one
    // followed by nothing but trivia. The group is then the tokens up to the
    // end of the `;`'s line, as the general case below makes it (what
    // follows holds no statement and is dropped by the caller).
    let mut semicolons = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.token == Token::SemiColon);
    match (semicolons.next(), semicolons.next()) {
        (None, _) if !tokens.is_empty() => return vec![tokens],
        (Some((at, _)), None) if tokens[at + 1..].iter().all(|t| is_trivia(&t.token)) => {
            if let Some(newline) = tokens[at + 1..]
                .iter()
                .position(|t| t.token == Token::Whitespace(Whitespace::Newline))
            {
                tokens.truncate(at + 1 + newline);
            }
            return vec![tokens];
        }
        _ => {}
    }
    split_statements(tokens)
}

/// [`statements`] without the shortcut.
fn split_statements(tokens: Vec<TokenWithSpan>) -> Vec<Vec<TokenWithSpan>> {
    let mut out = Vec::new();
    let mut current: Vec<TokenWithSpan> = Vec::new();
    // Depth of BEGIN ATOMIC / CASE blocks inside an atomic body.
    let mut atomic_depth = 0usize;
    let mut trailing = false;
    for token in tokens {
        if trailing {
            match &token.token {
                Token::Whitespace(Whitespace::Space | Whitespace::Tab) => {
                    current.push(token);
                    continue;
                }
                Token::Whitespace(
                    Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_),
                ) => {
                    current.push(token);
                    continue;
                }
                _ => {
                    out.push(std::mem::take(&mut current));
                    trailing = false;
                }
            }
        }
        if let Token::Word(_) = &token.token {
            if atomic_depth > 0 && (is_word(&token.token, "CASE") || is_word(&token.token, "BEGIN"))
            {
                atomic_depth += 1;
            } else if atomic_depth > 0 && is_word(&token.token, "END") {
                atomic_depth -= 1;
            } else if is_word(&token.token, "ATOMIC")
                && last_significant(&current).is_some_and(|t| is_word(t, "BEGIN"))
            {
                atomic_depth += 1;
            }
        }
        let ends = token.token == Token::SemiColon && atomic_depth == 0;
        current.push(token);
        if ends {
            trailing = true;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn last_significant(tokens: &[TokenWithSpan]) -> Option<&Token> {
    tokens
        .iter()
        .rev()
        .map(|t| &t.token)
        .find(|t| !is_trivia(t))
}

/// Rule names named by `shale:allow` comments among the tokens.
fn allow_comments(tokens: &[TokenWithSpan], map: &LineMap) -> Vec<(String, Pos)> {
    let mut out = Vec::new();
    for token in tokens {
        let text = match &token.token {
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. }) => comment.as_str(),
            Token::Whitespace(Whitespace::MultiLineComment(comment)) => comment.as_str(),
            _ => continue,
        };
        let pos = map
            .pos(token.span.start)
            .unwrap_or(Pos { line: 1, column: 1 });
        out.extend(allowed_names(text).into_iter().map(|n| (n, pos)));
    }
    out
}

/// The rule names of one comment's text: `shale:allow a, b reason…` gives
/// `a` and `b`: a comma-separated list of names, then free-form text.
pub(crate) fn allowed_names(comment: &str) -> Vec<String> {
    let Some(rest) = comment.trim().strip_prefix("shale:allow") else {
        return Vec::new();
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut rest = rest.trim_start();
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        names.push(rest[..end].to_string());
        match rest[end..].trim_start().strip_prefix(',') {
            Some(more) => rest = more.trim_start(),
            None => break,
        }
    }
    names
}

/// Parses one statement's tokens: directly, else after bridging known
/// PostgreSQL forms; a statement that still fails is `Invalid`.
fn parse_group(
    tokens: Vec<TokenWithSpan>,
    shale_dialect: Dialect,
    dialect: &dyn SqlDialect,
    map: &LineMap,
    start: Pos,
) -> Vec<PieceKind> {
    let mut marks = Marks::default();
    let tokens = bridge(tokens, &mut marks);
    let (parsed, tokens) = parse(dialect, tokens);
    let error = match parsed {
        Ok(statements) => {
            return statements
                .into_iter()
                .map(|s| PieceKind::Parsed(Box::new(s), marks.clone()))
                .collect();
        }
        Err(e) => e,
    };
    let sig: Vec<&Token> = tokens
        .iter()
        .map(|t| &t.token)
        .filter(|t| !is_trivia(t) && **t != Token::SemiColon)
        .collect();
    if let Some(form) = opaque_statement_form(shale_dialect, &sig) {
        // REINDEX CONCURRENTLY refuses a transaction block; REFRESH
        // MATERIALIZED VIEW CONCURRENTLY does not.
        let concurrently = form == "REINDEX" && sig.iter().any(|t| is_word(t, "CONCURRENTLY"));
        return vec![PieceKind::Opaque { form, concurrently }];
    }
    // SQL-standard function bodies (PostgreSQL 14+).
    let routine = matches(&sig, &[Kw("CREATE"), Any(&["FUNCTION", "PROCEDURE"])])
        || matches(
            &sig,
            &[
                Kw("CREATE"),
                Kw("OR"),
                Kw("REPLACE"),
                Any(&["FUNCTION", "PROCEDURE"]),
            ],
        );
    if shale_dialect == Dialect::Postgresql
        && routine
        && sig
            .windows(2)
            .any(|w| is_word(w[0], "BEGIN") && is_word(w[1], "ATOMIC"))
    {
        return vec![PieceKind::Opaque {
            form: "CREATE FUNCTION … BEGIN ATOMIC",
            concurrently: false,
        }];
    }
    if sig.len() > 2 && is_word(sig[0], "ALTER") && is_word(sig[1], "TABLE") {
        if let Some(kind) = parse_alter_table_by_operation(&tokens, dialect, map, marks) {
            return vec![kind];
        }
    }
    vec![invalid(error, map, start)]
}

/// The statements, and the tokens back (for the error path) without a copy.
fn parse(
    dialect: &dyn SqlDialect,
    tokens: Vec<TokenWithSpan>,
) -> (Result<Vec<Statement>, ParserError>, Vec<TokenWithSpan>) {
    let mut parser = Parser::new(dialect).with_tokens_with_locations(tokens);
    let parsed = parser.parse_statements();
    (parsed, parser.into_tokens())
}

/// A parse error as a finding message, its `at Line: …, Column: …` suffix
/// (chunk-relative) turned into a file position.
fn invalid(error: ParserError, map: &LineMap, start: Pos) -> PieceKind {
    let text = match error {
        ParserError::ParserError(s) | ParserError::TokenizerError(s) => s,
        ParserError::RecursionLimitExceeded => "expressions nested too deeply".to_string(),
    };
    let (message, pos) = match text.rfind(" at Line: ") {
        Some(i) => {
            let loc = text[i + " at Line: ".len()..]
                .split_once(", Column: ")
                .and_then(|(l, c)| {
                    Some(Location {
                        line: l.trim().parse().ok()?,
                        column: c.trim().parse().ok()?,
                    })
                });
            (
                text[..i].to_string(),
                loc.and_then(|l| map.pos(l)).unwrap_or(start),
            )
        }
        None => (text, start),
    };
    PieceKind::Invalid {
        message: lowercase_first(&message),
        pos,
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Rewrites, at the token level, PostgreSQL syntax that sqlparser 0.59 does
/// not parse into an equivalent it does, recording what was rewritten:
/// `DROP INDEX CONCURRENTLY` (the keyword is dropped and marked),
/// `UNIQUE | PRIMARY KEY USING INDEX name` (parsed as a one-column key and
/// marked), `ON DELETE SET NULL | SET DEFAULT (columns)` (PostgreSQL 15;
/// the column list is dropped: no rule looks at it), and identity sequence
/// options `AS IDENTITY (sequence name … start with 1 …)` (dropped likewise),
/// `NO INHERIT` after a check's expression, a column's new `COLLATE` in
/// `ALTER TABLE` and a `CREATE TABLE`'s exclusion constraints (dropped
/// likewise).
fn bridge(tokens: Vec<TokenWithSpan>, marks: &mut Marks) -> Vec<TokenWithSpan> {
    let sig: Vec<usize> = (0..tokens.len())
        .filter(|&i| !is_trivia(&tokens[i].token))
        .collect();
    let word = |k: usize, kw: &str| sig.get(k).is_some_and(|&i| is_word(&tokens[i].token, kw));
    let mut blank = Vec::new();
    let mut open = Vec::new();
    let mut close_after = Vec::new();
    if word(0, "DROP") && word(1, "INDEX") && word(2, "CONCURRENTLY") {
        marks.drop_index_concurrently = true;
        blank.push(sig[2]);
    }
    if word(0, "ALTER") && word(1, "TABLE") {
        for k in 0..sig.len() {
            let key = word(k, "UNIQUE") || (word(k, "KEY") && k > 0 && word(k - 1, "PRIMARY"));
            if key
                && word(k + 1, "USING")
                && word(k + 2, "INDEX")
                && sig
                    .get(k + 3)
                    .is_some_and(|&i| matches!(tokens[i].token, Token::Word(_)))
            {
                marks.using_index = true;
                open.push(sig[k + 1]);
                blank.push(sig[k + 2]);
                close_after.push(sig[k + 3]);
            }
        }
    }
    // The parenthesised group starting at significant token `k`, if any.
    let group_at = |k: usize, blank: &mut Vec<usize>| {
        if sig.get(k).is_none_or(|&i| tokens[i].token != Token::LParen) {
            return;
        }
        let mut depth = 0usize;
        for &i in &sig[k..] {
            blank.push(i);
            match tokens[i].token {
                Token::LParen => depth += 1,
                Token::RParen => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
    };
    // `CREATE [OR REPLACE] VIEW … WITH [LOCAL | CASCADED] CHECK OPTION`:
    // the check option is dropped (no rule looks at it).
    if word(0, "CREATE") && (word(1, "VIEW") || (word(1, "OR") && word(3, "VIEW"))) {
        for k in 0..sig.len() {
            let level = usize::from(word(k + 1, "LOCAL") || word(k + 1, "CASCADED"));
            if word(k, "WITH") && word(k + 1 + level, "CHECK") && word(k + 2 + level, "OPTION") {
                blank.extend(sig[k..=k + 2 + level].iter().copied());
            }
        }
    }
    for k in 0..sig.len() {
        if word(k, "ON")
            && word(k + 1, "DELETE")
            && word(k + 2, "SET")
            && (word(k + 3, "NULL") || word(k + 3, "DEFAULT"))
        {
            group_at(k + 4, &mut blank);
        }
        // `GENERATED … AS IDENTITY (sequence options)`, as drizzle-kit
        // writes it: the options are dropped (no rule looks at them).
        if word(k, "AS") && word(k + 1, "IDENTITY") {
            group_at(k + 2, &mut blank);
        }
        // `REFERENCES t (…) MATCH FULL | SIMPLE`: the two words are dropped
        // (no rule looks at them).
        if k > 0
            && word(k, "MATCH")
            && (word(k + 1, "FULL") || word(k + 1, "SIMPLE"))
            && tokens[sig[k - 1]].token == Token::RParen
        {
            blank.extend([sig[k], sig[k + 1]]);
        }
        // `CHECK (…) NO INHERIT`: the two words are dropped (no rule looks
        // at them).
        if k > 0
            && word(k, "NO")
            && word(k + 1, "INHERIT")
            && tokens[sig[k - 1]].token == Token::RParen
        {
            blank.extend([sig[k], sig[k + 1]]);
        }
    }
    // `ALTER COLUMN c [SET DATA] TYPE t COLLATE "x"`: the collation is
    // dropped (no rule looks at it; the type change stays).
    if word(0, "ALTER") && word(1, "TABLE") {
        for k in 2..sig.len() {
            if word(k, "COLLATE")
                && sig[..k].iter().any(|&i| is_word(&tokens[i].token, "TYPE"))
                && sig
                    .get(k + 1)
                    .is_some_and(|&i| matches!(tokens[i].token, Token::Word(_)))
            {
                blank.extend([sig[k], sig[k + 1]]);
            }
        }
    }
    // `CREATE TABLE (…, [CONSTRAINT n] EXCLUDE USING m (…) …)`: the
    // exclusion constraint is dropped with its comma (no rule looks at it).
    if word(0, "CREATE") && word(1, "TABLE") {
        let mut depth = 0usize;
        let mut k = 0;
        while k < sig.len() {
            match tokens[sig[k]].token {
                Token::LParen => depth += 1,
                Token::RParen => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 1 && word(k, "EXCLUDE") {
                let mut start = if k >= 2 && word(k - 2, "CONSTRAINT") {
                    k - 2
                } else {
                    k
                };
                if start > 0 && tokens[sig[start - 1]].token == Token::Comma {
                    start -= 1;
                }
                let mut inner = 0usize;
                let mut end = k;
                while end < sig.len() {
                    match tokens[sig[end]].token {
                        Token::LParen => inner += 1,
                        Token::RParen if inner == 0 => break,
                        Token::RParen => inner -= 1,
                        Token::Comma if inner == 0 => break,
                        _ => {}
                    }
                    end += 1;
                }
                blank.extend(sig[start..end].iter().copied());
                k = end;
                continue;
            }
            k += 1;
        }
    }
    if blank.is_empty() && close_after.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + close_after.len());
    for (i, mut token) in tokens.into_iter().enumerate() {
        if blank.contains(&i) {
            token.token = Token::Whitespace(Whitespace::Space);
        }
        if open.contains(&i) {
            // `USING INDEX name` becomes `( name )`.
            token.token = Token::LParen;
        }
        let close = close_after.contains(&i).then_some(TokenWithSpan {
            token: Token::RParen,
            span: token.span,
        });
        out.push(token);
        out.extend(close);
    }
    out
}

/// A pattern over a statement's leading significant tokens.
enum Pat {
    /// This keyword.
    Kw(&'static str),
    /// Any one of these keywords.
    Any(&'static [&'static str]),
    /// A possibly schema-qualified name.
    Name,
}

use Pat::{Any, Kw, Name};

/// What `ALTER [COLUMN] c SET …` may set that sqlparser 0.59 does not parse
/// (identity and storage options), with or without the `COLUMN` keyword.
const ALTER_COLUMN_SET_OPTIONS: &[&str] = &[
    "GENERATED",
    "STATISTICS",
    "STORAGE",
    "COMPRESSION",
    "INCREMENT",
    "START",
    "MAXVALUE",
    "MINVALUE",
    "NO",
    "CYCLE",
    "CACHE",
];

/// Valid PostgreSQL statements outside sqlparser 0.59's grammar, by leading
/// tokens. They are kept as opaque statements (PostgreSQL itself checks them
/// under `shale check --shadow`) instead of being reported as syntax errors.
const OPAQUE_STATEMENTS: &[(&str, &[Pat])] = &[
    ("DO", &[Kw("DO")]),
    (
        "CREATE FUNCTION",
        &[Kw("CREATE"), Any(&["FUNCTION", "PROCEDURE"])],
    ),
    (
        "CREATE OR REPLACE FUNCTION",
        &[
            Kw("CREATE"),
            Kw("OR"),
            Kw("REPLACE"),
            Any(&["FUNCTION", "PROCEDURE"]),
        ],
    ),
    ("CREATE TRIGGER", &[Kw("CREATE"), Kw("TRIGGER")]),
    (
        "CREATE TABLE PARTITION OF",
        &[Kw("CREATE"), Kw("TABLE"), Name, Kw("PARTITION"), Kw("OF")],
    ),
    (
        "CREATE CONSTRAINT TRIGGER",
        &[Kw("CREATE"), Kw("CONSTRAINT"), Kw("TRIGGER")],
    ),
    (
        "CREATE OR REPLACE TRIGGER",
        &[Kw("CREATE"), Kw("OR"), Kw("REPLACE"), Kw("TRIGGER")],
    ),
    ("ALTER SEQUENCE", &[Kw("ALTER"), Kw("SEQUENCE")]),
    (
        "ALTER TYPE",
        &[
            Kw("ALTER"),
            Kw("TYPE"),
            Name,
            Any(&["SET", "OWNER", "ADD", "DROP", "ALTER", "RENAME"]),
            Any(&["SCHEMA", "TO", "ATTRIBUTE"]),
        ],
    ),
    ("COMMENT ON", &[Kw("COMMENT"), Kw("ON")]),
    // `REVOKE GRANT OPTION FOR …`, `GRANT … ON PROCEDURE …`.
    ("GRANT", &[Kw("GRANT")]),
    ("REVOKE", &[Kw("REVOKE")]),
    ("ALTER DOMAIN", &[Kw("ALTER"), Kw("DOMAIN")]),
    ("CREATE DOMAIN", &[Kw("CREATE"), Kw("DOMAIN")]),
    (
        "ALTER FUNCTION",
        &[
            Kw("ALTER"),
            Any(&["FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE"]),
        ],
    ),
    ("ALTER EXTENSION", &[Kw("ALTER"), Kw("EXTENSION")]),
    ("ALTER TRIGGER", &[Kw("ALTER"), Kw("TRIGGER")]),
    ("ALTER INDEX", &[Kw("ALTER"), Kw("INDEX")]),
    ("ALTER VIEW", &[Kw("ALTER"), Kw("VIEW")]),
    (
        "ALTER MATERIALIZED VIEW",
        &[Kw("ALTER"), Kw("MATERIALIZED"), Kw("VIEW")],
    ),
    (
        "ALTER DEFAULT PRIVILEGES",
        &[Kw("ALTER"), Kw("DEFAULT"), Kw("PRIVILEGES")],
    ),
    (
        "REFRESH MATERIALIZED VIEW",
        &[Kw("REFRESH"), Kw("MATERIALIZED"), Kw("VIEW")],
    ),
    ("REINDEX", &[Kw("REINDEX")]),
    ("CLUSTER", &[Kw("CLUSTER")]),
    ("CREATE STATISTICS", &[Kw("CREATE"), Kw("STATISTICS")]),
    ("SECURITY LABEL", &[Kw("SECURITY"), Kw("LABEL")]),
];

/// SQLite statements outside sqlparser 0.59's grammar: `PRAGMA name=OFF`
/// (drizzle's "redefine table" migrations write `PRAGMA foreign_keys=OFF;`).
const OPAQUE_SQLITE_STATEMENTS: &[(&str, &[Pat])] = &[("PRAGMA", &[Kw("PRAGMA"), Name])];

/// `ALTER TABLE` operations outside sqlparser 0.59's grammar, by leading tokens.
const OPAQUE_ALTER_TABLE_OPS: &[(&str, &[Pat])] = &[
    ("SET SCHEMA", &[Kw("SET"), Kw("SCHEMA")]),
    ("SET TABLESPACE", &[Kw("SET"), Kw("TABLESPACE")]),
    ("SET LOGGED", &[Kw("SET"), Any(&["LOGGED", "UNLOGGED"])]),
    ("SET WITHOUT", &[Kw("SET"), Kw("WITHOUT")]),
    (
        "SET ACCESS METHOD",
        &[Kw("SET"), Kw("ACCESS"), Kw("METHOD")],
    ),
    ("RESET", &[Kw("RESET")]),
    ("CLUSTER ON", &[Kw("CLUSTER"), Kw("ON")]),
    ("INHERIT", &[Kw("INHERIT")]),
    ("NO INHERIT", &[Kw("NO"), Kw("INHERIT")]),
    ("NO FORCE ROW LEVEL SECURITY", &[Kw("NO"), Kw("FORCE")]),
    ("FORCE ROW LEVEL SECURITY", &[Kw("FORCE"), Kw("ROW")]),
    ("OF", &[Kw("OF")]),
    ("NOT OF", &[Kw("NOT"), Kw("OF")]),
    ("ATTACH PARTITION", &[Kw("ATTACH"), Kw("PARTITION")]),
    (
        "ADD CONSTRAINT EXCLUDE",
        &[Kw("ADD"), Kw("CONSTRAINT"), Name, Kw("EXCLUDE")],
    ),
    ("ADD EXCLUDE", &[Kw("ADD"), Kw("EXCLUDE")]),
    ("DETACH PARTITION", &[Kw("DETACH"), Kw("PARTITION")]),
    ("ALTER CONSTRAINT", &[Kw("ALTER"), Kw("CONSTRAINT")]),
    (
        "ALTER COLUMN DROP IDENTITY",
        &[
            Kw("ALTER"),
            Kw("COLUMN"),
            Name,
            Kw("DROP"),
            Any(&["IDENTITY", "EXPRESSION"]),
        ],
    ),
    (
        "ALTER COLUMN DROP IDENTITY",
        &[
            Kw("ALTER"),
            Name,
            Kw("DROP"),
            Any(&["IDENTITY", "EXPRESSION"]),
        ],
    ),
    (
        "ALTER COLUMN SET",
        &[
            Kw("ALTER"),
            Kw("COLUMN"),
            Name,
            Kw("SET"),
            Any(ALTER_COLUMN_SET_OPTIONS),
        ],
    ),
    (
        "ALTER COLUMN SET",
        &[Kw("ALTER"), Name, Kw("SET"), Any(ALTER_COLUMN_SET_OPTIONS)],
    ),
    (
        "ALTER COLUMN SET",
        &[Kw("ALTER"), Kw("COLUMN"), Name, Any(&["RESET", "RESTART"])],
    ),
    (
        "ALTER COLUMN SET",
        &[Kw("ALTER"), Name, Any(&["RESET", "RESTART"])],
    ),
];

/// Whether the significant tokens start with the pattern.
fn matches(sig: &[&Token], pattern: &[Pat]) -> bool {
    let mut k = 0;
    for pat in pattern {
        match pat {
            Kw(kw) => {
                if !sig.get(k).is_some_and(|t| is_word(t, kw)) {
                    return false;
                }
                k += 1;
            }
            Any(kws) => {
                if !sig
                    .get(k)
                    .is_some_and(|t| kws.iter().any(|kw| is_word(t, kw)))
                {
                    return false;
                }
                k += 1;
            }
            Name => {
                if !matches!(sig.get(k), Some(Token::Word(_))) {
                    return false;
                }
                k += 1;
                while sig.get(k) == Some(&&Token::Period)
                    && matches!(sig.get(k + 1), Some(Token::Word(_)))
                {
                    k += 2;
                }
            }
        }
    }
    true
}

fn opaque_statement_form(dialect: Dialect, sig: &[&Token]) -> Option<&'static str> {
    let forms = match dialect {
        Dialect::Postgresql => OPAQUE_STATEMENTS,
        Dialect::Sqlite => OPAQUE_SQLITE_STATEMENTS,
    };
    forms
        .iter()
        .find(|(_, p)| matches(sig, p))
        .map(|(form, _)| *form)
}

/// An `ALTER TABLE` that failed as a whole, parsed one operation at a time:
/// operations sqlparser knows are parsed, PostgreSQL-only ones are kept as
/// opaque operations. `None` when some operation is neither.
fn parse_alter_table_by_operation(
    tokens: &[TokenWithSpan],
    dialect: &dyn SqlDialect,
    map: &LineMap,
    marks: Marks,
) -> Option<PieceKind> {
    // The header: ALTER TABLE [IF EXISTS] [ONLY] name [*].
    let sig: Vec<usize> = (0..tokens.len())
        .filter(|&i| !is_trivia(&tokens[i].token))
        .collect();
    let tok = |k: usize| sig.get(k).map(|&i| &tokens[i].token);
    let mut k = 2;
    if tok(k).is_some_and(|t| is_word(t, "IF")) && tok(k + 1).is_some_and(|t| is_word(t, "EXISTS"))
    {
        k += 2;
    }
    if tok(k).is_some_and(|t| is_word(t, "ONLY")) {
        k += 1;
    }
    if !matches!(tok(k), Some(Token::Word(_))) {
        return None;
    }
    k += 1;
    while tok(k) == Some(&Token::Period) && matches!(tok(k + 1), Some(Token::Word(_))) {
        k += 2;
    }
    if tok(k) == Some(&Token::Mul) {
        k += 1;
    }
    let header_end = *sig.get(k)?;
    let header = &tokens[..header_end];
    // Operations: the rest, cut at top-level commas.
    let mut ops: Vec<Vec<TokenWithSpan>> = vec![Vec::new()];
    let mut depth = 0usize;
    for token in &tokens[header_end..] {
        match token.token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::Comma if depth == 0 => {
                ops.push(Vec::new());
                continue;
            }
            _ => {}
        }
        ops.last_mut().expect("never empty").push(token.clone());
    }
    let mut marks = marks;
    let mut parsed: Option<Statement> = None;
    for op in ops {
        let op_sig: Vec<&Token> = op
            .iter()
            .map(|t| &t.token)
            .filter(|t| !is_trivia(t) && **t != Token::SemiColon)
            .collect();
        if let Some((form, _)) = OPAQUE_ALTER_TABLE_OPS
            .iter()
            .find(|(_, p)| matches(&op_sig, p))
        {
            // Only DETACH PARTITION … CONCURRENTLY refuses a transaction block.
            let concurrently =
                *form == "DETACH PARTITION" && op_sig.iter().any(|t| is_word(t, "CONCURRENTLY"));
            marks.opaque_ops.push((form, concurrently));
            continue;
        }
        let mut statement_tokens = header.to_vec();
        statement_tokens.extend(op);
        match parse(dialect, statement_tokens).0 {
            Ok(mut statements) if statements.len() == 1 => {
                let statement = statements.pop().expect("one statement");
                match (&mut parsed, statement) {
                    (
                        Some(Statement::AlterTable { operations, .. }),
                        Statement::AlterTable {
                            operations: more, ..
                        },
                    ) => operations.extend(more),
                    (None, statement) => parsed = Some(statement),
                    _ => return None,
                }
            }
            Ok(_) => return None,
            Err(e) => {
                let start = map
                    .pos(tokens[sig[0]].span.start)
                    .unwrap_or(Pos { line: 1, column: 1 });
                return Some(invalid(e, map, start));
            }
        }
    }
    match parsed {
        Some(statement) => Some(PieceKind::Parsed(Box::new(statement), marks)),
        // Only opaque operations. sqlparser cannot parse an ALTER TABLE
        // without operations, so the header is parsed with a stand-in
        // operation that is removed again: the rules still see the table.
        None => {
            let mut header_tokens = header.to_vec();
            header_tokens.push(TokenWithSpan {
                token: Token::make_keyword("VALIDATE"),
                span: Span::empty(),
            });
            header_tokens.push(TokenWithSpan {
                token: Token::make_keyword("CONSTRAINT"),
                span: Span::empty(),
            });
            header_tokens.push(TokenWithSpan {
                token: Token::make_word("__shale_placeholder", None),
                span: Span::empty(),
            });
            let mut statement = parse(dialect, header_tokens).0.ok()?.pop()?;
            if let Statement::AlterTable { operations, .. } = &mut statement {
                operations.clear();
            }
            Some(PieceKind::Parsed(Box::new(statement), marks))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(sql: &str) -> Vec<String> {
        pieces(sql, Dialect::Postgresql)
            .into_iter()
            .map(|p| {
                let at = format!("{}:{}#{}", p.pos.line, p.pos.column, p.index);
                match p.kind {
                    PieceKind::Parsed(s, m) => format!("{at} {s} {m:?}"),
                    PieceKind::Opaque { form, concurrently } => {
                        format!("{at} opaque {form} {concurrently}")
                    }
                    PieceKind::Invalid { message, pos } => {
                        format!("{at} invalid {}:{} {message}", pos.line, pos.column)
                    }
                }
            })
            .collect()
    }

    /// A file large enough to be read on several threads gives its
    /// statements in file order, numbered and located as one thread would.
    #[test]
    fn a_large_file_read_in_parallel_keeps_order_and_positions() {
        let chunk = |i: usize| {
            format!(
                "CREATE TABLE \"t{i}\" (\"id\" bigint PRIMARY KEY, \"note\" text);\nSELECT {i};"
            )
        };
        let count = 20_000;
        let sql: Vec<String> = (0..count).map(chunk).collect();
        let sql = sql.join("\n--> statement-breakpoint\n");
        assert!(sql.len() > 4 * BYTES_PER_EXTRA_THREAD, "{}", sql.len());
        let got = pieces(&sql, Dialect::Postgresql);
        assert_eq!(got.len(), 2 * count);
        for (i, piece) in got.iter().enumerate() {
            let n = i / 2;
            assert_eq!(piece.index, i + 1);
            // Each chunk is two lines plus the breakpoint line.
            assert_eq!(piece.pos.line, 3 * n + 1 + i % 2, "statement {}", i + 1);
            let PieceKind::Parsed(statement, _) = &piece.kind else {
                panic!("statement {} did not parse", i + 1);
            };
            let expected = if i % 2 == 0 {
                format!("CREATE TABLE \"t{n}\"")
            } else {
                format!("SELECT {n}")
            };
            assert!(statement.to_string().starts_with(&expected), "{statement}");
        }
    }

    /// The one-statement shortcut groups exactly as the general split does
    /// (groups holding no statement aside, which are never used).
    #[test]
    fn one_statement_chunks_are_grouped_as_the_general_split_groups_them() {
        let chunks = [
            "SELECT 1",
            "SELECT 1;",
            "SELECT 1;\n",
            "  SELECT 1; -- shale:allow x\n-- next line\n\n",
            "SELECT 1; /* a */ -- b\n  -- c\n",
            "-- only a comment\n",
            "SELECT 1; SELECT 2;",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "",
        ];
        let groups = |gs: Vec<Vec<TokenWithSpan>>| -> Vec<String> {
            gs.into_iter()
                .filter(|g| {
                    g.iter()
                        .any(|t| !is_trivia(&t.token) && t.token != Token::SemiColon)
                })
                .map(|g| g.iter().map(|t| t.token.to_string()).collect())
                .collect()
        };
        for sql in chunks {
            let tokens = Tokenizer::new(&PostgreSqlDialect {}, sql)
                .tokenize_with_location()
                .unwrap();
            assert_eq!(
                groups(statements(tokens.clone())),
                groups(split_statements(tokens)),
                "{sql:?}"
            );
        }
    }

    #[test]
    fn statements_are_located_across_chunks() {
        let sql = "-- hazard: X y\n\n  SELECT 1; SELECT 2;\n--> statement-breakpoint\nSELECT\n  3;-- trailing\nSELECT 'a;b';";
        let got = kinds(sql);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("3:3#1 SELECT 1"), "{got:?}");
        assert!(got[1].starts_with("3:13#2 SELECT 2"), "{got:?}");
        assert!(got[2].starts_with("5:1#3 SELECT 3"), "{got:?}");
        assert!(got[3].starts_with("7:1#4 SELECT 'a;b'"), "{got:?}");
    }

    #[test]
    fn bridges_postgresql_forms() {
        let got = kinds("DROP INDEX CONCURRENTLY IF EXISTS \"i\";\nALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i, ADD CONSTRAINT p PRIMARY KEY USING INDEX \"j\";\nALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a, b) REFERENCES u (a, b) ON DELETE SET NULL (b);");
        assert!(
            got[0].contains("DROP INDEX IF EXISTS \"i\"")
                && got[0].contains("drop_index_concurrently: true"),
            "{got:?}"
        );
        assert!(
            got[1].contains("UNIQUE (i)")
                && got[1].contains("PRIMARY KEY (\"j\")")
                && got[1].contains("using_index: true"),
            "{got:?}"
        );
        assert!(got[2].contains("ON DELETE SET NULL"), "{got:?}");
        // drizzle-kit's identity columns carry their sequence's options.
        let got = kinds("CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name \"users_id_seq\" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1), \"n\" int);");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].contains("CREATE TABLE") && !got[0].contains(" invalid "),
            "identity options must parse: {got:?}"
        );
        // Deferrable keys and NO INHERIT checks, as shale writes them.
        let got = kinds("CREATE TABLE \"s\" (\"id\" bigint NOT NULL, \"p\" integer, CONSTRAINT \"s_pkey\" PRIMARY KEY (\"id\") DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT \"s_p_check\" CHECK (p > 0) NO INHERIT);\nALTER TABLE \"s\" ADD CONSTRAINT \"s_p2_check\" CHECK ((p < 9)) NO INHERIT;");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter().all(|g| !g.contains(" invalid ")),
            "NO INHERIT must parse: {got:?}"
        );
        // Partitions, exclusion constraints and collations, as shale writes them.
        let got = kinds("CREATE TABLE \"e\" (\"id\" bigint NOT NULL, \"at\" date NOT NULL, CONSTRAINT \"e_pkey\" PRIMARY KEY (\"id\", \"at\"), CONSTRAINT \"e_x\" EXCLUDE USING gist (id WITH =, (lower(x)) WITH =) WHERE (id > 0), CONSTRAINT \"e_c\" CHECK (id > 0)) PARTITION BY RANGE (at);\nCREATE TABLE \"public\".\"e_1\" PARTITION OF \"public\".\"e\" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nALTER TABLE \"e\" ADD CONSTRAINT \"e_y\" EXCLUDE USING gist (id WITH =);\nALTER TABLE \"e\" ATTACH PARTITION \"e_2\" FOR VALUES IN (1);\nALTER TABLE \"e\" ALTER COLUMN \"t\" SET DATA TYPE varchar(20) COLLATE \"C\" USING \"t\"::varchar(20);");
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(
            got.iter().all(|g| !g.contains(" invalid ")),
            "partitions, exclusions and collations must parse or be opaque: {got:?}"
        );
        assert!(got[0].contains("CHECK"), "{got:?}");
        assert!(got[4].contains("VARCHAR(20)"), "{got:?}");
    }

    #[test]
    fn view_statements_shale_writes_parse() {
        let got = kinds("CREATE OR REPLACE VIEW \"public\".\"v\" (\"id\") WITH (security_invoker = true) AS\nSELECT id FROM t\nWITH CASCADED CHECK OPTION;\nCREATE VIEW v AS SELECT 1 WITH CHECK OPTION;\nALTER VIEW \"public\".\"v\" SET SCHEMA \"app\";\nCOMMENT ON MATERIALIZED VIEW m IS 'x';");
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[0].contains("CREATE") && !got[0].contains(" invalid "),
            "{got:?}"
        );
        assert!(!got[1].contains(" invalid "), "{got:?}");
        assert!(got[2].contains("opaque ALTER VIEW"), "{got:?}");
        assert!(got[3].contains("opaque COMMENT ON"), "{got:?}");
    }

    #[test]
    fn postgresql_only_forms_are_opaque_not_invalid() {
        let got = kinds("DO $$ BEGIN PERFORM 1; END $$;\nALTER SEQUENCE s AS integer;\nALTER TYPE a.b SET SCHEMA c;\nCOMMENT ON TYPE x IS 'y';\nALTER TABLE t SET SCHEMA s;\nALTER TABLE ONLY t ALTER COLUMN a DROP IDENTITY, DROP COLUMN b, DETACH PARTITION p CONCURRENTLY;");
        assert!(got[0].contains("opaque DO"), "{got:?}");
        assert!(got[1].contains("opaque ALTER SEQUENCE"), "{got:?}");
        assert!(got[2].contains("opaque ALTER TYPE"), "{got:?}");
        assert!(got[3].contains("opaque COMMENT ON"), "{got:?}");
        assert!(
            got[4].contains("ALTER TABLE t ")
                && got[4].contains("opaque_ops: [(\"SET SCHEMA\", false)]"),
            "{got:?}"
        );
        assert!(
            got[5].contains("DROP COLUMN b")
                && got[5].contains(
                    "(\"ALTER COLUMN DROP IDENTITY\", false), (\"DETACH PARTITION\", true)"
                ),
            "{got:?}"
        );
    }

    #[test]
    fn syntax_errors_point_at_the_file_position() {
        let got = kinds("SELECT 1;\n--> statement-breakpoint\nCREATE TABLE t (\n  a int,\n  b int int\n);\nALTER TABLE t ALTER COLUMN a DROP NOTHING;\nSELECT 'open");
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[1].starts_with("3:1#2 invalid 5:9 expected: "),
            "{got:?}"
        );
        assert!(got[2].starts_with("7:1#3 invalid 7:"), "{got:?}");
        assert!(
            got[3].starts_with("8:1#4 invalid 8:8 unterminated string literal"),
            "{got:?}"
        );
    }

    #[test]
    fn allow_comment_names() {
        assert_eq!(
            allowed_names(
                " shale:allow dropping-table, renaming-column: unused since v2, deployed\n"
            ),
            vec!["dropping-table", "renaming-column"]
        );
        assert_eq!(allowed_names("shale:allow a ,b"), vec!["a", "b"]);
        assert!(allowed_names("shale:allow").is_empty());
        assert!(allowed_names(" shale:allowed x").is_empty());
        assert!(allowed_names(" hazard: DELETES_DATA").is_empty());
    }
}
