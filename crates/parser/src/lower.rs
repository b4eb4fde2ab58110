//! Lowering: the typed attributes of table structs and `PgEnum`s, together
//! with the Rust field types, become one [`shale_model::Schema`].
//!
//! It runs in two phases so that files can be parsed in parallel:
//!
//! - **per item** ([`lower_enum`], [`lower_table`]), on the thread that
//!   lexed the item's file, with [`Span`]s: every rule one item can tell
//!   (names, columns, keys, identity and defaults, column lists) given the
//!   table of all enums ([`EnumTable`], which has no spans);
//! - **across items** ([`link`]), generic over where errors point ([`Site`]):
//!   duplicate enums and tables, references, and constraint and index names.
//!
//! The derive macros run both phases on a single item
//! ([`crate::check_table`]), so a per-item mistake is the same error in
//! `cargo build` and in `shale generate`.
//!
//! Name resolution uses hash maps throughout, so lowering is linear in the
//! size of the schema.

mod extension;
mod function;
mod grant;
mod partition;
mod policy;
mod sequence;
pub(crate) mod user_type;
pub(crate) mod view;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub(crate) use extension::{lower_extension, ExtensionBuild};
pub(crate) use function::{lower_function, FunctionBuild};
pub(crate) use grant::{lower_namespace, NamespaceBuild};
pub(crate) use sequence::{lower_sequence, SequenceBuild};

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::naming::{self, MAX_IDENTIFIER_BYTES};
use shale_model::{
    BaseType, CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, RenameHints,
    Schema, SortOrder, Table, UniqueConstraint, DEFAULT_INDEX_METHOD, DEFAULT_NAMESPACE,
};

use crate::grammar::{
    did_you_mean, suggestion_or_list, DeferrableAttr, EnumDef, Error, FieldDef, IdentityAttr,
    KeyNulls, KeyOrder, Spanned, TableDef,
};
use crate::rust_types::{self, EnumLookup, TypeError};
use crate::{Dialect, Lines, ParseOptions, SourceFile};

/// An error located in one file.
pub(crate) struct Problem<S = Span> {
    pub file: usize,
    pub error: Error<S>,
}

impl Problem {
    /// The problem with its span resolved to a byte range by `at` (see
    /// [`crate::Locator`]).
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> Problem<Loc> {
        let file = self.file;
        Problem {
            file,
            error: self.error.map_span(|span| at(file, span)),
        }
    }
}

/// A byte range in one file: a [`Span`] resolved on the thread that lexed
/// the file, so that it can cross threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub start: usize,
    pub end: usize,
}

/// Where an error points: a [`Span`] or a [`Loc`].
pub(crate) trait Site: Copy {
    /// The byte range in the file (empty inside a proc macro).
    fn range(self) -> Range<usize>;
    /// Where it starts in its file, for a site in a piece of the file that
    /// starts at byte `base` (a [`Span`] counts from its piece's start).
    fn start_in_file(self, base: usize) -> usize;
    /// The 1-based line, when known without the file's text (inside a proc macro).
    fn line_hint(self) -> Option<usize>;
}

impl Site for Span {
    fn range(self) -> Range<usize> {
        self.byte_range()
    }
    fn start_in_file(self, base: usize) -> usize {
        base + self.byte_range().start
    }
    fn line_hint(self) -> Option<usize> {
        Some(self.start().line).filter(|&line| line > 0)
    }
}

impl Site for Loc {
    fn range(self) -> Range<usize> {
        self.start..self.end
    }
    fn start_in_file(self, _base: usize) -> usize {
        self.start
    }
    fn line_hint(self) -> Option<usize> {
        None
    }
}

/// What lowering needs besides the items.
pub(crate) struct Cx<'a, S> {
    pub options: &'a ParseOptions,
    /// The files, for messages that quote another place; empty in a derive.
    pub files: &'a [SourceFile],
    pub lines: Vec<Option<Lines>>,
    pub problems: Vec<Problem<S>>,
    /// Some file could not be read at all (or, in a derive, the other items
    /// are not visible): references to missing tables or types may point
    /// there, so those are not reported.
    pub incomplete: bool,
    /// Names declared by items with syntax errors (Rust names and table
    /// names): uses of them are not reported as unknown.
    pub broken_names: &'a HashSet<String>,
    /// When set, unknown column types are kept here with the type's name
    /// instead of reported: whether another file hides the name (a syntax
    /// error) is known only once every file is read.
    pub unknown_types: Option<Vec<(String, Problem<S>)>>,
    /// The byte offset in its file of the piece being lowered, where its
    /// [`Span`]s count from (0 for [`Loc`]s, which count from the file's start).
    pub base: usize,
}

impl<'a, S: Site> Cx<'a, S> {
    pub(crate) fn new(
        options: &'a ParseOptions,
        files: &'a [SourceFile],
        incomplete: bool,
        broken_names: &'a HashSet<String>,
    ) -> Self {
        Cx {
            options,
            files,
            lines: vec![None; files.len()],
            problems: Vec::new(),
            incomplete,
            broken_names,
            unknown_types: None,
            base: 0,
        }
    }

    fn err(&mut self, file: usize, error: Error<S>) {
        self.problems.push(Problem { file, error });
    }

    /// Where another item is, for a message about `from_file`: `line N` in
    /// the same file, `path:line:column` in another.
    fn location(&mut self, file: usize, site: S, from_file: usize) -> String {
        let Some(source) = self.files.get(file) else {
            return match site.line_hint() {
                Some(line) => format!("line {line}"),
                None => "an earlier place".to_string(),
            };
        };
        let lines = self.lines[file].get_or_insert_with(|| Lines::new(&source.text));
        let (line, column) = lines.line_column(&source.text, site.start_in_file(self.base));
        if file == from_file {
            format!("line {line}")
        } else {
            format!("{}:{line}:{column}", source.path.display())
        }
    }

    fn postgres_only(&mut self, file: usize, span: S, what: &str) {
        if self.options.dialect == Dialect::Sqlite {
            self.err(
                file,
                Error::new(span, format!("{what} is PostgreSQL-only"))
                    .label("not supported by SQLite")
                    .help("remove it, or set `dialect = \"postgresql\"` in shale.toml"),
            );
        }
    }

    /// Checks a name given in the source: not empty, at most 63 bytes.
    fn check_identifier(&mut self, file: usize, name: &str, span: S, what: &str) -> bool {
        if name.trim().is_empty() {
            self.err(
                file,
                Error::new(span, format!("empty {what} name")).label("expected a name"),
            );
            return false;
        }
        self.check_length(file, name, span, what)
    }

    fn check_length(&mut self, file: usize, name: &str, span: S, what: &str) -> bool {
        if name.len() > MAX_IDENTIFIER_BYTES {
            self.err(
                file,
                Error::new(
                    span,
                    format!("{what} name `{name}` is longer than {MAX_IDENTIFIER_BYTES} bytes"),
                )
                .label("too long")
                .help("PostgreSQL truncates longer names; choose a shorter one"),
            );
            return false;
        }
        true
    }
}

/// A name given in the source that must be a valid identifier.
fn check_name(cx: &mut Cx<Span>, file: usize, name: &Spanned<String>, what: &str) -> bool {
    cx.check_identifier(file, &name.value, name.span, what)
}

