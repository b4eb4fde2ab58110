//! The grammar of grants and of namespaces: `#[grant(select, insert, to =
//! "role", with_grant_option)]` (repeatable) on table, view, sequence,
//! function and namespace structs, and a namespace's own unit struct with
//! `#[derive(Namespace)]` and `#[namespace(name = "…", comment = "…")]`.

use proc_macro2::Span;
use syn::{Attribute, Fields, Ident, ItemStruct, Lit};

use super::{
    accept_key, attr_entries, check_attribute_names, derives, entries_of, flag_value, name_list,
    string_value, unknown_key, wrong_value, Error, Place, Seen, Spanned, Value,
};

/// The privilege names `#[grant(…)]` accepts (checked against the kind of
/// object when lowering), and `all`.
pub const PRIVILEGE_KEYS: &[&str] = &[
    "all",
    "select",
    "insert",
    "update",
    "delete",
    "truncate",
    "references",
    "trigger",
    "usage",
    "create",
    "execute",
];

/// The other keys of `#[grant(…)]`.
const GRANT_KEYS: &[&str] = &["to", "with_grant_option"];

/// `#[grant(select, insert, to = "role", with_grant_option)]`.
#[derive(Clone, Debug)]
pub struct GrantAttr {
    /// The attribute's span.
    pub span: Span,
    /// The privileges named, unparsed (`all` included).
    pub privileges: Vec<Spanned<String>>,
    /// `to = "role"` or `to(a, b)`.
    pub roles: Vec<Spanned<String>>,
    /// `with_grant_option`.
    pub with_grant_option: Option<Span>,
}

/// Reads every `#[grant(…)]` of an item.
pub fn grant_attrs(attrs: &[Attribute], errors: &mut Vec<Error>) -> Vec<GrantAttr> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("grant")) {
        out.push(grant_attr(attr, errors));
    }
    out
}

fn grant_attr(attr: &Attribute, errors: &mut Vec<Error>) -> GrantAttr {
    let span = attr
        .path()
        .get_ident()
        .map_or_else(Span::call_site, Ident::span);
    let mut grant = GrantAttr {
        span,
        privileges: Vec::new(),
        roles: Vec::new(),
        with_grant_option: None,
    };
    let mut seen = Seen::default();
    let mut seen_privileges: Vec<String> = Vec::new();
    // A key already reported (a misspelt privilege) is not reported again
    // as a missing privilege.
    let mut rejected = false;
    for entry in attr_entries(attr, errors) {
        if PRIVILEGE_KEYS.contains(&entry.key.as_str()) {
            if !matches!(entry.value, Value::Flag) {
                errors.push(wrong_value(&entry, "no value", &entry.key));
                rejected = true;
                continue;
            }
            if seen_privileges.contains(&entry.key) {
                errors.push(
                    Error::new(
                        entry.key_span,
                        format!("duplicate privilege `{}` in `#[grant]`", entry.key),
                    )
                    .label("given more than once")
                    .help(format!("remove one of the `{}`", entry.key)),
                );
                continue;
            }
            seen_privileges.push(entry.key.clone());
            grant.privileges.push(Spanned::new(
                entry.key.clone(),
                entry.key_span,
                entry.key_span,
            ));
            continue;
        }
        if !GRANT_KEYS.contains(&entry.key.as_str()) {
            let known: Vec<&str> = PRIVILEGE_KEYS.iter().chain(GRANT_KEYS).copied().collect();
            errors.push(unknown_key(&entry, "`#[grant]`", &known));
            rejected = true;
            continue;
        }
        if !accept_key(&entry, "grant", GRANT_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "to" => match &entry.value {
                Value::Lit(Lit::Str(_)) => {
                    grant.roles = string_value(&entry, errors).into_iter().collect();
                }
                Value::List(_) => grant.roles = name_list(&entry, errors).unwrap_or_default(),
                _ => errors.push(wrong_value(&entry, "a string or a list", "to = \"role\"")),
            },
            _ => grant.with_grant_option = flag_value(&entry, errors),
        }
    }
    if grant.privileges.is_empty() && !rejected {
        errors.push(
            Error::new(span, "`#[grant]` needs at least one privilege")
                .label("no privilege")
                .help("add one, e.g. `#[grant(select, to = \"app_ro\")]`, or `all`"),
        );
    }
    if grant.roles.is_empty() && !seen.contains(GRANT_KEYS, "to") {
        errors.push(
            Error::new(span, "`#[grant]` needs `to`")
                .label("missing `to`")
                .help("add `to = \"role\"` (`to = \"public\"` for every role)"),
        );
    }
    grant
}

