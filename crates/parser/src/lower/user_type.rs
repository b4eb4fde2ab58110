//! Lowering domains and composite types: their names first (before the
//! tables, whose column types may name them: [`type_name`]), then per item
//! ([`lower_domain`], [`lower_composite`]: base and attribute types,
//! checks, names) and across items ([`link_user_types`]: duplicates,
//! domains over domains that are not declared).

use std::collections::{HashMap, HashSet};

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::{
    naming, BaseType, ColumnType, CompositeAttribute, CompositeType, Domain, DomainCheck,
    QualifiedName, DEFAULT_NAMESPACE,
};

use super::{
    check_name, duplicate, namespace_of, previous_name, sql_type, type_error, unraw, Cx, EnumTable,
    Loc, Site,
};
use crate::grammar::{self, CompositeDef, DomainDef, Error};
use crate::rust_types;

/// Which kind of user type a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UserKind {
    Domain,
    Composite,
}

/// A domain's or composite type's Rust identifier and SQL name, read
/// before the tables.
pub(crate) struct UserTypeName {
    pub ident: String,
    pub name: QualifiedName,
    pub kind: UserKind,
}

/// The name of a domain or composite-type struct, without diagnostics (the
/// second pass reports them), `None` for any other item.
pub(crate) fn type_name(item: &syn::ItemStruct) -> Option<UserTypeName> {
    let (name, schema, kind) = if grammar::is_domain(&item.attrs) {
        let (def, _) = grammar::domain(item);
        (def.name, def.schema, UserKind::Domain)
    } else if grammar::is_composite_type(&item.attrs) {
        let (def, _) = grammar::composite_type(item);
        (def.name, def.schema, UserKind::Composite)
    } else {
        return None;
    };
    let namespace = schema
        .map(|s| s.value)
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string());
    let name = name
        .map(|n| n.value)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| item.ident.to_string().to_snake_case());
    Some(UserTypeName {
        ident: unraw(&item.ident),
        name: QualifiedName::new(namespace, name),
        kind,
    })
}

/// One lowered domain.
pub(crate) struct DomainBuild<S> {
    pub file: usize,
    /// The struct's identifier.
    pub span: S,
    pub domain: Domain,
    pub rename: Option<(QualifiedName, QualifiedName)>,
}

/// One lowered composite type.
pub(crate) struct CompositeBuild<S> {
    pub file: usize,
    /// The struct's identifier.
    pub span: S,
    pub composite: CompositeType,
    pub rename: Option<(QualifiedName, QualifiedName)>,
    pub attribute_renames: Vec<(QualifiedName, String, String)>,
}

impl DomainBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> DomainBuild<Loc> {
        DomainBuild {
            file: self.file,
            span: at(self.file, self.span),
            domain: self.domain,
            rename: self.rename,
        }
    }
}

impl CompositeBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> CompositeBuild<Loc> {
        CompositeBuild {
            file: self.file,
            span: at(self.file, self.span),
            composite: self.composite,
            rename: self.rename,
            attribute_renames: self.attribute_renames,
        }
    }
}

fn qualified_name(
    cx: &mut Cx<Span>,
    file: usize,
    ident: &syn::Ident,
    name: &Option<grammar::Spanned<String>>,
    schema: &Option<grammar::Spanned<String>>,
    what: &str,
) -> QualifiedName {
    let namespace = namespace_of(cx, file, schema);
    let name = match name {
        Some(n) if check_name(cx, file, n, what) => n.value.clone(),
        _ => ident.to_string().to_snake_case(),
    };
    QualifiedName::new(namespace, name)
}

/// A field type or `sql_type` as a column type; `None` (reported) when it
/// cannot be mapped. Nullability is not part of it.
fn lower_type(
    cx: &mut Cx<Span>,
    file: usize,
    ty: Option<&syn::Type>,
    sql: &Option<grammar::Spanned<String>>,
    enums: &EnumTable,
) -> Option<(ColumnType, bool)> {
    if let Some(sql) = sql {
        if sql.value.trim().is_empty() {
            cx.err(
                file,
                Error::new(sql.span, "empty `sql_type`")
                    .label("expected an SQL type such as `varchar(320)`"),
            );
            return None;
        }
        let nullable = ty.is_some_and(|t| rust_types::strip_option(t).is_ok_and(|(_, n)| n));
        return Some((sql_type(&sql.value, enums), nullable));
    }
    let lookup = |ident: &str| enums.lookup(ident);
    match rust_types::map_type(ty?, &lookup) {
        Ok(m) => Some(m),
        Err(e) => {
            type_error(cx, file, e);
            None
        }
    }
}

