//! The grammar of declarative partitioning and exclusion constraints on a
//! table struct: `#[table(partition_by = "RANGE (created_at)")]`,
//! `#[partition(name = "…", values = "FROM (…) TO (…)" | default)]` and
//! `#[exclude(using = "gist", elements = "room WITH =, during WITH &&", …)]`.

use proc_macro2::Span;
use syn::Attribute;

use super::{
    accept_key, attr_entries, deferrable_value, flag_value, missing_key, string_value,
    DeferrableAttr, Error, Seen, Spanned,
};

/// `#[partition(name = "…", values = "…")]` or `#[partition(name = "…", default)]`.
#[derive(Clone, Debug)]
pub struct PartitionAttr {
    /// The attribute's span.
    pub span: Span,
    /// `name = "…"` (required: the partition's table name).
    pub name: Option<Spanned<String>>,
    /// `values = "…"`: what follows `FOR VALUES`.
    pub values: Option<Spanned<String>>,
    /// `default`: `DEFAULT`.
    pub default: Option<Span>,
}

/// `#[exclude(name = "…", using = "gist", elements = "…", where = "…", deferrable)]`.
#[derive(Clone, Debug)]
pub struct ExcludeAttr {
    /// The attribute's span.
    pub span: Span,
    /// `name = "…"`.
    pub name: Option<Spanned<String>>,
    /// `using = "…"`: the index method (default `gist`).
    pub using: Option<Spanned<String>>,
    /// `elements = "room WITH =, during WITH &&"` (required).
    pub elements: Option<Spanned<String>>,
    /// `where = "…"`.
    pub predicate: Option<Spanned<String>>,
    /// `deferrable` / `deferrable = "…"`.
    pub deferrable: Option<Spanned<DeferrableAttr>>,
    /// `comment = "…"`: `COMMENT ON CONSTRAINT`.
    pub comment: Option<Spanned<String>>,
}

const PARTITION_KEYS: &[&str] = &["name", "values", "default"];
const EXCLUDE_KEYS: &[&str] = &[
    "name",
    "using",
    "elements",
    "where",
    "deferrable",
    "comment",
];

pub(super) fn partition_attr(
    attr: &Attribute,
    span: Span,
    errors: &mut Vec<Error>,
) -> PartitionAttr {
    let mut seen = Seen::default();
    let mut out = PartitionAttr {
        span,
        name: None,
        values: None,
        default: None,
    };
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "partition", PARTITION_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => out.name = string_value(&entry, errors),
            "values" => out.values = string_value(&entry, errors),
            _ => out.default = flag_value(&entry, errors),
        }
    }
    if out.name.is_none() {
        errors.push(missing_key(
            span,
            "partition",
            "name",
            "name = \"events_2026_01\"",
        ));
    }
    match (&out.values, out.default) {
        (None, None) => errors.push(missing_key(
            span,
            "partition",
            "values",
            "values = \"FROM ('2026-01-01') TO ('2026-02-01')\"",
        )),
        (Some(v), Some(_)) => errors.push(
            Error::new(v.key_span, "a partition has both `values` and `default`")
                .label("second bound")
                .help("keep `values = \"…\"`, or `default` for the rows no other partition takes"),
        ),
        _ => {}
    }
    out
}

pub(super) fn exclude_attr(attr: &Attribute, span: Span, errors: &mut Vec<Error>) -> ExcludeAttr {
    let mut seen = Seen::default();
    let mut out = ExcludeAttr {
        span,
        name: None,
        using: None,
        elements: None,
        predicate: None,
        deferrable: None,
        comment: None,
    };
    for entry in attr_entries(attr, errors) {
        if !accept_key(&entry, "exclude", EXCLUDE_KEYS, &mut seen, errors) {
            continue;
        }
        match entry.key.as_str() {
            "name" => out.name = string_value(&entry, errors),
            "using" => out.using = string_value(&entry, errors),
            "elements" => out.elements = string_value(&entry, errors),
            "where" => out.predicate = string_value(&entry, errors),
            "comment" => out.comment = string_value(&entry, errors),
            _ => out.deferrable = deferrable_value(&entry, errors),
        }
    }
    if out.elements.is_none() {
        errors.push(missing_key(
            span,
            "exclude",
            "elements",
            "elements = \"room WITH =, during WITH &&\"",
        ));
    }
    out
}