/// Ties the items together: duplicate tables are reported and dropped,
/// foreign keys resolved, constraint and index names chosen, and the schema
/// and rename hints assembled. `enums` come from [`register_enums`];
/// `tables` are in source order (file, then position).
pub(crate) fn link<S: Site>(
    cx: &mut Cx<S>,
    enums: Vec<EnumInfo<S>>,
    tables: Vec<TableBuild<S>>,
    objects: Objects<S>,
) -> (Schema, RenameHints) {
    let mut renames = RenameHints::default();
    let mut kept: Vec<TableBuild<S>> = Vec::with_capacity(tables.len());
    let mut by_name: HashMap<QualifiedName, usize> = HashMap::with_capacity(tables.len());
    let enum_names: HashMap<&QualifiedName, &EnumInfo<S>> =
        enums.iter().map(|e| (&e.model.name, e)).collect();
    for t in tables {
        let qname = &t.table.name;
        if let Some(&first) = by_name.get(qname) {
            let first = (kept[first].file, kept[first].span);
            duplicate(cx, "table", qname, first, (t.file, t.span));
            continue;
        }
        if let Some(e) = enum_names.get(qname) {
            let at = cx.location(e.file, e.span, t.file);
            cx.err(
                t.file,
                Error::new(t.span, format!("table `{qname}` has the same name as an enum"))
                    .label("name already used by a type")
                    .help(format!(
                        "PostgreSQL creates a row type for each table; rename the table or the enum (defined at {at})"
                    )),
            );
        }
        by_name.insert(qname.clone(), kept.len());
        kept.push(t);
    }
    drop(enum_names);
    let mut tables = kept;
    let table_sites: HashMap<QualifiedName, (usize, S)> = tables
        .iter()
        .map(|t| (t.table.name.clone(), (t.file, t.span)))
        .collect();
    let views = view::check_view_names(cx, objects.views, &table_sites);
    drop(table_sites);
    partition::check_partition_names(cx, &tables);
    resolve_foreign_keys(cx, &mut tables);
    assign_names(cx, &mut tables);
    let (sequences, sequence_renames) = sequence::link_sequences(cx, objects.sequences, &tables);
    let extensions = extension::link_extensions(cx, objects.extensions);

    let mut schema = Schema {
        namespace_settings: grant::link_namespaces(cx, objects.namespaces),
        ..Schema::default()
    };
    let mut namespaces: HashSet<String> = HashSet::new();
    for s in &sequences {
        namespaces.insert(s.name.namespace.clone());
    }
    for e in &extensions {
        namespaces.insert(e.namespace().to_string());
    }
    schema.sequences = sequences;
    schema.extensions = extensions;
    renames.sequences = sequence_renames;
    let enum_sites: HashMap<QualifiedName, (usize, S)> = enums
        .iter()
        .map(|e| (e.model.name.clone(), (e.file, e.span)))
        .collect();
    let (domains, composites) =
        user_type::link_user_types(cx, objects.domains, objects.composites, &enum_sites);
    drop(enum_sites);
    for d in domains {
        namespaces.insert(d.domain.name.namespace.clone());
        renames.user_types.extend(d.rename);
        schema.domains.push(d.domain);
    }
    for c in composites {
        namespaces.insert(c.composite.name.namespace.clone());
        renames.user_types.extend(c.rename);
        renames.attributes.extend(c.attribute_renames);
        schema.composite_types.push(c.composite);
    }
    for e in enums {
        namespaces.insert(e.model.name.namespace.clone());
        renames.enums.extend(e.rename);
        renames.enum_values.extend(e.value_renames);
        schema.enums.push(e.model);
    }
    let trigger_sites: Vec<(usize, Vec<S>, &Table)> = tables
        .iter()
        .filter(|t| !t.table.triggers.is_empty())
        .map(|t| (t.file, t.trigger_functions.clone(), &t.table))
        .collect();
    let declared = Schema {
        namespaces: namespaces
            .iter()
            .cloned()
            .chain(tables.iter().map(|t| t.table.name.namespace.clone()))
            .chain(views.iter().map(|v| v.view.name.namespace.clone()))
            .collect(),
        ..Schema::default()
    };
    let functions = function::link_functions(cx, objects.functions, &trigger_sites, &declared);
    drop(trigger_sites);
    for f in &functions {
        namespaces.insert(f.name.namespace.clone());
    }
    schema.functions = functions;
    for t in tables {
        namespaces.insert(t.table.name.namespace.clone());
        renames.tables.extend(t.rename);
        renames.columns.extend(t.column_renames);
        schema.tables.push(t.table);
    }
    for v in views {
        namespaces.insert(v.view.name.namespace.clone());
        renames.views.extend(v.rename);
        schema.views.push(v.view);
    }
    schema.namespaces = namespaces
        .into_iter()
        .filter(|n| n != DEFAULT_NAMESPACE)
        .collect();
    schema.normalize();

    renames.tables.sort();
    renames.columns.sort();
    renames.enums.sort();
    renames.enum_values.sort();
    renames.sequences.sort();
    renames.views.sort();
    renames.user_types.sort();
    renames.attributes.sort();
    (schema, renames)
}

/// The sequences and extensions of a schema, lowered per item.
pub(crate) struct Objects<S> {
    pub sequences: Vec<SequenceBuild<S>>,
    pub extensions: Vec<ExtensionBuild<S>>,
    pub views: Vec<view::ViewBuild<S>>,
    pub functions: Vec<FunctionBuild<S>>,
    pub namespaces: Vec<NamespaceBuild<S>>,
    pub domains: Vec<user_type::DomainBuild<S>>,
    pub composites: Vec<user_type::CompositeBuild<S>>,
}

impl<S> Default for Objects<S> {
    fn default() -> Self {
        Objects {
            sequences: Vec::new(),
            extensions: Vec::new(),
            views: Vec::new(),
            functions: Vec::new(),
            namespaces: Vec::new(),
            domains: Vec::new(),
            composites: Vec::new(),
        }
    }
}

/// The error for a second table or enum (`what`) named `qname`, at
/// `second`; `first` is the (file, place) of the first.
fn duplicate<S: Site>(
    cx: &mut Cx<S>,
    what: &str,
    qname: &QualifiedName,
    first: (usize, S),
    second: (usize, S),
) {
    let at = cx.location(first.0, first.1, second.0);
    let attribute = match what {
        "enum" => "pg_enum",
        "composite type" => "composite",
        _ => what,
    };
    cx.err(
        second.0,
        Error::new(second.1, format!("duplicate {what} `{qname}`"))
            .label("second definition")
            .help(format!(
                "`{qname}` is first defined at {at}; rename one with `#[{attribute}(name = \"…\")]`"
            )),
    );
}

/// `deferrable` of a primary key or unique constraint; PostgreSQL-only
/// (SQLite defers only foreign keys).
fn deferrable_of(
    cx: &mut Cx<Span>,
    file: usize,
    attr: &Option<Spanned<DeferrableAttr>>,
) -> Deferrable {
    match attr {
        None => Deferrable::No,
        Some(d) => {
            cx.postgres_only(file, d.span, "`deferrable` on a key");
            match d.value {
                DeferrableAttr::InitiallyImmediate => Deferrable::InitiallyImmediate,
                DeferrableAttr::InitiallyDeferred => Deferrable::InitiallyDeferred,
            }
        }
    }
}

/// `comment = "…"` of a key, check, foreign key, exclusion constraint or
/// index: PostgreSQL-only (SQLite keeps no comments), and never empty
/// (PostgreSQL stores an empty comment as no comment at all).
pub(crate) fn comment_of(
    cx: &mut Cx<Span>,
    file: usize,
    attr: &Option<Spanned<String>>,
) -> Option<String> {
    let c = attr.as_ref()?;
    cx.postgres_only(file, c.key_span, "`comment`");
    if c.value.trim().is_empty() {
        cx.err(
            file,
            Error::new(c.span, "empty comment")
                .label("PostgreSQL stores an empty comment as none")
                .help("write the comment, or remove `comment`"),
        );
        return None;
    }
    Some(c.value.clone())
}

// ---------------------------------------------------------------------------
// Enums

/// One lowered `PgEnum`.
pub(crate) struct EnumInfo<S> {
    pub model: Enum,
    pub file: usize,
    /// The Rust identifier, for field types that name the enum.
    pub ident: String,
    /// The enum's name (`#[pg_enum(name)]`, else its identifier), where
    /// duplicate-name errors point.
    pub span: S,
    rename: Option<(QualifiedName, QualifiedName)>,
    value_renames: Vec<(QualifiedName, String, String)>,
}

impl EnumInfo<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> EnumInfo<Loc> {
        EnumInfo {
            span: at(self.file, self.span),
            model: self.model,
            file: self.file,
            ident: self.ident,
            rename: self.rename,
            value_renames: self.value_renames,
        }
    }
}

/// Every enum by Rust identifier and by name, and every domain and
/// composite type by Rust identifier and by name (only their names are read
/// before the tables): what column types need.
#[derive(Default)]
pub(crate) struct EnumTable {
    list: Vec<(QualifiedName, Vec<String>)>,
    by_ident: HashMap<String, Vec<usize>>,
    by_name: HashMap<QualifiedName, usize>,
    user_by_ident: HashMap<String, Vec<QualifiedName>>,
    user_kinds: HashMap<QualifiedName, user_type::UserKind>,
}

impl EnumTable {
    fn lookup(&self, ident: &str) -> EnumLookup {
        let users = self.user_by_ident.get(ident).map_or(&[][..], Vec::as_slice);
        match (self.by_ident.get(ident).map(Vec::as_slice), users) {
            (None | Some([]), []) => EnumLookup::None,
            (Some([one]), []) => EnumLookup::One(self.list[*one].0.clone()),
            (None | Some([]), [one]) => EnumLookup::UserType(one.clone()),
            _ => EnumLookup::Ambiguous,
        }
    }

