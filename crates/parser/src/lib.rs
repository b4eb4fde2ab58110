//! Reads shale's schema language — plain Rust structs and enums with shale's
//! attributes — statically with syn (nothing is compiled) and builds the
//! [`shale_model::Schema`], reporting every problem of a run at once.
//!
//! **Architecture invariant:** parsing never panics and never stops at the
//! first error: [`parse_sources`] returns the model it could build together
//! with all diagnostics. Rendering diagnostics is the CLI's job.

#![deny(missing_docs)]

pub mod grammar;
mod lower;
mod quick;
mod rust_types;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{mpsc, Arc};

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use shale_model::{RenameHints, Schema};
use syn::parse::discouraged::Speculative;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, Item, Token, Visibility};

use crate::grammar::Error;
use crate::lower::view::ViewBuild;
use crate::lower::{
    Cx, EnumInfo, EnumTable, ExtensionBuild, Loc, Objects, Problem, SequenceBuild, Site, TableBuild,
};

/// One schema source file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path shown in diagnostics (relative to the working directory when possible).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
}

/// The target dialect: some constructs exist only in PostgreSQL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// PostgreSQL (the default).
    #[default]
    Postgres,
    /// SQLite.
    Sqlite,
}

/// Options for [`parse_sources`].
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    /// The target dialect.
    pub dialect: Dialect,
    /// How many threads read files: 0 (the default) chooses from the cores
    /// and the amount of source. The result is the same for any number.
    pub threads: usize,
    /// The schema directory: `#[view(sql_file = "…")]` paths are relative
    /// to it. `None` reads them relative to the directory of the source
    /// file that names them.
    pub schema_dir: Option<PathBuf>,
    /// Files larger than this many bytes are cut between top-level items
    /// into pieces of about this size, each read on a worker like a file of
    /// its own, so that one large file is read on every core: 0 (the
    /// default) chooses (64 KiB), 1 cuts at every item. The result is the
    /// same for any size.
    pub piece_bytes: usize,
}

/// A problem found in the schema source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Index into the `files` slice given to [`parse_sources`].
    pub file: usize,
    /// Byte range in that file's text of the offending token(s).
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column (in characters) of `span.start`.
    pub column: usize,
    /// The message, lowercase, no final period (e.g. `unknown column type `Strin``).
    pub message: String,
    /// A short label for the underlined span (e.g. `not a known type`), may be empty.
    pub label: String,
    /// A fix-it hint (e.g. `did you mean `String`?`).
    pub help: Option<String>,
}

/// The result of parsing: the model (complete when `diagnostics` is empty)
/// and every problem found.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The schema built from the sources.
    pub schema: Schema,
    /// Rename hints from `renamed_from` attributes.
    pub renames: RenameHints,
    /// Every problem found; empty when the schema is valid.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses schema sources into a model.
///
/// Never panics on any input and never stops at the first problem: the
/// result holds the schema built from everything that could be read and every
/// diagnostic of every file, sorted by file and position.
///
/// The files are cut into pieces first: a file larger than
/// [`ParseOptions::piece_bytes`] is split between its top-level items (see
/// [`item_boundaries`]), so that one large file is read on every core like
/// many small ones. The enums are read first (only pieces of files that
/// mention `PgEnum` or `pg_enum`, and in them only enum items), since any
/// table's column types may name one; then the pieces are read and their
/// tables lowered one by one. Both passes run on worker threads (see
/// [`ParseOptions::threads`]), each over its share of the pieces; then the
/// tables are tied together in source order. A piece that does not lex or
/// has a syntax error is not trusted: its whole file is read again in one
/// piece, so a broken file is reported exactly as when read whole. The
/// result does not depend on the number of threads or on the piece size.
pub fn parse_sources(files: &[SourceFile], options: &ParseOptions) -> Parsed {
    let units = units(files, options);
    let groups = split_units(&units, worker_count(files, &units, options));
    let units = &units;
    let threaded = std::thread::scope(|scope| {
        let (part_tx, part_rx) = mpsc::channel::<Vec<EnumPiece>>();
        let mut workers = Vec::with_capacity(groups.len());
        for group in &groups {
            let (table_tx, table_rx) = mpsc::channel::<Arc<Exchange>>();
            let part_tx = part_tx.clone();
            let worker = spawn_parser(scope, move || {
                work(files, units, group, options, move |part| {
                    let sent = part_tx.send(part);
                    drop(part_tx);
                    sent.ok()?;
                    table_rx.recv().ok()
                })
            });
            // No thread to be had: everything on this one, below (the
            // workers started so far give up when their channel closes).
            workers.push((worker.ok()?, table_tx));
        }
        drop(part_tx);
        let enums = register_enums(files, options, part_rx.iter().flatten().collect());
        let exchange = Arc::new(Exchange {
            table: enums.table,
            whole: enums.whole,
        });
        for (_, table_tx) in &workers {
            // A worker that is gone has panicked; `join` says so below.
            let _ = table_tx.send(Arc::clone(&exchange));
        }
        let pieces: Vec<LoweredPiece> = workers
            .into_iter()
            .flat_map(|(worker, _)| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        Some(finish(files, options, enums.infos, enums.problems, pieces))
    });
    threaded.unwrap_or_else(|| {
        let all: Vec<usize> = (0..units.len()).collect();
        let mut read = None;
        let pieces = work(files, units, &all, options, |part| {
            let enums = register_enums(files, options, part);
            read = Some((enums.infos, enums.problems));
            Some(Arc::new(Exchange {
                table: enums.table,
                whole: enums.whole,
            }))
        });
        match read {
            Some((infos, problems)) => finish(files, options, infos, problems, pieces),
            None => Parsed::default(),
        }
    })
}

/// syn parses recursively; threads with a generous stack keep deeply nested
/// (but legal) input from overflowing, and proc-macro2's thread-local source
/// map of the files' text is freed with each thread.
const STACK_BYTES: usize = 64 << 20;

fn spawn_parser<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .name("shale-parser".into())
        .stack_size(STACK_BYTES)
        .spawn_scoped(scope, f)
}

/// Below this much source one thread is quicker than starting more.
const BYTES_PER_EXTRA_WORKER: usize = 64 << 10;

/// The piece size when [`ParseOptions::piece_bytes`] is 0: small enough to
/// share a large file among the workers evenly, and to keep only a piece's
/// syntax tree in memory at a time; large enough that cutting costs nothing.
const DEFAULT_PIECE_BYTES: usize = 64 << 10;

fn worker_count(files: &[SourceFile], units: &[Unit], options: &ParseOptions) -> usize {
    let wanted = if options.threads > 0 {
        options.threads
    } else {
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        cores.min(8).min(1 + bytes / BYTES_PER_EXTRA_WORKER)
    };
    wanted.clamp(1, units.len().max(1))
}

