//! Temporary dump.
#[test]
fn dump() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let mut n = 0; let mut h = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path().join("expected.sql")).filter(|p| p.is_file()).collect();
    entries.sort();
    for p in entries {
        let text = std::fs::read_to_string(&p).unwrap();
        n += 1;
        h += text.lines().filter(|l| l.starts_with("-- hazard: DELETES_DATA") || l.starts_with("-- hazard: NOT_NULL")).count();
        for f in shale_lint::lint(p.strip_prefix(&root).unwrap(), &text, shale_lint::Dialect::Postgresql, &Default::default()) {
            println!("{}", f.to_string().lines().next().unwrap());
        }
    }
    println!("files {n} relevant hazards {h}");
}
