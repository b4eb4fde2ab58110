//! Lowering functions and triggers: per item ([`lower_function`]: name,
//! arguments, result, language, body inline or from `sql_file`, options;
//! [`lower_triggers`] on a table struct) and across items
//! ([`link_functions`]: one declaration per signature, each trigger's
//! function declared as a trigger function).

use std::collections::HashMap;

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::function::split_top_level;
use shale_model::{
    Argument, ArgumentMode, Function, Parallel, QualifiedName, Schema, Table, Trigger,
    TriggerEvents, TriggerTiming, Volatility, DEFAULT_NAMESPACE,
};

use super::view::read_sql_file;
use super::{check_name, duplicate, namespace_of, ColumnScope, Cx, Loc, Site};
use crate::grammar::{did_you_mean, Error, FunctionDef, Spanned, TableDef};

/// One lowered function.
pub(crate) struct FunctionBuild<S> {
    pub file: usize,
    /// The routine's name (`name = …`, else the struct's identifier).
    pub span: S,
    pub function: Function,
}

impl FunctionBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> FunctionBuild<Loc> {
        FunctionBuild {
            file: self.file,
            span: at(self.file, self.span),
            function: self.function,
        }
    }
}

/// An error for a keyword value that is not one of `allowed`.
fn unknown_value(value: &Spanned<String>, what: &str, allowed: &[&str]) -> Error {
    let help = match did_you_mean(&value.value, allowed) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("write one of {}", allowed.join(", ")),
    };
    Error::new(value.span, format!("unknown {what} `{}`", value.value))
        .label(format!("expected {}", allowed.join(", ")))
        .help(help)
}

