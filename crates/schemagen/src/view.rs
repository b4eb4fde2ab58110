//! Views as `#[derive(View)]` structs: `#[view(…)]` options, the query in
//! its own `#[view(sql = …)]` (a raw string literal when it spans lines, as
//! PostgreSQL prints queries), `#[index(…)]` on materialized views and one
//! field per column. Fields are written `Option<T>`: a view column may be
//! NULL whatever the query, and the parser reads `T` and `Option<T>` alike.

use std::str::FromStr;

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use shale_model::{CheckOption, Column, Table, View};

use crate::{doc_attrs, field_idents, Renderer};

/// `sql` as a Rust string literal: a raw string when it spans lines or
/// holds quotes or backslashes (readable SQL), a plain one otherwise.
fn sql_literal(sql: &str) -> TokenStream {
    if !(sql.contains('\n') || sql.contains('"') || sql.contains('\\')) {
        return quote!(#sql);
    }
    // Enough `#` that the text cannot close the literal early.
    let mut hashes = 1;
    while sql.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let h = "#".repeat(hashes);
    TokenStream::from_str(&format!("r{h}\"{sql}\"{h}")).unwrap_or_else(|_| quote!(#sql))
}

impl Renderer {
    pub(crate) fn render_view(&mut self, v: &View) -> TokenStream {
        let ident = self.type_ident(&v.name);
        let mut args = Vec::new();
        if ident.to_string().to_snake_case() != v.name.name {
            let n = &v.name.name;
            args.push(quote!(name = #n));
        }
        if !v.name.is_public() {
            let s = &v.name.namespace;
            args.push(quote!(schema = #s));
        }
        if v.materialized {
            args.push(quote!(materialized));
        }
        match v.check_option {
            CheckOption::None => {}
            CheckOption::Local => args.push(quote!(with_check_option = "local")),
            CheckOption::Cascaded => args.push(quote!(with_check_option = "cascaded")),
        }
        if v.security_invoker {
            args.push(quote!(security_invoker));
        }
        if v.security_barrier {
            args.push(quote!(security_barrier));
        }
        let options = (!args.is_empty()).then(|| quote!(#[view(#(#args),*)]));
        let sql = sql_literal(&v.query);
        // Columns and indexes are written as a table's, with the view's
        // columns standing in for the table's.
        let columns: Vec<Column> = v
            .columns
            .iter()
            .map(|c| {
                let mut column = Column::new(c.name.clone(), c.ty.clone());
                column.nullable = true;
                column.comment = c.comment.clone();
                column
            })
            .collect();
        self.fields = field_idents(&columns);
        let mut table = Table::new(v.name.clone());
        table.columns = columns.clone();
        let indexes: Vec<TokenStream> = v
            .indexes
            .iter()
            .map(|i| self.index_attr(&table, i))
            .collect();
        let fields: Vec<TokenStream> = columns
            .iter()
            .map(|c| self.render_column(c, Vec::new()))
            .collect();
        let doc = doc_attrs(v.comment.as_deref());
        let grants = super::grant::grant_attrs(&v.grants);
        quote! {
            #doc
            #[derive(View)]
            #options
            #[view(sql = #sql)]
            #(#indexes)*
            #(#grants)*
            pub struct #ident { #(#fields),* }
        }
    }
}
