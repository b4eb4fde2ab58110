//! Lowering of view structs: name, query (inline, or read from `sql_file`),
//! columns, options and the indexes of materialized views.
//!
//! `sql_file` is the one place the parser reads a file besides the schema
//! sources: relative to [`crate::ParseOptions::schema_dir`] (the CLI sets it
//! to the schema directory), else to the directory of the source file. The
//! model only ever holds the SQL text, so snapshots store the query itself.
//! A derive macro sees no files (`cx.files` is empty) and does not read it.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::{
    naming, CheckOption, Index, IndexKey, IndexTarget, NullsOrder, QualifiedName, SortOrder, View,
    ViewColumn, DEFAULT_INDEX_METHOD,
};

use super::{
    check_name, lower_column, namespace_of, previous_name, unraw, Cx, EnumTable, Loc, Site,
};
use crate::grammar::{did_you_mean, Error, KeyNulls, KeyOrder, Spanned, ViewDef};

/// One lowered view, before duplicates are known.
pub(crate) struct ViewBuild<S> {
    pub file: usize,
    /// The view's name (`#[view(name)]`, else the struct's identifier).
    pub span: S,
    pub view: View,
    pub rename: Option<(QualifiedName, QualifiedName)>,
}

impl ViewBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> ViewBuild<Loc> {
        ViewBuild {
            span: at(self.file, self.span),
            file: self.file,
            view: self.view,
            rename: self.rename,
        }
    }
}

