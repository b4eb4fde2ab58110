//! Lowering sequences: per item ([`lower_sequence`]: name, type, options,
//! `owned_by` syntax) and across items ([`link_sequences`]: duplicates, the
//! owning column). Also the option checks shared with identity columns.

use std::collections::HashMap;

use heck::ToSnakeCase;
use proc_macro2::Span;
use shale_model::{
    QualifiedName, Sequence, SequenceOption, SequenceOptions, SequenceOwner, SequenceType,
};

use super::{check_name, duplicate, namespace_of, previous_name, Cx, Loc, Site, TableBuild};
use crate::grammar::{did_you_mean, suggestion_or_list, Error, SequenceDef, Spanned};

/// The `owned_by` of a sequence, resolved once every table is known.
pub(crate) struct PendingOwner<S> {
    span: S,
    table: QualifiedName,
    column: String,
}

/// One lowered sequence, before its owner is checked.
pub(crate) struct SequenceBuild<S> {
    pub file: usize,
    /// The sequence's name (`name = …`, else the struct's identifier).
    pub span: S,
    pub sequence: Sequence,
    owner: Option<PendingOwner<S>>,
    pub rename: Option<(QualifiedName, QualifiedName)>,
}

impl SequenceBuild<Span> {
    pub(crate) fn located(self, at: &mut impl FnMut(usize, Span) -> Loc) -> SequenceBuild<Loc> {
        let file = self.file;
        SequenceBuild {
            file,
            span: at(file, self.span),
            sequence: self.sequence,
            owner: self.owner.map(|o| PendingOwner {
                span: at(file, o.span),
                table: o.table,
                column: o.column,
            }),
            rename: self.rename,
        }
    }
}

/// The numeric options as written, with where each was written.
pub(crate) struct WrittenOptions<'d> {
    pub start: &'d Option<Spanned<i64>>,
    pub increment: &'d Option<Spanned<i64>>,
    pub min: &'d Option<Spanned<i64>>,
    pub max: &'d Option<Spanned<i64>>,
    pub cache: &'d Option<Spanned<i64>>,
    pub cycle: bool,
    /// Key names as the source spells them (`start` or `identity_start`).
    pub prefix: &'static str,
}

impl WrittenOptions<'_> {
    fn model(&self) -> SequenceOptions {
        let value = |v: &Option<Spanned<i64>>| v.as_ref().map(|s| s.value);
        SequenceOptions {
            start: value(self.start),
            increment: value(self.increment),
            min: value(self.min),
            max: value(self.max),
            cache: value(self.cache),
            cycle: self.cycle,
        }
    }

    fn span_of(&self, option: SequenceOption) -> Option<Span> {
        let written = match option {
            SequenceOption::Start => self.start,
            SequenceOption::Increment => self.increment,
            SequenceOption::Min => self.min,
            SequenceOption::Max => self.max,
            SequenceOption::Cache => self.cache,
        };
        written.as_ref().map(|s| s.span)
    }
}

/// Checks the options against `ty` as PostgreSQL would, reporting each
/// problem at the option at fault (else at `fallback`); returns the options
/// normalised, or the defaults when they are invalid.
pub(crate) fn lower_options(
    cx: &mut Cx<Span>,
    file: usize,
    written: &WrittenOptions<'_>,
    ty: SequenceType,
    fallback: Span,
) -> SequenceOptions {
    let options = written.model();
    let problems = options.problems(ty);
    if problems.is_empty() {
        return options.normalized(ty);
    }
    for (option, message) in problems {
        let span = written.span_of(option).unwrap_or(fallback);
        let key = match option {
            SequenceOption::Start => "start",
            SequenceOption::Increment => "increment",
            SequenceOption::Min => "min",
            SequenceOption::Max => "max",
            SequenceOption::Cache => "cache",
        };
        cx.err(
            file,
            Error::new(span, format!("invalid sequence options: {message}"))
                .label("PostgreSQL refuses this")
                .help(format!(
                    "change `{}{key}`, or the options it is checked against",
                    written.prefix
                )),
        );
    }
    SequenceOptions::default()
}

/// Lowers one sequence struct: every rule the item alone can tell.
pub(crate) fn lower_sequence(
    cx: &mut Cx<Span>,
    file: usize,
    def: &SequenceDef,
) -> SequenceBuild<Span> {
    cx.postgres_only(file, def.ident.span(), "a sequence (`#[derive(Sequence)]`)");
    let namespace = namespace_of(cx, file, &def.schema);
    let name = match &def.name {
        Some(n) if check_name(cx, file, n, "sequence") => n.value.clone(),
        _ => def.ident.to_string().to_snake_case(),
    };
    let qname = QualifiedName::new(namespace, name);
    let data_type = match &def.data_type {
        None => SequenceType::Bigint,
        Some(t) => SequenceType::parse(&t.value).unwrap_or_else(|| {
            cx.err(
                file,
                Error::new(t.span, format!("a sequence cannot have type `{}`", t.value))
                    .label("not a sequence type")
                    .help(suggestion_or_list(&t.value, SequenceType::SPELLINGS)),
            );
            SequenceType::Bigint
        }),
    };
    let written = WrittenOptions {
        start: &def.start,
        increment: &def.increment,
        min: &def.min,
        max: &def.max,
        cache: &def.cache,
        cycle: def.cycle.is_some(),
        prefix: "",
    };
    let options = lower_options(cx, file, &written, data_type, def.ident.span());
    let owner = def
        .owned_by
        .as_ref()
        .and_then(|o| owner_of(cx, file, o, &qname));
    let rename = def
        .renamed_from
        .as_ref()
        .and_then(|previous| previous_name(cx, file, previous, &qname))
        .map(|previous| (previous, qname.clone()));
    SequenceBuild {
        file,
        span: def.name.as_ref().map_or(def.ident.span(), |n| n.span),
        sequence: Sequence {
            name: qname,
            data_type,
            options,
            owned_by: None,
            comment: def.doc.clone(),
            grants: super::grant::lower_grants(
                cx,
                file,
                &def.grants,
                shale_model::GrantObject::Sequence,
            ),
        },
        owner,
        rename,
    }
}

