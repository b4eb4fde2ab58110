//! `shale-shadow` on its own: a server started from the local binaries is
//! real, password-protected and deleted when dropped; a temporary database on
//! an existing server is created and dropped again.

use shale_shadow::{Server, ServerOptions, ShadowDatabase};

#[test]
fn a_local_server_is_real_and_removed_on_drop() {
    let server = Server::start(&ServerOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let data_dir = server.data_dir().to_path_buf();
    assert!(data_dir.join("PG_VERSION").exists());
    let mut c = shale_db::connect(&server.url("postgres")).unwrap_or_else(|e| panic!("{e}"));
    let fsync: String = c.query_one("SHOW fsync", &[]).unwrap().get(0);
    assert_eq!(fsync, "off");
    // A random password, enforced.
    assert_eq!(server.password().len(), 16);
    let wrong = server.url("postgres").replace(server.password(), "wrong");
    assert!(shale_db::connect(&wrong).is_err());
    drop(c);
    drop(server);
    assert!(!data_dir.exists(), "the data directory must be deleted");
}

#[test]
fn a_local_shadow_database_is_empty_and_goes_away() {
    let shadow = ShadowDatabase::start_local().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        shadow
            .describe()
            .starts_with("a throwaway PostgreSQL server on 127.0.0.1:"),
        "{}",
        shadow.describe()
    );
    let mut c = shadow.connect().unwrap();
    let tables: i64 = c
        .query_one("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", &[])
        .unwrap()
        .get(0);
    assert_eq!(tables, 0);
    c.batch_execute("CREATE TABLE t (id int)").unwrap();
    drop(c);
    shadow.close().unwrap();
}

#[test]
fn a_shadow_database_on_an_existing_server_is_dropped_again() {
    let admin = shale_tests::fresh_database();
    let shadow = ShadowDatabase::create_on(&admin).unwrap_or_else(|e| panic!("{e}"));
    let name = shadow.name().to_string();
    assert!(name.starts_with("shale_shadow_"), "{name}");
    assert!(!shadow.describe().contains(shale_tests::SUPERUSER_PASSWORD));
    let mut c = shadow.connect().unwrap();
    let current: String = c
        .query_one("SELECT current_database()", &[])
        .unwrap()
        .get(0);
    assert_eq!(current, name);
    // A session left open (as after a failed replay) does not stop the drop.
    shadow.close().unwrap();
    let mut admin_client = shale_tests::connect(&admin);
    let left: i64 = admin_client
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname = $1",
            &[&name],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "{name} must be dropped");
    assert!(
        c.batch_execute("SELECT 1").is_err(),
        "the left-over session was ended"
    );
}

#[test]
fn a_server_without_createdb_rights_is_a_clear_error() {
    let admin = shale_tests::fresh_database();
    let mut c = shale_tests::connect(&admin);
    c.batch_execute("DROP ROLE IF EXISTS shadow_nocreate; CREATE ROLE shadow_nocreate LOGIN PASSWORD 'pw' NOCREATEDB")
        .unwrap();
    let url = format!(
        "postgres://shadow_nocreate:pw@127.0.0.1:{}/postgres?sslmode=disable",
        shale_tests::server().port
    );
    let err = ShadowDatabase::create_on(&url)
        .err()
        .expect("no CREATEDB, no shadow database")
        .to_string();
    assert!(
        err.contains("cannot create the temporary database shale_shadow_"),
        "{err}"
    );
    assert!(err.contains("CREATEDB"), "{err}");
}
