//! A quicker reading of the common shape of a schema struct: a braced
//! struct without generics whose field types are plain paths
//! (`i64`, `Option<chrono::DateTime<chrono::Utc>>`, `Vec<String>`).
//!
//! It builds exactly the [`syn::ItemStruct`] syn's own parser builds, with
//! the same spans, only without syn's general type grammar, which is most of
//! the cost of reading a large schema. Anything else (a reference or tuple
//! type, a lifetime argument, generics, a syntax error) is `None`, and the
//! caller reads the item with syn as before, so messages are syn's.

use syn::parse::discouraged::Speculative;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{
    AngleBracketedGenericArguments, Attribute, Field, FieldMutability, Fields, FieldsNamed,
    GenericArgument, Generics, Ident, ItemStruct, Path, PathArguments, PathSegment, Token, Type,
    TypePath, Visibility,
};

/// Types nested deeper than this go to syn (which bounds its own recursion).
const MAX_DEPTH: usize = 16;

/// The struct at the start of `input`, or `None` (nothing consumed).
pub(crate) fn item_struct(input: ParseStream) -> Option<ItemStruct> {
    let fork = input.fork();
    let item = read_struct(&fork).ok()?;
    input.advance_to(&fork);
    Some(item)
}

fn read_struct(input: ParseStream) -> syn::Result<ItemStruct> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    let struct_token: Token![struct] = input.parse()?;
    let ident: Ident = input.parse()?;
    if !input.peek(syn::token::Brace) {
        return Err(input.error("not a braced struct"));
    }
    let content;
    let brace_token = syn::braced!(content in input);
    let mut named = Punctuated::new();
    while !content.is_empty() {
        let attrs = content.call(Attribute::parse_outer)?;
        let vis: Visibility = content.parse()?;
        let ident: Ident = content.parse()?;
        let colon_token: Token![:] = content.parse()?;
        let ty = path_type(&content, 0).ok_or_else(|| content.error("not a plain path type"))?;
        named.push_value(Field {
            attrs,
            vis,
            mutability: FieldMutability::None,
            ident: Some(ident),
            colon_token: Some(colon_token),
            ty,
        });
        if content.is_empty() {
            break;
        }
        named.push_punct(content.parse::<Token![,]>()?);
    }
    Ok(ItemStruct {
        attrs,
        vis,
        struct_token,
        ident,
        generics: Generics::default(),
        fields: Fields::Named(FieldsNamed { brace_token, named }),
        semi_token: None,
    })
}

/// `[::]a::b::C<T, U>` whose arguments are again such types.
fn path_type(input: ParseStream, depth: usize) -> Option<Type> {
    if depth > MAX_DEPTH {
        return None;
    }
    let leading_colon = if input.peek(Token![::]) {
        Some(input.parse::<Token![::]>().ok()?)
    } else {
        None
    };
    let mut segments = Punctuated::new();
    loop {
        let ident: Ident = input.parse().ok()?;
        let arguments = if input.peek(Token![<]) && !input.peek(Token![<=]) {
            let lt_token: Token![<] = input.parse().ok()?;
            let mut args = Punctuated::new();
            while !input.peek(Token![>]) {
                args.push_value(GenericArgument::Type(path_type(input, depth + 1)?));
                if !input.peek(Token![,]) {
                    break;
                }
                args.push_punct(input.parse::<Token![,]>().ok()?);
            }
            let gt_token: Token![>] = input.parse().ok()?;
            PathArguments::AngleBracketed(AngleBracketedGenericArguments {
                colon2_token: None,
                lt_token,
                args,
                gt_token,
            })
        } else {
            PathArguments::None
        };
        segments.push_value(PathSegment { ident, arguments });
        if !input.peek(Token![::]) {
            break;
        }
        segments.push_punct(input.parse::<Token![::]>().ok()?);
    }
    Some(Type::Path(TypePath {
        qself: None,
        path: Path {
            leading_colon,
            segments,
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse::Parser;

    /// The quick reading equals syn's, token for token (spans aside).
    #[test]
    fn reads_what_syn_reads() {
        let sources = [
            "pub struct A { pub id: i64, name: String }",
            "#[derive(Table)] #[table(name = \"t\")] /// doc\n pub(crate) struct B { #[column(primary_key)] pub id: i64, }",
            "struct C { a: Option<rust_decimal::Decimal>, b: chrono::DateTime<chrono::Utc>, c: Vec<Vec<u8>>, d: ::std::string::String, e: Option<Vec<Option<i32>>> }",
            "struct D {}",
            "struct E { r#type: String }",
        ];
        for source in sources {
            let tokens: proc_macro2::TokenStream = source.parse().unwrap();
            let quick = (|input: ParseStream| Ok(item_struct(input)))
                .parse2(tokens.clone())
                .unwrap()
                .unwrap_or_else(|| panic!("not read quickly: {source}"));
            let syn_item: ItemStruct = syn::parse2(tokens).unwrap();
            assert_eq!(quick, syn_item, "{source}");
        }
    }

    /// Shapes left to syn.
    #[test]
    fn leaves_other_shapes_to_syn() {
        let sources = [
            "struct A { a: &'static str }",
            "struct B<T> { a: T }",
            "struct C { a: (i32, i64) }",
            "struct D { a: [u8; 4] }",
            "struct E(i32);",
            "struct F { a: Cow<'static, str> }",
            "struct G { a: i32 b: i32 }",
            "struct H { a: <T as Trait>::Out }",
            "struct I { a: dyn Fn() }",
        ];
        for source in sources {
            let tokens: proc_macro2::TokenStream = source.parse().unwrap();
            let quick = (|input: ParseStream| {
                let quick = item_struct(input);
                input.parse::<proc_macro2::TokenStream>()?;
                Ok(quick)
            })
            .parse2(tokens)
            .unwrap();
            assert!(quick.is_none(), "{source}");
        }
    }
}
