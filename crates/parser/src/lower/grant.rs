//! Lowering of grants (`#[grant(…)]` on table, view, sequence, function and
//! namespace structs) and of namespace structs (`#[derive(Namespace)]`):
//! per item ([`lower_grants`], [`lower_namespace`]) and across items
//! ([`link_namespaces`]: one declaration per namespace).

use std::collections::HashMap;

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::grant::normalize_grants;
use shale_model::policy::PUBLIC_ROLE;
use shale_model::{Grant, GrantObject, Namespace, Privilege, QualifiedName};

use super::{check_name, duplicate, Cx, Error, Loc, Site};
use crate::grammar::{GrantAttr, NamespaceDef};

/// The grants of one object of kind `object`, normalised, reporting every
/// privilege the kind does not have.
pub(crate) fn lower_grants(
    cx: &mut Cx<Span>,
    file: usize,
    attrs: &[GrantAttr],
    object: GrantObject,
) -> Vec<Grant> {
    let mut grants = Vec::new();
    for attr in attrs {
        cx.postgres_only(file, attr.span, "`#[grant]`");
        let mut privileges: Vec<Privilege> = Vec::new();
        for p in &attr.privileges {
            if p.value == "all" {
                privileges.extend_from_slice(object.privileges());
                continue;
            }
            match Privilege::parse(&p.value) {
                Some(privilege) if object.allows(privilege) => privileges.push(privilege),
                _ => cx.err(
                    file,
                    Error::new(
                        p.span,
                        format!("a {} has no privilege `{}`", object.noun(), p.value),
                    )
                    .label("not a privilege of this object")
                    .help(format!(
                        "expected one of: all, {}",
                        object
                            .privileges()
                            .iter()
                            .map(|p| p.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ),
            }
        }
        for role in &attr.roles {
            // `to(r#type)` names the role `type`.
            let name = role.value.strip_prefix("r#").unwrap_or(&role.value);
            if name.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(role.span, "empty role name in `#[grant]`")
                        .label("expected a role")
                        .help("write `to = \"role\"`, or `to = \"public\"` for every role"),
                );
                continue;
            }
            let name = if name.eq_ignore_ascii_case(PUBLIC_ROLE) {
                PUBLIC_ROLE.to_string()
            } else {
                name.to_string()
            };
            for &privilege in &privileges {
                grants.push(Grant {
                    role: name.clone(),
                    privilege,
                    grant_option: attr.with_grant_option.is_some(),
                });
            }
        }
    }
    normalize_grants(&mut grants);
    grants
}

/// One lowered namespace struct.
pub(crate) struct NamespaceBuild<S> {
    pub file: usize,
    /// The namespace's name (`name = …`, else the struct's identifier).
    pub span: S,
    pub namespace: Namespace,
}

impl NamespaceBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> NamespaceBuild<Loc> {
        NamespaceBuild {
            file: self.file,
            span: at(self.file, self.span),
            namespace: self.namespace,
        }
    }
}

/// Lowers one namespace struct: its name, comment (`comment = …`, else the
/// doc comment) and grants.
pub(crate) fn lower_namespace(
    cx: &mut Cx<Span>,
    file: usize,
    def: &NamespaceDef,
) -> NamespaceBuild<Span> {
    cx.postgres_only(
        file,
        def.ident.span(),
        "a namespace (`#[derive(Namespace)]`)",
    );
    let name = match &def.name {
        Some(n) if check_name(cx, file, n, "schema") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let comment = def
        .comment
        .as_ref()
        .map(|c| c.value.clone())
        .or_else(|| def.doc.clone());
    let mut namespace = Namespace::new(name);
    namespace.comment = comment;
    namespace.grants = lower_grants(cx, file, &def.grants, GrantObject::Schema);
    NamespaceBuild {
        file,
        span: def.name.as_ref().map_or(def.ident.span(), |n| n.span),
        namespace,
    }
}

/// Reports and drops a second declaration of a namespace.
pub(crate) fn link_namespaces<S: Site>(
    cx: &mut Cx<S>,
    namespaces: Vec<NamespaceBuild<S>>,
) -> Vec<Namespace> {
    let mut seen: HashMap<String, (usize, S)> = HashMap::new();
    let mut out = Vec::with_capacity(namespaces.len());
    for n in namespaces {
        if let Some(&first) = seen.get(&n.namespace.name) {
            let qname = QualifiedName::public(n.namespace.name.clone());
            duplicate(cx, "namespace", &qname, first, (n.file, n.span));
            continue;
        }
        seen.insert(n.namespace.name.clone(), (n.file, n.span));
        out.push(n.namespace);
    }
    out
}
