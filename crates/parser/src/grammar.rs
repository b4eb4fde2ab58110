//! The attribute grammar of shale's schema language: pure functions from syn
//! items and attributes to typed attribute structs that carry
//! [`proc_macro2::Span`]s.
//!
//! **Architecture invariant:** this module knows nothing about files, about
//! diagnostics rendering, about the dialect or about `shale_model`. It checks
//! only what a single item can tell (spelling, value types, duplicate keys,
//! misplaced attributes), so that a derive macro can reuse it unchanged; every
//! cross-item rule (types, references, names) lives in `lower`.
//!
//! Errors never stop the grammar: each function returns the best typed value
//! it could build and pushes every problem to an error list.

mod extension;
mod function;
mod grant;
mod partition;
mod sequence;
mod user_type;
mod view;

use std::collections::HashSet;

pub use extension::{extension, extension_from_derive, is_extension, ExtensionDef};
pub use function::{function, function_from_derive, is_function, FunctionDef, TriggerAttr};
pub use grant::{
    grant_attrs, is_namespace, namespace, namespace_from_derive, GrantAttr, NamespaceDef,
    PRIVILEGE_KEYS,
};
pub use partition::{ExcludeAttr, PartitionAttr};
pub use sequence::{is_sequence, sequence, sequence_from_derive, SequenceDef};
pub use user_type::{
    composite_type, composite_type_from_derive, domain, domain_from_derive, is_composite_type,
    is_domain, AttributeDef, CompositeDef, DomainCheckAttr, DomainDef,
};
pub use view::{is_view, view, view_from_derive, ViewAttrs, ViewDef, VIEW_KEYS};

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::{Attribute, Expr, Fields, Ident, ItemEnum, ItemStruct, Lit, Meta};

/// A problem in one item's attributes, convertible into a [`syn::Error`].
///
/// `S` is where it points: a [`Span`] while the item's tokens are at hand
/// (the grammar, per-item checks, the derive macros); the CLI's parser
/// turns spans into file positions on the thread that lexed the file
/// (proc-macro2's source map is thread-local) before checking across items.
#[derive(Clone, Debug)]
pub struct Error<S = Span> {
    /// What the error points at.
    pub span: S,
    /// The message, lowercase, no final period.
    pub message: String,
    /// A short label for the span, may be empty.
    pub label: String,
    /// A fix-it hint.
    pub help: Option<String>,
    /// The span of the last token when the error covers several tokens.
    /// Inside a proc macro on stable Rust spans cannot be joined, so `span`
    /// is then only the first token; [`syn::Error`] conversion uses `end` to
    /// underline the whole range, as `shale generate` does.
    pub end: Option<S>,
}

impl<S> Error<S> {
    /// An error with a message and no label or help.
    pub fn new(span: S, message: impl Into<String>) -> Self {
        Error {
            span,
            message: message.into(),
            label: String::new(),
            help: None,
            end: None,
        }
    }

    /// Sets the label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// The same error pointing at `f(span)`.
    pub fn map_span<T>(self, mut f: impl FnMut(S) -> T) -> Error<T> {
        Error {
            span: f(self.span),
            message: self.message,
            label: self.label,
            help: self.help,
            end: self.end.map(f),
        }
    }
}

impl Error {
    /// An error covering an entry's tokens from its first to its last.
    pub(crate) fn covering(entry_span: Span, end: Span, message: impl Into<String>) -> Self {
        let mut error = Error::new(entry_span, message);
        error.end = Some(end);
        error
    }

    /// An error covering all of `tokens` (a type, say): inside a proc macro
    /// the span of the first token with the last one as `end`.
    pub fn spanning(tokens: &impl quote::ToTokens, message: impl Into<String>) -> Self {
        let mut spans = tokens.to_token_stream().into_iter().map(|tt| tt.span());
        let first = spans.next().unwrap_or_else(Span::call_site);
        let last = spans.last();
        let mut error = Error::new(first.join(last.unwrap_or(first)).unwrap_or(first), message);
        error.end = last;
        error
    }

    /// One error per message of a syn error (syn combines several into one).
    pub fn from_syn(error: syn::Error) -> Vec<Error> {
        error
            .into_iter()
            .map(|e| Error::new(e.span(), e.to_string()))
            .collect()
    }
}

impl From<Error> for syn::Error {
    /// A compiler-style error: the help, if any, follows the message.
    fn from(error: Error) -> Self {
        let mut message = error.message;
        if let Some(help) = error.help {
            message.push_str("\n\nhelp: ");
            message.push_str(&help);
        }
        match error.end {
            // `new_spanned` keeps the first and last token's spans, which is
            // how a multi-token range reaches rustc without `Span::join`.
            Some(end) => syn::Error::new_spanned(
                [
                    TokenTree::Ident(Ident::new("start", error.span)),
                    TokenTree::Ident(Ident::new("end", end)),
                ]
                .into_iter()
                .collect::<TokenStream>(),
                message,
            ),
            None => syn::Error::new(error.span, message),
        }
    }
}

/// Combines errors into one [`syn::Error`] (for a derive macro), `None` when empty.
pub fn combine(errors: Vec<Error>) -> Option<syn::Error> {
    errors.into_iter().map(syn::Error::from).reduce(|mut a, b| {
        a.combine(b);
        a
    })
}

/// A value with the span of the value and of the key it was given with.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// The span of the value (the literal, or the key of a flag).
    pub span: Span,
    /// The span of the key (`name` in `name = "…"`).
    pub key_span: Span,
}

impl<T> Spanned<T> {
    pub(crate) fn new(value: T, span: Span, key_span: Span) -> Self {
        Spanned {
            value,
            span,
            key_span,
        }
    }
}

/// A struct that derives `Table` (or carries `#[table]`).
#[derive(Clone, Debug)]
pub struct TableDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// Its table-level attributes.
    pub attrs: TableAttrs,
    /// Its named fields, in order.
    pub fields: Vec<FieldDef>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// Table-level attributes of a struct.
#[derive(Clone, Debug, Default)]
pub struct TableAttrs {
    /// `#[table(name = "…")]`.
    pub name: Option<Spanned<String>>,
    /// `#[table(schema = "…")]`.
    pub schema: Option<Spanned<String>>,
    /// `#[table(renamed_from = "[schema.]old")]`.
    pub renamed_from: Option<Spanned<String>>,
    /// `#[primary_key(…)]` (more than one is an error reported by lowering).
    pub primary_keys: Vec<PrimaryKeyAttr>,
    /// `#[unique(…)]`.
    pub uniques: Vec<UniqueAttr>,
    /// `#[index(…)]`.
    pub indexes: Vec<IndexAttr>,
    /// `#[check(…)]`.
    pub checks: Vec<CheckAttr>,
    /// `#[foreign_key(…)]`.
    pub foreign_keys: Vec<ForeignKeyAttr>,
    /// `#[table(row_level_security)]`.
    pub row_level_security: Option<Span>,
    /// `#[table(force_row_level_security)]`.
    pub force_row_level_security: Option<Span>,
    /// `#[policy(…)]`.
    pub policies: Vec<PolicyAttr>,
    /// `#[trigger(…)]`.
    pub triggers: Vec<TriggerAttr>,
    /// `#[grant(…)]`.
    pub grants: Vec<GrantAttr>,
    /// `#[table(partition_by = "…")]`.
    pub partition_by: Option<Spanned<String>>,
    /// `#[partition(…)]`.
    pub partitions: Vec<PartitionAttr>,
    /// `#[exclude(…)]`.
    pub exclusions: Vec<ExcludeAttr>,
}

/// `#[policy(name = "…", command = "select", to(role, …), using = "…",
/// with_check = "…", restrictive)]`.
#[derive(Clone, Debug)]
pub struct PolicyAttr {
    /// The attribute's span.
    pub span: Span,
    /// `name = "…"` (required: PostgreSQL has no default policy name).
    pub name: Option<Spanned<String>>,
    /// `command = "…"`.
    pub command: Option<Spanned<String>>,
    /// `to(…)`: role names.
    pub roles: Vec<Spanned<String>>,
    /// `using = "…"`.
    pub using: Option<Spanned<String>>,
    /// `with_check = "…"`.
    pub with_check: Option<Spanned<String>>,
    /// `restrictive`.
    pub restrictive: Option<Span>,
    /// `comment = "…"`: `COMMENT ON POLICY`.
    pub comment: Option<Spanned<String>>,
}