/// What one worker reads at a time: a whole file, or a range of a file's
/// top-level items.
#[derive(Clone, Debug)]
struct Unit {
    file: usize,
    /// Byte range in the file's text (all of it when not `split`).
    range: Range<usize>,
    /// One of several pieces of its file.
    split: bool,
    /// The file mentions `PgEnum` (every piece of it is read for enums).
    enums: bool,
}

/// The files cut into pieces of about [`ParseOptions::piece_bytes`], each
/// file's pieces in order.
fn units(files: &[SourceFile], options: &ParseOptions) -> Vec<Unit> {
    let target = match options.piece_bytes {
        0 => DEFAULT_PIECE_BYTES,
        n => n,
    };
    let mut units = Vec::with_capacity(files.len());
    for (file, source) in files.iter().enumerate() {
        let text = source.text.as_str();
        let enums = mentions_enums(text);
        let mut cuts = Vec::new();
        // Nesting is measured on each piece as it is lexed (see `lex`), on
        // the workers: cuts are between top-level items, so a piece nests as
        // deep as its items do in the whole file, and a piece too deep to
        // lex has its whole file read again in one piece.
        if text.len() > target {
            let mut start = 0;
            for at in item_boundaries(text) {
                if at - start >= target && at < text.len() {
                    cuts.push(at);
                    start = at;
                }
            }
        }
        let split = !cuts.is_empty();
        let mut start = 0;
        for end in cuts.into_iter().chain([text.len()]) {
            units.push(Unit {
                file,
                range: start..end,
                split,
                enums,
            });
            start = end;
        }
    }
    units
}

/// Units (as indexes) for each worker, balanced by size, each group in order.
fn split_units(units: &[Unit], workers: usize) -> Vec<Vec<usize>> {
    let len = |i: usize| units[i].range.len();
    let mut by_size: Vec<usize> = (0..units.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(len(i)));
    let mut groups: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); workers];
    for i in by_size {
        if let Some(lightest) = groups.iter_mut().min_by_key(|(bytes, _)| *bytes) {
            lightest.0 += len(i);
            lightest.1.push(i);
        }
    }
    groups
        .into_iter()
        .map(|(_, mut group)| {
            group.sort_unstable();
            group
        })
        .filter(|group| !group.is_empty())
        .collect()
}

/// Where a file may be cut so that its pieces, each lexed and parsed on its
/// own, read exactly as the whole file does: after a `;` or a `}` outside
/// every bracket, string, character literal and comment, when the next
/// token can only begin a new item (an outer attribute, an outer doc
/// comment, `pub`, `struct`, `enum` or `use`). Nothing, when the text does
/// not look like balanced Rust tokens (it is then read whole, and its error
/// reported as for any file).
fn item_boundaries(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = line_end(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let Some(end) = block_comment_end(b, i) else {
                    return Vec::new();
                };
                i = end;
                continue;
            }
            b'"' => {
                let Some(end) = string_end(b, i) else {
                    return Vec::new();
                };
                i = end;
                continue;
            }
            b'r' if starts_raw_string(b, i) => {
                let Some(end) = raw_string_end(b, i) else {
                    return Vec::new();
                };
                i = end;
                continue;
            }
            b'\'' => {
                i = after_quote(text, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Vec::new(),
            },
            b'}' => match depth.checked_sub(1) {
                Some(0) if starts_item(b, i + 1) => {
                    depth = 0;
                    out.push(i + 1);
                }
                Some(d) => depth = d,
                None => return Vec::new(),
            },
            b';' if depth == 0 && starts_item(b, i + 1) => out.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    if depth == 0 {
        out
    } else {
        Vec::new()
    }
}

/// The index of the newline ending the line comment at `i` (or the end).
fn line_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| i + p)
}

/// After the (nested) block comment starting at `i`; `None` if unterminated.
fn block_comment_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// After the string literal whose opening quote is at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// `r"…"`, `r#"…"#`, `br"…"`, `cr"…"` start at this `r` (not `r#ident`).
fn starts_raw_string(b: &[u8], i: usize) -> bool {
    let token_start = |at: usize| at == 0 || !is_ident_byte(b[at - 1]);
    let prefixed = i > 0 && matches!(b[i - 1], b'b' | b'c') && token_start(i - 1);
    if !(token_start(i) || prefixed) {
        return false;
    }
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    b.get(i + 1 + hashes) == Some(&b'"')
}

/// After the raw string starting at the `r` at `i`.
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    let mut j = i + 1 + hashes + 1;
    while j < b.len() {
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    None
}

/// After a character literal (`'x'`, `'\n'`, `'\u{…}'`) at `i`, else
/// after the quote of a lifetime.
fn after_quote(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    if b.get(i + 1) == Some(&b'\\') {
        // The escaped character, then the closing quote.
        return b
            .get(i + 3..)
            .and_then(|rest| rest.iter().position(|&c| c == b'\'' || c == b'\n'))
            .map_or(i + 1, |p| i + 3 + p + 1);
    }
    match text.get(i + 1..).and_then(|rest| rest.chars().next()) {
        Some(c) if b.get(i + 1 + c.len_utf8()) == Some(&b'\'') => i + 2 + c.len_utf8(),
        _ => i + 1,
    }
}

/// Whether the next token after `at` (past whitespace and plain comments)
/// can only begin an item.
fn starts_item(b: &[u8], mut at: usize) -> bool {
    loop {
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let rest = &b[at..];
        if rest.starts_with(b"///") {
            return !rest.starts_with(b"////");
        }
        if rest.starts_with(b"/**") && !rest.starts_with(b"/***") && !rest.starts_with(b"/**/") {
            return true;
        }
        if rest.starts_with(b"//!") || rest.starts_with(b"/*!") {
            return false;
        }
        if rest.starts_with(b"//") {
            at = line_end(b, at);
            continue;
        }
        if rest.starts_with(b"/*") {
            match block_comment_end(b, at) {
                Some(end) => {
                    at = end;
                    continue;
                }
                None => return false,
            }
        }
        break;
    }
    let rest = &b[at..];
    if let Some(after) = rest.strip_prefix(b"#") {
        let after = after.trim_ascii_start();
        return after.first() == Some(&b'[');
    }
    ["pub", "struct", "enum", "use"].iter().any(|kw| {
        rest.starts_with(kw.as_bytes()) && !rest.get(kw.len()).is_some_and(|&c| is_ident_byte(c))
    })
}

/// Every `PgEnum`, in source order, and its problems.
struct EnumsRead {
    infos: Vec<EnumInfo<Loc>>,
    table: EnumTable,
    problems: Vec<Problem<Loc>>,
    /// Files read whole after one of their pieces did not lex.
    whole: HashSet<usize>,
}

/// What the workers get back after the enum pass.
struct Exchange {
    table: EnumTable,
    /// Files that are read whole (by the worker holding their first piece).
    whole: HashSet<usize>,
}

/// Where a piece's results come from: the piece at this byte offset, or
/// the whole file (read again, because a piece of it could not be trusted),
/// which replaces every piece of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Extent {
    Whole,
    From(usize),
}

