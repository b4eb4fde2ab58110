use std::str::FromStr;
#[path = "scale.rs"]
#[allow(dead_code)]
mod scale;

#[test]
fn bench() {
    let text = scale::generate_for_bench(3000);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let ts = proc_macro2::TokenStream::from_str(&text).unwrap();
        let lex = t.elapsed();
        let t = std::time::Instant::now();
        let f: syn::File = syn::parse2(ts).unwrap();
        let parse = t.elapsed();
        let t = std::time::Instant::now();
        drop(f);
        let drop_t = t.elapsed();
        let t = std::time::Instant::now();
        let p = shale_parser::parse_sources(&[shale_parser::SourceFile { path: "a.rs".into(), text: text.clone() }], &Default::default());
        let all = t.elapsed();
        eprintln!("len {} lex {lex:?} syn {parse:?} drop {drop_t:?} shale {all:?} {}", text.len(), p.schema.tables.len());
    }
}
