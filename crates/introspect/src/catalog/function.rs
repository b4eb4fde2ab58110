//! Functions, procedures and triggers: one query each.
//!
//! Routines are read when shale models them: functions and procedures of a
//! procedural language whose body is text (`prosrc`), not owned by an
//! extension. C and internal routines, SQL-standard bodies (PostgreSQL 14+),
//! aggregates and window functions are left to the census. Triggers are
//! read on tables (not views), except constraint triggers.

use std::collections::HashMap;

use postgres::types::Oid;
use shale_model::function::split_top_level;
use shale_model::{
    Argument, ArgumentMode, Function, Parallel, QualifiedName, Table, Trigger, TriggerEvents,
    TriggerTiming, Volatility,
};

use super::{not_extension_owned, tidy_expression, unexpected, AttNames, Session};
use crate::IntrospectError;

pub(super) fn read_functions(
    s: &mut Session<'_>,
    namespaces: &[String],
    version: i32,
) -> Result<Vec<Function>, IntrospectError> {
    let sql_body = if version >= 140000 {
        "AND p.prosqlbody IS NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT n.nspname::text, p.proname::text, p.prokind::text, l.lanname::text, p.prosrc, \
                p.provolatile::text, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel::text, \
                CASE WHEN p.prokind = 'f' THEN pg_catalog.pg_get_function_result(p.oid) END, \
                coalesce(p.proargnames, '{{}}'::text[]), \
                coalesce(p.proargmodes::text[], '{{}}'::text[]), \
                ARRAY(SELECT pg_catalog.format_type(t.oid_, NULL) \
                        FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) \
                             WITH ORDINALITY AS t(oid_, ord) ORDER BY t.ord), \
                pg_catalog.pg_get_expr(p.proargdefaults, 0), \
                (SELECT o.option_value FROM pg_catalog.pg_options_to_table(p.proconfig) o \
                  WHERE o.option_name = 'search_path'), \
                d.description \
         FROM pg_catalog.pg_proc p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
         JOIN pg_catalog.pg_language l ON l.oid = p.prolang \
         LEFT JOIN pg_catalog.pg_description d \
                ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0 \
         WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') \
           AND l.lanname NOT IN ('c', 'internal') {sql_body} AND {}",
        not_extension_owned("pg_proc", "p.oid")
    );
    let rows = s.query("functions", &sql, &[&namespaces])?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let name = QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1));
        let procedure = r.get::<_, String>(2) == "p";
        let mut f = Function::new(name.clone(), "void", r.get::<_, &str>(4));
        f.procedure = procedure;
        f.language = r.get(3);
        f.volatility = match r.get::<_, String>(5).as_str() {
            "i" => Volatility::Immutable,
            "s" => Volatility::Stable,
            _ => Volatility::Volatile,
        };
        f.strict = r.get(6);
        f.security_definer = r.get(7);
        f.leakproof = r.get(8);
        f.parallel = match r.get::<_, String>(9).as_str() {
            "s" => Parallel::Safe,
            "r" => Parallel::Restricted,
            _ => Parallel::Unsafe,
        };
        f.returns = r.get(10);
        if procedure {
            // Procedures print as volatile, not strict, parallel unsafe:
            // none of it applies.
            f.volatility = Volatility::Volatile;
            f.strict = false;
            f.leakproof = false;
            f.parallel = Parallel::Unsafe;
        }
        let names: Vec<String> = r.get(11);
        let modes: Vec<String> = r.get(12);
        let types: Vec<String> = r.get(13);
        let defaults: Option<String> = r.get(14);
        let mut arguments = Vec::with_capacity(types.len());
        for (i, ty) in types.into_iter().enumerate() {
            let mode = match modes.get(i).map(String::as_str) {
                None | Some("i") => ArgumentMode::In,
                Some("o") => ArgumentMode::Out,
                Some("b") => ArgumentMode::InOut,
                Some("v") => ArgumentMode::Variadic,
                // A column of `RETURNS TABLE(…)`: part of the result.
                Some("t") => continue,
                Some(other) => {
                    return Err(unexpected(
                        format!("function {name}"),
                        format!("unknown argument mode {other:?}"),
                    ))
                }
            };
            arguments.push(Argument {
                name: names.get(i).filter(|n| !n.is_empty()).cloned(),
                mode,
                ty,
                default: None,
            });
        }
        // Defaults belong to the last input arguments.
        if let Some(defaults) = defaults {
            let defaults: Vec<String> = split_top_level(&defaults)
                .into_iter()
                .map(|d| d.trim().to_string())
                .collect();
            let inputs: Vec<usize> = arguments
                .iter()
                .enumerate()
                .filter(|(_, a)| a.mode != ArgumentMode::Out)
                .map(|(i, _)| i)
                .collect();
            let first = inputs.len().saturating_sub(defaults.len());
            for (slot, d) in inputs[first..].iter().zip(defaults) {
                arguments[*slot].default = Some(d);
            }
        }
        f.arguments = arguments;
        f.search_path = r.get(15);
        f.comment = r.get(16);
        f.normalize();
        out.push(f);
    }
    Ok(out)
}