/// Lowers one function struct.
pub(crate) fn lower_function(
    cx: &mut Cx<Span>,
    file: usize,
    def: &FunctionDef,
) -> FunctionBuild<Span> {
    cx.postgres_only(file, def.ident.span(), "a function (`#[derive(Function)]`)");
    let namespace = namespace_of(cx, file, &def.schema);
    let name = match &def.name {
        Some(n) if check_name(cx, file, n, "function") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let qname = QualifiedName::new(namespace, name);
    let kind = if def.procedure.is_some() {
        "procedure"
    } else {
        "function"
    };
    let body = match (&def.sql, &def.sql_file) {
        (Some(_), Some(f)) => {
            cx.err(
                file,
                Error::new(
                    f.key_span,
                    format!("a {kind} has both `sql` and `sql_file`"),
                )
                .label("second body")
                .help("keep one: `sql = \"…\"` inline, or `sql_file = \"…\"` for a file"),
            );
            String::new()
        }
        (Some(sql), None) => {
            if sql.value.trim().is_empty() {
                cx.err(
                    file,
                    Error::new(sql.span, format!("empty {kind} body"))
                        .label("expected the body (what goes between `$$` and `$$`)"),
                );
            }
            sql.value.clone()
        }
        (None, Some(f)) => read_sql_file(cx, file, f, "the body"),
        (None, None) => {
            cx.err(
                file,
                Error::new(def.ident.span(), format!("{kind} `{qname}` has no body"))
                    .label("missing `sql` or `sql_file`")
                    .help(format!(
                        "add `#[function(sql = \"BEGIN … END\")]` or `#[function(sql_file = \"functions/{}.sql\")]`",
                        qname.name
                    )),
            );
            String::new()
        }
    };
    let returns = match (&def.returns, def.procedure) {
        (Some(r), Some(_)) => {
            cx.err(
                file,
                Error::new(r.span, "a procedure has no result")
                    .label("`returns` on a procedure")
                    .help("remove `returns`, or remove `procedure` to declare a function"),
            );
            None
        }
        (Some(r), None) if r.value.trim().is_empty() => {
            cx.err(
                file,
                Error::new(r.span, "empty `returns`").label("expected a type such as `trigger`"),
            );
            Some("void".to_string())
        }
        (Some(r), None) => Some(r.value.clone()),
        (None, Some(_)) => None,
        (None, None) => {
            cx.err(
                file,
                Error::new(def.ident.span(), format!("function `{qname}` has no result type"))
                    .label("missing `returns`")
                    .help("add `returns = \"trigger\"` (or `\"void\"`, `\"integer\"`, `\"SETOF users\"`, `\"TABLE(id bigint)\"`)"),
            );
            Some("void".to_string())
        }
    };
    let language = match &def.language {
        Some(l) if !l.value.trim().is_empty() => l.value.trim().to_string(),
        Some(l) => {
            cx.err(
                file,
                Error::new(l.span, "empty `language`").label("expected `plpgsql` or `sql`"),
            );
            "plpgsql".to_string()
        }
        None => {
            cx.err(
                file,
                Error::new(
                    def.ident.span(),
                    format!("{kind} `{qname}` has no language"),
                )
                .label("missing `language`")
                .help("add `language = \"plpgsql\"` (or `\"sql\"`)"),
            );
            "plpgsql".to_string()
        }
    };
    let mut function = Function::new(qname, "void", &body);
    function.procedure = def.procedure.is_some();
    function.returns = returns;
    function.language = language;
    function.comment = def.doc.clone();
    function.grants =
        super::grant::lower_grants(cx, file, &def.grants, shale_model::GrantObject::Function);
    if let Some(args) = &def.args {
        function.arguments = lower_arguments(cx, file, args);
    }
    if def.procedure.is_some() {
        for (key, span) in [
            ("volatility", def.volatility.as_ref().map(|v| v.key_span)),
            ("strict", def.strict),
            ("leakproof", def.leakproof),
            ("parallel", def.parallel.as_ref().map(|v| v.key_span)),
        ] {
            if let Some(span) = span {
                cx.err(
                    file,
                    Error::new(span, format!("a procedure takes no `{key}`"))
                        .label("function-only option")
                        .help(format!("remove `{key}`, or remove `procedure`")),
                );
            }
        }
    }
    if let Some(v) = &def.volatility {
        match Volatility::parse(&v.value) {
            Some(v) => function.volatility = v,
            None => cx.err(
                file,
                unknown_value(v, "volatility", &["volatile", "stable", "immutable"]),
            ),
        }
    }
    if let Some(p) = &def.parallel {
        match Parallel::parse(&p.value) {
            Some(p) => function.parallel = p,
            None => cx.err(
                file,
                unknown_value(p, "parallel mode", &["unsafe", "restricted", "safe"]),
            ),
        }
    }
    function.strict = def.strict.is_some();
    function.security_definer = def.security_definer.is_some();
    function.leakproof = def.leakproof.is_some();
    if let Some(p) = &def.search_path {
        if p.value.trim().is_empty() {
            cx.err(
                file,
                Error::new(p.span, "empty `search_path`")
                    .label("expected schema names such as `public, pg_temp`")
                    .help("write `search_path = \"''\"` for the empty path"),
            );
        } else {
            function.search_path = Some(p.value.clone());
        }
    }
    function.normalize();
    FunctionBuild {
        file,
        span: def.name.as_ref().map_or(def.ident.span(), |n| n.span),
        function,
    }
}

/// Words that start a type of several words (`double precision`,
/// `timestamp with time zone`, `character varying`): an argument written
/// with one of them first has no name.
const MULTI_WORD_TYPES: &[&str] = &[
    "double",
    "timestamp",
    "time",
    "character",
    "char",
    "bit",
    "interval",
    "national",
];

/// `a integer, OUT b text, c text DEFAULT 'x'`: each argument's mode,
/// name, type and default, as PostgreSQL reads them.
fn lower_arguments(cx: &mut Cx<Span>, file: usize, args: &Spanned<String>) -> Vec<Argument> {
    let mut out = Vec::new();
    if args.value.trim().is_empty() {
        return out;
    }
    for part in split_top_level(&args.value) {
        let part = part.trim();
        if part.is_empty() {
            cx.err(
                file,
                Error::new(args.span, "empty argument in `args`")
                    .label("two commas in a row, or a trailing comma")
                    .help("write `args = \"a integer, b text\"`"),
            );
            continue;
        }
        let (decl, default) = split_default(part);
        let mut words: Vec<&str> = decl.split_whitespace().collect();
        let mode = match words.first().map(|w| w.to_ascii_lowercase()).as_deref() {
            Some("in") if words.len() > 1 => Some(ArgumentMode::In),
            Some("out") if words.len() > 1 => Some(ArgumentMode::Out),
            Some("inout") if words.len() > 1 => Some(ArgumentMode::InOut),
            Some("variadic") if words.len() > 1 => Some(ArgumentMode::Variadic),
            _ => None,
        };
        if mode.is_some() {
            words.remove(0);
        }
        let named =
            words.len() > 1 && !MULTI_WORD_TYPES.contains(&words[0].to_ascii_lowercase().as_str());
        let (name, ty) = if named {
            let name = words[0];
            let name = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
                Some(q) => q.to_string(),
                None => name.to_ascii_lowercase(),
            };
            (Some(name), words[1..].join(" "))
        } else {
            (None, words.join(" "))
        };
        if ty.is_empty() {
            cx.err(
                file,
                Error::new(args.span, format!("argument `{part}` has no type"))
                    .label("expected `name type`")
                    .help("write `args = \"a integer, b text\"`"),
            );
            continue;
        }
        out.push(Argument {
            name,
            mode: mode.unwrap_or_default(),
            ty,
            default,
        });
    }
    out
}