    /// Adds the names of the domains and composite types.
    pub(crate) fn add_user_types(&mut self, types: Vec<user_type::UserTypeName>) {
        for t in types {
            if self.user_kinds.contains_key(&t.name) {
                continue;
            }
            self.user_kinds.insert(t.name.clone(), t.kind);
            self.user_by_ident.entry(t.ident).or_default().push(t.name);
        }
    }

    /// The domain or composite type an `sql_type` spelling names.
    fn user_by_spelling(&self, spelling: &str) -> Option<QualifiedName> {
        let (namespace, name) = match spelling.split_once('.') {
            Some((ns, name)) => (ns.trim(), name.trim()),
            None => (DEFAULT_NAMESPACE, spelling.trim()),
        };
        let q = QualifiedName::new(namespace, name);
        self.user_kinds.contains_key(&q).then_some(q)
    }

    /// Whether this name is a domain or a composite type, and which.
    fn user_kind(&self, name: &QualifiedName) -> Option<user_type::UserKind> {
        self.user_kinds.get(name).copied()
    }

    /// The enum an `sql_type` spelling names (`role`, `auth.role`, `public.role`).
    fn by_spelling(&self, spelling: &str) -> Option<QualifiedName> {
        let (namespace, name) = match spelling.split_once('.') {
            Some((ns, name)) => (ns.trim(), name.trim()),
            None => (DEFAULT_NAMESPACE, spelling.trim()),
        };
        let q = QualifiedName::new(namespace, name);
        self.by_name.contains_key(&q).then_some(q)
    }

    fn values(&self, name: &QualifiedName) -> Option<&[String]> {
        self.by_name.get(name).map(|&i| self.list[i].1.as_slice())
    }
}

/// Reports and drops duplicate enums; the rest, and their [`EnumTable`].
pub(crate) fn register_enums<S: Site>(
    cx: &mut Cx<S>,
    enums: Vec<EnumInfo<S>>,
) -> (Vec<EnumInfo<S>>, EnumTable) {
    let mut table = EnumTable::default();
    let mut kept: Vec<EnumInfo<S>> = Vec::with_capacity(enums.len());
    for e in enums {
        let qname = &e.model.name;
        if let Some(&first) = table.by_name.get(qname) {
            let first = (kept[first].file, kept[first].span);
            duplicate(cx, "enum", qname, first, (e.file, e.span));
            continue;
        }
        let index = kept.len();
        table.by_name.insert(qname.clone(), index);
        table
            .by_ident
            .entry(e.ident.clone())
            .or_default()
            .push(index);
        table.list.push((qname.clone(), e.model.values.clone()));
        kept.push(e);
    }
    (kept, table)
}

fn namespace_of(cx: &mut Cx<Span>, file: usize, schema: &Option<Spanned<String>>) -> String {
    match schema {
        Some(s) => {
            cx.postgres_only(file, s.key_span.join(s.span).unwrap_or(s.span), "`schema`");
            if check_name(cx, file, s, "schema") {
                s.value.clone()
            } else {
                DEFAULT_NAMESPACE.to_string()
            }
        }
        None => DEFAULT_NAMESPACE.to_string(),
    }
}

/// `schema.old` or `old` (same namespace as `next`).
fn previous_name(
    cx: &mut Cx<Span>,
    file: usize,
    renamed_from: &Spanned<String>,
    next: &QualifiedName,
) -> Option<QualifiedName> {
    let parts: Vec<&str> = renamed_from.value.split('.').map(str::trim).collect();
    let previous = match parts.as_slice() {
        [name] if !name.is_empty() => QualifiedName::new(next.namespace.clone(), *name),
        [ns, name] if !ns.is_empty() && !name.is_empty() => QualifiedName::new(*ns, *name),
        _ => {
            cx.err(
                file,
                Error::new(
                    renamed_from.span,
                    format!("cannot read `renamed_from = \"{}\"`", renamed_from.value),
                )
                .label("expected `name` or `schema.name`"),
            );
            return None;
        }
    };
    if &previous == next {
        cx.err(
            file,
            Error::new(
                renamed_from.span,
                format!("`renamed_from` names the current name `{next}`"),
            )
            .label("same as the current name")
            .help("remove `renamed_from`, or set it to the previous name"),
        );
        return None;
    }
    Some(previous)
}

/// Lowers one `PgEnum`: its name, values and renames.
pub(crate) fn lower_enum(cx: &mut Cx<Span>, file: usize, def: &EnumDef) -> EnumInfo<Span> {
    let namespace = namespace_of(cx, file, &def.schema);
    let name = match &def.name {
        Some(n) if check_name(cx, file, n, "enum") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let qname = QualifiedName::new(namespace, name);
    let mut value_renames = Vec::new();
    let mut values: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for variant in &def.variants {
        let (value, span) = match &variant.rename {
            Some(r) => (r.value.clone(), r.span),
            None => (
                variant.ident.to_string().to_snake_case(),
                variant.ident.span(),
            ),
        };
        if value.is_empty() {
            cx.err(
                file,
                Error::new(span, "empty enum value").label("expected a label"),
            );
            continue;
        }
        cx.check_length(file, &value, span, "enum value");
        if !seen.insert(value.clone()) {
            cx.err(
                file,
                Error::new(span, format!("duplicate value `{value}` in enum `{qname}`"))
                    .label("second use of this value")
                    .help("rename one of the variants with `#[pg_enum(rename = \"…\")]`"),
            );
            continue;
        }
        if let Some(previous) = &variant.renamed_from {
            if previous.value == value || previous.value.is_empty() {
                cx.err(
                    file,
                    Error::new(
                        previous.span,
                        format!("`renamed_from` names the current value `{value}`"),
                    )
                    .label("same as the current value"),
                );
            } else {
                value_renames.push((qname.clone(), previous.value.clone(), value.clone()));
            }
        }
        values.push(value);
    }
    if def.variants.is_empty() {
        cx.err(
            file,
            Error::new(def.ident.span(), format!("enum `{qname}` has no values"))
                .label("empty enum")
                .help("add at least one variant"),
        );
    }
    let rename = def
        .renamed_from
        .as_ref()
        .and_then(|previous| previous_name(cx, file, previous, &qname))
        .map(|previous| (previous, qname.clone()));
    EnumInfo {
        model: Enum {
            name: qname,
            values,
            comment: def.doc.clone(),
        },
        file,
        ident: def.ident.to_string(),
        span: def.name.as_ref().map_or(def.ident.span(), |n| n.span),
        rename,
        value_renames,
    }
}

// ---------------------------------------------------------------------------
// Tables

/// A constraint or index whose name is still to be chosen.
pub(crate) struct NameRequest<S> {
    explicit: Option<(String, S)>,
    target: NameTarget,
    name2: Option<String>,
    label: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameTarget {
    PrimaryKey,
    Unique(usize),
    Check(usize),
    ForeignKey(usize),
    Index(usize),
    Exclusion(usize),
}

impl NameTarget {
    /// Whether the name lives in the namespace's relation names (PostgreSQL
    /// creates an index for it), as opposed to only the table's constraints.
    fn is_relation(self) -> bool {
        matches!(
            self,
            NameTarget::PrimaryKey
                | NameTarget::Unique(_)
                | NameTarget::Index(_)
                | NameTarget::Exclusion(_)
        )
    }

    /// Whether the name is a constraint name of the table.
    fn is_constraint(self) -> bool {
        !matches!(self, NameTarget::Index(_))
    }

    fn noun(self) -> &'static str {
        match self {
            NameTarget::PrimaryKey => "primary key",
            NameTarget::Unique(_) => "unique constraint",
            NameTarget::Check(_) => "check constraint",
            NameTarget::ForeignKey(_) => "foreign key",
            NameTarget::Index(_) => "index",
            NameTarget::Exclusion(_) => "exclusion constraint",
        }
    }
}

/// The target of a foreign key, resolved once every table is known.
pub(crate) struct PendingForeignKey<S> {
    index: usize,
    /// The `references` string.
    span: S,
    schema: Option<String>,
    table: String,
    columns: Vec<String>,
    columns_span: S,
}

/// One lowered table, before names and references are settled.
pub(crate) struct TableBuild<S> {
    pub file: usize,
    /// The table's name (`#[table(name)]`, else the struct's identifier).
    pub span: S,
    pub table: Table,
    /// SQL column name → column index.
    columns: HashMap<String, usize>,
    names: Vec<NameRequest<S>>,
    pending_fks: Vec<PendingForeignKey<S>>,
    rename: Option<(QualifiedName, QualifiedName)>,
    column_renames: Vec<(QualifiedName, String, String)>,
    /// Where each trigger (in `table.triggers` order) names its function.
    trigger_functions: Vec<S>,
    /// Where each partition (in `table.partitions` order) is named.
    partition_names: Vec<S>,
}

impl TableBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> TableBuild<Loc> {
        let file = self.file;
        let mut at = |span| at(file, span);
        TableBuild {
            file,
            span: at(self.span),
            table: self.table,
            columns: self.columns,
            names: self
                .names
                .into_iter()
                .map(|n| NameRequest {
                    explicit: n.explicit.map(|(name, span)| (name, at(span))),
                    target: n.target,
                    name2: n.name2,
                    label: n.label,
                })
                .collect(),
            pending_fks: self
                .pending_fks
                .into_iter()
                .map(|p| PendingForeignKey {
                    index: p.index,
                    span: at(p.span),
                    schema: p.schema,
                    table: p.table,
                    columns: p.columns,
                    columns_span: at(p.columns_span),
                })
                .collect(),
            rename: self.rename,
            column_renames: self.column_renames,
            trigger_functions: self.trigger_functions.into_iter().map(&mut at).collect(),
            partition_names: self.partition_names.into_iter().map(at).collect(),
        }
    }
}

