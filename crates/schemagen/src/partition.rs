//! Partitioning and exclusion constraints as schema source:
//! `#[table(partition_by = "…")]`, one `#[partition(…)]` per partition and
//! `#[exclude(…)]`, written so that the parser reads back the same model.

use proc_macro2::TokenStream;
use quote::quote;
use shale_model::{naming, PartitionBound, Table};

use crate::deferrable_arg;

/// `partition_by = "RANGE (created_at)"` for `#[table(…)]`, if partitioned.
pub(crate) fn partition_by_arg(t: &Table) -> Option<TokenStream> {
    let key = t.partition_by.as_ref()?.to_sql();
    Some(quote!(partition_by = #key))
}

/// One `#[partition(…)]` per partition, then one `#[exclude(…)]` per
/// exclusion constraint.
pub(crate) fn table_attrs(t: &Table) -> Vec<TokenStream> {
    let mut out = Vec::new();
    for p in &t.partitions {
        let name = &p.name;
        out.push(match &p.bound {
            PartitionBound::Default => quote!(#[partition(name = #name, default)]),
            PartitionBound::Values(v) => quote!(#[partition(name = #name, values = #v)]),
        });
    }
    for x in &t.exclusions {
        let mut args = Vec::new();
        if x.name != naming::exclusion(&t.name.name, &x.name_parts()) {
            let n = &x.name;
            args.push(quote!(name = #n));
        }
        if x.method != "gist" {
            let m = &x.method;
            args.push(quote!(using = #m));
        }
        let elements = x.elements_sql();
        args.push(quote!(elements = #elements));
        if let Some(p) = &x.predicate {
            args.push(quote!(where = #p));
        }
        args.extend(deferrable_arg(x.deferrable));
        args.extend(super::comment_arg(&x.comment));
        out.push(quote!(#[exclude(#(#args),*)]));
    }
    out
}