/// `#[primary_key(columns(a, b), name = "…", deferrable)]`.
#[derive(Clone, Debug)]
pub struct PrimaryKeyAttr {
    /// The attribute's span.
    pub span: Span,
    /// The key's columns.
    pub columns: Vec<Spanned<String>>,
    /// An explicit constraint name.
    pub name: Option<Spanned<String>>,
    /// `deferrable` / `deferrable = "…"`.
    pub deferrable: Option<Spanned<DeferrableAttr>>,
    /// `comment = "…"`: `COMMENT ON CONSTRAINT`.
    pub comment: Option<Spanned<String>>,
}

/// `#[unique(columns(…), name = "…", nulls_not_distinct, deferrable)]`.
#[derive(Clone, Debug)]
pub struct UniqueAttr {
    /// The attribute's span.
    pub span: Span,
    /// The constrained columns.
    pub columns: Vec<Spanned<String>>,
    /// An explicit constraint name.
    pub name: Option<Spanned<String>>,
    /// `nulls_not_distinct`.
    pub nulls_not_distinct: Option<Span>,
    /// `deferrable` / `deferrable = "…"`.
    pub deferrable: Option<Spanned<DeferrableAttr>>,
    /// `comment = "…"`: `COMMENT ON CONSTRAINT`.
    pub comment: Option<Spanned<String>>,
}

/// Sort direction written on an index key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOrder {
    /// `asc`.
    Asc,
    /// `desc`.
    Desc,
}

/// NULLs placement written on an index key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyNulls {
    /// `nulls_first`.
    First,
    /// `nulls_last`.
    Last,
}

/// One item of an index's `columns(…)`: `col`, `col(desc, nulls_last)`, `col(ops = "…")`,
/// or an expression key `expr(sql = "lower(email)", desc, ops = "…")`.
#[derive(Clone, Debug)]
pub struct IndexKeyAttr {
    /// The column (`expr` for an expression key).
    pub column: Spanned<String>,
    /// `sql = "…"` of an `expr(…)` key: the key is this expression, not a column.
    pub expr: Option<Spanned<String>>,
    /// `asc` / `desc`.
    pub order: Option<Spanned<KeyOrder>>,
    /// `nulls_first` / `nulls_last`.
    pub nulls: Option<Spanned<KeyNulls>>,
    /// `ops = "text_pattern_ops"`.
    pub ops: Option<Spanned<String>>,
}

/// `#[index(columns(…) | expr = "…", name, unique, method, where, include(…), nulls_not_distinct)]`.
#[derive(Clone, Debug)]
pub struct IndexAttr {
    /// The attribute's span.
    pub span: Span,
    /// The keys of `columns(…)` (the columns an expression uses when `expr` is set).
    pub columns: Vec<IndexKeyAttr>,
    /// `expr = "…"`.
    pub expr: Option<Spanned<String>>,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `unique`.
    pub unique: Option<Span>,
    /// `method = "…"`.
    pub method: Option<Spanned<String>>,
    /// `where = "…"`.
    pub predicate: Option<Spanned<String>>,
    /// `include(…)`.
    pub include: Vec<Spanned<String>>,
    /// The span of the `include` key.
    pub include_span: Option<Span>,
    /// `nulls_not_distinct`.
    pub nulls_not_distinct: Option<Span>,
    /// `comment = "…"`: `COMMENT ON INDEX`.
    pub comment: Option<Spanned<String>>,
}

/// `#[check(name = "…", expr = "…", no_inherit)]`.
#[derive(Clone, Debug)]
pub struct CheckAttr {
    /// The attribute's span.
    pub span: Span,
    /// An explicit constraint name.
    pub name: Option<Spanned<String>>,
    /// The boolean expression.
    pub expr: Spanned<String>,
    /// `no_inherit`.
    pub no_inherit: Option<Span>,
    /// `not_valid`.
    pub not_valid: Option<Span>,
    /// `comment = "…"`: `COMMENT ON CONSTRAINT`.
    pub comment: Option<Spanned<String>>,
}

/// The target of `references`, parsed from `"[schema.]table.column"` or
/// `"[schema.]table(x, y)"`.
#[derive(Clone, Debug)]
pub struct Reference {
    /// The string literal's span.
    pub span: Span,
    /// The schema, when written.
    pub schema: Option<String>,
    /// The referenced table's SQL name.
    pub table: String,
    /// The referenced columns' SQL names.
    pub columns: Vec<String>,
}

/// `deferrable = "initially_deferred" | "initially_immediate"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeferrableAttr {
    /// `DEFERRABLE INITIALLY IMMEDIATE`.
    InitiallyImmediate,
    /// `DEFERRABLE INITIALLY DEFERRED`.
    InitiallyDeferred,
}

/// `#[foreign_key(columns(a, b), references = "schema.table(x, y)", on_delete, on_update, name, deferrable)]`.
#[derive(Clone, Debug)]
pub struct ForeignKeyAttr {
    /// The attribute's span.
    pub span: Span,
    /// The referencing columns.
    pub columns: Vec<Spanned<String>>,
    /// The span of the `columns` key.
    pub columns_span: Span,
    /// The referenced table and columns.
    pub references: Reference,
    /// `on_delete = "…"`, unparsed.
    pub on_delete: Option<Spanned<String>>,
    /// `on_update = "…"`, unparsed.
    pub on_update: Option<Spanned<String>>,
    /// An explicit constraint name.
    pub name: Option<Spanned<String>>,
    /// `deferrable = "…"`.
    pub deferrable: Option<Spanned<DeferrableAttr>>,
    /// `not_valid`.
    pub not_valid: Option<Span>,
    /// `match_full`.
    pub match_full: Option<Span>,
    /// `comment = "…"`: `COMMENT ON CONSTRAINT`.
    pub comment: Option<Spanned<String>>,
}

/// A named field of a table struct.
#[derive(Clone, Debug)]
pub struct FieldDef {
    /// The field's identifier.
    pub ident: Ident,
    /// Its Rust type.
    pub ty: syn::Type,
    /// Its `#[column(…)]` attributes, merged.
    pub attrs: ColumnAttrs,
    /// Its `#[grant(…)]` attributes: column privileges (table fields only).
    pub grants: Vec<GrantAttr>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// `identity` or `identity = "always" | "by_default"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityAttr {
    /// `GENERATED ALWAYS AS IDENTITY`.
    Always,
    /// `GENERATED BY DEFAULT AS IDENTITY`.
    ByDefault,
}

/// The keys of a field's `#[column(…)]` attributes.
#[derive(Clone, Debug, Default)]
pub struct ColumnAttrs {
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `sql_type = "…"`.
    pub sql_type: Option<Spanned<String>>,
    /// `primary_key`.
    pub primary_key: Option<Span>,
    /// `identity` / `identity = "…"`.
    pub identity: Option<Spanned<IdentityAttr>>,
    /// `default = "…"`.
    pub default: Option<Spanned<String>>,
    /// `generated = "…"`.
    pub generated: Option<Spanned<String>>,
    /// `collate = "…"`.
    pub collate: Option<Spanned<String>>,
    /// `unique`.
    pub unique: Option<Span>,
    /// `references = "[schema.]table.column"`.
    pub references: Option<Reference>,
    /// `on_delete = "…"`, unparsed.
    pub on_delete: Option<Spanned<String>>,
    /// `on_update = "…"`, unparsed.
    pub on_update: Option<Spanned<String>>,
    /// `check = "…"`.
    pub check: Option<Spanned<String>>,
    /// `renamed_from = "…"`.
    pub renamed_from: Option<Spanned<String>>,
    /// `skip`.
    pub skip: Option<Span>,
    /// `identity_start = N`, … : the identity sequence's options.
    pub identity_options: IdentityOptionsAttr,
}