/// Lowers one domain struct.
pub(crate) fn lower_domain(
    cx: &mut Cx<Span>,
    file: usize,
    def: &DomainDef,
    enums: &EnumTable,
) -> DomainBuild<Span> {
    cx.postgres_only(file, def.ident.span(), "a domain (`#[derive(Domain)]`)");
    let name = qualified_name(cx, file, &def.ident, &def.name, &def.schema, "domain");
    let base = match lower_type(cx, file, def.base.as_ref(), &def.sql_type, enums) {
        Some((ty, nullable)) => {
            if let (true, Some(base)) = (nullable, &def.base) {
                cx.err(
                    file,
                    Error::spanning(base, format!("domain `{name}` wraps an `Option<…>`"))
                        .label("`Option<…>` type")
                        .help("a domain allows NULL unless it is `not_null`; write the base type without `Option<…>`, and `Option<Domain>` on nullable columns"),
                );
            }
            if let BaseType::UserType(q) = &ty.base {
                let span = def.ident.span();
                if *q == name {
                    cx.err(
                        file,
                        Error::new(span, format!("domain `{name}` is based on itself"))
                            .label("circular base type")
                            .help(
                                "give the domain a built-in base type, an enum or another domain",
                            ),
                    );
                } else if enums.user_kind(q) == Some(UserKind::Composite) {
                    cx.err(
                        file,
                        Error::new(span, format!("domain `{name}` is based on composite type `{q}`"))
                            .label("not supported")
                            .help("shale creates domains before composite types; base the domain on a built-in type, an enum or another domain"),
                    );
                }
            }
            ty
        }
        None => ColumnType::named("text"),
    };
    let mut domain = Domain::new(name.clone(), base);
    domain.not_null = def.not_null.is_some();
    domain.comment = def.doc.clone();
    if let Some(d) = &def.default {
        if d.value.trim().is_empty() {
            cx.err(
                file,
                Error::new(d.span, "empty default").label("expected an SQL expression"),
            );
        } else {
            domain.default = Some(d.value.clone());
        }
    }
    if let Some(c) = &def.collate {
        if check_name(cx, file, c, "collation") {
            domain.collation = Some(c.value.clone());
        }
    }
    let mut names: HashSet<String> = HashSet::new();
    let mut unnamed = 0usize;
    for check in &def.checks {
        if check.expr.value.trim().is_empty() {
            cx.err(
                file,
                Error::new(check.expr.span, "empty check expression")
                    .label("expected a boolean SQL expression over `VALUE`"),
            );
            continue;
        }
        let (check_name_, span) = match &check.name {
            Some(n) => {
                if !check_name(cx, file, n, "check") {
                    continue;
                }
                (n.value.clone(), n.span)
            }
            None => {
                // PostgreSQL's choice for unnamed checks: `<domain>_check`,
                // then `<domain>_check1`, …
                let base = naming::check(&name.name, None);
                let chosen = match unnamed {
                    0 => base,
                    n => naming::make_object_name(&name.name, None, &format!("check{n}")),
                };
                unnamed += 1;
                (chosen, check.span)
            }
        };
        if !names.insert(check_name_.clone()) {
            cx.err(
                file,
                Error::new(
                    span,
                    format!("duplicate check `{check_name_}` on domain `{name}`"),
                )
                .label("second check of this name")
                .help("give each check its own `name = \"…\"`"),
            );
            continue;
        }
        domain.checks.push(DomainCheck {
            name: check_name_,
            expr: check.expr.value.clone(),
        });
    }
    domain.normalize();
    let rename = def
        .renamed_from
        .as_ref()
        .and_then(|r| previous_name(cx, file, r, &name))
        .map(|previous| (previous, name.clone()));
    DomainBuild {
        file,
        span: def.ident.span(),
        domain,
        rename,
    }
}

