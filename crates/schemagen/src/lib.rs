//! Renders a [`shale_model::Schema`] as Rust source in shale's schema language
//! (what `shale pull` writes), built with quote and formatted with prettyplease.
//!
//! **Architecture invariant:** the output parses back to the identical model
//! (`parse_sources(render(s)) == s`). Names, types and options are written
//! only when the parser would not derive the same value by itself, so that
//! pulled schemas read like hand-written ones; what the schema language
//! cannot express is reported by [`render_with_warnings`], never dropped
//! silently.
#![deny(missing_docs)]

mod function;
mod grant;
mod partition;
mod sequence;
mod user_type;
mod view;

use std::collections::{HashMap, HashSet};

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use shale_model::naming;
use shale_model::{
    BaseType, Column, ColumnType, Deferrable, Enum, ForeignKey, ForeignKeyAction, Identity, Index,
    IndexKey, IndexTarget, NullsOrder, Policy, PolicyCommand, QualifiedName, Schema, SortOrder,
    Table, DEFAULT_INDEX_METHOD,
};

/// The Rust schema source for `schema`.
pub fn render(schema: &Schema) -> String {
    render_with_warnings(schema).0
}

/// The Rust schema source for `schema`, and a message for each thing the
/// schema language cannot express exactly (e.g. an index mixing column and
/// expression keys), which `shale pull` prints.
pub fn render_with_warnings(schema: &Schema) -> (String, Vec<String>) {
    let mut r = Renderer {
        warnings: Vec::new(),
        used_idents: HashSet::new(),
        enum_idents: HashMap::new(),
        fields: HashMap::new(),
    };
    let mut items = Vec::new();
    for e in &schema.enums {
        let ident = r.type_ident(&e.name);
        r.enum_idents.insert(e.name.clone(), ident);
    }
    // Domains and composite types share the enums' map of idents: column
    // types name them alike.
    for name in schema
        .domains
        .iter()
        .map(|d| &d.name)
        .chain(schema.composite_types.iter().map(|c| &c.name))
    {
        let ident = r.type_ident(name);
        r.enum_idents.insert(name.clone(), ident);
    }
    for e in &schema.extensions {
        items.push(r.render_extension(e));
    }
    for e in &schema.enums {
        items.push(r.render_enum(e));
    }
    for d in &schema.domains {
        items.push(r.render_domain(d));
    }
    for c in &schema.composite_types {
        items.push(r.render_composite(c));
    }
    for s in &schema.sequences {
        items.push(r.render_sequence(s));
    }
    for f in &schema.functions {
        items.push(r.render_function(f));
    }
    for t in &schema.tables {
        items.push(r.render_table(t));
    }
    for v in &schema.views {
        items.push(r.render_view(v));
    }
    for n in &schema.namespace_settings {
        items.push(r.render_namespace(n));
    }
    // The derives used, in alphabetical order (the list schemas without
    // sequences, extensions or views always had).
    let mut derives = vec![quote!(PgEnum), quote!(Table)];
    if !schema.sequences.is_empty() {
        derives.push(quote!(Sequence));
    }
    if !schema.extensions.is_empty() {
        derives.insert(0, quote!(Extension));
    }
    if !schema.views.is_empty() {
        derives.push(quote!(View));
    }
    if !schema.functions.is_empty() {
        derives.push(quote!(Function));
    }
    if !schema.namespace_settings.is_empty() {
        derives.push(quote!(Namespace));
    }
    if !schema.domains.is_empty() {
        derives.push(quote!(Domain));
    }
    if !schema.composite_types.is_empty() {
        derives.push(quote!(CompositeType));
    }
    derives.sort_by_key(|d| d.to_string());
    let file = quote! {
        use shale::{#(#derives),*};
        #(#items)*
    };
    let text = match syn::parse2::<syn::File>(file.clone()) {
        Ok(parsed) => separate_items(&prettyplease::unparse(&parsed)),
        // Unreachable for tokens built here, but an unformatted file beats a panic.
        Err(_) => file.to_string(),
    };
    (text, r.warnings)
}

/// prettyplease puts top-level items on consecutive lines; a blank line
/// after each (they all end with a `}` line, a `use …;` or a unit struct's
/// `pub struct Name;` at column 0) reads better.
fn separate_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let ends_item = line == "}"
            || (line.starts_with("use ") && line.ends_with(';'))
            || (line.starts_with("pub struct ") && line.ends_with(';'));
        if ends_item && lines.peek().is_some() {
            out.push('\n');
        }
    }
    out
}