/// Splits `b text DEFAULT 'x'` (or `b text = 'x'`) into the declaration and
/// the default expression.
fn split_default(part: &str) -> (&str, Option<String>) {
    let lower = part.to_ascii_lowercase();
    if let Some(i) = lower.find(" default ") {
        return (&part[..i], Some(part[i + 9..].trim().to_string()));
    }
    if let Some(i) = part.find('=') {
        return (&part[..i], Some(part[i + 1..].trim().to_string()));
    }
    (part, None)
}

/// The table's triggers from its `#[trigger(…)]` attributes, and where each
/// names its function (for [`link_functions`]).
pub(super) fn lower_triggers(
    cx: &mut Cx<Span>,
    file: usize,
    def: &TableDef,
    table: &mut Table,
    columns: &ColumnScope,
) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut seen: HashMap<String, Span> = HashMap::new();
    for attr in &def.attrs.triggers {
        cx.postgres_only(file, attr.span, "`#[trigger]`");
        let Some(name) = &attr.name else {
            cx.err(
                file,
                Error::new(attr.span, "trigger without a name")
                    .label("missing `name`")
                    .help("add `name = \"…\"`: PostgreSQL has no default trigger name"),
            );
            continue;
        };
        if !check_name(cx, file, name, "trigger") {
            continue;
        }
        if let Some(&first) = seen.get(&name.value) {
            let at = cx.location(file, first, file);
            cx.err(
                file,
                Error::new(
                    name.span,
                    format!(
                        "duplicate trigger `{}` on table `{}`",
                        name.value, table.name
                    ),
                )
                .label("declared twice")
                .help(format!(
                    "the first is at {at}; trigger names are unique per table"
                )),
            );
            continue;
        }
        seen.insert(name.value.clone(), name.span);
        let timing = match &attr.timing {
            None => {
                cx.err(
                    file,
                    Error::new(name.span, format!("trigger `{}` has no timing", name.value))
                        .label("missing `timing`")
                        .help("add `timing = \"before\"` (or `\"after\"`)"),
                );
                continue;
            }
            Some(t) => match TriggerTiming::parse(&t.value) {
                Some(TriggerTiming::InsteadOf) => {
                    cx.err(
                        file,
                        Error::new(t.span, "`instead_of` triggers are for views")
                            .label("on a table")
                            .help("use `before` or `after` on a table"),
                    );
                    continue;
                }
                Some(t) => t,
                None => {
                    cx.err(
                        file,
                        unknown_value(t, "trigger timing", &["before", "after"]),
                    );
                    continue;
                }
            },
        };
        let mut events = TriggerEvents::default();
        for e in &attr.events {
            match e.value.as_str() {
                "insert" => events.insert = true,
                "update" => events.update = true,
                "delete" => events.delete = true,
                "truncate" => events.truncate = true,
                _ => cx.err(
                    file,
                    unknown_value(
                        e,
                        "trigger event",
                        &["insert", "update", "delete", "truncate"],
                    ),
                ),
            }
        }
        if events.is_empty() {
            cx.err(
                file,
                Error::new(name.span, format!("trigger `{}` has no events", name.value))
                    .label("missing `events(…)`")
                    .help("add `events(insert, update)`"),
            );
            continue;
        }
        let for_each_row = match &attr.for_each {
            None => {
                cx.err(
                    file,
                    Error::new(
                        name.span,
                        format!("trigger `{}` has no `for_each`", name.value),
                    )
                    .label("missing `for_each`")
                    .help("add `for_each = \"row\"` (or `\"statement\"`)"),
                );
                continue;
            }
            Some(f) => match f.value.trim().to_ascii_lowercase().as_str() {
                "row" => true,
                "statement" => false,
                _ => {
                    cx.err(file, unknown_value(f, "`for_each`", &["row", "statement"]));
                    continue;
                }
            },
        };
        // Columns by SQL name or by field, as every column list of a table.
        let update_of: Vec<String> = attr
            .update_of
            .iter()
            .filter_map(|c| columns.resolve(cx, c))
            .map(|i| columns.names[i].clone())
            .collect();
        if !update_of.is_empty() && !events.update {
            cx.err(
                file,
                Error::new(
                    attr.update_of[0].span,
                    "`update_of` without the `update` event",
                )
                .label("columns of an UPDATE trigger")
                .help("add `update` to `events(…)`"),
            );
        }
        if events.truncate && for_each_row {
            cx.err(
                file,
                Error::new(name.span, "a TRUNCATE trigger fires once per statement")
                    .label("`truncate` with `for_each = \"row\"`")
                    .help("use `for_each = \"statement\"`, or remove `truncate`"),
            );
        }
        let Some(function) = &attr.function else {
            cx.err(
                file,
                Error::new(name.span, format!("trigger `{}` calls no function", name.value))
                    .label("missing `function`")
                    .help("add `function = \"name\"` naming a `#[derive(Function)]` with `returns = \"trigger\"`"),
            );
            continue;
        };
        let function_name = match function.value.split_once('.') {
            Some((ns, n)) => QualifiedName::new(ns.trim(), n.trim()),
            None => QualifiedName::public(function.value.trim()),
        };
        let arguments = attr
            .args
            .as_ref()
            .map(|a| a.value.split(',').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        spans.push(function.span);
        table.triggers.push(Trigger {
            name: name.value.clone(),
            timing,
            events,
            update_of,
            for_each_row,
            when: attr.when.as_ref().map(|w| w.value.trim().to_string()),
            function: function_name,
            arguments,
            comment: attr.comment.as_ref().map(|c| c.value.clone()),
        });
    }
    spans
}