/// Lowers one composite-type struct.
pub(crate) fn lower_composite(
    cx: &mut Cx<Span>,
    file: usize,
    def: &CompositeDef,
    enums: &EnumTable,
) -> CompositeBuild<Span> {
    cx.postgres_only(
        file,
        def.ident.span(),
        "a composite type (`#[derive(CompositeType)]`)",
    );
    let name = qualified_name(cx, file, &def.ident, &def.name, &def.schema, "type");
    let mut attributes: Vec<CompositeAttribute> = Vec::with_capacity(def.fields.len());
    let mut attribute_renames = Vec::new();
    for field in &def.fields {
        let attribute = match &field.name {
            Some(n) if check_name(cx, file, n, "attribute") => n.value.clone(),
            _ => unraw(&field.ident),
        };
        let span = field.name.as_ref().map_or(field.ident.span(), |n| n.span);
        let ty = match lower_type(cx, file, Some(&field.ty), &field.sql_type, enums) {
            Some((ty, _)) => ty,
            None => ColumnType::named("text"),
        };
        if matches!(&ty.base, BaseType::UserType(q) if *q == name) {
            cx.err(
                file,
                Error::new(
                    span,
                    format!("attribute `{attribute}` of `{name}` has the type itself"),
                )
                .label("circular type")
                .help("a composite type cannot contain itself; use another type"),
            );
        }
        if attributes.iter().any(|a| a.name == attribute) {
            cx.err(
                file,
                Error::new(
                    span,
                    format!("duplicate attribute `{attribute}` in type `{name}`"),
                )
                .label("second attribute of this name")
                .help("rename one with `#[column(name = \"…\")]`"),
            );
            continue;
        }
        if let Some(previous) = &field.renamed_from {
            if previous.value.trim().is_empty() || previous.value == attribute {
                cx.err(
                    file,
                    Error::new(
                        previous.span,
                        format!("`renamed_from` names the current attribute `{attribute}`"),
                    )
                    .label("same as the current name"),
                );
            } else {
                attribute_renames.push((name.clone(), previous.value.clone(), attribute.clone()));
            }
        }
        attributes.push(CompositeAttribute {
            name: attribute,
            ty,
        });
    }
    let rename = def
        .renamed_from
        .as_ref()
        .and_then(|r| previous_name(cx, file, r, &name))
        .map(|previous| (previous, name.clone()));
    CompositeBuild {
        file,
        span: def.ident.span(),
        composite: CompositeType {
            name,
            attributes,
            comment: def.doc.clone(),
        },
        rename,
        attribute_renames,
    }
}

/// Duplicates (among domains, composite types and enums: PostgreSQL's
/// types share one namespace) are reported and dropped.
pub(crate) fn link_user_types<S: Site>(
    cx: &mut Cx<S>,
    domains: Vec<DomainBuild<S>>,
    composites: Vec<CompositeBuild<S>>,
    enum_names: &HashMap<QualifiedName, (usize, S)>,
) -> (Vec<DomainBuild<S>>, Vec<CompositeBuild<S>>) {
    let mut seen: HashMap<QualifiedName, (usize, S)> = enum_names.clone();
    let mut kept_domains = Vec::with_capacity(domains.len());
    for d in domains {
        if let Some(first) = seen.get(&d.domain.name) {
            duplicate(cx, "domain", &d.domain.name, *first, (d.file, d.span));
            continue;
        }
        seen.insert(d.domain.name.clone(), (d.file, d.span));
        kept_domains.push(d);
    }
    let mut kept_composites = Vec::with_capacity(composites.len());
    for c in composites {
        if let Some(first) = seen.get(&c.composite.name) {
            duplicate(
                cx,
                "composite type",
                &c.composite.name,
                *first,
                (c.file, c.span),
            );
            continue;
        }
        seen.insert(c.composite.name.clone(), (c.file, c.span));
        kept_composites.push(c);
    }
    (kept_domains, kept_composites)
}
