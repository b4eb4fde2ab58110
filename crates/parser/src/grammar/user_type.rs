//! The grammar of domains and composite types: a newtype struct with
//! `#[derive(Domain)]`, `#[domain(…)]` and `#[check(…)]`, and a struct with
//! `#[derive(CompositeType)]`, `#[composite(…)]` and `#[column(…)]` on its
//! fields.

use proc_macro2::Span;
use syn::{Attribute, Fields, Ident, ItemStruct, Type};

use super::{
    accept_key, attr_entries, check_attribute_names, derives, doc_comment, entries_of, flag_value,
    missing_key, string_value, Error, Place, Seen, Spanned,
};

/// A newtype struct that derives `Domain` (or carries `#[domain]`).
#[derive(Clone, Debug)]
pub struct DomainDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// The type of the struct's one field: the domain's base type.
    pub base: Option<Type>,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `sql_type = "…"`: the base type spelled in SQL, instead of the field's.
    pub sql_type: Option<Spanned<String>>,
    /// `default = "…"`.
    pub default: Option<Spanned<String>>,
    /// `not_null`.
    pub not_null: Option<Span>,
    /// `collate = "…"`.
    pub collate: Option<Spanned<String>>,
    /// `renamed_from = "[schema.]old"`.
    pub renamed_from: Option<Spanned<String>>,
    /// `#[check(name = "…", expr = "…")]`, in order.
    pub checks: Vec<DomainCheckAttr>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// `#[check(name = "…", expr = "VALUE …")]` on a domain.
#[derive(Clone, Debug)]
pub struct DomainCheckAttr {
    /// The attribute's span.
    pub span: Span,
    /// An explicit constraint name.
    pub name: Option<Spanned<String>>,
    /// The boolean expression over `VALUE`.
    pub expr: Spanned<String>,
}

/// A struct that derives `CompositeType` (or carries `#[composite]`).
#[derive(Clone, Debug)]
pub struct CompositeDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `schema = "…"`.
    pub schema: Option<Spanned<String>>,
    /// `renamed_from = "[schema.]old"`.
    pub renamed_from: Option<Spanned<String>>,
    /// The named fields: the attributes, in order.
    pub fields: Vec<AttributeDef>,
    /// The doc comment.
    pub doc: Option<String>,
}

/// A field of a composite type.
#[derive(Clone, Debug)]
pub struct AttributeDef {
    /// The field's identifier.
    pub ident: Ident,
    /// The field's type.
    pub ty: Type,
    /// `#[column(name = "…")]`.
    pub name: Option<Spanned<String>>,
    /// `#[column(sql_type = "…")]`.
    pub sql_type: Option<Spanned<String>>,
    /// `#[column(renamed_from = "…")]`.
    pub renamed_from: Option<Spanned<String>>,
}

/// The keys of `#[domain(…)]`.
pub(crate) const DOMAIN_KEYS: &[&str] = &[
    "name",
    "schema",
    "sql_type",
    "default",
    "not_null",
    "collate",
    "renamed_from",
];

/// The keys of `#[composite(…)]`.
pub(crate) const COMPOSITE_KEYS: &[&str] = &["name", "schema", "renamed_from"];

/// The keys of `#[column(…)]` on a composite type's field.
const ATTRIBUTE_KEYS: &[&str] = &["name", "sql_type", "renamed_from"];

/// Whether a struct is a domain: `#[derive(Domain)]` or a `#[domain]` attribute.
pub fn is_domain(attrs: &[Attribute]) -> bool {
    derives(attrs, "Domain").is_some() || attrs.iter().any(|a| a.path().is_ident("domain"))
}

/// Whether a struct is a composite type: `#[derive(CompositeType)]` or a
/// `#[composite]` attribute.
pub fn is_composite_type(attrs: &[Attribute]) -> bool {
    derives(attrs, "CompositeType").is_some()
        || attrs.iter().any(|a| a.path().is_ident("composite"))
}