/// The enums of one piece, and their problems.
struct EnumPiece {
    file: usize,
    extent: Extent,
    infos: Vec<EnumInfo<Loc>>,
    problems: Vec<Problem<Loc>>,
    /// The names of the piece's domains and composite types.
    user_types: Vec<lower::user_type::UserTypeName>,
}

/// Keeps, for each file with a [`Extent::Whole`] result, only the first
/// such result, and puts the rest in source order.
fn in_source_order<T>(pieces: Vec<T>, key: impl Fn(&T) -> (usize, Extent)) -> Vec<T> {
    let whole: HashSet<usize> = pieces
        .iter()
        .map(&key)
        .filter(|(_, extent)| *extent == Extent::Whole)
        .map(|(file, _)| file)
        .collect();
    let mut seen = HashSet::new();
    let mut kept: Vec<T> = pieces
        .into_iter()
        .filter(|p| {
            let (file, extent) = key(p);
            !whole.contains(&file) || (extent == Extent::Whole && seen.insert(file))
        })
        .collect();
    kept.sort_by_key(|p| key(p));
    kept
}

/// Whether a file may declare a `PgEnum`, a domain or a composite type,
/// cheaply (its text mentions one).
fn mentions_enums(text: &str) -> bool {
    text.contains("PgEnum")
        || text.contains("pg_enum")
        || text.contains("Domain")
        || text.contains("domain")
        || text.contains("CompositeType")
        || text.contains("composite")
}

/// The enums among a file's tokens: only enum items are parsed.
fn read_enums(
    file: usize,
    tokens: TokenStream,
    cx: &mut Cx<Span>,
    infos: &mut Vec<EnumInfo<Span>>,
    problems: &mut Vec<Problem>,
    user_types: &mut Vec<lower::user_type::UserTypeName>,
) {
    enum_items(tokens, &mut |item| {
        let item = match syn::parse2::<Item>(item) {
            Ok(Item::Enum(item)) => item,
            Ok(Item::Struct(item)) => {
                user_types.extend(lower::user_type::type_name(&item));
                return;
            }
            _ => return,
        };
        if !grammar::is_pg_enum(&item.attrs) {
            return;
        }
        let (def, errors) = grammar::pg_enum(&item);
        problems.extend(errors.into_iter().map(|error| Problem { file, error }));
        infos.push(lower::lower_enum(cx, file, &def));
    });
}

/// Every enum of every file, in source order (whatever thread read what),
/// with duplicates reported.
fn register_enums(
    files: &[SourceFile],
    options: &ParseOptions,
    pieces: Vec<EnumPiece>,
) -> EnumsRead {
    let whole: HashSet<usize> = pieces
        .iter()
        .filter(|p| p.extent == Extent::Whole)
        .map(|p| p.file)
        .collect();
    let mut infos = Vec::new();
    let mut problems = Vec::new();
    let mut user_types = Vec::new();
    for piece in in_source_order(pieces, |p| (p.file, p.extent)) {
        infos.extend(piece.infos);
        problems.extend(piece.problems);
        user_types.extend(piece.user_types);
    }
    let no_names = HashSet::new();
    let mut cx = Cx::<Loc>::new(options, files, false, &no_names);
    let (infos, mut table) = lower::register_enums(&mut cx, infos);
    table.add_user_types(user_types);
    problems.extend(cx.problems);
    EnumsRead {
        infos,
        table,
        problems,
        whole,
    }
}

/// Calls `f` with the tokens of every item of `tokens` (and of inline
/// modules) that has `enum` or `struct` at its top level (structs for the
/// domains and composite types, whose names the tables need). An item ends after a `;` or a
/// `{ … }` at its level, as in [`skip_item`].
fn enum_items(tokens: TokenStream, f: &mut impl FnMut(TokenStream)) {
    let mut item: Vec<TokenTree> = Vec::new();
    let mut is_enum = false;
    let mut is_mod = false;
    for tt in tokens {
        match &tt {
            TokenTree::Ident(ident) if ident == "enum" || ident == "struct" => is_enum = true,
            TokenTree::Ident(ident) if ident == "mod" => is_mod = true,
            _ => {}
        }
        let end = match &tt {
            TokenTree::Punct(p) => p.as_char() == ';',
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            _ => false,
        };
        if end && is_mod && !is_enum {
            if let TokenTree::Group(g) = &tt {
                enum_items(g.stream(), f);
            }
        }
        item.push(tt);
        if end {
            if is_enum {
                f(without_inner_attributes(&item).iter().cloned().collect());
            }
            item.clear();
            is_enum = false;
            is_mod = false;
        }
    }
}

/// An item's tokens without the file's (or module's) inner attributes
/// (`#![…]`, `//!` comments) that precede it.
fn without_inner_attributes(mut tokens: &[TokenTree]) -> &[TokenTree] {
    while let [TokenTree::Punct(hash), TokenTree::Punct(bang), TokenTree::Group(group), rest @ ..] =
        tokens
    {
        if hash.as_char() != '#' || bang.as_char() != '!' || group.delimiter() != Delimiter::Bracket
        {
            break;
        }
        tokens = rest;
    }
    tokens
}

/// What a worker read and lowered of one piece (or of a whole file).
struct LoweredPiece {
    file: usize,
    extent: Extent,
    tables: Vec<TableBuild<Loc>>,
    sequences: Vec<SequenceBuild<Loc>>,
    extensions: Vec<ExtensionBuild<Loc>>,
    views: Vec<ViewBuild<Loc>>,
    functions: Vec<lower::FunctionBuild<Loc>>,
    namespaces: Vec<lower::NamespaceBuild<Loc>>,
    domains: Vec<lower::user_type::DomainBuild<Loc>>,
    composites: Vec<lower::user_type::CompositeBuild<Loc>>,
    problems: Vec<Problem<Loc>>,
    /// Unknown column types, by name: reported unless a file could not be
    /// read or an item of that name is broken (known once all are read).
    unknown_types: Vec<(String, Problem<Loc>)>,
    incomplete: bool,
    broken_names: Vec<String>,
}

