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
/// The enums are read first (only files that mention `PgEnum` or `pg_enum`,
/// and in them only enum items), since any table's column types may name
/// one; then the files are read and their tables lowered one by one. Both
/// passes run on worker threads (see [`ParseOptions::threads`]), each over
/// its share of the files; then the tables are tied together. The result
/// does not depend on the number of threads.
pub fn parse_sources(files: &[SourceFile], options: &ParseOptions) -> Parsed {
    let groups = split_files(files, worker_count(files, options));
    let threaded = std::thread::scope(|scope| {
        let (part_tx, part_rx) = mpsc::channel::<EnumPart>();
        let mut workers = Vec::with_capacity(groups.len());
        for group in &groups {
            let (table_tx, table_rx) = mpsc::channel::<Arc<EnumTable>>();
            let part_tx = part_tx.clone();
            let worker = spawn_parser(scope, move || {
                work(files, group, options, move |part| {
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
        let enums = register_enums(files, options, part_rx.iter().collect());
        let table = Arc::new(enums.table);
        for (_, table_tx) in &workers {
            // A worker that is gone has panicked; `join` says so below.
            let _ = table_tx.send(Arc::clone(&table));
        }
        let parts: Vec<LoweredPart> = workers
            .into_iter()
            .map(|(worker, _)| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        Some(finish(files, options, enums.infos, enums.problems, parts))
    });
    threaded.unwrap_or_else(|| {
        let all: Vec<usize> = (0..files.len()).collect();
        let mut read = None;
        let part = work(files, &all, options, |part| {
            let enums = register_enums(files, options, vec![part]);
            read = Some((enums.infos, enums.problems));
            Some(Arc::new(enums.table))
        });
        match read {
            Some((infos, problems)) => finish(files, options, infos, problems, vec![part]),
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

fn worker_count(files: &[SourceFile], options: &ParseOptions) -> usize {
    let wanted = if options.threads > 0 {
        options.threads
    } else {
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        cores.min(8).min(1 + bytes / BYTES_PER_EXTRA_WORKER)
    };
    wanted.clamp(1, files.len().max(1))
}

/// Files (as indexes) for each worker, balanced by size, each group in file order.
fn split_files(files: &[SourceFile], workers: usize) -> Vec<Vec<usize>> {
    let mut by_size: Vec<usize> = (0..files.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(files[i].text.len()));
    let mut groups: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); workers];
    for i in by_size {
        if let Some(lightest) = groups.iter_mut().min_by_key(|(bytes, _)| *bytes) {
            lightest.0 += files[i].text.len();
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

/// Every `PgEnum`, in source order, and its problems.
struct EnumsRead {
    infos: Vec<EnumInfo<Loc>>,
    table: EnumTable,
    problems: Vec<Problem<Loc>>,
}

/// The enums of some files, and their problems.
struct EnumPart {
    infos: Vec<EnumInfo<Loc>>,
    problems: Vec<Problem<Loc>>,
}

/// Whether a file may declare a `PgEnum`, cheaply (its text mentions one).
fn mentions_enums(text: &str) -> bool {
    text.contains("PgEnum") || text.contains("pg_enum")
}

/// The enums among a file's tokens: only enum items are parsed.
fn read_enums(
    file: usize,
    tokens: TokenStream,
    cx: &mut Cx<Span>,
    infos: &mut Vec<EnumInfo<Span>>,
    problems: &mut Vec<Problem>,
) {
    enum_items(tokens, &mut |item| {
        let Ok(item) = syn::parse2::<syn::ItemEnum>(item) else {
            return;
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
fn register_enums(files: &[SourceFile], options: &ParseOptions, parts: Vec<EnumPart>) -> EnumsRead {
    let mut infos = Vec::new();
    let mut problems = Vec::new();
    for part in parts {
        infos.extend(part.infos);
        problems.extend(part.problems);
    }
    // Stable: each worker gives its files' enums in order.
    infos.sort_by_key(|e: &EnumInfo<Loc>| e.file);
    let no_names = HashSet::new();
    let mut cx = Cx::<Loc>::new(options, files, false, &no_names);
    let (infos, table) = lower::register_enums(&mut cx, infos);
    problems.extend(cx.problems);
    EnumsRead {
        infos,
        table,
        problems,
    }
}

/// Calls `f` with the tokens of every item of `tokens` (and of inline
/// modules) that has `enum` at its top level. An item ends after a `;` or a
/// `{ … }` at its level, as in [`skip_item`].
fn enum_items(tokens: TokenStream, f: &mut impl FnMut(TokenStream)) {
    let mut item: Vec<TokenTree> = Vec::new();
    let mut is_enum = false;
    let mut is_mod = false;
    for tt in tokens {
        match &tt {
            TokenTree::Ident(ident) if ident == "enum" => is_enum = true,
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

/// What a worker read and lowered.
#[derive(Default)]
struct LoweredPart {
    tables: Vec<TableBuild<Loc>>,
    sequences: Vec<SequenceBuild<Loc>>,
    extensions: Vec<ExtensionBuild<Loc>>,
    views: Vec<ViewBuild<Loc>>,
    problems: Vec<Problem<Loc>>,
    /// Unknown column types, by name: reported unless a file could not be
    /// read or an item of that name is broken (known once all are read).
    unknown_types: Vec<(String, Problem<Loc>)>,
    incomplete: bool,
    broken_names: Vec<String>,
}

/// A worker. First it reads the enums of its files (lexing only the files
/// that mention one, and keeping their tokens) and hands them to `exchange`
/// for the table of every file's enums; then it reads its files and lowers
/// each table as soon as it is read, so that only lowered tables are kept.
/// Every span is resolved here, on the thread that lexed it.
fn work(
    files: &[SourceFile],
    mine: &[usize],
    options: &ParseOptions,
    exchange: impl FnOnce(EnumPart) -> Option<Arc<EnumTable>>,
) -> LoweredPart {
    let mut locator = Locator::new(files);
    let mut at = |file, span| locator.loc(file, span);
    let no_names = HashSet::new();
    let mut cx = Cx::<Span>::new(options, files, false, &no_names);

    let mut lexed: Vec<Option<Result<TokenStream, Error>>> = Vec::with_capacity(mine.len());
    let mut enums = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for &file in mine {
        let text = &files[file].text;
        if !mentions_enums(text) {
            lexed.push(None);
            continue;
        }
        let tokens = lex(text);
        if let Ok(tokens) = &tokens {
            read_enums(file, tokens.clone(), &mut cx, &mut enums, &mut problems);
        }
        lexed.push(Some(tokens));
    }
    let part = EnumPart {
        infos: enums.into_iter().map(|e| e.located(&mut at)).collect(),
        problems: problems
            .drain(..)
            .chain(std::mem::take(&mut cx.problems))
            .map(|p| p.located(&mut at))
            .collect(),
    };
    let Some(enums) = exchange(part) else {
        return LoweredPart::default();
    };

    let mut part = LoweredPart::default();
    cx.unknown_types = Some(Vec::new());
    let mut tables: Vec<TableBuild<Span>> = Vec::new();
    let mut sequences: Vec<SequenceBuild<Span>> = Vec::new();
    let mut extensions: Vec<ExtensionBuild<Span>> = Vec::new();
    let mut views: Vec<ViewBuild<Span>> = Vec::new();
    for (&file, tokens) in mine.iter().zip(lexed) {
        let tokens = tokens.unwrap_or_else(|| lex(&files[file].text));
        let (items, errors, broken) = parse_tokens(tokens);
        match broken {
            Broken::Items(names) => part.broken_names.extend(names),
            Broken::File => part.incomplete = true,
        }
        problems.extend(errors.into_iter().map(|error| Problem { file, error }));
        for item in items {
            let (def, errors) = collect(item);
            problems.extend(errors.into_iter().map(|error| Problem { file, error }));
            match def {
                Some(ItemDef::Table(def)) => {
                    tables.push(lower::lower_table(&mut cx, file, &def, &enums))
                }
                Some(ItemDef::Sequence(def)) => {
                    sequences.push(lower::lower_sequence(&mut cx, file, &def))
                }
                Some(ItemDef::Extension(def)) => {
                    extensions.push(lower::lower_extension(&mut cx, file, &def))
                }
                Some(ItemDef::View(def)) => {
                    views.push(lower::view::lower_view(&mut cx, file, &def, &enums))
                }
                None => {}
            }
        }
    }
    part.tables = tables.into_iter().map(|t| t.located(&mut at)).collect();
    part.sequences = sequences.into_iter().map(|t| t.located(&mut at)).collect();
    part.extensions = extensions.into_iter().map(|t| t.located(&mut at)).collect();
    part.views = views.into_iter().map(|v| v.located(&mut at)).collect();
    part.problems = problems
        .into_iter()
        .chain(std::mem::take(&mut cx.problems))
        .map(|p| p.located(&mut at))
        .collect();
    part.unknown_types = cx
        .unknown_types
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|(name, p)| (name, p.located(&mut at)))
        .collect();
    part
}

/// Ties the workers' tables together (in source order, whatever worker read
/// what) and locates every diagnostic.
fn finish(
    files: &[SourceFile],
    options: &ParseOptions,
    enums: Vec<EnumInfo<Loc>>,
    mut problems: Vec<Problem<Loc>>,
    parts: Vec<LoweredPart>,
) -> Parsed {
    let mut tables = Vec::new();
    let mut objects = Objects::default();
    let mut views = Vec::new();
    let mut unknown_types = Vec::new();
    let mut incomplete = false;
    let mut broken_names: HashSet<String> = HashSet::new();
    for part in parts {
        tables.extend(part.tables);
        objects.sequences.extend(part.sequences);
        objects.extensions.extend(part.extensions);
        views.extend(part.views);
        problems.extend(part.problems);
        unknown_types.extend(part.unknown_types);
        incomplete |= part.incomplete;
        broken_names.extend(part.broken_names);
    }
    if !incomplete {
        problems.extend(
            unknown_types
                .into_iter()
                .filter(|(name, _)| !broken_names.contains(name))
                .map(|(_, p)| p),
        );
    }
    tables.sort_by_key(|t| t.file);
    objects.sequences.sort_by_key(|s| s.file);
    objects.extensions.sort_by_key(|e| e.file);
    views.sort_by_key(|v: &ViewBuild<Loc>| v.file);
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

/// What [`collect`] hands to lowering.
enum ItemDef {
    Table(grammar::TableDef),
    Sequence(grammar::SequenceDef),
    Extension(grammar::ExtensionDef),
    View(grammar::ViewDef),
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

/// Resolves spans to byte ranges on the thread that lexed them, through
/// proc-macro2's line and column (a binary search) and the file's line
/// starts: [`Span::byte_range`] counts characters from the last place it
/// resolved, which is slow over a large file.
struct Locator<'a> {
    files: &'a [SourceFile],
    lines: Vec<Option<Lines>>,
}

impl<'a> Locator<'a> {
    fn new(files: &'a [SourceFile]) -> Self {
        Locator {
            files,
            lines: vec![None; files.len()],
        }
    }

    fn loc(&mut self, file: usize, span: Span) -> Loc {
        let Some(source) = self.files.get(file) else {
            return Loc { start: 0, end: 0 };
        };
        let text = source.text.as_str();
        let lines = self.lines[file].get_or_insert_with(|| Lines::new(text));
        let (start, end) = (span.start(), span.end());
        let start = lines.offset(text, start.line, start.column);
        Loc {
            start,
            end: lines.offset(text, end.line, end.column).max(start),
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
            names.push(syn::parse2::<syn::ItemEnum>(item).map(|e| e.ident.to_string()))
        });
        let names: Vec<String> = names.into_iter().map(|n| n.unwrap()).collect();
        assert_eq!(names, ["A", "B"]);
    }
}