/// A column and what its field said beyond the column itself.
struct FieldColumn<'a> {
    field: &'a FieldDef,
    index: usize,
}

/// Lowers one table struct: every rule the struct alone can tell.
pub(crate) fn lower_table(
    cx: &mut Cx<Span>,
    file: usize,
    def: &TableDef,
    enums: &EnumTable,
) -> TableBuild<Span> {
    let namespace = namespace_of(cx, file, &def.attrs.schema);
    let name = match &def.attrs.name {
        Some(n) if check_name(cx, file, n, "table") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let qname = QualifiedName::new(namespace, name);
    cx.check_length(file, &qname.name, def.ident.span(), "table");
    let span = def.attrs.name.as_ref().map_or(def.ident.span(), |n| n.span);
    let rename = def
        .attrs
        .renamed_from
        .as_ref()
        .and_then(|previous| previous_name(cx, file, previous, &qname))
        .map(|previous| (previous, qname.clone()));
    let mut b = TableBuild {
        file,
        span,
        table: Table::new(qname.clone()),
        columns: HashMap::new(),
        names: Vec::new(),
        pending_fks: Vec::new(),
        rename,
        column_renames: Vec::new(),
        trigger_functions: Vec::new(),
        partition_names: Vec::new(),
    };
    b.table.comment = def.doc.clone();
    // Rust identifier → column index, so that attribute lists may name a
    // column by field or by SQL name.
    let mut by_ident: HashMap<String, usize> = HashMap::new();
    let mut skipped: HashSet<String> = HashSet::new();
    let mut lowered: Vec<FieldColumn> = Vec::new();

    for field in &def.fields {
        let ident = unraw(&field.ident);
        let a = &field.attrs;
        if a.skip.is_some() {
            skipped.insert(ident);
            continue;
        }
        let name = match &a.name {
            Some(n) if check_name(cx, file, n, "column") => n.value.clone(),
            _ => ident.clone(),
        };
        let name_span = a.name.as_ref().map_or(field.ident.span(), |n| n.span);
        cx.check_length(file, &name, name_span, "column");
        if let Some(&first) = b.columns.get(&name) {
            let first_field = lowered
                .iter()
                .find(|l| l.index == first)
                .map(|l| l.field.ident.to_string())
                .unwrap_or_default();
            cx.err(
                file,
                Error::new(name_span, format!("duplicate column `{name}` in table `{qname}`"))
                    .label("second column with this name")
                    .help(format!("field `{first_field}` already maps to `{name}`; rename one with `#[column(name = \"…\")]`")),
            );
            continue;
        }
        let column = lower_column(cx, file, field, &name, enums);
        let index = b.table.columns.len();
        b.columns.insert(name.clone(), index);
        by_ident.insert(ident, index);
        b.table.columns.push(column);
        lowered.push(FieldColumn { field, index });
        if let Some(previous) = &a.renamed_from {
            if previous.value.is_empty() || previous.value == name {
                cx.err(
                    file,
                    Error::new(
                        previous.span,
                        format!("`renamed_from` names the current column name `{name}`"),
                    )
                    .label("same as the current name")
                    .help("remove `renamed_from`, or set it to the previous name"),
                );
            } else {
                b.column_renames
                    .push((qname.clone(), previous.value.clone(), name));
            }
        }
    }

    let scope = ColumnScope {
        file,
        table: qname.clone(),
        // Borrowed back into `b` at the end; no copy per table.
        by_sql: std::mem::take(&mut b.columns),
        by_ident,
        skipped,
        names: b.table.columns.iter().map(|c| c.name.clone()).collect(),
    };
    let resolve = |cx: &mut Cx<Span>, column: &Spanned<String>| scope.resolve(cx, column);
    let resolve_all =
        |cx: &mut Cx<Span>, columns: &[Spanned<String>]| scope.resolve_all(cx, columns);
    let names_of = |indexes: &[usize]| scope.names_of(indexes);

    // Primary key: table-level attributes come first in the source, then fields.
    let mut pk_spans: Vec<Span> = Vec::new();
    let mut pk: Option<(
        Vec<usize>,
        Option<Spanned<String>>,
        Deferrable,
        Option<String>,
    )> = None;
    for attr in &def.attrs.primary_keys {
        pk_spans.push(attr.span);
        if pk_spans.len() > 1 {
            continue;
        }
        if let Some(columns) = resolve_all(cx, &attr.columns) {
            for (&i, c) in columns.iter().zip(&attr.columns) {
                if b.table.columns[i].nullable {
                    cx.err(
                        file,
                        Error::new(c.span, format!("primary key column `{}` is nullable", b.table.columns[i].name))
                            .label("`Option<…>` column in the primary key")
                            .help("primary key columns are NOT NULL; remove the `Option<…>` from the field's type"),
                    );
                }
            }
            let deferrable = deferrable_of(cx, file, &attr.deferrable);
            let comment = comment_of(cx, file, &attr.comment);
            pk = Some((columns, attr.name.clone(), deferrable, comment));
        }
    }
    for l in &lowered {
        if let Some(span) = l.field.attrs.primary_key {
            pk_spans.push(span);
            if pk_spans.len() == 1 {
                pk = Some((vec![l.index], None, Deferrable::No, None));
            }
        }
    }
    for span in pk_spans.iter().skip(1) {
        cx.err(
            file,
            Error::new(*span, format!("table `{qname}` has two primary keys"))
                .label("second primary key")
                .help("a table has one primary key; for a composite key write `#[primary_key(columns(a, b))]` on the struct"),
        );
    }
    if let Some((columns, name, deferrable, comment)) = pk {
        b.table.primary_key = Some(PrimaryKey {
            comment,
            deferrable,
            name: String::new(),
            columns: names_of(&columns),
        });
        b.names.push(NameRequest {
            explicit: name.map(|n| (n.value, n.span)),
            target: NameTarget::PrimaryKey,
            name2: None,
            label: "pkey",
        });
    }

    // Column-level constraints, in field order.
    for l in &lowered {
        let a = &l.field.attrs;
        let column = b.table.columns[l.index].name.clone();
        if a.unique.is_some() {
            let i = b.table.uniques.len();
            b.table.uniques.push(UniqueConstraint {
                comment: None,
                deferrable: Default::default(),
                name: String::new(),
                columns: vec![column.clone()],
                nulls_not_distinct: false,
            });
            b.names.push(NameRequest {
                explicit: None,
                target: NameTarget::Unique(i),
                name2: Some(column.clone()),
                label: "key",
            });
        }
        if let Some(check) = &a.check {
            let i = b.table.checks.len();
            b.table.checks.push(CheckConstraint {
                comment: None,
                not_valid: false,
                no_inherit: false,
                name: String::new(),
                expr: check.value.clone(),
            });
            b.names.push(NameRequest {
                explicit: None,
                target: NameTarget::Check(i),
                name2: Some(column.clone()),
                label: "check",
            });
            if check.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(check.span, "empty check expression")
                        .label("expected a boolean SQL expression"),
                );
            }
        }
        if let Some(reference) = &a.references {
            let on_delete = action(cx, file, &a.on_delete);
            let on_update = action(cx, file, &a.on_update);
            let i = b.table.foreign_keys.len();
            b.table.foreign_keys.push(ForeignKey {
                comment: None,
                not_valid: false,
                match_full: false,
                name: String::new(),
                columns: vec![column.clone()],
                referenced_table: QualifiedName::public(""),
                referenced_columns: Vec::new(),
                on_delete,
                on_update,
                deferrable: Deferrable::No,
            });
            b.names.push(NameRequest {
                explicit: None,
                target: NameTarget::ForeignKey(i),
                name2: Some(column.clone()),
                label: "fkey",
            });
            b.pending_fks.push(PendingForeignKey {
                index: i,
                span: reference.span,
                schema: reference.schema.clone(),
                table: reference.table.clone(),
                columns: reference.columns.clone(),
                columns_span: l.field.ident.span(),
            });
        }
    }

    for attr in &def.attrs.uniques {
        if let Some(nnd) = attr.nulls_not_distinct {
            cx.postgres_only(file, nnd, "`nulls_not_distinct`");
        }
        let deferrable = deferrable_of(cx, file, &attr.deferrable);
        let Some(columns) = resolve_all(cx, &attr.columns) else {
            continue;
        };
        let columns = names_of(&columns);
        let i = b.table.uniques.len();
        let name2 = Some(columns.join("_"));
        b.table.uniques.push(UniqueConstraint {
            comment: comment_of(cx, file, &attr.comment),
            deferrable,
            name: String::new(),
            columns,
            nulls_not_distinct: attr.nulls_not_distinct.is_some(),
        });
        b.names.push(NameRequest {
            explicit: attr.name.as_ref().map(|n| (n.value.clone(), n.span)),
            target: NameTarget::Unique(i),
            name2,
            label: "key",
        });
    }

    for attr in &def.attrs.checks {
        if attr.expr.value.trim().is_empty() {
            cx.err(
                file,
                Error::new(attr.expr.span, "empty check expression")
                    .label("expected a boolean SQL expression"),
            );
        }
        if let Some(span) = attr.no_inherit {
            cx.postgres_only(file, span, "`no_inherit`");
        }
        if let Some(span) = attr.not_valid {
            cx.postgres_only(file, span, "`not_valid`");
        }
        let i = b.table.checks.len();
        b.table.checks.push(CheckConstraint {
            comment: comment_of(cx, file, &attr.comment),
            not_valid: attr.not_valid.is_some(),
            no_inherit: attr.no_inherit.is_some(),
            name: String::new(),
            expr: attr.expr.value.clone(),
        });
        b.names.push(NameRequest {
            explicit: attr.name.as_ref().map(|n| (n.value.clone(), n.span)),
            target: NameTarget::Check(i),
            name2: None,
            label: "check",
        });
    }

    policy::lower_policies(cx, file, def, &mut b.table);
    b.table.grants =
        grant::lower_grants(cx, file, &def.attrs.grants, shale_model::GrantObject::Table);
    b.trigger_functions = function::lower_triggers(cx, file, def, &mut b.table, &scope);
    b.partition_names = partition::lower_partitions(cx, file, def, &mut b, &scope);
    partition::lower_exclusions(cx, file, def, &mut b, &scope);

    for attr in &def.attrs.foreign_keys {
        let local = resolve_all(cx, &attr.columns);
        let on_delete = action(cx, file, &attr.on_delete);
        let on_update = action(cx, file, &attr.on_update);
        let Some(local) = local else { continue };
        let columns = names_of(&local);
        let deferrable = match attr.deferrable.as_ref().map(|d| d.value) {
            None => Deferrable::No,
            Some(DeferrableAttr::InitiallyImmediate) => Deferrable::InitiallyImmediate,
            Some(DeferrableAttr::InitiallyDeferred) => Deferrable::InitiallyDeferred,
        };
        for (flag, what) in [
            (attr.not_valid, "`not_valid`"),
            (attr.match_full, "`match_full`"),
        ] {
            if let Some(span) = flag {
                cx.postgres_only(file, span, what);
            }
        }
        let i = b.table.foreign_keys.len();
        let name2 = Some(columns.join("_"));
        b.table.foreign_keys.push(ForeignKey {
            comment: comment_of(cx, file, &attr.comment),
            not_valid: attr.not_valid.is_some(),
            match_full: attr.match_full.is_some(),
            name: String::new(),
            columns,
            referenced_table: QualifiedName::public(""),
            referenced_columns: Vec::new(),
            on_delete,
            on_update,
            deferrable,
        });
        b.names.push(NameRequest {
            explicit: attr.name.as_ref().map(|n| (n.value.clone(), n.span)),
            target: NameTarget::ForeignKey(i),
            name2,
            label: "fkey",
        });
        b.pending_fks.push(PendingForeignKey {
            index: i,
            span: attr.references.span,
            schema: attr.references.schema.clone(),
            table: attr.references.table.clone(),
            columns: attr.references.columns.clone(),
            columns_span: attr.columns_span,
        });
    }

    for attr in &def.attrs.indexes {
        for (span, what) in [
            (attr.method.as_ref().map(|m| m.key_span), "`method`"),
            (attr.include_span, "`include`"),
            (attr.nulls_not_distinct, "`nulls_not_distinct`"),
        ] {
            if let Some(span) = span {
                cx.postgres_only(file, span, what);
            }
        }
        if let (Some(nnd), None) = (attr.nulls_not_distinct, attr.unique) {
            cx.err(
                file,
                Error::new(nnd, "`nulls_not_distinct` on an index that is not unique")
                    .label("only meaningful for unique indexes")
                    .help("add `unique`, or remove `nulls_not_distinct`"),
            );
        }
        let mut ok = true;
        let mut keys: Vec<IndexKey> = Vec::new();
        for key in &attr.columns {
            let target = match &key.expr {
                Some(expr) if expr.value.trim().is_empty() => {
                    cx.err(file, empty_index_expression(expr));
                    ok = false;
                    continue;
                }
                Some(expr) => IndexTarget::Expression(expr.value.clone()),
                None => {
                    let Some(i) = resolve(cx, &key.column) else {
                        ok = false;
                        continue;
                    };
                    IndexTarget::Column(b.table.columns[i].name.clone())
                }
            };
            if let (Some(_), Some(expr)) = (&attr.expr, &key.expr) {
                cx.err(
                    file,
                    Error::new(expr.span, "an expression key beside `expr = \"…\"`")
                        .label("two ways to say the keys")
                        .help("write every key in `columns(…)`, e.g. `columns(expr(sql = \"lower(email)\"), org_id)`"),
                );
                ok = false;
            }
            let order = match key.order.as_ref().map(|o| o.value) {
                Some(KeyOrder::Desc) => SortOrder::Desc,
                _ => SortOrder::Asc,
            };
            let nulls = match (order, key.nulls.as_ref().map(|n| n.value)) {
                (SortOrder::Asc, Some(KeyNulls::First)) => Some(NullsOrder::First),
                (SortOrder::Desc, Some(KeyNulls::Last)) => Some(NullsOrder::Last),
                _ => None,
            };
            if attr.expr.is_some()
                && (key.order.is_some() || key.nulls.is_some() || key.ops.is_some())
            {
                cx.err(
                    file,
                    Error::new(
                        key.column.span,
                        "key options on a column of an expression index",
                    )
                    .label("ignored: the expression is the key")
                    .help("with `expr`, `columns(…)` only lists the columns the expression uses"),
                );
                ok = false;
            }
            keys.push(IndexKey {
                target,
                order,
                nulls,
                opclass: key.ops.as_ref().map(|o| o.value.clone()),
            });
        }
        let include = resolve_all(cx, &attr.include);
        if let Some(expr) = &attr.expr {
            if expr.value.trim().is_empty() {
                cx.err(file, empty_index_expression(expr));
                ok = false;
            }
            keys = vec![IndexKey {
                target: IndexTarget::Expression(expr.value.clone()),
                order: SortOrder::Asc,
                nulls: None,
                opclass: None,
            }];
        }
        let (Some(include), true) = (include, ok) else {
            continue;
        };
        let method = match &attr.method {
            Some(m) if m.value.trim().is_empty() => {
                cx.err(
                    file,
                    Error::new(m.span, "empty index method")
                        .label("expected e.g. `btree`, `gin`, `brin`"),
                );
                continue;
            }
            Some(m) => m.value.trim().to_lowercase(),
            None => DEFAULT_INDEX_METHOD.to_string(),
        };
        if let Some(p) = &attr.predicate {
            if p.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(p.span, "empty `where` predicate")
                        .label("expected a boolean SQL expression"),
                );
                continue;
            }
        }
        let name2 = keys
            .iter()
            .map(|k| match &k.target {
                IndexTarget::Column(c) => c.as_str(),
                IndexTarget::Expression(_) => "expr",
            })
            .collect::<Vec<_>>()
            .join("_");
        let i = b.table.indexes.len();
        b.table.indexes.push(Index {
            comment: comment_of(cx, file, &attr.comment),
            name: String::new(),
            unique: attr.unique.is_some(),
            nulls_not_distinct: attr.nulls_not_distinct.is_some(),
            method,
            keys,
            include: names_of(&include),
            predicate: attr.predicate.as_ref().map(|p| p.value.clone()),
        });
        b.names.push(NameRequest {
            explicit: attr.name.as_ref().map(|n| (n.value.clone(), n.span)),
            target: NameTarget::Index(i),
            name2: Some(name2),
            label: "idx",
        });
    }
    b.columns = scope.by_sql;
    b
}