/// A worker. First it reads the enums of its pieces (lexing only the
/// pieces of files that mention one, and keeping their tokens) and hands
/// them to `exchange` for the table of every file's enums; then it reads
/// its pieces and lowers each table as soon as it is read, so that only
/// lowered tables are kept. Every span is resolved here, on the thread that
/// lexed it, piece by piece.
fn work(
    files: &[SourceFile],
    units: &[Unit],
    mine: &[usize],
    options: &ParseOptions,
    exchange: impl FnOnce(Vec<EnumPiece>) -> Option<Arc<Exchange>>,
) -> Vec<LoweredPiece> {
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(options, files, false, &no_names);

    let mut lexed: Vec<Option<Result<TokenStream, Error>>> = Vec::with_capacity(mine.len());
    let mut enum_pieces = Vec::new();
    // Files this worker read whole for their enums: their pieces are not read.
    let mut read_whole: HashSet<usize> = HashSet::new();
    for &u in mine {
        let unit = &units[u];
        if !unit.enums || read_whole.contains(&unit.file) {
            lexed.push(None);
            continue;
        }
        let file_text = files[unit.file].text.as_str();
        let text = &file_text[unit.range.clone()];
        let mut tokens = lex(text);
        let mut extent = Extent::From(unit.range.start);
        let mut base = unit.range.start;
        let mut piece_text = text;
        if unit.split && tokens.is_err() {
            // Not trusted: the file is read whole, as it is on one thread.
            read_whole.insert(unit.file);
            tokens = lex(file_text);
            (extent, base, piece_text) = (Extent::Whole, 0, file_text);
        }
        let mut infos = Vec::new();
        let mut problems: Vec<Problem> = Vec::new();
        let mut user_types = Vec::new();
        if let Ok(tokens) = &tokens {
            if mentions_enums(piece_text) {
                cx.base = base;
                read_enums(
                    unit.file,
                    tokens.clone(),
                    &mut cx,
                    &mut infos,
                    &mut problems,
                    &mut user_types,
                );
            }
        }
        let mut locator = Locator::new(piece_text, base);
        let mut at = |_, span| locator.loc(span);
        enum_pieces.push(EnumPiece {
            file: unit.file,
            extent,
            infos: infos.into_iter().map(|e| e.located(&mut at)).collect(),
            problems: problems
                .into_iter()
                .chain(std::mem::take(&mut cx.problems))
                .map(|p| p.located(&mut at))
                .collect(),
            user_types,
        });
        lexed.push((extent != Extent::Whole).then_some(tokens));
    }
    let Some(exchange) = exchange(enum_pieces) else {
        return Vec::new();
    };
    let enums = &exchange.table;

    let mut pieces = Vec::new();
    let mut read_whole: HashSet<usize> = HashSet::new();
    for (&u, tokens) in mine.iter().zip(lexed) {
        let unit = &units[u];
        let file = unit.file;
        if read_whole.contains(&file) {
            continue;
        }
        let file_text = files[file].text.as_str();
        if exchange.whole.contains(&file) {
            // Read whole by the worker holding its first piece.
            if unit.range.start == 0 {
                read_whole.insert(file);
                let parsed = parse_tokens(lex(file_text));
                pieces.push(lower_piece(
                    &mut cx,
                    file,
                    Extent::Whole,
                    file_text,
                    0,
                    parsed,
                    enums,
                ));
            }
            continue;
        }
        let text = &file_text[unit.range.clone()];
        let tokens = tokens.unwrap_or_else(|| lex(text));
        let parsed = parse_tokens(tokens);
        if unit.split && !parsed.1.is_empty() {
            // A piece with a syntax error is not trusted (where syn stops
            // and recovers may depend on what follows): the whole file.
            read_whole.insert(file);
            drop(parsed);
            let parsed = parse_tokens(lex(file_text));
            pieces.push(lower_piece(
                &mut cx,
                file,
                Extent::Whole,
                file_text,
                0,
                parsed,
                enums,
            ));
            continue;
        }
        let extent = Extent::From(unit.range.start);
        pieces.push(lower_piece(
            &mut cx,
            file,
            extent,
            text,
            unit.range.start,
            parsed,
            enums,
        ));
    }
    pieces
}

/// Lowers the items of one piece (`text`, at byte `base` of its file) and
/// resolves every span of the result.
fn lower_piece(
    cx: &mut Cx<Span>,
    file: usize,
    extent: Extent,
    text: &str,
    base: usize,
    (items, errors, broken): (Vec<Item>, Vec<Error>, Broken),
    enums: &EnumTable,
) -> LoweredPiece {
    cx.base = base;
    cx.unknown_types = Some(Vec::new());
    let mut piece = LoweredPiece {
        file,
        extent,
        tables: Vec::new(),
        sequences: Vec::new(),
        extensions: Vec::new(),
        views: Vec::new(),
        functions: Vec::new(),
        namespaces: Vec::new(),
        domains: Vec::new(),
        composites: Vec::new(),
        problems: Vec::new(),
        unknown_types: Vec::new(),
        incomplete: false,
        broken_names: Vec::new(),
    };
    match broken {
        Broken::Items(names) => piece.broken_names = names,
        Broken::File => piece.incomplete = true,
    }
    let mut problems: Vec<Problem> = errors
        .into_iter()
        .map(|error| Problem { file, error })
        .collect();
    let mut tables: Vec<TableBuild<Span>> = Vec::new();
    let mut sequences: Vec<SequenceBuild<Span>> = Vec::new();
    let mut extensions: Vec<ExtensionBuild<Span>> = Vec::new();
    let mut views: Vec<ViewBuild<Span>> = Vec::new();
    let mut functions: Vec<lower::FunctionBuild<Span>> = Vec::new();
    let mut namespaces: Vec<lower::NamespaceBuild<Span>> = Vec::new();
    let mut domains = Vec::new();
    let mut composites = Vec::new();
    for item in items {
        let (def, errors) = collect(item);
        problems.extend(errors.into_iter().map(|error| Problem { file, error }));
        match def {
            Some(ItemDef::Table(def)) => tables.push(lower::lower_table(cx, file, &def, enums)),
            Some(ItemDef::Sequence(def)) => sequences.push(lower::lower_sequence(cx, file, &def)),
            Some(ItemDef::Extension(def)) => {
                extensions.push(lower::lower_extension(cx, file, &def))
            }
            Some(ItemDef::View(def)) => views.push(lower::view::lower_view(cx, file, &def, enums)),
            Some(ItemDef::Function(def)) => functions.push(lower::lower_function(cx, file, &def)),
            Some(ItemDef::Namespace(def)) => {
                namespaces.push(lower::lower_namespace(cx, file, &def))
            }
            Some(ItemDef::Domain(def)) => {
                domains.push(lower::user_type::lower_domain(cx, file, &def, enums))
            }
            Some(ItemDef::Composite(def)) => {
                composites.push(lower::user_type::lower_composite(cx, file, &def, enums))
            }
            None => {}
        }
    }
    let mut locator = Locator::new(text, base);
    let mut at = |_, span| locator.loc(span);
    piece.tables = tables.into_iter().map(|t| t.located(&mut at)).collect();
    piece.sequences = sequences.into_iter().map(|t| t.located(&mut at)).collect();
    piece.extensions = extensions.into_iter().map(|t| t.located(&mut at)).collect();
    piece.views = views.into_iter().map(|v| v.located(&mut at)).collect();
    piece.functions = functions.into_iter().map(|f| f.located(&mut at)).collect();
    piece.namespaces = namespaces.into_iter().map(|n| n.located(&mut at)).collect();
    piece.domains = domains.into_iter().map(|d| d.located(&mut at)).collect();
    piece.composites = composites.into_iter().map(|c| c.located(&mut at)).collect();
    piece.problems = problems
        .into_iter()
        .chain(std::mem::take(&mut cx.problems))
        .map(|p| p.located(&mut at))
        .collect();
    piece.unknown_types = cx
        .unknown_types
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|(name, p)| (name, p.located(&mut at)))
        .collect();
    piece
}

