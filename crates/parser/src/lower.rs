//! Lowering: the typed attributes of every table struct and `PgEnum` of all
//! files, together with the Rust field types, become one
//! [`shale_model::Schema`]; every rule that spans items (types that name
//! enums, references, duplicate and generated names, dialect support) is
//! checked here and reported with the span of the offending token.
//!
//! Name resolution uses hash maps throughout, so lowering is linear in the
//! size of the schema.

use std::collections::{HashMap, HashSet};

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::naming::{self, MAX_IDENTIFIER_BYTES};
use shale_model::{
    BaseType, CheckConstraint, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction,
    Identity, Index, IndexKey, IndexTarget, NullsOrder, PrimaryKey, QualifiedName, RenameHints,
    Schema, SortOrder, Table, UniqueConstraint, DEFAULT_INDEX_METHOD, DEFAULT_NAMESPACE,
};
use syn::spanned::Spanned as _;

use crate::grammar::{
    did_you_mean, suggestion_or_list, DeferrableAttr, EnumDef, Error, FieldDef, IdentityAttr,
    KeyNulls, KeyOrder, Reference, Spanned, TableDef,
};
use crate::rust_types::{self, EnumLookup, TypeError};
use crate::{Dialect, Lines, ParseOptions, SourceFile};

/// An error located in one file.
pub(crate) struct Problem {
    pub file: usize,
    pub error: Error,
}

/// Everything collected from the files.
#[derive(Default)]
pub(crate) struct Decls {
    pub tables: Vec<(usize, TableDef)>,
    pub enums: Vec<(usize, EnumDef)>,
    /// Some file could not be read at all: references to missing tables or
    /// types may point into it, so those are not reported this run.
    pub incomplete: bool,
    /// Names declared by items with syntax errors (Rust names and table
    /// names): uses of them are not reported as unknown this run.
    pub broken_names: HashSet<String>,
}

/// The lowering result.
pub(crate) struct Lowered {
    pub schema: Schema,
    pub renames: RenameHints,
    pub problems: Vec<Problem>,
}

struct Cx<'a> {
    options: &'a ParseOptions,
    files: &'a [SourceFile],
    lines: Vec<Option<Lines>>,
    problems: Vec<Problem>,
    incomplete: bool,
    broken_names: HashSet<String>,
    renames: RenameHints,
}