/// The `identity_*` keys of a column: its identity sequence's options.
#[derive(Clone, Debug, Default)]
pub struct IdentityOptionsAttr {
    /// `identity_start = N`.
    pub start: Option<Spanned<i64>>,
    /// `identity_increment = N`.
    pub increment: Option<Spanned<i64>>,
    /// `identity_min = N`.
    pub min: Option<Spanned<i64>>,
    /// `identity_max = N`.
    pub max: Option<Spanned<i64>>,
    /// `identity_cache = N`.
    pub cache: Option<Spanned<i64>>,
    /// `identity_cycle`.
    pub cycle: Option<Span>,
}

impl IdentityOptionsAttr {
    /// The key span of the first option given, if any.
    pub fn first_key(&self) -> Option<Span> {
        [
            &self.start,
            &self.increment,
            &self.min,
            &self.max,
            &self.cache,
        ]
        .into_iter()
        .flatten()
        .map(|s| s.key_span)
        .chain(self.cycle)
        .next()
    }
}

/// An enum that derives `PgEnum` (or carries `#[pg_enum]`).
#[derive(Clone, Debug)]
pub struct EnumDef {
    /// The enum's identifier.
    pub ident: Ident,
    /// `#[pg_enum(name = "…")]`.
    pub name: Option<Spanned<String>>,
    /// `#[pg_enum(schema = "…")]`.
    pub schema: Option<Spanned<String>>,
    /// `#[pg_enum(renamed_from = "…")]`.
    pub renamed_from: Option<Spanned<String>>,
    /// The variants, in order.
    pub variants: Vec<VariantDef>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// A variant of a `PgEnum`.
#[derive(Clone, Debug)]
pub struct VariantDef {
    /// The variant's identifier.
    pub ident: Ident,
    /// `#[pg_enum(rename = "…")]`.
    pub rename: Option<Spanned<String>>,
    /// `#[pg_enum(renamed_from = "…")]`.
    pub renamed_from: Option<Spanned<String>>,
}

// ---------------------------------------------------------------------------
// Classification

/// The span of `Name` in `#[derive(…, Name, …)]` (matched on the path's last
/// segment, so `shale::Table` counts).
pub fn derives(attrs: &[Attribute], name: &str) -> Option<Span> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let Meta::List(list) = &attr.meta else {
            continue;
        };
        for tt in list.tokens.clone() {
            if let TokenTree::Ident(ident) = tt {
                if ident == name {
                    return Some(ident.span());
                }
            }
        }
    }
    None
}

/// What a derive of a unit-struct object (`Sequence`, `Extension`,
/// `Function`) receives, read by `read` as the CLI reads the same item; an
/// error naming `derive` when the input is not a struct.
pub(crate) fn unit_struct_from_derive<T>(
    input: syn::DeriveInput,
    derive: &str,
    read: impl FnOnce(&ItemStruct) -> (T, Vec<Error>),
) -> Result<(T, Vec<Error>), Error> {
    match input.data {
        syn::Data::Struct(data) => Ok(read(&ItemStruct {
            attrs: input.attrs,
            vis: input.vis,
            struct_token: data.struct_token,
            ident: input.ident,
            generics: input.generics,
            fields: data.fields,
            semi_token: data.semi_token,
        })),
        _ => Err(Error::new(
            input.ident.span(),
            format!("`{derive}` can only be derived for a unit struct"),
        )
        .label("wrong kind of item")
        .help(format!("derive `{derive}` on `pub struct Name;`"))),
    }
}

/// Whether a struct is a table: `#[derive(Table)]` or a `#[table]` attribute.
pub fn is_table(attrs: &[Attribute]) -> bool {
    derives(attrs, "Table").is_some() || attrs.iter().any(|a| a.path().is_ident("table"))
}

/// Whether an enum is a `PgEnum`: `#[derive(PgEnum)]` or a `#[pg_enum]` attribute.
pub fn is_pg_enum(attrs: &[Attribute]) -> bool {
    derives(attrs, "PgEnum").is_some() || attrs.iter().any(|a| a.path().is_ident("pg_enum"))
}

/// The doc comment (`///` lines or `#[doc = "…"]`): lines joined with `\n`,
/// one leading space removed from each, trimmed at both ends.
pub fn doc_comment(attrs: &[Attribute]) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        let Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) = &nv.value
        else {
            continue;
        };
        for line in s.value().split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            lines.push(line.strip_prefix(' ').unwrap_or(line).to_string());
        }
    }
    let doc = lines.join("\n");
    let doc = doc.trim();
    (!doc.is_empty()).then(|| doc.to_string())
}

// ---------------------------------------------------------------------------
// Items

const TABLE_ATTRS: &[&str] = &[
    "table",
    "primary_key",
    "unique",
    "index",
    "check",
    "foreign_key",
    "policy",
    "trigger",
    "grant",
    "partition",
    "exclude",
];
const SHALE_ATTRS: &[&str] = &[
    "table",
    "primary_key",
    "unique",
    "index",
    "check",
    "foreign_key",
    "policy",
    "column",
    "pg_enum",
    "sequence",
    "extension",
    "view",
    "function",
    "trigger",
    "grant",
    "namespace",
    "partition",
    "exclude",
    "domain",
    "composite",
];
/// Attribute names of Rust itself and of common derives, never mistaken for
/// a misspelt shale attribute even when they look alike.
const FOREIGN_ATTRS: &[&str] = &[
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "cfg",
    "cfg_attr",
    "doc",
    "derive",
    "repr",
    "serde",
    "must_use",
    "deprecated",
    "non_exhaustive",
    "inline",
    "test",
    "sqlx",
    "diesel",
    "schemars",
    "validate",
    "builder",
    "default",
    "rustfmt",
    "clippy",
    "automatically_derived",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Struct,
    /// A field of a table struct.
    TableField,
    /// A field of a view, domain or composite type.
    Field,
    Enum,
    Variant,
    Sequence,
    Extension,
    View,
    Function,
    Namespace,
    Domain,
    Composite,
}

impl Place {
    fn noun(self) -> &'static str {
        match self {
            Place::Struct => "a table struct",
            Place::TableField => "a field",
            Place::Field => "a field",
            Place::Enum => "an enum",
            Place::Variant => "an enum variant",
            Place::Sequence => "a sequence struct",
            Place::Extension => "an extension struct",
            Place::Function => "a function struct",
            Place::View => "a view struct",
            Place::Namespace => "a namespace struct",
            Place::Domain => "a domain struct",
            Place::Composite => "a composite type struct",
        }
    }
}

