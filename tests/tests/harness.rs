//! The throwaway PostgreSQL harness itself works: a server starts as an
//! unprivileged user, databases are isolated, and password auth is enforced.

#[test]
fn fresh_databases_are_isolated_and_real() {
    let a = shale_tests::fresh_database();
    let b = shale_tests::fresh_database();
    assert_ne!(a, b);
    let mut ca = shale_tests::connect(&a);
    ca.batch_execute("CREATE TABLE t (id int primary key); INSERT INTO t VALUES (1)")
        .unwrap();
    let mut cb = shale_tests::connect(&b);
    let n: i64 = cb
        .query_one("SELECT count(*) FROM pg_tables WHERE tablename = 't'", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0, "a table created in one database leaked into another");
    let v: i32 = ca.query_one("SELECT id FROM t", &[]).unwrap().get(0);
    assert_eq!(v, 1);
}

#[test]
fn wrong_password_is_refused() {
    let url = shale_tests::fresh_database().replace(shale_tests::SUPERUSER_PASSWORD, "wrong");
    assert!(postgres::Client::connect(&url, postgres::NoTls).is_err());
}
