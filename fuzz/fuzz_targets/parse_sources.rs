//! libFuzzer target: any UTF-8 input, parsed as one schema file (and, split
//! at the first NUL byte, as two files) for both dialects, must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shale_parser::{parse_sources, Dialect, ParseOptions, SourceFile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files: Vec<SourceFile> = text
        .splitn(2, '\0')
        .enumerate()
        .map(|(i, part)| SourceFile { path: format!("f{i}.rs").into(), text: part.to_string() })
        .collect();
    for dialect in [Dialect::Postgres, Dialect::Sqlite] {
        let parsed = parse_sources(&files, &ParseOptions { dialect, threads: 2, ..Default::default() });
        for d in &parsed.diagnostics {
            let text = &files[d.file].text;
            assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }
});