/// Reports shale attributes in the wrong place and unknown attributes that
/// look like a misspelt shale attribute; leaves every other attribute alone
/// (`#[serde(…)]` and friends belong to other derives).
fn check_attribute_names(attrs: &[Attribute], place: Place, errors: &mut Vec<Error>) {
    for attr in attrs {
        let Some(ident) = attr.path().get_ident() else {
            continue;
        };
        let allowed: &[&str] = match place {
            Place::Struct => TABLE_ATTRS,
            Place::TableField => &["column", "grant"],
            Place::Field => &["column"],
            Place::Enum | Place::Variant => &["pg_enum"],
            Place::Sequence => &["sequence", "grant"],
            Place::Extension => &["extension"],
            Place::Function => &["function", "grant"],
            Place::View => &["view", "index", "grant"],
            Place::Namespace => &["namespace", "grant"],
            Place::Domain => &["domain", "check"],
            Place::Composite => &["composite"],
        };
        if allowed.iter().chain(FOREIGN_ATTRS).any(|a| ident == a) {
            continue;
        }
        let name = ident.to_string();
        if SHALE_ATTRS.contains(&name.as_str()) {
            let help = match (place, name.as_str()) {
                (Place::Field | Place::TableField, "unique" | "check" | "primary_key") => {
                    format!("on a field write `#[column({name})]`; `#[{name}(…)]` belongs on the struct")
                }
                (Place::Field, "grant") => {
                    "`#[grant(…)]` on a field grants column privileges, on a table's fields only; a view's privileges go on its struct".to_string()
                }
                (Place::Field | Place::TableField, _) => {
                    format!("put `#[{name}(…)]` on the struct")
                }
                (Place::Struct, "column") => "put `#[column(…)]` on a field".to_string(),
                (Place::View, _) => format!(
                    "a view takes `#[view(…)]`, `#[grant(…)]` and, when materialized, `#[index(…)]`; `#[{name}(…)]` belongs on a table struct"
                ),
                (_, "view") => "`#[view(…)]` belongs on a struct that derives `View`".to_string(),
                (_, "pg_enum") => {
                    "`#[pg_enum(…)]` belongs on a `PgEnum` enum or its variants".to_string()
                }
                (_, "sequence") => {
                    "`#[sequence(…)]` belongs on a unit struct that derives `Sequence`".to_string()
                }
                (_, "function") => {
                    "`#[function(…)]` belongs on a unit struct that derives `Function`".to_string()
                }
                (_, "grant") => {
                    "`#[grant(…)]` belongs on a table, view, sequence, function or namespace struct"
                        .to_string()
                }
                (_, "namespace") => {
                    "`#[namespace(…)]` belongs on a unit struct that derives `Namespace`"
                        .to_string()
                }
                (_, "domain") => {
                    "`#[domain(…)]` belongs on a newtype struct that derives `Domain`".to_string()
                }
                (_, "composite") => {
                    "`#[composite(…)]` belongs on a struct that derives `CompositeType`".to_string()
                }
                (_, "extension") => {
                    "`#[extension(…)]` belongs on a unit struct that derives `Extension`"
                        .to_string()
                }
                _ => format!("`#[{name}(…)]` belongs on a table struct"),
            };
            errors.push(
                Error::new(
                    ident.span(),
                    format!("`#[{name}]` is not allowed on {}", place.noun()),
                )
                .label("misplaced attribute")
                .help(help),
            );
            continue;
        }
        if let Some(best) = did_you_mean(&name, SHALE_ATTRS) {
            errors.push(
                Error::new(ident.span(), format!("unknown attribute `#[{name}]`"))
                    .label("unknown attribute")
                    .help(format!("did you mean `#[{best}]`?")),
            );
        }
    }
}

/// Reads a table struct: its table-level attributes and every named field.
/// Takes the item by value so that field types move instead of being cloned.
pub fn table(item: ItemStruct) -> (TableDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Struct, &mut errors);
    let attrs = table_attrs(&item.attrs, &mut errors);
    let mut fields = Vec::new();
    match item.fields {
        Fields::Named(named) => {
            fields.reserve_exact(named.named.len());
            for field in named.named {
                let Some(ident) = field.ident else { continue };
                check_attribute_names(&field.attrs, Place::TableField, &mut errors);
                fields.push(FieldDef {
                    ident,
                    attrs: column_attrs(&field.attrs, &mut errors),
                    grants: grant_attrs(&field.attrs, &mut errors),
                    doc: doc_comment(&field.attrs),
                    ty: field.ty,
                });
            }
        }
        Fields::Unnamed(_) | Fields::Unit => errors.push(
            Error::new(
                item.ident.span(),
                format!("table struct `{}` has no named fields", item.ident),
            )
            .label("expected `struct Name { field: Type, … }`")
            .help("each named field is a column; tuple and unit structs cannot be tables"),
        ),
    }
    let def = TableDef {
        doc: doc_comment(&item.attrs),
        ident: item.ident,
        attrs,
        fields,
    };
    (def, errors)
}

/// Reads a table from what `#[derive(Table)]` receives; an error when the
/// input is not a struct.
pub fn table_from_derive(input: syn::DeriveInput) -> Result<(TableDef, Vec<Error>), Error> {
    match input.data {
        syn::Data::Struct(data) => Ok(table(ItemStruct {
            attrs: input.attrs,
            vis: input.vis,
            struct_token: data.struct_token,
            ident: input.ident,
            generics: input.generics,
            fields: data.fields,
            semi_token: data.semi_token,
        })),
        // The same words as `shale generate` uses for this mistake.
        syn::Data::Enum(_) => Err(Error::new(
            input.ident.span(),
            "`Table` cannot be derived for an enum",
        )
        .label("wrong kind of item")
        .help("derive `Table` on a struct with named fields")),
        syn::Data::Union(_) => Err(Error::new(
            input.ident.span(),
            "`Table` cannot be derived for a union",
        )
        .label("wrong kind of item")
        .help("derive `Table` on a struct with named fields")),
    }
}

/// Reads a `PgEnum` from what `#[derive(PgEnum)]` receives; an error when
/// the input is not an enum.
pub fn pg_enum_from_derive(input: syn::DeriveInput) -> Result<(EnumDef, Vec<Error>), Error> {
    match input.data {
        syn::Data::Enum(data) => Ok(pg_enum(&ItemEnum {
            attrs: input.attrs,
            vis: input.vis,
            enum_token: data.enum_token,
            ident: input.ident,
            generics: input.generics,
            brace_token: data.brace_token,
            variants: data.variants,
        })),
        syn::Data::Struct(_) => Err(Error::new(
            input.ident.span(),
            "`PgEnum` cannot be derived for a struct",
        )
        .label("wrong kind of item")
        .help("derive `PgEnum` on an enum of unit variants")),
        syn::Data::Union(_) => Err(Error::new(
            input.ident.span(),
            "`PgEnum` cannot be derived for a union",
        )
        .label("wrong kind of item")
        .help("derive `PgEnum` on an enum of unit variants")),
    }
}

/// Reads a `PgEnum`: its `#[pg_enum(…)]` keys and variants.
pub fn pg_enum(item: &ItemEnum) -> (EnumDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Enum, &mut errors);
    let mut seen = Seen::default();
    let (mut name, mut schema, mut renamed_from) = (None, None, None);
    for entry in entries_of(&item.attrs, "pg_enum", &mut errors) {
        if !accept_key(
            &entry,
            "pg_enum",
            &["name", "schema", "renamed_from"],
            &mut seen,
            &mut errors,
        ) {
            continue;
        }
        let slot = match entry.key.as_str() {
            "name" => &mut name,
            "schema" => &mut schema,
            _ => &mut renamed_from,
        };
        *slot = string_value(&entry, &mut errors);
    }
    let mut variants = Vec::new();
    for variant in &item.variants {
        check_attribute_names(&variant.attrs, Place::Variant, &mut errors);
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(
                Error::new(
                    variant.ident.span(),
                    format!("variant `{}` of a `PgEnum` carries data", variant.ident),
                )
                .label("expected a unit variant")
                .help("a database enum value is a plain label; remove the fields"),
            );
        }
        let mut seen = Seen::default();
        let (mut rename, mut renamed_from) = (None, None);
        for entry in entries_of(&variant.attrs, "pg_enum", &mut errors) {
            if !accept_key(
                &entry,
                "pg_enum",
                &["rename", "renamed_from"],
                &mut seen,
                &mut errors,
            ) {
                continue;
            }
            let slot = if entry.key == "rename" {
                &mut rename
            } else {
                &mut renamed_from
            };
            *slot = string_value(&entry, &mut errors);
        }
        variants.push(VariantDef {
            ident: variant.ident.clone(),
            rename,
            renamed_from,
        });
    }
    let def = EnumDef {
        ident: item.ident.clone(),
        name,
        schema,
        renamed_from,
        variants,
        doc: doc_comment(&item.attrs),
    };
    (def, errors)
}