/// Reads a domain struct: a newtype (`pub struct Email(pub String);`)
/// whose field's type is the base type, its `#[domain(…)]` keys, its
/// `#[check(…)]` attributes and doc comment.
pub fn domain(item: &ItemStruct) -> (DomainDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Domain, &mut errors);
    let base = match &item.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let field = &fields.unnamed[0];
            check_attribute_names(&field.attrs, Place::Field, &mut errors);
            Some(field.ty.clone())
        }
        _ => {
            errors.push(
                Error::new(
                    item.ident.span(),
                    format!("domain struct `{}` is not a newtype", item.ident),
                )
                .label("expected one unnamed field")
                .help(format!(
                    "a domain wraps its base type: write `pub struct {}(pub String);`",
                    item.ident
                )),
            );
            None
        }
    };
    let mut def = DomainDef {
        ident: item.ident.clone(),
        base,
        name: None,
        schema: None,
        sql_type: None,
        default: None,
        not_null: None,
        collate: None,
        renamed_from: None,
        checks: Vec::new(),
        doc: doc_comment(&item.attrs),
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "domain", &mut errors) {
        if !accept_key(&entry, "domain", DOMAIN_KEYS, &mut seen, &mut errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => def.name = string_value(&entry, &mut errors),
            "schema" => def.schema = string_value(&entry, &mut errors),
            "sql_type" => def.sql_type = string_value(&entry, &mut errors),
            "default" => def.default = string_value(&entry, &mut errors),
            "not_null" => def.not_null = flag_value(&entry, &mut errors),
            "collate" => def.collate = string_value(&entry, &mut errors),
            _ => def.renamed_from = string_value(&entry, &mut errors),
        }
    }
    for attr in item.attrs.iter().filter(|a| a.path().is_ident("check")) {
        let span = attr
            .path()
            .get_ident()
            .map_or_else(Span::call_site, Ident::span);
        let mut seen = Seen::default();
        let (mut name, mut expr) = (None, None);
        for entry in attr_entries(attr, &mut errors) {
            if !accept_key(&entry, "check", &["name", "expr"], &mut seen, &mut errors) {
                continue;
            }
            match entry.key.as_str() {
                "name" => name = string_value(&entry, &mut errors),
                _ => expr = string_value(&entry, &mut errors),
            }
        }
        match expr {
            Some(expr) => def.checks.push(DomainCheckAttr { span, name, expr }),
            None => errors.push(missing_key(span, "check", "expr", "expr = \"VALUE > 0\"")),
        }
    }
    (def, errors)
}

/// Reads a composite-type struct: its `#[composite(…)]` keys, doc comment
/// and named fields (each an attribute, with an optional `#[column(…)]`).
pub fn composite_type(item: &ItemStruct) -> (CompositeDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Composite, &mut errors);
    let mut def = CompositeDef {
        ident: item.ident.clone(),
        name: None,
        schema: None,
        renamed_from: None,
        fields: Vec::new(),
        doc: doc_comment(&item.attrs),
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "composite", &mut errors) {
        if !accept_key(&entry, "composite", COMPOSITE_KEYS, &mut seen, &mut errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => def.name = string_value(&entry, &mut errors),
            "schema" => def.schema = string_value(&entry, &mut errors),
            _ => def.renamed_from = string_value(&entry, &mut errors),
        }
    }
    match &item.fields {
        Fields::Named(fields) => {
            for field in &fields.named {
                check_attribute_names(&field.attrs, Place::Field, &mut errors);
                let Some(ident) = field.ident.clone() else {
                    continue;
                };
                let mut attribute = AttributeDef {
                    ident,
                    ty: field.ty.clone(),
                    name: None,
                    sql_type: None,
                    renamed_from: None,
                };
                let mut seen = Seen::default();
                for entry in entries_of(&field.attrs, "column", &mut errors) {
                    if !accept_key(&entry, "column", ATTRIBUTE_KEYS, &mut seen, &mut errors) {
                        continue;
                    }
                    match entry.key.as_str() {
                        "name" => attribute.name = string_value(&entry, &mut errors),
                        "sql_type" => attribute.sql_type = string_value(&entry, &mut errors),
                        _ => attribute.renamed_from = string_value(&entry, &mut errors),
                    }
                }
                def.fields.push(attribute);
            }
        }
        _ => errors.push(
            Error::new(
                item.ident.span(),
                format!("composite type struct `{}` has no named fields", item.ident),
            )
            .label("expected named fields")
            .help(format!(
                "each field is an attribute: write `pub struct {} {{ pub street: String }}`",
                item.ident
            )),
        ),
    }
    (def, errors)
}

