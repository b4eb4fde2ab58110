//! Items inside inline modules are part of the schema.

pub mod accounts {
    #[derive(Table)]
    #[table(name = "orgs")]
    pub struct Org {
        #[column(primary_key, identity)]
        pub id: i64,
    }

    pub mod nested {
        #[derive(Table)]
        #[table(name = "org_settings")]
        pub struct OrgSettings {
            #[column(primary_key, references = "orgs.id", on_delete = "cascade")]
            pub org_id: i64,
            pub theme: String,
        }
    }
}
