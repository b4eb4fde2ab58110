//! The grammar of view structs: `#[derive(View)]` with `#[view(…)]`,
//! `#[index(…)]` (materialized views) and fields with `#[column(name,
//! sql_type, skip)]`.

use proc_macro2::Span;
use syn::{Attribute, Fields, Ident, ItemStruct, Lit};

use super::{
    accept_key, attr_entries, check_attribute_names, derives, doc_comment, entries_of, flag_value,
    index_attr, string_value, wrong_value, ColumnAttrs, Error, FieldDef, IndexAttr, Place, Seen,
    Spanned, Value,
};

/// A struct that derives `View` (or carries `#[view]`).
#[derive(Clone, Debug)]
pub struct ViewDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// Its `#[view(…)]` keys and indexes.
    pub attrs: ViewAttrs,
    /// Its named fields (the view's columns), in order.
    pub fields: Vec<FieldDef>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// The keys of a view struct's `#[view(…)]` attributes, merged.
#[derive(Clone, Debug, Default)]
pub struct ViewAttrs {
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `renamed_from = "[schema.]old"`.
    pub renamed_from: Option<Spanned<String>>,
    /// `sql = "…"`: the query.
    pub sql: Option<Spanned<String>>,
    /// `sql_file = "…"`: the query's file, relative to the schema directory.
    pub sql_file: Option<Spanned<String>>,
    /// `materialized`.
    pub materialized: Option<Span>,
    /// `with_check_option` (cascaded) or `with_check_option = "local" | "cascaded"`.
    pub with_check_option: Option<Spanned<String>>,
    /// `security_invoker`.
    pub security_invoker: Option<Span>,
    /// `security_barrier`.
    pub security_barrier: Option<Span>,
    /// `#[index(…)]`, as on tables.
    pub indexes: Vec<IndexAttr>,
    /// `#[grant(…)]`, as on tables.
    pub grants: Vec<super::GrantAttr>,
}

/// The keys of `#[view(…)]`.
pub const VIEW_KEYS: &[&str] = &[
    "name",
    "schema",
    "renamed_from",
    "sql",
    "sql_file",
    "materialized",
    "with_check_option",
    "security_invoker",
    "security_barrier",
];

/// The keys of `#[column(…)]` on a view's field: a view column has a name
/// and a type, nothing else.
const VIEW_COLUMN_KEYS: &[&str] = &["name", "sql_type", "skip"];

/// Whether a struct is a view: `#[derive(View)]` or a `#[view]` attribute.
pub fn is_view(attrs: &[Attribute]) -> bool {
    derives(attrs, "View").is_some() || attrs.iter().any(|a| a.path().is_ident("view"))
}

/// Reads a view struct: its `#[view]` keys, indexes and fields.
pub fn view(item: ItemStruct) -> (ViewDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::View, &mut errors);
    let mut attrs = view_attrs(&item.attrs, &mut errors);
    attrs.grants = super::grant_attrs(&item.attrs, &mut errors);
    let mut fields = Vec::new();
    match item.fields {
        Fields::Named(named) => {
            for field in named.named {
                let Some(ident) = field.ident else { continue };
                check_attribute_names(&field.attrs, Place::Field, &mut errors);
                fields.push(FieldDef {
                    ident,
                    attrs: view_column_attrs(&field.attrs, &mut errors),
                    grants: Vec::new(),
                    doc: doc_comment(&field.attrs),
                    ty: field.ty,
                });
            }
        }
        Fields::Unit => {}
        Fields::Unnamed(_) => errors.push(
            Error::new(
                item.ident.span(),
                format!("view struct `{}` has unnamed fields", item.ident),
            )
            .label("expected `struct Name { field: Type, … }`")
            .help("each named field is a column of the view"),
        ),
    }
    let def = ViewDef {
        doc: doc_comment(&item.attrs),
        ident: item.ident,
        attrs,
        fields,
    };
    (def, errors)
}

/// Reads a view from what `#[derive(View)]` receives; an error when the
/// input is not a struct.
pub fn view_from_derive(input: syn::DeriveInput) -> Result<(ViewDef, Vec<Error>), Error> {
    match input.data {
        syn::Data::Struct(data) => Ok(view(ItemStruct {
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
            "`View` can only be derived for a struct",
        )
        .label("wrong kind of item")
        .help("derive `View` on a struct whose named fields are the view's columns")),
    }
}

fn view_attrs(attrs: &[Attribute], errors: &mut Vec<Error>) -> ViewAttrs {
    let mut out = ViewAttrs::default();
    let mut seen = Seen::default();
    for entry in entries_of(attrs, "view", errors) {
        if !accept_key(&entry, "view", VIEW_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => out.name = string_value(&entry, errors),
            "schema" => out.schema = string_value(&entry, errors),
            "renamed_from" => out.renamed_from = string_value(&entry, errors),
            "sql" => out.sql = string_value(&entry, errors),
            "sql_file" => out.sql_file = string_value(&entry, errors),
            "materialized" => out.materialized = flag_value(&entry, errors),
            "security_invoker" => out.security_invoker = flag_value(&entry, errors),
            "security_barrier" => out.security_barrier = flag_value(&entry, errors),
            _ => {
                // A flag means PostgreSQL's default, CASCADED.
                out.with_check_option = match &entry.value {
                    Value::Flag => Some(Spanned::new(
                        "cascaded".to_string(),
                        entry.key_span,
                        entry.key_span,
                    )),
                    Value::Lit(Lit::Str(_)) => string_value(&entry, errors),
                    _ => {
                        errors.push(wrong_value(
                            &entry,
                            "no value or a string",
                            "with_check_option = \"local\"",
                        ));
                        None
                    }
                }
            }
        }
    }
    for attr in attrs.iter().filter(|a| a.path().is_ident("index")) {
        let span = attr
            .path()
            .get_ident()
            .map_or_else(Span::call_site, Ident::span);
        if let Some(index) = index_attr(attr, span, errors) {
            out.indexes.push(index);
        }
    }
    out
}

fn view_column_attrs(attrs: &[Attribute], errors: &mut Vec<Error>) -> ColumnAttrs {
    let mut out = ColumnAttrs::default();
    let mut seen = Seen::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("column")) {
        for entry in attr_entries(attr, errors) {
            if !accept_key(&entry, "column", VIEW_COLUMN_KEYS, &mut seen, errors) {
                continue;
            }
            match entry.key.as_str() {
                "name" => out.name = string_value(&entry, errors),
                "sql_type" => out.sql_type = string_value(&entry, errors),
                _ => out.skip = flag_value(&entry, errors),
            }
        }
    }
    out
}