/// The columns of one table, for resolving names in attribute lists: by SQL
/// name first, then by field identifier.
struct ColumnScope {
    file: usize,
    table: QualifiedName,
    by_sql: HashMap<String, usize>,
    by_ident: HashMap<String, usize>,
    skipped: HashSet<String>,
    names: Vec<String>,
}

impl ColumnScope {
    fn resolve(&self, cx: &mut Cx<Span>, column: &Spanned<String>) -> Option<usize> {
        if let Some(&i) = self
            .by_sql
            .get(&column.value)
            .or_else(|| self.by_ident.get(&column.value))
        {
            return Some(i);
        }
        let help = if self.skipped.contains(&column.value) {
            format!(
                "field `{}` has `#[column(skip)]`, so it is not a column",
                column.value
            )
        } else {
            let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
            match did_you_mean(&column.value, &names) {
                Some(best) => format!("did you mean `{best}`?"),
                None if names.is_empty() => "the table has no columns".to_string(),
                None => format!("the table's columns are: {}", list(&names)),
            }
        };
        cx.err(
            self.file,
            Error::new(
                column.span,
                format!(
                    "unknown column `{}` in table `{}`",
                    column.value, self.table
                ),
            )
            .label("no such column")
            .help(help),
        );
        None
    }

    /// Every column resolved (each unknown one reported), or `None`.
    fn resolve_all(&self, cx: &mut Cx<Span>, columns: &[Spanned<String>]) -> Option<Vec<usize>> {
        let resolved: Vec<Option<usize>> = columns.iter().map(|c| self.resolve(cx, c)).collect();
        resolved.into_iter().collect()
    }

