//! The tokens `#[derive(View)]` generates: the same kind of metadata as a
//! table's (name, schema, quoted name, columns, a `<name>_columns` module),
//! plus whether the view is materialized.

use heck::ToSnakeCase;
use proc_macro2::TokenStream as TokenStream2;
use quote::{format_ident, quote};
use shale_parser::grammar::ViewDef;
use syn::{Ident, LitStr};

use crate::{lit, qualified, unraw};

pub(crate) fn view_tokens(
    def: &ViewDef,
    vis: &syn::Visibility,
    generics: &syn::Generics,
) -> TokenStream2 {
    let ident = &def.ident;
    let name = def
        .attrs
        .name
        .as_ref()
        .map_or_else(|| ident.to_string().to_snake_case(), |n| n.value.clone());
    let schema = def
        .attrs
        .schema
        .as_ref()
        .map_or_else(|| "public".to_string(), |s| s.value.clone());
    let columns: Vec<(&Ident, String)> = def
        .fields
        .iter()
        .filter(|f| f.attrs.skip.is_none())
        .map(|f| {
            let sql = f
                .attrs
                .name
                .as_ref()
                .map_or_else(|| unraw(&f.ident), |n| n.value.clone());
            (&f.ident, sql)
        })
        .collect();
    let name_lit = lit(&name);
    let schema_lit = lit(&schema);
    let qualified_lit = lit(&qualified(&schema, &name));
    let column_lits: Vec<LitStr> = columns.iter().map(|(_, sql)| lit(sql)).collect();
    let materialized = def.attrs.materialized.is_some();
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let module = format_ident!("{}_columns", ident.to_string().to_snake_case());
    let module_vis = match vis {
        syn::Visibility::Public(_) => quote!(pub),
        _ => quote!(pub(crate)),
    };
    let module_doc = lit(&format!(
        "The SQL column names of [`{ident}`] (view `{name}`), one constant per column field."
    ));
    let column_consts = columns.iter().map(|(field, sql)| {
        let konst = format_ident!("{}", unraw(field).to_uppercase());
        let doc = lit(&format!("Column `{sql}` (field `{}`).", unraw(field)));
        let sql = lit(sql);
        quote! {
            #[doc = #doc]
            pub const #konst: &str = #sql;
        }
    });
    quote! {
        impl #impl_generics ::shale::View for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name_lit;
            const SCHEMA: &'static str = #schema_lit;
            const QUALIFIED_NAME: &'static str = #qualified_lit;
            const COLUMNS: &'static [&'static str] = &[#(#column_lits),*];
            const MATERIALIZED: bool = #materialized;
        }

        #[allow(dead_code)]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The view's SQL name, unquoted.
            pub const NAME: &'static str = #name_lit;
            /// The view's namespace (PostgreSQL schema), unquoted.
            pub const SCHEMA: &'static str = #schema_lit;
            /// `"schema"."name"`, quoted for SQL.
            pub const QUALIFIED_NAME: &'static str = #qualified_lit;
            /// The SQL column names, in field order (`skip` fields left out).
            pub const COLUMNS: &'static [&'static str] = &[#(#column_lits),*];
            /// Whether it is a materialized view (`REFRESH MATERIALIZED VIEW` applies).
            pub const MATERIALIZED: bool = #materialized;
        }

        #[doc = #module_doc]
        #[allow(dead_code)]
        #module_vis mod #module {
            #(#column_consts)*
        }
    }
}