/// What `#[derive(Domain)]` receives, read as the CLI reads the item.
pub fn domain_from_derive(input: syn::DeriveInput) -> Result<(DomainDef, Vec<Error>), Error> {
    from_derive(input, "Domain", "pub struct Email(pub String);", domain)
}

/// What `#[derive(CompositeType)]` receives, read as the CLI reads the item.
pub fn composite_type_from_derive(
    input: syn::DeriveInput,
) -> Result<(CompositeDef, Vec<Error>), Error> {
    from_derive(
        input,
        "CompositeType",
        "pub struct Address { pub street: String }",
        composite_type,
    )
}

fn from_derive<T>(
    input: syn::DeriveInput,
    derive: &str,
    example: &str,
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
            format!("`{derive}` can only be derived for a struct"),
        )
        .label("wrong kind of item")
        .help(format!("derive `{derive}` on `{example}`"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_domain_with_every_key() {
        let item: ItemStruct = syn::parse_str(
            "/// An address.\n#[derive(Domain)]\n#[domain(name = \"email\", schema = \"app\", sql_type = \"citext\", \
             default = \"''\", not_null, collate = \"C\", renamed_from = \"mail\")]\n\
             #[check(name = \"has_at\", expr = \"VALUE ~ '@'\")]\n#[check(expr = \"VALUE <> ''\")]\n\
             pub struct Email(pub String);",
        )
        .unwrap();
        let (def, errors) = domain(&item);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.name.unwrap().value, "email");
        assert_eq!(def.sql_type.unwrap().value, "citext");
        assert!(def.not_null.is_some());
        assert_eq!(def.collate.unwrap().value, "C");
        assert_eq!(def.checks.len(), 2);
        assert_eq!(def.checks[0].name.as_ref().unwrap().value, "has_at");
        assert!(def.checks[1].name.is_none());
        assert_eq!(def.doc.as_deref(), Some("An address."));
    }

    #[test]
    fn bad_shapes_and_keys_are_errors() {
        let item: ItemStruct = syn::parse_str("#[domain(nott_null)] struct E { x: i32 }").unwrap();
        let (_, errors) = domain(&item);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].message.contains("not a newtype"));
        assert_eq!(errors[1].help.as_deref(), Some("did you mean `not_null`?"));
        let item: ItemStruct =
            syn::parse_str("#[domain] #[check(name = \"x\")] struct E(i32);").unwrap();
        let (_, errors) = domain(&item);
        assert!(errors[0].message.contains("needs `expr`"), "{errors:?}");
        let item: ItemStruct =
            syn::parse_str("#[composite] struct A { #[column(default = \"1\")] a: i32 }").unwrap();
        let (def, errors) = composite_type(&item);
        assert_eq!(def.fields.len(), 1);
        assert!(
            errors[0].message.contains("unknown key `default`"),
            "{errors:?}"
        );
        let item: ItemStruct = syn::parse_str("#[composite] struct A(i32);").unwrap();
        let (_, errors) = composite_type(&item);
        assert!(errors[0].message.contains("no named fields"), "{errors:?}");
    }
}