/// Ties the workers' pieces together (in source order, whatever worker read
/// what) and locates every diagnostic.
fn finish(
    files: &[SourceFile],
    options: &ParseOptions,
    enums: Vec<EnumInfo<Loc>>,
    mut problems: Vec<Problem<Loc>>,
    pieces: Vec<LoweredPiece>,
) -> Parsed {
    let mut tables = Vec::new();
    let mut objects = Objects::default();
    let mut views = Vec::new();
    let mut unknown_types = Vec::new();
    let mut incomplete = false;
    let mut broken_names: HashSet<String> = HashSet::new();
    for piece in in_source_order(pieces, |p| (p.file, p.extent)) {
        tables.extend(piece.tables);
        objects.sequences.extend(piece.sequences);
        objects.extensions.extend(piece.extensions);
        objects.functions.extend(piece.functions);
        objects.namespaces.extend(piece.namespaces);
        objects.domains.extend(piece.domains);
        objects.composites.extend(piece.composites);
        views.extend(piece.views);
        problems.extend(piece.problems);
        unknown_types.extend(piece.unknown_types);
        incomplete |= piece.incomplete;
        broken_names.extend(piece.broken_names);
    }
    if !incomplete {
        problems.extend(
            unknown_types
                .into_iter()
                .filter(|(name, _)| !broken_names.contains(name))
                .map(|(_, p)| p),
        );
    }
    objects.views = views;
    let mut cx = Cx::<Loc>::new(options, files, incomplete, &broken_names);
    let (schema, renames) = lower::link(&mut cx, enums, tables, objects);
    problems.extend(cx.problems);
    Parsed {
        schema,
        renames,
        diagnostics: diagnostics(files, problems),
    }
}

