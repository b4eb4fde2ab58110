//! The derive macros of shale, `Table`, `PgEnum`, `Sequence`, `Domain`,
//! `CompositeType` and
//! `Extension`: they check an item's
//! attributes with the very grammar `shale generate` uses
//! (`shale_parser::grammar`) and generate zero-cost metadata. Use them
//! through the `shale` crate, which holds the traits they implement.
//!
//! **Architecture invariant:** no attribute is interpreted here beyond what
//! the parser returns; a mistake is a compile error with the parser's
//! message on the parser's span. Each item is checked as `shale generate`
//! checks it, in two passes: the grammar (spelling, value types, misplaced
//! attributes), then the parser's per-item lowering rules
//! (`shale_parser::check_table` / `check_enum` / `check_sequence` /
//! `check_extension`: duplicate columns, primary
//! keys, identity and defaults, column lists, names, enum values, …), and
//! the mistakes of both are reported at once. Rules across items
//! (references to other tables, names shared with other items, column types
//! naming enums) need the whole schema and are left to `shale generate` and
//! `shale check`.

#![deny(missing_docs)]

mod view;

use heck::ToSnakeCase;
use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use shale_parser::grammar::{self, EnumDef, TableDef};
use syn::{parse_macro_input, DeriveInput, Ident, LitStr};

/// Derives `shale::Table` for a struct with named fields: a database table.
///
/// Accepts shale's attribute language (`#[table]`, `#[column]`, `#[index]`,
/// `#[unique]`, `#[check]`, `#[primary_key]`, `#[foreign_key]`) and
/// generates the `shale::Table` impl, the same constants as inherent
/// associated constants, and a module `<snake_case name>_columns` with one
/// `&str` constant per column field (named after the field, uppercased).
#[proc_macro_derive(
    Table,
    attributes(
        table,
        column,
        index,
        unique,
        check,
        primary_key,
        foreign_key,
        policy,
        trigger,
        grant,
        partition,
        exclude,
        pg_enum
    )
)]
pub fn derive_table(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let vis = input.vis.clone();
    let generics = input.generics.clone();
    match grammar::table_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            // Lowering runs on what the grammar could read, as in `shale
            // generate`: the union is what the CLI reports for this item.
            errors.extend(shale_parser::check_table(&def));
            match grammar::combine(in_source_order(errors)) {
                Some(error) => error.to_compile_error().into(),
                None => table_tokens(&def, &vis, &generics).into(),
            }
        }
    }
}

/// Derives `shale::View` for a struct whose named fields are the columns
/// of a view or materialized view.
///
/// Accepts `#[view(name, schema, renamed_from, sql | sql_file,
/// materialized, with_check_option, security_invoker, security_barrier)]`,
/// `#[index(…)]` (materialized views only) and `#[column(name, sql_type,
/// skip)]` on fields, checked as `shale generate` checks them (a
/// `sql_file` is read by `shale generate`, not here), and generates the
/// `shale::View` impl, the same constants as inherent associated constants
/// and a `<snake_case name>_columns` module, as for tables.
#[proc_macro_derive(View, attributes(view, index, column, grant))]
pub fn derive_view(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let vis = input.vis.clone();
    let generics = input.generics.clone();
    match grammar::view_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_view(&def));
            match grammar::combine(in_source_order(errors)) {
                Some(error) => error.to_compile_error().into(),
                None => view::view_tokens(&def, &vis, &generics).into(),
            }
        }
    }
}

/// Derives `shale::PgEnum` for an enum of unit variants: a PostgreSQL enum.
///
/// Accepts `#[pg_enum(name, schema, renamed_from)]` on the enum and
/// `#[pg_enum(rename, renamed_from)]` on variants, and generates the
/// `shale::PgEnum` impl, inherent `NAME`, `SCHEMA`, `QUALIFIED_NAME`,
/// `VALUES` and `as_str`, `Display`, `FromStr` (error
/// `shale::ParseEnumError`) and, with shale's `postgres` feature,
/// `postgres_types::ToSql`/`FromSql`.
#[proc_macro_derive(
    PgEnum,
    attributes(
        table,
        column,
        index,
        unique,
        check,
        primary_key,
        foreign_key,
        policy,
        pg_enum
    )
)]
pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let generics = input.generics.clone();
    match grammar::pg_enum_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_enum(&def));
            match grammar::combine(in_source_order(errors)) {
                Some(error) => error.to_compile_error().into(),
                None => enum_tokens(&def, &generics).into(),
            }
        }
    }
}

