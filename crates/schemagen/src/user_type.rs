//! Domains as newtype structs (`#[derive(Domain)]` with `#[domain(…)]` and
//! `#[check(…)]`) and composite types as structs (`#[derive(CompositeType)]`,
//! one field per attribute). Columns of these types name the struct.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use shale_model::{CompositeType, Domain};

use crate::{doc_attrs, field_ident, Renderer};

impl Renderer {
    pub(crate) fn render_domain(&mut self, d: &Domain) -> TokenStream {
        let ident = self.enum_idents[&d.name].clone();
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != d.name.name {
            let n = &d.name.name;
            args.push(quote!(name = #n));
        }
        if !d.name.is_public() {
            let n = &d.name.namespace;
            args.push(quote!(schema = #n));
        }
        let (rust_ty, sql_type) = self.rust_type(&d.base);
        if let Some(sql) = sql_type {
            args.push(quote!(sql_type = #sql));
        }
        if let Some(default) = &d.default {
            args.push(quote!(default = #default));
        }
        if d.not_null {
            args.push(quote!(not_null));
        }
        if let Some(c) = &d.collation {
            args.push(quote!(collate = #c));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[domain(#(#args),*)]));
        let checks = d.checks.iter().map(|c| {
            let (name, expr) = (&c.name, &c.expr);
            quote!(#[check(name = #name, expr = #expr)])
        });
        let doc = doc_attrs(d.comment.as_deref());
        quote! {
            #doc
            #[derive(Domain)]
            #attr
            #(#checks)*
            pub struct #ident(pub #rust_ty);
        }
    }

    pub(crate) fn render_composite(&mut self, c: &CompositeType) -> TokenStream {
        let ident = self.enum_idents[&c.name].clone();
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != c.name.name {
            let n = &c.name.name;
            args.push(quote!(name = #n));
        }
        if !c.name.is_public() {
            let n = &c.name.namespace;
            args.push(quote!(schema = #n));
        }
        let attr = (!args.is_empty()).then(|| quote!(#[composite(#(#args),*)]));
        let mut used = std::collections::HashSet::new();
        let mut fields = Vec::with_capacity(c.attributes.len());
        for a in &c.attributes {
            let (field, rename) = field_ident(&a.name, &mut used);
            let (rust_ty, sql_type) = self.rust_type(&a.ty);
            let mut column = Vec::new();
            if rename {
                let n = &a.name;
                column.push(quote!(name = #n));
            }
            if let Some(sql) = sql_type {
                column.push(quote!(sql_type = #sql));
            }
            let column = (!column.is_empty()).then(|| quote!(#[column(#(#column),*)]));
            fields.push(quote! {
                #column
                pub #field: Option<#rust_ty>
            });
        }
        let doc = doc_attrs(c.comment.as_deref());
        quote! {
            #doc
            #[derive(CompositeType)]
            #attr
            pub struct #ident {
                #(#fields),*
            }
        }
    }
}