struct Renderer {
    warnings: Vec<String>,
    /// Type idents taken so far (structs and enums share one namespace).
    used_idents: HashSet<String>,
    enum_idents: HashMap<QualifiedName, Ident>,
    /// The current table's field ident per column name, and whether the
    /// field needs `#[column(name = …)]`.
    fields: HashMap<String, (Ident, bool)>,
}

impl Renderer {
    /// A unique UpperCamelCase ident for a table or enum; prefixed with the
    /// namespace, then numbered, when two would clash.
    fn type_ident(&mut self, name: &QualifiedName) -> Ident {
        let base = valid_type_ident(&name.name.to_upper_camel_case());
        let mut candidate = base.clone();
        if self.used_idents.contains(&candidate) && !name.is_public() {
            candidate =
                valid_type_ident(&format!("{}{}", name.namespace.to_upper_camel_case(), base));
        }
        let stem = candidate.clone();
        let mut n = 2;
        while self.used_idents.contains(&candidate) {
            candidate = format!("{stem}{n}");
            n += 1;
        }
        self.used_idents.insert(candidate.clone());
        Ident::new(&candidate, Span::call_site())
    }

    fn render_enum(&mut self, e: &Enum) -> TokenStream {
        let ident = self.enum_idents[&e.name].clone();
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != e.name.name {
            let n = &e.name.name;
            args.push(quote!(name = #n));
        }
        if !e.name.is_public() {
            let s = &e.name.namespace;
            args.push(quote!(schema = #s));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[pg_enum(#(#args),*)]));
        let mut used = HashSet::new();
        let variants = e.values.iter().map(|value| {
            let base = valid_type_ident(&value.to_upper_camel_case());
            let mut v = base.clone();
            let mut n = 2;
            while !used.insert(v.clone()) {
                v = format!("{base}{n}");
                n += 1;
            }
            let rename = (v.to_snake_case() != *value).then(|| quote!(#[pg_enum(rename = #value)]));
            let v = Ident::new(&v, Span::call_site());
            quote!(#rename #v)
        });
        let doc = doc_attrs(e.comment.as_deref());
        quote! {
            #doc
            #[derive(PgEnum)]
            #attr
            pub enum #ident { #(#variants),* }
        }
    }

    fn render_table(&mut self, t: &Table) -> TokenStream {
        let ident = self.type_ident(&t.name);
        let table = &t.name.name;
        let mut table_args = Vec::new();
        if ident.to_string().to_snake_case() != *table {
            table_args.push(quote!(name = #table));
        }
        if !t.name.is_public() {
            let s = &t.name.namespace;
            table_args.push(quote!(schema = #s));
        }
        if t.row_level_security.enabled {
            table_args.push(quote!(row_level_security));
        }
        if t.row_level_security.forced {
            table_args.push(quote!(force_row_level_security));
        }
        table_args.extend(partition::partition_by_arg(t));
        self.fields = field_idents(&t.columns);
        let mut table_attrs = Vec::new();
        if !table_args.is_empty() {
            table_attrs.push(quote!(#[table(#(#table_args),*)]));
        }

        // Column-level attributes collected first; what cannot sit on a
        // column goes to the struct.
        let mut column_extra: Vec<Vec<TokenStream>> = vec![Vec::new(); t.columns.len()];
        let position = |name: &str| t.columns.iter().position(|c| c.name == name);

        if let Some(pk) = &t.primary_key {
            let default_name = pk.name == naming::primary_key(table);
            match (pk.columns.as_slice(), default_name) {
                ([only], true)
                    if position(only).is_some()
                        && pk.deferrable == Deferrable::No
                        && pk.comment.is_none() =>
                {
                    column_extra[position(only).unwrap_or_default()].push(quote!(primary_key));
                }
                _ => {
                    let cols = self.idents_list(&pk.columns);
                    let name = (!default_name).then(|| {
                        let n = &pk.name;
                        quote!(, name = #n)
                    });
                    let deferrable = deferrable_arg(pk.deferrable).map(|d| quote!(, #d));
                    let comment = comment_arg(&pk.comment).map(|c| quote!(, #c));
                    table_attrs
                        .push(quote!(#[primary_key(columns(#cols) #name #deferrable #comment)]));
                }
            }
        }
        for u in &t.uniques {
            match u.columns.as_slice() {
                [only]
                    if !u.nulls_not_distinct
                        && u.deferrable == Deferrable::No
                        && u.comment.is_none()
                        && u.name == naming::unique(table, &u.columns)
                        && position(only).is_some()
                        && !column_extra[position(only).unwrap_or_default()]
                            .iter()
                            .any(|a| a.to_string() == "unique") =>
                {
                    column_extra[position(only).unwrap_or_default()].push(quote!(unique));
                }
                _ => {
                    let cols = self.idents_list(&u.columns);
                    let mut args = vec![quote!(columns(#cols))];
                    if u.name != naming::unique(table, &u.columns) {
                        let n = &u.name;
                        args.push(quote!(name = #n));
                    }
                    if u.nulls_not_distinct {
                        args.push(quote!(nulls_not_distinct));
                    }
                    args.extend(deferrable_arg(u.deferrable));
                    args.extend(comment_arg(&u.comment));
                    table_attrs.push(quote!(#[unique(#(#args),*)]));
                }
            }
        }
        let mut column_has_check = vec![false; t.columns.len()];
        for c in &t.checks {
            let on_column = t
                .columns
                .iter()
                .position(|col| c.name == naming::check(table, Some(&col.name)))
                .filter(|&i| {
                    !column_has_check[i] && !c.no_inherit && !c.not_valid && c.comment.is_none()
                });
            let expr = &c.expr;
            match on_column {
                Some(i) => {
                    column_has_check[i] = true;
                    column_extra[i].push(quote!(check = #expr));
                }
                None => {
                    let name = (c.name != naming::check(table, None)).then(|| {
                        let n = &c.name;
                        quote!(name = #n,)
                    });
                    let no_inherit = c.no_inherit.then(|| quote!(, no_inherit));
                    let not_valid = c.not_valid.then(|| quote!(, not_valid));
                    let comment = comment_arg(&c.comment).map(|c| quote!(, #c));
                    table_attrs
                        .push(quote!(#[check(#name expr = #expr #no_inherit #not_valid #comment)]));
                }
            }
        }
        let mut column_has_fk = vec![false; t.columns.len()];
        for fk in &t.foreign_keys {
            let default_name = fk.name == naming::foreign_key(table, &fk.columns);
            let single = match (fk.columns.as_slice(), fk.referenced_columns.as_slice()) {
                ([c], [_])
                    if default_name
                        && fk.deferrable == Deferrable::No
                        && !fk.not_valid
                        && !fk.match_full
                        && fk.comment.is_none() =>
                {
                    position(c).filter(|&i| !column_has_fk[i])
                }
                _ => None,
            };
            match single {
                Some(i) => {
                    column_has_fk[i] = true;
                    let target = format!(
                        "{}.{}",
                        reference_table(&fk.referenced_table),
                        fk.referenced_columns[0]
                    );
                    column_extra[i].push(quote!(references = #target));
                    column_extra[i].extend(actions(fk));
                }
                None => table_attrs.push(self.foreign_key_attr(table, fk, default_name)),
            }
        }
        for index in &t.indexes {
            table_attrs.push(self.index_attr(t, index));
        }
        for policy in &t.policies {
            if let Some(attr) = self.policy_attr(t, policy) {
                table_attrs.push(attr);
            }
        }
        for trigger in &t.triggers {
            if let Some(attr) = self.trigger_attr(t, trigger) {
                table_attrs.push(attr);
            }
        }
        table_attrs.extend(grant::grant_attrs(&t.grants));
        table_attrs.extend(partition::table_attrs(t));

        let fields: Vec<TokenStream> = t
            .columns
            .iter()
            .zip(column_extra)
            .map(|(c, extra)| self.render_column(c, extra))
            .collect();
        let doc = doc_attrs(t.comment.as_deref());
        quote! {
            #doc
            #[derive(Table)]
            #(#table_attrs)*
            pub struct #ident { #(#fields),* }
        }
    }

    /// `#[policy(…)]`, or `None` (with a warning) when a role name is not
    /// an identifier the schema language can write in `to(…)`.
    fn policy_attr(&mut self, t: &Table, policy: &Policy) -> Option<TokenStream> {
        if let Some(role) = policy
            .roles
            .iter()
            .find(|r| !(is_plain_ident(r) && can_be_raw(r)))
        {
            self.warnings.push(format!(
                "policy `{}` on `{}` is left out: its role `{role}` is not a plain identifier, which `to(…)` cannot write",
                policy.name, t.name
            ));
            return None;
        }
        let name = &policy.name;
        let mut args = vec![quote!(name = #name)];
        if policy.command != PolicyCommand::All {
            let c = policy.command.as_sql().to_lowercase();
            args.push(quote!(command = #c));
        }
        if policy.roles != [shale_model::policy::PUBLIC_ROLE] {
            let roles = policy.roles.iter().map(|r| self.list_ident(r));
            args.push(quote!(to(#(#roles),*)));
        }
        if let Some(u) = &policy.using {
            args.push(quote!(using = #u));
        }
        if let Some(w) = &policy.with_check {
            args.push(quote!(with_check = #w));
        }
        if !policy.permissive {
            args.push(quote!(restrictive));
        }
        args.extend(comment_arg(&policy.comment));
        Some(quote!(#[policy(#(#args),*)]))
    }

    fn foreign_key_attr(
        &mut self,
        table: &str,
        fk: &ForeignKey,
        default_name: bool,
    ) -> TokenStream {
        let cols = self.idents_list(&fk.columns);
        let target = format!(
            "{}({})",
            reference_table(&fk.referenced_table),
            fk.referenced_columns.join(", ")
        );
        let mut args = vec![quote!(columns(#cols)), quote!(references = #target)];
        args.extend(actions(fk));
        if !default_name {
            let n = &fk.name;
            args.push(quote!(name = #n));
        }
        args.extend(deferrable_arg(fk.deferrable));
        if fk.not_valid {
            args.push(quote!(not_valid));
        }
        if fk.match_full {
            args.push(quote!(match_full));
        }
        args.extend(comment_arg(&fk.comment));
        let _ = table;
        quote!(#[foreign_key(#(#args),*)])
    }

    fn index_attr(&mut self, t: &Table, index: &Index) -> TokenStream {
        let table = &t.name.name;
        let mut args = Vec::new();
        let key_names: Vec<&str> = index
            .keys
            .iter()
            .map(|k| match &k.target {
                IndexTarget::Column(c) => c.as_str(),
                IndexTarget::Expression(_) => "expr",
            })
            .collect();
        match index.keys.as_slice() {
            // A lone plain expression key reads best as `expr = "…"`.
            [IndexKey {
                target: IndexTarget::Expression(e),
                order: SortOrder::Asc,
                nulls: None,
                opclass: None,
            }] => args.push(quote!(expr = #e)),
            // Anything else, expression keys included: `columns(expr(sql = "…", …), col)`.
            keys => {
                let keys = keys.iter().map(|k| self.index_key(k));
                args.push(quote!(columns(#(#keys),*)));
            }
        }
        if index.name != naming::index(table, &key_names) {
            let n = &index.name;
            args.push(quote!(name = #n));
        }
        if index.unique {
            args.push(quote!(unique));
        }
        if index.nulls_not_distinct {
            args.push(quote!(nulls_not_distinct));
        }
        if index.method != DEFAULT_INDEX_METHOD {
            let m = &index.method;
            args.push(quote!(method = #m));
        }
        if let Some(p) = &index.predicate {
            args.push(quote!(where = #p));
        }
        if !index.include.is_empty() {
            let inc = self.idents_list(&index.include);
            args.push(quote!(include(#inc)));
        }
        args.extend(comment_arg(&index.comment));
        quote!(#[index(#(#args),*)])
    }

    fn render_column(&mut self, c: &Column, mut attrs: Vec<TokenStream>) -> TokenStream {
        let (field, rename) = self.fields[&c.name].clone();
        let mut args = Vec::new();
        if rename {
            let n = &c.name;
            args.push(quote!(name = #n));
        }
        let (rust_ty, sql_type) = self.rust_type(&c.ty);
        if let Some(sql) = sql_type {
            args.push(quote!(sql_type = #sql));
        }
        args.append(&mut attrs);
        match c.identity {
            Some(Identity::ByDefault) => args.push(quote!(identity)),
            Some(Identity::Always) => args.push(quote!(identity = "always")),
            None => {}
        }
        if c.identity.is_some() {
            args.extend(sequence::option_args(&c.identity_options, "identity_"));
        }
        if let Some(d) = &c.default {
            args.push(quote!(default = #d));
        }
        if let Some(g) = &c.generated {
            args.push(quote!(generated = #g));
        }
        if let Some(collation) = &c.collation {
            args.push(quote!(collate = #collation));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[column(#(#args),*)]));
        let ty = if c.nullable {
            quote!(Option<#rust_ty>)
        } else {
            rust_ty
        };
        let doc = doc_attrs(c.comment.as_deref());
        let grants = grant::grant_attrs(&c.grants);
        quote! {
            #doc
            #attr
            #(#grants)*
            pub #field: #ty
        }
    }

    /// The Rust type, and the `sql_type` to write when the Rust type alone
    /// would not map back to exactly this column type.
    fn rust_type(&mut self, ty: &ColumnType) -> (TokenStream, Option<String>) {
        let (scalar, exact) = match &ty.base {
            BaseType::Enum(q) | BaseType::UserType(q) => match self.enum_idents.get(q) {
                Some(ident) => (quote!(#ident), true),
                None => (quote!(String), false),
            },
            BaseType::Named(name) => scalar_rust_type(name),
        };
        // `Vec<u8>` is bytea, so a smallint-like byte array cannot be nested
        // that way; none of the mapped scalars is `u8`, so plain nesting works.
        let bytea_array =
            matches!(&ty.base, BaseType::Named(n) if n == "bytea") && ty.array_dims > 0;
        let mut rust = scalar;
        for _ in 0..ty.array_dims {
            rust = quote!(Vec<#rust>);
        }
        if exact && !bytea_array {
            return (rust, None);
        }
        let spelling = match &ty.base {
            BaseType::Named(n) => n.clone(),
            BaseType::Enum(q) | BaseType::UserType(q) => q.to_string(),
        };
        (
            rust,
            Some(format!("{spelling}{}", "[]".repeat(ty.array_dims as usize))),
        )
    }
}

/// The Rust type for a canonical SQL base type, and whether mapping it back
/// gives exactly that type (design.md §4's type table).
fn scalar_rust_type(name: &str) -> (TokenStream, bool) {
    let exact = |t: TokenStream| (t, true);
    let approx = |t: TokenStream| (t, false);
    match name {
        "smallint" => exact(quote!(i16)),
        "integer" => exact(quote!(i32)),
        "bigint" => exact(quote!(i64)),
        "real" => exact(quote!(f32)),
        "double precision" => exact(quote!(f64)),
        "boolean" => exact(quote!(bool)),
        "text" => exact(quote!(String)),
        "bytea" => exact(quote!(Vec<u8>)),
        "uuid" => exact(quote!(uuid::Uuid)),
        "date" => exact(quote!(chrono::NaiveDate)),
        "time" => exact(quote!(chrono::NaiveTime)),
        "timestamp" => exact(quote!(chrono::NaiveDateTime)),
        "timestamptz" => exact(quote!(chrono::DateTime<chrono::Utc>)),
        "numeric" => exact(quote!(rust_decimal::Decimal)),
        "jsonb" => exact(quote!(serde_json::Value)),
        "inet" => exact(quote!(std::net::IpAddr)),
        "smallserial" => approx(quote!(i16)),
        "serial" => approx(quote!(i32)),
        "bigserial" => approx(quote!(i64)),
        "json" => approx(quote!(serde_json::Value)),
        n if n.starts_with("numeric(") => approx(quote!(rust_decimal::Decimal)),
        n if n.starts_with("timestamptz(") => approx(quote!(chrono::DateTime<chrono::Utc>)),
        n if n.starts_with("timestamp(") => approx(quote!(chrono::NaiveDateTime)),
        n if n.starts_with("time(") => approx(quote!(chrono::NaiveTime)),
        _ => approx(quote!(String)),
    }
}

fn actions(fk: &ForeignKey) -> Vec<TokenStream> {
    let mut out = Vec::new();
    if fk.on_delete != ForeignKeyAction::NoAction {
        let a = action_spelling(fk.on_delete);
        out.push(quote!(on_delete = #a));
    }
    if fk.on_update != ForeignKeyAction::NoAction {
        let a = action_spelling(fk.on_update);
        out.push(quote!(on_update = #a));
    }
    out
}

fn action_spelling(a: ForeignKeyAction) -> &'static str {
    match a {
        ForeignKeyAction::NoAction => "no_action",
        ForeignKeyAction::Restrict => "restrict",
        ForeignKeyAction::Cascade => "cascade",
        ForeignKeyAction::SetNull => "set_null",
        ForeignKeyAction::SetDefault => "set_default",
    }
}

/// `table` in `public`, `schema.table` elsewhere: an unqualified reference
/// would resolve to the referencing table's own namespace first.
fn reference_table(q: &QualifiedName) -> String {
    format!("{}.{}", q.namespace, q.name)
}

impl Renderer {
    fn index_key(&self, k: &IndexKey) -> TokenStream {
        let mut opts = Vec::new();
        let ident = match &k.target {
            IndexTarget::Column(c) => self.list_ident(c),
            IndexTarget::Expression(e) => {
                opts.push(quote!(sql = #e));
                quote!(expr)
            }
        };
        if k.order == SortOrder::Desc {
            opts.push(quote!(desc));
        }
        match (k.order, k.nulls) {
            (SortOrder::Asc, Some(NullsOrder::First)) => opts.push(quote!(nulls_first)),
            (SortOrder::Desc, Some(NullsOrder::Last)) => opts.push(quote!(nulls_last)),
            _ => {}
        }
        if let Some(ops) = &k.opclass {
            opts.push(quote!(ops = #ops));
        }
        if opts.is_empty() {
            ident
        } else {
            quote!(#ident(#(#opts),*))
        }
    }

    /// A column inside `columns(…)` / `include(…)`. The parser resolves an
    /// ident there by SQL name first, then by field: the SQL name when it
    /// is an ident, else the field's ident (which never equals another
    /// column's SQL name, see [`field_idents`]).
    fn list_ident(&self, name: &str) -> TokenStream {
        if is_plain_ident(name) && can_be_raw(name) {
            let i = if syn::parse_str::<Ident>(name).is_ok() {
                Ident::new(name, Span::call_site())
            } else {
                Ident::new_raw(name, Span::call_site())
            };
            return quote!(#i);
        }
        match self.fields.get(name) {
            Some((ident, _)) => quote!(#ident),
            None => quote!(#name),
        }
    }

    fn idents_list(&self, names: &[String]) -> TokenStream {
        let items = names.iter().map(|n| self.list_ident(n));
        quote!(#(#items),*)
    }
}

/// Field idents for a table's columns. Columns whose name already is a
/// snake_case ident keep it; the others get a derived ident that is neither
/// taken nor the SQL name of another column.
fn field_idents(columns: &[Column]) -> HashMap<String, (Ident, bool)> {
    let mut used: HashSet<String> = HashSet::new();
    for c in columns {
        if is_plain_ident(&c.name) && can_be_raw(&c.name) && c.name.to_snake_case() == c.name {
            used.insert(c.name.clone());
        }
    }
    let mut out = HashMap::new();
    for c in columns {
        if used.contains(&c.name) {
            out.insert(c.name.clone(), (make_ident(&c.name), false));
            continue;
        }
        out.insert(c.name.clone(), field_ident(&c.name, &mut used));
    }
    out
}

fn make_ident(s: &str) -> Ident {
    if syn::parse_str::<Ident>(s).is_ok() {
        Ident::new(s, Span::call_site())
    } else {
        Ident::new_raw(s, Span::call_site())
    }
}

/// The field ident for a column and whether `#[column(name = …)]` is needed.
fn field_ident(column: &str, used: &mut HashSet<String>) -> (Ident, bool) {
    let mut base = column.to_snake_case();
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base = format!("c_{base}");
    }
    if !is_plain_ident(&base) {
        base = base
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
    }
    if !can_be_raw(&base) {
        base.push('_');
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    let ident = if syn::parse_str::<Ident>(&candidate).is_ok() {
        Ident::new(&candidate, Span::call_site())
    } else {
        Ident::new_raw(&candidate, Span::call_site())
    };
    (ident, candidate != column)
}

fn is_plain_ident(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
}

/// `self`, `super`, `crate`, `Self` and `_` cannot be raw identifiers.
fn can_be_raw(s: &str) -> bool {
    !matches!(s, "self" | "super" | "crate" | "Self" | "_")
}

fn valid_type_ident(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    if syn::parse_str::<Ident>(&out).is_err() {
        out.push('_');
    }
    out
}

/// One `#[doc]` per line, with the space `///` comments carry.
fn doc_attrs(comment: Option<&str>) -> TokenStream {
    let Some(comment) = comment else {
        return TokenStream::new();
    };
    let lines = comment.split('\n').map(|l| format!(" {l}"));
    quote!(#(#[doc = #lines])*)
}

/// `comment = "…"` of a constraint or index, or nothing.
fn comment_arg(comment: &Option<String>) -> Option<TokenStream> {
    comment.as_ref().map(|c| quote!(comment = #c))
}

/// `deferrable = "…"` of a key or foreign key, or nothing.
fn deferrable_arg(deferrable: Deferrable) -> Option<TokenStream> {
    match deferrable {
        Deferrable::No => None,
        Deferrable::InitiallyImmediate => Some(quote!(deferrable = "initially_immediate")),
        Deferrable::InitiallyDeferred => Some(quote!(deferrable = "initially_deferred")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shale_model::{CheckConstraint, Column, PrimaryKey, UniqueConstraint};

    fn users() -> Schema {
        let mut t = Table::new(QualifiedName::public("users"));
        let mut id = Column::new("id", ColumnType::named("bigint"));
        id.identity = Some(Identity::Always);
        let mut email = Column::new("email", ColumnType::named("varchar(320)"));
        email.comment = Some("where we write".into());
        let mut ty = Column::new(
            "type",
            ColumnType::enum_(QualifiedName::new("auth", "role")),
        );
        ty.nullable = true;
        let mut age = Column::new("Age", ColumnType::named("integer"));
        age.default = Some("0".into());
        t.columns = vec![id, email, ty, age];
        t.primary_key = Some(PrimaryKey {
            comment: None,
            deferrable: Default::default(),
            name: "users_pkey".into(),
            columns: vec!["id".into()],
        });
        t.uniques = vec![UniqueConstraint {
            comment: None,
            deferrable: Default::default(),
            name: "users_email_key".into(),
            columns: vec!["email".into()],
            nulls_not_distinct: false,
        }];
        t.checks = vec![CheckConstraint {
            comment: None,
            not_valid: false,
            no_inherit: false,
            name: "users_Age_check".into(),
            expr: "\"Age\" > 0".into(),
        }];
        t.comment = Some("People\nwho sign in".into());
        let mut s = Schema {
            namespaces: vec!["auth".into()],
            enums: vec![Enum {
                name: QualifiedName::new("auth", "role"),
                values: vec!["admin".into(), "guest-user".into()],
                comment: None,
            }],
            tables: vec![t],
            ..Schema::default()
        };
        s.normalize();
        s
    }

    #[test]
    fn renders_clean_source() {
        let text = render(&users());
        let expected = r#"use shale::{PgEnum, Table};

#[derive(PgEnum)]
#[pg_enum(schema = "auth")]
pub enum Role {
    Admin,
    #[pg_enum(rename = "guest-user")]
    GuestUser,
}

/// People
/// who sign in
#[derive(Table)]
pub struct Users {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    /// where we write
    #[column(sql_type = "varchar(320)", unique)]
    pub email: String,
    pub r#type: Option<Role>,
    #[column(name = "Age", check = "\"Age\" > 0", default = "0")]
    pub age: i32,
}
"#;
        assert_eq!(text, expected, "\n{text}");
    }

    #[test]
    fn expression_keys_are_written_whole() {
        let mut s = users();
        let mut expr_key = IndexKey::column("x");
        expr_key.target = IndexTarget::Expression("lower(email)".into());
        let mut desc_expr = expr_key.clone();
        desc_expr.order = SortOrder::Desc;
        desc_expr.opclass = Some("text_pattern_ops".into());
        let index = |name: &str, keys: Vec<IndexKey>| Index {
            comment: None,
            name: name.into(),
            unique: false,
            nulls_not_distinct: false,
            method: "btree".into(),
            keys,
            include: Vec::new(),
            predicate: None,
        };
        s.tables[0].indexes = vec![
            index("mixed", vec![IndexKey::column("id"), expr_key.clone()]),
            index("desc_expr", vec![desc_expr]),
            index("plain", vec![expr_key]),
        ];
        let (text, warnings) = render_with_warnings(&s);
        assert!(warnings.is_empty(), "{warnings:#?}");
        for expected in [
            r#"#[index(columns(id, expr(sql = "lower(email)")), name = "mixed")]"#,
            r#"columns(expr(sql = "lower(email)", desc, ops = "text_pattern_ops"))"#,
            r#"#[index(expr = "lower(email)", name = "plain")]"#,
        ] {
            assert!(text.contains(expected), "missing {expected} in\n{text}");
        }
    }

    #[test]
    fn field_idents_never_take_another_columns_name() {
        let cols: Vec<Column> = ["Type", "type", "type_2", "self"]
            .iter()
            .map(|n| Column::new(*n, ColumnType::named("text")))
            .collect();
        let f = field_idents(&cols);
        assert_eq!(f["type"].0.to_string(), "r#type");
        assert_eq!(f["type_2"].0.to_string(), "type_2");
        assert_eq!(f["Type"].0.to_string(), "type_3");
        assert!(f["Type"].1);
        assert_eq!(f["self"].0.to_string(), "self_");
    }

    #[test]
    fn field_idents_are_valid_and_unique() {
        let mut used = HashSet::new();
        assert_eq!(
            field_ident("type", &mut used),
            (Ident::new_raw("type", Span::call_site()), false)
        );
        assert_eq!(field_ident("self", &mut used).0.to_string(), "self_");
        assert_eq!(field_ident("1st", &mut used).0.to_string(), "c_1st");
        assert_eq!(field_ident("Type", &mut used).0.to_string(), "type_2");
        assert!(field_ident("a b", &mut used).1);
    }
}