/// A struct that derives `Namespace` (or carries `#[namespace]`): what a
/// schema says about a namespace itself.
#[derive(Clone, Debug)]
pub struct NamespaceDef {
    /// The struct's identifier.
    pub ident: Ident,
    /// `name = "…"` (else the identifier in snake case).
    pub name: Option<Spanned<String>>,
    /// `comment = "…"` (else the doc comment).
    pub comment: Option<Spanned<String>>,
    /// The doc comment.
    pub doc: Option<String>,
    /// `#[grant(…)]`.
    pub grants: Vec<GrantAttr>,
}

/// The keys of `#[namespace(…)]`.
pub(crate) const NAMESPACE_KEYS: &[&str] = &["name", "comment"];

/// Whether a struct is a namespace: `#[derive(Namespace)]` or a
/// `#[namespace]` attribute.
pub fn is_namespace(attrs: &[Attribute]) -> bool {
    derives(attrs, "Namespace").is_some() || attrs.iter().any(|a| a.path().is_ident("namespace"))
}

/// Reads a namespace struct (a unit struct), its `#[namespace(…)]` keys and
/// its grants.
pub fn namespace(item: &ItemStruct) -> (NamespaceDef, Vec<Error>) {
    let mut errors = Vec::new();
    check_attribute_names(&item.attrs, Place::Namespace, &mut errors);
    if !matches!(item.fields, Fields::Unit) {
        errors.push(
            Error::new(
                item.ident.span(),
                format!("namespace struct `{}` has fields", item.ident),
            )
            .label("expected a unit struct")
            .help(format!("write `pub struct {};`", item.ident)),
        );
    }
    let mut def = NamespaceDef {
        ident: item.ident.clone(),
        name: None,
        comment: None,
        doc: super::doc_comment(&item.attrs),
        grants: grant_attrs(&item.attrs, &mut errors),
    };
    let mut seen = Seen::default();
    for entry in entries_of(&item.attrs, "namespace", &mut errors) {
        if !accept_key(&entry, "namespace", NAMESPACE_KEYS, &mut seen, &mut errors) {
            continue;
        }
        let slot = match entry.key.as_str() {
            "name" => &mut def.name,
            _ => &mut def.comment,
        };
        *slot = string_value(&entry, &mut errors);
    }
    (def, errors)
}

/// Reads a namespace from what `#[derive(Namespace)]` receives; an error
/// when the input is not a struct.
pub fn namespace_from_derive(input: syn::DeriveInput) -> Result<(NamespaceDef, Vec<Error>), Error> {
    super::unit_struct_from_derive(input, "Namespace", namespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grants(src: &str) -> (Vec<GrantAttr>, Vec<Error>) {
        let item: ItemStruct = syn::parse_str(src).unwrap();
        let mut errors = Vec::new();
        (grant_attrs(&item.attrs, &mut errors), errors)
    }

    #[test]
    fn reads_privileges_roles_and_the_grant_option() {
        let (g, errors) = grants(
            "#[grant(select, insert, to = \"app\")] #[grant(all, to(a, b), with_grant_option)] struct T;",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(g.len(), 2);
        let p: Vec<&str> = g[0].privileges.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(p, ["select", "insert"]);
        assert_eq!(g[0].roles[0].value, "app");
        assert_eq!(g[1].roles.len(), 2);
        assert!(g[1].with_grant_option.is_some());
    }

    #[test]
    fn refuses_unknown_privileges_and_missing_parts() {
        let (_, errors) = grants("#[grant(selct, to = \"app\")] struct T;");
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `select`?"));
        let (_, errors) = grants("#[grant(select)] struct T;");
        assert_eq!(errors[0].message, "`#[grant]` needs `to`");
        let (_, errors) = grants("#[grant(to = \"app\")] struct T;");
        assert_eq!(errors[0].message, "`#[grant]` needs at least one privilege");
        let (_, errors) = grants("#[grant(select = \"x\", select, to = \"a\")] struct T;");
        assert!(errors[0].message.starts_with("invalid value for `select`"));
    }

    #[test]
    fn reads_a_namespace() {
        let item: ItemStruct = syn::parse_str(
            "#[derive(Namespace)] #[namespace(name = \"billing\", comment = \"money\")] #[grant(usage, to = \"app\")] pub struct Billing;",
        )
        .unwrap();
        let (def, errors) = namespace(&item);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(def.name.unwrap().value, "billing");
        assert_eq!(def.comment.unwrap().value, "money");
        assert_eq!(def.grants.len(), 1);
    }
}