/// Reads the table-level attributes of a struct.
pub fn table_attrs(attrs: &[Attribute], errors: &mut Vec<Error>) -> TableAttrs {
    let mut out = TableAttrs::default();
    let mut seen = Seen::default();
    for entry in entries_of(attrs, "table", errors) {
        if !accept_key(
            &entry,
            "table",
            &[
                "name",
                "schema",
                "renamed_from",
                "row_level_security",
                "force_row_level_security",
                "partition_by",
            ],
            &mut seen,
            errors,
        ) {
            continue;
        }
        let slot = match entry.key.as_str() {
            "partition_by" => &mut out.partition_by,
            "row_level_security" => {
                out.row_level_security = flag_value(&entry, errors);
                continue;
            }
            "force_row_level_security" => {
                out.force_row_level_security = flag_value(&entry, errors);
                continue;
            }
            "name" => &mut out.name,
            "schema" => &mut out.schema,
            _ => &mut out.renamed_from,
        };
        *slot = string_value(&entry, errors);
    }
    for attr in attrs {
        let Some(kind) = attr.path().get_ident().map(|i| i.to_string()) else {
            continue;
        };
        let span = attr
            .path()
            .get_ident()
            .map_or_else(Span::call_site, Ident::span);
        match kind.as_str() {
            "primary_key" => {
                let entries = attr_entries(attr, errors);
                let mut seen = Seen::default();
                let (mut columns, mut name, mut deferrable, mut comment) = (None, None, None, None);
                for entry in entries {
                    if !accept_key(
                        &entry,
                        "primary_key",
                        &["columns", "name", "deferrable", "comment"],
                        &mut seen,
                        errors,
                    ) {
                        continue;
                    }
                    match entry.key.as_str() {
                        "columns" => columns = name_list(&entry, errors),
                        "name" => name = string_value(&entry, errors),
                        "comment" => comment = string_value(&entry, errors),
                        _ => deferrable = deferrable_value(&entry, errors),
                    }
                }
                match columns {
                    Some(columns) => out.primary_keys.push(PrimaryKeyAttr {
                        span,
                        columns,
                        name,
                        deferrable,
                        comment,
                    }),
                    None => {
                        errors.push(missing_key(span, "primary_key", "columns", "columns(a, b)"))
                    }
                }
            }
            "unique" => {
                let mut seen = Seen::default();
                let (mut columns, mut name, mut nnd, mut deferrable) = (None, None, None, None);
                let mut comment = None;
                for entry in attr_entries(attr, errors) {
                    if !accept_key(
                        &entry,
                        "unique",
                        &[
                            "columns",
                            "name",
                            "nulls_not_distinct",
                            "deferrable",
                            "comment",
                        ],
                        &mut seen,
                        errors,
                    ) {
                        continue;
                    }
                    match entry.key.as_str() {
                        "columns" => columns = name_list(&entry, errors),
                        "name" => name = string_value(&entry, errors),
                        "deferrable" => deferrable = deferrable_value(&entry, errors),
                        "comment" => comment = string_value(&entry, errors),
                        _ => nnd = flag_value(&entry, errors),
                    }
                }
                match columns {
                    Some(columns) => out.uniques.push(UniqueAttr {
                        span,
                        columns,
                        name,
                        nulls_not_distinct: nnd,
                        deferrable,
                        comment,
                    }),
                    None => errors.push(missing_key(span, "unique", "columns", "columns(a, b)")),
                }
            }
            "check" => {
                let mut seen = Seen::default();
                let (mut name, mut expr, mut no_inherit, mut not_valid) = (None, None, None, None);
                let mut comment = None;
                for entry in attr_entries(attr, errors) {
                    if !accept_key(
                        &entry,
                        "check",
                        &["name", "expr", "no_inherit", "not_valid", "comment"],
                        &mut seen,
                        errors,
                    ) {
                        continue;
                    }
                    match entry.key.as_str() {
                        "name" => name = string_value(&entry, errors),
                        "expr" => expr = string_value(&entry, errors),
                        "not_valid" => not_valid = flag_value(&entry, errors),
                        "comment" => comment = string_value(&entry, errors),
                        _ => no_inherit = flag_value(&entry, errors),
                    }
                }
                match expr {
                    Some(expr) => out.checks.push(CheckAttr {
                        span,
                        name,
                        expr,
                        no_inherit,
                        not_valid,
                        comment,
                    }),
                    None => errors.push(missing_key(span, "check", "expr", "expr = \"…\"")),
                }
            }
            "index" => {
                if let Some(index) = index_attr(attr, span, errors) {
                    out.indexes.push(index);
                }
            }
            "foreign_key" => {
                if let Some(fk) = foreign_key_attr(attr, span, errors) {
                    out.foreign_keys.push(fk);
                }
            }
            "policy" => out.policies.push(policy_attr(attr, span, errors)),
            "grant" => out
                .grants
                .extend(grant_attrs(std::slice::from_ref(attr), errors)),
            "trigger" => out
                .triggers
                .push(function::trigger_attr(attr, span, errors)),
            "partition" => out
                .partitions
                .push(partition::partition_attr(attr, span, errors)),
            "exclude" => out
                .exclusions
                .push(partition::exclude_attr(attr, span, errors)),
            _ => {}
        }
    }
    out
}

const POLICY_KEYS: &[&str] = &[
    "name",
    "command",
    "to",
    "using",
    "with_check",
    "restrictive",
    "comment",
];

fn policy_attr(attr: &Attribute, span: Span, errors: &mut Vec<Error>) -> PolicyAttr {
    let mut seen = Seen::default();
    let mut policy = PolicyAttr {
        span,
        name: None,
        command: None,
        roles: Vec::new(),
        using: None,
        with_check: None,
        restrictive: None,
        comment: None,
    };
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "policy", POLICY_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => policy.name = string_value(&entry, errors),
            "command" => policy.command = string_value(&entry, errors),
            "to" => policy.roles = name_list(&entry, errors).unwrap_or_default(),
            "using" => policy.using = string_value(&entry, errors),
            "with_check" => policy.with_check = string_value(&entry, errors),
            "comment" => policy.comment = string_value(&entry, errors),
            _ => policy.restrictive = flag_value(&entry, errors),
        }
    }
    policy
}

const INDEX_KEYS: &[&str] = &[
    "columns",
    "expr",
    "name",
    "unique",
    "method",
    "where",
    "include",
    "nulls_not_distinct",
    "comment",
];

fn index_attr(attr: &Attribute, span: Span, errors: &mut Vec<Error>) -> Option<IndexAttr> {
    let mut seen = Seen::default();
    let mut index = IndexAttr {
        span,
        columns: Vec::new(),
        expr: None,
        name: None,
        unique: None,
        method: None,
        predicate: None,
        include: Vec::new(),
        include_span: None,
        nulls_not_distinct: None,
        comment: None,
    };
    let mut has_columns = false;
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "index", INDEX_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "columns" => {
                has_columns = true;
                index.columns = index_keys(&entry, errors);
            }
            "expr" => index.expr = string_value(&entry, errors),
            "name" => index.name = string_value(&entry, errors),
            "unique" => index.unique = flag_value(&entry, errors),
            "method" => index.method = string_value(&entry, errors),
            "where" => index.predicate = string_value(&entry, errors),
            "comment" => index.comment = string_value(&entry, errors),
            "include" => {
                index.include_span = Some(entry.key_span);
                index.include = name_list(&entry, errors).unwrap_or_default();
            }
            _ => index.nulls_not_distinct = flag_value(&entry, errors),
        }
    }
    if !has_columns && !seen.contains(INDEX_KEYS, "expr") {
        errors.push(
            Error::new(span, "`#[index]` needs `columns(…)` or `expr = \"…\"`")
                .label("nothing to index")
                .help("write `#[index(columns(a, b))]` or `#[index(expr = \"lower(email)\")]`"),
        );
        return None;
    }
    Some(index)
}