/// The per-item rules of one table struct, as `shale generate` reports
/// them for it (PostgreSQL dialect): what the derive macro adds to the
/// grammar's errors. Rules that need other items (column types naming
/// enums, references to other tables, names shared across tables) are
/// left to the CLI.
pub fn check_table(def: &grammar::TableDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    // `incomplete`: the other items are not visible here.
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    let table = lower::lower_table(&mut cx, 0, def, &EnumTable::default());
    lower::link(&mut cx, Vec::new(), vec![table], Objects::default());
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one sequence struct (type, options, `owned_by`
/// syntax, names), as [`check_table`] for tables. Whether the owning
/// column exists needs the other items and is left to the CLI.
pub fn check_sequence(def: &grammar::SequenceDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    let sequence = lower::lower_sequence(&mut cx, 0, def);
    lower::link(
        &mut cx,
        Vec::new(),
        Vec::new(),
        Objects {
            sequences: vec![sequence],
            ..Objects::default()
        },
    );
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one extension struct, as [`check_table`] for tables.
pub fn check_extension(def: &grammar::ExtensionDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::lower_extension(&mut cx, 0, def);
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one view struct (query given once, options that
/// fit the kind of view, columns and indexes), as [`check_table`] for
/// tables. `sql_file` is not read here: a derive sees no schema directory.
pub fn check_view(def: &grammar::ViewDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    let view = lower::view::lower_view(&mut cx, 0, def, &EnumTable::default());
    let objects = Objects {
        views: vec![view],
        ..Objects::default()
    };
    lower::link(&mut cx, Vec::new(), Vec::new(), objects);
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one function struct (body given once, result
/// and options that fit a function or a procedure, arguments), as
/// [`check_table`] for tables. `sql_file` is not read here.
pub fn check_function(def: &grammar::FunctionDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::lower_function(&mut cx, 0, def);
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one namespace struct (name, grants), as
/// [`check_table`] for tables.
pub fn check_namespace(def: &grammar::NamespaceDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::lower_namespace(&mut cx, 0, def);
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one domain struct (base type, checks, names), as
/// [`check_table`] for tables. Whether a base type names another item is
/// left to the CLI.
pub fn check_domain(def: &grammar::DomainDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::user_type::lower_domain(&mut cx, 0, def, &EnumTable::default());
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// The per-item rules of one composite-type struct (attribute types and
/// names), as [`check_table`] for tables.
pub fn check_composite_type(def: &grammar::CompositeDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::user_type::lower_composite(&mut cx, 0, def, &EnumTable::default());
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// What [`collect`] hands to lowering.
enum ItemDef {
    Table(grammar::TableDef),
    Sequence(grammar::SequenceDef),
    Extension(grammar::ExtensionDef),
    View(grammar::ViewDef),
    Function(grammar::FunctionDef),
    Namespace(grammar::NamespaceDef),
    Domain(grammar::DomainDef),
    Composite(grammar::CompositeDef),
}

/// The per-item rules of one `PgEnum` (values, names, renames), as
/// [`check_table`] for tables.
pub fn check_enum(def: &grammar::EnumDef) -> Vec<Error> {
    let options = ParseOptions::default();
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(&options, &[], true, &no_names);
    lower::lower_enum(&mut cx, 0, def);
    cx.problems.into_iter().map(|p| p.error).collect()
}

/// Hands a table struct to the grammar: its definition and the grammar's
/// errors, or only errors (a misplaced derive). `PgEnum`s are read by
/// [`read_enums`].
fn collect(item: Item) -> (Option<ItemDef>, Vec<Error>) {
    match item {
        Item::Struct(s) if grammar::is_table(&s.attrs) => {
            let (def, errors) = grammar::table(s);
            (Some(ItemDef::Table(def)), errors)
        }
        Item::Struct(s) if grammar::is_sequence(&s.attrs) => {
            let (def, errors) = grammar::sequence(&s);
            (Some(ItemDef::Sequence(def)), errors)
        }
        Item::Struct(s) if grammar::is_extension(&s.attrs) => {
            let (def, errors) = grammar::extension(&s);
            (Some(ItemDef::Extension(def)), errors)
        }
        Item::Struct(s) if grammar::is_view(&s.attrs) => {
            let (def, errors) = grammar::view(s);
            (Some(ItemDef::View(def)), errors)
        }
        Item::Struct(s) if grammar::is_function(&s.attrs) => {
            let (def, errors) = grammar::function(&s);
            (Some(ItemDef::Function(def)), errors)
        }
        Item::Struct(s) if grammar::is_namespace(&s.attrs) => {
            let (def, errors) = grammar::namespace(&s);
            (Some(ItemDef::Namespace(def)), errors)
        }
        Item::Struct(s) if grammar::is_domain(&s.attrs) => {
            let (def, errors) = grammar::domain(&s);
            (Some(ItemDef::Domain(def)), errors)
        }
        Item::Struct(s) if grammar::is_composite_type(&s.attrs) => {
            let (def, errors) = grammar::composite_type(&s);
            (Some(ItemDef::Composite(def)), errors)
        }
        Item::Struct(s) => match grammar::derives(&s.attrs, "PgEnum") {
            Some(span) => (
                None,
                vec![lower::misplaced_derive(span, "PgEnum", "a struct")],
            ),
            None => (None, Vec::new()),
        },
        Item::Enum(e) if !grammar::is_pg_enum(&e.attrs) => {
            match grammar::derives(&e.attrs, "Table") {
                Some(span) => (
                    None,
                    vec![lower::misplaced_derive(span, "Table", "an enum")],
                ),
                None => (None, Vec::new()),
            }
        }
        _ => (None, Vec::new()),
    }
}

/// Resolves the spans of one piece to byte ranges in its file, on the
/// thread that lexed the piece, through proc-macro2's line and column (a
/// binary search) and the piece's line starts: [`Span::byte_range`] counts
/// characters from the last place it resolved, which is slow over a large
/// file. A span without a place (line 0) resolves to the file's start,
/// wherever the piece is.
struct Locator<'a> {
    text: &'a str,
    base: usize,
    lines: Option<Lines>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Locator {
            text,
            base,
            lines: None,
        }
    }

    fn loc(&mut self, span: Span) -> Loc {
        let (start, end) = (span.start(), span.end());
        if start.line == 0 {
            return Loc { start: 0, end: 0 };
        }
        let text = self.text;
        let lines = self.lines.get_or_insert_with(|| Lines::new(text));
        let start = lines.offset(text, start.line, start.column);
        Loc {
            start: self.base + start,
            end: self.base + lines.offset(text, end.line, end.column).max(start),
        }
    }
}

/// Deeper nesting than this is refused before syn sees it: no schema needs
/// it, and it bounds syn's recursion.
const MAX_NESTING: usize = 256;

/// What a file's syntax errors hide from lowering.
enum Broken {
    /// Only these items (their Rust names and table names) could not be read.
    Items(Vec<String>),
    /// Nothing of the file could be read.
    File,
}

/// A file's tokens, or why none of it can be read (unbalanced delimiters,
/// an unterminated literal, nesting too deep for syn).
fn lex(text: &str) -> Result<TokenStream, Error> {
    let tokens = TokenStream::from_str(text).map_err(|e| {
        Error::new(e.span(), "cannot read this file as Rust tokens")
            .label("unbalanced delimiter or unterminated literal")
            .help(
                "every `(`, `[`, `{` needs its closing partner, and every string its closing quote",
            )
    })?;
    let deep = if nesting_upper_bound(text) + 2 < MAX_NESTING {
        None
    } else {
        too_deep(&tokens)
    };
    match deep {
        Some(span) => Err(Error::new(span, format!("nesting deeper than {MAX_NESTING} levels"))
            .label("too deeply nested")
            .help("a schema file never needs this much nesting; check for a runaway `(`, `[`, `{` or `<`")),
        None => Ok(tokens),
    }
}

/// Reads a lexed file's items, recovering after a broken item so that the
/// rest of the file is still read. Inline `mod m { … }` blocks are flattened.
fn parse_tokens(tokens: Result<TokenStream, Error>) -> (Vec<Item>, Vec<Error>, Broken) {
    let tokens = match tokens {
        Ok(tokens) => tokens,
        Err(error) => return (Vec::new(), vec![error], Broken::File),
    };
    let mut out = ItemsOut::default();
    let parser = |input: ParseStream| parse_items(input, &mut out);
    if let Err(e) = parser.parse2(tokens) {
        out.errors.push(e);
    }
    let errors = out.errors.into_iter().flat_map(Error::from_syn).collect();
    (out.items, errors, Broken::Items(out.broken_names))
}

#[derive(Default)]
struct ItemsOut {
    items: Vec<Item>,
    errors: Vec<syn::Error>,
    broken_names: Vec<String>,
}

/// An upper bound of the nesting [`too_deep`] measures, from the raw text
/// in one cheap pass: strings, character literals and comments are skipped,
/// and anything that might open a level is counted. Doc comments become
/// `#[doc]` groups when lexed, hence the caller's slack of two levels.
fn nesting_upper_bound(text: &str) -> usize {
    let b = text.as_bytes();
    let mut angles: Vec<usize> = vec![0];
    let mut max = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'r' if matches!(b.get(i + 1), Some(b'#' | b'"'))
                && (i == 0 || !is_ident_byte(b[i - 1]) || b[i - 1] == b'b') =>
            {
                // Raw string r#"…"#: skip to the quote followed by as many hashes.
                let mut j = i + 1;
                while b.get(j) == Some(&b'#') {
                    j += 1;
                }
                if b.get(j) == Some(&b'"') {
                    let hashes = j - i - 1;
                    j += 1;
                    while j < b.len()
                        && !(b[j] == b'"'
                            && b[j + 1..]
                                .iter()
                                .take(hashes)
                                .filter(|&&c| c == b'#')
                                .count()
                                == hashes)
                    {
                        j += 1;
                    }
                    i = j + 1 + hashes;
                    continue;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' => {
                // A character literal ('x', '\n', '\u{…}'), else a lifetime.
                let rest = &text[i + 1..];
                let len = if let Some(escaped) = rest.strip_prefix('\\') {
                    escaped.find('\'').map(|p| p + 1)
                } else {
                    rest.chars()
                        .next()
                        .filter(|_| {
                            rest[rest.chars().next().map_or(0, char::len_utf8)..].starts_with('\'')
                        })
                        .map(char::len_utf8)
                };
                if let Some(len) = len {
                    i += len + 1;
                }
            }
            b'(' | b'[' | b'{' => angles.push(0),
            b')' | b']' | b'}' => {
                angles.truncate(angles.len().saturating_sub(1).max(1));
            }
            b'<' => *angles.last_mut().unwrap_or(&mut 0) += 1,
            b'>' if i == 0 || !matches!(b[i - 1], b'-' | b'=') => {
                if let Some(a) = angles.last_mut() {
                    *a = a.saturating_sub(1);
                }
            }
            _ => {}
        }
        max = max.max(angles.len() + angles.last().copied().unwrap_or(0));
        i += 1;
    }
    max
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The span of a token beyond [`MAX_NESTING`] levels of groups or of `<`
/// inside one group, if any. Iterative, so it is safe on any input.
fn too_deep(tokens: &TokenStream) -> Option<Span> {
    let mut stack: Vec<proc_macro2::token_stream::IntoIter> = vec![tokens.clone().into_iter()];
    let mut angles: Vec<usize> = vec![0];
    while let Some(top) = stack.last_mut() {
        let Some(tt) = top.next() else {
            stack.pop();
            angles.pop();
            continue;
        };
        match tt {
            TokenTree::Group(g) => {
                if stack.len() + angles.last().copied().unwrap_or(0) >= MAX_NESTING {
                    return Some(g.span_open());
                }
                stack.push(g.stream().into_iter());
                angles.push(0);
            }
            TokenTree::Punct(p) => {
                let depth = angles.last_mut()?;
                match p.as_char() {
                    '<' => *depth += 1,
                    '>' => *depth = depth.saturating_sub(1),
                    _ => {}
                }
                if stack.len() + *depth >= MAX_NESTING {
                    return Some(p.span());
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_items(input: ParseStream, out: &mut ItemsOut) -> syn::Result<()> {
    let fork = input.fork();
    if fork.call(Attribute::parse_inner).is_ok() {
        input.advance_to(&fork);
    }
    while !input.is_empty() {
        if inline_module(input, out)? {
            continue;
        }
        if let Some(item) = quick::item_struct(input) {
            out.items.push(Item::Struct(item));
            continue;
        }
        let fork = input.fork();
        match fork.parse::<Item>() {
            Ok(item) => {
                input.advance_to(&fork);
                out.items.push(item);
            }
            Err(e) => {
                out.errors.push(e);
                skip_item(input, &mut out.broken_names)?;
            }
        }
    }
    Ok(())
}

/// `[attrs] [vis] mod name { … }`: reads the body with the same recovery.
fn inline_module(input: ParseStream, out: &mut ItemsOut) -> syn::Result<bool> {
    if !looks_like_inline_module(input.cursor()) {
        return Ok(false);
    }
    let fork = input.fork();
    fork.call(Attribute::parse_outer)?;
    fork.parse::<Visibility>()?;
    fork.parse::<Token![mod]>()?;
    fork.parse::<Ident>()?;
    let content;
    syn::braced!(content in fork);
    parse_items(&content, out)?;
    input.advance_to(&fork);
    Ok(true)
}

/// `#[…]… [pub[(…)]] mod name { … }`, checked on the cursor without
/// parsing (and allocating) the attributes.
fn looks_like_inline_module(mut cursor: syn::buffer::Cursor) -> bool {
    loop {
        if let Some((p, next)) = cursor.punct() {
            if p.as_char() == '#' {
                if let Some((_, _, after)) = next.group(Delimiter::Bracket) {
                    cursor = after;
                    continue;
                }
            }
            return false;
        }
        break;
    }
    if let Some((ident, next)) = cursor.ident() {
        if ident == "pub" {
            cursor = next
                .group(Delimiter::Parenthesis)
                .map_or(next, |(_, _, after)| after);
        }
    }
    let Some((keyword, next)) = cursor.ident() else {
        return false;
    };
    keyword == "mod"
        && next
            .ident()
            .is_some_and(|(_, after)| after.group(Delimiter::Brace).is_some())
}

/// Skips the rest of a broken item: up to and including the next `;` or
/// `{ … }` block at this level (at least one token, so parsing progresses).
///
/// Records the names the item may have declared (the identifier after
/// `struct`/`enum`, its snake_case table name, and `#[table(name = "…")]`),
/// so that lowering does not report uses of them as unknown.
fn skip_item(input: ParseStream, broken_names: &mut Vec<String>) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut after_keyword = false;
        while let Some((tt, next)) = rest.token_tree() {
            rest = next;
            match &tt {
                TokenTree::Ident(ident) if after_keyword => {
                    let name = ident.to_string();
                    broken_names.push(heck::ToSnakeCase::to_snake_case(name.as_str()));
                    broken_names.push(name);
                }
                TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => {
                    table_names(g.stream(), broken_names)
                }
                _ => {}
            }
            after_keyword = matches!(&tt, TokenTree::Ident(i) if i == "struct" || i == "enum");
            match &tt {
                TokenTree::Punct(p) if p.as_char() == ';' => break,
                TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => break,
                _ => {}
            }
        }
        Ok(((), rest))
    })
}

/// The string after `name =` in `table(…)` inside an attribute's tokens.
fn table_names(attr: TokenStream, out: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = attr.into_iter().collect();
    for pair in tokens.windows(2) {
        let [TokenTree::Ident(ident), TokenTree::Group(args)] = pair else {
            continue;
        };
        if ident != "table" {
            continue;
        }
        let args: Vec<TokenTree> = args.stream().into_iter().collect();
        for triple in args.windows(3) {
            if let [TokenTree::Ident(key), TokenTree::Punct(eq), TokenTree::Literal(lit)] = triple {
                if key == "name" && eq.as_char() == '=' {
                    if let Ok(s) =
                        syn::parse2::<syn::LitStr>(TokenTree::Literal(lit.clone()).into())
                    {
                        out.push(s.value());
                    }
                }
            }
        }
    }
}

/// Line starts of a text, for turning byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The byte offset of a 1-based line and 0-based column in characters
    /// (clamped to the text).
    pub(crate) fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let rest = &text.as_bytes()[start.min(text.len())..];
        if rest.len() >= column && rest[..column].is_ascii() {
            return start + column;
        }
        text[start..]
            .char_indices()
            .nth(column)
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// 1-based line and 1-based column in characters of a byte offset.
    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Located, sorted, de-duplicated diagnostics.
fn diagnostics(files: &[SourceFile], problems: Vec<Problem<Loc>>) -> Vec<Diagnostic> {
    let mut lines: Vec<Option<Lines>> = vec![None; files.len()];
    let mut out: Vec<Diagnostic> = problems
        .into_iter()
        .filter(|p| p.file < files.len())
        .map(|p| {
            let text = &files[p.file].text;
            let mut range = p.error.span.range();
            if let Some(end) = p.error.end {
                range.end = range.end.max(end.range().end);
            }
            let mut start = floor_char_boundary(text, range.start);
            let mut end = floor_char_boundary(text, range.end.max(start));
            if start == 0 && end == 0 && p.error.message.contains("end of input") {
                // syn reports a missing token at the end of a file with no
                // location; point at the end instead of the first character.
                start = text.trim_end().len();
                end = start;
            }
            let (line, column) = lines[p.file]
                .get_or_insert_with(|| Lines::new(text))
                .line_column(text, start);
            Diagnostic {
                file: p.file,
                span: start..end,
                line,
                column,
                message: p.error.message,
                label: p.error.label,
                help: p.error.help,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.file, a.span.start, a.span.end, &a.message).cmp(&(
            b.file,
            b.span.start,
            b.span.end,
            &b.message,
        ))
    });
    out.dedup();
    out
}

/// Reads every `.rs` file below `path` (or `path` itself when it is a file),
/// sorted by path, for [`parse_sources`].
///
/// Paths are shown as given (`schema` gives `schema/users.rs`). Symbolic
/// links to directories are not followed, so a link cycle cannot loop.
pub fn load_sources(path: &Path) -> std::io::Result<Vec<SourceFile>> {
    let with_path = |p: &Path, e: std::io::Error| {
        std::io::Error::new(e.kind(), format!("{}: {e}", p.display()))
    };
    let metadata = std::fs::metadata(path).map_err(|e| with_path(path, e))?;
    let mut paths = Vec::new();
    if metadata.is_dir() {
        collect_rs_files(path, &mut paths).map_err(|(p, e)| with_path(&p, e))?;
    } else {
        paths.push(path.to_path_buf());
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| with_path(&p, e))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: file is not valid UTF-8", p.display()),
                )
            })?;
            Ok(SourceFile { path: p, text })
        })
        .collect()
}

fn collect_rs_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), (PathBuf, std::io::Error)> {
    let entries = std::fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| (dir.to_path_buf(), e))?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| (path.clone(), e))?;
        if file_type.is_dir() {
            collect_rs_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs")
            && (file_type.is_file() || path.is_file())
        {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The enum reader finds enums after inner attributes and doc comments,
    /// inside inline modules, and not in other items.
    #[test]
    fn enum_items_are_found_wherever_they_sit() {
        let text = r#"//! File docs.
#![allow(dead_code)]
use shale::PgEnum;
/// An enum.
#[derive(PgEnum)]
pub enum A { X }
struct S { enum_like: i32 }
fn f() { enum Local { Y } }
pub mod m {
    //! Module docs.
    #[derive(PgEnum)]
    enum B { Z }
}
"#;
        let mut names = Vec::new();
        enum_items(TokenStream::from_str(text).unwrap(), &mut |item| {
            names.push(match syn::parse2::<Item>(item) {
                Ok(Item::Enum(e)) => e.ident.to_string(),
                Ok(Item::Struct(s)) => format!("struct {}", s.ident),
                other => panic!("not an enum or struct: {other:?}"),
            })
        });
        // Structs too: domains and composite types are read with the enums.
        assert_eq!(names, ["A", "struct S", "B"]);
    }
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    fn parse(text: &str, threads: usize, piece_bytes: usize) -> Parsed {
        let files = [SourceFile {
            path: "schema.rs".into(),
            text: text.to_string(),
        }];
        parse_sources(
            &files,
            &ParseOptions {
                threads,
                piece_bytes,
                ..ParseOptions::default()
            },
        )
    }

    const TABLE: &str =
        "/// A table.\n#[derive(Table)]\npub struct Ok1 { #[column(primary_key)] pub id: i64 }\n";

    /// Cut points fall after items, never inside strings, character
    /// literals, comments or brackets, and never before something that is
    /// not the start of an item.
    #[test]
    fn boundaries_fall_between_items_only() {
        let text = concat!(
            "//! Docs.\n#![allow(x)]\n",
            "use a::{b, c};\n",                              // `}` then `;`
            "pub struct A { s: [u8; 2] }\n",                 // `;` in brackets
            "/// \"} pub struct\"\nstruct B;\n",             // doc comment
            "const C: &str = \"}; pub struct X;\";\n",       // string
            "const D: char = '}'; const E: char = '\\'';\n", // chars, no item start
            "fn f<'a>() { let s = r#\"}\"#; }\n",            // lifetime, raw string
            "/* } pub struct Y; */ enum F { A }\n",          // block comment
            "const G: S = S { a: 1 }\n;\n",                  // `}` continued
            "#[derive(Table)] pub struct H;\n",
        );
        let cuts = item_boundaries(text);
        let after = |s: &str| text.find(s).unwrap() + s.len();
        assert_eq!(
            cuts,
            vec![
                after("use a::{b, c};"),
                after("pub struct A { s: [u8; 2] }"),
                // Not before `const` (not in the list of item starts).
                after("fn f<'a>() { let s = r#\"}\"#; }"),
                after("const G: S = S { a: 1 }\n;"),
            ]
        );
        // Unbalanced or unterminated text is never cut.
        assert!(item_boundaries("struct A {}\npub struct B { \"x }\n").is_empty());
        assert!(item_boundaries("struct A {}\n}\npub struct B;\n").is_empty());
        assert!(item_boundaries("struct A {}\npub struct B; /* x\n").is_empty());
    }

    /// A file is cut into several pieces when large, and kept whole when
    /// small or when it might nest too deeply.
    #[test]
    fn large_files_are_cut() {
        let text = TABLE.repeat(50);
        let files = [SourceFile {
            path: "a.rs".into(),
            text: text.clone(),
        }];
        let cut = |piece_bytes| {
            units(
                &files,
                &ParseOptions {
                    piece_bytes,
                    ..ParseOptions::default()
                },
            )
        };
        assert_eq!(cut(1).len(), 50);
        assert!(cut(1).iter().all(|u| u.split));
        assert_eq!(cut(TABLE.len() * 10).len(), 5);
        let whole = cut(0);
        assert_eq!(whole.len(), 1);
        assert!(!whole[0].split);
        // Nesting is not measured here but as each piece is lexed: a file
        // with an item nested too deep is cut like any other.
        let deep = format!(
            "{text}const X: i32 = {}1{};\n",
            "(".repeat(300),
            ")".repeat(300)
        );
        let files = [SourceFile {
            path: "a.rs".into(),
            text: deep,
        }];
        assert_eq!(
            units(
                &files,
                &ParseOptions {
                    piece_bytes: 1,
                    ..ParseOptions::default()
                }
            )
            .len(),
            50 // the last piece ends with the `const` (not a cut point)
        );
    }

    /// Broken pieces are read with their whole file: what syn reports and
    /// where it recovers, lex errors, and nesting errors are the same as
    /// when the file is read whole, on any number of threads.
    #[test]
    fn broken_files_read_the_same_in_pieces() {
        let cases = [
            format!("{TABLE}const X: i32 = {{ 1 }}\npub struct A;\n{TABLE}"),
            format!("{TABLE}pub struct A {{ x: }}\n{TABLE}#[derive(Table)] pub struct B {{ y: Strin }}\n"),
            format!("{TABLE}#[derive(Table)]\npub struct U {{ id: Ok1 }}\npub struct A {{ x: i32 }} = 3;\n{TABLE}"),
            format!("{TABLE}pub struct A {{ x: \"unterminated }}\n{TABLE}"),
            format!("{TABLE}pub struct A {{ x: i32 }}\n{TABLE}pub struct B {{ x: € }}\n{TABLE}"),
            format!("#[derive(PgEnum)] pub enum E {{ A }}\n{TABLE}pub struct B {{ x: € }}\n{TABLE}"),
            format!("#[derive(PgEnum)] pub enum E {{ A }}\n{TABLE}pub struct B {{ x: i32 }}\n#[derive(Table)] pub struct C {{ #[column(primary_key)] id: i64, e: E, f: F }}\n"),
            format!("{TABLE}struct S; /// dangling doc\n"),
            format!("{TABLE}pub struct A;\n//! inner doc in the middle\npub struct B;\n{TABLE}"),
            format!("{TABLE}{TABLE}"),
        ];
        for text in &cases {
            let reference = parse(text, 1, usize::MAX);
            for (threads, piece_bytes) in [(1, 1), (2, 1), (4, 1), (2, 40)] {
                let parsed = parse(text, threads, piece_bytes);
                assert_eq!(parsed.diagnostics, reference.diagnostics, "{text}");
                assert_eq!(parsed.schema, reference.schema, "{text}");
            }
        }
    }
}