/// Reports and drops a second declaration of a routine signature, and
/// checks that every trigger calls a declared trigger function (or one in a
/// namespace the schema does not manage, such as `pg_catalog`).
pub(crate) fn link_functions<S: Site>(
    cx: &mut Cx<S>,
    functions: Vec<FunctionBuild<S>>,
    triggers: &[(usize, Vec<S>, &Table)],
    schema: &Schema,
) -> Vec<Function> {
    let mut seen: HashMap<(QualifiedName, Vec<String>), (usize, S)> = HashMap::new();
    let mut out: Vec<Function> = Vec::with_capacity(functions.len());
    for f in functions {
        let key = (
            f.function.name.clone(),
            f.function
                .identity_types()
                .into_iter()
                .map(str::to_string)
                .collect(),
        );
        if let Some(&first) = seen.get(&key) {
            let shown =
                QualifiedName::new(f.function.name.namespace.clone(), f.function.signature());
            duplicate(cx, "function", &shown, first, (f.file, f.span));
            continue;
        }
        seen.insert(key, (f.file, f.span));
        out.push(f.function);
    }
    let managed = |ns: &str| {
        ns == DEFAULT_NAMESPACE
            || schema.namespaces.iter().any(|n| n == ns)
            || out.iter().any(|f| f.name.namespace == ns)
    };
    // Inside a derive (one item at a time) or with a file that did not
    // parse, the routines of the schema are not all known.
    let triggers = if cx.incomplete { &[][..] } else { triggers };
    for (file, spans, table) in triggers {
        for (trigger, span) in table.triggers.iter().zip(spans) {
            let candidates: Vec<&Function> =
                out.iter().filter(|f| f.name == trigger.function).collect();
            let ok = candidates
                .iter()
                .any(|f| f.identity_types().is_empty() && f.is_trigger_function());
            if ok || (candidates.is_empty() && !managed(&trigger.function.namespace)) {
                continue;
            }
            let help = if candidates.is_empty() {
                format!(
                    "declare it: `#[derive(Function)] #[function(name = \"{}\", returns = \"trigger\", …)]`, or qualify a function shale does not manage (`pg_catalog.…`)",
                    trigger.function.name
                )
            } else {
                "a trigger function takes no arguments and has `returns = \"trigger\"`".to_string()
            };
            cx.err(
                *file,
                Error::new(
                    *span,
                    format!(
                        "trigger `{}` on table `{}` calls `{}`, which is not a declared trigger function",
                        trigger.name, table.name, trigger.function
                    ),
                )
                .label("no such trigger function")
                .help(help),
            );
        }
    }
    out
}