/// Derives `shale::Sequence` for a unit struct: a standalone sequence.
///
/// Accepts `#[sequence(name, schema, data_type, start, increment, min, max,
/// cache, cycle, owned_by, renamed_from)]` and generates the
/// `shale::Sequence` impl and the same constants as inherent associated
/// constants (`NAME`, `SCHEMA`, `QUALIFIED_NAME`).
#[proc_macro_derive(Sequence, attributes(sequence, grant))]
pub fn derive_sequence(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::sequence_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_sequence(&def));
            let trait_path = quote!(::shale::Sequence);
            unit_object(&def.ident, &def.name, Some(&def.schema), errors, trait_path)
        }
    }
}

/// Derives `shale::Extension` for a unit struct: an extension the schema
/// needs.
///
/// Accepts `#[extension(name, schema, version)]` and generates the
/// `shale::Extension` impl and an inherent `NAME`.
#[proc_macro_derive(Extension, attributes(extension))]
pub fn derive_extension(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::extension_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_extension(&def));
            let trait_path = quote!(::shale::Extension);
            unit_object(&def.ident, &def.name, None, errors, trait_path)
        }
    }
}

/// Derives `shale::Function` for a unit struct: a function or procedure.
///
/// Accepts `#[function(name, schema, procedure, args, returns, language,
/// sql, sql_file, volatility, strict, security_definer, leakproof,
/// parallel, search_path)]` and generates the `shale::Function` impl and
/// the same constants as inherent associated constants (`NAME`, `SCHEMA`,
/// `QUALIFIED_NAME`).
#[proc_macro_derive(Function, attributes(function, grant))]
pub fn derive_function(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::function_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_function(&def));
            let trait_path = quote!(::shale::Function);
            unit_object(&def.ident, &def.name, Some(&def.schema), errors, trait_path)
        }
    }
}

/// Derives `shale::Namespace` for a unit struct: what the schema says about
/// a namespace (PostgreSQL schema) itself.
///
/// Accepts `#[namespace(name, comment)]` and `#[grant(usage, create, to =
/// "…")]`, and generates the `shale::Namespace` impl and an inherent `NAME`.
#[proc_macro_derive(Namespace, attributes(namespace, grant))]
pub fn derive_namespace(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::namespace_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_namespace(&def));
            let trait_path = quote!(::shale::Namespace);
            unit_object(&def.ident, &def.name, None, errors, trait_path)
        }
    }
}

/// Derives `shale::Domain` for a newtype struct: a domain over the type of
/// its one field (`pub struct Email(pub String);`).
///
/// Accepts `#[domain(name, schema, sql_type, default, not_null, collate,
/// renamed_from)]` and `#[check(name, expr)]`, and generates the
/// `shale::Domain` impl and the same constants as inherent associated
/// constants (`NAME`, `SCHEMA`, `QUALIFIED_NAME`).
#[proc_macro_derive(Domain, attributes(domain, check))]
pub fn derive_domain(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::domain_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_domain(&def));
            let trait_path = quote!(::shale::Domain);
            unit_object(&def.ident, &def.name, Some(&def.schema), errors, trait_path)
        }
    }
}

/// Derives `shale::CompositeType` for a struct with named fields: a
/// composite type whose attributes are the fields.
///
/// Accepts `#[composite(name, schema, renamed_from)]` and, on fields,
/// `#[column(name, sql_type, renamed_from)]`, and generates the
/// `shale::CompositeType` impl and the same constants as inherent
/// associated constants (`NAME`, `SCHEMA`, `QUALIFIED_NAME`).
#[proc_macro_derive(CompositeType, attributes(composite, column))]
pub fn derive_composite_type(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match grammar::composite_type_from_derive(input) {
        Err(error) => syn::Error::from(error).to_compile_error().into(),
        Ok((def, mut errors)) => {
            errors.extend(shale_parser::check_composite_type(&def));
            let trait_path = quote!(::shale::CompositeType);
            unit_object(&def.ident, &def.name, Some(&def.schema), errors, trait_path)
        }
    }
}