/// Lowers one view struct: every rule the struct alone can tell.
pub(crate) fn lower_view(
    cx: &mut Cx<Span>,
    file: usize,
    def: &ViewDef,
    enums: &EnumTable,
) -> ViewBuild<Span> {
    let a = &def.attrs;
    let namespace = namespace_of(cx, file, &a.schema);
    let name = match &a.name {
        Some(n) if check_name(cx, file, n, "view") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let qname = QualifiedName::new(namespace, name);
    cx.check_length(file, &qname.name, def.ident.span(), "view");
    let span = a.name.as_ref().map_or(def.ident.span(), |n| n.span);
    let rename = a
        .renamed_from
        .as_ref()
        .and_then(|previous| previous_name(cx, file, previous, &qname))
        .map(|previous| (previous, qname.clone()));

    let query = match (&a.sql, &a.sql_file) {
        (Some(_), Some(f)) => {
            cx.err(
                file,
                Error::new(f.key_span, "a view has both `sql` and `sql_file`")
                    .label("second query")
                    .help("keep one: `sql = \"…\"` inline, or `sql_file = \"…\"` for a file"),
            );
            String::new()
        }
        (Some(sql), None) => {
            if sql.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(sql.span, "empty view query").label("expected a SELECT query"),
                );
            }
            sql.value.clone()
        }
        (None, Some(f)) => read_sql_file(cx, file, f, "a SELECT query"),
        (None, None) => {
            cx.err(
                file,
                Error::new(def.ident.span(), format!("view `{qname}` has no query"))
                    .label("missing `sql` or `sql_file`")
                    .help("add `#[view(sql = \"SELECT …\")]` or `#[view(sql_file = \"views/name.sql\")]`"),
            );
            String::new()
        }
    };
    let mut view = View::new(qname.clone(), query);
    view.comment = def.doc.clone();
    view.grants =
        super::grant::lower_grants(cx, file, &def.attrs.grants, shale_model::GrantObject::Table);
    view.materialized = a.materialized.is_some();
    view.security_invoker = a.security_invoker.is_some();
    view.security_barrier = a.security_barrier.is_some();
    if let Some(m) = a.materialized {
        cx.postgres_only(file, m, "`materialized`");
    }
    if let Some(o) = &a.with_check_option {
        cx.postgres_only(file, o.key_span, "`with_check_option`");
        match CheckOption::parse(&o.value) {
            Some(option) => view.check_option = option,
            None => {
                let help = match did_you_mean(&o.value, &["local", "cascaded"]) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "write `with_check_option = \"local\"` or `\"cascaded\"`".into(),
                };
                cx.err(
                    file,
                    Error::new(o.span, format!("unknown check option `{}`", o.value))
                        .label("expected `local` or `cascaded`")
                        .help(help),
                );
            }
        }
    }
    for (flag, what) in [
        (a.security_invoker, "`security_invoker`"),
        (a.security_barrier, "`security_barrier`"),
    ] {
        if let Some(span) = flag {
            cx.postgres_only(file, span, what);
        }
    }
    if a.materialized.is_some() {
        for (span, what) in [
            (
                a.with_check_option.as_ref().map(|o| o.key_span),
                "with_check_option",
            ),
            (a.security_invoker, "security_invoker"),
            (a.security_barrier, "security_barrier"),
        ] {
            if let Some(span) = span {
                cx.err(
                    file,
                    Error::new(span, format!("`{what}` on a materialized view"))
                        .label("only for plain views")
                        .help(format!(
                            "PostgreSQL has no `{what}` for materialized views; remove it or `materialized`"
                        )),
                );
            }
        }
    }

    // Columns: the fields, named and typed as a table's are.
    let mut by_ident: HashMap<String, usize> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for field in &def.fields {
        if field.attrs.skip.is_some() {
            continue;
        }
        let ident = unraw(&field.ident);
        let name = match &field.attrs.name {
            Some(n) if check_name(cx, file, n, "column") => n.value.clone(),
            _ => ident.clone(),
        };
        let name_span = field
            .attrs
            .name
            .as_ref()
            .map_or(field.ident.span(), |n| n.span);
        if !seen.insert(name.clone()) {
            cx.err(
                file,
                Error::new(
                    name_span,
                    format!("duplicate column `{name}` in view `{qname}`"),
                )
                .label("second column with this name")
                .help("rename one with `#[column(name = \"…\")]`"),
            );
            continue;
        }
        cx.check_length(file, &name, name_span, "column");
        let column = lower_column(cx, file, field, &name, enums);
        by_ident.insert(ident, view.columns.len());
        view.columns.push(ViewColumn {
            name,
            ty: column.ty,
            comment: column.comment,
        });
    }

    let mut index_names: HashSet<String> = HashSet::new();
    for attr in &a.indexes {
        if a.materialized.is_none() {
            cx.err(
                file,
                Error::new(
                    attr.span,
                    format!("`#[index]` on view `{qname}`, which is not materialized"),
                )
                .label("a plain view has no indexes")
                .help("add `materialized` to `#[view(…)]`, or index the tables the view reads"),
            );
            continue;
        }
        let resolve = |cx: &mut Cx<Span>, c: &Spanned<String>| -> Option<String> {
            let found = view
                .columns
                .iter()
                .find(|col| col.name == c.value)
                .map(|col| col.name.clone())
                .or_else(|| {
                    by_ident
                        .get(&c.value)
                        .map(|&i| view.columns[i].name.clone())
                });
            if found.is_none() {
                let names: Vec<&str> = view.columns.iter().map(|c| c.name.as_str()).collect();
                let help = match did_you_mean(&c.value, &names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the view's columns are: {}", names.join(", ")),
                };
                cx.err(
                    file,
                    Error::new(
                        c.span,
                        format!("unknown column `{}` in view `{qname}`", c.value),
                    )
                    .label("no such column")
                    .help(help),
                );
            }
            found
        };
        let mut ok = true;
        let mut keys = Vec::new();
        for key in &attr.columns {
            let Some(column) = resolve(cx, &key.column) else {
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
            keys.push(IndexKey {
                target: IndexTarget::Column(column),
                order,
                nulls,
                opclass: key.ops.as_ref().map(|o| o.value.clone()),
            });
        }
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
        let include: Vec<Option<String>> = attr.include.iter().map(|c| resolve(cx, c)).collect();
        let Some(include) = include.into_iter().collect::<Option<Vec<String>>>() else {
            continue;
        };
        if !ok {
            continue;
        }
        let key_names: Vec<&str> = keys
            .iter()
            .map(|k| match &k.target {
                IndexTarget::Column(c) => c.as_str(),
                IndexTarget::Expression(_) => "expr",
            })
            .collect();
        let name = match &attr.name {
            Some(n) if check_name(cx, file, n, "index") => n.value.clone(),
            _ => naming::index(&qname.name, &key_names),
        };
        if !index_names.insert(name.clone()) {
            let at = attr.name.as_ref().map_or(attr.span, |n| n.span);
            cx.err(
                file,
                Error::new(
                    at,
                    format!("duplicate index name `{name}` on view `{qname}`"),
                )
                .label("second index with this name")
                .help("name one with `name = \"…\"`"),
            );
            continue;
        }
        view.indexes.push(Index {
            comment: super::comment_of(cx, file, &attr.comment),
            name,
            unique: attr.unique.is_some(),
            nulls_not_distinct: attr.nulls_not_distinct.is_some(),
            method: attr.method.as_ref().map_or_else(
                || DEFAULT_INDEX_METHOD.to_string(),
                |m| m.value.trim().to_lowercase(),
            ),
            keys,
            include,
            predicate: attr.predicate.as_ref().map(|p| p.value.clone()),
        });
    }
    view.normalize();
    ViewBuild {
        file,
        span,
        view,
        rename,
    }
}