/// `tgtype` bits (PostgreSQL's `TRIGGER_TYPE_*`).
const ROW: i16 = 1 << 0;
const BEFORE: i16 = 1 << 1;
const INSERT: i16 = 1 << 2;
const DELETE: i16 = 1 << 3;
const UPDATE: i16 = 1 << 4;
const TRUNCATE: i16 = 1 << 5;
const INSTEAD: i16 = 1 << 6;

pub(super) fn read_triggers(
    s: &mut Session<'_>,
    oids: &[Oid],
    names: &AttNames,
    tables: &mut HashMap<Oid, Table>,
) -> Result<(), IntrospectError> {
    let sql = "SELECT t.tgrelid, t.tgname::text, t.tgtype, t.tgattr::int2[], \
                      pg_catalog.pg_get_triggerdef(t.oid, true), \
                      pn.nspname::text, p.proname::text, t.tgargs, d.description \
               FROM unnest($1::oid[]) AS sel(oid) \
               JOIN pg_catalog.pg_class c ON c.oid = sel.oid AND c.relkind IN ('r', 'p') \
               JOIN pg_catalog.pg_trigger t ON t.tgrelid = sel.oid \
               JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid \
               JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace \
               LEFT JOIN pg_catalog.pg_description d \
                      ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0 \
               WHERE NOT t.tgisinternal AND t.tgconstraint = 0 AND t.tgparentid = 0";
    let rows = s.query("triggers", sql, &[&oids])?;
    for r in rows {
        let oid: Oid = r.get(0);
        let name: String = r.get(1);
        let ty: i16 = r.get(2);
        let attrs: Vec<i16> = r.get(3);
        let def: String = r.get(4);
        let update_of = attrs
            .iter()
            .map(|n| {
                names.get(&(oid, *n)).cloned().ok_or_else(|| {
                    unexpected(
                        format!("trigger {name}"),
                        format!("UPDATE OF names unknown column number {n}"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let args: Vec<u8> = r.get(7);
        let mut arguments: Vec<String> = args
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        // Each argument ends with a NUL: the split leaves one empty tail.
        arguments.pop();
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        table.triggers.push(Trigger {
            timing: if ty & INSTEAD != 0 {
                TriggerTiming::InsteadOf
            } else if ty & BEFORE != 0 {
                TriggerTiming::Before
            } else {
                TriggerTiming::After
            },
            events: TriggerEvents {
                insert: ty & INSERT != 0,
                update: ty & UPDATE != 0,
                delete: ty & DELETE != 0,
                truncate: ty & TRUNCATE != 0,
            },
            update_of,
            for_each_row: ty & ROW != 0,
            when: when_clause(&def).map(|w| tidy_expression(&w)),
            function: QualifiedName::new(r.get::<_, String>(5), r.get::<_, String>(6)),
            arguments,
            comment: r.get(8),
            name,
        });
    }
    Ok(())
}

/// The condition of `… WHEN (cond) EXECUTE …` in a trigger definition as
/// `pg_get_triggerdef` prints it.
fn when_clause(def: &str) -> Option<String> {
    let start = def.find(" WHEN (")? + " WHEN ".len();
    let bytes = def.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(def[start + 1..i].to_string());
                    }
                }
                _ => {}
            },
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_when_clause_is_cut_at_its_closing_parenthesis() {
        let def = "CREATE TRIGGER t BEFORE UPDATE ON public.u FOR EACH ROW WHEN ((old.a IS DISTINCT FROM new.a) AND (new.b <> ')')) EXECUTE FUNCTION f()";
        assert_eq!(
            when_clause(def).as_deref(),
            Some("(old.a IS DISTINCT FROM new.a) AND (new.b <> ')')")
        );
        assert_eq!(
            when_clause("CREATE TRIGGER t AFTER INSERT ON u FOR EACH ROW EXECUTE FUNCTION f()"),
            None
        );
    }
}