/// The errors of a unit-struct object (sequence, extension, function) as a
/// compile error, else its trait impl and constants: its name (`name = …`,
/// else snake_case of the struct) and, for objects in a schema, the schema
/// (default `public`).
fn unit_object(
    ident: &Ident,
    name: &Option<grammar::Spanned<String>>,
    schema: Option<&Option<grammar::Spanned<String>>>,
    errors: Vec<grammar::Error>,
    trait_path: TokenStream2,
) -> TokenStream {
    if let Some(error) = grammar::combine(in_source_order(errors)) {
        return error.to_compile_error().into();
    }
    let name = name
        .as_ref()
        .map_or_else(|| ident.to_string().to_snake_case(), |n| n.value.clone());
    let schema = schema.map(|s| {
        s.as_ref()
            .map_or_else(|| "public".to_string(), |s| s.value.clone())
    });
    named_tokens(ident, trait_path, &name, schema.as_deref()).into()
}

/// The trait impl and inherent constants of a named object: `NAME`, and
/// with a schema `SCHEMA` and `QUALIFIED_NAME`.
fn named_tokens(
    ident: &Ident,
    trait_path: TokenStream2,
    name: &str,
    schema: Option<&str>,
) -> TokenStream2 {
    let name_lit = lit(name);
    let (trait_consts, inherent_consts) = match schema {
        Some(schema) => {
            let schema_lit = lit(schema);
            let qualified_lit = lit(&qualified(schema, name));
            (
                quote! {
                    const NAME: &'static str = #name_lit;
                    const SCHEMA: &'static str = #schema_lit;
                    const QUALIFIED_NAME: &'static str = #qualified_lit;
                },
                quote! {
                    /// The SQL name, unquoted.
                    pub const NAME: &'static str = #name_lit;
                    /// The namespace, unquoted.
                    pub const SCHEMA: &'static str = #schema_lit;
                    /// `"schema"."name"`, quoted.
                    pub const QUALIFIED_NAME: &'static str = #qualified_lit;
                },
            )
        }
        None => (
            quote!(const NAME: &'static str = #name_lit;),
            quote! {
                /// The SQL name, unquoted.
                pub const NAME: &'static str = #name_lit;
            },
        ),
    };
    quote! {
        impl #trait_path for #ident {
            #trait_consts
        }
        impl #ident {
            #inherent_consts
        }
    }
}

/// The grammar's and lowering's errors of one item in the order `shale
/// generate` lists them: by position (a stable sort, so errors at one place
/// keep their order).
fn in_source_order(mut errors: Vec<grammar::Error>) -> Vec<grammar::Error> {
    errors.sort_by_key(|e| {
        let start = e.span.start();
        (start.line, start.column)
    });
    errors
}

/// A field's identifier without `r#`, as lowering names columns.
fn unraw(ident: &Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

/// `"schema"."name"` with embedded quotes doubled.
fn qualified(schema: &str, name: &str) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    format!("{}.{}", quote(schema), quote(name))
}

fn lit(value: &str) -> LitStr {
    LitStr::new(value, Span::call_site())
}

fn table_tokens(def: &TableDef, vis: &syn::Visibility, generics: &syn::Generics) -> TokenStream2 {
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
    let qualified_name = qualified(&schema, &name);

    // (field, SQL name) of every column, in field order.
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
    // Lists name columns by SQL name or by field name, SQL name first (as
    // lowering resolves them); an unknown name is `shale generate`'s to
    // report, so it is passed through unchanged.
    let resolve = |written: &str| -> String {
        columns
            .iter()
            .find(|(_, sql)| sql == written)
            .or_else(|| columns.iter().find(|(f, _)| unraw(f) == written))
            .map_or_else(|| written.to_string(), |(_, sql)| sql.clone())
    };
    // Table-level `#[primary_key]` first, else the first field with
    // `#[column(primary_key)]`: a second one is an error of lowering.
    let primary_key: Vec<String> = match def.attrs.primary_keys.first() {
        Some(pk) => pk.columns.iter().map(|c| resolve(&c.value)).collect(),
        None => def
            .fields
            .iter()
            .filter(|f| f.attrs.skip.is_none())
            .find(|f| f.attrs.primary_key.is_some())
            .map(|f| {
                vec![f
                    .attrs
                    .name
                    .as_ref()
                    .map_or_else(|| unraw(&f.ident), |n| n.value.clone())]
            })
            .unwrap_or_default(),
    };

    let name_lit = lit(&name);
    let schema_lit = lit(&schema);
    let qualified_lit = lit(&qualified_name);
    let column_lits: Vec<LitStr> = columns.iter().map(|(_, sql)| lit(sql)).collect();
    let pk_lits: Vec<LitStr> = primary_key.iter().map(|c| lit(c)).collect();
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let module = format_ident!("{}_columns", ident.to_string().to_snake_case());
    // Items in the module are seen from one level deeper: `pub` stays `pub`,
    // anything narrower becomes `pub(crate)` so the parent can still use it.
    let module_vis = match vis {
        syn::Visibility::Public(_) => quote!(pub),
        _ => quote!(pub(crate)),
    };
    let module_doc = lit(&format!(
        "The SQL column names of [`{ident}`] (table `{name}`), one constant per column field."
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
        impl #impl_generics ::shale::Table for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name_lit;
            const SCHEMA: &'static str = #schema_lit;
            const QUALIFIED_NAME: &'static str = #qualified_lit;
            const COLUMNS: &'static [&'static str] = &[#(#column_lits),*];
            const PRIMARY_KEY: &'static [&'static str] = &[#(#pk_lits),*];
        }

        #[allow(dead_code)]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The table's SQL name, unquoted.
            pub const NAME: &'static str = #name_lit;
            /// The table's namespace (PostgreSQL schema), unquoted.
            pub const SCHEMA: &'static str = #schema_lit;
            /// `"schema"."name"`, quoted for SQL.
            pub const QUALIFIED_NAME: &'static str = #qualified_lit;
            /// The SQL column names, in field order (`skip` fields left out).
            pub const COLUMNS: &'static [&'static str] = &[#(#column_lits),*];
            /// The SQL names of the primary key's columns, in key order.
            pub const PRIMARY_KEY: &'static [&'static str] = &[#(#pk_lits),*];
        }

        #[doc = #module_doc]
        #[allow(dead_code)]
        #module_vis mod #module {
            #(#column_consts)*
        }
    }
}

