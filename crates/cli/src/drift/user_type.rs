//! Drift lines of domains and composite types: each difference told once,
//! as that object (a check changed in place is one line, not a drop and an
//! add).

use shale_differ::{CommentTarget, Step};
use shale_model::Schema;

use super::{differs, extra, missing, Drift};

/// The lines of one step about a domain or composite type; `None` for any
/// other step.
pub(super) fn describe(step: &Step, schema: &Schema, db: &Schema) -> Option<Vec<Drift>> {
    let mut out = Vec::new();
    let domain_sql = |s: &Schema, name| s.domain(name).map(shale_sql::create_domain_sql);
    let composite_sql =
        |s: &Schema, name| s.composite_type(name).map(shale_sql::create_composite_sql);
    match step {
        Step::CreateDomain { name } => out.push(missing(
            format!("domain {name}"),
            domain_sql(schema, name).unwrap_or_default(),
        )),
        Step::DropDomain { name } => out.push(extra(
            format!("domain {name}"),
            domain_sql(db, name).unwrap_or_default(),
        )),
        Step::ReplaceDomain { name, .. } => out.push(differs(
            format!("domain {name}"),
            domain_sql(schema, name).unwrap_or_default(),
            domain_sql(db, name).unwrap_or_default(),
        )),
        Step::AlterDomain {
            name,
            default,
            not_null,
        } => {
            let (s, d) = (schema.domain(name), db.domain(name));
            if *default {
                let text = |x: Option<&shale_model::Domain>| {
                    x.and_then(|x| x.default.clone())
                        .unwrap_or_else(|| "none".into())
                };
                out.push(differs(
                    format!("default of domain {name}"),
                    text(s),
                    text(d),
                ));
            }
            if *not_null {
                let text = |x: Option<&shale_model::Domain>| {
                    if x.is_some_and(|x| x.not_null) {
                        "not null".to_string()
                    } else {
                        "null".to_string()
                    }
                };
                out.push(differs(
                    format!("nullability of domain {name}"),
                    text(s),
                    text(d),
                ));
            }
        }
        Step::AddDomainCheck { domain, name } => {
            let expr = |x: &Schema| {
                x.domain(domain)
                    .and_then(|d| d.check(name))
                    .map(|c| c.expr.clone())
            };
            let object = format!("check {name} on domain {domain}");
            match expr(db) {
                Some(d) => out.push(differs(object, expr(schema).unwrap_or_default(), d)),
                None => out.push(missing(object, expr(schema).unwrap_or_default())),
            }
        }
        Step::DropDomainCheck { domain, name } => {
            // Dropped to be added again: the add tells it.
            let in_schema = schema.domain(domain).and_then(|d| d.check(name));
            if in_schema.is_none() {
                let expr = db
                    .domain(domain)
                    .and_then(|d| d.check(name))
                    .map(|c| c.expr.clone())
                    .unwrap_or_default();
                out.push(extra(format!("check {name} on domain {domain}"), expr));
            }
        }
        Step::RenameDomainCheck { domain, names } => out.push(differs(
            format!("name of check {} on domain {domain}", names.previous),
            names.next.clone(),
            names.previous.clone(),
        )),
        Step::CreateCompositeType { name } => out.push(missing(
            format!("type {name}"),
            composite_sql(schema, name).unwrap_or_default(),
        )),
        Step::DropCompositeType { name } => out.push(extra(
            format!("type {name}"),
            composite_sql(db, name).unwrap_or_default(),
        )),
        Step::AlterCompositeType {
            name,
            drop,
            add,
            retype,
        } => {
            let ty = |x: &Schema, a: &str| {
                x.composite_type(name)
                    .and_then(|c| c.attribute(a))
                    .map(|a| a.ty.to_string())
                    .unwrap_or_default()
            };
            for d in drop {
                if !add.contains(d) {
                    out.push(extra(format!("attribute {d} of type {name}"), ty(db, d)));
                }
            }
            for a in add {
                if drop.contains(a) {
                    out.push(differs(
                        format!("position of attribute {a} of type {name}"),
                        "as declared".into(),
                        "elsewhere".into(),
                    ));
                } else {
                    out.push(missing(
                        format!("attribute {a} of type {name}"),
                        ty(schema, a),
                    ));
                }
            }
            for r in retype {
                out.push(differs(
                    format!("attribute {r} of type {name}"),
                    ty(schema, r),
                    ty(db, r),
                ));
            }
        }
        Step::RenameAttribute { type_name, names } => out.push(differs(
            format!("name of attribute {} of type {type_name}", names.previous),
            names.next.clone(),
            names.previous.clone(),
        )),
        Step::RenameUserType { names, domain } => out.push(differs(
            format!("{} {}", if *domain { "domain" } else { "type" }, names.next),
            names.next.to_string(),
            names.previous.to_string(),
        )),
        Step::SetComment {
            target: CommentTarget::Domain(name),
        } => out.push(differs(
            format!("comment on domain {name}"),
            schema
                .domain(name)
                .and_then(|d| d.comment.clone())
                .unwrap_or_else(|| "none".into()),
            db.domain(name)
                .and_then(|d| d.comment.clone())
                .unwrap_or_else(|| "none".into()),
        )),
        Step::SetComment {
            target: CommentTarget::CompositeType(name),
        } => out.push(differs(
            format!("comment on type {name}"),
            schema
                .composite_type(name)
                .and_then(|c| c.comment.clone())
                .unwrap_or_else(|| "none".into()),
            db.composite_type(name)
                .and_then(|c| c.comment.clone())
                .unwrap_or_else(|| "none".into()),
        )),
        _ => return None,
    }
    Some(out)
}