fn index_keys(entry: &Entry, errors: &mut Vec<Error>) -> Vec<IndexKeyAttr> {
    let Value::List(items) = &entry.value else {
        errors.push(wrong_value(entry, "a list", "columns(a, b(desc))"));
        return Vec::new();
    };
    let mut keys = Vec::new();
    for item in items {
        let column = Spanned::new(item.key.clone(), item.key_span, item.key_span);
        let mut key = IndexKeyAttr {
            column,
            expr: None,
            order: None,
            nulls: None,
            ops: None,
        };
        match &item.value {
            Value::Flag => {}
            Value::Lit(_) => {
                errors.push(
                    Error::covering(
                        item.span,
                        item.end,
                        format!("unexpected `=` after column `{}`", item.key),
                    )
                    .label("expected a column, optionally with options")
                    .help(format!(
                        "write `{0}` or `{0}(desc, nulls_last, ops = \"…\")`",
                        item.key
                    )),
                );
                continue;
            }
            Value::List(options) => {
                let mut seen = HashSet::new();
                // `expr(sql = "…", …)` is an expression key; a column named
                // `expr` never has a `sql` option, so the two cannot be confused.
                let keys: &[&str] = if item.key == "expr" {
                    &["sql", "asc", "desc", "nulls_first", "nulls_last", "ops"]
                } else {
                    &["asc", "desc", "nulls_first", "nulls_last", "ops"]
                };
                for option in options {
                    let known = keys.contains(&option.key.as_str());
                    if !known {
                        errors.push(unknown_key(option, "index key", keys));
                        continue;
                    }
                    let group = match option.key.as_str() {
                        "asc" | "desc" => "order",
                        "nulls_first" | "nulls_last" => "nulls",
                        "sql" => "sql",
                        _ => "ops",
                    };
                    if !seen.insert(group) {
                        errors.push(
                            Error::new(
                                option.key_span,
                                format!("conflicting `{}` on index key `{}`", option.key, item.key),
                            )
                            .label("given twice"),
                        );
                        continue;
                    }
                    match option.key.as_str() {
                        "ops" => key.ops = string_value(option, errors),
                        "sql" => key.expr = string_value(option, errors),
                        "asc" | "desc" => {
                            if flag_value(option, errors).is_some() {
                                let order = if option.key == "asc" {
                                    KeyOrder::Asc
                                } else {
                                    KeyOrder::Desc
                                };
                                key.order =
                                    Some(Spanned::new(order, option.key_span, option.key_span));
                            }
                        }
                        _ => {
                            if flag_value(option, errors).is_some() {
                                let nulls = if option.key == "nulls_first" {
                                    KeyNulls::First
                                } else {
                                    KeyNulls::Last
                                };
                                key.nulls =
                                    Some(Spanned::new(nulls, option.key_span, option.key_span));
                            }
                        }
                    }
                }
            }
        }
        keys.push(key);
    }
    if keys.is_empty() && items.is_empty() {
        errors.push(
            Error::covering(entry.span, entry.end, "empty `columns()`")
                .label("expected at least one column"),
        );
    }
    keys
}

const FOREIGN_KEY_KEYS: &[&str] = &[
    "columns",
    "references",
    "on_delete",
    "on_update",
    "name",
    "deferrable",
    "not_valid",
    "match_full",
    "comment",
];

fn foreign_key_attr(
    attr: &Attribute,
    span: Span,
    errors: &mut Vec<Error>,
) -> Option<ForeignKeyAttr> {
    let mut seen = Seen::default();
    let mut columns = None;
    let mut columns_span = span;
    let mut references = None;
    let (mut on_delete, mut on_update, mut name, mut deferrable) = (None, None, None, None);
    let (mut not_valid, mut match_full, mut comment) = (None, None, None);
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "foreign_key", FOREIGN_KEY_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "columns" => {
                columns_span = entry.key_span;
                columns = name_list(&entry, errors);
            }
            "references" => {
                references =
                    string_value(&entry, errors).and_then(|s| parse_table_reference(&s, errors));
            }
            "on_delete" => on_delete = string_value(&entry, errors),
            "on_update" => on_update = string_value(&entry, errors),
            "name" => name = string_value(&entry, errors),
            "not_valid" => not_valid = flag_value(&entry, errors),
            "match_full" => match_full = flag_value(&entry, errors),
            "comment" => comment = string_value(&entry, errors),
            _ => deferrable = deferrable_value(&entry, errors),
        }
    }
    if !seen.contains(FOREIGN_KEY_KEYS, "columns") {
        errors.push(missing_key(span, "foreign_key", "columns", "columns(a, b)"));
    }
    if !seen.contains(FOREIGN_KEY_KEYS, "references") {
        errors.push(missing_key(
            span,
            "foreign_key",
            "references",
            "references = \"table(x, y)\"",
        ));
    }
    Some(ForeignKeyAttr {
        span,
        columns: columns?,
        columns_span,
        references: references?,
        on_delete,
        on_update,
        name,
        deferrable,
        not_valid,
        match_full,
        comment,
    })
}

fn deferrable_value(entry: &Entry, errors: &mut Vec<Error>) -> Option<Spanned<DeferrableAttr>> {
    if let Value::Flag = entry.value {
        return Some(Spanned::new(
            DeferrableAttr::InitiallyImmediate,
            entry.key_span,
            entry.key_span,
        ));
    }
    let s = string_value(entry, errors)?;
    let value = match s.value.as_str() {
        "initially_deferred" => DeferrableAttr::InitiallyDeferred,
        "initially_immediate" => DeferrableAttr::InitiallyImmediate,
        other => {
            let options = ["initially_deferred", "initially_immediate"];
            errors.push(
                Error::new(s.span, format!("unknown `deferrable` mode `{other}`"))
                    .label("not a deferrable mode")
                    .help(suggestion_or_list(other, &options)),
            );
            return None;
        }
    };
    Some(Spanned::new(value, s.span, s.key_span))
}

const COLUMN_KEYS: &[&str] = &[
    "name",
    "sql_type",
    "primary_key",
    "identity",
    "default",
    "generated",
    "collate",
    "unique",
    "references",
    "on_delete",
    "on_update",
    "check",
    "renamed_from",
    "skip",
    "identity_start",
    "identity_increment",
    "identity_min",
    "identity_max",
    "identity_cache",
    "identity_cycle",
];

/// Reads the `#[column(…)]` attributes of a field, merged.
pub fn column_attrs(attrs: &[Attribute], errors: &mut Vec<Error>) -> ColumnAttrs {
    let mut out = ColumnAttrs::default();
    let mut seen = Seen::default();
    for entry in entries_of(attrs, "column", errors) {
        if !accept_key(&entry, "column", COLUMN_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => out.name = string_value(&entry, errors),
            "sql_type" => out.sql_type = string_value(&entry, errors),
            "primary_key" => out.primary_key = flag_value(&entry, errors),
            "identity" => out.identity = identity_value(&entry, errors),
            "default" => out.default = string_value(&entry, errors),
            "generated" => out.generated = string_value(&entry, errors),
            "collate" => out.collate = string_value(&entry, errors),
            "unique" => out.unique = flag_value(&entry, errors),
            "references" => {
                out.references =
                    string_value(&entry, errors).and_then(|s| parse_column_reference(&s, errors));
            }
            "on_delete" => out.on_delete = string_value(&entry, errors),
            "on_update" => out.on_update = string_value(&entry, errors),
            "check" => out.check = string_value(&entry, errors),
            "renamed_from" => out.renamed_from = string_value(&entry, errors),
            "identity_start" => out.identity_options.start = sequence::int_value(&entry, errors),
            "identity_increment" => {
                out.identity_options.increment = sequence::int_value(&entry, errors)
            }
            "identity_min" => out.identity_options.min = sequence::int_value(&entry, errors),
            "identity_max" => out.identity_options.max = sequence::int_value(&entry, errors),
            "identity_cache" => out.identity_options.cache = sequence::int_value(&entry, errors),
            "identity_cycle" => out.identity_options.cycle = flag_value(&entry, errors),
            _ => out.skip = flag_value(&entry, errors),
        }
    }
    if out.references.is_none() && !seen.contains(COLUMN_KEYS, "references") {
        for action in [&out.on_delete, &out.on_update].into_iter().flatten() {
            errors.push(
                Error::new(action.key_span, "foreign key action without `references`")
                    .label("nothing to act on")
                    .help("add `references = \"table.column\"` to this `#[column]`"),
            );
        }
    }
    out
}

fn identity_value(entry: &Entry, errors: &mut Vec<Error>) -> Option<Spanned<IdentityAttr>> {
    if let Value::Flag = entry.value {
        return Some(Spanned::new(
            IdentityAttr::ByDefault,
            entry.key_span,
            entry.key_span,
        ));
    }
    let s = string_value(entry, errors)?;
    let value = match s.value.as_str() {
        "always" => IdentityAttr::Always,
        "by_default" => IdentityAttr::ByDefault,
        other => {
            errors.push(
                Error::new(s.span, format!("unknown identity kind `{other}`"))
                    .label("not an identity kind")
                    .help(suggestion_or_list(other, &["always", "by_default"])),
            );
            return None;
        }
    };
    Some(Spanned::new(value, s.span, s.key_span))
}