/// The text of `sql_file`, or an error naming the path tried.
pub(crate) fn read_sql_file(
    cx: &mut Cx<Span>,
    file: usize,
    path: &Spanned<String>,
    what: &str,
) -> String {
    let base: Option<PathBuf> = cx.options.schema_dir.clone().or_else(|| {
        cx.files
            .get(file)
            .and_then(|f| f.path.parent().map(|p| p.to_path_buf()))
    });
    // Inside a derive there are no files: the CLI reads the query.
    let Some(base) = base else {
        return String::new();
    };
    if path.value.trim().is_empty() {
        cx.err(
            file,
            Error::new(path.span, "empty `sql_file`")
                .label("expected a path such as `views/name.sql`"),
        );
        return String::new();
    }
    let full = base.join(&path.value);
    match std::fs::read_to_string(&full) {
        Ok(text) if text.trim().is_empty() => {
            cx.err(
                file,
                Error::new(path.span, format!("`{}` is empty", full.display()))
                    .label(format!("expected {what} in the file")),
            );
            String::new()
        }
        Ok(text) => text,
        Err(e) => {
            cx.err(
                file,
                Error::new(
                    path.span,
                    format!("cannot read `sql_file` {}: {e}", full.display()),
                )
                .label("file not readable")
                .help(format!(
                    "the path is relative to the schema directory ({})",
                    base.display()
                )),
            );
            String::new()
        }
    }
}

/// Reports and drops views whose name another view or a table already has
/// (views and tables share PostgreSQL's relation names).
pub(crate) fn check_view_names<S: Site>(
    cx: &mut Cx<S>,
    views: Vec<ViewBuild<S>>,
    tables: &HashMap<QualifiedName, (usize, S)>,
) -> Vec<ViewBuild<S>> {
    let mut kept: Vec<ViewBuild<S>> = Vec::with_capacity(views.len());
    let mut by_name: HashMap<QualifiedName, usize> = HashMap::new();
    for v in views {
        let qname = v.view.name.clone();
        let first = by_name
            .get(&qname)
            .map(|&i| (kept[i].file, kept[i].span, "view"))
            .or_else(|| tables.get(&qname).map(|&(f, s)| (f, s, "table")));
        if let Some((first_file, first_span, what)) = first {
            let at = cx.location(first_file, first_span, v.file);
            cx.err(
                v.file,
                Error::new(v.span, format!("duplicate view `{qname}`"))
                    .label("second definition")
                    .help(format!(
                        "a {what} named `{qname}` is defined at {at}; views and tables share names: rename one with `#[view(name = \"…\")]`"
                    )),
            );
            continue;
        }
        by_name.insert(qname, kept.len());
        kept.push(v);
    }
    kept
}
