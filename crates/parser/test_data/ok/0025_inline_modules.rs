pub mod accounts {
    #![allow(dead_code)]

    #[derive(Table)]
    pub struct Account {
        #[column(primary_key)]
        pub id: i64,
        pub status: super::billing::Status,
    }

    mod nested {
        #[derive(Table)]
        pub(crate) struct Audit {
            pub id: i64,
            #[column(references = "account.id")]
            pub account_id: i64,
        }
    }
}

mod billing {
    #[derive(PgEnum)]
    pub enum Status {
        Active,
        Suspended,
    }
}

mod declared_elsewhere;