impl Cx<'_> {
    fn err(&mut self, file: usize, error: Error) {
        self.problems.push(Problem { file, error });
    }

    /// The source text under a span (for messages quoting a type).
    fn snippet(&self, file: usize, span: Span) -> String {
        let range = span.byte_range();
        self.files
            .get(file)
            .and_then(|f| f.text.get(range))
            .filter(|s| !s.is_empty())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| "this type".to_string())
    }

    /// `path:line:column`, for messages that mention a second place.
    fn location(&mut self, file: usize, span: Span) -> String {
        let Some(source) = self.files.get(file) else {
            return "an earlier place".to_string();
        };
        let lines = self.lines[file].get_or_insert_with(|| Lines::new(&source.text));
        let (line, column) = lines.line_column(&source.text, span.byte_range().start);
        format!("{}:{line}:{column}", source.path.display())
    }

    fn postgres_only(&mut self, file: usize, span: Span, what: &str) {
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
    fn check_identifier(&mut self, file: usize, name: &Spanned<String>, what: &str) -> bool {
        if name.value.trim().is_empty() {
            self.err(
                file,
                Error::new(name.span, format!("empty {what} name")).label("expected a name"),
            );
            return false;
        }
        self.check_length(file, &name.value, name.span, what)
    }

    fn check_length(&mut self, file: usize, name: &str, span: Span, what: &str) -> bool {
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

/// Lowers the collected declarations into a schema.
pub(crate) fn lower(decls: Decls, files: &[SourceFile], options: &ParseOptions) -> Lowered {
    let mut cx = Cx {
        options,
        files,
        lines: vec![None; files.len()],
        problems: Vec::new(),
        incomplete: decls.incomplete,
        broken_names: decls.broken_names,
        renames: RenameHints::default(),
    };
    let enums = lower_enums(&mut cx, &decls.enums);
    let mut tables = lower_tables(&mut cx, &decls.tables, &enums);
    resolve_foreign_keys(&mut cx, &mut tables);
    assign_names(&mut cx, &mut tables);

    let mut schema = Schema::default();
    let mut namespaces: HashSet<String> = HashSet::new();
    for e in &enums.list {
        namespaces.insert(e.model.name.namespace.clone());
        schema.enums.push(e.model.clone());
    }
    for t in tables {
        namespaces.insert(t.table.name.namespace.clone());
        schema.tables.push(t.table);
    }
    schema.namespaces = namespaces
        .into_iter()
        .filter(|n| n != DEFAULT_NAMESPACE)
        .collect();
    schema.normalize();

    let mut renames = cx.renames;
    renames.tables.sort();
    renames.columns.sort();
    renames.enums.sort();
    renames.enum_values.sort();
    Lowered {
        schema,
        renames,
        problems: cx.problems,
    }
}

// ---------------------------------------------------------------------------
// Enums

struct EnumInfo {
    model: Enum,
    file: usize,
    /// The enum's identifier, where duplicate-name errors point.
    span: Span,
}

struct Enums {
    list: Vec<EnumInfo>,
    by_ident: HashMap<String, Vec<usize>>,
    by_name: HashMap<QualifiedName, usize>,
}

impl Enums {
    fn lookup(&self, ident: &str) -> EnumLookup {
        match self.by_ident.get(ident).map(Vec::as_slice) {
            None | Some([]) => EnumLookup::None,
            Some([one]) => EnumLookup::One(self.list[*one].model.name.clone()),
            Some(_) => EnumLookup::Ambiguous,
        }
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
}

fn namespace_of(cx: &mut Cx, file: usize, schema: &Option<Spanned<String>>) -> String {
    match schema {
        Some(s) => {
            cx.postgres_only(file, s.key_span.join(s.span).unwrap_or(s.span), "`schema`");
            if cx.check_identifier(file, s, "schema") {
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
    cx: &mut Cx,
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

fn lower_enums(cx: &mut Cx, defs: &[(usize, EnumDef)]) -> Enums {
    let mut enums = Enums {
        list: Vec::new(),
        by_ident: HashMap::new(),
        by_name: HashMap::new(),
    };
    for (file, def) in defs {
        let file = *file;
        let namespace = namespace_of(cx, file, &def.schema);
        let name = match &def.name {
            Some(n) if cx.check_identifier(file, n, "enum") => n.value.clone(),
            _ => def.ident.to_string().to_snake_case(),
        };
        let qname = QualifiedName::new(namespace, name);
        if let Some(&first) = enums.by_name.get(&qname) {
            let first: &EnumInfo = &enums.list[first];
            let at = cx.location(first.file, first.span);
            let span = def.name.as_ref().map_or(def.ident.span(), |n| n.span);
            cx.err(
                file,
                Error::new(span, format!("duplicate enum `{qname}`"))
                    .label("second definition")
                    .help(format!("`{qname}` is first defined at {}; rename one with `#[pg_enum(name = \"…\")]`", at)),
            );
            continue;
        }
        let mut values: Vec<String> = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
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
            if seen.contains_key(&value) {
                cx.err(
                    file,
                    Error::new(span, format!("duplicate value `{value}` in enum `{qname}`"))
                        .label("second use of this value")
                        .help("rename one of the variants with `#[pg_enum(rename = \"…\")]`"),
                );
                continue;
            }
            seen.insert(value.clone(), span);
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
                    cx.renames.enum_values.push((
                        qname.clone(),
                        previous.value.clone(),
                        value.clone(),
                    ));
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
        if let Some(previous) = &def.renamed_from {
            if let Some(previous) = previous_name(cx, file, previous, &qname) {
                cx.renames.enums.push((previous, qname.clone()));
            }
        }
        let index = enums.list.len();
        enums.by_name.insert(qname.clone(), index);
        enums
            .by_ident
            .entry(def.ident.to_string())
            .or_default()
            .push(index);
        enums.list.push(EnumInfo {
            model: Enum {
                name: qname,
                values,
                comment: def.doc.clone(),
            },
            file,
            span: def.ident.span(),
        });
    }
    enums
}

// ---------------------------------------------------------------------------
// Tables

/// A constraint or index whose name is still to be chosen.
struct NameRequest {
    explicit: Option<Spanned<String>>,
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
}

impl NameTarget {
    /// Whether the name lives in the namespace's relation names (PostgreSQL
    /// creates an index for it), as opposed to only the table's constraints.
    fn is_relation(self) -> bool {
        matches!(
            self,
            NameTarget::PrimaryKey | NameTarget::Unique(_) | NameTarget::Index(_)
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
        }
    }
}

/// A foreign key whose target is resolved once every table is known.
struct PendingForeignKey {
    index: usize,
    reference: Reference,
    columns_span: Span,
}

struct TableBuild {
    file: usize,
    span: Span,
    table: Table,
    /// SQL column name → column index.
    columns: HashMap<String, usize>,
    names: Vec<NameRequest>,
    pending_fks: Vec<PendingForeignKey>,
}

fn lower_tables(cx: &mut Cx, defs: &[(usize, TableDef)], enums: &Enums) -> Vec<TableBuild> {
    let mut out: Vec<TableBuild> = Vec::new();
    let mut by_name: HashMap<QualifiedName, usize> = HashMap::new();
    for (file, def) in defs {
        let file = *file;
        let namespace = namespace_of(cx, file, &def.attrs.schema);
        let name = match &def.attrs.name {
            Some(n) if cx.check_identifier(file, n, "table") => n.value.clone(),
            _ => def.ident.to_string().to_snake_case(),
        };
        let qname = QualifiedName::new(namespace, name);
        cx.check_length(file, &qname.name, def.ident.span(), "table");
        let span = def.attrs.name.as_ref().map_or(def.ident.span(), |n| n.span);
        if let Some(&first) = by_name.get(&qname) {
            let first: &TableBuild = &out[first];
            let at = cx.location(first.file, first.span);
            cx.err(
                file,
                Error::new(span, format!("duplicate table `{qname}`"))
                    .label("second definition")
                    .help(format!(
                        "`{qname}` is first defined at {}; rename one with `#[table(name = \"…\")]`",
                        at
                    )),
            );
            continue;
        }
        if let Some(&e) = enums.by_name.get(&qname) {
            let e = &enums.list[e];
            let at = cx.location(e.file, e.span);
            cx.err(
                file,
                Error::new(span, format!("table `{qname}` has the same name as an enum"))
                    .label("name already used by a type")
                    .help(format!(
                        "PostgreSQL creates a row type for each table; rename the table or the enum (defined at {})",
                        at
                    )),
            );
        }
        if let Some(previous) = &def.attrs.renamed_from {
            if let Some(previous) = previous_name(cx, file, previous, &qname) {
                cx.renames.tables.push((previous, qname.clone()));
            }
        }
        let build = lower_table(cx, file, def, qname.clone(), span, enums);
        by_name.insert(qname, out.len());
        out.push(build);
    }
    out
}

/// A column and what its field said beyond the column itself.
struct FieldColumn<'a> {
    field: &'a FieldDef,
    index: usize,
}

fn lower_table(
    cx: &mut Cx,
    file: usize,
    def: &TableDef,
    qname: QualifiedName,
    span: Span,
    enums: &Enums,
) -> TableBuild {
    let mut b = TableBuild {
        file,
        span,
        table: Table::new(qname.clone()),
        columns: HashMap::new(),
        names: Vec::new(),
        pending_fks: Vec::new(),
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
            Some(n) if cx.check_identifier(file, n, "column") => n.value.clone(),
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
                cx.renames
                    .columns
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
    let resolve = |cx: &mut Cx, column: &Spanned<String>| scope.resolve(cx, column);
    let resolve_all = |cx: &mut Cx, columns: &[Spanned<String>]| scope.resolve_all(cx, columns);
    let names_of = |indexes: &[usize]| scope.names_of(indexes);

    // Primary key: table-level attributes come first in the source, then fields.
    let mut pk_spans: Vec<Span> = Vec::new();
    let mut pk: Option<(Vec<usize>, Option<Spanned<String>>)> = None;
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
            pk = Some((columns, attr.name.clone()));
        }
    }
    for l in &lowered {
        if let Some(span) = l.field.attrs.primary_key {
            pk_spans.push(span);
            if pk_spans.len() == 1 {
                pk = Some((vec![l.index], None));
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
    if let Some((columns, name)) = pk {
        b.table.primary_key = Some(PrimaryKey {
            name: String::new(),
            columns: names_of(&columns),
        });
        b.names.push(NameRequest {
            explicit: name,
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
                reference: reference.clone(),
                columns_span: l.field.ident.span(),
            });
        }
    }

    for attr in &def.attrs.uniques {
        if let Some(nnd) = attr.nulls_not_distinct {
            cx.postgres_only(file, nnd, "`nulls_not_distinct`");
        }
        let Some(columns) = resolve_all(cx, &attr.columns) else {
            continue;
        };
        let columns = names_of(&columns);
        let i = b.table.uniques.len();
        let name2 = Some(columns.join("_"));
        b.table.uniques.push(UniqueConstraint {
            name: String::new(),
            columns,
            nulls_not_distinct: attr.nulls_not_distinct.is_some(),
        });
        b.names.push(NameRequest {
            explicit: attr.name.clone(),
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
        let i = b.table.checks.len();
        b.table.checks.push(CheckConstraint {
            name: String::new(),
            expr: attr.expr.value.clone(),
        });
        b.names.push(NameRequest {
            explicit: attr.name.clone(),
            target: NameTarget::Check(i),
            name2: None,
            label: "check",
        });
    }

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
        let i = b.table.foreign_keys.len();
        let name2 = Some(columns.join("_"));
        b.table.foreign_keys.push(ForeignKey {
            name: String::new(),
            columns,
            referenced_table: QualifiedName::public(""),
            referenced_columns: Vec::new(),
            on_delete,
            on_update,
            deferrable,
        });
        b.names.push(NameRequest {
            explicit: attr.name.clone(),
            target: NameTarget::ForeignKey(i),
            name2,
            label: "fkey",
        });
        b.pending_fks.push(PendingForeignKey {
            index: i,
            reference: attr.references.clone(),
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
            let Some(i) = resolve(cx, &key.column) else {
                ok = false;
                continue;
            };
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
                target: IndexTarget::Column(b.table.columns[i].name.clone()),
                order,
                nulls,
                opclass: key.ops.as_ref().map(|o| o.value.clone()),
            });
        }
        let include = resolve_all(cx, &attr.include);
        if let Some(expr) = &attr.expr {
            if expr.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(expr.span, "empty index expression")
                        .label("expected an SQL expression"),
                );
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
            name: String::new(),
            unique: attr.unique.is_some(),
            nulls_not_distinct: attr.nulls_not_distinct.is_some(),
            method,
            keys,
            include: names_of(&include),
            predicate: attr.predicate.as_ref().map(|p| p.value.clone()),
        });
        b.names.push(NameRequest {
            explicit: attr.name.clone(),
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
    fn resolve(&self, cx: &mut Cx, column: &Spanned<String>) -> Option<usize> {
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
    fn resolve_all(&self, cx: &mut Cx, columns: &[Spanned<String>]) -> Option<Vec<usize>> {
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

fn action(cx: &mut Cx, file: usize, value: &Option<Spanned<String>>) -> ForeignKeyAction {
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

fn lower_column(cx: &mut Cx, file: usize, field: &FieldDef, name: &str, enums: &Enums) -> Column {
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
                let mut ty = ColumnType::named(&sql.value);
                let (base, _) = shale_model::types::split_array_suffix(&sql.value);
                if let Some(q) = enums.by_spelling(base) {
                    ty.base = BaseType::Enum(q);
                }
                Some((ty, nullable))
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
    let (ty, nullable) = mapped.unwrap_or_else(|| (ColumnType::named("text"), false));
    let mut column = Column::new(name, ty);
    column.nullable = nullable;
    column.comment = field.doc.clone();
    column.default = a.default.as_ref().map(|d| d.value.clone());
    column.generated = a.generated.as_ref().map(|g| g.value.clone());

    if let (Some(_), true) = (a.primary_key, nullable) {
        cx.err(
            file,
            Error::new(
                field.ty.span(),
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
        if !integer {
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
                Error::new(
                    field.ty.span(),
                    format!("identity column `{name}` is nullable"),
                )
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
    if let (Some(default), BaseType::Enum(q), 0) =
        (&a.default, &column.ty.base, column.ty.array_dims)
    {
        if let (Some(value), Some(&e)) = (sql_string_literal(&default.value), enums.by_name.get(q))
        {
            let values = &enums.list[e].model.values;
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

fn type_error(cx: &mut Cx, file: usize, error: TypeError) {
    let error = match error {
        TypeError::Unknown { span, name } => {
            if cx.incomplete || cx.broken_names.contains(&name) {
                return;
            }
            let help = match did_you_mean(&name, rust_types::KNOWN) {
                Some(best) => format!("did you mean `{best}`? otherwise give the SQL type with `#[column(sql_type = \"…\")]`"),
                None => "give the SQL type with `#[column(sql_type = \"…\")]`, or derive `PgEnum` on an enum of this name".to_string(),
            };
            Error::new(span, format!("unknown column type `{name}`"))
                .label("not a known type")
                .help(help)
        }
        TypeError::Unsupported { span } => {
            let shown = cx.snippet(file, span);
            Error::new(span, format!("unsupported column type `{shown}`"))
                .label("not a known type")
                .help("give the SQL type with `#[column(sql_type = \"…\")]`")
        }
        TypeError::MissingArgument { span, name } => {
            Error::new(span, format!("`{name}` without a type argument"))
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

fn resolve_foreign_keys(cx: &mut Cx, tables: &mut [TableBuild]) {
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
            let r = &p.reference;
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
fn remove_foreign_keys(t: &mut TableBuild, drop: &HashSet<usize>) {
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
struct Holder {
    /// `None` for the table itself.
    noun: Option<&'static str>,
    table: usize,
    span: Span,
}

impl Holder {
    fn describe(&self, tables: &[TableBuild]) -> String {
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
fn assign_names(cx: &mut Cx, tables: &mut [TableBuild]) {
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by(|&a, &b| tables[a].table.name.cmp(&tables[b].table.name));

    // Relation names per namespace: tables, and the indexes behind indexes,
    // primary keys and unique constraints.
    let mut relations: HashMap<String, HashMap<String, Holder>> = HashMap::new();
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
    let mut constraints: Vec<HashMap<String, Holder>> = vec![HashMap::new(); tables.len()];

    for &t in &order {
        let namespace = tables[t].table.name.namespace.clone();
        let table_name = tables[t].table.name.clone();
        let file = tables[t].file;
        let requests = std::mem::take(&mut tables[t].names);
        let mut rejected: Vec<NameTarget> = Vec::new();
        for req in requests.iter() {
            let Some(explicit) = &req.explicit else {
                continue;
            };
            if !cx.check_identifier(file, explicit, req.target.noun()) {
                rejected.push(req.target);
                continue;
            }
            let name = explicit.value.clone();
            let holder = Holder {
                noun: Some(req.target.noun()),
                table: t,
                span: explicit.span,
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
                let at = cx.location(tables[first.table].file, first.span);
                let what = first.describe(tables);
                cx.err(
                    file,
                    Error::new(
                        explicit.span,
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
            if req.target.is_relation() {
                relations
                    .entry(namespace.clone())
                    .or_default()
                    .insert(name.clone(), holder);
            }
            if req.target.is_constraint() {
                constraints[t].insert(name.clone(), holder);
            }
            set_name(&mut tables[t].table, req.target, name);
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
            if req.target.is_relation() {
                relations
                    .entry(namespace.clone())
                    .or_default()
                    .insert(name.clone(), holder);
            }
            if req.target.is_constraint() {
                constraints[t].insert(name.clone(), holder);
            }
            set_name(&mut tables[t].table, req.target, name);
        }
    }
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