/// `[schema.]table.column`.
fn parse_column_reference(s: &Spanned<String>, errors: &mut Vec<Error>) -> Option<Reference> {
    let parts: Vec<&str> = s.value.split('.').map(str::trim).collect();
    let ok = (2..=3).contains(&parts.len()) && parts.iter().all(|p| !p.is_empty());
    if !ok {
        errors.push(
            Error::new(s.span, format!("cannot read reference `{}`", s.value))
                .label("expected `[schema.]table.column`")
                .help("write e.g. `references = \"users.id\"` or `references = \"auth.users.id\"`"),
        );
        return None;
    }
    let (schema, table, column) = match parts.as_slice() {
        [t, c] => (None, *t, *c),
        [sc, t, c] => (Some(sc.to_string()), *t, *c),
        _ => return None,
    };
    Some(Reference {
        span: s.span,
        schema,
        table: table.to_string(),
        columns: vec![column.to_string()],
    })
}

/// `[schema.]table(x, y)`.
fn parse_table_reference(s: &Spanned<String>, errors: &mut Vec<Error>) -> Option<Reference> {
    let bad = || {
        Error::new(s.span, format!("cannot read reference `{}`", s.value))
            .label("expected `[schema.]table(column, …)`")
            .help("write e.g. `references = \"auth.users(org_id, id)\"`")
    };
    let text = s.value.trim();
    let (Some(open), true) = (text.find('('), text.ends_with(')')) else {
        errors.push(bad());
        return None;
    };
    let head = text[..open].trim();
    let columns: Vec<String> = text[open + 1..text.len() - 1]
        .split(',')
        .map(|c| c.trim().to_string())
        .collect();
    let parts: Vec<&str> = head.split('.').map(str::trim).collect();
    let ok = (1..=2).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty())
        && columns
            .iter()
            .all(|c| !c.is_empty() && !c.contains(['(', ')']));
    if !ok {
        errors.push(bad());
        return None;
    }
    let (schema, table) = match parts.as_slice() {
        [t] => (None, *t),
        [sc, t] => (Some(sc.to_string()), *t),
        _ => return None,
    };
    Some(Reference {
        span: s.span,
        schema,
        table: table.to_string(),
        columns,
    })
}

// ---------------------------------------------------------------------------
// The key-value grammar inside an attribute's parentheses

/// One `key`, `key = literal` or `key(…)` inside an attribute.
#[derive(Clone, Debug)]
struct Entry {
    key: String,
    key_span: Span,
    value: Value,
    span: Span,
    /// The span of the entry's last token (`span` joins from the first one
    /// where spans can be joined).
    end: Span,
}

#[derive(Clone, Debug)]
enum Value {
    Flag,
    Lit(Lit),
    List(Vec<Entry>),
}

/// The entries of every attribute named `name`, in order.
fn entries_of(attrs: &[Attribute], name: &str, errors: &mut Vec<Error>) -> Vec<Entry> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident(name))
        .flat_map(|a| attr_entries(a, errors))
        .collect()
}

fn attr_entries(attr: &Attribute, errors: &mut Vec<Error>) -> Vec<Entry> {
    match &attr.meta {
        Meta::Path(_) => Vec::new(),
        Meta::List(list) => parse_entries(list.tokens.clone(), errors),
        Meta::NameValue(nv) => {
            let name = attr
                .path()
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            errors.push(
                Error::new(nv.eq_token.spans[0], format!("expected `#[{name}(…)]`"))
                    .label("unexpected `=`")
                    .help(format!(
                        "write the keys in parentheses: `#[{name}(key = \"…\")]`"
                    )),
            );
            Vec::new()
        }
    }
}

/// Splits a token stream at top-level commas and reads each part as an
/// entry. Groups are single token trees, so nested commas never split; a bad
/// entry is reported and skipped, the rest are still read.
fn parse_entries(tokens: TokenStream, errors: &mut Vec<Error>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut chunk: Vec<TokenTree> = Vec::new();
    for tt in tokens {
        if let TokenTree::Punct(p) = &tt {
            if p.as_char() == ',' {
                if chunk.is_empty() {
                    errors.push(
                        Error::new(p.span(), "unexpected `,`")
                            .label("expected a key before this comma"),
                    );
                } else if let Some(entry) = parse_entry(&chunk, errors) {
                    out.push(entry);
                }
                chunk.clear();
                continue;
            }
        }
        chunk.push(tt);
    }
    if !chunk.is_empty() {
        if let Some(entry) = parse_entry(&chunk, errors) {
            out.push(entry);
        }
    }
    out
}

fn span_of(tts: &[TokenTree]) -> Span {
    let first = tts.first().map_or_else(Span::call_site, TokenTree::span);
    let last = tts.last().map_or(first, TokenTree::span);
    first.join(last).unwrap_or(first)
}

fn parse_entry(tts: &[TokenTree], errors: &mut Vec<Error>) -> Option<Entry> {
    let TokenTree::Ident(key) = &tts[0] else {
        errors.push(
            Error::new(tts[0].span(), format!("expected a key, found `{}`", tts[0]))
                .label("expected a key such as `name`"),
        );
        return None;
    };
    let key_text = key.to_string();
    let key_name = key_text.strip_prefix("r#").unwrap_or(&key_text).to_string();
    let span = span_of(tts);
    let value = match &tts[1..] {
        [] => Value::Flag,
        [TokenTree::Punct(eq), rest @ ..] if eq.as_char() == '=' => {
            if rest.is_empty() {
                errors.push(
                    Error::new(eq.span(), format!("missing value after `{key_name} =`"))
                        .label("expected a literal"),
                );
                return None;
            }
            // `Lit::new` avoids a parse buffer per value (this runs for
            // every key of every column).
            let lit = match rest {
                [TokenTree::Literal(l)] => Some(Lit::new(l.clone())),
                // `-5`: two tokens in Rust's grammar, one number here (a
                // descending sequence's increment).
                [TokenTree::Punct(minus), TokenTree::Literal(l)] if minus.as_char() == '-' => {
                    negative_int(minus.span(), l)
                }
                [TokenTree::Ident(i)] if i == "true" || i == "false" => {
                    Some(Lit::Bool(syn::LitBool::new(i == "true", i.span())))
                }
                _ => None,
            };
            match lit {
                Some(lit) => Value::Lit(lit),
                None => {
                    let shown: String = rest
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let help = match rest {
                        [TokenTree::Ident(_)] => {
                            Some(format!("quote the value: `{key_name} = \"{shown}\"`"))
                        }
                        _ => None,
                    };
                    errors.push(
                        Error::covering(
                            span_of(rest),
                            rest[rest.len() - 1].span(),
                            format!("expected a literal after `{key_name} =`, found `{shown}`"),
                        )
                        .label("expected a literal")
                        .maybe_help(help),
                    );
                    return None;
                }
            }
        }
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Parenthesis => {
            Value::List(parse_entries(group.stream(), errors))
        }
        [extra, ..] => {
            errors.push(
                Error::new(
                    extra.span(),
                    format!("unexpected `{extra}` after `{key_name}`"),
                )
                .label("expected `,`, `=` or `(…)`"),
            );
            return None;
        }
    };
    Some(Entry {
        key: key_name,
        key_span: key.span(),
        value,
        span,
        end: tts[tts.len() - 1].span(),
    })
}

/// `-` followed by an integer literal, as one negative integer literal;
/// `None` for anything else or a value below `i64::MIN`.
fn negative_int(minus: Span, literal: &proc_macro2::Literal) -> Option<Lit> {
    let Lit::Int(int) = Lit::new(literal.clone()) else {
        return None;
    };
    if !int.suffix().is_empty() {
        return None;
    }
    let value = i64::try_from(-int.base10_parse::<i128>().ok()?).ok()?;
    let mut negative = proc_macro2::Literal::i64_unsuffixed(value);
    negative.set_span(minus.join(literal.span()).unwrap_or(minus));
    Some(Lit::new(negative))
}

