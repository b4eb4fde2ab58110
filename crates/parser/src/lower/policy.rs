//! Lowering of row-level security: `#[table(row_level_security,
//! force_row_level_security)]` and `#[policy(…)]` on a table struct.

use std::collections::HashMap;

use proc_macro2::Span;
use shale_model::policy::PUBLIC_ROLE;
use shale_model::{Policy, PolicyCommand, RowLevelSecurity, Table};

use super::{Cx, Error};
use crate::grammar::{PolicyAttr, TableDef};

/// Sets the table's row-level-security flags and policies from the struct's
/// attributes, reporting every mistake.
pub(super) fn lower_policies(cx: &mut Cx<Span>, file: usize, def: &TableDef, table: &mut Table) {
    let attrs = &def.attrs;
    for (flag, what) in [
        (attrs.row_level_security, "`row_level_security`"),
        (attrs.force_row_level_security, "`force_row_level_security`"),
    ] {
        if let Some(span) = flag {
            cx.postgres_only(file, span, what);
        }
    }
    table.row_level_security = RowLevelSecurity {
        enabled: attrs.row_level_security.is_some(),
        forced: attrs.force_row_level_security.is_some(),
    };
    let mut seen: HashMap<String, Span> = HashMap::new();
    for attr in &attrs.policies {
        cx.postgres_only(file, attr.span, "`#[policy]`");
        let Some(policy) = lower_policy(cx, file, attr) else {
            continue;
        };
        let span = attr.name.as_ref().map_or(attr.span, |n| n.span);
        if let Some(&first) = seen.get(&policy.name) {
            let at = cx.location(file, first, file);
            cx.err(
                file,
                Error::new(
                    span,
                    format!(
                        "duplicate policy `{}` on table `{}`",
                        policy.name, table.name
                    ),
                )
                .label("declared twice")
                .help(format!(
                    "the first is at {at}; policy names are unique per table"
                )),
            );
            continue;
        }
        seen.insert(policy.name.clone(), span);
        table.policies.push(policy);
    }
}

fn lower_policy(cx: &mut Cx<Span>, file: usize, attr: &PolicyAttr) -> Option<Policy> {
    let Some(name) = &attr.name else {
        cx.err(
            file,
            Error::new(attr.span, "`#[policy]` needs `name = \"…\"`")
                .label("no name")
                .help("PostgreSQL has no default policy name: write `#[policy(name = \"…\", …)]`"),
        );
        return None;
    };
    let mut ok = cx.check_identifier(file, &name.value, name.span, "policy");
    let command = match &attr.command {
        None => PolicyCommand::All,
        Some(c) => match PolicyCommand::parse(&c.value) {
            Some(command) => command,
            None => {
                cx.err(
                    file,
                    Error::new(c.span, format!("unknown policy command `{}`", c.value))
                        .label("unknown command")
                        .help(format!(
                            "expected one of: {}",
                            PolicyCommand::SPELLINGS.join(", ")
                        )),
                );
                return None;
            }
        },
    };
    for (expr, what) in [(&attr.using, "using"), (&attr.with_check, "with_check")] {
        if let Some(e) = expr.as_ref().filter(|e| e.value.trim().is_empty()) {
            cx.err(
                file,
                Error::new(e.span, format!("empty `{what}` expression"))
                    .label("expected a boolean SQL expression"),
            );
            ok = false;
        }
    }
    if let (Some(u), false) = (&attr.using, command.has_using()) {
        cx.err(
            file,
            Error::new(u.key_span, "`using` on an insert policy")
                .label("INSERT policies only check new rows")
                .help("write the condition as `with_check = \"…\"`"),
        );
        ok = false;
    }
    if let (Some(w), false) = (&attr.with_check, command.has_with_check()) {
        cx.err(
            file,
            Error::new(
                w.key_span,
                format!(
                    "`with_check` on a {} policy",
                    command.as_sql().to_lowercase()
                ),
            )
            .label("these commands write no new rows")
            .help("write the condition as `using = \"…\"`"),
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    let mut policy = Policy::new(name.value.clone());
    policy.command = command;
    policy.permissive = attr.restrictive.is_none();
    policy.roles = attr
        .roles
        .iter()
        .map(|r| {
            // `to(r#type)` names the role `type`.
            let role = r.value.strip_prefix("r#").unwrap_or(&r.value);
            if role.eq_ignore_ascii_case(PUBLIC_ROLE) {
                PUBLIC_ROLE.to_string()
            } else {
                role.to_string()
            }
        })
        .collect();
    policy.using = attr.using.as_ref().map(|u| u.value.clone());
    policy.with_check = attr.with_check.as_ref().map(|w| w.value.clone());
    policy.comment = super::comment_of(cx, file, &attr.comment);
    policy.normalize();
    Some(policy)
}
