//! Sequences and extensions as unit structs (`#[derive(Sequence)]`,
//! `#[derive(Extension)]`), and identity sequence options as `identity_*`
//! keys of `#[column]`.

use heck::ToSnakeCase;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use shale_model::{Extension, QualifiedName, Sequence, SequenceOptions, SequenceType};

use crate::{doc_attrs, Renderer};

/// An integer without a type suffix (`quote!` would write `1i64`).
fn int(value: i64) -> Literal {
    Literal::i64_unsuffixed(value)
}

/// `start = 1000, increment = 5, …` for the options that are not the
/// defaults (the model keeps them normalised, so these are exactly the ones
/// the parser would not derive), each key with `prefix`.
pub(crate) fn option_args(options: &SequenceOptions, prefix: &str) -> Vec<TokenStream> {
    let mut args = Vec::new();
    let key = |name: &str| {
        proc_macro2::Ident::new(&format!("{prefix}{name}"), proc_macro2::Span::call_site())
    };
    for (name, value) in [
        ("start", options.start),
        ("increment", options.increment),
        ("min", options.min),
        ("max", options.max),
        ("cache", options.cache),
    ] {
        if let Some(v) = value {
            let (k, v) = (key(name), int(v));
            args.push(quote!(#k = #v));
        }
    }
    if options.cycle {
        let k = key("cycle");
        args.push(quote!(#k));
    }
    args
}

impl Renderer {
    pub(crate) fn render_sequence(&mut self, s: &Sequence) -> TokenStream {
        let ident = self.type_ident(&s.name);
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != s.name.name {
            let n = &s.name.name;
            args.push(quote!(name = #n));
        }
        if !s.name.is_public() {
            let n = &s.name.namespace;
            args.push(quote!(schema = #n));
        }
        if s.data_type != SequenceType::Bigint {
            let t = s.data_type.as_sql();
            args.push(quote!(data_type = #t));
        }
        args.extend(option_args(&s.options, ""));
        if let Some(owner) = &s.owned_by {
            // The owning table is always in the sequence's namespace.
            let o = format!("{}.{}", owner.table.name, owner.column);
            args.push(quote!(owned_by = #o));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[sequence(#(#args),*)]));
        let doc = doc_attrs(s.comment.as_deref());
        let grants = super::grant::grant_attrs(&s.grants);
        quote! {
            #doc
            #[derive(Sequence)]
            #attr
            #(#grants)*
            pub struct #ident;
        }
    }

    pub(crate) fn render_extension(&mut self, e: &Extension) -> TokenStream {
        let ident = self.type_ident(&QualifiedName::public(e.name.clone()));
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != e.name {
            let n = &e.name;
            args.push(quote!(name = #n));
        }
        if let Some(schema) = &e.schema {
            args.push(quote!(schema = #schema));
        }
        if let Some(version) = &e.version {
            args.push(quote!(version = #version));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[extension(#(#args),*)]));
        quote! {
            #[derive(Extension)]
            #attr
            pub struct #ident;
        }
    }
}