fn enum_tokens(def: &EnumDef, generics: &syn::Generics) -> TokenStream2 {
    let ident = &def.ident;
    if !generics.params.is_empty() {
        // Not a grammar rule (`shale generate` only reads the variants), but
        // the generated `FromStr` and `postgres_types` impls need a concrete type.
        return syn::Error::new_spanned(
            &generics.params,
            "a `PgEnum` cannot have generic parameters\n\nhelp: remove the parameters; a database enum is a plain list of labels",
        )
        .to_compile_error();
    }
    let name = def
        .name
        .as_ref()
        .map_or_else(|| ident.to_string().to_snake_case(), |n| n.value.clone());
    let schema = def
        .schema
        .as_ref()
        .map_or_else(|| "public".to_string(), |s| s.value.clone());
    let qualified_name = qualified(&schema, &name);
    let variants: Vec<&Ident> = def.variants.iter().map(|v| &v.ident).collect();
    let values: Vec<LitStr> = def
        .variants
        .iter()
        .map(|v| {
            let value = v
                .rename
                .as_ref()
                .map_or_else(|| v.ident.to_string().to_snake_case(), |r| r.value.clone());
            lit(&value)
        })
        .collect();
    let name_lit = lit(&name);
    let schema_lit = lit(&schema);
    let qualified_lit = lit(&qualified_name);

    quote! {
        impl ::shale::PgEnum for #ident {
            const NAME: &'static str = #name_lit;
            const SCHEMA: &'static str = #schema_lit;
            const QUALIFIED_NAME: &'static str = #qualified_lit;
            const VALUES: &'static [&'static str] = &[#(#values),*];

            fn as_str(&self) -> &'static str {
                #ident::as_str(self)
            }

            fn from_db_str(value: &str) -> ::core::option::Option<Self> {
                match value {
                    #(#values => ::core::option::Option::Some(#ident::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #[allow(dead_code)]
        impl #ident {
            /// The enum type's SQL name, unquoted.
            pub const NAME: &'static str = #name_lit;
            /// The enum type's namespace (PostgreSQL schema), unquoted.
            pub const SCHEMA: &'static str = #schema_lit;
            /// `"schema"."name"`, quoted for SQL.
            pub const QUALIFIED_NAME: &'static str = #qualified_lit;
            /// The database values, in declaration order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The database value of this variant.
            pub fn as_str(&self) -> &'static str {
                // By value: an empty enum (an error `shale generate` reports)
                // still type-checks, as `match *self {}`.
                match *self {
                    #(#ident::#variants => #values,)*
                }
            }
        }

        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#ident::as_str(self))
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = ::shale::ParseEnumError;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                <#ident as ::shale::PgEnum>::from_db_str(value)
                    .ok_or_else(|| ::shale::ParseEnumError::new::<#ident>(value))
            }
        }

        ::shale::__pg_enum_postgres!(#ident);
    }
}