/// The keys of one attribute already given, as bits over the attribute's
/// list of known keys (cheaper than a set of strings; this runs per column).
#[derive(Default)]
struct Seen(u64);

impl Seen {
    /// Marks the key at `position`; false when it was already marked.
    fn insert(&mut self, position: usize) -> bool {
        let bit = 1u64 << position.min(63);
        let fresh = self.0 & bit == 0;
        self.0 |= bit;
        fresh
    }

    fn contains(&self, known: &[&str], key: &str) -> bool {
        known
            .iter()
            .position(|k| *k == key)
            .is_some_and(|p| self.0 & (1u64 << p.min(63)) != 0)
    }
}

/// Checks that a key is known and not repeated; reports otherwise.
fn accept_key(
    entry: &Entry,
    attr: &str,
    known: &[&str],
    seen: &mut Seen,
    errors: &mut Vec<Error>,
) -> bool {
    let Some(position) = known.iter().position(|k| *k == entry.key) else {
        errors.push(unknown_key(entry, &format!("`#[{attr}]`"), known));
        return false;
    };
    if !seen.insert(position) {
        errors.push(
            Error::new(
                entry.key_span,
                format!("duplicate key `{}` in `#[{attr}]`", entry.key),
            )
            .label("given more than once")
            .help(format!("remove one of the `{}` keys", entry.key)),
        );
        return false;
    }
    true
}

fn unknown_key(entry: &Entry, context: &str, known: &[&str]) -> Error {
    Error::new(
        entry.key_span,
        format!("unknown key `{}` in {context}", entry.key),
    )
    .label("unknown key")
    .help(suggestion_or_list(&entry.key, known))
}

fn missing_key(span: Span, attr: &str, key: &str, example: &str) -> Error {
    Error::new(span, format!("`#[{attr}]` needs `{key}`"))
        .label(format!("missing `{key}`"))
        .help(format!("add `{example}`"))
}

fn wrong_value(entry: &Entry, expected: &str, example: &str) -> Error {
    let found = match &entry.value {
        Value::Flag => "no value".to_string(),
        Value::List(_) => "a list".to_string(),
        Value::Lit(Lit::Str(_)) => "a string".to_string(),
        Value::Lit(Lit::Bool(_)) => "a boolean".to_string(),
        Value::Lit(_) => "a literal".to_string(),
    };
    Error::covering(
        entry.span,
        entry.end,
        format!(
            "invalid value for `{}`: expected {expected}, found {found}",
            entry.key
        ),
    )
    .label(format!("expected {expected}"))
    .help(format!("write `{example}`"))
}

fn string_value(entry: &Entry, errors: &mut Vec<Error>) -> Option<Spanned<String>> {
    match &entry.value {
        Value::Lit(Lit::Str(s)) => Some(Spanned::new(s.value(), s.span(), entry.key_span)),
        _ => {
            errors.push(wrong_value(
                entry,
                "a string",
                &format!("{} = \"…\"", entry.key),
            ));
            None
        }
    }
}

/// A flag: `key` or `key = true` gives its span, `key = false` gives `None`.
fn flag_value(entry: &Entry, errors: &mut Vec<Error>) -> Option<Span> {
    match &entry.value {
        Value::Flag => Some(entry.key_span),
        Value::Lit(Lit::Bool(b)) => b.value.then_some(entry.key_span),
        _ => {
            errors.push(wrong_value(entry, "no value or a boolean", &entry.key));
            None
        }
    }
}

/// `key(a, b)`: plain names only.
fn name_list(entry: &Entry, errors: &mut Vec<Error>) -> Option<Vec<Spanned<String>>> {
    let Value::List(items) = &entry.value else {
        errors.push(wrong_value(
            entry,
            "a list",
            &format!("{}(a, b)", entry.key),
        ));
        return None;
    };
    let mut names = Vec::new();
    for item in items {
        match item.value {
            Value::Flag => names.push(Spanned::new(item.key.clone(), item.key_span, item.key_span)),
            _ => errors.push(
                Error::covering(
                    item.span,
                    item.end,
                    format!(
                        "expected a {} name in `{}(…)`",
                        if entry.key == "to" { "role" } else { "column" },
                        entry.key
                    ),
                )
                .label("expected a name"),
            ),
        }
    }
    if items.is_empty() {
        errors.push(
            Error::covering(entry.span, entry.end, format!("empty `{}()`", entry.key)).label(
                if entry.key == "to" {
                    "expected at least one role (`to(public)` for every role)"
                } else {
                    "expected at least one column"
                },
            ),
        );
        return None;
    }
    Some(names)
}

// ---------------------------------------------------------------------------
// Suggestions

/// The closest candidate to a misspelt word, if one is close enough.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= limit && *d > 0 && c.len() > 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `did you mean `x`?` when one is close, else the list of accepted values.
pub fn suggestion_or_list(word: &str, candidates: &[&str]) -> String {
    match did_you_mean(word, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_table_struct_without_any_file() {
        let item: ItemStruct = syn::parse_quote! {
            /// Users.
            #[derive(Table)]
            #[table(name = "users", schema = "auth")]
            #[index(columns(email(desc, ops = "text_pattern_ops")), unique, where = "x")]
            pub struct User {
                #[column(primary_key, identity = "always")]
                pub id: i64,
                #[column(references = "auth.orgs.id", on_delete = "cascade")]
                pub org_id: i64,
            }
        };
        assert!(is_table(&item.attrs));
        let (def, errors) = table(item);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.attrs.name.unwrap().value, "users");
        assert_eq!(def.doc.as_deref(), Some("Users."));
        let index = &def.attrs.indexes[0];
        assert_eq!(
            index.columns[0].order.as_ref().map(|o| o.value),
            Some(KeyOrder::Desc)
        );
        assert_eq!(
            index.columns[0].ops.as_ref().unwrap().value,
            "text_pattern_ops"
        );
        assert!(index.unique.is_some());
        assert_eq!(
            def.fields[0].attrs.identity.as_ref().map(|i| i.value),
            Some(IdentityAttr::Always)
        );
        let reference = def.fields[1].attrs.references.as_ref().unwrap();
        assert_eq!(
            (reference.schema.as_deref(), reference.table.as_str()),
            (Some("auth"), "orgs")
        );
    }

    #[test]
    fn errors_convert_to_one_syn_error_with_help() {
        let item: ItemStruct = syn::parse_quote! {
            #[derive(Table)]
            pub struct User {
                #[column(refrences = "orgs.id", unique = "yes")]
                pub org_id: i64,
            }
        };
        let (_, errors) = table(item);
        assert_eq!(errors.len(), 2);
        let combined = combine(errors).unwrap();
        let messages: Vec<String> = combined.into_iter().map(|e| e.to_string()).collect();
        assert!(messages[0].starts_with("unknown key `refrences` in `#[column]`"));
        assert!(messages[0].ends_with("help: did you mean `references`?"));
        assert!(messages[1].contains("invalid value for `unique`"));
    }

    #[test]
    fn derive_inputs_are_read_like_items() {
        let input: syn::DeriveInput = syn::parse_quote! {
            #[derive(PgEnum)]
            #[pg_enum(name = "role")]
            enum Role { Admin, #[pg_enum(rename = "guest-user")] Guest }
        };
        let (def, errors) = pg_enum_from_derive(input).unwrap();
        assert!(errors.is_empty());
        assert_eq!(def.variants[1].rename.as_ref().unwrap().value, "guest-user");
        let not_a_struct: syn::DeriveInput = syn::parse_quote! { enum X { A } };
        assert!(table_from_derive(not_a_struct).is_err());
    }

    #[test]
    fn suggestions_need_a_close_match() {
        assert_eq!(did_you_mean("refrences", COLUMN_KEYS), Some("references"));
        assert_eq!(did_you_mean("frobnicate", COLUMN_KEYS), None);
        assert_eq!(
            suggestion_or_list("zz", &["a", "b"]),
            "expected one of: a, b"
        );
    }
}