    fn names_of(&self, indexes: &[usize]) -> Vec<String> {
        indexes.iter().map(|&i| self.names[i].clone()).collect()
    }
}

fn list(names: &[&str]) -> String {
    const MAX: usize = 8;
    let mut s = names
        .iter()
        .take(MAX)
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > MAX {
        s.push_str(", …");
    }
    s
}

fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

fn action(cx: &mut Cx<Span>, file: usize, value: &Option<Spanned<String>>) -> ForeignKeyAction {
    let Some(value) = value else {
        return ForeignKeyAction::NoAction;
    };
    match ForeignKeyAction::parse(&value.value) {
        Some(a) => a,
        None => {
            cx.err(
                file,
                Error::new(
                    value.span,
                    format!("unknown foreign key action `{}`", value.value),
                )
                .label("not an action")
                .help(suggestion_or_list(
                    &value.value,
                    ForeignKeyAction::SPELLINGS,
                )),
            );
            ForeignKeyAction::NoAction
        }
    }
}

fn lower_column(
    cx: &mut Cx<Span>,
    file: usize,
    field: &FieldDef,
    name: &str,
    enums: &EnumTable,
) -> Column {
    let a = &field.attrs;
    let lookup = |ident: &str| enums.lookup(ident);
    let mapped = match &a.sql_type {
        Some(sql) => {
            let nullable = match rust_types::strip_option(&field.ty) {
                Ok((_, nullable)) => nullable,
                Err(e) => {
                    type_error(cx, file, e);
                    false
                }
            };
            if sql.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(sql.span, "empty `sql_type`")
                        .label("expected an SQL type such as `varchar(320)`"),
                );
                None
            } else {
                Some((sql_type(&sql.value, enums), nullable))
            }
        }
        None => match rust_types::map_type(&field.ty, &lookup) {
            Ok(m) => Some(m),
            Err(e) => {
                type_error(cx, file, e);
                None
            }
        },
    };
    // A type that could not be mapped (reported above, or left to the CLI
    // in a derive, where another item may declare it) still has its
    // nullability, and type-dependent checks are skipped.
    let typed = mapped.is_some();
    let (ty, nullable) = mapped.unwrap_or_else(|| {
        let nullable = rust_types::strip_option(&field.ty).is_ok_and(|(_, nullable)| nullable);
        (ColumnType::named("text"), nullable)
    });
    let mut column = Column::new(name, ty);
    column.nullable = nullable;
    column.comment = field.doc.clone();
    column.grants = grant::lower_grants(cx, file, &field.grants, shale_model::GrantObject::Column);
    column.default = a.default.as_ref().map(|d| d.value.clone());
    column.generated = a.generated.as_ref().map(|g| g.value.clone());
    if let Some(collate) = &a.collate {
        let user_kind = match &column.ty.base {
            BaseType::UserType(q) => enums.user_kind(q),
            _ => None,
        };
        column.collation = lower_collation(cx, file, collate, &column.ty, user_kind, typed, name);
    }

    if let (Some(_), true) = (a.primary_key, nullable) {
        cx.err(
            file,
            Error::spanning(
                &field.ty,
                format!("primary key column `{name}` is nullable"),
            )
            .label("`Option<…>` type")
            .help("primary key columns are NOT NULL; remove the `Option<…>`"),
        );
    }
    for (value, what) in [
        (&a.default, "default"),
        (&a.generated, "generated expression"),
    ] {
        if let Some(v) = value {
            if v.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(v.span, format!("empty {what}")).label("expected an SQL expression"),
                );
            }
        }
    }
    if let (Some(d), Some(_)) = (&a.default, &a.generated) {
        cx.err(
            file,
            Error::new(
                d.key_span,
                format!("column `{name}` has both `default` and `generated`"),
            )
            .label("conflicts with `generated`")
            .help("a generated column computes its value; remove `default`"),
        );
    }
    if let (Some(d), true) = (&a.default, column.ty.is_serial()) {
        cx.err(
            file,
            Error::new(d.key_span, format!("serial column `{name}` has a `default`"))
                .label("conflicts with the serial's sequence")
                .help("a serial column's default is its sequence; remove `default` or use a plain integer type"),
        );
    }
    if let Some(identity) = &a.identity {
        column.identity = Some(match identity.value {
            IdentityAttr::Always => Identity::Always,
            IdentityAttr::ByDefault => Identity::ByDefault,
        });
        if identity.value == IdentityAttr::Always {
            cx.postgres_only(
                file,
                identity
                    .key_span
                    .join(identity.span)
                    .unwrap_or(identity.span),
                "`identity = \"always\"`",
            );
        }
        let integer = column.ty.array_dims == 0
            && matches!(
                column.ty.base_name(),
                Some("smallint" | "integer" | "bigint")
            );
        if typed && !integer {
            cx.err(
                file,
                Error::new(
                    identity.key_span,
                    format!("identity column `{name}` has type `{}`", column.ty),
                )
                .label("identity needs an integer type")
                .help("use `i16`, `i32` or `i64` (smallint, integer, bigint)"),
            );
        }
        if nullable {
            cx.err(
                file,
                Error::spanning(&field.ty, format!("identity column `{name}` is nullable"))
                    .label("`Option<…>` type")
                    .help("identity columns are NOT NULL; remove the `Option<…>`"),
            );
        }
        for (other, what) in [(&a.default, "default"), (&a.generated, "generated")] {
            if let Some(o) = other {
                cx.err(
                    file,
                    Error::new(
                        o.key_span,
                        format!("column `{name}` has both `identity` and `{what}`"),
                    )
                    .label("conflicts with `identity`")
                    .help(format!(
                        "an identity column takes its values from a sequence; remove `{what}`"
                    )),
                );
            }
        }
    }
    let written = sequence::WrittenOptions {
        start: &a.identity_options.start,
        increment: &a.identity_options.increment,
        min: &a.identity_options.min,
        max: &a.identity_options.max,
        cache: &a.identity_options.cache,
        cycle: a.identity_options.cycle.is_some(),
        prefix: "identity_",
    };
    match (&a.identity, a.identity_options.first_key()) {
        (None, Some(key)) => cx.err(
            file,
            Error::new(
                key,
                format!("identity options on column `{name}` without `identity`"),
            )
            .label("nothing to configure")
            .help("add `identity` to this `#[column]`, or remove the `identity_*` keys"),
        ),
        (Some(identity), Some(_)) => {
            column.identity_options = sequence::lower_options(
                cx,
                file,
                &written,
                column.identity_sequence_type(),
                identity.key_span,
            );
        }
        _ => {}
    }
    if let (Some(default), BaseType::Enum(q), 0) =
        (&a.default, &column.ty.base, column.ty.array_dims)
    {
        if let (Some(value), Some(values)) = (sql_string_literal(&default.value), enums.values(q)) {
            if !values.contains(&value) {
                let candidates: Vec<&str> = values.iter().map(String::as_str).collect();
                let help = match did_you_mean(&value, &candidates) {
                    Some(best) => format!("did you mean `'{best}'`?"),
                    None => format!("the values of `{q}` are: {}", list(&candidates)),
                };
                cx.err(
                    file,
                    Error::new(
                        default.span,
                        format!("default `'{value}'` is not a value of enum `{q}`"),
                    )
                    .label("not an enum value")
                    .help(help),
                );
            }
        }
    }
    column
}

