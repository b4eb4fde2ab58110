//! temporary measurement
#[test]
fn lower_bound() {
    let text = std::fs::read_to_string("/tmp/big.json").unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let _: serde::de::IgnoredAny = serde_json::from_str(&text).unwrap();
        let a = t.elapsed();
        let t = std::time::Instant::now();
        let _: serde_json::Value = serde_json::from_str(&text).unwrap();
        let b = t.elapsed();
        let t = std::time::Instant::now();
        let s = shale_migrations::snapshot::Snapshot::from_json(&text).unwrap();
        let c = t.elapsed();
        let t = std::time::Instant::now();
        let _ = s.to_json();
        let d = t.elapsed();
        println!("ignored {a:?} value {b:?} from_json {c:?} to_json {d:?}");
    }
}