/// `table.column` or `schema.table.column`; PostgreSQL requires the table
/// to be in the sequence's namespace.
fn owner_of(
    cx: &mut Cx<Span>,
    file: usize,
    owned_by: &Spanned<String>,
    sequence: &QualifiedName,
) -> Option<PendingOwner<Span>> {
    let parts: Vec<&str> = owned_by.value.split('.').map(str::trim).collect();
    let (namespace, table, column) = match parts.as_slice() {
        [t, c] if !t.is_empty() && !c.is_empty() => (sequence.namespace.as_str(), *t, *c),
        [s, t, c] if !s.is_empty() && !t.is_empty() && !c.is_empty() => (*s, *t, *c),
        _ => {
            cx.err(
                file,
                Error::new(
                    owned_by.span,
                    format!("cannot read `owned_by = \"{}\"`", owned_by.value),
                )
                .label("expected `[schema.]table.column`")
                .help("write e.g. `owned_by = \"invoices.number\"`"),
            );
            return None;
        }
    };
    if namespace != sequence.namespace {
        cx.err(
            file,
            Error::new(
                owned_by.span,
                format!("sequence `{sequence}` cannot be owned by a table in schema `{namespace}`"),
            )
            .label("another schema")
            .help(format!(
                "PostgreSQL requires the owning table in the sequence's schema `{}`",
                sequence.namespace
            )),
        );
        return None;
    }
    Some(PendingOwner {
        span: owned_by.span,
        table: QualifiedName::new(namespace, table),
        column: column.to_string(),
    })
}

/// Reports duplicate sequences (and sequences named like a table: both are
/// relations of their namespace) and resolves each `owned_by` against the
/// tables; returns the sequences and their rename hints.
pub(crate) fn link_sequences<S: Site>(
    cx: &mut Cx<S>,
    sequences: Vec<SequenceBuild<S>>,
    tables: &[TableBuild<S>],
) -> (Vec<Sequence>, Vec<(QualifiedName, QualifiedName)>) {
    let table_index: HashMap<&QualifiedName, &TableBuild<S>> =
        tables.iter().map(|t| (&t.table.name, t)).collect();
    let mut seen: HashMap<QualifiedName, (usize, S)> = HashMap::new();
    let mut out = Vec::with_capacity(sequences.len());
    let mut renames = Vec::new();
    for mut s in sequences {
        let qname = s.sequence.name.clone();
        if let Some(&first) = seen.get(&qname) {
            duplicate(cx, "sequence", &qname, first, (s.file, s.span));
            continue;
        }
        if let Some(t) = table_index.get(&qname) {
            let at = cx.location(t.file, t.span, s.file);
            cx.err(
                s.file,
                Error::new(
                    s.span,
                    format!("sequence `{qname}` has the same name as a table"),
                )
                .label("name already used by a table")
                .help(format!(
                    "tables and sequences share their schema's names; rename one (the table is at {at})"
                )),
            );
            continue;
        }
        seen.insert(qname, (s.file, s.span));
        if let Some(owner) = s.owner.take() {
            match table_index.get(&owner.table) {
                Some(t) => {
                    if t.table.column(&owner.column).is_some() {
                        s.sequence.owned_by = Some(SequenceOwner {
                            table: owner.table,
                            column: owner.column,
                        });
                    } else {
                        let names: Vec<&str> =
                            t.table.columns.iter().map(|c| c.name.as_str()).collect();
                        let help = match did_you_mean(&owner.column, &names) {
                            Some(best) => format!("did you mean `{best}`?"),
                            None => format!(
                                "the columns of `{}` are: {}",
                                owner.table,
                                super::list(&names)
                            ),
                        };
                        cx.err(
                            s.file,
                            Error::new(
                                owner.span,
                                format!(
                                    "`owned_by` names unknown column `{}` of table `{}`",
                                    owner.column, owner.table
                                ),
                            )
                            .label("no such column")
                            .help(help),
                        );
                    }
                }
                None if cx.incomplete || cx.broken_names.contains(&owner.table.name) => {}
                None => cx.err(
                    s.file,
                    Error::new(
                        owner.span,
                        format!("`owned_by` names unknown table `{}`", owner.table),
                    )
                    .label("no such table")
                    .help("declare the table, or remove `owned_by`"),
                ),
            }
        }
        renames.extend(s.rename.take());
        out.push(s.sequence);
    }
    (out, renames)
}