/// Built-in types PostgreSQL refuses a collation on ("collations are not
/// supported by type …"); anything not listed (text types, domains,
/// extension types) is left to the server.
const NOT_COLLATABLE: &[&str] = &[
    "smallint",
    "integer",
    "bigint",
    "smallserial",
    "serial",
    "bigserial",
    "real",
    "double precision",
    "numeric",
    "boolean",
    "bytea",
    "uuid",
    "date",
    "time",
    "timetz",
    "timestamp",
    "timestamptz",
    "interval",
    "json",
    "jsonb",
    "inet",
    "cidr",
    "macaddr",
    "money",
    "oid",
    "tsvector",
    "tsquery",
];

/// `collate = "…"`: the collation's name, unquoted (`"C"`, `"en_US.utf8"`,
/// `"und-x-icu"`), one of `pg_catalog`'s or of `public`; `"default"` is no
/// collation of the column's own.
fn lower_collation(
    cx: &mut Cx<Span>,
    file: usize,
    collate: &Spanned<String>,
    ty: &ColumnType,
    user_kind: Option<user_type::UserKind>,
    typed: bool,
    column: &str,
) -> Option<String> {
    cx.postgres_only(file, collate.key_span, "`collate`");
    let value = collate.value.trim();
    let value = value.strip_prefix("pg_catalog.").unwrap_or(value);
    let unquoted = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
        .to_string();
    if unquoted.trim().is_empty() {
        cx.err(
            file,
            Error::new(collate.span, "empty `collate`")
                .label("expected a collation such as `C` or `und-x-icu`"),
        );
        return None;
    }
    let base = ty
        .base_name()
        .map(|b| b.split('(').next().unwrap_or(b).trim());
    // A domain's column takes a collation when the domain's base type does
    // (PostgreSQL checks that); enums and composite types never do.
    let enum_ = ty.base_name().is_none() && user_kind != Some(user_type::UserKind::Domain);
    if typed && (enum_ || base.is_some_and(|b| NOT_COLLATABLE.contains(&b))) {
        cx.err(
            file,
            Error::new(
                collate.key_span,
                format!("column `{column}` of type `{ty}` cannot have a collation"),
            )
            .label("not a text type")
            .help("collations apply to `text`, `varchar(n)`, `char(n)` and other collatable types; remove `collate`"),
        );
        return None;
    }
    (unquoted != "default").then_some(unquoted)
}

/// The type an `sql_type` spells: an enum, domain or composite type of the
/// schema when it names one, else a built-in type.
fn sql_type(spelling: &str, enums: &EnumTable) -> ColumnType {
    let mut ty = ColumnType::named(spelling);
    let (base, _) = shale_model::types::split_array_suffix(spelling);
    if let Some(q) = enums.by_spelling(base) {
        ty.base = BaseType::Enum(q);
    } else if let Some(q) = enums.user_by_spelling(base) {
        ty.base = BaseType::UserType(q);
    }
    ty
}

/// The value of a single SQL string literal, optionally cast (`'a'::role`).
fn sql_string_literal(expr: &str) -> Option<String> {
    let expr = expr.trim();
    let body = expr.strip_prefix('\'')?;
    let mut value = String::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            let rest = body[i + 1..].trim();
            return (rest.is_empty() || rest.starts_with("::")).then_some(value);
        }
        value.push(c);
    }
    None
}

fn type_error(cx: &mut Cx<Span>, file: usize, error: TypeError) {
    let error = match error {
        TypeError::Unknown { span, name } => {
            if cx.incomplete || cx.broken_names.contains(&name) {
                return;
            }
            let help = match did_you_mean(&name, rust_types::KNOWN) {
                Some(best) => format!("did you mean `{best}`? otherwise give the SQL type with `#[column(sql_type = \"…\")]`"),
                None => "give the SQL type with `#[column(sql_type = \"…\")]`, or derive `PgEnum` on an enum of this name".to_string(),
            };
            let error = Error::new(span, format!("unknown column type `{name}`"))
                .label("not a known type")
                .help(help);
            if let Some(unknown) = &mut cx.unknown_types {
                unknown.push((name, Problem { file, error }));
                return;
            }
            error
        }
        TypeError::Unsupported { ty } => {
            let shown = rust_types::type_text(&ty);
            Error::spanning(&ty, format!("unsupported column type `{shown}`"))
                .label("not a known type")
                .help("give the SQL type with `#[column(sql_type = \"…\")]`")
        }
        TypeError::MissingArgument { ty, name } => {
            Error::spanning(&ty, format!("`{name}` without a type argument"))
                .label("expected e.g. `Option<i32>`")
                .help(format!("write `{name}<T>`"))
        }
        TypeError::Ambiguous { span, name } => {
            Error::new(span, format!("ambiguous column type `{name}`"))
                .label("several `PgEnum`s have this name")
                .help(
                    "rename one of the enums, or set `#[column(sql_type = \"schema.enum_name\")]`",
                )
        }
    };
    cx.err(file, error);
}

// ---------------------------------------------------------------------------
// Foreign keys

fn resolve_foreign_keys<S: Site>(cx: &mut Cx<S>, tables: &mut [TableBuild<S>]) {
    let by_name: HashMap<QualifiedName, usize> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| (t.table.name.clone(), i))
        .collect();
    // Column sets that a foreign key may reference: the primary key, unique
    // constraints, and plain unique indexes (no predicate, no expression).
    let keys: Vec<HashSet<Vec<String>>> = tables
        .iter()
        .map(|t| {
            let mut set = HashSet::new();
            let sorted = |cols: &[String]| {
                let mut c = cols.to_vec();
                c.sort();
                c
            };
            if let Some(pk) = &t.table.primary_key {
                set.insert(sorted(&pk.columns));
            }
            for u in &t.table.uniques {
                set.insert(sorted(&u.columns));
            }
            for ix in t
                .table
                .indexes
                .iter()
                .filter(|ix| ix.unique && ix.predicate.is_none())
            {
                let cols: Option<Vec<String>> = ix
                    .keys
                    .iter()
                    .map(|k| match &k.target {
                        IndexTarget::Column(c) => Some(c.clone()),
                        IndexTarget::Expression(_) => None,
                    })
                    .collect();
                if let Some(cols) = cols {
                    set.insert(sorted(&cols));
                }
            }
            set
        })
        .collect();

    for t in 0..tables.len() {
        let pending = std::mem::take(&mut tables[t].pending_fks);
        let file = tables[t].file;
        let mut drop: HashSet<usize> = HashSet::new();
        for p in pending {
            let r = &p;
            let own_namespace = tables[t].table.name.namespace.clone();
            let candidates = match &r.schema {
                Some(s) => vec![QualifiedName::new(s.clone(), r.table.clone())],
                // Unqualified: the referencing table's namespace first, then `public`.
                None => vec![
                    QualifiedName::new(own_namespace.clone(), r.table.clone()),
                    QualifiedName::public(r.table.clone()),
                ],
            };
            let Some((target_name, &target)) =
                candidates.iter().find_map(|q| by_name.get_key_value(q))
            else {
                drop.insert(p.index);
                if !cx.incomplete && !cx.broken_names.contains(&r.table) {
                    let names: Vec<String> = by_name
                        .keys()
                        .filter(|q| q.name.len().abs_diff(r.table.len()) <= 3)
                        .map(|q| q.name.clone())
                        .collect();
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    let help = match did_you_mean(&r.table, &names) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => "reference a table declared with `#[derive(Table)]`, as `[schema.]table`".to_string(),
                    };
                    cx.err(
                        file,
                        Error::new(
                            r.span,
                            format!("reference to unknown table `{}`", candidates[0]),
                        )
                        .label("no such table")
                        .help(help),
                    );
                }
                continue;
            };
            let target_name = target_name.clone();
            let mut ok = true;
            let mut referenced = Vec::new();
            for column in &r.columns {
                if tables[target].columns.contains_key(column) {
                    referenced.push(column.clone());
                    continue;
                }
                ok = false;
                let names: Vec<&str> = tables[target]
                    .table
                    .columns
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect();
                let help = match did_you_mean(column, &names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the columns of `{target_name}` are: {}", list(&names)),
                };
                cx.err(
                    file,
                    Error::new(
                        r.span,
                        format!("reference to unknown column `{column}` of table `{target_name}`"),
                    )
                    .label("no such column")
                    .help(help),
                );
            }
            let fk = &tables[t].table.foreign_keys[p.index];
            if ok && fk.columns.len() != referenced.len() {
                cx.err(
                    file,
                    Error::new(
                        p.columns_span,
                        format!(
                            "foreign key has {} column(s) but references {}",
                            fk.columns.len(),
                            referenced.len()
                        ),
                    )
                    .label("column counts differ")
                    .help("list as many referenced columns as referencing ones, in matching order"),
                );
                ok = false;
            }
            if ok {
                let mut sorted = referenced.clone();
                sorted.sort();
                if !keys[target].contains(&sorted) {
                    let cols = referenced.join(", ");
                    cx.err(
                        file,
                        Error::new(r.span, format!("`{target_name}` ({cols}) is neither a primary key nor unique"))
                            .label("referenced columns must be unique")
                            .help(format!("add `#[unique(columns({cols}))]` to `{target_name}`, or reference its primary key")),
                    );
                    ok = false;
                }
            }
            if !ok {
                drop.insert(p.index);
                continue;
            }
            let fk = &mut tables[t].table.foreign_keys[p.index];
            fk.referenced_table = target_name;
            fk.referenced_columns = referenced;
        }
        if !drop.is_empty() {
            remove_foreign_keys(&mut tables[t], &drop);
        }
    }
}

/// Drops unresolved foreign keys and renumbers the name requests.
fn remove_foreign_keys<S>(t: &mut TableBuild<S>, drop: &HashSet<usize>) {
    let mut renumber = HashMap::new();
    let mut kept = Vec::new();
    for (i, fk) in std::mem::take(&mut t.table.foreign_keys)
        .into_iter()
        .enumerate()
    {
        if !drop.contains(&i) {
            renumber.insert(i, kept.len());
            kept.push(fk);
        }
    }
    t.table.foreign_keys = kept;
    t.names.retain_mut(|n| match n.target {
        NameTarget::ForeignKey(i) => match renumber.get(&i) {
            Some(&j) => {
                n.target = NameTarget::ForeignKey(j);
                true
            }
            None => false,
        },
        _ => true,
    });
}

// ---------------------------------------------------------------------------
// Names

/// What already holds a name, for messages (worded only when one is needed).
#[derive(Clone, Copy)]
struct Holder<S> {
    /// `None` for the table itself.
    noun: Option<&'static str>,
    table: usize,
    span: S,
}

impl<S> Holder<S> {
    fn describe(&self, tables: &[TableBuild<S>]) -> String {
        let table = &tables[self.table].table.name;
        match self.noun {
            Some(noun) => format!("{noun} on table `{table}`"),
            None => format!("table `{table}`"),
        }
    }
}

/// Chooses every constraint and index name. Explicit names are reserved
/// first, so a generated name never takes one a user wrote; generated names
/// that collide get a numeric suffix: `_1`, `_2` for checks, PostgreSQL's
/// bare number for the rest (`users_email_idx1`).
/// Tables are visited in name order so the choice does not depend on the
/// order of files.
fn assign_names<S: Site>(cx: &mut Cx<S>, tables: &mut [TableBuild<S>]) {
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by(|&a, &b| tables[a].table.name.cmp(&tables[b].table.name));

    // Relation names per namespace: tables, and the indexes behind indexes,
    // primary keys and unique constraints.
    let mut relations: HashMap<String, HashMap<String, Holder<S>>> = HashMap::new();
    for (i, t) in tables.iter().enumerate() {
        relations
            .entry(t.table.name.namespace.clone())
            .or_default()
            .insert(
                t.table.name.name.clone(),
                Holder {
                    noun: None,
                    table: i,
                    span: t.span,
                },
            );
    }
    let mut constraints: Vec<HashMap<String, Holder<S>>> = vec![HashMap::new(); tables.len()];

    for &t in &order {
        let namespace = tables[t].table.name.namespace.clone();
        let table_name = tables[t].table.name.clone();
        let file = tables[t].file;
        let requests = std::mem::take(&mut tables[t].names);
        let mut rejected: Vec<NameTarget> = Vec::new();
        for req in requests.iter() {
            let Some((explicit, explicit_span)) = &req.explicit else {
                continue;
            };
            let explicit_span = *explicit_span;
            if !cx.check_identifier(file, explicit, explicit_span, req.target.noun()) {
                rejected.push(req.target);
                continue;
            }
            let name = explicit.clone();
            let holder = Holder {
                noun: Some(req.target.noun()),
                table: t,
                span: explicit_span,
            };
            let clash = if req.target.is_relation() {
                relations
                    .get(&namespace)
                    .and_then(|m| m.get(&name))
                    .cloned()
            } else {
                None
            }
            .or_else(|| {
                if req.target.is_constraint() {
                    constraints[t].get(&name).cloned()
                } else {
                    None
                }
            });
            if let Some(first) = clash {
                let at = cx.location(tables[first.table].file, first.span, file);
                let what = first.describe(tables);
                cx.err(
                    file,
                    Error::new(
                        explicit_span,
                        format!("duplicate name `{name}` in schema `{namespace}`"),
                    )
                    .label("name already used")
                    .help(format!(
                        "{what} at {at} already has this name; choose another"
                    )),
                );
                rejected.push(req.target);
                continue;
            }
            let in_namespace = relations.entry(namespace.clone()).or_default();
            claim(
                in_namespace,
                &mut constraints[t],
                &mut tables[t].table,
                req.target,
                name,
                holder,
            );
        }
        for req in requests
            .iter()
            .filter(|r| r.explicit.is_none() || rejected.contains(&r.target))
        {
            let mut n = 0usize;
            let name = loop {
                // Checks get `_1`, `_2` (shale's convention); everything else
                // PostgreSQL's bare number (`users_email_idx1`).
                let label = match (n, req.target) {
                    (0, _) => req.label.to_string(),
                    (_, NameTarget::Check(_)) => format!("{}_{n}", req.label),
                    _ => format!("{}{n}", req.label),
                };
                let candidate =
                    naming::make_object_name(&table_name.name, req.name2.as_deref(), &label);
                let taken = (req.target.is_relation()
                    && relations
                        .get(&namespace)
                        .is_some_and(|m| m.contains_key(&candidate)))
                    || (req.target.is_constraint() && constraints[t].contains_key(&candidate));
                if !taken {
                    break candidate;
                }
                n += 1;
            };
            let holder = Holder {
                noun: Some(req.target.noun()),
                table: t,
                span: tables[t].span,
            };
            let in_namespace = relations.entry(namespace.clone()).or_default();
            claim(
                in_namespace,
                &mut constraints[t],
                &mut tables[t].table,
                req.target,
                name,
                holder,
            );
        }
    }
}

/// Gives `target` the name `name`, recording who holds it among the
/// namespace's relation names and the table's constraint names.
fn claim<S>(
    relations: &mut HashMap<String, Holder<S>>,
    constraints: &mut HashMap<String, Holder<S>>,
    table: &mut Table,
    target: NameTarget,
    name: String,
    holder: Holder<S>,
) where
    Holder<S>: Copy,
{
    if target.is_relation() {
        relations.insert(name.clone(), holder);
    }
    if target.is_constraint() {
        constraints.insert(name.clone(), holder);
    }
    set_name(table, target, name);
}

fn set_name(table: &mut Table, target: NameTarget, name: String) {
    match target {
        NameTarget::PrimaryKey => {
            if let Some(pk) = &mut table.primary_key {
                pk.name = name;
            }
        }
        NameTarget::Unique(i) => table.uniques[i].name = name,
        NameTarget::Check(i) => table.checks[i].name = name,
        NameTarget::ForeignKey(i) => table.foreign_keys[i].name = name,
        NameTarget::Index(i) => table.indexes[i].name = name,
        NameTarget::Exclusion(i) => table.exclusions[i].name = name,
    }
}

/// The error for `#[derive(Table)]` on an enum or `#[derive(PgEnum)]` on a
/// struct (reported while collecting items).
pub(crate) fn misplaced_derive(span: Span, derive: &str, item: &str) -> Error {
    Error::new(span, format!("`{derive}` cannot be derived for {item}"))
        .label("wrong kind of item")
        .help(match derive {
            "Table" => "derive `Table` on a struct with named fields",
            _ => "derive `PgEnum` on an enum of unit variants",
        })
}

/// `expr = ""` or `expr(sql = "")` in an index.
fn empty_index_expression(expr: &Spanned<String>) -> Error {
    Error::new(expr.span, "empty index expression").label("expected an SQL expression")
}
